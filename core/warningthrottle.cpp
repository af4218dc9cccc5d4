// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "warningthrottle.h"

#include <utility>

namespace signalbox {

WarningThrottle::WarningThrottle(int intervalMs, Report report, QObject *parent)
    : QObject(parent)
    , m_intervalMs(intervalMs)
    , m_report(std::move(report)) {
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &WarningThrottle::flush);
}

// Counts held back at shutdown are reported rather than dropped.
WarningThrottle::~WarningThrottle() {
    flush();
}

bool WarningThrottle::admit(const QString &kind) {
    const qint64 now = m_clock.elapsed();
    KindState &state = m_kinds[kind];
    if (state.loggedAtMs >= 0 && now - state.loggedAtMs < m_intervalMs) {
        ++state.heldBack;
        if (!m_timer.isActive())
            m_timer.start();
        return false;
    }

    // The count goes out before the line that follows it, so the log reads in order.
    if (state.heldBack > 0)
        m_report(kind, std::exchange(state.heldBack, 0));
    state.loggedAtMs = now;
    return true;
}

void WarningThrottle::flush() {
    const qint64 now = m_clock.elapsed();
    for (auto it = m_kinds.begin(); it != m_kinds.end(); ++it) {
        if (it->heldBack == 0)
            continue;
        m_report(it.key(), std::exchange(it->heldBack, 0));
        // A count is a line of its own: the next warning of the kind waits a whole interval.
        it->loggedAtMs = now;
    }
}

} // namespace signalbox
