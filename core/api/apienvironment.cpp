// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "apienvironment.h"

namespace signalbox {

QDateTime ApiEnvironment::startOfToday() const {
    // TODO: honour gates.timezone and a reset hour; the day starts at local midnight for now.
    return QDateTime(QDate::currentDate(), QTime(0, 0)).toUTC();
}

} // namespace signalbox
