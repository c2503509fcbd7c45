package keys

import (
	"context"
	"fmt"
	"strconv"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/seal"
	"github.com/kapbot/kapbot/internal/store"
)

// Scripts that write a re-sealed value only if the stored one is still the
// value read (compare-and-set): a value the service changed in between is
// already sealed with the current key, or is left for the next pass.
var (
	// KEYS: key. ARGV: old, new. The expiry is kept.
	casString = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
  return 1
end
return 0
`)
	// KEYS: key. ARGV: triples of index, old, new. Returns how many were set.
	casList = redis.NewScript(`
local n = 0
for i = 1, #ARGV, 3 do
  local idx = tonumber(ARGV[i])
  if redis.call('LINDEX', KEYS[1], idx) == ARGV[i + 1] then
    redis.call('LSET', KEYS[1], idx, ARGV[i + 2])
    n = n + 1
  end
end
return n
`)
	// KEYS: key. ARGV: triples of field, old, new. Returns how many were set.
	casHash = redis.NewScript(`
local n = 0
for i = 1, #ARGV, 3 do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 2])
    n = n + 1
  end
end
return n
`)
	// rewriteStream replaces a stream by the same entries with re-sealed
	// values, if its length and last id are still the ones read. Entry ids,
	// the last generated id and the expiry stay; each consumer group is
	// created again at its last delivered id or, when it has entries
	// pending, just before the first of them, so every entry not yet
	// acknowledged is delivered again (at least once).
	// KEYS: stream. ARGV: 1 length, 2 last entry id, then per entry: id,
	// number of fields, then field/value pairs.
	rewriteStream = redis.NewScript(`
local k = KEYS[1]
if redis.call('XLEN', k) ~= tonumber(ARGV[1]) then return 0 end
local last = redis.call('XREVRANGE', k, '+', '-', 'COUNT', 1)
if #last == 0 or last[1][1] ~= ARGV[2] then return 0 end
local info = redis.call('XINFO', 'STREAM', k)
local lastgen
for i = 1, #info, 2 do
  if info[i] == 'last-generated-id' then lastgen = info[i + 1] end
end
local groups = {}
for _, g in ipairs(redis.call('XINFO', 'GROUPS', k)) do
  local name, pending, delivered
  for i = 1, #g, 2 do
    if g[i] == 'name' then name = g[i + 1] end
    if g[i] == 'pending' then pending = g[i + 1] end
    if g[i] == 'last-delivered-id' then delivered = g[i + 1] end
  end
  local start = delivered
  if pending > 0 then
    local first = redis.call('XPENDING', k, name)[2]
    local before = redis.call('XREVRANGE', k, '(' .. first, '-', 'COUNT', 1)
    if #before > 0 then start = before[1][1] else start = '0-0' end
  end
  table.insert(groups, {name, start})
end
local ttl = redis.call('PTTL', k)
redis.call('DEL', k)
local i = 3
while i <= #ARGV do
  local id, nf = ARGV[i], tonumber(ARGV[i + 1])
  local args = {}
  for j = 1, 2 * nf do args[j] = ARGV[i + 1 + j] end
  redis.call('XADD', k, id, unpack(args))
  i = i + 2 + 2 * nf
end
redis.call('XSETID', k, lastgen)
for _, g in ipairs(groups) do
  redis.call('XGROUP', 'CREATE', k, g[1], g[2])
end
if ttl > 0 then redis.call('PEXPIRE', k, ttl) end
return 1
`)
)

// Rotation state: the SCAN cursor of the current pass, for the key it
// rotates to, so that an interrupted rotation resumes where it stopped.
func stateKey(prefix string) string { return prefix + ":keys:rotate" }

// Progress is called after every batch of keys with the totals so far.
type Progress func(pass int, r Report)

// maxPasses bounds the passes of Rotate: a pass after the first finds only
// values the service changed while the previous pass ran.
const maxPasses = 5

// Rotate re-seals with the current key every value under prefix sealed
// with a previous key, while the service keeps running: it walks the keys
// with SCAN, writes each value with a compare-and-set (a value changed in
// between is read again in the next pass), and stores its cursor in Redis
// (<prefix>:keys:rotate) after every batch, so that running it again after
// an interruption resumes there. It makes passes until one finds nothing
// left to re-seal (at most 5), then removes its cursor. Every process
// writing to Redis must already seal with the new key (KAPBOT_DATA_KEY new,
// KAPBOT_DATA_KEY_PREVIOUS old) when it starts. Values sealed with a key
// the sealer does not have are counted as Unknown and left alone; the
// returned report is the last pass's, with Previous the values re-sealed in
// all passes. On a Redis Cluster, where SCAN walks each master apart, an
// interrupted pass starts again from the beginning instead. Errors are wrapped Redis errors or
// ctx's.
func Rotate(ctx context.Context, c redis.UniversalClient, prefix string, s *seal.Sealer, progress Progress) (Report, error) {
	target := s.CurrentID()
	sk := stateKey(prefix)
	var last Report
	resealed := 0
	_, cluster := c.(*redis.ClusterClient)
	for pass := 1; pass <= maxPasses; pass++ {
		var cursor uint64
		if st, err := c.HGetAll(ctx, sk).Result(); err != nil {
			return last, fmt.Errorf("rotate: read cursor: %w", err)
		} else if st["target"] == target {
			cursor, _ = strconv.ParseUint(st["cursor"], 10, 64)
			if p, _ := strconv.Atoi(st["pass"]); p > pass {
				pass = min(p, maxPasses)
			}
		}
		var rep Report
		if cluster {
			// SCAN runs per node, so one cursor cannot resume a
			// cluster: a pass starts again (re-sealing is idempotent).
			err := store.ScanEach(ctx, c, store.GlobEscape(prefix)+":*", 100, func(keys []string) error {
				for _, k := range keys {
					if k == sk {
						continue
					}
					one, err := rotateKey(ctx, c, s, k)
					if err != nil {
						return err
					}
					rep.add(one)
				}
				if progress != nil {
					progress(pass, rep)
				}
				return ctx.Err()
			})
			if err != nil {
				return rep, fmt.Errorf("rotate: %w", err)
			}
		}
		for !cluster {
			keys, next, err := c.Scan(ctx, cursor, store.GlobEscape(prefix)+":*", 100).Result()
			if err != nil {
				return rep, fmt.Errorf("rotate: scan: %w", err)
			}
			for _, k := range keys {
				if k == sk {
					continue
				}
				one, err := rotateKey(ctx, c, s, k)
				if err != nil {
					return rep, fmt.Errorf("rotate: %w", err)
				}
				rep.add(one)
			}
			cursor = next
			if err := c.HSet(ctx, sk, "target", target, "cursor", strconv.FormatUint(cursor, 10), "pass", pass).Err(); err != nil {
				return rep, fmt.Errorf("rotate: save cursor: %w", err)
			}
			if progress != nil {
				progress(pass, rep)
			}
			if cursor == 0 {
				break
			}
			if err := ctx.Err(); err != nil {
				return rep, err
			}
		}
		last = rep
		resealed += rep.Previous
		last.Previous = resealed
		if rep.Previous == 0 && rep.Changed == 0 {
			break
		}
		if err := c.HSet(ctx, sk, "cursor", "0", "pass", pass+1).Err(); err != nil {
			return rep, fmt.Errorf("rotate: save cursor: %w", err)
		}
	}
	if err := c.Del(ctx, sk).Err(); err != nil {
		return last, fmt.Errorf("rotate: drop cursor: %w", err)
	}
	return last, nil
}

// rotateKey re-seals the stale values of one key.
func rotateKey(ctx context.Context, c redis.UniversalClient, s *seal.Sealer, key string) (Report, error) {
	rep := Report{Keys: 1}
	typ, err := c.Type(ctx, key).Result()
	if err != nil {
		return rep, err
	}
	// fresh returns the re-sealed form of v, or nil when it stays.
	fresh := func(v []byte, id string) []byte {
		head, blob, ok := splitSession(v)
		if !ok || !looksSealed(blob) {
			head, blob = nil, v
		}
		if !looksSealed(blob) {
			return nil
		}
		verdict, nb := classify(s, blob, key, id, true)
		rep.count(verdict, key)
		if nb == nil {
			return nil
		}
		return append(append([]byte{}, head...), nb...)
	}
	switch typ {
	case "string":
		v, err := c.Get(ctx, key).Bytes()
		if err != nil {
			return rep, ignoreNil(err)
		}
		if nv := fresh(v, ""); nv != nil {
			ok, err := casString.Run(ctx, c, []string{key}, v, nv).Int()
			if err != nil {
				return rep, err
			}
			rep.changed(1 - ok)
		}
	case "list":
		vs, err := c.LRange(ctx, key, 0, -1).Result()
		if err != nil {
			return rep, err
		}
		var args []any
		for i, v := range vs {
			if nv := fresh([]byte(v), ""); nv != nil {
				args = append(args, i, v, nv)
			}
		}
		if len(args) > 0 {
			n, err := casList.Run(ctx, c, []string{key}, args...).Int()
			if err != nil {
				return rep, err
			}
			rep.changed(len(args)/3 - n)
		}
	case "hash":
		m, err := c.HGetAll(ctx, key).Result()
		if err != nil {
			return rep, err
		}
		var args []any
		for f, v := range m {
			if nv := fresh([]byte(v), f); nv != nil {
				args = append(args, f, v, nv)
			}
		}
		if len(args) > 0 {
			n, err := casHash.Run(ctx, c, []string{key}, args...).Int()
			if err != nil {
				return rep, err
			}
			rep.changed(len(args)/3 - n)
		}
	case "stream":
		msgs, err := c.XRange(ctx, key, "-", "+").Result()
		if err != nil || len(msgs) == 0 {
			return rep, err
		}
		args := []any{len(msgs), msgs[len(msgs)-1].ID}
		stale := false
		for _, m := range msgs {
			id, _ := m.Values["id"].(string)
			args = append(args, m.ID, len(m.Values))
			for f, v := range m.Values {
				sv, _ := v.(string)
				if nv := fresh([]byte(sv), id); nv != nil {
					stale = true
					args = append(args, f, nv)
				} else {
					args = append(args, f, sv)
				}
			}
		}
		if stale {
			ok, err := rewriteStream.Run(ctx, c, []string{key}, args...).Int()
			if err != nil {
				return rep, err
			}
			if ok == 0 {
				rep.changed(1)
			}
		}
	}
	return rep, nil
}

// changed records n values that changed under the rotation: they were
// counted as re-sealed but were not written.
func (r *Report) changed(n int) {
	if n > 0 {
		r.Changed += n
		r.Previous -= n
	}
}

func ignoreNil(err error) error {
	if err == redis.Nil {
		return nil
	}
	return err
}
