// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The gates on the real request path: the router in process, the fake OpenAI upstream over
// loopback, and many clients on raw sockets at once.
#include "chat/tokens.h"
#include "fakes/fakeopenai.h"
#include "fakes/rawhttpclient.h"
#include "ledger/ledgerreader.h"
#include "service/routerservice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace signalbox;

namespace {

// Prices chosen so that a request with max_tokens 100 and a short prompt reserves just over one
// cent, while the fake upstream's reported usage (21 in, 9 out) costs $0.00111.
constexpr double InputPrice = 10;   // USD per million tokens
constexpr double OutputPrice = 100; // USD per million tokens
constexpr int MaxTokens = 100;
constexpr double ReportedCostUsd = (21 * InputPrice + 9 * OutputPrice) / 1e6;

QJsonObject modelJson(const QString &id, double inputPrice, double outputPrice) {
    return QJsonObject{
        {QLatin1String("id"), id},
        {QLatin1String("provider"), QLatin1String("fake")},
        {QLatin1String("upstream_id"), QLatin1String("gpt-4o-mini-2024-07-18")},
        {QLatin1String("price_per_mtok"),
         QJsonObject{{QLatin1String("input"), inputPrice}, {QLatin1String("output"), outputPrice}}},
        {QLatin1String("context_window"), 128000},
        {QLatin1String("max_output_tokens"), 16384}};
}

QByteArray chatBody(const QString &model, bool stream) {
    QJsonObject body{{QLatin1String("model"), model},
                     {QLatin1String("max_tokens"), MaxTokens},
                     {QLatin1String("messages"),
                      QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                             {QLatin1String("content"), QLatin1String("hi")}}}}};
    if (stream) {
        body.insert(QLatin1String("stream"), true);
        body.insert(QLatin1String("stream_options"),
                    QJsonObject{{QLatin1String("include_usage"), true}});
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QJsonObject gateById(const QJsonObject &gates, const QString &id) {
    for (const QJsonValue &gate : gates.value(QLatin1String("gates")).toArray()) {
        if (gate.toObject().value(QLatin1String("id")).toString() == id)
            return gate.toObject();
    }
    return {};
}

} // namespace

class GatedRequestsTest : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void concurrentRequestsStayWithinBudget_data();
    void concurrentRequestsStayWithinBudget();
    void settledSpendMatchesReportedUsage();
    void expensiveCandidateGivesWayToCheaper();
    void rejectionNamesFirstCandidate();
    void smallBudgetWarningShowsDigits();
    void rateLimitRejectsWithRetryAfter();
    void restartRebuildsSpendFromLedger();
    void dryRunShowsReservation();
    void requestWithoutLimitGetsReservation_data();
    void requestWithoutLimitGetsReservation();
    void unreportedUsageBilledWithinLimit();

private:
    void writeConfig(const QJsonObject &gates, const QJsonArray &models,
                     const QJsonObject &stages = {});
    void writePlanStage(double dailyBudgetUsd);
    bool startRouter();
    void stopRouter();
    QJsonObject getGates();
    RawResponse post(const QByteArray &body);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeOpenAiUpstream> m_upstream;
    std::unique_ptr<RouterService> m_service;
    quint16 m_port = 0;
};

void GatedRequestsTest::init() {
    qputenv("SIGNALBOX_TEST_FAKE_KEY", "sk-test-gates");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_upstream = std::make_unique<FakeOpenAiUpstream>();
    QVERIFY(m_upstream->listen());
}

void GatedRequestsTest::cleanup() {
    stopRouter();
    m_upstream.reset();
    m_dir.reset();
}

