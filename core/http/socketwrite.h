// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QtGlobal>

class QTcpSocket;

namespace signalbox {

// Writes `size` bytes to a plain TCP socket at once and returns how many of them the kernel
// accepted directly: 0 when it accepted none, or when Qt still buffers earlier bytes. The rest
// goes to Qt's write buffer and is flushed, as `write()` and `flush()` would do.
//
// Qt 6.4.2 enables the socket's write notifier when a write is buffered and disables it once the
// buffer is flushed. Under the GLib event dispatcher each change adds or removes a poll source,
// which writes to the thread's wake-up eventfd, so a buffered write and flush cost at least three
// system calls where this costs one. Not for QSslSocket, whose bytes must be encrypted first.
qint64 writeToSocketNow(QTcpSocket &socket, const char *data, qint64 size);

} // namespace signalbox
