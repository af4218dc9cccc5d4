// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/chattypes.h"

#include <cstddef>
#include <cstdint>

// The checks shared by the translator fuzz targets. Each runs one step of a translation the way
// ProviderCall and ChatRun do, and aborts when an invariant breaks.
namespace signalbox::fuzz {

// Runs one fuzzer input in `format`. The first byte selects what the rest is: a client's
// request, a provider's response body or a provider's event stream. Gemini is never a client
// format, so a Gemini input is only ever a response body or a stream.
//
// A request is decoded and prepared for every provider kind. Every prepared body must be a JSON
// object that the key does not change, the key must travel in exactly one header, and a body
// written in a client format must decode again.
//
// A response body is read as an error and as content, which every client format must write as a
// JSON object.
//
// A stream is parsed in pieces (see splitInput), each event decoded with the provider's decoder
// and written for every client format. Each client frame must carry a JSON object or [DONE], and
// an Anthropic client's blocks must open and close in pairs.
void runTranslatorInput(WireFormat format, const uint8_t *data, size_t size);

} // namespace signalbox::fuzz
