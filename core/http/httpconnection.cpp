// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/httpconnection.h"

#include "http/httpexchange.h"
#include "http/socketwrite.h"
#include "logging.h"

#include <QTcpSocket>

#include <sys/socket.h>

#include <limits>
#include <utility>

namespace signalbox {

namespace {

// Bytes read from the socket per parser call.
constexpr qsizetype ReadChunkBytes = 16 * 1024;

// Bytes Qt buffers from the kernel while the parser is paused. Beyond this the client's sends
// block, so a client that pipelines without reading cannot grow the server's memory.
constexpr qint64 SocketReadBufferBytes = 256 * 1024;

// How long a closing connection keeps reading and dropping what the client still sends, such as
// the rest of a body that was refused with 413. Closing at once would reset the connection and
// the client might never read the response.
constexpr int LingerMs = 5000;

bool expectsContinue(const HttpRequest &head) {
    const bool http11 = head.httpMajor == 1 && head.httpMinor >= 1;
    return http11 && head.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket,
                               std::shared_ptr<const HttpServerSettings> settings, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_settings(std::move(settings))
    , m_parser(this)
    , m_peerAddress(socket->peerAddress()) {
    m_socket->setParent(this);
    m_socket->setReadBufferSize(SocketReadBufferBytes);

    // Stream chunks are small and must reach the client without waiting for Nagle's algorithm.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);

    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readFromSocket);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);

    // One timer per idle period: reads only record the time, and the timer rearms itself for the
    // rest of the period, so traffic does not restart a timer on every read.
    m_idleTimer.setParent(this); // so that moveToThread() moves it with the connection
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &HttpConnection::checkIdle);
    m_sinceActivity.start();
    m_idleTimer.start(m_settings->limits.idleTimeoutMs);

