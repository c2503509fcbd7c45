package referral

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/kapbot/kapbot/internal/audit"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/runner"
)

// Defaults of the notifier.
const (
	DefaultEscalateAfter = 10 * time.Minute
	DefaultRetry         = 30 * time.Second
	DefaultTick          = 5 * time.Second
	lockTTL              = 2 * time.Minute
	sendTimeout          = time.Minute
)

// Locker takes named locks shared by every replica. *store.Store implements
// it.
type Locker interface {
	Lock(ctx context.Context, key string, ttl time.Duration) (unlock func(), ok bool, err error)
}

// Notifier makes referrals reach the clinic's staff. As the runner's
// Referrer it stores each referral and posts its summary, with Acknowledge
// and Close buttons, to the first staff destination of clinic.yaml whose
// channel runs in this process. An urgent or emergency referral nobody
// acknowledged within escalate_after is posted to the next destination,
// and so on down the list. Work that failed (a platform outage) stays in
// the store's due set and is retried by Run, so no notification is lost;
// the per-referral lock makes the work safe with several replicas. A crash
// right after a post and before it is recorded posts it once more.
//
// With no StaffSender (kapbot chat, demo) referrals are only stored.
type Notifier struct {
	store   *Store
	clinic  func(ctx context.Context) (*flow.Clinic, error)
	bundle  func(ctx context.Context, version string) (*flow.Bundle, error)
	history func(ctx context.Context, patient string) ([]runner.Record, error)
	lock    Locker
	now     func() time.Time
	log     *slog.Logger
	retry   time.Duration
	loc     *time.Location
	audit   audit.Recorder

	mu      sync.Mutex
	senders map[string]runner.StaffSender // "telegram", "discord"
	posting sync.WaitGroup                // posts started by Refer
}

var _ runner.Referrer = (*Notifier)(nil)

// Option configures a Notifier.
type Option func(*Notifier)

// WithClock sets the clock (default time.Now).
func WithClock(now func() time.Time) Option { return func(n *Notifier) { n.now = now } }

// WithLogger sets the logger (default slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(n *Notifier) { n.log = l } }

// WithRetry sets the wait before a failed post is tried again (default 30s).
func WithRetry(d time.Duration) Option { return func(n *Notifier) { n.retry = d } }

// WithBundles lets the notifier read the flows a referral was made on, to
// label answers, scores and flags. Without it answers show their variable
// names.
func WithBundles(f func(ctx context.Context, version string) (*flow.Bundle, error)) Option {
	return func(n *Notifier) { n.bundle = f }
}

// WithHistory lets the notifier read the patient's history, for the medical
// questions the bot declined earlier.
func WithHistory(f func(ctx context.Context, patient string) ([]runner.Record, error)) Option {
	return func(n *Notifier) { n.history = f }
}

// WithLocation sets the time zone of times shown to staff (default UTC).
func WithLocation(loc *time.Location) Option { return func(n *Notifier) { n.loc = loc } }

// NewNotifier returns a notifier keeping referrals in st, reading the
// clinic's destinations, staff and escalate_after from clinic (the current
// flows), and locking with lk.
func NewNotifier(st *Store, clinic func(ctx context.Context) (*flow.Clinic, error), lk Locker, opts ...Option) *Notifier {
	n := &Notifier{store: st, clinic: clinic, lock: lk, now: time.Now, log: slog.Default(), retry: DefaultRetry,
		loc: time.UTC, senders: map[string]runner.StaffSender{}}
	for _, o := range opts {
		o(n)
	}
	return n
}

// Register makes s post to the destinations of channel ("telegram",
// "discord").
func (n *Notifier) Register(channel string, s runner.StaffSender) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.senders[channel] = s
}

func (n *Notifier) sender(channel string) runner.StaffSender {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.senders[channel]
}

func (n *Notifier) notifying() bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return len(n.senders) > 0
}

// Store is the notifier's referral store.
func (n *Notifier) Store() *Store { return n.store }

