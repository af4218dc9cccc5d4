// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "http/httpwireformat.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

#include <deque>
#include <memory>
#include <vector>

namespace signalbox {

class HttpClient;
class HttpClientConnection;

// One POST request for HttpClient. Host and Content-Length are added by the client.
struct HttpClientRequest {
    QUrl url; // http or https
    HttpHeaders headers;
    QByteArray body;
};

enum class HttpClientError {
    None,
    HostNotFound,
    ConnectionRefused,
    ConnectionClosed, // the server closed the connection before the response was complete
    Tls,              // handshake failed, e.g. a certificate the system CAs do not trust
    Protocol,         // the response is not valid HTTP/1.1
    Network,          // any other socket error
};

// Receives the events of one exchange. Each callback but onRequestSent() may delete the reply,
// and the client then delivers nothing more for it.
class HttpClientListener {
public:
    // The whole request is written to the socket. This may run before HttpClient::post()
    // returns, so it must not delete the reply.
    virtual void onRequestSent() = 0;
    // The status line and headers arrived: HttpClientReply::status() and headers() are set.
    virtual void onResponseHead() = 0;
    // Body bytes as they arrive, without the chunked framing.
    virtual void onResponseBody(const QByteArray &bytes) = 0;
    // The response is complete, or the exchange failed: see HttpClientReply::error().
    virtual void onResponseFinished() = 0;

protected:
    ~HttpClientListener() = default;
};

// The caller's handle on one exchange. Deleting it before onResponseFinished() cancels the
// exchange and closes its connection, because a half-read response cannot be reused.
class HttpClientReply {
public:
    ~HttpClientReply();
    HttpClientReply(const HttpClientReply &) = delete;
    HttpClientReply &operator=(const HttpClientReply &) = delete;

    int status() const { return m_status; }
    const HttpHeaders &headers() const { return m_headers; }
    // Returns the value of the first header with this name, compared case-insensitively.
    QByteArray header(QByteArrayView name) const;
    HttpClientError error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    bool isFinished() const { return m_finished; }

private:
    friend class HttpClient;
    friend class HttpClientConnection;

    HttpClientReply(HttpClient *client, HttpClientRequest request, HttpClientListener *listener);

    HttpClient *m_client;
    HttpClientConnection *m_connection = nullptr; // null while waiting for a free connection
    HttpClientRequest m_request;
    HttpClientListener *m_listener;
    int m_status = 0;
    HttpHeaders m_headers;
    HttpClientError m_error = HttpClientError::None;
    QString m_errorString;
    bool m_finished = false;
    bool m_retried = false; // already moved once from a pooled connection that failed unsent
};

// A lean HTTP/1.1 client for the upstream calls: keep-alive connections pooled per scheme, host
// and port, bodies framed by Content-Length, chunked encoding or the end of the connection, and
// the body delivered as it arrives. It lives in one thread and is not thread-safe.
//
// It sends POST only, uses no proxy and does not follow redirects: a 3xx response is delivered
// like any other. https connections verify the server's certificate against the system CAs.
class HttpClient : public QObject {
    Q_OBJECT

public:
    // NOTE: an estimate of what one router needs; each connection costs a file descriptor.
    static constexpr int DefaultMaxConnections = 1024;
    // A pooled connection unused for this long is closed, so idle sockets do not pile up. It is
    // shorter than common server keep-alive timeouts (Node.js 5 s, nginx 75 s), so the client
    // rather than the server usually ends an idle connection. One that the server closes first
    // is detected before reuse and replaced.
    static constexpr int DefaultIdleTimeoutMs = 4000;

    explicit HttpClient(int maxConnections = DefaultMaxConnections, QObject *parent = nullptr);
    ~HttpClient() override;

    // Starts the exchange. Only onRequestSent() may reach the listener before this returns. When
    // all maxConnections are busy, the request waits for the first one that is released.
    std::unique_ptr<HttpClientReply> post(HttpClientRequest request, HttpClientListener *listener);

    void setIdleTimeoutMs(int ms) { m_idleTimeoutMs = ms; }
    int idleTimeoutMs() const { return m_idleTimeoutMs; }
    int maxConnections() const { return m_maxConnections; }
    int openConnections() const { return m_openConnections; }
    int idleConnections() const;
    // Connections opened since the client was created, for tests of the reuse.
    int connectionsOpened() const { return m_connectionsOpened; }

private:
    friend class HttpClientConnection;
    friend class HttpClientReply;

    void dispatch(HttpClientReply *reply, bool allowPooled);
    HttpClientConnection *takeIdleConnection(const QByteArray &key);
    void openConnection(HttpClientReply *reply, const QByteArray &key);
    void startWaitingRequests();

    // Called by the connections and replies.
    void releaseConnection(HttpClientConnection *connection);
    void connectionClosed(HttpClientConnection *connection);
    void retryOnFreshConnection(HttpClientReply *reply);
    void cancelWaiting(HttpClientReply *reply);

    QHash<QByteArray, std::vector<HttpClientConnection *>> m_idle; // by scheme, host and port
    std::deque<HttpClientReply *> m_waiting;
    int m_maxConnections;
    int m_idleTimeoutMs = DefaultIdleTimeoutMs;
    int m_openConnections = 0;
    int m_connectionsOpened = 0;
};

} // namespace signalbox
