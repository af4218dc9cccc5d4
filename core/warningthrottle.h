// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace signalbox {

// Lets the first warning of each kind through, and holds back the ones of that kind that follow
// within the interval. When the interval ends, it reports how many were held back, so that a
// failure which every request of a busy client repeats makes one log line per interval, not one
// per request, and none goes uncounted. Used on one thread, like the objects that call it.
class WarningThrottle : public QObject {
    Q_OBJECT

public:
    // report is called with a kind and the number of its warnings held back since its last line.
    using Report = std::function<void(const QString &kind, qint64 heldBack)>;

    WarningThrottle(int intervalMs, Report report, QObject *parent = nullptr);
    ~WarningThrottle() override;

    // Returns whether a warning of this kind should be logged now. If not, it is counted.
    bool admit(const QString &kind);

    // Reports every count held back so far.
    void flush();

private:
    struct KindState {
        qint64 loggedAtMs = -1;
        qint64 heldBack = 0;
    };

    const int m_intervalMs;
    const Report m_report;
    QElapsedTimer m_clock;
    QTimer m_timer;
    QHash<QString, KindState> m_kinds;
};

} // namespace signalbox
