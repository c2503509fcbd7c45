package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// channelHealth watches one channel's calls to its platform (it is the
// Transport of the channel's HTTP client): a channel whose platform refuses
// its token (401; for Telegram also 404) or fails FailLimit calls in a row
// (network errors, 5xx) is down until a call succeeds again. Any other
// answer (2xx, 4xx such as a blocked user or 429) shows the platform takes
// the bot's calls. Safe for concurrent use.
type channelHealth struct {
	next       http.RoundTripper
	badToken   func(status int) bool
	failLimit  int
	mu         sync.Mutex
	fails      int
	refused    bool
	lastOK     time.Time
	everCalled bool
}

func newChannelHealth(next http.RoundTripper, badToken func(int) bool) *channelHealth {
	if next == nil {
		next = http.DefaultTransport
	}
	return &channelHealth{next: next, badToken: badToken, failLimit: 5}
}

// RoundTrip passes r on and records how the platform answered.
func (h *channelHealth) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := h.next.RoundTrip(r)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.everCalled = true
	switch {
	case err != nil:
		if r.Context().Err() == nil { // our own cancellation is not the platform's fault
			h.fails++
		}
	case h.badToken(resp.StatusCode):
		h.refused = true
		h.fails++
	case resp.StatusCode >= 500:
		h.fails++
	default:
		h.fails, h.refused = 0, false
		h.lastOK = time.Now()
	}
	return resp, err
}

// state is "up", "refused" (the token is refused) or "failing" (FailLimit
// calls in a row failed).
func (h *channelHealth) state() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case h.refused:
		return "refused"
	case h.fails >= h.failLimit:
		return "failing"
	}
	return "up"
}

// telegramBadToken: Telegram answers a wrong or revoked token with 401,
// and with 404 for a token it does not know.
func telegramBadToken(status int) bool { return status == 401 || status == 404 }

// discordBadToken: Discord answers a bad token with 401 (404 is an unknown
// message or channel, which is not the token's fault).
func discordBadToken(status int) bool { return status == 401 }

// cmdHealth asks a running serve whether it is ready (GET /readyz) and
// exits 0 when it is, 1 when not: the container healthcheck, without curl.
func cmdHealth(ctx context.Context, args []string, s stdio) error {
	url := "http://127.0.0.1:8080/readyz"
	args, err := parse(newFlags("health", "kapbot health [URL]  (default "+url+"; exit 0 when ready)", s), args)
	if err != nil {
		return err
	}
	if len(args) > 1 {
		return usagef("health: give at most one URL (default %s)", url)
	}
	if len(args) == 1 {
		url = args[0]
	}
	ctx, cancel := context.WithTimeout(ctx, 4*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return usagef("health %s: %v", url, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("not ready: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	s.out.Write(body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("not ready (%s)", resp.Status)
	}
	return nil
}
