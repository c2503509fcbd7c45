package runner_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/runner"
)

// gate is a channel whose sends wait for the test: each Send reports itself
// on started and waits for a release or the end of its context.
type gate struct {
	mu      sync.Mutex
	sent    []string
	keys    []string
	started chan string
	release chan struct{}
}

func newGate() *gate {
	return &gate{started: make(chan string, 100), release: make(chan struct{}, 100)}
}

func (g *gate) Send(ctx context.Context, _ string, m engine.Message) error {
	g.started <- m.Text
	select {
	case <-g.release:
	case <-ctx.Done():
		return ctx.Err()
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.sent = append(g.sent, m.Text)
	g.keys = append(g.keys, runner.DeliveryKey(ctx))
	return nil
}

func (g *gate) texts() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return slices.Clone(g.sent)
}

func recv(t *testing.T, ch <-chan string) string {
	t.Helper()
	select {
	case s := <-ch:
		return s
	case <-time.After(30 * time.Second):
		t.Fatal("no send started")
		return ""
	}
}

// A process that dies between the two sends of one turn (the first went
// out, the second was in flight) leaves only the second to its successor:
// the patient never gets the first twice.
func TestCrashBetweenTwoSendsRepeatsNothing(t *testing.T) {
	e := setup(t, sources(""))
	ctx := context.Background()
	first := newGate()
	r1 := runner.New(e.store, runner.NewLibrary(e.store, runner.WithRefresh(0)))
	r1.Register("t", first)
	dying, die := context.WithCancel(ctx)
	defer die()
	handled := make(chan error, 1)
	go func() { handled <- r1.Handle(dying, text("a", "t:1", "hi")) }()
	if got := recv(t, first.started); got != "Let us count." {
		t.Fatalf("first send %q", got)
	}
	first.release <- struct{}{}
	if got := recv(t, first.started); got != "Next number?" {
		t.Fatalf("second send %q", got)
	}
	// The second send is in flight: a new process starts over from the
	// outbox while the old one is frozen (kill -9 leaves no cleanup).
	second := newGate()
	for range 10 {
		second.release <- struct{}{}
	}
	r2 := runner.New(e.store, runner.NewLibrary(e.store, runner.WithRefresh(0)))
	r2.Register("t", second)
	if err := r2.Redeliver(ctx); err != nil {
		t.Fatal(err)
	}
	if got := second.texts(); !slices.Equal(got, []string{"Next number?"}) {
		t.Fatalf("after the crash the patient got %q again, want only the message in flight", got)
	}
	die()
	<-handled
	if got := first.texts(); !slices.Equal(got, []string{"Let us count."}) {
		t.Fatalf("before the crash: %q", got)
	}
}

