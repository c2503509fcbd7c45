package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// watchedFixture is a fixture whose store commits through the watched path
// (watch.go): a single node only.
func watchedFixture(t *testing.T, opts ...Option) fixture {
	t.Helper()
	f := newFixture(t, opts...)
	if !f.store.watched.Load() {
		t.Skip("a cluster commits through the script only")
	}
	return f
}

// On a single node the commits to existing sessions of one pipeline go
// without a script, in one MULTI/EXEC: each patient still gets the outcome
// the commit script gives (applied with the jobs ahead of its own,
// duplicate, also of an id stored before pseudonyms, conflict with the
// current session, corrupt, an error of its own commands), and the
// commits the watched path cannot decide (a new session, no window yet, a
// second commit of one patient in the group) go through the script in the
// same flush.
func TestWatchedCommits(t *testing.T) {
	t.Parallel()
	f := watchedFixture(t)
	ctx := context.Background()
	for _, p := range []string{"tg:a", "tg:b", "tg:c", "tg:d", "tg:e", "tg:g", "tg:h"} {
		mustCommit(t, f.store, p, Commit{InboundID: p + ":0", Data: []byte(p + "0")})
	}
	mustCommit(t, f.store, "tg:c", Commit{InboundID: "tg:c:1", Expect: 1, Data: []byte("c2")})
	mustCommit(t, f.store, "tg:e", Commit{Expect: 1, Data: []byte("e2"), Outbox: [][]byte{[]byte("e job 1")}})
	mustCommit(t, f.store, "tg:f", Commit{Data: []byte("f1"), Outbox: [][]byte{[]byte("f job 1")}})
	mustCommit(t, f.store, "tg:i", Commit{Data: []byte("i1")}) // no id: no window yet
	f.client.Set(ctx, f.store.keys("tg:d").session, "1no separator", 0)
	f.client.Del(ctx, f.store.keys("tg:g").outbox)
	f.client.SAdd(ctx, f.store.keys("tg:g").outbox, "a set, not a list") // WRONGTYPE for the push
	// An id applied before pseudonyms: its unkeyed hash in the window.
	legacy := sha256.Sum256([]byte("h:old"))
	win := f.client.Get(ctx, f.store.keys("tg:h").seen).Val()
	f.client.Set(ctx, f.store.keys("tg:h").seen, win+string(legacy[:6])+"\x00\x00\x00\x00", 0)

	var between atomic.Int32
	f.store.betweenWatch = func() { between.Add(1) }
	commit := func(p string, c Commit) func() (Outcome, error) {
		return func() (Outcome, error) { return f.store.Commit(ctx, p, c) }
	}
	calls := []func() (Outcome, error){
		commit("tg:a", Commit{InboundID: "a:1", Expect: 1, Data: []byte("a2"), Outbox: [][]byte{[]byte("a job")}, Records: [][]byte{[]byte("a rec")}}),
		commit("tg:b", Commit{InboundID: "tg:b:0", Expect: 1, Data: []byte("b again")}),
		commit("tg:c", Commit{InboundID: "c:3", Expect: 1, Data: []byte("c stale")}),
		commit("tg:d", Commit{InboundID: "d:1", Expect: 1, Data: []byte("d2")}),
		commit("tg:e", Commit{InboundID: "e:2", Expect: 2, Data: []byte("e3"), Outbox: [][]byte{[]byte("e job 2")}}),
		func() (Outcome, error) { return Outcome{}, f.store.Ack(ctx, "tg:f", 1) }, // an ack among them
		commit("tg:g", Commit{InboundID: "g:1", Expect: 1, Data: []byte("g2"), Outbox: [][]byte{[]byte("g job")}}),
		commit("tg:h", Commit{InboundID: "h:old", Expect: 1, Data: []byte("h again")}),
		commit("tg:i", Commit{InboundID: "i:1", Expect: 1, Data: []byte("i2")}),
		commit("tg:new", Commit{InboundID: "new:1", Data: []byte("new1")}),
	}
	outs, errs := held(t, f.store, calls)
	if between.Load() == 0 {
		t.Fatal("no commit went through the watched path")
	}
	for i, err := range errs {
		switch i {
		case 3:
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("commit over a corrupt session: %v, want ErrCorrupt", err)
			}
		case 6:
			if err == nil || !strings.Contains(err.Error(), "WRONGTYPE") {
				t.Errorf("commit over a key of the wrong type: %v, want WRONGTYPE", err)
			}
		default:
			if err != nil {
				t.Fatalf("commit %d: %v", i, err)
			}
		}
	}
	want := map[int]Outcome{
		0: {Applied: true, Version: 2},
		1: {Duplicate: true, Version: 1},
		2: {Conflict: true, Version: 2, Current: Session{Version: 2, Data: []byte("c2")}},
		4: {Applied: true, Version: 3, Ahead: 1},
		7: {Duplicate: true, Version: 1},
		8: {Applied: true, Version: 2},
		9: {Applied: true, Version: 1},
	}
	for i, w := range want {
		if got := outs[i]; fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", w) {
			t.Errorf("commit %d: %+v, want %+v", i, got, w)
		}
	}
	for p, want := range map[string]string{"tg:a": "a2", "tg:b": "tg:b0", "tg:c": "c2", "tg:e": "e3", "tg:h": "tg:h0", "tg:i": "i2", "tg:new": "new1"} {
		if sess, err := f.store.Load(ctx, p); err != nil || string(sess.Data) != want {
			t.Errorf("%s: %q, %v; want %q", p, sess.Data, err, want)
		}
	}
	if jobs, err := f.store.Outbox(ctx, "tg:e"); err != nil || strings.Join(strs(jobs), "|") != "e job 1|e job 2" {
		t.Errorf("e's outbox: %q, %v", jobs, err)
	}
	if jobs, err := f.store.Outbox(ctx, "tg:f"); err != nil || len(jobs) != 0 {
		t.Errorf("f's outbox after the ack: %q, %v", jobs, err)
	}
	if recs, err := f.store.Records(ctx, "tg:a"); err != nil || strings.Join(strs(recs), "|") != "a rec" {
		t.Errorf("a's records: %q, %v", recs, err)
	}
	if p, err := f.store.Pending(ctx); err != nil || !strings.Contains(strings.Join(p, " "), "tg:a") {
		t.Errorf("pending %q, %v: a's job is not marked", p, err)
	}
	for p, id := range map[string]string{"tg:a": "a:1", "tg:e": "e:2", "tg:i": "i:1", "tg:h": "tg:h:0"} {
		sess := mustLoad(t, f.store, p)
		if dup, err := f.store.Commit(ctx, p, Commit{InboundID: id, Expect: sess.Version}); err != nil || !dup.Duplicate {
			t.Errorf("%s %s again: %+v, %v", p, id, dup, err)
		}
	}
	// Every key the watched path writes expires, as the script's do.
	for _, p := range []string{"tg:a", "tg:e", "tg:i"} {
		k := f.store.keys(p)
		for _, key := range []string{k.session, k.seen, k.outbox, k.records, k.name} {
			if ttl := f.client.PTTL(ctx, key).Val(); ttl == -1 {
				t.Errorf("%s: %s has no expiry", p, key[strings.LastIndexByte(key, ':'):])
			}
		}
	}
}

