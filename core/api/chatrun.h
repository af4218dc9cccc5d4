// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "api/apienvironment.h"
#include "api/apierror.h"
#include "chat/chattypes.h"
#include "chat/tokens.h"
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

// One chat request from start to ledger row, for either client API: POST /v1/chat/completions
// (OpenAI format) or POST /v1/messages (Anthropic format). It routes, admits each attempt to the
// gates, calls the upstream (trying the route's next candidate while nothing has reached the
// client), streams the response back in the client's format and records the cost. Once the
// request is recorded, the event loop deletes the run, together with its exchange when the
// response is complete.
class ChatRun : public QObject {
    Q_OBJECT

public:
    ChatRun(const ApiEnvironment &environment, HttpExchange *exchange, WireFormat clientFormat);
    ~ChatRun() override;

    void start();

private:
    bool parseRequest();
    void classifyThenRoute(const QString &stage);
    void applyRoute(const RouteOutcome &outcome);
    bool decodeRequest();
    void decodeOpenAiRequestOnce();
    void startAttempt();
    bool skipCoolingModel(const ModelConfig &model);
    void admitAttempt(const UpstreamRequest &request);
    void onGateRejected(const GateRejection &rejection);
    void sendGateRejection();
    void callUpstream(const UpstreamRequest &request);
    // Moves to the next candidate, or ends the request with 502 and the code naming the failure.
    void failAttempt(const QString &reason, const QString &code);
    void settleReservation();
    void onStreamStarted();
    void onStreamData(const QByteArray &frames);
    void onFinished(const UpstreamResult &result);
    void onClientGone();

    void sendUpstreamError(const UpstreamError &error);
    void rejectAllCooling();
    void reject(const ApiError &error, const QString &status, HeaderList headers = {});
    void finish(const QString &status, const QString &error);
    void deleteWithExchange();
    Usage settledUsage(const UpstreamResult &result) const;
    qint64 reservedOutput(const ModelConfig &model) const;
    HeaderList responseHeaders() const;
    const ModelConfig *currentModel() const;

    ApiEnvironment m_environment;
    QPointer<HttpExchange> m_exchange;
    WireFormat m_format;
    QJsonObject m_body;
    RouteInput m_input;
    ChatRequest m_chat;
    bool m_chatDecoded = false; // m_chat or m_chatError is set
    QString m_chatError; // why an OpenAI body has no canonical form; it may still pass through
    ChatRequestFeatures m_features;
    std::unique_ptr<ClassifierCall> m_classifier; // while auto routing asks the classifier model
    RouteDecision m_decision;
    int m_candidate = -1;
    int m_skippedForCooldown = 0;
    qint64 m_shortestCooldown = 0; // seconds until the first skipped model may be called again
    std::unique_ptr<UpstreamCall> m_call;
    QString m_reservationId;         // the gates' hold on the current attempt, until it is settled
    qint64 m_attemptOutputLimit = 0; // the maximum output tokens of the current attempt
    QString m_failureCode;           // the error code of the last failed attempt
    std::optional<GateRejection> m_gateRejection; // the first candidate's, sent if none fits
    QString m_gateRejectedModel;                  // the model of m_gateRejection
    bool m_clientStreaming = false;
    bool m_finished = false;
    QElapsedTimer m_clock;
    LedgerRecord m_record;
};

// Starts a chat run for the exchange; the run deletes itself when done.
void startChatRun(const ApiEnvironment &environment, HttpExchange *exchange,
                  WireFormat clientFormat);

// Answers POST /v1/messages/count_tokens with {"input_tokens": N}, an estimate made without the
// provider's tokenizer.
void handleCountTokens(const ApiEnvironment &environment, HttpExchange *exchange);

// Creates a request id of the form "sb-" followed by 24 hex digits: 12 of the time in milliseconds
// since 1970, so later ids sort after earlier ones, and 12 random ones.
QString newRequestId();

} // namespace signalbox
