package seal

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"sync"
	"testing"
)

func testKey(b byte) []byte { return bytes.Repeat([]byte{b}, KeySize) }

func mustNew(t *testing.T, key []byte, previous ...[]byte) *Sealer {
	t.Helper()
	s, err := New(key, previous...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

func TestRoundTrip(t *testing.T) {
	s := mustNew(t, testKey(1))
	for _, plain := range [][]byte{nil, {}, []byte("x"), bytes.Repeat([]byte("PHQ-9 answer "), 100)} {
		blob := s.Seal(plain, []byte("kapbot:p:{tg:1}:s"))
		if len(blob) != len(plain)+Overhead {
			t.Errorf("len(blob) = %d, want %d", len(blob), len(plain)+Overhead)
		}
		// A short plaintext can turn up in random bytes by chance; a long one cannot.
		if len(plain) >= 8 && bytes.Contains(blob, plain) {
			t.Errorf("blob contains the plaintext")
		}
		got, err := s.Open(blob, []byte("kapbot:p:{tg:1}:s"))
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		if !bytes.Equal(got, plain) {
			t.Errorf("Open = %q, want %q", got, plain)
		}
	}
}

func TestSealIsRandomized(t *testing.T) {
	s := mustNew(t, testKey(1))
	a, b := s.Seal([]byte("same"), nil), s.Seal([]byte("same"), nil)
	if bytes.Equal(a, b) {
		t.Fatal("two seals of the same plaintext are equal: nonce not random")
	}
}

func TestOpenFails(t *testing.T) {
	s := mustNew(t, testKey(1))
	aad := []byte("kapbot:p:{tg:1}:s")
	blob := s.Seal([]byte("I feel low"), aad)
	flip := func(i int) []byte {
		c := bytes.Clone(blob)
		c[i] ^= 0x01
		return c
	}
	tests := []struct {
		name   string
		sealer *Sealer
		blob   []byte
		aad    []byte
	}{
		{"wrong aad", s, blob, []byte("kapbot:p:{tg:2}:s")},
		{"nil aad", s, blob, nil},
		{"wrong key", mustNew(t, testKey(2)), blob, aad},
		{"version byte", s, flip(0), aad},
		{"key id", s, flip(1), aad},
		{"nonce", s, flip(1 + idSize), aad},
		{"ciphertext", s, flip(1 + idSize + nonceSize), aad},
		{"tag", s, flip(len(blob) - 1), aad},
		{"truncated", s, blob[:len(blob)-1], aad},
		{"too short", s, blob[:Overhead-1], aad},
		{"empty", s, nil, aad},
		{"appended", s, append(bytes.Clone(blob), 0), aad},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.sealer.Open(tt.blob, tt.aad)
			if err != ErrDecrypt { // exactly ErrDecrypt: no details
				t.Fatalf("Open err = %v, want ErrDecrypt", err)
			}
			if p != nil {
				t.Errorf("Open returned plaintext %q with an error", p)
			}
		})
	}
}

func TestRotation(t *testing.T) {
	oldS := mustNew(t, testKey(1))
	blob := oldS.Seal([]byte("answer"), []byte("k"))

	rotated := mustNew(t, testKey(2), testKey(1))
	got, err := rotated.Open(blob, []byte("k"))
	if err != nil || string(got) != "answer" {
		t.Fatalf("rotated Open of old blob = %q, %v", got, err)
	}
	// New blobs use the new key: the old sealer cannot read them.
	if _, err := oldS.Open(rotated.Seal([]byte("answer"), []byte("k")), []byte("k")); !errors.Is(err, ErrDecrypt) {
		t.Fatalf("old key opened a blob sealed after rotation: %v", err)
	}
	// Without the previous key the old blob does not open.
	if _, err := mustNew(t, testKey(2)).Open(blob, []byte("k")); !errors.Is(err, ErrDecrypt) {
		t.Fatalf("Open without previous key: %v", err)
	}
}

func TestNewKeySize(t *testing.T) {
	for _, n := range []int{0, 16, 24, 31, 33, 64} {
		if _, err := New(make([]byte, n)); !errors.Is(err, ErrKeySize) {
			t.Errorf("New(%d bytes) err = %v, want ErrKeySize", n, err)
		}
	}
	if _, err := New(testKey(1), make([]byte, 16)); !errors.Is(err, ErrKeySize) {
		t.Errorf("New with short previous key err = %v, want ErrKeySize", err)
	}
}

