package main

import (
	"context"
	"sync"
	"testing"
	"time"
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
	second := 10 * time.Millisecond
	fake := serveTelegram(b, second)
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
