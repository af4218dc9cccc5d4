// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "api/modelcooldowns.h"

#include <algorithm>

namespace signalbox {

ModelCooldowns::ModelCooldowns(Clock clock)
    : m_clock(std::move(clock)) {
}

QDateTime ModelCooldowns::now() const {
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void ModelCooldowns::coolDown(const QString &modelId, qint64 seconds) {
    if (seconds <= 0)
        return;
    const QDateTime until = now().addSecs(seconds);
    const auto existing = m_until.constFind(modelId);
    if (existing == m_until.cend() || *existing < until)
        m_until.insert(modelId, until);
}

qint64 ModelCooldowns::remainingSeconds(const QString &modelId) const {
    const auto found = m_until.constFind(modelId);
    if (found == m_until.cend())
        return 0;
    const qint64 ms = now().msecsTo(*found);
    return ms <= 0 ? 0 : (ms + 999) / 1000;
}

} // namespace signalbox
