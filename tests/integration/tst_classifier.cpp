// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The classifier of automatic routing against the fake OpenAI upstream over loopback: its call
// on its own with real gates and a real ledger, then inside a whole request through the router.
#include "api/classifiercall.h"
#include "config/configloader.h"
#include "fakes/fakeopenai.h"
#include "fakes/rawhttpclient.h"
#include "gating/clock.h"
#include "gating/gatepolicy.h"
#include "gating/gates.h"
#include "gating/memorygatestore.h"
#include "http/httpclient.h"
#include "ledger/ledger.h"
#include "ledger/ledgerreader.h"
#include "service/routerservice.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace signalbox;

namespace {

// The fake upstream reports 21 prompt and 9 completion tokens for every call.
constexpr double InputPrice = 10;   // USD per million tokens
constexpr double OutputPrice = 100; // USD per million tokens
constexpr double ReportedCostUsd = (21 * InputPrice + 9 * OutputPrice) / 1e6;

const char kVerdict[] = R"({"category":"architecture","difficulty":"high","confidence":0.9})";

// A prompt without any keyword the rules know, so their confidence stays below 0.6.
const QString kVaguePrompt = QStringLiteral("Pineapple on the fourth shelf, next to the jar.");

QJsonObject modelJson(const QString &id, int quality, double inputPrice, double outputPrice) {
    return QJsonObject{
        {QLatin1String("id"), id},
        {QLatin1String("provider"), QLatin1String("fake")},
        {QLatin1String("upstream_id"), QString(id + QLatin1String("-upstream"))},
        {QLatin1String("price_per_mtok"),
         QJsonObject{{QLatin1String("input"), inputPrice}, {QLatin1String("output"), outputPrice}}},
        {QLatin1String("context_window"), 128000},
        {QLatin1String("max_output_tokens"), 16384},
        {QLatin1String("quality"), quality},
        {QLatin1String("capabilities"), QJsonArray{QStringLiteral("json")}}};
}

QJsonObject configJson(const QString &baseUrl, double dailyBudgetUsd) {
    return QJsonObject{
        {QLatin1String("version"), 1},
        {QLatin1String("server"),
         QJsonObject{{QLatin1String("listen"), QLatin1String("127.0.0.1:0")}}},
        {QLatin1String("providers"),
         QJsonObject{
             {QLatin1String("fake"), QJsonObject{{QLatin1String("kind"), QLatin1String("openai")},
                                                 {QLatin1String("base_url"), baseUrl},
                                                 {QLatin1String("needs_key"), false}}}}},
        {QLatin1String("models"),
         QJsonArray{modelJson(QStringLiteral("cls"), 60, InputPrice, OutputPrice),
                    modelJson(QStringLiteral("strong"), 92, 20, 200)}},
        {QLatin1String("routing"),
         QJsonObject{{QLatin1String("fallback_model"), QLatin1String("cls")},
                     {QLatin1String("auto"),
                      QJsonObject{{QLatin1String("classifier_model"), QLatin1String("cls")},
                                  {QLatin1String("classifier_min_confidence"), 0.6}}}}},
        {QLatin1String("gates"), QJsonObject{{QLatin1String("daily_budget_usd"), dailyBudgetUsd},
                                             {QLatin1String("timezone"), QLatin1String("UTC")}}}};
}

QJsonObject chatBody(const QString &prompt) {
    return {{QLatin1String("model"), QLatin1String("auto")},
            {QLatin1String("messages"),
             QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                    {QLatin1String("content"), prompt}}}}};
}

} // namespace

class ClassifierTest : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void verdictIsBilledAndCached();
    void failures_data();
    void failures();
    void timeoutFallsBackToRules();
    void gateRejectionSkipsCall();
    void requestPathUsesVerdict();

private:
    // Builds the environment the request path gives the classifier: config, gates, ledger.
    void setUpEnvironment(double dailyBudgetUsd);
    ClassifierOutcome classify(const QString &prompt, const QString &requestId);
    QList<LedgerRecord> ledgerRows();
    double dailySpent();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeOpenAiUpstream> m_upstream;
    std::unique_ptr<HttpClient> m_network;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Gates> m_gates;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<ClassifierCache> m_cache;
    ApiEnvironment m_environment;
};

void ClassifierTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_upstream = std::make_unique<FakeOpenAiUpstream>();
    QVERIFY(m_upstream->listen());
    m_upstream->script().reply = QString::fromUtf8(kVerdict);
}