// Two commits of one patient in one group, both computed from the same
// version, are applied once: the second is told of the conflict.
func TestWatchedCommitsOfOnePatient(t *testing.T) {
	t.Parallel()
	f := watchedFixture(t)
	ctx := context.Background()
	mustCommit(t, f.store, "tg:1", Commit{InboundID: "0", Data: []byte("v1")})
	outs, errs := held(t, f.store, []func() (Outcome, error){
		func() (Outcome, error) {
			return f.store.Commit(ctx, "tg:1", Commit{InboundID: "x", Expect: 1, Data: []byte("x")})
		},
		func() (Outcome, error) {
			return f.store.Commit(ctx, "tg:1", Commit{InboundID: "y", Expect: 1, Data: []byte("y")})
		},
	})
	if errs[0] != nil || errs[1] != nil {
		t.Fatal(errs)
	}
	applied, conflicts := 0, 0
	for _, o := range outs {
		if o.Applied {
			applied++
		}
		if o.Conflict && o.Version == 2 {
			conflicts++
		}
	}
	if applied != 1 || conflicts != 1 {
		t.Fatalf("outcomes %+v: want one applied, one conflict at version 2", outs)
	}
}

// A watched session that another process changes between the read and the
// transaction is not overwritten: the transaction does not run, the group
// is read again, and the commit that lost is told of the conflict while
// the others are applied.
func TestWatchedCommitLosesToAConcurrentOne(t *testing.T) {
	t.Parallel()
	f := watchedFixture(t)
	other := New(f.client, f.prefix, f.sealer) // another replica
	ctx := context.Background()
	for _, p := range []string{"tg:1", "tg:2"} {
		mustCommit(t, f.store, p, Commit{InboundID: p, Data: []byte("v1")})
	}
	var once atomic.Bool
	f.store.betweenWatch = func() {
		if once.CompareAndSwap(false, true) {
			if out, err := other.Commit(ctx, "tg:1", Commit{InboundID: "other", Expect: 1, Data: []byte("other")}); err != nil || !out.Applied {
				t.Errorf("the other replica's commit: %+v, %v", out, err)
			}
		}
	}
	outs, errs := held(t, f.store, []func() (Outcome, error){
		func() (Outcome, error) {
			return f.store.Commit(ctx, "tg:1", Commit{InboundID: "mine", Expect: 1, Data: []byte("mine")})
		},
		func() (Outcome, error) {
			return f.store.Commit(ctx, "tg:2", Commit{InboundID: "two", Expect: 1, Data: []byte("two")})
		},
	})
	if errs[0] != nil || errs[1] != nil {
		t.Fatal(errs)
	}
	if o := outs[0]; !o.Conflict || o.Version != 2 || string(o.Current.Data) != "other" {
		t.Errorf("the commit that lost: %+v", o)
	}
	if o := outs[1]; !o.Applied || o.Version != 2 {
		t.Errorf("the other patient's commit: %+v", o)
	}
	if s := mustLoad(t, f.store, "tg:1"); string(s.Data) != "other" {
		t.Errorf("tg:1 holds %q", s.Data)
	}
}

