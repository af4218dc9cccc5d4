// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "ledger/ledgerrecord.h"

#include <QCoreApplication>
#include <QString>

namespace signalbox {

// The detail pane's text for one request: its fields and status, the decision trace, every
// attempt, tokens estimated against reported, cost and timings.
class RequestDetails {
    Q_DECLARE_TR_FUNCTIONS(RequestDetails)

public:
    static QString html(const LedgerRecord &record);

private:
    static QString summaryRows(const LedgerRecord &record);
    static QString tokenRows(const LedgerRecord &record);
    static QString timingRows(const LedgerRecord &record);
    static QString attemptItems(const LedgerRecord &record);
    static QString traceItems(const LedgerRecord &record);
};

} // namespace signalbox
