// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "fakes/fakeopenai.h"
#include "providers/upstreamfactory.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace signalbox;

Q_DECLARE_METATYPE(signalbox::FakeOpenAiScript::ErrorShape)

namespace {

const QString kApiKey = QStringLiteral("sk-test-upstream-key-0123456789");
const QString kUpstreamModel = QStringLiteral("gpt-4o-mini-2024-07-18");

// Upper bound of every wait for a call to finish. The tests that expect a timeout set their own
// limits far below it.
constexpr int kWaitMs = 10000;

// Timeouts far longer than the fake needs when it is not told to stall.
const UpstreamTimeouts kRelaxedTimeouts{5000, 5000, 5000};

// Returns a chat request with fields besides `model` that the call must pass on unchanged.
QJsonObject clientChat(bool stream, bool includeUsage) {
    QJsonObject body{
        {QLatin1String("model"), QLatin1String("mini")},
        {QLatin1String("messages"),
         QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("system")},
                                {QLatin1String("content"), QLatin1String("Answer briefly.")}},
                    QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                {QLatin1String("content"), QLatin1String("Say hello.")}}}},
        {QLatin1String("temperature"), 0.25},
        {QLatin1String("max_completion_tokens"), 64},
        {QLatin1String("user"), QLatin1String("tester-7")},
        {QLatin1String("response_format"),
         QJsonObject{{QLatin1String("type"), QLatin1String("text")}}}};
    if (stream) {
        QJsonObject options{{QLatin1String("include_obfuscation"), false}};
        if (includeUsage)
            options.insert(QLatin1String("include_usage"), true);
        body.insert(QLatin1String("stream"), true);
        body.insert(QLatin1String("stream_options"), options);
    }
    return body;
}

UpstreamRequest makeRequest(const QString &baseUrl, bool stream, bool clientWantsUsage = false) {
    UpstreamRequest request;
    request.provider.id = QStringLiteral("fake-openai");
    request.provider.kind = QStringLiteral("openai");
    request.provider.baseUrl = baseUrl;
    request.model.id = QStringLiteral("mini");
    request.model.provider = request.provider.id;
    request.model.upstreamId = kUpstreamModel;
    request.body =
        QJsonDocument(clientChat(stream, clientWantsUsage)).toJson(QJsonDocument::Compact);
    request.stream = stream;
    request.clientWantsUsage = clientWantsUsage;
    request.apiKey = kApiKey;
    request.timeouts = kRelaxedTimeouts;
    return request;
}

QJsonObject parseObject(const QByteArray &json) {
    return QJsonDocument::fromJson(json).object();
}

// Returns the text of the content deltas of the chunks, in order.
QString joinedContent(const QList<QByteArray> &chunks) {
    QString text;
    for (const QByteArray &chunk : chunks) {
        const QJsonArray choices = parseObject(chunk).value(QLatin1String("choices")).toArray();
        for (const QJsonValue &choice : choices)
            text += choice.toObject()
                        .value(QLatin1String("delta"))
                        .toObject()
                        .value(QLatin1String("content"))
                        .toString();
    }
    return text;
}

bool isUsageOnly(const QByteArray &chunk) {
    const QJsonObject object = parseObject(chunk);
    return object.value(QLatin1String("choices")).toArray().isEmpty() &&
           object.value(QLatin1String("usage")).isObject();
}

// The data events the fake sends for a complete stream: the role chunk, the content chunks,
// the closing chunk, the usage chunk and [DONE].
int completeStreamEvents(int contentChunks) {
    return contentChunks + 4;
}

} // namespace

