package discord

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/discord/discordtest"
	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/runner"
)

const (
	patientA = "300000000000000001"
	patientB = "300000000000000002"
	guild    = "400000000000000001"
	msgRoute = "POST /channels/{channel}/messages"
)

// strictTransport lets requests reach only the fake and records any other
// host it was asked for.
type strictTransport struct {
	host    string
	mu      sync.Mutex
	foreign []string
}

func (s *strictTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != s.host {
		s.mu.Lock()
		s.foreign = append(s.foreign, r.URL.Host)
		s.mu.Unlock()
		return nil, fmt.Errorf("test transport: host %s is not the fake", r.URL.Host)
	}
	return http.DefaultTransport.RoundTrip(r)
}

func (s *strictTransport) hosts() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.foreign)
}

// syncBuffer is a log sink safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// script is the stub runner: it answers an event, usually by calling Send.
type script func(h *harness, ctx context.Context, in runner.Inbound) error

type harness struct {
	t         *testing.T
	fake      *discordtest.Server
	ch        *Channel
	transport *strictTransport
	logs      *syncBuffer

	mu      sync.Mutex
	events  []runner.Inbound
	sendErr []error
}

// start runs a Channel against a fresh fake with the stub handler and waits
// until its commands are registered.
func start(t *testing.T, fo discordtest.Options, cfg Config, sc script, opts ...Option) *harness {
	t.Helper()
	fake := discordtest.New(t, fo)
	h := &harness{t: t, fake: fake, transport: &strictTransport{host: fake.Host()}, logs: &syncBuffer{}}
	cfg.Token = fake.Token()
	if cfg.APIURL == "" {
		cfg.APIURL = fake.URL()
	}
	cfg.HTTPClient = &http.Client{Transport: h.transport, Timeout: 5 * time.Second}
	cfg.Logger = slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	opts = append([]Option{WithRetry(4, 20*time.Millisecond, 200*time.Millisecond), WithDMGrace(2 * time.Second), WithShutdownGrace(3 * time.Second)}, opts...)
	ch, err := New(cfg, func(ctx context.Context, in runner.Inbound) error {
		h.mu.Lock()
		h.events = append(h.events, in)
		h.mu.Unlock()
		if sc == nil {
			return nil
		}
		return sc(h, ctx, in)
	}, opts...)
	if err != nil {
		t.Fatal(err)
	}
	h.ch = ch
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ch.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Errorf("Run did not return after cancel")
		}
		if hosts := h.transport.hosts(); len(hosts) > 0 {
			t.Errorf("requests went to other hosts than the fake: %v", hosts)
		}
		if strings.Contains(h.logs.String(), fake.Token()) {
			t.Errorf("the token appears in the logs")
		}
	})
	want := len(ch.cmds)
	where := cfg.GuildID
	if !discordtest.Wait(30*time.Second, func() bool { return len(fake.Commands(where)) == want }) {
		select {
		case err := <-done:
			t.Fatalf("Run returned early: %v", err)
		default:
		}
		t.Fatalf("commands not registered; logs:\n%s", h.logs.String())
	}
	return h
}

func (h *harness) send(ctx context.Context, patient string, m engine.Message) error {
	err := h.ch.Send(ctx, patient, m)
	if err != nil {
		h.mu.Lock()
		h.sendErr = append(h.sendErr, err)
		h.mu.Unlock()
	}
	return err
}

func (h *harness) got() []runner.Inbound {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.events)
}

func (h *harness) errs() []error {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.sendErr)
}

// waitEvents waits until the handler has seen n events.
func (h *harness) waitEvents(n int) []runner.Inbound {
	h.t.Helper()
	if !discordtest.Wait(30*time.Second, func() bool { return len(h.got()) >= n }) {
		h.t.Fatalf("handler got %d events, want %d: %+v", len(h.got()), n, h.got())
	}
	return h.got()
}

// waitBot waits until the patient's DM holds n messages from Send.
func (h *harness) waitBot(user string, n int) []discordtest.Message {
	h.t.Helper()
	if !discordtest.Wait(30*time.Second, func() bool { return len(h.fake.BotMessages(user)) >= n }) {
		h.t.Fatalf("patient has %d bot messages, want %d: %+v\nlogs:\n%s", len(h.fake.BotMessages(user)), n, h.fake.BotMessages(user), h.logs.String())
	}
	return h.fake.BotMessages(user)
}

func (h *harness) noFailures() {
	h.t.Helper()
	if u := h.fake.Unacknowledged(); len(u) > 0 {
		h.t.Errorf("unacknowledged interactions: %+v", u)
	}
	if v := h.fake.Violations(); len(v) > 0 {
		h.t.Errorf("rate-limit violations: %v", v)
	}
}

func question(seq int, text string, labels ...string) engine.Message {
	m := engine.Message{Kind: engine.FromFlow, Text: text, Seq: seq}
	for _, l := range labels {
		m.Choices = append(m.Choices, engine.Option{Value: strings.ToLower(l), Label: l})
	}
	return m
}

func say(text string) engine.Message { return engine.Message{Kind: engine.FromFlow, Text: text} }

