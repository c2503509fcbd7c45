package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/seal"
)

func TestMain(m *testing.M) { redistest.Main(m) }

// clock is a settable clock for WithClock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

type fixture struct {
	store  *Store
	client redis.UniversalClient
	prefix string
	sealer *seal.Sealer
}

func newFixture(t testing.TB, opts ...Option) fixture {
	t.Helper()
	c, prefix := redistest.New(t)
	sl := seal.NewRandom()
	return fixture{store: New(c, prefix, sl, opts...), client: c, prefix: prefix, sealer: sl}
}

// scan returns every key under the fixture's prefix, sorted.
func (f fixture) scan(t testing.TB) []string {
	t.Helper()
	keys, err := redistest.Keys(context.Background(), f.client, f.prefix+"*")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

func mustCommit(t testing.TB, s *Store, patient string, c Commit) Outcome {
	t.Helper()
	out, err := s.Commit(context.Background(), patient, c)
	if err != nil {
		t.Fatalf("Commit: %v", err)
	}
	return out
}

func mustLoad(t testing.TB, s *Store, patient string) Session {
	t.Helper()
	sess, err := s.Load(context.Background(), patient)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return sess
}

func strs(bs [][]byte) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = string(b)
	}
	return out
}

func TestLoadNone(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	sess := mustLoad(t, f.store, "tg:1")
	if sess.Version != 0 || sess.Data != nil {
		t.Fatalf("Load of unknown patient = %+v, want zero", sess)
	}
}

func TestCommitLoadRoundTrip(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	steps := []struct {
		data   string
		expect int64
	}{
		{`{"flow":"intake","step":"welcome"}`, 0},
		{`{"flow":"intake","step":"phq9"}`, 1},
		{"", 2}, // empty state survives as empty, not nil
		{`{"flow":"intake","step":"done"}`, 3},
	}
	for i, st := range steps {
		out := mustCommit(t, f.store, "tg:1", Commit{InboundID: fmt.Sprint("tg:m:1:", i), Expect: st.expect, Data: []byte(st.data)})
		if !out.Applied || out.Duplicate || out.Conflict || out.Version != st.expect+1 {
			t.Fatalf("step %d: outcome %+v, want applied version %d", i, out, st.expect+1)
		}
		sess := mustLoad(t, f.store, "tg:1")
		if sess.Version != st.expect+1 || string(sess.Data) != st.data || sess.Data == nil {
			t.Fatalf("step %d: Load = {%d %q}, want {%d %q}", i, sess.Version, sess.Data, st.expect+1, st.data)
		}
	}
	// Another patient is untouched.
	if sess := mustLoad(t, f.store, "tg:2"); sess.Version != 0 {
		t.Fatalf("other patient has version %d", sess.Version)
	}
	if _, err := f.store.Load(ctx, ""); !errors.Is(err, ErrNoPatient) {
		t.Errorf("Load(\"\") err = %v", err)
	}
	if _, err := f.store.Commit(ctx, "", Commit{}); !errors.Is(err, ErrNoPatient) {
		t.Errorf("Commit(\"\") err = %v", err)
	}
	if _, err := f.store.Commit(ctx, "tg:1", Commit{Expect: -1}); !errors.Is(err, ErrBadCommit) {
		t.Errorf("Commit(Expect -1) err = %v", err)
	}
}

func TestDuplicateInbound(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	first := Commit{InboundID: "tg:m:1:100", Expect: 0, Data: []byte("one"), Outbox: [][]byte{[]byte("send hi")}, Records: [][]byte{[]byte("rec")}}
	if out := mustCommit(t, f.store, "tg:1", first); !out.Applied {
		t.Fatalf("first commit: %+v", out)
	}
	tests := []struct {
		name string
		c    Commit
	}{
		{"same commit again", first},
		{"same id, current version", Commit{InboundID: "tg:m:1:100", Expect: 1, Data: []byte("two"), Outbox: [][]byte{[]byte("x")}}},
		{"same id, stale version", Commit{InboundID: "tg:m:1:100", Expect: 7, Data: []byte("three")}},
	}
	for _, tt := range tests {
		out := mustCommit(t, f.store, "tg:1", tt.c)
		if !out.Duplicate || out.Applied || out.Conflict || out.Version != 1 {
			t.Errorf("%s: outcome %+v, want duplicate at version 1", tt.name, out)
		}
	}
	if sess := mustLoad(t, f.store, "tg:1"); sess.Version != 1 || string(sess.Data) != "one" {
		t.Fatalf("after duplicates: %d %q", sess.Version, sess.Data)
	}
	jobs, _ := f.store.Outbox(ctx, "tg:1")
	recs, _ := f.store.Records(ctx, "tg:1")
	if len(jobs) != 1 || len(recs) != 1 {
		t.Fatalf("duplicates appended: %d jobs, %d records", len(jobs), len(recs))
	}
	// The same id from another patient is a different message.
	if out := mustCommit(t, f.store, "tg:2", first); !out.Applied {
		t.Fatalf("same id for another patient: %+v", out)
	}
	// No id: never a duplicate.
	for i := range 2 {
		if out := mustCommit(t, f.store, "tg:3", Commit{Expect: int64(i)}); !out.Applied {
			t.Fatalf("commit without id %d: %+v", i, out)
		}
	}
}

