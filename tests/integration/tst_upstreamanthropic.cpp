// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// Calls to a fake Anthropic upstream over loopback: the request it receives, streams passed
// through unchanged to Anthropic clients and translated for OpenAI clients, usage and errors.
#include "fakes/fakeanthropic.h"
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

const QString kApiKey = QStringLiteral("sk-ant-test-0123456789");

QJsonObject anthropicBody(bool stream, bool withTools = false) {
    QJsonObject body{{QLatin1String("model"), QLatin1String("claude")},
                     {QLatin1String("max_tokens"), 500},
                     {QLatin1String("system"),
                      QJsonArray{QJsonObject{
                          {QLatin1String("type"), QLatin1String("text")},
                          {QLatin1String("text"), QLatin1String("Be brief.")},
                          {QLatin1String("cache_control"),
                           QJsonObject{{QLatin1String("type"), QLatin1String("ephemeral")}}}}}},
                     {QLatin1String("messages"),
                      QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                             {QLatin1String("content"), QLatin1String("Hello?")}}}},
                     {QLatin1String("stream"), stream}};
    if (withTools)
        body.insert(QLatin1String("tools"),
                    QJsonArray{QJsonObject{
                        {QLatin1String("name"), QLatin1String("get_weather")},
                        {QLatin1String("input_schema"),
                         QJsonObject{{QLatin1String("type"), QLatin1String("object")}}}}});
    return body;
}

QJsonObject openAiBody(bool stream, bool withTools = false) {
    QJsonObject body{
        {QLatin1String("model"), QLatin1String("claude")},
        {QLatin1String("messages"),
         QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("system")},
                                {QLatin1String("content"), QLatin1String("Be brief.")}},
                    QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                {QLatin1String("content"), QLatin1String("Hello?")}}}},
        {QLatin1String("stream"), stream}};
    if (stream)
        body.insert(QLatin1String("stream_options"),
                    QJsonObject{{QLatin1String("include_usage"), true}});
    if (withTools)
        body.insert(
            QLatin1String("tools"),
            QJsonArray{QJsonObject{
                {QLatin1String("type"), QLatin1String("function")},
                {QLatin1String("function"),
                 QJsonObject{{QLatin1String("name"), QLatin1String("get_weather")},
                             {QLatin1String("parameters"),
                              QJsonObject{{QLatin1String("type"), QLatin1String("object")}}}}}}});
    return body;
}

UpstreamRequest makeRequest(const QString &baseUrl, WireFormat client, const QJsonObject &body) {
    UpstreamRequest request;
    request.provider.id = QStringLiteral("fake-anthropic");
    request.provider.kind = QStringLiteral("anthropic");
    request.provider.baseUrl = baseUrl;
    request.model.id = QStringLiteral("claude");
    request.model.provider = request.provider.id;
    request.model.upstreamId = QStringLiteral("claude-sonnet-4-5");
    request.clientFormat = client;
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (client == WireFormat::OpenAiChat)
        request.chat = openaicodec::decodeRequest(body).value();
    request.stream = body.value(QLatin1String("stream")).toBool();
    request.clientWantsUsage = request.chat.includeUsage;
    request.apiKey = kApiKey;
    request.timeouts = {5000, 5000, 5000};
    return request;
}

} // namespace

class TestUpstreamAnthropic : public QObject, FakeUpstreamFixture<FakeAnthropicUpstream> {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void requestCarriesHeadersAndModel();
    void streamPassedThroughUnchanged();
    void nonStreamPassedThrough();
    void openAiClientGetsTranslatedStream();
    void openAiClientGetsTranslatedBody();
    void openAiRequestGetsDefaultMaxTokens();
    void cacheUsageReadOnce();
    void httpErrorMapped_data();
    void httpErrorMapped();
    void midStreamErrorEvent();
    void droppedStreamIsAnError();
};

void TestUpstreamAnthropic::init() {
    QVERIFY(startFake());
}

void TestUpstreamAnthropic::cleanup() {
    stopFake();
}

void TestUpstreamAnthropic::requestCarriesHeadersAndModel() {
    UpstreamRequest request =
        makeRequest(m_fake->baseUrl(), WireFormat::AnthropicMessages, anthropicBody(false));
    request.anthropicBeta = "interleaved-thinking-2025-05-14";
    run(request);
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);

    QCOMPARE(m_fake->requests().size(), 1);
    const FakeHttpRequest &received = m_fake->requests().first();
    QCOMPARE(received.path, QByteArray("/v1/messages"));
    QCOMPARE(received.header("x-api-key"), kApiKey.toUtf8());
    QCOMPARE(received.header("anthropic-version"), QByteArray("2023-06-01"));
    QCOMPARE(received.header("anthropic-beta"), QByteArray("interleaved-thinking-2025-05-14"));
    QVERIFY(!received.headers.contains("authorization"));

    // Only the model changes: cache_control and the system blocks pass through.
    QJsonObject expected = anthropicBody(false);
    expected.insert(QLatin1String("model"), QLatin1String("claude-sonnet-4-5"));
    QCOMPARE(received.json(), expected);
    QVERIFY(m_recorder.result.headers.contains(
        qMakePair(QByteArray("request-id"), QByteArray("req_fake000001"))));
}

