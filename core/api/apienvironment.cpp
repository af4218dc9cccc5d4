// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "apienvironment.h"

#include "gating/gates.h"

namespace signalbox {

QDateTime ApiEnvironment::startOfToday() const {
    if (gates)
        return gates->currentDay().start.toUTC();
    return QDateTime(QDate::currentDate(), QTime(0, 0)).toUTC();
}

} // namespace signalbox
