// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "fakes/faultyupstream.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <sys/socket.h>

#include <utility>

namespace signalbox {

namespace {

// Bytes queued on the socket at a time while a huge response is written, so the fake itself does
// not hold 50 MB.
constexpr qint64 WriteSliceBytes = 256 * 1024;

// Bytes a trickled stream sends per tick.
constexpr qsizetype TrickleBytes = 16;

QByteArray chunkJson(const QByteArray &delta, const QByteArray &finishReason) {
    return "{\"id\":\"chatcmpl-fault\",\"object\":\"chat.completion.chunk\",\"created\":1764547200,"
           "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":" +
           delta + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]}";
}

QByteArray sseData(const QByteArray &json) {
    return "data: " + json + "\n\n";
}

const QByteArray UsageChunk =
    "{\"id\":\"chatcmpl-fault\",\"object\":\"chat.completion.chunk\",\"created\":1764547200,"
    "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[],\"usage\":{\"prompt_tokens\":21,"
    "\"completion_tokens\":9,\"total_tokens\":30}}";

// Streams are chunked, as providers send them, so a connection that ends early is a broken
// stream and not the end of the body.
const QByteArray StreamHead =
    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
    "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n";

const QByteArray LastChunk = "0\r\n\r\n";

QByteArray httpChunk(const QByteArray &bytes) {
    return QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n";
}

// The role chunk and one content chunk: what a stream that breaks off has sent.
QByteArray partialStream() {
    return httpChunk(sseData(chunkJson("{\"role\":\"assistant\",\"content\":\"\"}", "null")) +
                     sseData(chunkJson("{\"content\":\"partial \"}", "null")));
}

} // namespace

FaultyUpstream::FaultyUpstream(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this)) {
    connect(m_server, &QTcpServer::newConnection, this, &FaultyUpstream::onNewConnection);
}

FaultyUpstream::~FaultyUpstream() {
    for (Connection *connection : std::as_const(m_connections)) {
        if (connection->socket)
            connection->socket->abort();
        delete connection;
    }
}

bool FaultyUpstream::listen() {
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 FaultyUpstream::port() const {
    return m_server->serverPort();
}

QString FaultyUpstream::baseUrl() const {
    return QStringLiteral("http://127.0.0.1:%1/v1").arg(port());
}

int FaultyUpstream::openConnections() const {
    int open = 0;
    for (const Connection *connection : m_connections) {
        if (connection->socket && connection->socket->state() == QAbstractSocket::ConnectedState)
            ++open;
    }
    return open;
}

void FaultyUpstream::onNewConnection() {
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new Connection;
        connection->socket = socket;
        socket->setParent(this);
        m_connections.append(connection);
        connect(socket, &QTcpSocket::readyRead, this,
                [this, connection] { onReadyRead(connection); });
        connect(socket, &QTcpSocket::bytesWritten, this,
                [this, connection] { writeMore(connection); });
        connect(socket, &QTcpSocket::disconnected, this, [this, connection] {
            // Every fault but a reset keeps the connection open, so a close here is the router's.
            if (fault != Fault::ResetMidStream && fault != Fault::MalformedSse)
                ++m_closedByClient;
            if (connection->trickle)
                connection->trickle->stop();
        });
    }
}

void FaultyUpstream::onReadyRead(Connection *connection) {
    connection->buffer.append(connection->socket->readAll());
    const qsizetype headEnd = connection->buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    const QByteArray head = connection->buffer.first(headEnd).toLower();
    const qsizetype lengthAt = head.indexOf("content-length:");
    const qsizetype length =
        lengthAt < 0 ? 0
                     : head.mid(lengthAt + 15, head.indexOf('\r', lengthAt) - lengthAt - 15)
                           .trimmed()
                           .toLongLong();
    if (connection->buffer.size() < headEnd + 4 + length)
        return;
    const QByteArray body = connection->buffer.mid(headEnd + 4, length);
    connection->buffer.clear();
    ++m_requestCount;
    respond(connection, body.contains("\"stream\":true"));
}

QByteArray FaultyUpstream::streamBody(int chunks) const {
    QByteArray body = sseData(chunkJson("{\"role\":\"assistant\",\"content\":\"\"}", "null"));
    for (int i = 0; i < chunks; ++i)
        body += sseData(chunkJson("{\"content\":\"piece" + QByteArray::number(i) + " \"}", "null"));
    body += sseData(chunkJson("{}", "\"stop\""));
    body += sseData(UsageChunk);
    body += "data: [DONE]\n\n";
    return body;
}