func TestSeenWindow(t *testing.T) {
	t.Parallel()
	clk := newClock()
	f := newFixture(t, WithSeenWindow(3), WithClock(clk.Now))
	v := int64(0)
	commit := func(id string) Outcome {
		t.Helper()
		out := mustCommit(t, f.store, "tg:1", Commit{InboundID: id, Expect: v})
		if out.Applied {
			v = out.Version
		}
		return out // the clock stands still: every id arrives in the same second
	}
	for _, id := range []string{"a", "b", "c", "d"} {
		if !commit(id).Applied {
			t.Fatalf("%s not applied", id)
		}
	}
	// The window keeps b, c, d: a is forgotten.
	if !commit("d").Duplicate || !commit("b").Duplicate {
		t.Fatal("an id inside the window was applied again")
	}
	if !commit("a").Applied {
		t.Fatal("an id outside the window is still remembered")
	}
	// Age: ids older than SeenMaxAge are dropped at the next commit.
	clk.Add(SeenMaxAge + time.Minute)
	if !commit("e").Applied {
		t.Fatal("e not applied")
	}
	if !commit("d").Applied {
		t.Fatal("an id older than SeenMaxAge is still remembered")
	}
	if !commit("e").Duplicate {
		t.Fatal("a fresh id was forgotten")
	}
}

// A window of applied ids kept in the zset of before the window string
// still refuses those ids after the upgrade, and is then removed.
func TestSeenWindowFromOldZset(t *testing.T) {
	t.Parallel()
	clk := newClock()
	f := newFixture(t, WithClock(clk.Now))
	ctx := context.Background()
	mustCommit(t, f.store, "tg:1", Commit{Data: []byte("s")}) // no id: no window yet
	k := f.store.keys("tg:1")
	old := func(id string) string { return string(f.store.namer.Sum("inbound", id)[:6]) }
	legacy := sha256.Sum256([]byte("c"))
	f.client.ZAdd(ctx, k.oldSeen,
		redis.Z{Score: float64(clk.Now().Add(-time.Hour).Unix()), Member: old("a")},
		redis.Z{Score: float64(clk.Now().Unix()), Member: old("b")},
		redis.Z{Score: float64(clk.Now().Unix()), Member: string(legacy[:6])}) // unkeyed, from before pseudonyms
	for _, id := range []string{"a", "b", "c"} {
		if out := mustCommit(t, f.store, "tg:1", Commit{InboundID: id, Expect: 1}); !out.Duplicate {
			t.Fatalf("%s, applied before the upgrade: %+v, want duplicate", id, out)
		}
	}
	if out := mustCommit(t, f.store, "tg:1", Commit{InboundID: "d", Expect: 1}); !out.Applied {
		t.Fatalf("a new id: %+v", out)
	}
	if n := f.client.Exists(ctx, k.oldSeen).Val(); n != 0 {
		t.Fatal("the old zset is still there")
	}
	for _, id := range []string{"a", "b", "c", "d"} {
		if out := mustCommit(t, f.store, "tg:1", Commit{InboundID: id, Expect: 2}); !out.Duplicate {
			t.Fatalf("%s after the window moved: %+v, want duplicate", id, out)
		}
	}
}

func TestConflict(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	mustCommit(t, f.store, "tg:1", Commit{InboundID: "1", Data: []byte("v1")})
	mustCommit(t, f.store, "tg:1", Commit{InboundID: "2", Expect: 1, Data: []byte("v2")})

	for _, expect := range []int64{0, 1, 3} {
		out := mustCommit(t, f.store, "tg:1", Commit{InboundID: fmt.Sprint("x", expect), Expect: expect, Data: []byte("lost"),
			Outbox: [][]byte{[]byte("job")}, Records: [][]byte{[]byte("rec")}})
		if !out.Conflict || out.Applied || out.Duplicate || out.Version != 2 {
			t.Fatalf("expect %d: outcome %+v, want conflict at version 2", expect, out)
		}
		if out.Current.Version != 2 || string(out.Current.Data) != "v2" {
			t.Fatalf("expect %d: Current = {%d %q}, want {2 v2}", expect, out.Current.Version, out.Current.Data)
		}
	}
	if jobs, _ := f.store.Outbox(ctx, "tg:1"); len(jobs) != 0 {
		t.Fatalf("conflicting commits appended %d jobs", len(jobs))
	}
	if recs, _ := f.store.Records(ctx, "tg:1"); len(recs) != 0 {
		t.Fatalf("conflicting commits appended %d records", len(recs))
	}
	// The inbound id of a conflicting commit was not remembered: its retry applies.
	if out := mustCommit(t, f.store, "tg:1", Commit{InboundID: "x0", Expect: 2, Data: []byte("v3")}); !out.Applied || out.Version != 3 {
		t.Fatalf("retry after conflict: %+v", out)
	}
	// A patient with no session conflicts with Current empty.
	out := mustCommit(t, f.store, "tg:9", Commit{Expect: 4})
	if !out.Conflict || out.Version != 0 || out.Current.Version != 0 || out.Current.Data != nil {
		t.Fatalf("conflict on a new patient: %+v", out)
	}
}

