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
                                     int sequence) {
    const QJsonObject body = request.json();
    fakeopenai::Completion completion;
    completion.id = "chatcmpl-fake" + QByteArray::number(sequence).rightJustified(6, '0');
    if (!script.completionId.isNull()) {
        const QByteArray quoted = fakeopenai::jsonString(script.completionId);
        completion.id = quoted.sliced(1, quoted.size() - 2);
    }
    completion.created = QDateTime::currentSecsSinceEpoch();
    completion.model = body.value(QLatin1String("model")).toString();
    completion.omitModel = script.omitModel;
    completion.includeUsage =
        script.alwaysIncludeUsage || body.value(QLatin1String("stream_options"))
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

QByteArray scriptedErrorBody(const FakeOpenAiScript &script, int status) {
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

// Stands for "close the connection here" in a list of stream events.
const QByteArray kDropMarker = QByteArrayLiteral("\x01drop");

QString offeredToolName(const QJsonObject &body) {
    return body.value(QLatin1String("tools"))
        .toArray()
        .at(0)
        .toObject()
        .value(QLatin1String("function"))
        .toObject()
        .value(QLatin1String("name"))
        .toString();
}

} // namespace

void applyScriptJson(FakeOpenAiScript &script, const QJsonObject &json) {
    const auto text = [&json](const char *key) {
        return json.value(QLatin1String(key));
    };
    if (text("reply").isString())
        script.reply = text("reply").toString();
    if (text("chunk_count").isDouble())
        script.chunkCount = text("chunk_count").toInt();
    if (text("error_status").isDouble())
        script.errorStatus = text("error_status").toInt();
    if (text("error_type").isString())
        script.errorType = text("error_type").toString().toUtf8();
    if (text("error_message").isString())
        script.errorMessage = text("error_message").toString().toUtf8();
    if (text("retry_after").isString())
        script.retryAfter = text("retry_after").toString().toUtf8();
    if (text("tool_name").isString())
        script.toolName = text("tool_name").toString();
    if (text("tool_arguments").isString())
        script.toolArguments = text("tool_arguments").toString().toUtf8();
    if (text("reasoning").isString())
        script.reasoning = text("reasoning").toString();
    if (text("call_offered_tools").isBool())
        script.callOfferedTools = text("call_offered_tools").toBool();
    if (text("drop_after").isDouble())
        script.dropAfter = text("drop_after").toInt();
}

FakeOpenAiUpstream::FakeOpenAiUpstream(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this)) {
    connect(m_server, &QTcpServer::newConnection, this, &FakeOpenAiUpstream::onNewConnection);
}

FakeOpenAiUpstream::~FakeOpenAiUpstream() = default;

bool FakeOpenAiUpstream::listen(const QHostAddress &address, quint16 port) {
    return m_server->listen(address, port);
}

quint16 FakeOpenAiUpstream::port() const {
    return m_server->serverPort();
}

QString FakeOpenAiUpstream::baseUrl() const {
    return QStringLiteral("http://127.0.0.1:%1/v1").arg(port());
}

void FakeOpenAiUpstream::onNewConnection() {
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new FakeHttpConnection(socket, this);
        connect(
            connection, &FakeHttpConnection::requestReceived, this,
            [this, connection](const FakeHttpRequest &request) { onRequest(connection, request); });
        connect(connection, &FakeHttpConnection::closed, this, [this, connection] {
            ++m_disconnects;
            emit clientDisconnected();
            connection->deleteLater();
        });
    }
}

