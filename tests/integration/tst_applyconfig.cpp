// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "fakes/fakeopenai.h"
#include "servicetesting.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace signalbox;

class TestApplyConfig : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void appliedConfigIsSavedAndRouted();
    void invalidEditIsRejectedWithPaths();
    void stageOverrideReachesEndpoint();
    void ownSaveIsNotReportedAsReload();
    void outsideEditIsStillReloaded();
    void demoEditsStayInMemory();

private:
    QString configPath() const { return m_dir->filePath(QStringLiteral("config.json")); }
    QByteArray readConfigFile() const;
    int applyAndWait(const Config &edited, QList<ConfigProblem> *problems = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeOpenAiUpstream> m_upstream;
    std::unique_ptr<RouterService> m_service;
    std::unique_ptr<QSignalSpy> m_events;
};

void TestApplyConfig::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_upstream = std::make_unique<FakeOpenAiUpstream>();
    QVERIFY(m_upstream->listen(QHostAddress::LocalHost));
    QFile file(configPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(testing::oneProviderConfig(QStringLiteral("local"), m_upstream->baseUrl(), false));
    file.close();

    ServiceOptions options;
    options.configPath = configPath();
    options.dataDir = m_dir->filePath(QStringLiteral("data"));
    options.listen = QStringLiteral("127.0.0.1:0");
    m_service = std::make_unique<RouterService>(options);
    m_events = std::make_unique<QSignalSpy>(m_service.get(), &RouterService::eventLogged);
    QSignalSpy changed(m_service.get(), &RouterService::configChanged);
    const QString failure = testing::startService(*m_service);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(m_service->config());
    QCOMPARE(changed.size(), 1);
}

void TestApplyConfig::cleanup() {
    m_events.reset();
    m_service.reset();
    m_upstream.reset();
    m_dir.reset();
}

QByteArray TestApplyConfig::readConfigFile() const {
    QFile file(configPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Applies an edit and waits for the outcome. Returns 1 when applied, 0 when rejected, -1 when
// no outcome arrived in time.
int TestApplyConfig::applyAndWait(const Config &edited, QList<ConfigProblem> *problems) {
    QSignalSpy applied(m_service.get(), &RouterService::configApplied);
    QSignalSpy failed(m_service.get(), &RouterService::configApplyFailed);
    const int id = m_service->applyConfig(edited);
    if (!QTest::qWaitFor([&] { return !applied.isEmpty() || !failed.isEmpty(); },
                         testing::kServiceWaitMs))
        return -1;
    if (!failed.isEmpty()) {
        if (failed.first().at(0).toInt() != id)
            return -1;
        if (problems)
            *problems = failed.first().at(1).value<QList<ConfigProblem>>();
        return 0;
    }
    return applied.first().at(0).toInt() == id ? 1 : -1;
}

void TestApplyConfig::appliedConfigIsSavedAndRouted() {
    Config edited = *m_service->config();
    ModelConfig large = edited.models.first();
    large.id = QStringLiteral("large");
    large.upstreamId = QStringLiteral("gpt-4o");
    large.price = {2.5, 10, 1.25, 2.5};
    edited.models << large;
    edited.stages.first().model = QStringLiteral("large");

    QSignalSpy changed(m_service.get(), &RouterService::configChanged);
    QCOMPARE(applyAndWait(edited), 1);
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_service->config()->findModel(QStringLiteral("large")));

    // The file contains the new config, unknown fields kept, and no temporary file is left over.
    const ConfigLoad saved = parseConfig(readConfigFile());
    QVERIFY(saved.ok());
    QCOMPARE(saved.config->findModel(QStringLiteral("large"))->upstreamId,
             QStringLiteral("gpt-4o"));
    QCOMPARE(saved.config->findStage(QStringLiteral("draft"))->model, QStringLiteral("large"));
    QVERIFY(readConfigFile().contains("an unknown field, kept on save"));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files),
             QStringList{QStringLiteral("config.json")});

    // A request afterwards is routed with the new config.
    const RawResponse response =
        testing::sendChat(quint16(m_service->endpoint().port()), QStringLiteral("stage:draft"));
    QVERIFY2(response.status == 200, response.body.constData());
    QCOMPARE(response.header("x-signalbox-model"), QByteArray("large"));
    QCOMPARE(m_upstream->requests().size(), 1);
    QCOMPARE(m_upstream->requests().first().json().value(QLatin1String("model")).toString(),
             QStringLiteral("gpt-4o"));
}

