package engine_test

import (
	"strings"
	"testing"

	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
)

// safetyScreener finds, by key words, one alert of every kind.
var safetyScreener = fakeScreener{
	"CRISIS":  {Kind: engine.AlertCrisis, Rule: "en/crisis/t"},
	"ACUTE":   {Kind: engine.AlertAcuteMedical, Rule: "en/acute_medical/t"},
	"HARM":    {Kind: engine.AlertHarmToOthers, Rule: "en/harm_to_others/t"},
	"ABUSE":   {Kind: engine.AlertAbuse, Rule: "en/abuse/t"},
	"BURDEN":  {Kind: engine.AlertPossible, Rule: "en/possible/burden"},
	"MEDICAL": {Kind: engine.AlertMedical, Rule: "en/medical/t"},
}

// withResources is the test clinic with its own harm_to_others, abuse and
// acute_medical blocks.
func withResources(t *testing.T) *engine.Engine {
	t.Helper()
	src := map[string][]byte{}
	for k, v := range sources {
		src[k] = v
	}
	src["clinic.yaml"] = append(append([]byte{}, sources["clinic.yaml"]...), []byte(`harm_to_others:
  en: {text: "HARM-EN call 112", emergency: "112"}
  de: {text: "GEWALT-DE ruf 112 an", emergency: "112"}
abuse:
  en: {text: "ABUSE-LINE-EN"}
  de: {text: "MISSBRAUCH-DE"}
acute_medical:
  en: {text: "ACUTE-EN call 112 now"}
  de: {text: "AKUT-DE 112 jetzt"}
`)...)
	return engineOf(t, src, engine.WithScreener(safetyScreener))
}

func (c *convo) oneRefer(p flow.Priority, trigger, msg string) engine.Refer {
	c.t.Helper()
	r := c.refers()
	if len(r) != 1 || r[0].Priority != p || r[0].Trigger != trigger || r[0].Message != msg {
		c.t.Fatalf("referrals %+v, want one %s %s with the message %q", r, p, trigger, msg)
	}
	return r[0]
}

func (c *convo) noRefer() *convo {
	c.t.Helper()
	if r := c.refers(); len(r) != 0 {
		c.t.Fatalf("unexpected referrals %+v", r)
	}
	return c
}

const question = "Are you having thoughts of ending your life"

