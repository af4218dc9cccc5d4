// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The request log: filters, the detail pane, and CSV export with its quoting.
#include "consoletesting.h"
#include "requestcsv.h"
#include "requestfilter.h"
#include "requestspage.h"
#include "requesttablemodel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace signalbox;
using namespace signalbox::testing;

namespace {

LedgerRecord record(const QString &id, const QString &stage, const QString &model,
                    const QString &status) {
    LedgerRecord record;
    record.time = QDateTime(QDate(2026, 3, 1), QTime(9, 30, 0, 250), Qt::UTC);
    record.requestId = id;
    record.endpoint = QStringLiteral("/v1/chat/completions");
    record.stage = stage;
    record.route = stage.isEmpty() ? QStringLiteral("explicit") : QStringLiteral("stage");
    record.model = model;
    record.provider = QStringLiteral("openai");
    record.status = status;
    record.httpStatus = status == QLatin1String("ok") ? 200 : 502;
    record.attempts = 1;
    record.trace = {QStringLiteral("stage %1 assigns %2").arg(stage, model)};
    record.kind = QStringLiteral("request");
    return record;
}

// Newest first, as the service sends them.
QList<LedgerRecord> sampleRecords() {
    LedgerRecord failed = record(QStringLiteral("sb-4"), QStringLiteral("code"),
                                 QStringLiteral("gpt-4.1"), QStringLiteral("error"));
    failed.error = QStringLiteral("upstream returned 529: overloaded");
    failed.attempts = 2;
    failed.trace << QStringLiteral("attempt 1 on 'claude-sonnet-4-5' failed: 529 overloaded");
    return {
        failed,
        record(QStringLiteral("sb-3"), QStringLiteral("ui"), QStringLiteral("gpt-4o-mini"),
               QStringLiteral("ok")),
        record(QStringLiteral("sb-2"), QString(), QStringLiteral("gpt-4.1"), QStringLiteral("ok")),
        record(QStringLiteral("sb-1"), QStringLiteral("code"), QStringLiteral("deepseek-chat"),
               QStringLiteral("ok"))};
}

QStringList visibleIds(const RequestFilter &filter) {
    QStringList ids;
    for (const LedgerRecord &record : filter.visibleRecords())
        ids << record.requestId;
    return ids;
}

QString readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class RequestsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void filterNarrowsRows_data();
    void filterNarrowsRows();
    void pageFiltersFromControls();
    void costColumnFollowsLocale();
    void detailPaneShowsTraceAndAttempts();
    void csvFieldQuoting_data();
    void csvFieldQuoting();
    void csvExportWritesRowsShown();
    void csvExportToMissingFolderFails();

private:
    QTemporaryDir m_settings;
};

void RequestsTest::initTestCase() {
    QVERIFY(m_settings.isValid());
    useTemporarySettings(m_settings);
}

void RequestsTest::filterNarrowsRows_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QStringList>("expected");

    const auto s = [](const char *text) {
        return QString::fromUtf8(text);
    };
    const auto ids = [](std::initializer_list<const char *> list) {
        QStringList result;
        for (const char *id : list)
            result << QString::fromLatin1(id);
        return result;
    };
    const QString none;
    // clang-format off
    QTest::newRow("no filter")        << none             << none                  << none           << none         << ids({"sb-4", "sb-3", "sb-2", "sb-1"});
    QTest::newRow("stage code")       << none             << s("code")             << none           << none         << ids({"sb-4", "sb-1"});
    QTest::newRow("no stage")         << none             << RequestFilter::NoStage << none          << none         << ids({"sb-2"});
    QTest::newRow("model")            << none             << none                  << s("gpt-4.1")   << none         << ids({"sb-4", "sb-2"});
    QTest::newRow("status error")     << none             << none                  << none           << s("error")   << ids({"sb-4"});
    QTest::newRow("text in error")    << s("OVERLOADED")  << none                  << none           << none         << ids({"sb-4"});
    QTest::newRow("text in trace")    << s("assigns gpt-4o") << none               << none           << none         << ids({"sb-3"});
    QTest::newRow("text and stage")   << s("deepseek")    << s("code")             << none           << none         << ids({"sb-1"});
    QTest::newRow("stage and status") << none             << s("code")             << none           << s("ok")      << ids({"sb-1"});
    QTest::newRow("nothing matches")  << s("no such text") << none                 << none           << none         << ids({});
    // clang-format on
}

void RequestsTest::filterNarrowsRows() {
    QFETCH(QString, text);
    QFETCH(QString, stage);
    QFETCH(QString, model);
    QFETCH(QString, status);
    QFETCH(QStringList, expected);

    RequestTableModel requests;
    requests.setRecords(sampleRecords());
    RequestFilter filter;
    filter.setRequests(&requests);
    filter.setSearchText(text);
    filter.setStage(stage);
    filter.setModel(model);
    filter.setStatus(status);
    QCOMPARE(visibleIds(filter), expected);
    QCOMPARE(filter.rowCount(), expected.size());
}

// The cost column writes the decimal separator of the console's language, as the status bar does.
void RequestsTest::costColumnFollowsLocale() {
    LedgerRecord cheap = record(QStringLiteral("sb-1"), QStringLiteral("code"),
                                QStringLiteral("gpt-4.1"), QStringLiteral("ok"));
    cheap.costUsd = 0.00111;
    RequestTableModel requests;
    requests.setRecords({cheap});
    const QModelIndex cost = requests.index(0, RequestTableModel::Cost);

    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QString german = requests.data(cost, Qt::DisplayRole).toString();
    QLocale::setDefault(previous);

    QCOMPARE(german, QStringLiteral("$0,00111"));
}

