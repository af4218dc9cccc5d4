// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "api/chatrun.h"
#include "ledger/ledger.h"
#include "ledger/ledgerreader.h"

#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <limits>

using namespace signalbox;

Q_DECLARE_METATYPE(signalbox::UsageBucket)

namespace {

const QDateTime baseTime(QDate(2026, 3, 1), QTime(12, 34, 56, 789), Qt::UTC);

LedgerRecord fullRecord(const QString &requestId) {
    LedgerRecord record;
    record.time = baseTime;
    record.requestId = requestId;
    record.endpoint = QStringLiteral("/v1/chat/completions");
    record.stage = QStringLiteral("plan");
    record.route = QStringLiteral("fallback");
    record.trace = {
        QStringLiteral("stage plan allows gpt-4.1, claude-sonnet"),
        QStringLiteral("gpt-4.1 returned 529, \"overloaded\"; trying the next"),
        QStringLiteral("escapes: back\\slash, tab\t, line\n, bell\a, caf\u00e9 \U0001F600")};
    record.model = QStringLiteral("claude-sonnet");
    record.provider = QStringLiteral("anthropic");
    record.attempts = 2;
    record.status = QStringLiteral("client_cancelled");
    record.httpStatus = 200;
    record.error = QStringLiteral("client closed the connection");
    record.usage.inputTokens = 12000;
    record.usage.cachedTokens = 8000;
    record.usage.cacheWriteTokens = 1500;
    record.usage.outputTokens = 900;
    record.usage.reasoningTokens = 300;
    record.usage.estimated = true;
    record.estimatedInputTokens = 11800;
    record.costUsd = 0.0421375;
    record.latencyMs = 5234;
    record.ttftMs = 412;
    record.streamed = true;
    record.kind = QStringLiteral("request");
    return record;
}

LedgerRecord spendRecord(const QString &requestId, const QString &model, const QString &stage,
                         const QString &kind, double costUsd) {
    LedgerRecord record;
    record.time = baseTime;
    record.requestId = requestId;
    record.model = model;
    record.stage = stage;
    record.kind = kind;
    record.costUsd = costUsd;
    record.usage.inputTokens = 100;
    record.usage.cachedTokens = 10;
    record.usage.outputTokens = 20;
    record.usage.reasoningTokens = 5;
    return record;
}

std::unique_ptr<Ledger> openLedger(const QString &dataDir) {
    Result<std::unique_ptr<Ledger>> result = Ledger::open(dataDir);
    if (!result) {
        qWarning().noquote() << result.error();
        return nullptr;
    }
    return std::move(result).value();
}

std::unique_ptr<LedgerReader> openReader(const QString &dataDir) {
    Result<std::unique_ptr<LedgerReader>> result = LedgerReader::open(dataDir);
    if (!result) {
        qWarning().noquote() << result.error();
        return nullptr;
    }
    return std::move(result).value();
}

// Runs one statement on a separate read-write connection and returns the first column of its
// first row.
QVariant queryFile(const QString &filePath, const QString &sql) {
    const QString name = QStringLiteral("tst_ledger-raw");
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(filePath);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

void compareRecords(const LedgerRecord &actual, const LedgerRecord &expected) {
    QCOMPARE(actual.time, expected.time);
    QCOMPARE(actual.time.timeSpec(), Qt::UTC);
    QCOMPARE(actual.requestId, expected.requestId);
    QCOMPARE(actual.endpoint, expected.endpoint);
    QCOMPARE(actual.stage, expected.stage);
    QCOMPARE(actual.route, expected.route);
    QCOMPARE(actual.trace, expected.trace);
    QCOMPARE(actual.model, expected.model);
    QCOMPARE(actual.provider, expected.provider);
    QCOMPARE(actual.attempts, expected.attempts);
    QCOMPARE(actual.status, expected.status);
    QCOMPARE(actual.httpStatus, expected.httpStatus);
    QCOMPARE(actual.error, expected.error);
    QCOMPARE(actual.usage.inputTokens, expected.usage.inputTokens);
    QCOMPARE(actual.usage.cachedTokens, expected.usage.cachedTokens);
    QCOMPARE(actual.usage.cacheWriteTokens, expected.usage.cacheWriteTokens);
    QCOMPARE(actual.usage.outputTokens, expected.usage.outputTokens);
    QCOMPARE(actual.usage.reasoningTokens, expected.usage.reasoningTokens);
    QCOMPARE(actual.usage.estimated, expected.usage.estimated);
    QCOMPARE(actual.estimatedInputTokens, expected.estimatedInputTokens);
    QCOMPARE(actual.costUsd, expected.costUsd);
    QCOMPARE(actual.latencyMs, expected.latencyMs);
    QCOMPARE(actual.ttftMs, expected.ttftMs);
    QCOMPARE(actual.streamed, expected.streamed);
    QCOMPARE(actual.kind, expected.kind);
}

void compareBuckets(const QList<UsageBucket> &actual, const QList<UsageBucket> &expected) {
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i) {
        QCOMPARE(actual.at(i).key, expected.at(i).key);
        QCOMPARE(actual.at(i).costUsd, expected.at(i).costUsd);
        QCOMPARE(actual.at(i).requests, expected.at(i).requests);
        QCOMPARE(actual.at(i).inputTokens, expected.at(i).inputTokens);
        QCOMPARE(actual.at(i).outputTokens, expected.at(i).outputTokens);
    }
}

} // namespace