func TestNewRandom(t *testing.T) {
	a, b := NewRandom(), NewRandom()
	blob := a.Seal([]byte("x"), nil)
	if _, err := a.Open(blob, nil); err != nil {
		t.Fatalf("Open own blob: %v", err)
	}
	if _, err := b.Open(blob, nil); !errors.Is(err, ErrDecrypt) {
		t.Fatalf("another random sealer opened the blob: %v", err)
	}
}

func TestParseKey(t *testing.T) {
	key := make([]byte, KeySize)
	for i := range key {
		key[i] = byte(i*i*7 + 250) // includes bytes that make '+' '/' '-' '_' in base64
	}
	good := []struct{ name, s string }{
		{"std", base64.StdEncoding.EncodeToString(key)},
		{"std raw", base64.RawStdEncoding.EncodeToString(key)},
		{"url", base64.URLEncoding.EncodeToString(key)},
		{"url raw", base64.RawURLEncoding.EncodeToString(key)},
		{"hex", hex.EncodeToString(key)},
		{"HEX", strings.ToUpper(hex.EncodeToString(key))},
		{"spaces", "  " + base64.StdEncoding.EncodeToString(key) + "\n"},
	}
	for _, tt := range good {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseKey(tt.s)
			if err != nil {
				t.Fatalf("ParseKey: %v", err)
			}
			if !bytes.Equal(got, key) {
				t.Fatalf("ParseKey = %x, want %x", got, key)
			}
		})
	}

	secret := "c2VjcmV0LXNlY3JldC1zZWNyZXQ" // base64 of 20 bytes
	bad := []struct{ name, s string }{
		{"empty", ""},
		{"blank", "   "},
		{"short base64", secret},
		{"long base64", base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{0xff}, 48))},
		{"short hex", hex.EncodeToString(make([]byte, 16))},
		{"hex with junk", strings.Repeat("zz", KeySize)},
		{"passphrase", "correct horse battery staple!"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseKey(tt.s)
			if !errors.Is(err, ErrKeyFormat) {
				t.Fatalf("ParseKey err = %v, want ErrKeyFormat", err)
			}
			msg := err.Error()
			for _, want := range []string{"KAPBOT_DATA_KEY", "openssl rand -base64 32"} {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q does not mention %q", msg, want)
				}
			}
			if v := strings.TrimSpace(tt.s); len(v) > 3 && strings.Contains(msg, v) {
				t.Errorf("error echoes the key value: %q", msg)
			}
		})
	}
}

func TestWeakKeysRefused(t *testing.T) {
	random, _ := hex.DecodeString("8f2c61d0a93b47e5c21f0d6e9a7b3c58e4f1a2d07c9b6e3f5a18d4c2b7e90f63")
	if _, err := ParseKey(base64.StdEncoding.EncodeToString(random)); err != nil {
		t.Fatalf("a random key was refused: %v", err)
	}
	seq := make([]byte, KeySize)
	for i := range seq {
		seq[i] = byte(i)
	}
	weak := []struct{ name, s string }{
		{"all zero", base64.StdEncoding.EncodeToString(make([]byte, KeySize))},
		{"all zero hex", strings.Repeat("00", KeySize)},
		{"repeated byte", base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{0xa7}, KeySize))},
		{"repeated pair", hex.EncodeToString(bytes.Repeat([]byte{0x13, 0xf7}, KeySize/2))},
		{"sequence", base64.StdEncoding.EncodeToString(seq)},
		// 43 letters are valid unpadded base64 of 32 bytes.
		{"passphrase of 43 letters", "CorrectHorseBatteryStapleIsMyKapbotPassword"},
		{"base64 of ASCII text", base64.StdEncoding.EncodeToString([]byte("my clinic's secret passphrase!!!"))},
		{"hex of ASCII text", hex.EncodeToString([]byte("0123456789abcdef0123456789abcdef"))},
	}
	for _, tt := range weak {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseKey(tt.s)
			if !errors.Is(err, ErrWeakKey) {
				t.Fatalf("ParseKey err = %v, want ErrWeakKey", err)
			}
			if !strings.Contains(err.Error(), "openssl rand -base64 32") || strings.Contains(err.Error(), tt.s) {
				t.Errorf("error %q: want how to make a key, and not the value", err)
			}
		})
	}
}

