// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "http/httpclient.h"

#include <QAbstractSocket>
#include <QBasicTimer>
#include <QElapsedTimer>
#include <QObject>

#include <memory>

class QSslError;
class QTcpSocket;

namespace signalbox {

// One keep-alive connection of HttpClient to a server: it writes a request, parses the response
// with http_parser and reports to the reply's listener. It is deleted with deleteLater() only,
// so it stays valid while a listener callback runs. Internal to HttpClient.
class HttpClientConnection : public QObject {
    Q_OBJECT

public:
    HttpClientConnection(HttpClient *client, QByteArray key, const QUrl &url);
    ~HttpClientConnection() override;

    const QByteArray &key() const { return m_key; }

    // Connects, then sends the reply's request. Failures are reported from the event loop, never
    // from inside this call.
    void open(HttpClientReply *reply);
    // Sends the reply's request on this idle, connected socket.
    void send(HttpClientReply *reply);
    // Returns whether an idle connection can take a request: idle for less than its timeout,
    // nothing unread, and no close by the server in the socket's receive queue.
    bool isReusable() const;
    // Drops the reply, which is being deleted before its exchange finished, and closes.
    void detach(HttpClientReply *reply);
    void close();
    void startIdleTimer(int ms);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Parser;

    void connectSocket();
    void onConnected();
    void writeRequest();
    void onBytesWritten(qint64 bytes);
    void onReadyRead();
    void onDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void onSslErrors(const QList<QSslError> &errors);
    QString describeSocketError(QAbstractSocket::SocketError error) const;

    void handleResponseBytes(const char *data, qsizetype size);
    bool parse(const char *data, qsizetype size);
    bool deliverParsed();
    bool finishAtEndOfStream();
    void completeExchange();
    void failExchange(HttpClientError error, const QString &message);
    void failSoon(HttpClientError error, const QString &message);
    bool mayRetry() const;
    HttpClientReply *takeReply();

    HttpClient *m_client;
    QByteArray m_key;
    QUrl m_url;
    bool m_tls = false;
    QTcpSocket *m_socket = nullptr;
    QByteArray m_readBuffer; // the bytes of the last read, kept to save an allocation per read
    std::unique_ptr<Parser> m_parser;
    HttpClientReply *m_reply = nullptr; // the exchange in progress, if any
    QBasicTimer m_idleTimer;
    QElapsedTimer m_idleSince; // started when the connection last went back to the pool
    int m_idleTimeoutMs = 0;
    QString m_tlsErrors;            // the certificate errors of a failed handshake
    qint64 m_unsentBytes = 0;       // of the request being written
    qint64 m_acceptedBytes = 0;     // of the current request, taken by the socket so far
    int m_exchanges = 0;            // exchanges completed on this connection
    bool m_responseStarted = false; // a byte of the current response arrived
    bool m_closed = false;
};

} // namespace signalbox
