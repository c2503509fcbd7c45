// Package store keeps patient sessions, their outboxes and histories, locks,
// and published flow bundles in Redis.
//
// Patient data (session state, outbox jobs, history records) is sealed with
// AES-GCM (package seal) with the Redis key it is stored under as additional
// data, so a value copied to another key does not open. Flow bundles are not
// patient data and are stored in clear.
//
// # Keys
//
// Every key starts with the configured prefix. Patients are named by their
// pseudonym (package pseudo: a keyed hash of the platform id, 20 hex
// characters), never by their id: the id itself is kept sealed in the
// patient's :n key, so that the store can list patients (Pending,
// Patients). The keys of one patient share a cluster hash tag, so that the
// commit script, which touches all of them, runs on one cluster slot (on a
// single node, a commit to an existing session writes the same keys and
// values without the script: watch.go):
//
//	<prefix>:u:{<pseudonym>}:s   string  "<version>|<sealed state>"
//	<prefix>:u:{<pseudonym>}:n   string  the sealed patient id
//	<prefix>:u:{<pseudonym>}:d   string  "w" and the keyed hashes of applied inbound ids with their times
//	<prefix>:u:{<pseudonym>}:i   zset    the same, as kept before (read into :d by the next commit)
//	<prefix>:u:{<pseudonym>}:o   list    sealed outbox jobs, oldest first
//	<prefix>:u:{<pseudonym>}:r   list    sealed history records, oldest first
//	<prefix>:u:{<pseudonym>}:us  string  an unreadable session, set aside (SetAside)
//	<prefix>:u:{<pseudonym>}:uo  list    its outbox, set aside
//	<prefix>:u:{<pseudonym>}:ur  list    its history, set aside
//	<prefix>:patients:{patients-<n>}  zset  pseudonyms, scored by last activity (ms), in 16 shards (shard.go)
//	<prefix>:pending:{pending-<n>}    set   pseudonyms whose outbox may be non-empty, in 16 shards
//	<prefix>:lock:<key>          string  lock token
//	<prefix>:due:{due-<n>}:z     zset    armed reminders of shard n (due.go)
//	<prefix>:due:{due-<n>}:c     zset    their claims, scored by lease end
//	<prefix>:{bundle}:v:<ver>    hash    file name -> source of a published bundle
//	<prefix>:{bundle}:current    string  version of the current bundle
//	<prefix>:{bundle}:versions   zset    versions, scored by publish time (ms)
//
// Before pseudonyms, patient keys were <prefix>:p:{<patient id>}:*, with
// the ids in the index sets; package keys's Migrate moves them. The prefix
// should not contain '{' or '}'. The patient keys expire after the
// retention period without activity (default 90 days).
//
// Patient ids are not health data, but they identify people: this package
// never puts them, nor any stored data, in an error message.
package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/pseudo"
	"github.com/kapbot/kapbot/internal/seal"
)

// Defaults of the options.
const (
	DefaultRetention  = 90 * 24 * time.Hour
	DefaultSeenWindow = 32
	// SeenMaxAge is how long an applied inbound id is remembered at most.
	// Telegram and Discord redeliver within minutes, so two days is plenty.
	SeenMaxAge = 48 * time.Hour
)

// Errors returned by this package. Other errors come from Redis (wrapped) or
// from opening sealed data (wrapping ErrUnreadable and seal.ErrDecrypt).
var (
	// ErrUnreadable means stored data cannot be opened: it was sealed with
	// a key this process does not have, or it is damaged. It is permanent:
	// trying again gives the same result. Errors from opening sealed data
	// and ErrCorrupt wrap it.
	ErrUnreadable = errors.New("store: stored data cannot be opened")
	// ErrNotFound means there is nothing stored under the name asked for.
	ErrNotFound = errors.New("store: not found")
	// ErrNoPatient means the patient id is empty.
	ErrNoPatient = errors.New("store: empty patient id")
	// ErrCorrupt means a stored session value is not in the store's format.
	ErrCorrupt = fmt.Errorf("store: corrupt session value: %w", ErrUnreadable)
	// ErrBadVersion means a bundle version is empty, too long, or holds
	// white space or control characters.
	ErrBadVersion = errors.New("store: invalid bundle version")
	// ErrEmptyBundle means Publish was given no sources.
	ErrEmptyBundle = errors.New("store: empty bundle")
	// ErrVersionExists means a bundle version is already published with
	// other contents; published bundles are never overwritten.
	ErrVersionExists = errors.New("store: bundle version already published with other contents")
	// ErrBadCommit means a Commit's fields are out of range.
	ErrBadCommit = errors.New("store: invalid commit")
)