func TestRunRedirectsEverythingToTheAPIURL(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		url   func(*discordtest.Server) string
		guild string
	}{
		{"with /api/v10, global commands", func(f *discordtest.Server) string { return f.URL() }, ""},
		{"bare host, guild commands", func(f *discordtest.Server) string { return strings.TrimSuffix(f.URL(), "/api/v10") }, guild},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// The fake's URL is only known once it runs: start with the
			// default form, then check a second channel with the other.
			h := start(t, discordtest.Options{}, Config{GuildID: tc.guild}, nil)
			routes := map[string]bool{}
			for _, r := range h.fake.Requests() {
				routes[r.Route] = true
				if r.Status == http.StatusUnauthorized {
					t.Errorf("unauthorized request %s %s", r.Method, r.Path)
				}
			}
			put := "PUT /applications/{app}/commands"
			if tc.guild != "" {
				put = "PUT /applications/{app}/guilds/{guild}/commands"
			}
			for _, want := range []string{"GET /users/@me", "GET /gateway/bot", "GET /gateway", put} {
				if !routes[want] {
					t.Errorf("no request to %s; got %v", want, routes)
				}
			}
			if !h.fake.Ready() || h.fake.Identifies() != 1 {
				t.Errorf("gateway: ready %v, identifies %d", h.fake.Ready(), h.fake.Identifies())
			}
			var names []string
			for _, c := range h.fake.Commands(tc.guild) {
				names = append(names, c.Name)
			}
			for _, want := range []string{"intake", "prepare", "integrate", "help", "restart", "stop", "forget", "language"} {
				if !slices.Contains(names, want) {
					t.Errorf("command /%s not registered: %v", want, names)
				}
			}

			// The same fake reached through the other URL form.
			other, err := New(Config{Token: h.fake.Token(), APIURL: tc.url(h.fake), HTTPClient: &http.Client{Transport: h.transport}}, func(context.Context, runner.Inbound) error { return nil })
			if err != nil {
				t.Fatal(err)
			}
			if err := other.Send(context.Background(), "dc:"+patientA, say("hello")); err != nil {
				t.Fatalf("Send through %s: %v", tc.url(h.fake), err)
			}
			if got := h.fake.BotMessages(patientA); len(got) != 1 || got[0].Content != "hello" {
				t.Errorf("patient sees %+v", got)
			}
		})
	}
}