// The page's controls drive the filter, and a new row that does not match stays hidden.
void RequestsTest::pageFiltersFromControls() {
    RouterFixture router;
    QVERIFY(router.writeConfig({}));
    RequestsPage page(router.create());
    page.requests()->setRecords(sampleRecords());

    QTest::keyClicks(page.searchField(), QStringLiteral("gpt-4"));
    QCOMPARE(visibleIds(*page.filter()).join(QLatin1Char(' ')), QStringLiteral("sb-4 sb-3 sb-2"));
    page.statusBox()->setCurrentIndex(page.statusBox()->findData(QStringLiteral("ok")));
    QCOMPARE(visibleIds(*page.filter()).join(QLatin1Char(' ')), QStringLiteral("sb-3 sb-2"));

    page.requests()->addRecord(record(QStringLiteral("sb-5"), QStringLiteral("ui"),
                                      QStringLiteral("gpt-4o-mini"), QStringLiteral("error")));
    page.requests()->addRecord(record(QStringLiteral("sb-6"), QStringLiteral("ui"),
                                      QStringLiteral("gpt-4o-mini"), QStringLiteral("ok")));
    QCOMPARE(visibleIds(*page.filter()).join(QLatin1Char(' ')), QStringLiteral("sb-6 sb-3 sb-2"));

    page.searchField()->clear();
    page.statusBox()->setCurrentIndex(0);
    QCOMPARE(page.filter()->rowCount(), 6);
}

void RequestsTest::detailPaneShowsTraceAndAttempts() {
    RouterFixture router;
    QVERIFY(router.writeConfig({}));
    RequestsPage page(router.create());
    QVERIFY(router.start());
    QCOMPARE(router.post(chatBody(QStringLiteral("stage:ui"))).status, 200);

    QTRY_COMPARE_WITH_TIMEOUT(page.filter()->rowCount(), 1, 10000);
    page.table()->selectRow(0);
    const QString details = page.details()->toPlainText();
    QVERIFY2(details.contains(QStringLiteral("Decision trace")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("stage 'ui' is assigned 'm'")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("attempt 1 on 'm': ok")), qPrintable(details));
    // The fake upstream reports 21 prompt and 9 completion tokens.
    QVERIFY2(details.contains(QStringLiteral("Input, billed\n21")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("reported by the provider")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("$0.00111")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("Latency")), qPrintable(details));
}

void RequestsTest::csvFieldQuoting_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    const auto s = [](const char *text) {
        return QString::fromUtf8(text);
    };
    // clang-format off
    QTest::newRow("plain")           << s("gpt-4.1")        << s("gpt-4.1");
    QTest::newRow("empty")           << s("")               << s("");
    QTest::newRow("comma")           << s("a,b")            << s("\"a,b\"");
    QTest::newRow("quote")           << s("say \"hi\"")     << s("\"say \"\"hi\"\"\"");
    QTest::newRow("newline")         << s("line 1\nline 2") << s("\"line 1\nline 2\"");
    QTest::newRow("carriage return") << s("a\rb")           << s("\"a\rb\"");
    QTest::newRow("only a quote")    << s("\"")             << s("\"\"\"\"");
    QTest::newRow("spaces kept")     << s(" padded ")       << s(" padded ");
    QTest::newRow("non-ASCII")       << s("模型 ü")          << s("模型 ü");
    // clang-format on
}

void RequestsTest::csvFieldQuoting() {
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(csvField(value), expected);
}

void RequestsTest::csvExportWritesRowsShown() {
    RouterFixture router;
    QVERIFY(router.writeConfig({}));
    RequestsPage page(router.create());
    page.requests()->setRecords(sampleRecords());
    page.stageBox()->addItem(QStringLiteral("code"), QStringLiteral("code"));
    page.stageBox()->setCurrentIndex(page.stageBox()->findData(QStringLiteral("code")));
    QCOMPARE(page.filter()->rowCount(), 2);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("requests.csv"));
    const Status written = page.exportCsv(path);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error()));

    const QString csv = readFile(path);
    QVERIFY(csv.endsWith(QLatin1String("\r\n")));
    const QStringList lines = csv.split(QStringLiteral("\r\n"));
    // Header, two rows, and the empty string after the last CRLF; the trace's line break stays
    // inside its quoted field, so it does not split a row.
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(0).startsWith(QLatin1String("time,request_id,endpoint,stage,route,model,")));
    QVERIFY(lines.at(0).endsWith(QLatin1String(",error,trace")));
    QVERIFY(lines.at(1).startsWith(
        QLatin1String("2026-03-01T09:30:00.250Z,sb-4,/v1/chat/completions,code,stage,gpt-4.1,")));
    QVERIFY2(lines.at(1).contains(QLatin1String(
                 ",upstream returned 529: overloaded,\"stage code assigns gpt-4.1\nattempt 1 on "
                 "'claude-sonnet-4-5' failed: 529 overloaded\"")),
             qPrintable(lines.at(1)));
    QVERIFY(lines.at(2).contains(QLatin1String(",sb-1,")));
    QCOMPARE(lines.at(3), QString());
}

void RequestsTest::csvExportToMissingFolderFails() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("missing/requests.csv"));
    const Status written = writeRequestsCsv(path, sampleRecords());
    QVERIFY(!written.ok());
    QVERIFY2(written.error().contains(path), qPrintable(written.error()));
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(RequestsTest)
#include "tst_requests.moc"
