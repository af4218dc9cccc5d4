// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// Fallbacks across providers of different wire formats, cooldowns after Retry-After, broken
// streams and cache billing, through the running endpoint over loopback.
#include "endpointtesting.h"
#include "fakes/fakeanthropic.h"
#include "fakes/fakeopenai.h"
#include "fakes/fakeopenaibodies.h"

using namespace signalbox;
using namespace signalbox::testing;

Q_DECLARE_METATYPE(signalbox::WireFormat)

namespace {

const char kKeyVariable[] = "SIGNALBOX_TEST_FALLBACK_KEY";
// Model "claude" is served by the Anthropic fake, model "mini" by the OpenAI fake.
constexpr TestPrices kClaudePrices{3.00, 15.00, 0.30, 3.75};
constexpr TestPrices kMiniPrices{0.15, 0.60, 0.075, 0.15};

QJsonObject configFor(const QString &anthropicUrl, const QString &openAiUrl) {
    const QString key = QLatin1String(kKeyVariable);
    return {
        {QLatin1String("version"), 1},
        {QLatin1String("providers"),
         QJsonObject{
             {QLatin1String("anthropic"),
              providerJson(QStringLiteral("anthropic"), anthropicUrl, key)},
             {QLatin1String("openai"), providerJson(QStringLiteral("openai"), openAiUrl, key)}}},
        {QLatin1String("models"),
         QJsonArray{modelJson(QStringLiteral("claude"), QStringLiteral("anthropic"),
                              QStringLiteral("claude-sonnet-4-5"), kClaudePrices),
                    modelJson(QStringLiteral("mini"), QStringLiteral("openai"),
                              QStringLiteral("gpt-4o-mini"), kMiniPrices)}},
        {QLatin1String("stages"),
         QJsonObject{{QLatin1String("draft"),
                      QJsonObject{{QLatin1String("model"), QLatin1String("claude")},
                                  {QLatin1String("fallbacks"), QJsonArray{QLatin1String("mini")}}}},
                     {QLatin1String("solo"),
                      QJsonObject{{QLatin1String("model"), QLatin1String("claude")}}}}}};
}

QByteArray chatRequest(WireFormat format, const QString &model, bool stream) {
    const QJsonArray messages{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                          {QLatin1String("content"), QLatin1String("Hello?")}}};
    QJsonObject body{{QLatin1String("model"), model},
                     {QLatin1String("messages"), messages},
                     {QLatin1String("stream"), stream}};
    if (format == WireFormat::AnthropicMessages) {
        body.insert(QLatin1String("max_tokens"), 300);
        return postRequest("/v1/messages", QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    return postRequest("/v1/chat/completions", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

// Returns the answer text of a response in either format, streamed or not.
QString answerText(WireFormat format, const RawResponse &response) {
    if (!response.header("Content-Type").startsWith("text/event-stream")) {
        const QJsonObject body = QJsonDocument::fromJson(response.body).object();
        if (format == WireFormat::AnthropicMessages)
            return body.value(QLatin1String("content"))
                .toArray()
                .at(0)
                .toObject()
                .value(QLatin1String("text"))
                .toString();
        return body.value(QLatin1String("choices"))
            .toArray()
            .at(0)
            .toObject()
            .value(QLatin1String("message"))
            .toObject()
            .value(QLatin1String("content"))
            .toString();
    }
    QString text;
    for (const ClientEvent &event : parseEvents(response.body)) {
        const QJsonObject json = event.json();
        if (format == WireFormat::AnthropicMessages)
            text += json.value(QLatin1String("delta"))
                        .toObject()
                        .value(QLatin1String("text"))
                        .toString();
        else
            text += json.value(QLatin1String("choices"))
                        .toArray()
                        .at(0)
                        .toObject()
                        .value(QLatin1String("delta"))
                        .toObject()
                        .value(QLatin1String("content"))
                        .toString();
    }
    return text;
}

bool traceContains(const LedgerRecord &record, const QString &text) {
    return record.trace.join(QLatin1Char('\n')).contains(text);
}

} // namespace

class TestFallbacks : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void overloadedFirstProviderFallsBack_data();
    void overloadedFirstProviderFallsBack();
    void clientErrorNeverFallsBack();
    void missingKeyWarnsOnce();
    void retryAfterCoolsModelDown();
    void everyModelCoolingGives429();
    void errorBeforeContentFallsBack();
    void midStreamErrorKeepsProviderType_data();
    void midStreamErrorKeepsProviderType();
    void droppedStreamEndsWithClientError_data();
    void droppedStreamEndsWithClientError();
    void streamedCacheReadBilledOnce();

private:
    std::unique_ptr<FakeAnthropicUpstream> m_anthropic;
    std::unique_ptr<FakeOpenAiUpstream> m_openAi;
    ServiceFixture m_service;
};

void TestFallbacks::initTestCase() {
    qputenv(kKeyVariable, "sk-test-fallback-key");
    qunsetenv("SIGNALBOX_KEY_ANTHROPIC");
    qunsetenv("SIGNALBOX_KEY_OPENAI");
}

// A model whose provider has no key is skipped for its fallback. One warning reaches the events,
// not one per request.
void TestFallbacks::missingKeyWarnsOnce() {
    m_service.stop();
    QJsonObject config = configFor(m_anthropic->baseUrl(), m_openAi->baseUrl());
    QJsonObject providers = config.value(QLatin1String("providers")).toObject();
    providers.insert(QLatin1String("anthropic"),
                     providerJson(QStringLiteral("anthropic"), m_anthropic->baseUrl(),
                                  QStringLiteral("SIGNALBOX_TEST_UNSET_KEY")));
    config.insert(QLatin1String("providers"), providers);
    qunsetenv("SIGNALBOX_TEST_UNSET_KEY");
    qunsetenv("SIGNALBOX_KEY_ANTHROPIC");
    const QString error = m_service.start(config);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    for (int i = 0; i < 3; ++i) {
        const RawResponse response = m_service.send(
            chatRequest(WireFormat::OpenAiChat, QStringLiteral("stage:draft"), false));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("x-signalbox-model"), QByteArray("mini"));
    }
    QCOMPARE(m_anthropic->requests().size(), 0);

    QTRY_VERIFY(!m_service.events().isEmpty());
    QTest::qWait(200);
    const QStringList warnings = m_service.events().filter(QStringLiteral("no API key"));
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(QLatin1String("'anthropic'")), qPrintable(warnings.first()));
    QVERIFY2(warnings.first().contains(QLatin1String("SIGNALBOX_TEST_UNSET_KEY")),
             qPrintable(warnings.first()));