    // Bytes may have arrived before the signals were connected.
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::readFromSocket, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() {
    // The socket is deleted after this destructor; its last signals must not reach this object.
    QObject::disconnect(m_socket, nullptr, this, nullptr);
}

void HttpConnection::abort() {
    m_socket->abort();
    if (!m_closed)
        onDisconnected();
}

void HttpConnection::readFromSocket() {
    m_sinceActivity.restart();
    char buffer[ReadChunkBytes];

    // Each pass consumes buffered bytes, so the loop ends when Qt's buffer is empty.
    while (!m_closed && (!m_parserPaused || !m_acceptingRequests)) {
        const qint64 size = m_socket->read(buffer, sizeof buffer);
        if (size <= 0)
            break;

        // After an error or a final request the input is read and dropped, so that closing the
        // socket does not reset the connection before the client has read the response.
        if (m_acceptingRequests)
            parse(buffer, qsizetype(size));
    }
}

void HttpConnection::parse(const char *data, qsizetype size) {
    const HttpLimits &limits = m_settings->limits;
    m_parser.setLimits(limits.maxHeaderBytes, limits.maxBodyBytes);

    // The request clock starts with the first read of a request. Bytes of a next request that
    // arrive in the same read as the end of the previous one start it on the following read.
    if (!m_requestClock.isValid() && size > 0) {
        m_requestClock.start();
        if (m_idleTimer.remainingTime() > limits.requestTimeoutMs)
            m_idleTimer.start(limits.requestTimeoutMs);
    }

    m_parsing = true;
    const HttpRequestParser::FeedResult result = m_parser.feed(data, size);
    m_parsing = false;

    if (result.failure != HttpRequestParser::Failure::None) {
        rejectRequest(result.failure);
        return;
    }
    if (result.paused) {
        m_parserPaused = true;
        if (m_acceptingRequests)
            m_unparsed = QByteArray(data + result.consumed, size - result.consumed);
    }
}

bool HttpConnection::pipelineHasRoom() const {
    return m_exchanges.size() < size_t(qMax(1, m_settings->limits.maxPipelinedRequests));
}

void HttpConnection::resumeParsing() {
    // Several finished responses may each have queued a resume, so the room is checked again.
    if (m_closed || !m_acceptingRequests || !m_parserPaused || !pipelineHasRoom())
        return;
    m_parserPaused = false;
    m_parser.resume();

    const QByteArray unparsed = std::exchange(m_unparsed, QByteArray());
    if (!unparsed.isEmpty())
        parse(unparsed.constData(), unparsed.size());
    readFromSocket();
}

void HttpConnection::onRequestHead(const HttpRequest &head) {
    m_incomingExchange = new HttpExchange(this, head.keepAlive);
    m_exchanges.push_back(m_incomingExchange);

    // Clients such as curl wait for this interim response before sending a large body.
    if (expectsContinue(head))
        writeResponseBytes(m_incomingExchange, QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"),
                           true);
}

bool HttpConnection::onRequestComplete(HttpRequest &request) {
    m_requestClock.invalidate();
    HttpExchange *exchange = std::exchange(m_incomingExchange, nullptr);
    request.peerAddress = m_peerAddress;
    exchange->m_request = std::move(request);
    exchange->m_closeAfter = !exchange->m_request.keepAlive;

    // Bytes after a final request are not parsed: the response closes the connection.
    if (!exchange->m_request.keepAlive)
        m_acceptingRequests = false;

    dispatch(exchange);
    return m_acceptingRequests && !m_closed && pipelineHasRoom();
}

void HttpConnection::dispatch(HttpExchange *exchange) {
    if (!m_settings->handler) {
        qCWarning(lcHttp) << "No request handler is set; answering" << exchange->m_request.method
                          << exchange->m_request.path << "with 503";
        exchange->respond(503, {{"Content-Type", "application/json"}},
                          m_settings->errorBodyFormatter(
                              503, QStringLiteral("The server has no request handler yet."),
                              exchange->m_request.path));
        return;
    }
    m_settings->handler(exchange);
}

void HttpConnection::rejectRequest(HttpRequestParser::Failure failure) {
    const HttpLimits &limits = m_settings->limits;
    int status = 400;
    QString message;
    switch (failure) {
    case HttpRequestParser::Failure::BodyTooLarge:
        status = 413;
        message = QStringLiteral("The request body exceeds the limit of %1 bytes. Send a smaller "
                                 "body.")
                      .arg(limits.maxBodyBytes);
        break;
    case HttpRequestParser::Failure::HeadersTooLarge:
        status = 431;
        message = QStringLiteral("The request line and headers exceed the limit of %1 bytes. Send "
                                 "fewer or shorter headers.")
                      .arg(limits.maxHeaderBytes);
        break;
    case HttpRequestParser::Failure::Malformed:
    case HttpRequestParser::Failure::None:
        message = QStringLiteral("The request is not valid HTTP/1.1: %1.")
                      .arg(QString::fromLatin1(m_parser.failureDescription()));
        break;
    }
    qCInfo(lcHttp) << "Rejected a request from" << m_peerAddress.toString() << "with" << status
                   << "because" << m_parser.failureDescription();
    respondAndClose(status, message);
}

void HttpConnection::timeOutRequest() {
    const int timeoutMs = m_settings->limits.requestTimeoutMs;
    qCInfo(lcHttp) << "Closing the connection from" << m_peerAddress.toString()
                   << "because its request was not complete after" << timeoutMs << "ms";
    respondAndClose(408, QStringLiteral("The request was not received in full within %1 ms. "
                                        "Send the whole request at once.")
                             .arg(timeoutMs));
}

void HttpConnection::respondAndClose(int status, const QString &message) {
    m_acceptingRequests = false;
    m_parserPaused = true;
    m_requestClock.invalidate();
    HttpExchange *exchange = std::exchange(m_incomingExchange, nullptr);
    if (!exchange) {
        exchange = new HttpExchange(this, false);
        m_exchanges.push_back(exchange);
    }
    exchange->m_closeAfter = true;
    exchange->respond(status, {{"Content-Type", "application/json"}},
                      m_settings->errorBodyFormatter(status, message, m_parser.currentPath()));
}

void HttpConnection::writeResponseBytes(HttpExchange *exchange, const QByteArray &bytes,
                                        bool flushNow) {
    if (m_closed)
        return;
    if (m_exchanges.empty() || m_exchanges.front() != exchange) {
        exchange->m_pendingOutput.append(bytes);
        return;
    }
    if (flushNow)
        writeToSocketNow(*m_socket, bytes.constData(), bytes.size());
    else
        m_socket->write(bytes);
}

void HttpConnection::finishExchange(HttpExchange *exchange) {
    if (!m_exchanges.empty() && m_exchanges.front() == exchange)
        advancePipeline();
}

void HttpConnection::advancePipeline() {
    while (!m_closed && !m_exchanges.empty() && m_exchanges.front()->isFinished()) {
        HttpExchange *done = m_exchanges.front();
        m_exchanges.pop_front();
        done->deleteLater();
        if (done->m_closeAfter) {
            closeAfterResponse();
            return;
        }
        if (m_exchanges.empty())
            break;

        // The next response is now at the head: send what it wrote while it waited.
        HttpExchange *next = m_exchanges.front();
        for (const QByteArray &bytes : std::as_const(next->m_pendingOutput))
            m_socket->write(bytes);
        next->m_pendingOutput.clear();
        if (next->isStreaming())
            m_socket->flush();
    }
    if (m_exchanges.empty())
        m_sinceActivity.restart();

    // A resume from inside the parser would re-enter it, so it waits for the event loop.
    if (m_parserPaused && m_acceptingRequests && pipelineHasRoom())
        QMetaObject::invokeMethod(this, &HttpConnection::resumeParsing, Qt::QueuedConnection);
}

void HttpConnection::closeAfterResponse() {
    m_acceptingRequests = false;
    if (m_lingering || m_closed)
        return;
    m_lingering = true;

    // The write side is shut only once Qt has handed every response byte to the kernel.
    m_socket->flush();
    if (m_socket->bytesToWrite() > 0) {
        connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
            if (m_socket->bytesToWrite() == 0)
                shutDownWriting();
        });
        return;
    }
    shutDownWriting();
}

