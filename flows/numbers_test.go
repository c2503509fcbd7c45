package flows_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
)

// printedNumber is the number a patient sees next to option k of m: the
// number the label starts with when the options carry their own ("0 – Not
// at all", a likert point), else its position from 1 as every channel
// numbers options for typing.
func printedNumber(t *testing.T, m engine.Message, k int) string {
	t.Helper()
	if !m.Numbered {
		return strconv.Itoa(k + 1)
	}
	label := m.Choices[k].Label
	num, _, _ := strings.Cut(label, " ")
	if _, err := strconv.Atoi(num); err != nil {
		t.Fatalf("numbered option %q does not start with its number", label)
	}
	return num
}

// TestTypedNumberMeansPrintedOption runs every flow and every questionnaire
// alone, answering every question that has options by typing the number
// printed next to option k (for each k in turn), and checks that the answer
// stored is exactly option k: on every instrument and every flow question a
// typed number means the option it was shown with, and nothing else.
func TestTypedNumberMeansPrintedOption(t *testing.T) {
	b, probs, err := flow.LoadDir(".")
	if err != nil || probs.Err() != nil {
		t.Fatalf("load: %v %v", err, probs.Err())
	}
	eng, err := engine.New(b)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for id := range b.Flows {
		for k := range flow.MaxChoices {
			now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
			st, fx, err := eng.Step(engine.State{}, engine.Input{Now: now, Command: &engine.Command{Name: engine.CmdStart, Arg: id}})
			if err != nil {
				t.Fatal(err)
			}
			for range 300 {
				if st.Status != engine.Active && st.Status != engine.Paused {
					break
				}
				var last engine.Message
				for _, f := range fx {
					if s, ok := f.(engine.Send); ok && s.Message.Seq == st.Seq {
						last = s.Message
					}
				}
				in := engine.Input{Now: now.Add(time.Minute), Text: "none"}
				var want *flow.Choice
				fr := st.Stack[len(st.Stack)-1]
				var ask *flow.Ask
				if st.Status == engine.Active && st.Check == nil {
					ask = askAt(b, fr)
				}
				switch {
				case st.Status == engine.Paused:
					in.Text = "I am safe, continue"
				case st.Check != nil: // the safety engine's direct question
					in.Text = "no"
				case ask == nil: // a review
					in.Text = "All correct"
				case ask.Type == flow.AskNumber:
					in.Text = "34"
				case ask.Type == flow.AskMulti:
					in.Text = "1"
				case len(ask.Choices) > 0:
					if len(last.Choices) != len(ask.Choices) {
						t.Fatalf("%s at %s: drawn %d options, the question has %d", id, engine.Place(st), len(last.Choices), len(ask.Choices))
					}
					j := k % len(ask.Choices)
					in.Text, want = printedNumber(t, last, j), &ask.Choices[j]
				}
				place := engine.Place(st)
				next, fx2, err := eng.Step(st, in)
				if err != nil {
					t.Fatal(err)
				}
				if want != nil {
					got, ok := storedAnswer(next, fr, b)
					wantV := want.Answer(ask.Numeric)
					if ask.Type == flow.AskYesNo {
						wantV = want.Value == "yes"
					}
					if !ok || fmt.Sprint(got) != fmt.Sprint(wantV) {
						t.Fatalf("%s at %s: typed %q (printed next to %q), stored %v (%v), want %v", id, place, in.Text, last.Choices[k%len(ask.Choices)].Label, got, ok, wantV)
					}
					checked++
				}
				st, fx = next, fx2
			}
		}
	}
	if checked < 500 {
		t.Fatalf("only %d typed answers checked", checked)
	}
}

// askAt is the question frame fr waits on: an ask step or the current
// questionnaire item; nil for a review.
func askAt(b *flow.Bundle, fr engine.Frame) *flow.Ask {
	st := b.Flows[fr.Flow].Steps[fr.Step]
	if fr.Q != nil {
		return b.Questionnaires[fr.Q.ID].Items[fr.Q.Item].Ask
	}
	return st.Ask
}

// storedAnswer finds the answer just given at frame fr: in the running
// questionnaire, in its result when it has just been scored, or in the
// flow's variables.
func storedAnswer(st engine.State, fr engine.Frame, b *flow.Bundle) (any, bool) {
	if fr.Q != nil {
		for _, f := range st.Stack {
			if f.Q != nil && f.Q.ID == fr.Q.ID && f.Flow == fr.Flow {
				if v, ok := f.Q.Answers[fr.Q.At]; ok {
					return v, true
				}
			}
		}
		for i := len(st.Results) - 1; i >= 0; i-- {
			if r := st.Results[i]; r.Questionnaire == fr.Q.ID && r.Flow == fr.Flow {
				v, ok := r.Items[fr.Q.At]
				return v, ok
			}
		}
		return nil, false
	}
	step := b.Flows[fr.Flow].Steps[fr.Step]
	name := step.SaveAs
	if name == "" {
		name = step.ID
	}
	v, ok := st.Vars[fr.Flow][name]
	return v, ok
}
