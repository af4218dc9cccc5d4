// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "routing/taskprofile.h"

namespace signalbox {

namespace {

constexpr TaskCategory kCategories[] = {
    TaskCategory::Architecture, TaskCategory::Reasoning, TaskCategory::Debugging,
    TaskCategory::Code,         TaskCategory::Ui,        TaskCategory::Summarize,
    TaskCategory::Chat,
};

} // namespace

QString taskCategoryName(TaskCategory category) {
    switch (category) {
    case TaskCategory::Architecture:
        return QStringLiteral("architecture");
    case TaskCategory::Reasoning:
        return QStringLiteral("reasoning");
    case TaskCategory::Debugging:
        return QStringLiteral("debugging");
    case TaskCategory::Code:
        return QStringLiteral("code");
    case TaskCategory::Ui:
        return QStringLiteral("ui");
    case TaskCategory::Summarize:
        return QStringLiteral("summarize");
    case TaskCategory::Chat:
        return QStringLiteral("chat");
    }
    return QStringLiteral("chat");
}

QString difficultyName(Difficulty difficulty) {
    switch (difficulty) {
    case Difficulty::Low:
        return QStringLiteral("low");
    case Difficulty::Medium:
        return QStringLiteral("medium");
    case Difficulty::High:
        return QStringLiteral("high");
    }
    return QStringLiteral("medium");
}

std::optional<TaskCategory> parseTaskCategory(const QString &name) {
    const QString lower = name.trimmed().toLower();
    for (TaskCategory category : kCategories) {
        if (taskCategoryName(category) == lower)
            return category;
    }
    return std::nullopt;
}

std::optional<Difficulty> parseDifficulty(const QString &name) {
    const QString lower = name.trimmed().toLower();
    for (Difficulty difficulty : {Difficulty::Low, Difficulty::Medium, Difficulty::High}) {
        if (difficultyName(difficulty) == lower)
            return difficulty;
    }
    return std::nullopt;
}

QStringList strengthsFor(TaskCategory category) {
    QStringList strengths{taskCategoryName(category)};
    if (category == TaskCategory::Debugging)
        strengths << QStringLiteral("code");
    if (category == TaskCategory::Chat)
        strengths << QStringLiteral("triage");
    return strengths;
}

} // namespace signalbox
