// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "api/classifiercall.h"

#include "chat/tokens.h"
#include "gating/gates.h"
#include "gating/worstcase.h"
#include "ledger/ledger.h"
#include "logging.h"
#include "providers/upstreamfactory.h"
#include "secrets/envkeys.h"

#include <QJsonDocument>
#include <QPointer>

namespace signalbox {

ClassifierCall::ClassifierCall(const ApiEnvironment &environment, const QString &requestId,
                               const QString &stage, const QJsonObject &clientBody, QObject *parent)
    : QObject(parent)
    , m_environment(environment)
    , m_clientBody(clientBody) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ClassifierCall::onTimeout);

    m_record.time = QDateTime::currentDateTimeUtc();
    m_record.requestId = requestId;
    m_record.endpoint = QStringLiteral("/v1/chat/completions");
    m_record.kind = QStringLiteral("classifier");
    m_record.route = QStringLiteral("auto");
    m_record.stage = stage;
}

ClassifierCall::~ClassifierCall() {
    if (!m_call || m_done)
        return;
    // The client went away mid-classification. The provider may already bill the prompt, so the
    // row is settled at the estimated input.
    m_call->disconnect(this);
    m_call->abort();
    m_record.usage.inputTokens = m_record.estimatedInputTokens;
    m_record.usage.estimated = true;
    record(QStringLiteral("client_cancelled"), QStringLiteral("the client disconnected"));
}

void ClassifierCall::start(std::function<void(const ClassifierOutcome &)> done) {
    m_callback = std::move(done);
    m_clock.start();
    const Config &config = *m_environment.config;
    const QString modelId = config.routing.autoRouting.classifierModel;
    m_model = config.findModel(modelId);
    const ProviderConfig *provider = m_model ? config.findProvider(m_model->provider) : nullptr;
    if (!m_model || !provider) {
        fail(QStringLiteral("classifier model '%1' is not in the registry; set "
                            "routing.auto.classifier_model to a model id")
                 .arg(modelId),
             false);
        return;
    }

    m_request = classifierRequest(m_clientBody, m_model->hasCapability(QStringLiteral("json")));
    m_cacheKey = classifierCacheKey(m_model->id, m_request);
    if (m_environment.classifierCache) {
        if (std::optional<ClassifierVerdict> cached =
                m_environment.classifierCache->find(m_cacheKey)) {
            cached->fromCache = true;
            complete({cached, QStringLiteral("from the cache")});
            return;
        }
    }

    UpstreamRequest request;
    request.provider = *provider;
    request.model = *m_model;
    request.body = QJsonDocument(m_request).toJson(QJsonDocument::Compact);
    request.timeouts = {kTimeoutMs, kTimeoutMs, kTimeoutMs};
    request.apiKey = m_environment.apiKeyFor ? m_environment.apiKeyFor(*provider) : QString();
    if (provider->needsKey && request.apiKey.isEmpty()) {
        const QString message =
            QStringLiteral("no API key for provider '%1' of classifier model "
                           "'%2': set %3, or choose another "
                           "routing.auto.classifier_model")
                .arg(provider->id, m_model->id, upstreamKeyVariables(*provider));
        if (m_environment.warnOnce)
            m_environment.warnOnce(QStringLiteral("missing-key:") + provider->id, message);
        fail(message, false);
        return;
    }

    m_record.model = m_model->id;
    m_record.provider = provider->id;
    m_record.estimatedInputTokens = analyzeChatRequest(m_request).estimatedInputTokens;
    m_timer.start(kTimeoutMs);
    admit(std::move(request));
}

