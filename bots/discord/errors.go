package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/kapbot/kapbot/internal/runner"
)

// Errors of the package. Every error it returns is free of tokens, URLs
// (which carry interaction tokens) and response bodies.
var (
	// ErrBadPatient: Send got a patient id that is not "dc:<user id>".
	ErrBadPatient = errors.New("discord: not a Discord patient id")
	// ErrRejected: Discord refused the request for good (a 4xx other than
	// 429); sending it again will fail again.
	ErrRejected = errors.New("discord: request rejected")
	// ErrUnavailable: Discord or the network failed transiently and the
	// retries ran out; the caller should try again later.
	ErrUnavailable = errors.New("discord: temporarily unavailable")
	// ErrBadToken: Discord refused the bot token.
	ErrBadToken = errors.New("discord: bot token rejected")
	// ErrNoToken: Config.Token is empty.
	ErrNoToken = errors.New("discord: no bot token")
	// ErrRunning: Run was called on a Channel that runs or has run.
	ErrRunning = errors.New("discord: channel already running")
)

// Discord JSON error codes the channel acts on.
const (
	codeUnknownChannel = 10003
	codeCannotDM       = 50007 // "Cannot send messages to this user"
	codeAlreadyAcked   = 40060 // "Interaction has already been acknowledged"
)

// APIError is a REST request Discord answered with an error status. It
// unwraps to runner.ErrBlocked (code 50007), ErrBadToken (401),
// ErrUnavailable (5xx, 408, 429) or ErrRejected (other 4xx).
type APIError struct {
	Op     string // what the channel was doing: "send message", ...
	Status int    // HTTP status
	Code   int    // Discord's JSON error code; 0 if none
}

func (e *APIError) Error() string {
	if e.Code != 0 {
		return fmt.Sprintf("discord: %s: HTTP %d, code %d", e.Op, e.Status, e.Code)
	}
	return fmt.Sprintf("discord: %s: HTTP %d", e.Op, e.Status)
}

// Unwrap returns the sentinel that classifies the error.
func (e *APIError) Unwrap() error {
	switch {
	case e.Code == codeCannotDM:
		return runner.ErrBlocked
	case e.Status == http.StatusUnauthorized:
		return ErrBadToken
	case e.transient():
		return ErrUnavailable
	default:
		return ErrRejected
	}
}

func (e *APIError) transient() bool {
	return e.Status >= 500 || e.Status == http.StatusRequestTimeout || e.Status == http.StatusTooManyRequests
}

// classify turns an error of a discordgo call into one of this package's
// errors, and says whether trying again may help and how long to wait
// first (0: the caller's backoff decides).
func classify(op string, err error) (out error, transient bool, wait time.Duration) {
	var (
		rest *discordgo.RESTError
		rl   *discordgo.RateLimitError
		ue   *url.Error
		ce   *websocket.CloseError
	)
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("discord: %s: %w", op, ctxErr(err)), false, 0
	case errors.As(err, &rest):
		e := &APIError{Op: op}
		if rest.Response != nil {
			e.Status = rest.Response.StatusCode
		}
		if rest.Message != nil {
			e.Code = rest.Message.Code
		}
		return e, e.transient(), 0
	case errors.As(err, &rl):
		e := &APIError{Op: op, Status: http.StatusTooManyRequests}
		if rl.RateLimit != nil && rl.TooManyRequests != nil {
			wait = rl.RetryAfter
		}
		return e, true, wait
	case errors.Is(err, discordgo.ErrUnauthorized):
		return &APIError{Op: op, Status: http.StatusUnauthorized}, false, 0
	case errors.As(err, &ce):
		// Gateway close codes 4004 and 4010-4014 mean the bot's token,
		// shard or intents are wrong: reconnecting will not help.
		if ce.Code == 4004 {
			return fmt.Errorf("discord: %s: gateway closed (%d): %w", op, ce.Code, ErrBadToken), false, 0
		}
		if ce.Code >= 4010 && ce.Code <= 4014 {
			return fmt.Errorf("discord: %s: gateway closed (%d): %w", op, ce.Code, ErrRejected), false, 0
		}
		return fmt.Errorf("discord: %s: gateway closed (%d): %w", op, ce.Code, ErrUnavailable), true, 0
	case errors.As(err, &ue):
		// url.Error's text holds the URL, which may hold an interaction
		// token: keep only the cause.
		return fmt.Errorf("discord: %s: %w: %w", op, ErrUnavailable, ue.Err), true, 0
	default:
		return fmt.Errorf("discord: %s: %w: %v", op, ErrUnavailable, err), true, 0
	}
}

func ctxErr(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return context.DeadlineExceeded
	}
	return context.Canceled
}

// redacted hides a secret in an error's text while keeping it unwrappable.
type redacted struct {
	msg string
	err error
}

func (r *redacted) Error() string { return r.msg }
func (r *redacted) Unwrap() error { return r.err }

// redact returns err with every occurrence of secret replaced.
func redact(err error, secret string) error {
	if err == nil || secret == "" || !strings.Contains(err.Error(), secret) {
		return err
	}
	return &redacted{msg: strings.ReplaceAll(err.Error(), secret, "[REDACTED]"), err: err}
}

// code returns the Discord error code of err, or 0.
func code(err error) int {
	var e *APIError
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}
