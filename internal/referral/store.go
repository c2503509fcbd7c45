package referral

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/pseudo"
	"github.com/kapbot/kapbot/internal/seal"
)

// Errors of the store.
var (
	// ErrNotFound: there is no referral with that id.
	ErrNotFound = errors.New("referral: not found")
	// ErrConflict: the referral kept changing under an update; try again.
	ErrConflict = errors.New("referral: changed concurrently")
)

// redisAPI is the part of go-redis the store uses.
type redisAPI interface {
	redis.Scripter
	Get(ctx context.Context, key string) *redis.StringCmd
	Watch(ctx context.Context, fn func(*redis.Tx) error, keys ...string) error
	ZAdd(ctx context.Context, key string, members ...redis.Z) *redis.IntCmd
	ZRem(ctx context.Context, key string, members ...any) *redis.IntCmd
	ZRange(ctx context.Context, key string, start, stop int64) *redis.StringSliceCmd
	ZRangeByScore(ctx context.Context, key string, opt *redis.ZRangeBy) *redis.StringSliceCmd
	ZScore(ctx context.Context, key, member string) *redis.FloatCmd
	SMembers(ctx context.Context, key string) *redis.StringSliceCmd
	SRem(ctx context.Context, key string, members ...any) *redis.IntCmd
	Del(ctx context.Context, keys ...string) *redis.IntCmd
	XRangeN(ctx context.Context, stream, start, stop string, count int64) *redis.XMessageSliceCmd
	XDel(ctx context.Context, stream string, ids ...string) *redis.IntCmd
	TxPipelined(ctx context.Context, fn func(redis.Pipeliner) error) ([]redis.Cmder, error)
}

var _ redisAPI = (redis.UniversalClient)(nil)

// Store keeps referrals in Redis, each sealed (AES-GCM, package seal) with
// its key as additional data. Keys, all in one cluster slot:
//
//	<prefix>:{ref}:r:<id>  string  sealed JSON of the referral
//	<prefix>:{ref}:open    zset    ids of open referrals, scored by creation (ms)
//	<prefix>:{ref}:due     zset    ids with notification work, scored by when it is due (ms)
//	<prefix>:{ref}:p:<h>   set     ids of the referrals of the patient whose PatientHash is h
//	<prefix>:{ref}:scrub   zset    staff messages to overwrite after an erasure (erase.go)
//
// With WithRetention a referral and its patient's index expire after the
// clinic's retention period, counted from the referral's last change (every
// change refreshes both); the open and due indexes drop ids whose referral
// is gone the next time they are read. A clinic with a legal duty to keep
// records keeps them in its own records system, fed by the webhook and the
// export. Store is safe for concurrent use, also from several processes.
type Store struct {
	rdb       redisAPI
	prefix    string
	sealer    *seal.Sealer
	events    EventLog
	retention func(ctx context.Context) time.Duration
}

// StoreOption configures a Store.
type StoreOption func(*Store)

// WithEvents makes the store append an Event for every creation, status
// change and note to l's stream, in the same Redis transaction as the
// change itself: a change is never stored without its event, nor the
// reverse. The stream must be in the {ref} cluster slot.
func WithEvents(l EventLog) StoreOption { return func(s *Store) { s.events = l } }

// WithRetention makes every referral expire f(ctx) after its last change
// (f is asked at every change, so a new clinic.yaml applies from the next
// change); f returning 0 or less keeps referrals without expiry.
func WithRetention(f func(ctx context.Context) time.Duration) StoreOption {
	return func(s *Store) { s.retention = f }
}

// ttl is the lifetime a change gives a referral, 0 for none.
func (s *Store) ttl(ctx context.Context) time.Duration {
	if s.retention == nil {
		return 0
	}
	return max(s.retention(ctx), 0)
}