// redisAPI is the part of go-redis the store uses.
type redisAPI interface {
	redis.Scripter
	Get(ctx context.Context, key string) *redis.StringCmd
	SetNX(ctx context.Context, key string, value any, expiration time.Duration) *redis.BoolCmd
	Del(ctx context.Context, keys ...string) *redis.IntCmd
	LRange(ctx context.Context, key string, start, stop int64) *redis.StringSliceCmd
	LLen(ctx context.Context, key string) *redis.IntCmd
	LTrim(ctx context.Context, key string, start, stop int64) *redis.StatusCmd
	SAdd(ctx context.Context, key string, members ...any) *redis.IntCmd
	SRem(ctx context.Context, key string, members ...any) *redis.IntCmd
	SMembers(ctx context.Context, key string) *redis.StringSliceCmd
	ZRange(ctx context.Context, key string, start, stop int64) *redis.StringSliceCmd
	ZAdd(ctx context.Context, key string, members ...redis.Z) *redis.IntCmd
	ZRem(ctx context.Context, key string, members ...any) *redis.IntCmd
	ZRevRangeWithScores(ctx context.Context, key string, start, stop int64) *redis.ZSliceCmd
	ZRangeWithScores(ctx context.Context, key string, start, stop int64) *redis.ZSliceCmd
	ZRemRangeByScore(ctx context.Context, key, min, max string) *redis.IntCmd
	HGetAll(ctx context.Context, key string) *redis.MapStringStringCmd
	Pipeline() redis.Pipeliner
	Watch(ctx context.Context, fn func(*redis.Tx) error, keys ...string) error
}

var _ redisAPI = (redis.UniversalClient)(nil)

// Store keeps kapbot's data in Redis. It is safe for concurrent use; the
// caller owns the Redis client and closes it after the last use.
type Store struct {
	rdb        redisAPI
	prefix     string
	sealer     *seal.Sealer
	retention  time.Duration
	now        func() time.Time
	seenWindow int
	// indexed remembers when this process last wrote a patient's activity
	// time to the patients index (patient -> time.Time), so that a busy
	// conversation updates it once a minute (or a thousandth of the
	// retention, if shorter), not with every message.
	indexed sync.Map
	writes  writeQueue // group commit of commits and acks (batch.go)
	namer   *pseudo.Namer
	// named remembers the keys of the patients used recently (keys);
	// namedCount counts its entries.
	named      atomic.Pointer[sync.Map]
	namedCount atomic.Int64

	// markFirst sets a patient's pending mark before a commit that adds
	// outbox jobs, as well as after it: on a Redis Cluster the commit's
	// pipeline sends the script and the mark to their nodes at once, in no
	// order, and a process killed between the two would leave the jobs
	// unmarked (not redelivered) until the patient's next commit.
	markFirst bool

	// multi sends the commits of a pipeline as one multiCommitScript call
	// (batch.go): on a single node, not on a Redis Cluster.
	multi       atomic.Bool
	multiScript string // multiCommitScript; tests change it

	// watched sends the commits of a pipeline without a script on a
	// single node (watch.go): WATCH and a read of the patients' sessions
	// and windows, then their writes in one MULTI/EXEC. single is the
	// client it borrows a connection of.
	watched atomic.Bool
	single  *redis.Client
	// betweenWatch, when set (tests), runs between the read and the
	// transaction of a watched group commit.
	betweenWatch func()
	// lastWrites remembers, by session key, the watched path's last
	// commit of recent patients (watch.go); only the flusher uses it.
	lastWrites map[string]*lastWrite
	// scratch is the watched path's memory for a transaction, reused.
	scratch scratch

	// ms is the last retention a commit used, with its milliseconds as
	// the text the watched path sends (retentionText).
	ms atomic.Pointer[retentionMS]
}

type retentionMS struct {
	d    time.Duration
	text any
}

// retentionText returns d's milliseconds as text, boxed, as a command's
// argument: made once per retention rather than once per commit.
func (s *Store) retentionText(d time.Duration) any {
	if r := s.ms.Load(); r != nil && r.d == d {
		return r.text
	}
	r := &retentionMS{d: d, text: strconv.FormatInt(d.Milliseconds(), 10)}
	s.ms.Store(r)
	return r.text
}

// indexEvery is how stale a patient's activity time in the index may get.
const indexEvery = time.Minute

// Option configures a Store.
type Option func(*Store)

// WithRetention sets how long a patient's data is kept after their last
// commit (default 90 days); 0 keeps it until erased.
func WithRetention(d time.Duration) Option {
	return func(s *Store) { s.retention = max(d, 0) }
}

// WithNamer sets how patients are named in keys and indexes (default
// pseudo.Default()). Every process sharing the data must use the same.
func WithNamer(n *pseudo.Namer) Option { return func(s *Store) { s.namer = n } }

// WithClock sets the clock used for activity, inbound-id and publish times
// (default time.Now).
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// WithSeenWindow sets how many applied inbound ids are remembered per
// patient for de-duplication (default 32, at least 1); ids older than
// SeenMaxAge are forgotten too.
func WithSeenWindow(n int) Option { return func(s *Store) { s.seenWindow = max(n, 1) } }

