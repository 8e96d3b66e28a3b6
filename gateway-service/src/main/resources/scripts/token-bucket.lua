-- SPDX-License-Identifier: Apache-2.0
-- Token bucket, atomic in Redis so that every gateway replica shares one bucket per key.
-- KEYS[1]  bucket hash {tokens, ts_us}
-- ARGV[1]  refill rate, tokens per second
-- ARGV[2]  capacity (burst), tokens
-- ARGV[3]  tokens this request costs
-- Returns  {allowed (1|0), tokens left (floor), milliseconds until the request would be allowed}
-- Time comes from the Redis server, so replicas with skewed clocks agree.
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local requested = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])

local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = capacity
  ts = now
end
tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate / 1000000)

local allowed = 0
local wait_ms = 0
if tokens >= requested then
  tokens = tokens - requested
  allowed = 1
else
  wait_ms = math.ceil((requested - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
return {allowed, math.floor(tokens), wait_ms}
