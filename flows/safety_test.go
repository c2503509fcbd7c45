package flows_test

import (
	"strings"
	"testing"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/enginetest"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/runner"
)

func loadSample(t *testing.T) *flow.Bundle {
	t.Helper()
	b, probs, err := flow.LoadDir(".")
	if err != nil || probs.Err() != nil {
		t.Fatalf("load: %v %v", err, probs.Err())
	}
	return b
}

func turn(say, press, at string, sent ...string) enginetest.Turn {
	tr := enginetest.Turn{At: &at, Sent: sent}
	if press != "" {
		tr.Press = &press
	} else {
		tr.Say = &say
	}
	return tr
}

// run runs one transcript of kap-intake and checks that every text sent
// comes from the clinic or the catalogue.
func run(t *testing.T, eng *engine.Engine, test enginetest.Test) enginetest.Result {
	t.Helper()
	r := enginetest.Run(eng, "kap-intake", test)
	if r.Err != nil {
		t.Fatalf("%s: %v", test.Name, r.Err)
	}
	for _, err := range enginetest.KnownTexts(eng.Bundle(), eng.Catalog()).CheckResult(r) {
		t.Errorf("%s: %v", test.Name, err)
	}
	return r
}

// markers stands in for the detector where its rules do not yet catch a
// category: the engine's paths and the sample clinic's texts are what is
// tested here; internal/safety tests what the detector catches.
type markers map[string]engine.AlertKind

func (m markers) Screen(text, _ string) []engine.Alert {
	var out []engine.Alert
	for k, kind := range m {
		if strings.Contains(text, k) {
			out = append(out, engine.Alert{Kind: kind, Rule: "en/" + string(kind) + "/test"})
		}
	}
	return out
}

// Every new safety path on the sample clinic: the resources of each
// category under their heading, the direct question answered each way, all
// made of the clinic's texts and the catalogue (nothing composed).
func TestSafetyPathsOnTheSampleClinic(t *testing.T) {
	b := loadSample(t)
	eng, err := engine.New(b, engine.WithScreener(markers{
		"[crisis]": engine.AlertCrisis, "[acute]": engine.AlertAcuteMedical, "[harm]": engine.AlertHarmToOthers,
		"[abuse]": engine.AlertAbuse, "[possible]": engine.AlertPossible, "[medical]": engine.AlertMedical,
	}))
	if err != nil {
		t.Fatal(err)
	}
	yes := turn("yes", "", "phq2/q1")
	q := "Are you having thoughts of ending your life or of hurting yourself?"
	for _, tt := range []struct {
		name  string
		turns []enginetest.Turn
		refs  []string
	}{
		{"acute symptoms", []enginetest.Turn{yes, turn("my chest hurts [acute]", "", "paused", "may need urgent medical help", "call 911 now", "1-800-222-1222", "Your safety matters most"),
			turn("", "safe", "phq2/q1")}, []string{"emergency"}},
		{"harm to others", []enginetest.Turn{yes, turn("[harm]", "", "paused", "someone could get hurt", "988 Lifeline")}, []string{"emergency"}},
		{"abuse goes on", []enginetest.Turn{yes, turn("[abuse]", "", "phq2/q1", "may not be safe with someone", "1-800-799-7233", "Little interest or pleasure")}, []string{"urgent"}},
		{"abuse at the consent question", []enginetest.Turn{turn("[abuse]", "", "consent", "1-800-799-7233", "Do you agree")}, []string{"urgent"}},
		{"possible, yes", []enginetest.Turn{yes, turn("[possible]", "", "safety_check", q), turn("", "yes", "paused", "741741")}, []string{"emergency"}},
		{"possible, not sure typed", []enginetest.Turn{yes, turn("[possible]", "", "safety_check", q), turn("not sure", "", "paused", "741741")}, []string{"emergency"}},
		{"possible, no", []enginetest.Turn{yes, turn("[possible]", "", "safety_check", q), turn("", "no", "phq2/q1", "Thank you for answering", "Little interest or pleasure")}, []string{"routine"}},
		{"possible, no typed, garbage first", []enginetest.Turn{yes, turn("[possible]", "", "safety_check", q), turn("hm?", "", "safety_check", q), turn("nein", "", "phq2/q1", "Thank you for answering")}, []string{"routine"}},
		{"possible, then crisis", []enginetest.Turn{yes, turn("[possible]", "", "safety_check", q), turn("[crisis]", "", "paused", "741741")}, []string{"emergency"}},
		{"possible with abuse", []enginetest.Turn{yes, turn("[abuse] [possible]", "", "safety_check", "1-800-799-7233", q), turn("", "no", "phq2/q1")}, []string{"urgent", "routine"}},
		{"crisis wins over medical", []enginetest.Turn{yes, turn("[crisis] [medical]", "", "paused", "741741")}, []string{"emergency"}},
		{"medical", []enginetest.Turn{yes, turn("[medical]", "", "phq2/q1", "I cannot give medical advice")}, []string{"soon"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, eng, enginetest.Test{Name: tt.name, Turns: tt.turns, Expect: &enginetest.Expect{Referrals: tt.refs}})
			if tt.name == "crisis wins over medical" {
				for _, m := range r.Sent {
					if strings.Contains(m.Text, "I have passed your question") {
						t.Fatal("a crisis message got the medical reply")
					}
				}
			}
		})
	}
}

