// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "fakes/fakeanthropic.h"

#include "fakes/fakeopenaibodies.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace signalbox {

namespace {

using fakeopenai::jsonString;

// Stands for "close the connection here" in a list of stream events.
const QByteArray kDropMarker = QByteArrayLiteral("\x01drop");

QByteArray namedEvent(const QByteArray &name, const QByteArray &data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
}

QByteArray usageJson(const FakeAnthropicScript &script, qint64 outputTokens) {
    return "{\"input_tokens\":" + QByteArray::number(script.inputTokens) +
           ",\"cache_creation_input_tokens\":" + QByteArray::number(script.cacheCreationTokens) +
           ",\"cache_read_input_tokens\":" + QByteArray::number(script.cacheReadTokens) +
           ",\"output_tokens\":" + QByteArray::number(outputTokens) +
           ",\"service_tier\":\"standard\"}";
}

QByteArray blockStart(int index, const QByteArray &block) {
    return namedEvent("content_block_start",
                      "{\"type\":\"content_block_start\",\"index\":" + QByteArray::number(index) +
                          ",\"content_block\":" + block + '}');
}

QByteArray blockDelta(int index, const QByteArray &delta) {
    return namedEvent("content_block_delta",
                      "{\"type\":\"content_block_delta\",\"index\":" + QByteArray::number(index) +
                          ",\"delta\":" + delta + '}');
}

QByteArray blockStop(int index) {
    return namedEvent("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" +
                                                QByteArray::number(index) + '}');
}

QByteArray errorJson(const QByteArray &type, const QByteArray &message) {
    return "{\"type\":\"error\",\"error\":{\"type\":" + jsonString(QString::fromUtf8(type)) +
           ",\"message\":" + jsonString(QString::fromUtf8(message)) + "}}";
}

} // namespace

void applyScriptJson(FakeAnthropicScript &script, const QJsonObject &json) {
    const auto value = [&json](const char *key) {
        return json.value(QLatin1String(key));
    };
    if (value("reply").isString())
        script.reply = value("reply").toString();
    if (value("error_status").isDouble())
        script.errorStatus = value("error_status").toInt();
    if (value("error_type").isString())
        script.errorType = value("error_type").toString().toUtf8();
    if (value("error_message").isString())
        script.errorMessage = value("error_message").toString().toUtf8();
    if (value("retry_after").isString())
        script.retryAfter = value("retry_after").toString().toUtf8();
    if (value("thinking").isString())
        script.thinking = value("thinking").toString();
    if (value("tool_name").isString())
        script.toolName = value("tool_name").toString();
    if (value("tool_arguments").isString())
        script.toolArguments = value("tool_arguments").toString().toUtf8();
    if (value("call_offered_tools").isBool())
        script.callOfferedTools = value("call_offered_tools").toBool();
    if (value("cache_read_tokens").isDouble())
        script.cacheReadTokens = value("cache_read_tokens").toInteger();
    if (value("drop_after").isDouble())
        script.dropAfter = value("drop_after").toInt();
}

FakeAnthropicUpstream::FakeAnthropicUpstream(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this)) {
    connect(m_server, &QTcpServer::newConnection, this, &FakeAnthropicUpstream::onNewConnection);
}

FakeAnthropicUpstream::~FakeAnthropicUpstream() = default;

bool FakeAnthropicUpstream::listen(const QHostAddress &address, quint16 port) {
    return m_server->listen(address, port);
}

quint16 FakeAnthropicUpstream::port() const {
    return m_server->serverPort();
}

QString FakeAnthropicUpstream::baseUrl() const {
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

void FakeAnthropicUpstream::onNewConnection() {
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new FakeHttpConnection(socket, this);
        connect(
            connection, &FakeHttpConnection::requestReceived, this,
            [this, connection](const FakeHttpRequest &request) { onRequest(connection, request); });
        connect(connection, &FakeHttpConnection::closed, this, [this, connection] {
            ++m_disconnects;
            connection->deleteLater();
        });
    }
}

FakeHeaders FakeAnthropicUpstream::commonHeaders(const QByteArray &contentType) const {
    return {{"Content-Type", contentType},
            {"request-id", "req_fake" + QByteArray::number(m_messageCount).rightJustified(6, '0')},
            {"anthropic-ratelimit-requests-limit", "4000"},
            {"anthropic-ratelimit-requests-remaining", "3999"},
            {"anthropic-ratelimit-requests-reset", "2026-01-01T00:00:01Z"}};
}

