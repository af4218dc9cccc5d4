// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/httpexchange.h"

#include "http/httpconnection.h"
#include "logging.h"

namespace signalbox {

namespace {

// Bodies up to this size are appended to the head and written in one call. Larger ones are
// written separately, so they are not copied into a combined buffer.
constexpr qsizetype InlineBodyBytes = 16 * 1024;

} // namespace

HttpExchange::HttpExchange(HttpConnection *connection, bool keepAlive)
    : QObject(connection)
    , m_connection(connection)
    , m_closeAfter(!keepAlive) {
}

HttpExchange::~HttpExchange() = default;

QByteArray HttpExchange::serverHeaders(QByteArrayView framing) const {
    QByteArray lines(framing.data(), framing.size());
    if (m_closeAfter)
        lines.append("Connection: close\r\n");
    else if (m_request.httpMajor == 1 && m_request.httpMinor == 0)
        lines.append("Connection: keep-alive\r\n");
    return lines;
}

QByteArray HttpExchange::formatHead(int status, const HttpHeaders &headers,
                                    QByteArrayView framing) {
    // The handler's "Connection: close" must be known before the Connection header is chosen.
    for (const auto &[name, value] : headers) {
        if (QByteArrayView(name).compare("Connection", Qt::CaseInsensitive) == 0 &&
            value.toLower().contains("close"))
            m_closeAfter = true;
    }
    return formatResponseHead(status, headers, serverHeaders(framing));
}

// The head is not flushed: the first chunk's flush sends both in one segment, so the client reads
// them together. Without a chunk, Qt writes the head on the event loop's next turn.
void HttpExchange::writeHead(int status, const HttpHeaders &headers, QByteArrayView framing) {
    send(formatHead(status, headers, framing), false);
}

void HttpExchange::respond(int status, const HttpHeaders &headers, const QByteArray &body) {
    if (m_state != State::AwaitingResponse) {
        qCWarning(lcHttp) << "Ignored respond() for" << m_request.method << m_request.path
                          << "because its response was already started";
        return;
    }
    m_state = State::Finished;
    if (m_clientGone)
        return;

    m_omitBody = statusForbidsBody(status) || m_request.method == "HEAD";
    QByteArray framing;
    if (!statusForbidsBody(status))
        framing = "Content-Length: " + QByteArray::number(body.size()) + "\r\n";

    // The last write is flushed, so the response leaves before the caller records the request
    // and before the event loop's next turn.
    QByteArray bytes = formatHead(status, headers, framing);
    const bool writeBody = !m_omitBody && !body.isEmpty();
    if (writeBody && body.size() <= InlineBodyBytes) {
        bytes.append(body);
        send(bytes, true);
    } else {
        send(bytes, !writeBody);
        if (writeBody)
            send(body, true);
    }
    finish();
}

void HttpExchange::beginStream(int status, const HttpHeaders &headers) {
    if (m_state != State::AwaitingResponse) {
        qCWarning(lcHttp) << "Ignored beginStream() for" << m_request.method << m_request.path
                          << "because its response was already started";
        return;
    }
    m_state = State::Streaming;
    if (m_clientGone)
        return;

    m_omitBody = m_request.method == "HEAD";

    // HTTP/1.0 has no chunked encoding, so the end of the connection marks the end of the body.
    m_unframedStream = m_request.httpMajor == 1 && m_request.httpMinor == 0;
    if (m_unframedStream)
        m_closeAfter = true;
    writeHead(status, headers, m_unframedStream ? "" : "Transfer-Encoding: chunked\r\n");
}

void HttpExchange::writeChunk(const QByteArray &data) {
    if (m_state != State::Streaming || m_clientGone || m_omitBody || data.isEmpty())
        return;
    send(m_unframedStream ? data : formatChunk(data), true);
}

void HttpExchange::endStream() {
    if (m_state != State::Streaming)
        return;
    m_state = State::Finished;
    if (m_clientGone)
        return;
    if (!m_unframedStream && !m_omitBody)
        send(QByteArrayLiteral("0\r\n\r\n"), true);
    finish();
}

void HttpExchange::send(const QByteArray &bytes, bool flushNow) {
    m_connection->writeResponseBytes(this, bytes, flushNow);
}

void HttpExchange::finish() {
    m_connection->finishExchange(this);
}

void HttpExchange::markClientGone() {
    if (m_clientGone)
        return;
    m_clientGone = true;
    m_pendingOutput.clear();
    if (m_state != State::Finished)
        emit clientDisconnected();
}

} // namespace signalbox
