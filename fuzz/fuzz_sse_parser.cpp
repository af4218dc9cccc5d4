// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
//
// Parses arbitrary bytes as an event stream twice, once whole and once in pieces of varying
// size, and aborts when the two give different events: where a read ends must not change what
// the stream means.
#include "fuzzsplit.h"
#include "providers/sseparser.h"

#include <cstdlib>

using namespace signalbox;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    SseParser whole;
    QList<SseEvent> expected = whole.feed(fuzz::payloadOf(data, size));
    expected += whole.finish();

    SseParser pieces;
    QList<SseEvent> actual;
    for (QByteArrayView piece : fuzz::splitInput(data, size))
        actual += pieces.feed(piece);
    actual += pieces.finish();

    if (actual.size() != expected.size())
        std::abort();
    for (qsizetype i = 0; i < actual.size(); ++i) {
        if (actual[i].event != expected[i].event || actual[i].data != expected[i].data)
            std::abort();
    }
    return 0;
}
