// Package seal encrypts patient data at rest with AES-256-GCM.
//
// A sealed blob is
//
//	version 2 (1 byte) | key id (4 bytes) | nonce (12 bytes) | ciphertext | GCM tag (16 bytes)
//
// The version byte names the format; the key id names the key that sealed
// the blob (the first 4 bytes of SHA-256("kapbot key id" || key): it says
// which key, and nothing about the key), so Open picks the key without
// trying each one, and key rotation can tell which blobs still use an old
// key (Stale). Both are authenticated together with the caller's
// additional data (AAD). Callers pass as AAD the place a blob is stored
// under (its Redis key), so a blob copied to another patient's key does not
// open. Blobs of format 1 (no key id) written by earlier versions are still
// opened, by trying every key; Stale reports them, so rotation rewrites
// them.
package seal

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// KeySize is the length of a data key in bytes (AES-256).
const KeySize = 32

// Formats: 1 (read only) has no key id, 2 (written) has one.
const (
	formatV1 byte = 1
	formatV2 byte = 2
)

const (
	nonceSize = 12
	tagSize   = 16
	idSize    = 4
	// Overhead is the number of bytes Seal adds to the plaintext.
	Overhead = 1 + idSize + nonceSize + tagSize
	// overheadV1 is what format 1 added.
	overheadV1 = 1 + nonceSize + tagSize
)

// Errors returned by this package.
var (
	// ErrKeySize means a key is not exactly KeySize bytes long.
	ErrKeySize = errors.New("seal: key must be 32 bytes")
	// ErrKeyFormat means a key string is neither base64 nor hex of 32 bytes.
	// Its message names the setting KAPBOT_DATA_KEY and how to make a key;
	// it never contains the value.
	ErrKeyFormat = errors.New("KAPBOT_DATA_KEY must be 32 random bytes written as base64 or as 64 hex characters; make one with: openssl rand -base64 32")
	// ErrWeakKey means a key has the right length but is not random: all
	// one byte, a simple pattern, or text (a passphrase). Its message says
	// how to make a key; it never contains the value.
	ErrWeakKey = errors.New("KAPBOT_DATA_KEY is not a random key (it is a repeated byte, a pattern or text such as a passphrase); make one with: openssl rand -base64 32")
	// ErrDecrypt means a blob could not be opened: it was damaged, sealed
	// with another key, or sealed for other additional data. It carries no
	// details on purpose.
	ErrDecrypt = errors.New("seal: cannot decrypt")
)

// Sealer seals and opens blobs with one current key and optionally older
// keys that are still accepted by Open (key rotation). A Sealer is safe for
// concurrent use.
type Sealer struct {
	current sealKey
	old     []sealKey
}

// sealKey is one key with its id.
type sealKey struct {
	id   [idSize]byte
	aead cipher.AEAD
}

// New returns a Sealer that seals with key and opens blobs sealed with key or
// with any of the previous keys (newest first), for rotation: deploy the new
// key with the old one as previous, and data is re-sealed with the new key as
// it is written again. Every key must be exactly KeySize bytes, else New
// returns an error wrapping ErrKeySize. The Sealer does not keep the slices.
func New(key []byte, previous ...[]byte) (*Sealer, error) {
	cur, err := newKey(key)
	if err != nil {
		return nil, err
	}
	s := &Sealer{current: cur}
	for i, k := range previous {
		a, err := newKey(k)
		if err != nil {
			return nil, fmt.Errorf("previous key %d: %w", i+1, err)
		}
		if a.id == cur.id {
			continue // the current key given again as previous
		}
		s.old = append(s.old, a)
	}
	return s, nil
}

// GenerateKey returns a new random data key and its text in base64, one
// that ParseKey accepts: a random key written as base64 has only letters
// about once in 7,000, and ParseKey refuses that as a passphrase, so such a
// draw is made again.
func GenerateKey() (key []byte, text string) {
	for {
		key = make([]byte, KeySize)
		rand.Read(key) // never returns an error (crypto/rand, Go 1.24+)
		text = base64.StdEncoding.EncodeToString(key)
		if checkKey(key, text) == nil {
			return key, text
		}
	}
}

// ParseKeyFile is ParseKey for the key file kapbot writes when no key is
// set: the key itself is checked, but not whether its text is letters only
// (older versions wrote a random key without that check, and ParseKey would
// refuse about one in 7,000 of them, locking their data away).
func ParseKeyFile(s string) ([]byte, error) {
	k, err := ParseKey(s)
	if errors.Is(err, ErrWeakKey) && checkKey(k, "") == nil {
		return k, nil
	}
	return k, err
}

