// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QDateTime>

namespace signalbox {

// The source of the current time for the gates, so tests can move time by hand.
class Clock {
public:
    virtual ~Clock() = default;

    // Returns the current instant in UTC.
    virtual QDateTime now() const = 0;
};

// The wall clock of the machine.
class SystemClock final : public Clock {
public:
    QDateTime now() const override;
};

// A clock that moves only when told to, for tests and simulations.
class ManualClock final : public Clock {
public:
    explicit ManualClock(const QDateTime &start);

    QDateTime now() const override;
    void setNow(const QDateTime &instant);
    void advanceMSecs(qint64 milliseconds);
    void advanceSecs(qint64 seconds) { advanceMSecs(seconds * 1000); }

private:
    QDateTime m_now;
};

} // namespace signalbox