// Data stored by kapbot before the watched path (main at 3872183 and
// earlier), written here byte for byte as that code wrote it, goes on
// working: the session value "<version>|<sealed state>", the window of
// applied ids as a string ("w", then a 6-byte keyed id hash and 4 bytes of
// unix seconds per id), or, older still, as a zset; an outbox with a job
// not yet performed, and the history. A redelivered message is refused as
// a duplicate, a new one is applied once, after the old job, and the
// window goes on refusing both.
func TestDataOfBeforeGoesOn(t *testing.T) {
	t.Parallel()
	clk := newClock()
	f := watchedFixture(t, WithClock(clk.Now))
	ctx := context.Background()
	now := clk.Now()
	hash := func(id string) string { return string(f.store.namer.Sum("inbound", id)[:6]) }
	old := func(p, window string, zset bool) {
		k := f.store.keys(p)
		ttl := 30 * 24 * time.Hour
		f.client.Set(ctx, k.session, append([]byte("3|"), f.sealer.Seal([]byte(p+" state 3"), []byte(k.session))...), ttl)
		f.client.Set(ctx, k.name, f.sealer.Seal([]byte(p), []byte(k.name)), ttl)
		if zset {
			for i, id := range []string{"m1", "m2", "m3"} {
				f.client.ZAdd(ctx, k.oldSeen, redis.Z{Score: float64(now.Unix() - int64(3-i)), Member: hash(id)})
			}
		} else {
			f.client.Set(ctx, k.seen, window, ttl)
		}
		f.client.RPush(ctx, k.outbox, f.sealer.Seal([]byte("reply to m3"), []byte(k.outbox)))
		f.client.RPush(ctx, k.records, f.sealer.Seal([]byte("record of m3"), []byte(k.records)))
		f.client.SAdd(ctx, f.store.pendingShard(k.pseudonym), k.pseudonym)
	}
	window := "w"
	for i, id := range []string{"m1", "m2", "m3"} {
		window += hash(id) + string(binary.BigEndian.AppendUint32(nil, uint32(now.Unix()-int64(3-i))))
	}
	old("tg:window", window, false)
	old("tg:zset", "", true)

	for _, p := range []string{"tg:window", "tg:zset"} {
		if s := mustLoad(t, f.store, p); s.Version != 3 || string(s.Data) != p+" state 3" {
			t.Fatalf("%s: loaded %d %q", p, s.Version, s.Data)
		}
		if got, err := f.store.Pending(ctx); err != nil || !strings.Contains(strings.Join(got, " "), p) {
			t.Fatalf("%s not pending: %q, %v", p, got, err)
		}
		for _, id := range []string{"m3", "m1"} { // redelivered
			if out := mustCommit(t, f.store, p, Commit{InboundID: id, Expect: 3, Data: []byte("again"), Outbox: [][]byte{[]byte("again")}}); !out.Duplicate {
				t.Fatalf("%s: %s redelivered: %+v, want duplicate", p, id, out)
			}
		}
		out := mustCommit(t, f.store, p, Commit{InboundID: "m4", Expect: 3, Data: []byte(p + " state 4"),
			Outbox: [][]byte{[]byte("reply to m4")}, Records: [][]byte{[]byte("record of m4")}})
		if !out.Applied || out.Version != 4 || out.Ahead != 1 {
			t.Fatalf("%s: m4: %+v, want applied at 4 behind the old job", p, out)
		}
		// Once more through the watched path, now that the window is a string.
		out = mustCommit(t, f.store, p, Commit{InboundID: "m5", Expect: 4, Data: []byte(p + " state 5")})
		if !out.Applied || out.Version != 5 {
			t.Fatalf("%s: m5: %+v", p, out)
		}
		for _, id := range []string{"m1", "m2", "m3", "m4", "m5"} {
			if out := mustCommit(t, f.store, p, Commit{InboundID: id, Expect: 5, Data: []byte("again")}); !out.Duplicate {
				t.Fatalf("%s: %s redelivered after the upgrade: %+v, want duplicate", p, id, out)
			}
		}
		jobs, err := f.store.Outbox(ctx, p)
		if err != nil || strings.Join(strs(jobs), "|") != "reply to m3|reply to m4" {
			t.Fatalf("%s: outbox %q, %v", p, strs(jobs), err)
		}
		recs, err := f.store.Records(ctx, p)
		if err != nil || strings.Join(strs(recs), "|") != "record of m3|record of m4" {
			t.Fatalf("%s: records %q, %v", p, strs(recs), err)
		}
		if s := mustLoad(t, f.store, p); s.Version != 5 || string(s.Data) != p+" state 5" {
			t.Fatalf("%s: loaded %d %q", p, s.Version, s.Data)
		}
	}
}

