// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "config/redisurl.h"

#include <QUrl>

namespace signalbox {

namespace {

Result<int> parseDatabase(const QString &path) {
    if (path.isEmpty() || path == QLatin1String("/"))
        return 0;
    bool isNumber = false;
    const int database = path.mid(1).toInt(&isNumber);
    if (!isNumber || database < 0) {
        return Error{QStringLiteral("invalid database '%1'; end the URL with /N, where N is a "
                                    "database number such as 0")
                         .arg(path.mid(1))};
    }
    return database;
}

} // namespace

Result<RedisEndpoint> parseRedisUrl(const QString &text) {
    const QUrl url(text, QUrl::StrictMode);
    if (url.scheme() == QLatin1String("rediss")) {
        return Error{QStringLiteral("rediss:// (TLS) is not supported: this build uses Debian's "
                                    "hiredis 0.14, which has no TLS. Use redis:// to a server on "
                                    "this machine, or reach a remote one through a TLS tunnel "
                                    "such as stunnel or ssh -L")};
    }
    if (!url.isValid() || url.scheme() != QLatin1String("redis") || url.host().isEmpty()) {
        return Error{QStringLiteral("invalid Redis URL; use redis://HOST:PORT/DB such as "
                                    "redis://127.0.0.1:6379/0")};
    }
    if (!url.password().isEmpty()) {
        return Error{QStringLiteral("the Redis URL contains a password; remove it from the URL "
                                    "and store it with the console's Gates page or set the "
                                    "environment variable SIGNALBOX_REDIS_PASSWORD")};
    }
    if (url.hasQuery() || url.hasFragment()) {
        return Error{QStringLiteral("the Redis URL has a query or fragment, which Signalbox does "
                                    "not read; use redis://HOST:PORT/DB")};
    }
    const Result<int> database = parseDatabase(url.path());
    if (!database)
        return Error{database.error()};

    if (url.port(6379) <= 0)
        return Error{QStringLiteral("invalid Redis port; use a port from 1 to 65535")};

    RedisEndpoint endpoint;
    endpoint.host = url.host();
    endpoint.port = quint16(url.port(6379));
    endpoint.database = *database;
    endpoint.username = url.userName();
    return endpoint;
}

} // namespace signalbox
