package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/discord/discordtest"
	"github.com/kapbot/kapbot/bots/telegram"
	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
)

// The staff destinations and staff of the end-to-end referral tests: the
// sample clinic.yaml with the fakes' chat and channel ids.
const (
	staffGroup   = -100777
	staffChannel = "555000000000000001"
	staffGuild   = "900000000000000001"
	staffTG      = 111111111            // Dr. Alex Example in flows/clinic.yaml
	staffDC      = "222222222222222222" // the same on Discord
)

// urgentFlow is a small flow ending in an urgent referral, in both of the
// sample clinic's locales.
const urgentFlow = `kapbot: 1
flow: urgent-check
title: {en: Urgent check, de: Dringende Rückfrage}
locale: en
steps:
  - id: disclaimer
    disclaimer: true
  - id: feeling
    ask:
      type: text
      text: {en: "How are you feeling today?", de: "Wie fühlen Sie sich heute?"}
      short: {en: Feeling today, de: Befinden heute}
  - id: refer
    refer:
      priority: urgent
      reason: Test of escalation
`

// staffClinicExtra is appended to the copied clinic.yaml by staffFlows.
var staffClinicExtra string

// staffFlows copies the sample flows to a temporary folder with the fakes'
// destinations, escalate_after set to escalate, and the urgent-check flow,
// and pushes them.
func staffFlows(t *testing.T, escalate string) {
	t.Helper()
	dir := t.TempDir()
	err := filepath.WalkDir("../flows", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".test.yaml") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("../flows", p)
		if rel == "clinic.yaml" {
			s := string(data)
			s = strings.Replace(s, `"-1001234567890"`, `"-100777"`, 1)
			s = strings.Replace(s, `"123456789012345678"`, `"`+staffChannel+`"`, 1)
			s = strings.Replace(s, "escalate_after: 10m", "escalate_after: "+escalate, 1)
			data = []byte(s + staffClinicExtra)
		}
		out := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "urgent-check.yaml"), []byte(urgentFlow), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errw := kapbot(t, "", "flows", "push", dir); code != 0 {
		t.Fatalf("push: %s%s", out, errw)
	}
}

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	if !discordtest.Wait(60*time.Second, cond) {
		t.Fatalf("timed out waiting for %s", what)
	}
}

// referralPosts returns the bot's referral messages in the staff group.
func referralPosts(fake *telegramtest.Server) []telegramtest.Message {
	var out []telegramtest.Message
	for _, m := range fake.Messages(staffGroup) {
		if strings.Contains(m.Text, "referral ") && strings.Contains(m.Text, "Patient ") {
			out = append(out, m)
		}
	}
	return out
}

// serveStaff publishes the staff test flows (urgent referrals escalate after
// escalate) and runs serve with the fake Telegram alone, until the test ends.
// The test's Redis must be set up first.
func serveStaff(t *testing.T, escalate string) *telegramtest.Server {
	t.Helper()
	staffFlows(t, escalate)
	fake := fakeTelegram(t)
	t.Setenv("DISCORD_TOKEN", "")
	t.Setenv("KAPBOT_LISTEN", "127.0.0.1:0")
	serve(t)
	return fake
}

// crisisReferral has the patient in chat start a conversation and write a
// crisis message, then waits for the referral in the staff group; it returns
// the staff post and the referral's short id.
func crisisReferral(t *testing.T, fake *telegramtest.Server, chat int64) (telegramtest.Message, string) {
	t.Helper()
	n := len(referralPosts(fake))
	fake.PushText(chat, "/start")
	if _, err := fake.WaitMessages(chat, 1, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	fake.PushText(chat, "I want to kill myself")
	eventually(t, "the referral in the staff group", func() bool { return len(referralPosts(fake)) == n+1 })
	post := referralPosts(fake)[n]
	return post, referralIDRe.FindStringSubmatch(post.Text)[1]
}

func fakeTelegram(t *testing.T) *telegramtest.Server {
	second := 10 * time.Millisecond
	fake := telegramtest.NewServer(telegramtest.WithSecond(second))
	t.Cleanup(fake.Close)
	telegramOptions = []telegram.Option{telegram.WithSecond(second), telegram.WithPollTimeout(1)}
	t.Cleanup(func() { telegramOptions = nil })
	t.Setenv("TELEGRAM_TOKEN", telegramtest.DefaultToken)
	t.Setenv("TELEGRAM_API_URL", fake.URL)
	return fake
}

// A patient's crisis message becomes an emergency referral; the staff group
// gets its summary with buttons; a press by someone not on the staff list
// is refused; a staff press acknowledges it and the message says so; staff
// commands work in the group.
func TestServeReferralReachesTelegramStaff(t *testing.T) {
	useRedis(t)
	fake := serveStaff(t, "10m")

	const chat = 4242
	post, _ := crisisReferral(t, fake, chat)
	if !strings.Contains(post.Text, "EMERGENCY") || !strings.Contains(post.Text, "Crisis message: “I want to kill myself”") {
		t.Fatalf("summary:\n%s", post.Text)
	}
	if len(post.Keyboard) != 1 || len(post.Keyboard[0]) != 3 || post.Keyboard[0][0].Text != "Acknowledge" || post.Keyboard[0][1].Text != "Close" ||
		post.Keyboard[0][2].Text != "Take over" || !strings.HasPrefix(post.Keyboard[0][2].Data, "r:takeover:") {
		t.Fatalf("buttons %+v", post.Keyboard)
	}
	ack := post.Keyboard[0][0].Data
	for _, m := range fake.Messages(chat) {
		if strings.Contains(m.Text, "RED FLAGS") {
			t.Fatal("the patient saw the staff summary")
		}
	}

	q, err := fake.PressAs(staffGroup, 999, "Mallory", post.ID, ack)
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "the refusal", func() bool { _, ok := fake.Answer(q); return ok })
	if text, _ := fake.Answer(q); !strings.Contains(text, "only the clinic's care team") {
		t.Fatalf("refusal %q", text)
	}
	if m := referralPosts(fake)[0]; m.Edits != 0 {
		t.Fatalf("a refused press changed the message: %q", m.Text)
	}

	q, err = fake.PressAs(staffGroup, staffTG, "Alex", post.ID, ack)
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "the acknowledged message", func() bool {
		m := referralPosts(fake)[0]
		return strings.Contains(m.Text, "Acknowledged by Dr. Alex Example at")
	})
	m := referralPosts(fake)[0]
	if len(m.Keyboard) != 1 || m.Keyboard[0][0].Text != "Contacted" {
		t.Fatalf("buttons after acknowledge: %+v", m.Keyboard)
	}
	eventually(t, "the answer to the staff press", func() bool { _, ok := fake.Answer(q); return ok })
	if text, _ := fake.Answer(q); !strings.Contains(text, "Acknowledged by") {
		t.Fatalf("answer to the staff press %q", text)
	}

	n := len(fake.Messages(staffGroup))
	fake.PushTextAs(staffGroup, staffTG, "Alex", "/referrals")
	says := func(n int, want string) func() bool { // a message after the first n says want
		return func() bool {
			return slices.ContainsFunc(fake.Messages(staffGroup)[n:], func(m telegramtest.Message) bool { return strings.Contains(m.Text, want) })
		}
	}
	eventually(t, "the /referrals answer", says(n, "Open referrals (1)"))
	n = len(fake.Messages(staffGroup))
	fake.PushTextAs(staffGroup, 999, "Mallory", "/referrals")
	eventually(t, "the refusal of /referrals", says(n, "only the clinic's care team"))
	checkAnswered(t, fake)
}

