// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace signalbox {

// The kinds of work the automatic router distinguishes. Each maps to model strengths in the
// registry, see strengthsFor().
enum class TaskCategory {
    Architecture, // system and API design, structure, trade-offs
    Reasoning,    // math, proofs, algorithms, puzzles
    Debugging,    // errors, crashes, failing tests, stack traces
    Code,         // writing, reviewing and refactoring code
    Ui,           // CSS, layout, components, styling
    Summarize,    // summaries, translations, formatting, extraction, commit messages
    Chat,         // greetings, thanks, small talk
};

constexpr int kTaskCategoryCount = 7;

enum class Difficulty { Low, Medium, High };

QString taskCategoryName(TaskCategory category);
QString difficultyName(Difficulty difficulty);

// Parses the names taskCategoryName() and difficultyName() return; case-insensitive.
std::optional<TaskCategory> parseTaskCategory(const QString &name);
std::optional<Difficulty> parseDifficulty(const QString &name);

// The registry strengths that count as a match for a category: the category's own name, "code"
// for debugging and "triage" for chat.
QStringList strengthsFor(TaskCategory category);

// Per-category weights of the keyword and structure hits, indexed by TaskCategory.
using CategoryScores = std::array<double, kTaskCategoryCount>;

// Profile of a request's task, concluded before the router looks at models.
struct TaskProfile {
    TaskCategory category = TaskCategory::Chat;
    Difficulty difficulty = Difficulty::Low;
    double confidence = 0; // 0..1, how sure the rules (or the classifier) are
    QString source;        // "rules" or "classifier"
    QStringList requiredCapabilities;
    qint64 contextTokens = 0;        // estimated prompt + the output the context must hold
    qint64 expectedOutputTokens = 0; // for the cost model the router scores with
    CategoryScores categoryScores{};
    double difficultyPoints = 0; // the rules' sum, see profileTask()
    QStringList ruleHits;        // one entry per rule that fired, with its weight
};

} // namespace signalbox
