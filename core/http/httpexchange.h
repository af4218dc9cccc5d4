// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "http/httprequest.h"
#include "http/httpwireformat.h"

#include <QObject>

namespace signalbox {

class HttpConnection;

// One request and its response. The server creates it, passes it to the handler and deletes it
// (deleteLater) once the response is finished or the client is gone, so a handler that responds
// later must hold it in a QPointer or watch destroyed().
//
// Responses on one connection go out in request order. While an earlier response is still
// being written, this one is buffered. Once it is at the head, every write goes to the socket.
class HttpExchange : public QObject {
    Q_OBJECT

public:
    ~HttpExchange() override;

    const HttpRequest &request() const { return m_request; }

    // Sends a complete response. The server adds Content-Length and, when the connection ends
    // after it, "Connection: close".
    void respond(int status, const HttpHeaders &headers, const QByteArray &body);

    // Starts a response with a body of unknown length (Transfer-Encoding: chunked). HTTP/1.0
    // clients get the raw bytes instead, and the connection closes to end the body.
    void beginStream(int status, const HttpHeaders &headers);

    // Sends one chunk and flushes it at once. Does nothing when `data` is empty, when no stream
    // was begun, or when the client is gone.
    // NOTE: Qt's socket write buffer has no cap, so a client that reads more slowly than the
    // handler writes makes the server buffer the difference in memory.
    void writeChunk(const QByteArray &data);

    // Sends the last chunk, which ends the response.
    void endStream();

    bool isFinished() const { return m_state == State::Finished; }
    bool isStreaming() const { return m_state == State::Streaming; }
    bool isClientGone() const { return m_clientGone; }

signals:
    // The connection closed before the response was finished, e.g. the client hung up or the
    // server was closed. Later writes are ignored.
    void clientDisconnected();

private:
    friend class HttpConnection;

    enum class State { AwaitingResponse, Streaming, Finished };

    explicit HttpExchange(HttpConnection *connection, bool keepAlive);

    QByteArray serverHeaders(QByteArrayView framing) const;
    QByteArray formatHead(int status, const HttpHeaders &headers, QByteArrayView framing);
    void writeHead(int status, const HttpHeaders &headers, QByteArrayView framing);
    void send(const QByteArray &bytes, bool flushNow);
    void finish();
    void markClientGone();

    HttpConnection *m_connection;
    HttpRequest m_request;
    State m_state = State::AwaitingResponse;
    bool m_clientGone = false;
    bool m_closeAfter = false;         // the connection closes once this response is written
    bool m_unframedStream = false;     // HTTP/1.0 stream: raw bytes, ended by closing
    bool m_omitBody = false;           // HEAD request or a status that has no body
    QList<QByteArray> m_pendingOutput; // output held while an earlier response is unfinished
};

} // namespace signalbox
