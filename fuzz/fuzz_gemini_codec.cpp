// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
//
// Translates arbitrary bytes read in Gemini's generateContent format. Gemini is never a client
// format, so there is no request to decode: requests reach Gemini from the other targets, which
// prepare every client request for it. The first byte picks whether the rest is a response body
// or an event stream, fed in pieces. See translatorfuzz.h for the invariants.
#include "providers/geminiprovider.h"
#include "translatorfuzz.h"

using namespace signalbox;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    const GeminiAdapter adapter;
    if (data[0] % 2 == 0)
        fuzz::checkResponse(adapter, data, size);
    else
        fuzz::checkStream(adapter, data, size);
    return 0;
}
