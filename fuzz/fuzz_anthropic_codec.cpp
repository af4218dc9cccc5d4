// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
//
// Translates arbitrary bytes read in Anthropic's Messages format. The first byte selects
// what the rest is: a client's request, which is prepared for every provider kind, a provider's
// response body, or a provider's event stream fed in pieces. translatorfuzz.h lists the
// invariants.
#include "providers/anthropicprovider.h"
#include "translatorfuzz.h"

using namespace signalbox;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    const AnthropicAdapter adapter;
    switch (data[0] % 3) {
    case 0:
        fuzz::checkRequest(WireFormat::AnthropicMessages, data, size);
        break;
    case 1:
        fuzz::checkResponse(adapter, data, size);
        break;
    default:
        fuzz::checkStream(adapter, data, size);
        break;
    }
    return 0;
}
