package referral

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/runner"
)

// inboxPatients records what the desk hands the patients' sessions.
type inboxPatients struct {
	mu  sync.Mutex
	ins []runner.Inbound
}

func (f *inboxPatients) Handle(_ context.Context, in runner.Inbound) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.ins = append(f.ins, in)
	return nil
}

func TestStaffRecordAndCancelAnAppointment(t *testing.T) {
	clk := &clock{now: t0}
	st, lk, _ := newStore(t)
	cl := clinic()
	cl.Schedules = &flow.Schedules{TimeZone: "America/New_York", Kinds: map[string]flow.Text{"dosing": {"en": "Dosing"}, "integration": {"en": "Integration"}}}
	n := NewNotifier(st, func(context.Context) (*flow.Clinic, error) { return cl, nil }, lk, WithClock(clk.Now),
		WithBundles(func(context.Context, string) (*flow.Bundle, error) { return bundle(), nil }))
	n.Register("telegram", &fakeSender{})
	pats := &inboxPatients{}
	d := NewDesk(n, WithPatients(pats))
	ctx := context.Background()
	if err := n.Refer(ctx, runnerReferral("ap#0", flow.Routine)); err != nil {
		t.Fatal(err)
	}
	n.Wait()
	id := IDFor("ap#0")
	staff := func(args string) string {
		t.Helper()
		rep, err := d.HandleStaff(ctx, runner.StaffInput{Channel: "telegram", Dest: "-100", User: "111", Command: "appointment", Args: args, MessageID: args})
		if err != nil {
			t.Fatal(err)
		}
		return rep.Text
	}
	rep := staff(id + " 2027-03-15 10:00 integration")
	ny, _ := time.LoadLocation("America/New_York")
	if len(pats.ins) != 1 {
		t.Fatalf("nothing recorded: %q", rep)
	}
	in := pats.ins[0]
	a := in.Input.Appointment
	if in.Patient != "tg:4242" || a == nil || a.Cancel || a.Appointment.Kind != "integration" || !a.Appointment.At.Equal(time.Date(2027, 3, 15, 10, 0, 0, 0, ny)) {
		t.Fatalf("recorded %+v for %s", a, in.Patient)
	}
	if !strings.Contains(rep, "integration on 2027-03-15 10:00 (America/New_York)") {
		t.Fatalf("reply %q", rep)
	}
	staff(id + " cancel " + a.Appointment.ID)
	if c := pats.ins[1].Input.Appointment; len(pats.ins) != 2 || !c.Cancel || c.Appointment.ID != a.Appointment.ID {
		t.Fatalf("cancel: %+v", pats.ins[1:])
	}
	// Staff mistakes change nothing and say what to write.
	for args, want := range map[string]string{
		id + " next tuesday":           "YYYY-MM-DD HH:MM",
		"nosuch 2027-03-15 10:00":      "No referral nosuch",
		id:                             "Usage: /appointment",
		id + " 2027-03-15 10:00 party": "", // "party" is no kind: read as part of the time
	} {
		if rep := staff(args); !strings.Contains(rep, want) || strings.HasPrefix(rep, "Recorded") {
			t.Errorf("/appointment %s: %q", args, rep)
		}
	}
	if len(pats.ins) != 2 {
		t.Fatalf("a mistake was recorded: %+v", pats.ins[2:])
	}
}
