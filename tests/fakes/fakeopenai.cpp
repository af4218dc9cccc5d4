// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "fakes/fakeopenai.h"

#include "fakes/fakeopenaibodies.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace signalbox {

namespace {

fakeopenai::Completion completionFor(const FakeOpenAiScript &script, const FakeHttpRequest &request,
                                     int sequence)
{
    const QJsonObject body = request.json();
    fakeopenai::Completion completion;
    completion.id = "chatcmpl-fake" + QByteArray::number(sequence).rightJustified(6, '0');
    completion.created = QDateTime::currentSecsSinceEpoch();
    completion.model = body.value(QLatin1String("model")).toString();
    completion.includeUsage = script.alwaysIncludeUsage ||
                              body.value(QLatin1String("stream_options"))
                                  .toObject()
                                  .value(QLatin1String("include_usage"))
                                  .toBool();
    completion.obfuscation = script.obfuscation;
    completion.promptTokens = script.promptTokens;
    completion.completionTokens = script.completionTokens;
    completion.cachedTokens = script.cachedTokens;
    completion.reasoningTokens = script.reasoningTokens;
    return completion;
}

QByteArray scriptedErrorBody(const FakeOpenAiScript &script, int status)
{
    switch (script.errorShape) {
    case FakeOpenAiScript::ErrorShape::OpenAi:
        return fakeopenai::openAiError(script.errorMessage, script.errorType, script.errorCode);
    case FakeOpenAiScript::ErrorShape::Mistral:
        return fakeopenai::mistralError(script.errorMessage, script.errorType, script.errorCode);
    case FakeOpenAiScript::ErrorShape::OpenRouter:
        return fakeopenai::openRouterError(status, script.errorMessage);
    case FakeOpenAiScript::ErrorShape::PlainText:
        return script.errorMessage;
    }
    return script.errorMessage;
}

} // namespace

FakeOpenAiUpstream::FakeOpenAiUpstream(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeOpenAiUpstream::onNewConnection);
}

FakeOpenAiUpstream::~FakeOpenAiUpstream() = default;

bool FakeOpenAiUpstream::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

quint16 FakeOpenAiUpstream::port() const { return m_server->serverPort(); }

QString FakeOpenAiUpstream::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/v1").arg(port());
}

void FakeOpenAiUpstream::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new FakeHttpConnection(socket, this);
        connect(connection, &FakeHttpConnection::requestReceived, this,
                [this, connection](const FakeHttpRequest &request) {
                    onRequest(connection, request);
                });
        connect(connection, &FakeHttpConnection::closed, this, [this, connection] {
            ++m_disconnects;
            emit clientDisconnected();
            connection->deleteLater();
        });
    }
}

void FakeOpenAiUpstream::onRequest(FakeHttpConnection *connection, const FakeHttpRequest &request)
{
    if (request.method == "GET" && request.path == "/__fake/requests") {
        connection->writeResponse(200, {{"Content-Type", "application/json"}},
                                  recordedRequestsJson());
        return;
    }

    if (request.method == "GET" && request.path.endsWith("/models")) {
        m_modelListRequests.append(request);
        if (rejectWrongKey(connection, request))
            return;
        const QByteArray body = "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\","
                                "\"object\":\"model\",\"created\":1721172741,"
                                "\"owned_by\":\"system\"}]}";
        connection->writeResponse(200, commonHeaders("application/json"), body);
        return;
    }

    if (request.method != "POST" || !request.path.endsWith("/chat/completions")) {
        connection->writeResponse(
            404, commonHeaders("application/json"),
            fakeopenai::openAiError("Unknown path " + request.path, "invalid_request_error", {}));
        return;
    }

    m_requests.append(request);
    ++m_completionCount;
    emit requestReceived();
    if (rejectWrongKey(connection, request))
        return;
    answerChat(connection, request);
}

// OpenAI rejects a wrong key with 401 and a message that shows the key's first three and last
// four characters with asterisks between them.
bool FakeOpenAiUpstream::rejectWrongKey(FakeHttpConnection *connection,
                                        const FakeHttpRequest &request)
{
    if (m_script.requiredApiKey.isEmpty())
        return false;
    const QByteArray authorization = request.header("authorization");
    if (authorization == "Bearer " + m_script.requiredApiKey)
        return false;
    const QByteArray sent = authorization.mid(7);
    const QByteArray shown =
        sent.size() > 8 ? sent.left(3) + QByteArray(sent.size() - 7, '*') + sent.right(4) : sent;
    connection->writeResponse(
        401, commonHeaders("application/json"),
        fakeopenai::openAiError("Incorrect API key provided: " + shown +
                                    ". You can find your API key at "
                                    "https://platform.openai.com/account/api-keys.",
                                "invalid_request_error", "invalid_api_key"));
    return true;
}

FakeHeaders FakeOpenAiUpstream::commonHeaders(const QByteArray &contentType) const
{
    return {{"Content-Type", contentType},
            {"x-request-id", "req_fake" + QByteArray::number(m_completionCount)},
            {"openai-processing-ms", "12"},
            {"openai-version", "2020-10-01"}};
}