class TestLedger : public QObject {
    Q_OBJECT

private slots:
    void roundTripKeepsEveryField_data();
    void roundTripKeepsEveryField();
    void nonFiniteCostStoredAsZero();
    void walModeIsOn();
    void concurrentRecordsAllLand();
    void summarizeSumsByModelAndStage_data();
    void summarizeSumsByModelAndStage();
    void sinceExcludesOlderRows();
    void requestCountsPerMinute();
    void recentIsNewestFirst();
    void findPrefersRequestRow();
    void reopenKeepsDataAndVersion();
    void recordedSignalFires();
    void recordedBatchSignalPerCommit();
    void uncreatableDataDirFails();
    void newerSchemaIsRejected();
    void readerOfMissingFileFails();
    void requestIdsSortByTime();
};

void TestLedger::roundTripKeepsEveryField_data() {
    QTest::addColumn<LedgerRecord>("record");

    QTest::newRow("every field set") << fullRecord(QStringLiteral("req-full"));

    LedgerRecord minimal;
    minimal.time = baseTime;
    minimal.requestId = QStringLiteral("req-minimal");
    QTest::newRow("null strings and defaults") << minimal;

    LedgerRecord classifier = fullRecord(QStringLiteral("req-classifier"));
    classifier.kind = QStringLiteral("classifier");
    classifier.stage.clear();
    classifier.trace.clear();
    classifier.usage.estimated = false;
    classifier.streamed = false;
    classifier.ttftMs = -1;
    QTest::newRow("classifier without stage") << classifier;
}

void TestLedger::roundTripKeepsEveryField() {
    QFETCH(LedgerRecord, record);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::unique_ptr<Ledger> ledger = openLedger(dir.path());
    QVERIFY(ledger);

    ledger->record(record);
    ledger->flush();

    std::unique_ptr<LedgerReader> reader = openReader(dir.path());
    QVERIFY(reader);
    const std::optional<LedgerRecord> stored = reader->find(record.requestId);
    QVERIFY(stored);
    compareRecords(*stored, record);

    const QString nullCosts = QStringLiteral("SELECT COUNT(*) FROM ledger WHERE cost_usd IS NULL");
    QCOMPARE(queryFile(ledger->filePath(), nullCosts).toInt(), 0);
}

void TestLedger::nonFiniteCostStoredAsZero() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::unique_ptr<Ledger> ledger = openLedger(dir.path());
    QVERIFY(ledger);

    LedgerRecord record = fullRecord(QStringLiteral("req-nan"));
    record.costUsd = std::numeric_limits<double>::quiet_NaN();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("req-nan")));
    ledger->record(record);
    ledger->flush();

    std::unique_ptr<LedgerReader> reader = openReader(dir.path());
    QVERIFY(reader);
    const std::optional<LedgerRecord> stored = reader->find(record.requestId);
    QVERIFY(stored);
    QCOMPARE(stored->costUsd, 0.0);
}

void TestLedger::walModeIsOn() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::unique_ptr<Ledger> ledger = openLedger(dir.path());
    QVERIFY(ledger);

    const QVariant mode = queryFile(ledger->filePath(), QStringLiteral("PRAGMA journal_mode"));
    QCOMPARE(mode.toString(), QStringLiteral("wal"));
}

