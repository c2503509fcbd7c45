package webhook

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/seal"
)

// fixture is a stream with a sink and a worker running against url.
type fixture struct {
	t      *testing.T
	c      redis.UniversalClient
	prefix string
	sink   *Sink
	sealer *seal.Sealer
	ctx    context.Context
}

func newFixture(t *testing.T) *fixture {
	c, prefix := redistest.New(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	sealer := seal.NewRandom()
	return &fixture{t: t, c: c, prefix: prefix, sink: NewSink(prefix, sealer), sealer: sealer, ctx: ctx}
}

func (f *fixture) add(id string) {
	f.t.Helper()
	stream, values := f.sink.Entry(id, []byte(fmt.Sprintf(`{"id":%q}`, id)))
	if err := f.c.XAdd(f.ctx, &redis.XAddArgs{Stream: stream, Values: values}).Err(); err != nil {
		f.t.Fatal(err)
	}
}

// run starts a worker; it stops when the test ends.
func (f *fixture) run(cfg Config) {
	f.t.Helper()
	if cfg.Secret == nil {
		cfg.Secret = []byte("s")
	}
	cfg.MinBackoff, cfg.MaxBackoff, cfg.Block, cfg.ClaimIdle = 5*time.Millisecond, 20*time.Millisecond, 30*time.Millisecond, time.Second
	w, err := NewWorker(f.c, f.prefix, f.sealer, cfg)
	if err != nil {
		f.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(f.ctx)
	done := make(chan struct{})
	go func() { defer close(done); w.Run(ctx) }()
	f.t.Cleanup(func() { cancel(); <-done })
}

func (f *fixture) waitFor(what string, cond func() bool) {
	f.t.Helper()
	for !cond() {
		if f.ctx.Err() != nil {
			f.t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// log is a receiver's record of the event ids it took, in order.
type log struct {
	mu  sync.Mutex
	ids []string
}

func (l *log) add(id string) { l.mu.Lock(); l.ids = append(l.ids, id); l.mu.Unlock() }
func (l *log) get() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.ids...)
}

func TestRedirectIsNotFollowed(t *testing.T) {
	f := newFixture(t)
	var target log
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		target.add(r.Header.Get(HeaderEventID))
	}))
	defer elsewhere.Close()
	var tried log
	redirecting := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tried.add(r.Header.Get(HeaderEventID))
		http.Redirect(w, r, elsewhere.URL+"/steal", http.StatusTemporaryRedirect)
	}))
	defer redirecting.Close()
	reg := prometheus.NewRegistry()
	m := NewMetrics(reg)
	f.add("r1/created")
	f.run(Config{URL: redirecting.URL, MaxAttempts: 3, Metrics: m})
	// The metric is counted once the dead letter is written: wait for both.
	f.waitFor("the dead letter", func() bool {
		n, _ := f.c.XLen(f.ctx, DeadStream(f.prefix)).Result()
		return n == 1 && counterValue(m.dead) >= 1
	})
	if got := target.get(); len(got) != 0 {
		t.Fatalf("the redirect target received %v", got)
	}
	if got := tried.get(); len(got) != 3 {
		t.Errorf("the configured receiver saw %d attempts, want 3 (a redirect is a failed attempt)", len(got))
	}
	if n := counterValue(m.dead); n != 1 {
		t.Errorf("dead letters metric = %v, want 1", n)
	}
	if n := counterValue(m.failed); n != 3 {
		t.Errorf("failed attempts metric = %v, want 3", n)
	}
	// The dead letter keeps the event, sealed, and why it failed.
	dl, _ := f.c.XRange(f.ctx, DeadStream(f.prefix), "-", "+").Result()
	if dl[0].Values["id"] != "r1/created" || dl[0].Values["last"] != "status 307" || dl[0].Values["attempts"] != "3" {
		t.Errorf("dead letter %v", dl[0].Values)
	}
	if body, err := f.sink.open("r1/created", dl[0].Values["d"].(string)); err != nil || !bytes.Contains(body, []byte("r1/created")) {
		t.Errorf("dead letter body: %q, %v", body, err)
	}
	if n, _ := f.c.XLen(f.ctx, Stream(f.prefix)).Result(); n != 0 {
		t.Errorf("%d entries left in the stream", n)
	}
}

