// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// POST /v1/messages and /v1/messages/count_tokens over loopback, answered by a fake
// OpenAI-format upstream: Signalbox translates the request, the answer and the stream.
#include "chat/tokens.h"
#include "endpointtesting.h"
#include "fakes/fakeopenai.h"

using namespace signalbox;
using namespace signalbox::testing;

namespace {

const char kKeyVariable[] = "SIGNALBOX_TEST_MESSAGES_KEY";
constexpr TestPrices kPrices{0.15, 0.60, 0.075, 0.15};

QJsonObject configFor(const QString &upstreamUrl) {
    return {{QLatin1String("version"), 1},
            {QLatin1String("server"), QJsonObject{{QLatin1String("max_body_mib"), 1}}},
            {QLatin1String("providers"),
             QJsonObject{{QLatin1String("fake"), providerJson(QStringLiteral("openai"), upstreamUrl,
                                                              QLatin1String(kKeyVariable))}}},
            {QLatin1String("models"),
             QJsonArray{modelJson(QStringLiteral("mini"), QStringLiteral("fake"),
                                  QStringLiteral("gpt-4o-mini"), kPrices)}}};
}

QByteArray messagesRequest(const QJsonObject &body) {
    return postRequest("/v1/messages", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QJsonObject userMessage(const QString &text) {
    return {{QLatin1String("role"), QLatin1String("user")}, {QLatin1String("content"), text}};
}

QJsonObject baseBody(bool stream) {
    return {{QLatin1String("model"), QLatin1String("mini")},
            {QLatin1String("max_tokens"), 256},
            {QLatin1String("stream"), stream},
            {QLatin1String("system"), QLatin1String("Be brief.")},
            {QLatin1String("messages"), QJsonArray{userMessage(QStringLiteral("Hello?"))}}};
}

QJsonObject weatherTool() {
    return {{QLatin1String("name"), QLatin1String("get_weather")},
            {QLatin1String("input_schema"),
             QJsonObject{{QLatin1String("type"), QLatin1String("object")}}}};
}

// Returns the message of a non-streamed reply, or of the message_start event of a streamed one.
QJsonObject replyMessage(const RawResponse &response, bool stream) {
    if (!stream)
        return QJsonDocument::fromJson(response.body).object();
    const QList<ClientEvent> events = parseEvents(response.body);
    if (events.isEmpty() || events.first().name != "message_start")
        return {};
    return events.first().json().value(QLatin1String("message")).toObject();
}

QList<QByteArray> eventNames(const QList<ClientEvent> &events) {
    QList<QByteArray> names;
    for (const ClientEvent &event : events)
        names << event.name;
    return names;
}

} // namespace

class TestMessagesEndpoint : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void nonStreamTranslated();
    void streamedTextInMessagesOrder();
    void streamedToolUseKeepsEveryPiece();
    void clientDisconnectCancelsUpstream();
    void countTokensEstimates();
    void errorsUseAnthropicEnvelope_data();
    void errorsUseAnthropicEnvelope();
    void nonStringModelRejected_data();
    void nonStringModelRejected();
    void rawControlCharacterRejected();
    void hostileUpstreamIdCleaned_data();
    void hostileUpstreamIdCleaned();
    void replyNamesCalledModel_data();
    void replyNamesCalledModel();

private:
    std::unique_ptr<FakeOpenAiUpstream> m_upstream;
    ServiceFixture m_service;
};

void TestMessagesEndpoint::initTestCase() {
    qputenv(kKeyVariable, "sk-test-messages-key");
    qunsetenv("SIGNALBOX_KEY_FAKE");
}

void TestMessagesEndpoint::init() {
    m_upstream = std::make_unique<FakeOpenAiUpstream>();
    QVERIFY(m_upstream->listen(QHostAddress::LocalHost));
    const QString error = m_service.start(configFor(m_upstream->baseUrl()));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestMessagesEndpoint::cleanup() {
    m_service.stop();
    m_upstream.reset();
}

void TestMessagesEndpoint::nonStreamTranslated() {
    FakeOpenAiScript &script = m_upstream->script();
    script.reply = QStringLiteral("Hi there.");
    script.promptTokens = 900;
    script.cachedTokens = 600;
    script.completionTokens = 12;

    const RawResponse response = m_service.send(messagesRequest(baseBody(false)));
    QCOMPARE(response.status, 200);
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    QCOMPARE(body.value(QLatin1String("type")).toString(), QStringLiteral("message"));
    // The fake upstream's id is "chatcmpl-fake" and a number, which takes Anthropic's prefix.
    const QString id = body.value(QLatin1String("id")).toString();
    QVERIFY2(id.startsWith(QLatin1String("msg_fake")), qPrintable(id));
    QCOMPARE(body.value(QLatin1String("stop_reason")).toString(), QStringLiteral("end_turn"));
    const QJsonObject text = body.value(QLatin1String("content")).toArray().at(0).toObject();
    QCOMPARE(text.value(QLatin1String("text")).toString(), script.reply);
    const QJsonObject usage = body.value(QLatin1String("usage")).toObject();
    // Anthropic's input_tokens leaves out the cache reads that OpenAI's prompt_tokens includes.
    QCOMPARE(usage.value(QLatin1String("input_tokens")).toInt(), 300);
    QCOMPARE(usage.value(QLatin1String("cache_read_input_tokens")).toInt(), 600);
    QCOMPARE(usage.value(QLatin1String("output_tokens")).toInt(), 12);

    QCOMPARE(m_upstream->requests().size(), 1);
    const QJsonObject sent = m_upstream->requests().first().json();
    QCOMPARE(sent.value(QLatin1String("model")).toString(), QStringLiteral("gpt-4o-mini"));
    QCOMPARE(sent.value(QLatin1String("max_tokens")).toInt(), 256);
    const QJsonArray messages = sent.value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(QLatin1String("role")).toString(),
             QStringLiteral("system"));

    const std::optional<LedgerRecord> record = m_service.findRecord(requestIdOf(response));
    QVERIFY(record.has_value());
    QCOMPARE(record->endpoint, QStringLiteral("/v1/messages"));
    QCOMPARE(record->status, QStringLiteral("ok"));
    QCOMPARE(record->usage.inputTokens, 900);
    QCOMPARE(record->usage.cachedTokens, 600);
    QCOMPARE(record->costUsd, expectedCost(kPrices, 300, 600, 0, 12));
}

void TestMessagesEndpoint::streamedTextInMessagesOrder() {
    FakeOpenAiScript &script = m_upstream->script();
    script.reply = QStringLiteral("One two three.");
    script.chunkCount = 3;
    script.promptTokens = 40;
    script.completionTokens = 7;

    const RawResponse response = m_service.send(messagesRequest(baseBody(true)));
    QCOMPARE(response.status, 200);
    QVERIFY(response.header("Content-Type").startsWith("text/event-stream"));
    const QList<ClientEvent> events = parseEvents(response.body);
    const QList<QByteArray> expected{"message_start",       "ping",
                                     "content_block_start", "content_block_delta",
                                     "content_block_delta", "content_block_delta",
                                     "content_block_stop",  "message_delta",
                                     "message_stop"};
    QCOMPARE(eventNames(events), expected);
    const QString id = events.at(0)
                           .json()
                           .value(QLatin1String("message"))
                           .toObject()
                           .value(QLatin1String("id"))
                           .toString();
    QVERIFY2(id.startsWith(QLatin1String("msg_fake")), qPrintable(id));

    QString text;
    for (const ClientEvent &event : events) {
        // Every event's name matches its type, as in Anthropic's own streams.
        QCOMPARE(event.json().value(QLatin1String("type")).toString().toUtf8(), event.name);
        text += event.json()
                    .value(QLatin1String("delta"))
                    .toObject()
                    .value(QLatin1String("text"))
                    .toString();
    }
    QCOMPARE(text, script.reply);
    const QJsonObject usage = events.at(7).json().value(QLatin1String("usage")).toObject();
    QCOMPARE(usage.value(QLatin1String("input_tokens")).toInt(), 40);
    QCOMPARE(usage.value(QLatin1String("output_tokens")).toInt(), 7);

    const std::optional<LedgerRecord> record = m_service.findRecord(requestIdOf(response));
    QVERIFY(record.has_value());
    QVERIFY(!record->usage.estimated);
    QCOMPARE(record->usage.outputTokens, 7);
}

void TestMessagesEndpoint::streamedToolUseKeepsEveryPiece() {
    FakeOpenAiScript &script = m_upstream->script();
    script.toolArguments = R"({"city":"Lyon","days":[1,2,3]})";
    script.toolArgumentPieces = 5;

    QJsonObject body = baseBody(true);
    body.insert(QLatin1String("tools"), QJsonArray{weatherTool()});
    const RawResponse response = m_service.send(messagesRequest(body));
    QCOMPARE(response.status, 200);

    const QList<ClientEvent> events = parseEvents(response.body);
    QString arguments;
    int pieces = 0;
    QString stopReason;
    for (const ClientEvent &event : events) {
        const QJsonObject json = event.json();
        if (event.name == "content_block_start") {
            const QJsonObject block = json.value(QLatin1String("content_block")).toObject();
            QCOMPARE(block.value(QLatin1String("type")).toString(), QStringLiteral("tool_use"));
            QCOMPARE(block.value(QLatin1String("name")).toString(), QStringLiteral("get_weather"));
            QVERIFY(block.value(QLatin1String("id")).toString().startsWith(QLatin1String("call_")));
        }
        const QJsonObject delta = json.value(QLatin1String("delta")).toObject();
        if (delta.value(QLatin1String("type")).toString() == QLatin1String("input_json_delta")) {
            arguments += delta.value(QLatin1String("partial_json")).toString();
            ++pieces;
        }
        if (event.name == "message_delta")
            stopReason = delta.value(QLatin1String("stop_reason")).toString();
    }
    QCOMPARE(pieces, 5);
    QCOMPARE(arguments.toUtf8(), script.toolArguments);
    QCOMPARE(stopReason, QStringLiteral("tool_use"));

    const QJsonObject sent = m_upstream->requests().first().json();
    QCOMPARE(sent.value(QLatin1String("tools"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("function"))
                 .toObject()
                 .value(QLatin1String("name"))
                 .toString(),
             QStringLiteral("get_weather"));
}

void TestMessagesEndpoint::clientDisconnectCancelsUpstream() {
    FakeOpenAiScript &script = m_upstream->script();
    script.chunkCount = 10;
    script.chunkDelayMs = 200;

    RawHttpClient client;
    QVERIFY(client.connectTo(m_service.port()));
    client.send(messagesRequest(baseBody(true)));
    QVERIFY(client.waitForText("text_delta", kWaitMs));
    client.socket().disconnectFromHost();

    // The router hangs up on the upstream, and the row is billed from the estimate.
    QTRY_COMPARE_WITH_TIMEOUT(m_upstream->disconnects(), 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_service.recorded().size(), 1, kWaitMs);
    const QString requestId = m_service.recorded().first().value(0).value<LedgerRecord>().requestId;
    const std::optional<LedgerRecord> record = m_service.findRecord(requestId);
    QVERIFY(record.has_value());
    QCOMPARE(record->status, QStringLiteral("client_cancelled"));
    QCOMPARE(record->endpoint, QStringLiteral("/v1/messages"));
    QVERIFY(record->usage.estimated);
    QVERIFY(record->usage.outputTokens > 0);
    QVERIFY2(record->costUsd > 0, qPrintable(QString::number(record->costUsd)));
}

void TestMessagesEndpoint::countTokensEstimates() {
    const QJsonObject body{{QLatin1String("model"), QLatin1String("mini")},
                           {QLatin1String("messages"),
                            QJsonArray{userMessage(QStringLiteral("Count the tokens of this "
                                                                  "sentence, please."))}}};
    const RawResponse response =
        m_service.send(postRequest("/v1/messages/count_tokens", QJsonDocument(body).toJson()));
    QCOMPARE(response.status, 200);
    const qint64 tokens = QJsonDocument::fromJson(response.body)
                              .object()
                              .value(QLatin1String("input_tokens"))
                              .toInteger();
    // 4 for the message plus the estimate of its text, the same estimate routing and the gates use.
    QCOMPARE(tokens, 4 + signalbox::estimateTokens(
                             QStringLiteral("Count the tokens of this sentence, please.")));
    QCOMPARE(m_upstream->requests().size(), 0);
}

void TestMessagesEndpoint::errorsUseAnthropicEnvelope_data() {
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("upstreamStatus");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");

    QJsonObject noMaxTokens = baseBody(false);
    noMaxTokens.remove(QLatin1String("max_tokens"));
    QJsonObject unknownModel = baseBody(false);
    unknownModel.insert(QLatin1String("model"), QLatin1String("claude-9"));

    QTest::newRow("malformed json") << postRequest("/v1/messages", "{\"model\": ") << 0 << 400
                                    << QStringLiteral("invalid_request_error");
    QTest::newRow("missing max_tokens")
        << messagesRequest(noMaxTokens) << 0 << 400 << QStringLiteral("invalid_request_error");
    QTest::newRow("unknown model")
        << messagesRequest(unknownModel) << 0 << 404 << QStringLiteral("not_found_error");
    QTest::newRow("upstream 401") << messagesRequest(baseBody(false)) << 401 << 401
                                  << QStringLiteral("authentication_error");
    QTest::newRow("upstream 401 streamed")
        << messagesRequest(baseBody(true)) << 401 << 401 << QStringLiteral("authentication_error");
    QTest::newRow("upstream 500") << messagesRequest(baseBody(false)) << 500 << 502
                                  << QStringLiteral("api_error");
    QTest::newRow("wrong method") << getRequest("/v1/messages") << 0 << 405
                                  << QStringLiteral("invalid_request_error");

    // The server rejects these by itself, before any handler has seen the request.
    const QByteArray overLimit(1536 * 1024, 'x');
    QTest::newRow("body over the limit") << postRequest("/v1/messages", overLimit) << 0 << 413
                                         << QStringLiteral("request_too_large");
    QTest::newRow("count_tokens body over the limit")
        << postRequest("/v1/messages/count_tokens", overLimit) << 0 << 413
        << QStringLiteral("request_too_large");
    QByteArray longHeaders = postRequest("/v1/messages", "{}");
    longHeaders.insert(longHeaders.indexOf("\r\n") + 2,
                       "X-Padding: " + QByteArray(70000, 'p') + "\r\n");
    QTest::newRow("headers over the limit")
        << longHeaders << 0 << 431 << QStringLiteral("invalid_request_error");
}

void TestMessagesEndpoint::errorsUseAnthropicEnvelope() {
    QFETCH(QByteArray, request);
    QFETCH(int, upstreamStatus);
    QFETCH(int, status);
    QFETCH(QString, type);
    m_upstream->script().errorStatus = upstreamStatus;
    m_upstream->script().errorType = "invalid_request_error";

    const RawResponse response = m_service.send(request);
    QCOMPARE(response.status, status);
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    QCOMPARE(body.value(QLatin1String("type")).toString(), QStringLiteral("error"));
    const QJsonObject error = body.value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("type")).toString(), type);
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
}

