package runner_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/pseudo"
	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/seal"
	"github.com/kapbot/kapbot/internal/store"
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

// count asks for numbers forever, adding them up; "stop" ends it.
const countFlow = `kapbot: 1
flow: count
steps:
  - id: hello
    say: Let us count.
  - id: n
    ask:
      type: text
      text: Next number?
  - id: add
    set:
      total: 'total + (n matches "^[0-9]+$" ? float(n) : 0)'
  - id: more
    branch:
      - if: n == "stop"
        goto: done
    else: n
  - id: done
    end: Bye.
vars:
  total: number
`

func sources(extra string) map[string][]byte {
	return map[string][]byte{"clinic.yaml": []byte(clinic), "count.yaml": []byte(countFlow + extra)}
}

// recorder is a channel that records what it is asked to send.
type recorder struct {
	mu    sync.Mutex
	sent  map[string][]string
	fail  atomic.Int32 // fail this many sends with a transient error
	block atomic.Bool
}

func newRecorder() *recorder { return &recorder{sent: map[string][]string{}} }

func (r *recorder) Send(_ context.Context, patient string, m engine.Message) error {
	if r.block.Load() {
		return runner.ErrBlocked
	}
	if r.fail.Load() > 0 {
		r.fail.Add(-1)
		return errors.New("platform down")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent[patient] = append(r.sent[patient], m.Text)
	return nil
}

func (r *recorder) texts(patient string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.sent[patient]...)
}

type env struct {
	client redis.UniversalClient
	store  *store.Store
	rec    *recorder
	prefix string
	sealer *seal.Sealer
}

func setup(t testing.TB, srcs map[string][]byte) *env {
	t.Helper()
	client, prefix := redistest.New(t)
	s := seal.NewRandom()
	st := store.New(client, prefix, s)
	b, probs := flow.Compile(srcs)
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	if err := st.Publish(context.Background(), b.Version, b.Sources); err != nil {
		t.Fatal(err)
	}
	return &env{client: client, store: st, rec: newRecorder(), prefix: prefix, sealer: s}
}

func (e *env) runner(opts ...runner.Option) *runner.Runner {
	r := runner.New(e.store, runner.NewLibrary(e.store, runner.WithScreenerFor(runner.SafetyScreener), runner.WithRefresh(0)), opts...)
	r.Register("t", e.rec)
	return r
}

