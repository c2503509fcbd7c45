package runner_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/runner"
)

const loadClinic = `kapbot: 1
name: Test Clinic
default_locale: en
locales: [en]
default_flow: count
retention: 30d
crisis:
  en: {text: "CRISIS call 112"}
schedules:
  time_zone: UTC
  rules:
    - {id: soon, appointment: dosing, before: 1h, say: REMINDER}
`

// countingSender counts what it delivers, per patient.
type countingSender struct {
	mu   sync.Mutex
	sent map[string]int
	n    atomic.Int64
}

func (c *countingSender) Send(_ context.Context, patient string, m engine.Message) error {
	if m.Text != "REMINDER" {
		return nil
	}
	c.mu.Lock()
	c.sent[patient]++
	c.mu.Unlock()
	c.n.Add(1)
	return nil
}

// armPatients gives n patients a dosing session at the clock's time plus
// two hours, each arming one reminder an hour before it.
func armPatients(tb testing.TB, e *env, r *runner.Runner, clock *fakeClock, n int) []string {
	tb.Helper()
	ctx := context.Background()
	patients := make([]string, n)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += 8 {
				p := fmt.Sprintf("t:%d", i)
				patients[i] = p
				c := engine.AppointmentChange{Appointment: engine.Appointment{ID: "s1", Kind: "dosing", At: clock.Now().Add(2 * time.Hour)}}
				if _, err := r.Apply(ctx, runner.Inbound{ID: "book", Patient: p, Input: engine.Input{Appointment: &c}}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		tb.Fatal(err)
	}
	return patients
}

func loadSources() map[string][]byte {
	return map[string][]byte{"clinic.yaml": []byte(loadClinic), "count.yaml": []byte(countFlow)}
}

// Two schedulers (two processes' runners) share 10,000 due reminders on
// one Redis: each is delivered exactly once, and both do some of the work.
func TestTwoSchedulersShareTenThousandReminders(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	e := setup(t, loadSources())
	clock := &fakeClock{t: time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)}
	newRunner := func(s runner.Sender) *runner.Runner {
		r := runner.New(e.store, runner.NewLibrary(e.store, runner.WithRefresh(0)), runner.WithClock(clock.Now))
		r.Register("t", s)
		return r
	}
	a, b := &countingSender{sent: map[string]int{}}, &countingSender{sent: map[string]int{}}
	ra, rb := newRunner(a), newRunner(b)
	n := 10000
	if raceBuild {
		n = 2000 // the same test, in a fifth of the data, under -race
	}
	patients := armPatients(t, e, ra, clock, n)
	ctx := context.Background()
	if w, _, _ := e.store.DueCount(ctx); w != int64(n) {
		t.Fatalf("%d reminders armed, want %d", w, n)
	}
	clock.Set(clock.Now().Add(time.Hour))
	var wg sync.WaitGroup
	for _, r := range []*runner.Runner{ra, rb} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				fired, err := r.FireDue(ctx)
				if err != nil {
					t.Error(err)
					return
				}
				if fired == 0 {
					if w, c, _ := e.store.DueCount(ctx); w+c == 0 {
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	for _, p := range patients {
		if got := a.sent[p] + b.sent[p]; got != 1 {
			t.Fatalf("%s got the reminder %d times", p, got)
		}
	}
	t.Logf("scheduler A sent %d, B sent %d", a.n.Load(), b.n.Load())
	if a.n.Load() == 0 || b.n.Load() == 0 {
		t.Fatalf("one scheduler did all the work (A %d, B %d)", a.n.Load(), b.n.Load())
	}
}

// BenchmarkFireDue measures reminders fired per second: claimed from the
// shards, committed through each patient's session, delivered to a
// sender that accepts at once, with 2 schedulers on one Redis. Compare it
// with `redis-benchmark -t set -c 50` in the same run (README).
func BenchmarkFireDue(b *testing.B) {
	e := setup(b, loadSources())
	clock := &fakeClock{t: time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)}
	var runners []*runner.Runner
	sender := &countingSender{sent: map[string]int{}}
	for range 2 {
		r := runner.New(e.store, runner.NewLibrary(e.store, runner.WithRefresh(0)), runner.WithClock(clock.Now))
		r.Register("t", sender)
		runners = append(runners, r)
	}
	armPatients(b, e, runners[0], clock, b.N)
	clock.Set(clock.Now().Add(time.Hour))
	ctx := context.Background()
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for _, r := range runners {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for sender.n.Load() < int64(b.N) {
				if _, err := r.FireDue(ctx); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "reminders/s")
}

// A patient who blocked the bot is found out when a reminder is sent: the
// session and the reminders stop, and the care team hears of it once.
func TestBlockedPatientStopsRemindersAndStaffHearOnce(t *testing.T) {
	e := setup(t, loadSources())
	clock := &fakeClock{t: time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)}
	var mu sync.Mutex
	var refs []runner.Referral
	r := runner.New(e.store, runner.NewLibrary(e.store, runner.WithRefresh(0)), runner.WithClock(clock.Now),
		runner.WithReferrer(referFunc(func(_ context.Context, x runner.Referral) error {
			mu.Lock()
			defer mu.Unlock()
			refs = append(refs, x)
			return nil
		})))
	r.Register("t", e.rec)
	ctx := context.Background()
	for i, at := range []time.Duration{2 * time.Hour, 5 * time.Hour} {
		c := engine.AppointmentChange{Appointment: engine.Appointment{ID: fmt.Sprint("s", i), Kind: "dosing", At: clock.Now().Add(at)}}
		if _, err := r.Apply(ctx, runner.Inbound{ID: fmt.Sprint("book", i), Patient: "t:1", Input: engine.Input{Appointment: &c}}); err != nil {
			t.Fatal(err)
		}
	}
	e.rec.block.Store(true)
	for _, d := range []time.Duration{time.Hour, 4 * time.Hour} {
		clock.Set(time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC).Add(d))
		if _, err := r.FireDue(ctx); err != nil {
			t.Fatal(err)
		}
	}
	st := e.state(t, "t:1")
	if !st.RemindersOff || len(st.Timers) != 0 {
		t.Fatalf("reminders still on after a refusal: %+v", st)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(refs) != 1 || refs[0].Trigger != "unreachable" {
		t.Fatalf("staff told %d times: %+v", len(refs), refs)
	}
}

// A tool's Apply (kapbot appointments) takes the patient's delivery lock
// that serve's deliveries take, before it performs and acknowledges the
// head of the outbox: while another process holds it, Apply waits, so the
// two never acknowledge the same jobs by position.
func TestApplyWaitsForTheDeliveryLock(t *testing.T) {
	e := setup(t, loadSources())
	clock := &fakeClock{t: time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)}
	r := runner.New(e.store, runner.NewLibrary(e.store, runner.WithRefresh(0)), runner.WithClock(clock.Now),
		runner.WithDeliveryLock(e.store))
	ctx := context.Background()
	const p = "t:1"
	// Another process delivers this patient's outbox now.
	release, ok, err := e.store.LockKept(ctx, "deliver:"+runner.LogID(p), 5*time.Second)
	if err != nil || !ok {
		t.Fatalf("lock: %v %v", ok, err)
	}
	done := make(chan error, 1)
	go func() {
		c := engine.AppointmentChange{Appointment: engine.Appointment{ID: "s1", Kind: "dosing", At: clock.Now().Add(2 * time.Hour)}}
		_, err := r.Apply(ctx, runner.Inbound{ID: "book", Patient: p, Input: engine.Input{Appointment: &c}})
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("Apply returned (%v) while another process held the delivery lock", err)
	case <-time.After(500 * time.Millisecond):
	}
	release()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Apply did not go on after the delivery lock was released")
	}
	if w, _, _ := e.store.DueCount(ctx); w != 1 {
		t.Fatalf("%d reminders armed, want 1", w)
	}
}
