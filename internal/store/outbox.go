package store

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/redis/go-redis/v9"
)

// Outbox returns the patient's pending jobs, decrypted, oldest first. When
// the outbox is empty it also clears the patient's pending mark, so a stale
// mark (see Pending) goes away the first time it is looked at. It returns
// ErrNoPatient, an error wrapping seal.ErrDecrypt, or a wrapped Redis error.
func (s *Store) Outbox(ctx context.Context, patient string) ([][]byte, error) {
	if patient == "" {
		return nil, ErrNoPatient
	}
	k := s.keys(patient)
	jobs, err := s.list(ctx, "outbox", k.outbox)
	if err != nil {
		return nil, err
	}
	if len(jobs) == 0 {
		if err := s.clearPending(ctx, k.pseudonym, k.outbox); err != nil {
			return nil, err
		}
	}
	return jobs, nil
}

// Ack removes the n oldest jobs of the patient's outbox once they have been
// performed; n larger than the outbox empties it, and n <= 0 removes nothing.
// It returns once the jobs are removed. Acks and commits of many patients
// made at the same time go to Redis together in one pipeline (group commit,
// batch.go), so a busy process pays one round trip for many. The patient's pending mark stays and
// is cleared the next time Outbox finds the outbox empty (Pending lists
// marks, not jobs). Jobs are at-least-once: a job performed but not
// acknowledged before a crash is performed again. It returns ErrNoPatient, a
// wrapped Redis error, or ctx's error when ctx ends first (the ack may still
// be applied).
func (s *Store) Ack(ctx context.Context, patient string, n int) error {
	if patient == "" {
		return ErrNoPatient
	}
	if n <= 0 {
		return nil
	}
	w := trim(s.keys(patient), n)
	if err := s.enqueue(ctx, w); err != nil {
		return err
	}
	return redisErr("ack outbox", w.trim.Err())
}

// trim returns the write that removes the n oldest jobs of the outbox of
// the patient with keys k.
func trim(k patientKeys, n int) *write {
	var key any = k.outbox
	if k.script != nil {
		key = k.script[2] // boxed once
	}
	return &write{trim: redis.NewStatusCmd(context.Background(), "ltrim", key, n, "-1"), done: make(chan struct{})}
}

// clearPending removes the pending mark of a patient whose outbox was seen
// empty. A commit pushes its jobs before it sets the mark, so checking the
// outbox again after the removal never loses a job: either this check sees
// the new jobs and puts the mark back, or the commit's mark comes after the
// removal.
func (s *Store) clearPending(ctx context.Context, pseudonym, outboxKey string) error {
	pipe := s.rdb.Pipeline()
	pipe.SRem(ctx, s.pendingShard(pseudonym), pseudonym)
	pipe.SRem(ctx, s.pendingKey(), pseudonym) // the unsharded index of before
	_, err := pipe.Exec(ctx)
	var n int64
	if err == nil {
		n, err = s.rdb.LLen(ctx, outboxKey).Result()
	}
	if err == nil && n == 0 {
		return nil
	}
	// Jobs, or no way to tell (the outbox's node down or loading, ctx
	// ended): the mark goes back. A stale mark costs a look; a lost one
	// loses the jobs a commit pushed meanwhile (the soak test's stuck
	// patient after a master restarted from its AOF).
	if merr := s.remark(ctx, pseudonym); err == nil {
		return redisErr("mark pending", merr)
	}
	return redisErr("clear pending", err)
}

// remark puts back the pending mark of a patient, even when ctx has ended.
func (s *Store) remark(ctx context.Context, pseudonyms ...any) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	pipe := s.rdb.Pipeline()
	for _, p := range pseudonyms {
		pipe.SAdd(ctx, s.pendingShard(p.(string)), p)
	}
	_, err := pipe.Exec(ctx)
	return err
}

// Pending returns, sorted, the patients whose outbox may hold jobs: every
// patient with jobs is listed, and a listed patient may have none (after a
// duplicate or conflicting commit, or when the data expired); Outbox clears
// such stale marks. On a Redis Cluster, where the mark lives in another
// slot than the outbox, a commit marks before its push as well as with it
// (markFirst), so a crash leaves at most a stale mark. It returns a wrapped Redis error.
func (s *Store) Pending(ctx context.Context) ([]string, error) {
	pipe := s.rdb.Pipeline()
	var cmds []*redis.StringSliceCmd
	for _, k := range s.indexKeys("pending") {
		cmds = append(cmds, pipe.SMembers(ctx, k))
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return nil, redisErr("pending", err)
	}
	var names []string
	for _, c := range cmds {
		names = append(names, c.Val()...)
	}
	slices.Sort(names)
	names = slices.Compact(names)
	ps, gone, err := s.ids(ctx, names)
	if err != nil {
		return nil, err
	}
	if len(gone) > 0 {
		// Erased or expired: the mark is stale. Or the patient's first
		// commit is landing now (on a cluster the mark may come first):
		// after the removal, put back the marks of outboxes with jobs, as
		// clearPending does.
		pipe := s.rdb.Pipeline()
		for _, g := range gone {
			pipe.SRem(ctx, s.pendingShard(g.(string)), g)
		}
		pipe.SRem(ctx, s.pendingKey(), gone...)
		if _, err := pipe.Exec(ctx); err != nil {
			s.remark(ctx, gone...)
			return nil, redisErr("pending", err)
		}
		pipe = s.rdb.Pipeline()
		lens := make([]*redis.IntCmd, len(gone))
		for i, g := range gone {
			lens[i] = pipe.LLen(ctx, s.keysOf(g.(string)).outbox)
		}
		if _, err := pipe.Exec(ctx); err != nil {
			s.remark(ctx, gone...) // no way to tell: keep the marks (clearPending)
			return nil, redisErr("pending", err)
		}
		for i, g := range gone {
			if lens[i].Val() > 0 {
				if err := s.rdb.SAdd(ctx, s.pendingShard(g.(string)), g).Err(); err != nil {
					return nil, redisErr("pending", err)
				}
			}
		}
	}
	slices.Sort(ps)
	return ps, nil
}

// ids returns the patient ids of pseudonyms, in order, from their sealed
// :n keys; gone lists the pseudonyms without one. A name that does not open
// (an unknown key) is left out of both.
func (s *Store) ids(ctx context.Context, names []string) (ids []string, gone []any, err error) {
	if len(names) == 0 {
		return nil, nil, nil
	}
	pipe := s.rdb.Pipeline()
	cmds := make([]*redis.StringCmd, len(names))
	for i, n := range names {
		cmds[i] = pipe.Get(ctx, s.keysOf(n).name)
	}
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return nil, nil, redisErr("patient ids", err)
	}
	for i, n := range names {
		raw, err := cmds[i].Bytes()
		if errors.Is(err, redis.Nil) {
			gone = append(gone, n)
			continue
		}
		if err != nil {
			return nil, nil, redisErr("patient ids", err)
		}
		if id, err := s.open("patient id", s.keysOf(n).name, raw); err == nil {
			ids = append(ids, string(id))
		}
	}
	return ids, gone, nil
}

// list reads and opens every sealed item of a list, oldest first.
func (s *Store) list(ctx context.Context, what, key string) ([][]byte, error) {
	raw, err := s.rdb.LRange(ctx, key, 0, -1).Result()
	if err != nil {
		return nil, redisErr("read "+what, err)
	}
	out := make([][]byte, 0, len(raw))
	for _, r := range raw {
		p, err := s.open(what, key, []byte(r))
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}
