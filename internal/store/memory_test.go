package store

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/redistest"
)

// maxSessionMemory is the memory goal for one patient's stored session. It
// was 2048 before pseudonyms: the sealed patient id (:n) adds about 170
// bytes.
const maxSessionMemory = 2240

// TestMemoryPerSession measures with MEMORY USAGE what one patient with a
// 1 KB state costs in Redis after a conversation long enough to fill the
// inbound-id window, with every outbox job delivered. History records grow
// with the answers given and are reported, not bounded.
func TestMemoryPerSession(t *testing.T) {
	if redistest.Kind() == redistest.KindMiniredis {
		t.Skip("miniredis has no MEMORY USAGE")
	}
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	const patient = "tg:123456789"
	state := make([]byte, 1024) // random: incompressible, like the sealed bytes
	rand.Read(state)

	v := int64(0)
	for i := range 2 * DefaultSeenWindow {
		out := mustCommit(t, f.store, patient, Commit{
			InboundID: fmt.Sprintf("tg:m:123456789:%d", 1000+i),
			Expect:    v,
			Data:      state,
			Outbox:    [][]byte{[]byte(`{"send":{"kind":"question","text":"..."}}`)},
		})
		v = out.Version
		if err := f.store.Ack(ctx, patient, 1); err != nil {
			t.Fatal(err)
		}
	}
	usage := func(key string) int64 {
		n, err := f.client.MemoryUsage(ctx, key).Result()
		if err != nil && !errors.Is(err, redis.Nil) { // Nil: no such key
			t.Fatalf("MEMORY USAGE: %v", err)
		}
		return n
	}
	k := f.store.keys(patient)
	total := int64(0)
	for _, key := range k.all() {
		n := usage(key)
		t.Logf("%-3s %5d bytes", key[len(key)-1:], n)
		total += n
	}
	t.Logf("session total: %d bytes (goal %d)", total, maxSessionMemory)
	if total > maxSessionMemory {
		t.Errorf("one session takes %d bytes of Redis memory, goal is at most %d", total, maxSessionMemory)
	}
	if n := (len(f.client.Get(ctx, k.seen).Val()) - 1) / 10; n != DefaultSeenWindow {
		t.Errorf("%d inbound ids remembered, want %d", n, DefaultSeenWindow)
	}

	// The history and the shared indexes, for the record.
	for range 5 {
		mustCommit(t, f.store, patient, Commit{Expect: v, Records: [][]byte{make([]byte, 200)}})
		v++
	}
	t.Logf("history with 5 records of 200 bytes: %d bytes", usage(k.records))
	t.Logf("patients index (1 patient): %d bytes", usage(f.store.patientsShard(k.pseudonym)))
}
