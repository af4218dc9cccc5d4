// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QPair>

namespace signalbox {

// Today's running total of spend and the lines it is measured against.
struct SpendSeries {
    QDateTime dayStart; // start of the current budget day
    QDateTime dayEnd;
    double dailyBudgetUsd = 0; // 0 when the config sets no daily budget
    QList<double> warnAt;      // fractions of the daily budget, ascending
    // Running total in USD, one point per minute that has rows, at the time of its last row.
    QList<QPair<QDateTime, double>> points;
};

// Client requests per minute over the last hour, oldest minute first.
struct RequestRate {
    static constexpr int Minutes = 60;

    QDateTime firstMinute;   // start of the oldest minute, UTC
    QList<qint64> perMinute; // Minutes entries; the last one is the current, unfinished minute
};

} // namespace signalbox

Q_DECLARE_METATYPE(signalbox::SpendSeries)
Q_DECLARE_METATYPE(signalbox::RequestRate)