class TestUpstreamOpenAi : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void nonStreamReturnsBodyAndUsage();
    void nonStreamChangesOnlyModel();
    void missingKeySendsNoAuthorization();
    void streamForwardsChunksAsTheyArrive();
    void streamRequestAsksForUsage();
    void usageChunkForwardedOnRequest_data();
    void usageChunkForwardedOnRequest();
    void httpErrorMapped_data();
    void httpErrorMapped();
    void shouldRetryHeaderOverrides_data();
    void shouldRetryHeaderOverrides();
    void retryAfterCaptured_data();
    void retryAfterCaptured();
    void retryAfterFutureDate();
    void errorInside200_data();
    void errorInside200();
    void midStreamErrorEndsCall();
    void commentsAndObfuscationTolerated();
    void stalledUpstreamFirstByteTimeout_data();
    void stalledUpstreamFirstByteTimeout();
    void stalledStreamIdleTimeout();
    void closedPortConnectError();
    void abortCancelsOnce();

private:
    void startCall(UpstreamRequest request);
    bool waitForFinished(int timeoutMs = kWaitMs);
    const UpstreamError &error() const { return m_result.error; }

    std::unique_ptr<FakeOpenAiUpstream> m_fake;
    std::unique_ptr<HttpClient> m_network;
    std::unique_ptr<UpstreamCall> m_call;

    // What the call emitted. m_sentAtChunk is the fake's dataEventsSent() at each streamData,
    // which shows whether a chunk arrived while the stream was still running.
    int m_startedCount = 0;
    int m_sentAtStart = -1;
    QList<QByteArray> m_chunks;
    QList<int> m_sentAtChunk;
    int m_doneFrames = 0; // "data: [DONE]" frames written for the client
    int m_finishedCount = 0;
    UpstreamResult m_result;
};

void TestUpstreamOpenAi::init() {
    m_fake = std::make_unique<FakeOpenAiUpstream>();
    QVERIFY(m_fake->listen(QHostAddress::LocalHost));
    m_network = std::make_unique<HttpClient>();
    m_startedCount = 0;
    m_sentAtStart = -1;
    m_chunks.clear();
    m_sentAtChunk.clear();
    m_doneFrames = 0;
    m_finishedCount = 0;
    m_result = {};
}

void TestUpstreamOpenAi::cleanup() {
    m_call.reset();
    m_network.reset();
    m_fake.reset();
}

void TestUpstreamOpenAi::startCall(UpstreamRequest request) {
    Result<std::unique_ptr<UpstreamCall>> created =
        createUpstreamCall(std::move(request), m_network.get());
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error()));
    m_call = std::move(created).value();

    connect(m_call.get(), &UpstreamCall::streamStarted, this, [this] {
        ++m_startedCount;
        m_sentAtStart = m_fake->dataEventsSent();
    });
    // The call writes ready SSE frames for an OpenAI client; the checks read the data of each
    // event, and the closing [DONE] separately.
    connect(m_call.get(), &UpstreamCall::streamData, this, [this](const QByteArray &frames) {
        for (const QByteArray &event : frames.split('\n')) {
            if (!event.startsWith("data: "))
                continue;
            const QByteArray data = event.mid(6);
            if (data == "[DONE]") {
                ++m_doneFrames;
                continue;
            }
            m_chunks << data;
            m_sentAtChunk << m_fake->dataEventsSent();
        }
    });
    connect(m_call.get(), &UpstreamCall::finished, this, [this](const UpstreamResult &result) {
        ++m_finishedCount;
        m_result = result;
    });
    m_call->start();
}

bool TestUpstreamOpenAi::waitForFinished(int timeoutMs) {
    return QTest::qWaitFor([this] { return m_finishedCount > 0; }, timeoutMs);
}