// Refer stores the referral (once, however often it is called for one id)
// and starts posting it to staff in the background (see Wait). It returns
// an error only when the referral could not be stored, so that the runner
// tries again; a failed post is retried by Run.
func (n *Notifier) Refer(ctx context.Context, rr runner.Referral) error {
	var b *flow.Bundle
	if n.bundle != nil && rr.Bundle != "" {
		if x, err := n.bundle(ctx, rr.Bundle); err == nil {
			b = x
		} else {
			n.log.Warn("referral: flows for labels unavailable", "bundle", rr.Bundle, "err", err)
		}
	}
	var hist []runner.Record
	if n.history != nil {
		if h, err := n.history(ctx, rr.Patient); err == nil {
			hist = h
		} else {
			n.log.Warn("referral: history unavailable", "referral", IDFor(rr.ID), "err", err)
		}
	}
	r := Assemble(rr, b, hist)
	if r.Priority == flow.Emergency {
		// At most one open emergency per patient: a later crisis is added
		// to it (staff see a note) rather than paging staff again.
		merged, err := n.mergeEmergency(ctx, r)
		if err != nil || merged {
			return err
		}
	}
	var due time.Time
	if n.notifying() {
		due = n.now()
	}
	created, err := n.store.Create(ctx, r, due)
	if err != nil {
		return err
	}
	if created {
		n.log.Info("referral stored", "referral", r.ID, "priority", r.Priority, "trigger", r.Trigger)
	}
	if !due.IsZero() {
		// Post in the background, so that the patient's own replies are not
		// held up by the staff destinations' rate limits or outages; the
		// due set keeps the work if this process stops first.
		n.posting.Add(1)
		go func() {
			defer n.posting.Done()
			ctx := context.WithoutCancel(ctx)
			if err := n.Process(ctx, r.ID); err != nil {
				n.log.Warn("referral notification postponed", "referral", r.ID, "err", err)
			}
		}()
	}
	return nil
}

// mergeEmergency adds r to the patient's open emergency referral, if there
// is one other than r itself; merged says whether it did.
func (n *Notifier) mergeEmergency(ctx context.Context, r *Referral) (merged bool, err error) {
	open, err := n.store.OpenEmergency(ctx, r.Patient)
	if err != nil || open == nil || open.ID == r.ID {
		return false, err
	}
	if _, err := n.store.Get(ctx, r.ID); err == nil {
		return false, nil // stored before (a redelivery): leave it as it is
	}
	text := fmt.Sprintf("Another crisis message at %s (%s)", r.Created.UTC().Format(time.RFC3339), r.Trigger)
	if r.Message != "" {
		text += ": " + excerpt(r.Message, 300)
	}
	if _, err := n.store.AddEmergency(ctx, open.ID, r.Source, Note{By: "kapbot", At: r.Created, Text: text}); err != nil {
		return false, err
	}
	n.log.Info("emergency added to the open one", "referral", open.ID, "trigger", r.Trigger)
	return true, nil
}

