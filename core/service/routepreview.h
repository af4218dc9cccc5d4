// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/config.h"
#include "service/servicetypes.h"

#include <QByteArray>
#include <QDateTime>

namespace signalbox {

// Routes a Chat Completions body as the endpoint would, without calling any upstream, and
// returns the decision or the error the endpoint would answer. `now` is the time stage
// overrides are checked against; invalid means the current time.
RoutePreview previewRouteFor(const Config &config, const QByteArray &body,
                             const QDateTime &now = {});

} // namespace signalbox