void TestLedger::concurrentRecordsAllLand() {
    constexpr int threadCount = 4;
    constexpr int rowsPerThread = 250;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::unique_ptr<Ledger> ledger = openLedger(dir.path());
    QVERIFY(ledger);
    QSignalSpy spy(ledger.get(), &Ledger::recorded);

    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back(QThread::create([&ledger, t] {
            for (int i = 0; i < rowsPerThread; ++i) {
                const QString id = QStringLiteral("req-%1-%2").arg(t).arg(i);
                ledger->record(spendRecord(id, QStringLiteral("m"), QString(),
                                           QStringLiteral("request"), 0.25));
            }
        }));
        threads.back()->start();
    }
    for (const std::unique_ptr<QThread> &thread : threads)
        QVERIFY(thread->wait(QDeadlineTimer(30000)));
    ledger->flush();

    const int expected = threadCount * rowsPerThread;
    QCOMPARE(spy.count(), expected);
    const QString distinctIds = QStringLiteral("SELECT COUNT(DISTINCT request_id) FROM ledger");
    QCOMPARE(queryFile(ledger->filePath(), distinctIds).toInt(), expected);

    std::unique_ptr<LedgerReader> reader = openReader(dir.path());
    QVERIFY(reader);
    const UsageSummary summary = reader->summarize(QDateTime());
    QCOMPARE(summary.requests, qint64(expected));
    QCOMPARE(summary.costUsd, 0.25 * expected);
}

void TestLedger::summarizeSumsByModelAndStage_data() {
    QTest::addColumn<QList<LedgerRecord>>("records");
    QTest::addColumn<double>("costUsd");
    QTest::addColumn<qint64>("requests");
    QTest::addColumn<QList<UsageBucket>>("byModel");
    QTest::addColumn<QList<UsageBucket>>("byStage");

    const QString request = QStringLiteral("request");
    const QString classifier = QStringLiteral("classifier");
    const QString a = QStringLiteral("model-a");
    const QString b = QStringLiteral("model-b");
    const QString plan = QStringLiteral("plan");
    const QString code = QStringLiteral("code");

    QTest::newRow("no rows") << QList<LedgerRecord>{} << 0.0 << qint64(0) << QList<UsageBucket>{}
                             << QList<UsageBucket>{};

    QTest::newRow("one model one stage")
        << QList<LedgerRecord>{spendRecord(QStringLiteral("r1"), a, plan, request, 0.5),
                               spendRecord(QStringLiteral("r2"), a, plan, request, 0.25)}
        << 0.75 << qint64(2) << QList<UsageBucket>{{a, 0.75, 2, 200, 40}}
        << QList<UsageBucket>{{plan, 0.75, 2, 200, 40}};

    QTest::newRow("two models, highest cost first")
        << QList<LedgerRecord>{spendRecord(QStringLiteral("r1"), a, plan, request, 0.5),
                               spendRecord(QStringLiteral("r2"), b, code, request, 2.0),
                               spendRecord(QStringLiteral("r3"), b, plan, request, 1.0)}
        << 3.5 << qint64(3) << QList<UsageBucket>{{b, 3.0, 2, 200, 40}, {a, 0.5, 1, 100, 20}}
        << QList<UsageBucket>{{code, 2.0, 1, 100, 20}, {plan, 1.5, 2, 200, 40}};

    QTest::newRow("classifier adds cost, not requests")
        << QList<LedgerRecord>{spendRecord(QStringLiteral("r1"), a, plan, request, 1.0),
                               spendRecord(QStringLiteral("r1"), b, plan, classifier, 0.125)}
        << 1.125 << qint64(1) << QList<UsageBucket>{{a, 1.0, 1, 100, 20}, {b, 0.125, 0, 100, 20}}
        << QList<UsageBucket>{{plan, 1.125, 1, 200, 40}};

    QTest::newRow("no stage groups under empty key")
        << QList<LedgerRecord>{spendRecord(QStringLiteral("r1"), a, QString(), request, 1.0),
                               spendRecord(QStringLiteral("r2"), a, plan, request, 2.0)}
        << 3.0 << qint64(2) << QList<UsageBucket>{{a, 3.0, 2, 200, 40}}
        << QList<UsageBucket>{{plan, 2.0, 1, 100, 20}, {QString(), 1.0, 1, 100, 20}};
}