void ClassifierTest::cleanup() {
    m_environment = {};
    m_cache.reset();
    m_gates.reset();
    m_ledger.reset();
    m_clock.reset();
    m_network.reset();
    m_upstream.reset();
    m_dir.reset();
}

void ClassifierTest::setUpEnvironment(double dailyBudgetUsd) {
    const ConfigLoad load =
        parseConfig(QJsonDocument(configJson(m_upstream->baseUrl(), dailyBudgetUsd)).toJson());
    QVERIFY2(load.ok(), load.problems.isEmpty() ? "" : qPrintable(load.problems[0].toString()));

    m_network = std::make_unique<HttpClient>();
    m_clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());
    m_gates = std::make_unique<Gates>(std::make_unique<MemoryGateStore>(), *m_clock);
    QVERIFY(m_gates->setPolicy(gatePolicyFromConfig(load.config->gates)).ok());
    auto ledger = Ledger::open(m_dir->path());
    QVERIFY(ledger.ok());
    m_ledger = std::move(ledger.value());
    m_cache = std::make_unique<ClassifierCache>();

    m_environment.config = load.config;
    m_environment.network = m_network.get();
    m_environment.gates = m_gates.get();
    m_environment.ledger = m_ledger.get();
    m_environment.classifierCache = m_cache.get();
}

ClassifierOutcome ClassifierTest::classify(const QString &prompt, const QString &requestId) {
    ClassifierCall call(m_environment, requestId, QString(), chatBody(prompt));
    std::optional<ClassifierOutcome> result;
    call.start([&result](const ClassifierOutcome &outcome) { result = outcome; });
    // Bounded wait: the classifier's own limit is 3 s, so 10 s means it never completed.
    QDeadlineTimer deadline(10000);
    while (!result && !deadline.hasExpired())
        QTest::qWait(20);
    return result.value_or(ClassifierOutcome{std::nullopt, QStringLiteral("no outcome in 10 s")});
}

QList<LedgerRecord> ClassifierTest::ledgerRows() {
    m_ledger->flush();
    auto reader = LedgerReader::open(m_dir->path());
    if (!reader.ok())
        return {};
    return reader.value()->recent(100);
}

double ClassifierTest::dailySpent() {
    double spent = -1;
    m_gates->snapshot([&spent](const GateSnapshot &snapshot) {
        for (const GateStatus &gate : snapshot.gates) {
            if (gate.id == QLatin1String("daily_budget"))
                spent = gate.spent;
        }
    });
    return spent;
}

void ClassifierTest::verdictIsBilledAndCached() {
    setUpEnvironment(5);
    const ClassifierOutcome first = classify(kVaguePrompt, QStringLiteral("sb-first"));
    QVERIFY2(first.verdict.has_value(), qPrintable(first.note));
    QCOMPARE(first.verdict->category, TaskCategory::Architecture);
    QCOMPARE(first.verdict->difficulty, Difficulty::High);
    QCOMPARE(first.verdict->confidence, 0.9);
    QCOMPARE(first.verdict->model, QStringLiteral("cls"));
    QVERIFY(!first.verdict->fromCache);

    // One short JSON request to the classifier's upstream model.
    QCOMPARE(m_upstream->requests().size(), 1);
    const QJsonObject sent = m_upstream->requests().first().json();
    QCOMPARE(sent.value(QLatin1String("model")).toString(), QStringLiteral("cls-upstream"));
    QCOMPARE(sent.value(QLatin1String("max_tokens")).toInt(), 60);
    QCOMPARE(sent.value(QLatin1String("response_format"))
                 .toObject()
                 .value(QLatin1String("type"))
                 .toString(),
             QStringLiteral("json_object"));
    QVERIFY(QJsonDocument(sent).toJson().contains("Pineapple on the fourth shelf"));

    // The same prompt again comes from the cache, without a call and without a bill.
    const ClassifierOutcome second = classify(kVaguePrompt, QStringLiteral("sb-second"));
    QVERIFY(second.verdict.has_value());
    QVERIFY(second.verdict->fromCache);
    QCOMPARE(m_upstream->requests().size(), 1);

    const QList<LedgerRecord> rows = ledgerRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().kind, QStringLiteral("classifier"));
    QCOMPARE(rows.first().requestId, QStringLiteral("sb-first"));
    QCOMPARE(rows.first().status, QStringLiteral("ok"));
    QCOMPARE(rows.first().model, QStringLiteral("cls"));
    QVERIFY(qAbs(rows.first().costUsd - ReportedCostUsd) < 1e-12);
    QVERIFY(qAbs(dailySpent() - ReportedCostUsd) < 1e-12);
}

