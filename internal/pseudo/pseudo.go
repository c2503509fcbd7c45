// Package pseudo names patients without their platform ids: a keyed
// pseudonym, HMAC-SHA256 of the channel-qualified id ("tg:<chat id>") under
// an id key, cut to 80 bits and written as 20 hex characters. Redis key
// names, index sets, log lines, the audit log and webhook events use it;
// the raw id lives only inside sealed values.
//
// The id key must never change while data named with it exists, or every
// patient would get a new name: it is not the data key (which rotates) but
// KAPBOT_ID_KEY when set, else a random key generated once and stored in
// Redis sealed with the data key (<prefix>:idkey; key rotation re-seals it
// like any other value, so it survives rotation).
package pseudo

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/seal"
)

// KeySize is the length of an id key in bytes.
const KeySize = 32

// Namer computes pseudonyms. It is safe for concurrent use.
type Namer struct {
	key  []byte
	macs sync.Pool // of *mac, reset after each use
}

// mac is a keyed HMAC-SHA256 state and a buffer for its input.
type mac struct {
	hash.Hash
	in []byte
}

// New returns a namer with key (KeySize bytes, else an error).
func New(key []byte) (*Namer, error) {
	if len(key) != KeySize {
		return nil, fmt.Errorf("pseudo: id key must be %d bytes", KeySize)
	}
	return &Namer{key: append([]byte(nil), key...)}, nil
}

// NewRandom returns a namer with a fresh random key, for tests and for
// processes that keep nothing (the demo).
func NewRandom() *Namer {
	k := make([]byte, KeySize)
	rand.Read(k)
	return &Namer{key: k}
}

// Name returns the pseudonym of a patient id: 20 hex characters.
func (n *Namer) Name(patient string) string {
	return hex.EncodeToString(n.Sum("patient", patient)[:10])
}

// LogID returns how logs name a patient: the channel and the pseudonym
// ("tg:3f2a9c1d..."). The channel says nothing about the person.
func (n *Namer) LogID(patient string) string {
	ch, _, _ := strings.Cut(patient, ":")
	return ch + ":" + n.Name(patient)
}

// Sum returns the keyed hash of s in a domain (so that one input hashed for
// two purposes gives unrelated results).
func (n *Namer) Sum(domain, s string) []byte {
	m, _ := n.macs.Get().(*mac)
	if m == nil {
		m = &mac{Hash: hmac.New(sha256.New, n.key)} // keying costs more than hashing a short id
	}
	m.in = append(append(append(m.in[:0], domain...), 0), s...)
	m.Write(m.in)
	clear(m.in) // the input may be a platform id: the pooled buffer keeps no copy
	sum := m.Sum(make([]byte, 0, sha256.Size))
	m.Reset()
	n.macs.Put(m)
	return sum
}

var def atomic.Pointer[Namer]

func init() { def.Store(NewRandom()) }

// Default returns the process's namer: the one set with SetDefault, else a
// random one made at start (names then differ between processes, which is
// fine for tests and throwaway stores only).
func Default() *Namer { return def.Load() }

// SetDefault makes n the process's namer (for log lines and the audit log).
func SetDefault(n *Namer) { def.Store(n) }

// Key returns the Redis key holding the sealed id key under prefix.
func Key(prefix string) string { return prefix + ":idkey" }

// ErrIDKey means the stored id key cannot be opened with the data key.
var ErrIDKey = errors.New("the pseudonym key stored in Redis does not open with KAPBOT_DATA_KEY or KAPBOT_DATA_KEY_PREVIOUS: set the data key it was sealed with")

// Load returns the namer of the data under prefix: with key (KAPBOT_ID_KEY)
// when not nil; else the id key stored in Redis, sealed with sealer, created
// (random) when there is none. It returns ErrIDKey (wrapped) when the stored
// key does not open, or a wrapped Redis error.
func Load(ctx context.Context, c redis.UniversalClient, prefix string, sealer *seal.Sealer, key []byte) (*Namer, error) {
	if key != nil {
		return New(key)
	}
	k := Key(prefix)
	fresh := make([]byte, KeySize)
	rand.Read(fresh)
	if err := c.SetNX(ctx, k, sealer.Seal(fresh, []byte(k)), 0).Err(); err != nil {
		return nil, fmt.Errorf("pseudonym key: %w", err)
	}
	raw, err := c.Get(ctx, k).Bytes()
	if err != nil {
		return nil, fmt.Errorf("pseudonym key: %w", err)
	}
	idKey, err := sealer.Open(raw, []byte(k))
	if err != nil {
		return nil, fmt.Errorf("%w (%s)", ErrIDKey, k)
	}
	return New(idKey)
}