    // With no other candidate, the client learns why in the error's code.
    const RawResponse alone =
        m_service.send(chatRequest(WireFormat::OpenAiChat, QStringLiteral("claude"), false));
    QCOMPARE(alone.status, 502);
    const QJsonObject body =
        QJsonDocument::fromJson(alone.body).object().value(QLatin1String("error")).toObject();
    QCOMPARE(body.value(QLatin1String("code")).toString(), QStringLiteral("missing_api_key"));
}

void TestFallbacks::init() {
    m_anthropic = std::make_unique<FakeAnthropicUpstream>();
    m_openAi = std::make_unique<FakeOpenAiUpstream>();
    QVERIFY(m_anthropic->listen(QHostAddress::LocalHost));
    QVERIFY(m_openAi->listen(QHostAddress::LocalHost));
    const QString error = m_service.start(configFor(m_anthropic->baseUrl(), m_openAi->baseUrl()));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestFallbacks::cleanup() {
    m_service.stop();
    m_anthropic.reset();
    m_openAi.reset();
}

void TestFallbacks::overloadedFirstProviderFallsBack_data() {
    QTest::addColumn<WireFormat>("format");
    QTest::addColumn<bool>("stream");

    QTest::newRow("anthropic client streamed") << WireFormat::AnthropicMessages << true;
    QTest::newRow("anthropic client") << WireFormat::AnthropicMessages << false;
    QTest::newRow("openai client streamed") << WireFormat::OpenAiChat << true;
    QTest::newRow("openai client") << WireFormat::OpenAiChat << false;
}

void TestFallbacks::overloadedFirstProviderFallsBack() {
    QFETCH(WireFormat, format);
    QFETCH(bool, stream);
    m_anthropic->script().errorStatus = 529;
    m_anthropic->script().errorType = "overloaded_error";
    m_openAi->script().reply = QStringLiteral("The backup answered.");
    m_openAi->script().promptTokens = 500;
    m_openAi->script().completionTokens = 80;

    const RawResponse response =
        m_service.send(chatRequest(format, QStringLiteral("stage:draft"), stream));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("x-signalbox-model"), QByteArray("mini"));
    QCOMPARE(answerText(format, response), m_openAi->script().reply);
    QCOMPARE(m_anthropic->requests().size(), 1);
    QCOMPARE(m_openAi->requests().size(), 1);

    const std::optional<LedgerRecord> record = m_service.findRecord(requestIdOf(response));
    QVERIFY(record.has_value());
    QCOMPARE(record->status, QStringLiteral("ok"));
    QCOMPARE(record->attempts, 2);
    QCOMPARE(record->model, QStringLiteral("mini"));
    QVERIFY2(traceContains(*record, QStringLiteral("attempt 1 on 'claude' failed")),
             qPrintable(record->trace.join(QLatin1Char('\n'))));
    QVERIFY2(traceContains(*record, QStringLiteral("HTTP 529")),
             qPrintable(record->trace.join(QLatin1Char('\n'))));
    QVERIFY2(traceContains(*record, QStringLiteral("attempt 2 on 'mini' succeeded")),
             qPrintable(record->trace.join(QLatin1Char('\n'))));
    // Only the attempt that answered is billed.
    QVERIFY(!record->usage.estimated);
    QCOMPARE(record->costUsd, expectedCost(kMiniPrices, 500, 0, 0, 80));
}

