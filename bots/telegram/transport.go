package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/kapbot/kapbot/internal/runner"
)

// botWideMarker in a 429 description says the flood limit of the whole bot was
// hit (telegramtest.BotWide); Telegram itself does not say, and the sender then
// pauses only the chat.
const botWideMarker = "bot-wide"

// maxErrorBody bounds how much of an error response is read.
const maxErrorBody = 64 << 10

// maxUpdatesBody bounds a getUpdates response (100 updates).
const maxUpdatesBody = 32 << 20

// outcome is what one Bot API call got back, read by captureClient from the
// HTTP response. The go-telegram/bot client folds 5xx answers into untyped
// errors, so the sender decides on these fields instead of error strings.
type outcome struct {
	status     int // HTTP status; 0 when there was no response
	code       int // Telegram's error_code
	desc       string
	retryAfter int // seconds
}

type outcomeKey struct{}

// captureClient is the HTTP client given to go-telegram/bot. For a call whose
// context carries an *outcome it records the HTTP status and, for an error
// response, Telegram's envelope; the response body is passed on unchanged.
// Success bodies, which echo message text, are never read here.
type captureClient struct{ c *http.Client }

func (cc captureClient) Do(req *http.Request) (*http.Response, error) {
	resp, err := cc.c.Do(req)
	if err != nil {
		return resp, err
	}
	oc, _ := req.Context().Value(outcomeKey{}).(*outcome)
	if oc == nil {
		return resp, nil
	}
	oc.status = resp.StatusCode
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		_ = resp.Body.Close()
		resp.Body = io.NopCloser(bytes.NewReader(body))
		var env envelope
		if json.Unmarshal(body, &env) == nil {
			oc.code, oc.desc, oc.retryAfter = env.ErrorCode, env.Description, env.Parameters.RetryAfter
		}
	}
	return resp, nil
}

// envelope is Telegram's response wrapper.
type envelope struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

// call runs fn, one Bot API call, with the outcome capture and the request
// timeout, and classifies the result. The *APIError is nil for classOK.
func (c *Channel) call(ctx context.Context, method string, chat int64, fn func(context.Context) error) (class, *APIError) {
	return c.callFor(ctx, c.opt.requestTimeout, method, chat, fn)
}

// callFor is call with a request timeout of d.
func (c *Channel) callFor(ctx context.Context, d time.Duration, method string, chat int64, fn func(context.Context) error) (class, *APIError) {
	oc := &outcome{}
	cctx, cancel := context.WithTimeout(context.WithValue(ctx, outcomeKey{}, oc), d)
	defer cancel()
	err := fn(cctx)
	if err == nil {
		return classOK, nil
	}
	e := &APIError{Method: method, Chat: chat}
	if ctx.Err() != nil {
		e.Err = ctx.Err()
		return classCanceled, e
	}
	if oc.status == 0 { // no response: network error or our request timeout
		e.Err = ErrUnavailable
		var ue *url.Error
		if errors.As(err, &ue) {
			e.Description = c.redact(ue.Err.Error())
		}
		return classTransient, e
	}
	e.Code = oc.code
	if e.Code == 0 {
		e.Code = oc.status
	}
	e.Description = shortDescription(c.redact(oc.desc))
	switch {
	case oc.status == http.StatusOK: // a success we could not decode
		e.Err = ErrUnavailable
		e.Description = "undecodable response"
		return classTransient, e
	case e.Code == http.StatusTooManyRequests:
		e.Err = ErrRateLimited
		e.RetryAfter = time.Duration(max(1, oc.retryAfter)) * c.opt.second
		return classFlood, e
	case e.Code == http.StatusForbidden:
		e.Err = runner.ErrBlocked
		return classBlocked, e
	case e.Code == http.StatusBadRequest && strings.Contains(oc.desc, "message is not modified"):
		e.Err = ErrRejected
		return classNotModified, e
	case e.Code == http.StatusUnauthorized || e.Code == http.StatusNotFound:
		e.Err = ErrUnauthorized
		return classUnauthorized, e
	case e.Code >= 500 || e.Code == http.StatusConflict:
		e.Err = ErrUnavailable
		return classTransient, e
	default:
		e.Err = ErrRejected
		return classRejected, e
	}
}

// botWide reports whether a 429 limits the whole bot.
func botWide(e *APIError) bool { return e != nil && strings.Contains(e.Description, botWideMarker) }

// redact removes the bot token from s.
func (c *Channel) redact(s string) string {
	if c.token == "" {
		return s
	}
	return strings.ReplaceAll(s, c.token, "***")
}

// getUpdates calls getUpdates. go-telegram/bot has no public getUpdates (its
// polling is internal), so this is a minimal request through the same HTTP
// client and server URL; a transport error has the token redacted.
func (c *Channel) getUpdates(ctx context.Context, offset int64, timeout int) ([]*models.Update, *APIError) {
	var ups []*models.Update
	params := map[string]any{
		"offset":          offset,
		"limit":           100,
		"timeout":         timeout,
		"allowed_updates": allowedUpdates,
	}
	body, err := json.Marshal(params)
	if err != nil {
		return nil, &APIError{Method: "getUpdates", Err: fmt.Errorf("encode: %w", err)}
	}
	// The request timeout must outlast the long poll.
	d := time.Duration(timeout)*c.opt.second + c.opt.requestTimeout
	cls, e := c.callFor(ctx, d, "getUpdates", 0, func(ctx context.Context) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.apiURL+"/bot"+c.token+"/getUpdates", bytes.NewReader(body))
		if err != nil {
			return errors.New("build request") // the error would hold the URL, with the token
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := c.httpc.Do(req)
		if err != nil {
			var ue *url.Error
			if errors.As(err, &ue) {
				ue.URL = c.redact(ue.URL)
			}
			return err
		}
		defer resp.Body.Close()
		data, err := io.ReadAll(io.LimitReader(resp.Body, maxUpdatesBody))
		if err != nil {
			return fmt.Errorf("read getUpdates response: %w", err)
		}
		var env envelope
		if err := json.Unmarshal(data, &env); err != nil || !env.OK {
			return errors.New("getUpdates failed")
		}
		if err := json.Unmarshal(env.Result, &ups); err != nil {
			return errors.New("decode updates")
		}
		return nil
	})
	if cls != classOK {
		return nil, e
	}
	return ups, nil
}

// allowedUpdates are the update types the channel asks for.
var allowedUpdates = []string{"message", "callback_query"}
