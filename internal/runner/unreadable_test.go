package runner_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/seal"
	"github.com/kapbot/kapbot/internal/store"
)

// referEraser collects referrals and erasures.
type referEraser struct {
	mu     sync.Mutex
	refs   []runner.Referral
	erased []string
}

func (x *referEraser) Refer(_ context.Context, r runner.Referral) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.refs = append(x.refs, r)
	return nil
}

func (x *referEraser) ErasePatient(_ context.Context, p string) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.erased = append(x.erased, p)
	return nil
}

// unreadableCase makes the stored session of patient t:1 unreadable and
// returns the runner that will meet it.
type unreadableCase func(t *testing.T, e *env) *store.Store

func TestUnreadableSessionNeverSilencesThePatient(t *testing.T) {
	cases := map[string]unreadableCase{
		// The process runs with another data key than the one that sealed
		// the session (a second KAPBOT_DATA_KEY).
		"wrong key": func(t *testing.T, e *env) *store.Store {
			return store.New(e.client, e.prefix, seal.NewRandom())
		},
		// One byte of the stored session is flipped.
		"corrupted session": func(t *testing.T, e *env) *store.Store {
			ctx := context.Background()
			keys, err := redistest.Keys(ctx, e.client, e.prefix+":u:*:s")
			if err != nil || len(keys) != 1 {
				t.Fatalf("session keys %v, %v", keys, err)
			}
			raw, err := e.client.Get(ctx, keys[0]).Bytes()
			if err != nil {
				t.Fatal(err)
			}
			raw[len(raw)-3] ^= 0x10
			if err := e.client.Set(ctx, keys[0], raw, 0).Err(); err != nil {
				t.Fatal(err)
			}
			return e.store
		},
	}
	for name, breakIt := range cases {
		t.Run(name, func(t *testing.T) {
			e := setup(t, sources(""))
			ctx := context.Background()
			if err := e.runner().Handle(ctx, text("a", "t:1", "hi")); err != nil {
				t.Fatal(err)
			}
			before, _ := e.client.Get(ctx, sessionKey(t, e)).Bytes()
			st := breakIt(t, e)
			x := &referEraser{}
			r := runner.New(st, runner.NewLibrary(st, runner.WithScreenerFor(runner.SafetyScreener), runner.WithRefresh(0)), runner.WithReferrer(x))
			r.Register("t", e.rec)
			sent := len(e.rec.texts("t:1"))

			// Crisis language: resources, an emergency referral, the
			// Unreadable text and a referral for a person; no error, so
			// the channel does not retry.
			if err := r.Handle(ctx, text("b", "t:1", "i want to kill myself")); err != nil {
				t.Fatalf("Handle: %v (the channel would retry)", err)
			}
			got := strings.Join(e.rec.texts("t:1")[sent:], "|")
			if !strings.Contains(got, "CRISIS call 112") || !strings.Contains(got, "could not load your conversation") {
				t.Fatalf("patient got %q, want the crisis resources and the unreadable text", got)
			}
			if strings.Index(got, "CRISIS") > strings.Index(got, "could not load") {
				t.Errorf("crisis resources must come first: %q", got)
			}
			var emergency, person bool
			for _, ref := range x.refs {
				emergency = emergency || ref.Priority == flow.Emergency && strings.HasPrefix(ref.Trigger, "crisis:")
				person = person || ref.Trigger == "unreadable"
			}
			if !emergency || !person {
				t.Fatalf("referrals %+v: want an emergency one and one for the unreadable session", x.refs)
			}
			// The unreadable session is kept aside, byte for byte.
			aside, err := e.client.Get(ctx, strings.TrimSuffix(sessionKey(t, e), "s")+"us").Bytes()
			if err != nil || string(aside) == "" {
				t.Fatalf("unreadable session not set aside: %v", err)
			}
			if name == "wrong key" && string(aside) != string(before) {
				t.Error("the set-aside session differs from the stored one")
			}

			// The next message finds a readable session: no second referral.
			n := len(x.refs)
			if err := r.Handle(ctx, text("c", "t:1", "hello?")); err != nil {
				t.Fatal(err)
			}
			if len(x.refs) != n {
				t.Errorf("a second referral for the same unreadable session")
			}

			// /forget erases everything, the set-aside data too.
			for i, in := range []engine.Input{{Command: &engine.Command{Name: engine.CmdForget}}, {Text: "yes"}} {
				if err := r.Handle(ctx, runner.Inbound{ID: fmt.Sprint("f", i), Patient: "t:1", Input: in}); err != nil {
					t.Fatal(err)
				}
			}
			if last := e.rec.texts("t:1"); !strings.Contains(last[len(last)-1], "erased") {
				t.Errorf("last message %q, want the erasure confirmed", last[len(last)-1])
			}
			if len(x.erased) != 1 {
				t.Errorf("referrals erased for %v", x.erased)
			}
			if keys, _ := redistest.Keys(ctx, e.client, e.prefix+":u:*"); len(keys) != 0 {
				t.Fatalf("keys left after /forget: %v", keys)
			}
		})
	}
}