void GatedRequestsTest::writeConfig(const QJsonObject &gates, const QJsonArray &models,
                                    const QJsonObject &stages) {
    const QJsonObject config{
        {QLatin1String("version"), 1},
        {QLatin1String("server"),
         QJsonObject{{QLatin1String("listen"), QLatin1String("127.0.0.1:0")}}},
        {QLatin1String("providers"),
         QJsonObject{
             {QLatin1String("fake"),
              QJsonObject{{QLatin1String("kind"), QLatin1String("openai")},
                          {QLatin1String("base_url"), m_upstream->baseUrl()},
                          {QLatin1String("key_env"), QLatin1String("SIGNALBOX_TEST_FAKE_KEY")}}}}},
        {QLatin1String("models"), models},
        {QLatin1String("stages"), stages},
        {QLatin1String("routing"),
         QJsonObject{{QLatin1String("fallback_model"),
                      models.first().toObject().value(QLatin1String("id"))}}},
        {QLatin1String("gates"), gates}};
    QFile file(m_dir->filePath(QStringLiteral("config.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(config).toJson());
}

// A stage "plan" on the model "dear" with the fallback "cheap", under a daily budget.
void GatedRequestsTest::writePlanStage(double dailyBudgetUsd) {
    const QJsonObject stages{
        {QLatin1String("plan"),
         QJsonObject{{QLatin1String("model"), QLatin1String("dear")},
                     {QLatin1String("fallbacks"), QJsonArray{QLatin1String("cheap")}}}}};
    writeConfig(QJsonObject{{QLatin1String("daily_budget_usd"), dailyBudgetUsd}},
                QJsonArray{modelJson(QStringLiteral("cheap"), 0.1, 0.4),
                           modelJson(QStringLiteral("dear"), InputPrice, OutputPrice)},
                stages);
}

bool GatedRequestsTest::startRouter() {
    ServiceOptions options;
    options.configPath = m_dir->filePath(QStringLiteral("config.json"));
    options.dataDir = m_dir->filePath(QStringLiteral("data"));
    m_service = std::make_unique<RouterService>(options);
    QSignalSpy ready(m_service.get(), &RouterService::ready);
    QSignalSpy failed(m_service.get(), &RouterService::startFailed);
    m_service->start();
    if (!ready.wait(10000)) {
        qWarning() << "router did not start:" << failed;
        return false;
    }
    m_port = quint16(m_service->endpoint().port());
    return true;
}

void GatedRequestsTest::stopRouter() {
    if (m_service)
        m_service->stop();
    m_service.reset();
}

QJsonObject GatedRequestsTest::getGates() {
    RawHttpClient client;
    if (!client.connectTo(m_port))
        return {};
    client.send(getRequest("/api/gates"));
    return QJsonDocument::fromJson(client.nextResponse().body).object();
}

RawResponse GatedRequestsTest::post(const QByteArray &body) {
    RawHttpClient client;
    if (!client.connectTo(m_port))
        return {};
    client.send(postRequest("/v1/chat/completions", body));
    return client.nextResponse(20000);
}

void GatedRequestsTest::concurrentRequestsStayWithinBudget_data() {
    QTest::addColumn<bool>("stream");
    QTest::newRow("streamed") << true;
    QTest::newRow("not streamed") << false;
}

// Forty requests arrive together at a slow upstream, against a budget that fits ten worst
// cases. While they run, settled plus reserved spend never passes the budget, and every request
// the budget cannot take gets 402 naming the gate.
void GatedRequestsTest::concurrentRequestsStayWithinBudget() {
    QFETCH(bool, stream);
    const double worstCase = (2 * InputPrice + MaxTokens * OutputPrice) / 1e6;
    const double budget = 10.5 * worstCase;
    writeConfig(QJsonObject{{QLatin1String("daily_budget_usd"), budget},
                            {QLatin1String("timezone"), QLatin1String("UTC")}},
                QJsonArray{modelJson(QStringLiteral("m"), InputPrice, OutputPrice)});
    m_upstream->script().chunkDelayMs = 60;
    m_upstream->script().chunkCount = 6;
    // Responses wait long enough that all 40 requests reach the gate before any settles and frees
    // its hold, also on a loaded machine. Immediate responses let them pass one after another.
    m_upstream->script().answerDelayMs = 1000;
    QVERIFY(startRouter());

    constexpr int RequestCount = 40;
    std::vector<std::unique_ptr<RawHttpClient>> clients;
    for (int i = 0; i < RequestCount; ++i) {
        clients.push_back(std::make_unique<RawHttpClient>());
        QVERIFY(clients.back()->connectTo(m_port));
        clients.back()->send(
            postRequest("/v1/chat/completions", chatBody(QStringLiteral("m"), stream)));
    }

    // Watch the gate while the requests run.
    double highest = 0;
    for (int poll = 0; poll < 20; ++poll) {
        const QJsonObject daily = gateById(getGates(), QStringLiteral("daily_budget"));
        QVERIFY(!daily.isEmpty());
        const double held = daily.value(QLatin1String("spent")).toDouble() +
                            daily.value(QLatin1String("reserved")).toDouble();
        highest = qMax(highest, held);
        QVERIFY2(held <= budget + 1e-12, qPrintable(QString::number(held)));
        QTest::qWait(25);
    }
    QVERIFY(highest > 0);

    int admitted = 0;
    int rejected = 0;
    for (const auto &client : clients) {
        const RawResponse response = client->nextResponse(20000);
        if (response.status == 200) {
            ++admitted;
            continue;
        }
        QCOMPARE(response.status, 402);
        const QJsonObject error = QJsonDocument::fromJson(response.body)
                                      .object()
                                      .value(QLatin1String("error"))
                                      .toObject();
        QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("budget_exceeded"));
        QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("daily_budget"));
        QVERIFY2(error.value(QLatin1String("message"))
                     .toString()
                     .contains(QLatin1String("daily_budget")),
                 qPrintable(error.value(QLatin1String("message")).toString()));
        ++rejected;
    }
    QCOMPARE(admitted + rejected, RequestCount);
    QVERIFY(admitted >= 10);
    QVERIFY(rejected > 0);
    QCOMPARE(m_upstream->requests().size(), admitted);

    // Every admitted request settled to the reported usage, and no hold is left.
    QTRY_COMPARE_WITH_TIMEOUT(gateById(getGates(), QStringLiteral("daily_budget"))
                                  .value(QLatin1String("reserved"))
                                  .toDouble(),
                              0.0, 5000);
    const double spent = gateById(getGates(), QStringLiteral("daily_budget"))
                             .value(QLatin1String("spent"))
                             .toDouble();
    QVERIFY(spent <= budget);
    QVERIFY(qAbs(spent - admitted * ReportedCostUsd) < 1e-9);
}

void GatedRequestsTest::settledSpendMatchesReportedUsage() {
    writeConfig(QJsonObject{{QLatin1String("daily_budget_usd"), 5}},
                QJsonArray{modelJson(QStringLiteral("m"), InputPrice, OutputPrice)});
    m_upstream->script().promptTokens = 1000;
    m_upstream->script().completionTokens = 50;
    QVERIFY(startRouter());

    QCOMPARE(post(chatBody(QStringLiteral("m"), true)).status, 200);
    QCOMPARE(post(chatBody(QStringLiteral("m"), false)).status, 200);

    const double expected = 2 * (1000 * InputPrice + 50 * OutputPrice) / 1e6;
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(gateById(getGates(), QStringLiteral("daily_budget"))
                                      .value(QLatin1String("spent"))
                                      .toDouble() -
                                  expected) < 1e-9,
                             5000);
}

