// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// CPU time of automatic routing decisions on the embedded default registry: the request's
// features, the rules, the ranking of the models and the decision trace.
#include "chat/tokens.h"
#include "config/configloader.h"
#include "routing/router.h"
#include "routing/taskfeatures.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <benchmark/benchmark.h>

#include <cstdlib>

using namespace signalbox;

namespace {

constexpr qint64 kLargePromptTokens = 32000;

// Source files of this repository are the pasted code of the large prompt, so the prompt is
// real C++ with comments rather than repeated filler.
QString sourceCode() {
    QString code;
    const QDir core(QStringLiteral(SIGNALBOX_SOURCE_DIR "/core"));
    for (const QString &folder : core.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir dir(core.filePath(folder));
        for (const QString &name : dir.entryList({QStringLiteral("*.cpp")}, QDir::Files)) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::ReadOnly))
                code += QString::fromUtf8(file.readAll());
        }
    }
    return code;
}

// A review request of about `tokens` estimated tokens: an instruction, then code in a fence.
QJsonObject reviewRequest(qint64 tokens) {
    static const QString code = sourceCode();
    QString text = QStringLiteral("Review this code for race conditions and error handling "
                                  "bugs. Point to the lines.\n```cpp\n");
    qsizetype copied = 0;
    while (estimateTokens(text) < tokens && copied < code.size()) {
        text += code.mid(copied, 4000);
        copied += 4000;
    }
    text += QStringLiteral("\n```\nStart with the most serious problem.");
    return {{QLatin1String("model"), QLatin1String("auto")},
            {QLatin1String("max_tokens"), 4000},
            {QLatin1String("messages"),
             QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("system")},
                                    {QLatin1String("content"),
                                     QLatin1String("You are a careful C++ reviewer.")}},
                        QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                    {QLatin1String("content"), text}}}}};
}

QJsonObject shortRequest() {
    return {{QLatin1String("model"), QLatin1String("auto")},
            {QLatin1String("messages"),
             QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                    {QLatin1String("content"),
                                     QLatin1String("Translate to German: the build failed.")}}}}};
}

// A Chinese request of about `characters` characters: the Chinese requests of the evaluation set,
// joined. Chinese has no spaces between words, so its keywords are found by substring, not by
// the word lookup that English and German use.
QJsonObject chineseRequest(qsizetype characters) {
    QFile file(QStringLiteral(SIGNALBOX_SOURCE_DIR "/tests/data/routing_eval.jsonl"));
    if (!file.open(QIODevice::ReadOnly))
        std::abort();
    QString text;
    while (!file.atEnd() && text.size() < characters) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        if (line.value(QLatin1String("lang")).toString() != QLatin1String("zh"))
            continue;
        for (const QJsonValue &message : line.value(QLatin1String("messages")).toArray())
            text += message.toObject().value(QLatin1String("content")).toString() + u'\n';
    }
    return {{QLatin1String("model"), QLatin1String("auto")},
            {QLatin1String("messages"),
             QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                    {QLatin1String("content"), text.left(characters)}}}}};
}

const Config &defaultConfig() {
    static const ConfigPtr config = [] {
        const ConfigLoad load = parseConfig(defaultConfigJson());
        if (!load.ok())
            std::abort();
        return load.config;
    }();
    return *config;
}

// One whole decision from a parsed body: features, rules, ranking and trace.
void decide(benchmark::State &state, const QJsonObject &body) {
    const Config &config = defaultConfig();
    const RouteInput probe = routeInputFromRequest(body, {}, {});
    state.counters["prompt_tokens"] = double(probe.features.estimatedInputTokens);
    for (auto _ : state) {
        const RouteInput input = routeInputFromRequest(body, {}, {});
        RouteOutcome outcome = route(config, input);
        benchmark::DoNotOptimize(outcome);
    }
}

void BM_Decision32k(benchmark::State &state) {
    decide(state, reviewRequest(kLargePromptTokens));
}

void BM_DecisionShort(benchmark::State &state) {
    decide(state, shortRequest());
}

void BM_DecisionChinese(benchmark::State &state) {
    decide(state, chineseRequest(6750));
}

// The decision including the JSON parse of the request body, as the request path does it.
void BM_ParseAndDecision32k(benchmark::State &state) {
    const Config &config = defaultConfig();
    const QByteArray bytes = QJsonDocument(reviewRequest(kLargePromptTokens)).toJson();
    state.counters["body_bytes"] = double(bytes.size());
    for (auto _ : state) {
        const QJsonObject body = QJsonDocument::fromJson(bytes).object();
        RouteOutcome outcome = route(config, routeInputFromRequest(body, {}, {}));
        benchmark::DoNotOptimize(outcome);
    }
}

// The parts of a decision, to see where the time goes.
void BM_TokenEstimate32k(benchmark::State &state) {
    const QJsonObject body = reviewRequest(kLargePromptTokens);
    for (auto _ : state)
        benchmark::DoNotOptimize(analyzeChatRequest(body));
}

void BM_TaskFeatures32k(benchmark::State &state) {
    const QJsonObject body = reviewRequest(kLargePromptTokens);
    for (auto _ : state)
        benchmark::DoNotOptimize(analyzeTask(body));
}

void BM_RankingOnly32k(benchmark::State &state) {
    const Config &config = defaultConfig();
    const RouteInput input = routeInputFromRequest(reviewRequest(kLargePromptTokens), {}, {});
    for (auto _ : state) {
        RouteOutcome outcome = route(config, input);
        benchmark::DoNotOptimize(outcome);
    }
}

} // namespace

BENCHMARK(BM_Decision32k)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DecisionShort)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DecisionChinese)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ParseAndDecision32k)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TokenEstimate32k)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TaskFeatures32k)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RankingOnly32k)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
