// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "api/chatrun.h"

#include "api/classifiercall.h"
#include "api/modelcooldowns.h"
#include "api/requestbody.h"
#include "chat/tokens.h"
#include "gating/gates.h"
#include "gating/worstcase.h"
#include "http/httpexchange.h"
#include "ledger/ledger.h"
#include "logging.h"
#include "providers/anthropiccodec.h"
#include "providers/openaicodec.h"
#include "providers/upstreamfactory.h"
#include "routing/autorouter.h"
#include "secrets/envkeys.h"

#include <QDateTime>
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

// Returns the code of an upstream failure: the provider's own error code, else its error status,
// else the kind of failure. The status of a response that began well (200) does not show why it
// failed.
QString upstreamErrorCode(const UpstreamError &error) {
    if (!error.code.isEmpty())
        return error.code;
    if (error.httpStatus >= 400)
        return QString::number(error.httpStatus);
    switch (error.kind) {
    case UpstreamError::Kind::Timeout:
        return QStringLiteral("upstream_timeout");
    case UpstreamError::Kind::Connect:
        return QStringLiteral("upstream_unreachable");
    case UpstreamError::Kind::Protocol:
        return QStringLiteral("invalid_upstream_response");
    default:
        return QString();
    }
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
    api.code = upstreamErrorCode(error);
    return api;
}

// The error event that ends a stream the client has begun to read. A provider's own error event
// keeps its type and status (e.g. overloaded_error, 529), so the client sees what the provider
// reported; a broken connection or a timeout is reported as Signalbox's upstream error.
ApiError streamErrorFor(const UpstreamError &error) {
    if (error.kind != UpstreamError::Kind::Http || error.type.isEmpty())
        return apiErrorFor(error);
    ApiError api;
    api.httpStatus = error.httpStatus;
    api.type = error.type;
    api.code = error.code.isEmpty() ? QString::number(error.httpStatus) : error.code;
    api.message = error.message;
    return api;
}

QString endpointPath(WireFormat format) {
    return format == WireFormat::AnthropicMessages ? QStringLiteral("/v1/messages")
                                                   : QStringLiteral("/v1/chat/completions");
}

} // namespace

// The id starts with the time in milliseconds, so new rows land at the end of the ledger's index
// on request ids. With random ids each row went to another page of that index. The 48 random bits
// that follow keep apart the ids made in the same millisecond.
QString newRequestId() {
    const quint64 millis = quint64(QDateTime::currentMSecsSinceEpoch());
    const quint64 random = QRandomGenerator::global()->generate64();
    // The id is written digit by digit because QString::arg() cost more than the rest of this
    // function.
    constexpr char hexDigits[] = "0123456789abcdef";
    QString id = QStringLiteral("sb-000000000000000000000000");
    QChar *digit = id.data() + 3;
    for (int shift = 44; shift >= 0; shift -= 4)
        *digit++ = QLatin1Char(hexDigits[(millis >> shift) & 0xf]);
    for (int shift = 44; shift >= 0; shift -= 4)
        *digit++ = QLatin1Char(hexDigits[(random >> shift) & 0xf]);
    return id;
}

void startChatRun(const ApiEnvironment &environment, HttpExchange *exchange,
                  WireFormat clientFormat) {
    auto *run = new ChatRun(environment, exchange, clientFormat);
    run->start();
}

void handleCountTokens(const ApiEnvironment &environment, HttpExchange *exchange) {
    Q_UNUSED(environment);
    const auto parsed = parseRequestBody(exchange->request().body, QStringLiteral("count_tokens"));
    if (const auto *error = std::get_if<ApiError>(&parsed)) {
        replyWithError(exchange, *error, {}, WireFormat::AnthropicMessages);
        return;
    }
    if (const std::optional<ApiError> error = checkMemberTypes(std::get<QJsonObject>(parsed))) {
        replyWithError(exchange, *error, {}, WireFormat::AnthropicMessages);
        return;
    }
    const Result<ChatRequest> request =
        anthropiccodec::decodeRequest(std::get<QJsonObject>(parsed));
    if (!request) {
        replyWithError(exchange, ApiError::badRequest(request.error()), {},
                       WireFormat::AnthropicMessages);
        return;
    }
    const qint64 tokens = analyzeChatRequest(request.value()).estimatedInputTokens;
    replyWithJson(exchange, 200,
                  QJsonDocument(QJsonObject{{QLatin1String("input_tokens"), tokens}})
                      .toJson(QJsonDocument::Compact));
}