// Holds the classification's worst case against the budgets and counts it in the rate windows,
// exactly as a client request on the classifier model would be.
void ClassifierCall::admit(UpstreamRequest request) {
    Gates *gates = m_environment.gates;
    if (!gates) {
        callUpstream(std::move(request));
        return;
    }

    const qint64 outputTokens = m_request.value(QLatin1String("max_tokens")).toInteger();
    GateRequest gateRequest;
    gateRequest.requestId = m_record.requestId;
    gateRequest.model = request.model.id;
    gateRequest.provider = request.provider.id;
    gateRequest.stage = m_record.stage;
    gateRequest.worstCaseCostUsd =
        worstCaseCostUsd(m_record.estimatedInputTokens, outputTokens, request.model.price);
    gateRequest.estimatedTokens = m_record.estimatedInputTokens + outputTokens;

    QPointer<ClassifierCall> self(this);
    gates->admit(gateRequest, [self, request](const GateOutcome &outcome) mutable {
        if (!self || self->m_done)
            return;
        if (const auto *rejection = std::get_if<GateRejection>(&outcome)) {
            self->record(QStringLiteral("rejected"), rejection->message);
            self->complete(
                {std::nullopt,
                 QStringLiteral("gate %1 rejected the classifier call").arg(rejection->gateId)});
            return;
        }
        self->m_reservationId = std::get<GateAdmission>(outcome).reservationId;
        self->callUpstream(std::move(request));
    });
}

void ClassifierCall::callUpstream(UpstreamRequest request) {
    auto call = createUpstreamCall(std::move(request), m_environment.network,
                                   m_environment.upstreamFailures);
    if (!call) {
        fail(call.error());
        return;
    }
    m_call = std::move(call.value());
    m_record.attempts = 1;
    connect(m_call.get(), &UpstreamCall::finished, this, &ClassifierCall::onFinished);
    m_call->start();
}

void ClassifierCall::onTimeout() {
    if (m_done)
        return;
    m_timedOut = true;
    if (m_call)
        m_call->abort(); // finishes the call with Kind::Cancelled, handled in onFinished()
    else
        fail(QStringLiteral("timed out after %1 ms").arg(kTimeoutMs));
}

void ClassifierCall::onFinished(const UpstreamResult &result) {
    if (m_done)
        return;
    m_call.release()->deleteLater();
    m_record.httpStatus = result.httpStatus;
    if (result.usageReported && isPlausibleReport(result.usage)) {
        m_record.usage = withConsistentParts(result.usage);
    } else if (m_timedOut || result.httpStatus == 200) {
        // The provider may bill a call it received even without reporting usage.
        m_record.usage.inputTokens = m_record.estimatedInputTokens;
        m_record.usage.estimated = true;
    }

    if (m_timedOut) {
        fail(QStringLiteral("timed out after %1 ms").arg(kTimeoutMs));
        return;
    }
    if (result.error.isError()) {
        fail(result.error.message);
        return;
    }

    Result<ClassifierVerdict> verdict = parseClassifierResponse(result.body);
    if (!verdict) {
        fail(verdict.error());
        return;
    }
    verdict.value().model = m_model->id;
    if (m_environment.classifierCache)
        m_environment.classifierCache->insert(m_cacheKey, verdict.value());
    record(QStringLiteral("ok"), QString());
    complete({verdict.value(), QStringLiteral("in %1 ms").arg(m_clock.elapsed())});
}

void ClassifierCall::fail(const QString &reason, bool called) {
    qCInfo(lcRouting).noquote() << m_record.requestId << "classifier" << m_record.model
                                << "failed, the rules' profile is used:" << reason;
    // A call that never left has no cost and gets no ledger row.
    if (called)
        record(QStringLiteral("error"), reason);
    complete({std::nullopt, QStringLiteral("failed: %1").arg(reason)});
}

void ClassifierCall::complete(ClassifierOutcome outcome) {
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    if (m_callback)
        std::exchange(m_callback, nullptr)(outcome);
}

// Settles the gates and writes the classifier's own ledger row.
void ClassifierCall::record(const QString &status, const QString &error) {
    m_record.status = status;
    m_record.error = error;
    m_record.latencyMs = m_clock.elapsed();
    if (m_model)
        m_record.costUsd = costUsd(m_record.usage, m_model->price);
    m_record.trace = {QStringLiteral("classifier call for auto routing: %1").arg(status)};

    if (!m_reservationId.isEmpty() && m_environment.gates) {
        const QString reservationId = std::exchange(m_reservationId, QString());
        const qint64 tokens = m_record.usage.inputTokens + m_record.usage.outputTokens;
        if (m_record.costUsd > 0 || tokens > 0)
            m_environment.gates->settle(reservationId, m_record.costUsd, tokens);
        else
            m_environment.gates->release(reservationId);
    }
    if (m_environment.ledger)
        m_environment.ledger->record(m_record);
}

} // namespace signalbox