// NewStore returns a store under prefix in c, sealing with sealer.
func NewStore(c redis.UniversalClient, prefix string, sealer *seal.Sealer, opts ...StoreOption) *Store {
	s := &Store{rdb: c, prefix: prefix, sealer: sealer}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Event types.
const (
	EventCreated = "referral.created"
	EventStatus  = "referral.status_changed"
	EventNote    = "referral.note_added"
)

// Event is a change to a referral, as a clinic's records system receives
// it (package webhook posts it as JSON). It holds health data.
type Event struct {
	// ID is unique and stable: "<referral id>/created",
	// "<referral id>/status/<n>" or "<referral id>/note/<n>", n counting
	// from 1; receivers de-duplicate by it.
	ID       string        `json:"id"`
	Type     string        `json:"type"`
	At       time.Time     `json:"at"`
	By       string        `json:"by,omitempty"`   // staff name; "" for the bot
	User     string        `json:"user,omitempty"` // staff platform user
	Referral string        `json:"referral"`
	Priority flow.Priority `json:"priority"`
	Status   Status        `json:"status"`
	Note     string        `json:"note,omitempty"` // the note added (EventNote)
	Data     *Referral     `json:"data"`           // the referral after the change, without its postings
}

// EventLog turns an event (its id and JSON) into a stream entry: the stream
// key and the XADD field/value pairs. *webhook.Sink is one.
type EventLog interface {
	Entry(id string, body []byte) (stream string, values []any)
}

// event builds the stream entry of an event on r, if the store has a log.
func (s *Store) event(typ, id string, r *Referral, at time.Time, by, user, note string) (string, []any, error) {
	if s.events == nil {
		return "", nil, nil
	}
	data := *r
	data.Notices = nil
	// The receiver gets the pseudonym, never the platform id (which the
	// runner's referral id, Source, holds too).
	data.Patient = PatientHash(r.Patient)
	data.Source = ""
	body, err := json.Marshal(Event{ID: id, Type: typ, At: at.UTC(), By: by, User: user, Referral: r.ID,
		Priority: r.Priority, Status: r.Status(), Note: note, Data: &data})
	if err != nil {
		return "", nil, fmt.Errorf("referral: encode event: %w", err)
	}
	stream, values := s.events.Entry(id, body)
	return stream, values, nil
}

func (s *Store) key(id string) string { return s.prefix + ":{ref}:r:" + id }
func (s *Store) openKey() string      { return s.prefix + ":{ref}:open" }
func (s *Store) dueKey() string       { return s.prefix + ":{ref}:due" }
func (s *Store) patientKey(patient string) string {
	return s.prefix + ":{ref}:p:" + PatientHash(patient)
}

// PatientHash names a patient without their platform id: the patient's
// keyed pseudonym (package pseudo, the process's default namer), the same
// that names the patient's keys in package store. Audit entries, index keys
// and webhook events use it.
func PatientHash(patient string) string { return pseudo.Default().Name(patient) }

// createScript stores a referral unless its key exists, and indexes it.
// KEYS: referral, open, due, patient index[, event stream]. ARGV: sealed
// value, created ms, due ms ("" for none), id, lifetime ms (0: none)[,
// event field/value pairs]. Returns 1 when created, 0 when it existed.
var createScript = redis.NewScript(`
local ttl = tonumber(ARGV[5])
local ok
if ttl > 0 then
  ok = redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ttl)
else
  ok = redis.call('SET', KEYS[1], ARGV[1], 'NX')
end
if ok then
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[4])
  if ARGV[3] ~= '' then redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4]) end
  redis.call('SADD', KEYS[4], ARGV[4])
  if ttl > 0 then redis.call('PEXPIRE', KEYS[4], ttl) else redis.call('PERSIST', KEYS[4]) end
  if KEYS[5] then redis.call('XADD', KEYS[5], '*', unpack(ARGV, 6)) end
  return 1
end
return 0
`)

func ms(t time.Time) string { return strconv.FormatInt(t.UnixMilli(), 10) }

// Create stores r, lists it as open and, when due is not zero, as due for
// notification at that time. A referral with r.ID stored before is left as
// it is (created false): the runner may pass one referral twice after a
// crash. It returns a wrapped Redis error.
func (s *Store) Create(ctx context.Context, r *Referral, due time.Time) (created bool, err error) {
	if r.ID == "" {
		return false, errors.New("referral: empty id")
	}
	data, err := json.Marshal(r)
	if err != nil {
		return false, fmt.Errorf("referral: encode: %w", err)
	}
	k := s.key(r.ID)
	dueArg := ""
	if !due.IsZero() {
		dueArg = ms(due)
	}
	keys := []string{k, s.openKey(), s.dueKey(), s.patientKey(r.Patient)}
	args := []any{s.sealer.Seal(data, []byte(k)), ms(r.Created), dueArg, r.ID, s.ttl(ctx).Milliseconds()}
	stream, values, err := s.event(EventCreated, r.ID+"/created", r, r.Created, "", "", "")
	if err != nil {
		return false, err
	}
	if stream != "" {
		keys = append(keys, stream)
		args = append(args, values...)
	}
	n, err := createScript.Run(ctx, s.rdb, keys, args...).Int()
	if err != nil {
		return false, fmt.Errorf("referral: create: %w", err)
	}
	return n == 1, nil
}

// Get returns the referral with id, or ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (*Referral, error) {
	return s.get(ctx, s.rdb, id)
}

