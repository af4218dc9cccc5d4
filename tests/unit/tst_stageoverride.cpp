// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "config/configloader.h"
#include "routing/routepreview.h"
#include "routing/router.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace signalbox;

namespace {

const QDateTime kUntil = QDateTime::fromString(QStringLiteral("2026-07-24T18:00:00Z"), Qt::ISODate);

// The demo config with an override on stage "code", given as raw JSON so that the reader sees
// exactly what a user would write.
QByteArray configWithOverride(const QJsonValue &override) {
    QJsonObject root = QJsonDocument::fromJson(demoConfigJson()).object();
    QJsonObject stages = root.value(QLatin1String("stages")).toObject();
    QJsonObject code = stages.value(QLatin1String("code")).toObject();
    code.insert(QLatin1String("override"), override);
    stages.insert(QLatin1String("code"), code);
    root.insert(QLatin1String("stages"), stages);
    return QJsonDocument(root).toJson();
}

QJsonObject pin(const QString &model, const QString &until) {
    return {{QLatin1String("model"), model}, {QLatin1String("until"), until}};
}

QStringList paths(const QList<ConfigProblem> &problems) {
    QStringList result;
    for (const ConfigProblem &problem : problems)
        result << problem.path;
    return result;
}

RouteInput stageRequest(const QString &stage, const QDateTime &now) {
    RouteInput input;
    input.model = QStringLiteral("stage:") + stage;
    input.features.estimatedInputTokens = 50;
    input.now = now;
    return input;
}

} // namespace

class TestStageOverride : public QObject {
    Q_OBJECT

private slots:
    void overrideIsRead();
    void overrideSurvivesSave();
    void invalidOverrides_data();
    void invalidOverrides();
    void routesToPinnedModelUntilExpiry();
    void expiredOverrideRoutesNormally();
    void explicitModelIgnoresOverride();
    void previewUsesInjectedTime();
};

void TestStageOverride::overrideIsRead() {
    const ConfigLoad load = parseConfig(configWithOverride(
        pin(QStringLiteral("deepseek-chat"), QStringLiteral("2026-07-24T20:00:00+02:00"))));
    QVERIFY2(load.ok(), qPrintable(load.problems.value(0).toString()));
    const StageConfig *code = load.config->findStage(QStringLiteral("code"));
    QVERIFY(code);
    QVERIFY(code->stageOverride.has_value());
    QCOMPARE(code->stageOverride->model, QStringLiteral("deepseek-chat"));
    QCOMPARE(code->stageOverride->until, kUntil);
    QVERIFY(!load.config->findStage(QStringLiteral("ui"))->stageOverride.has_value());
}

void TestStageOverride::overrideSurvivesSave() {
    const ConfigLoad load = parseConfig(configWithOverride(
        pin(QStringLiteral("deepseek-chat"), QStringLiteral("2026-07-24T18:00:00Z"))));
    QVERIFY(load.ok());
    const QByteArray saved = serializeConfig(*load.config);
    const QJsonObject override = QJsonDocument::fromJson(saved)
                                     .object()
                                     .value(QLatin1String("stages"))
                                     .toObject()
                                     .value(QLatin1String("code"))
                                     .toObject()
                                     .value(QLatin1String("override"))
                                     .toObject();
    QCOMPARE(override.value(QLatin1String("model")).toString(), QStringLiteral("deepseek-chat"));
    QCOMPARE(override.value(QLatin1String("until")).toString(),
             QStringLiteral("2026-07-24T18:00:00Z"));

    // Clearing the override removes the key from the file.
    Config edited = *load.config;
    for (StageConfig &stage : edited.stages)
        stage.stageOverride.reset();
    QVERIFY(!serializeConfig(edited).contains("\"override\""));
}

void TestStageOverride::invalidOverrides_data() {
    QTest::addColumn<QJsonValue>("override");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    const QString until = QStringLiteral("2026-07-24T18:00:00Z");
    QTest::newRow("unknown model") << QJsonValue(pin(QStringLiteral("gpt-9"), until))
                                   << QStringLiteral("stages.code.override.model")
                                   << QStringLiteral("unknown model \"gpt-9\"");
    QTest::newRow("auto") << QJsonValue(pin(QStringLiteral("auto"), until))
                          << QStringLiteral("stages.code.override.model")
                          << QStringLiteral("not \"auto\"");
    QTest::newRow("invalid time") << QJsonValue(
                                         pin(QStringLiteral("gpt-4.1"), QStringLiteral("soon")))
                                  << QStringLiteral("stages.code.override.until")
                                  << QStringLiteral("invalid time \"soon\"");
    QTest::newRow("missing until")
        << QJsonValue(QJsonObject{{QLatin1String("model"), QLatin1String("gpt-4.1")}})
        << QStringLiteral("stages.code.override.until") << QStringLiteral("missing");
    QTest::newRow("not an object")
        << QJsonValue(QStringLiteral("gpt-4.1")) << QStringLiteral("stages.code.override")
        << QStringLiteral("must be an object");
}

