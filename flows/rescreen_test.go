package flows_test

import (
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
)

// The PHQ-9 asks about the last 2 weeks: kap-integrate re-asks it only when
// the last valid PHQ-9 is older than clinic.yaml's rescreen_after (14d), and
// the time of a valid result outlives the flow that measured it.
func TestRescreenAfterRecallWindow(t *testing.T) {
	b, probs, err := flow.LoadDir(".")
	if err != nil || probs.Err() != nil {
		t.Fatalf("load: %v %v", err, probs.Err())
	}
	if b.Clinic.RescreenAfter != 14*24*time.Hour {
		t.Fatalf("rescreen_after = %v, want 14d", b.Clinic.RescreenAfter)
	}
	eng, err := engine.New(b)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	// run starts kap-integrate at now on state st and answers until the
	// after-effects are done; it returns where the flow waits next.
	run := func(st engine.State, now time.Time) (string, engine.State) {
		t.Helper()
		step := func(in engine.Input) {
			t.Helper()
			in.Now = now
			now = now.Add(time.Second)
			next, _, err := eng.Step(st, in)
			if err != nil {
				t.Fatal(err)
			}
			st = next
		}
		step(engine.Input{Command: &engine.Command{Name: engine.CmdStart, Arg: "kap-integrate"}})
		for _, a := range []string{"Calm", "4", "nothing", "7", "no", "no", "no", "no", "No", "no", "no"} {
			step(engine.Input{Text: a})
		}
		return engine.Place(st), st
	}
	// A new patient: the PHQ-9 is due, so the PHQ-2 comes first.
	place, st := run(engine.State{}, t0)
	if place != "phq2/q1" {
		t.Fatalf("new patient: at %s, want phq2/q1", place)
	}
	// A valid PHQ-9 3 days ago: not due, the check-in ends without it.
	st.Measured = map[string]int64{"phq9": t0.Add(-3 * 24 * time.Hour).Unix()}
	st.Status = engine.Ended
	if place, _ := run(st, t0); place != "end" {
		t.Fatalf("PHQ-9 3 days ago: at %s, want end", place)
	}
	// 14 days after it: due again.
	if place, _ := run(st, t0.Add(11*24*time.Hour)); place != "phq2/q1" {
		t.Fatalf("PHQ-9 14 days ago: at %s, want phq2/q1", place)
	}
	// A questionnaire scored in one flow is remembered in the next.
	_, st = run(engine.State{}, t0)
	for _, a := range []string{"2", "2"} { // PHQ-2 positive, then the PHQ-9
		st, _, _ = eng.Step(st, engine.Input{Now: t0, Text: a})
	}
	for range 10 {
		st, _, _ = eng.Step(st, engine.Input{Now: t0, Text: "0"})
	}
	if _, ok := st.Measured["phq9"]; !ok || st.Status != engine.Ended {
		t.Fatalf("PHQ-9 not recorded as measured: %v, status %s at %s", st.Measured, st.Status, engine.Place(st))
	}
	if place, _ := run(st, t0.Add(24*time.Hour)); place != "end" {
		t.Fatalf("a day after a PHQ-9: at %s, want end", place)
	}
}
