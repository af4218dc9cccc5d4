// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "autorouter.h"

#include "gating/worstcase.h"
#include "routing/taskrules.h"

#include <algorithm>
#include <cmath>

namespace signalbox {

namespace {

// Prompts above this size make a "long-context" strength count as a match.
constexpr qint64 kLongContextTokens = 64000;
// Costs more than this factor below the dearest candidate count as that far below, so a free
// local model does not squeeze every other price score towards zero.
constexpr double kMaxCostRange = 1000.0;

QString yesNo(bool value) {
    return value ? QStringLiteral("yes") : QStringLiteral("no");
}

// The first reason the model cannot serve the request, or an empty string if it can.
QString unfitReason(const ModelConfig &model, const ChatRequestFeatures &features,
                    const TaskProfile &profile, const StageConfig *stage) {
    if (stage && !stage->allowed.isEmpty() && !stage->allowed.contains(model.id))
        return QStringLiteral("not allowed for stage '%1'").arg(stage->name);
    for (const QString &capability : profile.requiredCapabilities) {
        if (!model.hasCapability(capability))
            return QStringLiteral("no %1").arg(capability);
    }
    if (model.contextWindow > 0 && profile.contextTokens > model.contextWindow)
        return QStringLiteral("context %1 < %2 tokens needed")
            .arg(model.contextWindow)
            .arg(profile.contextTokens);
    if (model.maxOutputTokens > 0 && features.requestedMaxOutputTokens > model.maxOutputTokens)
        return QStringLiteral("max output %1 < %2 requested")
            .arg(model.maxOutputTokens)
            .arg(features.requestedMaxOutputTokens);
    return {};
}

bool matchesStrength(const ModelConfig &model, const TaskProfile &profile,
                     const ChatRequestFeatures &features) {
    for (const QString &strength : strengthsFor(profile.category)) {
        if (model.strengths.contains(strength))
            return true;
    }
    // A reasoning model is what a reasoning task wants, whatever its listed strengths.
    if (profile.category == TaskCategory::Reasoning &&
        model.hasCapability(QStringLiteral("reasoning")))
        return true;
    return features.estimatedInputTokens > kLongContextTokens &&
           model.strengths.contains(QStringLiteral("long-context"));
}

int minQualityFor(const MinQualityConfig &floors, Difficulty difficulty) {
    switch (difficulty) {
    case Difficulty::Low:
        return floors.low;
    case Difficulty::Medium:
        return floors.medium;
    case Difficulty::High:
        return floors.high;
    }
    return floors.medium;
}

// Sets the quality and price scores of `scores`. Quality counts from the difficulty's floor up to
// the highest possible quality, so quality above what the task needs is worth less the lower the
// floor is. Price is the log of the expected cost, placed between the cheapest and the dearest
// model of `pool`, because prices span three orders of magnitude.
void normalize(QList<CandidateScore> &scores, const QList<CandidateScore> &pool, int floor,
               double weight) {
    double maxCost = 0;
    for (const CandidateScore &entry : pool)
        maxCost = std::max(maxCost, entry.expectedCostUsd);
    double minCost = maxCost;
    for (const CandidateScore &entry : pool)
        minCost = std::min(minCost, entry.expectedCostUsd);
    const double costFloor = maxCost / kMaxCostRange;
    const double logMax = std::log(std::max(maxCost, 1e-12));
    const double logMin = std::log(std::max({minCost, costFloor, 1e-12}));
    const double qualitySpan = 100 + kStrengthBonus - floor;

    for (CandidateScore &entry : scores) {
        const int quality = entry.quality + (entry.strengthMatch ? kStrengthBonus : 0);
        entry.qualityScore = std::clamp((quality - floor) / qualitySpan, 0.0, 1.0);
        const double logCost = std::log(std::max({entry.expectedCostUsd, costFloor, 1e-12}));
        entry.priceScore = logMax > logMin ? (logMax - logCost) / (logMax - logMin) : 1.0;
        entry.priceScore = std::clamp(entry.priceScore, 0.0, 1.0);
        entry.score = weight * entry.qualityScore + (1 - weight) * entry.priceScore;
    }
}

// Orders models that meet the quality floor before those that do not, then by score, then the
// cheaper first, then by id so equal inputs always give the same order.
bool ranksBefore(const CandidateScore &a, const CandidateScore &b) {
    if (a.meetsFloor != b.meetsFloor)
        return a.meetsFloor;
    if (a.score != b.score)
        return a.score > b.score;
    if (a.expectedCostUsd != b.expectedCostUsd)
        return a.expectedCostUsd < b.expectedCostUsd;
    return a.model < b.model;
}

QString profileLine(const TaskProfile &profile) {
    QString line = QStringLiteral("auto profile (%1): category %2, difficulty %3 (%4 points), "
                                  "confidence %5, needs")
                       .arg(profile.source, taskCategoryName(profile.category),
                            difficultyName(profile.difficulty))
                       .arg(profile.difficultyPoints, 0, 'f', 2)
                       .arg(profile.confidence, 0, 'f', 2);
    line += profile.requiredCapabilities.isEmpty()
                ? QStringLiteral(" no special capability")
                : QLatin1Char(' ') + profile.requiredCapabilities.join(QLatin1String(", "));
    line += QStringLiteral(", context %1 tokens, expected output %2 tokens")
                .arg(profile.contextTokens)
                .arg(profile.expectedOutputTokens);
    return line;
}

QString featuresLine(const ChatRequestFeatures &features, const TaskFeatures &task) {
    return QStringLiteral("auto features: about %1 input tokens, %2 turns, code blocks %3, "
                          "code-like lines %4, languages [%5], error trace %6, tools %7, "
                          "images %8, JSON %9, max output %10, %11 characters scanned")
        .arg(features.estimatedInputTokens)
        .arg(features.turns)
        .arg(task.codeBlocks)
        .arg(task.codeLikeLines)
        .arg(task.languages.join(QLatin1String(", ")), yesNo(task.hasErrorTrace),
             yesNo(features.usesTools), yesNo(features.hasImages), yesNo(features.wantsJson))
        .arg(features.requestedMaxOutputTokens)
        .arg(task.scannedChars);
}

QString scoreLine(const CandidateScore &entry) {
    const QString reasoning =
        entry.reasoningTokens > 0
            ? QStringLiteral(" with %1 reasoning tokens").arg(entry.reasoningTokens)
            : QString();
    return QStringLiteral("%1 %2 (quality %3%4 -> %5, expected $%6%7 -> %8%9)")
        .arg(entry.model)
        .arg(entry.score, 0, 'f', 3)
        .arg(entry.quality)
        .arg(entry.strengthMatch ? QStringLiteral("+%1").arg(kStrengthBonus) : QString())
        .arg(entry.qualityScore, 0, 'f', 2)
        .arg(entry.expectedCostUsd, 0, 'f', 6)
        .arg(reasoning)
        .arg(entry.priceScore, 0, 'f', 2)
        .arg(entry.meetsFloor ? QString() : QStringLiteral(", below the quality floor"));
}

// Applies the classifier's verdict when there is one, and decides whether to request one.
void consultClassifier(AutoChoice &choice, const AutoRoutingConfig &settings,
                       const ChatRequestFeatures &features,
                       const std::optional<ClassifierOutcome> &classifier) {
    const TaskProfile &rules = choice.profile;
    if (rules.confidence >= settings.classifierMinConfidence) {
        choice.classifierNote = QStringLiteral("not needed: confidence %1 >= %2")
                                    .arg(rules.confidence, 0, 'f', 2)
                                    .arg(settings.classifierMinConfidence, 0, 'f', 2);
        return;
    }
    if (settings.classifierModel.isEmpty()) {
        choice.classifierNote = QStringLiteral("skipped: confidence %1 < %2 but "
                                               "routing.auto.classifier_model is not set")
                                    .arg(rules.confidence, 0, 'f', 2)
                                    .arg(settings.classifierMinConfidence, 0, 'f', 2);
        return;
    }
    if (!classifier) {
        choice.wantsClassifier = true;
        choice.classifierNote = QStringLiteral("wanted: confidence %1 < %2, ask '%3'")
                                    .arg(rules.confidence, 0, 'f', 2)
                                    .arg(settings.classifierMinConfidence, 0, 'f', 2)
                                    .arg(settings.classifierModel);
        return;
    }
    if (!classifier->verdict) {
        choice.classifierNote = classifier->note + QStringLiteral("; the rules' answer stands");
        return;
    }
    const ClassifierVerdict &verdict = *classifier->verdict;
    choice.classifierNote = QStringLiteral("'%1' answered %2/%3 (confidence %4, %5), "
                                           "the rules said %6/%7 at confidence %8 < %9")
                                .arg(verdict.model, taskCategoryName(verdict.category),
                                     difficultyName(verdict.difficulty))
                                .arg(verdict.confidence, 0, 'f', 2)
                                .arg(classifier->note, taskCategoryName(rules.category),
                                     difficultyName(rules.difficulty))
                                .arg(rules.confidence, 0, 'f', 2)
                                .arg(settings.classifierMinConfidence, 0, 'f', 2);
    choice.profile = applyClassification(rules, verdict.category, verdict.difficulty,
                                         verdict.confidence, features);
}

// The cost of input and billed output tokens at the model's list prices.
double listPriceCostUsd(const ModelConfig &model, qint64 inputTokens, qint64 billedOutputTokens) {
    const double input = double(inputTokens) * model.price.input;
    const double output = double(billedOutputTokens) * model.price.output;
    return (input + output) * 1e-6;
}

QList<CandidateScore> rankModels(AutoChoice &choice, const Config &config,
                                 const ChatRequestFeatures &features, const StageConfig *stage) {
    const TaskProfile &profile = choice.profile;
    const int floor = minQualityFor(config.routing.autoRouting.minQuality, profile.difficulty);
    QList<CandidateScore> scores;
    for (const ModelConfig &model : config.models) {
        const QString reason = unfitReason(model, features, profile, stage);
        if (!reason.isEmpty()) {
            choice.excluded << QStringLiteral("%1 (%2)").arg(model.id, reason);
            continue;
        }
        CandidateScore entry;
        entry.model = model.id;
        entry.quality = model.quality;
        entry.strengthMatch = matchesStrength(model, profile, features);
        entry.meetsFloor = model.quality >= floor;
        entry.expectedCostUsd =
            expectedCostUsd(model, features.estimatedInputTokens, profile.expectedOutputTokens);
        entry.reasoningTokens = expectedReasoningTokens(model, profile.expectedOutputTokens);
        scores << entry;
    }

    // The trade-off is made among the models that reach the floor, and the others only follow them.
    QList<CandidateScore> pool;
    for (const CandidateScore &entry : std::as_const(scores)) {
        if (entry.meetsFloor)
            pool << entry;
    }
    if (pool.isEmpty() && !scores.isEmpty())
        choice.trace << QStringLiteral("auto: no fitting model reaches quality %1 for %2 "
                                       "difficulty; ranking all that fit")
                            .arg(floor)
                            .arg(difficultyName(profile.difficulty));
    normalize(scores, pool.isEmpty() ? scores : pool, pool.isEmpty() ? 0 : floor,
              config.routing.autoRouting.qualityWeight);
    std::sort(scores.begin(), scores.end(), ranksBefore);
    return scores;
}

} // namespace

double reservationCostUsd(const ModelConfig &model, const ChatRequestFeatures &features,
                          qint64 defaultReservationOutputTokens) {
    const qint64 outputTokens =
        reservedOutputTokens(features.requestedMaxOutputTokens, model.maxOutputTokens,
                             defaultReservationOutputTokens, model.reasoningOutputFactor);
    return worstCaseCostUsd(features.estimatedInputTokens, outputTokens, model.price);
}

qint64 expectedReasoningTokens(const ModelConfig &model, qint64 outputTokens) {
    return std::llround(double(std::max<qint64>(0, outputTokens)) * model.reasoningOutputFactor);
}

double expectedCostUsd(const ModelConfig &model, qint64 inputTokens, qint64 outputTokens) {
    return listPriceCostUsd(model, inputTokens,
                            outputTokens + expectedReasoningTokens(model, outputTokens));
}

AutoChoice chooseAutomatically(const Config &config, const ChatRequestFeatures &features,
                               const TaskFeatures &task, const StageConfig *stage,
                               const std::optional<ClassifierOutcome> &classifier) {
    AutoChoice choice;
    choice.profile = profileTask(features, task);
    choice.trace << featuresLine(features, task);
    choice.trace << QStringLiteral("auto rules: ") +
                        choice.profile.ruleHits.join(QLatin1String("; "));
    consultClassifier(choice, config.routing.autoRouting, features, classifier);
    choice.trace << QStringLiteral("auto classifier: ") + choice.classifierNote;
    choice.trace << profileLine(choice.profile);

    choice.scores = rankModels(choice, config, features, stage);
    if (!choice.excluded.isEmpty())
        choice.trace
            << QStringLiteral("auto excluded: %1").arg(choice.excluded.join(QLatin1String(", ")));
    if (choice.scores.isEmpty()) {
        choice.trace << QStringLiteral("auto: no model can serve this request");
        return choice;
    }

    QStringList lines;
    for (const CandidateScore &entry : std::as_const(choice.scores)) {
        lines << scoreLine(entry);
        if (choice.candidates.size() < kMaxAutoCandidates)
            choice.candidates << entry.model;
    }
    const double weight = config.routing.autoRouting.qualityWeight;
    choice.trace << QStringLiteral("auto scores (%1 x quality + %2 x price): %3")
                        .arg(weight, 0, 'f', 2)
                        .arg(1 - weight, 0, 'f', 2)
                        .arg(lines.join(QLatin1String("; ")));
    choice.trace << QStringLiteral("auto: chose '%1', then %2")
                        .arg(choice.candidates.first(),
                             choice.candidates.size() > 1
                                 ? choice.candidates.mid(1).join(QLatin1String(", "))
                                 : QStringLiteral("no other auto candidate"));
    return choice;
}

} // namespace signalbox
