// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "fakes/fakehttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>

namespace signalbox {

namespace {

// A request head larger than this closes the connection, so a broken client cannot make the
// fake buffer without end.
constexpr qsizetype kMaxHeadBytes = 64 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 403:
        return "Forbidden";
    case 408:
        return "Request Timeout";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace

QByteArray fakeRequestsJson(const QList<FakeHttpRequest> &requests)
{
    QJsonArray list;
    for (const FakeHttpRequest &request : requests) {
        QJsonObject headers;
        for (auto it = request.headers.cbegin(); it != request.headers.cend(); ++it) {
            const bool secret = it.key() == "authorization" || it.key() == "x-api-key" ||
                                it.key() == "api-key" || it.key() == "x-goog-api-key";
            headers.insert(QString::fromLatin1(it.key()),
                           secret ? QStringLiteral("<present>") : QString::fromUtf8(it.value()));
        }
        QJsonObject entry;
        entry.insert(QLatin1String("method"), QString::fromLatin1(request.method));
        entry.insert(QLatin1String("path"), QString::fromUtf8(request.path));
        entry.insert(QLatin1String("headers"), headers);
        entry.insert(QLatin1String("body"), request.json());
        list.append(entry);
    }
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

QJsonObject FakeHttpRequest::json() const { return QJsonDocument::fromJson(body).object(); }

FakeHttpConnection::FakeHttpConnection(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &FakeHttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &FakeHttpConnection::closed);
}

bool FakeHttpConnection::isOpen() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void FakeHttpConnection::onReadyRead()
{
    m_buffer.append(m_socket->readAll());
    while (parseNextRequest()) {
    }
    if (m_buffer.size() > kMaxHeadBytes && !m_buffer.contains("\r\n\r\n"))
        m_socket->abort();
}

bool FakeHttpConnection::parseNextRequest()
{
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;

    const QList<QByteArray> lines = m_buffer.first(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() < 3) {
        m_socket->abort();
        return false;
    }

    FakeHttpRequest request;
    request.method = requestLine.at(0);
    request.path = requestLine.at(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.insert(lines.at(i).first(colon).trimmed().toLower(),
                                   lines.at(i).sliced(colon + 1).trimmed());
    }

    const qsizetype bodyLength = request.header("content-length").toLongLong();
    const qsizetype bodyStart = headEnd + 4;
    if (m_buffer.size() - bodyStart < bodyLength)
        return false;

    request.body = m_buffer.sliced(bodyStart, bodyLength);
    m_buffer.remove(0, bodyStart + bodyLength);
    emit requestReceived(request);
    return true;
}

void FakeHttpConnection::writeHead(int status, const FakeHeaders &headers)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    m_socket->write(head);
}

void FakeHttpConnection::writeResponse(int status, const FakeHeaders &headers,
                                       const QByteArray &body)
{
    FakeHeaders all = headers;
    all.emplaceBack(QByteArray("Content-Length"), QByteArray::number(body.size()));
    writeHead(status, all);
    m_socket->write(body);
    m_socket->flush();
}

void FakeHttpConnection::beginChunked(int status, const FakeHeaders &headers)
{
    FakeHeaders all = headers;
    all.emplaceBack(QByteArray("Transfer-Encoding"), QByteArray("chunked"));
    writeHead(status, all);
    m_socket->flush();
}

void FakeHttpConnection::writeChunk(const QByteArray &bytes)
{
    m_socket->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
    m_socket->flush();
}

void FakeHttpConnection::abort()
{
    m_socket->abort();
}

void FakeHttpConnection::endChunked()
{
    m_socket->write("0\r\n\r\n");
    m_socket->flush();
}

} // namespace signalbox
