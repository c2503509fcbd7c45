package flows_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
)

// uncertainAnswers are the ways of saying "I am not sure" that every risk
// and checklist question must take as unknown, never as "no".
var uncertainAnswers = []string{"not sure", "Not sure.", "maybe", "sort of", "kind of", "unsure", "I don't know", "i dont know", "idk",
	"weiß nicht", "vielleicht", "nicht sicher", "keine Ahnung", "ich weiss nicht"}

// invalidAnswers are three answers that are no answer at all.
var invalidAnswers = []string{"hmm", "banana", "what?"}

var priorityRank = map[string]int{"": 0, "routine": 1, "soon": 2, "urgent": 3, "emergency": 4}

// flowRun drives a sample flow from the start: every question gets the
// answer that raises nothing, except that PHQ-2 is positive (so the PHQ-9
// runs), the C-SSRS answers lead to the target question (question 2 yes for
// 3-5, question 6 yes for 6b), and the target question (a place such as
// "cssrs/q4") gets the given inputs instead. After a crisis pause the
// patient says they are safe. It returns the referral priorities in order
// and the results by questionnaire.
func flowRun(t *testing.T, eng *engine.Engine, flowID, target string, inputs []string) ([]string, map[string]flow.Result) {
	t.Helper()
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var st engine.State
	var refs []string
	results := map[string]flow.Result{}
	step := func(in engine.Input) {
		t.Helper()
		now = now.Add(10 * time.Second)
		in.Now = now
		next, fx, err := eng.Step(st, in)
		if err != nil {
			t.Fatalf("%s: step at %s: %v", target, engine.Place(st), err)
		}
		st = next
		for _, f := range fx {
			switch e := f.(type) {
			case engine.Refer:
				refs = append(refs, string(e.Priority))
			case engine.Scored:
				results[e.Result.Questionnaire] = e.Result
			}
		}
	}
	step(engine.Input{Command: &engine.Command{Name: engine.CmdStart, Arg: flowID}})
	used := false
	for range 300 {
		place := engine.Place(st)
		if place == "end" {
			return refs, results
		}
		if place == target && !used {
			used = true
			for _, x := range inputs {
				if engine.Place(st) != target {
					t.Fatalf("%s: moved on to %s before the input %q", target, engine.Place(st), x)
				}
				step(engine.Input{Text: x})
			}
			if engine.Place(st) == target {
				t.Fatalf("%s: still waiting after %q", target, inputs)
			}
			continue
		}
		text := "no"
		switch {
		case place == "consent":
			text = "yes"
		case place == "paused":
			text = "I am safe, continue"
		case place == "phq2/q1", place == "phq2/q2":
			text = "2"
		case strings.HasPrefix(place, "phq") || strings.HasPrefix(place, "gad"):
			text = "0"
		case place == "cssrs/q2" && (target == "cssrs/q3" || target == "cssrs/q4" || target == "cssrs/q5"):
			text = "yes"
		case place == "cssrs/q6" && target == "cssrs/q6b":
			text = "yes"
		case place == "contra/age":
			text = "34"
		case place == "contra/medicines", place == "intentions", place == "intention", place == "insights", place == "health/what":
			text = "none"
		case strings.HasPrefix(place, "mindset/"), place == "previous_kap", place == "contact_time", place == "feeling", place == "effects/unreal":
			text = "1"
		case place == "settled", place == "daycheck/mood":
			text = "3"
		case place == "check":
			text = "All correct"
		}
		step(engine.Input{Text: text})
	}
	t.Fatalf("%s: %s did not end (at %s)", target, flowID, engine.Place(st))
	return nil, nil
}

// TestRiskQuestionsNeverReadAsNo drives every risk question of every sample
// flow (PHQ-9 item 9, every C-SSRS question, every checklist question, the
// same-day self-harm question, the after-effects and health changes) through
// three invalid answers and through each uncertain answer, and checks that
// the item is recorded as unknown and routed like a positive answer: PHQ-9
// item 9 and the same-day question to the crisis path, a C-SSRS question at
// least urgent (emergency from question 3 on), a checklist item, an
// after-effect or a health change at least soon.
func TestRiskQuestionsNeverReadAsNo(t *testing.T) {
	b, probs, err := flow.LoadDir(".")
	if err != nil || probs.Err() != nil {
		t.Fatalf("load: %v %v", err, probs.Err())
	}
	eng, err := engine.New(b)
	if err != nil {
		t.Fatal(err)
	}
	type target struct {
		flow, place, quest, item, least string
	}
	targets := []target{{"kap-intake", "phq9/q9", "phq9", "q9", "emergency"}, {"kap-integrate", "daycheck/harm", "daycheck", "harm", "emergency"},
		{"kap-prepare", "health/changed", "health_changes", "changed", "soon"}}
	for _, f := range []struct{ flow, quest string }{{"kap-intake", "cssrs"}, {"kap-prepare", "cssrs_slv"}, {"kap-integrate", "cssrs_slv"}} {
		for _, it := range b.Questionnaires[f.quest].Items {
			least := "emergency"
			if it.ID == "q1" || it.ID == "q2" {
				least = "urgent"
			}
			targets = append(targets, target{f.flow, "cssrs/" + it.ID, f.quest, it.ID, least})
		}
	}
	for _, it := range b.Questionnaires["kap_contra"].Items {
		if it.Ask.Type == flow.AskYesNo {
			targets = append(targets, target{"kap-intake", "contra/" + it.ID, "kap_contra", it.ID, "soon"})
		}
	}
	for _, it := range b.Questionnaires["after_effects"].Items {
		targets = append(targets, target{"kap-integrate", "effects/" + it.ID, "after_effects", it.ID, "soon"})
	}
	if len(targets) < 50 {
		t.Fatalf("only %d risk questions found", len(targets))
	}
	for _, tg := range targets {
		if !slices.ContainsFunc(b.Questionnaires[tg.quest].Items, func(it *flow.Item) bool { return it.ID == tg.item && it.Unknown }) {
			t.Errorf("%s is not unknown: true", tg.place)
		}
		runs := [][]string{invalidAnswers}
		for _, u := range uncertainAnswers {
			runs = append(runs, []string{u})
		}
		for _, inputs := range runs {
			refs, results := flowRun(t, eng, tg.flow, tg.place, inputs)
			res, ok := results[tg.quest]
			if !ok || !slices.Contains(res.Unknown, tg.item) {
				t.Errorf("%s %s after %q: unknown = %v, want %s in it", tg.flow, tg.place, inputs, res.Unknown, tg.item)
			}
			worst := ""
			for _, p := range refs {
				if priorityRank[p] > priorityRank[worst] {
					worst = p
				}
			}
			if priorityRank[worst] < priorityRank[tg.least] {
				t.Errorf("%s %s after %q: referrals %v, want at least %s", tg.flow, tg.place, inputs, refs, tg.least)
			}
			if tg.least == "emergency" && !res.Risk {
				t.Errorf("%s %s after %q: no risk flag (flags %v)", tg.flow, tg.place, inputs, res.Flags)
			}
		}
	}
}
