// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gating/redisscripts.h"

#include <QCryptographicHash>

// Redis runs each script without running any other command in between, which is what makes a
// reservation's check and its write one atomic step across every instance.
//
// Key layout, after the configured prefix:
//   budget:GATE:PERIOD      hash, instance id -> settled nano-USD of that instance in PERIOD
//   reserved:GATE           sorted set, reservation id -> expiry (ms, Redis clock)
//   reserved-amount:GATE    hash, reservation id -> reserved nano-USD
//   reservation:ID          string with a TTL: the reservation itself, for inspection
//   settled:ID              marker that makes a settlement count once
//   rate:SCOPE              hash of one-second buckets: "SECOND:r" requests, "SECOND:t" tokens
//   instance:ID, instances  heartbeat key and the sorted set that counts live instances
//
// Lua numbers are doubles. Amounts stay exact below 2^53 nano-USD (about 9 million USD), and
// large values are passed back to Redis as the caller's strings, never formatted by Lua.

namespace signalbox::redisscripts {

namespace {

const char *const helpers = R"lua(
local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function sumValues(values)
  local total = 0
  for _, v in ipairs(values) do total = total + tonumber(v) end
  return total
end

-- Extends a key's expiry to at least ms milliseconds from now.
local function keepFor(key, ms)
  if redis.call('PTTL', key) < ms then redis.call('PEXPIRE', key, ms) end
end

-- Returns the sum of the unexpired reservations of one budget. Expired ones were left by
-- instances that stopped without settling; they are dropped here, so they never count.
local function liveReserved(expiries, amounts, now)
  local expired = redis.call('ZRANGEBYSCORE', expiries, '-inf', now)
  for i = 1, #expired, 500 do
    local last = math.min(i + 499, #expired)
    redis.call('ZREM', expiries, unpack(expired, i, last))
    redis.call('HDEL', amounts, unpack(expired, i, last))
  end
  local live = redis.call('ZRANGEBYSCORE', expiries, '(' .. now, '+inf')
  local total = 0
  for i = 1, #live, 500 do
    local values = redis.call('HMGET', amounts, unpack(live, i, math.min(i + 499, #live)))
    for _, v in ipairs(values) do
      if v then total = total + tonumber(v) end
    end
  end
  return total
end

-- Reads a rate window as of nowSecond and deletes the buckets that left it. Buckets ahead of
-- nowSecond (from an instance whose clock runs ahead) count as live.
local function readWindow(key, nowSecond)
  local flat = redis.call('HGETALL', key)
  local bySecond, dead = {}, {}
  for i = 1, #flat, 2 do
    local text, measure = string.match(flat[i], '^(%-?%d+):([rt])$')
    local second = tonumber(text)
    if second == nil or second <= nowSecond - 60 then
      table.insert(dead, flat[i])
    else
      local bucket = bySecond[second] or {second = second, r = 0, t = 0}
      bucket[measure] = tonumber(flat[i + 1])
      bySecond[second] = bucket
    end
  end
  for i = 1, #dead, 500 do
    redis.call('HDEL', key, unpack(dead, i, math.min(i + 499, #dead)))
  end
  local window = {requests = 0, tokens = 0, buckets = {}}
  for _, bucket in pairs(bySecond) do
    window.requests = window.requests + bucket.r
    window.tokens = window.tokens + bucket.t
    table.insert(window.buckets, bucket)
  end
  table.sort(window.buckets, function(a, b) return a.second < b.second end)
  return window
end

-- Seconds until enough buckets leave the window that `extra` fits under `limit`: 0 when it fits
-- now, -1 when extra alone is over the limit.
local function secondsUntilFits(window, measure, extra, limit, now)
  if extra > limit then return -1 end
  local remaining = window.requests
  if measure == 't' then remaining = window.tokens end
  if remaining + extra <= limit then return 0 end
  for _, bucket in ipairs(window.buckets) do
    remaining = remaining - bucket[measure]
    if remaining + extra <= limit then
      local leavesAt = (bucket.second + 60) * 1000
      return math.max(1, math.ceil((leavesAt - now) / 1000))
    end
  end
  return 60
end
)lua";

// KEYS[1]: reservation:ID. Then per budget: budget:GATE:PERIOD, reserved:GATE,
// reserved-amount:GATE. ARGV: ID, amount, ttl ms, description, then each budget's limit.
// Returns {1} when reserved, or {0, budget index, spent, reserved} for the first budget that the
// amount does not fit.
const char *const reserveSource = R"lua(
local id, amount, ttl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local now = nowMs()
local count = (#KEYS - 1) / 3
for i = 1, count do
  local base = 1 + (i - 1) * 3
  local spent = sumValues(redis.call('HVALS', KEYS[base + 1]))
  local reserved = liveReserved(KEYS[base + 2], KEYS[base + 3], now)
  if spent + reserved + amount > tonumber(ARGV[4 + i]) then
    return {0, i, spent, reserved}
  end
end
redis.call('SET', KEYS[1], ARGV[4], 'PX', ttl)
for i = 1, count do
  local base = 1 + (i - 1) * 3
  redis.call('ZADD', KEYS[base + 2], now + ttl, id)
  redis.call('HSET', KEYS[base + 3], id, ARGV[2])
  keepFor(KEYS[base + 2], ttl)
  keepFor(KEYS[base + 3], ttl)
end
return {1}
)lua";

// KEYS[1]: reservation:ID, KEYS[2]: settled:ID. Then per budget: budget:GATE:PERIOD (the period
// current at settle time), reserved:GATE, reserved-amount:GATE. ARGV: ID, actual amount, instance
// id, marker ttl s, then each budget key's ttl s. The marker is set with NX, so a settlement
// replayed after a lost reply charges nothing the second time. Returns {1 if charged now, then
// spent and reserved of each budget}.
const char *const settleSource = R"lua(
local id, instance = ARGV[1], ARGV[3]
local now = nowMs()
local count = (#KEYS - 2) / 3
local charged = redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[4])
redis.call('DEL', KEYS[1])
local result = {0}
if charged then result[1] = 1 end
for i = 1, count do
  local base = 2 + (i - 1) * 3
  if charged then
    redis.call('HINCRBY', KEYS[base + 1], instance, ARGV[2])
    redis.call('EXPIRE', KEYS[base + 1], ARGV[4 + i])
  end
  redis.call('ZREM', KEYS[base + 2], id)
  redis.call('HDEL', KEYS[base + 3], id)
  table.insert(result, sumValues(redis.call('HVALS', KEYS[base + 1])))
  table.insert(result, liveReserved(KEYS[base + 2], KEYS[base + 3], now))
end
return result
)lua";

// KEYS[1]: reservation:ID. Then per budget: reserved:GATE, reserved-amount:GATE. ARGV[1]: ID.
const char *const releaseSource = R"lua(
redis.call('DEL', KEYS[1])
for i = 2, #KEYS, 2 do
  redis.call('ZREM', KEYS[i], ARGV[1])
  redis.call('HDEL', KEYS[i + 1], ARGV[1])
end
return 1
)lua";

// Moves the expiry of reservations whose requests are still running. KEYS: per reservation its
// reservation:ID, then per budget reserved:GATE and reserved-amount:GATE. ARGV[1]: ttl ms, then
// per reservation: ID and its budget count. A reservation that already expired stays expired.
// Returns the number extended.
const char *const extendSource = R"lua(
local ttl = tonumber(ARGV[1])
local expiresAt = nowMs() + ttl
local k, extended = 1, 0
for a = 2, #ARGV, 2 do
  local id, budgets = ARGV[a], tonumber(ARGV[a + 1])
  local live = redis.call('PEXPIRE', KEYS[k], ttl) == 1
  if live then
    extended = extended + 1
    for b = 1, budgets do
      local expiries, amounts = KEYS[k + 2 * b - 1], KEYS[k + 2 * b]
      redis.call('ZADD', expiries, 'XX', expiresAt, id)
      keepFor(expiries, ttl)
      keepFor(amounts, ttl)
    end
  end
  k = k + 1 + 2 * budgets
end
return extended
)lua";

// KEYS: rate:SCOPE per scope. ARGV: now ms, tokens, then per scope rpm and tpm (0: no limit).
// Returns {1} when counted in every window, or {0, scope index, 1 for rpm or 2 for tpm, used,
// retry-after seconds} for the first window that is full.
const char *const admitRateSource = R"lua(
local now, tokens = tonumber(ARGV[1]), tonumber(ARGV[2])
local second = math.floor(now / 1000)
for i = 1, #KEYS do
  local window = readWindow(KEYS[i], second)
  local rpm, tpm = tonumber(ARGV[1 + 2 * i]), tonumber(ARGV[2 + 2 * i])
  if rpm > 0 and window.requests + 1 > rpm then
    return {0, i, 1, window.requests, secondsUntilFits(window, 'r', 1, rpm, now)}
  end
  if tpm > 0 and window.tokens + tokens > tpm then
    return {0, i, 2, window.tokens, secondsUntilFits(window, 't', tokens, tpm, now)}
  end
end
for i = 1, #KEYS do
  redis.call('HINCRBY', KEYS[i], second .. ':r', 1)
  redis.call('HINCRBY', KEYS[i], second .. ':t', ARGV[2])
  redis.call('PEXPIRE', KEYS[i], 120000)
end
return {1}
)lua";

// KEYS: rate:SCOPE per scope. ARGV: counted-at ms, now ms, token delta. Corrects the bucket the
// request was counted in while it is still in the window, never below zero tokens.
const char *const correctRateSource = R"lua(
local counted = math.floor(tonumber(ARGV[1]) / 1000)
local nowSecond = math.floor(tonumber(ARGV[2]) / 1000)
if counted <= nowSecond - 60 or counted > nowSecond then return 0 end
local field = counted .. ':t'
for i = 1, #KEYS do
  local current = redis.call('HGET', KEYS[i], field)
  if current then
    redis.call('HSET', KEYS[i], field, math.max(0, tonumber(current) + tonumber(ARGV[3])))
  end
end
return 1
)lua";

// KEYS: per budget budget:GATE:PERIOD, reserved:GATE, reserved-amount:GATE; then rate:SCOPE per
// scope; last the instances set. ARGV: budget count, now ms for the rate windows. Returns spent
// and reserved per budget, requests, tokens and when the oldest entry leaves (ms, or -1) per
// scope, then the number of live instances.
const char *const snapshotSource = R"lua(
local budgets = tonumber(ARGV[1])
local now = nowMs()
local result = {}
for i = 1, budgets do
  local base = (i - 1) * 3
  table.insert(result, sumValues(redis.call('HVALS', KEYS[base + 1])))
  table.insert(result, liveReserved(KEYS[base + 2], KEYS[base + 3], now))
end
local second = math.floor(tonumber(ARGV[2]) / 1000)
for i = budgets * 3 + 1, #KEYS - 1 do
  local window = readWindow(KEYS[i], second)
  local oldest = -1
  for _, bucket in ipairs(window.buckets) do
    if bucket.r > 0 or bucket.t > 0 then
      oldest = (bucket.second + 60) * 1000
      break
    end
  end
  table.insert(result, window.requests)
  table.insert(result, window.tokens)
  table.insert(result, oldest)
end
redis.call('ZREMRANGEBYSCORE', KEYS[#KEYS], '-inf', now)
table.insert(result, redis.call('ZCARD', KEYS[#KEYS]))
return result
)lua";

// KEYS: budget:GATE:PERIOD per entry. ARGV: instance id, then per entry the spent amount and the
// key's ttl s. Raises the instance's share to the amount and never lowers it.
const char *const setSpentSource = R"lua(
for i = 1, #KEYS do
  local requested = ARGV[2 * i]
  local current = tonumber(redis.call('HGET', KEYS[i], ARGV[1]) or '0')
  if tonumber(requested) > current then redis.call('HSET', KEYS[i], ARGV[1], requested) end
  redis.call('EXPIRE', KEYS[i], ARGV[2 * i + 1])
end
return #KEYS
)lua";

// KEYS[1]: instance:ID, KEYS[2]: instances. ARGV: instance id, ttl ms, description. Returns the
// number of instances whose heartbeat has not expired.
const char *const heartbeatSource = R"lua(
local now = nowMs()
local ttl = tonumber(ARGV[2])
redis.call('SET', KEYS[1], ARGV[3], 'PX', ttl)
redis.call('ZADD', KEYS[2], now + ttl, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
keepFor(KEYS[2], ttl)
return redis.call('ZCARD', KEYS[2])
)lua";

RedisScript makeScript(const char *name, const char *body) {
    QByteArray source(helpers);
    source.append(body);
    return {name, source, QCryptographicHash::hash(source, QCryptographicHash::Sha1).toHex()};
}

} // namespace

const RedisScript &reserve() {
    static const RedisScript script = makeScript("reserve", reserveSource);
    return script;
}

const RedisScript &settle() {
    static const RedisScript script = makeScript("settle", settleSource);
    return script;
}

const RedisScript &release() {
    static const RedisScript script = makeScript("release", releaseSource);
    return script;
}

const RedisScript &extend() {
    static const RedisScript script = makeScript("extend", extendSource);
    return script;
}

const RedisScript &admitRate() {
    static const RedisScript script = makeScript("admit_rate", admitRateSource);
    return script;
}

const RedisScript &correctRate() {
    static const RedisScript script = makeScript("correct_rate", correctRateSource);
    return script;
}

const RedisScript &snapshot() {
    static const RedisScript script = makeScript("snapshot", snapshotSource);
    return script;
}

const RedisScript &setSpent() {
    static const RedisScript script = makeScript("set_spent", setSpentSource);
    return script;
}

const RedisScript &heartbeat() {
    static const RedisScript script = makeScript("heartbeat", heartbeatSource);
    return script;
}

} // namespace signalbox::redisscripts