void FaultyUpstream::respond(Connection *connection, bool stream) {
    QTcpSocket *socket = connection->socket;
    switch (fault) {
    case Fault::None:
        if (stream) {
            socket->write(StreamHead + httpChunk(streamBody(streamChunks)) + LastChunk);
        } else {
            const QByteArray body =
                "{\"id\":\"chatcmpl-fault\",\"object\":\"chat.completion\",\"created\":1764547200,"
                "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{"
                "\"role\":\"assistant\",\"content\":\"fine\"},\"finish_reason\":\"stop\"}],"
                "\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":9,\"total_tokens\":30}}";
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\n\r\n" + body);
        }
        return;
    case Fault::ResetMidStream:
        socket->write(StreamHead + partialStream());
        socket->flush();
        QTimer::singleShot(50, this, [this, connection] { reset(connection); });
        return;
    case Fault::StallBeforeHead:
        return;
    case Fault::StallMidStream:
        socket->write(StreamHead + partialStream());
        socket->flush();
        return;
    case Fault::TrickleStream:
        // One HTTP chunk per event, as providers send them: Qt hands a chunk's bytes on only once
        // the chunk is complete, so one chunk for the whole stream would look like silence.
        connection->pendingOutput = StreamHead;
        for (const QByteArray &event : streamBody(streamChunks).split('\n')) {
            if (!event.isEmpty())
                connection->pendingOutput += httpChunk(event + "\n\n");
        }
        connection->pendingOutput += LastChunk;
        connection->trickle = new QTimer(this);
        connect(connection->trickle, &QTimer::timeout, this, [connection] {
            if (!connection->socket || connection->pendingOutput.isEmpty()) {
                connection->trickle->stop();
                return;
            }
            const qsizetype size = qMin<qsizetype>(TrickleBytes, connection->pendingOutput.size());
            connection->socket->write(connection->pendingOutput.first(size));
            connection->socket->flush();
            connection->pendingOutput.remove(0, size);
        });
        connection->trickle->start(trickleMs);
        return;
    case Fault::MalformedSse:
        socket->write(StreamHead +
                      httpChunk("data: {\"choices\": [ this is not json\n\n"
                                "data: \x01\x02\xff\xfe\n\n: comment\r\nevent: odd\rdata: }}}\n\n"
                                "data: [DONE]\n\n") +
                      LastChunk);
        return;
    case Fault::HugeBody: {
        const QByteArray prefix =
            "{\"id\":\"chatcmpl-fault\",\"object\":\"chat.completion\",\"created\":1764547200,"
            "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{"
            "\"role\":\"assistant\",\"content\":\"";
        const QByteArray suffix = "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":"
                                  "21,\"completion_tokens\":9,\"total_tokens\":30}}";
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(hugeBytes) + "\r\n\r\n" + prefix);
        connection->pendingChunkBytes = hugeBytes - prefix.size() - suffix.size();
        connection->pendingOutput = suffix;
        writeMore(connection);
        return;
    }
    case Fault::HugeEvent:
        socket->write(StreamHead + httpChunk("data: {\"choices\":[{\"delta\":{\"content\":\""));
        connection->pendingChunkBytes = hugeBytes;
        connection->chunkedFiller = true;
        writeMore(connection);
        return;
    }
}

// Keeps about WriteSliceBytes queued until pendingChunkBytes filler bytes and then
// pendingOutput have gone out. The trickled stream writes on its own timer instead.
void FaultyUpstream::writeMore(Connection *connection) {
    QTcpSocket *socket = connection->socket;
    if (!socket || socket->state() != QAbstractSocket::ConnectedState || connection->trickle ||
        socket->bytesToWrite() > WriteSliceBytes)
        return;
    if (connection->pendingChunkBytes > 0) {
        const qint64 size = qMin(connection->pendingChunkBytes, WriteSliceBytes);
        const QByteArray filler(size, 'x');
        socket->write(connection->chunkedFiller ? httpChunk(filler) : filler);
        connection->pendingChunkBytes -= size;
        return;
    }
    if (!connection->pendingOutput.isEmpty())
        socket->write(std::exchange(connection->pendingOutput, QByteArray()));
}

void FaultyUpstream::reset(Connection *connection) {
    if (!connection->socket)
        return;
    // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    struct linger option = {1, 0};
    ::setsockopt(int(connection->socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &option,
                 sizeof option);
    connection->socket->abort();
}

} // namespace signalbox
