// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "result.h"

#include <QString>

namespace signalbox {

// A Redis server as named by a redis:// URL.
struct RedisEndpoint {
    QString host;
    quint16 port = 6379;
    int database = 0;
    QString username; // a Redis 6 ACL user; empty means the default user
};

// Parses redis://[USER@]HOST[:PORT][/DB]. Rejects rediss://, because Debian's hiredis 0.14 is
// built without TLS, and a password in the URL, because the config file holds no secrets. An
// error message never repeats the URL, so a password typed into it does not reach a log.
Result<RedisEndpoint> parseRedisUrl(const QString &text);

} // namespace signalbox
