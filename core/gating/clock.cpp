// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "clock.h"

namespace signalbox {

QDateTime SystemClock::now() const {
    return QDateTime::currentDateTimeUtc();
}

ManualClock::ManualClock(const QDateTime &start)
    : m_now(start.toUTC()) {
}

QDateTime ManualClock::now() const {
    return m_now;
}

void ManualClock::setNow(const QDateTime &instant) {
    m_now = instant.toUTC();
}

void ManualClock::advanceMSecs(qint64 milliseconds) {
    m_now = m_now.addMSecs(milliseconds);
}

} // namespace signalbox
