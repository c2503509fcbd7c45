package keys_test

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/audit"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/keys"
	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/seal"
	"github.com/kapbot/kapbot/internal/store"
	"github.com/kapbot/kapbot/internal/webhook"
)

func TestMain(m *testing.M) { redistest.Main(m) }

const clinic = `kapbot: 1
name: Test Clinic
default_locale: en
locales: [en]
default_flow: count
retention: 30d
crisis:
  en: {text: "CRISIS call 112"}
`

const countFlow = `kapbot: 1
flow: count
steps:
  - id: hello
    say: Let us count.
  - id: n
    ask:
      type: text
      text: Next number?
  - id: more
    branch:
      - if: n == "stop"
        goto: done
    else: n
  - id: done
    end: Bye.
`

func randomKey() []byte {
	k := make([]byte, seal.KeySize)
	rand.Read(k)
	return k
}

func mustSealer(t testing.TB, key []byte, previous ...[]byte) *seal.Sealer {
	t.Helper()
	s, err := seal.New(key, previous...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// service is what serve runs against Redis with one sealer.
type service struct {
	store  *store.Store
	refs   *referral.Store
	audit  *audit.Log
	runner *runner.Runner
	sent   atomic.Int64
}

type counter struct{ n *atomic.Int64 }

func (c counter) Send(context.Context, string, engine.Message) error { c.n.Add(1); return nil }

type referrer struct{ s *referral.Store }

func (r referrer) Refer(ctx context.Context, rr runner.Referral) error {
	_, err := r.s.Create(ctx, referral.Assemble(rr, nil, nil), time.Time{})
	return err
}

func newService(t testing.TB, c redis.UniversalClient, prefix string, s *seal.Sealer) *service {
	t.Helper()
	sv := &service{store: store.New(c, prefix, s)}
	sv.refs = referral.NewStore(c, prefix, s, referral.WithEvents(webhook.NewSink(prefix, s)))
	sv.audit = audit.New(c, prefix, s)
	lib := runner.NewLibrary(sv.store, runner.WithScreenerFor(runner.SafetyScreener), runner.WithRefresh(0))
	sv.runner = runner.New(sv.store, lib, runner.WithReferrer(referrer{sv.refs}))
	sv.runner.Register("tg", counter{&sv.sent})
	return sv
}

func (sv *service) say(t testing.TB, id, patient, text string) error {
	return sv.runner.Handle(context.Background(), runner.Inbound{ID: id, Patient: patient, Input: engine.Input{Text: text}})
}

// values returns every sealed-looking value stored under prefix, with its key.
func values(t testing.TB, c redis.UniversalClient, prefix string) map[string][][]byte {
	t.Helper()
	ctx := context.Background()
	out := map[string][][]byte{}
	ks, err := redistest.Keys(ctx, c, prefix+":*")
	if err != nil {
		t.Fatal(err)
	}
	add := func(k, v string) {
		// A session value: "<version>|<blob>".
		if h, b, ok := strings.Cut(v, "|"); ok && h != "" && strings.Trim(h, "0123456789") == "" {
			v = b
		}
		if len(v) > 0 && (v[0] == 1 || v[0] == 2) {
			out[k] = append(out[k], []byte(v))
		}
	}
	for _, k := range ks {
		switch c.Type(ctx, k).Val() {
		case "string":
			add(k, c.Get(ctx, k).Val())
		case "list":
			for _, v := range c.LRange(ctx, k, 0, -1).Val() {
				add(k, v)
			}
		case "hash":
			for _, v := range c.HGetAll(ctx, k).Val() {
				add(k, v)
			}
		case "stream":
			for _, m := range c.XRange(ctx, k, "-", "+").Val() {
				for _, v := range m.Values {
					add(k, v.(string))
				}
			}
		}
	}
	return out
}

// After a rotation nothing in Redis is sealed with the old key, and the
// service answered every patient while it ran.
func TestRotateWhileServing(t *testing.T) {
	skipOnMiniredis(t)
	c, prefix := redistest.New(t)
	ctx := context.Background()
	oldKey, newKey := randomKey(), randomKey()
	before := newService(t, c, prefix, mustSealer(t, oldKey))
	b, probs := flow.Compile(map[string][]byte{"clinic.yaml": []byte(clinic), "count.yaml": []byte(countFlow)})
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	if err := before.store.Publish(ctx, b.Version, b.Sources); err != nil {
		t.Fatal(err)
	}
	const patients = 30
	for p := range patients {
		pt := fmt.Sprint("tg:", 1000+p)
		for i, text := range []string{"hi", "1", "2"} {
			if err := before.say(t, fmt.Sprint(pt, "/a", i), pt, text); err != nil {
				t.Fatal(err)
			}
		}
		if p%5 == 0 {
			if err := before.say(t, pt+"/crisis", pt, "i want to kill myself"); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i := range 10 {
		if err := before.audit.Record(ctx, audit.Entry{Actor: "tester", Action: "export", Target: fmt.Sprint("patient ", i)}); err != nil {
			t.Fatal(err)
		}
	}
	// A webhook consumer with events delivered but not acknowledged.
	stream := webhook.Stream(prefix)
	if err := c.XGroupCreate(ctx, stream, "hooks", "0").Err(); err != nil {
		t.Fatal(err)
	}
	if err := c.XReadGroup(ctx, &redis.XReadGroupArgs{Group: "hooks", Consumer: "w", Streams: []string{stream, ">"}, Count: 2}).Err(); err != nil {
		t.Fatal(err)
	}
	// An outbox job left undelivered, sealed with the old key.
	pending := "tg:999"
	if _, err := before.store.Commit(ctx, pending, store.Commit{Data: []byte{0, '{', '}'}, Outbox: [][]byte{[]byte(`{"send":{"text":"x"}}`)}}); err != nil {
		t.Fatal(err)
	}
	oldID := string(seal.KeyID(oldKey))
	if n := countUnder(values(t, c, prefix), oldID); n < 50 {
		t.Fatalf("only %d values sealed with the old key before rotation", n)
	}

	// The service restarts with the new key and the old one as previous,
	// and keeps answering while the rotation runs.
	cur := mustSealer(t, newKey, oldKey)
	after := newService(t, c, prefix, cur)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var failures atomic.Int64
	var handled atomic.Int64
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				pt := fmt.Sprint("tg:", 1000+(w*7+i)%patients)
				if err := after.say(t, fmt.Sprint(pt, "/b", w, "/", i), pt, fmt.Sprint(i)); err != nil {
					failures.Add(1)
					t.Errorf("patient not answered during rotation: %v", err)
				}
				handled.Add(1)
			}
		}()
	}
	sentBefore := after.sent.Load()
	passes := 0
	during := false // a message handled and answered while the rotation ran
	rep, err := keys.Rotate(ctx, c, prefix, cur, func(pass int, _ keys.Report) {
		passes = max(passes, pass)
		// However fast the rotation, the service answers in its middle.
		for end := time.Now().Add(30 * time.Second); !during && time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
			during = handled.Load() > 0 && after.sent.Load() > sentBefore
		}
	})
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("Rotate: %v", err)
	}
	if !during || handled.Load() == 0 || after.sent.Load() <= sentBefore {
		t.Fatalf("the service handled %d messages and sent %d replies during the rotation", handled.Load(), after.sent.Load()-sentBefore)
	}
	if rep.Unknown != 0 || rep.Damaged != 0 {
		t.Fatalf("report %+v", rep)
	}
	t.Logf("%d passes, last %+v; %d messages handled during rotation", passes, rep, handled.Load())

	// The dump: no value is sealed with the old key, and every value opens
	// without it.
	all := values(t, c, prefix)
	if n := countUnder(all, oldID); n != 0 {
		t.Fatalf("%d values still sealed with the old key", n)
	}
	onlyNew := mustSealer(t, newKey)
	opened := 0
	for k, vs := range all {
		for _, v := range vs {
			if onlyNew.Stale(v) {
				t.Errorf("%s: a value not sealed with the new key: % x (old id % x, new % x)", k, v[:8], seal.KeyID(oldKey), seal.KeyID(newKey))
			}
			opened++
		}
	}
	if opened < 50 {
		t.Fatalf("only %d sealed values after rotation", opened)
	}
	// Everything still reads with the new key alone.
	svc := newService(t, c, prefix, onlyNew)
	if _, err := svc.store.Load(ctx, "tg:1000"); err != nil {
		t.Fatalf("session after rotation: %v", err)
	}
	if _, err := svc.store.Outbox(ctx, pending); err != nil {
		t.Fatalf("outbox after rotation: %v", err)
	}
	if _, err := svc.store.Records(ctx, "tg:1000"); err != nil {
		t.Fatalf("history after rotation: %v", err)
	}
	open, err := svc.refs.Open(ctx)
	if err != nil || len(open) == 0 {
		t.Fatalf("referrals after rotation: %d, %v", len(open), err)
	}
	entries, err := svc.audit.List(ctx, time.Time{})
	if err != nil || len(entries) != 10 {
		t.Fatalf("audit after rotation: %d entries, %v", len(entries), err)
	}
	for _, e := range entries {
		if e.Action != "export" {
			t.Fatalf("audit entry unreadable after rotation: %+v", e)
		}
	}
	// The consumer group survived, and the unacknowledged events are
	// delivered again.
	groups, err := c.XInfoGroups(ctx, stream).Result()
	if err != nil || len(groups) != 1 || groups[0].Name != "hooks" {
		t.Fatalf("groups after rotation: %+v, %v", groups, err)
	}
	res, err := c.XReadGroup(ctx, &redis.XReadGroupArgs{Group: "hooks", Consumer: "w", Streams: []string{stream, ">"}, Count: 1}).Result()
	if err != nil || len(res[0].Messages) == 0 {
		t.Fatalf("no event to deliver after rotation: %v", err)
	}
	first, _ := c.XRangeN(ctx, stream, "-", "+", 1).Result()
	if res[0].Messages[0].ID != first[0].ID {
		t.Fatalf("first event after rotation %s, want the unacknowledged %s", res[0].Messages[0].ID, first[0].ID)
	}
	if n, _ := c.Exists(ctx, prefix+":keys:rotate").Result(); n != 0 {
		t.Error("the rotation cursor was left behind")
	}
}

