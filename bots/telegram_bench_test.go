package main

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/telegram"
	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
)

// BenchmarkServe1000Patients runs 1,000 patients at once through `kapbot
// serve` (runner, real Redis, Telegram channel) against the fake Bot API,
// each answering PHQ-2 alone, and reports the bot's send rate against the
// platform's limit (30 messages per Telegram second; the fake's second is
// 10 ms here, so the limit is 3,000 msgs/s) and the 429s received:
//
//	go test ./bots -run XXX -bench Serve1000 -benchtime 1x
func BenchmarkServe1000Patients(b *testing.B) {
	for range b.N {
		benchServe(b, 1000)
	}
}

func benchServe(b *testing.B, patients int) {
	useRedis(b)
	if code, out, errw := kapbot(b, "", "flows", "push", "../flows"); code != 0 {
		b.Fatalf("push: %s%s", out, errw)
	}
	second := 10 * time.Millisecond
	fake := telegramtest.NewServer(telegramtest.WithSecond(second))
	defer fake.Close()
	telegramOptions = []telegram.Option{telegram.WithSecond(second), telegram.WithPollTimeout(1)}
	defer func() { telegramOptions = nil }()
	b.Setenv("TELEGRAM_TOKEN", telegramtest.DefaultToken)
	b.Setenv("TELEGRAM_API_URL", fake.URL)
	b.Setenv("DISCORD_TOKEN", "")
	b.Setenv("KAPBOT_LISTEN", "127.0.0.1:0")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { kapbotCtx(ctx, "", "serve"); close(done) }()
	defer func() { cancel(); <-done }()
	be, err := configFromEnv().open(context.Background(), false, func(string) {})
	if err != nil {
		b.Fatal(err)
	}
	defer be.Close()

	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < patients; i++ {
		chat := int64(200000 + i)
		fake.PushText(chat, "/start phq2")
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := answerAll(be, fake, chat); err != nil {
				b.Error(err)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	st := fake.Stats()
	sent := st.Calls["sendMessage"] + st.Calls["editMessageText"]
	b.ReportMetric(float64(sent)/elapsed.Seconds(), "msgs/s")
	b.ReportMetric(30/second.Seconds(), "limit-msgs/s")
	b.ReportMetric(float64(st.TooManyRequests), "429s")
	if st.TooManyRequests != 0 || st.IgnoredRetryAfter != 0 {
		b.Fatalf("429s received: %v", st)
	}
}