// When the stage's model does not fit the budget, its cheaper fallback serves the request.
void GatedRequestsTest::expensiveCandidateGivesWayToCheaper() {
    writePlanStage(0.001);
    QVERIFY(startRouter());

    const RawResponse response = post(chatBody(QStringLiteral("stage:plan"), false));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("x-signalbox-model"), QByteArray("cheap"));

    // The rejected candidate made no call, so the one call is the first attempt.
    const QString requestId = QString::fromLatin1(response.header("x-signalbox-request-id"));
    stopRouter();
    const Result<std::unique_ptr<LedgerReader>> ledger =
        LedgerReader::open(m_dir->filePath(QStringLiteral("data")));
    QVERIFY(ledger.ok());
    const std::optional<LedgerRecord> record = ledger.value()->find(requestId);
    QVERIFY(record.has_value());
    QCOMPARE(record->attempts, 1);
    QVERIFY2(record->trace.contains(QStringLiteral("attempt 1 on 'cheap' succeeded")),
             qPrintable(record->trace.join(QLatin1Char('\n'))));
}

// When every candidate is rejected, the response names the first one, whose rejection it
// carries, and not the last one tried.
void GatedRequestsTest::rejectionNamesFirstCandidate() {
    writePlanStage(0.000001);
    QVERIFY(startRouter());

    const RawResponse response = post(chatBody(QStringLiteral("stage:plan"), false));
    QCOMPARE(response.status, 402);
    QCOMPARE(response.header("x-signalbox-model"), QByteArray("dear"));
    QCOMPARE(m_upstream->requests().size(), 0);
}