void TestLedger::summarizeSumsByModelAndStage() {
    QFETCH(QList<LedgerRecord>, records);
    QFETCH(double, costUsd);
    QFETCH(qint64, requests);
    QFETCH(QList<UsageBucket>, byModel);
    QFETCH(QList<UsageBucket>, byStage);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::unique_ptr<Ledger> ledger = openLedger(dir.path());
    QVERIFY(ledger);

    for (const LedgerRecord &record : std::as_const(records))
        ledger->record(record);
    ledger->flush();

    std::unique_ptr<LedgerReader> reader = openReader(dir.path());
    QVERIFY(reader);
    const UsageSummary summary = reader->summarize(baseTime.addDays(-1));
    const qint64 rows = records.size();
    QCOMPARE(summary.costUsd, costUsd);
    QCOMPARE(summary.requests, requests);
    QCOMPARE(summary.inputTokens, 100 * rows);
    QCOMPARE(summary.cachedTokens, 10 * rows);
    QCOMPARE(summary.outputTokens, 20 * rows);
    QCOMPARE(summary.reasoningTokens, 5 * rows);
    compareBuckets(summary.byModel, byModel);
    compareBuckets(summary.byStage, byStage);
    QCOMPARE(reader->spendSince(baseTime.addDays(-1)), costUsd);
}

void TestLedger::sinceExcludesOlderRows() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::unique_ptr<Ledger> ledger = openLedger(dir.path());
    QVERIFY(ledger);

    const QList<int> hoursAgo = {3, 2, 1, 0};
    for (int hours : hoursAgo) {
        LedgerRecord record = spendRecord(QStringLiteral("r%1").arg(hours), QStringLiteral("m"),
                                          QStringLiteral("s"), QStringLiteral("request"), 1.5);
        record.time = baseTime.addSecs(-3600 * hours);
        ledger->record(record);
    }
    ledger->flush();

    std::unique_ptr<LedgerReader> reader = openReader(dir.path());
    QVERIFY(reader);
    const QDateTime since = baseTime.addSecs(-3600);
    const UsageSummary summary = reader->summarize(since);
    QCOMPARE(summary.requests, qint64(2));
    QCOMPARE(summary.costUsd, 3.0);
    QCOMPARE(summary.byModel.size(), 1);
    QCOMPARE(summary.byModel.first().requests, qint64(2));
    QCOMPARE(reader->spendSince(since), 3.0);
    QCOMPARE(reader->spendSince(baseTime.addSecs(1)), 0.0);

    const QList<QPair<QDateTime, double>> points = reader->cumulativeSpend(since);
    QCOMPARE(points.size(), 2);
    QCOMPARE(points.at(0).first, since);
    QCOMPARE(points.at(0).second, 1.5);
    QCOMPARE(points.at(1).first, baseTime);
    QCOMPARE(points.at(1).second, 3.0);
}

void TestLedger::requestCountsPerMinute() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::unique_ptr<Ledger> ledger = openLedger(dir.path());
    QVERIFY(ledger);

    // baseTime is 12:34:56.789: two requests and a classifier call in that minute, one request
    // at 12:33:10, and one request an hour earlier that since leaves out.
    const QDateTime minute(QDate(2026, 3, 1), QTime(12, 34), Qt::UTC);
    const struct {
        qint64 offsetMs;
        const char *kind;
    } rows[] = {{0, "request"},
                {-1000, "request"},
                {-500, "classifier"},
                {-106789, "request"},
                {-3600000, "request"}};
    int id = 0;
    for (const auto &row : rows) {
        LedgerRecord record = spendRecord(QStringLiteral("c%1").arg(id++), QStringLiteral("m"),
                                          QString(), QLatin1String(row.kind), 0.01);
        record.time = baseTime.addMSecs(row.offsetMs);
        ledger->record(record);
    }
    ledger->flush();

    std::unique_ptr<LedgerReader> reader = openReader(dir.path());
    QVERIFY(reader);
    const QList<QPair<QDateTime, qint64>> counts = reader->requestCounts(minute.addSecs(-600));
    QCOMPARE(counts.size(), 2);
    QCOMPARE(counts.at(0).first, minute.addSecs(-60));
    QCOMPARE(counts.at(0).second, qint64(1));
    QCOMPARE(counts.at(1).first, minute);
    QCOMPARE(counts.at(1).second, qint64(2));
    QCOMPARE(reader->requestCounts(baseTime.addSecs(1)).size(), 0);
}

