package store

import (
	"context"
	"strings"
	"testing"
	"time"
)

// A pause names a chat: the stored member is sealed, never the chat id.
func TestPauseMembersSealed(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := f.store.SetPause(ctx, "tg:7312094856", f.store.now().Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	members, err := f.client.ZRange(ctx, f.store.pausesKey(), 0, -1).Result()
	if err != nil || len(members) != 1 {
		t.Fatalf("members %q, %v", members, err)
	}
	if strings.Contains(members[0], "7312094856") {
		t.Fatal("the pause member holds the chat id")
	}
	ps, err := f.store.Pauses(ctx)
	if err != nil || ps["tg:7312094856"].IsZero() {
		t.Fatalf("Pauses = %v, %v", ps, err)
	}
}