// TestConcurrentIncrements runs many writers on one patient, each delivering
// every message twice, as a runner would after a redelivery: every increment
// must be applied exactly once.
func TestConcurrentIncrements(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	const writers, perWriter = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sess, err := f.store.Load(ctx, "tg:1")
			if err != nil {
				errs <- err
				return
			}
			for i := range perWriter {
				id := fmt.Sprintf("w%d:%d", w, i)
				for delivery := range 2 {
					for {
						n := 0
						if sess.Data != nil {
							n, _ = strconv.Atoi(string(sess.Data))
						}
						next := []byte(strconv.Itoa(n + 1))
						out, err := f.store.Commit(ctx, "tg:1", Commit{InboundID: id, Expect: sess.Version, Data: next, Records: [][]byte{[]byte(id)}})
						if err != nil {
							errs <- err
							return
						}
						if out.Conflict {
							sess = out.Current
							continue
						}
						if out.Applied {
							if delivery == 1 {
								errs <- fmt.Errorf("%s applied on redelivery", id)
								return
							}
							sess = Session{Version: out.Version, Data: next}
						}
						break
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	sess := mustLoad(t, f.store, "tg:1")
	if want := writers * perWriter; string(sess.Data) != strconv.Itoa(want) || sess.Version != int64(want) {
		t.Fatalf("final state %q at version %d, want %d at %d", sess.Data, sess.Version, want, want)
	}
	recs, err := f.store.Records(ctx, "tg:1")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range recs {
		if seen[string(r)] {
			t.Fatalf("record %s appended twice", r)
		}
		seen[string(r)] = true
	}
	if len(seen) != writers*perWriter {
		t.Fatalf("%d records, want %d", len(seen), writers*perWriter)
	}
}

func TestOutboxAck(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	pending := func(want ...string) {
		t.Helper()
		got, err := f.store.Pending(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("Pending = %q, want %q", got, want)
		}
	}
	outbox := func(p string, want ...string) {
		t.Helper()
		got, err := f.store.Outbox(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(strs(got), want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("Outbox(%s) = %q, want %q", p, strs(got), want)
		}
	}
	ack := func(p string, n int) {
		t.Helper()
		if err := f.store.Ack(ctx, p, n); err != nil {
			t.Fatal(err)
		}
	}

	pending()
	outbox("tg:1")
	mustCommit(t, f.store, "tg:1", Commit{Expect: 0, Outbox: [][]byte{[]byte("j1"), []byte("j2"), []byte("j3")}})
	mustCommit(t, f.store, "tg:2", Commit{Expect: 0, Outbox: [][]byte{[]byte("k1")}})
	mustCommit(t, f.store, "tg:3", Commit{Expect: 0}) // no jobs: not pending
	pending("tg:1", "tg:2")
	outbox("tg:1", "j1", "j2", "j3")
	ack("tg:1", 0)
	outbox("tg:1", "j1", "j2", "j3")
	ack("tg:1", 2)
	outbox("tg:1", "j3")
	pending("tg:1", "tg:2")
	mustCommit(t, f.store, "tg:1", Commit{Expect: 1, Outbox: [][]byte{[]byte("j4")}})
	outbox("tg:1", "j3", "j4")
	ack("tg:1", 5) // more than there are
	outbox("tg:1")
	pending("tg:2")
	ack("tg:2", 1)
	pending("tg:2") // Ack is one LTRIM: the mark goes when the empty outbox is read
	outbox("tg:2")
	pending()
	if out := mustCommit(t, f.store, "tg:2", Commit{Expect: 1, Outbox: [][]byte{[]byte("a1"), []byte("a2")}}); out.Ahead != 0 {
		t.Fatalf("Ahead = %d on an empty outbox", out.Ahead)
	}
	if out := mustCommit(t, f.store, "tg:2", Commit{Expect: 2, Outbox: [][]byte{[]byte("a3")}}); out.Ahead != 2 {
		t.Fatalf("Ahead = %d, want 2", out.Ahead)
	}
	ack("tg:2", 3)
	outbox("tg:2")

	// A duplicate commit adds no jobs. Through the commit script it marks
	// the patient pending all the same (the watched path, watch.go, does
	// not); the stale mark goes away when the empty outbox is read.
	mustCommit(t, f.store, "tg:1", Commit{InboundID: "m", Expect: 2})
	mustCommit(t, f.store, "tg:1", Commit{InboundID: "m", Expect: 3, Outbox: [][]byte{[]byte("dup")}})
	if got, err := f.store.Pending(ctx); err != nil || len(got) > 1 || len(got) == 1 && got[0] != "tg:1" {
		t.Fatalf("Pending = %q, %v after a duplicate", got, err)
	}
	outbox("tg:1")
	pending()

	for _, err := range []error{f.store.Ack(ctx, "", 1), func() error { _, err := f.store.Outbox(ctx, ""); return err }()} {
		if !errors.Is(err, ErrNoPatient) {
			t.Errorf("empty patient: err = %v", err)
		}
	}
}

// TestAckKeepsConcurrentJobs checks that clearing the pending mark of an
// emptied outbox never loses jobs committed at the same time: once the
// writer stops, a patient with jobs waiting must be pending.
func TestAckKeepsConcurrentJobs(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	v := int64(0)
	for round := range 10 {
		stop := make(chan struct{})
		acker := make(chan error, 1)
		go func() {
			for {
				select {
				case <-stop:
					acker <- nil
					return
				default:
				}
				jobs, err := f.store.Outbox(ctx, "tg:1")
				if err == nil {
					err = f.store.Ack(ctx, "tg:1", len(jobs))
				}
				if err != nil {
					acker <- err
					return
				}
			}
		}()
		for range 20 {
			out := mustCommit(t, f.store, "tg:1", Commit{Expect: v, Outbox: [][]byte{[]byte("j")}})
			v = out.Version
		}
		close(stop)
		if err := <-acker; err != nil {
			t.Fatal(err)
		}
		n, err := f.client.LLen(ctx, f.store.keys("tg:1").outbox).Result()
		if err != nil {
			t.Fatal(err)
		}
		p, _ := f.store.Pending(ctx)
		if n > 0 && !slices.Contains(p, "tg:1") {
			t.Fatalf("round %d: %d jobs waiting but the patient is not pending", round, n)
		}
		jobs, _ := f.store.Outbox(ctx, "tg:1")
		if err := f.store.Ack(ctx, "tg:1", len(jobs)); err != nil {
			t.Fatal(err)
		}
		if jobs, _ := f.store.Outbox(ctx, "tg:1"); len(jobs) != 0 {
			t.Fatalf("round %d: %d jobs left after ack", round, len(jobs))
		}
		if p, _ := f.store.Pending(ctx); len(p) != 0 {
			t.Fatalf("round %d: pending after everything was acked: %q", round, p)
		}
	}
}

func TestRecords(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	recs, err := f.store.Records(ctx, "tg:1")
	if err != nil || len(recs) != 0 {
		t.Fatalf("Records of unknown patient = %q, %v", recs, err)
	}
	mustCommit(t, f.store, "tg:1", Commit{Expect: 0, Records: [][]byte{[]byte("phq9=12"), []byte("gad7=8")}})
	mustCommit(t, f.store, "tg:1", Commit{Expect: 1})
	mustCommit(t, f.store, "tg:1", Commit{Expect: 2, Outbox: [][]byte{[]byte("job")}, Records: [][]byte{[]byte("referral")}})
	recs, err = f.store.Records(ctx, "tg:1")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"phq9=12", "gad7=8", "referral"}; !slices.Equal(strs(recs), want) {
		t.Fatalf("Records = %q, want %q", strs(recs), want)
	}
	// Acknowledging jobs does not touch the history.
	if err := f.store.Ack(ctx, "tg:1", 1); err != nil {
		t.Fatal(err)
	}
	if recs, _ = f.store.Records(ctx, "tg:1"); len(recs) != 3 {
		t.Fatalf("%d records after ack", len(recs))
	}
}

func TestErase(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	full := func(p string) {
		mustCommit(t, f.store, p, Commit{InboundID: "m1", Data: []byte("state"), Outbox: [][]byte{[]byte("j")}, Records: [][]byte{[]byte("r")}})
	}
	full("tg:1")
	full("dc:2")
	// Five keys each, and each in the patients and pending indexes: in
	// one shard of each for both, or in two.
	indexes := 2
	if Shard(f.store.keys("tg:1").pseudonym, IndexShards) != Shard(f.store.keys("dc:2").pseudonym, IndexShards) {
		indexes = 4
	}
	if n := len(f.scan(t)); n != 2*5+indexes {
		t.Fatalf("%d keys before erase, want %d: %q", n, 2*5+indexes, f.scan(t))
	}
	if err := f.store.Erase(ctx, "tg:1"); err != nil {
		t.Fatal(err)
	}
	for _, k := range f.scan(t) {
		if strings.Contains(k, "{"+f.store.keys("tg:1").pseudonym+"}") {
			t.Errorf("key %s left after erase", k)
		}
	}
	if sess := mustLoad(t, f.store, "tg:1"); sess.Version != 0 {
		t.Fatalf("session survived erase: version %d", sess.Version)
	}
	if ps, _ := f.store.Patients(ctx); !slices.Equal(ps, []string{"dc:2"}) {
		t.Fatalf("Patients after erase = %q", ps)
	}
	if ps, _ := f.store.Pending(ctx); !slices.Equal(ps, []string{"dc:2"}) {
		t.Fatalf("Pending after erase = %q", ps)
	}
	// Everything is gone once the last patient is erased, and a new
	// message starts afresh, the old inbound id included.
	if err := f.store.Erase(ctx, "dc:2"); err != nil {
		t.Fatal(err)
	}
	if keys := f.scan(t); len(keys) != 0 {
		t.Fatalf("keys left after erasing everyone: %q", keys)
	}
	if err := f.store.Erase(ctx, "dc:2"); err != nil {
		t.Fatalf("erase twice: %v", err)
	}
	if out := mustCommit(t, f.store, "tg:1", Commit{InboundID: "m1"}); !out.Applied || out.Version != 1 {
		t.Fatalf("commit after erase: %+v", out)
	}
}

func TestRetention(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := []struct {
		name     string
		opts     []Option
		min, max time.Duration // 0, 0: no expiry
	}{
		{"default", nil, DefaultRetention - time.Minute, DefaultRetention},
		{"one hour", []Option{WithRetention(time.Hour)}, time.Hour - time.Minute, time.Hour},
		{"none", []Option{WithRetention(0)}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, tt.opts...)
			mustCommit(t, f.store, "tg:1", Commit{InboundID: "m", Data: []byte("s"), Outbox: [][]byte{[]byte("j")}, Records: [][]byte{[]byte("r")}})
			for _, k := range f.store.keys("tg:1").all() {
				if k == f.store.keys("tg:1").oldSeen {
					continue // not written any more
				}
				ttl, err := f.client.PTTL(ctx, k).Result()
				if err != nil {
					t.Fatal(err)
				}
				if tt.max == 0 {
					if ttl != -1 {
						t.Errorf("%s: TTL %v, want none", k, ttl)
					}
				} else if ttl < tt.min || ttl > tt.max {
					t.Errorf("%s: TTL %v, want in [%v, %v]", k, ttl, tt.min, tt.max)
				}
			}
		})
	}
}

func TestRetentionRefreshedAndPruned(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	clk := newClock()
	f := newFixture(t, WithRetention(10*time.Second), WithClock(clk.Now))
	mustCommit(t, f.store, "tg:old", Commit{Data: []byte("s"), Records: [][]byte{[]byte("r")}})
	mustCommit(t, f.store, "tg:new", Commit{Data: []byte("s"), Records: [][]byte{[]byte("r")}})
	// Nine tenths of the retention pass: every key has a second left. The
	// TTLs are set by hand rather than slept down, so that a slow machine
	// cannot let tg:new lapse before its refresh.
	for _, p := range []string{"tg:old", "tg:new"} {
		for _, k := range f.store.keys(p).all() {
			if err := f.client.PExpire(ctx, k, time.Second).Err(); err != nil {
				t.Fatal(err)
			}
		}
	}
	clk.Add(9 * time.Second)
	mustCommit(t, f.store, "tg:new", Commit{Expect: 1}) // refreshes every key, records included
	clk.Add(9 * time.Second)
	// tg:old's keys expire (in a second); tg:new's were given 10 more.
	for end := time.Now().Add(30 * time.Second); mustLoad(t, f.store, "tg:old").Version != 0; {
		if time.Now().After(end) {
			t.Fatal("old session still there after retention")
		}
		redistest.FastForward(t, f.client, 100*time.Millisecond)
	}
	if sess := mustLoad(t, f.store, "tg:new"); sess.Version != 2 {
		t.Errorf("active session expired: version %d", sess.Version)
	}
	if recs, _ := f.store.Records(ctx, "tg:new"); len(recs) != 1 {
		t.Errorf("records of an active patient expired")
	}
	if ps, _ := f.store.Patients(ctx); !slices.Equal(ps, []string{"tg:new"}) {
		t.Errorf("Patients = %q, want only tg:new", ps)
	}
}

func TestPatientsOrder(t *testing.T) {
	t.Parallel()
	clk := newClock()
	f := newFixture(t, WithClock(clk.Now))
	for _, p := range []string{"tg:3", "console:alice", "dc:1"} {
		mustCommit(t, f.store, p, Commit{})
		clk.Add(time.Minute)
	}
	mustCommit(t, f.store, "tg:3", Commit{Expect: 1})
	ps, err := f.store.Patients(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"console:alice", "dc:1", "tg:3"}; !slices.Equal(ps, want) {
		t.Fatalf("Patients = %q, want %q", ps, want)
	}
}

func TestPatientIDEscaping(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	patients := []string{"tg:1", "tg:1}", "tg:{1}", "console:a}b{c", "console:%7D", "console:%", "console:sp ace*?["}
	for i, p := range patients {
		k := f.store.keys(p)
		for _, key := range k.all() {
			open, close := strings.Index(key, "{"), strings.Index(key, "}")
			if open < 0 || close < open || strings.Count(key, "{") != 1 || strings.Count(key, "}") != 1 {
				t.Errorf("key %q of %q has no single hash tag", key, p)
			}
		}
		mustCommit(t, f.store, p, Commit{Data: []byte(strconv.Itoa(i))})
	}
	for i, p := range patients {
		if sess := mustLoad(t, f.store, p); string(sess.Data) != strconv.Itoa(i) {
			t.Errorf("Load(%q) = %q, want %d", p, sess.Data, i)
		}
	}
	ps, _ := f.store.Patients(ctx)
	slices.Sort(ps)
	want := slices.Sorted(slices.Values(patients))
	if !slices.Equal(ps, want) {
		t.Fatalf("Patients = %q, want %q", ps, want)
	}
	for _, p := range patients {
		if err := f.store.Erase(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	if keys := f.scan(t); len(keys) != 0 {
		t.Fatalf("keys left: %q", keys)
	}
}

func TestLock(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()

	unlock, ok, err := f.store.Lock(ctx, "patient:tg:1", time.Minute)
	if err != nil || !ok {
		t.Fatalf("first Lock = %v, %v", ok, err)
	}
	if _, ok, err := f.store.Lock(ctx, "patient:tg:1", time.Minute); err != nil || ok {
		t.Fatalf("second Lock while held = %v, %v; want not ok", ok, err)
	}
	if _, ok, _ := f.store.Lock(ctx, "patient:tg:2", time.Minute); !ok {
		t.Fatal("a lock with another key is not independent")
	}
	unlock()
	unlock() // twice is fine
	unlock2, ok, err := f.store.Lock(ctx, "patient:tg:1", time.Minute)
	if err != nil || !ok {
		t.Fatalf("Lock after unlock = %v, %v", ok, err)
	}
	unlock2()

	// Expiry: a lock whose holder vanished is free after its TTL, and the
	// late holder's unlock does not release the next holder's lock.
	// (A TTL of seconds: a loaded machine can stall between two calls for
	// longer than a short one.)
	staleUnlock, ok, _ := f.store.Lock(ctx, "sweep", 2*time.Second)
	if !ok {
		t.Fatal("Lock sweep failed")
	}
	if _, ok, _ := f.store.Lock(ctx, "sweep", time.Minute); ok {
		t.Fatal("lock taken before its TTL passed")
	}
	redistest.FastForward(t, f.client, 2100*time.Millisecond)
	_, ok, err = f.store.Lock(ctx, "sweep", time.Minute)
	if err != nil || !ok {
		t.Fatalf("Lock after TTL = %v, %v", ok, err)
	}
	staleUnlock()
	if _, ok, _ := f.store.Lock(ctx, "sweep", time.Minute); ok {
		t.Fatal("a stale unlock released another holder's lock")
	}

	if _, _, err := f.store.Lock(ctx, "x", 0); !errors.Is(err, ErrBadTTL) {
		t.Fatalf("Lock ttl 0 err = %v", err)
	}
}

func TestLockExclusive(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	var mu sync.Mutex
	holders, maxHolders, acquired := 0, 0, 0
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				unlock, ok, err := f.store.Lock(ctx, "k", time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if !ok {
					continue
				}
				mu.Lock()
				holders++
				acquired++
				maxHolders = max(maxHolders, holders)
				mu.Unlock()
				time.Sleep(time.Millisecond)
				mu.Lock()
				holders--
				mu.Unlock()
				unlock()
			}
		}()
	}
	wg.Wait()
	if maxHolders != 1 || acquired == 0 {
		t.Fatalf("max %d holders at once, %d acquisitions; want 1 and > 0", maxHolders, acquired)
	}
}

func TestPublish(t *testing.T) {
	t.Parallel()
	clk := newClock()
	f := newFixture(t, WithClock(clk.Now))
	ctx := context.Background()
	v1 := map[string][]byte{"flows/intake.yaml": []byte("id: intake\n"), "flows/clinic.yaml": []byte("name: X\n")}
	v2 := map[string][]byte{"flows/intake.yaml": []byte("id: intake\nsteps: []\n")}

	if _, err := f.store.Current(ctx); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Current before publishing: err = %v, want ErrNotFound", err)
	}
	if _, err := f.store.Bundle(ctx, "v1"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Bundle before publishing: err = %v, want ErrNotFound", err)
	}
	current := func(want string) {
		t.Helper()
		got, err := f.store.Current(ctx)
		if err != nil || got != want {
			t.Fatalf("Current = %q, %v; want %q", got, err, want)
		}
	}
	bundle := func(v string, want map[string][]byte) {
		t.Helper()
		got, err := f.store.Bundle(ctx, v)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("Bundle(%s) has %d files, want %d", v, len(got), len(want))
		}
		for name, src := range want {
			if !bytes.Equal(got[name], src) {
				t.Fatalf("Bundle(%s)[%s] = %q, want %q", v, name, got[name], src)
			}
		}
	}

	if err := f.store.Publish(ctx, "v1", v1); err != nil {
		t.Fatal(err)
	}
	current("v1")
	bundle("v1", v1)

	// Immutable: other contents under a published version are refused and
	// change nothing.
	clk.Add(time.Minute)
	if err := f.store.Publish(ctx, "v1", v2); !errors.Is(err, ErrVersionExists) {
		t.Fatalf("overwrite: err = %v, want ErrVersionExists", err)
	}
	changed := map[string][]byte{"flows/intake.yaml": []byte("id: intake\n"), "flows/clinic.yaml": []byte("name: Y\n")}
	if err := f.store.Publish(ctx, "v1", changed); !errors.Is(err, ErrVersionExists) {
		t.Fatalf("overwrite of one file: err = %v, want ErrVersionExists", err)
	}
	bundle("v1", v1)
	current("v1")

	clk.Add(time.Minute)
	if err := f.store.Publish(ctx, "v2", v2); err != nil {
		t.Fatal(err)
	}
	current("v2")
	bundle("v1", v1)
	bundle("v2", v2)

	infos, err := f.store.Bundles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 2 || infos[0].Version != "v2" || infos[1].Version != "v1" ||
		!infos[0].Published.Equal(clk.Now()) || !infos[1].Published.Equal(clk.Now().Add(-2*time.Minute)) {
		t.Fatalf("Bundles = %+v", infos)
	}

	// Publishing the same contents again makes the version current again.
	clk.Add(time.Minute)
	if err := f.store.Publish(ctx, "v1", v1); err != nil {
		t.Fatalf("republish identical: %v", err)
	}
	current("v1")
	if infos, _ := f.store.Bundles(ctx); infos[0].Version != "v1" {
		t.Fatalf("after rollback Bundles = %+v", infos)
	}

	for _, v := range []string{"", "has space", "tab\t", "new\nline", strings.Repeat("x", maxVersionLen+1)} {
		if err := f.store.Publish(ctx, v, v1); !errors.Is(err, ErrBadVersion) {
			t.Errorf("Publish(%q) err = %v, want ErrBadVersion", v, err)
		}
	}
	if err := f.store.Publish(ctx, "v3", nil); !errors.Is(err, ErrEmptyBundle) {
		t.Errorf("Publish empty err = %v", err)
	}
	if _, err := f.store.Bundle(ctx, "v3"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a refused publish left a bundle: %v", err)
	}
}

