package telegram

import (
	"bytes"
	"context"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/runner"
)

// gateDesk is a desk that does whatever it is asked: the channel's own
// checks are all that stand between a press and the desk.
type gateDesk struct {
	mu  sync.Mutex
	got []runner.StaffInput
}

func (*gateDesk) IsStaffDest(channel, dest string) bool {
	return channel == "telegram" && dest == "-100"
}
func (*gateDesk) IsStaffMember(channel, user string) bool {
	return channel == "telegram" && user == "111"
}
func (d *gateDesk) HandleStaff(_ context.Context, in runner.StaffInput) (runner.StaffReply, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.got = append(d.got, in)
	return runner.StaffReply{Text: "done"}, nil
}
func (d *gateDesk) calls() []runner.StaffInput {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]runner.StaffInput(nil), d.got...)
}

// Staff presses and commands count only from the staff group AND from a
// listed person: each refused case below reaches the desk when one of the
// channel's two checks is removed.
func TestStaffActionsNeedStaffChatAndListedUser(t *testing.T) {
	s := newFake(t)
	rec := newRecorder(nil)
	var logs bytes.Buffer
	var mu sync.Mutex
	logger := slog.New(slog.NewTextHandler(&lockedWriter{mu: &mu, w: &logs}, nil))
	c, err := New(Config{Token: s.Token, APIURL: s.URL, Logger: logger}, rec.handle, fastOpts()...)
	if err != nil {
		t.Fatal(err)
	}
	desk := &gateDesk{}
	c.SetStaffDesk(desk)
	run(t, c)
	ctx := context.Background()
	btn := []runner.StaffButton{{Label: "Acknowledge", Data: "r:ack:3fa2c91b"}}
	staffMsg, err := c.SendStaff(ctx, "-100", runner.StaffMessage{Text: "EMERGENCY referral", Buttons: btn})
	if err != nil {
		t.Fatal(err)
	}
	// A staff button in a patient's chat (a misconfigured destination, or
	// crafted callback data).
	patientMsg, err := c.SendStaff(ctx, "4242", runner.StaffMessage{Text: "stray", Buttons: btn})
	if err != nil {
		t.Fatal(err)
	}
	press := func(chat, user int64, msg string) string {
		t.Helper()
		id, _ := strconv.Atoi(msg)
		q, err := s.PressAs(chat, user, "Someone", id, "r:ack:3fa2c91b")
		if err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) {
			if text, ok := s.Answer(q); ok {
				return text
			}
			time.Sleep(5 * time.Millisecond)
		}
		t.Fatal("press not answered")
		return ""
	}
	if a := press(4242, 111, patientMsg); len(desk.calls()) != 0 || !strings.Contains(a, "only in the clinic's staff group") {
		t.Fatalf("listed user pressing in a patient chat: answer %q, desk got %+v", a, desk.calls())
	}
	if a := press(-100, 98765, staffMsg); len(desk.calls()) != 0 || !strings.Contains(a, "only the clinic's care team") {
		t.Fatalf("unlisted user pressing in the staff group: answer %q, desk got %+v", a, desk.calls())
	}
	n := len(s.Messages(-100))
	s.PushTextAs(-100, 98765, "Mallory", "/status 3fa2c91b closed")
	if _, err := s.WaitMessages(-100, n+1, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	if ms := s.Messages(-100); len(desk.calls()) != 0 || !strings.Contains(ms[len(ms)-1].Text, "only the clinic's care team") {
		t.Fatalf("unlisted user's command in the staff group: %q, desk got %+v", ms[len(ms)-1].Text, desk.calls())
	}
	// A listed user's command in their own chat is a patient message.
	s.PushTextAs(111, 111, "Alex", "/status 3fa2c91b closed")
	if in := rec.next(t); in.Patient != "tg:111" || len(desk.calls()) != 0 {
		t.Fatalf("command in a private chat: %+v, desk got %+v", in, desk.calls())
	}
	// Both right: the desk acts.
	if a := press(-100, 111, staffMsg); a != "done" || len(desk.calls()) != 1 {
		t.Fatalf("staff press in the staff group: %q, desk got %+v", a, desk.calls())
	}
	mu.Lock()
	defer mu.Unlock()
	if strings.Contains(logs.String(), "98765") || !strings.Contains(logs.String(), "staff action refused") {
		t.Errorf("logs:\n%s", logs.String())
	}
}
