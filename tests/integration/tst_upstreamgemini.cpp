// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// Calls to a fake Gemini upstream over loopback: the generateContent request Signalbox writes,
// CRLF-framed streams translated for OpenAI and Anthropic clients, usage and Google's errors.
#include "fakes/fakegemini.h"
#include "providers/anthropiccodec.h"
#include "providers/openaicodec.h"
#include "providers/upstreamfactory.h"
#include "support/fakeupstreamfixture.h"
#include "support/openaistreamsummary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace signalbox;
using namespace signalbox::testing;

namespace {

const QString kApiKey = QStringLiteral("AIza-test-key-0123456789");

QJsonObject weatherFunction() {
    return {{QLatin1String("type"), QLatin1String("function")},
            {QLatin1String("function"),
             QJsonObject{{QLatin1String("name"), QLatin1String("get_weather")},
                         {QLatin1String("description"), QLatin1String("Current weather")},
                         {QLatin1String("parameters"),
                          QJsonObject{{QLatin1String("type"), QLatin1String("object")},
                                      {QLatin1String("additionalProperties"), false},
                                      {QLatin1String("properties"),
                                       QJsonObject{{QLatin1String("city"),
                                                    QJsonObject{{QLatin1String("type"),
                                                                 QLatin1String("string")}}}}}}}}}};
}

QJsonObject openAiBody(bool stream, bool withTools) {
    QJsonObject body{
        {QLatin1String("model"), QLatin1String("flash")},
        {QLatin1String("messages"),
         QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("system")},
                                {QLatin1String("content"), QLatin1String("Be brief.")}},
                    QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                {QLatin1String("content"), QLatin1String("Weather in Paris?")}}}},
        {QLatin1String("max_tokens"), 256},
        {QLatin1String("stop"), QLatin1String("END")},
        {QLatin1String("stream"), stream}};
    if (stream)
        body.insert(QLatin1String("stream_options"),
                    QJsonObject{{QLatin1String("include_usage"), true}});
    if (withTools) {
        body.insert(QLatin1String("tools"), QJsonArray{weatherFunction()});
        body.insert(QLatin1String("tool_choice"), QLatin1String("required"));
    }
    return body;
}

QJsonObject anthropicBody(bool stream, bool withTools) {
    QJsonObject body{{QLatin1String("model"), QLatin1String("flash")},
                     {QLatin1String("max_tokens"), 256},
                     {QLatin1String("messages"),
                      QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                             {QLatin1String("content"), QLatin1String("Hi")}}}},
                     {QLatin1String("stream"), stream}};
    if (withTools)
        body.insert(QLatin1String("tools"),
                    QJsonArray{QJsonObject{
                        {QLatin1String("name"), QLatin1String("get_weather")},
                        {QLatin1String("input_schema"),
                         QJsonObject{{QLatin1String("type"), QLatin1String("object")}}}}});
    return body;
}

UpstreamRequest makeRequest(const QString &baseUrl, WireFormat client, const QJsonObject &body) {
    UpstreamRequest request;
    request.provider.id = QStringLiteral("fake-gemini");
    request.provider.kind = QStringLiteral("gemini");
    request.provider.baseUrl = baseUrl;
    request.model.id = QStringLiteral("flash");
    request.model.provider = request.provider.id;
    request.model.upstreamId = QStringLiteral("gemini-2.5-flash");
    request.clientFormat = client;
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.chat = client == WireFormat::OpenAiChat ? openaicodec::decodeRequest(body).value()
                                                    : anthropiccodec::decodeRequest(body).value();
    request.stream = request.chat.stream;
    request.clientWantsUsage = request.chat.includeUsage;
    request.apiKey = kApiKey;
    request.timeouts = {5000, 5000, 5000};
    return request;
}

QList<QJsonObject> dataObjects(const QByteArray &frames) {
    QList<QJsonObject> objects;
    for (const QByteArray &line : frames.split('\n')) {
        if (line.startsWith("data: {"))
            objects << QJsonDocument::fromJson(line.mid(6)).object();
    }
    return objects;
}

} // namespace

class TestUpstreamGemini : public QObject, FakeUpstreamFixture<FakeGeminiUpstream> {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void requestEncodedForGemini();
    void toolResultNamedAfterCall();
    void streamTranslatedForOpenAi();
    void functionCallTranslatedForAnthropic();
    void bodyTranslatedForAnthropic();
    void thoughtsBilledAsOutput();
    void httpErrorMapped_data();
    void httpErrorMapped();
    void droppedStreamIsAnError();
};

void TestUpstreamGemini::init() {
    QVERIFY(startFake());
}

void TestUpstreamGemini::cleanup() {
    stopFake();
}

