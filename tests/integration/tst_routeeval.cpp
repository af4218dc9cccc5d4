// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// signalbox-route-eval on the routing evaluation set: it completes and reports every figure. The
// figures themselves are measurements for docs/benchmarks.md, not pass criteria.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kEvalSet = QStringLiteral(SIGNALBOX_TEST_DATA "/routing_eval.jsonl");

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runEval(const QStringList &arguments) {
    QProcess process;
    process.start(qEnvironmentVariable("SIGNALBOX_ROUTE_EVAL"), arguments);
    Run run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

int lineCount(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    int lines = 0;
    while (!file.atEnd()) {
        if (!file.readLine().trimmed().isEmpty())
            ++lines;
    }
    return lines;
}

} // namespace

class RouteEvalTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void setHasEnoughCases();
    void tableHasEveryField();
    void jsonHasEveryField();
    void invalidFileIsReported();
};

void RouteEvalTest::initTestCase() {
    QVERIFY2(QFile::exists(qEnvironmentVariable("SIGNALBOX_ROUTE_EVAL")),
             "set SIGNALBOX_ROUTE_EVAL to the signalbox-route-eval binary (ctest does)");
}

void RouteEvalTest::setHasEnoughCases() {
    QVERIFY(lineCount(kEvalSet) >= 200);
}

void RouteEvalTest::tableHasEveryField() {
    const Run run = runEval({kEvalSet});
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    const QStringList fields{
        QStringLiteral("requests"),
        QStringLiteral("rules decide (confidence >= threshold)"),
        QStringLiteral("need the classifier"),
        QStringLiteral("category accuracy, rules-decided"),
        QStringLiteral("difficulty accuracy, rules-decided"),
        QStringLiteral("cost, routed by the rules"),
        QStringLiteral("cost, always the strongest model"),
        QStringLiteral("routed + classifier / strongest"),
        QStringLiteral("Cost model: "),
    };
    for (const QString &field : fields)
        QVERIFY2(out.contains(field), qPrintable(field));
    QVERIFY2(out.contains(QStringLiteral("requests%1%2")
                              .arg(QString(48 - 8, QLatin1Char(' ')))
                              .arg(lineCount(kEvalSet))),
             qPrintable(out.left(600)));
}

void RouteEvalTest::jsonHasEveryField() {
    const Run run = runEval({QStringLiteral("--json"), kEvalSet});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(QLatin1String("requests")).toInt(), lineCount(kEvalSet));
    const QStringList numbers{
        QStringLiteral("rules_decided"),
        QStringLiteral("classifier_share"),
        QStringLiteral("category_accuracy"),
        QStringLiteral("difficulty_accuracy"),
        QStringLiteral("rules_decided_category_accuracy"),
        QStringLiteral("rules_decided_difficulty_accuracy"),
        QStringLiteral("cost_routed_usd"),
        QStringLiteral("cost_classifier_usd"),
        QStringLiteral("cost_strongest_usd"),
        QStringLiteral("cost_ratio"),
    };
    for (const QString &name : numbers)
        QVERIFY2(report.value(name).isDouble(), qPrintable(name));
    QVERIFY(report.value(QLatin1String("cost_strongest_usd")).toDouble() > 0);
    QCOMPARE(report.value(QLatin1String("cost_model")).toString(),
             QStringLiteral("expected_output_tokens"));
    QVERIFY(!report.value(QLatin1String("models")).toObject().isEmpty());
}

void RouteEvalTest::invalidFileIsReported() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("bad.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"messages":[{"role":"user","content":"hi"}],"category":"poetry","difficulty":"low"})"
        "\n");
    file.close();

    const Run bad = runEval({path});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(":1: invalid case"), bad.err.constData());

    const Run missing = runEval({dir.filePath(QStringLiteral("missing.jsonl"))});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("failed to open"), missing.err.constData());
}

QTEST_GUILESS_MAIN(RouteEvalTest)
#include "tst_routeeval.moc"
