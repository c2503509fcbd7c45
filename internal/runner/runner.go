package runner

import (
	"bytes"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kapbot/kapbot/internal/backoff"
	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/pseudo"
	"github.com/kapbot/kapbot/internal/store"
)

// Store is what the runner needs from storage. *store.Store implements it.
type Store interface {
	Load(ctx context.Context, patient string) (store.Session, error)
	Commit(ctx context.Context, patient string, c store.Commit) (store.Outcome, error)
	Outbox(ctx context.Context, patient string) ([][]byte, error)
	Ack(ctx context.Context, patient string, n int) error
	Pending(ctx context.Context) ([]string, error)
	Erase(ctx context.Context, patient string) error
	SetAside(ctx context.Context, patient string) error
	SetAsideOutbox(ctx context.Context, patient string) (int, error)
}

var _ Store = (*store.Store)(nil)

// Referrer receives referrals once their step is committed. It may be called
// more than once for the same referral after a crash (Referral.ID is stable).
type Referrer interface {
	Refer(ctx context.Context, r Referral) error
}

// Runner applies patient input to sessions, exactly once and in order per
// patient, and delivers the replies. It is safe for concurrent use.
type Runner struct {
	store    Store
	lib      *Library
	log      *slog.Logger
	now      func() time.Time
	referrer Referrer
	metrics  *Metrics
	locker   Locker
	dlocker  Locker // WithDeliveryLock

	mu      sync.Mutex
	senders map[string]Sender // channel prefix -> sender
	locks   map[string]*patientLock
	spare   []*patientLock // unused entries of locks, for the next take
	cache   *sessionCache

	deliveries deliveries // Submit's workers
}

// Option configures a Runner.
type Option func(*Runner)

// WithLogger sets the logger (default slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(r *Runner) { r.log = l } }

// WithClock sets the clock (default time.Now).
func WithClock(now func() time.Time) Option { return func(r *Runner) { r.now = now } }

// WithReferrer sets who is told about new referrals.
func WithReferrer(x Referrer) Option { return func(r *Runner) { r.referrer = x } }

// Locker takes named locks shared by every replica. *store.Store
// implements it.
type Locker interface {
	Lock(ctx context.Context, key string, ttl time.Duration) (unlock func(), ok bool, err error)
}

// WithReplicaLock makes every Handle hold a lock on the patient shared with
// the other replicas, so that when several processes receive one patient's
// events (webhooks behind a load balancer) they are still applied one at a
// time, in arrival order. It costs two Redis round trips per event; without
// it, replicas still never lose or double an answer (the commit is a
// compare-and-set), but two events of one patient arriving at two replicas
// at once may be applied in either order.
func WithReplicaLock(l Locker) Option { return func(r *Runner) { r.locker = l } }

// WithDeliveryLock takes only the delivery half of WithReplicaLock: a
// patient's outbox is performed by one replica at a time (a delivery, a
// Redeliver, a fired reminder), at two Redis round trips per delivery, while
// events take no replica-wide lock. It suits replicas that receive each
// patient's events in one place (an elected Telegram poller, one Discord
// gateway) but all redeliver and fire reminders: without it two replicas
// performing one outbox send a reply twice, and one's acknowledgement may
// remove a reply the other appended and has not sent.
func WithDeliveryLock(l Locker) Option { return func(r *Runner) { r.dlocker = l } }

// WithMetrics records metrics in m.
func WithMetrics(m *Metrics) Option { return func(r *Runner) { r.metrics = m } }

// New returns a runner over st running the flows lib holds.
func New(st Store, lib *Library, opts ...Option) *Runner {
	r := &Runner{store: st, lib: lib, log: slog.Default(), now: time.Now,
		senders: map[string]Sender{}, locks: map[string]*patientLock{}, cache: newSessionCache(10000)}
	for _, o := range opts {
		o(r)
	}
	return r
}

// Register makes s deliver the replies of patients whose id starts with
// prefix + ":" ("tg", "dc", "console").
func (r *Runner) Register(prefix string, s Sender) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.senders[prefix] = s
}

