// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "result.h"

#include <QDateTime>
#include <QTimeZone>

#include <optional>

namespace signalbox {

// One budget period: [start, end) as instants, and the key that names it in gate state.
struct BudgetPeriodBounds {
    QDateTime start; // in the calendar's time zone
    QDateTime end;   // the instant the next period starts
    QString key;     // "2026-12-04" for a day, "2026-12" for a month
};

// Splits time into daily and monthly budget periods. A day starts at the reset hour in the time
// zone, so a day that contains a DST change lasts 23 or 25 hours. A month starts at the reset hour
// on the 1st. When the reset hour falls into a DST gap, the period starts when the clocks jump
// forward; when it occurs twice, the period starts at the first occurrence.
//
// The last day and month computed are cached, because every request asks for the current
// period and each computation takes several time zone lookups. The cache makes concurrent calls
// on one calendar unsafe; each Gates object uses its own on the router thread.
class BudgetCalendar {
public:
    // Creates a calendar for an IANA time zone id or "local" (the system time zone).
    static Result<BudgetCalendar> create(const QString &timeZoneId, int resetHour);

    BudgetPeriodBounds dayAt(const QDateTime &instant) const;
    BudgetPeriodBounds monthAt(const QDateTime &instant) const;

    const QTimeZone &timeZone() const { return m_zone; }
    int resetHour() const { return m_resetHour; }

private:
    BudgetCalendar(const QTimeZone &zone, int resetHour);

    QDate periodDateAt(const QDateTime &instant) const;
    QDateTime startOf(const QDate &date) const;

    // Returns the cached period when it contains the instant.
    static const BudgetPeriodBounds *cached(const std::optional<BudgetPeriodBounds> &period,
                                            qint64 instantMSecs);

    QTimeZone m_zone;
    int m_resetHour = 0;
    mutable std::optional<BudgetPeriodBounds> m_lastDay;
    mutable std::optional<BudgetPeriodBounds> m_lastMonth;
};

} // namespace signalbox
