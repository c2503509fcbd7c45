package runner_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/runner"
)

const reminderClinic = `kapbot: 1
name: Test Clinic
default_locale: en
locales: [en]
default_flow: intake
retention: 30d
session_expiry: 14d
resume_after: 1h
crisis:
  en: {text: "CRISIS call 112"}
schedules:
  time_zone: America/New_York
  quiet_hours: "21:00-08:00"
  kinds: {dosing: Dosing session}
  rules:
    - {id: prepare, appointment: dosing, before: 48h, start: prepare}
    - {id: ride, appointment: dosing, before: 1d, at: "22:15", say: RIDE-HOME}
    - {id: check, appointment: dosing, after: 14h, start: check}
    - {id: integrate, appointment: dosing, after: 3d, start: integrate}
    - {id: phq, appointment: dosing, every: 14d, start: phq}
  nudge: {after: [1d, 3d], flows: [intake], refer: [intake], refer_after: 5d}
`

func yesFlow(id, q, end string) string {
	return fmt.Sprintf("kapbot: 1\nflow: %s\nsteps:\n  - id: q\n    ask: {type: yesno, text: %s}\n  - id: bye\n    end: %s\n", id, q, end)
}

func reminderSources() map[string][]byte {
	return map[string][]byte{
		"clinic.yaml": []byte(reminderClinic),
		"intake.yaml": []byte("kapbot: 1\nflow: intake\nsteps:\n  - id: q1\n    ask: {type: yesno, text: INTAKE-1}\n" +
			"  - id: q2\n    ask: {type: yesno, text: INTAKE-2}\n  - id: bye\n    end: INTAKE-DONE\n"),
		"prepare.yaml":   []byte(yesFlow("prepare", "PREPARE", "PREPARE-DONE")),
		"check.yaml":     []byte(yesFlow("check", "CHECK", "CHECK-DONE")),
		"integrate.yaml": []byte(yesFlow("integrate", "INTEGRATE", "INTEGRATE-DONE")),
		"phq.yaml":       []byte(yesFlow("phq", "PHQ", "PHQ-DONE")),
	}
}

// fakeClock is a clock the test moves.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// sent is one delivered message, at the fake clock's time.
type sent struct {
	at       time.Time
	text     string
	question bool
}

// timedRecorder records what it delivers with the fake clock's time.
type timedRecorder struct {
	clock *fakeClock
	mu    sync.Mutex
	sent  map[string][]sent
}

func (r *timedRecorder) Send(_ context.Context, patient string, m engine.Message) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent[patient] = append(r.sent[patient], sent{at: r.clock.Now(), text: m.Text, question: len(m.Choices) > 0})
	return nil
}

func (r *timedRecorder) of(patient string) []sent {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.sent[patient])
}

var newYork, _ = time.LoadLocation("America/New_York")

func ny(month time.Month, day, hour, min int) time.Time {
	return time.Date(2027, month, day, hour, min, 0, 0, newYork)
}

