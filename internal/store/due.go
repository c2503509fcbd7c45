package store

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// Due reminders (timers) wait in sorted sets scored by due time (ms),
// sharded by patient so that no key holds every patient and a cluster
// spreads them. Each shard has a set of claimed timers beside it, scored by
// the end of the claim's lease; both share a hash tag, so the claim script
// runs on one slot:
//
//	<prefix>:due:{due-<n>}:z   zset  "<pseudonym>|<timer id>", scored by due time (ms)
//	<prefix>:due:{due-<n>}:c   zset  the same members, claimed, scored by lease end (ms)
//
// A member names the patient by pseudonym only; the timer id is a hash.
// Any number of processes claim from the shards; a claim whose process died
// is claimed again once its lease ends, so a timer fires at least once, and
// the fire's commit (keyed by the timer id) applies it at most once.

// DueShards is the number of due-timer shards.
const DueShards = 16

// Due is a claimed timer: the patient, the timer id, and the claim to
// acknowledge with AckDue once the fire is committed.
type Due struct {
	Patient string // "" when the patient's data is gone (erased, expired)
	Timer   string
	At      time.Time
	shard   int
	member  string
}

// claimScript claims up to ARGV[3] timers of one shard due by ARGV[1]
// (ms): claims whose lease ended first, then due timers, each moved to the
// claimed set with a lease ending ARGV[1]+ARGV[2]. KEYS: due, claimed.
// Returns member, due score, member, due score...
var claimScript = redis.NewScript(`
local now, n = tonumber(ARGV[1]), tonumber(ARGV[3])
local lease = now + tonumber(ARGV[2])
local out = {}
local again = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, n)
for _, m in ipairs(again) do
  redis.call('ZADD', KEYS[2], lease, m)
  table.insert(out, m)
  table.insert(out, now)
end
if #again < n then
  local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'WITHSCORES', 'LIMIT', 0, n - #again)
  for i = 1, #due, 2 do
    redis.call('ZREM', KEYS[1], due[i])
    redis.call('ZADD', KEYS[2], lease, due[i])
    table.insert(out, due[i])
    table.insert(out, due[i + 1])
  end
end
return out
`)

func (s *Store) dueKeys(shard int) (due, claimed string) {
	base := s.prefix + ":due:{due-" + strconv.Itoa(shard) + "}:"
	return base + "z", base + "c"
}

func dueShard(pseudonym string) int { return Shard(pseudonym, DueShards) }

// Arm stores timer id of the patient, due at at. Arming the same timer
// again changes nothing but its due time. It returns ErrNoPatient or a
// wrapped Redis error.
func (s *Store) Arm(ctx context.Context, patient, id string, at time.Time) error {
	if patient == "" {
		return ErrNoPatient
	}
	name := s.namer.Name(patient)
	due, _ := s.dueKeys(dueShard(name))
	// The score rounds up: a claim at a time in the same millisecond but
	// before at does not take the timer early.
	ms := at.UnixMilli()
	if at.Sub(time.UnixMilli(ms)) > 0 {
		ms++
	}
	return redisErr("arm", s.rdb.ZAdd(ctx, due, redis.Z{Score: float64(ms), Member: name + "|" + id}).Err())
}

// ClaimDue claims up to max timers due by now from shard (0 to
// DueShards-1) for lease: no other process claims them until the lease
// ends. The caller fires each and then calls AckDue; one it cannot fire
// now it gives back with Release. It returns a wrapped Redis error.
func (s *Store) ClaimDue(ctx context.Context, shard int, now time.Time, lease time.Duration, max int) ([]Due, error) {
	due, claimed := s.dueKeys(shard)
	res, err := claimScript.Run(ctx, s.rdb, []string{due, claimed}, now.UnixMilli(), lease.Milliseconds(), max).Slice()
	if err != nil {
		return nil, redisErr("claim due", err)
	}
	out := make([]Due, 0, len(res)/2)
	names := make([]string, 0, len(res)/2)
	for i := 0; i+1 < len(res); i += 2 {
		m, _ := res[i].(string)
		ms, _ := res[i+1].(int64)
		name, id, ok := strings.Cut(m, "|")
		if !ok {
			continue
		}
		out = append(out, Due{Timer: id, At: time.UnixMilli(ms), shard: shard, member: m})
		names = append(names, name)
	}
	if len(names) == 0 {
		return out, nil
	}
	// The patients' sealed ids, in one round trip.
	pipe := s.rdb.Pipeline()
	cmds := make([]*redis.StringCmd, len(names))
	for i, n := range names {
		cmds[i] = pipe.Get(ctx, s.keysOf(n).name)
	}
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return nil, redisErr("claim due", err)
	}
	for i, n := range names {
		raw, err := cmds[i].Bytes()
		if err != nil {
			continue // gone (erased, expired): Patient stays ""
		}
		if id, err := s.open("patient id", s.keysOf(n).name, raw); err == nil {
			out[i].Patient = string(id)
		}
	}
	return out, nil
}