func TestPublishConcurrent(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	results := make([]error, 6)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src := map[string][]byte{"a.yaml": []byte(strconv.Itoa(i % 2))}
			results[i] = f.store.Publish(ctx, "race", src)
		}()
	}
	wg.Wait()
	got, err := f.store.Bundle(ctx, "race")
	if err != nil {
		t.Fatal(err)
	}
	winner := string(got["a.yaml"])
	for i, err := range results {
		same := strconv.Itoa(i%2) == winner
		if same && err != nil || !same && !errors.Is(err, ErrVersionExists) {
			t.Errorf("publisher %d (contents %d, stored %s): err = %v", i, i%2, winner, err)
		}
	}
}

// TestSealedAtRest reads every stored value raw and checks that no patient
// data is visible, and that a value copied to another patient does not open.
func TestSealedAtRest(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	secrets := []string{"SUICIDAL-IDEATION-MARKER", "PHQ9-ANSWER-MARKER", "REFERRAL-MARKER", "INBOUND-ID-MARKER"}
	mustCommit(t, f.store, "tg:1", Commit{
		InboundID: secrets[3],
		Data:      []byte(`{"answer":"` + secrets[0] + `"}`),
		Outbox:    [][]byte{[]byte("send " + secrets[1])},
		Records:   [][]byte{[]byte("record " + secrets[2])},
	})
	var raw [][]byte
	for _, k := range f.scan(t) {
		switch typ := f.client.Type(ctx, k).Val(); typ {
		case "string":
			raw = append(raw, []byte(f.client.Get(ctx, k).Val()))
		case "list":
			for _, v := range f.client.LRange(ctx, k, 0, -1).Val() {
				raw = append(raw, []byte(v))
			}
		case "zset", "set":
			for _, v := range append(f.client.ZRange(ctx, k, 0, -1).Val(), f.client.SMembers(ctx, k).Val()...) {
				raw = append(raw, []byte(v))
			}
		default:
			t.Fatalf("unexpected key type %s", typ)
		}
	}
	if len(raw) < 4 {
		t.Fatalf("only %d raw values found", len(raw))
	}
	for _, v := range raw {
		for _, s := range secrets {
			if bytes.Contains(v, []byte(s)) {
				t.Fatalf("plaintext %s readable in Redis", s)
			}
		}
	}

	// A sealed value moved to another patient's key does not open.
	k1, k2 := f.store.keys("tg:1"), f.store.keys("tg:2")
	sess := f.client.Get(ctx, k1.session).Val()
	if err := f.client.Set(ctx, k2.session, sess, 0).Err(); err != nil {
		t.Fatal(err)
	}
	_, err := f.store.Load(ctx, "tg:2")
	if !errors.Is(err, seal.ErrDecrypt) {
		t.Fatalf("Load of a copied session: err = %v, want seal.ErrDecrypt", err)
	}
	if strings.Contains(err.Error(), "tg:2") {
		t.Fatalf("error names the patient: %v", err)
	}
	job := f.client.LIndex(ctx, k1.outbox, 0).Val()
	f.client.RPush(ctx, k2.outbox, job)
	if _, err := f.store.Outbox(ctx, "tg:2"); !errors.Is(err, seal.ErrDecrypt) {
		t.Fatalf("Outbox with a copied job: err = %v, want seal.ErrDecrypt", err)
	}
	// Within one patient, a record moved to the outbox does not open either.
	rec := f.client.LIndex(ctx, k1.records, 0).Val()
	f.client.RPush(ctx, k1.outbox, rec)
	if _, err := f.store.Outbox(ctx, "tg:1"); !errors.Is(err, seal.ErrDecrypt) {
		t.Fatalf("Outbox with a record in it: err = %v, want seal.ErrDecrypt", err)
	}
}

