package engine_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
)

var reminderSources = map[string][]byte{
	"clinic.yaml": []byte(`kapbot: 1
name: Test Clinic
default_locale: en
default_flow: intake
retention: 30d
session_expiry: 14d
resume_after: 1h
crisis:
  en: {text: "CRISIS-EN call 112", emergency: "112"}
disclaimer: DISCLAIMER
schedules:
  time_zone: Europe/Berlin
  quiet_hours: "21:00-08:00"
  kinds: {dosing: Dosing session}
  rules:
    - {id: prepare, appointment: dosing, before: 48h, start: prep}
    - {id: evening, appointment: dosing, before: 1d, at: "22:30", say: EVENING-BEFORE}
    - {id: after, appointment: dosing, after: 24h, say: DAY-AFTER}
    - {id: welcome, after_flow: intake, after: 1d, say: WELCOME}
  nudge: {after: [1d, 3d], flows: [intake], refer: [intake], refer_after: 5d}
`),
	"intake.yaml": []byte(`kapbot: 1
flow: intake
locale: en
steps:
  - id: q1
    ask: {type: yesno, text: Q1}
  - id: q2
    ask: {type: yesno, text: Q2}
  - id: bye
    end: BYE
`),
	"prep.yaml": []byte(`kapbot: 1
flow: prep
locale: en
steps:
  - id: p1
    ask: {type: yesno, text: PREP-Q}
  - id: bye
    end: PREP-BYE
`),
}

// patient drives the engine as the runner does: it keeps the state, the
// armed timers, and fires each when the clock reaches it.
type patient struct {
	t     *testing.T
	e     *engine.Engine
	st    engine.State
	armed map[string]time.Time
	sent  []string
	refs  []engine.Refer
}

func newPatient(t *testing.T) *patient {
	b, probs := flow.Compile(reminderSources)
	if probs.Err() != nil {
		t.Fatal(probs.Err())
	}
	e, err := engine.New(b)
	if err != nil {
		t.Fatal(err)
	}
	return &patient{t: t, e: e, armed: map[string]time.Time{}}
}

func (p *patient) step(in engine.Input) {
	p.t.Helper()
	st, fx, err := p.e.Step(p.st, in)
	if err != nil {
		p.t.Fatal(err)
	}
	p.st = st
	for _, f := range fx {
		switch e := f.(type) {
		case engine.Send:
			p.sent = append(p.sent, e.Message.Text)
		case engine.Arm:
			p.armed[e.Timer.ID] = e.Timer.At
		case engine.Refer:
			p.refs = append(p.refs, e)
		}
	}
}

// until fires, in time order, every armed timer due by end, and returns
// what was sent meanwhile with the local time each fire happened.
func (p *patient) until(end time.Time) []string {
	p.t.Helper()
	var log []string
	for {
		var id string
		var at time.Time
		for i, a := range p.armed {
			if a.After(end) {
				continue
			}
			if id == "" || a.Before(at) {
				id, at = i, a
			}
		}
		if id == "" {
			return log
		}
		delete(p.armed, id)
		n := len(p.sent)
		p.step(engine.Input{Now: at, Fire: id})
		for _, s := range p.sent[n:] {
			log = append(log, at.In(berlin).Format("01-02 15:04")+" "+s)
		}
	}
}

var berlin, _ = time.LoadLocation("Europe/Berlin")

