// Package webhook feeds a clinic's records system: events (referral
// created, status changed, note added) are appended, sealed, to a Redis
// stream in the same transaction as the change that produced them, and a
// Worker POSTs each as JSON to the configured URL.
//
// Delivery contract: at least once, in order per referral. An event stays
// in the stream's pending list until the receiver answers 2xx; failures
// are retried with exponential backoff while the events of other referrals
// go on, and the later events of the same referral wait for it. After
// Config.MaxAttempts failed attempts an event is moved to the dead-letter
// stream (DeadStream) and the referral's next event goes on. Entries left
// pending by a worker that died are claimed by another (XAUTOCLAIM) after
// ClaimIdle. A receiver may therefore see an event more than once and must
// de-duplicate by the X-Kapbot-Event-Id header (also the body's "id"),
// which is stable across retries.
//
// Each request is signed: X-Kapbot-Timestamp is the Unix time (seconds) of
// the attempt, and X-Kapbot-Signature is
//
//	"sha256=" + hex(HMAC-SHA256(secret, timestamp + "." + body))
//
// so a receiver that checks the signature and refuses timestamps older
// than a few minutes refuses a replayed request (VerifyRequest does both).
// Redirects are never followed: a 3xx answer is a failed attempt, so a
// referral never travels to a host other than the configured one.
//
// The body holds health data: the URL must be https (http only for
// localhost), stream entries are sealed with package seal, and nothing here
// logs more than event ids.
package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"time"

	"github.com/kapbot/kapbot/internal/seal"
)

// Header names of a delivery.
const (
	HeaderSignature = "X-Kapbot-Signature"
	HeaderEventID   = "X-Kapbot-Event-Id"
	HeaderTimestamp = "X-Kapbot-Timestamp"
)

// ErrInsecureURL: the webhook URL is not https and not on localhost.
var ErrInsecureURL = errors.New("webhook: the URL must use https (http is allowed only for localhost)")

// ValidateURL checks a webhook URL: absolute, https, or http on localhost
// (127.0.0.0/8, ::1, "localhost"). It returns ErrInsecureURL or a parse
// error.
func ValidateURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("webhook: url: %w", err)
	}
	if u.Host == "" {
		return fmt.Errorf("webhook: url %q is not absolute", raw)
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		h := u.Hostname()
		if h == "localhost" {
			return nil
		}
		if ip := net.ParseIP(h); ip != nil && ip.IsLoopback() {
			return nil
		}
	}
	return ErrInsecureURL
}

// Sign returns the X-Kapbot-Signature value of a request with the
// X-Kapbot-Timestamp value timestamp and body:
// "sha256=" + hex(HMAC-SHA256(secret, timestamp + "." + body)).
func Sign(secret []byte, timestamp string, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(timestamp))
	m.Write([]byte{'.'})
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify reports whether signature is the signature of timestamp and body
// under secret, in constant time. It does not look at the time; receivers
// should use VerifyRequest, which also refuses old timestamps.
func Verify(secret []byte, timestamp string, body []byte, signature string) bool {
	return hmac.Equal([]byte(Sign(secret, timestamp, body)), []byte(signature))
}

// Errors of VerifyRequest.
var (
	ErrBadSignature = errors.New("webhook: bad signature")
	ErrStale        = errors.New("webhook: timestamp too old or too far in the future")
)

// VerifyRequest checks a delivery as a receiver should: the signature
// over timestamp and body, then that the timestamp is within tolerance of
// now (5 minutes is a good value). It returns nil, ErrBadSignature or
// ErrStale. Receivers written in Go may use it.
func VerifyRequest(secret []byte, timestamp string, body []byte, signature string, now time.Time, tolerance time.Duration) error {
	if !Verify(secret, timestamp, body, signature) {
		return ErrBadSignature
	}
	ts, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return ErrBadSignature
	}
	if d := now.Sub(time.Unix(ts, 0)); d > tolerance || d < -tolerance {
		return ErrStale
	}
	return nil
}

// Stream is the name of the events stream under prefix. It shares the
// referral keys' cluster slot ({ref}) so a change and its event are written
// in one transaction.
func Stream(prefix string) string { return prefix + ":{ref}:webhook" }

// DeadStream is the name of the dead-letter stream under prefix: events
// that failed Config.MaxAttempts times. Its entries keep the event id and
// the sealed body of the events stream (open them with the events stream's
// name), plus the attempts made and the last failure (a status code or an
// error without the URL). It is capped at DeadMax entries.
func DeadStream(prefix string) string { return prefix + ":{ref}:webhook:dead" }

// DeadMax is the most entries the dead-letter stream keeps (oldest go).
const DeadMax = 10000

// Sink turns an event into the fields of its stream entry: the event id in
// the clear (it names no one) and the sealed JSON body.
type Sink struct {
	stream string
	sealer *seal.Sealer
}

// NewSink returns the sink of the stream under prefix.
func NewSink(prefix string, sealer *seal.Sealer) *Sink {
	return &Sink{stream: Stream(prefix), sealer: sealer}
}

// Entry returns the stream key and the XADD field/value pairs for an event
// with id and JSON body.
func (s *Sink) Entry(id string, body []byte) (stream string, values []any) {
	return s.stream, []any{"id", id, "d", string(s.sealer.Seal(body, []byte(s.stream+"\x00"+id)))}
}

func (s *Sink) open(id, sealed string) ([]byte, error) {
	return s.sealer.Open([]byte(sealed), []byte(s.stream+"\x00"+id))
}

// ReferralOf returns the referral id of an event id: event ids are
// "<referral>/created", "<referral>/erased", "<referral>/status/<n>" and
// "<referral>/note/<n>". An id of another shape is its own referral.
func ReferralOf(eventID string) string {
	s := eventID
	// Drop a trailing "/<n>", then the last "/<kind>".
	if i := lastSlash(s); i >= 0 && isDigits(s[i+1:]) {
		s = s[:i]
	}
	if i := lastSlash(s); i >= 0 {
		return s[:i]
	}
	return eventID
}

func lastSlash(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return i
		}
	}
	return -1
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
