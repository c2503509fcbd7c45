package runner

import (
	"context"
	"sync"

	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/engine"
)

// deliveries are the per-patient delivery workers that Submit starts.
type deliveries struct {
	once    sync.Once
	ctx     context.Context // ends with Stop
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	mu      sync.Mutex
	workers map[string]*worker
	stopped bool
}

// worker is one patient's delivery goroutine; again asks it to read the
// outbox once more after the current pass.
type worker struct{ again bool }

func (d *deliveries) init() {
	d.once.Do(func() {
		d.ctx, d.cancel = context.WithCancel(context.Background())
		d.workers = map[string]*worker{}
	})
}

// Submit applies one inbound event like Handle, but returns as soon as the
// event's effect is stored durably, without waiting for its replies: they are
// handed to the patient's delivery worker, which performs the patient's
// outbox in order, one job at a time, in the background. So a channel can
// acknowledge a button press at once, and the patient's next press is applied
// while the replies to the previous one still wait for the platform's rate
// limits. A delivery failure is logged and left in the outbox for Redeliver.
// An error means nothing was stored, as for Handle.
//
// A patient's events should all go through Submit or all through Handle.
// Stop ends the workers.
func (r *Runner) Submit(ctx context.Context, in Inbound) error {
	return r.commit(ctx, in, false, func(jobs []job) {
		if jobs == nil || len(jobs) > 0 { // nil: the outbox may hold older jobs
			r.deliverLater(in.Patient)
		}
	})
}

// deliverLater makes the patient's worker perform the patient's outbox,
// starting the worker if none runs.
func (r *Runner) deliverLater(patient string) {
	d := &r.deliveries
	d.init()
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.stopped {
		return // Redeliver finds the jobs after the restart
	}
	if w := d.workers[patient]; w != nil {
		w.again = true
		return
	}
	w := &worker{}
	d.workers[patient] = w
	d.wg.Add(1)
	go r.work(patient, w)
}

// running reports whether a worker delivers the patient's outbox now.
func (d *deliveries) running(patient string) bool {
	d.init()
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.workers[patient] != nil
}

// work performs the patient's outbox until a pass finds nothing new asked.
func (r *Runner) work(patient string, w *worker) {
	d := &r.deliveries
	defer d.wg.Done()
	for {
		unlock := r.lockDelivery(patient).unlock
		release, _, err := r.sharedDelivery(d.ctx, patient, true)
		if err == nil {
			err = r.drain(d.ctx, patient)
			release()
		}
		unlock()
		if err != nil && d.ctx.Err() == nil {
			r.log.Warn("delivery postponed", "patient", LogID(patient), "err", err)
		}
		d.mu.Lock()
		if !w.again || d.ctx.Err() != nil || err != nil {
			delete(d.workers, patient)
			d.mu.Unlock()
			return
		}
		w.again = false
		d.mu.Unlock()
	}
}

// Stop ends the delivery workers Submit started: a send in flight is
// cancelled (its job stays in the outbox, for Redeliver after a restart).
// It waits for them until ctx ends. Submit starts no worker after Stop.
func (r *Runner) Stop(ctx context.Context) error {
	d := &r.deliveries
	d.init()
	d.mu.Lock()
	d.stopped = true
	d.mu.Unlock()
	d.cancel()
	done := make(chan struct{})
	go func() { d.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Reask asks again the open question of every patient of channel prefix
// ("dc") whose session this process committed recently (those in its
// session cache), preceded by the catalogue's welcome-back text: for a
// channel that may have lost their events, such as a Discord gateway session
// that could not be resumed. A patient in a safety pause gets the pause's
// prompt again; one whose conversation is not running gets nothing. tag
// makes the events unique per occasion (the new gateway session's id), so an
// occasion re-asks each patient once. Replies are delivered as for Submit.
// It returns how many patients were asked, and the first error.
func (r *Runner) Reask(ctx context.Context, prefix, tag string) (int, error) {
	n := 0
	var first error
	for _, p := range r.cache.keys(prefix + ":") {
		if ctx.Err() != nil {
			return n, ctx.Err()
		}
		asked, err := r.reask(ctx, p, tag)
		if err != nil && first == nil {
			first = err
		}
		if asked {
			n++
		}
	}
	return n, first
}

func (r *Runner) reask(ctx context.Context, patient, tag string) (bool, error) {
	if _, err := r.sender(patient); err != nil {
		return false, err
	}
	unlock := r.lock(patient).unlock
	defer unlock()
	cs, ok := r.cache.get(patient)
	if !ok || cs.state.Flow == "" || (cs.state.Status != engine.Active && cs.state.Status != engine.Paused) {
		return false, nil
	}
	in := Inbound{ID: "reask:" + tag + ":" + patient, Patient: patient,
		Input: engine.Input{Command: &engine.Command{Name: engine.CmdStart, Arg: cs.state.Flow}}}
	applied, _, err := r.apply(ctx, in)
	if err != nil {
		return false, err
	}
	r.deliverLater(patient)
	return applied == "applied", nil
}

// Notice is the answer to an input that the platform can show lightly,
// next to the chat rather than in it (a Telegram callback toast, a Discord
// ephemeral reply). A channel asks for one with WithNotice.
type Notice struct {
	mu   sync.Mutex
	text string
}

// Text returns the notice's text; "" when there is none.
func (n *Notice) Text() string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.text
}

type noticeKey struct{}

// WithNotice returns a context for Handle or Submit that asks for a press on a
// question no longer open (a stale or double press) to be answered with a
// notice instead of a chat message: the catalogue's Closed text, in the
// patient's language, is then put in the returned Notice once the press is
// applied, and nothing is sent to the chat.
func WithNotice(ctx context.Context) (context.Context, *Notice) {
	n := &Notice{}
	return context.WithValue(ctx, noticeKey{}, n), n
}

// asNotice splits a closed-question answer off fx when in is a press and the
// caller asked for notices: it returns the effects to perform and the text.
func asNotice(ctx context.Context, in Inbound, fx []engine.Effect) ([]engine.Effect, *Notice, string) {
	n, _ := ctx.Value(noticeKey{}).(*Notice)
	if n == nil || in.Input.Press == nil || len(fx) != 1 {
		return fx, nil, ""
	}
	s, ok := fx[0].(engine.Send)
	if !ok || s.Message.Kind != engine.FromCatalog || s.Message.Key != catalog.Closed {
		return fx, nil, ""
	}
	return nil, n, s.Message.Text
}

type deliveryKey struct{}

func withDeliveryKey(ctx context.Context, key string) context.Context {
	if key == "" {
		return ctx
	}
	return &keyedContext{Context: ctx, key: key}
}

// keyedContext carries a delivery key: context.WithValue with the key
// boxed only when read (every send gets one; few channels read it).
type keyedContext struct {
	context.Context
	key string
}

func (c *keyedContext) Value(k any) any {
	if k == (deliveryKey{}) {
		return c.key
	}
	return c.Context.Value(k)
}

// DeliveryKey returns, inside Sender.Send, a key of the message being sent
// that stays the same when it is sent again after a crash or a failure (""
// when unknown). A channel derives the platform's idempotency marker from it,
// such as Discord's enforced nonce.
func DeliveryKey(ctx context.Context) string {
	k, _ := ctx.Value(deliveryKey{}).(string)
	return k
}