func TestWrongDataKey(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	mustCommit(t, f.store, "tg:42", Commit{Data: []byte("s"), Records: [][]byte{[]byte("r")}})
	other := New(f.client, f.prefix, seal.NewRandom())
	for name, err := range map[string]error{
		"Load":    func() error { _, err := other.Load(ctx, "tg:42"); return err }(),
		"Records": func() error { _, err := other.Records(ctx, "tg:42"); return err }(),
		"Commit conflict": func() error {
			_, err := other.Commit(ctx, "tg:42", Commit{Expect: 0})
			return err
		}(),
	} {
		if !errors.Is(err, seal.ErrDecrypt) {
			t.Errorf("%s with another key: err = %v, want seal.ErrDecrypt", name, err)
		} else if strings.Contains(err.Error(), "42") {
			t.Errorf("%s: error names the patient: %v", name, err)
		}
	}
	// A rotated sealer with the old key as previous reads the data.
	key := make([]byte, seal.KeySize)
	s1, _ := seal.New(key)
	st := New(f.client, f.prefix, s1)
	mustCommit(t, st, "tg:7", Commit{Data: []byte("before rotation")})
	newKey := bytes.Repeat([]byte{1}, seal.KeySize)
	s2, _ := seal.New(newKey, key)
	if sess := mustLoad(t, New(f.client, f.prefix, s2), "tg:7"); string(sess.Data) != "before rotation" {
		t.Fatalf("rotated Load = %q", sess.Data)
	}
}