// AckDue removes a fired timer's claim. It returns a wrapped Redis error.
func (s *Store) AckDue(ctx context.Context, d Due) error {
	_, claimed := s.dueKeys(d.shard)
	return redisErr("ack due", s.rdb.ZRem(ctx, claimed, d.member).Err())
}

// releaseScript gives a claimed timer back, due at ARGV[2] (ms), if it is
// still claimed. KEYS: due, claimed. ARGV: member, due time.
var releaseScript = redis.NewScript(`
if redis.call('ZREM', KEYS[2], ARGV[1]) == 1 then
  redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
end
return 0
`)

// Release gives a claimed timer back, due again at at (for a process that
// does not run the patient's channel). It returns a wrapped Redis error.
func (s *Store) Release(ctx context.Context, d Due, at time.Time) error {
	due, claimed := s.dueKeys(d.shard)
	return redisErr("release due", releaseScript.Run(ctx, s.rdb, []string{due, claimed}, d.member, at.UnixMilli()).Err())
}

// DueCount returns how many timers wait and how many are claimed, over
// every shard. It returns a wrapped Redis error.
func (s *Store) DueCount(ctx context.Context) (waiting, claimed int64, err error) {
	pipe := s.rdb.Pipeline()
	var cmds []*redis.IntCmd
	for i := range DueShards {
		d, c := s.dueKeys(i)
		cmds = append(cmds, pipe.ZCard(ctx, d), pipe.ZCard(ctx, c))
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return 0, 0, redisErr("count due", err)
	}
	for i, c := range cmds {
		if i%2 == 0 {
			waiting += c.Val()
		} else {
			claimed += c.Val()
		}
	}
	return waiting, claimed, nil
}

// NextDue returns when the earliest waiting timer falls due; ok is false
// when none waits. It returns a wrapped Redis error.
func (s *Store) NextDue(ctx context.Context) (at time.Time, ok bool, err error) {
	pipe := s.rdb.Pipeline()
	var cmds []*redis.ZSliceCmd
	for i := range DueShards {
		d, _ := s.dueKeys(i)
		cmds = append(cmds, pipe.ZRangeWithScores(ctx, d, 0, 0))
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return time.Time{}, false, redisErr("next due", err)
	}
	for _, c := range cmds {
		for _, z := range c.Val() {
			t := time.UnixMilli(int64(z.Score))
			if !ok || t.Before(at) {
				at, ok = t, true
			}
		}
	}
	return at, ok, nil
}

// PruneDue drops the timers of patients whose data is gone (erased, or
// expired after the retention) from every shard, so that the due sets
// shrink with the patients; it returns how many it dropped. A fire of such
// a timer would do nothing. It returns a wrapped Redis error.
func (s *Store) PruneDue(ctx context.Context) (int, error) {
	dropped := 0
	for shard := range DueShards {
		due, claimed := s.dueKeys(shard)
		var members []string
		for _, k := range []string{due, claimed} {
			ms, err := s.rdb.ZRange(ctx, k, 0, -1).Result()
			if err != nil {
				return dropped, redisErr("prune due", err)
			}
			members = append(members, ms...)
		}
		if len(members) == 0 {
			continue
		}
		pipe := s.rdb.Pipeline()
		exists := map[string]*redis.IntCmd{}
		for _, m := range members {
			name, _, _ := strings.Cut(m, "|")
			if exists[name] == nil {
				exists[name] = pipe.Exists(ctx, s.keysOf(name).name)
			}
		}
		if _, err := pipe.Exec(ctx); err != nil {
			return dropped, redisErr("prune due", err)
		}
		var gone []any
		for _, m := range members {
			name, _, _ := strings.Cut(m, "|")
			if exists[name].Val() == 0 {
				gone = append(gone, m)
			}
		}
		if len(gone) == 0 {
			continue
		}
		pipe = s.rdb.Pipeline()
		pipe.ZRem(ctx, due, gone...)
		pipe.ZRem(ctx, claimed, gone...)
		if _, err := pipe.Exec(ctx); err != nil {
			return dropped, redisErr("prune due", err)
		}
		dropped += len(gone)
	}
	return dropped, nil
}