// A budget under a dollar, as in a trial setup, must not read "$0.00 of $0.00" in its warning.
void GatedRequestsTest::smallBudgetWarningShowsDigits() {
    writeConfig(QJsonObject{{QLatin1String("daily_budget_usd"), 0.02},
                            {QLatin1String("reserve_output_tokens"), 50},
                            {QLatin1String("warn_at"), QJsonArray{0.5}}},
                QJsonArray{modelJson(QStringLiteral("m"), InputPrice, OutputPrice)});
    m_upstream->script().promptTokens = 1000;
    m_upstream->script().completionTokens = 50;
    QVERIFY(startRouter());
    QSignalSpy events(m_service.get(), &RouterService::eventLogged);

    QCOMPARE(post(chatBody(QStringLiteral("m"), false)).status, 200);
    QTRY_VERIFY(!events.isEmpty());
    const QString warning = events.first().first().toString();
    QVERIFY2(warning.contains(QLatin1String("reached 50% of its limit: $0.015000 of $0.020000")),
             qPrintable(warning));
}

void GatedRequestsTest::rateLimitRejectsWithRetryAfter() {
    writeConfig(
        QJsonObject{{QLatin1String("rate_limits"),
                     QJsonArray{QJsonObject{{QLatin1String("scope"), QLatin1String("model:m")},
                                            {QLatin1String("rpm"), 2}}}}},
        QJsonArray{modelJson(QStringLiteral("m"), InputPrice, OutputPrice)});
    QVERIFY(startRouter());

    QCOMPARE(post(chatBody(QStringLiteral("m"), false)).status, 200);
    QCOMPARE(post(chatBody(QStringLiteral("m"), false)).status, 200);
    const RawResponse third = post(chatBody(QStringLiteral("m"), false));
    QCOMPARE(third.status, 429);
    const int retryAfter = third.header("Retry-After").toInt();
    QVERIFY(retryAfter >= 1);
    QVERIFY(retryAfter <= 60);
    const QJsonObject error =
        QJsonDocument::fromJson(third.body).object().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("rate_limit_exceeded"));
    QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("rate:model:m:rpm"));
    QCOMPARE(m_upstream->requests().size(), 2);
}

// A new router on the same data folder starts from the spend the ledger recorded today, with
// no reservation left over.
void GatedRequestsTest::restartRebuildsSpendFromLedger() {
    writeConfig(QJsonObject{{QLatin1String("daily_budget_usd"), 5},
                            {QLatin1String("timezone"), QLatin1String("UTC")}},
                QJsonArray{modelJson(QStringLiteral("m"), InputPrice, OutputPrice)});
    QVERIFY(startRouter());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(post(chatBody(QStringLiteral("m"), i % 2 == 0)).status, 200);
    stopRouter();

    QVERIFY(startRouter());
    const QJsonObject daily = gateById(getGates(), QStringLiteral("daily_budget"));
    QVERIFY(qAbs(daily.value(QLatin1String("spent")).toDouble() - 3 * ReportedCostUsd) < 1e-9);
    QCOMPARE(daily.value(QLatin1String("reserved")).toDouble(), 0.0);
}

// The worst case that POST /api/route shows is what the gate reserves for the same request,
// also without max_tokens, where the reservation is gates.reserve_output_tokens and not the
// model's whole output limit.
void GatedRequestsTest::dryRunShowsReservation() {
    QJsonObject reasoner = modelJson(QStringLiteral("m"), InputPrice, OutputPrice);
    reasoner.insert(QLatin1String("reasoning_output_factor"), 2);
    writeConfig(QJsonObject{{QLatin1String("daily_budget_usd"), 100},
                            {QLatin1String("reserve_output_tokens"), 1000}},
                QJsonArray{reasoner});
    m_upstream->script().answerDelayMs = 1000;
    QVERIFY(startRouter());
    const QByteArray body =
        QJsonDocument(
            QJsonObject{{QLatin1String("model"), QLatin1String("m")},
                        {QLatin1String("messages"),
                         QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                                {QLatin1String("content"), QLatin1String("hi")}}}}})
            .toJson(QJsonDocument::Compact);

    RawHttpClient dryRun;
    QVERIFY(dryRun.connectTo(m_port));
    dryRun.send(postRequest("/api/route", body));
    const RawResponse route = dryRun.nextResponse();
    QCOMPARE(route.status, 200);
    const double routeCost = QJsonDocument::fromJson(route.body)
                                 .object()
                                 .value(QLatin1String("worst_case_cost_usd"))
                                 .toDouble();
    // 1000 reserved output tokens and twice as many reasoning ones, not the model's 16384.
    QVERIFY2(routeCost > 3000 * OutputPrice / 1e6 && routeCost < 3100 * OutputPrice / 1e6,
             qPrintable(QString::number(routeCost)));

    RawHttpClient chat;
    QVERIFY(chat.connectTo(m_port));
    chat.send(postRequest("/v1/chat/completions", body));
    double reserved = 0;
    QVERIFY(QTest::qWaitFor(
        [&] {
            reserved = gateById(getGates(), QStringLiteral("daily_budget"))
                           .value(QLatin1String("reserved"))
                           .toDouble();
            return reserved > 0;
        },
        10000));
    QVERIFY2(qAbs(reserved - routeCost) < 1e-8,
             qPrintable(QStringLiteral("reserved %1, /api/route %2").arg(reserved).arg(routeCost)));
    QCOMPARE(chat.nextResponse(20000).status, 200);
}

