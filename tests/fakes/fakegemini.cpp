// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "fakes/fakegemini.h"

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

const QByteArray kDropMarker = QByteArrayLiteral("\x01drop");

// Google writes its JSON with a space after each colon and none after commas.
QByteArray usageJson(const FakeGeminiScript &script, bool final) {
    if (!final)
        return "{\"promptTokenCount\": " + QByteArray::number(script.promptTokens) +
               ",\"totalTokenCount\": " + QByteArray::number(script.promptTokens) + '}';
    QByteArray json =
        "{\"promptTokenCount\": " + QByteArray::number(script.promptTokens) +
        ",\"candidatesTokenCount\": " + QByteArray::number(script.candidatesTokens) +
        ",\"totalTokenCount\": " +
        QByteArray::number(script.promptTokens + script.candidatesTokens + script.thoughtsTokens);
    if (script.cachedTokens > 0)
        json += ",\"cachedContentTokenCount\": " + QByteArray::number(script.cachedTokens);
    json += ",\"promptTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": " +
            QByteArray::number(script.promptTokens) + "}]";
    if (script.thoughtsTokens > 0)
        json += ",\"thoughtsTokenCount\": " + QByteArray::number(script.thoughtsTokens);
    return json + '}';
}

QByteArray response(const QByteArray &parts, const QByteArray &finishReason,
                    const QByteArray &usage, const QString &model, const QByteArray &id) {
    QByteArray candidate = "{\"content\": {\"parts\": [" + parts + "],\"role\": \"model\"}";
    if (!finishReason.isEmpty())
        candidate += ",\"finishReason\": \"" + finishReason + '"';
    candidate += ",\"index\": 0}";
    return "{\"candidates\": [" + candidate + "],\"usageMetadata\": " + usage +
           ",\"modelVersion\": " + jsonString(model) + ",\"responseId\": \"" + id + "\"}";
}

QByteArray textPart(const QString &text, bool thought = false) {
    return "{\"text\": " + jsonString(text) + (thought ? ",\"thought\": true}" : "}");
}

// Returns the model name in a path such as /v1beta/models/gemini-2.5-flash:generateContent.
QString modelOf(const QByteArray &path) {
    const qsizetype start = path.indexOf("/models/") + 8;
    const qsizetype colon = path.indexOf(':', start);
    return QString::fromUtf8(path.mid(start, colon - start));
}

} // namespace

FakeGeminiUpstream::FakeGeminiUpstream(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this)) {
    connect(m_server, &QTcpServer::newConnection, this, &FakeGeminiUpstream::onNewConnection);
}

FakeGeminiUpstream::~FakeGeminiUpstream() = default;

bool FakeGeminiUpstream::listen(const QHostAddress &address, quint16 port) {
    return m_server->listen(address, port);
}

quint16 FakeGeminiUpstream::port() const {
    return m_server->serverPort();
}

QString FakeGeminiUpstream::baseUrl() const {
    return QStringLiteral("http://127.0.0.1:%1/v1beta").arg(port());
}

void FakeGeminiUpstream::onNewConnection() {
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

void FakeGeminiUpstream::onRequest(FakeHttpConnection *connection, const FakeHttpRequest &request) {
    if (request.method == "GET" && request.path == "/__fake/requests") {
        connection->writeResponse(200, {{"Content-Type", "application/json"}},
                                  fakeRequestsJson(m_requests));
        return;
    }
    const bool stream = request.path.contains(":streamGenerateContent");
    if (request.method != "POST" || !request.path.startsWith("/v1beta/models/") ||
        (!stream && !request.path.endsWith(":generateContent"))) {
        answerError(connection, 404, "NOT_FOUND", "Not found: " + request.path, {});
        return;
    }

    m_requests.append(request);
    ++m_count;
    if (request.header("x-goog-api-key").isEmpty()) {
        answerError(connection, 403, "PERMISSION_DENIED",
                    "Method doesn't allow unregistered callers (callers without established "
                    "identity). Please use API Key or other form of API consumer identity to "
                    "call this API.",
                    {});
        return;
    }
    if (m_script.invalidKey) {
        answerError(
            connection, 400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.",
            R"({"@type": "type.googleapis.com/google.rpc.ErrorInfo","reason": "API_KEY_INVALID","domain": "googleapis.com"})");
        return;
    }
    if (m_script.errorStatus != 0) {
        const QByteArray details =
            m_script.retryDelay.isEmpty()
                ? QByteArray()
                : R"({"@type": "type.googleapis.com/google.rpc.RetryInfo","retryDelay": ")" +
                      m_script.retryDelay + "\"}";
        answerError(connection, m_script.errorStatus, m_script.errorStatusName,
                    m_script.errorMessage, details);
        return;
    }

    // Without alt=sse Gemini streams one JSON array; Signalbox must always ask for SSE.
    if (stream && !request.path.endsWith("?alt=sse")) {
        answerError(connection, 400, "INVALID_ARGUMENT", "this fake serves alt=sse streams only",
                    {});
        return;
    }
    if (stream) {
        answerStream(connection, streamEvents(request));
        return;
    }
    connection->writeResponse(200, {{"Content-Type", "application/json; charset=UTF-8"}},
                              nonStreamBody(request));
}

