// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/tokens.h"
#include "routing/taskfeatures.h"
#include "routing/taskprofile.h"

namespace signalbox {

// Difficulty points at which a task becomes medium and high, see profileTask().
constexpr double kMediumDifficultyPoints = 0.8;
constexpr double kHighDifficultyPoints = 1.6;

// Turns the features of a request into a task profile by fixed rules:
// - category: the category with the highest sum of keyword weights and structure signals (code
//   in the request, CSS or HTML code, JSON output, an attached image, a tool result);
// - difficulty: a base per category, plus points for a long prompt, a request to build
//   something, several languages, many turns, tools, a large output limit, hard markers and
//   demanding subjects, minus points for easy markers, routine subjects, a short request without
//   code and a small request on code or a page;
// - confidence: 0.2 + 0.5 x (the top category's share of all weight) + 0.3 x min(1, top / 3),
//   less 0.1 when the difficulty points sit within 0.2 of a boundary; 0.25 without any hit.
TaskProfile profileTask(const ChatRequestFeatures &request, const TaskFeatures &task);

// Replaces the category and difficulty of a rules profile with a classifier's verdict, and
// recomputes the sizes that depend on them.
TaskProfile applyClassification(TaskProfile profile, TaskCategory category, Difficulty difficulty,
                                double confidence, const ChatRequestFeatures &request);

// The output tokens the cost model expects: 400, 1200 or 3000 by difficulty, capped by the
// request's own maximum when it sets one.
qint64 expectedOutputTokens(Difficulty difficulty, qint64 requestedMaxOutputTokens);

} // namespace signalbox