// New returns a store that keeps its keys under prefix in c and seals patient
// data with sealer.
func New(c redis.UniversalClient, prefix string, sealer *seal.Sealer, opts ...Option) *Store {
	s := newStore(c, prefix, sealer, opts...)
	_, s.markFirst = c.(*redis.ClusterClient)
	single, ok := c.(*redis.Client) // one node, or Sentinel's current master
	s.multi.Store(ok)
	if ok {
		s.single = single
		s.watched.Store(true)
	}
	return s
}

func newStore(c redisAPI, prefix string, sealer *seal.Sealer, opts ...Option) *Store {
	s := &Store{
		rdb:        c,
		prefix:     prefix,
		sealer:     sealer,
		retention:  DefaultRetention,
		now:        time.Now,
		seenWindow: DefaultSeenWindow,
		namer:      pseudo.Default(),
	}
	for _, o := range opts {
		o(s)
	}
	s.named.Store(new(sync.Map))
	s.multiScript = multiCommitScript
	return s
}

// patientKeys are the keys of one patient.
type patientKeys struct {
	pseudonym                            string
	session, seen, outbox, records, name string
	// oldSeen is the zset of applied ids kept before the window string
	// (seen); the commit script reads it into seen and removes it.
	oldSeen string
	// The unreadable session, outbox and history, set aside (SetAside).
	asideSession, asideOutbox, asideRecords string
	// script is scriptKeys, and mark the command that marks the patient
	// pending (markArgs), made once for the keys the store remembers
	// (keys); nil otherwise.
	script, mark []any
}

// markArgs returns the command (SADD) that marks the patient of k pending.
func (s *Store) markArgs(k patientKeys) []any {
	if k.mark != nil {
		return k.mark
	}
	return []any{"sadd", s.pendingShard(k.pseudonym), k.pseudonym}
}

// scriptKeys lists the keys as all does, as the arguments of a command.
func (k patientKeys) scriptKeys() []any {
	return []any{k.session, k.seen, k.outbox, k.records, k.name, k.oldSeen}
}

// all lists the keys in the order the commit script expects them.
func (k patientKeys) all() []string {
	return []string{k.session, k.seen, k.outbox, k.records, k.name, k.oldSeen}
}

// keys returns the keys of a patient. The patients this process used
// recently are remembered (naming one costs an HMAC, and the commit's hot
// path names the patient of every message), up to maxNamed of them.
func (s *Store) keys(patient string) patientKeys {
	m := s.named.Load()
	if k, ok := m.Load(patient); ok {
		return *k.(*patientKeys)
	}
	k := s.keysOf(s.namer.Name(patient))
	k.script = k.scriptKeys()
	k.mark = s.markArgs(k)
	if s.namedCount.Add(1) > maxNamed {
		// Forget them all rather than keep an order: a busy patient is
		// named again at their next message.
		m = new(sync.Map)
		s.named.Store(m)
		s.namedCount.Store(1)
	}
	m.Store(patient, &k)
	return k
}

// maxNamed bounds the patients whose keys a store remembers.
const maxNamed = 100_000

// keysOf returns the keys of the patient with a pseudonym. They are
// slices of one string: one allocation instead of one per key (the
// commit's hot path computes them for every message).
func (s *Store) keysOf(pseudonym string) patientKeys {
	base := s.prefix + ":u:{" + pseudonym + "}:"
	suffixes := [...]string{"n", "s", "d", "i", "o", "r", "us", "uo", "ur"}
	var b strings.Builder
	b.Grow(len(suffixes)*len(base) + 12)
	var ends [len(suffixes)]int
	for i, x := range suffixes {
		b.WriteString(base)
		b.WriteString(x)
		ends[i] = b.Len()
	}
	all := b.String()
	key := func(i int) string {
		if i == 0 {
			return all[:ends[0]]
		}
		return all[ends[i-1]:ends[i]]
	}
	return patientKeys{
		pseudonym: pseudonym,
		name:      key(0),
		session:   key(1),
		seen:      key(2),
		oldSeen:   key(3),
		outbox:    key(4),
		records:   key(5),

		asideSession: key(6),
		asideOutbox:  key(7),
		asideRecords: key(8),
	}
}

func (s *Store) patientsKey() string       { return s.prefix + ":patients" }
func (s *Store) pendingKey() string        { return s.prefix + ":pending" }
func (s *Store) lockKey(key string) string { return s.prefix + ":lock:" + key }

// redisErr turns redis.Nil into ErrNotFound and wraps other errors with what
// the store was doing. It is the one place where redis.Nil is looked at.
func redisErr(op string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, redis.Nil):
		return ErrNotFound
	default:
		return fmt.Errorf("store: %s: %w", op, err)
	}
}

// open decrypts sealed data stored under key.
func (s *Store) open(what, key string, sealed []byte) ([]byte, error) {
	p, err := s.sealer.Open(sealed, []byte(key))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w: %w", what, ErrUnreadable, err)
	}
	return p, nil
}

func millis(t time.Time) float64 { return float64(t.UnixMilli()) }