func TestRunRetriesAFlakyStartAndStopsCleanly(t *testing.T) {
	t.Parallel()
	fake := discordtest.New(t, discordtest.Options{})
	fake.Fail("GET /users/@me", 6, http.StatusServiceUnavailable) // more than one retry round
	fake.Fail("GET /gateway/bot", 1, http.StatusBadGateway)
	cfg := Config{Token: fake.Token(), APIURL: fake.URL(), Logger: slog.New(slog.DiscardHandler)}
	ch, err := New(cfg, func(context.Context, runner.Inbound) error { return nil }, WithRetry(2, 10*time.Millisecond, 50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ch.Run(ctx) }()
	if !discordtest.Wait(30*time.Second, func() bool { return len(fake.Commands("")) == len(commands) }) {
		t.Fatal("not started")
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
	if err := ch.Run(context.Background()); !errors.Is(err, ErrRunning) {
		t.Errorf("second Run: %v", err)
	}

	// Cancelled while Discord is still down: a clean stop, not an error.
	down := discordtest.New(t, discordtest.Options{})
	down.Fail("GET /users/@me", 1000, http.StatusServiceUnavailable)
	cfg.Token, cfg.APIURL = down.Token(), down.URL()
	ch, err = New(cfg, func(context.Context, runner.Inbound) error { return nil }, WithRetry(2, 10*time.Millisecond, 50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel = context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if err := ch.Run(ctx); err != nil {
		t.Errorf("Run cancelled during start: %v", err)
	}
}

func TestSlashCommandIsAcknowledgedBeforeASlowHandler(t *testing.T) {
	t.Parallel()
	var (
		mu                 sync.Mutex
		handlerIn, handled time.Time
	)
	h := start(t, discordtest.Options{}, Config{}, func(h *harness, ctx context.Context, in runner.Inbound) error {
		if in.Input.Command.Name != engine.CmdStart {
			return nil
		}
		mu.Lock()
		handlerIn = time.Now()
		mu.Unlock()
		time.Sleep(5 * time.Second) // longer than Discord's 3s
		if err := h.send(ctx, in.Patient, say("Welcome to the intake.")); err != nil {
			return err
		}
		mu.Lock()
		handled = time.Now()
		mu.Unlock()
		return nil
	})
	d, err := h.fake.SlashCommand(patientA, guild, "intake", nil)
	if err != nil {
		t.Fatal(err)
	}
	// A second command queues behind the slow one, but its acknowledgement
	// must not wait for it.
	d2, err := h.fake.SlashCommand(patientA, guild, "help", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !discordtest.Wait(30*time.Second, func() bool {
		in, _ := h.fake.Interaction(d.ID)
		in2, _ := h.fake.Interaction(d2.ID)
		return in.Acked && in2.Acked
	}) {
		t.Fatal("interactions not acknowledged")
	}
	in, _ := h.fake.Interaction(d.ID)
	// Discord's window is 3 s (the fake's clock, from dispatch to the
	// acknowledgement).
	if in2, _ := h.fake.Interaction(d2.ID); in.AckDelay() >= 3*time.Second || in2.AckDelay() >= 3*time.Second {
		t.Fatalf("acknowledged after %v and %v, want within Discord's 3s", in.AckDelay(), in2.AckDelay())
	}
	if in.AckType != discordtest.CallbackDeferredMessage {
		t.Errorf("ack type %d, want deferred (5)", in.AckType)
	}
	if in.AckDelay() > time.Second {
		t.Errorf("ack took %v", in.AckDelay())
	}
	resp, ok := h.fake.Response(d.ID)
	if !ok || !resp.Ephemeral() {
		t.Errorf("deferred answer in a server must be ephemeral: %+v", resp)
	}
	h.waitBot(patientA, 1)
	textDMSent := (*catalog.Catalog)(nil).Text(catalog.DMSent, "en")
	if !discordtest.Wait(30*time.Second, func() bool { r, _ := h.fake.Response(d.ID); return r.Content == textDMSent }) {
		r, _ := h.fake.Response(d.ID)
		t.Fatalf("answer %q, want %q", r.Content, textDMSent)
	}
	mu.Lock()
	if !in.AckedAt.Before(handlerIn) || !handlerIn.Before(handled) {
		t.Errorf("order: acked %v, handler started %v, handled %v", in.AckedAt, handlerIn, handled)
	}
	if in2, _ := h.fake.Interaction(d2.ID); !in2.AckedAt.Before(handled) {
		t.Errorf("the second command was acknowledged at %v, after the slow handler ended at %v", in2.AckedAt, handled)
	}
	mu.Unlock()
	ev := h.waitEvents(2)
	if ev[1].ID != "dc:i:"+d2.ID {
		t.Errorf("second event %+v", ev[1])
	}
	want := runner.Inbound{ID: "dc:i:" + d.ID, Patient: "dc:" + patientA, Locale: "en", Input: engine.Input{Command: &engine.Command{Name: engine.CmdStart, Arg: "kap-intake"}}}
	if ev[0].ID != want.ID || ev[0].Patient != want.Patient || ev[0].Locale != want.Locale || ev[0].Input.Command == nil || *ev[0].Input.Command != *want.Input.Command {
		t.Errorf("handler got %+v, want %+v", ev, want)
	}
	if ev[0].Input.Now.IsZero() {
		t.Error("input has no time")
	}
	h.noFailures()
}

func TestCommandsBecomeEngineCommands(t *testing.T) {
	t.Parallel()
	h := start(t, discordtest.Options{}, Config{}, nil)
	h.fake.SetLocale(patientA, "de")
	cases := []struct {
		name string
		opts map[string]string
		want engine.Command
	}{
		{"prepare", nil, engine.Command{Name: engine.CmdStart, Arg: "kap-prepare"}},
		{"integrate", nil, engine.Command{Name: engine.CmdStart, Arg: "kap-integrate"}},
		{"help", nil, engine.Command{Name: engine.CmdHelp}},
		{"restart", nil, engine.Command{Name: engine.CmdRestart}},
		{"stop", nil, engine.Command{Name: engine.CmdStop}},
		{"forget", nil, engine.Command{Name: engine.CmdForget}},
		{"language", map[string]string{"language": "de"}, engine.Command{Name: engine.CmdLanguage, Arg: "de"}},
		{"language", nil, engine.Command{Name: engine.CmdLanguage}},
	}
	var ids []string
	for _, c := range cases {
		d, err := h.fake.SlashCommand(patientA, "", c.name, c.opts) // in the DM
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	ev := h.waitEvents(len(cases))
	for i, c := range cases {
		if ev[i].ID != "dc:i:"+ids[i] || ev[i].Input.Command == nil || *ev[i].Input.Command != c.want || ev[i].Locale != "de" {
			t.Errorf("/%s: got %+v (%+v), want %+v", c.name, ev[i], ev[i].Input.Command, c.want)
		}
	}
	// In the DM the deferred answer is neither ephemeral nor left thinking.
	for _, id := range ids {
		id := id
		if !discordtest.Wait(30*time.Second, func() bool { r, _ := h.fake.Response(id); return r.Content == textDMAck }) {
			r, _ := h.fake.Response(id)
			t.Errorf("DM answer %+v", r)
		}
	}
	h.noFailures()
}

func TestButtonsAnswerAndClose(t *testing.T) {
	t.Parallel()
	h := start(t, discordtest.Options{}, Config{}, func(h *harness, ctx context.Context, in runner.Inbound) error {
		switch {
		case in.Input.Command != nil:
			return h.send(ctx, in.Patient, question(1, "How are you **today**?", "Good", "Bad"))
		case in.Input.Press != nil:
			return h.send(ctx, in.Patient, say("Thank you."))
		}
		return nil
	})
	if _, err := h.fake.SlashCommand(patientA, "", "intake", nil); err != nil {
		t.Fatal(err)
	}
	msgs := h.waitBot(patientA, 1)
	q := msgs[0]
	var ids []string
	for _, b := range q.Buttons() {
		ids = append(ids, b.CustomID)
	}
	if !slices.Equal(ids, []string{"a:1:good", "a:1:bad"}) || q.Content != "How are you **today**?" {
		t.Fatalf("question drawn as %q with buttons %v", q.Content, ids)
	}
	d, err := h.fake.PressButton(patientA, q.ID, "a:1:good")
	if err != nil {
		t.Fatal(err)
	}
	ev := h.waitEvents(2)
	if p := ev[1].Input.Press; ev[1].ID != "dc:i:"+d.ID || p == nil || *p != (engine.Press{Seq: 1, Value: "good"}) {
		t.Errorf("press became %+v %+v", ev[1], p)
	}
	h.waitBot(patientA, 2)
	// The question is closed once the answer is applied, after the
	// handler returned: wait for it.
	var got discordtest.Message
	if !discordtest.Wait(30*time.Second, func() bool {
		got, _ = h.fake.Message(q.ID)
		return got.Content == "How are you **today**?\n\n✓ Good" && len(got.Rows) == 0
	}) {
		t.Errorf("answered question shows %q with %d rows", got.Content, len(got.Rows))
	}
	if in, _ := h.fake.Interaction(d.ID); in.AckType != discordtest.CallbackDeferredUpdate {
		t.Errorf("press acknowledged with %d, want DEFERRED_UPDATE_MESSAGE", in.AckType)
	}
	if _, err := h.fake.PressButton(patientA, q.ID, "a:1:bad"); !errors.Is(err, discordtest.ErrNoComponent) {
		t.Errorf("a second press on an answered question: %v", err)
	}
	h.noFailures()
}

// A press is acknowledged at once, but its question keeps its buttons
// until the handler has applied the answer: Discord does not deliver an
// acknowledged interaction again, so had the process died in between (as
// the soak test's SIGKILLs made it), a question closed at the
// acknowledgement would have left the patient without buttons and the
// answer never applied. Here the handler holds the answer until the test
// has seen the acknowledgement and the buttons still there.
func TestPressClosesTheQuestionOnlyOnceApplied(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	h := start(t, discordtest.Options{}, Config{}, func(h *harness, ctx context.Context, in runner.Inbound) error {
		switch {
		case in.Input.Command != nil:
			return h.send(ctx, in.Patient, question(1, "Ready?", "Yes", "No"))
		case in.Input.Press != nil:
			select {
			case <-release:
			case <-ctx.Done():
				return ctx.Err()
			}
			return h.send(ctx, in.Patient, say("Thank you."))
		}
		return nil
	})
	if _, err := h.fake.SlashCommand(patientA, "", "intake", nil); err != nil {
		t.Fatal(err)
	}
	q := h.waitBot(patientA, 1)[0]
	d, err := h.fake.PressButton(patientA, q.ID, "a:1:yes")
	if err != nil {
		t.Fatal(err)
	}
	h.waitEvents(2)
	if !discordtest.Wait(30*time.Second, func() bool { in, _ := h.fake.Interaction(d.ID); return in.Acked }) {
		t.Fatal("press not acknowledged while the handler works")
	}
	if m, _ := h.fake.Message(q.ID); len(m.Buttons()) != 2 || m.Content != "Ready?" {
		t.Fatalf("before the answer was applied the question shows %q with %d buttons, want it unchanged", m.Content, len(m.Buttons()))
	}
	close(release)
	h.waitBot(patientA, 2)
	var m discordtest.Message
	if !discordtest.Wait(30*time.Second, func() bool {
		m, _ = h.fake.Message(q.ID)
		return m.Content == "Ready?\n\n✓ Yes" && len(m.Rows) == 0
	}) {
		t.Fatalf("applied answer: the question shows %q with %d rows", m.Content, len(m.Rows))
	}
	h.noFailures()
}

func TestSelectMenus(t *testing.T) {
	t.Parallel()
	many := func(seq, n int) engine.Message {
		m := engine.Message{Kind: engine.FromFlow, Text: "Pick one.", Seq: seq}
		for i := 1; i <= n; i++ {
			m.Choices = append(m.Choices, engine.Option{Value: fmt.Sprint(i), Label: fmt.Sprint("Option ", i)})
		}
		return m
	}
	multi := engine.Message{Kind: engine.FromFlow, Text: "Which apply?", Seq: 1, Multi: true, Choices: []engine.Option{
		{Value: "sleep", Label: "Sleep"}, {Value: "mood", Label: "Mood"}, {Value: "pain", Label: "Pain"}, {Value: "", Label: "Done"},
	}}
	h := start(t, discordtest.Options{}, Config{}, func(h *harness, ctx context.Context, in runner.Inbound) error {
		switch {
		case in.Input.Command != nil:
			return h.send(ctx, in.Patient, multi)
		case in.Input.Press != nil && in.Input.Press.Seq == 1 && in.Input.Press.Value == "":
			if err := h.send(ctx, in.Patient, many(2, 12)); err != nil {
				return err
			}
			return h.send(ctx, in.Patient, many(3, 30))
		}
		return nil
	})
	if _, err := h.fake.SlashCommand(patientA, "", "intake", nil); err != nil {
		t.Fatal(err)
	}
	msgs := h.waitBot(patientA, 1)

	// Multiple choice: one menu, min 1, max all, and a Done button.
	sel := msgs[0].Selects()
	if len(sel) != 1 || sel[0].CustomID != "m:1" || *sel[0].MinValues != 1 || *sel[0].MaxValues != 3 || len(sel[0].Options) != 3 {
		t.Fatalf("multi menu %+v", sel)
	}
	if b := msgs[0].Buttons(); len(b) != 1 || b[0].CustomID != "a:1:" || b[0].Label != "Done" {
		t.Errorf("multi Done button %+v", b)
	}
	d, err := h.fake.SelectMenu(patientA, msgs[0].ID, "m:1", []string{"sleep", "pain"})
	if err != nil {
		t.Fatal(err)
	}
	ev := h.waitEvents(4)
	want := []struct {
		id, value string
	}{{"dc:i:" + d.ID + ":0", "sleep"}, {"dc:i:" + d.ID + ":1", "pain"}, {"dc:i:" + d.ID + ":done", ""}}
	for i, w := range want {
		e := ev[1+i]
		if e.ID != w.id || e.Input.Press == nil || *e.Input.Press != (engine.Press{Seq: 1, Value: w.value}) {
			t.Errorf("event %d: %+v %+v, want %s %q", i, e, e.Input.Press, w.id, w.value)
		}
	}
	if !discordtest.Wait(30*time.Second, func() bool { m, _ := h.fake.Message(msgs[0].ID); return len(m.Rows) == 0 }) {
		t.Fatal("multi menu not removed")
	}
	if m, _ := h.fake.Message(msgs[0].ID); m.Content != "Which apply?\n\n✓ Sleep, Pain" {
		t.Errorf("multi answer shows %q", m.Content)
	}

	msgs = h.waitBot(patientA, 3)
	// Twelve options: one single-choice menu; thirty: two.
	if s := msgs[1].Selects(); len(s) != 1 || s[0].CustomID != "s:2:0" || len(s[0].Options) != 12 {
		t.Errorf("12 options drawn as %+v", s)
	}
	if s := msgs[2].Selects(); len(s) != 2 || len(s[0].Options) != 25 || len(s[1].Options) != 5 || s[1].CustomID != "s:3:1" {
		t.Errorf("30 options drawn as %+v", s)
	}

	d, err = h.fake.SelectMenu(patientA, msgs[2].ID, "s:3:1", []string{"27"})
	if err != nil {
		t.Fatal(err)
	}
	ev = h.waitEvents(5)
	if e := ev[4]; e.ID != "dc:i:"+d.ID || *e.Input.Press != (engine.Press{Seq: 3, Value: "27"}) {
		t.Errorf("single select became %+v %+v", e, e.Input.Press)
	}
	h.noFailures()
}

func TestDirectMessages(t *testing.T) {
	t.Parallel()
	h := start(t, discordtest.Options{}, Config{}, func(h *harness, ctx context.Context, in runner.Inbound) error {
		return h.send(ctx, in.Patient, say("Noted."))
	})
	d1, err := h.fake.DM(patientA, "I slept badly")
	if err != nil {
		t.Fatal(err)
	}
	// Ignored: a guild message, a DM from another bot, and (by the fake
	// itself) the bot's own replies, which Discord echoes as MESSAGE_CREATE.
	if _, err := h.fake.GuildMessage(patientA, guild, "hello server"); err != nil {
		t.Fatal(err)
	}
	if _, err := h.fake.Dispatch("MESSAGE_CREATE", map[string]any{
		"id": "1300000000000000001", "channel_id": "1300000000000000002", "content": "beep", "type": 0,
		"author": map[string]any{"id": "1300000000000000003", "username": "other", "bot": true},
	}); err != nil {
		t.Fatal(err)
	}
	d2, err := h.fake.DM(patientA, "/language de")
	if err != nil {
		t.Fatal(err)
	}
	h.waitEvents(2)
	h.waitBot(patientA, 2)
	time.Sleep(200 * time.Millisecond) // let anything that should be ignored arrive
	ev := h.got()
	if len(ev) != 2 {
		t.Fatalf("handler got %d events, want 2: %+v", len(ev), ev)
	}
	if ev[0].ID != "dc:m:"+d1.ID || ev[0].Input.Text != "I slept badly" || ev[0].Patient != "dc:"+patientA {
		t.Errorf("DM became %+v", ev[0])
	}
	if c := ev[1].Input.Command; ev[1].ID != "dc:m:"+d2.ID || c == nil || *c != (engine.Command{Name: engine.CmdLanguage, Arg: "de"}) {
		t.Errorf("typed command became %+v", ev[1])
	}
}

func TestPatientsRunConcurrentlyEachInOrder(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	h := start(t, discordtest.Options{}, Config{}, func(h *harness, ctx context.Context, in runner.Inbound) error {
		if in.Patient == "dc:"+patientA && in.Input.Text == "first" {
			<-release // A's first event is slow
		}
		return nil
	})
	var wantA []string
	for _, text := range []string{"first", "second", "third"} {
		d, err := h.fake.DM(patientA, text)
		if err != nil {
			t.Fatal(err)
		}
		wantA = append(wantA, "dc:m:"+d.ID)
	}
	b, err := h.fake.DM(patientB, "hello")
	if err != nil {
		t.Fatal(err)
	}
	// B is handled while A's first event still blocks A's queue.
	ev := h.waitEvents(2)
	if !slices.ContainsFunc(ev, func(e runner.Inbound) bool { return e.ID == "dc:m:"+b.ID }) {
		t.Fatalf("B waited for A: %+v", ev)
	}
	time.Sleep(100 * time.Millisecond)
	if ev := h.got(); len(ev) != 2 || !slices.ContainsFunc(ev, func(e runner.Inbound) bool { return e.ID == wantA[0] }) {
		t.Errorf("A's later events overtook its first: %+v", ev)
	}
	close(release)
	ev = h.waitEvents(4)
	var gotA []string
	for _, e := range ev {
		if e.Patient == "dc:"+patientA {
			gotA = append(gotA, e.ID)
		}
	}
	if !slices.Equal(gotA, wantA) {
		t.Errorf("A's events in order %v, want %v", gotA, wantA)
	}
}

func TestStaleComponentIsPassedOnAndRemoved(t *testing.T) {
	t.Parallel()
	h := start(t, discordtest.Options{}, Config{}, func(h *harness, ctx context.Context, in runner.Inbound) error {
		switch {
		case in.Input.Command != nil:
			if err := h.send(ctx, in.Patient, question(1, "First?", "Yes", "No")); err != nil {
				return err
			}
			return h.send(ctx, in.Patient, question(2, "Second?", "Yes", "No"))
		case in.Input.Press != nil && in.Input.Press.Seq < 2:
			return h.send(ctx, in.Patient, engine.Message{Kind: engine.FromCatalog, Text: "That question is closed."})
		}
		return nil
	})
	if _, err := h.fake.SlashCommand(patientA, "", "intake", nil); err != nil {
		t.Fatal(err)
	}
	msgs := h.waitBot(patientA, 2)
	d, err := h.fake.PressButton(patientA, msgs[0].ID, "a:1:yes")
	if err != nil {
		t.Fatal(err)
	}
	ev := h.waitEvents(2)
	if ev[1].ID != "dc:i:"+d.ID || *ev[1].Input.Press != (engine.Press{Seq: 1, Value: "yes"}) {
		t.Errorf("stale press became %+v", ev[1])
	}
	h.waitBot(patientA, 3)
	old, _ := h.fake.Message(msgs[0].ID)
	if old.Content != "First?" || len(old.Rows) != 0 {
		t.Errorf("stale question shows %q with %d rows; want its text unmarked and no components", old.Content, len(old.Rows))
	}
	if cur, _ := h.fake.Message(msgs[1].ID); len(cur.Buttons()) != 2 {
		t.Errorf("current question lost its buttons: %+v", cur)
	}
	h.noFailures()
}

func TestRedeliveredEventsKeepTheirIDs(t *testing.T) {
	t.Parallel()
	h := start(t, discordtest.Options{}, Config{}, func(h *harness, ctx context.Context, in runner.Inbound) error {
		if in.Input.Command != nil {
			return h.send(ctx, in.Patient, question(1, "Ready?", "Yes"))
		}
		return nil
	})
	dm, err := h.fake.DM(patientA, "hello")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.fake.Redeliver(dm.Seq); err != nil {
		t.Fatal(err)
	}
	cmd, err := h.fake.SlashCommand(patientA, "", "intake", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.fake.Redeliver(cmd.Seq); err != nil {
		t.Fatal(err)
	}
	msgs := h.waitBot(patientA, 1)
	press, err := h.fake.PressButton(patientA, msgs[0].ID, "a:1:yes")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.fake.Redeliver(press.Seq); err != nil {
		t.Fatal(err)
	}
	ev := h.waitEvents(6)
	pairs := [][2]int{{0, 1}, {2, 3}, {4, 5}}
	for _, p := range pairs {
		a, b := ev[p[0]], ev[p[1]]
		if a.ID != b.ID || !a.Input.Now.Equal(b.Input.Now) {
			t.Errorf("redelivery changed the event: %+v vs %+v", a, b)
		}
	}
	if ev[0].ID != "dc:m:"+dm.ID || ev[2].ID != "dc:i:"+cmd.ID || ev[4].ID != "dc:i:"+press.ID {
		t.Errorf("ids: %s %s %s", ev[0].ID, ev[2].ID, ev[4].ID)
	}
	h.noFailures()
}

func TestReconnectLosesNothing(t *testing.T) {
	t.Parallel()
	for _, mode := range []string{"drop", "op7"} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			h := start(t, discordtest.Options{}, Config{}, func(h *harness, ctx context.Context, in runner.Inbound) error {
				if in.Input.Command != nil {
					return h.send(ctx, in.Patient, question(1, "Ready?", "Yes", "No"))
				}
				return nil
			})
			if _, err := h.fake.SlashCommand(patientA, "", "intake", nil); err != nil {
				t.Fatal(err)
			}
			msgs := h.waitBot(patientA, 1)
			h.waitEvents(1)
			if mode == "drop" {
				h.fake.Drop()
			} else {
				h.fake.Reconnect()
			}
			// While the bot is away: a press and two DMs, from two patients.
			var want []string
			d, err := h.fake.PressButton(patientA, msgs[0].ID, "a:1:no")
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, "dc:i:"+d.ID)
			for _, u := range []string{patientA, patientB} {
				d, err := h.fake.DM(u, "still there?")
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, "dc:m:"+d.ID)
			}
			if !discordtest.Wait(30*time.Second, func() bool { return h.fake.Resumes() == 1 }) {
				t.Fatalf("no RESUME; logs:\n%s", h.logs.String())
			}
			ev := h.waitEvents(4)
			var ids []string
			for _, e := range ev[1:] {
				ids = append(ids, e.ID)
			}
			slices.Sort(ids)
			slices.Sort(want)
			if !slices.Equal(ids, want) {
				t.Errorf("after the reconnect the handler got %v, want %v", ids, want)
			}
			if n := h.fake.Identifies(); n != 1 {
				t.Errorf("%d IDENTIFYs: the session was not resumed", n)
			}
			// The press was replayed within the ack deadline in this test;
			// it must have been acknowledged.
			if in, _ := h.fake.Interaction(d.ID); !in.Acked && !in.Late {
				t.Errorf("replayed press never acknowledged")
			}
			if m, _ := h.fake.Message(msgs[0].ID); len(m.Rows) != 0 {
				t.Errorf("question still has components after the replayed press")
			}
		})
	}
}

func TestRateLimitsAreObeyed(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		limit    func(f *discordtest.Server)
		minSpan  time.Duration // from the first to the last message request
		messages int
	}{
		{"bucket limit", func(f *discordtest.Server) { f.RateLimit(msgRoute, 2) }, 400 * time.Millisecond, 5},
		{"429 with retry_after", func(f *discordtest.Server) {
			f.Throttle(msgRoute, 1, 300*time.Millisecond, discordtest.ThrottleOptions{})
		}, 300 * time.Millisecond, 3},
		{"proxy 429 with only Retry-After", func(f *discordtest.Server) {
			f.Throttle(msgRoute, 1, time.Second, discordtest.ThrottleOptions{HeaderOnly: true})
		}, time.Second, 2},
		{"5xx", func(f *discordtest.Server) { f.Fail(msgRoute, 2, http.StatusServiceUnavailable) }, 0, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, discordtest.Options{Window: 400 * time.Millisecond}, Config{}, nil)
			// Open the DM channel first, so only message requests are timed.
			if err := h.ch.Send(context.Background(), "dc:"+patientA, say("hello")); err != nil {
				t.Fatal(err)
			}
			time.Sleep(450 * time.Millisecond) // a fresh window
			mark := time.Now()
			tc.limit(h.fake)
			for i := range tc.messages {
				if err := h.ch.Send(context.Background(), "dc:"+patientA, say(fmt.Sprint("message ", i))); err != nil {
					t.Fatalf("message %d: %v", i, err)
				}
			}
			got := h.fake.BotMessages(patientA)
			if len(got) != tc.messages+1 {
				t.Fatalf("patient got %d messages, want %d", len(got), tc.messages+1)
			}
			for i, m := range got[1:] {
				if m.Content != fmt.Sprint("message ", i) {
					t.Errorf("message %d is %q: order or content lost", i, m.Content)
				}
			}
			var first, last time.Time
			for _, r := range h.fake.Requests() {
				if r.Route != msgRoute || r.At.Before(mark) {
					continue
				}
				if first.IsZero() {
					first = r.At
				}
				last = r.At
			}
			if span := last.Sub(first); span < tc.minSpan {
				t.Errorf("messages sent within %v, want at least %v", span, tc.minSpan)
			}
			h.noFailures()
		})
	}
}

