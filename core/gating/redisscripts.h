// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArray>

namespace signalbox {

// A Lua script that Redis runs as one atomic step, sent with EVALSHA and, when the server does
// not have it cached (NOSCRIPT), with EVAL.
struct RedisScript {
    const char *name;
    QByteArray source;
    QByteArray sha1; // hex, as EVALSHA expects
};

// The gate store's scripts. Key and argument layouts are documented at the top of each script in
// redisscripts.cpp. Amounts are whole nano-USD, times are milliseconds since the epoch.
namespace redisscripts {

const RedisScript &reserve();
const RedisScript &settle();
const RedisScript &release();
const RedisScript &extend();
const RedisScript &admitRate();
const RedisScript &correctRate();
const RedisScript &snapshot();
const RedisScript &setSpent();
const RedisScript &heartbeat();

} // namespace redisscripts

} // namespace signalbox