// With the detector: crisis language over the 16 KB limit, a ketamine
// overdose question, and crisis language during a human takeover.
func TestCrisisInEveryStateWithTheDetector(t *testing.T) {
	b := loadSample(t)
	screener, err := runner.SafetyScreener(b)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(b, engine.WithScreener(screener))
	if err != nil {
		t.Fatal(err)
	}
	filler := strings.Repeat("this week was long and work was busy, the dog was sick and my sister came over for dinner. ", 120)
	long := filler + "i want to kill myself. " + filler
	if len(long) <= 16<<10 {
		t.Fatalf("the long message has %d bytes; it must be over the 16 KB limit", len(long))
	}
	run(t, eng, enginetest.Test{Name: "over the limit", Turns: []enginetest.Turn{
		turn("yes", "", "phq2/q1"),
		turn(long, "", "paused", "741741", "Your safety matters most"),
	}, Expect: &enginetest.Expect{Referrals: []string{"emergency"}}})
	run(t, eng, enginetest.Test{Name: "over the limit without risk", Turns: []enginetest.Turn{
		turn("yes", "", "phq2/q1"),
		turn(filler+filler, "", "phq2/q1", "too long"),
	}, Expect: &enginetest.Expect{Referrals: []string{}}})

	// A ketamine overdose question is a crisis and a medical question: the
	// crisis wins, and the medical reply is not sent beside it.
	r := run(t, eng, enginetest.Test{Name: "troches", Turns: []enginetest.Turn{
		turn("yes", "", "phq2/q1"),
		turn("what happens if i take all my troches at once", "", "paused", "741741"),
	}, Expect: &enginetest.Expect{Referrals: []string{"emergency"}}})
	for _, m := range r.Sent {
		if strings.Contains(m.Text, "I have passed your question") {
			t.Fatal("the overdose question got the medical reply")
		}
	}

	// A takeover: the staff see the message, the patient gets the resources.
	now := enginetest.Clock
	step := func(st engine.State, in engine.Input) (engine.State, []engine.Effect) {
		now = now.Add(1e9)
		in.Now = now
		next, fx, err := eng.Step(st, in)
		if err != nil {
			t.Fatal(err)
		}
		return next, fx
	}
	st, _ := step(engine.State{}, engine.Input{Command: &engine.Command{Name: engine.CmdStart, Arg: "kap-intake"}})
	st, _ = step(st, engine.Input{Text: "yes"})
	st, _ = step(st, engine.Input{Staff: &engine.StaffAction{Kind: engine.StaffTakeover, Referral: "r1", By: "Dr. A"}})
	st, fx := step(st, engine.Input{Text: "i want to die"})
	var resources, relayed, referred bool
	for _, f := range fx {
		switch e := f.(type) {
		case engine.Send:
			resources = resources || e.Message.Kind == engine.Crisis && strings.Contains(e.Message.Text, "741741")
		case engine.Relay:
			relayed = e.Kind == engine.RelayPatient && e.Referral == "r1" && e.Text == "i want to die"
		case engine.Refer:
			referred = e.Priority == flow.Emergency && strings.HasPrefix(e.Trigger, "crisis:")
		}
	}
	if !resources || !relayed || !referred || engine.Place(st) != "takeover" {
		t.Fatalf("crisis during a takeover: resources %v, relayed to staff %v, emergency referral %v, at %q", resources, relayed, referred, engine.Place(st))
	}
}