type getter interface {
	Get(ctx context.Context, key string) *redis.StringCmd
}

func (s *Store) get(ctx context.Context, g getter, id string) (*Referral, error) {
	k := s.key(id)
	raw, err := g.Get(ctx, k).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("referral: get: %w", err)
	}
	data, err := s.sealer.Open(raw, []byte(k))
	if err != nil {
		return nil, fmt.Errorf("referral: open: %w", err)
	}
	var r Referral
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("referral: decode: %w", err)
	}
	return &r, nil
}

// Update changes the referral with id by fn, atomically: fn sees the stored
// referral and changes it in place; when fn returns an error nothing is
// written and the error is returned. The open index follows the status, and
// the referral's lifetime starts again (WithRetention).
// Update returns ErrNotFound, ErrConflict after repeated concurrent
// changes, or a wrapped Redis error.
func (s *Store) Update(ctx context.Context, id string, fn func(*Referral) error) (*Referral, error) {
	return s.update(ctx, id, fn, nil)
}

// update is Update that also appends the event ev returns for the changed
// referral (nil: none) in the same transaction.
func (s *Store) update(ctx context.Context, id string, fn func(*Referral) error, ev func(*Referral) (string, []any, error)) (*Referral, error) {
	k := s.key(id)
	var out *Referral
	for attempt := 0; attempt < 10; attempt++ {
		err := s.rdb.Watch(ctx, func(tx *redis.Tx) error {
			r, err := s.get(ctx, tx, id)
			if err != nil {
				return err
			}
			if err := fn(r); err != nil {
				return err
			}
			data, err := json.Marshal(r)
			if err != nil {
				return fmt.Errorf("referral: encode: %w", err)
			}
			var stream string
			var values []any
			if ev != nil {
				if stream, values, err = ev(r); err != nil {
					return err
				}
			}
			_, err = tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
				if stream != "" {
					p.XAdd(ctx, &redis.XAddArgs{Stream: stream, Values: values})
				}
				ttl := s.ttl(ctx)
				p.Set(ctx, k, s.sealer.Seal(data, []byte(k)), ttl)
				pk := s.patientKey(r.Patient)
				p.SAdd(ctx, pk, r.ID)
				if ttl > 0 {
					p.PExpire(ctx, pk, ttl)
				}
				if r.Open() {
					p.ZAdd(ctx, s.openKey(), redis.Z{Score: float64(r.Created.UnixMilli()), Member: r.ID})
				} else {
					p.ZRem(ctx, s.openKey(), r.ID)
				}
				return nil
			})
			if err == nil {
				out = r
			}
			return err
		}, k)
		if errors.Is(err, redis.TxFailedErr) {
			continue
		}
		if err != nil {
			return nil, err
		}
		return out, nil
	}
	return nil, ErrConflict
}

// ErrSameStatus is returned by SetStatus when the referral has that status
// already; nothing changed.
var ErrSameStatus = errors.New("referral: status unchanged")

// SetStatus records that who (name, and platform user) moved the referral
// to status at the time at. It returns the updated referral, ErrSameStatus,
// or Update's errors.
func (s *Store) SetStatus(ctx context.Context, id string, status Status, by, user string, at time.Time) (*Referral, error) {
	return s.update(ctx, id, func(r *Referral) error {
		if r.Status() == status {
			return ErrSameStatus
		}
		r.History = append(r.History, Change{Status: status, By: by, User: user, At: at})
		return nil
	}, func(r *Referral) (string, []any, error) {
		return s.event(EventStatus, fmt.Sprintf("%s/status/%d", r.ID, len(r.History)-1), r, at, by, user, "")
	})
}

// OpenEmergency returns the patient's oldest open emergency referral, or
// nil when there is none, or a wrapped Redis error.
func (s *Store) OpenEmergency(ctx context.Context, patient string) (*Referral, error) {
	ids, err := s.rdb.SMembers(ctx, s.patientKey(patient)).Result()
	if err != nil {
		return nil, fmt.Errorf("referral: patient index: %w", err)
	}
	var out *Referral
	for _, id := range ids {
		r, err := s.Get(ctx, id)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if r.Patient == patient && r.Priority == flow.Emergency && r.Open() && (out == nil || r.Created.Before(out.Created)) {
			out = r
		}
	}
	return out, nil
}

