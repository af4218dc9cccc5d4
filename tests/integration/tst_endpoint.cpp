// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "fakes/fakeopenai.h"
#include "fakes/rawhttpclient.h"
#include "ledger/ledgerreader.h"
#include "service/routerservice.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace signalbox;

namespace {

// Upper bound of every wait in these tests.
constexpr int kWaitMs = 10000;

// The variable the config's key_env names. The provider-specific SIGNALBOX_KEY_<ID> variables
// take precedence, so the test clears them.
const char kKeyVariable[] = "SIGNALBOX_TEST_ENDPOINT_KEY";

// Registry prices in USD per million tokens, written to the config and used for the expected
// costs. Model "mini" is served by provider "primary", model "large" by provider "backup".
struct ModelPrices {
    double input;
    double output;
    double cachedInput;
};
constexpr ModelPrices kMiniPrices{0.15, 0.60, 0.075};
constexpr ModelPrices kLargePrices{2.50, 10.00, 1.25};

QJsonObject priceJson(const ModelPrices &prices) {
    return {{QLatin1String("input"), prices.input},
            {QLatin1String("output"), prices.output},
            {QLatin1String("cached_input"), prices.cachedInput}};
}

QJsonObject providerJson(const QString &baseUrl) {
    return {{QLatin1String("kind"), QLatin1String("openai")},
            {QLatin1String("base_url"), baseUrl},
            {QLatin1String("key_env"), QLatin1String(kKeyVariable)}};
}

QJsonObject modelJson(const QString &id, const QString &provider, const QString &upstreamId,
                      const ModelPrices &prices) {
    return {{QLatin1String("id"), id},
            {QLatin1String("provider"), provider},
            {QLatin1String("upstream_id"), upstreamId},
            {QLatin1String("price_per_mtok"), priceJson(prices)},
            {QLatin1String("context_window"), 128000}};
}

// Stage "draft" falls back from mini to large. Stage "solo" has no fallback, and neither has
// the config a routing.fallback_model.
QByteArray configJson(const QString &primaryUrl, const QString &backupUrl) {
    const QJsonObject config{
        {QLatin1String("version"), 1},
        {QLatin1String("server"),
         QJsonObject{{QLatin1String("listen"), QLatin1String("127.0.0.1:0")}}},
        {QLatin1String("providers"),
         QJsonObject{{QLatin1String("primary"), providerJson(primaryUrl)},
                     {QLatin1String("backup"), providerJson(backupUrl)}}},
        {QLatin1String("models"),
         QJsonArray{modelJson(QStringLiteral("mini"), QStringLiteral("primary"),
                              QStringLiteral("gpt-4o-mini-2024-07-18"), kMiniPrices),
                    modelJson(QStringLiteral("large"), QStringLiteral("backup"),
                              QStringLiteral("gpt-4o"), kLargePrices)}},
        {QLatin1String("stages"),
         QJsonObject{
             {QLatin1String("draft"),
              QJsonObject{{QLatin1String("model"), QLatin1String("mini")},
                          {QLatin1String("fallbacks"), QJsonArray{QLatin1String("large")}}}},
             {QLatin1String("solo"),
              QJsonObject{{QLatin1String("model"), QLatin1String("mini")}}}}}};
    return QJsonDocument(config).toJson();
}

QByteArray chatRequest(const QString &model, bool stream) {
    QJsonObject body{
        {QLatin1String("model"), model},
        {QLatin1String("messages"),
         QJsonArray{QJsonObject{
             {QLatin1String("role"), QLatin1String("user")},
             {QLatin1String("content"), QLatin1String("Write a haiku about message routers.")}}}}};
    if (stream)
        body.insert(QLatin1String("stream"), true);
    return postRequest("/v1/chat/completions", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

// Returns the data of each server-sent event in the body, in order.
QList<QByteArray> sseData(const QByteArray &body) {
    QList<QByteArray> events;
    for (const QByteArray &event : body.split('\n')) {
        if (event.startsWith("data: "))
            events << event.mid(6);
    }
    return events;
}

QString joinedContent(const QList<QByteArray> &events) {
    QString text;
    for (const QByteArray &data : events) {
        const QJsonArray choices =
            QJsonDocument::fromJson(data).object().value(QLatin1String("choices")).toArray();
        for (const QJsonValue &choice : choices)
            text += choice.toObject()
                        .value(QLatin1String("delta"))
                        .toObject()
                        .value(QLatin1String("content"))
                        .toString();
    }
    return text;
}

// Returns the assistant message text of a streamed or a non-streamed chat response.
QString assistantText(const RawResponse &response) {
    if (response.header("Content-Type").startsWith("text/event-stream"))
        return joinedContent(sseData(response.body));
    return QJsonDocument::fromJson(response.body)
        .object()
        .value(QLatin1String("choices"))
        .toArray()
        .at(0)
        .toObject()
        .value(QLatin1String("message"))
        .toObject()
        .value(QLatin1String("content"))
        .toString();
}

// The cost the registry prices imply for an OpenAI usage report, whose prompt tokens include
// the cached ones.
// The warnings of the upstream category, collected while a test installs the handler.
QStringList g_upstreamWarnings;
QtMessageHandler g_previousHandler = nullptr;

void collectUpstreamWarnings(QtMsgType type, const QMessageLogContext &context,
                             const QString &message) {
    if (type == QtWarningMsg && qstrcmp(context.category, "signalbox.upstream") == 0)
        g_upstreamWarnings << message;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

double expectedCost(const ModelPrices &prices, qint64 promptTokens, qint64 cachedTokens,
                    qint64 completionTokens) {
    return (double(promptTokens - cachedTokens) * prices.input +
            double(cachedTokens) * prices.cachedInput + double(completionTokens) * prices.output) /
           1e6;
}

QByteArray chatRequestWithModel(const char *path, const QJsonValue &model) {
    const QJsonObject body{
        {QLatin1String("model"), model},
        {QLatin1String("messages"),
         QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                {QLatin1String("content"), QLatin1String("Hello?")}}}}};
    return postRequest(path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QJsonObject openAiError(const RawResponse &response) {
    return QJsonDocument::fromJson(response.body).object().value(QLatin1String("error")).toObject();
}

// Returns the response as one byte array, status line and headers included, for leak checks.
QByteArray responseBytes(const RawResponse &response) {
    QByteArray bytes = QByteArray::number(response.status) + '\n';
    for (const auto &[name, value] : response.headers)
        bytes += name + ": " + value + '\n';
    return bytes + response.body;
}

} // namespace

class TestEndpoint : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void streamedStageRequestRecorded();
    void usageSummaryFollowsRequests();
    void amountsHaveNoBinaryTails();
    void clientDisconnectCancelsUpstream();
    void upstreamFailureFallback_data();
    void upstreamFailureFallback();
    void repeatedFailureLoggedOnce();
    void implausibleUsageIsEstimated_data();
    void implausibleUsageIsEstimated();
    void usagePartsAreCapped();
    void apiKeyNeverLeaks();
    void keyWithLineBreakNeverLeaks();
    void nonStringModelRejected_data();
    void nonStringModelRejected();
    void nonBooleanStreamRejected_data();
    void nonBooleanStreamRejected();
    void invalidOutputLimitRejected_data();
    void invalidOutputLimitRejected();
    void rawControlCharacterRejected_data();
    void rawControlCharacterRejected();
    void longClientValueClipped_data();
    void longClientValueClipped();

private:
    RawResponse send(const QByteArray &request);
    std::optional<LedgerRecord> findRecord(const QString &requestId);
    std::optional<LedgerRecord> recordOfChat(bool stream);

    QByteArray m_canary;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeOpenAiUpstream> m_primary;
    std::unique_ptr<FakeOpenAiUpstream> m_backup;
    std::unique_ptr<RouterService> m_service;
    std::unique_ptr<QSignalSpy> m_recorded;
    quint16 m_port = 0;
};

void TestEndpoint::initTestCase() {
    m_canary = "sk-canary-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    qputenv(kKeyVariable, m_canary);
    qunsetenv("SIGNALBOX_KEY_PRIMARY");
    qunsetenv("SIGNALBOX_KEY_BACKUP");
}

void TestEndpoint::init() {
    m_primary = std::make_unique<FakeOpenAiUpstream>();
    m_backup = std::make_unique<FakeOpenAiUpstream>();
    QVERIFY(m_primary->listen(QHostAddress::LocalHost));
    QVERIFY(m_backup->listen(QHostAddress::LocalHost));

    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QFile config(m_dir->filePath(QStringLiteral("config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(configJson(m_primary->baseUrl(), m_backup->baseUrl()));
    config.close();

    ServiceOptions options;
    options.configPath = config.fileName();
    options.dataDir = m_dir->filePath(QStringLiteral("data"));
    options.listen = QStringLiteral("127.0.0.1:0");
    m_service = std::make_unique<RouterService>(options);
    m_recorded = std::make_unique<QSignalSpy>(m_service.get(), &RouterService::requestRecorded);
    QSignalSpy ready(m_service.get(), &RouterService::ready);
    QSignalSpy failed(m_service.get(), &RouterService::startFailed);

    m_service->start();
    QVERIFY(QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, kWaitMs));
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    m_port = quint16(m_service->endpoint().port());
    QVERIFY(m_port != 0);
}

void TestEndpoint::cleanup() {
    // The router thread calls the fakes, so it stops first.
    m_recorded.reset();
    m_service.reset();
    m_primary.reset();
    m_backup.reset();
    m_dir.reset();
}

RawResponse TestEndpoint::send(const QByteArray &request) {
    RawHttpClient client;
    if (!client.connectTo(m_port))
        return {};
    client.send(request);
    return client.nextResponse(kWaitMs);
}

// Waits for the service to record a request and reads its row back from the ledger file.
std::optional<LedgerRecord> TestEndpoint::findRecord(const QString &requestId) {
    const bool recorded = QTest::qWaitFor(
        [&] {
            for (const QList<QVariant> &arguments : std::as_const(*m_recorded)) {
                if (arguments.value(0).value<LedgerRecord>().requestId == requestId)
                    return true;
            }
            return false;
        },
        kWaitMs);
    if (!recorded)
        return std::nullopt;

    Result<std::unique_ptr<LedgerReader>> reader = LedgerReader::open(m_service->options().dataDir);
    if (!reader) {
        qWarning().noquote() << reader.error();
        return std::nullopt;
    }
    return reader.value()->find(requestId);
}

// Sends a chat request for model "mini" and returns its ledger row, or nothing when the request
// failed or no row came.
std::optional<LedgerRecord> TestEndpoint::recordOfChat(bool stream) {
    const RawResponse response = send(chatRequest(QStringLiteral("mini"), stream));
    if (response.status != 200)
        return std::nullopt;
    return findRecord(QString::fromLatin1(response.header("x-signalbox-request-id")));
}

void TestEndpoint::streamedStageRequestRecorded() {
    FakeOpenAiScript &script = m_primary->script();
    script.reply = QStringLiteral("Packets find their way.");
    script.chunkCount = 4;
    script.promptTokens = 1200;
    script.cachedTokens = 200;
    script.completionTokens = 300;
    script.reasoningTokens = 50;

    const RawResponse response = send(chatRequest(QStringLiteral("stage:draft"), true));
    QCOMPARE(response.status, 200);
    QVERIFY(response.chunked);
    QVERIFY(response.header("Content-Type").startsWith("text/event-stream"));
    QCOMPARE(response.header("x-signalbox-model"), QByteArray("mini"));
    QCOMPARE(response.header("x-signalbox-route"), QByteArray("stage"));

    const QList<QByteArray> events = sseData(response.body);
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.last(), QByteArray("[DONE]"));
    QCOMPARE(joinedContent(events), script.reply);

    QCOMPARE(m_primary->requests().size(), 1);
    QCOMPARE(m_backup->requests().size(), 0);
    const QJsonObject upstreamBody = m_primary->requests().first().json();
    QCOMPARE(upstreamBody.value(QLatin1String("model")).toString(),
             QStringLiteral("gpt-4o-mini-2024-07-18"));
    QVERIFY(upstreamBody.value(QLatin1String("stream")).toBool());

    const QString requestId = QString::fromLatin1(response.header("x-signalbox-request-id"));
    QVERIFY(!requestId.isEmpty());
    const std::optional<LedgerRecord> record = findRecord(requestId);
    QVERIFY(record.has_value());
    QCOMPARE(record->status, QStringLiteral("ok"));
    QCOMPARE(record->stage, QStringLiteral("draft"));
    QCOMPARE(record->route, QStringLiteral("stage"));
    QCOMPARE(record->model, QStringLiteral("mini"));
    QCOMPARE(record->provider, QStringLiteral("primary"));
    QCOMPARE(record->attempts, 1);
    QVERIFY(record->streamed);
    QVERIFY(!record->usage.estimated);
    QCOMPARE(record->usage.inputTokens, 1200);
    QCOMPARE(record->usage.cachedTokens, 200);
    QCOMPARE(record->usage.outputTokens, 300);
    QCOMPARE(record->usage.reasoningTokens, 50);
    QCOMPARE(record->costUsd, expectedCost(kMiniPrices, 1200, 200, 300));

    // The admin API reports the same row.
    const RawResponse usage = send(getRequest("/api/usage?limit=5"));
    QCOMPARE(usage.status, 200);
    const QJsonObject summary = QJsonDocument::fromJson(usage.body).object();
    QCOMPARE(summary.value(QLatin1String("requests")).toInteger(), 1);
    const QJsonObject row = summary.value(QLatin1String("recent")).toArray().at(0).toObject();
    QCOMPARE(row.value(QLatin1String("request_id")).toString(), requestId);
    QCOMPARE(row.value(QLatin1String("cost_usd")).toDouble(),
             expectedCost(kMiniPrices, 1200, 200, 300));
}

void TestEndpoint::usageSummaryFollowsRequests() {
    m_primary->script().promptTokens = 400;
    m_primary->script().completionTokens = 100;
    QSignalSpy usageChanged(m_service.get(), &RouterService::usageChanged);
    const auto summaryCounts = [&usageChanged](qint64 requests) {
        for (const QList<QVariant> &arguments : std::as_const(usageChanged)) {
            if (arguments.value(0).value<UsageSummary>().requests == requests)
                return true;
        }
        return false;
    };

    QCOMPARE(send(chatRequest(QStringLiteral("mini"), false)).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_recorded->size(), 1, kWaitMs);

    // The console shows today's totals from this signal, so a recorded request must reach it.
    QVERIFY(QTest::qWaitFor([&] { return summaryCounts(1); }, kWaitMs));
    const UsageSummary today = usageChanged.last().value(0).value<UsageSummary>();
    QCOMPARE(today.inputTokens, 400);
    QCOMPARE(today.outputTokens, 100);
    QCOMPARE(today.costUsd, expectedCost(kMiniPrices, 400, 0, 100));
}

void TestEndpoint::amountsHaveNoBinaryTails() {
    // At these prices one request costs 0.00011999999999999999 in binary arithmetic.
    m_primary->script().promptTokens = 400;
    m_primary->script().completionTokens = 100;
    for (int i = 0; i < 3; ++i)
        QCOMPARE(send(chatRequest(QStringLiteral("mini"), false)).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_recorded->size(), 3, kWaitMs);

    const RawResponse usage = send(getRequest("/api/usage?limit=5"));
    QCOMPARE(usage.status, 200);
    QVERIFY2(usage.body.contains("\"cost_usd\":0.00036,"), usage.body.constData());
    QVERIFY2(usage.body.contains("\"cost_usd\":0.00012,"), usage.body.constData());
    const RawResponse gates = send(getRequest("/api/gates"));
    QCOMPARE(gates.status, 200);

    // No amount anywhere in either body runs to the end of a double's precision.
    const QRegularExpression longNumber(QStringLiteral("\\d\\.\\d{15,}"));
    for (const QByteArray &body : {usage.body, gates.body})
        QVERIFY2(!longNumber.match(QString::fromUtf8(body)).hasMatch(), body.constData());
}

void TestEndpoint::clientDisconnectCancelsUpstream() {
    FakeOpenAiScript &script = m_primary->script();
    script.chunkCount = 10;
    script.chunkDelayMs = 200;
    const int eventsInFullStream = script.chunkCount + 4; // role, closing, usage and [DONE]

    RawHttpClient client;
    QVERIFY(client.connectTo(m_port));
    client.send(chatRequest(QStringLiteral("stage:draft"), true));
    QVERIFY(client.waitForText("data: {", kWaitMs));
    QCOMPARE(m_primary->disconnects(), 0);
    client.socket().disconnectFromHost();

    // The router hangs up on the upstream, which then stops sending.
    QTRY_COMPARE_WITH_TIMEOUT(m_primary->disconnects(), 1, kWaitMs);
    const int sentAtDisconnect = m_primary->dataEventsSent();
    QVERIFY2(sentAtDisconnect < eventsInFullStream, qPrintable(QString::number(sentAtDisconnect)));
    QTest::qWait(3 * script.chunkDelayMs);
    QCOMPARE(m_primary->dataEventsSent(), sentAtDisconnect);

    QTRY_COMPARE_WITH_TIMEOUT(m_recorded->size(), 1, kWaitMs);
    const QString requestId = m_recorded->first().value(0).value<LedgerRecord>().requestId;
    const std::optional<LedgerRecord> record = findRecord(requestId);
    QVERIFY(record.has_value());
    QCOMPARE(record->status, QStringLiteral("client_cancelled"));
    QCOMPARE(record->model, QStringLiteral("mini"));
    QVERIFY(record->streamed);
    QVERIFY(record->usage.estimated);
    QVERIFY(record->usage.inputTokens > 0);
    QVERIFY(record->usage.outputTokens > 0);
    QVERIFY2(record->costUsd > 0, qPrintable(QString::number(record->costUsd)));
    QCOMPARE(m_backup->requests().size(), 0);
}

void TestEndpoint::upstreamFailureFallback_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("shouldRetry");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<int>("clientStatus");

    // A client status of 200 means the backup served the request. The router passes upstream 4xx
    // statuses on and reports upstream 5xx statuses as 502.
    QTest::newRow("500 falls back") << 500 << QByteArray() << false << 200;
    QTest::newRow("500 streamed falls back") << 500 << QByteArray() << true << 200;
    QTest::newRow("429 falls back") << 429 << QByteArray() << false << 200;
    QTest::newRow("400 stays") << 400 << QByteArray() << false << 400;
    QTest::newRow("400 streamed stays") << 400 << QByteArray() << true << 400;
    QTest::newRow("401 stays") << 401 << QByteArray() << false << 401;
    QTest::newRow("500 with x-should-retry false stays")
        << 500 << QByteArray("false") << false << 502;
}

void TestEndpoint::upstreamFailureFallback() {
    QFETCH(int, status);
    QFETCH(QByteArray, shouldRetry);
    QFETCH(bool, stream);
    QFETCH(int, clientStatus);
    m_primary->script().errorStatus = status;
    m_primary->script().shouldRetry = shouldRetry;
    m_primary->script().errorType = "invalid_request_error";
    m_backup->script().reply = QStringLiteral("The backup answered.");
    m_backup->script().promptTokens = 500;
    m_backup->script().cachedTokens = 0;
    m_backup->script().completionTokens = 80;

    const RawResponse response = send(chatRequest(QStringLiteral("stage:draft"), stream));
    QCOMPARE(m_primary->requests().size(), 1);
    const QString requestId = QString::fromLatin1(response.header("x-signalbox-request-id"));
    QVERIFY(!requestId.isEmpty());
    const std::optional<LedgerRecord> record = findRecord(requestId);
    QVERIFY(record.has_value());

    QCOMPARE(response.status, clientStatus);
    if (clientStatus == 200) {
        QCOMPARE(response.header("x-signalbox-model"), QByteArray("large"));
        QCOMPARE(assistantText(response), m_backup->script().reply);
        QCOMPARE(m_backup->requests().size(), 1);
        QCOMPARE(m_backup->requests().first().json().value(QLatin1String("model")).toString(),
                 QStringLiteral("gpt-4o"));
        QCOMPARE(record->status, QStringLiteral("ok"));
        QCOMPARE(record->attempts, 2);
        QCOMPARE(record->model, QStringLiteral("large"));
        QCOMPARE(record->provider, QStringLiteral("backup"));
        QVERIFY2(record->trace.join(QLatin1Char('\n'))
                     .contains(QLatin1String("attempt 1 on 'mini' failed")),
                 qPrintable(record->trace.join(QLatin1Char('\n'))));
        QCOMPARE(record->costUsd, expectedCost(kLargePrices, 500, 0, 80));
    } else {
        QCOMPARE(m_backup->requests().size(), 0);
        QCOMPARE(record->status, QStringLiteral("error"));
        QCOMPARE(record->attempts, 1);
        QCOMPARE(record->model, QStringLiteral("mini"));
        QCOMPARE(record->httpStatus, clientStatus);
    }
}

void TestEndpoint::repeatedFailureLoggedOnce() {
    m_primary->script().errorStatus = 400;
    m_primary->script().errorType = "invalid_request_error";
    g_upstreamWarnings.clear();
    g_previousHandler = qInstallMessageHandler(collectUpstreamWarnings);
    const auto restore = qScopeGuard([] { qInstallMessageHandler(g_previousHandler); });

    // Five requests fail alike: the first is logged with its message, the rest are counted.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(send(chatRequest(QStringLiteral("mini"), false)).status, 400);
    QTRY_COMPARE_WITH_TIMEOUT(m_recorded->size(), 5, kWaitMs);
    QCOMPARE(g_upstreamWarnings.size(), 1);
    QVERIFY2(g_upstreamWarnings.first().contains(QStringLiteral("The fake upstream was told")),
             qPrintable(g_upstreamWarnings.first()));

    // Another status is another kind of failure, logged at once with its own message.
    m_primary->script().errorStatus = 429;
    m_primary->script().errorMessage = "Rate limit reached.";
    QCOMPARE(send(chatRequest(QStringLiteral("mini"), false)).status, 429);
    QTRY_COMPARE_WITH_TIMEOUT(g_upstreamWarnings.size(), 2, kWaitMs);
    QVERIFY2(g_upstreamWarnings.last().contains(QStringLiteral("Rate limit reached.")),
             qPrintable(g_upstreamWarnings.last()));

    // Stopping the router reports the count held back, so no failure goes uncounted.
    m_recorded.reset();
    m_service.reset();
    QCOMPARE(g_upstreamWarnings.size(), 3);
    QVERIFY2(
        g_upstreamWarnings.last().contains(QStringLiteral("(4 more since the last such line)")),
        qPrintable(g_upstreamWarnings.last()));
}

void TestEndpoint::implausibleUsageIsEstimated_data() {
    QTest::addColumn<bool>("stream");
    QTest::addColumn<qint64>("promptTokens");
    QTest::addColumn<qint64>("completionTokens");

    // A count the parser cannot read (a string, a fraction) comes out as 0 prompt tokens.
    for (const bool stream : {false, true}) {
        const char *mode = stream ? "streamed" : "whole";
        QTest::addRow("%s, negative counts", mode) << stream << qint64(-3) << qint64(-4);
        QTest::addRow("%s, no prompt tokens", mode) << stream << qint64(0) << qint64(9);
        QTest::addRow("%s, beyond any context", mode) << stream << qint64(4294967297) << qint64(9);
    }
}

// A report no real call produces neither makes the call free nor charges a fortune: the row is
// billed as an estimate from the request and the response.
void TestEndpoint::implausibleUsageIsEstimated() {
    QFETCH(bool, stream);
    QFETCH(qint64, promptTokens);
    QFETCH(qint64, completionTokens);
    FakeOpenAiScript &script = m_primary->script();
    script.promptTokens = promptTokens;
    script.completionTokens = completionTokens;

    const std::optional<LedgerRecord> record = recordOfChat(stream);
    QVERIFY(record.has_value());
    QCOMPARE(record->status, QStringLiteral("ok"));

    QVERIFY(record->usage.estimated);
    QVERIFY2(record->usage.inputTokens > 0 && record->usage.inputTokens < 100,
             qPrintable(QString::number(record->usage.inputTokens)));
    QVERIFY2(record->usage.outputTokens > 0 && record->usage.outputTokens < 1000,
             qPrintable(QString::number(record->usage.outputTokens)));
    QVERIFY(record->costUsd > 0);
    QVERIFY(record->costUsd < 0.001);
}

// Cache reads above the prompt, or reasoning above the output, are capped by their totals.
void TestEndpoint::usagePartsAreCapped() {
    FakeOpenAiScript &script = m_primary->script();
    script.promptTokens = 18;
    script.cachedTokens = 50;
    script.completionTokens = 14;
    script.reasoningTokens = 300;

    const std::optional<LedgerRecord> record = recordOfChat(false);
    QVERIFY(record.has_value());
    QCOMPARE(record->status, QStringLiteral("ok"));

    QVERIFY(!record->usage.estimated);
    QCOMPARE(record->usage.inputTokens, 18);
    QCOMPARE(record->usage.cachedTokens, 18);
    QCOMPARE(record->usage.outputTokens, 14);
    QCOMPARE(record->usage.reasoningTokens, 14);
    QCOMPARE(record->costUsd, expectedCost(kMiniPrices, 18, 18, 14));
}

void TestEndpoint::keyWithLineBreakNeverLeaks() {
    const auto restore = qScopeGuard([this] { qputenv(kKeyVariable, m_canary); });

    // A key read from a file keeps its final line break. The upstream gets the key without it,
    // and its error that quotes the key is redacted.
    qputenv(kKeyVariable, m_canary + "\n");
    m_primary->script().errorStatus = 401;
    m_primary->script().errorType = "invalid_request_error";
    m_primary->script().errorMessage = "Incorrect API key provided: " + m_canary + '.';
    const RawResponse rejected = send(chatRequest(QStringLiteral("mini"), false));
    QCOMPARE(rejected.status, 401);
    QCOMPARE(m_primary->requests().size(), 1);
    QCOMPARE(m_primary->requests().first().header("authorization"), "Bearer " + m_canary);
    QVERIFY2(!responseBytes(rejected).contains(m_canary), rejected.body.constData());

    // Error messages have their whitespace collapsed, and so has a quoted key with a tab inside.
    const QByteArray tabbed = m_canary.left(12) + '\t' + m_canary.mid(12);
    qputenv(kKeyVariable, tabbed);
    m_primary->script().errorMessage = "Incorrect API key provided: " + tabbed + '.';
    const RawResponse quoted = send(chatRequest(QStringLiteral("mini"), false));
    QCOMPARE(quoted.status, 401);
    QCOMPARE(m_primary->requests().size(), 2);
    const QByteArray collapsed = m_canary.left(12) + ' ' + m_canary.mid(12);
    QVERIFY2(!responseBytes(quoted).contains(collapsed), quoted.body.constData());
    QVERIFY2(!responseBytes(quoted).contains(tabbed), quoted.body.constData());

    // A line break inside the key would end the header early and inject one of its own.
    qputenv(kKeyVariable, m_canary + "\r\nX-Injected: yes");
    const RawResponse withLineBreak = send(chatRequest(QStringLiteral("mini"), false));
    QCOMPARE(withLineBreak.status, 502);
    QVERIFY2(withLineBreak.body.contains("control character"), withLineBreak.body.constData());
    QVERIFY2(!responseBytes(withLineBreak).contains(m_canary), withLineBreak.body.constData());
    QCOMPARE(m_primary->requests().size(), 2);
}

void TestEndpoint::apiKeyNeverLeaks() {
    QList<RawResponse> responses;
    responses << send(chatRequest(QStringLiteral("stage:draft"), true));
    responses << send(chatRequest(QStringLiteral("mini"), false));

    // OpenAI's 401 body quotes the key it rejected.
    m_primary->script().errorStatus = 401;
    m_primary->script().errorType = "invalid_request_error";
    m_primary->script().errorCode = "invalid_api_key";
    m_primary->script().errorMessage = "Incorrect API key provided: " + m_canary + '.';
    responses << send(chatRequest(QStringLiteral("stage:solo"), false));
    responses << send(chatRequest(QStringLiteral("stage:solo"), true));
    QTRY_COMPARE_WITH_TIMEOUT(m_recorded->size(), 4, kWaitMs);
    responses << send(getRequest("/api/usage?limit=10"));
    responses << send(getRequest("/v1/models"));

    // The key was in use, and the 401 with its quoted key reached the client redacted.
    QCOMPARE(m_primary->requests().size(), 4);
    for (const FakeHttpRequest &request : m_primary->requests())
        QCOMPARE(request.header("authorization"), "Bearer " + m_canary);
    QCOMPARE(responses.at(2).status, 401);
    QVERIFY2(responses.at(2).body.contains("Incorrect API key provided: <redacted>"),
             responses.at(2).body.constData());

    for (const RawResponse &response : std::as_const(responses)) {
        QVERIFY(response.status != 0);
        const QByteArray bytes = responseBytes(response);
        QVERIFY2(!bytes.contains(m_canary), bytes.constData());
    }

    // Stopping the service writes every queued row, so the files hold all four requests.
    const QString dataDir = m_service->options().dataDir;
    m_recorded.reset();
    m_service.reset();
    QByteArray ledgerBytes;
    QDirIterator files(dataDir, QDir::Files);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        ledgerBytes += file.readAll();
    }
    QVERIFY(ledgerBytes.contains("Incorrect API key provided: <redacted>"));
    QVERIFY(!ledgerBytes.contains(m_canary));
}

void TestEndpoint::nonStringModelRejected_data() {
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QJsonValue>("model");
    QTest::addColumn<QString>("typeName");

    for (const char *path : {"/v1/chat/completions", "/api/route"}) {
        const QByteArray prefix = QByteArray(path) + ", ";
        QTest::newRow(QByteArray(prefix + "null").constData())
            << QByteArray(path) << QJsonValue(QJsonValue::Null) << QStringLiteral("null");
        QTest::newRow(QByteArray(prefix + "number").constData())
            << QByteArray(path) << QJsonValue(7) << QStringLiteral("a number");
        QTest::newRow(QByteArray(prefix + "boolean").constData())
            << QByteArray(path) << QJsonValue(true) << QStringLiteral("a boolean");
        QTest::newRow(QByteArray(prefix + "object").constData())
            << QByteArray(path) << QJsonValue(QJsonObject{{QLatin1String("id"), 1}})
            << QStringLiteral("an object");
        QTest::newRow(QByteArray(prefix + "array").constData())
            << QByteArray(path) << QJsonValue(QJsonArray{QLatin1String("mini")})
            << QStringLiteral("an array");
    }
}

// OpenAI's API rejects a "model" that is not a string with 400, so Signalbox does not route it
// to the fallback model as if no model were named.
void TestEndpoint::nonStringModelRejected() {
    QFETCH(QByteArray, path);
    QFETCH(QJsonValue, model);
    QFETCH(QString, typeName);

    const RawResponse response = send(chatRequestWithModel(path.constData(), model));
    QCOMPARE(response.status, 400);
    const QJsonObject error = openAiError(response);
    QCOMPARE(error.value(QLatin1String("type")).toString(),
             QStringLiteral("invalid_request_error"));
    QCOMPARE(error.value(QLatin1String("param")).toString(), QStringLiteral("model"));
    QCOMPARE(error.value(QLatin1String("message")).toString(),
             QStringLiteral("\"model\" must be a string such as \"auto\" or a model id; got ") +
                 typeName);
    QCOMPARE(m_primary->requests().size(), 0);
}

void TestEndpoint::nonBooleanStreamRejected_data() {
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("chat completions") << QByteArray("/v1/chat/completions");
    QTest::newRow("route") << QByteArray("/api/route");
}

// "stream": "yes" is no boolean; the request is refused before routing or any upstream call.
void TestEndpoint::nonBooleanStreamRejected() {
    QFETCH(QByteArray, path);
    const QByteArray body(R"({"model":"mini","stream":"yes","messages":[{"role":"user",)"
                          R"("content":"hi"}]})");

    const RawResponse response = send(postRequest(path.constData(), body));
    QCOMPARE(response.status, 400);
    const QJsonObject error = openAiError(response);
    QCOMPARE(error.value(QLatin1String("param")).toString(), QStringLiteral("stream"));
    QCOMPARE(error.value(QLatin1String("message")).toString(),
             QStringLiteral("\"stream\" must be true or false; got a string"));
    QCOMPARE(m_primary->requests().size(), 0);
}

void TestEndpoint::invalidOutputLimitRejected_data() {
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("member");
    QTest::addColumn<QString>("got");
    QTest::newRow("string") << QByteArray("/v1/chat/completions")
                            << QByteArray(R"("max_tokens":"ten")") << "the string \"ten\"";
    QTest::newRow("negative") << QByteArray("/v1/chat/completions")
                              << QByteArray(R"("max_tokens":-5)") << "-5";
    QTest::newRow("fraction") << QByteArray("/v1/chat/completions")
                              << QByteArray(R"("max_completion_tokens":2.5)") << "2.5";
    QTest::newRow("huge") << QByteArray("/v1/chat/completions")
                          << QByteArray(R"("max_tokens":1e300)") << "1.0000000000000001e+300";
    QTest::newRow("messages, string")
        << QByteArray("/v1/messages") << QByteArray(R"("max_tokens":"10")") << "the string \"10\"";
}

// The gates reserve the limit as the request gives it, so a limit the provider would read
// differently, or reject, is rejected before routing.
void TestEndpoint::invalidOutputLimitRejected() {
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, member);
    QFETCH(QString, got);
    const QByteArray body =
        R"({"model":"mini",)" + member + R"(,"messages":[{"role":"user","content":"hi"}]})";