// NewRandom returns a Sealer with a fresh random key that is never shown.
// Data sealed with it is lost when the process ends: it is for demos and
// tests only.
func NewRandom() *Sealer {
	key := make([]byte, KeySize)
	rand.Read(key) // never returns an error (crypto/rand, Go 1.24+)
	s, err := New(key)
	if err != nil {
		panic(err) // unreachable: the key has the right size
	}
	clear(key)
	return s
}

func newKey(key []byte) (sealKey, error) {
	if len(key) != KeySize {
		return sealKey{}, ErrKeySize
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return sealKey{}, fmt.Errorf("seal: %w", err)
	}
	a, err := cipher.NewGCM(block)
	if err != nil {
		return sealKey{}, fmt.Errorf("seal: %w", err)
	}
	k := sealKey{aead: a}
	copy(k.id[:], KeyID(key))
	return k, nil
}

// KeyID returns the id that names key in blob headers: the first 4 bytes
// of SHA-256("kapbot key id" || key). It reveals nothing useful about the
// key.
func KeyID(key []byte) []byte {
	h := sha256.New()
	h.Write([]byte("kapbot key id"))
	h.Write(key)
	return h.Sum(nil)[:idSize]
}

// Previous returns how many previous keys the sealer accepts.
func (s *Sealer) Previous() int { return len(s.old) }

// ParsePreviousKey decodes a previous data key like ParseKey, without
// refusing a weak one: rotating away from a weak key needs it.
func ParsePreviousKey(s string) ([]byte, error) {
	k, err := ParseKey(s)
	if errors.Is(err, ErrWeakKey) {
		return k, nil
	}
	return k, err
}

// ParseKey decodes a data key written as base64 (standard or URL alphabet,
// with or without padding) or as 64 hex characters; surrounding white space
// is ignored. It returns an error wrapping ErrKeyFormat when s is not such a
// key of exactly KeySize bytes, and ErrWeakKey when the key is not random
// (see checkKey); the error never contains s.
func ParseKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, fmt.Errorf("%w (it is empty)", ErrKeyFormat)
	}
	if len(s) == 2*KeySize {
		if k, err := hex.DecodeString(s); err == nil {
			return k, checkKey(k, s)
		}
	}
	got := -1
	for _, enc := range []*base64.Encoding{
		base64.StdEncoding, base64.RawStdEncoding,
		base64.URLEncoding, base64.RawURLEncoding,
	} {
		k, err := enc.DecodeString(s)
		if err != nil {
			continue
		}
		if len(k) == KeySize {
			return k, checkKey(k, s)
		}
		got = len(k)
	}
	if got >= 0 {
		return nil, fmt.Errorf("%w (it decodes to %d bytes)", ErrKeyFormat, got)
	}
	return nil, ErrKeyFormat
}

// checkKey refuses a 32-byte key that is plainly not random: few distinct
// bytes (all zero, a repeated byte or pair), a constant step (0, 1, 2...),
// or printable ASCII throughout (a passphrase written as base64 or hex).
// text is the key as written: a base64 key with no digit and no '+', '/',
// '-' or '_' is refused too, since it is letters only, like a passphrase
// (a random key is refused by chance about once in 7,000; GenerateKey
// draws again then). An empty text skips that check.
func checkKey(key []byte, text string) error {
	distinct := map[byte]bool{}
	printable, step := true, true
	for i, b := range key {
		distinct[b] = true
		if b < 0x20 || b > 0x7e {
			printable = false
		}
		if i > 1 && b-key[i-1] != key[1]-key[0] {
			step = false
		}
	}
	if len(distinct) < KeySize/2 || step || printable {
		return ErrWeakKey
	}
	if text != "" && len(text) != 2*KeySize && !strings.ContainsAny(text, "0123456789+/-_") {
		return ErrWeakKey
	}
	return nil
}

// Seal encrypts plain for the additional data aad with the current key and
// returns a new blob of len(plain)+Overhead bytes. aad is not stored; Open
// needs the same aad.
func (s *Sealer) Seal(plain, aad []byte) []byte {
	return s.AppendSeal(make([]byte, 0, len(plain)+Overhead), plain, aad)
}

// AppendSeal appends what Seal returns to dst and returns the extended
// slice, so a caller can put a prefix of its own before the blob without
// copying it. plain must not overlap dst.
func (s *Sealer) AppendSeal(dst, plain, aad []byte) []byte {
	const head = 1 + idSize + nonceSize
	dst = slices.Grow(dst, len(plain)+Overhead)
	start := len(dst)
	dst = dst[:start+head]
	out := dst[start:]
	out[0] = formatV2
	copy(out[1:1+idSize], s.current.id[:])
	readNonce(out[1+idSize : head])
	ad := additional(out[:1+idSize], aad)
	dst = s.current.aead.Seal(dst, out[1+idSize:head], plain, *ad)
	ads.Put(ad)
	return dst
}

