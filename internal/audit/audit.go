// Package audit keeps kapbot's append-only audit log: one entry per export
// of patient data and per staff view of a referral or a session (who, what,
// when). Entries name patients and referrals by id; ids are not health data
// but they say who was screened, so each entry is sealed (package seal)
// like the data it is about, and nothing here logs.
//
// The entries form a chain: each sealed entry carries its sequence number
// and the SHA-256 digest of the previous entry's content, and a head
// record (sealed too) holds the last sequence number and digest. Sealing
// is AES-GCM with the data key, so the link cannot be forged or moved
// without the key, and Verify names every entry deleted (a gap in the
// sequence, or the head ahead of the last entry), replayed (an entry's
// content seen before) or edited (an entry that does not open). The chain
// survives key rotation: digests are of the content, not of the sealed
// bytes. Trim drops old entries and records the trim point (the sequence
// number and digest of the last entry dropped), so the rest still verifies.
package audit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/seal"
	"github.com/kapbot/kapbot/internal/termsafe"
)

// Entry is one audited action.
type Entry struct {
	ID     string    `json:"id,omitempty"` // the stream entry id, set by List
	Seq    int64     `json:"seq,omitempty"`
	Prev   string    `json:"prev,omitempty"` // hex SHA-256 of the previous entry's content
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
	redis.Scripter
	Get(ctx context.Context, key string) *redis.StringCmd
	XRangeN(ctx context.Context, stream, start, stop string, count int64) *redis.XMessageSliceCmd
	XLen(ctx context.Context, stream string) *redis.IntCmd
	TxPipelined(ctx context.Context, fn func(redis.Pipeliner) error) ([]redis.Cmder, error)
}

var _ redisAPI = (redis.UniversalClient)(nil)

// Log is the audit log: a Redis stream <prefix>:audit whose entries each
// hold one sealed JSON Entry in field "d", with its head and trim records
// in <prefix>:audit:{<prefix>:audit}:head and ...:trim (the same cluster
// slot). It is only appended to: there is no API to change or remove an
// entry but Trim of the oldest. Safe for concurrent use, also from several
// processes.
type Log struct {
	rdb    redisAPI
	key    string
	head   string
	trim   string
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
	key := prefix + ":audit"
	// The head and trim records start with the prefix like every key, and
	// their hash tag is the stream's whole name: one cluster slot.
	l := &Log{rdb: c, key: key, head: key + ":{" + key + "}:head", trim: key + ":{" + key + "}:trim", sealer: sealer, now: time.Now}
	for _, o := range opts {
		o(l)
	}
	return l
}

// Errors of Record.
var (
	// ErrIncomplete is returned with an entry lacking its actor or action.
	ErrIncomplete = errors.New("audit: entry needs an actor and an action")
	// ErrBadActor: the actor is not a single-line name (see ValidActor).
	ErrBadActor = errors.New("audit: the actor must be one line of at most 128 characters, without control characters")
	// ErrBusy: the log kept changing under an append; try again.
	ErrBusy = errors.New("audit: log busy, entry not recorded")
)

// MaxActor is the longest actor name, in characters.
const MaxActor = 128

// ValidActor returns nil when name can name who acted: valid UTF-8, 1 to
// MaxActor characters, no control, bidirectional or separator character
// (so an actor cannot forge a line of `kapbot audit`). Else ErrBadActor.
func ValidActor(name string) error {
	if name == "" || !utf8.ValidString(name) || utf8.RuneCountInString(name) > MaxActor || strings.TrimSpace(name) == "" {
		return ErrBadActor
	}
	for _, r := range name {
		if r == '\t' || termsafe.Unsafe(r, false) {
			return ErrBadActor
		}
	}
	return nil
}