// MaxMerged is how many later emergencies one open emergency referral
// records as notes; past it they are counted in Merged only.
const MaxMerged = 50

// AddEmergency adds a later emergency of the same patient (runner id
// source) to the open emergency referral id: its id goes to Merged and a
// note tells staff (the first MaxMerged times). Adding the same source
// twice changes nothing. It returns Update's errors.
func (s *Store) AddEmergency(ctx context.Context, id, source string, note Note) (*Referral, error) {
	added := false
	r, err := s.update(ctx, id, func(r *Referral) error {
		if slices.Contains(r.Merged, source) {
			return errUnchanged
		}
		r.Merged = append(r.Merged, source)
		if len(r.Merged) <= MaxMerged {
			r.Notes = append(r.Notes, note)
			added = true
		}
		return nil
	}, func(r *Referral) (string, []any, error) {
		if !added {
			return "", nil, nil
		}
		return s.event(EventNote, fmt.Sprintf("%s/note/%d", r.ID, len(r.Notes)), r, note.At, note.By, note.User, note.Text)
	})
	if errors.Is(err, errUnchanged) {
		return s.Get(ctx, id)
	}
	return r, err
}

var errUnchanged = errors.New("referral: unchanged")

// AddNote adds a staff note.
func (s *Store) AddNote(ctx context.Context, id string, n Note) (*Referral, error) {
	return s.update(ctx, id, func(r *Referral) error {
		r.Notes = append(r.Notes, n)
		return nil
	}, func(r *Referral) (string, []any, error) {
		return s.event(EventNote, fmt.Sprintf("%s/note/%d", r.ID, len(r.Notes)), r, n.At, n.By, n.User, n.Text)
	})
}

// Open returns the open referrals, oldest first. Ids whose referral expired
// or was erased are dropped from the open and due indexes on the way.
func (s *Store) Open(ctx context.Context) ([]*Referral, error) {
	ids, err := s.rdb.ZRange(ctx, s.openKey(), 0, -1).Result()
	if err != nil {
		return nil, fmt.Errorf("referral: list open: %w", err)
	}
	out := make([]*Referral, 0, len(ids))
	for _, id := range ids {
		r, err := s.Get(ctx, id)
		if errors.Is(err, ErrNotFound) {
			if err := s.forget(ctx, id); err != nil {
				return nil, err
			}
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// forget drops id from the open and due indexes.
func (s *Store) forget(ctx context.Context, id string) error {
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.ZRem(ctx, s.openKey(), id)
		p.ZRem(ctx, s.dueKey(), id)
		return nil
	})
	if err != nil {
		return fmt.Errorf("referral: drop from indexes: %w", err)
	}
	return nil
}

// Due returns the ids whose notification work is due at now, earliest
// first.
func (s *Store) Due(ctx context.Context, now time.Time) ([]string, error) {
	ids, err := s.rdb.ZRangeByScore(ctx, s.dueKey(), &redis.ZRangeBy{Min: "-inf", Max: ms(now)}).Result()
	if err != nil {
		return nil, fmt.Errorf("referral: due: %w", err)
	}
	return ids, nil
}

// Schedule makes the referral due at t (replacing an earlier time).
func (s *Store) Schedule(ctx context.Context, id string, t time.Time) error {
	if err := s.rdb.ZAdd(ctx, s.dueKey(), redis.Z{Score: float64(t.UnixMilli()), Member: id}).Err(); err != nil {
		return fmt.Errorf("referral: schedule: %w", err)
	}
	return nil
}

// Unschedule removes the referral from the due set.
func (s *Store) Unschedule(ctx context.Context, id string) error {
	if err := s.rdb.ZRem(ctx, s.dueKey(), id).Err(); err != nil {
		return fmt.Errorf("referral: unschedule: %w", err)
	}
	return nil
}

// Scheduled returns when the referral is due, and whether it is.
func (s *Store) Scheduled(ctx context.Context, id string) (time.Time, bool, error) {
	v, err := s.rdb.ZScore(ctx, s.dueKey(), id).Result()
	if errors.Is(err, redis.Nil) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("referral: scheduled: %w", err)
	}
	return time.UnixMilli(int64(v)), true, nil
}
