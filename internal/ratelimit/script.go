package ratelimit

import "github.com/redis/go-redis/v9"

// The scripts keep times in milliseconds (with microseconds) on Redis's own
// clock (TIME), and return durations in whole microseconds. Special members
// begin with "~"; request ids never do.

// takeScript lets request ARGV[1] go, or says how long to wait, and notes
// process ARGV[8] in the processes of the last ARGV[9] ms (KEYS[2]).
// ARGV: id, emission interval (ms), burst, window (0: none), period (ms),
// in flight (ms), poll (ms), process, process TTL (ms).
// Returns {wait µs (0: counted, go), pause left µs, processes}.
var takeScript = redis.NewScript(`
local k = KEYS[1]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local pttl = tonumber(ARGV[9])
redis.call('ZADD', KEYS[2], now + pttl, ARGV[8])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
redis.call('PEXPIRE', KEYS[2], math.ceil(pttl))
local procs = redis.call('ZCARD', KEYS[2])
redis.call('ZREMRANGEBYSCORE', k, '-inf', now)
local pause = tonumber(redis.call('ZSCORE', k, '~pause')) or 0
local left = 0
if pause > now then left = pause - now end
local wait = left
local T = tonumber(ARGV[2])
local tat = tonumber(redis.call('ZSCORE', k, '~tat')) or now
if tat < now then tat = now end
local g = tat - now - (tonumber(ARGV[3]) - 1) * T
if g > wait then wait = g end
local W = tonumber(ARGV[4])
if wait <= 0 and W > 0 then
  local n = redis.call('ZCARD', k)
  if tat > now then n = n - 1 end
  if left > 0 then n = n - 1 end
  if n >= W then
    wait = tonumber(ARGV[7])
    local first = redis.call('ZRANGE', k, 0, 2, 'WITHSCORES')
    for i = 1, #first, 2 do
      if string.sub(first[i], 1, 1) ~= '~' then
        local d = tonumber(first[i + 1]) - now
        if d < wait then wait = d end
        break
      end
    end
    if wait <= 0 then wait = 0.001 end
  end
end
if wait > 0 then
  return {math.ceil(wait * 1000), math.ceil(left * 1000), procs}
end
tat = tat + T
redis.call('ZADD', k, tat, '~tat')
local keep = tat - now
if W > 0 then
  local fl = tonumber(ARGV[6])
  redis.call('ZADD', k, now + fl, ARGV[1])
  if fl > keep then keep = fl end
  if tonumber(ARGV[5]) > keep then keep = tonumber(ARGV[5]) end
end
if left > keep then keep = left end
redis.call('PEXPIRE', k, math.ceil(keep) + 1000)
return {0, math.ceil(left * 1000), procs}
`)

// doneScript marks request ARGV[1] ended: it leaves the window a period
// (ARGV[2], ms) from now. A request no longer counted is not added again.
var doneScript = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[1])
return 1
`)

// pauseScript holds every request for ARGV[1] ms from now (a later pause
// already there stays).
var pauseScript = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local d = tonumber(ARGV[1])
redis.call('ZADD', KEYS[1], 'GT', now + d, '~pause')
if redis.call('PTTL', KEYS[1]) < d + 1000 then
  redis.call('PEXPIRE', KEYS[1], math.ceil(d) + 1000)
end
return 1
`)

// checkScript returns the pause left, in µs (0: none).
var checkScript = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local pause = tonumber(redis.call('ZSCORE', KEYS[1], '~pause')) or 0
if pause > now then return math.ceil((pause - now) * 1000) end
return 0
`)
