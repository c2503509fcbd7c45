// Package backoff is the one retry schedule of kapbot's channels and
// workers: waits that double from a first one up to a longest, with jitter,
// so that the clients that failed together do not all retry together.
package backoff

import (
	"context"
	"math/rand/v2"
	"time"
)

// Policy is a retry schedule. The zero Jitter means DefaultJitter.
type Policy struct {
	First   time.Duration // the wait before the first retry, before jitter
	Longest time.Duration // the cap of the doubling; below First means First
	// Jitter is the random part of each wait, 0 to 1: a wait d is drawn
	// uniformly from [d*(1-Jitter), d]. Use NoJitter for none.
	Jitter float64
}

// DefaultJitter is the jitter of a Policy that sets none: waits between
// half and all of the doubled wait.
const DefaultJitter = 0.5

// NoJitter turns jitter off (tests that count waits).
const NoJitter = -1

// Delay returns the wait before retry n (1 for the first retry): First
// doubled n-1 times, capped at Longest, then jittered. It is never negative.
func (p Policy) Delay(n int) time.Duration {
	d := p.First
	if d <= 0 {
		return 0
	}
	longest := max(p.Longest, d)
	for i := 1; i < n && d < longest; i++ {
		d *= 2
	}
	d = min(d, longest)
	j := p.Jitter
	switch {
	case j == 0:
		j = DefaultJitter
	case j < 0:
		return d
	case j > 1:
		j = 1
	}
	span := time.Duration(float64(d) * j)
	return d - span + rand.N(span+1)
}

// Sleep waits d, or less when ctx ends first; it then returns ctx's error.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
