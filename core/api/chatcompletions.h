// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "api/apienvironment.h"
#include "api/apierror.h"
#include "chat/usage.h"
#include "gating/gaterejection.h"
#include "ledger/ledgerrecord.h"
#include "providers/upstreamcall.h"
#include "routing/router.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace signalbox {

class ClassifierCall;
class HttpExchange;

// One POST /v1/chat/completions from start to ledger row: route, call the upstream (trying the
// route's fallbacks while nothing has reached the client), stream the answer back, record the cost.
// It deletes itself when the request is recorded.
class ChatCompletionRun : public QObject {
    Q_OBJECT

public:
    ChatCompletionRun(const ApiEnvironment &environment, HttpExchange *exchange);
    ~ChatCompletionRun() override;

    void start();

private:
    bool parseRequest();
    void classifyThenRoute(const QString &stage);
    void applyRoute(const RouteOutcome &outcome);
    void startAttempt();
    void admitAttempt(const UpstreamRequest &request);
    void onGateRejected(const GateRejection &rejection);
    void callUpstream(const UpstreamRequest &request);
    void failAttempt(const QString &reason);
    void settleReservation();
    void onStreamStarted();
    void onStreamData(const QByteArray &data);
    void onFinished(const UpstreamResult &result);
    void onClientGone();

    void sendUpstreamError(const UpstreamError &error);
    void reject(const ApiError &error, const QString &status);
    void finish(const QString &status, const QString &error);
    Usage settledUsage(const UpstreamResult *result) const;
    HeaderList responseHeaders() const;
    const ModelConfig *currentModel() const;

    ApiEnvironment m_environment;
    QPointer<HttpExchange> m_exchange;
    QJsonObject m_body;
    RouteInput m_input;
    ChatRequestFeatures m_features;
    std::unique_ptr<ClassifierCall> m_classifier; // while auto routing asks the classifier model
    RouteDecision m_decision;
    int m_candidate = -1;
    std::unique_ptr<UpstreamCall> m_call;
    QString m_reservationId; // the gates' hold on the current attempt, until it is settled
    std::optional<GateRejection> m_gateRejection; // the first candidate's, sent if none fits
    bool m_clientStreaming = false;
    bool m_finished = false;
    qint64 m_forwardedChunks = 0;
    QElapsedTimer m_clock;
    LedgerRecord m_record;
};

// Creates a request id of the form "sb-" followed by 20 hex digits.
QString newRequestId();

} // namespace signalbox
