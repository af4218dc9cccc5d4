// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArray>

namespace signalbox {

// Formats one Server-Sent Event: `event: NAME` when a name is given, then `data: DATA` and the
// blank line that ends the event. A newline inside `data` starts another `data:` line, so the
// client rebuilds the same text.
QByteArray sseEvent(const QByteArray &data, const QByteArray &eventName = {});

} // namespace signalbox
