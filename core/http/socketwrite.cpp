// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/socketwrite.h"

#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace signalbox {

namespace {

// Returns the bytes the kernel accepted, 0 when it accepted none. An error is left to Qt's own
// write of the same bytes, which gets the same error and reports it as before.
qint64 sendDirectly(QTcpSocket &socket, const char *data, qint64 size) {
#ifdef Q_OS_UNIX
    // Bytes already in Qt's buffer go first, so the order on the wire is kept.
    if (socket.bytesToWrite() > 0 || socket.state() != QAbstractSocket::ConnectedState)
        return 0;
    const qintptr descriptor = socket.socketDescriptor();
    if (descriptor < 0)
        return 0;
    const ssize_t sent = ::send(int(descriptor), data, size_t(size), MSG_NOSIGNAL | MSG_DONTWAIT);
    return sent > 0 ? qint64(sent) : 0;
#else
    Q_UNUSED(socket);
    Q_UNUSED(data);
    Q_UNUSED(size);
    return 0;
#endif
}

} // namespace

qint64 writeToSocketNow(QTcpSocket &socket, const char *data, qint64 size) {
    const qint64 sent = sendDirectly(socket, data, size);
    if (sent < size) {
        socket.write(data + sent, size - sent);
        socket.flush();
    }
    return sent;
}

} // namespace signalbox