// The direct question, answered each way, typed and pressed.
func TestPossibleRiskAsksDirectly(t *testing.T) {
	e := newEngine(t, engine.WithScreener(safetyScreener))
	asked := func(t *testing.T) *convo {
		c := newConvo(t, e).start("").press("red").at("age")
		c.say("I am a BURDEN to everyone").at("safety_check").sent(question).noRefer()
		m := c.lastMessage()
		if m.Key != catalog.SafetyQuestion || len(m.Choices) != 3 || m.Choices[0].Value != "yes" || m.Choices[1].Value != "no" || m.Choices[2] != (engine.Option{Value: "not_sure", Label: "Not sure"}) || m.Seq != c.st.Seq {
			t.Fatalf("direct question %+v", m)
		}
		return c
	}
	for _, yes := range []struct{ name, press, say, reason string }{
		{"press yes", "yes", "", "Answered yes"},
		{"press not sure", "not_sure", "", "Answered not sure"},
		{"typed yes", "", "Yes.", "Answered yes"},
		{"typed ja", "", "ja", "Answered yes"},
		{"typed yes with more", "", "yes, sometimes", "Answered yes"},
		{"typed not sure", "", "not sure", "Answered not sure"},
		{"typed unsure", "", "Unsure", "Answered not sure"},
		{"typed maybe", "", "maybe", "Answered not sure"},
		{"typed vielleicht", "", "vielleicht", "Answered not sure"},
		{"typed weiß nicht", "", "weiß nicht", "Answered not sure"},
		{"typed the label", "", "Not sure", "Answered not sure"},
		{"typed the number", "", "3", "Answered not sure"},
	} {
		t.Run(yes.name, func(t *testing.T) {
			c := asked(t)
			if yes.press != "" {
				c.press(yes.press)
			} else {
				c.say(yes.say)
			}
			c.at("paused").sent("CRISIS-EN", "Your safety matters")
			r := c.oneRefer(flow.Emergency, "crisis:en/possible/burden", "I am a BURDEN to everyone")
			if !strings.HasPrefix(r.Reason, yes.reason) || r.Step != "age" {
				t.Fatalf("referral %+v", r)
			}
			c.press("safe").at("age").sent("Age?")
		})
	}
	for _, no := range []struct{ name, press, say string }{
		{"press no", "no", ""},
		{"typed no", "", "No"},
		{"typed nope", "", "nope!"},
		{"typed nein", "", "nein"},
		{"typed no i'm not", "", "no I’m not"},
	} {
		t.Run(no.name, func(t *testing.T) {
			c := asked(t)
			seq := c.st.Seq
			if no.press != "" {
				c.press(no.press)
			} else {
				c.say(no.say)
			}
			c.at("age").sent("Thank you for answering", "Age?").notSent("Please answer").notSent("CRISIS-EN")
			r := c.oneRefer(flow.Routine, "possible:en/possible/burden", "I am a BURDEN to everyone")
			if r.Step != "age" || !strings.Contains(r.Reason, "answered no") {
				t.Fatalf("referral %+v", r)
			}
			if m := c.lastMessage(); m.Seq != c.st.Seq || m.Seq == seq {
				t.Fatalf("the question re-asked under seq %d (state %d, direct question %d)", m.Seq, c.st.Seq, seq)
			}
			// A second press of the direct question's button is stale:
			// nothing is applied twice.
			c.step(engine.Input{Press: &engine.Press{Seq: seq, Value: "no"}}).at("age").sent("question is closed").noRefer()
			c.say("40").at("mood/a")
		})
	}
	t.Run("garbage asks again", func(t *testing.T) {
		c := asked(t)
		c.say("what do you mean").at("safety_check").sent(question).noRefer().notSent("Age?")
		c.say("40").at("safety_check").noRefer()
		c.press("no").at("age")
	})
	t.Run("a no that says more", func(t *testing.T) {
		for _, more := range []string{"no, I would never do that", "No I'm not, just tired.", "not really. just exhausted", "nein, so etwas denke ich nicht"} {
			c := asked(t)
			c.say(more).at("age").sent("Thank you for answering")
			c.oneRefer(flow.Routine, "possible:en/possible/burden", "I am a BURDEN to everyone\n\n"+more)
		}
		for _, turned := range []string{"no, but sometimes", "no?", "No. But I think about it", "nein, aber manchmal schon", "no, just a BURDEN", "nope, yes"} {
			c := asked(t)
			c.say(turned).at("safety_check").sent(question).noRefer()
		}
	})
	t.Run("a button of the question before is stale", func(t *testing.T) {
		c := newConvo(t, e).start("")
		old := c.st.Seq
		c.say("BURDEN").at("safety_check")
		c.step(engine.Input{Press: &engine.Press{Seq: old, Value: "blue"}}).at("safety_check").sent("question is closed", question).noRefer()
		if _, ok := c.st.Vars["main"]["color"]; ok {
			t.Fatal("a stale press answered the flow's question")
		}
		c.press("no").at("color").sent("Pick a colour")
		c.press("blue").at("age")
	})
	t.Run("crisis language while it waits", func(t *testing.T) {
		c := asked(t)
		c.say("i have a CRISIS plan").at("paused").sent("CRISIS-EN")
		c.oneRefer(flow.Emergency, "crisis:en/crisis/t", "I am a BURDEN to everyone\n\ni have a CRISIS plan")
		if c.st.Check != nil {
			t.Fatal("the direct question still waits after the crisis path")
		}
	})
	t.Run("a medical question while it waits", func(t *testing.T) {
		c := asked(t)
		c.say("MEDICAL?").at("safety_check").sent("cannot give medical advice", question)
		c.oneRefer(flow.Soon, "medical", "MEDICAL?")
	})
	t.Run("a yes that also speaks of a medicine", func(t *testing.T) {
		for _, yes := range []string{"yes, and I stopped my MEDICAL pills", "ja, ich setz das MEDICAL ab", "not sure, can I double my MEDICAL"} {
			c := asked(t)
			c.say(yes).at("paused").sent("CRISIS-EN", "Your safety matters").notSent("cannot give medical advice")
			c.oneRefer(flow.Emergency, "crisis:en/possible/burden", "I am a BURDEN to everyone\n\n"+yes)
		}
	})
	t.Run("commands while it waits", func(t *testing.T) {
		c := asked(t)
		c.cmd(engine.CmdRestart, "").at("safety_check").sent(question).noRefer()
		c.start("main").at("safety_check").sent("Welcome back", question).noRefer()
		c.cmd(engine.CmdHelp, "").at("safety_check").sent("cannot give medical advice", question)
		c.cmd(engine.CmdLanguage, "de").at("safety_check").sent("Haben Sie Gedanken, sich das Leben zu nehmen")
		c.cmd(engine.CmdStop, "").at("stopped")
		r := c.oneRefer(flow.Soon, "possible:en/possible/burden", "I am a BURDEN to everyone")
		if !strings.Contains(r.Reason, "not answered") {
			t.Fatalf("referral %+v", r)
		}
	})
	t.Run("an expired session refers the unanswered question", func(t *testing.T) {
		c := asked(t)
		c.now = c.now.AddDate(0, 0, 8)
		c.say("no").at("stopped").sent("closed after a long pause")
		c.oneRefer(flow.Soon, "possible:en/possible/burden", "I am a BURDEN to everyone")
	})
	t.Run("a crisis during a takeover answers it", func(t *testing.T) {
		c := asked(t)
		c.staff(engine.StaffTakeover, "ref1", "").at("takeover")
		c.say("CRISIS").at("takeover").sent("CRISIS-EN").relayed(engine.RelayPatient, "CRISIS")
		c.oneRefer(flow.Emergency, "crisis:en/crisis/t", "I am a BURDEN to everyone\n\nCRISIS")
		c.staff(engine.StaffHandback, "ref1", "").at("age").notSent(question)
	})
	t.Run("it survives a takeover", func(t *testing.T) {
		c := asked(t)
		c.staff(engine.StaffTakeover, "ref1", "").at("takeover")
		c.press("no").at("takeover").noRefer()
		c.staff(engine.StaffHandback, "ref1", "").at("safety_check").sent(question)
		c.press("no").at("age").oneRefer(flow.Routine, "possible:en/possible/burden", "I am a BURDEN to everyone")
	})
}