void TestUpstreamOpenAi::nonStreamReturnsBodyAndUsage() {
    FakeOpenAiScript &script = m_fake->script();
    script.reply = QStringLiteral("Hello there.");
    script.promptTokens = 120;
    script.completionTokens = 45;
    script.cachedTokens = 100;
    script.reasoningTokens = 30;

    startCall(makeRequest(m_fake->baseUrl(), false));
    QVERIFY(waitForFinished());

    QCOMPARE(m_finishedCount, 1);
    QCOMPARE(error().kind, UpstreamError::Kind::None);
    QCOMPARE(m_result.httpStatus, 200);
    const QJsonObject body = parseObject(m_result.body);
    QCOMPARE(body.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
    const QJsonObject message = body.value(QLatin1String("choices"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QLatin1String("message"))
                                    .toObject();
    QCOMPARE(message.value(QLatin1String("content")).toString(), script.reply);

    QVERIFY(m_result.usageReported);
    QCOMPARE(m_result.usage.inputTokens, 120);
    QCOMPARE(m_result.usage.outputTokens, 45);
    QCOMPARE(m_result.usage.cachedTokens, 100);
    QCOMPARE(m_result.usage.reasoningTokens, 30);
    QVERIFY(!m_result.usage.estimated);

    QCOMPARE(m_startedCount, 0);
    QVERIFY(m_chunks.isEmpty());
    QVERIFY(!m_result.sawDone);
    QVERIFY(m_result.ttftMs >= 0);
    QVERIFY(
        m_result.headers.contains(qMakePair(QByteArray("x-request-id"), QByteArray("req_fake1"))));
}

void TestUpstreamOpenAi::nonStreamChangesOnlyModel() {
    startCall(makeRequest(m_fake->baseUrl(), false));
    QVERIFY(waitForFinished());
    QCOMPARE(error().kind, UpstreamError::Kind::None);

    QCOMPARE(m_fake->requests().size(), 1);
    const FakeHttpRequest &received = m_fake->requests().first();
    QCOMPARE(received.method, QByteArray("POST"));
    QCOMPARE(received.path, QByteArray("/v1/chat/completions"));
    QCOMPARE(received.header("authorization"), "Bearer " + kApiKey.toUtf8());
    QCOMPARE(received.header("content-type"), QByteArray("application/json"));

    QJsonObject upstreamBody = received.json();
    QCOMPARE(upstreamBody.value(QLatin1String("model")).toString(), kUpstreamModel);
    QVERIFY(!upstreamBody.contains(QLatin1String("stream_options")));

    QJsonObject expected = clientChat(false, false);
    upstreamBody.remove(QLatin1String("model"));
    expected.remove(QLatin1String("model"));
    QCOMPARE(upstreamBody, expected);
}

void TestUpstreamOpenAi::missingKeySendsNoAuthorization() {
    UpstreamRequest request = makeRequest(m_fake->baseUrl(), false);
    request.apiKey.clear();
    startCall(request);
    QVERIFY(waitForFinished());

    QCOMPARE(error().kind, UpstreamError::Kind::None);
    QCOMPARE(m_fake->requests().size(), 1);
    QVERIFY(!m_fake->requests().first().headers.contains("authorization"));
}

void TestUpstreamOpenAi::streamForwardsChunksAsTheyArrive() {
    FakeOpenAiScript &script = m_fake->script();
    script.reply = QStringLiteral("one two three four five");
    script.chunkCount = 5;
    script.chunkDelayMs = 50;
    script.promptTokens = 33;
    script.completionTokens = 7;
    script.cachedTokens = 11;
    script.reasoningTokens = 2;

    startCall(makeRequest(m_fake->baseUrl(), true));
    QVERIFY(waitForFinished());

    QCOMPARE(error().kind, UpstreamError::Kind::None);
    QCOMPARE(m_result.httpStatus, 200);
    const int eventsSent = m_fake->dataEventsSent();
    QCOMPARE(eventsSent, completeStreamEvents(5));

    // The call reports the stream and each chunk while the fake is still sending, not once the
    // whole response is in.
    QCOMPARE(m_startedCount, 1);
    QVERIFY2(m_sentAtStart < eventsSent, qPrintable(QString::number(m_sentAtStart)));
    QCOMPARE(m_chunks.size(), 7); // role, five content chunks, closing chunk
    QVERIFY2(m_sentAtChunk.first() < eventsSent,
             qPrintable(QString::number(m_sentAtChunk.first())));
    for (qsizetype i = 1; i < m_sentAtChunk.size(); ++i)
        QVERIFY(m_sentAtChunk.at(i - 1) <= m_sentAtChunk.at(i));
    QVERIFY(m_sentAtChunk.first() < m_sentAtChunk.last());

    for (const QByteArray &chunk : std::as_const(m_chunks)) {
        QCOMPARE(parseObject(chunk).value(QLatin1String("object")).toString(),
                 QStringLiteral("chat.completion.chunk"));
        QVERIFY(chunk != "[DONE]");
        QVERIFY(!isUsageOnly(chunk));
    }
    QCOMPARE(joinedContent(m_chunks), script.reply);

    QVERIFY(m_result.sawDone);
    QCOMPARE(m_doneFrames, 1);
    QVERIFY(m_result.usageReported);
    QCOMPARE(m_result.usage.inputTokens, 33);
    QCOMPARE(m_result.usage.outputTokens, 7);
    QCOMPARE(m_result.usage.cachedTokens, 11);
    QCOMPARE(m_result.usage.reasoningTokens, 2);
    QVERIFY(m_result.ttftMs >= 0);
}

void TestUpstreamOpenAi::streamRequestAsksForUsage() {
    startCall(makeRequest(m_fake->baseUrl(), true));
    QVERIFY(waitForFinished());
    QCOMPARE(error().kind, UpstreamError::Kind::None);

    QCOMPARE(m_fake->requests().size(), 1);
    const FakeHttpRequest &received = m_fake->requests().first();
    QCOMPARE(received.header("authorization"), "Bearer " + kApiKey.toUtf8());
    QCOMPARE(received.header("accept"), QByteArray("text/event-stream"));

    QJsonObject upstreamBody = received.json();
    QCOMPARE(upstreamBody.value(QLatin1String("model")).toString(), kUpstreamModel);
    const QJsonObject expectedOptions{{QLatin1String("include_obfuscation"), false},
                                      {QLatin1String("include_usage"), true}};
    QCOMPARE(upstreamBody.value(QLatin1String("stream_options")).toObject(), expectedOptions);

    QJsonObject expected = clientChat(true, false);
    for (const QLatin1String key : {QLatin1String("model"), QLatin1String("stream_options")}) {
        upstreamBody.remove(key);
        expected.remove(key);
    }
    QCOMPARE(upstreamBody, expected);
}

void TestUpstreamOpenAi::usageChunkForwardedOnRequest_data() {
    QTest::addColumn<bool>("clientWantsUsage");
    QTest::addColumn<int>("expectedChunks");

    QTest::newRow("client requested usage") << true << 6;
    QTest::newRow("client did not request usage") << false << 5;
}

void TestUpstreamOpenAi::usageChunkForwardedOnRequest() {
    QFETCH(bool, clientWantsUsage);
    QFETCH(int, expectedChunks);
    m_fake->script().chunkCount = 3;
    m_fake->script().promptTokens = 40;
    m_fake->script().completionTokens = 12;

    startCall(makeRequest(m_fake->baseUrl(), true, clientWantsUsage));
    QVERIFY(waitForFinished());
    QCOMPARE(error().kind, UpstreamError::Kind::None);

    QCOMPARE(m_chunks.size(), expectedChunks);
    QCOMPARE(isUsageOnly(m_chunks.last()), clientWantsUsage);
    if (clientWantsUsage) {
        const QJsonObject usage =
            parseObject(m_chunks.last()).value(QLatin1String("usage")).toObject();
        QCOMPARE(usage.value(QLatin1String("prompt_tokens")).toInteger(), 40);
        QCOMPARE(usage.value(QLatin1String("completion_tokens")).toInteger(), 12);
    }

    // Either way the call itself read the usage.
    QVERIFY(m_result.usageReported);
    QCOMPARE(m_result.usage.inputTokens, 40);
    QCOMPARE(m_result.usage.outputTokens, 12);
    QVERIFY(m_result.sawDone);
}

void TestUpstreamOpenAi::httpErrorMapped_data() {
    using Shape = FakeOpenAiScript::ErrorShape;
    QTest::addColumn<int>("status");
    QTest::addColumn<Shape>("shape");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("expectedType");
    QTest::addColumn<QString>("expectedCode");
    QTest::addColumn<bool>("retryable");

    QTest::newRow("openai 401") << 401 << Shape::OpenAi << QByteArray("invalid_request_error")
                                << QByteArray("invalid_api_key") << false
                                << QStringLiteral("invalid_request_error")
                                << QStringLiteral("invalid_api_key") << false;
    QTest::newRow("openai 400") << 400 << Shape::OpenAi << QByteArray("invalid_request_error")
                                << QByteArray() << false << QStringLiteral("invalid_request_error")
                                << QString() << false;
    QTest::newRow("openai 408") << 408 << Shape::OpenAi << QByteArray("timeout") << QByteArray()
                                << false << QStringLiteral("timeout") << QString() << true;
    QTest::newRow("openai 409") << 409 << Shape::OpenAi << QByteArray("conflict") << QByteArray()
                                << false << QStringLiteral("conflict") << QString() << true;
    QTest::newRow("openai 429") << 429 << Shape::OpenAi << QByteArray("requests")
                                << QByteArray("rate_limit_exceeded") << false
                                << QStringLiteral("requests")
                                << QStringLiteral("rate_limit_exceeded") << true;
    QTest::newRow("openai 429 quota streamed")
        << 429 << Shape::OpenAi << QByteArray("insufficient_quota")
        << QByteArray("insufficient_quota") << true << QStringLiteral("insufficient_quota")
        << QStringLiteral("insufficient_quota") << true;
    QTest::newRow("openai 500") << 500 << Shape::OpenAi << QByteArray("server_error")
                                << QByteArray() << false << QStringLiteral("server_error")
                                << QString() << true;
    QTest::newRow("openai 503 streamed")
        << 503 << Shape::OpenAi << QByteArray("server_error") << QByteArray() << true
        << QStringLiteral("server_error") << QString() << true;
    QTest::newRow("mistral 400") << 400 << Shape::Mistral
                                 << QByteArray("invalid_request_message_order")
                                 << QByteArray("3230") << false
                                 << QStringLiteral("invalid_request_message_order")
                                 << QStringLiteral("3230") << false;
    QTest::newRow("mistral 503") << 503 << Shape::Mistral << QByteArray("service_unavailable")
                                 << QByteArray() << false << QStringLiteral("service_unavailable")
                                 << QString() << true;
    QTest::newRow("openrouter 402") << 402 << Shape::OpenRouter << QByteArray() << QByteArray()
                                    << false << QString() << QStringLiteral("402") << false;
    QTest::newRow("openrouter 502 streamed")
        << 502 << Shape::OpenRouter << QByteArray() << QByteArray() << true << QString()
        << QStringLiteral("502") << true;
    QTest::newRow("plain text 500") << 500 << Shape::PlainText << QByteArray() << QByteArray()
                                    << false << QString() << QString() << true;
    QTest::newRow("plain text 401") << 401 << Shape::PlainText << QByteArray() << QByteArray()
                                    << false << QString() << QString() << false;
}

void TestUpstreamOpenAi::httpErrorMapped() {
    QFETCH(int, status);
    QFETCH(FakeOpenAiScript::ErrorShape, shape);
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, code);
    QFETCH(bool, stream);
    QFETCH(QString, expectedType);
    QFETCH(QString, expectedCode);
    QFETCH(bool, retryable);

    FakeOpenAiScript &script = m_fake->script();
    script.errorStatus = status;
    script.errorShape = shape;
    script.errorType = type;
    script.errorCode = code;
    script.errorMessage = "The fake upstream failed on purpose.";

    startCall(makeRequest(m_fake->baseUrl(), stream));
    QVERIFY(waitForFinished());

    QCOMPARE(m_finishedCount, 1);
    QCOMPARE(error().kind, UpstreamError::Kind::Http);
    QCOMPARE(error().httpStatus, status);
    QCOMPARE(m_result.httpStatus, status);
    QCOMPARE(error().type, expectedType);
    QCOMPARE(error().code, expectedCode);
    QVERIFY2(error().message.contains(QLatin1String("The fake upstream failed on purpose.")),
             qPrintable(error().message));
    QVERIFY2(error().message.contains(QString::number(status)), qPrintable(error().message));
    QCOMPARE(error().retryable(), retryable);
    QVERIFY(m_result.body.contains("The fake upstream failed on purpose."));
    QCOMPARE(m_startedCount, 0);
    QVERIFY(m_chunks.isEmpty());
}

void TestUpstreamOpenAi::shouldRetryHeaderOverrides_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("shouldRetry");
    QTest::addColumn<bool>("retryable");

    QTest::newRow("500 with false") << 500 << QByteArray("false") << false;
    QTest::newRow("429 with false") << 429 << QByteArray("false") << false;
    QTest::newRow("400 with true") << 400 << QByteArray("true") << true;
    QTest::newRow("400 with other value") << 400 << QByteArray("yes") << false;
    QTest::newRow("503 with other value") << 503 << QByteArray("no") << true;
}

