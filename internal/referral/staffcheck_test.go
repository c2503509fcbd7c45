package referral

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/runner"
)

// The desk checks both: the event comes from a staff destination, and from
// a person on the staff list. Each case below fails when one check is
// removed; nothing changes on a refusal, and the log names no user id.
func TestDeskChecksDestinationAndUser(t *testing.T) {
	clk := &clock{now: t0}
	var logs bytes.Buffer
	st, lk, _ := newStore(t)
	cl := clinic()
	n := NewNotifier(st, func(context.Context) (*flow.Clinic, error) { return cl, nil }, lk,
		WithClock(clk.Now), WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	ctx := context.Background()
	if err := n.Refer(ctx, runnerReferral("s#0", flow.Emergency)); err != nil {
		t.Fatal(err)
	}
	desk := NewDesk(n)
	id := IDFor("s#0")
	for _, tc := range []struct {
		name string
		in   runner.StaffInput
	}{
		{"listed user presses in a patient chat", runner.StaffInput{Channel: "telegram", Dest: "4242", User: "111", Press: "r:ack:" + id}},
		{"listed user, Discord DM", runner.StaffInput{Channel: "discord", Dest: "999000", User: "222", Press: "r:ack:" + id}},
		{"unlisted user presses in the staff group", runner.StaffInput{Channel: "telegram", Dest: "-100", User: "98765", Press: "r:ack:" + id}},
		{"listed user commands in a patient chat", runner.StaffInput{Channel: "telegram", Dest: "4242", User: "111", Command: "status", Args: id + " closed"}},
		{"unlisted user commands in the staff group", runner.StaffInput{Channel: "telegram", Dest: "-100", User: "98765", Command: "status", Args: id + " closed"}},
		{"telegram user id given as the Discord one", runner.StaffInput{Channel: "discord", Dest: "555", User: "111", Command: "status", Args: id + " closed"}},
	} {
		rep, err := desk.HandleStaff(ctx, tc.in)
		if err != nil || !rep.Refused {
			t.Errorf("%s: %+v %v; want refused", tc.name, rep, err)
		}
	}
	r, _ := st.Get(ctx, id)
	if r.Status() != StatusNew {
		t.Fatalf("a refused action changed the referral: %s", r.Status())
	}
	if strings.Contains(logs.String(), "98765") || !strings.Contains(logs.String(), "staff action refused") {
		t.Errorf("logs:\n%s", logs.String())
	}
	// Both right: done.
	rep, err := desk.HandleStaff(ctx, runner.StaffInput{Channel: "telegram", Dest: "-100", User: "111", Press: "r:ack:" + id})
	if err != nil || rep.Refused {
		t.Fatalf("staff in the staff group: %+v %v", rep, err)
	}
	if !desk.IsStaffMember("telegram", "111") || desk.IsStaffMember("telegram", "222") || desk.IsStaffMember("discord", "111") {
		t.Error("IsStaffMember")
	}
	_ = time.Second
}
