package store

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

func claimAll(t *testing.T, f fixture, now time.Time, lease time.Duration) []Due {
	t.Helper()
	var out []Due
	for shard := range DueShards {
		ds, err := f.store.ClaimDue(context.Background(), shard, now, lease, 1000)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ds...)
	}
	return out
}

func TestDueTimersAreClaimedOnceAndAgainAfterTheLease(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	t0 := time.Date(2027, 1, 1, 9, 0, 0, 0, time.UTC)
	// Commits give the patients their sealed ids, which a claim reads.
	for _, p := range []string{"tg:1", "tg:2"} {
		if _, err := f.store.Commit(ctx, p, Commit{Data: []byte("{}")}); err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.store.Arm(ctx, "tg:1", "aaa", t0))
	must(f.store.Arm(ctx, "tg:2", "bbb", t0.Add(time.Hour)))
	must(f.store.Arm(ctx, "tg:9", "ccc", t0)) // a patient with no data
	if got := claimAll(t, f, t0.Add(-time.Second), time.Minute); len(got) != 0 {
		t.Fatalf("claimed before due: %+v", got)
	}
	got := claimAll(t, f, t0, time.Minute)
	slices.SortFunc(got, func(a, b Due) int { return strings.Compare(a.Timer, b.Timer) })
	if len(got) != 2 || got[0].Patient != "tg:1" || got[0].Timer != "aaa" || got[1].Patient != "" || got[1].Timer != "ccc" {
		t.Fatalf("claimed %+v", got)
	}
	// Claimed: nobody else gets them until the lease ends.
	if again := claimAll(t, f, t0.Add(30*time.Second), time.Minute); len(again) != 0 {
		t.Fatalf("claimed twice within the lease: %+v", again)
	}
	must(f.store.AckDue(ctx, got[1]))
	// got[0]'s process died: its claim comes back after the lease.
	again := claimAll(t, f, t0.Add(61*time.Second), time.Minute)
	if len(again) != 1 || again[0].Timer != "aaa" || again[0].Patient != "tg:1" {
		t.Fatalf("after the lease: %+v", again)
	}
	must(f.store.Release(ctx, again[0], t0.Add(2*time.Hour)))
	w, c, err := f.store.DueCount(ctx)
	must(err)
	if w != 2 || c != 0 {
		t.Fatalf("waiting %d, claimed %d; want 2, 0", w, c)
	}
	later := claimAll(t, f, t0.Add(3*time.Hour), time.Minute)
	if len(later) != 2 {
		t.Fatalf("later: %+v", later)
	}
	for _, d := range later {
		must(f.store.AckDue(ctx, d))
	}
	if w, c, _ := f.store.DueCount(ctx); w+c != 0 {
		t.Fatalf("left: %d waiting, %d claimed", w, c)
	}
}

func TestPruneDueDropsTheTimersOfErasedPatients(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	at := time.Date(2027, 1, 1, 9, 0, 0, 0, time.UTC)
	for _, p := range []string{"tg:1", "tg:2"} {
		if _, err := f.store.Commit(ctx, p, Commit{Data: []byte("{}")}); err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{"a", "b"} {
			if err := f.store.Arm(ctx, p, id, at); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.store.Erase(ctx, "tg:2"); err != nil {
		t.Fatal(err)
	}
	n, err := f.store.PruneDue(ctx)
	if err != nil || n != 2 {
		t.Fatalf("pruned %d, %v; want 2", n, err)
	}
	if w, _, _ := f.store.DueCount(ctx); w != 2 {
		t.Fatalf("%d left, want the 2 of the patient still there", w)
	}
}

// A timer due in the middle of a millisecond is not claimed in that
// millisecond before it is due, only from its due time on.
func TestDueTimersAreNotClaimedEarlyWithinAMillisecond(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.store.Commit(ctx, "tg:1", Commit{Data: []byte("{}")}); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2027, 1, 1, 9, 0, 0, 123456789, time.UTC)
	if err := f.store.Arm(ctx, "tg:1", "aaa", at); err != nil {
		t.Fatal(err)
	}
	if got := claimAll(t, f, at.Add(-time.Microsecond), time.Minute); len(got) != 0 {
		t.Fatalf("claimed %d timers before their due time", len(got))
	}
	if got := claimAll(t, f, at.Add(time.Millisecond), time.Minute); len(got) != 1 || got[0].Timer != "aaa" {
		t.Fatalf("claimed %+v after the due time, want timer aaa", got)
	}
}