func TestGlobalRateLimitHoldsEveryRoute(t *testing.T) {
	t.Parallel()
	h := start(t, discordtest.Options{}, Config{}, nil)
	ctx := context.Background()
	// Open both DM channels: two message buckets.
	for _, u := range []string{patientA, patientB} {
		if err := h.ch.Send(ctx, "dc:"+u, say("hello")); err != nil {
			t.Fatal(err)
		}
	}
	h.fake.Throttle(msgRoute, 1, 700*time.Millisecond, discordtest.ThrottleOptions{Global: true})
	errA := make(chan error, 1)
	go func() { errA <- h.ch.Send(ctx, "dc:"+patientA, say("to A")) }()
	var limited time.Time // when the fake answered the 429: the bot got it later
	if !discordtest.Wait(30*time.Second, func() bool {
		i := slices.IndexFunc(h.fake.Requests(), func(r discordtest.Request) bool { return r.Status == http.StatusTooManyRequests })
		if i >= 0 {
			limited = h.fake.Requests()[i].At
		}
		return i >= 0
	}) {
		t.Fatal("no 429")
	}
	// Another bucket: it must wait for the global limit too.
	if err := h.ch.Send(ctx, "dc:"+patientB, say("to B")); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(limited); waited < 600*time.Millisecond {
		t.Errorf("B was sent %v after a global 429 of 700ms", waited)
	}
	if err := <-errA; err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{patientA, patientB} {
		if n := len(h.fake.BotMessages(u)); n != 2 {
			t.Errorf("patient %s got %d messages", u, n)
		}
	}
	h.noFailures()
}

