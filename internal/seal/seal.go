// Package seal encrypts patient data at rest with AES-256-GCM.
//
// A sealed blob is
//
//	version (1 byte) | nonce (12 bytes) | ciphertext | GCM tag (16 bytes)
//
// The version byte names the format so that keys and formats can change
// later; it is authenticated together with the caller's additional data
// (AAD). Callers pass as AAD the place a blob is stored under (its Redis key),
// so a blob copied to another patient's key does not open.
package seal

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// KeySize is the length of a data key in bytes (AES-256).
const KeySize = 32

// formatV1 is the only format written and read today.
const formatV1 byte = 1

const (
	nonceSize = 12
	tagSize   = 16
	// Overhead is the number of bytes Seal adds to the plaintext.
	Overhead = 1 + nonceSize + tagSize
)

// Errors returned by this package.
var (
	// ErrKeySize means a key is not exactly KeySize bytes long.
	ErrKeySize = errors.New("seal: key must be 32 bytes")
	// ErrKeyFormat means a key string is neither base64 nor hex of 32 bytes.
	// Its message names the setting KAPBOT_DATA_KEY and how to make a key;
	// it never contains the value.
	ErrKeyFormat = errors.New("KAPBOT_DATA_KEY must be 32 random bytes written as base64 or as 64 hex characters; make one with: openssl rand -base64 32")
	// ErrDecrypt means a blob could not be opened: it was damaged, sealed
	// with another key, or sealed for other additional data. It carries no
	// details on purpose.
	ErrDecrypt = errors.New("seal: cannot decrypt")
)

// Sealer seals and opens blobs with one current key and optionally older
// keys that are still accepted by Open (key rotation). A Sealer is safe for
// concurrent use.
type Sealer struct {
	current cipher.AEAD
	old     []cipher.AEAD
}

// New returns a Sealer that seals with key and opens blobs sealed with key or
// with any of the previous keys (newest first), for rotation: deploy the new
// key with the old one as previous, and data is re-sealed with the new key as
// it is written again. Every key must be exactly KeySize bytes, else New
// returns an error wrapping ErrKeySize. The Sealer does not keep the slices.
func New(key []byte, previous ...[]byte) (*Sealer, error) {
	cur, err := newAEAD(key)
	if err != nil {
		return nil, err
	}
	s := &Sealer{current: cur}
	for i, k := range previous {
		a, err := newAEAD(k)
		if err != nil {
			return nil, fmt.Errorf("previous key %d: %w", i+1, err)
		}
		s.old = append(s.old, a)
	}
	return s, nil
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

func newAEAD(key []byte) (cipher.AEAD, error) {
	if len(key) != KeySize {
		return nil, ErrKeySize
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	return cipher.NewGCM(block)
}

// ParseKey decodes a data key written as base64 (standard or URL alphabet,
// with or without padding) or as 64 hex characters; surrounding white space
// is ignored. It returns an error wrapping ErrKeyFormat when s is not such a
// key of exactly KeySize bytes; the error never contains s.
func ParseKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, fmt.Errorf("%w (it is empty)", ErrKeyFormat)
	}
	if len(s) == 2*KeySize {
		if k, err := hex.DecodeString(s); err == nil {
			return k, nil
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
			return k, nil
		}
		got = len(k)
	}
	if got >= 0 {
		return nil, fmt.Errorf("%w (it decodes to %d bytes)", ErrKeyFormat, got)
	}
	return nil, ErrKeyFormat
}

// Seal encrypts plain for the additional data aad with the current key and
// returns a new blob of len(plain)+Overhead bytes. aad is not stored; Open
// needs the same aad.
func (s *Sealer) Seal(plain, aad []byte) []byte {
	out := make([]byte, 1+nonceSize, 1+nonceSize+len(plain)+tagSize)
	out[0] = formatV1
	rand.Read(out[1 : 1+nonceSize])
	return s.current.Seal(out, out[1:1+nonceSize], plain, additional(formatV1, aad))
}

// Open decrypts a blob made by Seal with the same aad, trying the current key
// and then the previous ones. It returns ErrDecrypt, and nothing else, when
// the blob is damaged, of an unknown format, or sealed with another key or
// aad. The result does not alias sealed.
func (s *Sealer) Open(sealed, aad []byte) ([]byte, error) {
	if len(sealed) < Overhead || sealed[0] != formatV1 {
		return nil, ErrDecrypt
	}
	nonce, body := sealed[1:1+nonceSize], sealed[1+nonceSize:]
	ad := additional(sealed[0], aad)
	if p, err := s.current.Open(nil, nonce, body, ad); err == nil {
		return p, nil
	}
	for _, a := range s.old {
		if p, err := a.Open(nil, nonce, body, ad); err == nil {
			return p, nil
		}
	}
	return nil, ErrDecrypt
}

// additional binds the format version to the caller's aad.
func additional(version byte, aad []byte) []byte {
	ad := make([]byte, 0, 1+len(aad))
	ad = append(ad, version)
	return append(ad, aad...)
}