void TestUpstreamGemini::requestEncodedForGemini() {
    m_fake->script().callOfferedTools = false;
    run(makeRequest(m_fake->baseUrl(), WireFormat::OpenAiChat, openAiBody(false, true)));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);

    QCOMPARE(m_fake->requests().size(), 1);
    const FakeHttpRequest &received = m_fake->requests().first();
    QCOMPARE(received.path, QByteArray("/v1beta/models/gemini-2.5-flash:generateContent"));
    QCOMPARE(received.header("x-goog-api-key"), kApiKey.toUtf8());
    QVERIFY(!received.headers.contains("authorization"));

    const QJsonObject expected = QJsonDocument::fromJson(R"({
        "contents": [{"role": "user", "parts": [{"text": "Weather in Paris?"}]}],
        "systemInstruction": {"parts": [{"text": "Be brief."}]},
        "generationConfig": {"maxOutputTokens": 256, "stopSequences": ["END"]},
        "tools": [{"functionDeclarations": [{"name": "get_weather",
            "description": "Current weather",
            "parameters": {"type": "object",
                           "properties": {"city": {"type": "string"}}}}]}],
        "toolConfig": {"functionCallingConfig": {"mode": "ANY"}}})")
                                     .object();
    QCOMPARE(received.json(), expected);
}

void TestUpstreamGemini::toolResultNamedAfterCall() {
    QJsonObject body = openAiBody(false, true);
    QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    messages.append(QJsonObject{
        {QLatin1String("role"), QLatin1String("assistant")},
        {QLatin1String("content"), QJsonValue::Null},
        {QLatin1String("tool_calls"),
         QJsonArray{QJsonObject{
             {QLatin1String("id"), QLatin1String("call_7")},
             {QLatin1String("type"), QLatin1String("function")},
             {QLatin1String("function"),
              QJsonObject{{QLatin1String("name"), QLatin1String("get_weather")},
                          {QLatin1String("arguments"), QLatin1String(R"({"city":"Paris"})")}}}}}}});
    messages.append(QJsonObject{{QLatin1String("role"), QLatin1String("tool")},
                                {QLatin1String("tool_call_id"), QLatin1String("call_7")},
                                {QLatin1String("content"), QLatin1String(R"({"celsius":18})")}});
    body.insert(QLatin1String("messages"), messages);
    run(makeRequest(m_fake->baseUrl(), WireFormat::OpenAiChat, body));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);

    const QJsonArray contents =
        m_fake->requests().first().json().value(QLatin1String("contents")).toArray();
    QCOMPARE(contents.size(), 3);
    QCOMPARE(contents.at(1).toObject(), QJsonDocument::fromJson(R"({"role": "model", "parts":
        [{"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}}]})")
                                            .object());
    QCOMPARE(contents.at(2).toObject(), QJsonDocument::fromJson(R"({"role": "user", "parts":
        [{"functionResponse": {"name": "get_weather", "response": {"celsius": 18}}}]})")
                                            .object());
    // The fake replies to a function response in text.
    QVERIFY(m_recorder.result.body.contains("Hello from the fake Gemini upstream."));
}

void TestUpstreamGemini::streamTranslatedForOpenAi() {
    FakeGeminiScript &script = m_fake->script();
    script.reply = QStringLiteral("Sunny and mild.");
    script.thoughts = QStringLiteral("Look it up.");
    script.thoughtsTokens = 7;
    script.candidatesTokens = 5;
    run(makeRequest(m_fake->baseUrl(), WireFormat::OpenAiChat, openAiBody(true, false)));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);
    QCOMPARE(m_fake->requests().first().path,
             QByteArray("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"));

    const OpenAiStreamSummary stream = summarizeOpenAiStream(m_recorder.frames);
    QCOMPARE(stream.otherObjects, 0);
    QCOMPARE(stream.text, script.reply);
    QCOMPARE(stream.reasoning, script.thoughts);
    QCOMPARE(stream.finishReason, QStringLiteral("stop"));
    QVERIFY(m_recorder.frames.endsWith("data: [DONE]\n\n"));
    QCOMPARE(stream.usage.value(QLatin1String("prompt_tokens")).toInt(), 30);
    // Thoughts are outside candidatesTokenCount and billed as output.
    QCOMPARE(stream.usage.value(QLatin1String("completion_tokens")).toInt(), 12);
    QVERIFY(m_recorder.result.usageReported);
}

void TestUpstreamGemini::functionCallTranslatedForAnthropic() {
    m_fake->script().toolArguments = R"({"city":"Oslo"})";
    run(makeRequest(m_fake->baseUrl(), WireFormat::AnthropicMessages, anthropicBody(true, true)));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);

    QVERIFY(m_recorder.frames.startsWith("event: message_start\n"));
    QVERIFY(
        m_recorder.frames.endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
    QString arguments;
    QString stopReason;
    QString toolName;
    for (const QJsonObject &event : dataObjects(m_recorder.frames)) {
        const QJsonObject block = event.value(QLatin1String("content_block")).toObject();
        if (block.value(QLatin1String("type")).toString() == QLatin1String("tool_use"))
            toolName = block.value(QLatin1String("name")).toString();
        const QJsonObject delta = event.value(QLatin1String("delta")).toObject();
        arguments += delta.value(QLatin1String("partial_json")).toString();
        if (event.value(QLatin1String("type")).toString() == QLatin1String("message_delta"))
            stopReason = delta.value(QLatin1String("stop_reason")).toString();
    }
    QCOMPARE(toolName, QStringLiteral("get_weather"));
    QCOMPARE(QJsonDocument::fromJson(arguments.toUtf8()).object(),
             QJsonDocument::fromJson(R"({"city":"Oslo"})").object());
    // Gemini ends a function call with STOP; the client must see tool_use.
    QCOMPARE(stopReason, QStringLiteral("tool_use"));
}

