// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QDoubleSpinBox>

namespace signalbox {

// A spin box for a budget in USD over the range the config accepts (0 to 1,000,000,000). A budget
// below one cent keeps up to six decimals, so applying a config never rounds a budget the user
// did not edit.
class BudgetSpinBox : public QDoubleSpinBox {
    Q_OBJECT

public:
    explicit BudgetSpinBox(QWidget *parent = nullptr);

    QString textFromValue(double value) const override;
};

} // namespace signalbox
