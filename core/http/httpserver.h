// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "http/httpserversettings.h"
#include "result.h"

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

#include <functional>
#include <memory>
#include <vector>

namespace signalbox {

class ConnectionAcceptor;
class HttpConnection;
class HttpExchange;

// HTTP/1.1 server on QTcpServer: keep-alive, pipelining, chunked bodies in both directions and
// size limits. It has no routes, because the handler receives every request.
class HttpServer : public QObject {
    Q_OBJECT

public:
    explicit HttpServer(HttpLimits limits, QObject *parent = nullptr);
    ~HttpServer() override;

    // Starts listening. Port 0 picks a free port; serverPort() returns it.
    Status listen(const QHostAddress &address, quint16 port);

    // Sets the name that the log line of listen() gives this server, e.g. "Demo upstream", so a
    // user can tell several servers of one process apart. The default is "HTTP server".
    void setName(const QString &name) { m_name = name; }

    quint16 serverPort() const;
    QHostAddress serverAddress() const;

    // Applies to open connections from their next request on.
    void setLimits(HttpLimits limits);
    HttpLimits limits() const;

    // Called once per complete request, in the server's thread. The handler may respond later.
    void setHandler(std::function<void(HttpExchange *)> handler);

    // Builds the body of the server's own error replies (400, 413, 431, 503), which are sent
    // with Content-Type application/json. The default body is {"error":{"message":...}}.
    void setErrorBodyFormatter(
        std::function<QByteArray(int status, const QString &message, const QByteArray &path)>);

    // Stops listening and closes every connection. Unfinished exchanges get clientDisconnected().
    void close();

    int connectionCount() const;

private:
    void acceptConnections();
    void acceptDescriptor(qintptr descriptor);
    void addConnection(QTcpSocket *socket);
    void removeConnection(HttpConnection *connection);
    QByteArray rejectionResponse() const;

    QTcpServer m_tcpServer;
    ConnectionAcceptor *m_acceptor = nullptr; // a child; accepts in place of m_tcpServer on Unix
    QString m_name = QStringLiteral("HTTP server");
    std::shared_ptr<HttpServerSettings> m_settings;
    std::vector<HttpConnection *> m_connections;
};

} // namespace signalbox