// ActorName names a staff member as an actor: "<id> (<name>)", the
// display name (chosen by the person, so anything) escaped and cut so the
// whole passes ValidActor.
func ActorName(id, name string) string {
	clean := func(s string) string { return strings.ReplaceAll(termsafe.Line(s), "\t", " ") }
	id = clean(id)
	if strings.TrimSpace(name) == "" {
		return cut(id, MaxActor)
	}
	return cut(id+" ("+cut(clean(name), max(MaxActor-utf8.RuneCountInString(id)-3, 1))+")", MaxActor)
}

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// link is a head or trim record: the sequence number and the digest of an
// entry.
type link struct {
	Seq    int64  `json:"seq"`
	Digest string `json:"digest"`
}

func digest(content []byte) string {
	sum := sha256.Sum256(content)
	return hex.EncodeToString(sum[:])
}

// appendScript appends an entry if the head is still what the caller read.
// KEYS: stream, head. ARGV: head read ("" for none), sealed entry, sealed
// new head. Returns the entry id, or nil when the head moved.
var appendScript = redis.NewScript(`
local cur = redis.call('GET', KEYS[2]) or ''
if cur ~= ARGV[1] then return false end
local id = redis.call('XADD', KEYS[1], '*', 'd', ARGV[2])
redis.call('SET', KEYS[2], ARGV[3])
return id
`)

// readLink opens a head or trim record; ok is false when there is none.
// raw is the stored value ("" for none).
func (l *Log) readLink(ctx context.Context, key string) (lk link, raw string, ok bool, err error) {
	raw, err = l.rdb.Get(ctx, key).Result()
	if errors.Is(err, redis.Nil) {
		return link{}, "", false, nil
	}
	if err != nil {
		return link{}, "", false, err
	}
	data, err := l.sealer.Open([]byte(raw), []byte(key))
	if err != nil {
		return link{}, raw, false, fmt.Errorf("audit: %s cannot be opened (changed, or sealed with a key not given): %w", key, err)
	}
	if err := json.Unmarshal(data, &lk); err != nil {
		return link{}, raw, false, fmt.Errorf("audit: %s: %w", key, err)
	}
	return lk, raw, true, nil
}

// Record appends e (stamped now when e.At is zero) to the chain. It
// returns ErrIncomplete, ErrBadActor, ErrBusy or a wrapped Redis error;
// a caller about to show or export data must not do so after an error,
// since the action would go unrecorded.
func (l *Log) Record(ctx context.Context, e Entry) error {
	if e.Actor == "" || e.Action == "" {
		return ErrIncomplete
	}
	if err := ValidActor(e.Actor); err != nil {
		return err
	}
	if e.At.IsZero() {
		e.At = l.now()
	}
	e.At = e.At.UTC()
	e.ID = ""
	e.Target = termsafe.Line(e.Target)
	for range 100 {
		head, raw, _, err := l.readLink(ctx, l.head)
		if err != nil {
			return fmt.Errorf("audit: append: %w", err)
		}
		e.Seq, e.Prev = head.Seq+1, head.Digest
		data, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("audit: encode: %w", err)
		}
		next, _ := json.Marshal(link{Seq: e.Seq, Digest: digest(data)})
		err = appendScript.Run(ctx, l.rdb, []string{l.key, l.head}, raw,
			string(l.sealer.Seal(data, []byte(l.key))), string(l.sealer.Seal(next, []byte(l.head)))).Err()
		if errors.Is(err, redis.Nil) {
			continue // another append came first
		}
		if err != nil {
			return fmt.Errorf("audit: append: %w", err)
		}
		return nil
	}
	return ErrBusy
}

// List returns the entries stamped at or after since (all when zero),
// oldest first. An entry that cannot be opened (a key no longer known) is
// returned with Action "unreadable" rather than dropped, so gaps show.
func (l *Log) List(ctx context.Context, since time.Time) ([]Entry, error) {
	var out []Entry
	err := l.each(ctx, func(m redis.XMessage, e Entry, _ []byte, ok bool) {
		if !ok {
			e = Entry{ID: m.ID, Action: "unreadable"}
		}
		if e.At.IsZero() {
			ms, _, _ := strings.Cut(m.ID, "-")
			if n, err := strconv.ParseInt(ms, 10, 64); err == nil {
				e.At = time.UnixMilli(n).UTC()
			}
		}
		if !since.IsZero() && e.At.Before(since) {
			return
		}
		out = append(out, e)
	})
	if out == nil {
		out = []Entry{}
	}
	return out, err
}

