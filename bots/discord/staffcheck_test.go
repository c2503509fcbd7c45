package discord

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/discord/discordtest"
	"github.com/kapbot/kapbot/internal/runner"
)

const (
	gateGuild   = "700000000000000001"
	gateStaff   = "700000000000000002" // the staff channel
	gateOther   = "700000000000000003" // another channel of the guild
	gateGuild2  = "700000000000000004" // a second guild with one channel
	gateChan2   = "700000000000000005"
	gateListed  = "710000000000000001"
	gateStrange = "710000000000000002"
)

// gateDesk does whatever it is asked: the channel's own checks are all
// that stand between a press or a command and the desk.
type gateDesk struct {
	mu  sync.Mutex
	got []runner.StaffInput
}

func (*gateDesk) IsStaffDest(channel, dest string) bool {
	return channel == "discord" && dest == gateStaff
}
func (*gateDesk) IsStaffMember(channel, user string) bool {
	return channel == "discord" && user == gateListed
}
func (d *gateDesk) HandleStaff(_ context.Context, in runner.StaffInput) (runner.StaffReply, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.got = append(d.got, in)
	return runner.StaffReply{Text: "done"}, nil
}
func (d *gateDesk) calls() int { d.mu.Lock(); defer d.mu.Unlock(); return len(d.got) }

// Staff presses and commands count only from the staff channel AND from a
// listed person: each refused case reaches the desk when one of the
// channel's two checks is removed.
func TestStaffActionsNeedStaffChannelAndListedUser(t *testing.T) {
	fake := discordtest.New(t, discordtest.Options{})
	fake.AddChannel(gateGuild, gateStaff)
	fake.AddChannel(gateGuild2, gateChan2)
	var logs syncBuffer
	ch, err := New(Config{Token: fake.Token(), APIURL: fake.URL(), HTTPClient: &http.Client{Timeout: 5 * time.Second},
		Logger: slog.New(slog.NewTextHandler(&logs, nil))}, func(context.Context, runner.Inbound) error { return nil },
		WithRetry(4, 20*time.Millisecond, 200*time.Millisecond), WithShutdownGrace(3*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	desk := &gateDesk{}
	ch.SetStaffDesk(desk)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ch.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	if !discordtest.Wait(30*time.Second, func() bool { return fake.Ready() && len(fake.Commands("")) > len(commands) }) {
		t.Fatalf("commands not registered:\n%s", logs.String())
	}
	btn := []runner.StaffButton{{Label: "Acknowledge", Data: "r:ack:3fa2c91b"}}
	staffMsg, err := ch.SendStaff(ctx, gateStaff, runner.StaffMessage{Text: "EMERGENCY referral", Buttons: btn})
	if err != nil {
		t.Fatal(err)
	}
	otherMsg, err := ch.SendStaff(ctx, gateChan2, runner.StaffMessage{Text: "stray", Buttons: btn})
	if err != nil {
		t.Fatal(err)
	}
	// ephemeral waits for the n-th ephemeral answer in channel to have its
	// text and returns it.
	ephemeral := func(channel string, n int) string {
		t.Helper()
		var out []string
		discordtest.Wait(30*time.Second, func() bool {
			out = out[:0]
			for _, m := range fake.ChannelMessages(channel) {
				if m.Ephemeral() {
					out = append(out, m.Content)
				}
			}
			// A deferred answer is edited into place: wait for its text.
			return len(out) >= n && out[n-1] != ""
		})
		if len(out) < n {
			t.Fatalf("%d ephemeral answers in %s, want %d", len(out), channel, n)
		}
		return out[n-1]
	}
	if _, err := fake.PressButton(gateListed, otherMsg, "r:ack:3fa2c91b"); err != nil {
		t.Fatal(err)
	}
	if a := ephemeral(gateChan2, 1); desk.calls() != 0 || !strings.Contains(a, "staff channel only") {
		t.Fatalf("listed user pressing outside the staff channel: %q, desk calls %d", a, desk.calls())
	}
	if _, err := fake.PressButton(gateStrange, staffMsg, "r:ack:3fa2c91b"); err != nil {
		t.Fatal(err)
	}
	if a := ephemeral(gateStaff, 1); desk.calls() != 0 || !strings.Contains(a, "only the clinic's care team") {
		t.Fatalf("unlisted user pressing in the staff channel: %q, desk calls %d", a, desk.calls())
	}
	if _, err := fake.SlashCommand(gateStrange, gateGuild, "referrals", nil); err != nil {
		t.Fatal(err)
	}
	if a := ephemeral(gateStaff, 2); desk.calls() != 0 || !strings.Contains(a, "only the clinic's care team") {
		t.Fatalf("unlisted user's command in the staff channel: %q, desk calls %d", a, desk.calls())
	}
	if _, err := fake.SlashCommand(gateListed, gateGuild2, "referrals", nil); err != nil {
		t.Fatal(err)
	}
	if a := ephemeral(gateChan2, 2); desk.calls() != 0 || !strings.Contains(a, "staff channel only") {
		t.Fatalf("listed user's command outside the staff channel: %q, desk calls %d", a, desk.calls())
	}
	// Both right: the desk acts.
	if _, err := fake.PressButton(gateListed, staffMsg, "r:ack:3fa2c91b"); err != nil {
		t.Fatal(err)
	}
	if a := ephemeral(gateStaff, 3); a != "done" || desk.calls() != 1 {
		t.Fatalf("staff press in the staff channel: %q, desk calls %d", a, desk.calls())
	}
	if strings.Contains(logs.String(), gateStrange) || !strings.Contains(logs.String(), "staff action refused") {
		t.Errorf("logs:\n%s", logs.String())
	}
}
