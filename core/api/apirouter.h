// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "api/apienvironment.h"

namespace signalbox {

class HttpExchange;

// Sends each request to its endpoint handler by method and path.
void dispatchRequest(const ApiEnvironment &environment, HttpExchange *exchange);

} // namespace signalbox