// each calls f with every stream entry, oldest first: the entry opened
// (with its content) and ok, or ok false when it cannot be opened.
func (l *Log) each(ctx context.Context, f func(m redis.XMessage, e Entry, content []byte, ok bool)) error {
	start := "-"
	for {
		msgs, err := l.rdb.XRangeN(ctx, l.key, start, "+", 1000).Result()
		if err != nil {
			return fmt.Errorf("audit: read: %w", err)
		}
		for _, m := range msgs {
			var e Entry
			ok := false
			var data []byte
			if raw, isStr := m.Values["d"].(string); isStr {
				if d, err := l.sealer.Open([]byte(raw), []byte(l.key)); err == nil && json.Unmarshal(d, &e) == nil {
					ok, data = true, d
					e.ID = m.ID
				}
			}
			f(m, e, data, ok)
		}
		if len(msgs) < 1000 {
			return nil
		}
		start = "(" + msgs[len(msgs)-1].ID
	}
}

// Problem kinds of Verify.
const (
	ProblemEdited   = "edited"   // the entry does not open: changed, or sealed with a key not given
	ProblemDeleted  = "deleted"  // entries missing before this one (or at the end)
	ProblemReplayed = "replayed" // a copy of an earlier entry
	ProblemBroken   = "broken"   // the link to the previous entry does not match (moved, or an edited head)
)

// Problem is one finding of Verify.
type Problem struct {
	Entry  string `json:"entry"` // stream entry id ("" for the end of the log)
	Kind   string `json:"kind"`
	Detail string `json:"detail"`
}

func (p Problem) String() string {
	where := p.Entry
	if where == "" {
		where = "end of log"
	}
	return fmt.Sprintf("%s: %s: %s", where, p.Kind, p.Detail)
}

// Report is the result of Verify.
type Report struct {
	Entries   int       `json:"entries"`    // entries read
	Legacy    int       `json:"legacy"`     // entries written before the chain existed (not checked)
	TrimmedTo int64     `json:"trimmed_to"` // sequence number of the last entry trimmed (0: none)
	Last      int64     `json:"last"`       // sequence number of the last entry
	Problems  []Problem `json:"problems"`
}

// OK reports whether the log verified without a problem.
func (r Report) OK() bool { return len(r.Problems) == 0 }

