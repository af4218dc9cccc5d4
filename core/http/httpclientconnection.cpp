// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/httpclientconnection.h"

#include "http/openfiles.h"
#include "http/socketwrite.h"
#include "logging.h"

#include <QPointer>
#include <QSslError>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimerEvent>

#include <http_parser.h>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/socket.h>
#endif

namespace signalbox {

namespace {

// The largest read buffer a connection keeps between reads.
constexpr qint64 MaxKeptReadBytes = 64 * 1024;

int defaultPort(const QUrl &url) {
    return url.scheme() == QLatin1String("https") ? 443 : 80;
}

// Returns the Host header value: the host, with brackets for IPv6, and the port unless it is
// the scheme's default.
QByteArray hostHeader(const QUrl &url) {
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = url.port(defaultPort(url));
    if (port != defaultPort(url))
        host += ':' + QByteArray::number(port);
    return host;
}

QByteArray requestTarget(const QUrl &url) {
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    return target;
}

// Returns the request line and the Host header for the URL. Calls in a row nearly always go to
// the same URL, so the last one is kept: reading its parts took about 1.5% of the instructions
// of a pass-through request.
const QByteArray &requestLineAndHost(const QUrl &url) {
    thread_local QUrl lastUrl;
    thread_local QByteArray lastLines;
    if (lastLines.isEmpty() || url != lastUrl) {
        lastLines = "POST " + requestTarget(url) + " HTTP/1.1\r\nHost: " + hostHeader(url) + "\r\n";
        lastUrl = url;
    }
    return lastLines;
}

// Formats the whole request, head and body, so it goes out in one write.
QByteArray formatRequest(const HttpClientRequest &request) {
    QByteArray bytes;
    bytes.reserve(256 + request.body.size());
    bytes += requestLineAndHost(request.url);
    for (const auto &[name, value] : request.headers)
        bytes += name + ": " + value + "\r\n";
    bytes += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n\r\n";
    bytes += request.body;
    return bytes;
}

HttpClientError errorKind(QAbstractSocket::SocketError error) {
    switch (error) {
    case QAbstractSocket::HostNotFoundError:
        return HttpClientError::HostNotFound;
    case QAbstractSocket::ConnectionRefusedError:
        return HttpClientError::ConnectionRefused;
    case QAbstractSocket::RemoteHostClosedError:
        return HttpClientError::ConnectionClosed;
    case QAbstractSocket::SslHandshakeFailedError:
        return HttpClientError::Tls;
    default:
        return HttpClientError::Network;
    }
}

// Returns whether the idle socket is still open with nothing to read, checked with
// recv(MSG_PEEK). Qt detects a close by the server only when its event loop next runs, which may be
// after the pool hands the connection out. Pending bytes also make the socket unusable: a server
// sends nothing between responses unless it is closing, e.g. with a TLS close_notify alert.
bool peerKeepsSocketOpen(const QTcpSocket &socket) {
#ifdef Q_OS_UNIX
    const qintptr descriptor = socket.socketDescriptor();
    if (descriptor < 0)
        return false;
    char byte = 0;
    const ssize_t peeked = ::recv(int(descriptor), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
#else
    // TODO: peek at the socket on Windows too; until then only Qt's own state is checked there.
    Q_UNUSED(socket);
    return true;
#endif
}

} // namespace

// The http_parser state of the response being read. The callbacks only collect, so no
// listener runs inside http_parser_execute().
struct HttpClientConnection::Parser {
    enum class LastHeaderPart { None, Field, Value };

    http_parser parser;
    http_parser_settings settings;
    int status = 0;
    HttpHeaders headers;
    LastHeaderPart lastHeaderPart = LastHeaderPart::None;
    QByteArray body;            // parsed since the last delivery
    bool informational = false; // a 1xx response, which a final response follows
    bool headComplete = false;
    bool headDelivered = false;
    bool messageComplete = false;
    bool keepAlive = false;
    bool extraBytes = false; // bytes after the end of the response, so the connection is unusable

    Parser() {
        http_parser_settings_init(&settings);
        settings.on_header_field = onHeaderField;
        settings.on_header_value = onHeaderValue;
        settings.on_headers_complete = onHeadersComplete;
        settings.on_body = onBody;
        settings.on_message_complete = onMessageComplete;
        reset();
    }

    void reset() {
        http_parser_init(&parser, HTTP_RESPONSE);
        parser.data = this;
        status = 0;
        headers.clear();
        lastHeaderPart = LastHeaderPart::None;
        body.clear();
        informational = headComplete = headDelivered = messageComplete = false;
        keepAlive = extraBytes = false;
    }