void FakeAnthropicUpstream::onRequest(FakeHttpConnection *connection,
                                      const FakeHttpRequest &request) {
    if (request.method == "GET" && request.path == "/__fake/requests") {
        connection->writeResponse(200, {{"Content-Type", "application/json"}},
                                  fakeRequestsJson(m_requests));
        return;
    }
    if (request.method == "POST" && request.path == "/__fake/script") {
        applyScriptJson(m_script, request.json());
        connection->writeResponse(200, {{"Content-Type", "application/json"}}, "{}");
        return;
    }
    if (request.method != "POST" || request.path != "/v1/messages") {
        answerError(connection, 404, "not_found_error", "Not found: " + request.path);
        return;
    }

    m_requests.append(request);
    ++m_messageCount;
    emit requestReceived();
    answerMessages(connection, request);
}

void FakeAnthropicUpstream::answerMessages(FakeHttpConnection *connection,
                                           const FakeHttpRequest &request) {
    // The checks the API makes before anything else.
    if (request.header("x-api-key").isEmpty()) {
        answerError(connection, 401, "authentication_error", "x-api-key header is required");
        return;
    }
    if (request.header("anthropic-version").isEmpty()) {
        answerError(connection, 400, "invalid_request_error",
                    "anthropic-version: header is required");
        return;
    }
    const QJsonObject body = request.json();
    if (!body.value(QLatin1String("max_tokens")).isDouble()) {
        answerError(connection, 400, "invalid_request_error", "max_tokens: Field required");
        return;
    }
    if (m_script.errorStatus != 0) {
        answerError(connection, m_script.errorStatus, m_script.errorType, m_script.errorMessage);
        return;
    }

    if (body.value(QLatin1String("stream")).toBool()) {
        answerStream(connection, streamEvents(request));
        return;
    }
    connection->writeResponse(200, commonHeaders("application/json"), nonStreamBody(request));
}

void FakeAnthropicUpstream::answerError(FakeHttpConnection *connection, int status,
                                        const QByteArray &type, const QByteArray &message) {
    FakeHeaders headers = commonHeaders("application/json");
    if (!m_script.retryAfter.isEmpty() && m_script.errorStatus == status)
        headers.emplaceBack(QByteArray("retry-after"), m_script.retryAfter);
    QByteArray body = errorJson(type, message);
    body.chop(1);
    body += ",\"request_id\":\"req_fake" +
            QByteArray::number(m_messageCount).rightJustified(6, '0') + "\"}";
    connection->writeResponse(status, headers, body);
}

QString FakeAnthropicUpstream::toolToCall(const FakeHttpRequest &request) const {
    const QJsonObject body = request.json();
    const QJsonArray tools = body.value(QLatin1String("tools")).toArray();
    if (!m_script.callOfferedTools || tools.isEmpty())
        return {};
    // A last user message that carries a tool_result is the tool's answer: reply in text.
    const QJsonValue lastContent = body.value(QLatin1String("messages"))
                                       .toArray()
                                       .last()
                                       .toObject()
                                       .value(QLatin1String("content"));
    for (const QJsonValue &block : lastContent.toArray()) {
        if (block.toObject().value(QLatin1String("type")).toString() ==
            QLatin1String("tool_result"))
            return {};
    }
    if (!m_script.toolName.isEmpty())
        return m_script.toolName;
    return tools.first().toObject().value(QLatin1String("name")).toString();
}

QByteArray FakeAnthropicUpstream::nonStreamBody(const FakeHttpRequest &request) const {
    const QString model = request.json().value(QLatin1String("model")).toString();
    QList<QByteArray> blocks;
    if (!m_script.thinking.isEmpty())
        blocks << "{\"type\":\"thinking\",\"thinking\":" + jsonString(m_script.thinking) +
                      ",\"signature\":\"" + m_script.signature + "\"}";
    QByteArray stopReason = m_script.stopReason;
    const QString tool = toolToCall(request);
    if (tool.isEmpty()) {
        blocks << "{\"type\":\"text\",\"text\":" + jsonString(m_script.reply) + '}';
    } else {
        blocks << "{\"type\":\"tool_use\",\"id\":\"toolu_fake" +
                      QByteArray::number(m_messageCount).rightJustified(6, '0') +
                      "\",\"name\":" + jsonString(tool) + ",\"input\":" + m_script.toolArguments +
                      '}';
        stopReason = "tool_use";
    }
    return "{\"id\":\"msg_fake" + QByteArray::number(m_messageCount).rightJustified(6, '0') +
           "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + jsonString(model) +
           ",\"content\":[" + blocks.join(',') + "],\"stop_reason\":\"" + stopReason +
           "\",\"stop_sequence\":null,\"usage\":" + usageJson(m_script, m_script.outputTokens) +
           '}';
}