void TestUpstreamAnthropic::streamPassedThroughUnchanged() {
    m_fake->script().reply = QStringLiteral("Hello!");
    m_fake->script().chunkCount = 2;
    m_fake->script().outputTokens = 6;
    run(makeRequest(m_fake->baseUrl(), WireFormat::AnthropicMessages, anthropicBody(true)));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);
    QCOMPARE(m_recorder.started, 1);

    const QByteArray expected =
        "event: message_start\n"
        R"(data: {"type":"message_start","message":{"id":"msg_fake000001","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1,"service_tier":"standard"}}})"
        "\n\nevent: content_block_start\n"
        R"(data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})"
        "\n\nevent: ping\n"
        R"(data: {"type": "ping"})"
        "\n\nevent: content_block_delta\n"
        R"(data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel"}})"
        "\n\nevent: content_block_delta\n"
        R"(data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"lo!"}})"
        "\n\nevent: content_block_stop\n"
        R"(data: {"type":"content_block_stop","index":0})"
        "\n\nevent: message_delta\n"
        R"(data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":6}})"
        "\n\nevent: message_stop\n"
        R"(data: {"type":"message_stop"})"
        "\n\n";
    QCOMPARE(m_recorder.frames, expected);
    QVERIFY(m_recorder.result.usageReported);
    QCOMPARE(m_recorder.result.usage.inputTokens, 25);
    QCOMPARE(m_recorder.result.usage.outputTokens, 6);
    QVERIFY(m_recorder.result.sawDone);
}

void TestUpstreamAnthropic::nonStreamPassedThrough() {
    m_fake->script().thinking = QStringLiteral("Think first.");
    run(makeRequest(m_fake->baseUrl(), WireFormat::AnthropicMessages, anthropicBody(false)));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);
    const QJsonObject body = QJsonDocument::fromJson(m_recorder.result.body).object();
    QCOMPARE(body.value(QLatin1String("id")).toString(), QStringLiteral("msg_fake000001"));
    QCOMPARE(body.value(QLatin1String("content")).toArray().size(), 2);
    QVERIFY(m_recorder.result.body.contains(R"("signature":"EqQBCgIYAhIM")"));
    QVERIFY(m_recorder.result.usageReported);
    QCOMPARE(m_recorder.result.usage.outputTokens, 12);
}

void TestUpstreamAnthropic::openAiClientGetsTranslatedStream() {
    FakeAnthropicScript &script = m_fake->script();
    script.thinking = QStringLiteral("Check the tool.");
    script.toolArguments = R"({"city":"Rome"})";
    script.toolArgumentPieces = 3;
    script.outputTokens = 33;
    run(makeRequest(m_fake->baseUrl(), WireFormat::OpenAiChat, openAiBody(true, true)));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);

    const OpenAiStreamSummary stream = summarizeOpenAiStream(m_recorder.frames);
    QVERIFY(stream.done);
    QVERIFY(stream.chunks > 0);
    QCOMPARE(stream.otherObjects, 0);
    QCOMPARE(stream.reasoning, script.thinking);
    QCOMPARE(stream.toolArguments.toUtf8(), script.toolArguments);
    QCOMPARE(stream.finishReason, QStringLiteral("tool_calls"));
    QCOMPARE(stream.usage.value(QLatin1String("completion_tokens")).toInt(), 33);
    QCOMPARE(stream.usage.value(QLatin1String("prompt_tokens")).toInt(), 25);

    const QJsonObject sent = m_fake->requests().first().json();
    QCOMPARE(sent.value(QLatin1String("system")).toString(), QStringLiteral("Be brief."));
    QCOMPARE(
        sent.value(QLatin1String("tools")).toArray().at(0).toObject().value(QLatin1String("name")),
        QJsonValue(QStringLiteral("get_weather")));
    QVERIFY(!sent.contains(QLatin1String("stream_options")));
}

void TestUpstreamAnthropic::openAiClientGetsTranslatedBody() {
    run(makeRequest(m_fake->baseUrl(), WireFormat::OpenAiChat, openAiBody(false, true)));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);
    const QJsonObject body = QJsonDocument::fromJson(m_recorder.result.body).object();
    QCOMPARE(body.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
    const QJsonObject choice = body.value(QLatin1String("choices")).toArray().at(0).toObject();
    QCOMPARE(choice.value(QLatin1String("finish_reason")).toString(), QStringLiteral("tool_calls"));
    const QJsonObject call = choice.value(QLatin1String("message"))
                                 .toObject()
                                 .value(QLatin1String("tool_calls"))
                                 .toArray()
                                 .at(0)
                                 .toObject();
    QCOMPARE(call.value(QLatin1String("id")).toString(), QStringLiteral("toolu_fake000001"));
    const QJsonObject arguments = QJsonDocument::fromJson(call.value(QLatin1String("function"))
                                                              .toObject()
                                                              .value(QLatin1String("arguments"))
                                                              .toString()
                                                              .toUtf8())
                                      .object();
    QCOMPARE(arguments.value(QLatin1String("city")).toString(), QStringLiteral("Paris"));
}

