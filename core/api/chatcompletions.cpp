// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "chatcompletions.h"

#include "gating/gates.h"
#include "gating/worstcase.h"
#include "http/httpexchange.h"
#include "http/ssewriter.h"
#include "ledger/ledger.h"
#include "logging.h"
#include "providers/upstreamfactory.h"
#include "routing/autorouter.h"
#include "secrets/envkeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrl>

namespace signalbox {

namespace {

QByteArray headerValue(const QString &text) {
    // Response headers are ASCII: percent-encode anything else, such as a non-ASCII model name.
    return QUrl::toPercentEncoding(text, QByteArrayLiteral(":/@._-+"));
}

ApiError apiErrorFor(const UpstreamError &error) {
    ApiError api;
    api.message = error.message;
    if (error.kind == UpstreamError::Kind::Http && error.httpStatus >= 400 &&
        error.httpStatus < 500) {
        // A client error from the provider goes back as it is, never to another model.
        api.httpStatus = error.httpStatus;
        api.type = error.type.isEmpty() ? QStringLiteral("invalid_request_error") : error.type;
        api.code = error.code;
        return api;
    }
    api.httpStatus = error.kind == UpstreamError::Kind::Timeout ? 504 : 502;
    api.type = QStringLiteral("upstream_error");
    api.code = error.httpStatus > 0 ? QString::number(error.httpStatus) : QString();
    return api;
}

} // namespace

QString newRequestId() {
    const quint64 high = QRandomGenerator::global()->generate64();
    const quint32 low = QRandomGenerator::global()->generate();
    return QStringLiteral("sb-%1%2")
        .arg(high, 16, 16, QLatin1Char('0'))
        .arg(low & 0xfffff, 5, 16, QLatin1Char('0'))
        .left(23);
}

ChatCompletionRun::ChatCompletionRun(const ApiEnvironment &environment, HttpExchange *exchange)
    : m_environment(environment)
    , m_exchange(exchange) {
    m_clock.start();
    m_record.time = QDateTime::currentDateTimeUtc();
    m_record.requestId = newRequestId();
    m_record.endpoint = QStringLiteral("/v1/chat/completions");
    m_record.kind = QStringLiteral("request");

    connect(exchange, &HttpExchange::clientDisconnected, this, &ChatCompletionRun::onClientGone);
    connect(exchange, &QObject::destroyed, this, [this] {
        if (!m_finished)
            onClientGone();
    });
}

ChatCompletionRun::~ChatCompletionRun() = default;

void ChatCompletionRun::start() {
    if (!parseRequest())
        return;

    const HttpRequest &request = m_exchange->request();
    RouteInput input;
    input.model = m_body.value(QLatin1String("model")).toString();
    input.headerModel = QString::fromUtf8(request.header("x-signalbox-model"));
    input.headerStage = QString::fromUtf8(request.header("x-signalbox-stage"));
    input.features = m_features;

    const RouteOutcome outcome = route(*m_environment.config, input);
    if (const auto *rejection = std::get_if<RouteRejection>(&outcome)) {
        m_record.trace = rejection->trace;
        reject({rejection->httpStatus, rejection->type, rejection->code, rejection->message,
                QStringLiteral("model")},
               QStringLiteral("rejected"));
        return;
    }

    m_decision = std::get<RouteDecision>(outcome);
    m_record.stage = m_decision.stage;
    m_record.route = routeLevelName(m_decision.level);
    m_record.trace = m_decision.trace;
    m_record.estimatedInputTokens = m_features.estimatedInputTokens;
    m_record.streamed = m_features.stream;
    qCDebug(lcApi) << m_record.requestId << "routed" << m_record.route << m_decision.candidates;
    startAttempt();
}

bool ChatCompletionRun::parseRequest() {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(m_exchange->request().body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        const QString detail = parseError.error != QJsonParseError::NoError
                                   ? QStringLiteral("%1 at offset %2")
                                         .arg(parseError.errorString())
                                         .arg(parseError.offset)
                                   : QStringLiteral("the body is not a JSON object");
        reject(ApiError::badRequest(
                   QStringLiteral("invalid JSON body: %1; send a Chat Completions request object")
                       .arg(detail)),
               QStringLiteral("rejected"));
        return false;
    }

    m_body = document.object();
    if (!m_body.value(QLatin1String("messages")).isArray() ||
        m_body.value(QLatin1String("messages")).toArray().isEmpty()) {
        reject(ApiError::badRequest(QStringLiteral("'messages' is missing or not a non-empty "
                                                   "array; send at least one message"),
                                    QStringLiteral("messages")),
               QStringLiteral("rejected"));
        return false;
    }
    m_features = analyzeChatRequest(m_body);
    return true;
}

const ModelConfig *ChatCompletionRun::currentModel() const {
    return m_environment.config->findModel(m_decision.candidates.value(m_candidate));
}

void ChatCompletionRun::startAttempt() {
    ++m_candidate;
    const ModelConfig *model = currentModel();
    if (!model) {
        finish(QStringLiteral("error"), m_record.error);
        return;
    }
    const ProviderConfig *provider = m_environment.config->findProvider(model->provider);
    m_record.model = model->id;
    m_record.provider = model->provider;
    ++m_record.attempts;

    UpstreamRequest request;
    request.provider = *provider;
    request.model = *model;
    request.body = m_exchange->request().body;
    request.stream = m_features.stream;
    request.clientWantsUsage = m_features.includeUsage;
    request.timeouts = {provider->connectTimeoutMs, provider->firstByteTimeoutMs,
                        provider->idleTimeoutMs};
    request.apiKey = m_environment.apiKeyFor ? m_environment.apiKeyFor(*provider) : QString();
    if (provider->needsKey && request.apiKey.isEmpty()) {
        const QString variables =
            provider->keyEnv.isEmpty()
                ? upstreamKeyVariable(provider->id)
                : QStringLiteral("%1 or %2")
                      .arg(upstreamKeyVariable(provider->id), provider->keyEnv);
        failAttempt(
            QStringLiteral("no API key for provider '%1': set %2").arg(provider->id, variables));
        return;
    }

    admitAttempt(request);
}

// Reserves the attempt's worst-case cost and counts it in the rate windows before any upstream
// call, so concurrent requests cannot all pass a budget that only one of them fits.
void ChatCompletionRun::admitAttempt(const UpstreamRequest &request) {
    Gates *gates = m_environment.gates;
    if (!gates) {
        callUpstream(request);
        return;
    }

    const qint64 outputTokens =
        reservedOutputTokens(m_features.requestedMaxOutputTokens, request.model.maxOutputTokens,
                             gates->policy().defaultReservationOutputTokens);
    GateRequest gateRequest;
    gateRequest.requestId = m_record.requestId;
    gateRequest.model = request.model.id;
    gateRequest.provider = request.provider.id;
    gateRequest.stage = m_decision.stage;
    gateRequest.worstCaseCostUsd =
        worstCaseCostUsd(m_features.estimatedInputTokens, outputTokens, request.model.price);
    gateRequest.estimatedTokens = m_features.estimatedInputTokens + outputTokens;

    QPointer<ChatCompletionRun> self(this);
    gates->admit(gateRequest, [self, request](const GateOutcome &outcome) {
        if (!self || self->m_finished)
            return;
        if (const auto *rejection = std::get_if<GateRejection>(&outcome)) {
            self->onGateRejected(*rejection);
            return;
        }
        self->m_reservationId = std::get<GateAdmission>(outcome).reservationId;
        self->callUpstream(request);
    });
}

// A candidate the gates reject is skipped for the route's next one, which may be cheaper or fall
// under other limits. When none is left, the client gets the first candidate's rejection.
void ChatCompletionRun::onGateRejected(const GateRejection &rejection) {
    m_record.trace << QStringLiteral("gate %1 rejected '%2': %3")
                          .arg(rejection.gateId, m_record.model, rejection.message);
    if (!m_gateRejection)
        m_gateRejection = rejection;
    if (m_candidate + 1 < m_decision.candidates.size()) {
        startAttempt();
        return;
    }

    const GateRejection &sent = *m_gateRejection;
    ApiError error;
    error.httpStatus = sent.httpStatus();
    error.message = sent.message;
    error.code = sent.gateId;
    switch (sent.kind) {
    case GateRejection::Kind::Budget:
        error.type = QStringLiteral("budget_exceeded");
        break;
    case GateRejection::Kind::Rate:
        error.type = QStringLiteral("rate_limit_exceeded");
        break;
    case GateRejection::Kind::Unavailable:
        error.type = QStringLiteral("service_unavailable");
        break;
    }

    HeaderList headers = responseHeaders();
    if (sent.retryAfterSeconds > 0)
        headers << qMakePair(QByteArrayLiteral("Retry-After"),
                             QByteArray::number(sent.retryAfterSeconds));
    m_record.httpStatus = error.httpStatus;
    if (m_exchange)
        replyWithError(m_exchange, error, headers);
    finish(QStringLiteral("rejected"), error.message);
}

void ChatCompletionRun::callUpstream(const UpstreamRequest &request) {
    const ProviderConfig *provider = &request.provider;
    auto call = createUpstreamCall(request, m_environment.network);
    if (!call) {
        failAttempt(QStringLiteral("provider kind '%1' of '%2' is not supported yet")
                        .arg(provider->kind, provider->id));
        return;
    }
    m_call = std::move(call.value());
    connect(m_call.get(), &UpstreamCall::streamStarted, this, &ChatCompletionRun::onStreamStarted);
    connect(m_call.get(), &UpstreamCall::streamData, this, &ChatCompletionRun::onStreamData);
    connect(m_call.get(), &UpstreamCall::finished, this, &ChatCompletionRun::onFinished);
    m_call->start();
}

// Records why this candidate failed and moves to the next one, or ends the request with the reason
// when none is left.
void ChatCompletionRun::failAttempt(const QString &reason) {
    // The failed attempt cost nothing upstream, so its hold on the budgets goes.
    if (!m_reservationId.isEmpty() && m_environment.gates)
        m_environment.gates->release(std::exchange(m_reservationId, QString()));
    m_record.trace << QStringLiteral("attempt %1 on '%2' failed: %3")
                          .arg(m_record.attempts)
                          .arg(m_record.model, reason);
    m_record.error = reason;
    if (m_candidate + 1 < m_decision.candidates.size()) {
        startAttempt();
        return;
    }
    reject({502, QStringLiteral("upstream_error"), QString(), reason, QString()},
           QStringLiteral("error"));
}

HeaderList ChatCompletionRun::responseHeaders() const {
    return {{QByteArrayLiteral("x-signalbox-request-id"), m_record.requestId.toLatin1()},
            {QByteArrayLiteral("x-signalbox-model"), headerValue(m_record.model)},
            {QByteArrayLiteral("x-signalbox-route"), m_record.route.toLatin1()}};
}

void ChatCompletionRun::onStreamStarted() {
    if (!m_exchange)
        return;
    HeaderList headers = responseHeaders();
    headers.prepend({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")});
    headers.prepend({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream")});
    m_exchange->beginStream(200, headers);
    m_clientStreaming = true;
}

void ChatCompletionRun::onStreamData(const QByteArray &data) {
    if (!m_exchange)
        return;
    if (m_forwardedChunks == 0)
        m_record.ttftMs = m_clock.elapsed();
    ++m_forwardedChunks;
    m_exchange->writeChunk(sseEvent(data));
}

void ChatCompletionRun::onFinished(const UpstreamResult &result) {
    if (m_finished)
        return;
    m_record.httpStatus = result.httpStatus;
    m_record.usage = settledUsage(&result);

    if (result.error.kind == UpstreamError::Kind::None) {
        if (m_clientStreaming) {
            m_exchange->writeChunk(QByteArrayLiteral("data: [DONE]\n\n"));
            m_exchange->endStream();
        } else {
            HeaderList headers = responseHeaders();
            replyWithJson(m_exchange, 200, result.body, headers);
        }
        finish(QStringLiteral("ok"), QString());
        return;
    }

    if (result.error.kind == UpstreamError::Kind::Cancelled)
        return; // onClientGone records the request

    // Before the first byte reaches the client, a retryable failure moves to the next candidate.
    if (!m_clientStreaming && result.error.retryable() &&
        m_candidate + 1 < m_decision.candidates.size()) {
        m_call.release()->deleteLater();
        failAttempt(result.error.message);
        return;
    }
    sendUpstreamError(result.error);
}

void ChatCompletionRun::sendUpstreamError(const UpstreamError &error) {
    const ApiError api = apiErrorFor(error);
    m_record.trace << QStringLiteral("attempt %1 on '%2' failed: %3")
                          .arg(m_record.attempts)
                          .arg(m_record.model, error.message);
    if (m_clientStreaming) {
        // The client already has part of this answer: end it with an error event, never with
        // another model's words.
        m_exchange->writeChunk(sseEvent(openAiErrorBody(api)));
        m_exchange->endStream();
        finish(QStringLiteral("error"), error.message);
        return;
    }
    HeaderList headers = responseHeaders();
    if (!error.retryAfter.isEmpty())
        headers << qMakePair(QByteArrayLiteral("Retry-After"), error.retryAfter);
    m_record.httpStatus = api.httpStatus;
    replyWithError(m_exchange, api, headers);
    finish(QStringLiteral("error"), error.message);
}

void ChatCompletionRun::onClientGone() {
    if (m_finished)
        return;
    m_exchange = nullptr;
    if (m_call) {
        m_call->disconnect(this);
        m_call->abort();
    }
    m_record.usage = settledUsage(nullptr);
    qCInfo(lcApi) << m_record.requestId << "client disconnected; upstream call cancelled";
    finish(QStringLiteral("client_cancelled"), QStringLiteral("the client disconnected"));
}

// The usage to bill: what the provider reported, else an estimate from the request and from what
// was forwarded so far, marked as estimated.
Usage ChatCompletionRun::settledUsage(const UpstreamResult *result) const {
    if (result && result->usageReported)
        return result->usage;

    // A call that failed before any answer reached the client produced nothing to bill: providers
    // do not charge for a refused connection or an error status.
    if (result && result->error.isError() && m_forwardedChunks == 0)
        return Usage{};

    Usage usage;
    usage.estimated = true;
    usage.inputTokens = m_features.estimatedInputTokens;
    // OpenAI-format streams carry about one token per content chunk.
    usage.outputTokens = m_forwardedChunks;
    return usage;
}

void ChatCompletionRun::reject(const ApiError &error, const QString &status) {
    m_record.httpStatus = error.httpStatus;
    if (m_exchange)
        replyWithError(m_exchange, error, responseHeaders());
    finish(status, error.message);
}

// Charges the attempt's actual cost: the reported usage, or the estimate a cancelled or broken
// stream was billed at. An attempt that cost nothing gives its reservation back.
void ChatCompletionRun::settleReservation() {
    if (m_reservationId.isEmpty() || !m_environment.gates)
        return;
    const QString reservationId = std::exchange(m_reservationId, QString());
    const qint64 tokens = m_record.usage.inputTokens + m_record.usage.outputTokens;
    if (m_record.costUsd > 0 || tokens > 0)
        m_environment.gates->settle(reservationId, m_record.costUsd, tokens);
    else
        m_environment.gates->release(reservationId);
}

void ChatCompletionRun::finish(const QString &status, const QString &error) {
    if (m_finished)
        return;
    m_finished = true;
    m_record.status = status;
    m_record.error = error;
    m_record.latencyMs = m_clock.elapsed();
    if (const ModelConfig *model = m_environment.config->findModel(m_record.model))
        m_record.costUsd = costUsd(m_record.usage, model->price);
    if (status == QLatin1String("ok") && !m_features.stream)
        m_record.httpStatus = 200;

    settleReservation();
    if (m_environment.ledger)
        m_environment.ledger->record(m_record);
    qCDebug(lcApi) << m_record.requestId << status << m_record.model << m_record.costUsd;
    deleteLater();
}

} // namespace signalbox
