// Package webhook feeds a clinic's records system: events (referral
// created, status changed, note added) are appended, sealed, to a Redis
// stream in the same transaction as the change that produced them, and a
// Worker POSTs each as JSON to the configured URL.
//
// Delivery contract: at least once. An event stays in the stream's pending
// list until the receiver answers 2xx; failures are retried with
// exponential backoff, and entries left pending by a worker that died are
// claimed by another (XAUTOCLAIM) after ClaimIdle. A receiver may therefore
// see an event more than once and must de-duplicate by the
// X-Kapbot-Event-Id header (also the body's "id"), which is stable across
// retries. Each request is signed: X-Kapbot-Signature is
// "sha256=" + hex(HMAC-SHA256(secret, body)); X-Kapbot-Timestamp is the
// Unix time of the attempt.
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

// Sign returns the X-Kapbot-Signature value of body.
func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify reports whether signature is body's signature under secret, in
// constant time. Receivers written in Go may use it.
func Verify(secret, body []byte, signature string) bool {
	return hmac.Equal([]byte(Sign(secret, body)), []byte(signature))
}

// Stream is the name of the events stream under prefix. It shares the
// referral keys' cluster slot ({ref}) so a change and its event are written
// in one transaction.
func Stream(prefix string) string { return prefix + ":{ref}:webhook" }

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