void TestApplyConfig::invalidEditIsRejectedWithPaths() {
    const QByteArray before = readConfigFile();
    Config edited = *m_service->config();
    edited.models.first().price.output = -1;
    edited.stages.first().model = QStringLiteral("missing");

    QList<ConfigProblem> problems;
    QCOMPARE(applyAndWait(edited, &problems), 0);
    QStringList paths;
    for (const ConfigProblem &problem : problems)
        paths << problem.path;
    QVERIFY2(paths.contains(QStringLiteral("models[0].price_per_mtok.output")),
             qPrintable(paths.join(u' ')));
    QVERIFY(paths.contains(QStringLiteral("stages.draft.model")));
    QCOMPARE(readConfigFile(), before);
    QCOMPARE(m_service->config()->models.first().price.output, 0.6);
}

void TestApplyConfig::stageOverrideReachesEndpoint() {
    Config edited = *m_service->config();
    ModelConfig large = edited.models.first();
    large.id = QStringLiteral("large");
    large.upstreamId = QStringLiteral("gpt-4o");
    edited.models << large;
    edited.stages.first().stageOverride =
        StageOverride{QStringLiteral("large"), QDateTime::currentDateTimeUtc().addSecs(3600)};
    QCOMPARE(applyAndWait(edited), 1);
    QVERIFY(readConfigFile().contains("\"override\""));

    const quint16 port = quint16(m_service->endpoint().port());
    RawResponse response = testing::sendChat(port, QStringLiteral("stage:draft"));
    QVERIFY2(response.status == 200, response.body.constData());
    QCOMPARE(response.header("x-signalbox-model"), QByteArray("large"));

    // An override whose time has passed no longer applies.
    edited.stages.first().stageOverride->until = QDateTime::currentDateTimeUtc().addSecs(-60);
    QCOMPARE(applyAndWait(edited), 1);
    response = testing::sendChat(port, QStringLiteral("stage:draft"));
    QVERIFY2(response.status == 200, response.body.constData());
    QCOMPARE(response.header("x-signalbox-model"), QByteArray("mini"));
}

void TestApplyConfig::ownSaveIsNotReportedAsReload() {
    Config edited = *m_service->config();
    edited.gates.dailyBudgetUsd = 12;
    QSignalSpy changed(m_service.get(), &RouterService::configChanged);
    QCOMPARE(applyAndWait(edited), 1);

    // Wait well past the watcher's merge interval; the save must not come back as a reload.
    QTest::qWait(600);
    QCOMPARE(changed.size(), 1);
    for (const QList<QVariant> &event : std::as_const(*m_events)) {
        const QString text = event.value(0).toString();
        QVERIFY2(!text.contains(QStringLiteral("reloaded")) &&
                     !text.contains(QStringLiteral("invalid")),
                 qPrintable(text));
    }
    QVERIFY(m_events->last().value(0).toString().contains(QStringLiteral("applied")));
}

void TestApplyConfig::outsideEditIsStillReloaded() {
    Config edited = *m_service->config();
    edited.gates.dailyBudgetUsd = 12;
    QCOMPARE(applyAndWait(edited), 1);

    QSignalSpy changed(m_service.get(), &RouterService::configChanged);
    QByteArray text = readConfigFile();
    text.replace("\"daily_budget_usd\": 12", "\"daily_budget_usd\": 13");
    QFile file(configPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    QVERIFY(changed.wait(testing::kServiceWaitMs));
    QCOMPARE(m_service->config()->gates.dailyBudgetUsd, 13.0);
}

void TestApplyConfig::demoEditsStayInMemory() {
    cleanup();
    m_dir = std::make_unique<QTemporaryDir>();
    ServiceOptions options;
    options.demo = true;
    options.demoTraffic = false;
    options.configPath = configPath(); // must stay untouched
    options.dataDir = m_dir->filePath(QStringLiteral("data"));
    options.listen = QStringLiteral("127.0.0.1:0");
    m_service = std::make_unique<RouterService>(options);
    const QString failure = testing::startService(*m_service);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    Config edited = *m_service->config();
    edited.gates.dailyBudgetUsd = 42;
    QCOMPARE(applyAndWait(edited), 1);
    QCOMPARE(m_service->config()->gates.dailyBudgetUsd, 42.0);
    QVERIFY(!QFile::exists(configPath()));
}

QTEST_GUILESS_MAIN(TestApplyConfig)
#include "tst_applyconfig.moc"