void TestUpstreamOpenAi::shouldRetryHeaderOverrides() {
    QFETCH(int, status);
    QFETCH(QByteArray, shouldRetry);
    QFETCH(bool, retryable);
    m_fake->script().errorStatus = status;
    m_fake->script().shouldRetry = shouldRetry;

    startCall(makeRequest(m_fake->baseUrl(), false));
    QVERIFY(waitForFinished());

    QCOMPARE(error().kind, UpstreamError::Kind::Http);
    QCOMPARE(error().httpStatus, status);
    QCOMPARE(error().retryable(), retryable);
}

void TestUpstreamOpenAi::retryAfterCaptured_data() {
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("retryAfterMs");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("seconds") << QByteArray("20") << QByteArray() << QByteArray("20");
    QTest::newRow("milliseconds rounded up")
        << QByteArray() << QByteArray("1500") << QByteArray("2");
    QTest::newRow("milliseconds before seconds")
        << QByteArray("20") << QByteArray("1500") << QByteArray("2");
    QTest::newRow("fractional seconds rounded up")
        << QByteArray("1.5") << QByteArray() << QByteArray("2");
    QTest::newRow("http date in the past")
        << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT") << QByteArray() << QByteArray("0");
    QTest::newRow("unreadable value") << QByteArray("soon") << QByteArray() << QByteArray();
    QTest::newRow("absent") << QByteArray() << QByteArray() << QByteArray();
}

