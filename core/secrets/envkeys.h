// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/config.h"

#include <QString>

namespace signalbox {

// Returns the name of the variable that overrides a provider's key: SIGNALBOX_KEY_ followed by
// the provider id upper-cased, with every character other than A-Z and 0-9 replaced by '_'.
QString upstreamKeyVariable(const QString &providerId);

// Returns the variables that can hold the provider's key, for messages: "SIGNALBOX_KEY_OPENAI or
// OPENAI_API_KEY", or only the first when the provider names no key_env.
QString upstreamKeyVariables(const ProviderConfig &provider);

// Returns the provider's API key from the environment: SIGNALBOX_KEY_<PROVIDER_ID> first, then
// the provider's own key_env variable. Returns an empty string when neither is set.
QString upstreamKeyFor(const ProviderConfig &provider);

} // namespace signalbox