QList<QByteArray> FakeAnthropicUpstream::streamEvents(const FakeHttpRequest &request) const {
    const QString model = request.json().value(QLatin1String("model")).toString();
    const QByteArray id = "msg_fake" + QByteArray::number(m_messageCount).rightJustified(6, '0');
    QList<QByteArray> events;
    events << namedEvent(
        "message_start",
        "{\"type\":\"message_start\",\"message\":{\"id\":\"" + id +
            "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + jsonString(model) +
            ",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":" +
            usageJson(m_script, 1) + "}}");

    int index = 0;
    if (!m_script.thinking.isEmpty()) {
        events << blockStart(index, R"({"type":"thinking","thinking":"","signature":""})");
        for (const QString &piece : fakeopenai::splitText(m_script.thinking, 2))
            events << blockDelta(
                index, "{\"type\":\"thinking_delta\",\"thinking\":" + jsonString(piece) + '}');
        events << blockDelta(index, "{\"type\":\"signature_delta\",\"signature\":\"" +
                                        m_script.signature + "\"}");
        events << blockStop(index++);
    }

    QByteArray stopReason = m_script.stopReason;
    const QString tool = toolToCall(request);
    if (!tool.isEmpty()) {
        events << blockStart(index, "{\"type\":\"tool_use\",\"id\":\"toolu_fake" + id.right(6) +
                                        "\",\"name\":" + jsonString(tool) + ",\"input\":{}}");
        // The API's first input_json_delta is often empty.
        events << blockDelta(index, R"({"type":"input_json_delta","partial_json":""})");
        for (const QByteArray &piece :
             fakeopenai::splitBytes(m_script.toolArguments, m_script.toolArgumentPieces))
            events << blockDelta(index, "{\"type\":\"input_json_delta\",\"partial_json\":" +
                                            jsonString(QString::fromUtf8(piece)) + '}');
        events << blockStop(index);
        stopReason = "tool_use";
    } else {
        events << blockStart(index, R"({"type":"text","text":""})");
        if (m_script.pings)
            events << namedEvent("ping", R"({"type": "ping"})");
        const QStringList pieces = fakeopenai::splitText(m_script.reply, m_script.chunkCount);
        for (qsizetype i = 0; i < pieces.size(); ++i) {
            if (i == m_script.midStreamErrorAfter) {
                events << namedEvent("error", errorJson(m_script.errorType, m_script.errorMessage));
                return events;
            }
            if (i == m_script.dropAfter) {
                events << kDropMarker;
                return events;
            }
            events << blockDelta(
                index, "{\"type\":\"text_delta\",\"text\":" + jsonString(pieces.at(i)) + '}');
        }
        events << blockStop(index);
    }

    events << namedEvent("message_delta",
                         "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason +
                             "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" +
                             QByteArray::number(m_script.outputTokens) + "}}");
    events << namedEvent("message_stop", R"({"type":"message_stop"})");
    return events;
}

void FakeAnthropicUpstream::answerStream(FakeHttpConnection *connection,
                                         const QList<QByteArray> &events) {
    FakeHeaders headers = commonHeaders("text/event-stream; charset=utf-8");
    headers.emplaceBack(QByteArray("Cache-Control"), QByteArray("no-cache"));
    connection->beginChunked(200, headers);

    // One event per timer tick, so a client sees them spread in time.
    auto pending = std::make_shared<QList<QByteArray>>(events);
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
        const QByteArray next = pending->takeFirst();
        if (next == kDropMarker) {
            guard->abort();
            timer->deleteLater();
            return;
        }
        guard->writeChunk(next);
        ++m_eventsSent;
    });
    timer->start();
}

} // namespace signalbox
