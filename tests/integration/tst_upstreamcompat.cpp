// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// Azure OpenAI deployments and the quirks of OpenAI-compatible providers, over loopback against
// the fake OpenAI upstream: reasoning_content, usage on the last content chunk, SSE comments and
// flat error bodies, passed through or translated for Anthropic clients.
#include "fakes/fakeopenai.h"
#include "providers/anthropiccodec.h"
#include "providers/openaicodec.h"
#include "providers/upstreamfactory.h"
#include "support/fakeupstreamfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace signalbox;
using namespace signalbox::testing;

Q_DECLARE_METATYPE(signalbox::WireFormat)

namespace {

const QString kApiKey = QStringLiteral("azure-test-key-0123456789");

QJsonObject openAiBody(bool stream) {
    QJsonObject body{{QLatin1String("model"), QLatin1String("prod")},
                     {QLatin1String("messages"),
                      QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                             {QLatin1String("content"), QLatin1String("Hello?")}}}},
                     {QLatin1String("max_tokens"), 64},
                     {QLatin1String("stream"), stream}};
    if (stream)
        body.insert(QLatin1String("stream_options"),
                    QJsonObject{{QLatin1String("include_usage"), true}});
    return body;
}

QJsonObject anthropicBody(bool stream) {
    return {{QLatin1String("model"), QLatin1String("prod")},
            {QLatin1String("max_tokens"), 64},
            {QLatin1String("messages"),
             QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                    {QLatin1String("content"), QLatin1String("Hello?")}}}},
            {QLatin1String("stream"), stream}};
}

UpstreamRequest makeRequest(const QString &kind, const QString &baseUrl, WireFormat client,
                            const QJsonObject &body) {
    UpstreamRequest request;
    request.provider.id = QStringLiteral("fake");
    request.provider.kind = kind;
    request.provider.baseUrl = baseUrl;
    request.model.id = QStringLiteral("prod");
    request.model.provider = request.provider.id;
    request.model.upstreamId = QStringLiteral("gpt4o-prod");
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

} // namespace

class TestUpstreamCompat : public QObject, FakeUpstreamFixture<FakeOpenAiUpstream> {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void azureDeploymentUrl_data();
    void azureDeploymentUrl();
    void azureV1Url();
    void azureUnknownDeployment();
    void reasoningContentBecomesThinking();
    void usageOnLastContentChunk_data();
    void usageOnLastContentChunk();
    void commentsNeverReachClient();
    void flatErrorFirstEventFallsBack();
};

void TestUpstreamCompat::init() {
    QVERIFY(startFake());
}

void TestUpstreamCompat::cleanup() {
    stopFake();
}

void TestUpstreamCompat::azureDeploymentUrl_data() {
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<QByteArray>("expectedQuery");

    QTest::newRow("default version") << QString() << QByteArray("api-version=2024-10-21");
    QTest::newRow("configured version")
        << QStringLiteral("2025-01-01-preview") << QByteArray("api-version=2025-01-01-preview");
}

void TestUpstreamCompat::azureDeploymentUrl() {
    QFETCH(QString, apiVersion);
    QFETCH(QByteArray, expectedQuery);
    m_fake->script().azureDeployment = "gpt4o-prod";
    UpstreamRequest request = makeRequest(
        QStringLiteral("azure-openai"), QStringLiteral("http://127.0.0.1:%1/").arg(m_fake->port()),
        WireFormat::OpenAiChat, openAiBody(true));
    request.provider.apiVersion = apiVersion;
    run(request);
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);

    QCOMPARE(m_fake->requests().size(), 1);
    const FakeHttpRequest &received = m_fake->requests().first();
    QCOMPARE(received.path, "/openai/deployments/gpt4o-prod/chat/completions?" + expectedQuery);
    QCOMPARE(received.header("api-key"), kApiKey.toUtf8());
    QVERIFY(!received.headers.contains("authorization"));
    QVERIFY(m_recorder.frames.endsWith("data: [DONE]\n\n"));
    QVERIFY(m_recorder.result.usageReported);
}

void TestUpstreamCompat::azureV1Url() {
    run(makeRequest(QStringLiteral("azure-openai"),
                    QStringLiteral("http://127.0.0.1:%1/openai/v1").arg(m_fake->port()),
                    WireFormat::AnthropicMessages, anthropicBody(false)));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);
    const FakeHttpRequest &received = m_fake->requests().first();
    QCOMPARE(received.path, QByteArray("/openai/v1/chat/completions"));
    // Azure's v1 API takes the deployment name as the model, and the reasoning models there
    // accept only max_completion_tokens.
    QCOMPARE(received.json().value(QLatin1String("model")).toString(),
             QStringLiteral("gpt4o-prod"));
    QCOMPARE(received.json().value(QLatin1String("max_completion_tokens")).toInt(), 64);
    QVERIFY(!received.json().contains(QLatin1String("max_tokens")));
    QCOMPARE(QJsonDocument::fromJson(m_recorder.result.body)
                 .object()
                 .value(QLatin1String("type"))
                 .toString(),
             QStringLiteral("message"));
}

