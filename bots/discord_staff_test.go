package main

import (
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/discord/discordtest"
)

// fakeDiscordStaff starts the fake Discord with the staff channel and
// points serve at it.
func fakeDiscordStaff(t *testing.T) *discordtest.Server {
	t.Helper()
	dc := discordtest.New(t, discordtest.Options{})
	dc.AddChannel(staffGuild, staffChannel)
	t.Setenv("DISCORD_TOKEN", dc.Token())
	t.Setenv("DISCORD_API_URL", dc.URL())
	return dc
}

// A Telegram patient answers the PHQ-9 twice, the second time with a risk
// answer; nobody acknowledges the emergency referral in the Telegram group,
// so it escalates to the Discord staff channel, which receives the summary
// and the course chart as an uploaded PNG.
func TestServeDiscordStaffReceivesTheChart(t *testing.T) {
	useRedis(t)
	staffFlows(t, "1s")
	referralTick = 100 * time.Millisecond
	t.Cleanup(func() { referralTick = 5 * time.Second })
	tg := fakeTelegram(t)
	dc := fakeDiscordStaff(t)
	t.Setenv("KAPBOT_LISTEN", "127.0.0.1:0")
	serve(t)
	eventually(t, "the Discord commands", func() bool { return dc.Ready() && len(dc.Commands("")) > 0 })

	const chat = 4646
	answerPHQ9(t, tg, chat, false)
	answerPHQ9(t, tg, chat, true)
	var chart discordtest.Message
	eventually(t, "the chart in the Discord staff channel", func() bool {
		for _, m := range dc.ChannelMessages(staffChannel) {
			if m.Bot && len(m.Attachments) == 1 && strings.Contains(m.Content, "over time") {
				chart = m
				return true
			}
		}
		return false
	})
	if a := chart.Attachments[0]; !a.PNG || a.Size < 1000 || a.ContentType != "image/png" {
		t.Fatalf("chart attachment %+v", a)
	}
	var summary bool
	for _, m := range dc.ChannelMessages(staffChannel) {
		summary = summary || strings.Contains(m.Content, "ESCALATED") && strings.Contains(m.Content, `over time\: 0 → `)
	}
	if !summary {
		for _, m := range dc.ChannelMessages(staffChannel) {
			t.Logf("%q", m.Content)
		}
		t.Fatal("no escalated summary with the course in Discord")
	}
	if v := dc.Violations(); len(v) != 0 {
		t.Fatalf("the bot broke Discord's rules: %v", v)
	}
}

// A Discord patient in crisis: the referral reaches the Discord staff
// channel; a stranger may not take over; the staff member takes over with
// /takeover, writes with /say (the patient sees the care team's message),
// sees the patient's reply in the staff channel, and hands back with
// /handback: the patient gets the current question again.
func TestServeDiscordTakeover(t *testing.T) {
	useRedis(t)
	staffFlows(t, "10m")
	dc := fakeDiscordStaff(t)
	t.Setenv("TELEGRAM_TOKEN", "")
	t.Setenv("KAPBOT_LISTEN", "127.0.0.1:0")
	serve(t)
	eventually(t, "the Discord commands", func() bool { return dc.Ready() && len(dc.Commands("")) > 0 })

	const user = "300000000000000077"
	if _, err := dc.SlashCommand(user, "", "start", nil); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the first question", func() bool { return len(dc.BotMessages(user)) > 0 })
	time.Sleep(200 * time.Millisecond)
	if _, err := dc.DM(user, "I want to kill myself"); err != nil {
		t.Fatal(err)
	}
	var post discordtest.Message
	eventually(t, "the referral in the staff channel", func() bool {
		for _, m := range dc.ChannelMessages(staffChannel) {
			if m.Bot && m.Interaction == "" && strings.Contains(m.Content, "EMERGENCY") {
				post = m
				return true
			}
		}
		return false
	})
	id := referralIDRe.FindStringSubmatch(post.Content)[1]
	if bs := post.Buttons(); len(bs) != 3 || bs[2].CustomID != "r:takeover:"+id || bs[2].Label != "Take over" {
		t.Fatalf("buttons %+v", bs)
	}

	patientGot := func(want string) func() bool {
		return func() bool {
			for _, m := range dc.BotMessages(user) {
				if strings.Contains(m.Content, want) {
					return true
				}
			}
			return false
		}
	}
	answered := func(d discordtest.Dispatch, want string) {
		t.Helper()
		eventually(t, "the answer to /"+want, func() bool {
			m, ok := dc.Response(d.ID)
			return ok && strings.Contains(m.Content, want)
		})
	}
	staffSaw := func(want string) func() bool {
		return func() bool {
			for _, m := range dc.ChannelMessages(staffChannel) {
				if strings.Contains(m.Content, want) {
					return true
				}
			}
			return false
		}
	}

	d, err := dc.SlashCommand("333000000000000001", staffGuild, "takeover", map[string]string{"id": id})
	if err != nil {
		t.Fatal(err)
	}
	answered(d, "only the clinic")

	// The stranger's "Take over" press is refused too.
	if _, err := dc.PressButton("333000000000000001", post.ID, "r:takeover:"+id); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if patientGot("has joined this conversation")() {
		t.Fatal("a stranger took the conversation over")
	}

	d, err = dc.SlashCommand(staffDC, staffGuild, "takeover", map[string]string{"id": id})
	if err != nil {
		t.Fatal(err)
	}
	answered(d, "You are writing with the patient of referral "+id)
	eventually(t, "the patient told", patientGot("has joined this conversation"))

	d, err = dc.SlashCommand(staffDC, staffGuild, "say", map[string]string{"id": id, "text": "Hello, this is Alex from the clinic. Are you safe right now?"})
	if err != nil {
		t.Fatal(err)
	}
	answered(d, "Sent to the patient")
	eventually(t, "the care team's message at the patient", patientGot("Hello, this is Alex from the clinic."))

	if _, err := dc.DM(user, "I am at home, my sister is here"); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the patient's reply in the staff channel", staffSaw("I am at home, my sister is here"))
	for _, m := range dc.BotMessages(user) {
		if strings.Contains(m.Content, "sister") || strings.Contains(m.Content, "RED FLAGS") {
			t.Fatalf("the patient was sent %q", m.Content)
		}
	}

	n := len(dc.BotMessages(user))
	d, err = dc.SlashCommand(staffDC, staffGuild, "handback", map[string]string{"id": id})
	if err != nil {
		t.Fatal(err)
	}
	answered(d, "Handed back")
	eventually(t, "the current question again", func() bool {
		ms := dc.BotMessages(user)
		return len(ms) > n && strings.Contains(ms[len(ms)-1].Content, "Your safety matters most")
	})
	if v := dc.Violations(); len(v) != 0 {
		t.Fatalf("the bot broke Discord's rules: %v", v)
	}
	if u := dc.Unacknowledged(); len(u) != 0 {
		t.Fatalf("%d interactions not acknowledged in time", len(u))
	}
}
