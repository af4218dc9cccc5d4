// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// signalbox-route-eval on the routing evaluation sets: it completes and reports every figure. The
// figures themselves are measurements for docs/benchmarks.md, not pass criteria, except that the
// rules' confidence must predict agreement with the labels.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kEvalSet = QStringLiteral(SIGNALBOX_TEST_DATA "/routing_eval.jsonl");
const QStringList kAllSets{
    kEvalSet,
    QStringLiteral(SIGNALBOX_TEST_DATA "/routing_eval_holdout.jsonl"),
    QStringLiteral(SIGNALBOX_TEST_DATA "/routing_eval_blind.jsonl"),
};

// Returns the case line with its second annotation, where it has one, as its labels.
QByteArray withSecondAnnotation(const QByteArray &line) {
    QJsonObject object = QJsonDocument::fromJson(line).object();
    for (const QLatin1String field : {QLatin1String("category"), QLatin1String("difficulty")}) {
        const QString independent = QLatin1String("independent_") + field;
        if (object.contains(independent))
            object.insert(field, object.value(independent));
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

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

// Difficulty agreement of the cases whose confidence is in [from, to), from the calibration
// buckets of a --json report.
struct Agreement {
    int cases = 0;
    double hits = 0;
    double share() const { return cases ? hits / cases : 0; }
};

Agreement agreementBetween(const QJsonArray &buckets, double from, double to) {
    Agreement agreement;
    for (const QJsonValue &value : buckets) {
        const QJsonObject bucket = value.toObject();
        const double lower = bucket.value(QLatin1String("from")).toDouble();
        if (lower < from - 1e-9 || lower >= to - 1e-9)
            continue;
        const int cases = bucket.value(QLatin1String("cases")).toInt();
        agreement.cases += cases;
        agreement.hits += cases * bucket.value(QLatin1String("difficulty_accuracy")).toDouble();
    }
    return agreement;
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
    void casesCarryFeatures();
    void independentLabelsAreRead();
    void confidencePredictsAgreement();
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
        QStringLiteral("confidence   cases  category  difficulty"),
        QStringLiteral("0.9-1.0"),
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

    const QJsonArray buckets = report.value(QLatin1String("calibration")).toArray();
    QCOMPARE(buckets.size(), 6);
    QCOMPARE(agreementBetween(buckets, 0, 1.01).cases, lineCount(kEvalSet));
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

void RouteEvalTest::casesCarryFeatures() {
    const Run run = runEval({QStringLiteral("--json"), QStringLiteral("--cases"), kEvalSet});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray cases =
        QJsonDocument::fromJson(run.out).object().value(QLatin1String("cases")).toArray();
    QCOMPARE(cases.size(), lineCount(kEvalSet));
    const QJsonObject first = cases.first().toObject();
    for (const char *name :
         {"id", "label_difficulty", "difficulty", "confidence", "difficulty_points",
          "code_definitions", "concurrency_in_code", "rule_hits"})
        QVERIFY2(first.contains(QLatin1String(name)), name);
}

// The first author's sets carry a second, independent annotation; --labels independent measures
// against it instead, and an unknown choice names the accepted values.
void RouteEvalTest::independentLabelsAreRead() {
    const Run author = runEval({QStringLiteral("--json"), QStringLiteral("--cases"), kEvalSet});
    const Run independent =
        runEval({QStringLiteral("--json"), QStringLiteral("--cases"), QStringLiteral("--labels"),
                 QStringLiteral("independent"), kEvalSet});
    QCOMPARE(author.exitCode, 0);
    QCOMPARE(independent.exitCode, 0);
    const QJsonObject authorReport = QJsonDocument::fromJson(author.out).object();
    const QJsonObject independentReport = QJsonDocument::fromJson(independent.out).object();
    QCOMPARE(authorReport.value(QLatin1String("labels")).toString(), QStringLiteral("author"));
    QCOMPARE(independentReport.value(QLatin1String("labels")).toString(),
             QStringLiteral("independent"));

    // The same rules' decisions, compared with labels that differ for part of the set.
    const QJsonArray authorCases = authorReport.value(QLatin1String("cases")).toArray();
    const QJsonArray independentCases = independentReport.value(QLatin1String("cases")).toArray();
    QCOMPARE(independentCases.size(), authorCases.size());
    int differentLabels = 0;
    for (qsizetype i = 0; i < authorCases.size(); ++i) {
        const QJsonObject authorCase = authorCases.at(i).toObject();
        const QJsonObject independentCase = independentCases.at(i).toObject();
        QCOMPARE(independentCase.value(QLatin1String("difficulty")),
                 authorCase.value(QLatin1String("difficulty")));
        if (independentCase.value(QLatin1String("label_difficulty")) !=
            authorCase.value(QLatin1String("label_difficulty")))
            ++differentLabels;
    }
    QVERIFY2(differentLabels > 0, "the independent labels were not read");

    const Run unknown = runEval({QStringLiteral("--labels"), QStringLiteral("mine"), kEvalSet});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("\"mine\"") && unknown.err.contains("independent"),
             unknown.err.constData());
}

// Over the three sets together, requests the rules are surer of agree with the labelled
// difficulty more often: below the default threshold of 0.6, from 0.6 to 0.8, and above. The
// first author's two sets count with their second annotation, which the other authors' labels
// agree with, because that author rated requests a level harder than every other annotator.
void RouteEvalTest::confidencePredictsAgreement() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("all.jsonl"));
    QFile all(path);
    QVERIFY(all.open(QIODevice::WriteOnly));
    for (const QString &set : kAllSets) {
        QFile file(set);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(set));
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (!line.isEmpty())
                all.write(withSecondAnnotation(line) + '\n');
        }
    }
    all.close();

    const Run run = runEval({QStringLiteral("--json"), path});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray buckets =
        QJsonDocument::fromJson(run.out).object().value(QLatin1String("calibration")).toArray();
    const Agreement belowThreshold = agreementBetween(buckets, 0, 0.6);
    const Agreement middle = agreementBetween(buckets, 0.6, 0.8);
    const Agreement confident = agreementBetween(buckets, 0.8, 1.01);
    const QByteArray shares = QStringLiteral("below 0.6: %1 of %2, 0.6-0.8: %3 of %4, "
                                             "0.8 and above: %5 of %6")
                                  .arg(belowThreshold.share())
                                  .arg(belowThreshold.cases)
                                  .arg(middle.share())
                                  .arg(middle.cases)
                                  .arg(confident.share())
                                  .arg(confident.cases)
                                  .toUtf8();
    QVERIFY2(belowThreshold.cases > 0 && middle.cases > 0 && confident.cases > 0,
             shares.constData());
    QVERIFY2(middle.share() > belowThreshold.share(), shares.constData());
    QVERIFY2(confident.share() > middle.share(), shares.constData());
    QVERIFY2(confident.share() >= 0.85, shares.constData());
}

QTEST_GUILESS_MAIN(RouteEvalTest)
#include "tst_routeeval.moc"
