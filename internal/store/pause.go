package store

import (
	"context"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// Platform pauses: when a messaging platform answers 429 with retry_after,
// the channel keeps the pause here so that every process of the bot, and a
// restarted one, waits it out.
//
//	<prefix>:pauses   zset   sealed pause key ("tg:bot", "tg:<chat>") -> until (ms)
//
// A pause key can name a patient's chat, so members are sealed (with the
// set's name as additional data; a new member per pause, since sealing is
// randomised: Pauses keeps the latest end per key). The set expires with
// its longest pause; pauses that are over are dropped.

// setPause adds a pause, drops pauses that are over, and makes the set
// expire with the last of them.
var setPause = redis.NewScript(`
redis.call('ZADD', KEYS[1], tonumber(ARGV[2]), ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] then
  redis.call('PEXPIRE', KEYS[1], math.floor(tonumber(last[2]) - tonumber(ARGV[3])) + 1000)
end
return 1
`)

func (s *Store) pausesKey() string { return s.prefix + ":pauses" }

// SetPause records that calls under key must wait until until. It returns a
// wrapped Redis error.
func (s *Store) SetPause(ctx context.Context, key string, until time.Time) error {
	now := s.now()
	if !until.After(now) {
		return nil
	}
	k := s.pausesKey()
	err := setPause.Run(ctx, s.rdb, []string{k}, s.sealer.Seal([]byte(key), []byte(k)), until.UnixMilli(), now.UnixMilli()).Err()
	return redisErr("set pause", err)
}

// readPauses returns the pauses after ARGV[1] (ms) as member, score pairs.
var readPauses = redis.NewScript(`
return redis.call('ZRANGE', KEYS[1], '(' .. ARGV[1], '+inf', 'BYSCORE', 'WITHSCORES')
`)

// Pauses returns the pauses not over yet, key -> until. It returns a wrapped
// Redis error.
func (s *Store) Pauses(ctx context.Context) (map[string]time.Time, error) {
	res, err := readPauses.Run(ctx, s.rdb, []string{s.pausesKey()}, s.now().UnixMilli()).StringSlice()
	if err != nil {
		return nil, redisErr("read pauses", err)
	}
	out := make(map[string]time.Time, len(res)/2)
	for i := 0; i+1 < len(res); i += 2 {
		ms, err := strconv.ParseFloat(res[i+1], 64)
		if err != nil {
			continue
		}
		key, err := s.sealer.Open([]byte(res[i]), []byte(s.pausesKey()))
		if err != nil {
			continue // another key: the pause is short, let it go
		}
		if t := time.UnixMilli(int64(ms)); t.After(out[string(key)]) {
			out[string(key)] = t
		}
	}
	return out, nil
}
