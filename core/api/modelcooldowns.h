// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

#include <functional>

namespace signalbox {

// Models a provider asked to leave alone for a while: after a retryable error with Retry-After,
// such as a 429 or 529, the model is skipped by every request until the delay has passed. It lives
// on the router thread, like the handlers that use it, so it takes no lock.
class ModelCooldowns {
public:
    using Clock = std::function<QDateTime()>;

    // `clock` returns the current UTC time; tests pass their own.
    explicit ModelCooldowns(Clock clock = {});

    // Starts or extends the model's cooldown to `seconds` from now. A shorter delay never cuts
    // a running cooldown short.
    void coolDown(const QString &modelId, qint64 seconds);

    // Returns the whole seconds, rounded up, until the model may be called again; 0 when it
    // is not cooling down.
    qint64 remainingSeconds(const QString &modelId) const;

private:
    QDateTime now() const;

    Clock m_clock;
    QHash<QString, QDateTime> m_until;
};

} // namespace signalbox
