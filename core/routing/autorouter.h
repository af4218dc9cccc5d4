// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/tokens.h"
#include "config/config.h"
#include "routing/classifier.h"
#include "routing/taskfeatures.h"
#include "routing/taskprofile.h"

#include <optional>

namespace signalbox {

// Maximum number of models automatic routing puts in a decision before the stage's and the
// global fallbacks. Each extra one is another provider call when the gates or the upstream reject.
constexpr int kMaxAutoCandidates = 4;

// Score of one model for a request. Price scores are relative to the other models that fit.
struct CandidateScore {
    QString model;
    int quality = 0;            // the registry's quality, 0-100
    bool strengthMatch = false; // a registry strength matches the task, worth kStrengthBonus
    bool meetsFloor = false;    // quality >= routing.auto.min_quality for the difficulty
    // Estimated prompt x input price + (expected output + reasoning tokens) x output price.
    double expectedCostUsd = 0;
    qint64 reasoningTokens = 0; // hidden reasoning tokens expected, see expectedReasoningTokens()
    double qualityScore = 0;    // 0..1: (quality + bonus - floor) / (105 - floor)
    double priceScore = 0;      // 0..1 among the ranked models, 1 = cheapest
    double score = 0;           // w x qualityScore + (1 - w) x priceScore
};

// Quality points a model gains when one of its strengths matches the task's category.
constexpr int kStrengthBonus = 5;

// Result of automatic routing, for the trace, the ledger and POST /api/route.
struct AutoChoice {
    QStringList candidates; // best first, at most kMaxAutoCandidates; empty when none fits
    TaskProfile profile;
    QList<CandidateScore> scores; // every model that fits, in ranking order
    QStringList excluded;         // "model (reason)" for each model that cannot serve
    // True when the rules are less sure than routing.auto.classifier_min_confidence, a
    // classifier model is configured and no classifier outcome was passed in.
    bool wantsClassifier = false;
    QString classifierNote; // what the classifier did or why it was not asked
    QStringList trace;
};

// Level 3 of the router. Profiles the task (rules, or the classifier's verdict when given), keeps
// the models that have the capabilities it needs, fit its context and output and that the stage
// allows, then ranks them by score = w x quality score + (1 - w) x price score with
// w = routing.auto.quality_weight. Models below the difficulty's minimum quality rank after all
// others. Pure: it calls no upstream.
AutoChoice chooseAutomatically(const Config &config, const ChatRequestFeatures &features,
                               const TaskFeatures &task, const StageConfig *stage,
                               const std::optional<ClassifierOutcome> &classifier = {});

// The worst-case cost in USD that the gates reserve for a request on a model: the estimated prompt
// at the highest input price plus the reserved output at the output price. A request without
// max_tokens reserves defaultReservationOutputTokens (gates.reserve_output_tokens) and the
// model's reasoning share of it, capped by the model's maximum output.
double reservationCostUsd(const ModelConfig &model, const ChatRequestFeatures &features,
                          qint64 defaultReservationOutputTokens);

// The hidden reasoning tokens a model is expected to spend on a visible output of outputTokens:
// outputTokens x the model's reasoning_output_factor.
qint64 expectedReasoningTokens(const ModelConfig &model, qint64 outputTokens);

// The expected cost in USD of a request on a model: the estimated prompt at the input price plus
// the expected output tokens and the reasoning tokens they bring at the output price.
double expectedCostUsd(const ModelConfig &model, qint64 inputTokens, qint64 outputTokens);

} // namespace signalbox
