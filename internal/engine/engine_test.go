package engine_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
)

var sources = map[string][]byte{
	"clinic.yaml": []byte(`kapbot: 1
name: Test Clinic
default_locale: en
locales: [en, de]
default_flow: main
retention: 30d
session_expiry: 7d
resume_after: 1h
crisis:
  en: {text: "CRISIS-EN call 112", emergency: "112"}
  de: {text: "KRISE-DE ruf 112 an", emergency: "112"}
next_steps:
  routine: {en: "NEXT-ROUTINE", de: "NAECHSTE-ROUTINE"}
disclaimer: {en: "DISCLAIMER-EN", de: "HINWEIS-DE"}
`),
	"main.yaml": []byte(`kapbot: 1
flow: main
locale: en
title: {en: Main, de: Haupt}
steps:
  - id: hello
    say: {en: "HELLO", de: "HALLO"}
  - id: color
    ask:
      type: choice
      text: {en: "Pick a colour", de: "Farbe?"}
      choices:
        - {value: red, label: {en: Red, de: Rot}}
        - {value: blue, label: {en: Blue, de: Blau}}
      max_attempts: 2
      fallback: gave_up
  - id: age
    ask:
      type: number
      text: {en: "Age?", de: "Alter?"}
      min: 0
      max: 120
  - id: route
    branch:
      - if: age < 18
        goto: minor
    else: mood
  - id: minor
    say: {en: "MINOR", de: "MINDERJAEHRIG"}
    next: bye
  - id: mood
    questionnaire: mini
  - id: calc
    set:
      doubled: mood.total * 2
  - id: high
    branch:
      - if: mood.risk
        goto: urgent
  - id: sub
    call: side
  - id: note
    ask:
      type: text
      text: {en: "Anything else?", de: "Sonst noch?"}
      max_len: 20
  - id: check
    review: [color, note]
  - id: refer_routine
    refer: {priority: routine, reason: {en: Done, de: Fertig}}
    next: bye
  - id: urgent
    refer: {priority: urgent, reason: {en: Risk, de: Risiko}, crisis: true}
    next: bye
  - id: gave_up
    say: {en: "GAVE-UP", de: "AUFGEGEBEN"}
  - id: bye
    end: {en: "BYE", de: "TSCHUESS"}
`),
	"side.yaml": []byte(`kapbot: 1
flow: side
locale: en
title: {en: Side, de: Neben}
steps:
  - id: pets
    ask:
      type: multi
      text: {en: "Pets?", de: "Tiere?"}
      choices:
        - {value: cat, label: {en: Cat, de: Katze}}
        - {value: dog, label: {en: Dog, de: Hund}}
        - {value: fish, label: {en: Fish, de: Fisch}}
  - id: ok
    ask:
      type: yesno
      text: {en: "OK?", de: "OK?"}
`),
	"questionnaires/mini.yaml": []byte(`kapbot: 1
questionnaire: mini
title: {en: Mini, de: Mini}
locale: en
preamble: {en: "MINI-PREAMBLE", de: "MINI-VORWORT"}
options:
  - {value: 0, label: {en: Never, de: Nie}}
  - {value: 1, label: {en: Sometimes, de: Manchmal}}
  - {value: 2, label: {en: Often, de: Oft}}
items:
  - id: a
    text: {en: "Item A", de: "Punkt A"}
  - id: b
    text: {en: "Item B", de: "Punkt B"}
    when: a > 0
scoring:
  bands:
    - {name: low, min: 0, max: 1}
    - {name: high, min: 2, max: 4}
  flags:
    - {id: b_high, when: b == 2, risk: true}
tests:
  - name: zero
    answers: {a: 0}
    expect: {total: 0, band: low, flags: []}
  - name: four
    answers: {a: 2, b: 2}
    expect: {total: 4, band: high, flags: [b_high]}
`),
}

func newEngine(t testing.TB, opts ...engine.EngineOption) *engine.Engine {
	t.Helper()
	return engineOf(t, sources, opts...)
}