func TestClosedDMsAreExplainedAndBlock(t *testing.T) {
	t.Parallel()
	h := start(t, discordtest.Options{}, Config{}, func(h *harness, ctx context.Context, in runner.Inbound) error {
		err := h.send(ctx, in.Patient, say("Welcome."))
		if errors.Is(err, runner.ErrBlocked) {
			return nil // the runner stops the session and commits
		}
		return err
	})
	h.fake.CloseDMs(patientA)
	h.fake.SetLocale(patientA, "de-DE") // the explanation comes in the patient's language
	d, err := h.fake.SlashCommand(patientA, guild, "intake", nil)
	if err != nil {
		t.Fatal(err)
	}
	textDMClosed := (*catalog.Catalog)(nil).Text(catalog.DMClosed, "de")
	if !strings.HasPrefix(textDMClosed, "Ich kann Ihnen keine Direktnachrichten") {
		t.Fatalf("German catalogue text %q", textDMClosed)
	}
	if !discordtest.Wait(30*time.Second, func() bool { r, _ := h.fake.Response(d.ID); return r.Content == textDMClosed }) {
		r, _ := h.fake.Response(d.ID)
		t.Fatalf("answer %q, want the DM explanation", r.Content)
	}
	if r, _ := h.fake.Response(d.ID); !r.Ephemeral() {
		t.Error("the explanation must be ephemeral")
	}
	// The explanation goes out before Send returns: wait for its error.
	discordtest.Wait(30*time.Second, func() bool { return len(h.errs()) > 0 })
	errs := h.errs()
	if len(errs) != 1 || !errors.Is(errs[0], runner.ErrBlocked) {
		t.Fatalf("Send returned %v, want ErrBlocked", errs)
	}
	var ae *APIError
	if !errors.As(errs[0], &ae) || ae.Code != 50007 || ae.Status != http.StatusForbidden {
		t.Errorf("error %#v", errs[0])
	}
	if n := len(h.fake.BotMessages(patientA)); n != 0 {
		t.Errorf("%d messages delivered to closed DMs", n)
	}
	h.noFailures()
}

