// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "routing/autorouter.h"
#include "routing/router.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace signalbox;

namespace {

ModelConfig model(const QString &id, double input, double output, qint64 context,
                  const QStringList &capabilities) {
    ModelConfig m;
    m.id = id;
    m.provider = QStringLiteral("openai");
    m.upstreamId = id;
    m.price = {input, output, input / 2, input};
    m.contextWindow = context;
    m.maxOutputTokens = 4096;
    m.capabilities = capabilities;
    return m;
}

Config testConfig() {
    Config config;
    config.providers << ProviderConfig{QStringLiteral("openai"),
                                       QStringLiteral("openai"),
                                       QStringLiteral("http://127.0.0.1:1/v1"),
                                       true,
                                       {},
                                       {}};
    const QStringList all{QStringLiteral("tools"), QStringLiteral("vision"),
                          QStringLiteral("json")};
    config.models << model(QStringLiteral("cheap-text"), 0.10, 0.40, 16000, {})
                  << model(QStringLiteral("mini"), 0.15, 0.60, 128000, all)
                  << model(QStringLiteral("big"), 2.50, 10.0, 1000000, all)
                  << model(QStringLiteral("strong"), 3.00, 15.0, 200000, all);
    config.stages << StageConfig{QStringLiteral("architecture"),
                                 QStringLiteral("strong"),
                                 {QStringLiteral("big")},
                                 {QStringLiteral("strong"), QStringLiteral("big")},
                                 {}}
                  << StageConfig{QStringLiteral("ui"), QStringLiteral("mini"), {}, {}, {}}
                  << StageConfig{QStringLiteral("triage"), QStringLiteral("auto"), {}, {}, {}};
    config.routing.fallbackModel = QStringLiteral("mini");
    return config;
}

RouteInput input(const QString &model, const QString &headerModel = {},
                 const QString &headerStage = {}) {
    RouteInput in;
    in.model = model;
    in.headerModel = headerModel;
    in.headerStage = headerStage;
    in.features.estimatedInputTokens = 100;
    return in;
}

} // namespace

class RouterTest : public QObject {
    Q_OBJECT

private slots:
    void levels_data();
    void levels();
    void rejections_data();
    void rejections();
    void unknownModelWithoutHint();
    void upstreamIdNamesModel();
    void stageFallbacksFollowTheChoice();
    void autoExcludesIncapableModels();
    void autoFallsBackWhenNothingFits();
    void traceExplainsEveryStep();
    void taskAnalyzedOnlyForAutomaticRouting_data();
    void taskAnalyzedOnlyForAutomaticRouting();
};

void RouterTest::levels_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("headerModel");
    QTest::addColumn<QString>("headerStage");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<QString>("stage");

    // clang-format off
    QTest::newRow("explicit body model")    << "big"          << ""      << ""       << "explicit" << "big"        << "";
    QTest::newRow("explicit header model")  << "auto"         << "strong"<< ""       << "explicit" << "strong"     << "";
    QTest::newRow("header beats body")      << "mini"         << "big"   << ""       << "explicit" << "big"        << "";
    QTest::newRow("stage in body")          << "stage:ui"     << ""      << ""       << "stage"    << "mini"       << "ui";
    QTest::newRow("stage header and auto")  << "auto"         << ""      << "ui"     << "stage"    << "mini"       << "ui";
    QTest::newRow("stage header no model")  << ""             << ""      << "architecture" << "stage" << "strong"  << "architecture";
    QTest::newRow("stage set to auto")      << "stage:triage" << ""      << ""       << "auto"     << "cheap-text" << "triage";
    QTest::newRow("auto picks cheapest")    << "auto"         << ""      << ""       << "auto"     << "cheap-text" << "";
    QTest::newRow("no model falls back")    << ""             << ""      << ""       << "fallback" << "mini"       << "";
    QTest::newRow("explicit within stage")  << "big"          << ""      << "architecture" << "explicit" << "big"  << "architecture";
    // clang-format on
}