void TestUpstreamCompat::azureUnknownDeployment() {
    m_fake->script().azureDeployment = "another-deployment";
    run(makeRequest(QStringLiteral("azure-openai"),
                    QStringLiteral("http://127.0.0.1:%1").arg(m_fake->port()),
                    WireFormat::OpenAiChat, openAiBody(false)));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::Http);
    QCOMPARE(m_recorder.result.error.httpStatus, 404);
    QCOMPARE(m_recorder.result.error.code, QStringLiteral("DeploymentNotFound"));
    QVERIFY(!m_recorder.result.error.retryable());
}

void TestUpstreamCompat::reasoningContentBecomesThinking() {
    m_fake->script().reasoning = QStringLiteral("First, the weather.");
    m_fake->script().reply = QStringLiteral("Sunny.");
    run(makeRequest(QStringLiteral("openai"), m_fake->baseUrl(), WireFormat::AnthropicMessages,
                    anthropicBody(true)));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);

    QVERIFY(m_recorder.frames.contains(
        R"("content_block":{"type":"thinking","thinking":"","signature":""})"));
    QString thinking;
    QString text;
    for (const QByteArray &line : m_recorder.frames.split('\n')) {
        const QJsonObject delta =
            QJsonDocument::fromJson(line.mid(6)).object().value(QLatin1String("delta")).toObject();
        thinking += delta.value(QLatin1String("thinking")).toString();
        text += delta.value(QLatin1String("text")).toString();
    }
    QCOMPARE(thinking, m_fake->script().reasoning);
    QCOMPARE(text, m_fake->script().reply);
}

void TestUpstreamCompat::usageOnLastContentChunk_data() {
    QTest::addColumn<WireFormat>("client");
    QTest::newRow("openai client") << WireFormat::OpenAiChat;
    QTest::newRow("anthropic client") << WireFormat::AnthropicMessages;
}

void TestUpstreamCompat::usageOnLastContentChunk() {
    QFETCH(WireFormat, client);
    FakeOpenAiScript &script = m_fake->script();
    script.usageOnLastContentChunk = true;
    script.promptTokens = 77;
    script.completionTokens = 19;
    const QJsonObject body =
        client == WireFormat::OpenAiChat ? openAiBody(true) : anthropicBody(true);
    run(makeRequest(QStringLiteral("openai"), m_fake->baseUrl(), client, body));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);

    QVERIFY(m_recorder.result.usageReported);
    QCOMPARE(m_recorder.result.usage.inputTokens, 77);
    QCOMPARE(m_recorder.result.usage.outputTokens, 19);
    if (client == WireFormat::AnthropicMessages)
        QVERIFY2(
            m_recorder.frames.contains(
                R"("usage":{"input_tokens":77,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":19})"),
            m_recorder.frames.constData());
    else
        QVERIFY(m_recorder.frames.contains(R"("prompt_tokens":77)"));
}

void TestUpstreamCompat::commentsNeverReachClient() {
    m_fake->script().commentLines = true;
    m_fake->script().reply = QStringLiteral("Comments are not events.");
    run(makeRequest(QStringLiteral("openai"), m_fake->baseUrl(), WireFormat::AnthropicMessages,
                    anthropicBody(true)));
    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::None);
    QVERIFY(!m_recorder.frames.contains(": keep-alive"));
    QVERIFY(!m_recorder.frames.contains("OPENROUTER PROCESSING"));
    QVERIFY(m_recorder.frames.contains("Comments"));
}

void TestUpstreamCompat::flatErrorFirstEventFallsBack() {
    // Mistral's flat error shape as the first event of a 200 stream.
    m_fake->script().errorIn200 = true;
    m_fake->script().errorShape = FakeOpenAiScript::ErrorShape::Mistral;
    m_fake->script().errorType = "service_unavailable";
    run(makeRequest(QStringLiteral("openai"), m_fake->baseUrl(), WireFormat::AnthropicMessages,
                    anthropicBody(true)));

    QCOMPARE(m_recorder.result.error.kind, UpstreamError::Kind::Http);
    QCOMPARE(m_recorder.result.error.type, QStringLiteral("service_unavailable"));
    QVERIFY(m_recorder.result.error.retryable());
    // Nothing reached the client, so the request may still go to another candidate.
    QCOMPARE(m_recorder.started, 0);
    QVERIFY(m_recorder.frames.isEmpty());
}

QTEST_GUILESS_MAIN(TestUpstreamCompat)
#include "tst_upstreamcompat.moc"