func TestRemindersAroundAnAppointmentWithQuietHoursAcrossDST(t *testing.T) {
	p := newPatient(t)
	now := time.Date(2026, 10, 20, 12, 0, 0, 0, berlin)
	p.step(engine.Input{Now: now, Command: &engine.Command{Name: engine.CmdStart}})
	p.step(engine.Input{Now: now, Text: "yes"})
	p.step(engine.Input{Now: now, Text: "yes"}) // intake ends
	// The session is on Tuesday 27 October, 09:00, after the change to
	// winter time on Sunday 25 October.
	appt := time.Date(2026, 10, 27, 9, 0, 0, 0, berlin)
	p.step(engine.Input{Now: now, Appointment: &engine.AppointmentChange{Appointment: engine.Appointment{ID: "a1", Kind: "dosing", At: appt}}})
	got := p.until(time.Date(2026, 11, 1, 0, 0, 0, 0, berlin))
	want := []string{
		"10-21 12:00 " + (*catalog.Catalog)(nil).Text(catalog.ReminderIntro), // welcome: a day after the intake ended
		"10-21 12:00 WELCOME",
		"10-25 09:00 PREP-Q",         // 48h before 09:00 on the 27th, across the change: 09:00 local
		"10-27 08:00 EVENING-BEFORE", // 22:30 is in quiet hours: at their end
		"10-28 09:00 DAY-AFTER",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("sent:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMovedAndCancelledAppointmentsLeaveStaleFiresSilent(t *testing.T) {
	p := newPatient(t)
	now := time.Date(2027, 3, 1, 12, 0, 0, 0, berlin)
	add := func(id string, at time.Time, cancel bool) {
		p.step(engine.Input{Now: now, Appointment: &engine.AppointmentChange{Cancel: cancel,
			Appointment: engine.Appointment{ID: id, Kind: "dosing", At: at}}})
	}
	add("a1", time.Date(2027, 3, 10, 10, 0, 0, 0, berlin), false)
	add("a2", time.Date(2027, 3, 20, 10, 0, 0, 0, berlin), false)
	old := map[string]time.Time{}
	for id, at := range p.armed {
		old[id] = at
	}
	add("a1", time.Date(2027, 3, 12, 10, 0, 0, 0, berlin), false) // moved
	add("a2", time.Time{}, true)                                  // cancelled
	// Every timer armed before the changes fires, and says nothing.
	for id, at := range old {
		n := len(p.sent)
		p.step(engine.Input{Now: at, Fire: id})
		if len(p.sent) != n {
			t.Fatalf("stale fire at %s sent %q", at, p.sent[n:])
		}
	}
	p.sent = nil
	got := p.until(time.Date(2027, 4, 1, 0, 0, 0, 0, berlin))
	if len(got) != 4 || !strings.HasSuffix(got[1], "PREP-Q") || !strings.HasPrefix(got[1], "03-10 10:00") ||
		!strings.HasPrefix(got[3], "03-13 10:00") {
		t.Fatalf("after the move: %q", got)
	}
	// Firing a timer a second time (a redelivered fire) does nothing.
	for id := range old {
		n := len(p.sent)
		p.step(engine.Input{Now: now.Add(60 * 24 * time.Hour), Fire: id})
		if len(p.sent) != n {
			t.Fatal("a fire applied twice")
		}
	}
}

func TestStopAndRemindersOffCancelEverything(t *testing.T) {
	for _, cmd := range []engine.Command{{Name: engine.CmdStop}, {Name: engine.CmdReminders, Arg: "off"}} {
		p := newPatient(t)
		now := time.Date(2027, 3, 1, 12, 0, 0, 0, berlin)
		p.step(engine.Input{Now: now, Appointment: &engine.AppointmentChange{Appointment: engine.Appointment{ID: "a1", Kind: "dosing", At: now.Add(5 * 24 * time.Hour)}}})
		if len(p.armed) == 0 {
			t.Fatal("nothing armed")
		}
		p.step(engine.Input{Now: now, Command: &cmd})
		p.sent = nil
		if got := p.until(now.Add(30 * 24 * time.Hour)); len(got) != 0 {
			t.Fatalf("/%s %s: still sent %q", cmd.Name, cmd.Arg, got)
		}
		p.step(engine.Input{Now: now, Command: &engine.Command{Name: engine.CmdReminders, Arg: "on"}})
		if got := p.until(now.Add(30 * 24 * time.Hour)); len(got) < 3 {
			t.Fatalf("/reminders on: only %q", got)
		}
	}
}

func TestNudgesThenAReferralWhenTheIntakeGoesQuiet(t *testing.T) {
	p := newPatient(t)
	now := time.Date(2027, 3, 1, 12, 0, 0, 0, berlin)
	p.step(engine.Input{Now: now, Command: &engine.Command{Name: engine.CmdStart}})
	p.step(engine.Input{Now: now.Add(time.Hour), Text: "yes"}) // then silence
	got := p.until(now.Add(30 * 24 * time.Hour))
	nudge := (*catalog.Catalog)(nil).Text(catalog.Nudge)
	want := []string{
		"03-02 13:00 " + (*catalog.Catalog)(nil).Text(catalog.ReminderIntro),
		"03-02 13:00 " + nudge, "03-02 13:00 Q2",
		"03-05 13:00 " + nudge, "03-05 13:00 Q2", // 3 days after the first nudge
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("sent:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(p.refs) != 1 || p.refs[0].Trigger != "quiet" || p.refs[0].Flow != "intake" {
		t.Fatalf("referrals: %+v", p.refs)
	}
	// An answer after a nudge counts the silence again from there.
	p = newPatient(t)
	p.step(engine.Input{Now: now, Command: &engine.Command{Name: engine.CmdStart}})
	p.until(now.Add(25 * time.Hour)) // the first nudge
	p.step(engine.Input{Now: now.Add(26 * time.Hour), Text: "yes"})
	p.sent = nil
	got = p.until(now.Add(26*time.Hour + 3*24*time.Hour - time.Minute))
	if len(got) != 0 {
		t.Fatalf("nudged before 3 days of silence: %q", got)
	}
}

func TestAppointmentsCommandListsWhatLiesAhead(t *testing.T) {
	p := newPatient(t)
	now := time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)
	p.step(engine.Input{Now: now, Command: &engine.Command{Name: engine.CmdAppointments}})
	if p.sent[len(p.sent)-1] != (*catalog.Catalog)(nil).Text(catalog.NoAppointments) {
		t.Fatalf("no appointments: %q", p.sent)
	}
	p.step(engine.Input{Now: now, Appointment: &engine.AppointmentChange{Appointment: engine.Appointment{ID: "x", Kind: "dosing",
		At: time.Date(2027, 3, 9, 9, 30, 0, 0, time.UTC), TZ: "America/New_York"}}})
	p.step(engine.Input{Now: now, Command: &engine.Command{Name: engine.CmdAppointments}})
	if got := p.sent[len(p.sent)-1]; !strings.Contains(got, "2027-03-09 04:30 (America/New_York): Dosing session") {
		t.Fatalf("list: %q", got)
	}
	if p.st.TZ != "America/New_York" {
		t.Fatalf("the patient's zone is %q", p.st.TZ)
	}
}

// A fire that comes before its reminder is due (a store that lets it out
// in the due time's own millisecond, a moved appointment) says nothing and
// arms the reminder again under a new id: the runner records the early
// fire's id as applied, so the fire at the due time must not carry it.
func TestAnEarlyFireArmsTheReminderUnderANewID(t *testing.T) {
	p := newPatient(t)
	now := time.Date(2027, 3, 1, 12, 0, 0, 0, berlin)
	appt := time.Date(2027, 3, 10, 10, 0, 0, 123456789, berlin) // not on a millisecond
	p.step(engine.Input{Now: now, Appointment: &engine.AppointmentChange{Appointment: engine.Appointment{ID: "a1", Kind: "dosing", At: appt}}})
	var id string
	var at time.Time
	for i, a := range p.armed {
		if id == "" || a.Before(at) {
			id, at = i, a
		}
	}
	delete(p.armed, id)
	p.sent = nil
	p.step(engine.Input{Now: at.Add(-time.Microsecond), Fire: id})
	if len(p.sent) != 0 {
		t.Fatalf("an early fire sent %q", p.sent)
	}
	again, ok := "", false
	for i, a := range p.armed {
		if a.Equal(at) {
			again, ok = i, true
		}
	}
	if !ok || again == id {
		t.Fatalf("after an early fire of %s due %s, armed %v: want the same time under a new id", id, at, p.armed)
	}
	delete(p.armed, again)
	p.step(engine.Input{Now: at, Fire: again})
	if len(p.sent) == 0 || p.sent[len(p.sent)-1] != "PREP-Q" {
		t.Fatalf("the fire at the due time sent %q, want the prepare flow's question", p.sent)
	}
}
