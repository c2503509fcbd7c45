package lease

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/redistest"
)

func TestMain(m *testing.M) { redistest.Main(m) }

// wait is the deadline of every wait for a condition: generous, as the
// machine may be loaded; the tests wait on conditions, never for a time.
const wait = 30 * time.Second

// holders records which of several contenders run their job, and flags a
// start while another still runs with its lease unlost.
type holders struct {
	mu      sync.Mutex
	running map[string]context.Context
	starts  chan string
	bad     []string
}

func newHolders() *holders {
	return &holders{running: map[string]context.Context{}, starts: make(chan string, 100)}
}

// job is the fn of contender name: it runs until its context ends.
func (h *holders) job(name string) func(context.Context) error {
	return func(ctx context.Context) error {
		h.mu.Lock()
		for other, octx := range h.running {
			if octx.Err() == nil {
				h.bad = append(h.bad, name+" started while "+other+" held the lease")
			}
		}
		h.running[name] = ctx
		h.mu.Unlock()
		h.starts <- name
		<-ctx.Done()
		h.mu.Lock()
		delete(h.running, name)
		h.mu.Unlock()
		return nil
	}
}

func (h *holders) check(t *testing.T) {
	t.Helper()
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, b := range h.bad {
		t.Error(b)
	}
}

func nextStart(t *testing.T, h *holders) string {
	t.Helper()
	select {
	case name := <-h.starts:
		return name
	case <-time.After(wait):
		t.Fatal("no contender took the lease")
		return ""
	}
}

func TestNewRefusesBadTTL(t *testing.T) {
	for _, ttl := range []time.Duration{0, MinTTL - 1, MaxTTL + 1} {
		if _, err := New(nil, "k", ttl); !errors.Is(err, ErrTTL) {
			t.Errorf("ttl %v: err %v, want ErrTTL", ttl, err)
		}
	}
}

// Two contenders: one holds the lease and keeps it past several TTLs (it
// is renewed); when it stops, it releases the lease and the other takes
// over.
func TestOneHolderThenHandOver(t *testing.T) {
	client, prefix := redistest.New(t)
	key := prefix + ":lease"
	h := newHolders()
	leases := map[string]*Lease{}
	cancels := map[string]context.CancelFunc{}
	returned := map[string]chan error{}
	for _, name := range []string{"a", "b"} {
		l, err := New(client, key, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		ret := make(chan error, 1)
		leases[name], cancels[name], returned[name] = l, cancel, ret
		go func() { ret <- l.Run(ctx, h.job(name)) }()
	}
	first := nextStart(t, h)
	other := map[string]string{"a": "b", "b": "a"}[first]
	if !leases[first].Held() || leases[other].Held() {
		t.Fatalf("held: %s %v, %s %v", first, leases[first].Held(), other, leases[other].Held())
	}
	// Three TTLs later the first still holds it: it was renewed. (On a real
	// Redis the key would have expired without renewals.)
	redistest.FastForward(t, client, 3*time.Second)
	otherStarted := false
	select {
	case name := <-h.starts:
		h.check(t) // a start while the first held it fails here
		t.Logf("%s took over after a lost renewal (a loaded machine)", name)
		otherStarted = name == other
	default:
		if !leases[first].Held() {
			// Renewals late by more than a TTL (a very loaded machine):
			// a hand-over, not a fault; the overlap check still holds.
			t.Logf("%s lost the lease without a take-over yet", first)
		}
	}
	cancels[first]()
	select {
	case err := <-returned[first]:
		if err != nil {
			t.Fatalf("Run returned %v after its context ended", err)
		}
	case <-time.After(wait):
		t.Fatal("Run did not return after its context ended")
	}
	if !otherStarted {
		if name := nextStart(t, h); name != other {
			t.Fatalf("%s started, want %s", name, other)
		}
	}
	if !leases[other].Held() || leases[first].Held() {
		t.Fatalf("after the hand-over: %s held %v, %s held %v", other, leases[other].Held(), first, leases[first].Held())
	}
	h.check(t)
}

// A holder that died (SIGKILL) leaves its key to expire; a waiting process
// takes the lease only then.
func TestTakeOverAfterHolderDied(t *testing.T) {
	client, prefix := redistest.New(t)
	key := prefix + ":lease"
	ctx := context.Background()
	if err := client.Set(ctx, key, "dead-holder", 1500*time.Millisecond).Err(); err != nil {
		t.Fatal(err)
	}
	l, err := New(client, key, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	started := make(chan string, 1)
	go l.Run(rctx, func(ctx context.Context) error {
		v, _ := client.Get(ctx, key).Result()
		started <- v
		<-ctx.Done()
		return nil
	})
	redistest.FastForward(t, client, 2*time.Second)
	select {
	case v := <-started:
		if v == "dead-holder" || v == "" {
			t.Fatalf("the job started while the key held %q", v)
		}
	case <-time.After(wait):
		t.Fatal("the lease was not taken over after the holder's key expired")
	}
}

// A holder whose key another process holds (its own expired meanwhile)
// stops its job, waits, and runs it again once the lease is free; when its
// context ends it releases the lease.
func TestLostLeaseStopsTheJob(t *testing.T) {
	client, prefix := redistest.New(t)
	key := prefix + ":lease"
	l, err := New(client, key, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	starts := make(chan struct{}, 10)
	causes := make(chan error, 10)
	returned := make(chan error, 1)
	go func() {
		returned <- l.Run(ctx, func(ctx context.Context) error {
			starts <- struct{}{}
			<-ctx.Done()
			causes <- context.Cause(ctx)
			return nil
		})
	}()
	waitFor := func(what string, ch any) {
		t.Helper()
		var ok bool
		switch c := ch.(type) {
		case chan struct{}:
			select {
			case <-c:
				ok = true
			case <-time.After(wait):
			}
		case chan error:
			select {
			case err := <-c:
				ok = true
				if !errors.Is(err, errLost) {
					t.Fatalf("the job ended with %v, want the lost lease", err)
				}
			case <-time.After(wait):
			}
		}
		if !ok {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
	waitFor("the first start", starts)
	if err := client.Set(ctx, key, "another-process", 1500*time.Millisecond).Err(); err != nil {
		t.Fatal(err)
	}
	waitFor("the job to stop", causes)
	if l.Held() {
		t.Fatal("Held() after the lease was lost")
	}
	redistest.FastForward(t, client, 2*time.Second)
	waitFor("the second start", starts)
	cancel()
	select {
	case err := <-returned:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(wait):
		t.Fatal("Run did not return")
	}
	if n, err := client.Exists(context.Background(), key).Result(); err != nil || n != 0 {
		t.Fatalf("the lease was not released: exists %d, %v", n, err)
	}
}

// A job that returns by itself ends Run with its error and frees the lease.
func TestJobErrorReleases(t *testing.T) {
	client, prefix := redistest.New(t)
	key := prefix + ":lease"
	l, err := New(client, key, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	if err := l.Run(context.Background(), func(context.Context) error { return boom }); !errors.Is(err, boom) {
		t.Fatalf("Run: %v, want boom", err)
	}
	if _, err := client.Get(context.Background(), key).Result(); !errors.Is(err, redis.Nil) {
		t.Fatalf("the lease is still there: %v", err)
	}
}
