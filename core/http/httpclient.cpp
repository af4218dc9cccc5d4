// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/httpclient.h"

#include "http/httpclientconnection.h"
#include "logging.h"

#include <algorithm>

namespace signalbox {

namespace {

// Returns the key of the URL's server in the pool of idle connections, e.g.
// "https://api.openai.com:443". The key of the last URL is kept, as the request line is when a
// request is formatted.
QByteArray poolKey(const QUrl &url) {
    thread_local QUrl lastUrl;
    thread_local QByteArray lastKey;
    if (lastKey.isEmpty() || url != lastUrl) {
        const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
        lastKey = url.scheme().toLatin1() + "://" + url.host(QUrl::FullyEncoded).toLatin1() + ':' +
                  QByteArray::number(url.port(defaultPort));
        lastUrl = url;
    }
    return lastKey;
}

} // namespace

HttpClientReply::HttpClientReply(HttpClient *client, HttpClientRequest request,
                                 HttpClientListener *listener)
    : m_client(client)
    , m_request(std::move(request))
    , m_listener(listener) {
}

HttpClientReply::~HttpClientReply() {
    if (m_connection)
        m_connection->detach(this);
    else if (m_client && !m_finished)
        m_client->cancelWaiting(this);
}

QByteArray HttpClientReply::header(QByteArrayView name) const {
    for (const auto &[headerName, value] : m_headers) {
        if (headerName.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpClient::HttpClient(int maxConnections, QObject *parent)
    : QObject(parent)
    , m_maxConnections(std::max(1, maxConnections)) {
}

HttpClient::~HttpClient() {
    for (HttpClientReply *reply : m_waiting)
        reply->m_client = nullptr;
}

std::unique_ptr<HttpClientReply> HttpClient::post(HttpClientRequest request,
                                                  HttpClientListener *listener) {
    std::unique_ptr<HttpClientReply> reply(new HttpClientReply(this, std::move(request), listener));
    dispatch(reply.get(), true);
    return reply;
}

int HttpClient::idleConnections() const {
    int idle = 0;
    for (const std::vector<HttpClientConnection *> &connections : m_idle)
        idle += int(connections.size());
    return idle;
}

// Sends the request on an idle connection to its server, else on a new one, else queues it
// until a connection is free. A full pool first gives up an idle connection to another server.
void HttpClient::dispatch(HttpClientReply *reply, bool allowPooled) {
    const QByteArray key = poolKey(reply->m_request.url);
    if (allowPooled) {
        if (HttpClientConnection *connection = takeIdleConnection(key)) {
            connection->send(reply);
            return;
        }
    }
    if (m_openConnections >= m_maxConnections) {
        for (std::vector<HttpClientConnection *> &connections : m_idle) {
            if (!connections.empty()) {
                connections.back()->close();
                break;
            }
        }
    }
    if (m_openConnections >= m_maxConnections) {
        m_waiting.push_back(reply);
        return;
    }
    openConnection(reply, key);
}

HttpClientConnection *HttpClient::takeIdleConnection(const QByteArray &key) {
    const auto found = m_idle.find(key);
    if (found == m_idle.end())
        return nullptr;
    std::vector<HttpClientConnection *> &connections = found.value();
    while (!connections.empty()) {
        HttpClientConnection *connection = connections.back();
        connections.pop_back();
        if (connection->isReusable())
            return connection;
        connection->close();
    }
    return nullptr;
}

void HttpClient::openConnection(HttpClientReply *reply, const QByteArray &key) {
    ++m_openConnections;
    ++m_connectionsOpened;
    auto *connection = new HttpClientConnection(this, key, reply->m_request.url);
    connection->open(reply);
}

// Gives the connection to the oldest waiting request for its server, else pools it. While
// requests for other servers wait, the connection closes to free its place.
void HttpClient::releaseConnection(HttpClientConnection *connection) {
    const auto sameServer =
        std::find_if(m_waiting.begin(), m_waiting.end(), [&](const HttpClientReply *reply) {
            return poolKey(reply->m_request.url) == connection->key();
        });
    if (sameServer != m_waiting.end()) {
        HttpClientReply *reply = *sameServer;
        m_waiting.erase(sameServer);
        connection->send(reply);
        return;
    }
    if (!m_waiting.empty()) {
        connection->close();
        return;
    }
    m_idle[connection->key()].push_back(connection);
    connection->startIdleTimer(m_idleTimeoutMs);
}

void HttpClient::connectionClosed(HttpClientConnection *connection) {
    --m_openConnections;
    const auto found = m_idle.find(connection->key());
    if (found != m_idle.end()) {
        std::vector<HttpClientConnection *> &connections = found.value();
        connections.erase(std::remove(connections.begin(), connections.end(), connection),
                          connections.end());
    }
    startWaitingRequests();
}

void HttpClient::startWaitingRequests() {
    while (!m_waiting.empty() && m_openConnections < m_maxConnections) {
        HttpClientReply *reply = m_waiting.front();
        m_waiting.pop_front();
        dispatch(reply, true);
    }
}

void HttpClient::retryOnFreshConnection(HttpClientReply *reply) {
    qCInfo(lcUpstream).noquote() << "the pooled connection to" << poolKey(reply->m_request.url)
                                 << "failed before it accepted the request; sending the request "
                                    "on a new connection";
    reply->m_retried = true;
    dispatch(reply, false);
}

void HttpClient::cancelWaiting(HttpClientReply *reply) {
    m_waiting.erase(std::remove(m_waiting.begin(), m_waiting.end(), reply), m_waiting.end());
}

} // namespace signalbox
