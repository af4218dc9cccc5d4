// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/upstreamfactory.h"

#include "providers/openaiprovider.h"

namespace signalbox {

Result<std::unique_ptr<UpstreamCall>> createUpstreamCall(UpstreamRequest request,
                                                         QNetworkAccessManager *network) {
    const QString kind = request.provider.kind;

    // The simulated demo upstream speaks the OpenAI format.
    if (kind == QLatin1String("openai") || kind == QLatin1String("simulated"))
        return std::unique_ptr<UpstreamCall>(new OpenAiCall(std::move(request), network));

    return Error{QStringLiteral("provider \"%1\" has kind \"%2\", which this build cannot call; "
                                "use kind \"openai\" or \"simulated\"")
                     .arg(request.provider.id, kind)};
}

} // namespace signalbox
