package main

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
	"github.com/kapbot/kapbot/internal/redisconn"
	"github.com/kapbot/kapbot/internal/redistest"
)

// Through `kapbot serve` and the fake Bot API: a patient whose stored
// session is damaged still gets the crisis resources and the "could not
// load" text when they write crisis language, and /forget then erases
// everything, the damaged session too.
func TestServeDamagedSessionNeverSilent(t *testing.T) {
	second := 10 * time.Millisecond
	fake := serveTelegram(t, second)
	opt, err := redisconn.Parse(os.Getenv("REDIS_URL"))
	if err != nil {
		t.Fatal(err)
	}
	client := opt.Client()
	t.Cleanup(func() { client.Close() })
	ctx := context.Background()
	const chat = 5550001
	fake.PushText(chat, "/start")
	if _, err := fake.WaitMessages(chat, 1, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	time.Sleep(30 * second)
	prefix := os.Getenv("KAPBOT_PREFIX")
	keys, err := redistest.Keys(ctx, client, prefix+":u:*:s")
	if err != nil || len(keys) != 1 {
		t.Fatalf("session keys %q, %v", keys, err)
	}
	// Damaged: neither the version nor the sealed state can be read.
	if err := client.Set(ctx, keys[0], "x|damaged", 0).Err(); err != nil {
		t.Fatal(err)
	}
	n := len(fake.Messages(chat))
	fake.PushText(chat, "I want to kill myself")
	if _, err := fake.WaitMessages(chat, n+2, 30*time.Second); err != nil {
		t.Fatalf("no reply to crisis language on a damaged session: %v", err)
	}
	var msgs []telegramtest.Message
	var got string
	for end := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		msgs = fake.Messages(chat)
		got = strings.Join(texts(msgs[n:]), "\n")
		if strings.Contains(got, "If you are in danger") && strings.Contains(got, "could not load your conversation") {
			break
		}
		if time.Now().After(end) {
			t.Fatalf("patient got:\n%s", got)
		}
	}
	if v, _ := client.Get(ctx, strings.TrimSuffix(keys[0], "s")+"us").Result(); v != "x|damaged" {
		t.Fatalf("damaged session not set aside: %q", v)
	}

	n = len(msgs)
	fake.PushText(chat, "/forget")
	// The confirmation question, after whatever else is still on its way.
	var last telegramtest.Message
	var yes string
	for end := time.Now().Add(30 * time.Second); yes == "" && time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		msgs = fake.Messages(chat)
		if len(msgs) <= n {
			continue
		}
		last = msgs[len(msgs)-1]
		for _, row := range last.Keyboard {
			for _, b := range row {
				if b.Text == "Yes" {
					yes = b.Data
				}
			}
		}
	}
	if yes == "" {
		t.Fatalf("no confirmation asked: %q", last.Text)
	}
	if _, err := fake.Press(chat, last.ID, yes); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		left, _ := redistest.Keys(ctx, client, prefix+":u:*")
		if len(left) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("keys left after /forget: %q", left)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
