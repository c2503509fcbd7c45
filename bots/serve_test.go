package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/discord/discordtest"
	"github.com/kapbot/kapbot/bots/telegram"
	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
)

// serve runs `kapbot serve` in-process until the test ends.
func serve(t testing.TB) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		code, out, errw := kapbotCtx(ctx, "", "serve")
		if code != 0 {
			t.Errorf("serve exited %d\n%s%s", code, out, errw)
		}
		done <- code
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			t.Error("serve did not shut down")
		}
	})
}

func kapbotCtx(ctx context.Context, stdin string, args ...string) (int, string, string) {
	var out, errw strings.Builder
	code := run(ctx, args, strings.NewReader(stdin), &out, &errw)
	return code, out.String(), errw.String()
}

// serveTelegram publishes the sample flows to the test's Redis and runs
// `kapbot serve` against a fake Bot API whose second lasts second (the
// channel is given the same second), until the test ends.
func serveTelegram(t testing.TB, second time.Duration) *telegramtest.Server {
	t.Helper()
	return serveTelegramOn(t, second, "127.0.0.1:0")
}

// serveTelegramOn is serveTelegram with the health and metrics port on addr.
func serveTelegramOn(t testing.TB, second time.Duration, addr string) *telegramtest.Server {
	t.Helper()
	useRedis(t)
	return serveTelegramAt(t, second, addr)
}

// serveTelegramAt is serveTelegramOn on the Redis that REDIS_URL names.
func serveTelegramAt(t testing.TB, second time.Duration, addr string) *telegramtest.Server {
	t.Helper()
	pushSamples(t)
	fake := telegramtest.NewServer(telegramtest.WithSecond(second))
	t.Cleanup(fake.Close)
	telegramOptions = []telegram.Option{telegram.WithSecond(second), telegram.WithPollTimeout(1)}
	t.Cleanup(func() { telegramOptions = nil })
	t.Setenv("TELEGRAM_TOKEN", telegramtest.DefaultToken)
	t.Setenv("TELEGRAM_API_URL", fake.URL)
	t.Setenv("DISCORD_TOKEN", "")
	t.Setenv("KAPBOT_LISTEN", addr)
	serve(t)
	return fake
}

// A patient completes the intake flow in Telegram, with buttons and text,
// through `kapbot serve` and the fake Bot API.
func TestServeTelegramCompletesIntake(t *testing.T) {
	second := 10 * time.Millisecond
	fake := serveTelegram(t, second)

	const chat = 4242
	pressed, typed := walkIntake(t, fake, chat, second, nil)
	if pressed < 10 || typed < 1 {
		t.Fatalf("pressed %d buttons and typed %d texts; want both", pressed, typed)
	}
	v, js := showSession(t, "tg:4242")
	if len(v.Referrals) == 0 || len(v.Results) < 4 {
		t.Fatalf("session after intake: %s", js)
	}
	checkAnswered(t, fake)
}

// checkAnswered fails unless the fake saw every press answered and no call
// inside a retry_after window. The bot answers a press in the background
// once it is committed, so the replies may reach the fake before the
// answer: it waits for the answers first.
func checkAnswered(t *testing.T, fake *telegramtest.Server) {
	t.Helper()
	fake.Wait(20*time.Second, func(st telegramtest.Stats) bool { return st.Unanswered == 0 })
	if st := fake.Stats(); st.IgnoredRetryAfter != 0 || st.Unanswered != 0 {
		t.Fatalf("stats: %v", st)
	}
}

// walkIntake sends /start to chat and answers every question as choose
// says (a text where no buttons are shown) until the intake ends; it calls
// onTurn, if not nil, before each turn. It returns the buttons pressed and
// texts typed.
func walkIntake(t *testing.T, fake *telegramtest.Server, chat int64, second time.Duration, onTurn func(turn int)) (pressed, typed int) {
	t.Helper()
	patient := fmt.Sprint("tg:", chat)
	fake.PushText(chat, "/start")
	seen := 0
	wait := func() []telegramtest.Message {
		t.Helper()
		msgs, err := fake.WaitMessages(chat, seen+1, 30*time.Second)
		if err != nil {
			t.Fatalf("no reply: %v", err)
		}
		// Let the burst of one turn finish.
		settle(t, patient)
		msgs = fake.Messages(chat)
		for {
			time.Sleep(20 * second)
			more := fake.Messages(chat)
			if len(more) == len(msgs) {
				break
			}
			msgs = more
		}
		seen = len(msgs)
		return msgs
	}
	for turn := 0; turn < 120; turn++ {
		if onTurn != nil {
			onTurn(turn)
		}
		msgs := wait()
		last := msgs[len(msgs)-1]
		if strings.Contains(last.Text, "Thank you for completing") || strings.Contains(strings.ToLower(last.Text), "thank you") && last.Keyboard == nil && turn > 10 {
			if ended(t, patient) {
				break
			}
		}
		if last.Keyboard == nil {
			fake.PushText(chat, "To feel less stuck")
			typed++
			continue
		}
		data := choose(last)
		if _, err := fake.Press(chat, last.ID, data); err != nil {
			t.Fatalf("press %q: %v", data, err)
		}
		pressed++
	}
	if !ended(t, patient) {
		t.Fatalf("intake did not finish; last messages:\n%v", tail(fake.Messages(chat), 3))
	}
	return pressed, typed
}

