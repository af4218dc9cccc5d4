// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "gating/gatestore.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace signalbox {

enum class GateState {
    Ok,
    Warning, // at or above the lowest warning fraction of its limit
    Tripped  // settled spend, or the window count, is at or above the limit
};

// One gate as the console, GET /api/gates and /metrics show it.
struct GateStatus {
    QString id;   // daily_budget, stage_budget:ui, rate:global:rpm, ...
    QString kind; // daily_budget, monthly_budget, stage_budget, model_budget, rate_rpm, rate_tpm
    double limit = 0;    // USD, or requests or tokens per minute
    double spent = 0;    // USD settled this period, or requests or tokens in the last 60 s
    double reserved = 0; // USD held by open reservations; 0 for rate limits
    QDateTime resetsAt;  // budget: the period end; rate: when the oldest entry leaves (or null)
    GateState state = GateState::Ok;
};

struct GateSnapshot {
    QDateTime takenAt;
    QList<GateStatus> gates;
    GateStoreStatus store;
};

// Returns the state for an amount used against a limit, warning from `warnFraction` of it on
// (no warning state when warnFraction is 0).
GateState gateStateFor(double used, double limit, double warnFraction);

QString gateStateName(GateState state);

// Builds the body of GET /api/gates: {"taken_at": ISO, "gates": [{"id", "kind", "limit",
// "spent", "reserved", "resets_at", "state"}], "store": {"kind", "healthy", "policy",
// "endpoint", "error", "instances_reporting", "pending_settlements"}}.
QJsonObject gatesToJson(const GateSnapshot &snapshot);

// Builds the gate metrics in the Prometheus text exposition format, with HELP and TYPE lines.
QByteArray gatesMetricsText(const GateSnapshot &snapshot);

} // namespace signalbox