void ClassifierTest::failures_data() {
    QTest::addColumn<int>("errorStatus");
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("notePart");

    QTest::newRow("server error") << 500 << QString() << QStringLiteral("failed:");
    QTest::newRow("prose reply") << 0 << QStringLiteral("It looks like a design question.")
                                 << QStringLiteral("not a JSON object");
    QTest::newRow("unknown category")
        << 0 << QStringLiteral(R"({"category":"poetry","difficulty":"low"})")
        << QStringLiteral("unknown category");
}

void ClassifierTest::failures() {
    QFETCH(int, errorStatus);
    QFETCH(QString, reply);
    QFETCH(QString, notePart);
    setUpEnvironment(5);
    m_upstream->script().errorStatus = errorStatus;
    if (!reply.isEmpty())
        m_upstream->script().reply = reply;

    const ClassifierOutcome outcome = classify(kVaguePrompt, QStringLiteral("sb-fail"));
    QVERIFY(!outcome.verdict.has_value());
    QVERIFY2(outcome.note.contains(notePart), qPrintable(outcome.note));
    QCOMPARE(m_cache->size(), 0);

    const QList<LedgerRecord> rows = ledgerRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().kind, QStringLiteral("classifier"));
    QCOMPARE(rows.first().status, QStringLiteral("error"));
}

void ClassifierTest::timeoutFallsBackToRules() {
    setUpEnvironment(5);
    m_upstream->script().stall = true;
    const ClassifierOutcome outcome = classify(kVaguePrompt, QStringLiteral("sb-slow"));
    QVERIFY(!outcome.verdict.has_value());
    QCOMPARE(outcome.note, QStringLiteral("failed: timed out after 3000 ms"));

    // The stalled call may still be billed, so its row carries the estimated prompt.
    const QList<LedgerRecord> rows = ledgerRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().status, QStringLiteral("error"));
    QVERIFY(rows.first().usage.estimated);
    QVERIFY(rows.first().usage.inputTokens > 0);
    QVERIFY(rows.first().costUsd > 0);
}

void ClassifierTest::gateRejectionSkipsCall() {
    setUpEnvironment(0.000001);
    const ClassifierOutcome outcome = classify(kVaguePrompt, QStringLiteral("sb-poor"));
    QVERIFY(!outcome.verdict.has_value());
    QCOMPARE(outcome.note, QStringLiteral("gate daily_budget rejected the classifier call"));
    QCOMPARE(m_upstream->requests().size(), 0);
    const QList<LedgerRecord> rows = ledgerRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().status, QStringLiteral("rejected"));
    QCOMPARE(rows.first().costUsd, 0.0);
}