func (r *Runner) sender(patient string) (Sender, error) {
	prefix, _, ok := strings.Cut(patient, ":")
	if !ok {
		return nil, fmt.Errorf("patient id without channel prefix: %w", ErrBadPatient)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.senders[prefix]
	if s == nil {
		return nil, fmt.Errorf("no channel %q registered: %w", prefix, ErrNoChannel)
	}
	return s, nil
}

// Errors of Handle.
var (
	ErrBadPatient = errors.New("bad patient id")
	ErrNoChannel  = errors.New("no channel for patient")
	ErrConflict   = errors.New("session kept changing; gave up")
)

// Handle applies one inbound event. It returns nil once the event's effect is
// stored durably (or it was a duplicate of one already applied); replies are
// then delivered before it returns (Submit returns before delivering), and a delivery failure is logged and left
// in the outbox for Redeliver, not returned. An error means nothing was
// stored: the channel should not confirm the event, so it is delivered again.
func (r *Runner) Handle(ctx context.Context, in Inbound) error {
	// The delivery lock from before the commit: no other delivery can
	// perform this commit's jobs before they are performed below.
	return r.commit(ctx, in, true, func(jobs []job) {
		var err error
		if jobs != nil {
			// The outbox holds exactly this commit's jobs: no need to read it.
			err = r.perform(ctx, in.Patient, jobs)
		} else {
			err = r.drain(ctx, in.Patient)
		}
		if err != nil && ctx.Err() == nil {
			r.log.Warn("delivery postponed", "patient", LogID(in.Patient), "err", err)
		}
	})
}

// commit applies in under the patient's lock (with the patient's delivery
// lock too when holdDelivery, and the replica lock when there is one), then
// calls then with the commit's jobs (nil: the outbox may hold older jobs)
// while the locks are still held. An error means nothing was stored and then
// was not called.
func (r *Runner) commit(ctx context.Context, in Inbound, holdDelivery bool, then func(jobs []job)) error {
	start := r.now()
	if _, err := r.sender(in.Patient); err != nil {
		return err
	}
	unlock := r.lock(in.Patient).unlock
	defer unlock()
	if holdDelivery {
		undeliver := r.lockDelivery(in.Patient).unlock
		defer undeliver()
		release, _, err := r.sharedDelivery(ctx, in.Patient, true)
		if err != nil {
			return err
		}
		defer release()
	}
	if r.locker != nil {
		release, err := r.replicaLock(ctx, in.Patient)
		if err != nil {
			return err
		}
		defer release()
	}
	applied, jobs, err := r.apply(ctx, in)
	r.metrics.inbound(in.Patient, applied, err, r.now().Sub(start))
	if err != nil {
		return err
	}
	then(jobs)
	return nil
}

// apply runs the step and commits it, retrying on a concurrent change. It
// returns the commit's outbox jobs when they are the whole outbox.
func (r *Runner) apply(ctx context.Context, in Inbound) (string, []job, error) {
	cached, ok := r.cache.get(in.Patient)
	if !ok {
		return r.applyStored(ctx, in)
	}
	if in.Input.Now.IsZero() {
		in.Input.Now = r.now()
	}
	return r.step(ctx, in, cached, false)
}

// applyStored is apply from the stored session, for a state not cached and
// for a caller without the patient's lock (blocked, under the delivery lock
// only): it never reads the cached state, which the patient's own steps
// change in place meanwhile. A concurrent step of the patient's is settled
// by the commit's version.
func (r *Runner) applyStored(ctx context.Context, in Inbound) (string, []job, error) {
	if in.Input.Now.IsZero() {
		in.Input.Now = r.now()
	}
	cached, err := r.load(ctx, in.Patient)
	if errors.Is(err, store.ErrUnreadable) {
		return r.unreadable(ctx, in)
	}
	if err != nil {
		return "error", nil, err
	}
	return r.step(ctx, in, cached, false)
}

// load reads the patient's stored session. It returns an error wrapping
// store.ErrUnreadable when the session cannot be opened.
func (r *Runner) load(ctx context.Context, patient string) (cachedSession, error) {
	sess, err := r.store.Load(ctx, patient)
	if err != nil {
		return cachedSession{}, fmt.Errorf("load session: %w", err)
	}
	st, err := decodeState(sess.Data)
	if err != nil {
		return cachedSession{}, fmt.Errorf("load session: %w", err)
	}
	return cachedSession{version: sess.Version, state: st}, nil
}

// unreadable applies an input for a patient whose stored session cannot
// be opened (sealed with an unknown key, or damaged): the data is set aside
// (store.SetAside), never overwritten, and the input runs on a new, stopped
// session, so the patient is never left without an answer. Crisis language
// still brings the crisis resources and an emergency referral, commands
// work (/forget erases everything, the set-aside data too), and the patient
// is told the catalogue's Unreadable text, with a referral asking a person
// to contact them. The next input finds the new session.
func (r *Runner) unreadable(ctx context.Context, in Inbound) (string, []job, error) {
	r.cache.drop(in.Patient)
	if err := r.store.SetAside(ctx, in.Patient); err != nil {
		return "error", nil, fmt.Errorf("set aside an unreadable session: %w", err)
	}
	r.log.Error("stored session cannot be opened (unknown data key or damaged): set aside; the patient is told and referred to a person",
		"patient", LogID(in.Patient))
	return r.step(ctx, in, cachedSession{state: engine.State{Status: engine.Stopped}}, true)
}

// step runs the input on the cached state and commits it, retrying on a
// concurrent change. fresh marks a state made by unreadable. The state is
// stepped in place (the cache's entry is put back or dropped below, and
// one patient's steps take turns under the patient's lock); after an
// engine error the state is read again and the input run on a copy.
// Callers without the patient's lock pass a state of their own
// (applyStored).
func (r *Runner) step(ctx context.Context, in Inbound, cached cachedSession, fresh bool) (string, []job, error) {
	copied := fresh // step a copy: a fresh state cannot be read again
	for attempt := 0; attempt < 8; attempt++ {
		st := cached.state
		if st.Locale == "" && in.Locale != "" {
			st.Locale = in.Locale
		}
		eng, err := r.lib.For(ctx, st)
		if err != nil {
			return "error", nil, err
		}
		if st.Locale == "" || !servesLocale(eng.Bundle(), st.Locale) {
			st.Locale = eng.Bundle().Clinic.DefaultLocale
		}
		step := eng.StepInPlace
		if copied {
			step = eng.Step
		}
		next, fx, err := step(st, in.Input)
		if err != nil && !copied {
			// st may be half changed: read it again and run the input
			// on a copy, which fails again and keeps the state.
			r.cache.drop(in.Patient)
			if cached, err = r.load(ctx, in.Patient); err != nil {
				if errors.Is(err, store.ErrUnreadable) {
					return r.unreadable(ctx, in)
				}
				return "error", nil, err
			}
			copied = true
			continue
		}
		if err != nil {
			// The engine is deterministic: the same input would fail
			// again on every redelivery and hold up the channel. Keep
			// the state, say the fixed "cannot answer now", and record
			// the input as applied.
			r.log.Error("step failed; input skipped", "patient", LogID(in.Patient), "flow", st.Flow, "err", err)
			next, fx = st, []engine.Effect{engine.Send{Message: engine.Message{
				Kind: engine.FromCatalog, Key: catalog.Unavailable,
				Text: eng.Catalog().Text(catalog.Unavailable, st.Locale, eng.Bundle().Clinic.DefaultLocale)}}}
		}
		if fresh {
			fx = unreadableEffects(eng, st, in.Input, fx)
			fresh = false // a conflict below means another process answered first
		}
		fx, notice, noticeText := asNotice(ctx, in, fx)
		enc := newEncoding()
		data, err := enc.state(next)
		if err != nil {
			enc.done()
			r.cache.drop(in.Patient) // stepped in place
			return "error", nil, err
		}
		jobs, done, records, err := r.jobs(enc, in, eng.Bundle(), next, fx)
		if err != nil {
			enc.done()
			r.cache.drop(in.Patient)
			return "error", nil, err
		}
		// The store seals Data, Outbox and Records into values of its own
		// before Commit returns: enc's buffers can serve the next step.
		out, err := r.store.Commit(ctx, in.Patient, store.Commit{
			InboundID: in.ID, Expect: cached.version, Data: data, Outbox: jobs, Records: records,
			Retention: eng.Bundle().Clinic.Retention,
		})
		enc.done()
		if errors.Is(err, store.ErrUnreadable) {
			// The stored session became unreadable under us (a conflict
			// whose current value does not open).
			return r.unreadable(ctx, in)
		}
		if err != nil {
			r.cache.drop(in.Patient)
			return "error", nil, fmt.Errorf("commit session: %w", err)
		}
		switch {
		case out.Duplicate:
			r.cache.drop(in.Patient)
			return "duplicate", nil, nil
		case out.Conflict:
			r.cache.drop(in.Patient) // stepped in place
			cs, err := decodeState(out.Current.Data)
			if errors.Is(err, store.ErrUnreadable) {
				return r.unreadable(ctx, in)
			}
			if err != nil {
				return "error", nil, err
			}
			cached = cachedSession{version: out.Current.Version, state: cs}
			continue
		}
		r.cache.put(in.Patient, cachedSession{version: out.Version, state: next, at: cached.at})
		if notice != nil {
			notice.mu.Lock()
			notice.text = noticeText
			notice.mu.Unlock()
		}
		for _, f := range fx {
			if p, ok := f.(engine.Problem); ok {
				r.log.Warn("flow problem at run time", "flow", p.Flow, "step", p.Step, "what", p.What)
			}
		}
		if out.Ahead == 0 {
			if done == nil {
				done = []job{}
			}
			return "applied", done, nil // what the outbox holds, decoded
		}
		return "applied", nil, nil
	}
	r.cache.drop(in.Patient)
	return "error", nil, ErrConflict
}

// unreadableEffects turns the effects of an input run on the new, stopped
// session that replaces an unreadable one into what the patient gets: the
// crisis resources and referrals the input caused, the replies to a
// command, then the Unreadable text and a referral asking a person to
// contact the patient. The stopped session's "conversation has ended"
// (typed text) and "question closed" (a press) are left out: the Unreadable
// text says what happened.
func unreadableEffects(eng *engine.Engine, st engine.State, in engine.Input, fx []engine.Effect) []engine.Effect {
	out := make([]engine.Effect, 0, len(fx)+2)
	for _, f := range fx {
		if s, ok := f.(engine.Send); ok && in.Command == nil && s.Message.Kind == engine.FromCatalog &&
			(s.Message.Key == catalog.Finished || s.Message.Key == catalog.Closed) {
			continue
		}
		out = append(out, f)
	}
	def := eng.Bundle().Clinic.DefaultLocale
	out = append(out,
		engine.Send{Message: engine.Message{Kind: engine.FromCatalog, Key: catalog.Unreadable,
			Text: eng.Catalog().Text(catalog.Unreadable, st.Locale, def)}},
		engine.Refer{Priority: flow.Soon, Trigger: "unreadable",
			Reason: "The patient's stored conversation could not be loaded (unknown data key or damaged data); please contact them"})
	return out
}

func servesLocale(b *flow.Bundle, l string) bool {
	for _, x := range b.Clinic.Locales {
		if x == l {
			return true
		}
	}
	return false
}

// job is one piece of work in a patient's outbox, done after the commit.
type job struct {
	// ID is stable across redeliveries of the job: the inbound id and the
	// effect's index. Senders get it as DeliveryKey for idempotency markers.
	ID       string          `json:"id,omitempty"`
	Send     *engine.Message `json:"send,omitempty"`
	Referral *Referral       `json:"referral,omitempty"`
	Forget   bool            `json:"forget,omitempty"`
	Stop     bool            `json:"stop,omitempty"`
	Relay    *Relayed        `json:"relay,omitempty"`
	Arm      *engine.Timer   `json:"arm,omitempty"` // a reminder to store (engine.Arm)

	unreadable bool // read from the outbox, it did not decode
}

// Record is one entry of a patient's history.
type Record struct {
	At       time.Time    `json:"at"`
	Kind     string       `json:"kind"` // "result", "referral", "finished", "answer"
	Result   *flow.Result `json:"result,omitempty"`
	Answer   *Answer      `json:"answer,omitempty"`
	Referral *Referral    `json:"referral,omitempty"`
	Status   string       `json:"status,omitempty"`
}

// Answer is a flow question's answer as the history keeps it (health data).
// Run is when the conversation started; with Flow it names the flow run.
type Answer struct {
	Flow   string    `json:"flow"`
	Step   string    `json:"step"`
	Name   string    `json:"name"`
	Value  any       `json:"value"`
	Run    time.Time `json:"run"`
	Bundle string    `json:"bundle"`
}

// Referral is a hand-off to a clinician, as created by a step.
type Referral struct {
	ID       string        `json:"id"` // stable: inbound id + index
	Patient  string        `json:"patient"`
	Created  time.Time     `json:"created"`
	Priority flow.Priority `json:"priority"`
	Flow     string        `json:"flow"`
	Bundle   string        `json:"bundle"`
	Step     string        `json:"step,omitempty"`
	Reason   string        `json:"reason,omitempty"`
	Trigger  string        `json:"trigger"`
	Message  string        `json:"message,omitempty"` // the patient's words that triggered it (health data)
	// Context is the patient's session when the referral was made: what a
	// clinician needs to read with it. It travels in the outbox to the
	// Referrer; history records leave it out (the session has it).
	Context *ReferralContext `json:"context,omitempty"`
}

// ReferralContext is the session data a referral carries to the Referrer.
type ReferralContext struct {
	Locale  string                    `json:"locale,omitempty"`
	Vars    map[string]map[string]any `json:"vars,omitempty"` // flow id -> name -> value
	Results []flow.Result             `json:"results,omitempty"`
}

// jobs returns the outbox jobs and history records of a step's effects,
// encoded for the store, and the jobs themselves. The encoded jobs and
// records may be in enc's buffers: valid until enc is used again or given
// back.
func (r *Runner) jobs(enc *encoding, in Inbound, b *flow.Bundle, st engine.State, fx []engine.Effect) (jobs [][]byte, decoded []job, records [][]byte, err error) {
	// One array for both lists (a step has a few effects, each makes at
	// most one job and one record), and one buffer for the sends and
	// answers, the effects of most steps.
	lists := enc.lists(2 * len(fx))
	jobs, records = lists[:0:len(fx)], lists[len(fx):len(fx)]
	items := enc.items[:0]
	decoded = make([]job, 0, len(fx))
	record := func(data []byte, rerr error) {
		if err == nil {
			records, err = append(records, data), rerr
		}
	}
	add := func(j job) {
		if err != nil {
			return
		}
		var data []byte
		if data, err = json.Marshal(j); err == nil && j.Send == nil {
			// Other jobs carry values (times, numbers in maps) that
			// come back from JSON changed: perform them as the
			// outbox would give them after a restart.
			j = job{}
			err = json.Unmarshal(data, &j)
		}
		jobs = append(jobs, data)
		decoded = append(decoded, j)
	}
	for i, f := range fx {
		switch e := f.(type) {
		case engine.Send:
			m := e.Message
			id := in.ID + "#" + strconv.Itoa(i)
			start := len(items)
			items = appendSendJob(items, id, &m)
			jobs = append(jobs, items[start:len(items):len(items)])
			decoded = append(decoded, job{ID: id, Send: &m})
		case engine.Refer:
			ref := &Referral{ID: fmt.Sprintf("%s#%d", in.ID, i), Patient: in.Patient, Created: in.Input.Now,
				Priority: e.Priority, Flow: e.Flow, Bundle: b.Version, Step: e.Step, Reason: e.Reason, Trigger: e.Trigger, Message: e.Message}
			record(json.Marshal(Record{At: in.Input.Now, Kind: "referral", Referral: ref}))
			withCtx := *ref
			withCtx.Context = &ReferralContext{Locale: st.Locale, Vars: st.Vars, Results: st.Results}
			add(job{Referral: &withCtx})
		case engine.Scored:
			res := e.Result
			record(json.Marshal(Record{At: in.Input.Now, Kind: "result", Result: &res}))
		case engine.Finished:
			record(json.Marshal(Record{At: in.Input.Now, Kind: "finished", Status: string(e.Status)}))
		case engine.Answered:
			start := len(items)
			var aerr error
			items, aerr = appendAnswer(items, in.Input.Now, Answer{Flow: e.Flow, Step: e.Step, Name: e.Name, Value: e.Value, Run: e.Run, Bundle: b.Version})
			record(items[start:len(items):len(items)], aerr)
		case engine.Forget:
			add(job{Forget: true})
		case engine.Relay:
			add(job{Relay: relayed(in, i, e)})
		case engine.Arm:
			t := e.Timer
			add(job{Arm: &t})
		}
	}
	enc.items = items // kept, grown, for the next step
	return jobs, decoded, records, err
}

// drain performs the patient's outbox in order. A failed delivery stays in
// the outbox for Redeliver.
func (r *Runner) drain(ctx context.Context, patient string) error {
	raw, err := r.store.Outbox(ctx, patient)
	if errors.Is(err, store.ErrUnreadable) {
		// It would fail the same way on every redelivery: keep the jobs
		// that do not open aside, for recovery with the right key, and
		// perform the others.
		n, aerr := r.store.SetAsideOutbox(ctx, patient)
		if aerr != nil {
			return fmt.Errorf("set aside unreadable outbox jobs: %w", aerr)
		}
		r.log.Error("outbox jobs cannot be opened (unknown data key or damaged): set aside", "patient", LogID(patient), "jobs", n)
		raw, err = r.store.Outbox(ctx, patient)
	}
	if err != nil {
		return fmt.Errorf("read outbox: %w", err)
	}
	jobs := make([]job, len(raw))
	for i, data := range raw {
		if json.Unmarshal(data, &jobs[i]) != nil {
			jobs[i] = job{unreadable: true}
		}
	}
	return r.perform(ctx, patient, jobs)
}

// perform does the jobs at the head of the patient's outbox, in order, and
// acknowledges each one as soon as it is performed, before the next starts:
// after a crash at most the one job in flight is performed again (at least
// once), none is skipped. The caller holds the patient's delivery lock.
func (r *Runner) perform(ctx context.Context, patient string, jobs []job) error {
	if len(jobs) == 0 {
		return nil
	}
	s, err := r.sender(patient)
	if err != nil {
		return err
	}
	ack := func() error {
		if err := r.store.Ack(context.WithoutCancel(ctx), patient, 1); err != nil {
			r.log.Warn("ack outbox", "patient", LogID(patient), "err", err)
			return fmt.Errorf("ack outbox: %w", err)
		}
		return nil
	}
	for _, j := range jobs {
		if j.unreadable {
			r.log.Error("dropping unreadable outbox job", "patient", LogID(patient))
			if err := ack(); err != nil {
				return err
			}
			continue
		}
		switch {
		case j.Send != nil:
			err := s.Send(withDeliveryKey(ctx, j.ID), patient, *j.Send)
			switch {
			case errors.Is(err, ErrBlocked):
				return r.blocked(ctx, patient) // drops the whole outbox itself
			case errors.Is(err, ErrRejected):
				r.log.Error("platform refused a message for good; skipped", "patient", LogID(patient), "kind", j.Send.Kind, "err", err)
			case err != nil:
				return fmt.Errorf("send: %w", err)
			default:
				r.metrics.sent(patient)
			}
		case j.Referral != nil:
			r.metrics.referral(j.Referral)
			if r.referrer != nil {
				if err := r.referrer.Refer(ctx, *j.Referral); err != nil {
					return fmt.Errorf("referral: %w", err)
				}
			}
			r.log.Info("referral created", "referral", logRef(j.Referral.ID), "priority", j.Referral.Priority, "flow", j.Referral.Flow, "trigger", j.Referral.Trigger)
		case j.Relay != nil:
			if err := r.relay(ctx, *j.Relay); err != nil {
				return fmt.Errorf("relay: %w", err)
			}
		case j.Arm != nil:
			if err := r.arm(ctx, patient, *j.Arm); err != nil {
				return fmt.Errorf("arm reminder: %w", err)
			}
		case j.Forget:
			r.cache.drop(patient)
			// The referrals first: while the session and this job remain, a
			// failure here is retried; erasing the session first would leave
			// referrals no retry could find.
			if e, ok := r.referrer.(Eraser); ok {
				if err := e.ErasePatient(ctx, patient); err != nil {
					return fmt.Errorf("erase referrals: %w", err)
				}
			}
			if err := r.store.Erase(ctx, patient); err != nil {
				return fmt.Errorf("erase: %w", err)
			}
			r.log.Info("patient data erased on request", "patient", LogID(patient))
			return nil // the outbox is gone with everything else
		}
		if err := ack(); err != nil {
			return err
		}
	}
	return nil
}

// replicaLockTTL bounds how long a crashed replica can hold a patient.
const replicaLockTTL = 30 * time.Second

// replicaLockPoll is how replicaLock polls: a growing pause, jittered so
// that replicas waiting for one patient do not ask in step.
var replicaLockPoll = backoff.Policy{First: 2 * time.Millisecond, Longest: 200 * time.Millisecond}

// replicaLock waits for the patient's replica-wide lock, polling with a
// growing pause, until ctx ends.
func (r *Runner) replicaLock(ctx context.Context, patient string) (func(), error) {
	return waitLock(ctx, kept(r.locker), "patient:"+LogID(patient))
}

// kept returns lk taking kept locks (keptLocker) when it can.
func kept(lk Locker) Locker {
	if kl, ok := lk.(KeepingLocker); ok {
		return keptLocker{kl}
	}
	return lk
}

// sharedDelivery takes, with the replica or delivery lock option, the patient's
// replica-wide delivery lock, so that a delivery in one replica and a
// Redeliver in another never perform the same jobs twice; without the
// option it does nothing. wait false tries once: ok is false when another
// replica delivers now.
func (r *Runner) sharedDelivery(ctx context.Context, patient string, wait bool) (release func(), ok bool, err error) {
	lk := r.locker
	if lk == nil {
		lk = r.dlocker
	}
	if lk == nil {
		return func() {}, true, nil
	}
	name := "deliver:" + LogID(patient)
	// Kept while delivering (429 waits may take long), and lost soon
	// after a SIGKILL: the next replica delivers within seconds.
	lk = kept(lk)
	if !wait {
		release, ok, err := lk.Lock(ctx, name, replicaLockTTL)
		if err != nil {
			return nil, false, fmt.Errorf("lock delivery: %w", err)
		}
		return release, ok, nil
	}
	release, err = waitLock(ctx, lk, name)
	return release, err == nil, err
}

// KeepingLocker is a Locker whose locks can be kept while held: renewed
// until unlocked, so a holder that dies loses them within the TTL.
// *store.Store implements it; the replica and delivery locks then last
// deliveryLockTTL past a crash instead of replicaLockTTL.
type KeepingLocker interface {
	LockKept(ctx context.Context, key string, ttl time.Duration) (unlock func(), ok bool, err error)
}

// deliveryLockTTL is how long a kept replica or delivery lock outlives its
// holder.
const deliveryLockTTL = 5 * time.Second

// keptLocker takes kept locks of deliveryLockTTL whatever TTL is asked.
type keptLocker struct{ KeepingLocker }

func (k keptLocker) Lock(ctx context.Context, key string, _ time.Duration) (func(), bool, error) {
	return k.LockKept(ctx, key, deliveryLockTTL)
}

// waitLock waits for the replica-wide lock name of lk, polling as
// replicaLockPoll says, until ctx ends.
func waitLock(ctx context.Context, lk Locker, name string) (func(), error) {
	for n := 1; ; n++ {
		release, ok, err := lk.Lock(ctx, name, replicaLockTTL)
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", strings.SplitN(name, ":", 2)[0], err)
		}
		if ok {
			return release, nil
		}
		if err := backoff.Sleep(ctx, replicaLockPoll.Delay(n)); err != nil {
			return nil, err
		}
	}
}