func TestLongTextsAreSplit(t *testing.T) {
	t.Parallel()
	var paras []string
	for i := range 5 {
		paras = append(paras, strings.TrimSpace(strings.Repeat(fmt.Sprintf("p%d ", i), 250))) // 749 characters
	}
	text := strings.Join(paras, "\n\n")
	h := start(t, discordtest.Options{}, Config{}, nil)
	if err := h.ch.Send(context.Background(), "dc:"+patientA, engine.Message{Kind: engine.FromFlow, Text: text, Seq: 4, Choices: []engine.Option{{Value: "ok", Label: "OK"}}}); err != nil {
		t.Fatal(err)
	}
	msgs := h.fake.BotMessages(patientA)
	if len(msgs) != 3 {
		t.Fatalf("%d parts, want 3", len(msgs))
	}
	var got []string
	for i, m := range msgs {
		if n := len([]rune(m.Content)); n > 2000 {
			t.Errorf("part %d has %d characters", i, n)
		}
		if (len(m.Rows) > 0) != (i == len(msgs)-1) {
			t.Errorf("part %d has %d rows; components belong on the last part only", i, len(m.Rows))
		}
		got = append(got, strings.Split(m.Content, "\n\n")...)
	}
	if !slices.Equal(got, paras) {
		t.Errorf("parts are not cut at paragraph boundaries: %d paragraphs", len(got))
	}
}