void GatedRequestsTest::requestWithoutLimitGetsReservation_data() {
    QTest::addColumn<QByteArray>("limitMember");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("none") << QByteArray() << qint64(3000);
    QTest::newRow("null") << QByteArray(R"("max_tokens":null,)") << qint64(3000);
    QTest::newRow("own limit") << QByteArray(R"("max_tokens":50,)") << qint64(50);
    QTest::newRow("own completion limit")
        << QByteArray(R"("max_completion_tokens":70,)") << qint64(70);
}

// A call can cost no more than its reservation. A request without a limit of its own goes
// upstream with the reserved output as its limit: 1000 tokens and twice as many reasoning ones,
// not the model's whole output, which a provider would otherwise allow.
void GatedRequestsTest::requestWithoutLimitGetsReservation() {
    QFETCH(QByteArray, limitMember);
    QFETCH(qint64, expected);
    QJsonObject reasoner = modelJson(QStringLiteral("m"), InputPrice, OutputPrice);
    reasoner.insert(QLatin1String("reasoning_output_factor"), 2);
    writeConfig(QJsonObject{{QLatin1String("daily_budget_usd"), 100},
                            {QLatin1String("reserve_output_tokens"), 1000}},
                QJsonArray{reasoner});
    QVERIFY(startRouter());

    const QByteArray body =
        "{" + limitMember + R"("model":"m","messages":[{"role":"user","content":"hi"}]})";
    QCOMPARE(post(body).status, 200);
    QCOMPARE(m_upstream->requests().size(), 1);
    const QJsonObject sent = QJsonDocument::fromJson(m_upstream->requests().first().body).object();
    const qint64 limit = sent.contains(QLatin1String("max_completion_tokens"))
                             ? sent.value(QLatin1String("max_completion_tokens")).toInteger()
                             : sent.value(QLatin1String("max_tokens")).toInteger();
    QCOMPARE(limit, expected);
}

// A response without usage is billed for an estimate of its answer's text, not of the JSON
// around it, and never for more than the call's output limit.
void GatedRequestsTest::unreportedUsageBilledWithinLimit() {
    writeConfig(QJsonObject{{QLatin1String("daily_budget_usd"), 100}},
                QJsonArray{modelJson(QStringLiteral("m"), InputPrice, OutputPrice)});
    m_upstream->script().omitUsage = true;
    QVERIFY(startRouter());

    QStringList requestIds;
    for (const int limit : {1000, 3}) {
        const RawResponse response =
            post(QStringLiteral(
                     R"({"model":"m","max_tokens":%1,"messages":[{"role":"user","content":"hi"}]})")
                     .arg(limit)
                     .toUtf8());
        QCOMPARE(response.status, 200);
        requestIds << QString::fromLatin1(response.header("x-signalbox-request-id"));
    }
    stopRouter();

    const Result<std::unique_ptr<LedgerReader>> ledger =
        LedgerReader::open(m_dir->filePath(QStringLiteral("data")));
    QVERIFY(ledger.ok());
    const std::optional<LedgerRecord> whole = ledger.value()->find(requestIds.at(0));
    QVERIFY(whole.has_value());
    QVERIFY(whole->usage.estimated);
    QCOMPARE(whole->usage.outputTokens, estimateTokens(m_upstream->script().reply));
    const std::optional<LedgerRecord> capped = ledger.value()->find(requestIds.at(1));
    QVERIFY(capped.has_value());
    QCOMPARE(capped->usage.outputTokens, 3);
}

QTEST_GUILESS_MAIN(GatedRequestsTest)
#include "tst_gatedrequests.moc"
