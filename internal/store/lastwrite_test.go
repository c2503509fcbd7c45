package store

import (
	"context"
	"testing"
	"time"
)

// A push to a history list that exists gets no expiry of its own while
// the session is the one this store last wrote: the list keeps the
// expiry it got when it was made (and gets it again with each refresh).
// A session written by someone else in between (another replica) makes
// the store give the list its expiry again, so a list made meanwhile
// never goes without one.
func TestHistoryExpiryOnlyWhenNeeded(t *testing.T) {
	t.Parallel()
	now := time.Now()
	f := watchedFixture(t, WithRetention(time.Hour), WithClock(func() time.Time { return now }))
	ctx := context.Background()
	k := f.store.keys("tg:a")
	pttl := func(key string) time.Duration { return f.client.PTTL(ctx, key).Val() }
	rec := [][]byte{[]byte("answer")}
	mustCommit(t, f.store, "tg:a", Commit{Data: []byte("1"), Records: rec})            // new session: the script
	mustCommit(t, f.store, "tg:a", Commit{Expect: 1, Data: []byte("2"), Records: rec}) // watched: learns the list is there
	// The session's expiry is read first: a correct store leaves the
	// history at least the sleep behind it, whatever the time between the
	// two reads; a new expiry would put it level, unless the reads took
	// longer than the margin.
	time.Sleep(600 * time.Millisecond)
	mustCommit(t, f.store, "tg:a", Commit{Expect: 2, Data: []byte("3"), Records: rec})
	if s, r := pttl(k.session), pttl(k.records); r <= 0 || r > s-300*time.Millisecond {
		t.Fatalf("history expires in %v, session in %v: want the history's expiry of 600 ms before, not a new one", r, s)
	}

	// Another replica's commit, then a list made without this store.
	other := New(f.client, f.prefix, f.sealer, WithRetention(time.Hour), WithClock(func() time.Time { return now }))
	mustCommit(t, other, "tg:a", Commit{Expect: 3, Data: []byte("4")})
	f.client.Del(ctx, k.records)
	mustCommit(t, f.store, "tg:a", Commit{Expect: 4, Data: []byte("5"), Records: rec})
	if r := pttl(k.records); r <= 0 {
		t.Fatalf("history made after another replica's commit has expiry %v, want one", r)
	}
}
