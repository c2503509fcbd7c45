package main

import (
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/discord/discordtest"
	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
)

// A Telegram user whose app is set to German (language_code de-DE) gets the
// disclaimer and the first question in German, with German buttons, and
// /language en switches to English.
func TestServeTelegramLanguageCode(t *testing.T) {
	fake := serveTelegram(t, 10*time.Millisecond)
	const chat = 4343
	fake.SetLanguage(chat, "de-DE")
	fake.PushText(chat, "/start")
	var question telegramtest.Message
	eventually(t, "the German consent question", func() bool {
		for _, m := range fake.Messages(chat) {
			if strings.Contains(m.Text, "Sind Sie einverstanden") {
				question = m
				return true
			}
		}
		return false
	})
	all := ""
	for _, m := range fake.Messages(chat) {
		all += m.Text + "\n"
	}
	if !strings.Contains(all, "Ich bin ein automatischer Assistent, kein Notdienst") || strings.Contains(all, "not an emergency service") {
		t.Fatalf("disclaimer not (only) in German:\n%s", all)
	}
	if len(question.Keyboard) == 0 || question.Keyboard[0][0].Text != "Ja" {
		t.Fatalf("buttons %+v, want Ja first", question.Keyboard)
	}
	fake.PushText(chat, "/language en")
	eventually(t, "English after /language en", func() bool {
		ms := fake.Messages(chat)
		return strings.Contains(ms[len(ms)-1].Text, "Do you agree")
	})
}

// A Discord user whose client is set to German gets the intake in German
// from /intake: the interaction's locale chooses the first language.
func TestServeDiscordLocale(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	fake := discordtest.New(t, discordtest.Options{})
	t.Setenv("DISCORD_TOKEN", fake.Token())
	t.Setenv("DISCORD_API_URL", fake.URL())
	t.Setenv("TELEGRAM_TOKEN", "")
	t.Setenv("KAPBOT_LISTEN", "127.0.0.1:0")
	serve(t)
	eventually(t, "the Discord commands", func() bool { return fake.Ready() && len(fake.Commands("")) > 0 })
	const u = "340000000000000001"
	fake.SetLocale(u, "de")
	if _, err := fake.SlashCommand(u, "", "intake", nil); err != nil {
		t.Fatal(err)
	}
	var question discordtest.Message
	eventually(t, "the German consent question", func() bool {
		for _, m := range fake.BotMessages(u) {
			if strings.Contains(m.Content, "Sind Sie einverstanden") {
				question = m
				return true
			}
		}
		return false
	})
	if b := question.Buttons(); len(b) == 0 || b[0].Label != "Ja" {
		t.Fatalf("buttons %+v, want Ja first", b)
	}
}
