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
// The confidence in the difficulty is this much at a boundary and grows by the distance to it,
// so a request within 0.1 points of a boundary goes to the classifier at the default threshold.
constexpr double kDifficultyConfidenceAtBoundary = 0.5;
constexpr double kPointsRounding = 1e-9;
// A question this short without code ("How do I read a file line by line in Go?") requests a
// snippet or a fact rather than work.
constexpr int kShortQuestionWords = 15;
// Separators between requirements from which a request counts as asking for several things,
// and for many ("tokens, theming, accessible primitives, and a migration path").
constexpr int kManyAsks = 3;
constexpr int kVeryManyAsks = 5;
// Fenced code lines from which summarizing or translating is work on code, not on prose, and
// from which finding the cause of a symptom means reading a whole file.
constexpr int kCodeMaterialLines = 40;
constexpr int kLargeCodeLines = 150;
// Pasted code with this many function or type definitions, or this many files, is a change
// across a module rather than a snippet.
constexpr int kManyDefinitions = 5;
constexpr int kManyFiles = 2;
// A body this large makes "quick" or "simple" describe the asker's hope, not the work
// ("quick question" before a deadlock in 60 lines of Go).
constexpr qint64 kLargeBodyTokens = 600;
constexpr int kLargeBodyCodeLines = 30;
// A request on code or a page this small, with no sign of hard work, is low work whatever its
// category ("a regex for a date", "center this button"): under 20 lines of code, under 400
// tokens and fewer than kManyAsks requirements.
constexpr int kSmallRequestCodeLines = 20;
constexpr qint64 kSmallRequestTokens = 400;
constexpr double kSmallRequestPoints = -0.7;
// Confidence taken off where the rules were found unreliable on sets by different authors, see
// unreliableDifficultyPenalty().
constexpr double kUnreliablePenalty = 0.1;

// Returns the summed weights of the words and the subjects that signal hard work.
double hardWeight(const TaskFeatures &task) {
    return task.hardMarkers + task.hardSubjects;
}

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
    if (task.choiceQuestion)
        addSignal(profile, TaskCategory::Architecture, 1.0,
                  QStringLiteral("question between alternatives"));
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

// Points for what the request asks beyond its vocabulary: how many requirements it lists, work
// repeated over many items, and how much code it hands over.
void scoreRequestShape(TaskProfile &profile, const TaskFeatures &task) {
    if (task.asks >= kManyAsks)
        addPoints(profile, 0.2,
                  QStringLiteral("%1 separators between requirements").arg(task.asks));
    if (task.asks >= kVeryManyAsks)
        addPoints(profile, 0.2, QStringLiteral("more than %1 requirements").arg(kVeryManyAsks));
    if (task.broadScope && profile.category == TaskCategory::Summarize)
        addPoints(profile, 0.3, QStringLiteral("the text task repeats over many items"));
    if (profile.category == TaskCategory::Summarize && task.codeLines >= kCodeMaterialLines)
        addPoints(profile, 0.3,
                  QStringLiteral("the material is %1 lines of code").arg(task.codeLines));
    if (profile.category == TaskCategory::Debugging && !task.hasErrorTrace && !task.hasErrorLog &&
        task.codeLines >= kLargeCodeLines)
        addPoints(profile, 0.3,
                  QStringLiteral("a cause to find in %1 lines of code").arg(task.codeLines));
    if (task.causeQuestion && hardWeight(task) > 0 && (task.hasErrorTrace || task.hasCode()))
        addPoints(profile, 0.3, QStringLiteral("asks why, with evidence and a hard marker"));
    // Styling a page is small work; finding why a layout breaks or how to organize styles is not.
    if (profile.category == TaskCategory::Ui &&
        (task.causeQuestion || profile.categoryScores[index(TaskCategory::Architecture)] > 0))
        addPoints(profile, 0.3, QStringLiteral("UI work that asks for a cause or a structure"));
}

// Points for what pasted code shows of the work, whatever words the request uses: threads,
// locks or atomics, and code that spans many definitions or files.
void scoreCodeEvidence(TaskProfile &profile, const TaskFeatures &task) {
    const TaskCategory category = profile.category;
    const bool codeWork = category == TaskCategory::Code || category == TaskCategory::Debugging ||
                          category == TaskCategory::Reasoning;
    if (codeWork && task.concurrencyInCode > 0)
        addPoints(profile, 0.3,
                  QStringLiteral("%1 concurrency names in the code").arg(task.concurrencyInCode));
    if (task.codeDefinitions >= kManyDefinitions || task.codeFiles >= kManyFiles)
        addPoints(profile, 0.2,
                  QStringLiteral("code of %1 definitions and %2 file headers")
                      .arg(task.codeDefinitions)
                      .arg(task.codeFiles));
}

bool isSmallRequest(const TaskProfile &profile, const ChatRequestFeatures &request,
                    const TaskFeatures &task) {
    const TaskCategory category = profile.category;
    const bool codeOrPage = category == TaskCategory::Code || category == TaskCategory::Debugging ||
                            category == TaskCategory::Ui;
    return codeOrPage && task.codeLines < kSmallRequestCodeLines &&
           request.estimatedInputTokens < kSmallRequestTokens && hardWeight(task) == 0 &&
           task.asks < kManyAsks && task.concurrencyInCode == 0;
}

