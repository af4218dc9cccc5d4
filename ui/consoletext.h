// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "gating/gatesnapshot.h"

#include <QCoreApplication>
#include <QString>

namespace signalbox {

// Texts that several pages show the same way: amounts, gate names and gate states.
class ConsoleText {
    Q_DECLARE_TR_FUNCTIONS(ConsoleText)

public:
    // "$1.2346", with five decimals below one cent so small requests do not read as $0.0000.
    static QString usd(double amount);
    // "$1.23", for totals and budgets. An amount below one cent that is not zero keeps up to six
    // decimals ("$0.004"), so that a small budget does not read as none.
    static QString usdShort(double amount);
    // The amount in the locale's format with at least minDecimals and at most maxDecimals
    // decimals, without trailing zeros beyond the minimum: 5000000 → "5,000,000.00", 0.004 →
    // "0.004".
    static QString decimals(double amount, int minDecimals, int maxDecimals);
    static QString percent(double fraction);

    // "Daily budget", "Stage budget: ui", "Requests per minute: global", ...
    static QString gateTitle(const GateStatus &gate);
    // The gate's amount in its unit: USD for budgets, a count for rate limits.
    static QString gateAmount(const GateStatus &gate, double amount);
    static QString gateStateName(GateState state);
    // Limit, spent, reserved and reset time, one per line, for a tooltip.
    static QString gateDetails(const GateStatus &gate);

    static QString stageName(const QString &stage); // "(no stage)" for an empty name
};

bool isBudgetGate(const GateStatus &gate);

} // namespace signalbox