void TestFallbacks::clientErrorNeverFallsBack() {
    m_anthropic->script().errorStatus = 400;
    m_anthropic->script().errorType = "invalid_request_error";
    m_anthropic->script().errorMessage = "messages: roles must alternate";

    const RawResponse response = m_service.send(
        chatRequest(WireFormat::AnthropicMessages, QStringLiteral("stage:draft"), true));
    QCOMPARE(response.status, 400);
    const QJsonObject error =
        QJsonDocument::fromJson(response.body).object().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("type")).toString(),
             QStringLiteral("invalid_request_error"));
    QVERIFY(error.value(QLatin1String("message")).toString().contains(QLatin1String("alternate")));
    QCOMPARE(m_openAi->requests().size(), 0);

    const std::optional<LedgerRecord> record = m_service.findRecord(requestIdOf(response));
    QVERIFY(record.has_value());
    QCOMPARE(record->attempts, 1);
    QCOMPARE(record->costUsd, 0.0);
}

void TestFallbacks::retryAfterCoolsModelDown() {
    m_anthropic->script().errorStatus = 429;
    m_anthropic->script().errorType = "rate_limit_error";
    m_anthropic->script().retryAfter = "30";

    const RawResponse first =
        m_service.send(chatRequest(WireFormat::OpenAiChat, QStringLiteral("stage:draft"), false));
    QCOMPARE(first.status, 200);
    QCOMPARE(m_anthropic->requests().size(), 1);

    // The provider asked for 30 s, so the next request goes straight to the fallback.
    const RawResponse second =
        m_service.send(chatRequest(WireFormat::OpenAiChat, QStringLiteral("stage:draft"), false));
    QCOMPARE(second.status, 200);
    QCOMPARE(m_anthropic->requests().size(), 1);
    QCOMPARE(m_openAi->requests().size(), 2);

    const std::optional<LedgerRecord> record = m_service.findRecord(requestIdOf(second));
    QVERIFY(record.has_value());
    QCOMPARE(record->attempts, 1);
    QVERIFY2(traceContains(*record, QStringLiteral("skipped 'claude': cooling down")),
             qPrintable(record->trace.join(QLatin1Char('\n'))));
}

