// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "fakes/rawhttpclient.h"

#include <QHostAddress>
#include <QtCore/qtestsupport_core.h>

QByteArray RawResponse::header(QByteArrayView name) const {
    for (const auto &[headerName, value] : headers) {
        if (QByteArrayView(headerName).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool RawResponse::hasHeader(QByteArrayView name) const {
    for (const auto &entry : headers) {
        if (QByteArrayView(entry.first).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

RawHttpClient::RawHttpClient() {
    QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket,
                     [this] { m_received.append(m_socket.readAll()); });
    QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket,
                     [this] { m_closedByServer = true; });
}

bool RawHttpClient::connectTo(quint16 port) {
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; },
                           5000);
}

void RawHttpClient::send(const QByteArray &bytes) {
    m_socket.write(bytes);
    m_socket.flush();
}

bool RawHttpClient::waitForText(QByteArrayView text, int timeoutMs) {
    return QTest::qWaitFor([&] { return m_received.contains(text); }, timeoutMs);
}

bool RawHttpClient::waitForClose(int timeoutMs) {
    return QTest::qWaitFor([this] { return m_closedByServer; }, timeoutMs);
}

bool RawHttpClient::isConnected() const {
    return !m_closedByServer && m_socket.state() == QAbstractSocket::ConnectedState;
}

RawResponse RawHttpClient::nextResponse(int timeoutMs) {
    RawResponse response;
    const bool complete = QTest::qWaitFor([&] { return tryTakeResponse(response); }, timeoutMs);
    Q_UNUSED(complete); // a timeout leaves status 0, which the caller's check reports
    return response;
}

bool RawHttpClient::tryTakeResponse(RawResponse &response) {
    const qsizetype headEnd = m_received.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;

    RawResponse parsed;
    const QList<QByteArray> lines = m_received.left(headEnd).split('\n');
    parsed.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        parsed.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }

    qsizetype position = headEnd + 4;
    parsed.chunked = parsed.header("Transfer-Encoding") == "chunked";
    if (parsed.chunked) {
        while (true) {
            const qsizetype lineEnd = m_received.indexOf("\r\n", position);
            if (lineEnd < 0)
                return false;
            const qsizetype size =
                m_received.mid(position, lineEnd - position).toLongLong(nullptr, 16);
            if (m_received.size() < lineEnd + 2 + size + 2)
                return false;
            parsed.body.append(m_received.mid(lineEnd + 2, size));
            position = lineEnd + 2 + size + 2;
            if (size == 0)
                break;
        }
    } else if (parsed.hasHeader("Content-Length")) {
        const qsizetype length = parsed.header("Content-Length").toLongLong();
        if (m_received.size() < position + length)
            return false;
        parsed.body = m_received.mid(position, length);
        position += length;
    } else if (parsed.status >= 200 && parsed.status != 204 && parsed.status != 304) {
        // No framing: the body ends when the server closes the connection.
        if (!m_closedByServer)
            return false;
        parsed.body = m_received.mid(position);
        position = m_received.size();
    }
    m_received.remove(0, position);
    response = parsed;
    return true;
}

QByteArray getRequest(QByteArrayView path, QByteArrayView extraHeaders) {
    return "GET " + path.toByteArray() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
           extraHeaders.toByteArray() + "\r\n";
}

QByteArray postRequest(QByteArrayView path, QByteArrayView body) {
    return "POST " + path.toByteArray() +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\n\r\n" + body.toByteArray();
}
