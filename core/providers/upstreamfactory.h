// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "http/httpclient.h"
#include "providers/upstreamcall.h"
#include "result.h"

#include <memory>
#include <optional>

namespace signalbox {

class WarningThrottle;

// Creates the call for the request's provider kind, or returns an error naming the kind when
// this build has no client for it. The call is not started. A failed call logs a warning through
// failureWarnings where one is given, else every time.
Result<std::unique_ptr<UpstreamCall>>
createUpstreamCall(UpstreamRequest request, HttpClient *client,
                   WarningThrottle *failureWarnings = nullptr);

// Returns the wire format a provider kind speaks, or nothing for a kind this build cannot call.
std::optional<WireFormat> providerWireFormat(const QString &kind);

} // namespace signalbox
