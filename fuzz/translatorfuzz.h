// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/chattypes.h"
#include "providers/provideradapter.h"

#include <cstddef>
#include <cstdint>

// The checks shared by the translator fuzz targets. Each runs one step of a translation the way
// ProviderCall and ChatRun do, and aborts when an invariant breaks.
namespace signalbox::fuzz {

// Decodes the payload as a request in `client`'s format and prepares it for every provider
// kind. Every prepared body must be a JSON object that the key does not change, the key must
// travel in exactly one header, and a body written in a client format must decode again.
void checkRequest(WireFormat client, const uint8_t *data, size_t size);

// Reads the payload as a provider's response body: its errors, then its content, which every
// client format must write as a JSON object.
void checkResponse(const ProviderAdapter &adapter, const uint8_t *data, size_t size);

// Parses the payload as an event stream fed in pieces (see splitInput), decodes every event
// with the provider's decoder and writes it for every client format. Each client frame must
// carry a JSON object or [DONE], and an Anthropic client's blocks must open and close in pairs.
void checkStream(const ProviderAdapter &adapter, const uint8_t *data, size_t size);

} // namespace signalbox::fuzz
