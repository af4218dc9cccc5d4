// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QTcpServer;
class QTcpSocket;

namespace signalbox {

// An OpenAI-compatible upstream on 127.0.0.1 that misbehaves on purpose, for fault tests. Each
// chat request gets the response of the current fault. Streams are OpenAI chunks of
// `streamChunks` content pieces.
class FaultyUpstream : public QObject {
    Q_OBJECT

public:
    enum class Fault {
        None,            // a correct response, streamed or not as requested
        ResetMidStream,  // the head and two chunks, then a TCP reset
        StallBeforeHead, // reads the request and never responds
        StallMidStream,  // the head and two chunks, then silence with the connection open
        TrickleStream,   // a correct stream, written 16 bytes every `trickleMs`
        MalformedSse,    // a 200 event stream whose events are not JSON, then a close
        HugeBody,        // a correct non-stream body of `hugeBytes` bytes
        HugeEvent,       // a stream whose one data line is `hugeBytes` long and never ends
    };

    explicit FaultyUpstream(QObject *parent = nullptr);
    ~FaultyUpstream() override;

    bool listen();
    quint16 port() const;
    QString baseUrl() const; // http://127.0.0.1:PORT/v1

    Fault fault = Fault::None;
    int streamChunks = 5;
    int trickleMs = 20;
    qint64 hugeBytes = 50 * 1024 * 1024;

    int requestCount() const { return m_requestCount; }
    int closedByClient() const { return m_closedByClient; } // connections the router closed
    int openConnections() const;

private:
    struct Connection {
        QPointer<QTcpSocket> socket;
        QByteArray buffer;
        QByteArray pendingOutput; // written as the socket drains, for huge and trickled responses
        qint64 pendingChunkBytes = 0; // filler bytes still to write
        bool chunkedFiller = false;   // the filler goes out as HTTP chunks
        QTimer *trickle = nullptr;
    };

    void onNewConnection();
    void onReadyRead(Connection *connection);
    void respond(Connection *connection, bool stream);
    QByteArray streamBody(int chunks) const;
    void writeMore(Connection *connection);
    void reset(Connection *connection);

    QTcpServer *m_server;
    QList<Connection *> m_connections;
    int m_requestCount = 0;
    int m_closedByClient = 0;
};

} // namespace signalbox
