// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "ledger/ledgerrecord.h"
#include "result.h"

#include <QList>
#include <QString>

namespace signalbox {

// Quotes a CSV field as RFC 4180 specifies. A field that contains a comma, a double quote, CR or
// LF is put in double quotes, with each double quote doubled. Any other field stays as it is.
QString csvField(const QString &value);

// Builds a CSV document of the requests: a header row, then one row per request, with CRLF line
// ends. Times are UTC in ISO 8601 and the decision trace is one field with a line per step.
QString requestsCsv(const QList<LedgerRecord> &records);

// Writes requestsCsv() as UTF-8 to path, atomically: the file is replaced only when every byte
// was written. The error names the path.
Status writeRequestsCsv(const QString &path, const QList<LedgerRecord> &records);

} // namespace signalbox
