// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QTcpSocket>

// One HTTP response as the test client parsed it from the raw bytes.
struct RawResponse {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool chunked = false;

    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
};

// A raw HTTP client over loopback: it writes exact bytes and parses responses itself, so the
// tests see what the server put on the wire. Waits spin the event loop because the server runs
// in the same thread.
class RawHttpClient {
public:
    RawHttpClient();

    bool connectTo(quint16 port);
    void send(const QByteArray &bytes);

    // Waits up to `timeoutMs` for the next complete response and removes it from the input.
    // Returns a response with status 0 on timeout.
    RawResponse nextResponse(int timeoutMs = 5000);

    // Waits until the received bytes contain `text`.
    bool waitForText(QByteArrayView text, int timeoutMs = 5000);

    // Waits until the server closes the connection.
    bool waitForClose(int timeoutMs = 5000);

    bool isConnected() const;
    const QByteArray &received() const { return m_received; }
    QTcpSocket &socket() { return m_socket; }

private:
    bool tryTakeResponse(RawResponse &response);

    QTcpSocket m_socket;
    QByteArray m_received;
    bool m_closedByServer = false;
};

// A GET request line and headers for `path`, HTTP/1.1, with `extraHeaders` lines (CRLF ended).
QByteArray getRequest(QByteArrayView path, QByteArrayView extraHeaders = {});

// A POST request with a Content-Length body.
QByteArray postRequest(QByteArrayView path, QByteArrayView body);