// engineOf compiles the flows of src and builds their engine.
func engineOf(t testing.TB, src map[string][]byte, opts ...engine.EngineOption) *engine.Engine {
	t.Helper()
	b, probs := flow.Compile(src)
	if err := probs.Err(); err != nil {
		t.Fatalf("test flows do not compile:\n%v", err)
	}
	e, err := engine.New(b, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// convo drives an engine like a patient, round-tripping the state through
// JSON before every step as the store does.
type convo struct {
	t   *testing.T
	e   *engine.Engine
	st  engine.State
	now time.Time
	fx  []engine.Effect // of the last step
}

func newConvo(t *testing.T, e *engine.Engine) *convo {
	return &convo{t: t, e: e, now: t0}
}

func (c *convo) step(in engine.Input) *convo {
	c.t.Helper()
	data, err := json.Marshal(c.st)
	if err != nil {
		c.t.Fatal(err)
	}
	var back engine.State
	if err := json.Unmarshal(data, &back); err != nil {
		c.t.Fatal(err)
	}
	c.now = c.now.Add(time.Minute)
	in.Now = c.now
	before := back.Clone()
	next, fx, err := c.e.Step(back, in)
	if err != nil {
		c.t.Fatalf("step: %v", err)
	}
	if !reflect.DeepEqual(before, back) {
		c.t.Fatalf("Step modified its input state")
	}
	c.st, c.fx = next, fx
	return c
}

func (c *convo) start(id string) *convo {
	return c.step(engine.Input{Command: &engine.Command{Name: engine.CmdStart, Arg: id}})
}
func (c *convo) say(text string) *convo { return c.step(engine.Input{Text: text}) }
func (c *convo) press(v string) *convo {
	return c.step(engine.Input{Press: &engine.Press{Seq: c.st.Seq, Value: v}})
}
func (c *convo) cmd(n engine.CommandName, arg string) *convo {
	return c.step(engine.Input{Command: &engine.Command{Name: n, Arg: arg}})
}

func (c *convo) at(want string) *convo {
	c.t.Helper()
	if got := engine.Place(c.st); got != want {
		c.t.Fatalf("at %q, want %q; sent %q", got, want, c.texts())
	}
	return c
}

func (c *convo) texts() []string {
	var out []string
	for _, f := range c.fx {
		if s, ok := f.(engine.Send); ok {
			out = append(out, s.Message.Text)
		}
	}
	return out
}

func (c *convo) sent(want ...string) *convo {
	c.t.Helper()
	all := strings.Join(c.texts(), "\n---\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			c.t.Fatalf("no message contains %q; sent:\n%s", w, all)
		}
	}
	return c
}

func (c *convo) notSent(w string) *convo {
	c.t.Helper()
	if all := strings.Join(c.texts(), "\n"); strings.Contains(all, w) {
		c.t.Fatalf("message contains %q; sent:\n%s", w, all)
	}
	return c
}

func (c *convo) refers() []engine.Refer {
	var out []engine.Refer
	for _, f := range c.fx {
		if r, ok := f.(engine.Refer); ok {
			out = append(out, r)
		}
	}
	return out
}

func (c *convo) lastMessage() engine.Message {
	c.t.Helper()
	for i := len(c.fx) - 1; i >= 0; i-- {
		if s, ok := c.fx[i].(engine.Send); ok {
			return s.Message
		}
	}
	c.t.Fatal("nothing sent")
	return engine.Message{}
}

func TestStartSendsGreetingAndFirstQuestion(t *testing.T) {
	c := newConvo(t, newEngine(t)).start("").at("color").sent("HELLO", "Pick a colour")
	m := c.lastMessage()
	if len(m.Choices) != 2 || m.Choices[0] != (engine.Option{Value: "red", Label: "Red"}) || m.Seq == 0 {
		t.Fatalf("prompt = %+v", m)
	}
	if c.st.Status != engine.Active || c.st.Flow != "main" {
		t.Fatalf("state = %+v", c.st)
	}
}

func TestAnswerForms(t *testing.T) {
	tests := []struct {
		name  string
		input func(*convo) *convo
		want  any
	}{
		{"number of option", func(c *convo) *convo { return c.say("2") }, "blue"},
		{"label any case", func(c *convo) *convo { return c.say("  ReD ") }, "red"},
		{"label of another locale", func(c *convo) *convo { return c.say("blau") }, "blue"},
		{"value", func(c *convo) *convo { return c.say("blue") }, "blue"},
		{"button", func(c *convo) *convo { return c.press("red") }, "red"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newConvo(t, newEngine(t)).start("")
			tt.input(c).at("age")
			if got := c.st.Vars["main"]["color"]; got != tt.want {
				t.Fatalf("color = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestStaleButtonIsRefusedAndChangesNothing(t *testing.T) {
	c := newConvo(t, newEngine(t)).start("")
	oldSeq := c.st.Seq
	c.press("red").at("age")
	before := c.st.Clone()
	c.step(engine.Input{Press: &engine.Press{Seq: oldSeq, Value: "blue"}})
	c.at("age").sent((*catalog.Catalog)(nil).Text(catalog.Closed))
	if c.st.Vars["main"]["color"] != "red" {
		t.Fatalf("a stale press changed the answer to %v", c.st.Vars["main"]["color"])
	}
	before.Updated, before.Steps = c.st.Updated, c.st.Steps
	if !reflect.DeepEqual(before, c.st) {
		t.Fatalf("a stale press changed the state")
	}
}

func TestInvalidAnswersRepromptThenFallback(t *testing.T) {
	c := newConvo(t, newEngine(t)).start("")
	c.say("purple").at("color").sent("Please choose one of the options", "Pick a colour")
	if c.lastMessage().Seq != c.st.Seq || len(c.lastMessage().Choices) != 2 {
		t.Fatalf("re-prompt must carry the same question and buttons: %+v", c.lastMessage())
	}
	c.say("green").sent("GAVE-UP", "BYE").at("end")
}

func TestNumberRange(t *testing.T) {
	c := newConvo(t, newEngine(t)).start("").press("red")
	c.say("130").at("age").sent("from 0 to 120")
	c.say("abc").at("age")
	c.say("17").at("end").sent("MINOR", "BYE")
	if c.st.Vars["main"]["age"] != 17.0 {
		t.Fatalf("age = %#v", c.st.Vars["main"]["age"])
	}
}

// fullPath walks the main flow to the review step.
func fullPath(t *testing.T, e *engine.Engine) *convo {
	c := newConvo(t, e).start("").press("red").say("40,5")
	c.at("mood/a").sent("MINI-PREAMBLE", "Item A")
	c.say("Sometimes").at("mood/b")
	c.press("0").at("pets") // b is the value 0 ("Never"): total 1, low
	return c
}

func TestQuestionnaireScoringCallAndReview(t *testing.T) {
	c := fullPath(t, newEngine(t))
	if c.st.Vars["main"]["age"] != 40.5 {
		t.Fatalf("age = %v", c.st.Vars["main"]["age"])
	}
	if n := len(c.st.Results); n != 1 || c.st.Results[0].Total != 1 || c.st.Results[0].Band != "low" || c.st.Results[0].Risk {
		t.Fatalf("results = %+v", c.st.Results)
	}
	if c.st.Vars["main"]["doubled"] != 2.0 {
		t.Fatalf("doubled = %v", c.st.Vars["main"]["doubled"])
	}
	// Multiple choice in the called flow: toggles, then Done.
	c.press("dog").at("pets")
	if m := c.lastMessage(); !m.Replace || !reflect.DeepEqual(m.Picked, []string{"dog"}) {
		t.Fatalf("toggle redraw = %+v", m)
	}
	c.press("cat").press("")
	c.at("ok")
	if got := c.st.Vars["side"]["pets"]; !reflect.DeepEqual(got, []string{"cat", "dog"}) {
		t.Fatalf("pets = %#v", got)
	}
	c.say("yes").at("note") // back in main after the call
	c.say(strings.Repeat("x", 21)).at("note").sent("at most 20 characters")
	c.say("nothing").at("check").sent("Here are your answers", "1. Pick a colour: Red", "2. Anything else?: nothing")
	// Change answer 1, then come back to the review.
	c.say("1").at("color") // typed 1 is "Change 1", as the button is numbered
	c.say("Blue").at("check").sent("1. Pick a colour: Blue")
	if m := c.lastMessage(); m.Choices[0].Value != "color" || m.Choices[2].Value != "ok" {
		t.Fatalf("review choices = %+v", m.Choices)
	}
	c.say("3").at("end").sent("NEXT-ROUTINE", "BYE")
	if r := c.refers(); len(r) != 1 || r[0].Priority != flow.Routine || r[0].Reason != "Done" {
		t.Fatalf("refers = %+v", r)
	}
}

func TestRiskFlagTakesUrgentBranchWithCrisisResources(t *testing.T) {
	c := newConvo(t, newEngine(t)).start("").press("red").say("30")
	// A crisis referral step takes the same path as crisis language: the
	// resources, the referral, then a pause until the patient is safe.
	c.press("2").press("2").at("paused").sent("CRISIS-EN", "Your safety matters").notSent("BYE")
	var scored *flow.Result
	for _, f := range c.fx {
		if s, ok := f.(engine.Scored); ok {
			scored = &s.Result
		}
	}
	if scored == nil || scored.Total != 4 || !scored.Risk || scored.Band != "high" {
		t.Fatalf("scored = %+v", scored)
	}
	if r := c.refers(); len(r) != 1 || r[0].Priority != flow.Urgent {
		t.Fatalf("refers = %+v", r)
	}
	c.press("safe").at("end").sent("Let us continue", "BYE")
	if len(c.refers()) != 0 {
		t.Fatal("continuing created another referral")
	}
}

func TestCommands(t *testing.T) {
	e := newEngine(t)
	t.Run("restart asks, no keeps going", func(t *testing.T) {
		c := newConvo(t, e).start("").press("red").at("age")
		c.cmd(engine.CmdRestart, "").at("confirm").say("no").at("age").sent("carry on", "Age?").notSent("Please answer")
	})
	t.Run("restart yes starts over", func(t *testing.T) {
		c := newConvo(t, e).start("").press("red")
		c.cmd(engine.CmdRestart, "").press("yes").at("color").sent("HELLO")
		if _, ok := c.st.Vars["main"]["color"]; ok {
			t.Fatal("restart kept an answer")
		}
	})
	t.Run("stop", func(t *testing.T) {
		c := newConvo(t, e).start("").cmd(engine.CmdStop, "").at("stopped")
		c.say("hello").at("stopped").sent("/start")
	})
	t.Run("forget", func(t *testing.T) {
		c := newConvo(t, e).start("").press("blue").cmd(engine.CmdForget, "").press("yes")
		found := false
		for _, f := range c.fx {
			if _, ok := f.(engine.Forget); ok {
				found = true
			}
		}
		if !found || c.st.Vars != nil || len(c.st.Stack) != 0 {
			t.Fatalf("forget: effects %v state %+v", c.fx, c.st)
		}
	})
	t.Run("language", func(t *testing.T) {
		c := newConvo(t, e).start("").cmd(engine.CmdLanguage, "de").sent("Farbe?", "Die Sprache wurde geändert")
		if m := c.lastMessage(); m.Choices[0].Label != "Rot" {
			t.Fatalf("choices not in German: %+v", m.Choices)
		}
		c.cmd(engine.CmdLanguage, "xx").sent("en, de")
	})
	t.Run("start resumes the same flow", func(t *testing.T) {
		newConvo(t, e).start("").press("red").start("main").at("age").sent("Welcome back", "Age?")
	})
	t.Run("start of another flow asks first", func(t *testing.T) {
		newConvo(t, e).start("").press("red").start("side").at("confirm").press("yes").at("pets")
	})
	t.Run("unknown flow", func(t *testing.T) {
		newConvo(t, e).start("nope").at("").sent("I do not know that conversation")
	})
	t.Run("help keeps the question", func(t *testing.T) {
		c := newConvo(t, e).start("")
		seq := c.st.Seq
		c.cmd(engine.CmdHelp, "").at("color").sent("cannot give medical advice")
		c.step(engine.Input{Press: &engine.Press{Seq: seq, Value: "red"}}).at("age")
	})
}

func TestTextBeforeAnySessionStartsTheDefaultFlow(t *testing.T) {
	newConvo(t, newEngine(t)).say("hi").at("color").sent("HELLO")
}

func TestResumeAfterIdleRemindsWithoutConsumingText(t *testing.T) {
	c := newConvo(t, newEngine(t)).start("").press("red")
	c.now = c.now.Add(2 * time.Hour)
	c.say("55").at("age").sent("Welcome back", "Age?")
	c.say("55").at("mood/a")
}

func TestExpiredSessionEndsCleanly(t *testing.T) {
	c := newConvo(t, newEngine(t)).start("").press("red")
	c.now = c.now.Add(8 * 24 * time.Hour)
	c.say("55").at("stopped").sent("closed after a long pause")
}

// fakeScreener finds the alert of every key the text contains.
type fakeScreener map[string]engine.Alert

func (f fakeScreener) Screen(text, _ string) []engine.Alert {
	var out []engine.Alert
	for k, a := range f {
		if strings.Contains(text, k) {
			out = append(out, a)
		}
	}
	return out
}

func TestCrisisPausesAndRefers(t *testing.T) {
	e := newEngine(t, engine.WithScreener(fakeScreener{
		"i want to die": {Kind: engine.AlertCrisis, Rule: "en/test"},
		"dose?":         {Kind: engine.AlertMedical, Rule: "en/med"},
	}))
	c := newConvo(t, e).start("").press("red")
	c.say("i want to die").at("paused").sent("CRISIS-EN", "Your safety matters")
	r := c.refers()
	if len(r) != 1 || r[0].Priority != flow.Emergency || r[0].Trigger != "crisis:en/test" || r[0].Message != "i want to die" || r[0].Step != "age" {
		t.Fatalf("refers = %+v", r)
	}
	c.say("what").at("paused").sent("CRISIS-EN")
	// Starting again does not skip the safety pause.
	c.start("main").at("paused").sent("Your safety matters")
	c.start("side").at("confirm").say("no").at("paused").sent("Your safety matters")
	c.press("safe").at("age").sent("Age?").notSent("Please answer")

	c.say("dose?").at("age").sent("cannot give medical advice", "Age?")
	if r := c.refers(); len(r) != 1 || r[0].Trigger != "medical" {
		t.Fatalf("medical refers = %+v", r)
	}
	// Crisis language before any session still reaches the resources.
	c2 := newConvo(t, e).say("i want to die").sent("CRISIS-EN")
	if len(c2.refers()) != 1 {
		t.Fatal("no referral for crisis before a session")
	}
}

func TestLongAndEmptyInput(t *testing.T) {
	c := newConvo(t, newEngine(t)).start("")
	c.say(strings.Repeat("a", 20000)).at("color").sent("too long")
	c.say("   ").at("color").sent("only read text")
}

func TestStateFromAnotherBundleIsRefused(t *testing.T) {
	e := newEngine(t)
	st := engine.State{V: 1, Bundle: "other", Status: engine.Active, Flow: "main", Stack: []engine.Frame{{Flow: "main", Step: "color"}}}
	if _, _, err := e.Step(st, engine.Input{Now: t0, Text: "1"}); err == nil {
		t.Fatal("want an error")
	}
}

func FuzzStep(f *testing.F) {
	e := newEngine(f, engine.WithScreener(fakeScreener{"crisis": {Kind: engine.AlertCrisis, Rule: "x"},
		"burden": {Kind: engine.AlertPossible, Rule: "p"}, "abuse": {Kind: engine.AlertAbuse, Rule: "a"},
		"acute": {Kind: engine.AlertAcuteMedical, Rule: "m"}, "dose": {Kind: engine.AlertMedical, Rule: "d"}}))
	f.Add([]byte("1\x002\x00red\x00/restart\x00yes\x00crisis\x00/safe\x0040\x001"))
	f.Add([]byte("/start side\x00/forget\x00yes\x00hi"))
	f.Add([]byte("red\x00burden\x00!no\x00burden abuse\x00maybe\x00!safe\x00dose\x00/stop\x00burden\x00nein"))
	f.Fuzz(func(t *testing.T, data []byte) {
		st := engine.State{}
		now := t0
		for _, part := range strings.Split(string(data), "\x00") {
			now = now.Add(time.Minute)
			in := engine.Input{Now: now}
			switch {
			case strings.HasPrefix(part, "/"):
				name, arg, _ := strings.Cut(part[1:], " ")
				in.Command = &engine.Command{Name: engine.CommandName(name), Arg: arg}
			case strings.HasPrefix(part, "!"):
				in.Press = &engine.Press{Seq: st.Seq, Value: part[1:]}
			default:
				in.Text = part
			}
			next, _, err := e.Step(st, in)
			if err != nil {
				t.Fatalf("step %q: %v", part, err)
			}
			data, err := json.Marshal(next)
			if err != nil {
				t.Fatal(err)
			}
			st = engine.State{}
			if err := json.Unmarshal(data, &st); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// A disclaimer step sends the clinic's disclaimer, in the patient's locale,
// as a flow message; a questionnaire started alone shows it before anything
// else.
func TestDisclaimerComesFirst(t *testing.T) {
	for _, tt := range []struct{ locale, want string }{{"", "DISCLAIMER-EN"}, {"de", "HINWEIS-DE"}} {
		c := newConvo(t, newEngine(t))
		c.st.Locale = tt.locale
		c.start("mini").at("run/a")
		var sent []engine.Message
		for _, f := range c.fx {
			if s, ok := f.(engine.Send); ok {
				sent = append(sent, s.Message)
			}
		}
		if len(sent) < 2 || sent[0].Text != tt.want || sent[0].Kind != engine.FromFlow {
			t.Fatalf("locale %q: first message %+v, want %q from the flow", tt.locale, sent, tt.want)
		}
	}
}

// A flow expression that fails at run time is reported by place only: the
// error of expr may quote the patient's answer, which must not reach a log.
func TestRunTimeProblemNamesThePlaceOnly(t *testing.T) {
	src := map[string][]byte{
		"clinic.yaml": sources["clinic.yaml"],
		"main.yaml": []byte(`kapbot: 1
flow: main
locale: en
title: {en: M, de: M}
steps:
  - id: howmany
    ask:
      type: text
      text: {en: "How many?", de: "Wie viele?"}
  - id: conv
    set:
      n: int(howmany)
  - id: bye
    end: {en: "BYE", de: "TSCHUESS"}
`),
	}
	e := engineOf(t, src)
	c := newConvo(t, e).start("").say("none, my secret").at("end")
	found := false
	for _, f := range c.fx {
		if p, ok := f.(engine.Problem); ok {
			found = true
			if strings.Contains(p.What, "secret") || p.Step != "conv" {
				t.Fatalf("problem %+v", p)
			}
		}
	}
	if !found {
		t.Fatal("no problem reported for the failed expression")
	}
}

// Set and branch steps in a row share one expression environment: each
// sees what the steps before it set, within the step and across steps and
// inputs, and a subflow's set does not leak into the caller's names.
func TestSetStepsSeeEarlierSets(t *testing.T) {
	src := map[string][]byte{
		"clinic.yaml": sources["clinic.yaml"],
		"main.yaml": []byte(`kapbot: 1
flow: main
locale: en
title: {en: M, de: M}
steps:
  - id: n
    ask:
      type: number
      text: {en: "N?", de: "N?"}
  - id: double
    set:
      twice: n * 2
      more: twice + 1
  - id: add
    set:
      sum: sum + more
  - id: side
    call: side
  - id: check
    branch:
      - if: sum > 10 && twice == 2
        goto: done
    else: n
  - id: done
    end: {en: "DONE", de: "FERTIG"}
vars:
  twice: number
  more: number
  sum: number
`),
		"side.yaml": []byte(`kapbot: 1
flow: side
locale: en
title: {en: S, de: S}
steps:
  - id: s
    set:
      twice: 100
vars:
  twice: number
`),
	}
	e := engineOf(t, src)
	c := newConvo(t, e).start("main").say("1").at("n").say("2").at("n").say("1").at("end")
	if got := c.st.Vars["main"]; got["sum"] != 11.0 || got["more"] != 3.0 || got["twice"] != 2.0 {
		t.Fatalf("main's vars %v, want sum 11, more 3, twice 2", got)
	}
	if got := c.st.Vars["side"]["twice"]; got != 100.0 {
		t.Fatalf("side's twice = %v, want 100", got)
	}
}

// rescreen_due lists the questionnaires without a valid result within
// rescreen_after, and drops one as soon as it is measured (here by the
// step its last answer starts; TestRescreenDueResetWithinOneStep covers a
// questionnaire scored within the step that listed it).
func TestRescreenDueDropsAMeasuredQuestionnaire(t *testing.T) {
	src := map[string][]byte{
		"clinic.yaml":              append(append([]byte{}, sources["clinic.yaml"]...), "rescreen_after: 30d\n"...),
		"questionnaires/mini.yaml": sources["questionnaires/mini.yaml"],
		"main.yaml": []byte(`kapbot: 1
flow: main
locale: en
title: {en: M, de: M}
steps:
  - id: first
    set:
      before: len(rescreen_due)
  - id: q
    questionnaire: mini
  - id: after
    set:
      later: len(rescreen_due)
  - id: n
    ask:
      type: number
      text: {en: "N?", de: "N?"}
  - id: again
    set:
      last: len(rescreen_due)
  - id: done
    end: {en: "DONE", de: "FERTIG"}
vars:
  before: number
  later: number
  last: number
`),
	}
	e := engineOf(t, src)
	c := newConvo(t, e).start("main").press("0").at("n").say("1").at("end")
	if got := c.st.Vars["main"]; got["before"] != 1.0 || got["later"] != 0.0 || got["last"] != 0.0 {
		t.Fatalf("vars %v, want before 1, later 0, last 0", got)
	}
}

// A questionnaire whose items are all skipped is scored when the flow
// enters it, in the same step as a set step that listed it as due: the
// set step after it must not see it due any more.
func TestRescreenDueResetWithinOneStep(t *testing.T) {
	src := map[string][]byte{
		"clinic.yaml": append(append([]byte{}, sources["clinic.yaml"]...), "rescreen_after: 30d\n"...),
		"questionnaires/skip.yaml": []byte(`kapbot: 1
questionnaire: skip
title: {en: Skip, de: Skip}
locale: en
options:
  - {value: 0, label: {en: Never, de: Nie}}
  - {value: 1, label: {en: Sometimes, de: Manchmal}}
items:
  - id: a
    text: {en: "Item A", de: "Punkt A"}
    when: len(missing) < 0
scoring:
  bands:
    - {name: low, min: 0, max: 1}
`),
		"main.yaml": []byte(`kapbot: 1
flow: main
locale: en
title: {en: M, de: M}
steps:
  - id: first
    set:
      before: len(rescreen_due)
  - id: q
    questionnaire: skip
  - id: after
    set:
      later: len(rescreen_due)
  - id: n
    ask:
      type: number
      text: {en: "N?", de: "N?"}
  - id: done
    end: {en: "DONE", de: "FERTIG"}
vars:
  before: number
  later: number
`),
	}
	e := engineOf(t, src)
	c := newConvo(t, e).start("main").at("n")
	if got := c.st.Vars["main"]; got["before"] != 1.0 || got["later"] != 0.0 {
		t.Fatalf("vars %v, measured %v; want before 1, later 0", got, c.st.Measured)
	}
}