func TestCorruptSession(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	for _, v := range []string{"no separator", "x|abc", "0|abc", "-1|abc"} {
		f.client.Set(ctx, f.store.keys("tg:1").session, v, 0)
		if _, err := f.store.Load(ctx, "tg:1"); !errors.Is(err, ErrCorrupt) {
			t.Errorf("Load of %q: err = %v, want ErrCorrupt", v, err)
		}
	}
	for _, v := range []string{"no separator", "x|abc"} {
		f.client.Set(ctx, f.store.keys("tg:1").session, v, 0)
		if _, err := f.store.Commit(ctx, "tg:1", Commit{}); !errors.Is(err, ErrCorrupt) {
			t.Errorf("Commit over %q: err = %v, want ErrCorrupt", v, err)
		}
	}
}

// TestScriptReload checks the fallback from EVALSHA to EVAL when the server
// has forgotten the script (restart, failover, SCRIPT FLUSH).
func TestScriptReload(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	for i := range 3 {
		if err := f.client.ScriptFlush(ctx).Err(); err != nil {
			t.Fatal(err)
		}
		out := mustCommit(t, f.store, "tg:1", Commit{InboundID: strconv.Itoa(i), Expect: int64(i), Outbox: [][]byte{[]byte("j")}})
		if !out.Applied || out.Version != int64(i+1) {
			t.Fatalf("commit %d after SCRIPT FLUSH: %+v", i, out)
		}
	}
	if p, _ := f.store.Pending(ctx); !slices.Equal(p, []string{"tg:1"}) {
		t.Fatalf("Pending = %q", p)
	}
	if p, _ := f.store.Patients(ctx); !slices.Equal(p, []string{"tg:1"}) {
		t.Fatalf("Patients = %q", p)
	}
	if jobs, _ := f.store.Outbox(ctx, "tg:1"); len(jobs) != 3 {
		t.Fatalf("%d jobs, want 3", len(jobs))
	}
}

