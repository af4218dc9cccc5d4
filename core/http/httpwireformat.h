// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

namespace signalbox {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// Formats an HTTP/1.1 response head: the status line, the handler's headers, `serverHeaders`
// (complete lines, each ending in CRLF) and the blank line. The handler's Content-Length,
// Transfer-Encoding and Connection headers are left out because the server frames the body and
// manages the connection.
QByteArray formatResponseHead(int status, const HttpHeaders &headers, QByteArrayView serverHeaders);

// Returns the standard reason phrase, e.g. "Not Found" for 404, or "Unknown" for other codes.
QByteArrayView reasonPhrase(int status);

// Frames `data` as one chunk of a chunked body: the size in hex, CRLF, the data, CRLF.
QByteArray formatChunk(QByteArrayView data);

// True for statuses whose responses never carry a body: 1xx, 204 and 304.
bool statusForbidsBody(int status);

} // namespace signalbox