// excerpt cuts s to at most n characters, marking the cut.
func excerpt(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// Wait waits for the posts Refer started in the background.
func (n *Notifier) Wait() { n.posting.Wait() }

// Run does due notification work every interval until ctx ends (posts to
// retry, escalations). It returns nil when ctx ends.
func (n *Notifier) Run(ctx context.Context, every time.Duration) error {
	if every <= 0 {
		every = DefaultTick
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if err := n.Tick(ctx); err != nil && ctx.Err() == nil {
			n.log.Warn("referral notifications", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Tick does the notification work due now, once, and overwrites the staff
// posts of erased referrals (Scrub).
func (n *Notifier) Tick(ctx context.Context) error {
	var errs []error
	if err := n.Scrub(ctx); err != nil {
		errs = append(errs, err)
	}
	ids, err := n.store.Due(ctx, n.now())
	if err != nil {
		return errors.Join(append(errs, err)...)
	}
	for _, id := range ids {
		if err := n.Process(ctx, id); err != nil {
			errs = append(errs, fmt.Errorf("referral %s: %w", id, err))
		}
	}
	return errors.Join(errs...)
}

// escalates reports whether p is pressing enough to escalate.
func escalates(p flow.Priority) bool { return p == flow.Urgent || p == flow.Emergency }

// Process does what is due for one referral, under its lock: post it to
// the destination of its level if that was not done, move it to the next
// destination once its deadline passed unacknowledged, and schedule the
// next step (or nothing, when none is left). Another replica holding the
// lock makes it a no-op. An error leaves the referral due for a retry.
func (n *Notifier) Process(ctx context.Context, id string) error {
	unlock, ok, err := n.lock.Lock(ctx, "referral:"+id, lockTTL)
	if err != nil {
		return err
	}
	if !ok {
		return nil
	}
	defer unlock()
	cl, err := n.clinic(ctx)
	if err != nil {
		n.store.Schedule(ctx, id, n.now().Add(n.retry))
		return err
	}
	after := cl.EscalateAfter
	if after <= 0 {
		after = DefaultEscalateAfter
	}
	for range len(cl.Destinations) + 1 {
		r, err := n.store.Get(ctx, id)
		if errors.Is(err, ErrNotFound) {
			return n.store.Unschedule(ctx, id)
		}
		if err != nil {
			return err
		}
		if r.Status() != StatusNew {
			return n.store.Unschedule(ctx, id)
		}
		level := r.Level
		if level >= len(cl.Destinations) {
			if len(cl.Destinations) == 0 {
				n.log.Warn("referral: clinic.yaml lists no destinations; nobody is notified", "referral", id)
			}
			return n.store.Unschedule(ctx, id)
		}
		notice, posted := r.noticeAt(level)
		if !posted {
			d := cl.Destinations[level]
			s := n.sender(d.Channel)
			if s == nil {
				n.log.Warn("referral: destination's channel does not run here; skipping it", "referral", id, "channel", d.Channel, "level", level)
				if _, err := n.store.Update(ctx, id, func(r *Referral) error { r.Level = max(r.Level, level+1); return nil }); err != nil {
					return err
				}
				continue
			}
			sctx, cancel := context.WithTimeout(ctx, sendTimeout)
			msgID, err := s.SendStaff(sctx, d.ID, n.Message(r))
			cancel()
			if err != nil {
				n.store.Schedule(ctx, id, n.now().Add(n.retry))
				return fmt.Errorf("post to %s destination %d: %w", d.Channel, level, err)
			}
			notice = Notice{Level: level, Channel: d.Channel, Dest: d.ID, MsgID: msgID, At: n.now()}
			if _, err := n.store.Update(ctx, id, func(r *Referral) error { r.Notices = append(r.Notices, notice); return nil }); err != nil {
				return err
			}
			n.log.Info("referral posted to staff", "referral", id, "channel", d.Channel, "level", level)
			n.postCharts(ctx, s, d.ID, r) // chart.go
		}
		if !escalates(r.Priority) || level+1 >= len(cl.Destinations) {
			return n.store.Unschedule(ctx, id)
		}
		deadline := notice.At.Add(after)
		if n.now().Before(deadline) {
			return n.store.Schedule(ctx, id, deadline)
		}
		if _, err := n.store.Update(ctx, id, func(r *Referral) error {
			if r.Level == level {
				r.Level = level + 1
			}
			return nil
		}); err != nil {
			return err
		}
		n.log.Warn("referral not acknowledged in time; escalating", "referral", id, "level", level+1)
	}
	return nil
}

// Message is the staff message for r: its summary and the buttons its
// status allows (Acknowledge and Close while new; Contacted and Close once
// acknowledged; Close once contacted; none once closed), plus "Take over"
// (r:takeover:<id>) while it is open.
func (n *Notifier) Message(r *Referral) runner.StaffMessage {
	text := Summary(r, n.loc)
	if r.Level > 0 && r.Status() == StatusNew {
		text = "⏫ ESCALATED: not acknowledged in time\n" + text
	}
	m := runner.StaffMessage{Text: text}
	btn := func(label, verb string) runner.StaffButton {
		return runner.StaffButton{Label: label, Data: "r:" + verb + ":" + r.ID}
	}
	switch r.Status() {
	case StatusNew:
		m.Buttons = []runner.StaffButton{btn("Acknowledge", "ack"), btn("Close", "close")}
	case StatusAcknowledged:
		m.Buttons = []runner.StaffButton{btn("Contacted", "contacted"), btn("Close", "close")}
	case StatusContacted:
		m.Buttons = []runner.StaffButton{btn("Close", "close")}
	}
	if r.Open() {
		// Staff reply to the patient through the bot (takeover.go).
		m.Buttons = append(m.Buttons, btn("Take over", "takeover"))
	}
	return m
}

// Refresh edits every posting of r to show its current status and buttons.
// Failures are logged: the status is stored whatever the message shows.
func (n *Notifier) Refresh(ctx context.Context, r *Referral) {
	m := n.Message(r)
	for _, no := range r.Notices {
		s := n.sender(no.Channel)
		if s == nil {
			continue
		}
		sctx, cancel := context.WithTimeout(ctx, sendTimeout)
		err := s.EditStaff(sctx, no.Dest, no.MsgID, m)
		cancel()
		if err != nil {
			n.log.Warn("referral: staff message not updated", "referral", r.ID, "channel", no.Channel, "err", err)
		}
	}
}