ChatRun::ChatRun(const ApiEnvironment &environment, HttpExchange *exchange, WireFormat clientFormat)
    : m_environment(environment)
    , m_exchange(exchange)
    , m_format(clientFormat) {
    m_clock.start();
    m_record.time = QDateTime::currentDateTimeUtc();
    m_record.requestId = newRequestId();
    m_record.endpoint = endpointPath(clientFormat);
    m_record.kind = QStringLiteral("request");

    connect(exchange, &HttpExchange::clientDisconnected, this, &ChatRun::onClientGone);
    connect(exchange, &QObject::destroyed, this, [this] {
        if (!m_finished)
            onClientGone();
    });
}

ChatRun::~ChatRun() = default;

void ChatRun::start() {
    if (!parseRequest())
        return;

    const HttpRequest &request = m_exchange->request();
    m_input = routeInputFromRequest(m_body, QString::fromUtf8(request.header("x-signalbox-model")),
                                    QString::fromUtf8(request.header("x-signalbox-stage")));
    // A Messages body is estimated from its canonical form, which reads its content blocks.
    if (m_format == WireFormat::AnthropicMessages)
        m_input.features = m_features;
    m_features = m_input.features;

    const RouteOutcome outcome = route(*m_environment.config, m_input);
    const auto *decision = std::get_if<RouteDecision>(&outcome);
    if (decision && decision->wantsClassifier()) {
        classifyThenRoute(decision->stage);
        return;
    }
    applyRoute(outcome);
}

// Requests a verdict from the classifier model because the rules were unsure, then routes again
// with the verdict, or with the reason there is none.
void ChatRun::classifyThenRoute(const QString &stage) {
    m_classifier =
        std::make_unique<ClassifierCall>(m_environment, m_record.requestId, stage, m_body);
    QPointer<ChatRun> self(this);
    m_classifier->start([self](const ClassifierOutcome &outcome) {
        if (!self || self->m_finished)
            return;
        self->m_input.classifier = outcome;
        self->applyRoute(route(*self->m_environment.config, self->m_input));
    });
}