    static Parser &of(http_parser *parser) { return *static_cast<Parser *>(parser->data); }

    static int onHeaderField(http_parser *parser, const char *at, size_t length) {
        Parser &state = of(parser);
        if (state.lastHeaderPart != LastHeaderPart::Field)
            state.headers.append({QByteArray(), QByteArray()});
        state.lastHeaderPart = LastHeaderPart::Field;
        state.headers.last().first.append(at, qsizetype(length));
        return 0;
    }

    static int onHeaderValue(http_parser *parser, const char *at, size_t length) {
        Parser &state = of(parser);
        state.lastHeaderPart = LastHeaderPart::Value;
        state.headers.last().second.append(at, qsizetype(length));
        return 0;
    }

    static int onHeadersComplete(http_parser *parser) {
        Parser &state = of(parser);
        state.status = int(parser->status_code);
        state.informational = state.status >= 100 && state.status < 200;
        state.headComplete = !state.informational;
        return 0;
    }

    static int onBody(http_parser *parser, const char *at, size_t length) {
        of(parser).body.append(at, qsizetype(length));
        return 0;
    }

    // Pauses the parser at the end of the response, so bytes after it are not parsed.
    static int onMessageComplete(http_parser *parser) {
        Parser &state = of(parser);
        if (state.informational) {
            state.headers.clear();
            state.lastHeaderPart = LastHeaderPart::None;
            state.informational = false;
            return 0;
        }
        state.messageComplete = true;
        state.keepAlive = http_should_keep_alive(parser) != 0;
        http_parser_pause(parser, 1);
        return 0;
    }
};

HttpClientConnection::HttpClientConnection(HttpClient *client, QByteArray key, const QUrl &url)
    : QObject(client)
    , m_client(client)
    , m_key(std::move(key))
    , m_url(url)
    , m_tls(url.scheme() == QLatin1String("https"))
    , m_parser(std::make_unique<Parser>()) {
}

HttpClientConnection::~HttpClientConnection() {
    // Only when the client itself is deleted with a reply still attached.
    if (m_reply) {
        m_reply->m_connection = nullptr;
        m_reply->m_client = nullptr;
    }
}

void HttpClientConnection::open(HttpClientReply *reply) {
    m_reply = reply;
    reply->m_connection = this;
    m_responseStarted = false;
    m_acceptedBytes = 0;

    if (m_tls && !QSslSocket::supportsSsl()) {
        failSoon(HttpClientError::Tls,
                 QStringLiteral("TLS is not available: Qt found no OpenSSL library to load"));
        return;
    }
    connectSocket();
}

void HttpClientConnection::connectSocket() {
    const quint16 port = quint16(m_url.port(defaultPort(m_url)));
    if (m_tls) {
        auto *socket = new QSslSocket(this);
        connect(socket, &QSslSocket::encrypted, this, &HttpClientConnection::onConnected);
        connect(socket, &QSslSocket::sslErrors, this, &HttpClientConnection::onSslErrors);
        m_socket = socket;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &HttpClientConnection::onConnected);
    }
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpClientConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpClientConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpClientConnection::onDisconnected);
    // Queued, because Qt may report a refused loopback connection from inside connectToHost(),
    // and the listener must not run before HttpClient::post() returns.
    connect(m_socket, &QTcpSocket::errorOccurred, this, &HttpClientConnection::onSocketError,
            Qt::QueuedConnection);

    if (m_tls)
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(m_url.host(), port);
    else
        m_socket->connectToHost(m_url.host(), port);
}

void HttpClientConnection::onConnected() {
    // The last descriptors stay free for the threads and files of the process: GLib aborts the
    // program when a new thread finds none for its wake-up descriptor.
    const qint64 limit = openFileLimit();
    if (inDescriptorReserve(m_socket->socketDescriptor(), clientDescriptorReserve(limit) / 2,
                            limit)) {
        failExchange(HttpClientError::Network, outOfDescriptorsMessage(limit));
        return;
    }
    // Requests are written whole, so Nagle's algorithm would only delay them.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_reply)
        writeRequest();
}

void HttpClientConnection::send(HttpClientReply *reply) {
    m_idleTimer.stop();
    m_idleSince.invalidate();
    m_reply = reply;
    reply->m_connection = this;
    m_responseStarted = false;
    m_acceptedBytes = 0;
    m_parser->reset();
    writeRequest();
}