    const RawResponse response = send(postRequest(path.constData(), body));
    QCOMPARE(response.status, 400);
    const QString message = QJsonDocument::fromJson(response.body)
                                .object()
                                .value(QLatin1String("error"))
                                .toObject()
                                .value(QLatin1String("message"))
                                .toString();
    const QString field = QString::fromLatin1(member.mid(1, member.indexOf('"', 1) - 1));
    QCOMPARE(message, QStringLiteral("\"%1\" must be a whole number from 1 to 2147483647, or null "
                                     "for no limit; got %2")
                          .arg(field, got));
    QCOMPARE(m_primary->requests().size(), 0);
}

void TestEndpoint::rawControlCharacterRejected_data() {
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("chat completions") << QByteArray("/v1/chat/completions");
    QTest::newRow("route") << QByteArray("/api/route");
}

// RFC 8259 forbids a raw control character in a string, which QJsonDocument lets through.
void TestEndpoint::rawControlCharacterRejected() {
    QFETCH(QByteArray, path);
    const QByteArray body(
        "{\"model\":\"mini\",\"messages\":[{\"role\":\"user\",\"content\":\"a\0b\"}]}", 61);
    QCOMPARE(body.indexOf('\0'), 55);

    const RawResponse response = send(postRequest(path.constData(), body));
    QCOMPARE(response.status, 400);
    const QString message = openAiError(response).value(QLatin1String("message")).toString();
    QVERIFY2(message.contains(QLatin1String("control character 0x00")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("at offset 55")), qPrintable(message));
    QCOMPARE(m_primary->requests().size(), 0);
}