func TestTokenNeverLogged(t *testing.T) {
	t.Parallel()
	// Failures of every kind, with debug logging: the harness checks the
	// logs for the token when the test ends.
	h := start(t, discordtest.Options{}, Config{}, func(h *harness, ctx context.Context, in runner.Inbound) error {
		_ = h.send(ctx, in.Patient, say("hello"))
		return errors.New("store down")
	}, WithHandlerRetry(2))
	h.fake.Fail(msgRoute, 2, http.StatusInternalServerError)
	h.fake.CloseDMs(patientB)
	if _, err := h.fake.SlashCommand(patientA, guild, "intake", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := h.fake.SlashCommand(patientB, guild, "intake", nil); err != nil {
		t.Fatal(err)
	}
	h.fake.Drop()
	h.waitEvents(4)
	if !discordtest.Wait(30*time.Second, func() bool { return h.fake.Resumes() == 1 }) {
		t.Fatal("no resume")
	}
	log := h.logs.String()
	if !strings.Contains(log, "discord event not handled") {
		t.Errorf("failures were not logged:\n%s", log)
	}

	// A refused token: the error says so without the token.
	bad, err := New(Config{Token: "Bot not-" + h.fake.Token(), APIURL: h.fake.URL(), HTTPClient: &http.Client{Transport: h.transport}, Logger: slog.New(slog.NewTextHandler(h.logs, nil))}, func(context.Context, runner.Inbound) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	err = bad.Run(context.Background())
	if !errors.Is(err, ErrBadToken) || strings.Contains(err.Error(), "not-"+h.fake.Token()) {
		t.Errorf("Run with a bad token: %v", err)
	}
	if _, err := New(Config{Token: "secret-token", APIURL: "ftp://secret-token@host"}, func(context.Context, runner.Inbound) error { return nil }); err == nil || strings.Contains(err.Error(), "secret-token") {
		t.Errorf("New with a bad URL: %v", err)
	}
}

func TestHandlerFailureRestoresTheQuestion(t *testing.T) {
	t.Parallel()
	h := start(t, discordtest.Options{}, Config{}, func(h *harness, ctx context.Context, in runner.Inbound) error {
		if in.Input.Command != nil {
			return h.send(ctx, in.Patient, question(1, "Ready?", "Yes", "No"))
		}
		return errors.New("store down")
	}, WithHandlerRetry(2))
	if _, err := h.fake.SlashCommand(patientA, "", "intake", nil); err != nil {
		t.Fatal(err)
	}
	msgs := h.waitBot(patientA, 1)
	d, err := h.fake.PressButton(patientA, msgs[0].ID, "a:1:yes")
	if err != nil {
		t.Fatal(err)
	}
	ev := h.waitEvents(3)
	if ev[1].ID != ev[2].ID {
		t.Errorf("retry changed the id: %s, %s", ev[1].ID, ev[2].ID)
	}
	if !discordtest.Wait(30*time.Second, func() bool {
		in, _ := h.fake.Interaction(d.ID)
		m, _ := h.fake.Message(msgs[0].ID)
		return len(in.Followups) == 1 && len(m.Buttons()) == 2
	}) {
		m, _ := h.fake.Message(msgs[0].ID)
		t.Fatalf("question not restored or patient not told: %+v", m)
	}
	if m, _ := h.fake.Message(msgs[0].ID); m.Content != "Ready?" {
		t.Errorf("restored question shows %q", m.Content)
	}
	h.noFailures()
}
