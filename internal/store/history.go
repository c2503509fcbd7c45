package store

import (
	"context"
	"strconv"

	"github.com/redis/go-redis/v9"
)

// Records returns the patient's history records, decrypted, oldest first
// (none when there are none). It returns ErrNoPatient, an error wrapping
// seal.ErrDecrypt, or a wrapped Redis error.
func (s *Store) Records(ctx context.Context, patient string) ([][]byte, error) {
	if patient == "" {
		return nil, ErrNoPatient
	}
	return s.list(ctx, "records", s.keys(patient).records)
}

// Patients returns every patient with stored data, least recently active
// first. Patients inactive for longer than the retention period, whose data
// has expired, are dropped from the index first. It returns a wrapped Redis
// error.
func (s *Store) Patients(ctx context.Context) ([]string, error) {
	if s.retention > 0 {
		oldest := s.now().Add(-s.retention).UnixMilli()
		pipe := s.rdb.Pipeline()
		for _, k := range s.indexKeys("patients") {
			pipe.ZRemRangeByScore(ctx, k, "-inf", "("+strconv.FormatInt(oldest, 10))
		}
		if _, err := pipe.Exec(ctx); err != nil {
			return nil, redisErr("prune patients", err)
		}
	}
	names, err := s.activity(ctx)
	if err != nil {
		return nil, redisErr("patients", err)
	}
	ps, _, err := s.ids(ctx, names)
	return ps, err
}

// Erase deletes everything stored about the patient: session, remembered
// inbound ids, outbox, history, what SetAside kept, and the index entries
// (for /forget). Erasing
// a patient with no data is not an error. It returns ErrNoPatient or a
// wrapped Redis error.
func (s *Store) Erase(ctx context.Context, patient string) error {
	if patient == "" {
		return ErrNoPatient
	}
	pipe := s.rdb.Pipeline()
	k := s.keys(patient)
	// One slot: the keys share a hash tag. Nothing is opened, so data
	// sealed with an unknown key is erased too.
	pipe.Del(ctx, append(k.all(), k.asideSession, k.asideOutbox, k.asideRecords)...)
	pipe.ZRem(ctx, s.patientsShard(k.pseudonym), k.pseudonym)
	pipe.ZRem(ctx, s.patientsKey(), k.pseudonym) // the unsharded index of before
	s.indexed.Delete(patient)
	s.named.Load().Delete(patient)
	pipe.SRem(ctx, s.pendingShard(k.pseudonym), k.pseudonym)
	pipe.SRem(ctx, s.pendingKey(), k.pseudonym)
	_, err := pipe.Exec(ctx)
	return redisErr("erase", err)
}

// setAsideScript moves a patient's session, outbox and history to their
// set-aside keys, unless something is set aside already (the first
// unreadable data is kept: it is the likeliest to be worth recovering).
// KEYS: session, outbox, records, then their set-aside keys.
var setAsideScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[4]) == 1 then
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
  return 0
end
for i = 1, 3 do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    redis.call('RENAME', KEYS[i], KEYS[i + 3])
  end
end
return 1
`)

// SetAside moves the patient's session, outbox and history out of the way
// when they cannot be opened (ErrUnreadable), so that a new session can
// start without overwriting them: they stay, sealed as they were and with
// their expiry, until the patient is erased or they expire, for an operator
// to recover with the right key. When data is set aside already, that
// older data is kept and the newer unreadable data is deleted. Nothing is
// opened. It returns ErrNoPatient or a wrapped Redis error.
func (s *Store) SetAside(ctx context.Context, patient string) error {
	if patient == "" {
		return ErrNoPatient
	}
	k := s.keys(patient)
	keys := []string{k.session, k.outbox, k.records, k.asideSession, k.asideOutbox, k.asideRecords}
	return redisErr("set aside", setAsideScript.Run(ctx, s.rdb, keys).Err())
}

// moveItemScript moves one item from a list to the end of another, if it
// is still there. KEYS: from, to. ARGV: item.
var moveItemScript = redis.NewScript(`
if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 1 then
  redis.call('RPUSH', KEYS[2], ARGV[1])
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
  return 1
end
return 0
`)

// SetAsideOutbox moves the jobs of the patient's outbox that cannot be
// opened (ErrUnreadable) to the set-aside outbox (:uo), as they are, so
// that the jobs that open can be performed; it returns how many it moved.
// It returns ErrNoPatient or a wrapped Redis error.
func (s *Store) SetAsideOutbox(ctx context.Context, patient string) (int, error) {
	if patient == "" {
		return 0, ErrNoPatient
	}
	k := s.keys(patient)
	raw, err := s.rdb.LRange(ctx, k.outbox, 0, -1).Result()
	if err != nil {
		return 0, redisErr("set aside outbox", err)
	}
	moved := 0
	for _, r := range raw {
		if _, err := s.open("outbox", k.outbox, []byte(r)); err == nil {
			continue
		}
		n, err := moveItemScript.Run(ctx, s.rdb, []string{k.outbox, k.asideOutbox}, r).Int()
		if err != nil {
			return moved, redisErr("set aside outbox", err)
		}
		moved += n
	}
	return moved, nil
}
