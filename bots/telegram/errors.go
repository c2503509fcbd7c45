package telegram

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kapbot/kapbot/internal/runner"
)

// Errors returned by the channel. runner.ErrBlocked is returned too, when the
// patient blocked the bot (403).
var (
	// ErrRejected: Telegram refused the message for good (400), or it cannot
	// be drawn on Telegram at all (a choice value too long for a button, an
	// empty text, a patient id of another channel). Retrying will not help.
	// It wraps runner.ErrRejected, so the runner skips the message.
	ErrRejected = fmt.Errorf("telegram rejected the message: %w", runner.ErrRejected)
	// ErrUnauthorized: the bot token is wrong or revoked (401, 404).
	ErrUnauthorized = errors.New("telegram refused the bot token")
	// ErrUnavailable: Telegram or the network failed (5xx, timeouts) and the
	// retries ran out; the caller may try again later.
	ErrUnavailable = errors.New("telegram unavailable")
	// ErrRateLimited: Telegram kept answering 429 after many waits.
	ErrRateLimited = errors.New("telegram rate limit")
	// ErrConfig: Config is incomplete or inconsistent.
	ErrConfig = errors.New("telegram config")
)

// APIError is a failed Bot API call. It never holds the bot token or any
// message text: Description is Telegram's description, shortened and with
// quoted parts removed.
type APIError struct {
	Method      string
	Chat        int64         // 0 when the call is not about one chat
	Code        int           // Telegram's error_code, else the HTTP status; 0 for a network error
	Description string        // short, without quoted text
	RetryAfter  time.Duration // for 429
	Err         error         // the class: ErrRejected, runner.ErrBlocked, ErrUnavailable, ...
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "telegram %s", e.Method)
	if e.Chat != 0 {
		fmt.Fprintf(&b, " chat %s", runner.LogID(fmt.Sprint("tg:", e.Chat)))
	}
	if e.Code != 0 {
		fmt.Fprintf(&b, ": %d", e.Code)
	}
	if e.Description != "" {
		fmt.Fprintf(&b, " %s", e.Description)
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (retry after %v)", e.RetryAfter)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

// Unwrap returns the class of the error.
func (e *APIError) Unwrap() error { return e.Err }

// class is what the sender does with an outcome.
type class int

const (
	classOK class = iota
	classFlood
	classBlocked
	classRejected
	classUnauthorized
	classTransient
	classCanceled
	classNotModified // an edit that changes nothing: done
)

// shortDescription keeps the start of a Telegram description and drops quoted
// parts, which can echo a fragment of the text sent.
func shortDescription(d string) string {
	var b strings.Builder
	quoted := false
	for _, r := range d {
		if r == '"' {
			if !quoted {
				b.WriteString("…")
			}
			quoted = !quoted
			continue
		}
		if !quoted {
			b.WriteRune(r)
		}
	}
	s := b.String()
	if len(s) > 120 {
		s = s[:120]
		for len(s) > 0 && s[len(s)-1]&0xC0 == 0x80 { // do not cut a rune
			s = s[:len(s)-1]
		}
		if len(s) > 0 && s[len(s)-1] >= 0xC0 {
			s = s[:len(s)-1]
		}
		s += "…"
	}
	return s
}

func isBlocked(err error) bool { return errors.Is(err, runner.ErrBlocked) }
