// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/httpserver.h"

#include "http/connectionacceptor.h"
#include "http/httpconnection.h"
#include "http/httpwireformat.h"
#include "http/openfiles.h"
#include "logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

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
#ifdef Q_OS_UNIX
    // QTcpServer keeps the socket, and the acceptor takes over its accepting.
    m_tcpServer.pauseAccepting();
    m_acceptor = new ConnectionAcceptor(
        m_tcpServer.socketDescriptor(), [this] { return rejectionResponse(); }, this);
    connect(m_acceptor, &ConnectionAcceptor::accepted, this, &HttpServer::acceptDescriptor);
#else
    // TODO: out of file descriptors, Qt 6.4 retries the failed accept on every event-loop pass
    // and never reports it. ConnectionAcceptor handles that on Unix only.
#endif
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
    // The acceptor watches the socket that m_tcpServer is about to close.
    delete m_acceptor;
    m_acceptor = nullptr;
    if (m_tcpServer.isListening()) {
        // Named, because a demo stops two servers, the router's and its simulated upstream.
        const QString endpoint =
            endpointText(m_tcpServer.serverAddress(), m_tcpServer.serverPort());
        m_tcpServer.close();
        const size_t count = m_connections.size();
        qCInfo(lcHttp).noquote() << QStringLiteral("%1 stopped listening on %2; closing %3 %4")
                                        .arg(m_name, endpoint)
                                        .arg(count)
                                        .arg(count == 1 ? QStringLiteral("connection")
                                                        : QStringLiteral("connections"));
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
    while (QTcpSocket *socket = m_tcpServer.nextPendingConnection())
        addConnection(socket);
}

void HttpServer::acceptDescriptor(qintptr descriptor) {
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcHttp) << "Dropped a new connection:" << socket->errorString();
        delete socket;
#ifdef Q_OS_UNIX
        ::close(int(descriptor));
#endif
        return;
    }
    addConnection(socket);
}

void HttpServer::addConnection(QTcpSocket *socket) {
    auto *connection = new HttpConnection(socket, m_settings, this);
    connect(connection, &HttpConnection::closed, this, &HttpServer::removeConnection);
    m_connections.push_back(connection);
}

// Returns the whole response for a connection rejected for want of a file descriptor.
QByteArray HttpServer::rejectionResponse() const {
    const QString message = outOfDescriptorsMessage(openFileLimit());
    const QByteArray body = m_settings->errorBodyFormatter(503, message, QByteArray());
    const QByteArray framing = "Content-Length: " + QByteArray::number(body.size()) +
                               "\r\nConnection: close\r\nRetry-After: 1\r\n";
    return formatResponseHead(503, {{"Content-Type", "application/json"}}, framing) + body;
}

void HttpServer::removeConnection(HttpConnection *connection) {
    m_connections.erase(std::remove(m_connections.begin(), m_connections.end(), connection),
                        m_connections.end());
    connection->deleteLater();
}

} // namespace signalbox
