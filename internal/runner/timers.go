package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/store"
)

// Timers is what firing reminders needs from storage, an optional ability
// of the Store. *store.Store implements it.
type Timers interface {
	Arm(ctx context.Context, patient, id string, at time.Time) error
	ClaimDue(ctx context.Context, shard int, now time.Time, lease time.Duration, max int) ([]store.Due, error)
	AckDue(ctx context.Context, d store.Due) error
	Release(ctx context.Context, d store.Due, at time.Time) error
}

var _ Timers = (*store.Store)(nil)

// TimerLease is how long a claimed reminder is this process's to fire; a
// process that dies holding it leaves it to be claimed again after this.
const TimerLease = 30 * time.Second

// timerBatch is how many reminders one claim takes from a shard.
const timerBatch = 64

// FireID is the inbound id of a reminder's fire: the idempotency key of
// its commit.
func FireID(timer string) string { return "timer:" + timer }

// FireDue claims the reminders due by the runner's clock from every shard
// and fires each through the patient's commit, like an inbound message,
// delivering what it sends (Handle) before it returns. A fire whose
// patient's data is gone is dropped; one of a channel this process does
// not run is given back for a minute. It returns how many it fired and
// the first storage error; a fire that failed is claimed again when its
// lease ends.
func (r *Runner) FireDue(ctx context.Context) (int, error) {
	ts, ok := r.store.(Timers)
	if !ok {
		return 0, nil
	}
	fired := 0
	var first error
	note := func(err error) {
		if first == nil {
			first = err
		}
	}
	off := rand.IntN(store.DueShards) // replicas start on different shards
	for i := range store.DueShards {
		shard := (off + i) % store.DueShards
		for {
			now := r.now()
			claimed, err := ts.ClaimDue(ctx, shard, now, TimerLease, timerBatch)
			if err != nil {
				note(err)
				break
			}
			n, err := r.fireAll(ctx, ts, claimed, now)
			fired += n
			if err != nil {
				return fired, err
			}
			if len(claimed) < timerBatch {
				break
			}
		}
	}
	return fired, first
}

// fireAll fires claimed timers, up to fireWorkers at once (one slow
// platform send does not hold up the others), and returns how many fired;
// the error is ctx's when it ended.
func (r *Runner) fireAll(ctx context.Context, ts Timers, claimed []store.Due, now time.Time) (int, error) {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		fired int
	)
	sem := make(chan struct{}, fireWorkers)
	for _, d := range claimed {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			if err := r.fireOne(ctx, ts, d, now); err != nil {
				if ctx.Err() == nil {
					r.log.Warn("reminder not fired; retried after its lease", "patient", LogID(d.Patient), "err", err)
				}
				return
			}
			mu.Lock()
			fired++
			mu.Unlock()
		}()
	}
	wg.Wait()
	return fired, ctx.Err()
}

// fireWorkers bounds the fires in flight in one process.
const fireWorkers = 16

func (r *Runner) fireOne(ctx context.Context, ts Timers, d store.Due, now time.Time) error {
	if d.Patient == "" {
		return ts.AckDue(ctx, d) // erased or expired: nothing to remind
	}
	if _, err := r.sender(d.Patient); err != nil {
		return ts.Release(ctx, d, now.Add(time.Minute))
	}
	// Handle: the reminder is delivered before FireDue returns; its
	// patient's own messages and this fire are committed in order.
	err := r.Handle(ctx, Inbound{ID: FireID(d.Timer), Patient: d.Patient, Input: engine.Input{Now: now, Fire: d.Timer}})
	if err != nil {
		return err
	}
	return ts.AckDue(ctx, d)
}

// RunTimers fires due reminders every interval until ctx ends.
func (r *Runner) RunTimers(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := r.FireDue(ctx); err != nil && ctx.Err() == nil {
			r.log.Warn("firing reminders failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Apply commits one event without delivering anything (from a command-line
// tool, where the patient's channel does not run): its reminders are armed
// here when they head the outbox; every other job waits in the outbox for
// serve. It reports false, and changes nothing, when in was applied before
// (its ID is known). An error means nothing was stored. Give a tool's runner
// the delivery lock serve takes (WithDeliveryLock on the same store) when a
// serve may run meanwhile: Apply then waits while a serve delivers the
// patient's outbox.
func (r *Runner) Apply(ctx context.Context, in Inbound) (applied bool, err error) {
	unlock := r.lock(in.Patient).unlock
	defer unlock()
	// The delivery lock, shared with serve when the runner has one (as
	// commit takes it: before the replica lock), so that a serve's
	// Redeliver never performs and acknowledges the outbox's head while
	// this acknowledges it too: acknowledging by position twice would drop
	// a job.
	undeliver := r.lockDelivery(in.Patient).unlock
	defer undeliver()
	release, _, err := r.sharedDelivery(ctx, in.Patient, true)
	if err != nil {
		return false, err
	}
	defer release()
	if r.locker != nil {
		release, err := r.replicaLock(ctx, in.Patient)
		if err != nil {
			return false, err
		}
		defer release()
	}
	outcome, _, err := r.apply(ctx, in)
	if err != nil {
		return false, err
	}
	applied = outcome != "duplicate"
	ts, ok := r.store.(Timers)
	if !ok {
		return applied, nil
	}
	raw, err := r.store.Outbox(ctx, in.Patient)
	if err != nil {
		return applied, fmt.Errorf("read outbox: %w", err)
	}
	for _, data := range raw {
		var j job
		if json.Unmarshal(data, &j) != nil || j.Arm == nil {
			break
		}
		if err := ts.Arm(ctx, in.Patient, j.Arm.ID, j.Arm.At); err != nil {
			return applied, fmt.Errorf("arm reminder: %w", err)
		}
		if err := r.store.Ack(ctx, in.Patient, 1); err != nil {
			return applied, fmt.Errorf("ack outbox: %w", err)
		}
	}
	return applied, nil
}

// arm performs an Arm job.
func (r *Runner) arm(ctx context.Context, patient string, t engine.Timer) error {
	ts, ok := r.store.(Timers)
	if !ok {
		return errors.New("the store keeps no reminders")
	}
	return ts.Arm(ctx, patient, t.ID, t.At)
}

// State returns the patient's stored session state (empty when none), for
// tools that show it.
func (r *Runner) State(ctx context.Context, patient string) (engine.State, error) {
	sess, err := r.store.Load(ctx, patient)
	if err != nil {
		return engine.State{}, err
	}
	return decodeState(sess.Data)
}
