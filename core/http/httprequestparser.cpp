// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/httprequestparser.h"

#include <http_parser.h>

#include <limits>

namespace signalbox {

namespace {

// http_parser stores "no Content-Length header" as the largest 64-bit value.
constexpr uint64_t NoContentLength = std::numeric_limits<uint64_t>::max();

// Callbacks return this to make http_parser_execute() stop with an error.
constexpr int StopParsing = -1;

// Bytes a header line adds beyond its name and value: ": " and CRLF.
constexpr qint64 HeaderLineOverhead = 4;

} // namespace

struct HttpRequestParser::State {
    enum class LastHeaderPart { None, Field, Value };

    http_parser parser;
    http_parser_settings settings;
    Listener *listener = nullptr;
    HttpRequest request;
    LastHeaderPart lastHeaderPart = LastHeaderPart::None;
    qint64 headerBytes = 0;
    qint64 maxHeaderBytes = 64 * 1024;
    qint64 maxBodyBytes = 32 * 1024 * 1024;
    Failure failure = Failure::None;
    QByteArray failureDescription;

    static State &of(http_parser *parser) { return *static_cast<State *>(parser->data); }

    int fail(Failure kind, const char *description) {
        failure = kind;
        failureDescription = description;
        return StopParsing;
    }

    int countHeaderBytes(size_t length) {
        headerBytes += qint64(length);
        if (headerBytes > maxHeaderBytes)
            return fail(Failure::HeadersTooLarge, "request line and headers exceed the size limit");
        return 0;
    }

    void splitTarget() {
        const qsizetype mark = request.target.indexOf('?');
        if (mark < 0) {
            request.path = request.target;
            return;
        }
        request.path = request.target.left(mark);
        request.query = request.target.mid(mark + 1);
    }

    int headersComplete() {
        request.method = http_method_str(static_cast<http_method>(parser.method));
        request.httpMajor = parser.http_major;
        request.httpMinor = parser.http_minor;
        request.keepAlive = http_should_keep_alive(&parser) != 0 && !parser.upgrade;
        splitTarget();

        const bool chunked = (parser.flags & F_CHUNKED) != 0;
        if (!chunked && parser.content_length != NoContentLength) {
            // Reject an oversized body before reading it, and size the buffer once so the body
            // is copied a single time.
            if (parser.content_length > uint64_t(maxBodyBytes))
                return fail(Failure::BodyTooLarge, "Content-Length exceeds the body size limit");
            request.body.reserve(qsizetype(parser.content_length));
        }
        listener->onRequestHead(request);
        return 0;
    }

    // The http_parser callbacks. Data callbacks may deliver one element in several pieces when
    // it spans two reads, so every piece is appended.

    static int onMessageBegin(http_parser *parser) {
        auto &state = of(parser);
        state.request = HttpRequest();
        state.lastHeaderPart = LastHeaderPart::None;
        state.headerBytes = 0;
        return 0;
    }

    static int onUrl(http_parser *parser, const char *at, size_t length) {
        auto &state = of(parser);
        state.request.target.append(at, qsizetype(length));
        return state.countHeaderBytes(length);
    }

    static int onHeaderField(http_parser *parser, const char *at, size_t length) {
        auto &state = of(parser);
        if (state.lastHeaderPart != LastHeaderPart::Field)
            state.request.headers.append({QByteArray(), QByteArray()});
        state.lastHeaderPart = LastHeaderPart::Field;
        state.request.headers.last().first.append(at, qsizetype(length));
        return state.countHeaderBytes(length + HeaderLineOverhead);
    }

    static int onHeaderValue(http_parser *parser, const char *at, size_t length) {
        auto &state = of(parser);
        state.lastHeaderPart = LastHeaderPart::Value;
        state.request.headers.last().second.append(at, qsizetype(length));
        return state.countHeaderBytes(length);
    }

    static int onHeadersComplete(http_parser *parser) { return of(parser).headersComplete(); }

    static int onBody(http_parser *parser, const char *at, size_t length) {
        auto &state = of(parser);

        // Chunked bodies announce no total, so the limit is checked as the bytes arrive.
        if (state.request.body.size() + qint64(length) > state.maxBodyBytes)
            return state.fail(Failure::BodyTooLarge, "request body exceeds the body size limit");
        state.request.body.append(at, qsizetype(length));
        return 0;
    }

    static int onMessageComplete(http_parser *parser) {
        auto &state = of(parser);
        if (!state.listener->onRequestComplete(state.request))
            http_parser_pause(parser, 1);
        return 0;
    }
};

HttpRequestParser::HttpRequestParser(Listener *listener)
    : m_state(std::make_unique<State>()) {
    http_parser_init(&m_state->parser, HTTP_REQUEST);
    m_state->parser.data = m_state.get();
    m_state->listener = listener;

    http_parser_settings_init(&m_state->settings);
    m_state->settings.on_message_begin = State::onMessageBegin;
    m_state->settings.on_url = State::onUrl;
    m_state->settings.on_header_field = State::onHeaderField;
    m_state->settings.on_header_value = State::onHeaderValue;
    m_state->settings.on_headers_complete = State::onHeadersComplete;
    m_state->settings.on_body = State::onBody;
    m_state->settings.on_message_complete = State::onMessageComplete;
}

HttpRequestParser::~HttpRequestParser() = default;

void HttpRequestParser::setLimits(qint64 maxHeaderBytes, qint64 maxBodyBytes) {
    m_state->maxHeaderBytes = maxHeaderBytes;
    m_state->maxBodyBytes = maxBodyBytes;
}

HttpRequestParser::FeedResult HttpRequestParser::feed(const char *data, qsizetype size) {
    FeedResult result;
    result.consumed =
        qsizetype(http_parser_execute(&m_state->parser, &m_state->settings, data, size_t(size)));

    const auto error = HTTP_PARSER_ERRNO(&m_state->parser);
    if (error == HPE_PAUSED) {
        result.paused = true;
        return result;
    }
    if (error == HPE_OK)
        return result;

    if (m_state->failure == Failure::None) {
        // The library found the error itself; its own header limit maps to the same failure.
        const bool headerOverflow = error == HPE_HEADER_OVERFLOW;
        m_state->failure = headerOverflow ? Failure::HeadersTooLarge : Failure::Malformed;
        m_state->failureDescription = http_errno_description(error);
    }
    result.failure = m_state->failure;
    return result;
}

void HttpRequestParser::resume() {
    http_parser_pause(&m_state->parser, 0);
}

bool HttpRequestParser::upgradeRequested() const {
    return m_state->parser.upgrade != 0;
}

QByteArray HttpRequestParser::failureDescription() const {
    return m_state->failureDescription;
}

QByteArray HttpRequestParser::currentPath() const {
    const QByteArray &target = m_state->request.target;
    const qsizetype mark = target.indexOf('?');
    return mark < 0 ? target : target.left(mark);
}

} // namespace signalbox