// TestAcksOfManyPatientsAtOnce sends acks from many goroutines at once: they
// travel in shared pipelines, and each removes exactly its own jobs.
func TestAcksOfManyPatientsAtOnce(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	const patients = 60
	for i := range patients {
		mustCommit(t, f.store, fmt.Sprint("tg:", i), Commit{Outbox: [][]byte{[]byte("a"), []byte("b"), []byte("c")}})
	}
	var wg sync.WaitGroup
	for i := range patients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := f.store.Ack(ctx, fmt.Sprint("tg:", i), 1+i%3); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for i := range patients {
		jobs, err := f.store.Outbox(ctx, fmt.Sprint("tg:", i))
		if err != nil {
			t.Fatal(err)
		}
		if want := 3 - (1 + i%3); len(jobs) != want {
			t.Fatalf("patient %d: %d jobs left, want %d", i, len(jobs), want)
		}
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if err := f.store.Ack(canceled, "tg:0", 1); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("ack with a cancelled context: %v", err)
	}
}

// TestCommitsOfManyPatientsAtOnce commits from many goroutines at once, so
// that commits of different patients, and their acks, share pipelines
// (batch.go): each still gets its own outcome (applied, duplicate,
// conflict with the current session), and every patient ends with exactly
// its own state, jobs and records.
func TestCommitsOfManyPatientsAtOnce(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	const patients, steps = 60, 5
	var wg sync.WaitGroup
	for i := range patients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := fmt.Sprint("tg:", i)
			var version int64
			for step := range steps {
				c := Commit{InboundID: fmt.Sprint(p, ":", step), Expect: version, Data: []byte(fmt.Sprint(p, "=", step)),
					Outbox: [][]byte{[]byte(fmt.Sprint(p, " job ", step))}, Records: [][]byte{[]byte(fmt.Sprint(p, " record ", step))}}
				out, err := f.store.Commit(ctx, p, c)
				if err != nil || !out.Applied || out.Version != version+1 {
					t.Errorf("%s step %d: %+v, %v", p, step, out, err)
					return
				}
				version = out.Version
				if dup, err := f.store.Commit(ctx, p, c); err != nil || !dup.Duplicate {
					t.Errorf("%s step %d again: %+v, %v", p, step, dup, err)
				}
				stale := c
				stale.InboundID, stale.Expect = fmt.Sprint(p, ":stale:", step), version-1
				if con, err := f.store.Commit(ctx, p, stale); err != nil || !con.Conflict || string(con.Current.Data) != string(c.Data) {
					t.Errorf("%s step %d stale: %+v, %v", p, step, con, err)
				}
				if err := f.store.Ack(ctx, p, 1); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	for i := range patients {
		p := fmt.Sprint("tg:", i)
		sess, err := f.store.Load(ctx, p)
		if err != nil || sess.Version != steps || string(sess.Data) != fmt.Sprint(p, "=", steps-1) {
			t.Fatalf("%s: %d %q, %v", p, sess.Version, sess.Data, err)
		}
		if jobs, err := f.store.Outbox(ctx, p); err != nil || len(jobs) != 0 {
			t.Fatalf("%s: %d jobs left, %v", p, len(jobs), err)
		}
		recs, err := f.store.Records(ctx, p)
		if err != nil || len(recs) != steps {
			t.Fatalf("%s: %d records, %v", p, len(recs), err)
		}
		for step, r := range recs {
			if want := fmt.Sprint(p, " record ", step); string(r) != want {
				t.Fatalf("%s: record %d = %q, want %q", p, step, r, want)
			}
		}
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := f.store.Commit(canceled, "tg:0", Commit{InboundID: "late", Expect: steps}); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("commit with a cancelled context: %v", err)
	}
}

// The patients and pending indexes are spread over shards, none holding
// every patient; entries in the unsharded keys of before are still read.
func TestIndexesSharded(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	const n = 64
	for i := range n {
		mustCommit(t, f.store, fmt.Sprint("tg:", i), Commit{Data: []byte("s"), Outbox: [][]byte{[]byte("j")}})
	}
	for _, name := range []string{"patients", "pending"} {
		used, most := 0, int64(0)
		for i := range IndexShards {
			k := ShardKey(f.prefix, name, i)
			var c int64
			if name == "patients" {
				c = f.client.ZCard(ctx, k).Val()
			} else {
				c = f.client.SCard(ctx, k).Val()
			}
			if c > 0 {
				used++
			}
			most = max(most, c)
		}
		if used < IndexShards/2 || most > n/4 {
			t.Errorf("%s: %d of %d shards used, the fullest holds %d of %d patients", name, used, IndexShards, most, n)
		}
		if f.client.Exists(ctx, f.prefix+":"+name).Val() != 0 {
			t.Errorf("%s: the unsharded key was written", name)
		}
	}
	// A patient listed only in the indexes of before.
	old := f.store.keys("tg:old")
	mustCommit(t, f.store, "tg:old", Commit{Data: []byte("s"), Outbox: [][]byte{[]byte("j")}})
	f.client.ZRem(ctx, f.store.patientsShard(old.pseudonym), old.pseudonym)
	f.client.SRem(ctx, f.store.pendingShard(old.pseudonym), old.pseudonym)
	f.client.ZAdd(ctx, f.prefix+":patients", redis.Z{Score: millis(time.Now().Add(-time.Hour)), Member: old.pseudonym})
	f.client.SAdd(ctx, f.prefix+":pending", old.pseudonym)
	ps, err := f.store.Patients(ctx)
	if err != nil || len(ps) != n+1 || ps[0] != "tg:old" {
		t.Fatalf("Patients: %d, first %q, %v; want %d with tg:old first (least recently active)", len(ps), ps[0], err, n+1)
	}
	if pend, err := f.store.Pending(ctx); err != nil || !slices.Contains(pend, "tg:old") || len(pend) != n+1 {
		t.Fatalf("Pending: %d, %v; want %d with tg:old", len(pend), err, n+1)
	}
	// Delivered: its mark goes from the unsharded key too.
	f.store.Ack(ctx, "tg:old", 1)
	f.store.Outbox(ctx, "tg:old")
	if f.client.SIsMember(ctx, f.prefix+":pending", old.pseudonym).Val() {
		t.Error("the mark of before stays after the outbox was seen empty")
	}
	if err := f.store.Erase(ctx, "tg:old"); err != nil {
		t.Fatal(err)
	}
	if f.client.Exists(ctx, f.prefix+":patients").Val() != 0 {
		t.Error("an erased patient stays in the index of before")
	}
}

// A kept lock outlives its TTL while held, and is free once unlocked.
func TestLockKept(t *testing.T) {
	if redistest.Kind() == redistest.KindMiniredis {
		t.Skip("miniredis expires keys only when its clock is moved")
	}
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	unlock, ok, err := f.store.LockKept(ctx, "deliver:tg:1", 3*time.Second)
	if err != nil || !ok {
		t.Fatalf("LockKept = %v, %v", ok, err)
	}
	time.Sleep(7 * time.Second) // more than two TTLs: renewed meanwhile
	if _, ok, err := f.store.Lock(ctx, "deliver:tg:1", time.Minute); err != nil || ok {
		t.Fatalf("Lock while the kept lock is held = %v, %v; want not ok", ok, err)
	}
	unlock()
	unlock() // twice is fine
	if _, ok, err := f.store.Lock(ctx, "deliver:tg:1", time.Minute); err != nil || !ok {
		t.Fatalf("Lock after unlock = %v, %v", ok, err)
	}
	if _, _, err := f.store.LockKept(ctx, "x", 0); !errors.Is(err, ErrBadTTL) {
		t.Fatalf("LockKept ttl 0 err = %v", err)
	}
}
