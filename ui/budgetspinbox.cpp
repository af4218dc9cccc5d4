// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "budgetspinbox.h"

#include "config/config.h"
#include "consoletext.h"

namespace signalbox {

BudgetSpinBox::BudgetSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent) {
    setDecimals(6);
    setRange(0, kMaxBudgetUsd);
    setPrefix(QStringLiteral("$"));
    setGroupSeparatorShown(true);
}

QString BudgetSpinBox::textFromValue(double value) const {
    return ConsoleText::decimals(value, 2, decimals());
}

} // namespace signalbox
