package ratelimit

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/kapbot/kapbot/internal/backoff"
)

// local is the limit kept by one process alone: a token bucket (Rate,
// Burst), at most Window requests in flight or ended within the last
// Period, and the pause after a 429. A Limiter uses it when it has no Redis,
// and while Redis does not answer.
//
// The rate alone does not keep a sliding-window bound: requests that took
// their tokens apart can reach the platform bunched (a stalled process, a
// slow network). Any requests that arrive within one Period were all in
// flight or ended less than a Period before the last of them started,
// whatever their delays, so counting both keeps every Period under Window.
type local struct {
	cfg   Config
	lim   *rate.Limiter
	mu    sync.Mutex
	n     int         // processes sharing the limit: this one keeps 1/n of it
	until time.Time   // end of the pause after a 429
	busy  int         // requests in flight
	ended []time.Time // when the requests of the last Period ended, oldest first
}

func newLocal(cfg Config) *local {
	return &local{cfg: cfg, lim: rate.NewLimiter(rate.Limit(cfg.Rate), cfg.Burst), n: 1}
}

// share makes the process keep 1/n of the limit (n < 1 counts as 1).
func (g *local) share(n int) {
	n = max(1, n)
	g.mu.Lock()
	defer g.mu.Unlock()
	if n == g.n {
		return
	}
	g.n = n
	g.lim.SetLimit(rate.Limit(g.cfg.Rate / float64(n)))
	g.lim.SetBurst(max(1, g.cfg.Burst/n))
}

// wait blocks until a request may go: after the pause, with a token, and,
// with a Window, with fewer than Window requests in flight or ended within
// the last Period. The caller calls done once the request has ended.
func (g *local) wait(ctx context.Context) error {
	if err := g.sleepPause(ctx); err != nil {
		return err
	}
	if err := g.lim.Wait(ctx); err != nil {
		return err
	}
	for {
		g.mu.Lock()
		now := time.Now()
		d := g.until.Sub(now)
		if d <= 0 {
			g.prune(now)
			if g.cfg.Window <= 0 || g.busy+len(g.ended) < max(1, g.cfg.Window/g.n) {
				g.busy++
				g.mu.Unlock()
				return nil
			}
			d = 10 * time.Millisecond // all in flight: one will end
			if len(g.ended) > 0 {
				d = g.ended[0].Add(g.cfg.Period).Sub(now)
			}
		}
		g.mu.Unlock()
		if err := backoff.Sleep(ctx, d); err != nil {
			return err
		}
	}
}

// sleepPause blocks until the pause has ended.
func (g *local) sleepPause(ctx context.Context) error {
	for {
		d := time.Until(g.pausedUntil())
		if d <= 0 {
			return nil
		}
		if err := backoff.Sleep(ctx, d); err != nil {
			return err
		}
	}
}

// took counts a request the shared limit let go: in flight, and its token
// taken when there is one (never a debt: the shared limit decided), so that
// while Redis does not answer the process does not add a burst and a window
// of its own to the requests it has just sent.
func (g *local) took() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.busy++
	g.lim.Allow()
}

// done records the end of a request that wait let go or took counted.
func (g *local) done() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.busy--
	if g.cfg.Window > 0 {
		now := time.Now()
		g.prune(now)
		g.ended = append(g.ended, now)
	}
}

// prune forgets the requests that ended a Period or more before now. The
// caller holds g.mu.
func (g *local) prune(now time.Time) {
	i := 0
	for i < len(g.ended) && now.Sub(g.ended[i]) >= g.cfg.Period {
		i++
	}
	g.ended = g.ended[i:]
}

// pause makes requests wait until until.
func (g *local) pause(until time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if until.After(g.until) {
		g.until = until
	}
}

// processes returns the n of share.
func (g *local) processes() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.n
}

func (g *local) pausedUntil() time.Time {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.until
}