void TestUpstreamGemini::bodyTranslatedForAnthropic() {
    m_fake->script().promptTokens = 1000;
    m_fake->script().cachedTokens = 800;
    run(makeRequest(m_fake->baseUrl(), WireFormat::AnthropicMessages, anthropicBody(false, false)));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);
    const QJsonObject body = QJsonDocument::fromJson(m_recorder.result.body).object();
    QCOMPARE(body.value(QLatin1String("type")).toString(), QStringLiteral("message"));
    // Anthropic ids start with msg_, so the Gemini responseId gets the prefix.
    QCOMPARE(body.value(QLatin1String("id")).toString(), QStringLiteral("msg_fakeresponse1"));
    QCOMPARE(body.value(QLatin1String("stop_reason")).toString(), QStringLiteral("end_turn"));
    const QJsonObject usage = body.value(QLatin1String("usage")).toObject();
    QCOMPARE(usage.value(QLatin1String("input_tokens")).toInt(), 200);
    QCOMPARE(usage.value(QLatin1String("cache_read_input_tokens")).toInt(), 800);
}

void TestUpstreamGemini::thoughtsBilledAsOutput() {
    FakeGeminiScript &script = m_fake->script();
    script.promptTokens = 400;
    script.cachedTokens = 300;
    script.candidatesTokens = 10;
    script.thoughtsTokens = 20;
    run(makeRequest(m_fake->baseUrl(), WireFormat::OpenAiChat, openAiBody(true, false)));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);

    QVERIFY(m_recorder.result.usageReported);
    QCOMPARE(m_recorder.result.usage.inputTokens, 400);
    QCOMPARE(m_recorder.result.usage.cachedTokens, 300);
    QCOMPARE(m_recorder.result.usage.outputTokens, 30);
    QCOMPARE(m_recorder.result.usage.reasoningTokens, 20);
}

void TestUpstreamGemini::httpErrorMapped_data() {
    QTest::addColumn<bool>("invalidKey");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("statusName");
    QTest::addColumn<QByteArray>("retryDelay");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<bool>("retryable");

    // An invalid Gemini key is a 400, not a 401.
    QTest::newRow("invalid key") << true << 400 << QByteArray() << QByteArray()
                                 << QStringLiteral("API_KEY_INVALID") << QByteArray() << false;
    QTest::newRow("quota with retry delay")
        << false << 429 << QByteArray("RESOURCE_EXHAUSTED") << QByteArray("41s")
        << QStringLiteral("RESOURCE_EXHAUSTED") << QByteArray("41") << true;
    QTest::newRow("overloaded") << false << 503 << QByteArray("UNAVAILABLE") << QByteArray()
                                << QStringLiteral("UNAVAILABLE") << QByteArray() << true;
    QTest::newRow("not found") << false << 404 << QByteArray("NOT_FOUND") << QByteArray()
                               << QStringLiteral("NOT_FOUND") << QByteArray() << false;
}

void TestUpstreamGemini::httpErrorMapped() {
    QFETCH(bool, invalidKey);
    QFETCH(int, status);
    QFETCH(QByteArray, statusName);
    QFETCH(QByteArray, retryDelay);
    QFETCH(QString, code);
    QFETCH(QByteArray, retryAfter);
    QFETCH(bool, retryable);
    FakeGeminiScript &script = m_fake->script();
    script.invalidKey = invalidKey;
    script.errorStatus = invalidKey ? 0 : status;
    script.errorStatusName = statusName;
    script.retryDelay = retryDelay;

    run(makeRequest(m_fake->baseUrl(), WireFormat::OpenAiChat, openAiBody(true, false)));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::Http);
    QCOMPARE(m_recorder.result.error.httpStatus, status);
    QCOMPARE(m_recorder.result.error.code, code);
    QCOMPARE(m_recorder.result.error.retryAfter, retryAfter);
    QCOMPARE(m_recorder.result.error.retryable(), retryable);
    QVERIFY(!m_recorder.result.error.message.contains(kApiKey));
    QCOMPARE(m_recorder.started, 0);
}

void TestUpstreamGemini::droppedStreamIsAnError() {
    m_fake->script().chunkCount = 4;
    m_fake->script().dropAfter = 2;
    run(makeRequest(m_fake->baseUrl(), WireFormat::AnthropicMessages, anthropicBody(true, false)));

    QCOMPARE(m_recorder.started, 1);
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::Protocol);
    QVERIFY(!m_recorder.frames.contains("message_stop"));
    QVERIFY(!m_recorder.result.usageReported);
}

QTEST_GUILESS_MAIN(TestUpstreamGemini)
#include "tst_upstreamgemini.moc"
