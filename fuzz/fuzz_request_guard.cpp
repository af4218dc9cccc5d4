// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
//
// Checks arbitrary Host and Origin headers against the request guard. Only a loopback name or
// address may pass as Host while the endpoint listens on 127.0.0.1.
#include "api/requestguard.h"
#include "http/httprequest.h"

#include <cstdlib>

using namespace signalbox;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArrayView host = newline < 0 ? input : input.first(newline);
    const QByteArrayView origin = newline < 0 ? QByteArrayView() : input.sliced(newline + 1);

    HttpRequest request;
    request.headers.append({QByteArrayLiteral("Host"), host.toByteArray()});
    if (!origin.isEmpty())
        request.headers.append({QByteArrayLiteral("Origin"), origin.toByteArray()});

    RequestGuardPolicy policy;
    policy.listenAddress = QHostAddress::LocalHost;
    policy.listenHost = QStringLiteral("127.0.0.1");
    const std::optional<ApiError> refused = checkRequestOrigin(request, policy);

    const QString name = hostWithoutPort(host);
    const QHostAddress address(name);
    const bool loopbackName = name.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
                              name.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive) ||
                              (!address.isNull() && address.isLoopback());
    // With no allowed origins, any request that passes has a loopback Host and no Origin, or an
    // empty Host header (which http_parser accepts for HTTP/1.0).
    if (!refused && !host.trimmed().isEmpty() && !loopbackName)
        std::abort();
    if (!refused && !origin.trimmed().isEmpty())
        std::abort();
    return 0;
}