// ErrRejected is returned by a Sender when the platform refuses a message for
// good (it will never be accepted); the runner skips it.
var ErrRejected = errors.New("platform rejected the message")

// blocked ends the session of a patient who blocked the bot, dropping replies
// that can no longer be delivered.
func (r *Runner) blocked(ctx context.Context, patient string) error {
	r.log.Info("patient blocked the bot; session stopped", "patient", LogID(patient))
	raw, err := r.store.Outbox(ctx, patient)
	if err != nil {
		return err
	}
	// Referrals must still reach the clinic; only messages are dropped.
	for _, data := range raw {
		var j job
		if json.Unmarshal(data, &j) == nil && j.Referral != nil && r.referrer != nil {
			if err := r.referrer.Refer(ctx, *j.Referral); err != nil {
				return err
			}
		}
		if j.Relay != nil { // the record of a takeover too
			if err := r.relay(ctx, *j.Relay); err != nil {
				return err
			}
		}
	}
	if err := r.store.Ack(ctx, patient, len(raw)); err != nil {
		return err
	}
	// The session stops, and so do the patient's reminders; the staff
	// hear of it once (a referral, when reminders were running).
	_, _, err = r.applyStored(ctx, Inbound{ID: fmt.Sprintf("unreachable:%s:%d", LogID(patient), r.now().UnixNano()), Patient: patient,
		Input: engine.Input{Command: &engine.Command{Name: engine.CmdUnreachable}}})
	if err != nil {
		return err
	}
	raw, err = r.store.Outbox(ctx, patient)
	if err != nil {
		return err
	}
	for _, data := range raw {
		var j job
		if json.Unmarshal(data, &j) == nil && j.Referral != nil && r.referrer != nil {
			if err := r.referrer.Refer(ctx, *j.Referral); err != nil {
				return err
			}
		}
	}
	return r.store.Ack(ctx, patient, len(raw))
}

