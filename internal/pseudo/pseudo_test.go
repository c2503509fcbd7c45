package pseudo

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// Sum is HMAC-SHA256 under the id key of the domain, a zero byte and the
// input, the same on every call (its states and buffers are reused), and
// Name is the first 10 bytes of the "patient" sum in hex.
func TestSumIsKeyedHMAC(t *testing.T) {
	key := make([]byte, KeySize)
	for i := range key {
		key[i] = byte(i * 7)
	}
	n, err := New(key)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		for _, in := range []struct{ domain, s string }{{"patient", "tg:42"}, {"inbound", ""}, {"", "a longer id than the one before it, to grow the buffer"}, {"patient", "tg:4"}} {
			m := hmac.New(sha256.New, key)
			m.Write([]byte(in.domain + "\x00" + in.s))
			want := m.Sum(nil)
			if got := n.Sum(in.domain, in.s); !hmac.Equal(got, want) {
				t.Fatalf("Sum(%q, %q) = %x, want %x", in.domain, in.s, got, want)
			}
		}
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte("patient\x00tg:42"))
	if got, want := n.Name("tg:42"), hex.EncodeToString(m.Sum(nil)[:10]); got != want {
		t.Fatalf("Name = %s, want %s", got, want)
	}
	if got := n.LogID("tg:42"); got != "tg:"+n.Name("tg:42") {
		t.Fatalf("LogID = %s", got)
	}
}
