package discord

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/kapbot/kapbot/internal/ratelimit"
)

// DefaultAPIURL is where REST requests go when Config.APIURL is empty.
const DefaultAPIURL = "https://discord.com/api/v10"

// apiVersion matches a trailing "/api/vN" of a base URL path.
var apiVersion = regexp.MustCompile(`/api/v[0-9]+$`)

// apiBase parses Config.APIURL (DISCORD_API_URL). It accepts a base with or
// without the API path: "http://127.0.0.1:8080", ".../api" and
// ".../api/v10" all mean ".../api/v10"; a different version (".../api/v9")
// is kept as given. A path prefix in front ("http://proxy/discord/api/v10")
// is kept too.
func apiBase(raw string) (*url.URL, error) {
	if raw == "" {
		raw = DefaultAPIURL
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("discord: API URL: %w", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, fmt.Errorf("discord: API URL %q: want http(s)://host[:port][/api/vN]", u.Redacted())
	}
	p := strings.TrimRight(u.Path, "/")
	switch {
	case apiVersion.MatchString(p):
	case strings.HasSuffix(p, "/api"):
		p += "/v10"
	default:
		p += "/api/v10"
	}
	return &url.URL{Scheme: u.Scheme, Host: u.Host, Path: p}, nil
}

// apiTransport is the http.RoundTripper of the discordgo session. It does two
// things discordgo does not.
//
// It redirects REST requests. discordgo builds its endpoint URLs from
// package variables (EndpointDiscord, EndpointAPI and about a hundred
// derived string variables and closures) computed once at package init for
// https://discord.com/api/v9/. Redirecting by reassigning them would mean
// recomputing every derived variable (and keeping up with new ones in each
// discordgo release), and it is global state shared by every session in the
// process, racing with requests in flight. A RoundTripper on the session's
// http.Client is per session, needs no global state and covers every
// endpoint: it rewrites the scheme, host and "/api/vN" prefix of requests to
// https://discord.com onto the configured base (by default
// https://discord.com/api/v10, so production speaks REST v10 although
// discordgo's URLs say v9; the payloads the bot uses are the same in both).
// The gateway is not touched here: its URL comes from the server's
// GET /gateway answer, as in production, so a fake Discord hands out its own
// websocket address. Requests to any other host pass through unchanged.
//
// It makes rate-limit answers complete. discordgo's per-route limiter reads
// X-RateLimit-Remaining and -Reset-After before each request and, on a 429,
// sleeps for the body's retry_after and retries. But it fails outright on
// a 429 without a JSON body (as a proxy or Cloudflare sends, with only a
// Retry-After header), blocks other routes on a global limit only if
// X-RateLimit-Reset-After is present (Discord's global 429s carry just
// Retry-After), and truncates Reset-After to whole milliseconds, so it may
// fire up to a millisecond early. Every 429 is therefore rewritten to carry a
// JSON body with the larger of retry_after and X-RateLimit-Reset-After (or
// else Retry-After, which is whole seconds, or else 1s), and
// X-RateLimit-Reset-After (with X-RateLimit-Global for a global limit, else
// X-RateLimit-Remaining 0); and every Reset-After is rounded up to the next
// millisecond plus one.
//
// And it keeps Discord's global limit for every route, which discordgo
// v0.29.0 does not: its per-route limiter returns a bucket's wait without
// looking at the global lock, so requests waiting on other buckets fire
// during a global block, and nothing keeps the bot under 50 requests per
// second. Every request to a REST route bound by the global limit first
// takes a token of one limiter shared by all routes (globalRate per second,
// below Discord's 50), and waits out a global 429's retry_after before it
// goes. The rate alone does not keep the bound: requests that took their
// tokens 25 ms apart can reach Discord bunched (a stalled process, a slow
// network), more than 50 within one second. So a request also waits until
// fewer than globalWindow requests are in flight or ended within the last
// second: any requests that arrive within one second were all in flight or
// ended less than a second before the last of them started, whatever their
// delays, so Discord never counts more than globalWindow. Interaction callbacks and webhook requests (the acknowledgement of a
// press, followups) are not bound by the global limit on Discord and skip
// both. discordgo keeps the per-route buckets from the X-RateLimit headers.
//
// With a limiter shared through Redis (WithGlobalLimit), the token, the
// count of requests in flight or ended within the last second and the pause
// of a global 429 are the bot's, across every replica; the per-route buckets
// stay in each process (a route's requests come from the replica that
// serves the patient or holds the gateway).
type apiTransport struct {
	base   *url.URL
	next   http.RoundTripper
	global *ratelimit.Limiter
}

// globalRate and globalBurst pace requests under Discord's global limit of
// 50 requests per second; globalWindow bounds the requests in flight or
// ended within the last second, which keeps any sliding second under it.
const (
	globalRate   = 40
	globalBurst  = 2
	globalWindow = 45
)

// GlobalLimit is the setting of Discord's global limit (50 requests per
// second per bot) that the channel keeps: 40 a second, 2 at once, and at
// most 45 in flight or ended within the last second. Give the same to
// ratelimit.New with a Redis client to share it between replicas
// (WithGlobalLimit).
func GlobalLimit() ratelimit.Config {
	return ratelimit.Config{Name: "discord_global", Rate: globalRate, Burst: globalBurst, Window: globalWindow, Period: time.Second}
}

func newGlobalLimit() *ratelimit.Limiter {
	l, _ := ratelimit.New(nil, "", GlobalLimit())
	return l
}

// globalExempt reports whether a REST path (after /api/vN) is free of the
// global limit: interaction callbacks and webhooks.
func globalExempt(rest string) bool {
	return strings.HasPrefix(rest, "/interactions/") || strings.HasPrefix(rest, "/webhooks/")
}

// discordPath returns the part of a discord.com REST path after "/api/vN"
// (or "/api").
func discordPath(p string) (string, bool) {
	rest, ok := strings.CutPrefix(p, "/api")
	if !ok {
		return "", false
	}
	if strings.HasPrefix(rest, "/v") {
		i := 2
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i > 2 && (i == len(rest) || rest[i] == '/') {
			rest = rest[i:]
		}
	}
	if rest != "" && !strings.HasPrefix(rest, "/") {
		return "", false
	}
	return rest, true
}

func (t *apiTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	limited := false
	if req.URL.Scheme == "https" && req.URL.Host == "discord.com" {
		if rest, ok := discordPath(req.URL.Path); ok {
			limited = t.global != nil && !globalExempt(rest)
			r := req.Clone(req.Context())
			r.URL.Scheme = t.base.Scheme
			r.URL.Host = t.base.Host
			r.URL.Path = t.base.Path + rest
			r.URL.RawPath = ""
			if req.URL.RawPath != "" {
				if raw, ok := discordPath(req.URL.RawPath); ok {
					r.URL.RawPath = t.base.EscapedPath() + raw
				}
			}
			r.Host = ""
			req = r
		}
	}
	var permit ratelimit.Permit
	if limited {
		var err error
		if permit, err = t.global.Wait(req.Context()); err != nil {
			return nil, err
		}
	}
	resp, err := t.next.RoundTrip(req)
	permit.Done()
	if err != nil {
		return nil, err
	}
	if retry, global := fixRateLimit(resp); global && t.global != nil {
		t.global.Pause(req.Context(), time.Duration(retry*float64(time.Second)))
	}
	return resp, nil
}

// maxErrorBody bounds how much of a 429 body is read.
const maxErrorBody = 64 << 10

// fixRateLimit completes the rate-limit information of resp for discordgo,
// as described on apiTransport.
// It returns a 429's retry_after in seconds and whether it is global.
func fixRateLimit(resp *http.Response) (retryAfter float64, global bool) {
	h := resp.Header
	if ra := h.Get("X-RateLimit-Reset-After"); ra != "" {
		if f, err := strconv.ParseFloat(ra, 64); err == nil {
			h.Set("X-RateLimit-Reset-After", formatSeconds(roundUp(f)))
		}
	}
	if resp.StatusCode != http.StatusTooManyRequests {
		return 0, false
	}
	data, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	resp.Body.Close()
	body := map[string]any{}
	if err := json.Unmarshal(data, &body); err != nil || body == nil {
		body = map[string]any{"message": "rate limited"}
	}
	retry := 0.0
	if f, ok := body["retry_after"].(float64); ok && f > 0 {
		retry = f
	}
	if f, err := strconv.ParseFloat(h.Get("X-RateLimit-Reset-After"), 64); err == nil && f > retry {
		retry = f
	}
	// Retry-After is in whole seconds, rounded up: only when nothing more
	// exact is given (a proxy's 429).
	if f, err := strconv.ParseFloat(strings.TrimSpace(h.Get("Retry-After")), 64); err == nil && retry == 0 {
		retry = f
	}
	if retry <= 0 {
		retry = 1
	}
	retry = roundUp(retry)
	global, _ = body["global"].(bool)
	global = global || strings.EqualFold(h.Get("X-RateLimit-Global"), "true") || strings.EqualFold(h.Get("X-RateLimit-Scope"), "global")
	body["retry_after"] = retry
	body["global"] = global
	h.Set("X-RateLimit-Reset-After", formatSeconds(retry))
	if global {
		h.Set("X-RateLimit-Global", "true")
	} else {
		h.Set("X-RateLimit-Remaining", "0")
	}
	out, _ := json.Marshal(body)
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(out)))
	resp.ContentLength = int64(len(out))
	resp.Body = io.NopCloser(bytes.NewReader(out))
	return retry, global
}

// roundUp rounds seconds up to whole milliseconds and adds one, so that
// discordgo's truncation never makes it send early.
func roundUp(sec float64) float64 {
	return (math.Ceil(sec*1000) + 1) / 1000
}

func formatSeconds(sec float64) string { return strconv.FormatFloat(sec, 'f', 3, 64) }