// Redeliver performs every pending outbox, for example after a restart or a
// platform outage. Run it at start-up and then periodically.
func (r *Runner) Redeliver(ctx context.Context) error {
	patients, err := r.store.Pending(ctx)
	if err != nil {
		return err
	}
	for _, p := range patients {
		if _, err := r.sender(p); err != nil {
			continue // that channel does not run in this process
		}
		if r.deliveries.running(p) {
			r.deliverLater(p) // its worker reads the outbox once more
			continue
		}
		// Only the delivery lock: the patient's events go on meanwhile.
		undeliver := r.lockDelivery(p).unlock
		release, ok, err := r.sharedDelivery(ctx, p, false)
		if ok {
			err = r.drain(ctx, p)
			release()
		} // else another replica delivers: it reads the outbox itself
		undeliver()
		if err != nil && ctx.Err() == nil {
			r.log.Warn("redelivery postponed", "patient", LogID(p), "err", err)
		}
	}
	return nil
}

// LogID names a patient in logs and errors: the channel and the patient's
// keyed pseudonym ("tg:3f2a9c1d..."; package pseudo, the process's default
// namer), never the platform's user id itself. Channels use it for the ids
// they log.
func LogID(patient string) string { return pseudo.Default().LogID(patient) }

// logRef names a runner referral id (which holds the platform's message
// and chat ids) in logs: the referral's short id as staff see it (the
// first 8 hex characters of its SHA-256, as referral.IDFor).
func logRef(id string) string {
	sum := sha256.Sum256([]byte(id))
	return hex.EncodeToString(sum[:4])
}

