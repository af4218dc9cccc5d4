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

// The responses the fake OpenAI upstream sends to the next chat completion requests.
struct FakeOpenAiScript {
    enum class ErrorShape { OpenAi, Mistral, OpenRouter, PlainText };

    QString reply = QStringLiteral("Hello from the fake OpenAI upstream.");
    int chunkCount = 3;    // content chunks the reply is split into when streamed
    int chunkDelayMs = 0;  // pause before each stream event
    int answerDelayMs = 0; // delay before the response to a chat request, streamed or not
    QByteArray finishReason = "stop";
    qint64 promptTokens = 21;
    qint64 completionTokens = 9;
    qint64 cachedTokens = 0;
    qint64 reasoningTokens = 0;

    // A non-zero errorStatus makes every request fail with that status and an error body.
    int errorStatus = 0;
    ErrorShape errorShape = ErrorShape::OpenAi;
    QByteArray errorType = "server_error";
    QByteArray errorCode;
    QByteArray errorMessage = "The fake upstream was told to fail.";
    QByteArray retryAfter;   // sent as retry-after when not empty
    QByteArray retryAfterMs; // sent as retry-after-ms when not empty
    QByteArray shouldRetry;  // sent as x-should-retry when not empty

    bool errorIn200 = false;         // a 200 whose body, or first stream event, is an error
    int midStreamErrorAfter = -1;    // content chunks sent before an error event ends the stream
    bool stall = false;              // read the request and never answer
    int stallAfter = -1;             // content chunks sent before the stream goes silent
    bool commentLines = false;       // ": OPENROUTER PROCESSING" and ": keep-alive" comments
    bool obfuscation = false;        // the "obfuscation" key on every chunk
    bool alwaysIncludeUsage = false; // the usage chunk even when the request did not ask
    bool omitUsage = false; // a whole response without "usage", as some compatible servers send
    QString completionId;   // the completion's id instead of "chatcmpl-fake<n>" when not null
    bool omitModel = false; // bodies and chunks without "model", as some compatible servers send

    // A request that offers tools, and whose last message is not a tool result, is answered
    // with a call of `toolName` (the first offered tool when empty), as a model that uses its
    // tools would. Streams send the arguments in `toolArgumentPieces` pieces of partial JSON.
    bool callOfferedTools = true;
    QString toolName;
    QByteArray toolArguments = R"({"city":"Paris","unit":"celsius"})";
    int toolArgumentPieces = 3;
    QString reasoning; // sent as reasoning_content before the reply, as DeepSeek does
    bool usageOnLastContentChunk = false; // Gemini's compatible endpoint puts usage there
    // Closes the connection without the chunked terminator after this many content chunks.
    int dropAfter = -1;
    // Ends the response properly after this many content chunks, but without the chunk that
    // carries finish_reason, the usage and [DONE], as a server that stops midway would.
    int endAfter = -1;

    // When set, the fake answers as an Azure OpenAI resource with this deployment: chat requests
    // must go to /openai/deployments/<deployment>/chat/completions?api-version=... with an
    // api-key header, and other deployments get Azure's 404 DeploymentNotFound.
    QByteArray azureDeployment;

    // When set, every request whose Authorization is not "Bearer <requiredApiKey>" gets OpenAI's
    // 401 invalid_api_key error.
    QByteArray requiredApiKey;
};

// Sets the script fields named in a JSON object (the keys of POST /__fake/script): reply,
// chunk_count, error_status, error_type, error_message, retry_after, tool_name,
// tool_arguments, reasoning, call_offered_tools, drop_after.
void applyScriptJson(FakeOpenAiScript &script, const QJsonObject &json);

// A fake api.openai.com on a raw QTcpServer bound to a loopback address. It serves
// POST .../chat/completions as the script says, records every request, and lists the recorded
// requests as JSON at GET /__fake/requests with Authorization values masked.
class FakeOpenAiUpstream : public QObject {
    Q_OBJECT

public:
    explicit FakeOpenAiUpstream(QObject *parent = nullptr);
    ~FakeOpenAiUpstream() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QString baseUrl() const; // http://127.0.0.1:PORT/v1

    FakeOpenAiScript &script() { return m_script; }
    const QList<FakeHttpRequest> &requests() const { return m_requests; }
    // GET .../models requests, which requests() does not contain.
    const QList<FakeHttpRequest> &modelListRequests() const { return m_modelListRequests; }
    int dataEventsSent() const { return m_dataEventsSent; } // "data:" events in all streams
    int disconnects() const { return m_disconnects; }       // connections closed by the client

    QByteArray recordedRequestsJson() const;

signals:
    void requestReceived();
    void dataEventSent();
    void clientDisconnected();

private:
    void onNewConnection();
    void onRequest(FakeHttpConnection *connection, const FakeHttpRequest &request);
    void answerChat(FakeHttpConnection *connection, const FakeHttpRequest &request);
    void answerChatNow(FakeHttpConnection *connection, const FakeHttpRequest &request);
    bool rejectedByAzure(FakeHttpConnection *connection, const FakeHttpRequest &request);
    void answerError(FakeHttpConnection *connection);
    bool rejectWrongKey(FakeHttpConnection *connection, const FakeHttpRequest &request);
    void answerStream(FakeHttpConnection *connection, const FakeHttpRequest &request);
    QList<QByteArray> streamEvents(const FakeHttpRequest &request) const;
    QList<QByteArray> toolCallEvents(const FakeHttpRequest &request) const;
    bool answersWithToolCall(const FakeHttpRequest &request) const;
    FakeHeaders commonHeaders(const QByteArray &contentType) const;

    QTcpServer *m_server;
    FakeOpenAiScript m_script;
    QList<FakeHttpRequest> m_requests;
    QList<FakeHttpRequest> m_modelListRequests;
    int m_dataEventsSent = 0;
    int m_disconnects = 0;
    int m_completionCount = 0;
};

} // namespace signalbox