void TestMessagesEndpoint::nonStringModelRejected_data() {
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QJsonValue>("model");
    QTest::addColumn<QString>("typeName");

    for (const char *path : {"/v1/messages", "/v1/messages/count_tokens"}) {
        const QByteArray prefix = QByteArray(path) + ", ";
        QTest::newRow(QByteArray(prefix + "null").constData())
            << QByteArray(path) << QJsonValue(QJsonValue::Null) << QStringLiteral("null");
        QTest::newRow(QByteArray(prefix + "number").constData())
            << QByteArray(path) << QJsonValue(3.5) << QStringLiteral("a number");
        QTest::newRow(QByteArray(prefix + "object").constData())
            << QByteArray(path) << QJsonValue(QJsonObject{}) << QStringLiteral("an object");
        QTest::newRow(QByteArray(prefix + "array").constData())
            << QByteArray(path) << QJsonValue(QJsonArray{}) << QStringLiteral("an array");
    }
}

void TestMessagesEndpoint::nonStringModelRejected() {
    QFETCH(QByteArray, path);
    QFETCH(QJsonValue, model);
    QFETCH(QString, typeName);
    QJsonObject body = baseBody(false);
    body.insert(QLatin1String("model"), model);

    const RawResponse response =
        m_service.send(postRequest(path, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    QCOMPARE(response.status, 400);
    const QJsonObject reply = QJsonDocument::fromJson(response.body).object();
    QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("error"));
    const QJsonObject error = reply.value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("type")).toString(),
             QStringLiteral("invalid_request_error"));
    QCOMPARE(error.value(QLatin1String("message")).toString(),
             QStringLiteral("\"model\" must be a string such as \"auto\" or a model id; got ") +
                 typeName);
    QCOMPARE(m_upstream->requests().size(), 0);
}

