// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/config.h"
#include "ledger/ledgerrecord.h"

#include <QDateTime>
#include <QList>

namespace signalbox {

// Synthetic ledger rows for the earlier hours of the demo's day, so that the console's charts,
// breakdowns and gates show a working day from the first second instead of an empty ledger.
// The requests are routed with the real router on the demo config and billed at its prices, but
// never sent to an upstream; each row's trace says so. The rows cover at most the six hours
// before now, and not before dayStart. When the config has a daily budget, the token counts are
// scaled so that the rows spend 58% of it (less early in the day, because the scale is capped),
// which puts the daily budget lamp on its first warning.
// The same seed gives the same rows for the same times.
QList<LedgerRecord> demoHistory(const Config &config, const QDateTime &dayStart,
                                const QDateTime &now, quint32 seed = 7);

} // namespace signalbox
