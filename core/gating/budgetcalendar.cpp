// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "budgetcalendar.h"

#include <algorithm>
#include <iterator>
#include <limits>

namespace signalbox {

Result<BudgetCalendar> BudgetCalendar::create(const QString &timeZoneId, int resetHour) {
    if (resetHour < 0 || resetHour > 23) {
        return Error{QStringLiteral("reset hour %1 is out of range; use an hour from 0 to 23")
                         .arg(resetHour)};
    }
    if (timeZoneId == QLatin1String("local"))
        return BudgetCalendar(QTimeZone::systemTimeZone(), resetHour);

    const QTimeZone zone(timeZoneId.toUtf8());
    if (!zone.isValid()) {
        return Error{QStringLiteral("time zone '%1' is unknown; use an IANA id such as "
                                    "Europe/Berlin, or \"local\"")
                         .arg(timeZoneId)};
    }
    return BudgetCalendar(zone, resetHour);
}

BudgetCalendar::BudgetCalendar(const QTimeZone &zone, int resetHour)
    : m_zone(zone)
    , m_resetHour(resetHour) {
}

const BudgetPeriodBounds *BudgetCalendar::cached(const std::optional<BudgetPeriodBounds> &period,
                                                 qint64 instantMSecs) {
    if (period && instantMSecs >= period->start.toMSecsSinceEpoch() &&
        instantMSecs < period->end.toMSecsSinceEpoch())
        return &*period;
    return nullptr;
}

BudgetPeriodBounds BudgetCalendar::dayAt(const QDateTime &instant) const {
    if (const BudgetPeriodBounds *day = cached(m_lastDay, instant.toMSecsSinceEpoch()))
        return *day;
    const QDate date = periodDateAt(instant);
    m_lastDay =
        BudgetPeriodBounds{startOf(date), startOf(date.addDays(1)), date.toString(Qt::ISODate)};
    return *m_lastDay;
}

BudgetPeriodBounds BudgetCalendar::monthAt(const QDateTime &instant) const {
    if (const BudgetPeriodBounds *month = cached(m_lastMonth, instant.toMSecsSinceEpoch()))
        return *month;
    const QDate date = periodDateAt(instant);
    const QDate first(date.year(), date.month(), 1);
    m_lastMonth = BudgetPeriodBounds{startOf(first), startOf(first.addMonths(1)),
                                     first.toString(QStringLiteral("yyyy-MM"))};
    return *m_lastMonth;
}

// The local date whose daily period contains the instant: before the reset hour, that is the
// previous calendar day.
QDate BudgetCalendar::periodDateAt(const QDateTime &instant) const {
    const QDate localDate = instant.toTimeZone(m_zone).date();
    if (instant < startOf(localDate))
        return localDate.addDays(-1);
    return localDate;
}

// The earliest instant whose local wall time is at or after the reset hour of the date. Qt 6.4
// returns an invalid QDateTime for a wall time in a DST gap and the later of two for a repeated
// one, so the instant is derived from the UTC offsets in force around it.
QDateTime BudgetCalendar::startOf(const QDate &date) const {
    const QDateTime wallAsUtc(date, QTime(m_resetHour, 0), QTimeZone::utc());
    const qint64 wallMSecs = wallAsUtc.toMSecsSinceEpoch();

    // Offsets span -12 h to +14 h, so any offset that can apply to this wall time is in force
    // somewhere within 15 hours of it.
    const qint64 margin = 15 * 3600;
    const int offsets[] = {m_zone.offsetFromUtc(wallAsUtc.addSecs(-margin)),
                           m_zone.offsetFromUtc(wallAsUtc),
                           m_zone.offsetFromUtc(wallAsUtc.addSecs(margin))};

    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const int offset : offsets) {
        const qint64 candidate = wallMSecs - qint64(offset) * 1000;
        const QDateTime instant = QDateTime::fromMSecsSinceEpoch(candidate, QTimeZone::utc());
        if (m_zone.offsetFromUtc(instant) == offset)
            earliest = std::min(earliest, candidate);
    }

    if (earliest == std::numeric_limits<qint64>::max()) {
        // The wall time is skipped by a jump forward: the period starts at that jump.
        const int largest = *std::max_element(std::begin(offsets), std::end(offsets));
        const QDateTime before =
            QDateTime::fromMSecsSinceEpoch(wallMSecs - qint64(largest) * 1000, QTimeZone::utc());
        const QTimeZone::OffsetData jump = m_zone.nextTransition(before);
        earliest = jump.atUtc.toMSecsSinceEpoch();
    }
    return QDateTime::fromMSecsSinceEpoch(earliest, m_zone);
}

} // namespace signalbox
