package backoff

import (
	"context"
	"testing"
	"time"
)

func TestDelayDoublesUpToTheCap(t *testing.T) {
	p := Policy{First: 100 * time.Millisecond, Longest: time.Second, Jitter: NoJitter}
	want := []time.Duration{100, 200, 400, 800, 1000, 1000}
	for i, w := range want {
		if got := p.Delay(i + 1); got != w*time.Millisecond {
			t.Errorf("Delay(%d) = %v, want %v", i+1, got, w*time.Millisecond)
		}
	}
	if got := (Policy{First: time.Second, Longest: time.Millisecond, Jitter: NoJitter}).Delay(3); got != time.Second {
		t.Errorf("a cap below First: Delay = %v, want First", got)
	}
	if got := (Policy{}).Delay(1); got != 0 {
		t.Errorf("zero policy: %v", got)
	}
}

func TestDelayJitters(t *testing.T) {
	p := Policy{First: time.Second, Longest: time.Second} // default jitter: [0.5 s, 1 s]
	seen := map[time.Duration]bool{}
	for range 200 {
		d := p.Delay(1)
		if d < 500*time.Millisecond || d > time.Second {
			t.Fatalf("Delay = %v, outside [500ms, 1s]", d)
		}
		seen[d] = true
	}
	if len(seen) < 100 {
		t.Errorf("only %d different waits in 200: not jittered", len(seen))
	}
	q := Policy{First: time.Second, Jitter: 0.2}
	for range 200 {
		if d := q.Delay(1); d < 800*time.Millisecond || d > time.Second {
			t.Fatalf("Jitter 0.2: Delay = %v, outside [800ms, 1s]", d)
		}
	}
}

func TestSleepEndsWithTheContext(t *testing.T) {
	if err := Sleep(context.Background(), time.Millisecond); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Sleep(ctx, time.Hour); err != context.Canceled {
		t.Fatalf("Sleep after cancel = %v", err)
	}
}
