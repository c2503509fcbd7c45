package redisconn

import "testing"

// The slots Redis's own CLUSTER KEYSLOT gives (and the CRC16 check value of
// the Redis Cluster specification: "123456789" -> 0x31C3).
func TestSlot(t *testing.T) {
	for key, want := range map[string]int{
		"123456789":            0x31C3 % 16384,
		"foo":                  12182,
		"{user1000}.following": Slot("user1000"),
		"foo{}{bar}":           Slot("foo{}{bar}"), // an empty tag: the whole key
		"foo{{bar}}zap":        Slot("{bar"),
		"foo{bar}{zap}":        Slot("bar"),
		"kapbot:u:{abc}:s":     Slot("abc"),
	} {
		if got := Slot(key); got != want {
			t.Errorf("Slot(%q) = %d, want %d", key, got, want)
		}
	}
	if Slot("foo{}{bar}") == Slot("bar") {
		t.Error("an empty first tag must not fall through to the second")
	}
}