void ChatRun::applyRoute(const RouteOutcome &outcome) {
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

bool ChatRun::parseRequest() {
    const bool anthropic = m_format == WireFormat::AnthropicMessages;
    const auto parsed = parseRequestBody(m_exchange->request().body,
                                         anthropic ? QStringLiteral("Messages")
                                                   : QStringLiteral("Chat Completions"));
    if (const auto *error = std::get_if<ApiError>(&parsed)) {
        reject(*error, QStringLiteral("rejected"));
        return false;
    }

    m_body = std::get<QJsonObject>(parsed);
    if (const std::optional<ApiError> error = checkMemberTypes(m_body)) {
        reject(*error, QStringLiteral("rejected"));
        return false;
    }
    if (!m_body.value(QLatin1String("messages")).isArray() ||
        m_body.value(QLatin1String("messages")).toArray().isEmpty()) {
        reject(ApiError::badRequest(QStringLiteral("'messages' is missing or not a non-empty "
                                                   "array; send at least one message"),
                                    QStringLiteral("messages")),
               QStringLiteral("rejected"));
        return false;
    }
    // The Messages API requires max_tokens, and so does Signalbox's copy of it, so that a
    // request passed through to Anthropic does not fail there instead.
    if (anthropic && m_body.value(QLatin1String("max_tokens")).toInteger() < 1) {
        reject(ApiError::badRequest(QStringLiteral("'max_tokens' is missing or below 1; set the "
                                                   "maximum number of tokens to generate"),
                                    QStringLiteral("max_tokens")),
               QStringLiteral("rejected"));
        return false;
    }
    return decodeRequest();
}

// Decodes a Messages body into the canonical request, which its token estimate reads. An OpenAI
// body is decoded only when an attempt needs a translation (see decodeOpenAiRequestOnce()), and
// its estimate comes from its JSON in routeInputFromRequest(), as routing and the gates have
// always used.
bool ChatRun::decodeRequest() {
    if (m_format != WireFormat::AnthropicMessages)
        return true;
    const Result<ChatRequest> chat = anthropiccodec::decodeRequest(m_body);
    if (!chat) {
        reject(ApiError::badRequest(chat.error()), QStringLiteral("rejected"));
        return false;
    }
    m_chat = chat.value();
    m_chatDecoded = true;
    m_features = analyzeChatRequest(m_chat);
    return true;
}

// An OpenAI request that cannot be translated may still pass through to an OpenAI-format upstream
// unchanged, so only an attempt on another format decodes it and reports m_chatError.
void ChatRun::decodeOpenAiRequestOnce() {
    if (m_chatDecoded)
        return;
    m_chatDecoded = true;
    const Result<ChatRequest> chat = openaicodec::decodeRequest(m_body);
    if (chat)
        m_chat = chat.value();
    else
        m_chatError = chat.error();
}

const ModelConfig *ChatRun::currentModel() const {
    return m_environment.config->findModel(m_decision.candidates.value(m_candidate));
}

void ChatRun::startAttempt() {
    ++m_candidate;
    const ModelConfig *model = currentModel();
    if (!model) {
        // Only skipped or rejected candidates were left.
        if (m_gateRejection)
            sendGateRejection();
        else if (m_record.attempts == 0)
            rejectAllCooling();
        else
            reject(
                {502, QStringLiteral("upstream_error"), m_failureCode, m_record.error, QString()},
                QStringLiteral("error"));
        return;
    }
    if (skipCoolingModel(*model))
        return;

    const ProviderConfig *provider = m_environment.config->findProvider(model->provider);
    m_record.model = model->id;
    m_record.provider = model->provider;
    ++m_record.attempts;

    UpstreamRequest request;
    request.provider = *provider;
    request.model = *model;
    request.clientFormat = m_format;
    request.body = m_exchange->request().body;
    request.stream = m_features.stream;
    request.clientWantsUsage = m_features.includeUsage;
    request.timeouts = {provider->connectTimeoutMs, provider->firstByteTimeoutMs,
                        provider->idleTimeoutMs};
    if (m_format == WireFormat::AnthropicMessages)
        request.anthropicBeta = m_exchange->request().header("anthropic-beta");
    request.apiKey = m_environment.apiKeyFor ? m_environment.apiKeyFor(*provider) : QString();
    if (provider->needsKey && request.apiKey.isEmpty()) {
        const QString reason = QStringLiteral("no API key for provider '%1': set %2")
                                   .arg(provider->id, upstreamKeyVariables(*provider));
        if (m_environment.warnOnce) {
            m_environment.warnOnce(
                QStringLiteral("missing-key:") + provider->id,
                QStringLiteral("%1. Requests for its models go to their fallbacks meanwhile.")
                    .arg(reason));
        }
        failAttempt(reason, QStringLiteral("missing_api_key"));
        return;
    }
    // The call is held to the output the gates reserve for it, so that concurrent calls cannot
    // spend past a budget. A request without its own limit gets the reserved one.
    m_attemptOutputLimit = reservedOutput(*model);
    if (m_features.requestedMaxOutputTokens <= 0)
        request.outputLimit = m_attemptOutputLimit;
    if (providerWireFormat(provider->kind) != m_format) {
        decodeOpenAiRequestOnce();
        if (!m_chatError.isEmpty()) {
            reject(ApiError::badRequest(m_chatError), QStringLiteral("rejected"));
            return;
        }
        request.chat = m_chat;
        if (request.chat.maxTokens <= 0)
            request.chat.maxTokens = request.outputLimit;
    }

    admitAttempt(request);
}

// A model whose provider asked to wait (Retry-After on a retryable error such as 429 or 529) is
// skipped while the delay lasts, so that every request does not hit it again first.
bool ChatRun::skipCoolingModel(const ModelConfig &model) {
    if (!m_environment.cooldowns)
        return false;
    const qint64 remaining = m_environment.cooldowns->remainingSeconds(model.id);
    if (remaining <= 0)
        return false;
    m_record.trace << QStringLiteral("skipped '%1': cooling down for %2 s more after its provider "
                                     "asked to retry later")
                          .arg(model.id)
                          .arg(remaining);
    if (m_skippedForCooldown == 0 || remaining < m_shortestCooldown)
        m_shortestCooldown = remaining;
    ++m_skippedForCooldown;
    if (m_record.model.isEmpty())
        m_record.model = model.id;
    startAttempt();
    return true;
}

// Reserves the attempt's worst-case cost and counts it in the rate windows before any upstream
// call, so concurrent requests cannot all pass a budget that only one of them fits.
void ChatRun::admitAttempt(const UpstreamRequest &request) {
    Gates *gates = m_environment.gates;
    if (!gates) {
        callUpstream(request);
        return;
    }

    const qint64 outputTokens = m_attemptOutputLimit;
    GateRequest gateRequest;
    gateRequest.requestId = m_record.requestId;
    gateRequest.model = request.model.id;
    gateRequest.provider = request.provider.id;
    gateRequest.stage = m_decision.stage;
    gateRequest.worstCaseCostUsd =
        worstCaseCostUsd(m_features.estimatedInputTokens, outputTokens, request.model.price);
    gateRequest.estimatedTokens = m_features.estimatedInputTokens + outputTokens;

    QPointer<ChatRun> self(this);
    QPointer<Gates> gatesGuard(gates);
    gates->admit(gateRequest, [self, gatesGuard, request](const GateOutcome &outcome) {
        if (!self || self->m_finished) {
            // A shared store answers later, and the client may have left in the meantime.
            const auto *admitted = std::get_if<GateAdmission>(&outcome);
            if (admitted && gatesGuard)
                gatesGuard->release(admitted->reservationId);
            return;
        }
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
void ChatRun::onGateRejected(const GateRejection &rejection) {
    m_record.trace << QStringLiteral("gate %1 rejected '%2': %3")
                          .arg(rejection.gateId, m_record.model, rejection.message);
    // No call was made, so this candidate is no attempt: the next one's trace and the ledger's
    // count stay with the calls that happened.
    --m_record.attempts;
    if (!m_gateRejection) {
        m_gateRejection = rejection;
        m_gateRejectedModel = m_record.model;
    }
    if (m_candidate + 1 < m_decision.candidates.size()) {
        startAttempt();
        return;
    }
    sendGateRejection();
}

void ChatRun::sendGateRejection() {
    const GateRejection &sent = *m_gateRejection;
    // The rejection sent is the first candidate's, and so is the model the response names.
    m_record.model = m_gateRejectedModel;
    if (const ModelConfig *model = m_environment.config->findModel(m_gateRejectedModel))
        m_record.provider = model->provider;
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

    HeaderList headers;
    if (sent.retryAfterSeconds > 0)
        headers << qMakePair(QByteArrayLiteral("Retry-After"),
                             QByteArray::number(sent.retryAfterSeconds));
    reject(error, QStringLiteral("rejected"), headers);
}

void ChatRun::callUpstream(const UpstreamRequest &request) {
    const ProviderConfig *provider = &request.provider;
    auto call = createUpstreamCall(request, m_environment.network, m_environment.upstreamFailures);
    if (!call) {
        failAttempt(QStringLiteral("provider kind '%1' of '%2' is not supported yet")
                        .arg(provider->kind, provider->id),
                    QStringLiteral("unsupported_provider_kind"));
        return;
    }
    m_call = std::move(call.value());
    connect(m_call.get(), &UpstreamCall::streamStarted, this, &ChatRun::onStreamStarted);
    connect(m_call.get(), &UpstreamCall::streamData, this, &ChatRun::onStreamData);
    connect(m_call.get(), &UpstreamCall::finished, this, &ChatRun::onFinished);
    m_call->start();
}

// Records why this candidate failed and moves to the next one, or ends the request with the reason
// when none is left.
void ChatRun::failAttempt(const QString &reason, const QString &code) {
    // The failed attempt cost nothing upstream, so its hold on the budgets goes.
    if (!m_reservationId.isEmpty() && m_environment.gates)
        m_environment.gates->release(std::exchange(m_reservationId, QString()));
    m_record.trace << QStringLiteral("attempt %1 on '%2' failed: %3")
                          .arg(m_record.attempts)
                          .arg(m_record.model, reason);
    m_record.error = reason;
    m_failureCode = code;
    if (m_candidate + 1 < m_decision.candidates.size()) {
        startAttempt();
        return;
    }
    reject({502, QStringLiteral("upstream_error"), code, reason, QString()},
           QStringLiteral("error"));
}

// Every candidate was skipped because its provider asked to wait: the client gets 429 with the
// shortest remaining delay, as a provider's own rate limit would.
void ChatRun::rejectAllCooling() {
    const QString message =
        QStringLiteral("every model of this route is cooling down after its provider asked to "
                       "retry later; retry in %1 s")
            .arg(m_shortestCooldown);
    qCInfo(lcApi).noquote() << m_record.requestId << "rejected with 429:" << message;
    reject({429, QStringLiteral("rate_limit_exceeded"), QStringLiteral("model_cooldown"), message,
            QString()},
           QStringLiteral("rejected"),
           {{QByteArrayLiteral("Retry-After"), QByteArray::number(m_shortestCooldown)}});
}

HeaderList ChatRun::responseHeaders() const {
    return {{QByteArrayLiteral("x-signalbox-request-id"), m_record.requestId.toLatin1()},
            {QByteArrayLiteral("x-signalbox-model"), headerValue(m_record.model)},
            {QByteArrayLiteral("x-signalbox-route"), m_record.route.toLatin1()}};
}

void ChatRun::onStreamStarted() {
    if (!m_exchange)
        return;
    HeaderList headers = responseHeaders();
    headers.prepend({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")});
    headers.prepend({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream")});
    m_exchange->beginStream(200, headers);
    m_clientStreaming = true;
}

void ChatRun::onStreamData(const QByteArray &frames) {
    if (!m_exchange)
        return;
    if (m_record.ttftMs < 0)
        m_record.ttftMs = m_clock.elapsed();
    m_exchange->writeChunk(frames);
}

void ChatRun::onFinished(const UpstreamResult &result) {
    if (m_finished)
        return;
    m_record.httpStatus = result.httpStatus;
    m_record.usage = settledUsage(result);

    if (result.error.kind == UpstreamError::Kind::None) {
        m_record.trace << QStringLiteral("attempt %1 on '%2' succeeded")
                              .arg(m_record.attempts)
                              .arg(m_record.model);
        if (m_clientStreaming)
            m_exchange->endStream();
        else
            replyWithJson(m_exchange, 200, result.body, responseHeaders());
        finish(QStringLiteral("ok"), QString());
        return;
    }

    if (result.error.kind == UpstreamError::Kind::Cancelled)
        return; // onClientGone records the request

    // A provider that sends a delay gets it: its model is skipped by every request until then.
    const qint64 retryAfter = result.error.retryAfter.toLongLong();
    if (m_environment.cooldowns && retryAfter > 0 && result.error.retryable()) {
        m_environment.cooldowns->coolDown(m_record.model, retryAfter);
        qCInfo(lcApi).noquote() << m_record.requestId << "model" << m_record.model
                                << "cools down for" << retryAfter
                                << "s: its provider sent Retry-After with HTTP"
                                << result.error.httpStatus;
    }

    // Before the first byte reaches the client, a retryable failure moves to the next candidate.
    if (!m_clientStreaming && result.error.retryable() &&
        m_candidate + 1 < m_decision.candidates.size()) {
        m_call.release()->deleteLater();
        failAttempt(result.error.message, upstreamErrorCode(result.error));
        return;
    }
    sendUpstreamError(result.error);
}

void ChatRun::sendUpstreamError(const UpstreamError &error) {
    const ApiError api = apiErrorFor(error);
    m_record.trace << QStringLiteral("attempt %1 on '%2' failed: %3")
                          .arg(m_record.attempts)
                          .arg(m_record.model, error.message);
    if (m_clientStreaming) {
        // The client already has part of this answer: end it with an error event in its own
        // format, never with another model's words.
        m_exchange->writeChunk(errorStreamEvent(m_format, streamErrorFor(error)));
        m_exchange->endStream();
        finish(QStringLiteral("error"), error.message);
        return;
    }
    HeaderList headers;
    if (!error.retryAfter.isEmpty())
        headers << qMakePair(QByteArrayLiteral("Retry-After"), error.retryAfter);
    reject(api, QStringLiteral("error"), headers);
}

void ChatRun::onClientGone() {
    if (m_finished)
        return;
    m_exchange = nullptr;
    if (m_call) {
        const UpstreamResult progress = m_call->progress();
        m_call->disconnect(this);
        m_call->abort();
        m_record.usage = settledUsage(progress);
    } else {
        m_record.usage = settledUsage(UpstreamResult{});
    }
    qCInfo(lcApi) << m_record.requestId << "client disconnected; upstream call cancelled";
    finish(QStringLiteral("client_cancelled"), QStringLiteral("the client disconnected"));
}

// Returns the output tokens the gates reserve for an attempt on the model: the request's own
// limit, else the configured reservation with the model's reasoning share, capped by the model's
// maximum output.
qint64 ChatRun::reservedOutput(const ModelConfig &model) const {
    const qint64 reservation = m_environment.gates
                                   ? m_environment.gates->policy().defaultReservationOutputTokens
                                   : m_environment.config->gates.reserveOutputTokens;
    return reservedOutputTokens(m_features.requestedMaxOutputTokens, model.maxOutputTokens,
                                reservation, model.reasoningOutputFactor);
}

// The usage to bill: what the provider reported, else an estimate from the request and from what
// was streamed so far, marked as estimated.
Usage ChatRun::settledUsage(const UpstreamResult &result) const {
    const bool plausible = isPlausibleReport(result.usage);
    if (result.usageReported && plausible)
        return withConsistentParts(result.usage);
    if (result.usageReported)
        qCWarning(lcApi) << m_record.requestId << "provider" << m_record.provider
                         << "reported an implausible usage; billed as an estimate";

    // A call that failed before any answer reached the client produced nothing to bill: providers
    // do not charge for a refused connection or an error status.
    if (result.error.isError() && result.error.kind != UpstreamError::Kind::Cancelled &&
        result.streamedFrames == 0)
        return Usage{};

    // Input the provider reported (Anthropic's message_start) is kept; the rest is estimated.
    const bool inputReported = result.inputReported && plausible;
    Usage usage = inputReported ? withConsistentParts(result.usage) : Usage{};
    usage.estimated = true;
    if (!inputReported)
        usage.inputTokens = m_features.estimatedInputTokens;
    // Never a zero: a stream that reached the client produced at least one token.
    const qint64 streamed =
        result.streamedFrames > 0 ? std::max<qint64>(1, result.streamedOutputTokens) : 0;
    usage.outputTokens = std::max(usage.outputTokens, streamed);

    // A whole response without a usable report is billed for the text of its answer, as a
    // stream is for the text it carried.
    if (result.streamedFrames == 0 && !result.error.isError() && !result.body.isEmpty())
        usage.outputTokens =
            std::max(usage.outputTokens, std::max<qint64>(1, result.answerOutputTokens));
    // The call was sent with a limit, so no estimate exceeds it.
    if (m_attemptOutputLimit > 0)
        usage.outputTokens = std::min(usage.outputTokens, m_attemptOutputLimit);
    return usage;
}

void ChatRun::reject(const ApiError &error, const QString &status, HeaderList headers) {
    m_record.httpStatus = error.httpStatus;
    if (m_exchange)
        replyWithError(m_exchange, error, responseHeaders() + headers, m_format);
    finish(status, error.message);
}

// Charges the attempt's actual cost: the reported usage, or the estimate a cancelled or broken
// stream was billed at. An attempt that cost nothing gives its reservation back.
void ChatRun::settleReservation() {
    if (m_reservationId.isEmpty() || !m_environment.gates)
        return;
    const QString reservationId = std::exchange(m_reservationId, QString());
    const qint64 tokens = m_record.usage.inputTokens + m_record.usage.outputTokens;
    if (m_record.costUsd > 0 || tokens > 0)
        m_environment.gates->settle(reservationId, m_record.costUsd, tokens);
    else
        m_environment.gates->release(reservationId);
}

void ChatRun::finish(const QString &status, const QString &error) {
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
    deleteWithExchange();
}

// A finished exchange is already bound for deletion: its connection calls deleteLater() on it
// when it reaches the head of the pipeline, or when the connection closes. The run
// becomes its child and goes with it, which saves a posted event and a wake-up per request.
void ChatRun::deleteWithExchange() {
    if (m_exchange && m_exchange->isFinished())
        setParent(m_exchange);
    else
        deleteLater();
}

} // namespace signalbox
