// Package audit keeps kapbot's append-only audit log: one entry per export
// of patient data and per staff view of a referral or a session (who, what,
// when). Entries name patients and referrals by id; ids are not health data
// but they say who was screened, so each entry is sealed (package seal)
// like the data it is about, and nothing here logs.
package audit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/seal"
)

// Entry is one audited action.
type Entry struct {
	ID     string    `json:"id,omitempty"` // the stream entry id, set by List
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`  // "$USER" for the command line, "telegram:<id> (Name)" for staff
	Action string    `json:"action"` // "export", "referral.view", "referrals.list", "session.view"
	Target string    `json:"target,omitempty"`
}

// Recorder records audit entries. *Log is one; callers that only record
// take this interface.
type Recorder interface {
	Record(ctx context.Context, e Entry) error
}

// redisAPI is the part of go-redis the log uses.
type redisAPI interface {
	XAdd(ctx context.Context, a *redis.XAddArgs) *redis.StringCmd
	XRange(ctx context.Context, stream, start, stop string) *redis.XMessageSliceCmd
}

var _ redisAPI = (redis.UniversalClient)(nil)

// Log is the audit log: a Redis stream <prefix>:audit whose entries each
// hold one sealed JSON Entry in field "d". It is only appended to: there is
// no API to change or remove an entry. Safe for concurrent use.
type Log struct {
	rdb    redisAPI
	key    string
	sealer *seal.Sealer
	now    func() time.Time
}

var _ Recorder = (*Log)(nil)

// Option configures a Log.
type Option func(*Log)

// WithClock sets the clock that stamps entries without a time.
func WithClock(now func() time.Time) Option { return func(l *Log) { l.now = now } }

// New returns the audit log under prefix in c.
func New(c redis.UniversalClient, prefix string, sealer *seal.Sealer, opts ...Option) *Log {
	l := &Log{rdb: c, key: prefix + ":audit", sealer: sealer, now: time.Now}
	for _, o := range opts {
		o(l)
	}
	return l
}

// ErrIncomplete is returned with an entry lacking its actor or action.
var ErrIncomplete = errors.New("audit: entry needs an actor and an action")

// Record appends e (stamped now when e.At is zero). It returns
// ErrIncomplete or a wrapped Redis error; a caller that showed or exported
// data should report the error, since the action went unrecorded.
func (l *Log) Record(ctx context.Context, e Entry) error {
	if e.Actor == "" || e.Action == "" {
		return ErrIncomplete
	}
	if e.At.IsZero() {
		e.At = l.now()
	}
	e.At = e.At.UTC()
	e.ID = ""
	data, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("audit: encode: %w", err)
	}
	if err := l.rdb.XAdd(ctx, &redis.XAddArgs{Stream: l.key, Values: []any{"d", l.sealer.Seal(data, []byte(l.key))}}).Err(); err != nil {
		return fmt.Errorf("audit: append: %w", err)
	}
	return nil
}

// List returns the entries stamped at or after since (all when zero),
// oldest first. An entry that cannot be opened (a key no longer known) is
// returned with Action "unreadable" rather than dropped, so gaps show.
func (l *Log) List(ctx context.Context, since time.Time) ([]Entry, error) {
	msgs, err := l.rdb.XRange(ctx, l.key, "-", "+").Result()
	if err != nil {
		return nil, fmt.Errorf("audit: read: %w", err)
	}
	out := make([]Entry, 0, len(msgs))
	for _, m := range msgs {
		e := Entry{ID: m.ID, Action: "unreadable"}
		if raw, ok := m.Values["d"].(string); ok {
			if data, err := l.sealer.Open([]byte(raw), []byte(l.key)); err == nil {
				var dec Entry
				if json.Unmarshal(data, &dec) == nil {
					e = dec
					e.ID = m.ID
				}
			}
		}
		if e.At.IsZero() {
			ms, _, _ := strings.Cut(m.ID, "-")
			if n, err := strconv.ParseInt(ms, 10, 64); err == nil {
				e.At = time.UnixMilli(n).UTC()
			}
		}
		if !since.IsZero() && e.At.Before(since) {
			continue
		}
		out = append(out, e)
	}
	return out, nil
}