// A vague auto request through the router: the classifier is asked first, its verdict (high
// difficulty) sends the request to the strong model, and both calls are in the ledger.
void ClassifierTest::requestPathUsesVerdict() {
    QFile file(m_dir->filePath(QStringLiteral("config.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(configJson(m_upstream->baseUrl(), 5)).toJson());
    file.close();

    ServiceOptions options;
    options.configPath = file.fileName();
    options.dataDir = m_dir->filePath(QStringLiteral("data"));
    RouterService service(options);
    QSignalSpy ready(&service, &RouterService::ready);
    service.start();
    QVERIFY(ready.wait(10000));
    const quint16 port = quint16(service.endpoint().port());

    const QByteArray body = QJsonDocument(chatBody(kVaguePrompt)).toJson(QJsonDocument::Compact);
    RawHttpClient client;
    QVERIFY(client.connectTo(port));
    client.send(postRequest("/v1/chat/completions", body));
    const RawResponse response = client.nextResponse(20000);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("x-signalbox-route"), QByteArray("auto"));
    QCOMPARE(response.header("x-signalbox-model"), QByteArray("strong"));
    QCOMPARE(m_upstream->requests().size(), 2);
    QCOMPARE(m_upstream->requests().at(0).json().value(QLatin1String("model")).toString(),
             QStringLiteral("cls-upstream"));

    // The dry run now finds the verdict in the cache and reports it.
    RawHttpClient dryRun;
    QVERIFY(dryRun.connectTo(port));
    dryRun.send(postRequest("/api/route", body));
    const QJsonObject decision = QJsonDocument::fromJson(dryRun.nextResponse().body).object();
    const QJsonObject classifier = decision.value(QLatin1String("classifier")).toObject();
    QCOMPARE(classifier.value(QLatin1String("cached")).toBool(), true);
    QCOMPARE(classifier.value(QLatin1String("wanted")).toBool(), false);
    QVERIFY2(
        classifier.value(QLatin1String("note")).toString().contains(QLatin1String("at confidence")),
        qPrintable(classifier.value(QLatin1String("note")).toString()));
    QCOMPARE(classifier.value(QLatin1String("category")).toString(),
             QStringLiteral("architecture"));
    // Figures are rounded to a millionth, without binary tails such as 0.7999999999999999.
    for (const QJsonValue &entry : decision.value(QLatin1String("scores")).toArray()) {
        for (const char *field : {"score", "quality_score", "price_score"}) {
            const double value = entry.toObject().value(QLatin1String(field)).toDouble();
            QVERIFY2(
                std::abs(value * 1e6 - std::round(value * 1e6)) < 1e-6,
                qPrintable(
                    QStringLiteral("%1 = %2").arg(QLatin1String(field)).arg(value, 0, 'g', 17)));
        }
    }
    QCOMPARE(decision.value(QLatin1String("profile"))
                 .toObject()
                 .value(QLatin1String("source"))
                 .toString(),
             QStringLiteral("classifier"));
    const QJsonObject profile = decision.value(QLatin1String("profile")).toObject();
    QCOMPARE(profile.value(QLatin1String("category")).toString(), QStringLiteral("architecture"));
    QCOMPARE(profile.value(QLatin1String("difficulty")).toString(), QStringLiteral("high"));
    QCOMPARE(profile.value(QLatin1String("confidence")).toDouble(), 0.9);
    const QJsonArray scores = decision.value(QLatin1String("scores")).toArray();
    QCOMPARE(scores.size(), 2);
    const QJsonObject best = scores.first().toObject();
    QCOMPARE(best.value(QLatin1String("model")).toString(), QStringLiteral("strong"));
    for (const QString &field :
         {QStringLiteral("score"), QStringLiteral("quality_score"), QStringLiteral("price_score"),
          QStringLiteral("expected_cost_usd")})
        QVERIFY2(best.value(field).isDouble(), qPrintable(field));
    // High difficulty: the classifier model (quality 60) is below the floor of 78 and ranks last.
    QVERIFY(best.value(QLatin1String("meets_min_quality")).toBool());
    QVERIFY(!scores.last().toObject().value(QLatin1String("meets_min_quality")).toBool());
    QCOMPARE(m_upstream->requests().size(), 2);

    // GET /api/usage lists both rows, each with its kind. Ledger writes are batched, so it polls.
    QStringList kinds;
    for (int attempt = 0; attempt < 50 && kinds.size() < 2; ++attempt) {
        RawHttpClient usage;
        QVERIFY(usage.connectTo(port));
        usage.send(getRequest("/api/usage"));
        const QJsonArray recent = QJsonDocument::fromJson(usage.nextResponse().body)
                                      .object()
                                      .value(QLatin1String("recent"))
                                      .toArray();
        kinds.clear();
        for (const QJsonValue &row : recent)
            kinds << row.toObject().value(QLatin1String("kind")).toString();
        if (kinds.size() < 2)
            QTest::qWait(100);
    }
    kinds.sort();
    QCOMPARE(kinds, (QStringList{QStringLiteral("classifier"), QStringLiteral("request")}));
    service.stop();

    auto reader = LedgerReader::open(options.dataDir);
    QVERIFY(reader.ok());
    const QList<LedgerRecord> rows = reader.value()->recent(10);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).requestId, rows.at(1).requestId);
    QStringList rowKinds{rows.at(0).kind, rows.at(1).kind};
    rowKinds.sort();
    QCOMPARE(rowKinds, (QStringList{QStringLiteral("classifier"), QStringLiteral("request")}));
    const LedgerRecord request = *reader.value()->find(rows.at(0).requestId);
    QCOMPARE(request.kind, QStringLiteral("request"));
    QCOMPARE(request.model, QStringLiteral("strong"));
    const QString trace = request.trace.join(u'\n');
    QVERIFY2(trace.contains(QLatin1String("auto classifier: 'cls' answered architecture/high")),
             qPrintable(trace));
}

QTEST_GUILESS_MAIN(ClassifierTest)
#include "tst_classifier.moc"