bool hasLargeBody(const ChatRequestFeatures &request, const TaskFeatures &task) {
    return request.estimatedInputTokens > kLargeBodyTokens || task.codeLines >= kLargeBodyCodeLines;
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
    // A short request to build something, or a short design question, still asks for work.
    const bool designQuestion = profile.categoryScores[index(TaskCategory::Architecture)] > 0;
    if (task.lastUserWords <= kShortQuestionWords && !task.hasCode() && task.userMessages <= 1 &&
        hardWeight(task) == 0 && !task.buildRequest && !designQuestion)
        addPoints(profile, -0.4,
                  QStringLiteral("short request of %1 words").arg(task.lastUserWords));
    if (isSmallRequest(profile, request, task))
        addPoints(profile, kSmallRequestPoints,
                  QStringLiteral("small request: %1 lines of code, %2 tokens")
                      .arg(task.codeLines)
                      .arg(tokens));
    scoreRequestShape(profile, task);
    scoreCodeEvidence(profile, task);
    if (task.languages.size() >= 2)
        addPoints(profile, 0.3, QStringLiteral("%1 languages").arg(task.languages.size()));
    const double hard = hardWeight(task);
    if (hard > 0)
        addPoints(profile, 0.5 * std::min(hard, 2.0),
                  QStringLiteral("hard markers %1, demanding subjects %2")
                      .arg(formatWeight(task.hardMarkers), formatWeight(task.hardSubjects)));
    // An easy marker before a large body describes a hope, but a routine subject names the work
    // ("just list the failed tasks" before a long CI log), so it counts whatever the size.
    const bool largeBody = hasLargeBody(request, task);
    if (task.easyMarkers > 0 && largeBody)
        profile.ruleHits << QStringLiteral("easy markers %1 ignored: the body is large")
                                .arg(formatWeight(task.easyMarkers));
    const double easy = task.easySubjects + (largeBody ? 0 : task.easyMarkers);
    if (easy > 0)
        addPoints(profile, -0.5 * std::min(easy, 1.5),
                  QStringLiteral("easy markers %1, routine subjects %2")
                      .arg(formatWeight(largeBody ? 0 : task.easyMarkers),
                           formatWeight(task.easySubjects)));
    if (request.turns > 6)
        addPoints(profile, 0.2, QStringLiteral("%1 turns").arg(request.turns));
    if (request.usesTools)
        addPoints(profile, 0.2, QStringLiteral("tools"));
    if (request.requestedMaxOutputTokens > 8000)
        addPoints(profile, 0.3, QStringLiteral("max output over 8000 tokens"));

    // Sums such as 1.4 + 0.2 land a rounding error below a boundary they reach.
    const double points = profile.difficultyPoints + kPointsRounding;
    if (points < kMediumDifficultyPoints)
        profile.difficulty = Difficulty::Low;
    else if (points < kHighDifficultyPoints)
        profile.difficulty = Difficulty::Medium;
    else
        profile.difficulty = Difficulty::High;
}

// Returns how sure the rules are of the difficulty: the labelled sets agree with it in 64% of the
// requests 0.1 to 0.4 points from a boundary and in 86% beyond 0.4 (docs/routing.md).
double difficultyConfidence(double points) {
    const double distance = std::min(std::abs(points - kMediumDifficultyPoints),
                                     std::abs(points - kHighDifficultyPoints));
    // Rounded to 0.001, so that 0.8 - 0.7 counts as the 0.1 it is.
    return kDifficultyConfidenceAtBoundary + std::round(distance * 1000) / 1000;
}

// Returns the confidence to take off where a difficulty rested on evidence that sets by
// different authors disagreed on. A high level needs a sign of hard work: a hard marker,
// concurrency in the code, a long prompt or a long conversation. Without one it rests on the
// category and the count of requirements, and one author's "high" was another's "medium".
// Concurrency in the code below high is the opposite case.
double unreliableDifficultyPenalty(TaskProfile &profile, const ChatRequestFeatures &request,
                                   const TaskFeatures &task) {
    const bool hardEvidence = hardWeight(task) > 0 || task.concurrencyInCode > 0 ||
                              request.estimatedInputTokens > 2000 || request.turns > 6;
    double penalty = 0;
    if (profile.difficulty == Difficulty::High && !hardEvidence &&
        profile.category != TaskCategory::Reasoning) {
        penalty += kUnreliablePenalty;
        profile.ruleHits << QStringLiteral("confidence -%1 (high without a sign of hard work)")
                                .arg(formatWeight(kUnreliablePenalty));
    }
    if (profile.difficulty != Difficulty::High && task.concurrencyInCode > 0) {
        penalty += kUnreliablePenalty;
        profile.ruleHits << QStringLiteral("confidence -%1 (concurrency in the code, not high)")
                                .arg(formatWeight(kUnreliablePenalty));
    }
    return penalty;
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
    const double difficultySure = difficultyConfidence(profile.difficultyPoints);
    if (difficultySure < confidence) {
        confidence = difficultySure;
        profile.ruleHits << QStringLiteral("confidence %1 (difficulty %2 points from a boundary)")
                                .arg(
                                    formatWeight(difficultySure),
                                    formatWeight(difficultySure - kDifficultyConfidenceAtBoundary));
    }
    confidence -= unreliableDifficultyPenalty(profile, request, task);
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
