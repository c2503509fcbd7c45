package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/telegram"
	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/runner"
)

// /readyz and /metrics follow the channel: while the Bot API fails every
// call, serve is not ready and kapbot_channel_up is 0; when it answers
// again, both recover. The ops series are there, without patient ids.
func TestReadyzAndMetricsFollowTheChannel(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	listening := listenAddr(t)
	second := 10 * time.Millisecond
	fake := telegramtest.NewServer(telegramtest.WithSecond(second))
	t.Cleanup(fake.Close)
	var broken atomic.Bool
	target, _ := url.Parse(fake.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if broken.Load() {
			http.Error(w, `{"ok":false,"error_code":502,"description":"Bad Gateway"}`, http.StatusBadGateway)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)
	// Short retries, so the failures that make the channel "failing" come quickly.
	telegramOptions = []telegram.Option{telegram.WithSecond(second), telegram.WithPollTimeout(1), telegram.WithBackoff(2*time.Millisecond, 50*time.Millisecond)}
	t.Cleanup(func() { telegramOptions = nil })
	t.Setenv("TELEGRAM_TOKEN", telegramtest.DefaultToken)
	t.Setenv("TELEGRAM_API_URL", front.URL)
	t.Setenv("DISCORD_TOKEN", "")
	t.Setenv("KAPBOT_LISTEN", "127.0.0.1:0")
	serve(t)
	addr := listening()
	waitHealthy(t, addr)
	fake.PushText(5150, "I want to kill myself")
	if _, err := fake.WaitMessages(5150, 1, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	eventually(t, "ready", func() bool { code, _ := get(t, "http://"+addr+"/readyz"); return code == http.StatusOK })
	_, m := get(t, "http://"+addr+"/metrics")
	for _, want := range []string{`kapbot_channel_up{channel="telegram"} 1`, `kapbot_redis_up 1`, "kapbot_redis_rtt_seconds ",
		"kapbot_outbox_pending_patients ", "kapbot_webhook_backlog ", "kapbot_webhook_dead_letters ",
		"kapbot_emergency_referrals_unacknowledged "} {
		if !strings.Contains(m, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if idInMetrics(m, "5150") {
		t.Error("a patient id in the metrics")
	}

	broken.Store(true)
	eventually(t, "not ready while the platform fails", func() bool {
		code, body := get(t, "http://"+addr+"/readyz")
		return code == http.StatusServiceUnavailable && strings.Contains(body, "telegram failing")
	})
	if _, m := get(t, "http://"+addr+"/metrics"); !strings.Contains(m, `kapbot_channel_up{channel="telegram"} 0`) ||
		!strings.Contains(m, `kapbot_channel_state{channel="telegram",state="failing"} 1`) {
		t.Errorf("metrics while failing:\n%s", grepLines(m, "kapbot_channel"))
	}
	broken.Store(false)
	eventually(t, "ready again", func() bool { code, _ := get(t, "http://"+addr+"/readyz"); return code == http.StatusOK })
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// A token the platform refuses makes the channel "refused" at once, until
// a call succeeds; 404 is a bad token for Telegram only.
func TestChannelHealthStates(t *testing.T) {
	status := http.StatusOK
	var fail error
	rt := roundTripFunc(func(*http.Request) (*http.Response, error) {
		if fail != nil {
			return nil, fail
		}
		return &http.Response{StatusCode: status, Body: http.NoBody}, nil
	})
	tg := newChannelHealth(rt, telegramBadToken)
	dc := newChannelHealth(rt, discordBadToken)
	call := func(h *channelHealth) {
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, "http://x", nil)
		h.RoundTrip(req)
	}
	for _, step := range []struct {
		status int
		fail   error
		n      int
		tg, dc string
	}{
		{200, nil, 1, "up", "up"},
		{401, nil, 1, "refused", "refused"},
		{200, nil, 1, "up", "up"},
		{404, nil, 1, "refused", "up"},
		{403, nil, 1, "up", "up"}, // a patient blocked the bot: the platform answers
		{500, nil, 4, "up", "up"},
		{500, nil, 1, "failing", "failing"},
		{0, errors.New("connection refused"), 3, "failing", "failing"},
		{429, nil, 1, "up", "up"},
	} {
		status, fail = step.status, step.fail
		for range step.n {
			call(tg)
			call(dc)
		}
		if tg.state() != step.tg || dc.state() != step.dc {
			t.Fatalf("after %d x %d/%v: telegram %s, discord %s; want %s, %s", step.n, step.status, step.fail, tg.state(), dc.state(), step.tg, step.dc)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// kapbot_emergency_referrals_unacknowledged counts open emergencies still
// new after escalate_after (10 minutes in the sample clinic), not younger
// ones, acknowledged ones or other priorities.
func TestUnacknowledgedEmergencies(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	ctx := context.Background()
	be, err := configFromEnv().open(ctx, false, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	defer be.Close()
	st := referral.NewStore(be.client, be.prefix, be.sealer)
	now := time.Now()
	for i, r := range []referral.Referral{
		{ID: "old", Patient: "tg:1", Priority: flow.Emergency, Created: now.Add(-time.Hour)},
		{ID: "young", Patient: "tg:2", Priority: flow.Emergency, Created: now.Add(-time.Minute)},
		{ID: "urgent", Patient: "tg:3", Priority: flow.Urgent, Created: now.Add(-time.Hour)},
		{ID: "acked", Patient: "tg:4", Priority: flow.Emergency, Created: now.Add(-time.Hour)},
	} {
		r.Source = r.ID
		if _, err := st.Create(ctx, &r, time.Time{}); err != nil {
			t.Fatalf("%d: %v", i, err)
		}
	}
	if _, err := st.SetStatus(ctx, "acked", referral.StatusAcknowledged, "Dr. A", "1", now); err != nil {
		t.Fatal(err)
	}
	c := &opsCollector{be: be, lib: runner.NewLibrary(be.store), now: time.Now, log: slog.New(slog.DiscardHandler)}
	if n, err := c.unacknowledged(ctx); err != nil || n != 1 {
		t.Fatalf("unacknowledged = %d, %v; want 1", n, err)
	}
}