void TestFallbacks::everyModelCoolingGives429() {
    m_anthropic->script().errorStatus = 529;
    m_anthropic->script().retryAfter = "45";

    const RawResponse first = m_service.send(
        chatRequest(WireFormat::AnthropicMessages, QStringLiteral("stage:solo"), false));
    QCOMPARE(first.status, 502);
    QCOMPARE(first.header("Retry-After"), QByteArray("45"));

    const RawResponse second = m_service.send(
        chatRequest(WireFormat::AnthropicMessages, QStringLiteral("stage:solo"), false));
    QCOMPARE(second.status, 429);
    const int retryAfter = second.header("Retry-After").toInt();
    QVERIFY2(retryAfter > 0 && retryAfter <= 45, second.header("Retry-After").constData());
    const QJsonObject body = QJsonDocument::fromJson(second.body).object();
    QCOMPARE(body.value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("rate_limit_error"));
    QCOMPARE(m_anthropic->requests().size(), 1);

    const std::optional<LedgerRecord> record = m_service.findRecord(requestIdOf(second));
    QVERIFY(record.has_value());
    QCOMPARE(record->status, QStringLiteral("rejected"));
    QCOMPARE(record->attempts, 0);
}

void TestFallbacks::errorBeforeContentFallsBack() {
    // message_start, the first content_block_start and a ping, then an error event: the client
    // has been sent nothing yet, so the request still moves to the fallback.
    m_anthropic->script().chunkCount = 3;
    m_anthropic->script().midStreamErrorAfter = 0;
    m_openAi->script().reply = QStringLiteral("The backup answered.");

    const RawResponse response = m_service.send(
        chatRequest(WireFormat::AnthropicMessages, QStringLiteral("stage:draft"), true));
    QCOMPARE(response.status, 200);
    QCOMPARE(answerText(WireFormat::AnthropicMessages, response), m_openAi->script().reply);
    QCOMPARE(parseEvents(response.body).first().name, QByteArray("message_start"));
    QCOMPARE(response.body.count("event: message_start"), 1);
    QCOMPARE(m_anthropic->requests().size(), 1);
    QCOMPARE(m_openAi->requests().size(), 1);

    const std::optional<LedgerRecord> record = m_service.findRecord(requestIdOf(response));
    QVERIFY(record.has_value());
    QCOMPARE(record->attempts, 2);
    QCOMPARE(record->model, QStringLiteral("mini"));
}

void TestFallbacks::midStreamErrorKeepsProviderType_data() {
    QTest::addColumn<WireFormat>("format");
    QTest::newRow("anthropic client") << WireFormat::AnthropicMessages;
    QTest::newRow("openai client") << WireFormat::OpenAiChat;
}

void TestFallbacks::midStreamErrorKeepsProviderType() {
    QFETCH(WireFormat, format);
    FakeAnthropicScript &script = m_anthropic->script();
    script.chunkCount = 4;
    script.midStreamErrorAfter = 2;
    script.errorType = "overloaded_error";
    script.errorMessage = "Overloaded";

    const RawResponse response =
        m_service.send(chatRequest(format, QStringLiteral("stage:draft"), true));
    QCOMPARE(response.status, 200);
    const ClientEvent last = parseEvents(response.body).last();
    const QJsonObject error = last.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("overloaded_error"));
    QVERIFY(error.value(QLatin1String("message")).toString().contains(QLatin1String("Overloaded")));
    if (format == WireFormat::AnthropicMessages) {
        QCOMPARE(last.name, QByteArray("error"));
    } else {
        QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("529"));
        QVERIFY(!response.body.contains("data: [DONE]"));
    }
    // The two pieces sent before the error stay the only answer.
    const QStringList pieces = fakeopenai::splitText(script.reply, script.chunkCount);
    QCOMPARE(answerText(format, response), pieces.at(0) + pieces.at(1));
    QCOMPARE(m_openAi->requests().size(), 0);

    const std::optional<LedgerRecord> record = m_service.findRecord(requestIdOf(response));
    QVERIFY(record.has_value());
    QCOMPARE(record->status, QStringLiteral("error"));
    QCOMPARE(record->attempts, 1);
    QVERIFY(record->usage.estimated);
    // message_start reported the input, which is billed as reported.
    QCOMPARE(record->usage.inputTokens, 25);
}