// nonceSource hands out random bytes for nonces from a buffer filled by
// crypto/rand, so that a seal costs a system call only once in a few
// hundred. Every byte is handed out once: nonces stay random and unique
// as if each were read from crypto/rand itself.
type nonceSource struct {
	buf  [4096]byte
	used int
}

// nonces holds the nonce buffers, one per seal at a time: seals on
// several cores do not wait for each other's lock. A buffer dropped by
// the pool holds only bytes never handed out.
var nonces = sync.Pool{New: func() any { return &nonceSource{used: 4096} }}

// readNonce fills p with random bytes never handed out before.
func readNonce(p []byte) {
	n := nonces.Get().(*nonceSource)
	n.read(p)
	nonces.Put(n)
}

func (n *nonceSource) read(p []byte) {
	if n.used+len(p) > len(n.buf) {
		rand.Read(n.buf[:]) // never returns an error (crypto/rand, Go 1.24+)
		n.used = 0
	}
	copy(p, n.buf[n.used:])
	clear(n.buf[n.used : n.used+len(p)]) // nothing handed out stays in memory
	n.used += len(p)
}

// Open decrypts a blob made by Seal with the same aad, with the key its
// header names (the current key or a previous one); a blob of format 1 is
// tried with every key. It returns ErrDecrypt, and nothing else, when the
// blob is damaged, of an unknown format, or sealed with another key or aad.
// The result does not alias sealed.
func (s *Sealer) Open(sealed, aad []byte) ([]byte, error) {
	switch {
	case len(sealed) >= Overhead && sealed[0] == formatV2:
		k := s.key(sealed[1 : 1+idSize])
		if k == nil {
			return nil, ErrDecrypt
		}
		const head = 1 + idSize + nonceSize
		ad := additional(sealed[:1+idSize], aad)
		p, err := k.aead.Open(nil, sealed[1+idSize:head], sealed[head:], *ad)
		ads.Put(ad)
		if err != nil {
			return nil, ErrDecrypt
		}
		return p, nil
	case len(sealed) >= overheadV1 && sealed[0] == formatV1:
		nonce, body := sealed[1:1+nonceSize], sealed[1+nonceSize:]
		ad := additional(sealed[:1], aad)
		defer ads.Put(ad)
		for _, k := range s.keys() {
			if p, err := k.aead.Open(nil, nonce, body, *ad); err == nil {
				return p, nil
			}
		}
	}
	return nil, ErrDecrypt
}

// key returns the key with id, or nil.
func (s *Sealer) key(id []byte) *sealKey {
	if string(id) == string(s.current.id[:]) {
		return &s.current
	}
	for i := range s.old {
		if string(id) == string(s.old[i].id[:]) {
			return &s.old[i]
		}
	}
	return nil
}

func (s *Sealer) keys() []sealKey { return append([]sealKey{s.current}, s.old...) }

// Stale reports whether a blob is not sealed with the current key: it
// names another key, or is of format 1 (key rotation rewrites both). It
// does not open the blob: a damaged blob naming the current key is not
// stale.
func (s *Sealer) Stale(sealed []byte) bool {
	if len(sealed) >= Overhead && sealed[0] == formatV2 {
		return string(sealed[1:1+idSize]) != string(s.current.id[:])
	}
	return true
}

// Known reports whether a blob names a key this sealer has (current or
// previous). A blob of format 1 is known when one of the keys opens it with
// aad; aad is not needed for format 2.
func (s *Sealer) Known(sealed, aad []byte) bool {
	if len(sealed) >= Overhead && sealed[0] == formatV2 {
		return s.key(sealed[1:1+idSize]) != nil
	}
	_, err := s.Open(sealed, aad)
	return err == nil
}

// Reseal opens a blob with any known key and seals it again with the
// current key, for key rotation. It returns ErrDecrypt when it does not
// open.
func (s *Sealer) Reseal(sealed, aad []byte) ([]byte, error) {
	p, err := s.Open(sealed, aad)
	if err != nil {
		return nil, err
	}
	return s.Seal(p, aad), nil
}

// additional binds the blob's header (version, and key id) to the caller's
// aad, in a buffer of ads: give it back once used.
func additional(header []byte, aad []byte) *[]byte {
	ad := ads.Get().(*[]byte)
	*ad = append(append((*ad)[:0], header...), aad...)
	return ad
}

// ads reuses the buffers of additional data: every seal and open needs one.
var ads = sync.Pool{New: func() any { return new([]byte) }}

// CurrentID returns the current key's id in hex.
func (s *Sealer) CurrentID() string { return hex.EncodeToString(s.current.id[:]) }
