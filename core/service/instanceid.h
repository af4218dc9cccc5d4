// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "result.h"

#include <QString>

namespace signalbox {

// Returns this instance's id for a shared gate store: HOSTNAME-RANDOM, made once and kept in
// DATA_DIR/instance-id, so that it stays the same across restarts on one ledger and differs
// between instances with their own data folders.
Result<QString> loadInstanceId(const QString &dataDir);

} // namespace signalbox
