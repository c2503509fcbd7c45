package discord

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/kapbot/kapbot/bots/discord/discordtest"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/runner"
)

// TestFlowCommandsRegistered checks that the commands of WithFlowCommands
// replace the sample flows' in the menu, and that using one, from the menu
// or typed in the DM, starts its flow.
func TestFlowCommandsRegistered(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("é", 120)
	h := start(t, discordtest.Options{}, Config{}, nil, WithFlowCommands(
		FlowCommand{Name: "checkin", Description: "Weekly check-in", Flow: "clinic-checkin",
			Descriptions: map[string]string{"en": "Weekly check-in", "de": "Wöchentliche Rückmeldung", "xx": "Unknown", "fr": " "}},
		FlowCommand{Name: "consent", Description: long, Flow: "clinic-consent"},
		FlowCommand{Name: "notitle", Flow: "clinic-notitle"},
	))
	got := map[string]string{}
	for _, c := range h.fake.Commands("") {
		got[c.Name] = c.Description
		if c.Name != "checkin" {
			continue
		}
		want := map[string]string{"de": "Wöchentliche Rückmeldung", "en-US": "Weekly check-in", "en-GB": "Weekly check-in"}
		if !maps.Equal(c.DescriptionLocalizations, want) {
			t.Errorf("/checkin localized as %v, want %v", c.DescriptionLocalizations, want)
		}
	}
	if got["checkin"] != "Weekly check-in" {
		t.Errorf("/checkin registered as %q", got["checkin"])
	}
	if d := []rune(got["consent"]); len(d) != maxDescription || d[len(d)-1] != '…' {
		t.Errorf("/consent: description of %d characters, want %d ending in …", len(d), maxDescription)
	}
	if got["notitle"] != "Start clinic-notitle" {
		t.Errorf("/notitle registered as %q", got["notitle"])
	}
	for _, name := range []string{"intake", "prepare", "integrate"} {
		if _, ok := got[name]; ok {
			t.Errorf("/%s registered, but no flow has it", name)
		}
	}
	for _, name := range []string{"start", "help", "language"} {
		if _, ok := got[name]; !ok {
			t.Errorf("/%s not registered", name)
		}
	}
	if _, err := h.fake.SlashCommand(patientA, guild, "checkin", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := h.fake.DM(patientB, "/checkin"); err != nil {
		t.Fatal(err)
	}
	ev := h.waitEvents(2)
	for _, in := range ev {
		if c := in.Input.Command; c == nil || *c != (engine.Command{Name: engine.CmdStart, Arg: "clinic-checkin"}) {
			t.Errorf("%s: command %+v, want start clinic-checkin", in.Patient, c)
		}
	}
}

// TestFlowCommandsRefused checks that New refuses a flow command Discord
// would refuse or that the channel's own commands have.
func TestFlowCommandsRefused(t *testing.T) {
	for _, fc := range []FlowCommand{
		{Name: "Check In", Flow: "a"},
		{Name: "", Flow: "a"},
		{Name: "help", Flow: "a"},
		{Name: "referrals", Flow: "a"},
	} {
		if _, err := New(Config{Token: "t"}, nopHandler, WithFlowCommands(fc)); err == nil {
			t.Errorf("New accepts flow command %q", fc.Name)
		}
	}
	if _, err := New(Config{Token: "t"}, nopHandler, WithFlowCommands(FlowCommand{Name: "a", Flow: "x"}, FlowCommand{Name: "a", Flow: "y"})); err == nil {
		t.Error("New accepts /a twice")
	}
}

func nopHandler(context.Context, runner.Inbound) error { return nil }

// TestReservedCommandsCoverChannel keeps flow.ReservedCommands, which
// `flows validate` refuses as a flow's command, in step with the channel's
// own commands.
func TestReservedCommandsCoverChannel(t *testing.T) {
	for _, c := range baseCommands {
		if !slices.Contains(flow.ReservedCommands, c.Name) {
			t.Errorf("/%s is not in flow.ReservedCommands", c.Name)
		}
	}
	for _, c := range staffCommands {
		if !slices.Contains(flow.ReservedCommands, c.Name) {
			t.Errorf("staff /%s is not in flow.ReservedCommands", c.Name)
		}
	}
}