void TestLedger::recentIsNewestFirst() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::unique_ptr<Ledger> ledger = openLedger(dir.path());
    QVERIFY(ledger);

    for (int i = 0; i < 5; ++i) {
        LedgerRecord record = fullRecord(QStringLiteral("req-%1").arg(i));
        record.time = baseTime.addMSecs(i);
        ledger->record(record);
    }
    ledger->flush();

    std::unique_ptr<LedgerReader> reader = openReader(dir.path());
    QVERIFY(reader);
    const QList<LedgerRecord> records = reader->recent(3);
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(0).requestId, QStringLiteral("req-4"));
    QCOMPARE(records.at(1).requestId, QStringLiteral("req-3"));
    QCOMPARE(records.at(2).requestId, QStringLiteral("req-2"));
    QCOMPARE(reader->recent(0).size(), 0);
    QCOMPARE(reader->recent(100).size(), 5);
}

void TestLedger::findPrefersRequestRow() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::unique_ptr<Ledger> ledger = openLedger(dir.path());
    QVERIFY(ledger);

    const QString id = QStringLiteral("req-shared");
    ledger->record(
        spendRecord(id, QStringLiteral("small"), QString(), QStringLiteral("classifier"), 0.001));
    ledger->record(spendRecord(id, QStringLiteral("big"), QString(), QStringLiteral("request"), 1));
    ledger->record(spendRecord(QStringLiteral("req-only-classifier"), QStringLiteral("small"),
                               QString(), QStringLiteral("classifier"), 0.001));
    ledger->flush();

    std::unique_ptr<LedgerReader> reader = openReader(dir.path());
    QVERIFY(reader);
    const std::optional<LedgerRecord> shared = reader->find(id);
    QVERIFY(shared);
    QCOMPARE(shared->kind, QStringLiteral("request"));
    QCOMPARE(shared->model, QStringLiteral("big"));

    const std::optional<LedgerRecord> classifierOnly =
        reader->find(QStringLiteral("req-only-classifier"));
    QVERIFY(classifierOnly);
    QCOMPARE(classifierOnly->kind, QStringLiteral("classifier"));
    QVERIFY(!reader->find(QStringLiteral("req-missing")));
}

void TestLedger::reopenKeepsDataAndVersion() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::unique_ptr<Ledger> ledger = openLedger(dir.path());
    QVERIFY(ledger);
    const QString filePath = ledger->filePath();

    // No flush: the destructor must write what is queued.
    ledger->record(fullRecord(QStringLiteral("req-before")));
    ledger.reset();
    QCOMPARE(queryFile(filePath, QStringLiteral("PRAGMA user_version")).toInt(), 1);

    // The console may read while no writer runs.
    {
        std::unique_ptr<LedgerReader> reader = openReader(dir.path());
        QVERIFY(reader);
        QVERIFY(reader->find(QStringLiteral("req-before")));
    }

    ledger = openLedger(dir.path());
    QVERIFY(ledger);
    ledger->record(fullRecord(QStringLiteral("req-after")));
    ledger->flush();

    QCOMPARE(queryFile(filePath, QStringLiteral("PRAGMA user_version")).toInt(), 1);
    QCOMPARE(queryFile(filePath, QStringLiteral("SELECT COUNT(*) FROM ledger")).toInt(), 2);
    std::unique_ptr<LedgerReader> reader = openReader(dir.path());
    QVERIFY(reader);
    QVERIFY(reader->find(QStringLiteral("req-before")));
    QVERIFY(reader->find(QStringLiteral("req-after")));
}

void TestLedger::recordedSignalFires() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::unique_ptr<Ledger> ledger = openLedger(dir.path());
    QVERIFY(ledger);

    // A receiver on this thread gets the row through a queued connection, as the console does.
    QStringList received;
    QObject context;
    connect(ledger.get(), &Ledger::recorded, &context,
            [&received](const LedgerRecord &record) { received.append(record.requestId); });

    // No flush: the batch timer alone must write the row.
    ledger->record(fullRecord(QStringLiteral("req-signal")));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
    QCOMPARE(received.first(), QStringLiteral("req-signal"));
}

