// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/httpserver.h"

#include "http/httpconnection.h"
#include "logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <algorithm>

namespace signalbox {

namespace {

constexpr int ListenBacklog = 4096;

QByteArray defaultErrorBody(int /*status*/, const QString &message, const QByteArray & /*path*/) {
    const QJsonObject error{{QStringLiteral("message"), message}};
    const QJsonObject envelope{{QStringLiteral("error"), error}};
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

// Formats the address and port as host:port, with brackets around an IPv6 address.
QString endpointText(const QHostAddress &address, quint16 port) {
    return address.protocol() == QAbstractSocket::IPv6Protocol
               ? QStringLiteral("[%1]:%2").arg(address.toString()).arg(port)
               : QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

} // namespace

HttpServer::HttpServer(HttpLimits limits, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_shared<HttpServerSettings>()) {
    // Parented so that moveToThread() on the server moves the listener too. Being a member, it is
    // destroyed first and leaves the children list before QObject deletes the children.
    m_tcpServer.setParent(this);
    m_settings->limits = limits;
    m_settings->errorBodyFormatter = defaultErrorBody;
    // TODO: when the process runs out of file descriptors, Qt 6.4 treats the failed accept as
    // temporary and leaves the listening socket ready. The router thread then spins on
    // accept4() until a connection closes. Pausing the listener for a moment would stop that.
    connect(&m_tcpServer, &QTcpServer::newConnection, this, &HttpServer::acceptConnections);
}

HttpServer::~HttpServer() {
    close();
}

Status HttpServer::listen(const QHostAddress &address, quint16 port) {
    // Qt's default backlog of 50 makes the kernel drop connections that a burst of clients opens
    // faster than the event loop accepts them; Linux caps the value at net.core.somaxconn.
    m_tcpServer.setListenBacklogSize(ListenBacklog);
    if (!m_tcpServer.listen(address, port)) {
        return Error{QStringLiteral("Failed to listen on %1: %2. Stop the program that uses this "
                                    "port, or choose another port (port 0 picks a free one).")
                         .arg(endpointText(address, port), m_tcpServer.errorString())};
    }
    qCInfo(lcHttp).noquote() << m_name << "listening on"
                             << endpointText(m_tcpServer.serverAddress(), m_tcpServer.serverPort());
    return Ok{};
}

quint16 HttpServer::serverPort() const {
    return m_tcpServer.serverPort();
}

QHostAddress HttpServer::serverAddress() const {
    return m_tcpServer.serverAddress();
}

void HttpServer::setLimits(HttpLimits limits) {
    m_settings->limits = limits;
}

HttpLimits HttpServer::limits() const {
    return m_settings->limits;
}

void HttpServer::setHandler(std::function<void(HttpExchange *)> handler) {
    m_settings->handler = std::move(handler);
}

void HttpServer::setErrorBodyFormatter(
    std::function<QByteArray(int status, const QString &message, const QByteArray &path)>
        formatter) {
    m_settings->errorBodyFormatter = formatter ? std::move(formatter) : defaultErrorBody;
}

void HttpServer::close() {
    if (m_tcpServer.isListening()) {
        m_tcpServer.close();
        qCInfo(lcHttp) << "Stopped listening; closing" << m_connections.size() << "connections";
    }

    // abort() reports back through removeConnection(), which edits the list.
    const std::vector<HttpConnection *> connections = m_connections;
    for (HttpConnection *connection : connections)
        connection->abort();
}

int HttpServer::connectionCount() const {
    return int(m_connections.size());
}

void HttpServer::acceptConnections() {
    while (QTcpSocket *socket = m_tcpServer.nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, m_settings, this);
        connect(connection, &HttpConnection::closed, this, &HttpServer::removeConnection);
        m_connections.push_back(connection);
    }
}

void HttpServer::removeConnection(HttpConnection *connection) {
    m_connections.erase(std::remove(m_connections.begin(), m_connections.end(), connection),
                        m_connections.end());
    connection->deleteLater();
}

} // namespace signalbox