// choose picks an answer: agree to consent, "No" to yes/no questions, the
// first option otherwise, and Done after one pick in multiple choice.
func choose(m telegramtest.Message) string {
	var buttons []telegramtest.Button
	for _, row := range m.Keyboard {
		buttons = append(buttons, row...)
	}
	for _, b := range buttons {
		if strings.HasPrefix(b.Data, "d:") && strings.Contains(m.Text, "☑") || strings.HasPrefix(b.Data, "d:") && strings.Contains(b.Text, "☑") {
			return b.Data
		}
	}
	for _, b := range buttons {
		if b.Text == "All correct" || b.Text == "Yes" && strings.Contains(strings.ToLower(m.Text), "agree") {
			return b.Data
		}
	}
	for _, b := range buttons {
		if b.Text == "No" {
			return b.Data
		}
	}
	return buttons[0].Data
}

func ended(t *testing.T, patient string) bool {
	v, _ := showSession(t, patient)
	return v.Status == "ended"
}

func tail(ms []telegramtest.Message, n int) []string {
	var out []string
	for _, m := range ms[max(0, len(ms)-n):] {
		out = append(out, m.Text)
	}
	return out
}

// The same intake through Discord: a slash command, then buttons, select
// menus and free text in a direct message.
func TestServeDiscordCompletesIntake(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	fake := discordtest.New(t, discordtest.Options{})
	t.Setenv("DISCORD_TOKEN", fake.Token())
	t.Setenv("DISCORD_API_URL", fake.URL())
	t.Setenv("TELEGRAM_TOKEN", "")
	t.Setenv("KAPBOT_LISTEN", "127.0.0.1:0")
	serve(t)
	deadline := time.Now().Add(30 * time.Second)
	for !fake.Ready() {
		if time.Now().After(deadline) {
			t.Fatal("the bot never connected to the gateway")
		}
		time.Sleep(20 * time.Millisecond)
	}
	for len(fake.Commands("")) == 0 { // registered right after READY
		if time.Now().After(deadline) {
			t.Fatal("the bot never registered its commands")
		}
		time.Sleep(20 * time.Millisecond)
	}
	const user = "300000000000000042"
	if _, err := fake.SlashCommand(user, "", "intake", nil); err != nil {
		t.Fatal(err)
	}
	seen := 0
	wait := func() []discordtest.Message {
		t.Helper()
		var msgs []discordtest.Message
		for end := time.Now().Add(30 * time.Second); ; {
			msgs = fake.BotMessages(user)
			if len(msgs) > seen {
				break
			}
			if time.Now().After(end) {
				t.Fatalf("no reply after %d messages", seen)
			}
			time.Sleep(10 * time.Millisecond)
		}
		settle(t, "dc:"+user)
		msgs = fake.BotMessages(user)
		for {
			time.Sleep(100 * time.Millisecond)
			more := fake.BotMessages(user)
			if len(more) == len(msgs) {
				break
			}
			msgs = more
		}
		seen = len(msgs)
		return msgs
	}
	pressed, typed := 0, 0
	for turn := 0; turn < 120 && !ended(t, "dc:"+user); turn++ {
		msgs := wait()
		last := msgs[len(msgs)-1]
		switch {
		case len(last.Buttons()) > 0:
			if _, err := fake.PressButton(user, last.ID, chooseDiscord(last)); err != nil {
				t.Fatal(err)
			}
			pressed++
		case len(last.Selects()) > 0:
			sel := last.Selects()[0]
			if _, err := fake.SelectMenu(user, last.ID, sel.CustomID, []string{sel.Options[0].Value}); err != nil {
				t.Fatal(err)
			}
			pressed++
		default:
			if _, err := fake.DM(user, "To feel less stuck"); err != nil {
				t.Fatal(err)
			}
			typed++
		}
	}
	if !ended(t, "dc:"+user) {
		msgs := fake.BotMessages(user)
		t.Fatalf("intake did not finish; last: %q", msgs[len(msgs)-1].Content)
	}
	if pressed < 10 || typed < 1 {
		t.Fatalf("pressed %d, typed %d", pressed, typed)
	}
	if v := fake.Violations(); len(v) != 0 {
		t.Fatalf("the bot broke Discord's rules: %v", v)
	}
	if u := fake.Unacknowledged(); len(u) != 0 {
		t.Fatalf("%d interactions not acknowledged in time", len(u))
	}
}

func chooseDiscord(m discordtest.Message) string {
	bs := m.Buttons()
	if strings.Contains(strings.ToLower(m.Content), "agree") || strings.Contains(m.Content, "Here are your answers") {
		for _, b := range bs {
			if b.Label == "Yes" || b.Label == "All correct" {
				return b.CustomID
			}
		}
	}
	for _, b := range bs {
		if b.Label == "No" {
			return b.CustomID
		}
	}
	return bs[0].CustomID
}
