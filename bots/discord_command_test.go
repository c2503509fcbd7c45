package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/discord/discordtest"
)

// clinicCheckin is a clinic's own flow with a slash command.
const clinicCheckin = `kapbot: 1
flow: clinic-checkin
title: {en: Weekly check-in, de: Wöchentliche Rückmeldung}
command: checkin
steps:
  - id: disclaimer
    disclaimer: true
  - id: hello
    say: {en: Welcome to the weekly check-in., de: Willkommen zur wöchentlichen Rückmeldung.}
  - id: done
    end: true
`

// A clinic's own flow marked `command: checkin` gets /checkin in Discord's
// menu when serve starts, next to the sample flows' commands, and using it
// starts the flow.
func TestServeDiscordRegistersFlowCommands(t *testing.T) {
	useRedis(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../flows")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "clinic-checkin.yaml"), []byte(clinicCheckin), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errw := kapbot(t, "", "flows", "push", dir); code != 0 {
		t.Fatalf("push: %d\n%s%s", code, out, errw)
	}
	fake := discordtest.New(t, discordtest.Options{})
	t.Setenv("DISCORD_TOKEN", fake.Token())
	t.Setenv("DISCORD_API_URL", fake.URL())
	t.Setenv("TELEGRAM_TOKEN", "")
	t.Setenv("KAPBOT_LISTEN", "127.0.0.1:0")
	serve(t)
	if !discordtest.Wait(30*time.Second, func() bool { return len(fake.Commands("")) > 0 }) {
		t.Fatal("the bot never registered its commands")
	}
	got := map[string]string{}
	for _, c := range fake.Commands("") {
		got[c.Name] = c.Description
		if c.Name == "checkin" && c.DescriptionLocalizations["de"] != "Wöchentliche Rückmeldung" {
			t.Errorf("/checkin in German: %q", c.DescriptionLocalizations["de"])
		}
	}
	want := map[string]string{
		"checkin":   "Weekly check-in",
		"intake":    "KAP intake",
		"prepare":   "Getting ready for your ketamine session",
		"integrate": "Check-in after your session",
	}
	for name, desc := range want {
		if got[name] != desc {
			t.Errorf("/%s registered as %q, want %q", name, got[name], desc)
		}
	}
	const user = "300000000000000043"
	if _, err := fake.SlashCommand(user, "", "checkin", nil); err != nil {
		t.Fatal(err)
	}
	started := func() bool {
		for _, m := range fake.BotMessages(user) {
			if strings.Contains(m.Content, "Welcome to the weekly check-in.") {
				return true
			}
		}
		return false
	}
	if !discordtest.Wait(30*time.Second, started) {
		t.Fatalf("/checkin did not start the clinic's flow; the bot sent %d messages", len(fake.BotMessages(user)))
	}
}