void HttpClientConnection::writeRequest() {
    const QByteArray bytes = formatRequest(m_reply->m_request);
    m_unsentBytes = bytes.size();
    // Writes now instead of on the next turn of the event loop. This may report
    // onRequestSent() at once, the one callback allowed before post() returns.
    if (m_tls) {
        m_socket->write(bytes);
        m_socket->flush();
        return;
    }
    // The socket reports only the bytes that went through Qt's buffer.
    if (const qint64 sent = writeToSocketNow(*m_socket, bytes.constData(), bytes.size()); sent > 0)
        onBytesWritten(sent);
}

void HttpClientConnection::onBytesWritten(qint64 bytes) {
    m_acceptedBytes += bytes;
    if (!m_reply || m_unsentBytes == 0)
        return;
    if (m_socket->bytesToWrite() > 0)
        return;
    m_unsentBytes = 0;
    m_reply->m_listener->onRequestSent();
}

void HttpClientConnection::onReadyRead() {
    // QIODevice::readAll() allocates a buffer of Qt's read chunk size for every read, which took
    // 3% of the router thread's time under load. The bytes go to a buffer kept with the
    // connection instead.
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    m_readBuffer.resize(available);
    const qint64 size = m_socket->read(m_readBuffer.data(), available);
    // A listener may delete the client, and this connection with it.
    const QPointer<HttpClientConnection> self(this);
    if (size > 0 && !m_closed)
        handleResponseBytes(m_readBuffer.constData(), size);

    // A pooled connection keeps no more than a usual read's buffer after a large response.
    if (self && m_readBuffer.capacity() > MaxKeptReadBytes)
        m_readBuffer = QByteArray();
}

void HttpClientConnection::handleResponseBytes(const char *data, qsizetype size) {
    if (!m_reply) {
        // A server must not send anything between responses; the connection is out of step.
        close();
        return;
    }
    m_responseStarted = true;
    if (parse(data, size))
        deliverParsed();
}

// Feeds the bytes to http_parser. Returns false after failing the exchange on invalid HTTP.
bool HttpClientConnection::parse(const char *data, qsizetype size) {
    http_parser &parser = m_parser->parser;
    const size_t consumed = http_parser_execute(&parser, &m_parser->settings, data, size_t(size));
    const http_errno error = HTTP_PARSER_ERRNO(&parser);
    if (error == HPE_PAUSED) {
        m_parser->extraBytes = consumed < size_t(size);
        return true;
    }
    if (error == HPE_OK)
        return true;
    failExchange(HttpClientError::Protocol,
                 QStringLiteral("invalid HTTP response from %1: %2")
                     .arg(QString::fromLatin1(hostHeader(m_url)),
                          QString::fromLatin1(http_errno_description(error))));
    return false;
}

// Passes what the parser collected to the listener. Returns false when the listener deleted
// the reply.
bool HttpClientConnection::deliverParsed() {
    Parser &parsed = *m_parser;
    if (parsed.headComplete && !parsed.headDelivered) {
        parsed.headDelivered = true;
        m_reply->m_status = parsed.status;
        m_reply->m_headers = std::move(parsed.headers);
        m_reply->m_listener->onResponseHead();
        if (!m_reply)
            return false;
    }
    if (!parsed.body.isEmpty()) {
        m_reply->m_listener->onResponseBody(std::exchange(parsed.body, QByteArray()));
        if (!m_reply)
            return false;
    }
    if (parsed.messageComplete)
        completeExchange();
    return true;
}

// Returns the connection to the pool when the server keeps it open, then notifies the listener.
void HttpClientConnection::completeExchange() {
    HttpClientReply *reply = takeReply();
    reply->m_finished = true;
    ++m_exchanges;
    // A server may respond before it has read the whole request, and the rest of the request
    // would then be taken for the start of the next one.
    const bool reusable = m_parser->keepAlive && !m_parser->extraBytes &&
                          m_socket->bytesToWrite() == 0 &&
                          m_socket->state() == QAbstractSocket::ConnectedState;
    if (reusable)
        m_client->releaseConnection(this);
    else
        close();
    reply->m_listener->onResponseFinished();
}

// Qt may report the disconnection before the queued error that caused it, e.g. a failed TLS
// handshake, so the socket's own error wins over "closed".
void HttpClientConnection::onDisconnected() {
    const QAbstractSocket::SocketError error = m_socket->error();
    onSocketError(error == QAbstractSocket::UnknownSocketError
                      ? QAbstractSocket::RemoteHostClosedError
                      : error);
}