func TestKeyIDAndStale(t *testing.T) {
	oldS := mustNew(t, testKey(1))
	cur := mustNew(t, testKey(2), testKey(1))
	aad := []byte("k")
	oldBlob := oldS.Seal([]byte("answer"), aad)
	if !bytes.Equal(oldBlob[1:1+idSize], KeyID(testKey(1))) {
		t.Fatalf("blob header key id = %x, want %x", oldBlob[1:1+idSize], KeyID(testKey(1)))
	}
	if !cur.Stale(oldBlob) || oldS.Stale(oldBlob) {
		t.Fatal("Stale: an old-key blob must be stale for the new sealer only")
	}
	if !cur.Known(oldBlob, aad) || mustNew(t, testKey(3)).Known(oldBlob, aad) {
		t.Fatal("Known: wrong answer for a previous and an unknown key")
	}
	fresh, err := cur.Reseal(oldBlob, aad)
	if err != nil {
		t.Fatal(err)
	}
	if cur.Stale(fresh) {
		t.Fatal("a resealed blob is still stale")
	}
	if _, err := oldS.Open(fresh, aad); !errors.Is(err, ErrDecrypt) {
		t.Fatal("the old key opens a resealed blob")
	}
	if got, err := mustNew(t, testKey(2)).Open(fresh, aad); err != nil || string(got) != "answer" {
		t.Fatalf("resealed blob = %q, %v", got, err)
	}
	if _, err := cur.Reseal(fresh[:len(fresh)-1], aad); !errors.Is(err, ErrDecrypt) {
		t.Fatalf("Reseal of a damaged blob: %v", err)
	}
}

// TestOpensFormatV1 keeps blobs written before key ids readable, and stale.
func TestOpensFormatV1(t *testing.T) {
	key := testKey(1)
	block, _ := aes.NewCipher(key)
	gcm, _ := cipher.NewGCM(block)
	nonce := bytes.Repeat([]byte{7}, nonceSize)
	v1 := gcm.Seal(append([]byte{formatV1}, nonce...), nonce, []byte("old answer"), append([]byte{formatV1}, 'k'))
	s := mustNew(t, testKey(2), key)
	got, err := s.Open(v1, []byte("k"))
	if err != nil || string(got) != "old answer" {
		t.Fatalf("Open(v1) = %q, %v", got, err)
	}
	if !s.Stale(v1) {
		t.Error("a format 1 blob is not stale")
	}
	if _, err := mustNew(t, testKey(2)).Open(v1, []byte("k")); !errors.Is(err, ErrDecrypt) {
		t.Error("v1 blob opened without its key")
	}
}

// Every key GenerateKey makes is accepted by ParseKey, however often it is
// drawn (a random key written as base64 is letters only about once in
// 7,000, which ParseKey takes for a passphrase). A key file holding such a
// key, written before GenerateKey existed, still opens; the same text as
// KAPBOT_DATA_KEY is refused, and a weak key in a file is refused too.
func TestGeneratedKeysAccepted(t *testing.T) {
	for range 30000 {
		key, text := GenerateKey()
		got, err := ParseKey(text)
		if err != nil || !bytes.Equal(got, key) {
			t.Fatalf("generated key refused: %v", err)
		}
	}
	var lettersOnly string
	for lettersOnly == "" {
		key := make([]byte, KeySize)
		rand.Read(key)
		if s := base64.StdEncoding.EncodeToString(key); !strings.ContainsAny(s, "0123456789+/") {
			lettersOnly = s
		}
	}
	if _, err := ParseKey(lettersOnly); !errors.Is(err, ErrWeakKey) {
		t.Fatalf("letters-only key as a setting: %v", err)
	}
	if _, err := ParseKeyFile(lettersOnly + "\n"); err != nil {
		t.Fatalf("letters-only random key in a key file: %v", err)
	}
	if _, err := ParseKeyFile(strings.Repeat("00", KeySize)); !errors.Is(err, ErrWeakKey) {
		t.Fatalf("weak key in a key file: %v", err)
	}
}

// Nonces read at once on several goroutines are never handed out twice,
// across buffer refills too.
func TestNoncesUniqueAcrossGoroutines(t *testing.T) {
	const workers, each = 8, 1500 // 1500 nonces span several 4096-byte buffers
	got := make([][][nonceSize]byte, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				var n [nonceSize]byte
				readNonce(n[:])
				got[w] = append(got[w], n)
			}
		}()
	}
	wg.Wait()
	seen := make(map[[nonceSize]byte]bool, workers*each)
	for _, ns := range got {
		for _, n := range ns {
			if n == ([nonceSize]byte{}) || seen[n] {
				t.Fatalf("nonce %x handed out twice or empty", n)
			}
			seen[n] = true
		}
	}
}
