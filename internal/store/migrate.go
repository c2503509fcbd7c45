package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/redis/go-redis/v9"
)

// Before pseudonyms, a patient's keys were named by their platform id:
// <prefix>:p:{<escaped id>}:<kind>, and the index sets held the ids.

var legacyEscaper = strings.NewReplacer("%", "%25", "{", "%7B", "}", "%7D")
var legacyUnescaper = strings.NewReplacer("%7B", "{", "%7D", "}", "%25", "%")

func (s *Store) legacyBase(patient string) string {
	return s.prefix + ":p:{" + legacyEscaper.Replace(patient) + "}:"
}

// LegacyPatients returns, in no order, the patients that still have keys
// named by their platform id. It returns a wrapped Redis error.
func (s *Store) LegacyPatients(ctx context.Context) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	c, ok := s.rdb.(redis.UniversalClient)
	if !ok {
		return nil, errors.New("scan: not a Redis client")
	}
	err := ScanEach(ctx, c, GlobEscape(s.prefix)+":p:{*", 500, func(keys []string) error {
		for _, k := range keys {
			rest := strings.TrimPrefix(k, s.prefix+":p:{")
			i := strings.LastIndex(rest, "}:")
			if i < 0 {
				continue
			}
			p := legacyUnescaper.Replace(rest[:i])
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
		return nil
	})
	if err != nil {
		return nil, redisErr("scan legacy keys", err)
	}
	return out, nil
}

// GlobEscape escapes the glob characters of a key prefix for SCAN MATCH.
func GlobEscape(s string) string {
	var b strings.Builder
	for _, c := range s {
		if strings.ContainsRune(`*?[]\`, c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// ErrLegacyUnreadable means a patient's legacy data does not open with the
// data keys: it is left where it is.
var ErrLegacyUnreadable = fmt.Errorf("store: legacy data cannot be opened: %w", ErrUnreadable)

// migrateScript writes a patient's data under the pseudonymous keys unless
// the patient has them already (a migration run before, or the service
// wrote since): then it changes nothing. KEYS: n, s, i, o, r, us, uo, ur.
// ARGV: ttl ms (0: none), sealed id, s or "", us or "", then for i: count
// and score/member pairs, then for o, r, uo, ur: count and items.
var migrateScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
if ARGV[3] ~= '' then redis.call('SET', KEYS[2], ARGV[3]) end
if ARGV[4] ~= '' then redis.call('SET', KEYS[6], ARGV[4]) end
local a = 5
local n = tonumber(ARGV[a])
for j = 1, n do redis.call('ZADD', KEYS[3], ARGV[a + 2 * j - 1], ARGV[a + 2 * j]) end
a = a + 1 + 2 * n
for _, k in ipairs({4, 5, 7, 8}) do
  n = tonumber(ARGV[a])
  for j = 1, n do redis.call('RPUSH', KEYS[k], ARGV[a + j]) end
  a = a + 1 + n
end
local ttl = tonumber(ARGV[1])
if ttl > 0 then
  for _, k in ipairs(KEYS) do redis.call('PEXPIRE', k, ttl) end
end
return 1
`)

// MigrateLegacy moves one patient's data from the keys named by their
// platform id to the pseudonymous keys, sealing every value again for its
// new key (a sealed value is bound to its key's name), keeping its expiry,
// and moves the patient in the patients and pending indexes. It is
// idempotent: when the pseudonymous keys exist already, they are kept and
// the legacy keys are only deleted. It returns ErrLegacyUnreadable (the
// legacy keys stay) or a wrapped Redis error; after an error run it again.
func (s *Store) MigrateLegacy(ctx context.Context, patient string) error {
	if patient == "" {
		return ErrNoPatient
	}
	old := s.legacyBase(patient)
	k := s.keys(patient)
	pipe := s.rdb.Pipeline()
	sess := pipe.Get(ctx, old+"s")
	aside := pipe.Get(ctx, old+"us")
	seen := pipe.ZRangeWithScores(ctx, old+"i", 0, -1)
	lists := map[string]*redis.StringSliceCmd{}
	for _, kind := range []string{"o", "r", "uo", "ur"} {
		lists[kind] = pipe.LRange(ctx, old+kind, 0, -1)
	}
	ttl := pipe.PTTL(ctx, old+"s")
	score := pipe.ZScore(ctx, s.patientsKey(), patient)
	pending := pipe.SIsMember(ctx, s.pendingKey(), patient)
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return redisErr("migrate", err)
	}
	reseal := func(v []byte, from, to string) ([]byte, error) {
		p, err := s.sealer.Open(v, []byte(from))
		if err != nil {
			return nil, ErrLegacyUnreadable
		}
		return s.sealer.Seal(p, []byte(to)), nil
	}
	session := func(cmd *redis.StringCmd, from, to string) (string, error) {
		raw, err := cmd.Bytes()
		if errors.Is(err, redis.Nil) {
			return "", nil
		}
		if err != nil {
			return "", redisErr("migrate", err)
		}
		head, blob, ok := strings.Cut(string(raw), "|")
		if !ok {
			return "", ErrLegacyUnreadable
		}
		nb, err := reseal([]byte(blob), from, to)
		if err != nil {
			return "", err
		}
		return head + "|" + string(nb), nil
	}
	sv, err := session(sess, old+"s", k.session)
	if err != nil {
		return err
	}
	// A set-aside session is sealed for the session key it came from.
	usv, err := session(aside, old+"s", k.session)
	if err != nil {
		return err
	}
	ms := int64(0)
	if d, err := ttl.Result(); err == nil && d > 0 {
		ms = d.Milliseconds()
	}
	args := []any{ms, s.sealer.Seal([]byte(patient), []byte(k.name)), sv, usv}
	zs, _ := seen.Result()
	args = append(args, len(zs))
	for _, z := range zs {
		args = append(args, z.Score, z.Member)
	}
	for _, kind := range []struct{ kind, from, to string }{
		{"o", old + "o", k.outbox}, {"r", old + "r", k.records},
		{"uo", old + "o", k.outbox}, {"ur", old + "r", k.records},
	} {
		vs, _ := lists[kind.kind].Result()
		args = append(args, len(vs))
		for _, v := range vs {
			nv, err := reseal([]byte(v), kind.from, kind.to)
			if err != nil {
				return err
			}
			args = append(args, nv)
		}
	}
	keys := []string{k.name, k.session, k.oldSeen, k.outbox, k.records, k.asideSession, k.asideOutbox, k.asideRecords}
	if err := migrateScript.Run(ctx, s.rdb, keys, args...).Err(); err != nil {
		return redisErr("migrate", err)
	}
	pipe = s.rdb.Pipeline()
	if sc, err := score.Result(); err == nil {
		pipe.ZAddGT(ctx, s.patientsShard(k.pseudonym), redis.Z{Score: sc, Member: k.pseudonym})
	}
	if ok, _ := pending.Result(); ok {
		pipe.SAdd(ctx, s.pendingShard(k.pseudonym), k.pseudonym)
	}
	pipe.ZRem(ctx, s.patientsKey(), patient)
	pipe.SRem(ctx, s.pendingKey(), patient)
	var del []string
	for _, kind := range []string{"s", "i", "o", "r", "us", "uo", "ur"} {
		del = append(del, old+kind)
	}
	pipe.Del(ctx, del...) // one slot: the legacy keys share a hash tag
	_, err = pipe.Exec(ctx)
	return redisErr("migrate", err)
}