// Where the patient was decides what follows a No: a confirmation is asked
// again, an ended conversation stays ended, and before any session the
// default flow starts.
func TestPossibleRiskGoesOnWhereThePatientWas(t *testing.T) {
	e := newEngine(t, engine.WithScreener(safetyScreener))
	c := newConvo(t, e).start("").cmd(engine.CmdRestart, "").at("confirm")
	c.say("BURDEN").at("safety_check").press("no").at("confirm").sent("Start again from the beginning?")
	c.press("no").at("color")

	c = newConvo(t, e).start("").cmd(engine.CmdStop, "").at("stopped")
	c.say("BURDEN").at("safety_check").say("no").at("stopped").sent("Thank you for answering", "has ended")

	c = newConvo(t, e).say("BURDEN").at("safety_check")
	c.say("no").at("color").sent("Thank you for answering", "HELLO", "Pick a colour")
	c.oneRefer(flow.Routine, "possible:en/possible/burden", "BURDEN")

	c = newConvo(t, e).say("BURDEN").at("safety_check").say("yes").at("").sent("CRISIS-EN").notSent("Your safety matters")
	c.oneRefer(flow.Emergency, "crisis:en/possible/burden", "BURDEN")

	// Paused already: the crisis resources again, no second question.
	c = newConvo(t, e).start("").say("CRISIS").at("paused")
	c.say("BURDEN").at("paused").sent("CRISIS-EN", "Your safety matters").noRefer().notSent(question)

	// During a takeover the staff read it; a routine referral marks it.
	c = newConvo(t, e).start("").staff(engine.StaffTakeover, "ref1", "")
	c.say("BURDEN").at("takeover").relayed(engine.RelayPatient, "BURDEN").notSent(question)
	c.oneRefer(flow.Routine, "possible:en/possible/burden", "BURDEN")
}