void HttpClientConnection::onSocketError(QAbstractSocket::SocketError error) {
    if (m_closed)
        return;
    if (!m_reply) {
        close(); // the server closed an idle connection
        return;
    }

    if (error == QAbstractSocket::RemoteHostClosedError && m_responseStarted &&
        finishAtEndOfStream())
        return;

    if (mayRetry()) {
        HttpClientReply *reply = takeReply();
        close();
        m_client->retryOnFreshConnection(reply);
        return;
    }
    failExchange(errorKind(error), describeSocketError(error));
}

QString HttpClientConnection::describeSocketError(QAbstractSocket::SocketError error) const {
    switch (error) {
    case QAbstractSocket::HostNotFoundError:
        return QStringLiteral("Host %1 not found").arg(m_url.host());
    case QAbstractSocket::RemoteHostClosedError:
        if (m_responseStarted)
            return QStringLiteral("Connection closed before the end of the response");
        if (m_acceptedBytes > 0)
            return QStringLiteral("Connection closed before any response. The server may have "
                                  "received the request, so it was not sent again");
        return QStringLiteral("Connection closed");
    case QAbstractSocket::SocketResourceError:
        return outOfDescriptorsMessage(openFileLimit());
    case QAbstractSocket::SslHandshakeFailedError:
        return QStringLiteral("TLS handshake with %1 failed: %2")
            .arg(m_url.host(), m_tlsErrors.isEmpty() ? m_socket->errorString() : m_tlsErrors);
    default:
        return m_socket->errorString();
    }
}

// Reads what is left and signals the end of the stream to http_parser, which completes a body
// framed by the end of the connection. Returns true when the exchange is over, false when the
// response is still incomplete.
bool HttpClientConnection::finishAtEndOfStream() {
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (!m_reply || m_closed)
        return true;
    http_parser_execute(&m_parser->parser, &m_parser->settings, nullptr, 0);
    if (!m_parser->messageComplete)
        return false;
    deliverParsed();
    return true;
}

void HttpClientConnection::onSslErrors(const QList<QSslError> &errors) {
    QStringList messages;
    for (const QSslError &error : errors)
        messages << error.errorString();
    m_tlsErrors = messages.join(QLatin1String("; "));
}

// A request goes once more on a new connection only when it cannot have reached the server:
// the pooled connection failed before the socket accepted any byte of it. Once the kernel has
// taken a byte, the server may have read the whole request and acted on it, e.g. billed a
// completion, so a second send could run it twice. Such a failure is reported instead, and the
// caller decides. isReusable() keeps this case rare by catching connections the server closed.
bool HttpClientConnection::mayRetry() const {
    return m_exchanges > 0 && m_acceptedBytes == 0 && !m_responseStarted && !m_reply->m_retried;
}

void HttpClientConnection::failExchange(HttpClientError error, const QString &message) {
    HttpClientReply *reply = m_reply ? takeReply() : nullptr;
    close();
    if (!reply)
        return;
    reply->m_error = error;
    reply->m_errorString = message;
    reply->m_finished = true;
    reply->m_listener->onResponseFinished();
}

// Reports a failure from the event loop, after the caller of open() has returned.
void HttpClientConnection::failSoon(HttpClientError error, const QString &message) {
    QMetaObject::invokeMethod(
        this, [this, error, message] { failExchange(error, message); }, Qt::QueuedConnection);
}

HttpClientReply *HttpClientConnection::takeReply() {
    HttpClientReply *reply = std::exchange(m_reply, nullptr);
    reply->m_connection = nullptr;
    return reply;
}

bool HttpClientConnection::isReusable() const {
    if (m_closed || !m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    if (m_socket->bytesAvailable() > 0)
        return false;
    // The idle timer may be late when the event loop is busy.
    if (m_idleSince.isValid() && m_idleSince.hasExpired(m_idleTimeoutMs))
        return false;
    return peerKeepsSocketOpen(*m_socket);
}

void HttpClientConnection::detach(HttpClientReply *reply) {
    if (m_reply != reply)
        return;
    m_reply = nullptr;
    reply->m_connection = nullptr;
    close();
}

void HttpClientConnection::close() {
    if (m_closed)
        return;
    m_closed = true;
    m_idleTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    m_client->connectionClosed(this);
    deleteLater();
}

void HttpClientConnection::startIdleTimer(int ms) {
    m_idleTimeoutMs = ms;
    m_idleSince.start();
    m_idleTimer.start(ms, this);
}

void HttpClientConnection::timerEvent(QTimerEvent *event) {
    if (event->timerId() != m_idleTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_idleTimer.stop();
    if (!m_reply) {
        qCDebug(lcUpstream).noquote() << "closing the idle upstream connection to" << m_key;
        close();
    }
}

} // namespace signalbox
