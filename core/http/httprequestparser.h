// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "http/httprequest.h"

#include <QByteArray>

#include <memory>

namespace signalbox {

// Incremental HTTP/1.x request parser. It wraps the C library http_parser, so no other file
// includes that library's header. It enforces the header and body size limits while the bytes
// arrive.
class HttpRequestParser {
public:
    enum class Failure { None, Malformed, HeadersTooLarge, BodyTooLarge };

    // Receives the requests as they are parsed. Both calls happen inside feed().
    class Listener {
    public:
        virtual ~Listener() = default;

        // The request line and headers are complete. The body has not been read yet.
        virtual void onRequestHead(const HttpRequest &head) = 0;

        // The whole request is parsed and may be moved out. Returning false pauses the parser
        // after this request until resume() is called.
        virtual bool onRequestComplete(HttpRequest &request) = 0;
    };

    struct FeedResult {
        qsizetype consumed = 0;
        bool paused = false;
        Failure failure = Failure::None;
    };

    explicit HttpRequestParser(Listener *listener);
    ~HttpRequestParser();
    HttpRequestParser(const HttpRequestParser &) = delete;
    HttpRequestParser &operator=(const HttpRequestParser &) = delete;

    void setLimits(qint64 maxHeaderBytes, qint64 maxBodyBytes);

    // Parses `size` bytes. It stops early when the listener pauses it or the input is invalid.
    FeedResult feed(const char *data, qsizetype size);

    // Lets feed() continue after a pause.
    void resume();

    // True when the last request asked to switch protocols (an Upgrade header or CONNECT). The
    // bytes after such a request are not HTTP/1.1, so the caller stops parsing.
    bool upgradeRequested() const;

    // A short English description of the last failure for the log, e.g. "invalid HTTP method".
    QByteArray failureDescription() const;

    // The path of the request being parsed, as far as it has arrived: empty before the request
    // line, and possibly cut short when the request failed inside it.
    QByteArray currentPath() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace signalbox
