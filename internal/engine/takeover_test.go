package engine_test

import (
	"testing"

	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/engine"
)

func (c *convo) staff(kind engine.StaffKind, ref, text string) *convo {
	return c.step(engine.Input{Staff: &engine.StaffAction{Kind: kind, Referral: ref, Text: text, By: "Dr. A", Channel: "telegram", Dest: "-1", User: "7"}})
}

func (c *convo) relays() []engine.Relay {
	var out []engine.Relay
	for _, f := range c.fx {
		if r, ok := f.(engine.Relay); ok {
			out = append(out, r)
		}
	}
	return out
}

func (c *convo) relayed(kind engine.RelayKind, text string) *convo {
	c.t.Helper()
	rs := c.relays()
	if len(rs) != 1 || rs[0].Kind != kind || rs[0].Text != text || rs[0].Referral != "ref1" {
		c.t.Fatalf("relays %+v, want one %s %q of ref1", rs, kind, text)
	}
	return c
}

// A takeover pauses the flow: the patient's words go to the staff, not to
// the question; the staff's words reach the patient under the catalogue's
// heading; crisis language is still screened; handing back asks the
// waiting question again with the same prompt number.
func TestTakeoverRelaysBothWaysAndHandsBack(t *testing.T) {
	e := newEngine(t, engine.WithScreener(fakeScreener{"i want to die": {Kind: engine.AlertCrisis, Rule: "en/test"}}))
	c := newConvo(t, e).start("").press("red").at("age")
	seq := c.st.Seq

	c.staff(engine.StaffTakeover, "ref1", "").at("takeover").sent("care team has joined").relayed(engine.RelayTakeover, "")
	if r := c.relays()[0]; r.By != "Dr. A" || r.Channel != "telegram" || r.Dest != "-1" || r.User != "7" {
		t.Fatalf("relay record %+v", r)
	}
	c.say("42").at("takeover").relayed(engine.RelayPatient, "42")
	if len(c.texts()) != 0 {
		t.Fatalf("the bot answered the patient during a takeover: %q", c.texts())
	}
	if _, ok := c.st.Vars["main"]["age"]; ok && c.st.Vars["main"]["age"] != 0.0 {
		t.Fatal("a relayed message was taken as an answer")
	}
	c.staff(engine.StaffSay, "ref1", "Hello, I am Dr. A.").at("takeover").relayed(engine.RelayStaff, "Hello, I am Dr. A.")
	m := c.lastMessage()
	if m.Kind != engine.FromStaff || m.Text != "Message from the care team:\n\nHello, I am Dr. A." || m.Key != catalog.FromCareTeam {
		t.Fatalf("relayed message %+v", m)
	}
	c.press("x").at("takeover").sent("writing with you")
	c.cmd(engine.CmdRestart, "").at("takeover").sent("writing with you")
	c.staff(engine.StaffSay, "other", "wrong referral").at("takeover").notSent("wrong referral")

	c.say("i want to die").at("takeover").sent("CRISIS-EN").relayed(engine.RelayPatient, "i want to die")
	if len(c.refers()) != 1 {
		t.Fatal("crisis language during a takeover made no referral")
	}
	c.staff(engine.StaffTakeover, "ref1", "").at("takeover")
	if len(c.fx) != 0 {
		t.Fatalf("a repeated takeover did something: %+v", c.fx)
	}

	c.staff(engine.StaffHandback, "ref1", "").at("age").sent("handed the conversation back", "Age?").relayed(engine.RelayHandback, "")
	if c.st.Seq != seq || c.lastMessage().Seq != 0 && c.lastMessage().Seq != seq {
		t.Fatalf("seq %d after handback, want %d", c.st.Seq, seq)
	}
	c.say("30").at("mood/a")
	c.staff(engine.StaffSay, "ref1", "late").relayed(engine.RelayUndelivered, "late").notSent("late")
}

func TestTakeoverStatesReturnWhereTheyWere(t *testing.T) {
	e := newEngine(t, engine.WithScreener(fakeScreener{"i want to die": {Kind: engine.AlertCrisis, Rule: "en/test"}}))
	// A safety pause comes back as the safety question.
	c := newConvo(t, e).start("").say("i want to die").at("paused")
	c.staff(engine.StaffTakeover, "ref1", "").at("takeover")
	c.staff(engine.StaffHandback, "ref1", "").at("paused").sent("Your safety matters")
	// An ended conversation stays ended, and the patient can still write.
	c = newConvo(t, e).start("").cmd(engine.CmdStop, "").at("stopped")
	c.staff(engine.StaffTakeover, "ref1", "").at("takeover")
	c.say("thanks").relayed(engine.RelayPatient, "thanks")
	c.staff(engine.StaffHandback, "ref1", "").at("stopped")
	if len(c.texts()) != 0 {
		t.Fatalf("sent %q on handing back a stopped conversation", c.texts())
	}
	// The patient's /stop ends the takeover too; the staff see it.
	c = newConvo(t, e).start("").staff(engine.StaffTakeover, "ref1", "")
	c.cmd(engine.CmdStop, "").at("stopped")
	if rs := c.relays(); len(rs) != 2 || rs[0].Kind != engine.RelayPatient || rs[0].Text != "/stop" || rs[1].Kind != engine.RelayHandback || rs[1].By != "" {
		t.Fatalf("relays on /stop %+v", rs)
	}
	c.staff(engine.StaffSay, "ref1", "hello?").relayed(engine.RelayUndelivered, "hello?")
}