void TestFallbacks::droppedStreamEndsWithClientError_data() {
    QTest::addColumn<WireFormat>("format");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<bool>("cleanEnd");

    QTest::newRow("anthropic client, anthropic upstream")
        << WireFormat::AnthropicMessages << QStringLiteral("stage:draft") << false;
    QTest::newRow("openai client, anthropic upstream")
        << WireFormat::OpenAiChat << QStringLiteral("stage:draft") << false;
    QTest::newRow("anthropic client, openai upstream")
        << WireFormat::AnthropicMessages << QStringLiteral("mini") << false;
    QTest::newRow("openai client, openai upstream")
        << WireFormat::OpenAiChat << QStringLiteral("mini") << false;
    // The response ends properly, but before any chunk states why the answer ended.
    QTest::newRow("anthropic client, openai upstream ends early")
        << WireFormat::AnthropicMessages << QStringLiteral("mini") << true;
    QTest::newRow("openai client, openai upstream ends early")
        << WireFormat::OpenAiChat << QStringLiteral("mini") << true;
}

void TestFallbacks::droppedStreamEndsWithClientError() {
    QFETCH(WireFormat, format);
    QFETCH(QString, stage);
    QFETCH(bool, cleanEnd);
    m_anthropic->script().chunkCount = 4;
    m_anthropic->script().dropAfter = 2;
    m_openAi->script().chunkCount = 4;
    if (cleanEnd)
        m_openAi->script().endAfter = 2;
    else
        m_openAi->script().dropAfter = 2;

    const RawResponse response = m_service.send(chatRequest(format, stage, true));
    QCOMPARE(response.status, 200);
    const QList<ClientEvent> events = parseEvents(response.body);
    QVERIFY(events.size() >= 2);
    const ClientEvent &last = events.last();
    const QJsonObject json = last.json();
    if (format == WireFormat::AnthropicMessages) {
        QCOMPARE(last.name, QByteArray("error"));
        QCOMPARE(json.value(QLatin1String("type")).toString(), QStringLiteral("error"));
        QCOMPARE(
            json.value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
            QStringLiteral("api_error"));
        QVERIFY(!response.body.contains("message_stop"));
    } else {
        QVERIFY(last.name.isEmpty());
        const QJsonObject error = json.value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("upstream_error"));
        // The code names the failure, not the status 200 of the response that began well.
        QCOMPARE(error.value(QLatin1String("code")).toString(),
                 QStringLiteral("invalid_upstream_response"));
        QVERIFY(!response.body.contains("data: [DONE]"));
    }
    // The answer that began is never continued by another model.
    QVERIFY(m_anthropic->requests().size() + m_openAi->requests().size() == 1);

    const std::optional<LedgerRecord> record = m_service.findRecord(requestIdOf(response));
    QVERIFY(record.has_value());
    QCOMPARE(record->status, QStringLiteral("error"));
    QCOMPARE(record->attempts, 1);
    QVERIFY(record->usage.estimated);
    QVERIFY(record->usage.inputTokens > 0);
    QVERIFY(record->usage.outputTokens > 0);
    QVERIFY2(record->costUsd > 0, qPrintable(QString::number(record->costUsd)));
}

void TestFallbacks::streamedCacheReadBilledOnce() {
    FakeAnthropicScript &script = m_anthropic->script();
    script.inputTokens = 18;
    script.cacheReadTokens = 3000;
    script.outputTokens = 50;
    script.chunkCount = 5;

    const RawResponse response =
        m_service.send(chatRequest(WireFormat::AnthropicMessages, QStringLiteral("claude"), true));
    QCOMPARE(response.status, 200);
    QVERIFY(response.body.contains("message_stop"));

    const std::optional<LedgerRecord> record = m_service.findRecord(requestIdOf(response));
    QVERIFY(record.has_value());
    QVERIFY(!record->usage.estimated);
    QCOMPARE(record->usage.inputTokens, 3018);
    QCOMPARE(record->usage.cachedTokens, 3000);
    // message_start reports 1 and message_delta 50: the total is 50, not 51.
    QCOMPARE(record->usage.outputTokens, 50);
    QCOMPARE(record->costUsd, expectedCost(kClaudePrices, 18, 3000, 0, 50));
}

QTEST_GUILESS_MAIN(TestFallbacks)
#include "tst_fallbacks.moc"
