package store

import (
	"context"
	"testing"
)

// Pending drops the mark of a patient without a name key (erased or
// expired) but keeps it while the patient's outbox holds jobs: the
// patient's first commit may be landing, its mark first (a cluster).
func TestPendingKeepsMarkOfLandingCommit(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, p := range []string{"landing", "gone"} {
		if err := f.client.SAdd(ctx, f.store.pendingShard(p), p).Err(); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.client.RPush(ctx, f.store.keysOf("landing").outbox, "job").Err(); err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.Pending(ctx); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{"landing": true, "gone": false} {
		if got, err := f.client.SIsMember(ctx, f.store.pendingShard(p), p).Result(); err != nil || got != want {
			t.Errorf("%s marked: %v (%v), want %v", p, got, err, want)
		}
	}
}