void TestLedger::recordedBatchSignalPerCommit() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::unique_ptr<Ledger> ledger = openLedger(dir.path());
    QVERIFY(ledger);

    // A receiver on this thread, as the console is, gets one queued call for the whole batch.
    QList<QStringList> batches;
    QObject context;
    connect(ledger.get(), &Ledger::recordedBatch, &context,
            [&batches](const QList<LedgerRecord> &records) {
                QStringList ids;
                for (const LedgerRecord &record : records)
                    ids.append(record.requestId);
                batches.append(ids);
            });

    // Rows queued together are committed in one batch, well within the batch window.
    const QStringList expected{QStringLiteral("req-a"), QStringLiteral("req-b"),
                               QStringLiteral("req-c")};
    for (const QString &id : expected)
        ledger->record(fullRecord(id));
    ledger->flush();
    QTRY_COMPARE_WITH_TIMEOUT(batches.size(), 1, 10000);
    QCOMPARE(batches.first(), expected);
    QTest::qWait(100);
    QCOMPARE(batches.size(), 1);
}

void TestLedger::uncreatableDataDirFails() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("plain-file")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();

    // The error names the part of the path that is a file, whether a parent or the folder itself.
    const QString isFile = file.fileName() + QStringLiteral(" is a file");
    const QString dataDir = file.fileName() + QStringLiteral("/data");
    const Result<std::unique_ptr<Ledger>> result = Ledger::open(dataDir);
    QVERIFY(!result);
    QVERIFY2(result.error().contains(dataDir), qPrintable(result.error()));
    QVERIFY2(result.error().contains(isFile), qPrintable(result.error()));

    const Result<std::unique_ptr<Ledger>> itself = Ledger::open(file.fileName());
    QVERIFY(!itself);
    QVERIFY2(itself.error().contains(isFile), qPrintable(itself.error()));
}

void TestLedger::newerSchemaIsRejected() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString filePath = dir.filePath(QStringLiteral("ledger.sqlite"));
    queryFile(filePath, QStringLiteral("PRAGMA user_version = 2"));
    QCOMPARE(queryFile(filePath, QStringLiteral("PRAGMA user_version")).toInt(), 2);

    const Result<std::unique_ptr<Ledger>> result = Ledger::open(dir.path());
    QVERIFY(!result);
    QVERIFY2(result.error().contains(filePath), qPrintable(result.error()));
    QVERIFY2(result.error().contains(QStringLiteral("version 2")), qPrintable(result.error()));
}

void TestLedger::readerOfMissingFileFails() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const Result<std::unique_ptr<LedgerReader>> result = LedgerReader::open(dir.path());
    QVERIFY(!result);
    QVERIFY2(result.error().contains(dir.filePath(QStringLiteral("ledger.sqlite"))),
             qPrintable(result.error()));
}

QTEST_GUILESS_MAIN(TestLedger)
// Request ids begin with the time, so the ledger's index on them grows at its end. Ids made in
// the same millisecond must still differ.
void TestLedger::requestIdsSortByTime() {
    QSet<QString> ids;
    for (int i = 0; i < 1000; ++i) {
        const QString id = newRequestId();
        QCOMPARE(id.size(), 27);
        QVERIFY(id.startsWith(QLatin1String("sb-")));
        bool hex = false;
        id.mid(3, 12).toULongLong(&hex, 16);
        QVERIFY2(hex, qPrintable(id));
        id.mid(15).toULongLong(&hex, 16);
        QVERIFY2(hex, qPrintable(id));
        ids.insert(id);
    }
    QCOMPARE(ids.size(), 1000);

    const QString earlier = newRequestId();
    QThread::msleep(2);
    const QString later = newRequestId();
    QVERIFY2(earlier < later, qPrintable(earlier + QLatin1Char(' ') + later));
    const qint64 millis = later.mid(3, 12).toLongLong(nullptr, 16);
    QVERIFY(qAbs(millis - QDateTime::currentMSecsSinceEpoch()) < 60000);
}

#include "tst_ledger.moc"