func (e *env) state(t testing.TB, patient string) engine.State {
	t.Helper()
	sess, err := e.store.Load(context.Background(), patient)
	if err != nil {
		t.Fatal(err)
	}
	st, err := runner.DecodeState(sess.Data)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func text(id, patient, s string) runner.Inbound {
	return runner.Inbound{ID: id, Patient: patient, Input: engine.Input{Text: s}}
}

func TestConversationIsStoredAndDelivered(t *testing.T) {
	e := setup(t, sources(""))
	r := e.runner()
	ctx := context.Background()
	for i, s := range []string{"hi", "2", "3", "stop"} {
		if err := r.Handle(ctx, text(fmt.Sprint(i), "t:1", s)); err != nil {
			t.Fatal(err)
		}
	}
	got := strings.Join(e.rec.texts("t:1"), "|")
	want := "Let us count.|Next number?|Next number?|Next number?|Bye."
	if got != want {
		t.Fatalf("sent %q, want %q", got, want)
	}
	st := e.state(t, "t:1")
	if st.Status != engine.Ended || st.Vars["count"]["total"] != 5.0 {
		t.Fatalf("state = %+v", st)
	}
	if out, _ := e.store.Outbox(ctx, "t:1"); len(out) != 0 {
		t.Fatalf("outbox not drained: %d jobs", len(out))
	}
}

func TestRedeliveredMessageIsAppliedOnce(t *testing.T) {
	e := setup(t, sources(""))
	r := e.runner()
	ctx := context.Background()
	r.Handle(ctx, text("a", "t:1", "hi"))
	for i := 0; i < 3; i++ {
		if err := r.Handle(ctx, text("b", "t:1", "7")); err != nil {
			t.Fatal(err)
		}
	}
	// A second process that never saw the first delivery.
	if err := e.runner().Handle(ctx, text("b", "t:1", "7")); err != nil {
		t.Fatal(err)
	}
	if st := e.state(t, "t:1"); st.Vars["count"]["total"] != 7.0 {
		t.Fatalf("total = %v, want 7 (applied once)", st.Vars["count"]["total"])
	}
	if n := len(e.rec.texts("t:1")); n != 3 {
		t.Fatalf("%d messages sent, want 3 (no reply to duplicates)", n)
	}
}

// Two replicas take turns with one patient's messages, each with a stale
// cache of the session: every answer is applied exactly once.
func TestReplicasNeverLoseOrDoubleAnAnswer(t *testing.T) {
	e := setup(t, sources(""))
	a, b := e.runner(), e.runner()
	ctx := context.Background()
	a.Handle(ctx, text("start", "t:1", "hi"))
	want := 0.0
	for i := 1; i <= 40; i++ {
		r := a
		if i%3 == 0 || i%5 == 0 {
			r = b
		}
		if err := r.Handle(ctx, text(fmt.Sprint("m", i), "t:1", fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
		want += float64(i)
	}
	if got := e.state(t, "t:1").Vars["count"]["total"]; got != want {
		t.Fatalf("total = %v, want %v", got, want)
	}
}

// Many goroutines in two replicas deliver distinct messages of one patient
// at once: the order may vary, but none is lost or doubled.
func TestConcurrentDeliveriesApplyEachOnce(t *testing.T) {
	e := setup(t, sources(""))
	rs := []*runner.Runner{e.runner(), e.runner()}
	ctx := context.Background()
	rs[0].Handle(ctx, text("start", "t:1", "hi"))
	var wg sync.WaitGroup
	want := 0.0
	for i := 1; i <= 30; i++ {
		want += float64(i)
		for copy := 0; copy < 2; copy++ { // each message delivered twice
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := rs[(i+copy)%2].Handle(ctx, text(fmt.Sprint("m", i), "t:1", fmt.Sprint(i))); err != nil {
					t.Error(err)
				}
			}()
		}
	}
	wg.Wait()
	if got := e.state(t, "t:1").Vars["count"]["total"]; got != want {
		t.Fatalf("total = %v, want %v", got, want)
	}
}

func TestFailedDeliveryStaysInOutboxUntilRedelivered(t *testing.T) {
	e := setup(t, sources(""))
	r := e.runner()
	ctx := context.Background()
	e.rec.fail.Store(1)
	if err := r.Handle(ctx, text("a", "t:1", "hi")); err != nil {
		t.Fatalf("a delivery failure must not fail the commit: %v", err)
	}
	if got := e.rec.texts("t:1"); len(got) != 0 {
		t.Fatalf("sent %q while the platform was down", got)
	}
	if err := r.Redeliver(ctx); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(e.rec.texts("t:1"), "|"); got != "Let us count.|Next number?" {
		t.Fatalf("after redelivery sent %q", got)
	}
	if out, _ := e.store.Outbox(ctx, "t:1"); len(out) != 0 {
		t.Fatalf("%d jobs left after redelivery", len(out))
	}
	if p, _ := e.store.Pending(ctx); len(p) != 0 {
		t.Fatalf("still pending once the empty outbox was seen: %v", p)
	}
}

// The jobs and history records of the steps of two patients, encoded in
// buffers that later steps reuse, are stored as each step made them.
func TestEachStepStoresItsOwnJobsAndRecords(t *testing.T) {
	e := setup(t, sources(""))
	r := e.runner()
	ctx := context.Background()
	e.rec.fail.Store(1 << 20) // every job stays in the outbox
	answers := []string{"7", "stop"}
	for _, p := range []string{"t:1", "t:2"} {
		for i, s := range append([]string{"hi"}, answers...) {
			if err := r.Handle(ctx, text(fmt.Sprint(p, i), p, s+p)); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, p := range []string{"t:1", "t:2"} {
		raw, err := e.store.Outbox(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, j := range raw {
			var job struct{ Send engine.Message }
			if err := json.Unmarshal(j, &job); err != nil {
				t.Fatalf("outbox job %q: %v", j, err)
			}
			texts = append(texts, job.Send.Text)
		}
		// "stopt:1" is text, not a number: the flow asks again.
		if got, want := strings.Join(texts, "|"), "Let us count.|Next number?|Next number?|Next number?"; got != want {
			t.Errorf("%s: outbox %q, want %q", p, got, want)
		}
		recs, err := e.store.Records(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		var values []any
		for _, data := range recs {
			rec, err := runner.DecodeRecord(data)
			if err != nil {
				t.Fatalf("record %q: %v", data, err)
			}
			if rec.Kind == "answer" {
				values = append(values, rec.Answer.Value)
			}
		}
		if want := []any{answers[0] + p, answers[1] + p}; fmt.Sprint(values) != fmt.Sprint(want) {
			t.Errorf("%s: answers recorded %v, want %v", p, values, want)
		}
	}
}

func TestBlockedPatientSessionStops(t *testing.T) {
	e := setup(t, sources(""))
	r := e.runner()
	ctx := context.Background()
	r.Handle(ctx, text("a", "t:1", "hi"))
	e.rec.block.Store(true)
	if err := r.Handle(ctx, text("b", "t:1", "1")); err != nil {
		t.Fatal(err)
	}
	if st := e.state(t, "t:1"); st.Status != engine.Stopped {
		t.Fatalf("status = %q, want stopped", st.Status)
	}
	if out, _ := e.store.Outbox(ctx, "t:1"); len(out) != 0 {
		t.Fatalf("%d undeliverable jobs left", len(out))
	}
}

// A blocked patient's deliveries stop the session under the delivery lock
// only, while the patient's own events go on under the patient's lock: the
// stop must not touch the cached state those events step in place (the
// race detector saw both change one state's maps before applyStored).
func TestBlockedStopBesideThePatientsEvents(t *testing.T) {
	e := setup(t, sources(""))
	r := e.runner()
	ctx := context.Background()
	if err := r.Handle(ctx, text("a", "t:1", "hi")); err != nil {
		t.Fatal(err)
	}
	e.rec.block.Store(true)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 100 {
			r.Redeliver(ctx)
		}
	}()
	for i := range 100 {
		if err := r.Submit(ctx, text(fmt.Sprint("m", i), "t:1", fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
	}
	<-done
	// A stop that met the events' commits too often is postponed, its
	// job left in the outbox ("session kept changing"), as a delivery
	// is, and a later Redeliver performs it: with the events done, the
	// session must end up stopped.
	st := e.state(t, "t:1")
	for try := 0; st.Status != engine.Stopped && try < 100; try++ {
		time.Sleep(20 * time.Millisecond) // the patient's worker may still be delivering
		if err := r.Redeliver(ctx); err != nil {
			t.Fatal(err)
		}
		st = e.state(t, "t:1")
	}
	if st.Status != engine.Stopped {
		t.Fatalf("status = %q, want stopped", st.Status)
	}
}

func TestForgetErasesEverything(t *testing.T) {
	e := setup(t, sources(""))
	r := e.runner()
	ctx := context.Background()
	for i, in := range []engine.Input{{Text: "hi"}, {Text: "12"}, {Command: &engine.Command{Name: engine.CmdForget}}, {Text: "yes"}} {
		if err := r.Handle(ctx, runner.Inbound{ID: fmt.Sprint(i), Patient: "t:1", Input: in}); err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			if keys, _ := redistest.Keys(ctx, e.client, e.prefix+":u:{"+pseudo.Default().Name("t:1")+"}*"); len(keys) < 2 {
				t.Fatalf("before /forget the patient has keys %v", keys)
			}
		}
	}
	if texts := e.rec.texts("t:1"); !strings.Contains(texts[len(texts)-1], "erased") {
		t.Fatalf("last message %q", texts[len(texts)-1])
	}
	keys, err := redistest.Keys(ctx, e.client, e.prefix+"*")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		if strings.Contains(k, "{t:1}") {
			t.Errorf("key %s survived /forget", k)
		}
	}
	ps, _ := e.store.Patients(ctx)
	if len(ps) != 0 {
		t.Errorf("patient index still lists %v", ps)
	}
}

func TestAnswersAreEncryptedAtRest(t *testing.T) {
	e := setup(t, sources(""))
	r := e.runner()
	ctx := context.Background()
	r.Handle(ctx, text("a", "t:1", "hi"))
	r.Handle(ctx, text("b", "t:1", "my secret feelings"))
	keys, _ := redistest.Keys(ctx, e.client, e.prefix+"*")
	for _, k := range keys {
		if strings.Contains(k, "bundle") {
			continue
		}
		value, err := redistest.Value(ctx, e.client, k)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(value, "secret") || strings.Contains(value, "count") {
			t.Errorf("key %s holds plaintext", k)
		}
	}
}

func TestCrisisReachesResourcesAndReferral(t *testing.T) {
	e := setup(t, sources(""))
	var refs []runner.Referral
	var mu sync.Mutex
	r := e.runner(runner.WithReferrer(referFunc(func(_ context.Context, x runner.Referral) error {
		mu.Lock()
		defer mu.Unlock()
		refs = append(refs, x)
		return nil
	})))
	ctx := context.Background()
	r.Handle(ctx, text("a", "t:1", "hi"))
	r.Handle(ctx, text("b", "t:1", "i want to kill myself"))
	if texts := e.rec.texts("t:1"); !strings.Contains(strings.Join(texts, "|"), "CRISIS call 112") {
		t.Fatalf("no crisis resources in %q", texts)
	}
	if len(refs) != 1 || refs[0].Priority != flow.Emergency || !strings.HasPrefix(refs[0].Trigger, "crisis:") {
		t.Fatalf("referrals = %+v", refs)
	}
	recs, _ := e.store.Records(ctx, "t:1")
	if len(recs) == 0 {
		t.Fatal("referral not in the history")
	}
}

type referFunc func(context.Context, runner.Referral) error

func (f referFunc) Refer(ctx context.Context, r runner.Referral) error { return f(ctx, r) }

// A session keeps the bundle it started with; new sessions get the new one.
func TestRunningSessionKeepsItsFlowVersion(t *testing.T) {
	e := setup(t, sources(""))
	r := e.runner()
	ctx := context.Background()
	r.Handle(ctx, text("a", "t:1", "hi"))
	newer := strings.Replace(countFlow, "Let us count.", "Counting, version two.", 1)
	b, probs := flow.Compile(map[string][]byte{"clinic.yaml": []byte(clinic), "count.yaml": []byte(newer)})
	if probs.Err() != nil {
		t.Fatal(probs.Err())
	}
	if err := e.store.Publish(ctx, b.Version, b.Sources); err != nil {
		t.Fatal(err)
	}
	r.Handle(ctx, text("b", "t:1", "1"))
	if st := e.state(t, "t:1"); st.Bundle == b.Version {
		t.Fatal("running session moved to the new version")
	}
	r.Handle(ctx, text("c", "t:2", "hi"))
	if got := e.rec.texts("t:2"); got[0] != "Counting, version two." {
		t.Fatalf("new session got %q", got)
	}
}

func TestUnknownChannelIsAnError(t *testing.T) {
	e := setup(t, sources(""))
	if err := e.runner().Handle(context.Background(), text("a", "xx:1", "hi")); !errors.Is(err, runner.ErrNoChannel) {
		t.Fatalf("err = %v", err)
	}
}

type nopSender struct{}

func (nopSender) Send(context.Context, string, engine.Message) error { return nil }

// BenchmarkHandle64 measures the full step (load from cache, engine, commit
// in Redis, outbox drain) with 64 patients at once against real Redis,
// with the collector set as serve sets it (TuneGC: GOGC=100 in the
// environment measures Go's default):
//
//	go test ./internal/runner -run XXX -bench Handle64 -benchtime 20000x
func BenchmarkHandle64(b *testing.B) {
	defer runner.TuneGC()()
	e := setup(b, sources(""))
	r := runner.New(e.store, runner.NewLibrary(e.store))
	r.Register("t", nopSender{})
	ctx := context.Background()
	const patients = 64
	for p := 0; p < patients; p++ {
		r.Handle(ctx, text("start", fmt.Sprint("t:", p), "hi"))
	}
	var n atomic.Int64
	b.SetParallelism((patients + 1) / 2) // GOMAXPROCS × this many goroutines
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		p := fmt.Sprint("t:", n.Add(1)%patients)
		i := 0
		for pb.Next() {
			i++
			if err := r.Handle(ctx, text(fmt.Sprint(p, ":", i, ":", time.Now().UnixNano()), p, "1")); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "msgs/s")
}

// With the replica lock, two replicas taking one patient's events at the same
// time apply them one at a time: a slow sender in one replica holds the other.
func TestReplicaLockSerialisesAcrossProcesses(t *testing.T) {
	e := setup(t, sources(""))
	slow := &slowSender{delay: 150 * time.Millisecond}
	a := runner.New(e.store, runner.NewLibrary(e.store), runner.WithReplicaLock(e.store))
	b := runner.New(e.store, runner.NewLibrary(e.store), runner.WithReplicaLock(e.store))
	a.Register("t", slow)
	b.Register("t", slow)
	ctx := context.Background()
	a.Handle(ctx, text("start", "t:1", "hi"))
	var wg sync.WaitGroup
	for i, r := range []*runner.Runner{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := r.Handle(ctx, text(fmt.Sprint("m", i), "t:1", "1")); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if slow.maxBusy.Load() != 1 {
		t.Fatalf("%d replicas handled the patient at once", slow.maxBusy.Load())
	}
	if got := e.state(t, "t:1").Vars["count"]["total"]; got != 4.0 {
		t.Fatalf("total = %v, want 4", got)
	}
}

type slowSender struct {
	delay   time.Duration
	busy    atomic.Int32
	maxBusy atomic.Int32
}

func (s *slowSender) Send(context.Context, string, engine.Message) error {
	n := s.busy.Add(1)
	defer s.busy.Add(-1)
	for {
		m := s.maxBusy.Load()
		if n <= m || s.maxBusy.CompareAndSwap(m, n) {
			break
		}
	}
	time.Sleep(s.delay)
	return nil
}

// eraser is a referrer that erases patients, failing while told to.
type eraser struct {
	fail   int
	erased []string
}

func (e *eraser) Refer(context.Context, runner.Referral) error { return nil }
func (e *eraser) ErasePatient(_ context.Context, p string) error {
	if e.fail > 0 {
		e.fail--
		return errors.New("redis down")
	}
	e.erased = append(e.erased, p)
	return nil
}

func TestForgetErasesReferralsFirstAndRetries(t *testing.T) {
	e := setup(t, sources(""))
	er := &eraser{fail: 1}
	r := e.runner(runner.WithReferrer(er))
	ctx := context.Background()
	for i, in := range []engine.Input{{Text: "hi"}, {Command: &engine.Command{Name: engine.CmdForget}}, {Text: "yes"}} {
		r.Handle(ctx, runner.Inbound{ID: fmt.Sprint(i), Patient: "t:1", Input: in})
	}
	// The referrals could not be erased: the session is kept, with the job.
	if len(er.erased) != 0 {
		t.Fatal("erased despite the failure")
	}
	if keys, _ := redistest.Keys(ctx, e.client, e.prefix+":u:{"+pseudo.Default().Name("t:1")+"}*"); len(keys) == 0 {
		t.Fatal("session erased before the referrals")
	}
	if err := r.Redeliver(ctx); err != nil {
		t.Fatal(err)
	}
	if len(er.erased) != 1 || er.erased[0] != "t:1" {
		t.Fatalf("erased %v", er.erased)
	}
	if keys, _ := redistest.Keys(ctx, e.client, e.prefix+":u:{"+pseudo.Default().Name("t:1")+"}*"); len(keys) != 0 {
		t.Fatalf("keys left %v", keys)
	}
}

// A state the engine cannot run (here: it names a step that does not exist)
// does not wedge the channel: the input is answered with the fixed "cannot
// answer now", recorded as applied, and the state is kept for the team.
func TestEngineFailureDoesNotBlockThePatient(t *testing.T) {
	e := setup(t, sources(""))
	r := e.runner()
	ctx := context.Background()
	r.Handle(ctx, text("a", "t:1", "hi"))
	cur := e.state(t, "t:1")
	broken := cur
	broken.Stack = []engine.Frame{{Flow: "count", Step: "no_such_step"}}
	data, err := json.Marshal(broken)
	if err != nil {
		t.Fatal(err)
	}
	sess, _ := e.store.Load(ctx, "t:1")
	if _, err := e.store.Commit(ctx, "t:1", store.Commit{Expect: sess.Version, Data: append([]byte{0}, data...)}); err != nil {
		t.Fatal(err)
	}
	r2 := e.runner() // a fresh process: no cached session
	if err := r2.Handle(ctx, text("b", "t:1", "5")); err != nil {
		t.Fatalf("a failing step must not fail the delivery: %v", err)
	}
	texts := e.rec.texts("t:1")
	if last := texts[len(texts)-1]; !strings.Contains(last, "cannot answer right now") {
		t.Fatalf("last message %q", last)
	}
	if err := r2.Handle(ctx, text("b", "t:1", "5")); err != nil {
		t.Fatal(err)
	}
	if n := len(e.rec.texts("t:1")); n != len(texts) {
		t.Fatal("the redelivered input was answered again")
	}
}

// With the replica lock, a Redeliver in one replica while another still
// delivers the same patient's replies performs none of them twice.
func TestRedeliverInAnotherReplicaDoublesNothing(t *testing.T) {
	e := setup(t, sources(""))
	sent := &countSender{delay: 60 * time.Millisecond, n: map[string]int{}}
	a := runner.New(e.store, runner.NewLibrary(e.store), runner.WithReplicaLock(e.store))
	b := runner.New(e.store, runner.NewLibrary(e.store), runner.WithReplicaLock(e.store))
	a.Register("t", sent)
	b.Register("t", sent)
	ctx := context.Background()
	// The same conversation for t:2 alone, for the count of replies.
	if err := a.Handle(ctx, text("s2", "t:2", "hi")); err != nil {
		t.Fatal(err)
	}
	if err := a.Submit(ctx, text("s1", "t:1", "hi")); err != nil { // a delivers in the background, slowly
		t.Fatal(err)
	}
	for range 10 {
		if err := b.Redeliver(ctx); err != nil {
			t.Fatal(err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		jobs, err := e.store.Outbox(ctx, "t:1")
		if err != nil {
			t.Fatal(err)
		}
		if len(jobs) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d replies still waiting", len(jobs))
		}
		time.Sleep(20 * time.Millisecond)
	}
	a.Stop(ctx)
	if got, want := sent.count("t:1"), sent.count("t:2"); got != want || want == 0 {
		t.Fatalf("%d replies sent to t:1, want %d (as to t:2)", got, want)
	}
}

type countSender struct {
	delay time.Duration
	mu    sync.Mutex
	n     map[string]int
}

func (s *countSender) Send(_ context.Context, patient string, _ engine.Message) error {
	time.Sleep(s.delay)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n[patient]++
	return nil
}

func (s *countSender) count(patient string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n[patient]
}

// A state the engine cannot step (its step is gone from the flow) gets the
// fixed "cannot answer now" and is kept as it was, also though the runner
// steps its cached state in place: each message gets the same answer, and
// the stored state still names the step.
func TestStepFailureKeepsTheState(t *testing.T) {
	e := setup(t, sources(""))
	r := e.runner()
	ctx := context.Background()
	if err := r.Handle(ctx, text("m0", "t:1", "hi")); err != nil {
		t.Fatal(err)
	}
	sess, err := e.store.Load(ctx, "t:1")
	if err != nil {
		t.Fatal(err)
	}
	st, err := runner.DecodeState(sess.Data)
	if err != nil || len(st.Stack) == 0 {
		t.Fatalf("state %+v, %v", st, err)
	}
	st.Stack[len(st.Stack)-1].Step = "gone"
	js, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	// Behind the runner's back: its cached copy is now stale.
	if out, err := e.store.Commit(ctx, "t:1", store.Commit{Expect: sess.Version, Data: append([]byte{0}, js...)}); err != nil || !out.Applied {
		t.Fatalf("commit: %+v, %v", out, err)
	}
	unavailable := (*catalog.Catalog)(nil).Text(catalog.Unavailable)
	for i := 1; i <= 2; i++ {
		if err := r.Handle(ctx, text(fmt.Sprint("m", i), "t:1", "1")); err != nil {
			t.Fatal(err)
		}
		if sent := e.rec.texts("t:1"); sent[len(sent)-1] != unavailable {
			t.Fatalf("message %d: sent %q, want the last to be %q", i, sent, unavailable)
		}
		if got := e.state(t, "t:1"); got.Status != engine.Active || got.Stack[len(got.Stack)-1].Step != "gone" {
			t.Fatalf("message %d: stored state %+v", i, got)
		}
	}
}
