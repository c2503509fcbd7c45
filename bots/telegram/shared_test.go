package telegram

import (
	"context"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/ratelimit"
	"github.com/kapbot/kapbot/internal/redistest"
)

// Three replicas of the bot, each with its own sender, share the bot-wide
// limit through Redis: sending to many chats at once, together they stay
// under Telegram's 30 messages a second, counted by the fake, which would
// answer hundreds of 429s to three senders each keeping the limit alone.
// A 429 allowance of a few covers a stalled goroutine on a loaded machine
// (the client's burst of 10 against the fake's 30 leaves two thirds of a
// Telegram second of slack).
func TestReplicasShareTheBotLimit(t *testing.T) {
	t.Parallel()
	if redistest.Kind() == redistest.KindMiniredis {
		t.Skip("needs a real Redis")
	}
	rdb, prefix := redistest.New(t)
	const sec = 100 * time.Millisecond
	s := telegramtest.NewServer(telegramtest.WithSecond(sec))
	defer s.Close()
	key := ratelimit.Key(prefix, BotLimitName)
	var replicas []*Channel
	for range 3 {
		c, err := New(Config{Token: s.Token, APIURL: s.URL, Logger: discard()}, nil,
			WithSecond(sec), WithTypingAfter(0), WithConcurrency(16), WithSharedBotLimit(rdb, key))
		if err != nil {
			t.Fatal(err)
		}
		replicas = append(replicas, c)
	}
	const chats = 150 // per replica
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	for i, c := range replicas {
		for chat := range chats {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := c.Send(ctx, patientID(int64(i*chats+chat+1)), engine.Message{Text: "hello"}); err != nil {
					t.Error(err)
				}
			}()
		}
	}
	wg.Wait()
	st := s.Stats()
	if st.Calls["sendMessage"] < 3*chats {
		t.Fatalf("%d messages sent, want %d", st.Calls["sendMessage"], 3*chats)
	}
	if st.TooManyRequests > 3 || st.IgnoredRetryAfter > 0 {
		t.Fatalf("three replicas sharing the limit: %v; want at most 3 429s and no call inside a retry_after", st)
	}
	t.Logf("%d messages, %d 429s", st.Calls["sendMessage"], st.TooManyRequests)
}

// A bot-wide 429 one replica receives holds the next message of another
// replica at once: it does not go inside the retry_after.
func TestReplicasShareBotWidePause(t *testing.T) {
	t.Parallel()
	if redistest.Kind() == redistest.KindMiniredis {
		t.Skip("needs a real Redis")
	}
	rdb, prefix := redistest.New(t)
	const sec = 100 * time.Millisecond
	s := telegramtest.NewServer(telegramtest.WithSecond(sec), telegramtest.WithRetryAfter(5))
	defer s.Close()
	key := ratelimit.Key(prefix, BotLimitName)
	var replicas []*Channel
	for range 2 {
		c, err := New(Config{Token: s.Token, APIURL: s.URL, Logger: discard()}, nil,
			WithSecond(sec), WithTypingAfter(0), WithSharedBotLimit(rdb, key))
		if err != nil {
			t.Fatal(err)
		}
		replicas = append(replicas, c)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s.FailNext("sendMessage", 429, 1) // bot-wide, 5 Telegram seconds
	first := make(chan error, 1)
	go func() { first <- replicas[0].Send(ctx, patientID(1), engine.Message{Text: "one"}) }()
	// Once the pause is in Redis, the other replica's next message waits
	// for it (its sender has never heard of it otherwise).
	for replicas[1].botLimit.Check(ctx) <= 0 {
		if ctx.Err() != nil {
			t.Fatal("the pause never reached Redis")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := replicas[1].Send(ctx, patientID(2), engine.Message{Text: "two"}); err != nil {
		t.Fatal(err)
	}
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	if st := s.Stats(); st.IgnoredRetryAfter != 0 || st.TooManyRequests != 1 {
		t.Fatalf("%v; want the one 429 and no call inside its retry_after", st)
	}
}

// With Redis unreachable, a replica keeps the bot-wide limit alone and its
// messages go: they are not held until Redis answers.
func TestSharedBotLimitRedisDown(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	rdb := redis.NewClient(&redis.Options{Addr: addr, MaxRetries: -1})
	defer rdb.Close()
	const sec = 100 * time.Millisecond
	s := telegramtest.NewServer(telegramtest.WithSecond(sec))
	defer s.Close()
	c, err := New(Config{Token: s.Token, APIURL: s.URL, Logger: discard()}, nil,
		WithSecond(sec), WithTypingAfter(0), WithSharedBotLimit(rdb, ratelimit.Key("test", BotLimitName)))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	for chat := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := c.Send(ctx, patientID(int64(chat+1)), engine.Message{Text: "hello"}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if st := s.Stats(); st.Calls["sendMessage"] < 40 || st.TooManyRequests > 0 {
		t.Fatalf("%v; want 40 messages and no 429", st)
	}
}