void TestUpstreamOpenAi::retryAfterCaptured() {
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, retryAfterMs);
    QFETCH(QByteArray, expected);
    m_fake->script().errorStatus = 429;
    m_fake->script().errorType = "requests";
    m_fake->script().retryAfter = retryAfter;
    m_fake->script().retryAfterMs = retryAfterMs;

    startCall(makeRequest(m_fake->baseUrl(), false));
    QVERIFY(waitForFinished());

    QCOMPARE(error().kind, UpstreamError::Kind::Http);
    QCOMPARE(error().httpStatus, 429);
    QCOMPARE(error().retryAfter, expected);
}

void TestUpstreamOpenAi::retryAfterFutureDate() {
    // An hour ahead, in the IMF-fixdate form of HTTP dates.
    const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(3600);
    m_fake->script().errorStatus = 503;
    m_fake->script().retryAfter =
        later.toString(QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();

    startCall(makeRequest(m_fake->baseUrl(), false));
    QVERIFY(waitForFinished());

    QCOMPARE(error().kind, UpstreamError::Kind::Http);
    bool isNumber = false;
    const int seconds = error().retryAfter.toInt(&isNumber);
    QVERIFY2(isNumber, error().retryAfter.constData());
    // The margin covers the time the call took and the date's whole-second precision.
    QVERIFY2(seconds > 3500 && seconds <= 3600, error().retryAfter.constData());
}

void TestUpstreamOpenAi::errorInside200_data() {
    using Shape = FakeOpenAiScript::ErrorShape;
    QTest::addColumn<bool>("stream");
    QTest::addColumn<Shape>("shape");
    QTest::addColumn<int>("expectedStatus");

    // The fake writes the OpenRouter shape with code 500; the others carry no numeric code.
    QTest::newRow("body openai shape") << false << Shape::OpenAi << 502;
    QTest::newRow("body mistral shape") << false << Shape::Mistral << 502;
    QTest::newRow("body openrouter shape") << false << Shape::OpenRouter << 500;
    QTest::newRow("first event openai shape") << true << Shape::OpenAi << 502;
    QTest::newRow("first event openrouter shape") << true << Shape::OpenRouter << 500;
}

void TestUpstreamOpenAi::errorInside200() {
    QFETCH(bool, stream);
    QFETCH(FakeOpenAiScript::ErrorShape, shape);
    QFETCH(int, expectedStatus);
    m_fake->script().errorIn200 = true;
    m_fake->script().errorShape = shape;
    m_fake->script().errorMessage = "Provider returned error";

    startCall(makeRequest(m_fake->baseUrl(), stream));
    QVERIFY(waitForFinished());

    QCOMPARE(m_finishedCount, 1);
    QCOMPARE(m_result.httpStatus, 200);
    QCOMPARE(error().kind, UpstreamError::Kind::Http);
    QCOMPARE(error().httpStatus, expectedStatus);
    QVERIFY(error().retryable());
    QVERIFY2(error().message.contains(QLatin1String("Provider returned error")),
             qPrintable(error().message));
    QCOMPARE(m_startedCount, 0);
    QVERIFY(m_chunks.isEmpty());
    QVERIFY(!m_result.usageReported);
}

void TestUpstreamOpenAi::midStreamErrorEndsCall() {
    FakeOpenAiScript &script = m_fake->script();
    script.chunkCount = 4;
    script.midStreamErrorAfter = 2;
    script.errorType = "server_error";
    script.errorMessage = "The server had an error while processing your request.";

    startCall(makeRequest(m_fake->baseUrl(), true));
    QVERIFY(waitForFinished());

    QCOMPARE(m_startedCount, 1);
    QCOMPARE(m_chunks.size(), 3); // the role chunk and two content chunks
    for (const QByteArray &chunk : std::as_const(m_chunks))
        QVERIFY2(!chunk.contains("\"error\""), chunk.constData());

    QCOMPARE(m_finishedCount, 1);
    QCOMPARE(error().kind, UpstreamError::Kind::Http);
    QCOMPARE(error().type, QStringLiteral("server_error"));
    QCOMPARE(error().httpStatus, 502);
    QVERIFY2(error().message.contains(QLatin1String("while processing your request")),
             qPrintable(error().message));
    QVERIFY(!m_result.sawDone);
    QCOMPARE(m_doneFrames, 0);
}

void TestUpstreamOpenAi::commentsAndObfuscationTolerated() {
    FakeOpenAiScript &script = m_fake->script();
    script.reply = QStringLiteral("Comments are not events.");
    script.chunkCount = 3;
    script.commentLines = true;
    script.obfuscation = true;

    startCall(makeRequest(m_fake->baseUrl(), true));
    QVERIFY(waitForFinished());

    QCOMPARE(error().kind, UpstreamError::Kind::None);
    QCOMPARE(m_startedCount, 1);
    QCOMPARE(m_chunks.size(), 5); // role, three content chunks, closing chunk
    for (const QByteArray &chunk : std::as_const(m_chunks)) {
        QVERIFY2(parseObject(chunk).contains(QLatin1String("obfuscation")), chunk.constData());
        QVERIFY2(!chunk.startsWith(':'), chunk.constData());
    }
    QCOMPARE(joinedContent(m_chunks), script.reply);
    QVERIFY(m_result.usageReported);
    QCOMPARE(m_result.usage.inputTokens, script.promptTokens);
    QVERIFY(m_result.sawDone);
}

void TestUpstreamOpenAi::stalledUpstreamFirstByteTimeout_data() {
    QTest::addColumn<bool>("stream");
    QTest::newRow("non-stream") << false;
    QTest::newRow("stream") << true;
}

void TestUpstreamOpenAi::stalledUpstreamFirstByteTimeout() {
    QFETCH(bool, stream);
    m_fake->script().stall = true;

    UpstreamRequest request = makeRequest(m_fake->baseUrl(), stream);
    request.timeouts = {5000, 300, 5000};
    startCall(request);
    QVERIFY(waitForFinished());

    QCOMPARE(m_fake->requests().size(), 1);
    QCOMPARE(error().kind, UpstreamError::Kind::Timeout);
    QVERIFY2(error().message.contains(QLatin1String("first-byte timeout of 300 ms")),
             qPrintable(error().message));
    QVERIFY(error().retryable());
    QCOMPARE(m_startedCount, 0);

    // The call closes the connection, so the upstream stops generating a reply no client reads.
    QTRY_COMPARE_WITH_TIMEOUT(m_fake->disconnects(), 1, kWaitMs);
}

void TestUpstreamOpenAi::stalledStreamIdleTimeout() {
    m_fake->script().chunkCount = 5;
    m_fake->script().stallAfter = 2;

    UpstreamRequest request = makeRequest(m_fake->baseUrl(), true);
    request.timeouts = {5000, 5000, 300};
    startCall(request);
    QVERIFY(waitForFinished());

    QCOMPARE(m_startedCount, 1);
    QCOMPARE(m_chunks.size(), 3); // the role chunk and two content chunks
    QCOMPARE(error().kind, UpstreamError::Kind::Timeout);
    QVERIFY2(error().message.contains(QLatin1String("idle timeout between chunks of 300 ms")),
             qPrintable(error().message));
    QVERIFY(!m_result.sawDone);
    QTRY_COMPARE_WITH_TIMEOUT(m_fake->disconnects(), 1, kWaitMs);
}

void TestUpstreamOpenAi::closedPortConnectError() {
    // A port that was free a moment ago, so nothing listens on it.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    startCall(makeRequest(QStringLiteral("http://127.0.0.1:%1/v1").arg(port), false));
    QVERIFY(waitForFinished());

    QCOMPARE(m_finishedCount, 1);
    QCOMPARE(error().kind, UpstreamError::Kind::Connect);
    QCOMPARE(error().httpStatus, 0);
    QCOMPARE(m_result.httpStatus, 0);
    QVERIFY(error().retryable());
    QVERIFY2(error().message.contains(QLatin1String("could not reach")),
             qPrintable(error().message));
    QVERIFY(!error().message.contains(kApiKey));
}

void TestUpstreamOpenAi::abortCancelsOnce() {
    m_fake->script().chunkCount = 10;
    m_fake->script().chunkDelayMs = 100;

    startCall(makeRequest(m_fake->baseUrl(), true));
    QTRY_VERIFY_WITH_TIMEOUT(!m_chunks.isEmpty(), kWaitMs);
    QCOMPARE(m_finishedCount, 0);

    m_call->abort();
    QCOMPARE(m_finishedCount, 1);
    QCOMPARE(error().kind, UpstreamError::Kind::Cancelled);
    QVERIFY(!error().retryable());
    const qsizetype chunksAtAbort = m_chunks.size();

    QTRY_COMPARE_WITH_TIMEOUT(m_fake->disconnects(), 1, kWaitMs);
    const int sentAtDisconnect = m_fake->dataEventsSent();
    QVERIFY(sentAtDisconnect < completeStreamEvents(10));

    // Three chunk delays pass: a call that kept reading would emit again, and a fake whose
    // connection was still open would keep sending.
    m_call->abort();
    QTest::qWait(300);
    QCOMPARE(m_finishedCount, 1);
    QCOMPARE(m_chunks.size(), chunksAtAbort);
    QCOMPARE(m_fake->dataEventsSent(), sentAtDisconnect);
}

QTEST_GUILESS_MAIN(TestUpstreamOpenAi)
#include "tst_upstreamopenai.moc"
