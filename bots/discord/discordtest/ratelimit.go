package discordtest

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// bucket is one rate-limit bucket: a route with one value of its major
// parameter (the channel, the interaction, the webhook token).
type bucket struct {
	remaining int
	reset     time.Time
	// told is when the bot may send again, as the server last told it
	// (Remaining 0 until the reset, or a 429's retry_after).
	told time.Time
}

type throttle struct {
	n          int
	retryAfter time.Duration
	opt        ThrottleOptions
}

// ThrottleOptions shape the 429 answers of Throttle.
type ThrottleOptions struct {
	// Global makes the 429 a global one: every route is refused until
	// retry_after has passed (X-RateLimit-Global, "global": true).
	Global bool
	// HeaderOnly answers like a proxy in front of Discord does: a plain-text
	// body, no X-RateLimit-* headers, only Retry-After in whole seconds.
	HeaderOnly bool
}

// RateLimit sets how many requests per window each bucket of route takes,
// e.g. RateLimit("POST /channels/{channel}/messages", 2). Every answer
// carries X-RateLimit-Limit, -Remaining, -Reset, -Reset-After and -Bucket; a
// request beyond the limit gets 429 and counts as a violation.
func (s *Server) RateLimit(route string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limits[route] = n
	for k, b := range s.buckets {
		if len(k) > len(route) && k[:len(route)] == route && k[len(route)] == ' ' && b.remaining > n {
			b.remaining = n
		}
	}
}

// Throttle makes the next n requests to route answer 429 with retry_after
// (rounded up to whole milliseconds) without warning, as when another
// process shares the bot's limits. A request to the bucket (or anywhere, for
// a global limit) before retry_after has passed is a violation.
func (s *Server) Throttle(route string, n int, retryAfter time.Duration, opt ThrottleOptions) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.throttles[route] = &throttle{n: n, retryAfter: retryAfter, opt: opt}
}

// Fail makes the next n requests to route answer status (a 500 or 503, say)
// after passing the rate limits, to test retries.
func (s *Server) Fail(route string, n, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures.Set(route, status, n)
}

func bucketHash(route string) string {
	h := sha1.Sum([]byte(route))
	return hex.EncodeToString(h[:8])
}

func seconds(d time.Duration) string {
	ms := math.Ceil(float64(d) / float64(time.Millisecond))
	if ms < 0 {
		ms = 0
	}
	return strconv.FormatFloat(ms/1000, 'f', 3, 64)
}

// admit applies the rate limits to one request and writes the limit headers,
// or the whole 429 answer. It reports whether the request may proceed.
// Callers hold s.mu.
func (s *Server) admit(w http.ResponseWriter, route, major string, arrived time.Time) bool {
	now := time.Now()
	key := route + " " + major
	limit, ok := s.limits[route]
	if !ok {
		limit = s.opt.Limit
	}
	b := s.buckets[key]
	if b == nil {
		b = &bucket{remaining: limit, reset: now.Add(s.opt.Window)}
		s.buckets[key] = b
	}
	if !now.Before(b.reset) {
		b.remaining = limit
		b.reset = now.Add(s.opt.Window)
	}
	h := w.Header()
	// Interaction callbacks and webhooks are not bound by the global limit.
	exempt := strings.HasPrefix(route, "POST /interactions/") || strings.Contains(route, " /webhooks/")
	if now.Before(s.globalUntil) && !exempt {
		// A request that arrived before the global 429 was sent could not
		// know of it: refused, but not a violation.
		if arrived.After(s.globalIssued) {
			s.violations = append(s.violations, fmt.Sprintf("%s: request %v before a global limit ended", key, s.globalUntil.Sub(arrived)))
		}
		s.write429(w, s.globalUntil.Sub(now), true, false, route, 0)
		return false
	}
	if now.Before(b.told) {
		s.violations = append(s.violations, fmt.Sprintf("%s: request %v before the bucket reset", key, b.told.Sub(now)))
		s.write429(w, b.told.Sub(now), false, false, route, limit)
		return false
	}
	if s.opt.GlobalLimit > 0 && !exempt {
		i := 0
		for i < len(s.globalLog) && arrived.Sub(s.globalLog[i]) >= time.Second {
			i++
		}
		s.globalLog = s.globalLog[i:]
		if len(s.globalLog) >= s.opt.GlobalLimit {
			s.global429s++
			s.globalIssued = now
			s.globalUntil = s.globalLog[0].Add(time.Second)
			s.write429(w, s.globalUntil.Sub(now), true, false, route, 0)
			return false
		}
	}
	if s.opt.Flaky429 > 0 && s.rnd.Float64() < s.opt.Flaky429 {
		s.flaky429s++
		b.told = now.Add(s.opt.FlakyRetryAfter)
		s.write429(w, s.opt.FlakyRetryAfter, false, false, route, limit)
		return false
	}
	if s.opt.GlobalLimit > 0 && !exempt {
		// Arrivals in order, though the lock may take them out of order.
		j := len(s.globalLog)
		for j > 0 && s.globalLog[j-1].After(arrived) {
			j--
		}
		s.globalLog = slices.Insert(s.globalLog, j, arrived)
	}
	if t := s.throttles[route]; t != nil && t.n > 0 {
		t.n--
		until := now.Add(t.retryAfter)
		if t.opt.Global {
			s.globalIssued = now
			s.globalUntil = until
		} else {
			b.told = until
		}
		s.write429(w, t.retryAfter, t.opt.Global, t.opt.HeaderOnly, route, limit)
		return false
	}
	if b.remaining <= 0 {
		b.told = b.reset
		s.write429(w, b.reset.Sub(now), false, false, route, limit)
		return false
	}
	b.remaining--
	if b.remaining == 0 {
		b.told = b.reset
	}
	h.Set("X-RateLimit-Limit", strconv.Itoa(limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(b.remaining))
	h.Set("X-RateLimit-Reset", strconv.FormatFloat(float64(b.reset.UnixMilli())/1000, 'f', 3, 64))
	h.Set("X-RateLimit-Reset-After", seconds(b.reset.Sub(now)))
	h.Set("X-RateLimit-Bucket", bucketHash(route))
	return true
}

func (s *Server) write429(w http.ResponseWriter, retry time.Duration, global, headerOnly bool, route string, limit int) {
	h := w.Header()
	h.Set("Retry-After", strconv.Itoa(int(math.Ceil(retry.Seconds()))))
	if headerOnly {
		h.Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = w.Write([]byte("error code: 1015"))
		return
	}
	if global {
		h.Set("X-RateLimit-Global", "true")
		h.Set("X-RateLimit-Scope", "global")
	} else {
		h.Set("X-RateLimit-Limit", strconv.Itoa(limit))
		h.Set("X-RateLimit-Remaining", "0")
		h.Set("X-RateLimit-Reset-After", seconds(retry))
		h.Set("X-RateLimit-Reset", strconv.FormatFloat(float64(time.Now().Add(retry).UnixMilli())/1000, 'f', 3, 64))
		h.Set("X-RateLimit-Bucket", bucketHash(route))
		h.Set("X-RateLimit-Scope", "user")
	}
	writeJSON(w, http.StatusTooManyRequests, map[string]any{
		"message":     "You are being rate limited.",
		"retry_after": math.Ceil(float64(retry)/float64(time.Millisecond)) / 1000,
		"global":      global,
	})
}
