// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QString>
#include <QtGlobal>

namespace signalbox {

// Returns the process's soft limit on open files, or 0 where the system reports none.
qint64 openFileLimit();

// Returns how many descriptors at the top of `limit` new client connections leave free, for the
// upstream connections, threads and files that serve them: a sixteenth of the limit, from 16 to
// 256. Upstream connections leave half of that free, for threads and files.
int clientDescriptorReserve(qint64 limit);

// Returns true when `descriptor` is one of the top `reserve` descriptors under `limit`. The
// kernel hands out the lowest free number, so a new descriptor there means few are left.
bool inDescriptorReserve(qintptr descriptor, int reserve, qint64 limit);

// Returns the message for an operation that failed for want of a descriptor, naming the limit
// and the fix.
QString outOfDescriptorsMessage(qint64 limit);

} // namespace signalbox