void TestUpstreamAnthropic::openAiRequestGetsDefaultMaxTokens() {
    UpstreamRequest request =
        makeRequest(m_fake->baseUrl(), WireFormat::OpenAiChat, openAiBody(false));
    // A beta header belongs to the Anthropic body it came with, never to a translated one.
    request.anthropicBeta = "interleaved-thinking-2025-05-14";
    run(request);
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);
    QVERIFY(!m_fake->requests().first().headers.contains("anthropic-beta"));
    // The fake rejects a request without max_tokens, as the API does.
    QCOMPARE(m_fake->requests().first().json().value(QLatin1String("max_tokens")).toInt(), 4096);
}

void TestUpstreamAnthropic::cacheUsageReadOnce() {
    FakeAnthropicScript &script = m_fake->script();
    script.inputTokens = 18;
    script.cacheReadTokens = 3000;
    script.cacheCreationTokens = 200;
    script.outputTokens = 50;
    run(makeRequest(m_fake->baseUrl(), WireFormat::AnthropicMessages, anthropicBody(true)));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);

    // message_start's placeholder output of 1 is replaced by message_delta's 50, not added.
    QVERIFY(m_recorder.result.usageReported);
    QCOMPARE(m_recorder.result.usage.outputTokens, 50);
    QCOMPARE(m_recorder.result.usage.inputTokens, 3218);
    QCOMPARE(m_recorder.result.usage.cachedTokens, 3000);
    QCOMPARE(m_recorder.result.usage.cacheWriteTokens, 200);
}

void TestUpstreamAnthropic::httpErrorMapped_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<bool>("retryable");

    QTest::newRow("529 overloaded")
        << 529 << QByteArray("overloaded_error") << QByteArray() << true;
    QTest::newRow("429 with retry-after")
        << 429 << QByteArray("rate_limit_error") << QByteArray("7") << true;
    QTest::newRow("500 api error") << 500 << QByteArray("api_error") << QByteArray() << true;
    QTest::newRow("400 invalid request")
        << 400 << QByteArray("invalid_request_error") << QByteArray() << false;
    QTest::newRow("403 permission")
        << 403 << QByteArray("permission_error") << QByteArray() << false;
}

void TestUpstreamAnthropic::httpErrorMapped() {
    QFETCH(int, status);
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, retryAfter);
    QFETCH(bool, retryable);
    m_fake->script().errorStatus = status;
    m_fake->script().errorType = type;
    m_fake->script().errorMessage = "The fake failed on purpose.";
    m_fake->script().retryAfter = retryAfter;

    run(makeRequest(m_fake->baseUrl(), WireFormat::AnthropicMessages, anthropicBody(true)));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::Http);
    QCOMPARE(m_recorder.result.error.httpStatus, status);
    QCOMPARE(m_recorder.result.error.type, QString::fromUtf8(type));
    QCOMPARE(m_recorder.result.error.retryAfter, retryAfter);
    QCOMPARE(m_recorder.result.error.retryable(), retryable);
    QVERIFY2(m_recorder.result.error.message.contains(QLatin1String("The fake failed on purpose.")),
             qPrintable(m_recorder.result.error.message));
    QCOMPARE(m_recorder.started, 0);
}

void TestUpstreamAnthropic::midStreamErrorEvent() {
    m_fake->script().chunkCount = 4;
    m_fake->script().midStreamErrorAfter = 2;
    run(makeRequest(m_fake->baseUrl(), WireFormat::AnthropicMessages, anthropicBody(true)));

    QCOMPARE(m_recorder.started, 1);
    QCOMPARE(m_recorder.frames.count("text_delta"), 2);
    QVERIFY(!m_recorder.frames.contains("event: error"));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::Http);
    QCOMPARE(m_recorder.result.error.httpStatus, 529);
    QCOMPARE(m_recorder.result.error.type, QStringLiteral("overloaded_error"));
    // message_start reported the input; the output was never reported.
    QVERIFY(m_recorder.result.inputReported);
    QVERIFY(!m_recorder.result.usageReported);
    QVERIFY(m_recorder.result.streamedOutputTokens > 0);
}

void TestUpstreamAnthropic::droppedStreamIsAnError() {
    m_fake->script().chunkCount = 4;
    m_fake->script().dropAfter = 1;
    run(makeRequest(m_fake->baseUrl(), WireFormat::OpenAiChat, openAiBody(true)));

    QCOMPARE(m_recorder.started, 1);
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::Protocol);
    QVERIFY(!m_recorder.frames.contains("[DONE]"));
    QVERIFY(!m_recorder.result.sawDone);
}

QTEST_GUILESS_MAIN(TestUpstreamAnthropic)
#include "tst_upstreamanthropic.moc"