// failLLen is a go-redis hook that fails every LLEN, as a node that is
// down or still loading its AOF does.
type failLLen struct{}

func (failLLen) DialHook(next redis.DialHook) redis.DialHook { return next }
func (failLLen) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		if cmd.Name() == "llen" {
			cmd.SetErr(errors.New("LOADING Redis is loading the dataset in memory"))
			return cmd.Err()
		}
		return next(ctx, cmd)
	}
}
func (failLLen) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		for _, cmd := range cmds {
			if cmd.Name() == "llen" {
				for _, c := range cmds {
					c.SetErr(errors.New("LOADING Redis is loading the dataset in memory"))
				}
				return cmds[0].Err()
			}
		}
		return next(ctx, cmds)
	}
}

// A pending mark is cleared only once the outbox is seen empty after the
// removal: when the check fails (the outbox's node down or loading), the
// mark goes back, so that jobs a commit pushed meanwhile are not left
// unmarked, never redelivered.
func TestPendingMarkKeptWhenTheOutboxCannotBeRead(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	mustCommit(t, f.store, "tg:1", Commit{Data: []byte("s"), Outbox: [][]byte{[]byte("j")}})
	if err := f.store.Ack(ctx, "tg:1", 1); err != nil {
		t.Fatal(err)
	}
	k := f.store.keys("tg:1")
	f.client.AddHook(failLLen{})
	if _, err := f.store.Outbox(ctx, "tg:1"); err == nil {
		t.Fatal("Outbox gave no error although its check failed")
	}
	if ok, err := f.client.SIsMember(ctx, f.store.pendingShard(k.pseudonym), k.pseudonym).Result(); err != nil || !ok {
		t.Fatalf("the pending mark is gone after a failed check (%v)", err)
	}
	// A mark whose patient seems gone (no sealed id yet), as Pending
	// clears it: kept as well.
	f.client.Del(ctx, k.name)
	if _, err := f.store.Pending(ctx); err == nil {
		t.Fatal("Pending gave no error although its check failed")
	}
	if ok, err := f.client.SIsMember(ctx, f.store.pendingShard(k.pseudonym), k.pseudonym).Result(); err != nil || !ok {
		t.Fatalf("Pending removed the mark after a failed check (%v)", err)
	}
}

// countSAdd is a go-redis hook that counts the SADD commands sent in
// transactions.
type countSAdd struct{ n *atomic.Int32 }

func (countSAdd) DialHook(next redis.DialHook) redis.DialHook          { return next }
func (countSAdd) ProcessHook(next redis.ProcessHook) redis.ProcessHook { return next }
func (c countSAdd) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		tx := false
		for _, cmd := range cmds {
			tx = tx || cmd.Name() == "multi"
			if tx && cmd.Name() == "sadd" {
				c.n.Add(1)
			}
		}
		return next(ctx, cmds)
	}
}