// encoding serialises and compresses states for the store, which seals
// them. Its buffers are reused (encodings): the step encodes a state for
// every message.
type encoding struct {
	plain, packed bytes.Buffer
	enc           *json.Encoder
	hand          []byte   // appendState's buffer
	items         []byte   // the step's send jobs and answer records (Runner.jobs)
	list          [][]byte // the step's jobs and records (Runner.jobs)
}

var encodings = sync.Pool{New: func() any {
	e := &encoding{}
	e.enc = json.NewEncoder(&e.plain)
	return e
}}

// newEncoding returns an encoding from the pool; give it back with done
// once the state it encoded is no longer used.
func newEncoding() *encoding { return encodings.Get().(*encoding) }

// done gives e back to the pool, unless it grew large.
func (e *encoding) done() {
	clear(e.list) // no hold on jobs encoded elsewhere
	if e.plain.Cap() <= 64<<10 && e.packed.Cap() <= 64<<10 && cap(e.hand) <= 64<<10 && cap(e.items) <= 64<<10 {
		encodings.Put(e)
	}
}

// lists returns e's list of byte slices, n long.
func (e *encoding) lists(n int) [][]byte {
	if cap(e.list) < n {
		e.list = make([][]byte, n)
	}
	e.list = e.list[:n]
	return e.list
}