// The categories besides crisis: their resources under their heading (the
// crisis resources when the clinic gave none), their priority, and the
// pause or not.
func TestSafetyCategories(t *testing.T) {
	for _, tt := range []struct {
		name    string
		e       *engine.Engine
		say     string
		at      string
		sent    []string
		p       flow.Priority
		trigger string
	}{
		{"acute medical", withResources(t), "ACUTE chest pain", "paused", []string{"may need urgent medical help", "ACUTE-EN call 112 now", "Your safety matters"}, flow.Emergency, "acute_medical:en/acute_medical/t"},
		{"harm to others", withResources(t), "HARM", "paused", []string{"someone could get hurt", "HARM-EN"}, flow.Emergency, "harm_to_others:en/harm_to_others/t"},
		{"abuse goes on", withResources(t), "ABUSE", "age", []string{"may not be safe with someone", "ABUSE-LINE-EN", "Age?"}, flow.Urgent, "abuse:en/abuse/t"},
		{"acute medical without a block", newEngine(t, engine.WithScreener(safetyScreener)), "ACUTE", "paused", []string{"may need urgent medical help", "CRISIS-EN"}, flow.Emergency, "acute_medical:en/acute_medical/t"},
		{"abuse without a block", newEngine(t, engine.WithScreener(safetyScreener)), "ABUSE", "age", []string{"may not be safe with someone", "CRISIS-EN"}, flow.Urgent, "abuse:en/abuse/t"},
		{"crisis wins over medical", withResources(t), "CRISIS MEDICAL", "paused", []string{"CRISIS-EN"}, flow.Emergency, "crisis:en/crisis/t"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := newConvo(t, tt.e).start("").press("red")
			c.say(tt.say).at(tt.at).sent(tt.sent...).notSent("cannot give medical advice")
			c.oneRefer(tt.p, tt.trigger, tt.say)
			if m := c.texts()[0]; c.fx[0].(engine.Send).Message.Kind != engine.Crisis || !strings.Contains(m, tt.sent[0]) {
				t.Fatalf("first message %q, want the resources", m)
			}
		})
	}
	t.Run("a crisis and acute symptoms show both, refer once", func(t *testing.T) {
		c := newConvo(t, withResources(t)).start("")
		c.say("CRISIS and ACUTE").at("paused").sent("CRISIS-EN", "ACUTE-EN")
		r := c.oneRefer(flow.Emergency, "crisis:en/crisis/t", "CRISIS and ACUTE")
		if !strings.Contains(r.Reason, "also: acute_medical") {
			t.Fatalf("reason %q", r.Reason)
		}
	})
	t.Run("abuse and a possible risk: resources, then the question", func(t *testing.T) {
		c := newConvo(t, withResources(t)).start("").press("red")
		c.say("ABUSE and a BURDEN").at("safety_check").sent("ABUSE-LINE-EN", question).notSent("Age?")
		c.oneRefer(flow.Urgent, "abuse:en/abuse/t", "ABUSE and a BURDEN")
		c.press("no").at("age").oneRefer(flow.Routine, "possible:en/possible/burden", "ABUSE and a BURDEN")
	})
	t.Run("abuse and a possible risk while paused: no question, both resources", func(t *testing.T) {
		c := newConvo(t, withResources(t)).start("").say("CRISIS").at("paused")
		c.say("ABUSE and a BURDEN").at("paused").sent("ABUSE-LINE-EN", "CRISIS-EN", "Your safety matters").notSent(question)
		c.oneRefer(flow.Urgent, "abuse:en/abuse/t", "ABUSE and a BURDEN")
	})
	t.Run("the resources in the patient's locale", func(t *testing.T) {
		c := newConvo(t, withResources(t))
		c.st.Locale = "de"
		c.start("").say("HARM").at("paused").sent("GEWALT-DE").notSent("HARM-EN")
	})
	t.Run("a pause for acute symptoms shows their resources again", func(t *testing.T) {
		c := newConvo(t, withResources(t)).start("").say("ACUTE").at("paused")
		c.say("hello?").at("paused").sent("ACUTE-EN").notSent("CRISIS-EN")
		c.press("safe").at("color")
		c.say("CRISIS").at("paused").say("hello?").sent("CRISIS-EN").notSent("ACUTE-EN")
	})
}