// A watched group commit marks its patients with jobs pending with one
// SADD per pending shard, and every one of them is marked.
func TestWatchedMarksOnePerShard(t *testing.T) {
	t.Parallel()
	f := watchedFixture(t)
	ctx := context.Background()
	var patients []string
	shards := map[string]bool{}
	for i := range 48 {
		p := fmt.Sprint("tg:", i)
		mustCommit(t, f.store, p, Commit{InboundID: p, Data: []byte("1")})
		patients = append(patients, p)
		shards[f.store.pendingShard(f.store.keys(p).pseudonym)] = true
	}
	var sadds atomic.Int32
	f.client.AddHook(countSAdd{&sadds})
	var calls []func() (Outcome, error)
	for _, p := range patients {
		calls = append(calls, func() (Outcome, error) {
			return f.store.Commit(ctx, p, Commit{InboundID: p + ":1", Expect: 1, Data: []byte("2"), Outbox: [][]byte{[]byte("job")}})
		})
	}
	outs, errs := held(t, f.store, calls)
	for i := range calls {
		if errs[i] != nil || !outs[i].Applied {
			t.Fatalf("%s: %+v, %v", patients[i], outs[i], errs[i])
		}
	}
	if n := sadds.Load(); n != int32(len(shards)) {
		t.Errorf("%d SADD commands for %d pending shards", n, len(shards))
	}
	pending, err := f.store.Pending(ctx)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(patients)
	if !slices.Equal(pending, patients) {
		t.Errorf("pending %q, want %q", pending, patients)
	}
}

// A busy flusher sends a group's transaction in the same pipeline as the
// next group's acks and reads: a commit queued while the group before is
// being decided reads that group's writes (it is applied on the version
// they made), and an ack queued then is applied. A commit whose
// transaction lost to another replica is read and decided again with the
// next group; when that group has a commit of the same patient, it goes
// through the script after the group's transaction, and is told of the
// conflict.
func TestWatchedGroupsShareAPipeline(t *testing.T) {
	t.Parallel()
	f := watchedFixture(t)
	other := New(f.client, f.prefix, f.sealer) // another replica
	ctx := context.Background()
	for _, p := range []string{"tg:1", "tg:2"} {
		mustCommit(t, f.store, p, Commit{InboundID: p, Data: []byte("v1")})
	}
	mustCommit(t, f.store, "tg:3", Commit{InboundID: "tg:3", Data: []byte("v1"), Outbox: [][]byte{[]byte("job 1"), []byte("job 2")}})
	type result struct {
		out Outcome
		err error
	}
	results := map[string]chan result{"second": make(chan result, 1), "third": make(chan result, 1), "fourth": make(chan result, 1)}
	commit := func(p, id string, expect int64) {
		go func() {
			out, err := f.store.Commit(ctx, p, Commit{InboundID: id, Expect: expect, Data: []byte(id)})
			results[id] <- result{out, err}
		}()
	}
	queued := func(want int) { // waits until want writes are queued
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(time.Millisecond) {
			f.store.writes.Lock()
			n := len(f.store.writes.queue)
			f.store.writes.Unlock()
			if n == want {
				return
			}
			if time.Now().After(deadline) {
				t.Errorf("%d of %d writes queued", n, want)
				return
			}
		}
	}
	ack := make(chan error, 1)
	var reads atomic.Int32
	f.store.betweenWatch = func() {
		switch reads.Add(1) {
		case 1: // the first group read: queue the next one
			commit("tg:1", "second", 2)
			go func() { ack <- f.store.Ack(ctx, "tg:3", 1) }()
			queued(2)
		case 2: // the second group read: another replica changes tg:1
			if out, err := other.Commit(ctx, "tg:1", Commit{InboundID: "other", Expect: 2, Data: []byte("other")}); err != nil || !out.Applied {
				t.Errorf("the other replica's commit: %+v, %v", out, err)
			}
			commit("tg:2", "third", 1)
			commit("tg:1", "fourth", 3)
			queued(2)
		}
	}
	outs, errs := held(t, f.store, []func() (Outcome, error){
		func() (Outcome, error) {
			return f.store.Commit(ctx, "tg:1", Commit{InboundID: "first", Expect: 1, Data: []byte("first")})
		},
	})
	if errs[0] != nil || !outs[0].Applied || outs[0].Version != 2 {
		t.Errorf("the first commit: %+v, %v", outs[0], errs[0])
	}
	if err := <-ack; err != nil {
		t.Errorf("the ack of the next group: %v", err)
	}
	if r := <-results["second"]; r.err != nil || !r.out.Conflict || r.out.Version != 4 || string(r.out.Current.Data) != "fourth" {
		t.Errorf("the commit that lost to the other replica: %+v, %v", r.out, r.err)
	}
	for id, version := range map[string]int64{"third": 2, "fourth": 4} {
		if r := <-results[id]; r.err != nil || !r.out.Applied || r.out.Version != version {
			t.Errorf("%s: %+v, %v", id, r.out, r.err)
		}
	}
	for p, want := range map[string]string{"tg:1": "fourth", "tg:2": "third"} {
		if s := mustLoad(t, f.store, p); string(s.Data) != want {
			t.Errorf("%s holds %q", p, s.Data)
		}
	}
	jobs, err := f.store.Outbox(ctx, "tg:3")
	if err != nil || len(jobs) != 1 || string(jobs[0]) != "job 2" {
		t.Errorf("tg:3's outbox after the ack: %q, %v", jobs, err)
	}
}