void RouterTest::levels() {
    QFETCH(QString, model);
    QFETCH(QString, headerModel);
    QFETCH(QString, headerStage);
    QFETCH(QString, level);
    QFETCH(QString, chosen);
    QFETCH(QString, stage);

    const RouteOutcome outcome = route(testConfig(), input(model, headerModel, headerStage));
    QVERIFY2(std::holds_alternative<RouteDecision>(outcome), "the request was rejected");
    const RouteDecision decision = std::get<RouteDecision>(outcome);
    QCOMPARE(routeLevelName(decision.level), level);
    QCOMPARE(decision.model(), chosen);
    QCOMPARE(decision.stage, stage);
}

void RouterTest::rejections_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("headerStage");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");

    // clang-format off
    QTest::newRow("unknown model")       << "gpt-9"           << ""             << 404 << "model_not_found"   << "gpt-9";
    QTest::newRow("unknown stage")       << "stage:nope"      << ""             << 404 << "model_not_found"   << "nope";
    QTest::newRow("unknown header stage")<< "auto"            << "nope"         << 404 << "model_not_found"   << "nope";
    QTest::newRow("mistyped model")      << "strnog"          << ""             << 404 << "model_not_found"   << "Did you mean 'strong'?";
    QTest::newRow("mistyped, other case")<< "Mni"             << ""             << 404 << "model_not_found"   << "Did you mean 'mini'?";
    QTest::newRow("not allowed")         << "mini"            << "architecture" << 403 << "model_not_allowed" << "strong, big";
    QTest::newRow("empty stage name")    << "stage:"          << ""             << 404 << "model_not_found"   << "\"stage:\" names no stage";
    // clang-format on
}

void RouterTest::rejections() {
    QFETCH(QString, model);
    QFETCH(QString, headerStage);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);

    const RouteOutcome outcome = route(testConfig(), input(model, {}, headerStage));
    QVERIFY2(std::holds_alternative<RouteRejection>(outcome), "the request was routed");
    const RouteRejection rejection = std::get<RouteRejection>(outcome);
    QCOMPARE(rejection.httpStatus, status);
    QCOMPARE(rejection.code, code);
    QVERIFY2(rejection.message.contains(messagePart), qPrintable(rejection.message));
}

// A name more than two edits from every model gets no guess.
void RouterTest::unknownModelWithoutHint() {
    const RouteOutcome outcome = route(testConfig(), input(QStringLiteral("gpt-9")));
    const RouteRejection rejection = std::get<RouteRejection>(outcome);
    QVERIFY2(!rejection.message.contains(QLatin1String("Did you mean")),
             qPrintable(rejection.message));
}

// The provider's name of a model, copied from its docs, points to the registry's id for it.
void RouterTest::upstreamIdNamesModel() {
    Config config = testConfig();
    config.models.first().upstreamId = QStringLiteral("vendor-model-2025-05-14");
    const RouteOutcome outcome = route(config, input(QStringLiteral("vendor-model-2025-05-14")));
    QVERIFY(std::holds_alternative<RouteRejection>(outcome));
    const RouteRejection rejection = std::get<RouteRejection>(outcome);
    QCOMPARE(rejection.httpStatus, 404);
    QVERIFY2(rejection.message.contains(
                 QStringLiteral("is the upstream_id of model '%1'").arg(config.models.first().id)),
             qPrintable(rejection.message));
}

void RouterTest::stageFallbacksFollowTheChoice() {
    // The architecture stage allows only strong and big, so the global fallback (mini) is left out.
    const RouteOutcome outcome = route(testConfig(), input(QStringLiteral("stage:architecture")));
    const RouteDecision decision = std::get<RouteDecision>(outcome);
    QCOMPARE(decision.candidates, (QStringList{QStringLiteral("strong"), QStringLiteral("big")}));

    const RouteDecision ui =
        std::get<RouteDecision>(route(testConfig(), input(QStringLiteral("stage:ui"))));
    QCOMPARE(ui.candidates, QStringList{QStringLiteral("mini")});
}