// Every message is screened in full, in every state.
func TestEveryMessageIsScreened(t *testing.T) {
	e := withResources(t)
	long := func(n int, mid string) string {
		filler := strings.Repeat("Today I went for a walk and thought about the week. ", n/52+1)
		return filler[:n/2] + " " + mid + " " + filler[:n/2]
	}
	t.Run("a crisis inside a long message", func(t *testing.T) {
		c := newConvo(t, e).start("").press("red")
		msg := long(4000, "CRISIS")
		c.say(msg).at("paused").sent("CRISIS-EN").oneRefer(flow.Emergency, "crisis:en/crisis/t", msg)
	})
	t.Run("a crisis inside a message over the limit", func(t *testing.T) {
		c := newConvo(t, e).start("").press("red")
		msg := long(40000, "CRISIS")
		c.say(msg).at("paused").sent("CRISIS-EN").notSent("too long")
		c.oneRefer(flow.Emergency, "crisis:en/crisis/t", msg)
		c = newConvo(t, e).start("").press("red")
		c.say(long(40000, "nothing")).at("age").sent("too long").noRefer()
	})
	t.Run("paused", func(t *testing.T) {
		c := newConvo(t, e).start("").say("CRISIS").at("paused")
		c.say("CRISIS again").at("paused").sent("CRISIS-EN", "Your safety matters").oneRefer(flow.Emergency, "crisis:en/crisis/t", "CRISIS again")
		c.say("MEDICAL?").at("paused").sent("cannot give medical advice", "Your safety matters").oneRefer(flow.Soon, "medical", "MEDICAL?")
	})
	t.Run("takeover", func(t *testing.T) {
		c := newConvo(t, e).start("").staff(engine.StaffTakeover, "ref1", "")
		c.say("ACUTE").at("takeover").sent("ACUTE-EN").relayed(engine.RelayPatient, "ACUTE").oneRefer(flow.Emergency, "acute_medical:en/acute_medical/t", "ACUTE")
		c.say("ABUSE").at("takeover").sent("ABUSE-LINE-EN").relayed(engine.RelayPatient, "ABUSE").oneRefer(flow.Urgent, "abuse:en/abuse/t", "ABUSE")
		c.say("MEDICAL?").at("takeover").relayed(engine.RelayPatient, "MEDICAL?").noRefer()
		if len(c.texts()) != 0 {
			t.Fatalf("the bot answered a medical question the staff read: %q", c.texts())
		}
	})
	t.Run("a pending /forget", func(t *testing.T) {
		c := newConvo(t, e).start("").cmd(engine.CmdForget, "").at("confirm")
		c.say("CRISIS").at("paused").sent("CRISIS-EN").oneRefer(flow.Emergency, "crisis:en/crisis/t", "CRISIS")
		for _, f := range c.fx {
			if _, ok := f.(engine.Forget); ok {
				t.Fatal("crisis language was taken as a yes to /forget")
			}
		}
		c.press("safe").at("color")
	})
	t.Run("a medical question at a confirmation is referred", func(t *testing.T) {
		c := newConvo(t, e).start("").cmd(engine.CmdRestart, "")
		c.say("MEDICAL?").at("confirm").sent("cannot give medical advice", "Start again").oneRefer(flow.Soon, "medical", "MEDICAL?")
	})
	t.Run("ended", func(t *testing.T) {
		c := newConvo(t, e).start("").cmd(engine.CmdStop, "")
		c.say("HARM").at("stopped").sent("HARM-EN").notSent("Your safety matters").oneRefer(flow.Emergency, "harm_to_others:en/harm_to_others/t", "HARM")
		c.say("MEDICAL?").at("stopped").sent("cannot give medical advice", "has ended").oneRefer(flow.Soon, "medical", "MEDICAL?")
	})
	t.Run("before any session", func(t *testing.T) {
		c := newConvo(t, e).say("ABUSE").at("color").sent("ABUSE-LINE-EN", "HELLO")
		c.oneRefer(flow.Urgent, "abuse:en/abuse/t", "ABUSE")
	})
}
