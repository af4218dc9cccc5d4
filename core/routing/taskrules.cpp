// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "routing/taskrules.h"

#include <algorithm>
#include <cmath>

namespace signalbox {

namespace {

// Greetings open many real requests ("Hi, the build fails..."), so in a longer message they
// barely count.
constexpr int kShortMessageWords = 25;
constexpr double kLongMessageChatFactor = 0.25;
constexpr double kNoHitConfidence = 0.25;
constexpr double kBoundaryMargin = 0.2;
constexpr double kBoundaryPenalty = 0.1;
// A question this short without code ("How do I read a file line by line in Go?") requests a
// snippet or a fact rather than work.
constexpr int kShortQuestionWords = 15;

int index(TaskCategory category) {
    return int(category);
}

QString formatWeight(double weight) {
    return QString::number(weight, 'g', 3);
}

void addSignal(TaskProfile &profile, TaskCategory category, double weight, const QString &why) {
    profile.categoryScores[index(category)] += weight;
    profile.ruleHits
        << QStringLiteral("%1 +%2 (%3)").arg(taskCategoryName(category), formatWeight(weight), why);
}

void scoreKeywords(TaskProfile &profile, const TaskFeatures &task) {
    const bool shortMessage = task.lastUserWords <= kShortMessageWords;
    for (const KeywordHit &hit : task.keywords) {
        double weight = hit.weight;
        if (hit.category == TaskCategory::Chat && !shortMessage)
            weight *= kLongMessageChatFactor;
        addSignal(profile, hit.category, weight, QStringLiteral("'%1'").arg(hit.keyword));
    }
}

void scoreStructure(TaskProfile &profile, const ChatRequestFeatures &request,
                    const TaskFeatures &task) {
    // After "Summarize this:" the code is the material, not the task.
    if (task.hasCode() && !task.materialSkipped)
        addSignal(profile, TaskCategory::Code, 1.0,
                  QStringLiteral("code: %1 blocks, %2 code-like lines")
                      .arg(task.codeBlocks)
                      .arg(task.codeLikeLines));
    for (const QString &language :
         {QStringLiteral("css"), QStringLiteral("scss"), QStringLiteral("html")}) {
        if (task.languages.contains(language)) {
            addSignal(profile, TaskCategory::Ui, 1.5, QStringLiteral("%1 code").arg(language));
            break;
        }
    }
    if (task.hasErrorLog && !task.materialSkipped)
        addSignal(profile, TaskCategory::Debugging, 1.5, QStringLiteral("error log"));
    if (request.wantsJson)
        addSignal(profile, TaskCategory::Summarize, 1.0, QStringLiteral("JSON output"));
    if (request.hasImages)
        addSignal(profile, TaskCategory::Ui, 0.5, QStringLiteral("image attached"));
    if (task.lastMessageIsToolResult)
        addSignal(profile, TaskCategory::Code, 0.5,
                  QStringLiteral("agent step after a tool result"));
}

// Picks the category with the highest score; ties go to the category listed first in
// TaskCategory. Returns the confidence of the choice.
double chooseCategory(TaskProfile &profile, const TaskFeatures &task) {
    const CategoryScores &scores = profile.categoryScores;
    double total = 0;
    int top = -1;
    for (int i = 0; i < kTaskCategoryCount; ++i) {
        total += scores[i];
        if (scores[i] > 0 && (top < 0 || scores[i] > scores[top]))
            top = i;
    }
    if (top < 0) {
        profile.category = task.hasCode() ? TaskCategory::Code : TaskCategory::Chat;
        profile.ruleHits << QStringLiteral("no keyword or structure hit");
        return kNoHitConfidence;
    }
    profile.category = TaskCategory(top);
    const double share = scores[top] / total;
    const double strength = std::min(1.0, scores[top] / 3.0);
    return 0.2 + 0.5 * share + 0.3 * strength;
}

double baseDifficultyPoints(TaskCategory category) {
    switch (category) {
    case TaskCategory::Architecture:
        return 1.4;
    case TaskCategory::Reasoning:
        return 1.2;
    case TaskCategory::Debugging:
    case TaskCategory::Code:
        return 1.0;
    case TaskCategory::Ui:
        return 0.5;
    case TaskCategory::Summarize:
        return 0.2;
    case TaskCategory::Chat:
        return 0.0;
    }
    return 1.0;
}

void addPoints(TaskProfile &profile, double points, const QString &why) {
    profile.difficultyPoints += points;
    profile.ruleHits << QStringLiteral("difficulty %1%2 (%3)")
                            .arg(points >= 0 ? QStringLiteral("+") : QString(),
                                 formatWeight(points), why);
}

void scoreDifficulty(TaskProfile &profile, const ChatRequestFeatures &request,
                     const TaskFeatures &task) {
    profile.difficultyPoints = baseDifficultyPoints(profile.category);
    const qint64 tokens = request.estimatedInputTokens;
    if (tokens > 2000)
        addPoints(profile, 0.3, QStringLiteral("prompt over 2000 tokens"));
    if (tokens > 8000)
        addPoints(profile, 0.3, QStringLiteral("prompt over 8000 tokens"));
    if (tokens > 30000)
        addPoints(profile, 0.3, QStringLiteral("prompt over 30000 tokens"));
    if (task.buildRequest)
        addPoints(profile, 0.3, QStringLiteral("asks to build something"));
    if (task.lastUserWords <= kShortQuestionWords && !task.hasCode() && task.userMessages <= 1 &&
        task.hardMarkers == 0)
        addPoints(profile, -0.4,
                  QStringLiteral("short request of %1 words").arg(task.lastUserWords));
    if (task.languages.size() >= 2)
        addPoints(profile, 0.3, QStringLiteral("%1 languages").arg(task.languages.size()));
    if (task.hardMarkers > 0)
        addPoints(profile, 0.5 * std::min(task.hardMarkers, 2.0),
                  QStringLiteral("hard markers %1").arg(formatWeight(task.hardMarkers)));
    if (task.easyMarkers > 0)
        addPoints(profile, -0.5 * std::min(task.easyMarkers, 1.5),
                  QStringLiteral("easy markers %1").arg(formatWeight(task.easyMarkers)));
    if (request.turns > 6)
        addPoints(profile, 0.2, QStringLiteral("%1 turns").arg(request.turns));
    if (request.usesTools)
        addPoints(profile, 0.2, QStringLiteral("tools"));
    if (request.requestedMaxOutputTokens > 8000)
        addPoints(profile, 0.3, QStringLiteral("max output over 8000 tokens"));

    const double points = profile.difficultyPoints;
    if (points < kMediumDifficultyPoints)
        profile.difficulty = Difficulty::Low;
    else if (points < kHighDifficultyPoints)
        profile.difficulty = Difficulty::Medium;
    else
        profile.difficulty = Difficulty::High;
}

bool nearBoundary(double points) {
    return std::abs(points - kMediumDifficultyPoints) < kBoundaryMargin ||
           std::abs(points - kHighDifficultyPoints) < kBoundaryMargin;
}

QStringList requiredCapabilities(const ChatRequestFeatures &request) {
    QStringList capabilities;
    if (request.usesTools)
        capabilities << QStringLiteral("tools");
    if (request.hasImages)
        capabilities << QStringLiteral("vision");
    if (request.wantsJson)
        capabilities << QStringLiteral("json");
    return capabilities;
}

void setSizes(TaskProfile &profile, const ChatRequestFeatures &request) {
    profile.expectedOutputTokens =
        expectedOutputTokens(profile.difficulty, request.requestedMaxOutputTokens);
    const qint64 output = request.requestedMaxOutputTokens > 0 ? request.requestedMaxOutputTokens
                                                               : profile.expectedOutputTokens;
    profile.contextTokens = request.estimatedInputTokens + output;
}

} // namespace

qint64 expectedOutputTokens(Difficulty difficulty, qint64 requestedMaxOutputTokens) {
    qint64 expected = 1200;
    if (difficulty == Difficulty::Low)
        expected = 400;
    else if (difficulty == Difficulty::High)
        expected = 3000;
    if (requestedMaxOutputTokens > 0)
        expected = std::min(expected, requestedMaxOutputTokens);
    return expected;
}

TaskProfile profileTask(const ChatRequestFeatures &request, const TaskFeatures &task) {
    TaskProfile profile;
    profile.source = QStringLiteral("rules");
    scoreKeywords(profile, task);
    scoreStructure(profile, request, task);
    double confidence = chooseCategory(profile, task);
    scoreDifficulty(profile, request, task);
    if (nearBoundary(profile.difficultyPoints)) {
        confidence -= kBoundaryPenalty;
        profile.ruleHits << QStringLiteral("confidence -%1 (difficulty near a boundary)")
                                .arg(formatWeight(kBoundaryPenalty));
    }
    profile.confidence = std::clamp(confidence, 0.05, 0.95);
    profile.requiredCapabilities = requiredCapabilities(request);
    setSizes(profile, request);
    return profile;
}

TaskProfile applyClassification(TaskProfile profile, TaskCategory category, Difficulty difficulty,
                                double confidence, const ChatRequestFeatures &request) {
    profile.category = category;
    profile.difficulty = difficulty;
    profile.confidence = std::clamp(confidence, 0.0, 1.0);
    profile.source = QStringLiteral("classifier");
    setSizes(profile, request);
    return profile;
}

} // namespace signalbox