// state encodes st into e's buffers: format 0 (a zero byte, then JSON)
// under compressAbove bytes, else format 1 (a one byte, then deflated
// JSON). The result is valid until e is used again or given back.
func (e *encoding) state(st engine.State) ([]byte, error) {
	e.plain.Reset()
	e.plain.WriteByte(0) // format 0: JSON, written after the format byte at once
	js, err := appendState(append(e.hand[:0], 0), &st)
	if err == nil {
		e.hand = js // kept, grown, for the next state
	} else {
		// What appendState does not write, or json.Marshal refuses too.
		if err := e.enc.Encode(st); err != nil {
			return nil, fmt.Errorf("encode session: %w", err)
		}
		js = bytes.TrimSuffix(e.plain.Bytes(), []byte{'\n'}) // as json.Marshal gives it
	}
	if len(js) < 1+compressAbove {
		return js, nil
	}
	js = js[1:]
	e.packed.Reset()
	e.packed.WriteByte(1) // format 1: deflated JSON
	w := deflaters.Get().(*flate.Writer)
	w.Reset(&e.packed)
	w.Write(js)
	w.Close()
	deflaters.Put(w)
	return e.packed.Bytes(), nil
}

// compressAbove is the size of JSON worth compressing: below it deflate
// costs more time than the memory it saves.
const compressAbove = 512

// deflaters reuses compressors: each holds several hundred KB of tables.
var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(io.Discard, flate.BestSpeed)
	return w
}}

// decodeState reverses encoding.state; nil data is a new session.
func decodeState(data []byte) (engine.State, error) {
	var st engine.State
	if len(data) == 0 {
		return st, nil
	}
	var js []byte
	switch data[0] {
	case 0:
		js = data[1:]
	case 1:
		var err error
		js, err = io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(data[1:])), 16<<20))
		if err != nil {
			return st, fmt.Errorf("decode session: %w: %w", store.ErrUnreadable, err)
		}
	default:
		return st, fmt.Errorf("decode session: unknown format %d: %w", data[0], store.ErrUnreadable)
	}
	if err := json.Unmarshal(js, &st); err != nil {
		return st, fmt.Errorf("decode session: %w: %w", store.ErrUnreadable, err)
	}
	return st, nil
}

// DecodeState reads a stored session, for the sessions command.
func DecodeState(data []byte) (engine.State, error) { return decodeState(data) }

// DecodeRecord reads a stored history entry.
func DecodeRecord(data []byte) (Record, error) {
	var rec Record
	err := json.Unmarshal(data, &rec)
	return rec, err
}