func countUnder(all map[string][][]byte, id string) int {
	n := 0
	for _, vs := range all {
		for _, v := range vs {
			if len(v) > 5 && v[0] == 2 && string(v[1:5]) == id {
				n++
			}
		}
	}
	return n
}

// A rotation cut short resumes from its cursor.
func TestRotateResumes(t *testing.T) {
	if redistest.Kind() == redistest.KindCluster {
		t.Skip("on a cluster an interrupted pass starts again: there is no one cursor to resume")
	}
	skipOnMiniredis(t)
	c, prefix := redistest.New(t)
	ctx := context.Background()
	oldKey, newKey := randomKey(), randomKey()
	old := store.New(c, prefix, mustSealer(t, oldKey))
	for p := range 300 {
		if _, err := old.Commit(ctx, fmt.Sprint("tg:", p), store.Commit{Data: []byte("state")}); err != nil {
			t.Fatal(err)
		}
	}
	cur := mustSealer(t, newKey, oldKey)
	cctx, cancel := context.WithCancel(ctx)
	batches := 0
	_, err := keys.Rotate(cctx, c, prefix, cur, func(int, keys.Report) {
		if batches++; batches == 2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Rotate cut short: %v", err)
	}
	if n, _ := c.HGet(ctx, prefix+":keys:rotate", "cursor").Uint64(); n == 0 {
		t.Fatal("no cursor saved")
	}
	firstTouched := 300 - countUnder(values(t, c, prefix), string(seal.KeyID(oldKey)))
	rep, err := keys.Rotate(ctx, c, prefix, cur, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := countUnder(values(t, c, prefix), string(seal.KeyID(oldKey))); n != 0 {
		t.Fatalf("%d values left with the old key", n)
	}
	if firstTouched == 0 {
		t.Fatal("the first run re-sealed nothing")
	}
	_ = rep
}

func TestCheck(t *testing.T) {
	c, prefix := redistest.New(t)
	ctx := context.Background()
	oldKey := randomKey()
	old := store.New(c, prefix, mustSealer(t, oldKey))
	for p := range 20 {
		if _, err := old.Commit(ctx, fmt.Sprint("tg:", p), store.Commit{Data: []byte("state"), Records: [][]byte{[]byte("r")}}); err != nil {
			t.Fatal(err)
		}
	}
	if rep, err := keys.Check(ctx, c, prefix, mustSealer(t, oldKey), 50); err != nil || rep.Current == 0 || rep.Unknown != 0 {
		t.Fatalf("Check with the right key: %+v, %v", rep, err)
	}
	_, err := keys.Check(ctx, c, prefix, mustSealer(t, randomKey()), 50)
	if !errors.Is(err, keys.ErrUnknownKey) {
		t.Fatalf("Check with another key: %v, want ErrUnknownKey", err)
	}
	for _, want := range []string{"KAPBOT_DATA_KEY", "KAPBOT_DATA_KEY_PREVIOUS"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
	rep, err := keys.Check(ctx, c, prefix, mustSealer(t, randomKey(), oldKey), 50)
	if err != nil || rep.Previous == 0 {
		t.Fatalf("Check with the old key as previous: %+v, %v", rep, err)
	}
	// max 0 (kapbot keys check) counts every value, not five of each list.
	for p := range 3 {
		recs := make([][]byte, 12)
		for i := range recs {
			recs[i] = []byte(fmt.Sprint("record ", i))
		}
		if _, err := old.Commit(ctx, fmt.Sprint("dc:", p), store.Commit{Data: []byte("state"), Records: recs}); err != nil {
			t.Fatal(err)
		}
	}
	all := countUnder(values(t, c, prefix), string(seal.KeyID(oldKey)))
	rep, err = keys.Check(ctx, c, prefix, mustSealer(t, randomKey(), oldKey), 0)
	if err != nil || rep.Previous != all || rep.Sealed != all {
		t.Fatalf("Check of everything: %+v, %v; want %d values with the previous key", rep, err, all)
	}
	// An empty Redis is fine with any key.
	c2, prefix2 := redistest.New(t)
	if _, err := keys.Check(ctx, c2, prefix2, mustSealer(t, randomKey()), 50); err != nil {
		t.Fatalf("Check of an empty Redis: %v", err)
	}
}

type redisClient = redis.UniversalClient

func redisZ(score float64, member string) redis.Z { return redis.Z{Score: score, Member: member} }

// skipOnMiniredis skips a test that rotates streams on the embedded
// fallback: miniredis has no XINFO or XSETID, which the rotation's stream
// script needs (a real redis-server has them since 5.0; CI runs these tests
// there, as KAPBOT_REQUIRE_REDIS forbids the fallback).
func skipOnMiniredis(t *testing.T) {
	t.Helper()
	if redistest.Kind() == redistest.KindMiniredis {
		t.Skip("miniredis has no XINFO or XSETID, which rotating a stream needs; run with redis-server")
	}
}
