package telegram

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/runner"
)

// memPauses is a PauseStore in memory, shared by the channels of one test as
// Redis is shared by processes.
type memPauses struct {
	mu sync.Mutex
	m  map[string]time.Time
}

func (p *memPauses) SetPause(_ context.Context, key string, until time.Time) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.m == nil {
		p.m = map[string]time.Time{}
	}
	if until.After(p.m[key]) {
		p.m[key] = until
	}
	return nil
}

func (p *memPauses) Pauses(context.Context) (map[string]time.Time, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[string]time.Time{}
	for k, v := range p.m {
		out[k] = v
	}
	return out, nil
}

func (p *memPauses) has(key string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return !p.m[key].IsZero()
}

// A pause one process received is honoured by the next: the process that
// got the 429 stops (as after kill -9), a new one starts and sends to the
// same chat inside the window only once it is over.
func TestPauseSurvivesRestart(t *testing.T) {
	const sec = 20 * time.Millisecond
	s := telegramtest.NewServer(telegramtest.WithSecond(sec), telegramtest.WithRetryAfter(25)) // 500 ms
	defer s.Close()
	ps := &memPauses{}
	opts := []Option{WithSecond(sec), WithTypingAfter(0), WithPollTimeout(5), WithPauseStore(ps)}
	first, err := New(Config{Token: s.Token, APIURL: s.URL, Logger: discard()}, nil, opts...)
	if err != nil {
		t.Fatal(err)
	}
	s.FailNext("sendMessage", 429, 1) // bot-wide
	ctx, cancel := context.WithCancel(context.Background())
	go first.Send(ctx, "tg:5", engine.Message{Text: "dies in the pause"})
	waitFor(t, "the 429", func() bool { return s.Stats().TooManyRequests == 1 })
	waitFor(t, "the stored pause", func() bool { return ps.has("tg:bot") })
	cancel() // the first process is gone

	rec := newRecorder(nil)
	second, err := New(Config{Token: s.Token, APIURL: s.URL, Logger: discard()}, rec.handle, opts...)
	if err != nil {
		t.Fatal(err)
	}
	run(t, second)
	waitFor(t, "the second process running", func() bool { return s.Stats().Calls["deleteWebhook"] >= 1 })
	if err := second.Send(context.Background(), "tg:5", engine.Message{Text: "after the pause"}); err != nil {
		t.Fatal(err)
	}
	if st := s.Stats(); st.IgnoredRetryAfter != 0 || st.TooManyRequests != 1 {
		t.Fatalf("the new process sent into the pause: %v", st)
	}
}

// While a chat is paused after a 429, its chat actions are dropped, not
// queued (TestTypingIndicator shows them going out otherwise).
func TestChatActionsDroppedWhilePaused(t *testing.T) {
	s := newFake(t)
	release := make(chan struct{})
	rec := newRecorder(func(ctx context.Context, in runner.Inbound, _ int) error {
		<-release
		return nil
	})
	c := newChannel(t, s, rec.handle, WithTypingAfter(10*time.Millisecond))
	c.send.flood(13, &APIError{Method: "sendMessage", Chat: 13, RetryAfter: 300 * time.Millisecond})
	run(t, c)
	s.PushText(13, "slow one")
	rec.next(t)
	time.Sleep(200 * time.Millisecond) // inside the pause: nothing may go out
	if n := s.ChatActions(13); n != 0 {
		t.Fatalf("%d chat actions inside the pause", n)
	}
	close(release)
}

// A chat action is one of the chat's calls: dropped while another call of
// the chat is in flight (a 429 that call gets would open a retry_after
// window the action falls into), sent when none is.
func TestChatActionNotBesideAnotherCall(t *testing.T) {
	s := newFake(t)
	c := newChannel(t, s, nil)
	typing := step{method: "sendChatAction", run: func(ctx context.Context) (*models.Message, error) {
		_, err := c.bot.SendChatAction(ctx, &bot.SendChatActionParams{ChatID: 13, Action: models.ChatActionTyping})
		return nil, err
	}}
	s.Slow(time.Second)
	done := make(chan error, 1)
	go func() { done <- c.Send(context.Background(), "tg:13", engine.Message{Text: "slow"}) }()
	waitFor(t, "the message in flight", func() bool { return s.Stats().Calls["sendMessage"] == 1 })
	c.send.action(context.Background(), 13, typing)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := s.ChatActions(13); n != 0 {
		t.Fatalf("%d chat actions beside the message in flight", n)
	}
	s.Slow(0)
	c.send.action(context.Background(), 13, typing)
	if n := s.ChatActions(13); n != 1 {
		t.Fatalf("%d chat actions with nothing in flight, want 1", n)
	}
}
