package telegram

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/runner"
)

// second is the Telegram second of the fast tests: limits keep their shape,
// 50 times faster.
const second = 20 * time.Millisecond

// fastOpts are channel options matching telegramtest.WithSecond(second).
func fastOpts(extra ...Option) []Option {
	return append([]Option{
		WithSecond(second),
		WithBackoff(2*time.Millisecond, 20*time.Millisecond),
		WithPollTimeout(25), // 0.5 s
		WithTypingAfter(0),
	}, extra...)
}

func newFake(t testing.TB, opts ...telegramtest.Option) *telegramtest.Server {
	t.Helper()
	s := telegramtest.NewServer(append([]telegramtest.Option{telegramtest.WithSecond(second)}, opts...)...)
	t.Cleanup(s.Close)
	return s
}

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

func newChannel(t testing.TB, s *telegramtest.Server, h Handler, opts ...Option) *Channel {
	t.Helper()
	c, err := New(Config{Token: s.Token, APIURL: s.URL, Logger: discard()}, h, fastOpts(opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// run runs c until the returned stop is called (or the test ends) and checks
// that Run returned nil.
func run(t testing.TB, c *Channel) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run: %v", err)
				}
			case <-time.After(30 * time.Second):
				t.Errorf("Run did not return after its context ended")
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

// recorder is a stub runner: it records what the handler was called with and
// lets a test decide what the handler does.
type recorder struct {
	mu  sync.Mutex
	got []runner.Inbound
	ch  chan runner.Inbound
	fn  func(ctx context.Context, in runner.Inbound, n int) error // n: calls so far with this ID
}

func newRecorder(fn func(ctx context.Context, in runner.Inbound, n int) error) *recorder {
	return &recorder{ch: make(chan runner.Inbound, 1000), fn: fn}
}

func (r *recorder) handle(ctx context.Context, in runner.Inbound) error {
	r.mu.Lock()
	n := 0
	for _, g := range r.got {
		if g.ID == in.ID {
			n++
		}
	}
	r.got = append(r.got, in)
	r.mu.Unlock()
	r.ch <- in
	if r.fn == nil {
		return nil
	}
	return r.fn(ctx, in, n+1)
}

func (r *recorder) next(t testing.TB) runner.Inbound {
	t.Helper()
	select {
	case in := <-r.ch:
		return in
	case <-time.After(30 * time.Second):
		t.Fatal("handler not called")
		return runner.Inbound{}
	}
}

func (r *recorder) calls() []runner.Inbound {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.got)
}

func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func texts(ms []telegramtest.Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

func TestNewConfig(t *testing.T) {
	for _, cfg := range []Config{
		{},
		{Token: "1:x", APIURL: "::"},
		{Token: "1:x", WebhookURL: "https://example.org/hook", WebhookListen: ":8443"},                           // no secret
		{Token: "1:x", WebhookURL: "https://example.org/hook", WebhookSecret: "bad secret", WebhookListen: ":1"}, // space
		{Token: "1:x", WebhookURL: "https://example.org/hook", WebhookSecret: "ok"},                              // no listen address
	} {
		if _, err := New(cfg, nil); !errors.Is(err, ErrConfig) {
			t.Errorf("New(%v) = %v, want ErrConfig", cfg, err)
		}
	}
	if _, err := New(Config{Token: "1:x", APIURL: "notaurl"}, nil); err == nil || !strings.Contains(err.Error(), "TELEGRAM_API_URL") || !strings.Contains(err.Error(), "https://api.telegram.org") {
		t.Errorf("a bad API URL: %v, want the setting and an example", err)
	}
	cfg := Config{Token: "123:SECRET-TOKEN", WebhookSecret: "hush"}
	if s := fmt.Sprint(cfg) + fmt.Sprintf("%+v", cfg); strings.Contains(s, "SECRET-TOKEN") || strings.Contains(s, "hush") {
		t.Fatalf("Config prints its secrets: %s", s)
	}
	c, err := New(Config{Token: "1:x"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Run(context.Background()); !errors.Is(err, ErrConfig) {
		t.Fatalf("Run without handler: %v", err)
	}
}

func TestTextRoundTrip(t *testing.T) {
	s := newFake(t)
	s.SetLanguage(42, "de-AT")
	var c *Channel
	rec := newRecorder(func(ctx context.Context, in runner.Inbound, _ int) error {
		return c.Send(ctx, in.Patient, engine.Message{Text: "You wrote: " + in.Input.Text})
	})
	c = newChannel(t, s, rec.handle)
	run(t, c)

	upd := s.PushText(42, "<b>5 & 6</b>")
	in := rec.next(t)
	if in.Patient != "tg:42" || in.Locale != "de" || in.Input.Text != "<b>5 & 6</b>" || in.ID == "" || in.Input.Now.IsZero() {
		t.Fatalf("inbound = %+v", in)
	}
	ms, err := s.WaitMessages(42, 1, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if ms[0].Text != "You wrote: <b>5 & 6</b>" || ms[0].HTML != "You wrote: &lt;b&gt;5 &amp; 6&lt;/b&gt;" {
		t.Fatalf("message = %+v", ms[0])
	}
	if err := s.Wait(30*time.Second, func(telegramtest.Stats) bool { return s.Confirmed() >= upd }); err != nil {
		t.Fatalf("update %d not confirmed: %v", upd, err)
	}
	var names []string
	for _, cmd := range s.Commands() {
		names = append(names, cmd.Command)
	}
	if want := []string{"start", "help", "restart", "stop", "language", "forget", "appointments", "reminders"}; !slices.Equal(names, want) {
		t.Fatalf("commands = %v, want %v", names, want)
	}
}

func TestCommandsAndMedia(t *testing.T) {
	s := newFake(t)
	rec := newRecorder(nil)
	run(t, newChannel(t, s, rec.handle))

	s.PushText(7, "/start@kapbot_test_bot intake")
	in := rec.next(t)
	if in.Input.Command == nil || in.Input.Command.Name != engine.CmdStart || in.Input.Command.Arg != "intake" {
		t.Fatalf("deep link: %+v", in.Input)
	}
	s.PushSticker(7)
	in = rec.next(t)
	if in.Input.Text != "" || in.Input.Command != nil || in.Input.Press != nil || in.ID == "" {
		t.Fatalf("sticker: %+v", in)
	}
	// A group message is not a patient's: skipped, but confirmed.
	g := s.PushText(-100123, "hello group")
	s.PushText(7, "after")
	if in = rec.next(t); in.Input.Text != "after" {
		t.Fatalf("after the group message: %+v", in)
	}
	waitFor(t, "group update confirmed", func() bool { return s.Confirmed() >= g })
}

// question sends a question with choices and returns the message the patient sees.
func question(t *testing.T, c *Channel, s *telegramtest.Server, chat int64, m engine.Message) telegramtest.Message {
	t.Helper()
	if err := c.Send(context.Background(), patientID(chat), m); err != nil {
		t.Fatal(err)
	}
	ms := s.Messages(chat)
	return ms[len(ms)-1]
}

func TestPressSingleChoice(t *testing.T) {
	s := newFake(t)
	rec := newRecorder(nil)
	c := newChannel(t, s, rec.handle)
	run(t, c)

	q := question(t, c, s, 5, engine.Message{Text: "Sleep & mood OK?", Seq: 3,
		Choices: []engine.Option{{Value: "yes", Label: "Yes <sure>"}, {Value: "no", Label: "No"}}})
	if len(q.Keyboard) != 1 || q.Keyboard[0][0].Data != "a:3:yes" {
		t.Fatalf("keyboard = %+v", q.Keyboard)
	}
	if _, err := s.Press(5, q.ID, "a:3:yes"); err != nil {
		t.Fatal(err)
	}
	in := rec.next(t)
	if in.Input.Press == nil || *in.Input.Press != (engine.Press{Seq: 3, Value: "yes"}) || !strings.HasPrefix(in.ID, "tg:cb:") || in.Patient != "tg:5" {
		t.Fatalf("inbound = %+v", in)
	}
	waitFor(t, "question edited", func() bool { return s.Messages(5)[0].Edits == 1 })
	got := s.Messages(5)[0]
	if got.Text != "Sleep & mood OK?\n\n✓ Yes <sure>" || got.Keyboard != nil {
		t.Fatalf("edited question = %+v", got)
	}
	// The answer and the edit are separate calls: the answer may arrive
	// second.
	waitFor(t, "callback query answered", func() bool { return s.Stats().Unanswered == 0 })
}

func TestPressMultiChoice(t *testing.T) {
	s := newFake(t)
	rec := newRecorder(nil)
	c := newChannel(t, s, rec.handle)
	run(t, c)

	q := question(t, c, s, 6, engine.Message{Text: "Which apply?", Seq: 4, Multi: true,
		Choices: []engine.Option{{Value: "sleep", Label: "Sleep"}, {Value: "mood", Label: "Mood"}, {Value: "", Label: "Done"}}})
	press := func(data string, edits int) {
		t.Helper()
		if _, err := s.Press(6, q.ID, data); err != nil {
			t.Fatal(err)
		}
		rec.next(t)
		waitFor(t, "edit "+data, func() bool { return s.Messages(6)[0].Edits == edits })
	}
	press("m:4:sleep", 1)
	press("m:4:mood", 2)
	press("m:4:sleep", 3) // untick
	if kb := s.Messages(6)[0].Keyboard; kb[0][0].Text != "☐ Sleep" || kb[0][1].Text != "☑ Mood" {
		t.Fatalf("keyboard = %+v", kb)
	}
	press("d:4", 4)
	got := s.Messages(6)[0]
	if got.Text != "Which apply?\n\n✓ Mood" || got.Keyboard != nil {
		t.Fatalf("after Done: %+v", got)
	}
	var presses []engine.Press
	for _, in := range rec.calls() {
		presses = append(presses, *in.Input.Press)
	}
	want := []engine.Press{{Seq: 4, Value: "sleep"}, {Seq: 4, Value: "mood"}, {Seq: 4, Value: "sleep"}, {Seq: 4}}
	if !slices.Equal(presses, want) {
		t.Fatalf("presses = %+v, want %+v", presses, want)
	}
}

func TestLatePressOnOldQuestion(t *testing.T) {
	s := newFake(t)
	rec := newRecorder(nil)
	c := newChannel(t, s, rec.handle)
	run(t, c)

	old := question(t, c, s, 8, engine.Message{Text: "First?", Seq: 1, Choices: opts("a", "b")})
	question(t, c, s, 8, engine.Message{Text: "Second?", Seq: 2, Choices: opts("c", "d")})
	if _, err := s.Press(8, old.ID, "a:1:0"); err != nil {
		t.Fatal(err)
	}
	if in := rec.next(t); *in.Input.Press != (engine.Press{Seq: 1, Value: "0"}) {
		t.Fatalf("late press = %+v", in.Input.Press)
	}
	waitFor(t, "old keyboard removed", func() bool { return s.Messages(8)[0].Keyboard == nil })
	if ms := s.Messages(8); ms[0].Text != "First?" || ms[1].Keyboard == nil {
		t.Fatalf("messages = %+v", ms)
	}
}

func TestCallbackAnsweredWhenHandlerFails(t *testing.T) {
	s := newFake(t)
	release := make(chan struct{})
	rec := newRecorder(func(ctx context.Context, in runner.Inbound, n int) error {
		if n == 1 {
			return errors.New("store down")
		}
		<-release
		return nil
	})
	c := newChannel(t, s, rec.handle)
	run(t, c)
	q := question(t, c, s, 9, engine.Message{Text: "Q?", Seq: 1, Choices: opts("x")})
	if _, err := s.Press(9, q.ID, "a:1:0"); err != nil {
		t.Fatal(err)
	}
	first, second := rec.next(t), rec.next(t)
	if first.ID != second.ID {
		t.Fatalf("retry with another ID: %q, %q", first.ID, second.ID)
	}
	// Answered after the failed attempt, while the retry still runs (it
	// waits for release); the answer may still be on its way to the fake.
	waitFor(t, "press answered during the retry", func() bool {
		st := s.Stats()
		return st.Unanswered == 0 && st.Calls["answerCallbackQuery"] == 1
	})
	close(release)
	waitFor(t, "question edited", func() bool { return s.Messages(9)[0].Edits == 1 })
	if st := s.Stats(); st.Calls["answerCallbackQuery"] != 1 {
		t.Fatalf("answered twice: %v", st)
	}
}

func TestInOrderPerChatConcurrentAcrossChats(t *testing.T) {
	s := newFake(t)
	blockA := make(chan struct{})
	rec := newRecorder(func(ctx context.Context, in runner.Inbound, _ int) error {
		if in.Patient == "tg:1" && in.Input.Text == "a0" {
			select { // chat 1 waits until chat 2 got through: chats run concurrently
			case <-blockA:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if in.Patient == "tg:2" && in.Input.Text == "b9" {
			close(blockA)
		}
		return nil
	})
	run(t, newChannel(t, s, rec.handle))
	for i := range 10 {
		s.PushText(1, fmt.Sprintf("a%d", i))
		s.PushText(2, fmt.Sprintf("b%d", i))
	}
	waitFor(t, "20 calls", func() bool { return len(rec.calls()) == 20 })
	var a, b []string
	for _, in := range rec.calls() {
		if in.Patient == "tg:1" {
			a = append(a, in.Input.Text)
		} else {
			b = append(b, in.Input.Text)
		}
	}
	for i := range 10 {
		if a[i] != fmt.Sprintf("a%d", i) || b[i] != fmt.Sprintf("b%d", i) {
			t.Fatalf("out of order: %v %v", a, b)
		}
	}
}

func TestHandlerErrorRetriedInOrder(t *testing.T) {
	s := newFake(t)
	rec := newRecorder(func(ctx context.Context, in runner.Inbound, n int) error {
		if in.Input.Text == "first" && n < 3 {
			return errors.New("conflict")
		}
		return nil
	})
	run(t, newChannel(t, s, rec.handle))
	s.PushText(3, "first")
	last := s.PushText(3, "second")
	waitFor(t, "4 calls", func() bool { return len(rec.calls()) == 4 })
	var got []string
	for _, in := range rec.calls() {
		got = append(got, in.Input.Text)
	}
	if want := []string{"first", "first", "first", "second"}; !slices.Equal(got, want) {
		t.Fatalf("calls = %v, want %v", got, want)
	}
	waitFor(t, "offset past both", func() bool { return s.Confirmed() >= last })
}

func TestOffsetNotAdvancedBeforeHandlerReturns(t *testing.T) {
	s := newFake(t)
	entered := make(chan struct{}, 1)
	rec := newRecorder(func(ctx context.Context, in runner.Inbound, _ int) error {
		entered <- struct{}{}
		<-ctx.Done() // the process "crashes" mid-handler
		return ctx.Err()
	})
	stop := run(t, newChannel(t, s, rec.handle))
	upd := s.PushText(4, "my answer")
	first := rec.next(t)
	<-entered
	polls := s.Stats().Calls["getUpdates"]
	waitFor(t, "more polls", func() bool { return s.Stats().Calls["getUpdates"] >= polls+3 })
	if s.Confirmed() >= upd {
		t.Fatalf("update %d confirmed while its handler runs", upd)
	}
	stop()

	rec2 := newRecorder(nil)
	run(t, newChannel(t, s, rec2.handle))
	again := rec2.next(t)
	if again.ID != first.ID || again.Input.Text != "my answer" {
		t.Fatalf("redelivered %+v, want %+v", again, first)
	}
	waitFor(t, "confirmed after the handler returned", func() bool { return s.Confirmed() >= upd })
}

func TestDuplicateUpdateSameID(t *testing.T) {
	s := newFake(t)
	rec := newRecorder(nil)
	c := newChannel(t, s, rec.handle)
	run(t, c)
	u := s.PushText(11, "hello")
	a := rec.next(t)
	if _, err := s.Duplicate(u); err != nil {
		t.Fatal(err)
	}
	b := rec.next(t)
	if a.ID != b.ID || a.ID != "tg:m:11:1" {
		t.Fatalf("IDs %q and %q", a.ID, b.ID)
	}
	// A duplicated press has the same ID too, and its second answer is refused quietly.
	q := question(t, c, s, 11, engine.Message{Text: "Q?", Seq: 1, Choices: opts("x")})
	p, err := s.Press(11, q.ID, "a:1:0")
	if err != nil {
		t.Fatal(err)
	}
	a = rec.next(t)
	if _, err := s.Duplicate(p); err != nil {
		t.Fatal(err)
	}
	if b = rec.next(t); a.ID != b.ID {
		t.Fatalf("press IDs %q and %q", a.ID, b.ID)
	}
}

func TestSendSplitsLongText(t *testing.T) {
	s := newFake(t)
	c := newChannel(t, s, nil)
	para := strings.TrimSpace(strings.Repeat("All work & no play. ", 100)) // 2000 characters
	text := strings.Join([]string{para, para, para, para, para}, "\n\n")
	err := c.Send(context.Background(), "tg:12", engine.Message{Text: text, Seq: 1, Choices: opts("ok")})
	if err != nil {
		t.Fatal(err)
	}
	ms := s.Messages(12)
	if len(ms) != 3 {
		t.Fatalf("%d messages", len(ms))
	}
	for i, m := range ms {
		if (m.Keyboard != nil) != (i == len(ms)-1) {
			t.Fatalf("message %d keyboard %v", i, m.Keyboard)
		}
	}
	if strings.Join(texts(ms), "\n\n") != text {
		t.Fatal("the parts do not make up the text")
	}
}

func TestSendOrderAndFairness(t *testing.T) {
	s := newFake(t, telegramtest.WithoutLimits())
	// One request at a time, one message per 2 Telegram seconds for the whole
	// bot: the order of delivery is the dispatcher's.
	c := newChannel(t, s, nil, WithConcurrency(1), WithLimits(Limits{BotPerSecond: 0.5, BotBurst: 1}))
	var wg sync.WaitGroup
	send := func(chat int64, text string) {
		defer wg.Done()
		if err := c.Send(context.Background(), patientID(chat), engine.Message{Text: text}); err != nil {
			t.Error(err)
		}
	}
	queued := func(chat int64) int {
		c.send.mu.Lock()
		defer c.send.mu.Unlock()
		if q := c.send.chats[chat]; q != nil {
			return len(q.jobs)
		}
		return 0
	}
	var want []string
	for i := range 12 { // queued one after the other
		want = append(want, fmt.Sprintf("a%d", i))
		wg.Add(1)
		go send(1, want[i])
		waitFor(t, "queued", func() bool { return queued(1)+len(s.Messages(1)) == i+1 })
	}
	before := len(s.Messages(1))
	wg.Add(1)
	go send(2, "b0")
	wg.Wait()

	got := s.Messages(1)
	if !slices.Equal(texts(got), want) {
		t.Fatalf("chat 1 got %v", texts(got))
	}
	// Round robin: b0 goes after at most the message in flight and the one
	// chat 1 has its turn for, not after all of chat 1's.
	if b := s.Messages(2)[0]; b.Order > before+3 {
		t.Fatalf("chat 2's message was number %d; chat 1 had %d delivered when it was queued", b.Order, before)
	}
}

func TestFloodStormObeyed(t *testing.T) {
	const sec = 50 * time.Millisecond
	s := telegramtest.NewServer(telegramtest.WithSecond(sec), telegramtest.WithRetryAfter(2))
	defer s.Close()
	c, err := New(Config{Token: s.Token, APIURL: s.URL, Logger: discard()}, nil, WithSecond(sec), WithTypingAfter(0))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	// One chat: three floods in a row, each waited out in full.
	s.FailNext("sendMessage", 429, 3) // bot-wide, retry after 2 seconds
	start := time.Now()
	if err := c.Send(ctx, "tg:9", engine.Message{Text: "first"}); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 3*2*sec {
		t.Fatalf("three floods of 2 seconds over after %v", d)
	}

	// Several chats: their first requests meet the floods together, and the
	// later ones must wait out the window.
	s.FailNext("sendMessage", 429, 3)
	var wg sync.WaitGroup
	for chat := int64(1); chat <= 4; chat++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 3 {
				if err := c.Send(ctx, patientID(chat), engine.Message{Text: fmt.Sprint("m", i)}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	st := s.Stats()
	if st.IgnoredRetryAfter != 0 || st.TooManyRequests < 6 {
		t.Fatalf("requests inside a retry_after window: %v", st)
	}
	for chat := int64(1); chat <= 4; chat++ {
		if got := texts(s.Messages(chat)); !slices.Equal(got, []string{"m0", "m1", "m2"}) {
			t.Fatalf("chat %d: %v", chat, got)
		}
	}
}

func TestChatFloodObeyed(t *testing.T) {
	// The fake is stricter than the channel's own limits: the channel meets
	// chat-level 429s and must wait them out.
	s := newFake(t, telegramtest.WithLimits(telegramtest.Limits{ChatPerSecond: 0.5, ChatBurst: 1, BotPerSecond: 30, BotBurst: 30}))
	c := newChannel(t, s, nil)
	var wg sync.WaitGroup
	for chat := int64(1); chat <= 3; chat++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 4 {
				if err := c.Send(context.Background(), patientID(chat), engine.Message{Text: fmt.Sprint(i)}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	st := s.Stats()
	if st.TooManyRequests == 0 || st.IgnoredRetryAfter != 0 {
		t.Fatalf("stats: %v", st)
	}
}

func TestServerErrorsRetried(t *testing.T) {
	s := newFake(t)
	c := newChannel(t, s, nil, WithMaxAttempts(3))
	ctx := context.Background()
	s.FailNext("sendMessage", 502, 1)
	s.FailNext("sendMessage", 500, 1)
	if err := c.Send(ctx, "tg:1", engine.Message{Text: "hi"}); err != nil {
		t.Fatal(err)
	}
	if n := s.Stats().Calls["sendMessage"]; n != 3 {
		t.Fatalf("%d calls, want 3", n)
	}
	s.FailNext("sendMessage", 503, 10)
	err := c.Send(ctx, "tg:1", engine.Message{Text: "hi"})
	if !errors.Is(err, ErrUnavailable) || errors.Is(err, ErrRejected) {
		t.Fatalf("after 3 failures: %v", err)
	}
	if n := s.Stats().Calls["sendMessage"]; n != 6 {
		t.Fatalf("%d calls, want 6", n)
	}
	// The network: nothing listens (port 1 is privileged and unused; a
	// port free a moment ago could be taken by another test in between).
	c2, _ := New(Config{Token: s.Token, APIURL: "http://127.0.0.1:1", Logger: discard()}, nil, fastOpts(WithMaxAttempts(2))...)
	if err := c2.Send(ctx, "tg:1", engine.Message{Text: "hi"}); !errors.Is(err, ErrUnavailable) || strings.Contains(err.Error(), s.Token) {
		t.Fatalf("network error: %v", err)
	}
}

func TestBlockedAndRejected(t *testing.T) {
	s := newFake(t)
	c := newChannel(t, s, nil)
	ctx := context.Background()
	s.Block(2)
	err := c.Send(ctx, "tg:2", engine.Message{Text: "hi"})
	if !errors.Is(err, runner.ErrBlocked) {
		t.Fatalf("blocked: %v", err)
	}
	s.FailNext("sendMessage", 400, 1)
	if err := c.Send(ctx, "tg:3", engine.Message{Text: "my secret answer"}); !errors.Is(err, ErrRejected) || strings.Contains(err.Error(), "secret") {
		t.Fatalf("400: %v", err)
	}
	if n := s.Stats().Calls["sendMessage"]; n != 2 {
		t.Fatalf("%d calls: 403 and 400 must not be retried", n)
	}
	long := engine.Message{Text: "q", Seq: 1, Choices: []engine.Option{{Value: strings.Repeat("v", 70)}}}
	for _, tc := range []struct {
		patient string
		m       engine.Message
	}{{"tg:3", long}, {"dc:3", engine.Message{Text: "x"}}, {"tg:x", engine.Message{Text: "x"}}} {
		if err := c.Send(ctx, tc.patient, tc.m); !errors.Is(err, ErrRejected) {
			t.Fatalf("Send(%q) = %v, want ErrRejected", tc.patient, err)
		}
	}
	if n := s.Stats().Calls["sendMessage"]; n != 2 {
		t.Fatalf("%d calls: undrawable messages must not be sent", n)
	}
}

func TestSendHonoursContext(t *testing.T) {
	s := newFake(t)
	c := newChannel(t, s, nil)
	s.Slow(time.Minute) // Send must end with its context, long before the answer
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := c.Send(ctx, "tg:1", engine.Message{Text: "hi"}); !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 20*time.Second {
		t.Fatalf("Send = %v after %v", err, time.Since(start))
	}
}

func TestTypingIndicator(t *testing.T) {
	s := newFake(t)
	rec := newRecorder(func(ctx context.Context, in runner.Inbound, _ int) error {
		time.Sleep(150 * time.Millisecond)
		return nil
	})
	run(t, newChannel(t, s, rec.handle, WithTypingAfter(30*time.Millisecond)))
	s.PushText(13, "slow one")
	rec.next(t)
	waitFor(t, "typing", func() bool { return s.ChatActions(13) >= 1 })
}

func TestWebhookHandler(t *testing.T) {
	s := newFake(t)
	release := make(chan error)
	rec := newRecorder(func(ctx context.Context, in runner.Inbound, _ int) error { return <-release })
	c, err := New(Config{Token: s.Token, APIURL: s.URL, Logger: discard(), WebhookURL: "https://example.org/tg", WebhookSecret: "s3cret_-", WebhookListen: "127.0.0.1:0"},
		rec.handle, fastOpts()...)
	if err != nil {
		t.Fatal(err)
	}
	h := c.WebhookHandler()
	body := `{"update_id":1,"message":{"message_id":5,"date":1,"chat":{"id":77,"type":"private"},"text":"hi"}}`
	post := func(secret, body string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodPost, "/tg", strings.NewReader(body))
		if secret != "" {
			r.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	for _, secret := range []string{"", "s3cret", "s3cret_-x", "S3CRET_-"} {
		if w := post(secret, body); w.Code != http.StatusUnauthorized {
			t.Fatalf("secret %q: %d", secret, w.Code)
		}
	}
	if w := post("s3cret_-", "not json"); w.Code != http.StatusBadRequest {
		t.Fatalf("bad body: %d", w.Code)
	}
	if w := post("s3cret_-", `{"update_id":1,"message":{"text":"`+strings.Repeat("x", 2<<20)+`"}}`); w.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("huge body: %d", w.Code)
	}
	if len(rec.calls()) != 0 {
		t.Fatal("handler called for a refused request")
	}

	// 200 only after the handler committed; 500 when it failed.
	for _, tc := range []struct {
		result error
		code   int
	}{{errors.New("store down"), http.StatusInternalServerError}, {nil, http.StatusOK}} {
		answered := make(chan int)
		go func() { answered <- post("s3cret_-", body).Code }()
		in := rec.next(t)
		if in.ID != "tg:m:77:5" {
			t.Fatalf("inbound %+v", in)
		}
		select {
		case code := <-answered:
			t.Fatalf("answered %d before the handler returned", code)
		case <-time.After(50 * time.Millisecond):
		}
		release <- tc.result
		if code := <-answered; code != tc.code {
			t.Fatalf("answered %d, want %d", code, tc.code)
		}
	}
}

func TestWebhookEndToEnd(t *testing.T) {
	s := newFake(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	rec := newRecorder(func(ctx context.Context, in runner.Inbound, n int) error {
		if n == 1 {
			return errors.New("first try fails")
		}
		return nil
	})
	c, err := New(Config{Token: s.Token, APIURL: s.URL, Logger: discard(),
		WebhookURL: "http://" + ln.Addr().String() + "/tg/hook", WebhookSecret: "abc"}, rec.handle, fastOpts(WithWebhookListener(ln))...)
	if err != nil {
		t.Fatal(err)
	}
	run(t, c)
	waitFor(t, "webhook set", func() bool { u, _ := s.Webhook(); return u != "" })
	if u, secret := s.Webhook(); !strings.HasSuffix(u, "/tg/hook") || secret != "abc" {
		t.Fatalf("webhook %q %q", u, secret)
	}
	id := s.PushText(21, "via webhook")
	a, b := rec.next(t), rec.next(t)
	if a.ID != b.ID || b.Input.Text != "via webhook" {
		t.Fatalf("deliveries %+v %+v", a, b)
	}
	waitFor(t, "confirmed", func() bool { return s.Confirmed() >= id })
	if st := s.Stats(); st.WebhookFailures != 1 || st.WebhookDeliveries != 1 {
		t.Fatalf("stats %+v", st)
	}
}

func TestNothingSecretLogged(t *testing.T) {
	s := newFake(t)
	var buf bytes.Buffer
	var mu sync.Mutex
	log := slog.New(slog.NewTextHandler(&lockedWriter{w: &buf, mu: &mu}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	var fails atomic.Int32
	h := func(ctx context.Context, in runner.Inbound) error {
		if fails.Add(1) == 1 {
			return errors.New("handler failed")
		}
		return nil
	}
	c, err := New(Config{Token: s.Token, APIURL: s.URL, Logger: log}, h, fastOpts()...)
	if err != nil {
		t.Fatal(err)
	}
	run(t, c)
	s.FailNext("getUpdates", 500, 1)
	s.FailNext("sendMessage", 502, 1)
	s.FailNext("sendMessage", 429, 1)
	s.PushText(30, "my private answer")
	if err := c.Send(context.Background(), "tg:30", engine.Message{Text: "your private answer"}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "handler retried", func() bool { return fails.Load() >= 2 })
	mu.Lock()
	out := buf.String()
	mu.Unlock()
	if !strings.Contains(out, "getUpdates") || !strings.Contains(out, "flood") {
		t.Fatalf("expected warnings in the log:\n%s", out)
	}
	if strings.Contains(out, s.Token) || strings.Contains(out, "private answer") {
		t.Fatalf("log holds the token or patient text:\n%s", out)
	}
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestRealLimits sends a few messages at Telegram's real pace: a burst of 3,
// then one per second.
func TestRealLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("takes two seconds")
	}
	s := telegramtest.NewServer()
	defer s.Close()
	c, err := New(Config{Token: s.Token, APIURL: s.URL, Logger: discard()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for i := range 5 {
		if err := c.Send(context.Background(), "tg:99", engine.Message{Text: fmt.Sprint("message ", i)}); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 1800*time.Millisecond || d > 4*time.Second {
		t.Fatalf("5 messages in %v, want about 2 s", d)
	}
	if st := s.Stats(); st.TooManyRequests != 0 || len(s.Messages(99)) != 5 {
		t.Fatalf("stats %v, %d messages", st, len(s.Messages(99)))
	}
}

// BenchmarkSend1000Chats sends one message to each of 1000 chats at the
// fake's limits (30 per Telegram second, with a Telegram second of 20 ms)
// and fails if Telegram had to answer 429 even once.
func BenchmarkSend1000Chats(b *testing.B) {
	s := telegramtest.NewServer(telegramtest.WithSecond(second))
	defer s.Close()
	c, err := New(Config{Token: s.Token, APIURL: s.URL, Logger: discard()}, nil, fastOpts()...)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	start := time.Now()
	for n := range b.N {
		var wg sync.WaitGroup
		for chat := range 1000 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := c.Send(context.Background(), patientID(int64(n*1000+chat+1)), engine.Message{Text: "hello"}); err != nil {
					b.Error(err)
				}
			}()
		}
		wg.Wait()
	}
	b.ReportMetric(float64(b.N*1000)/time.Since(start).Seconds(), "msgs/s")
	if st := s.Stats(); st.TooManyRequests != 0 {
		b.Fatalf("%d 429s: %v", st.TooManyRequests, st)
	}
}

func TestRunWithWrongToken(t *testing.T) {
	s := newFake(t)
	c, err := New(Config{Token: "1:wrong", APIURL: s.URL, Logger: discard()}, newRecorder(nil).handle, fastOpts()...)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = c.Run(ctx)
	if !errors.Is(err, ErrUnauthorized) || strings.Contains(err.Error(), "wrong") {
		t.Fatalf("Run = %v, want ErrUnauthorized without the token", err)
	}
}
