package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// held runs the commits of calls in one pipeline: the flusher is held
// until every call has queued its commit. It returns each call's outcome
// and error, in order.
func held(t *testing.T, s *Store, calls []func() (Outcome, error)) ([]Outcome, []error) {
	t.Helper()
	hold(t, s) // commits queue and wait
	outs, errs := make([]Outcome, len(calls)), make([]error, len(calls))
	var wg sync.WaitGroup
	for i, call := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], errs[i] = call()
		}()
	}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(time.Millisecond) {
		s.writes.Lock()
		n := len(s.writes.queue)
		s.writes.Unlock()
		if n == len(calls) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d commits queued", n, len(calls))
		}
	}
	go s.flushWrites()
	wg.Wait()
	return outs, errs
}

// On a single node the commits of one pipeline go to Redis as one call of
// the multi-patient script: each patient still gets its own outcome
// (applied with the jobs ahead of its own, duplicate, conflict with the
// current session, corrupt), exactly as a call of its own gives it.
func TestCommitsInOneScriptCall(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	if f.store.markFirst {
		t.Skip("a cluster never uses the multi-patient script")
	}
	if !f.store.multi.Load() {
		t.Fatal("a store on one node does not use the multi-patient script")
	}
	f.store.watched.Store(false) // every commit through the script (TestWatchedCommits: without)
	ctx := context.Background()
	// Before: b has version 1 and id "b:1" applied, c version 2, d a
	// corrupt value, e one job in its outbox.
	mustCommit(t, f.store, "tg:b", Commit{InboundID: "b:1", Data: []byte("b1")})
	mustCommit(t, f.store, "tg:c", Commit{Data: []byte("c1")})
	mustCommit(t, f.store, "tg:c", Commit{Expect: 1, Data: []byte("c2")})
	f.client.Set(ctx, f.store.keys("tg:d").session, "no separator", 0)
	f.client.SAdd(ctx, f.store.keys("tg:g").outbox, "a set, not a list") // WRONGTYPE for the push
	mustCommit(t, f.store, "tg:e", Commit{Data: []byte("e1"), Outbox: [][]byte{[]byte("e job 1")}})
	mustCommit(t, f.store, "tg:f", Commit{Data: []byte("f1"), Outbox: [][]byte{[]byte("f job 1")}})
	commit := func(p string, c Commit) func() (Outcome, error) {
		return func() (Outcome, error) { return f.store.Commit(ctx, p, c) }
	}
	outs, errs := held(t, f.store, []func() (Outcome, error){
		commit("tg:a", Commit{InboundID: "a:1", Data: []byte("a1"), Outbox: [][]byte{[]byte("a job")}, Records: [][]byte{[]byte("a rec")}}),
		commit("tg:b", Commit{InboundID: "b:1", Expect: 1, Data: []byte("b again")}),
		commit("tg:c", Commit{InboundID: "c:3", Expect: 1, Data: []byte("c stale")}),
		commit("tg:d", Commit{InboundID: "d:1", Data: []byte("d1")}),
		commit("tg:e", Commit{InboundID: "e:2", Expect: 1, Data: []byte("e2"), Outbox: [][]byte{[]byte("e job 2")}}),
		func() (Outcome, error) { return Outcome{}, f.store.Ack(ctx, "tg:f", 1) }, // an ack among them
		commit("tg:g", Commit{InboundID: "g:1", Data: []byte("g1"), Outbox: [][]byte{[]byte("g job")}}),
		commit("tg:h", Commit{InboundID: "h:1", Data: []byte("h1")}), // after g's error
	})
	for i, err := range errs {
		if i == 6 {
			if err == nil || !strings.Contains(err.Error(), "WRONGTYPE") {
				t.Errorf("commit over a key of the wrong type: %v, want WRONGTYPE", err)
			}
			continue
		}
		if i == 3 {
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("commit over a corrupt session: %v, want ErrCorrupt", err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("commit %d: %v", i, err)
		}
	}
	want := []Outcome{
		{Applied: true, Version: 1},
		{Duplicate: true, Version: 1},
		{Conflict: true, Version: 2, Current: Session{Version: 2, Data: []byte("c2")}},
		{},
		{Applied: true, Version: 2, Ahead: 1},
	}
	for i, w := range want {
		got := outs[i]
		if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", w) {
			t.Errorf("commit %d: %+v, want %+v", i, got, w)
		}
	}
	if o := outs[7]; !o.Applied || o.Version != 1 {
		t.Errorf("commit after an error of another patient: %+v", outs[7])
	}
	for p, want := range map[string]string{"tg:a": "a1", "tg:b": "b1", "tg:c": "c2", "tg:e": "e2", "tg:h": "h1"} {
		if sess, err := f.store.Load(ctx, p); err != nil || string(sess.Data) != want {
			t.Errorf("%s: %q, %v; want %q", p, sess.Data, err, want)
		}
	}
	if jobs, err := f.store.Outbox(ctx, "tg:e"); err != nil || len(jobs) != 2 || string(jobs[1]) != "e job 2" {
		t.Errorf("e's outbox: %q, %v", jobs, err)
	}
	if jobs, err := f.store.Outbox(ctx, "tg:f"); err != nil || len(jobs) != 0 {
		t.Errorf("f's outbox after the ack: %q, %v", jobs, err)
	}
	if recs, err := f.store.Records(ctx, "tg:a"); err != nil || len(recs) != 1 || string(recs[0]) != "a rec" {
		t.Errorf("a's records: %q, %v", recs, err)
	}
	if dup, err := f.store.Commit(ctx, "tg:a", Commit{InboundID: "a:1", Expect: 1}); err != nil || !dup.Duplicate {
		t.Errorf("a:1 again: %+v, %v", dup, err)
	}
}

// A server that cannot run the multi-patient script (Redis 6 knows no
// script flags) has nothing applied by it: each commit then runs alone,
// and the store stops using it.
func TestCommitsWithoutTheMultiScript(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	if f.store.markFirst {
		t.Skip("a cluster never uses the multi-patient script")
	}
	f.store.watched.Store(false) // every commit through the script
	// ERR Error compiling script, as Redis 6 says to a shebang.
	f.store.multiScript = "#!lua flags=allow-cross-slot-keys\nthis is not Lua"
	ctx := context.Background()
	var calls []func() (Outcome, error)
	for i := range 3 {
		calls = append(calls, func() (Outcome, error) {
			return f.store.Commit(ctx, fmt.Sprint("tg:", i), Commit{InboundID: "1", Data: []byte("x"), Outbox: [][]byte{[]byte("j")}})
		})
	}
	outs, errs := held(t, f.store, calls)
	for i := range calls {
		if errs[i] != nil || !outs[i].Applied || outs[i].Version != 1 {
			t.Errorf("commit %d: %+v, %v", i, outs[i], errs[i])
		}
	}
	if f.store.multi.Load() {
		t.Error("the store still uses the multi-patient script")
	}
	if p, err := f.store.Pending(ctx); err != nil || len(p) != 3 {
		t.Errorf("pending %q, %v", p, err)
	}
}

// hold makes the store's writes queue without being sent, as if a flusher
// were busy, until the test runs s.flushWrites. The flusher of the
// caller's last commit may still be on its way out after that commit
// returned: it waits until it has stopped.
func hold(t *testing.T, s *Store) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(time.Millisecond) {
		s.writes.Lock()
		if !s.writes.busy {
			break
		}
		s.writes.Unlock()
		if time.Now().After(deadline) {
			t.Fatal("a flusher is still running")
		}
	}
	s.writes.busy = true
	s.writes.Unlock()
}