// countMGet records how many keys each MGET of the watched path reads.
type countMGet struct{ keys chan int }

func (countMGet) DialHook(next redis.DialHook) redis.DialHook          { return next }
func (countMGet) ProcessHook(next redis.ProcessHook) redis.ProcessHook { return next }
func (c countMGet) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		for _, cmd := range cmds {
			if cmd.Name() == "mget" {
				c.keys <- len(cmd.Args()) - 1
			}
		}
		return next(ctx, cmds)
	}
}

// The watched path reads a patient's window of applied ids only when the
// store does not remember the one it wrote last: after its own commit it
// reads the session alone, and still refuses an id it applied. When
// another replica wrote since, the session is not the one the store
// wrote, and the window is read again: an id the other replica applied is
// refused, and a new one applied once, on the other's version; from then
// on the patient is shared, and the window is read with the session in the
// pipelined MGET every time (no second read per group commit).
func TestWatchedReadsTheWindowOnlyWhenNeeded(t *testing.T) {
	t.Parallel()
	f := watchedFixture(t)
	other := New(f.client, f.prefix, f.sealer) // another replica
	ctx := context.Background()
	mustCommit(t, f.store, "tg:w", Commit{InboundID: "w:0", Data: []byte("0")}) // new: the script
	mget := countMGet{make(chan int, 100)}
	f.client.AddHook(mget)
	reads := func() (keys []int) {
		for {
			select {
			case n := <-mget.keys:
				keys = append(keys, n)
			default:
				return keys
			}
		}
	}
	step := func(s *Store, id string, expect int64, want Outcome, wantKeys []int) {
		t.Helper()
		out, err := s.Commit(ctx, "tg:w", Commit{InboundID: id, Expect: expect, Data: []byte(id)})
		if err != nil || out.Applied != want.Applied || out.Duplicate != want.Duplicate || out.Version != want.Version {
			t.Errorf("commit %s: %+v, %v; want %+v", id, out, err, want)
		}
		if got := reads(); wantKeys != nil && !slices.Equal(got, wantKeys) {
			t.Errorf("commit %s: MGET of %v keys, want %v", id, got, wantKeys)
		}
	}
	step(f.store, "w:1", 1, Outcome{Applied: true, Version: 2}, []int{2})      // the window read: the script wrote it
	step(f.store, "w:2", 2, Outcome{Applied: true, Version: 3}, []int{1})      // the session alone
	step(f.store, "w:1", 3, Outcome{Duplicate: true, Version: 3}, []int{1})    // refused from the window remembered
	step(other, "o:1", 3, Outcome{Applied: true, Version: 4}, nil)             // another replica
	step(f.store, "o:1", 4, Outcome{Duplicate: true, Version: 4}, []int{1, 2}) // not ours: read again with the window
	step(f.store, "w:3", 4, Outcome{Applied: true, Version: 5}, []int{2})      // shared with another replica now: the window is read every time
	step(f.store, "w:4", 5, Outcome{Applied: true, Version: 6}, []int{2})
	for _, id := range []string{"w:0", "w:1", "w:2", "o:1", "w:3", "w:4"} {
		step(f.store, id, 6, Outcome{Duplicate: true, Version: 6}, nil)
	}
	if s := mustLoad(t, f.store, "tg:w"); s.Version != 6 || string(s.Data) != "w:4" {
		t.Errorf("tg:w holds version %d, %q", s.Version, s.Data)
	}
}