void TestMessagesEndpoint::rawControlCharacterRejected() {
    const QByteArray body(
        "{\"model\":\"mini\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":"
        "\"a\x01"
        "b\"}]}");
    const qsizetype offset = body.indexOf('\x01');
    QVERIFY(offset > 0);

    const RawResponse response = m_service.send(postRequest("/v1/messages", body));
    QCOMPARE(response.status, 400);
    const QJsonObject error =
        QJsonDocument::fromJson(response.body).object().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("type")).toString(),
             QStringLiteral("invalid_request_error"));
    const QString message = error.value(QLatin1String("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("at offset %1").arg(offset)), qPrintable(message));
    QCOMPARE(m_upstream->requests().size(), 0);
}

void TestMessagesEndpoint::hostileUpstreamIdCleaned_data() {
    QTest::addColumn<bool>("stream");
    QTest::newRow("reply") << false;
    QTest::newRow("stream") << true;
}

// Clients may use a message id as a key or a file name, so only [A-Za-z0-9_] of the upstream's
// id reach them, at most 64 characters of it.
void TestMessagesEndpoint::hostileUpstreamIdCleaned() {
    QFETCH(bool, stream);
    m_upstream->script().completionId =
        QStringLiteral("msg_a\"b\\c d\u0001\u00e9-") + QString(100 * 1024, QLatin1Char('x'));

    const RawResponse response = m_service.send(messagesRequest(baseBody(stream)));
    QCOMPARE(response.status, 200);
    const QString id = replyMessage(response, stream).value(QLatin1String("id")).toString();
    QCOMPARE(id, QStringLiteral("msg_abcd") + QString(60, QLatin1Char('x')));
}

void TestMessagesEndpoint::replyNamesCalledModel_data() {
    QTest::addColumn<bool>("stream");
    QTest::newRow("reply") << false;
    QTest::newRow("stream") << true;
}

// An upstream that names no model leaves the model Signalbox called, never an empty string.
void TestMessagesEndpoint::replyNamesCalledModel() {
    QFETCH(bool, stream);
    m_upstream->script().omitModel = true;

    const RawResponse response = m_service.send(messagesRequest(baseBody(stream)));
    QCOMPARE(response.status, 200);
    const QJsonObject message = replyMessage(response, stream);
    QCOMPARE(message.value(QLatin1String("model")).toString(), QStringLiteral("gpt-4o-mini"));
}

QTEST_GUILESS_MAIN(TestMessagesEndpoint)
#include "tst_messagesendpoint.moc"