void TestStageOverride::invalidOverrides() {
    QFETCH(QJsonValue, override);
    QFETCH(QString, path);
    QFETCH(QString, message);

    const ConfigLoad load = parseConfig(configWithOverride(override));
    QVERIFY(!load.ok());
    QVERIFY2(paths(load.problems).contains(path), qPrintable(paths(load.problems).join(u' ')));
    for (const ConfigProblem &problem : load.problems) {
        if (problem.path == path)
            QVERIFY2(problem.message.contains(message), qPrintable(problem.message));
    }
}

void TestStageOverride::routesToPinnedModelUntilExpiry() {
    const ConfigLoad load = parseConfig(
        configWithOverride(pin(QStringLiteral("deepseek-chat"), kUntil.toString(Qt::ISODate))));
    QVERIFY(load.ok());

    const RouteOutcome outcome =
        route(*load.config, stageRequest(QStringLiteral("code"), kUntil.addSecs(-60)));
    const auto *decision = std::get_if<RouteDecision>(&outcome);
    QVERIFY(decision);
    QCOMPARE(decision->level, RouteLevel::Stage);
    QCOMPARE(decision->model(), QStringLiteral("deepseek-chat"));
    // The stage's own fallbacks follow the pinned model; the pinned model is not repeated.
    QCOMPARE(decision->candidates,
             QStringList({QStringLiteral("deepseek-chat"), QStringLiteral("claude-sonnet-4-5"),
                          QStringLiteral("gpt-4o-mini")}));
    QVERIFY2(decision->trace.join(u'\n').contains(QStringLiteral("pinned to 'deepseek-chat'")),
             qPrintable(decision->trace.join(u'\n')));
}

void TestStageOverride::expiredOverrideRoutesNormally() {
    const ConfigLoad load = parseConfig(
        configWithOverride(pin(QStringLiteral("deepseek-chat"), kUntil.toString(Qt::ISODate))));
    QVERIFY(load.ok());

    // At the instant the override ends, the stage's own model applies again.
    for (const QDateTime &now : {kUntil, kUntil.addSecs(3600)}) {
        const RouteOutcome outcome = route(*load.config, stageRequest(QStringLiteral("code"), now));
        const auto *decision = std::get_if<RouteDecision>(&outcome);
        QVERIFY(decision);
        QCOMPARE(decision->model(), QStringLiteral("gpt-4.1"));
        QVERIFY2(decision->trace.join(u'\n').contains(QStringLiteral("expired")),
                 qPrintable(decision->trace.join(u'\n')));
    }
}

void TestStageOverride::explicitModelIgnoresOverride() {
    const ConfigLoad load = parseConfig(
        configWithOverride(pin(QStringLiteral("deepseek-chat"), kUntil.toString(Qt::ISODate))));
    QVERIFY(load.ok());
    RouteInput input = stageRequest(QStringLiteral("code"), kUntil.addSecs(-60));
    input.model = QStringLiteral("gpt-4o-mini");
    input.headerStage = QStringLiteral("code");
    const RouteOutcome outcome = route(*load.config, input);
    const auto *decision = std::get_if<RouteDecision>(&outcome);
    QVERIFY(decision);
    QCOMPARE(decision->level, RouteLevel::Explicit);
    QCOMPARE(decision->model(), QStringLiteral("gpt-4o-mini"));
}

void TestStageOverride::previewUsesInjectedTime() {
    const ConfigLoad load = parseConfig(
        configWithOverride(pin(QStringLiteral("deepseek-chat"), kUntil.toString(Qt::ISODate))));
    QVERIFY(load.ok());
    const QJsonObject body =
        QJsonDocument::fromJson(
            R"({"model":"stage:code","messages":[{"role":"user","content":"hi"}]})")
            .object();

    const RoutePreview pinned = previewRoute(*load.config, body, {}, {}, kUntil.addSecs(-1));
    QVERIFY(pinned.routed);
    QCOMPARE(pinned.model, QStringLiteral("deepseek-chat"));
    QCOMPARE(pinned.level, QStringLiteral("stage"));
    QCOMPARE(pinned.provider, QStringLiteral("simulated"));
    QVERIFY(pinned.worstCaseCostUsd > 0);

    const RoutePreview expired = previewRoute(*load.config, body, {}, {}, kUntil.addSecs(1));
    QCOMPARE(expired.model, QStringLiteral("gpt-4.1"));

    QJsonObject unknownStage = body;
    unknownStage.insert(QStringLiteral("model"), QStringLiteral("stage:nosuch"));
    const RoutePreview rejected = previewRoute(*load.config, unknownStage, {}, {}, kUntil);
    QVERIFY(!rejected.routed);
    QCOMPARE(rejected.httpStatus, 404);
}

QTEST_GUILESS_MAIN(TestStageOverride)
#include "tst_stageoverride.moc"
