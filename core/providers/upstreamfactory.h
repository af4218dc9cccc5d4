// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "providers/upstreamcall.h"
#include "result.h"

#include <memory>

class QNetworkAccessManager;

namespace signalbox {

// Creates the call for the request's provider kind, or returns an error naming the kind when
// this build has no client for it. The call is not started.
Result<std::unique_ptr<UpstreamCall>> createUpstreamCall(UpstreamRequest request,
                                                         QNetworkAccessManager *network);

} // namespace signalbox