// Verify reads the whole log and checks the chain: every entry opens,
// sequence numbers follow each other from the trim point (or 1) to the
// head, each entry names the digest of the one before, and no content
// appears twice. It returns every problem found, and an error only when
// the log cannot be read.
func (l *Log) Verify(ctx context.Context) (Report, error) {
	var rep Report
	head, _, hasHead, herr := l.readLink(ctx, l.head)
	if herr != nil {
		rep.Problems = append(rep.Problems, Problem{Kind: ProblemEdited, Detail: "the head record does not open"})
	}
	trim, _, hasTrim, terr := l.readLink(ctx, l.trim)
	if terr != nil {
		rep.Problems = append(rep.Problems, Problem{Kind: ProblemEdited, Detail: "the trim record does not open"})
	}
	if hasTrim {
		rep.TrimmedTo = trim.Seq
	}
	prev := link{}
	if hasTrim {
		prev = trim
	}
	started := false
	seen := map[string]string{} // digest -> entry id
	var lastID string
	err := l.each(ctx, func(m redis.XMessage, e Entry, content []byte, ok bool) {
		rep.Entries++
		if !ok {
			rep.Problems = append(rep.Problems, Problem{Entry: m.ID, Kind: ProblemEdited, Detail: "does not open (changed, or sealed with a key not given)"})
			started = true
			prev = link{Seq: -1} // resynchronise on the next entry
			return
		}
		if e.Seq == 0 {
			if started {
				rep.Problems = append(rep.Problems, Problem{Entry: m.ID, Kind: ProblemReplayed, Detail: "an entry from before the chain, after it began"})
			} else {
				rep.Legacy++
			}
			return
		}
		d := digest(content)
		if first, dup := seen[d]; dup {
			rep.Problems = append(rep.Problems, Problem{Entry: m.ID, Kind: ProblemReplayed, Detail: fmt.Sprintf("a copy of entry %s (seq %d)", first, e.Seq)})
			return
		}
		seen[d] = m.ID
		switch {
		case prev.Seq == -1:
			// after an entry that did not open: no link to check
		case e.Seq > prev.Seq+1:
			rep.Problems = append(rep.Problems, Problem{Entry: m.ID, Kind: ProblemDeleted,
				Detail: fmt.Sprintf("%d entries missing before it (seq %d to %d)", e.Seq-prev.Seq-1, prev.Seq+1, e.Seq-1)})
		case e.Seq <= prev.Seq:
			rep.Problems = append(rep.Problems, Problem{Entry: m.ID, Kind: ProblemReplayed, Detail: fmt.Sprintf("seq %d again or out of order (after seq %d)", e.Seq, prev.Seq)})
		case e.Prev != prev.Digest:
			rep.Problems = append(rep.Problems, Problem{Entry: m.ID, Kind: ProblemBroken, Detail: "does not follow the entry before it"})
		}
		started = true
		prev = link{Seq: e.Seq, Digest: d}
		lastID = m.ID
		rep.Last = e.Seq
	})
	if err != nil {
		return rep, err
	}
	switch {
	case !hasHead && herr == nil && started:
		rep.Problems = append(rep.Problems, Problem{Kind: ProblemDeleted, Detail: "the head record is missing"})
	case hasHead && head.Seq > rep.Last && prev.Seq != -1:
		rep.Problems = append(rep.Problems, Problem{Kind: ProblemDeleted,
			Detail: fmt.Sprintf("the last %d entries are missing (seq %d to %d, after entry %q)", head.Seq-rep.Last, rep.Last+1, head.Seq, lastID)})
	case hasHead && head.Seq == rep.Last && prev.Seq != -1 && head.Digest != prev.Digest:
		rep.Problems = append(rep.Problems, Problem{Entry: lastID, Kind: ProblemBroken, Detail: "the head record names another last entry"})
	}
	return rep, nil
}

// Trim drops the oldest entries so that at most keep remain, recording
// the trim point first so the rest still verifies. It returns how many
// entries it dropped, or a wrapped Redis error.
func (l *Log) Trim(ctx context.Context, keep int64) (int64, error) {
	n, err := l.rdb.XLen(ctx, l.key).Result()
	if err != nil {
		return 0, fmt.Errorf("audit: trim: %w", err)
	}
	drop := n - keep
	if drop <= 0 {
		return 0, nil
	}
	msgs, err := l.rdb.XRangeN(ctx, l.key, "-", "+", drop+1).Result()
	if err != nil {
		return 0, fmt.Errorf("audit: trim: %w", err)
	}
	if int64(len(msgs)) < drop+1 {
		return 0, nil
	}
	last, kept := msgs[drop-1], msgs[drop]
	var point *link
	if raw, ok := last.Values["d"].(string); ok {
		if data, err := l.sealer.Open([]byte(raw), []byte(l.key)); err == nil {
			var e Entry
			if json.Unmarshal(data, &e) == nil && e.Seq > 0 {
				point = &link{Seq: e.Seq, Digest: digest(data)}
			}
		}
	}
	_, err = l.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		if point != nil {
			data, _ := json.Marshal(point)
			p.Set(ctx, l.trim, l.sealer.Seal(data, []byte(l.trim)), 0)
		}
		p.XTrimMinID(ctx, l.key, kept.ID)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("audit: trim: %w", err)
	}
	return drop, nil
}
