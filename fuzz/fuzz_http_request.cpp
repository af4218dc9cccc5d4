// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
//
// Feeds arbitrary bytes, in pieces of varying size, to the HTTP request parser with small limits,
// and checks what it hands on: no request beyond the limits, and every request complete.
#include "fuzzsplit.h"
#include "http/httprequestparser.h"

#include <cstdlib>

using namespace signalbox;

namespace {

constexpr qint64 MaxHeaderBytes = 2048;
constexpr qint64 MaxBodyBytes = 4096;

class Listener : public HttpRequestParser::Listener {
public:
    void onRequestHead(const HttpRequest &head) override {
        ++heads;
        if (head.method.isEmpty())
            std::abort();
    }

    bool onRequestComplete(HttpRequest &request) override {
        ++requests;
        if (requests > heads || request.body.size() > MaxBodyBytes)
            std::abort();
        // The path is the target up to the query, so it can never be longer.
        if (request.path.size() > request.target.size())
            std::abort();
        (void)request.header("Host");
        // Pausing after every third request exercises resume() with bytes still unparsed.
        return requests % 3 != 0;
    }

    int heads = 0;
    int requests = 0;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    Listener listener;
    HttpRequestParser parser(&listener);
    parser.setLimits(MaxHeaderBytes, MaxBodyBytes);

    for (QByteArrayView piece : fuzz::splitInput(data, size)) {
        // A paused parser gets the rest of the piece after resume(), as HttpConnection does.
        while (!piece.isEmpty()) {
            const HttpRequestParser::FeedResult result = parser.feed(piece.data(), piece.size());
            if (result.failure != HttpRequestParser::Failure::None) {
                if (parser.failureDescription().isEmpty())
                    std::abort();
                return 0;
            }
            if (result.consumed > piece.size())
                std::abort();
            if (!result.paused)
                break;
            piece = piece.sliced(result.consumed);
            parser.resume();
        }
    }
    return 0;
}