// Submit returns once the event is committed, before its replies are sent;
// the patient's next event is applied while they still wait; the replies go
// out in order, each once.
func TestSubmitDoesNotWaitForDelivery(t *testing.T) {
	e := setup(t, sources(""))
	ctx := context.Background()
	g := newGate()
	r := runner.New(e.store, runner.NewLibrary(e.store, runner.WithRefresh(0)))
	r.Register("t", g)
	defer r.Stop(ctx)
	if err := r.Submit(ctx, text("a", "t:1", "hi")); err != nil {
		t.Fatal(err)
	}
	recv(t, g.started) // "Let us count." waits for its release
	if err := r.Submit(ctx, text("b", "t:1", "5")); err != nil {
		t.Fatal(err)
	}
	if got := e.state(t, "t:1").Vars["count"]["total"]; got != float64(5) {
		t.Fatalf("the second event was not applied while the first's replies waited: total %v", got)
	}
	for range 3 {
		g.release <- struct{}{}
	}
	want := []string{"Let us count.", "Next number?", "Next number?"}
	deadline := time.Now().Add(30 * time.Second)
	for !slices.Equal(g.texts(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("sent %q, want %q", g.texts(), want)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if len(g.keys) != 3 || g.keys[0] == "" || g.keys[0] == g.keys[1] || g.keys[1] == g.keys[2] {
		t.Fatalf("delivery keys %q: want distinct, non-empty", g.keys)
	}
}

// A press on a question no longer open is answered with a notice when the
// channel asks for one, and nothing is posted into the chat; without the
// request the catalogue's text is sent as before.
func TestStalePressBecomesNotice(t *testing.T) {
	e := setup(t, sources(""))
	ctx := context.Background()
	r := e.runner()
	if err := r.Handle(ctx, text("a", "t:1", "hi")); err != nil {
		t.Fatal(err)
	}
	before := len(e.rec.texts("t:1"))
	press := runner.Inbound{ID: "p1", Patient: "t:1", Input: engine.Input{Press: &engine.Press{Seq: 999, Value: "x"}}}
	nctx, notice := runner.WithNotice(ctx)
	if err := r.Handle(nctx, press); err != nil {
		t.Fatal(err)
	}
	closed := (*catalog.Catalog)(nil).Text(catalog.Closed)
	if notice.Text() != closed {
		t.Fatalf("notice %q, want %q", notice.Text(), closed)
	}
	if got := e.rec.texts("t:1"); len(got) != before {
		t.Fatalf("a stale press posted %q into the chat", got[before:])
	}
	press.ID = "p2"
	if err := r.Handle(ctx, press); err != nil {
		t.Fatal(err)
	}
	if got := e.rec.texts("t:1"); len(got) != before+1 || got[before] != closed {
		t.Fatalf("without a notice: %q", got[before:])
	}
}

// A message sent again after a failure carries the same delivery key.
func TestDeliveryKeySurvivesRedelivery(t *testing.T) {
	e := setup(t, sources(""))
	ctx := context.Background()
	var keys []string
	s := senderFunc(func(ctx context.Context, _ string, m engine.Message) error {
		keys = append(keys, runner.DeliveryKey(ctx))
		if len(keys) == 1 {
			return context.DeadlineExceeded
		}
		return nil
	})
	r := runner.New(e.store, runner.NewLibrary(e.store, runner.WithRefresh(0)))
	r.Register("t", s)
	if err := r.Handle(ctx, text("a", "t:1", "hi")); err != nil {
		t.Fatal(err)
	}
	if err := r.Redeliver(ctx); err != nil {
		t.Fatal(err)
	}
	if len(keys) != 3 || keys[0] == "" || keys[0] != keys[1] || keys[1] == keys[2] {
		t.Fatalf("keys %q: want the failed message's key again, then another", keys)
	}
}

type senderFunc func(context.Context, string, engine.Message) error

func (f senderFunc) Send(ctx context.Context, p string, m engine.Message) error { return f(ctx, p, m) }

// After a channel may have lost events, Reask asks each running patient the
// open question again, once per occasion; a finished conversation gets
// nothing.
func TestReaskOpenQuestions(t *testing.T) {
	e := setup(t, sources(""))
	ctx := context.Background()
	r := e.runner()
	defer r.Stop(ctx)
	for _, in := range []runner.Inbound{text("a", "t:1", "hi"), text("b", "t:2", "hi"), text("c", "t:2", "stop")} {
		if err := r.Handle(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	before1, before2 := len(e.rec.texts("t:1")), len(e.rec.texts("t:2"))
	n, err := r.Reask(ctx, "t", "s1")
	if err != nil || n != 1 {
		t.Fatalf("Reask: %d, %v; want 1 patient", n, err)
	}
	if _, err := r.Reask(ctx, "t", "s1"); err != nil {
		t.Fatal(err)
	}
	welcome := (*catalog.Catalog)(nil).Text(catalog.WelcomeBack)
	want := []string{welcome, "Next number?"}
	deadline := time.Now().Add(30 * time.Second)
	for !slices.Equal(e.rec.texts("t:1")[before1:], want) {
		if time.Now().After(deadline) {
			t.Fatalf("t:1 got %q, want %q", e.rec.texts("t:1")[before1:], want)
		}
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	if got := e.rec.texts("t:1")[before1:]; len(got) != 2 {
		t.Fatalf("asked again twice for one occasion: %q", got)
	}
	if got := e.rec.texts("t:2")[before2:]; len(got) != 0 {
		t.Fatalf("a finished conversation got %q", got)
	}
}

// Redeliver running while a patient's replies wait for the platform does not
// hold up the patient's next event.
func TestRedeliverDoesNotBlockEvents(t *testing.T) {
	e := setup(t, sources(""))
	ctx := context.Background()
	g := newGate()
	r := runner.New(e.store, runner.NewLibrary(e.store, runner.WithRefresh(0)))
	r.Register("t", g)
	defer r.Stop(ctx)
	if err := r.Submit(ctx, text("a", "t:1", "hi")); err != nil {
		t.Fatal(err)
	}
	recv(t, g.started) // the worker waits in the send
	go r.Redeliver(ctx)
	time.Sleep(50 * time.Millisecond)
	done := make(chan error, 1)
	go func() { done <- r.Submit(ctx, text("b", "t:1", "5")) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the next event waited for the delivery")
	}
	for range 4 {
		g.release <- struct{}{}
	}
}