void HttpConnection::shutDownWriting() {
    if (m_closed || m_writingShutDown)
        return;
    m_writingShutDown = true;

    // The client sees the end of the response, and closes; until then its input is dropped.
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    QTimer::singleShot(LingerMs, this, [this] {
        if (!m_closed)
            abort();
    });
    readFromSocket();
}

void HttpConnection::checkIdle() {
    if (m_closed)
        return;
    const int timeoutMs = m_settings->limits.idleTimeoutMs;
    const qint64 idleMs = m_sinceActivity.elapsed();

    qint64 requestRemainingMs = std::numeric_limits<int>::max();
    if (m_requestClock.isValid() && m_acceptingRequests) {
        requestRemainingMs = m_settings->limits.requestTimeoutMs - m_requestClock.elapsed();
        if (requestRemainingMs <= 0) {
            timeOutRequest();
            return;
        }
    }

    // A request whose body is still arriving does not count, so a client that stalls mid-body
    // is closed like one that stalls between requests.
    const size_t incoming = m_incomingExchange ? 1 : 0;
    const bool requestInFlight = m_exchanges.size() > incoming;
    if (requestInFlight || idleMs < timeoutMs) {
        const qint64 remainingMs = requestInFlight ? timeoutMs : timeoutMs - idleMs;
        const qint64 waitMs = qMin(remainingMs, requestRemainingMs);
        m_idleTimer.start(int(qBound(qint64(1), waitMs, qint64(std::numeric_limits<int>::max()))));
        return;
    }
    qCDebug(lcHttp) << "Closing the connection from" << m_peerAddress.toString() << "after"
                    << idleMs << "ms without a request";
    m_socket->disconnectFromHost();
}

void HttpConnection::onDisconnected() {
    if (m_closed)
        return;
    m_closed = true;
    m_acceptingRequests = false;
    m_idleTimer.stop();
    m_incomingExchange = nullptr;

    // Take the list first: a clientDisconnected() slot may call back into this connection.
    const std::deque<HttpExchange *> exchanges = std::exchange(m_exchanges, {});
    for (HttpExchange *exchange : exchanges) {
        exchange->markClientGone();
        exchange->deleteLater();
    }
    emit closed(this);
}

} // namespace signalbox
