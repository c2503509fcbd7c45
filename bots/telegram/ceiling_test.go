package telegram

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
	"github.com/kapbot/kapbot/internal/engine"
)

// BenchmarkCeilings measures the send rate against Telegram's two ceilings,
// in messages per Telegram second (50 ms here), while the fake answers 10%
// of the calls with a 429 at random: 1,000 chats one message each (the bot's
// ceiling: 30), then 40 messages to one chat (the chat's ceiling: 1). It
// fails if a call was made inside a retry_after window:
//
//	go test ./bots/telegram -run XXX -bench Ceilings -benchtime 1x
func BenchmarkCeilings(b *testing.B) {
	const sec = 50 * time.Millisecond
	for range b.N {
		s := telegramtest.NewServer(telegramtest.WithSecond(sec), telegramtest.WithFlaky429(0.10, 3), telegramtest.WithGrace(20*time.Millisecond))
		c, err := New(Config{Token: s.Token, APIURL: s.URL, Logger: discard()}, nil,
			WithSecond(sec), WithTypingAfter(0), WithBackoff(2*time.Millisecond, 20*time.Millisecond), WithConcurrency(32))
		if err != nil {
			b.Fatal(err)
		}
		ctx := context.Background()
		start := time.Now()
		var wg sync.WaitGroup
		for chat := range 1000 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := c.Send(ctx, patientID(int64(chat+1)), engine.Message{Text: "hello"}); err != nil {
					b.Error(err)
				}
			}()
		}
		wg.Wait()
		bot := 1000 / (float64(time.Since(start)) / float64(sec))
		start = time.Now()
		for i := range 40 {
			if err := c.Send(ctx, "tg:5000", engine.Message{Text: "line " + string(rune('a'+i%26))}); err != nil {
				b.Fatal(err)
			}
		}
		chat := 40 / (float64(time.Since(start)) / float64(sec))
		st := s.Stats()
		s.Close()
		b.ReportMetric(bot, "bot-msgs/tg-s")
		b.ReportMetric(bot/30, "of-bot-ceiling")
		b.ReportMetric(chat, "chat-msgs/tg-s")
		b.ReportMetric(chat/1, "of-chat-ceiling")
		b.ReportMetric(float64(st.Flaky), "flaky-429s")
		b.ReportMetric(float64(st.IgnoredRetryAfter), "breaches")
		if st.IgnoredRetryAfter != 0 {
			b.Fatalf("calls inside a retry_after window: %v", st)
		}
	}
}