// A referral whose receiver keeps failing holds up neither other referrals
// nor, once dead-lettered, its own later events; each referral's events
// arrive in order.
func TestFailingReferralDoesNotBlockOthers(t *testing.T) {
	f := newFixture(t)
	var got log
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get(HeaderEventID)
		if id == "A/created" {
			http.Error(w, "poison", http.StatusUnprocessableEntity)
			return
		}
		got.add(id)
	}))
	defer srv.Close()
	f.add("A/created")
	f.add("A/status/1")
	for i := range 5 {
		f.add(fmt.Sprintf("B/status/%d", i+1))
	}
	f.add("C/created")
	f.run(Config{URL: srv.URL, MaxAttempts: 6, Concurrency: 2})
	f.waitFor("every event", func() bool { return len(got.get()) == 7 })
	ids := got.get()
	pos := map[string]int{}
	for i, id := range ids {
		pos[id] = i
	}
	for i := 1; i < 5; i++ {
		if pos[fmt.Sprintf("B/status/%d", i)] > pos[fmt.Sprintf("B/status/%d", i+1)] {
			t.Errorf("B's events out of order: %v", ids)
		}
	}
	// B and C did not wait for A's poisoned event (6 attempts with backoff).
	if pos["A/status/1"] < pos["B/status/5"] || pos["A/status/1"] < pos["C/created"] {
		t.Errorf("other referrals waited for A: %v", ids)
	}
	dl, _ := f.c.XRange(f.ctx, DeadStream(f.prefix), "-", "+").Result()
	if len(dl) != 1 || dl[0].Values["id"] != "A/created" {
		t.Errorf("dead letters %v", dl)
	}
}

// While A's first event is retried, A's next one waits.
func TestReferralOrderKeptWhileRetrying(t *testing.T) {
	f := newFixture(t)
	var got log
	var mu sync.Mutex
	fails := 3
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get(HeaderEventID)
		mu.Lock()
		defer mu.Unlock()
		if id == "A/created" && fails > 0 {
			fails--
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		got.add(id)
	}))
	defer srv.Close()
	f.add("A/created")
	f.add("A/note/1")
	f.add("A/status/1")
	f.run(Config{URL: srv.URL})
	f.waitFor("every event", func() bool { return len(got.get()) == 3 })
	if ids := strings.Join(got.get(), " "); ids != "A/created A/note/1 A/status/1" {
		t.Errorf("order %s", ids)
	}
}

func TestConsumerGroupRecreated(t *testing.T) {
	f := newFixture(t)
	var got log
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got.add(r.Header.Get(HeaderEventID)) }))
	defer srv.Close()
	f.add("A/created")
	f.run(Config{URL: srv.URL})
	f.waitFor("the first event", func() bool { return len(got.get()) == 1 })
	// Redis loses the stream (a flush, a failover without persistence).
	if err := f.c.Del(f.ctx, Stream(f.prefix)).Err(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	f.add("B/created")
	f.waitFor("the event after the group was lost", func() bool { return len(got.get()) == 2 })
	// And once more with only the group destroyed.
	f.c.XGroupDestroy(f.ctx, Stream(f.prefix), "webhook")
	time.Sleep(100 * time.Millisecond)
	f.add("C/created")
	f.waitFor("the event after the group was destroyed", func() bool { return len(got.get()) == 3 })
}