// The /forget command itself, sent first to an unreadable session, is
// answered with its confirmation.
func TestForgetFirstOnUnreadableSession(t *testing.T) {
	e := setup(t, sources(""))
	ctx := context.Background()
	e.runner().Handle(ctx, text("a", "t:1", "hi"))
	st := store.New(e.client, e.prefix, seal.NewRandom())
	r := runner.New(st, runner.NewLibrary(st, runner.WithRefresh(0)))
	r.Register("t", e.rec)
	for i, in := range []engine.Input{{Command: &engine.Command{Name: engine.CmdForget}}, {Text: "yes"}} {
		if err := r.Handle(ctx, runner.Inbound{ID: fmt.Sprint("f", i), Patient: "t:1", Input: in}); err != nil {
			t.Fatal(err)
		}
	}
	if keys, _ := redistest.Keys(ctx, e.client, e.prefix+":u:*"); len(keys) != 0 {
		t.Fatalf("keys left after /forget: %v", keys)
	}
}

func sessionKey(t *testing.T, e *env) string {
	t.Helper()
	keys, err := redistest.Keys(context.Background(), e.client, e.prefix+":u:*:s")
	if err != nil || len(keys) != 1 {
		t.Fatalf("session keys %v, %v", keys, err)
	}
	return keys[0]
}

// An outbox job that does not open is set aside instead of failing every
// redelivery, and the patient's next reply goes out.
func TestUnreadableOutboxSetAside(t *testing.T) {
	e := setup(t, sources(""))
	ctx := context.Background()
	r := e.runner()
	if err := r.Handle(ctx, text("a", "t:1", "hi")); err != nil {
		t.Fatal(err)
	}
	k := strings.TrimSuffix(sessionKey(t, e), "s")
	if err := e.client.RPush(ctx, k+"o", "not a sealed job").Err(); err != nil {
		t.Fatal(err)
	}
	// A readable job behind it is still performed.
	if _, err := e.store.Commit(ctx, "t:1", store.Commit{Expect: e.version(t, "t:1"), Data: e.data(t, "t:1"),
		Outbox: [][]byte{[]byte(`{"send":{"kind":"catalog","text":"still delivered"}}`)}}); err != nil {
		t.Fatal(err)
	}
	if err := r.Redeliver(ctx); err != nil {
		t.Fatal(err)
	}
	if got := e.rec.texts("t:1"); got[len(got)-1] != "still delivered" {
		t.Fatalf("the readable job was not performed: %q", got)
	}
	if n, _ := e.client.LLen(ctx, k+"o").Result(); n != 0 {
		t.Fatalf("unreadable outbox still in place (%d jobs)", n)
	}
	if n, _ := e.client.LLen(ctx, k+"uo").Result(); n != 1 {
		t.Fatalf("unreadable outbox not set aside (%d jobs)", n)
	}
	sent := len(e.rec.texts("t:1"))
	if err := r.Handle(ctx, text("b", "t:1", "3")); err != nil {
		t.Fatal(err)
	}
	if len(e.rec.texts("t:1")) == sent {
		t.Fatal("no reply after the outbox was set aside")
	}
}

func (e *env) version(t *testing.T, patient string) int64 {
	t.Helper()
	sess, err := e.store.Load(context.Background(), patient)
	if err != nil {
		t.Fatal(err)
	}
	return sess.Version
}

func (e *env) data(t *testing.T, patient string) []byte {
	t.Helper()
	sess, err := e.store.Load(context.Background(), patient)
	if err != nil {
		t.Fatal(err)
	}
	return sess.Data
}
