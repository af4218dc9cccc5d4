// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "fakes/fakehttp.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

class QTcpServer;

namespace signalbox {

// What the fake Anthropic upstream answers to the next Messages requests.
struct FakeAnthropicScript {
    QString reply = QStringLiteral("Hello from the fake Anthropic upstream.");
    int chunkCount = 3;   // text_delta events the reply is split into when streamed
    int chunkDelayMs = 0; // pause before each stream event
    QByteArray stopReason = "end_turn";
    qint64 inputTokens = 25; // input_tokens: without the cache reads and writes
    qint64 cacheReadTokens = 0;
    qint64 cacheCreationTokens = 0;
    qint64 outputTokens = 12; // the final output count; message_start reports 1 first

    QString thinking;                      // a thinking block before the text when not empty
    QByteArray signature = "EqQBCgIYAhIM"; // sent in the thinking block's signature_delta

    // A request that offers tools, and whose last message is not a tool result, is answered
    // with a tool_use of `toolName` (the first offered tool when empty).
    bool callOfferedTools = true;
    QString toolName;
    QByteArray toolArguments = R"({"city":"Paris","unit":"celsius"})";
    int toolArgumentPieces = 3;

    // A non-zero errorStatus answers every request with that status and an error body.
    int errorStatus = 0;
    QByteArray errorType = "overloaded_error";
    QByteArray errorMessage = "Overloaded";
    QByteArray retryAfter;        // sent as retry-after when not empty
    int midStreamErrorAfter = -1; // text deltas sent before an `event: error` ends the stream
    int dropAfter = -1;           // text deltas sent before the connection is closed
    bool pings = true;            // a ping after the first content_block_start
};

// A fake api.anthropic.com on a raw QTcpServer bound to a loopback address. It serves
// POST /v1/messages as the script sets and as the API does, byte for byte: it rejects a request
// without x-api-key, anthropic-version or max_tokens with a 400 or 401. It records every request,
// lists them at GET /__fake/requests with secret headers masked, and takes script fields at
// POST /__fake/script.
class FakeAnthropicUpstream : public QObject {
    Q_OBJECT

public:
    explicit FakeAnthropicUpstream(QObject *parent = nullptr);
    ~FakeAnthropicUpstream() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QString baseUrl() const; // http://127.0.0.1:PORT

    FakeAnthropicScript &script() { return m_script; }
    const QList<FakeHttpRequest> &requests() const { return m_requests; }
    int eventsSent() const { return m_eventsSent; } // stream events in all streams
    int disconnects() const { return m_disconnects; }

signals:
    void requestReceived();

private:
    void onNewConnection();
    void onRequest(FakeHttpConnection *connection, const FakeHttpRequest &request);
    void answerMessages(FakeHttpConnection *connection, const FakeHttpRequest &request);
    void answerError(FakeHttpConnection *connection, int status, const QByteArray &type,
                     const QByteArray &message);
    void answerStream(FakeHttpConnection *connection, const QList<QByteArray> &events);
    QList<QByteArray> streamEvents(const FakeHttpRequest &request) const;
    QByteArray nonStreamBody(const FakeHttpRequest &request) const;
    QString toolToCall(const FakeHttpRequest &request) const; // empty: answer in text
    FakeHeaders commonHeaders(const QByteArray &contentType) const;

    QTcpServer *m_server;
    FakeAnthropicScript m_script;
    QList<FakeHttpRequest> m_requests;
    int m_eventsSent = 0;
    int m_disconnects = 0;
    int m_messageCount = 0;
};

// Sets the script fields named in a JSON object (the keys of POST /__fake/script): reply,
// error_status, error_type, error_message, retry_after, thinking, tool_name, tool_arguments,
// call_offered_tools, cache_read_tokens, drop_after.
void applyScriptJson(FakeAnthropicScript &script, const QJsonObject &json);

} // namespace signalbox
