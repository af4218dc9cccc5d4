// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>

class QTcpSocket;

namespace signalbox {

// One HTTP request as a fake upstream received it.
struct FakeHttpRequest {
    QByteArray method;
    QByteArray path;
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QJsonObject json() const; // the body as a JSON object; empty if it is not one
};

using FakeHeaders = QList<QPair<QByteArray, QByteArray>>;

// Lists requests as JSON for GET /__fake/requests: method, path, headers and body, with the
// values of authorization, x-api-key, api-key and x-goog-api-key replaced by "<present>".
QByteArray fakeRequestsJson(const QList<FakeHttpRequest> &requests);

// The server side of one HTTP/1.1 connection over a raw socket: parses requests with a
// Content-Length body and writes responses with Content-Length or chunked framing. Requests
// with a chunked body are not supported, because the upstream client sends Content-Length.
class FakeHttpConnection : public QObject {
    Q_OBJECT

public:
    explicit FakeHttpConnection(QTcpSocket *socket, QObject *parent = nullptr);

    bool isOpen() const;
    void writeResponse(int status, const FakeHeaders &headers, const QByteArray &body);
    void beginChunked(int status, const FakeHeaders &headers);
    void writeChunk(const QByteArray &bytes); // one HTTP chunk, flushed at once
    void endChunked();
    void abort(); // closes the connection at once, as a crashed server would

signals:
    void requestReceived(const signalbox::FakeHttpRequest &request);
    void closed();

private:
    void onReadyRead();
    bool parseNextRequest(); // returns false when more bytes are needed
    void writeHead(int status, const FakeHeaders &headers);

    QTcpSocket *m_socket;
    QByteArray m_buffer;
};

} // namespace signalbox