// An event deleted from the stream while it waits for a retry (an erasure)
// is not sent again.
func TestDeletedEventNotRetried(t *testing.T) {
	f := newFixture(t)
	var tries log
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tries.add(r.Header.Get(HeaderEventID))
		http.Error(w, "busy", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	f.add("A/created")
	f.run(Config{URL: srv.URL, MaxAttempts: 1000})
	f.waitFor("a first attempt", func() bool { return len(tries.get()) >= 1 })
	ids, _ := f.c.XRange(f.ctx, Stream(f.prefix), "-", "+").Result()
	f.c.XDel(f.ctx, Stream(f.prefix), ids[0].ID)
	n := len(tries.get())
	// An attempt that claimed the entry just before the deletion may still
	// arrive (on a loaded machine, well after it): one, not the retries
	// that the backoff (at most 20 ms) would bring.
	time.Sleep(500 * time.Millisecond)
	if m := len(tries.get()); m > n+1 {
		t.Errorf("%d more attempts after the event was deleted", m-n)
	}
}

func TestReferralOf(t *testing.T) {
	for in, want := range map[string]string{
		"tg:m:1:2#0/created":  "tg:m:1:2#0",
		"tg:m:1:2#0/status/3": "tg:m:1:2#0",
		"x/note/12":           "x",
		"x/erased":            "x",
		"plain":               "plain",
	} {
		if got := ReferralOf(in); got != want {
			t.Errorf("ReferralOf(%q) = %q, want %q", in, got, want)
		}
	}
}

// The shell verifier in the README accepts a delivery and refuses it when
// the timestamp (or the body) was changed.
func TestReadmeShellVerifier(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skip("no openssl")
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)<!-- verifier:sh -->\\s*```sh\\n(.*?)```").FindSubmatch(readme)
	if m == nil {
		t.Fatal("README: no ```sh block after <!-- verifier:sh -->")
	}
	script := string(m[1])
	secret := "whsec-test"
	body := []byte(`{"id":"A/created","type":"referral.created"}`)
	now := time.Now().Unix()
	ts := strconv.FormatInt(now, 10)
	sig := Sign([]byte(secret), ts, body)
	run := func(ts string, body []byte) string {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "body.json"), body, 0o600)
		cmd := exec.Command("bash", "-c", script)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "KAPBOT_WEBHOOK_SECRET="+secret, "TS="+ts, "SIG="+sig)
		out, _ := cmd.CombinedOutput()
		return strings.TrimSpace(string(out))
	}
	if out := run(ts, body); out != "valid" {
		t.Fatalf("the genuine delivery: %q", out)
	}
	if out := run(strconv.FormatInt(now+1, 10), body); out != "INVALID" {
		t.Errorf("a changed timestamp: %q, want INVALID", out)
	}
	if out := run(ts, bytes.Replace(body, []byte("created"), []byte("erased"), 1)); out != "INVALID" {
		t.Errorf("a changed body: %q, want INVALID", out)
	}
	// An old delivery replayed as it was.
	old := strconv.FormatInt(now-3600, 10)
	sig = Sign([]byte(secret), old, body)
	if out := run(old, body); out != "INVALID" {
		t.Errorf("an hour-old delivery: %q, want INVALID", out)
	}
}

func counterValue(c prometheus.Counter) float64 {
	var m dto.Metric
	c.Write(&m)
	return m.GetCounter().GetValue()
}

// Dead letters go back to the events stream, in order, and are delivered
// once the receiver takes them.
func TestRequeueDeliversDeadLetters(t *testing.T) {
	f := newFixture(t)
	var refuse atomic.Bool
	refuse.Store(true)
	var got log
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if refuse.Load() {
			http.Error(w, "broken", http.StatusBadRequest)
			return
		}
		got.add(r.Header.Get(HeaderEventID))
	}))
	defer srv.Close()
	f.add("A/created")
	f.add("A/note/1")
	f.run(Config{URL: srv.URL, MaxAttempts: 2})
	f.waitFor("two dead letters", func() bool { n, _ := f.c.XLen(f.ctx, DeadStream(f.prefix)).Result(); return n == 2 })
	refuse.Store(false)
	n, err := Requeue(f.ctx, f.c, f.prefix)
	if err != nil || n != 2 {
		t.Fatalf("requeue: %d %v", n, err)
	}
	f.waitFor("both delivered", func() bool { return len(got.get()) == 2 })
	if ids := strings.Join(got.get(), " "); ids != "A/created A/note/1" {
		t.Errorf("order %s", ids)
	}
	if n, _ := f.c.XLen(f.ctx, DeadStream(f.prefix)).Result(); n != 0 {
		t.Errorf("%d dead letters left", n)
	}
}