void TestEndpoint::longClientValueClipped_data() {
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<char>("filler");
    QTest::addColumn<int>("kept"); // filler characters within the first 200 of the value

    const QString longModel(100 * 1024, QLatin1Char('m'));
    QTest::newRow("unknown model")
        << chatRequestWithModel("/v1/chat/completions", longModel) << 404 << 'm' << 200;
    QTest::newRow("route unknown model")
        << chatRequestWithModel("/api/route", longModel) << 404 << 'm' << 200;
    QTest::newRow("unknown stage")
        << chatRequestWithModel(
               "/v1/chat/completions",
               QString(QStringLiteral("stage:") + QString(100 * 1024, QLatin1Char('s'))))
        << 404 << 's' << 200;
    // The quoted path starts with its "/".
    QTest::newRow("unknown path") << getRequest(QByteArray("/" + QByteArray(5 * 1024, 'p'))) << 404
                                  << 'p' << 199;
}

// An error quotes at most 200 characters of a client's value, marked as cut with "…".
void TestEndpoint::longClientValueClipped() {
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(char, filler);
    QFETCH(int, kept);

    const RawResponse response = send(request);
    QCOMPARE(response.status, status);
    const QString message = openAiError(response).value(QLatin1String("message")).toString();
    QVERIFY2(message.size() < 600, qPrintable(message.left(600)));
    const QString clipped = QString(kept, QLatin1Char(filler)) + QChar(0x2026);
    QVERIFY2(message.contains(clipped), qPrintable(message));
    QVERIFY2(!message.contains(QString(kept + 1, QLatin1Char(filler))), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
