package store

import (
	"context"
	"testing"
	"time"
)

// A pause is kept until it is over, only ever lengthened, and the set
// expires with its last pause.
func TestPauses(t *testing.T) {
	clk := newClock()
	f := newFixture(t, WithClock(clk.Now))
	ctx := context.Background()
	now := clk.Now()
	if err := f.store.SetPause(ctx, "tg:1", now.Add(3*time.Second)); err != nil {
		t.Fatal(err)
	}
	if err := f.store.SetPause(ctx, "tg:1", now.Add(time.Second)); err != nil { // shorter: ignored
		t.Fatal(err)
	}
	if err := f.store.SetPause(ctx, "tg:bot", now.Add(2*time.Second)); err != nil {
		t.Fatal(err)
	}
	if err := f.store.SetPause(ctx, "tg:2", now.Add(-time.Second)); err != nil { // over already
		t.Fatal(err)
	}
	got, err := f.store.Pauses(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !got["tg:1"].Equal(now.Add(3*time.Second)) || !got["tg:bot"].Equal(now.Add(2*time.Second)) {
		t.Fatalf("pauses %v", got)
	}
	ttl := f.client.PTTL(ctx, f.prefix+":pauses").Val()
	if ttl <= 0 {
		t.Fatalf("pauses never expire: PTTL %v", ttl)
	}
	clk.Add(2500 * time.Millisecond)
	got, err = f.store.Pauses(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got["tg:1"].IsZero() {
		t.Fatalf("after 2.5s: %v", got)
	}
}
