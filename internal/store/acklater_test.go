package store

import (
	"context"
	"sync"
	"testing"
	"time"
)

// AckLater returns before Redis has the ack, but whatever the store does
// next with the patient's outbox comes after it: Outbox waits for it, a lock is released only after it, Flush waits for it, and a commit
// queued after it sees the outbox without the job. The group commit is held
// (as if a flusher were busy) so that the ack cannot reach Redis before
// they run.
func TestAckLaterComesFirst(t *testing.T) {
	t.Parallel()
	f := watchedFixture(t)
	ctx := context.Background()
	for _, p := range []string{"tg:a", "tg:b", "tg:c", "tg:e"} {
		mustCommit(t, f.store, p, Commit{InboundID: p + ":0", Data: []byte("1"), Outbox: [][]byte{[]byte(p + " job")}})
	}
	unlock, ok, err := f.store.Lock(ctx, "deliver:x", time.Minute)
	if err != nil || !ok {
		t.Fatalf("Lock: %v, %v", ok, err)
	}
	length := func(p string) int64 { return f.client.LLen(ctx, f.store.keys(p).outbox).Val() }

	hold(t, f.store)
	acked := make(chan error, 1)
	go func() {
		for _, p := range []string{"tg:a", "tg:b", "tg:c", "tg:e"} {
			if err := f.store.AckLater(ctx, p, 1); err != nil {
				acked <- err
				return
			}
		}
		acked <- nil
	}()
	select {
	case err := <-acked:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("AckLater waited for Redis")
	}
	var wg sync.WaitGroup
	var jobs [][]byte
	var outboxErr, flushErr error
	var afterUnlock, afterFlush int64
	var commit Outcome
	var commitErr error
	wg.Add(4)
	go func() { defer wg.Done(); jobs, outboxErr = f.store.Outbox(ctx, "tg:a") }()
	go func() { defer wg.Done(); unlock(); afterUnlock = length("tg:b") }()
	go func() { defer wg.Done(); flushErr = f.store.Flush(ctx); afterFlush = length("tg:c") }()
	go func() {
		defer wg.Done()
		commit, commitErr = f.store.Commit(ctx, "tg:e", Commit{InboundID: "e:1", Expect: 1, Data: []byte("2"), Outbox: [][]byte{[]byte("e job 2")}})
	}()
	// Give them time to read Redis if they do not wait: they must not
	// see the jobs whatever the time they get.
	time.Sleep(50 * time.Millisecond)
	go f.store.flushWrites()
	wg.Wait()

	if outboxErr != nil || len(jobs) != 0 {
		t.Errorf("Outbox after AckLater: %q, %v; want no job", jobs, outboxErr)
	}
	if afterUnlock != 0 {
		t.Errorf("after the unlock the outbox holds %d jobs, want 0", afterUnlock)
	}
	if flushErr != nil || afterFlush != 0 {
		t.Errorf("after Flush (%v) the outbox holds %d jobs, want 0", flushErr, afterFlush)
	}
	if commitErr != nil || !commit.Applied || commit.Ahead != 0 {
		t.Errorf("commit after AckLater: %+v, %v; want applied with no job ahead", commit, commitErr)
	}
	f.store.writes.Lock()
	left := len(f.store.writes.later)
	f.store.writes.Unlock()
	if left != 0 {
		t.Errorf("%d acks still remembered after they were answered", left)
	}
}

// On a Redis Cluster AckLater waits as Ack does: its store cannot order
// the ack before the release of a lock that lives on another node.
func TestAckLaterOnAClusterWaits(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	if f.store.watched.Load() {
		t.Skip("a single node: AckLater does not wait")
	}
	ctx := context.Background()
	mustCommit(t, f.store, "tg:a", Commit{Data: []byte("1"), Outbox: [][]byte{[]byte("job")}})
	if err := f.store.AckLater(ctx, "tg:a", 1); err != nil {
		t.Fatal(err)
	}
	if n := f.client.LLen(ctx, f.store.keys("tg:a").outbox).Val(); n != 0 {
		t.Fatalf("the outbox holds %d jobs after AckLater returned, want 0", n)
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