void RouterTest::autoExcludesIncapableModels() {
    RouteInput in = input(QStringLiteral("auto"));
    in.features.usesTools = true;
    RouteDecision decision = std::get<RouteDecision>(route(testConfig(), in));
    QCOMPARE(decision.model(), QStringLiteral("mini"));

    // A prompt larger than the cheap model's context goes to the next cheapest that fits.
    in = input(QStringLiteral("auto"));
    in.features.estimatedInputTokens = 150000;
    decision = std::get<RouteDecision>(route(testConfig(), in));
    QCOMPARE(decision.model(), QStringLiteral("big"));
}

void RouterTest::autoFallsBackWhenNothingFits() {
    RouteInput in = input(QStringLiteral("auto"));
    in.features.estimatedInputTokens = 5000000;
    const RouteDecision decision = std::get<RouteDecision>(route(testConfig(), in));
    QCOMPARE(decision.level, RouteLevel::Fallback);
    QCOMPARE(decision.model(), QStringLiteral("mini"));
}

void RouterTest::traceExplainsEveryStep() {
    const RouteDecision decision =
        std::get<RouteDecision>(route(testConfig(), input(QStringLiteral("stage:triage"))));
    const QString trace = decision.trace.join(QLatin1Char('\n'));
    QVERIFY2(trace.contains(QLatin1String("stage 'triage' is assigned 'auto'")), qPrintable(trace));
    QVERIFY2(trace.contains(QLatin1String("auto: chose 'cheap-text'")), qPrintable(trace));
    QVERIFY2(trace.contains(QLatin1String("fallbacks in order: mini")), qPrintable(trace));
}

void RouterTest::taskAnalyzedOnlyForAutomaticRouting_data() {
    QTest::addColumn<QString>("bodyModel");
    QTest::addColumn<QString>("headerModel");
    QTest::addColumn<QString>("headerStage");
    QTest::addColumn<bool>("analyzed");

    // clang-format off
    QTest::newRow("body names a model")      << "big"           << ""    << ""       << false;
    QTest::newRow("header names a model")    << "auto"          << "big" << ""       << false;
    QTest::newRow("unknown model")           << "no-such-model" << ""    << ""       << false;
    QTest::newRow("model within a stage")    << "big"           << ""    << "triage" << false;
    QTest::newRow("auto")                    << "auto"          << ""    << ""       << true;
    QTest::newRow("no model")                << ""              << ""    << ""       << true;
    QTest::newRow("stage in the body")       << "stage:triage"  << ""    << ""       << true;
    QTest::newRow("stage in the header")     << ""              << ""    << "triage" << true;
    // clang-format on
}

// The task analysis reads every message, so a request that can never be routed automatically
// must not pay for it before its upstream call.
void RouterTest::taskAnalyzedOnlyForAutomaticRouting() {
    QFETCH(QString, bodyModel);
    QFETCH(QString, headerModel);
    QFETCH(QString, headerStage);
    QFETCH(bool, analyzed);

    const QString prompt = QStringLiteral("Why does this deadlock?\n```cpp\nstd::mutex a;\n```");
    QJsonObject body{{QLatin1String("messages"),
                      QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                             {QLatin1String("content"), prompt}}}}};
    if (!bodyModel.isEmpty())
        body.insert(QLatin1String("model"), bodyModel);

    const RouteInput in = routeInputFromRequest(body, headerModel, headerStage);
    QCOMPARE(in.task.codeBlocks, analyzed ? 1 : 0);
    QCOMPARE(in.task.userMessages, analyzed ? 1 : 0);
    QVERIFY(in.features.estimatedInputTokens > 0);
}

QTEST_APPLESS_MAIN(RouterTest)
#include "tst_router.moc"