void FakeOpenAiUpstream::onRequest(FakeHttpConnection *connection, const FakeHttpRequest &request) {
    if (request.method == "GET" && request.path == "/__fake/requests") {
        connection->writeResponse(200, {{"Content-Type", "application/json"}},
                                  recordedRequestsJson());
        return;
    }

    if (request.method == "POST" && request.path == "/__fake/script") {
        applyScriptJson(m_script, request.json());
        connection->writeResponse(200, {{"Content-Type", "application/json"}}, "{}");
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

    // Azure puts the api-version in the query, so routes are matched without it.
    const QByteArray route = request.path.split('?').first();
    if (request.method != "POST" || !route.endsWith("/chat/completions")) {
        connection->writeResponse(
            404, commonHeaders("application/json"),
            fakeopenai::openAiError("Unknown path " + request.path, "invalid_request_error", {}));
        return;
    }

    m_requests.append(request);
    ++m_completionCount;
    emit requestReceived();
    if (rejectWrongKey(connection, request) || rejectedByAzure(connection, request))
        return;
    answerChat(connection, request);
}

// OpenAI rejects a wrong key with 401 and a message that shows the key's first three and last
// four characters with asterisks between them.
bool FakeOpenAiUpstream::rejectWrongKey(FakeHttpConnection *connection,
                                        const FakeHttpRequest &request) {
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

bool FakeOpenAiUpstream::rejectedByAzure(FakeHttpConnection *connection,
                                         const FakeHttpRequest &request) {
    if (m_script.azureDeployment.isEmpty())
        return false;
    if (request.header("api-key").isEmpty()) {
        connection->writeResponse(
            401, commonHeaders("application/json"),
            "{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid "
            "subscription key or wrong API endpoint. Make sure to provide a valid key for an "
            "active subscription and use a correct regional API endpoint for your resource.\"}}");
        return true;
    }
    const QByteArray expected =
        "/openai/deployments/" + m_script.azureDeployment + "/chat/completions?api-version=";
    if (!request.path.startsWith(expected) || request.path.size() == expected.size()) {
        connection->writeResponse(
            404, commonHeaders("application/json"),
            "{\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"The API deployment "
            "for this resource does not exist. If you created the deployment within the last 5 "
            "minutes, please wait a moment and try again.\"}}");
        return true;
    }
    return false;
}

FakeHeaders FakeOpenAiUpstream::commonHeaders(const QByteArray &contentType) const {
    return {{"Content-Type", contentType},
            {"x-request-id", "req_fake" + QByteArray::number(m_completionCount)},
            {"openai-processing-ms", "12"},
            {"openai-version", "2020-10-01"}};
}

void FakeOpenAiUpstream::answerChat(FakeHttpConnection *connection,
                                    const FakeHttpRequest &request) {
    if (m_script.stall)
        return;
    if (m_script.answerDelayMs <= 0) {
        answerChatNow(connection, request);
        return;
    }
    QPointer<FakeHttpConnection> guard(connection);
    QTimer::singleShot(m_script.answerDelayMs, this, [this, guard, request] {
        if (guard && guard->isOpen())
            answerChatNow(guard, request);
    });
}

void FakeOpenAiUpstream::answerChatNow(FakeHttpConnection *connection,
                                       const FakeHttpRequest &request) {
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
    if (answersWithToolCall(request)) {
        const QString name =
            m_script.toolName.isEmpty() ? offeredToolName(request.json()) : m_script.toolName;
        connection->writeResponse(200, commonHeaders("application/json"),
                                  fakeopenai::toolCallBody(completion,
                                                           "call_fake" + completion.id.right(6),
                                                           name, m_script.toolArguments));
        return;
    }
    QByteArray body = fakeopenai::nonStreamBody(completion, m_script.reply, m_script.finishReason);
    if (m_script.omitUsage) {
        QJsonObject object = QJsonDocument::fromJson(body).object();
        object.remove(QLatin1String("usage"));
        body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    }
    connection->writeResponse(200, commonHeaders("application/json"), body);
}

bool FakeOpenAiUpstream::answersWithToolCall(const FakeHttpRequest &request) const {
    const QJsonObject body = request.json();
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    const QString lastRole = messages.last().toObject().value(QLatin1String("role")).toString();
    return m_script.callOfferedTools && !body.value(QLatin1String("tools")).toArray().isEmpty() &&
           lastRole != QLatin1String("tool");
}

QList<QByteArray> FakeOpenAiUpstream::toolCallEvents(const FakeHttpRequest &request) const {
    const fakeopenai::Completion completion = completionFor(m_script, request, m_completionCount);
    const QString name =
        m_script.toolName.isEmpty() ? offeredToolName(request.json()) : m_script.toolName;
    QList<QByteArray> events;
    events << "data: " +
                  fakeopenai::toolCallStartChunk(completion, "call_fake" + completion.id.right(6),
                                                 name) +
                  "\n\n";
    for (const QByteArray &piece :
         fakeopenai::splitBytes(m_script.toolArguments, m_script.toolArgumentPieces))
        events << "data: " + fakeopenai::toolArgumentsChunk(completion, piece) + "\n\n";
    events << "data: " + fakeopenai::closingChunk(completion, "tool_calls") + "\n\n";
    if (completion.includeUsage)
        events << "data: " + fakeopenai::usageChunk(completion) + "\n\n";
    events << QByteArrayLiteral("data: [DONE]\n\n");
    return events;
}

void FakeOpenAiUpstream::answerError(FakeHttpConnection *connection) {
    FakeHeaders headers = commonHeaders(
        m_script.errorShape == FakeOpenAiScript::ErrorShape::PlainText ? "text/plain"
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

QList<QByteArray> FakeOpenAiUpstream::streamEvents(const FakeHttpRequest &request) const {
    const fakeopenai::Completion completion = completionFor(m_script, request, m_completionCount);
    QList<QByteArray> events;
    if (m_script.errorIn200) {
        events << "data: " + scriptedErrorBody(m_script, 500) + "\n\n";
        return events;
    }

    if (answersWithToolCall(request))
        return toolCallEvents(request);

    if (m_script.commentLines)
        events << ": OPENROUTER PROCESSING\n\n";
    events << "data: " + fakeopenai::roleChunk(completion) + "\n\n";
    if (!m_script.reasoning.isEmpty()) {
        for (const QString &piece : fakeopenai::splitText(m_script.reasoning, 2))
            events << "data: " + fakeopenai::reasoningChunk(completion, piece) + "\n\n";
    }

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
        if (i == m_script.dropAfter) {
            events << kDropMarker;
            return events;
        }
        if (i == m_script.endAfter)
            return events;
        if (m_script.usageOnLastContentChunk && i == pieces.size() - 1) {
            events << "data: " + fakeopenai::contentChunkWithUsage(completion, pieces.at(i)) +
                          "\n\n";
            events << QByteArrayLiteral("data: [DONE]\n\n");
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
                                      const FakeHttpRequest &request) {
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
        if (event == kDropMarker) { // close without ending the chunked body
            guard->abort();
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

QByteArray FakeOpenAiUpstream::recordedRequestsJson() const {
    return fakeRequestsJson(m_requests);
}

} // namespace signalbox