void FakeGeminiUpstream::answerError(FakeHttpConnection *connection, int status,
                                     const QByteArray &statusName, const QByteArray &message,
                                     const QByteArray &details) {
    QByteArray body = "{\"error\": {\"code\": " + QByteArray::number(status) +
                      ",\"message\": " + jsonString(QString::fromUtf8(message)) +
                      ",\"status\": \"" + statusName + '"';
    if (!details.isEmpty())
        body += ",\"details\": [" + details + ']';
    body += "}}";
    connection->writeResponse(status, {{"Content-Type", "application/json; charset=UTF-8"}}, body);
}

QString FakeGeminiUpstream::functionToCall(const FakeHttpRequest &request) const {
    const QJsonObject body = request.json();
    const QJsonArray declarations = body.value(QLatin1String("tools"))
                                        .toArray()
                                        .at(0)
                                        .toObject()
                                        .value(QLatin1String("functionDeclarations"))
                                        .toArray();
    if (!m_script.callOfferedTools || declarations.isEmpty())
        return {};
    const QJsonArray lastParts = body.value(QLatin1String("contents"))
                                     .toArray()
                                     .last()
                                     .toObject()
                                     .value(QLatin1String("parts"))
                                     .toArray();
    for (const QJsonValue &part : lastParts) {
        if (part.toObject().contains(QLatin1String("functionResponse")))
            return {};
    }
    if (!m_script.toolName.isEmpty())
        return m_script.toolName;
    return declarations.first().toObject().value(QLatin1String("name")).toString();
}

QByteArray FakeGeminiUpstream::nonStreamBody(const FakeHttpRequest &request) const {
    const QString model = modelOf(request.path);
    const QByteArray id = "fake-response-" + QByteArray::number(m_count);
    QList<QByteArray> parts;
    if (!m_script.thoughts.isEmpty())
        parts << textPart(m_script.thoughts, true);
    const QString function = functionToCall(request);
    if (function.isEmpty())
        parts << textPart(m_script.reply);
    else
        parts << "{\"functionCall\": {\"name\": " + jsonString(function) +
                     ",\"args\": " + m_script.toolArguments + "}}";
    return response(parts.join(','), m_script.finishReason, usageJson(m_script, true), model, id);
}

QList<QByteArray> FakeGeminiUpstream::streamEvents(const FakeHttpRequest &request) const {
    const QString model = modelOf(request.path);
    const QByteArray id = "fake-response-" + QByteArray::number(m_count);
    // QStringBuilder would keep a reference to the argument past the call, so the lambda
    // returns a QByteArray.
    const auto frame = [](const QByteArray &json) -> QByteArray {
        return "data: " + json + "\r\n\r\n";
    };
    QList<QByteArray> events;
    if (!m_script.thoughts.isEmpty())
        events << frame(
            response(textPart(m_script.thoughts, true), {}, usageJson(m_script, false), model, id));

    const QString function = functionToCall(request);
    if (!function.isEmpty()) {
        events << frame(response("{\"functionCall\": {\"name\": " + jsonString(function) +
                                     ",\"args\": " + m_script.toolArguments + "}}",
                                 m_script.finishReason, usageJson(m_script, true), model, id));
        return events;
    }

    const QStringList pieces = fakeopenai::splitText(m_script.reply, m_script.chunkCount);
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        if (i == m_script.dropAfter) {
            events << kDropMarker;
            return events;
        }
        const bool last = i == pieces.size() - 1;
        events << frame(response(textPart(pieces.at(i)),
                                 last ? m_script.finishReason : QByteArray(),
                                 usageJson(m_script, last), model, id));
    }
    return events;
}

void FakeGeminiUpstream::answerStream(FakeHttpConnection *connection,
                                      const QList<QByteArray> &events) {
    connection->beginChunked(200, {{"Content-Type", "text/event-stream"}});
    auto pending = std::make_shared<QList<QByteArray>>(events);
    QPointer<FakeHttpConnection> guard(connection);
    auto *timer = new QTimer(this);
    timer->setInterval(m_script.chunkDelayMs);
    connect(timer, &QTimer::timeout, this, [guard, pending, timer] {
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
    });
    timer->start();
}

} // namespace signalbox
