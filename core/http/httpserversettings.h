// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <functional>

namespace signalbox {

class HttpExchange;

// Size and time limits the server enforces on every connection.
struct HttpLimits {
    qint64 maxBodyBytes = 32 * 1024 * 1024;
    qint64 maxHeaderBytes = 64 * 1024; // request line plus all header lines
    int idleTimeoutMs = 60000;         // a connection with no request in flight closes after this
    // From the first byte of a request until its last: a client that trickles a request slowly
    // enough to pass the idle timeout still gets 408 and is closed after this.
    int requestTimeoutMs = 30000;
    int maxPipelinedRequests = 32; // parsed requests waiting for their responses
};

// Settings the server shares with its connections. Connections read it on every request, so a
// change reaches open connections too.
struct HttpServerSettings {
    HttpLimits limits;
    std::function<void(HttpExchange *)> handler;
    // Builds the body of the errors the server sends by itself. `path` is the request's path, or
    // what arrived of it, so that the body can take the envelope of that path's API.
    std::function<QByteArray(int status, const QString &message, const QByteArray &path)>
        errorBodyFormatter;
};

} // namespace signalbox