// An urgent referral nobody acknowledges is posted to the Telegram group,
// then, after escalate_after, to the Discord staff channel, once each; a
// staff press in Discord acknowledges it everywhere.
func TestServeUnacknowledgedUrgentReferralEscalates(t *testing.T) {
	useRedis(t)
	staffFlows(t, "2s")
	referralTick = 100 * time.Millisecond
	t.Cleanup(func() { referralTick = 5 * time.Second })
	tg := fakeTelegram(t)
	dc := discordtest.New(t, discordtest.Options{})
	dc.AddChannel(staffGuild, staffChannel)
	t.Setenv("DISCORD_TOKEN", dc.Token())
	t.Setenv("DISCORD_API_URL", dc.URL())
	t.Setenv("KAPBOT_LISTEN", "127.0.0.1:0")
	serve(t)
	eventually(t, "the Discord commands", func() bool { return dc.Ready() && len(dc.Commands("")) > 0 })

	const chat = 5151
	tg.PushText(chat, "/start urgent-check")
	eventually(t, "the question", func() bool {
		ms := tg.Messages(chat)
		return len(ms) > 0 && strings.Contains(ms[len(ms)-1].Text, "How are you feeling")
	})
	// The referral is posted after this (on a loaded machine maybe well
	// after): its escalation comes escalate_after later still.
	start := time.Now()
	tg.PushText(chat, "Not great, everything feels heavy")
	eventually(t, "the referral in the staff group", func() bool { return len(referralPosts(tg)) == 1 })
	posts := func() []discordtest.Message {
		var out []discordtest.Message
		for _, m := range dc.ChannelMessages(staffChannel) {
			if m.Bot && m.Interaction == "" && strings.Contains(m.Content, "URGENT referral") {
				out = append(out, m)
			}
		}
		return out
	}
	eventually(t, "the escalation to Discord", func() bool { return len(posts()) == 1 })
	if waited := time.Since(start); waited < 2*time.Second {
		t.Fatalf("escalated %v after the patient wrote, before escalate_after (2s)", waited)
	}
	p := posts()[0]
	if !strings.Contains(p.Content, "ESCALATED") || !strings.Contains(p.Content, "Feeling today") || len(p.Buttons()) != 3 || p.Buttons()[2].Label != "Take over" {
		t.Fatalf("discord post %q %+v", p.Content, p.Buttons())
	}
	// A stranger's press is refused; the staff member's acknowledges.
	if _, err := dc.PressButton("333000000000000001", p.ID, p.Buttons()[0].CustomID); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the refusal", func() bool {
		for _, m := range dc.ChannelMessages(staffChannel) {
			if m.Ephemeral() && strings.Contains(m.Content, "only the clinic") {
				return true
			}
		}
		return false
	})
	if _, err := dc.PressButton(staffDC, p.ID, p.Buttons()[0].CustomID); err != nil {
		t.Fatal(err)
	}
	eventually(t, "acknowledged everywhere", func() bool {
		m, _ := dc.Message(p.ID)
		return strings.Contains(m.Content, "Acknowledged by Dr") && strings.Contains(referralPosts(tg)[0].Text, "Acknowledged by Dr. Alex Example")
	})
	time.Sleep(2500 * time.Millisecond) // another escalation period: nothing more is posted
	if n, m := len(referralPosts(tg)), len(posts()); n != 1 || m != 1 {
		t.Fatalf("posts: %d in Telegram, %d in Discord; want one each", n, m)
	}
	if v := dc.Violations(); len(v) != 0 {
		t.Fatalf("the bot broke Discord's rules: %v", v)
	}
	if u := dc.Unacknowledged(); len(u) != 0 {
		t.Fatalf("%d interactions not acknowledged in time", len(u))
	}
}