// TestThreeMonthsOfTreatment plays a patient's treatment from the intake
// to the last session on a fake clock, against Redis: every reminder is
// delivered once, at its local time, never in quiet hours, across the
// change to daylight-saving time on 14 March 2027; a moved session is
// reminded at its new time only, a cancelled one not at all.
func TestThreeMonthsOfTreatment(t *testing.T) {
	e := setup(t, reminderSources())
	clock := &fakeClock{t: ny(2, 1, 10, 0)}
	rec := &timedRecorder{clock: clock, sent: map[string][]sent{}}
	r := runner.New(e.store, runner.NewLibrary(e.store, runner.WithRefresh(0)), runner.WithClock(clock.Now))
	r.Register("t", rec)
	ctx := context.Background()
	const p = "t:1"
	n := 0
	say := func(s string) {
		t.Helper()
		n++
		if err := r.Handle(ctx, runner.Inbound{ID: fmt.Sprint("m", n), Patient: p, Input: engine.Input{Now: clock.Now(), Text: s}}); err != nil {
			t.Fatal(err)
		}
	}
	book := func(id string, at time.Time, cancel bool) {
		t.Helper()
		_, err := r.Apply(ctx, runner.Inbound{ID: "appt:" + id + at.String(), Patient: p, Input: engine.Input{Now: clock.Now(),
			Appointment: &engine.AppointmentChange{Cancel: cancel, Appointment: engine.Appointment{ID: id, Kind: "dosing", At: at}}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	// answered is how many messages the patient has read; they answer a
	// question at once unless silent.
	answered := 0
	silent := false
	respond := func() {
		for {
			msgs := rec.of(p)
			if answered >= len(msgs) {
				return
			}
			m := msgs[answered]
			answered++
			if m.question && !silent {
				say("yes")
			}
		}
	}
	// run fires every reminder due until end, moving the clock to each.
	run := func(end time.Time) {
		t.Helper()
		for {
			at, ok, err := e.store.NextDue(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !ok || at.After(end) {
				clock.Set(end)
				return
			}
			if at.After(clock.Now()) {
				clock.Set(at)
			}
			if _, err := r.FireDue(ctx); err != nil {
				t.Fatal(err)
			}
			respond()
		}
	}

	// Intake on 1 February: one answer, then a day's silence until the nudge.
	say("hi")
	silent = true
	respond()
	silent = false
	book("d1", ny(2, 10, 10, 0), false)
	book("d2", ny(2, 24, 10, 0), false)
	book("d3", ny(3, 9, 10, 0), false)
	book("d4", ny(3, 15, 10, 0), false) // after the change to summer time
	book("d5", ny(4, 5, 10, 0), false)
	run(ny(2, 20, 12, 0))
	book("d2", ny(2, 26, 11, 0), false) // moved two days later
	run(ny(3, 30, 12, 0))
	book("d5", time.Time{}, true) // cancelled
	run(ny(5, 1, 12, 0))

	msgs := rec.of(p)
	var log []string
	seen := map[string]bool{}
	for _, m := range msgs {
		lt := m.at.In(newYork)
		line := lt.Format("01-02 15:04") + " " + m.text
		log = append(log, line)
		if seen[line] {
			t.Errorf("delivered twice: %s", line)
		}
		seen[line] = true
		if h := lt.Hour(); h >= 21 || h < 8 {
			t.Errorf("sent in quiet hours: %s", line)
		}
	}
	all := strings.Join(log, "\n")
	for _, want := range []string{
		"02-02 10:00 INTAKE-2",  // the nudge's question, a day after the silence began
		"02-08 10:00 PREPARE",   // 2 days before session 1
		"02-10 08:00 RIDE-HOME", // 22:15 the evening before is in quiet hours: their end
		"02-11 08:00 CHECK",     // 14 hours after 10:00 is midnight: quiet, so 08:00
		"02-13 10:00 INTEGRATE",
		"02-24 11:00 PREPARE", // the moved session 2: 2 days before its new time
		"03-13 10:00 PREPARE", // session 4, 10:00 summer time: 10:00 winter time 2 days before
		"03-16 08:00 CHECK",   // midnight after session 4: quiet, so 08:00
		"03-18 10:00 INTEGRATE",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q", want)
		}
	}
	count := func(text string) int {
		c := 0
		for _, m := range msgs {
			if m.text == text {
				c++
			}
		}
		return c
	}
	// Four sessions: four preparations (none for the cancelled fifth, none
	// at the moved session's old time), four checks, four integrations.
	for _, text := range []string{"PREPARE", "CHECK", "INTEGRATE", "RIDE-HOME"} {
		if c := count(text); c != 4 {
			t.Errorf("%s sent %d times, want 4", text, c)
		}
	}
	if strings.Contains(all, "02-22 10:00 PREPARE") || strings.Contains(all, "04-03") {
		t.Errorf("a reminder for a moved or cancelled session went out")
	}
	if c := count("PHQ"); c < 2 || c > 3 {
		t.Errorf("PHQ sent %d times, want every 14 days from the first session", c)
	}
	t.Logf("delivered:\n%s", all)
	if w, c, _ := e.store.DueCount(ctx); c != 0 || w > 1 {
		t.Errorf("left in Redis: %d waiting, %d claimed", w, c)
	}
}