void FakeOpenAiUpstream::answerChat(FakeHttpConnection *connection, const FakeHttpRequest &request)
{
    if (m_script.stall)
        return;
    if (m_script.errorStatus != 0) {
        answerError(connection);
        return;
    }

    const bool stream = request.json().value(QLatin1String("stream")).toBool();
    if (stream) {
        answerStream(connection, request);
        return;
    }

    if (m_script.errorIn200) {
        connection->writeResponse(200, commonHeaders("application/json"),
                                  scriptedErrorBody(m_script, 500));
        return;
    }
    const fakeopenai::Completion completion = completionFor(m_script, request, m_completionCount);
    connection->writeResponse(
        200, commonHeaders("application/json"),
        fakeopenai::nonStreamBody(completion, m_script.reply, m_script.finishReason));
}

void FakeOpenAiUpstream::answerError(FakeHttpConnection *connection)
{
    FakeHeaders headers = commonHeaders(m_script.errorShape ==
                                                FakeOpenAiScript::ErrorShape::PlainText
                                            ? "text/plain"
                                            : "application/json");
    if (!m_script.retryAfter.isEmpty())
        headers.emplaceBack(QByteArray("retry-after"), m_script.retryAfter);
    if (!m_script.retryAfterMs.isEmpty())
        headers.emplaceBack(QByteArray("retry-after-ms"), m_script.retryAfterMs);
    if (!m_script.shouldRetry.isEmpty())
        headers.emplaceBack(QByteArray("x-should-retry"), m_script.shouldRetry);
    connection->writeResponse(m_script.errorStatus, headers,
                              scriptedErrorBody(m_script, m_script.errorStatus));
}

QList<QByteArray> FakeOpenAiUpstream::streamEvents(const FakeHttpRequest &request) const
{
    const fakeopenai::Completion completion = completionFor(m_script, request, m_completionCount);
    QList<QByteArray> events;
    if (m_script.errorIn200) {
        events << "data: " + scriptedErrorBody(m_script, 500) + "\n\n";
        return events;
    }

    if (m_script.commentLines)
        events << ": OPENROUTER PROCESSING\n\n";
    events << "data: " + fakeopenai::roleChunk(completion) + "\n\n";

    const QStringList pieces = fakeopenai::splitText(m_script.reply, m_script.chunkCount);
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        if (i == m_script.midStreamErrorAfter) {
            events << "data: " +
                          fakeopenai::openAiError(m_script.errorMessage, m_script.errorType,
                                                  m_script.errorCode) +
                          "\n\n";
            return events;
        }
        if (i == m_script.stallAfter) {
            events << QByteArray(); // an empty event stands for "go silent"
            return events;
        }
        if (m_script.commentLines && i == 1)
            events << ": keep-alive\n\n";
        events << "data: " + fakeopenai::contentChunk(completion, pieces.at(i)) + "\n\n";
    }

    events << "data: " + fakeopenai::closingChunk(completion, m_script.finishReason) + "\n\n";
    if (completion.includeUsage)
        events << "data: " + fakeopenai::usageChunk(completion) + "\n\n";
    events << QByteArrayLiteral("data: [DONE]\n\n");
    return events;
}

void FakeOpenAiUpstream::answerStream(FakeHttpConnection *connection,
                                      const FakeHttpRequest &request)
{
    FakeHeaders headers = commonHeaders("text/event-stream; charset=utf-8");
    headers.emplaceBack(QByteArray("Cache-Control"), QByteArray("no-cache"));
    connection->beginChunked(200, headers);

    // The events go out one per timer tick, so a client sees them spread in time and can hang up
    // between two of them.
    auto pending = std::make_shared<QList<QByteArray>>(streamEvents(request));
    QPointer<FakeHttpConnection> guard(connection);
    auto *timer = new QTimer(this);
    timer->setInterval(m_script.chunkDelayMs);
    connect(timer, &QTimer::timeout, this, [this, guard, pending, timer] {
        if (!guard || !guard->isOpen()) {
            timer->deleteLater();
            return;
        }
        if (pending->isEmpty()) {
            guard->endChunked();
            timer->deleteLater();
            return;
        }
        const QByteArray event = pending->takeFirst();
        if (event.isEmpty()) { // stall: keep the connection open, send nothing more
            timer->deleteLater();
            return;
        }
        guard->writeChunk(event);
        if (event.startsWith("data: ")) {
            ++m_dataEventsSent;
            emit dataEventSent();
        }
    });
    timer->start();
}

QByteArray FakeOpenAiUpstream::recordedRequestsJson() const
{
    QJsonArray list;
    for (const FakeHttpRequest &request : m_requests) {
        QJsonObject headers;
        for (auto it = request.headers.cbegin(); it != request.headers.cend(); ++it) {
            const QString name = QString::fromLatin1(it.key());
            const bool secret = it.key() == "authorization" || it.key() == "x-api-key" ||
                                it.key() == "api-key" || it.key() == "x-goog-api-key";
            headers.insert(name, secret ? QStringLiteral("<present>")
                                        : QString::fromUtf8(it.value()));
        }
        QJsonObject entry;
        entry.insert(QLatin1String("method"), QString::fromLatin1(request.method));
        entry.insert(QLatin1String("path"), QString::fromUtf8(request.path));
        entry.insert(QLatin1String("headers"), headers);
        entry.insert(QLatin1String("body"), request.json());
        list.append(entry);
    }
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

} // namespace signalbox
