// Package ratelimit keeps a platform's bot-wide rate limit (Discord's global
// limit, Telegram's messages per second for the whole bot) for every process
// of the bot at once, through one Redis key per limit, so that several
// `kapbot serve` replicas together stay under it.
//
// A Limiter paces requests with GCRA (a token bucket of Rate per second and
// Burst), optionally also keeps at most Window requests in flight or ended
// within the last Period, and holds every request during the pause a 429
// asked for. All of it lives in one sorted set, updated by one Lua script
// per request on Redis's own clock, so the processes' clocks do not matter:
//
//	<key>   zset   "~tat"   -> GCRA's theoretical arrival time (ms)
//	               "~pause" -> end of the pause after a 429 (ms)
//	               <request id> -> when the request leaves the window (ms):
//	                           while in flight, its start plus InFlight;
//	                           once ended, its end plus Period
//
// Entries whose time has passed are removed by the next call, so a process
// killed with requests in flight holds their places for InFlight at most,
// and the set expires when idle. The key is one slot (it carries a hash
// tag), so a Redis Cluster or Sentinel serves it as a single node does.
//
// Beside it, "<key>:processes" (the same slot) holds the processes that took
// a request within the last minute. When Redis does not answer within
// Timeout, the Limiter logs it once and keeps the limit in the process for
// Retry, then tries Redis again: sends go on. Alone, it keeps its share of
// the limit, the limit divided by the processes Redis last counted (all of
// it when it never reached Redis), so that replicas cut off from Redis
// together still stay under it. Log lines name the limit and the Redis
// error only.
package ratelimit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/backoff"
)

// Client is the part of go-redis a Limiter uses; redis.UniversalClient
// implements it.
type Client interface {
	redis.Scripter
}

var _ Client = (redis.UniversalClient)(nil)

// Config describes one limit.
type Config struct {
	// Name names the limit in log lines and metric labels
	// ("discord_global", "telegram_bot").
	Name string
	// Rate is the requests per second; Burst how many may go at once.
	Rate  float64
	Burst int
	// Window, when above 0, bounds the requests in flight or ended within
	// the last Period (default 1 s).
	Window int
	Period time.Duration
	// InFlight is how long a request that never reports its end counts as
	// in flight (default 5 s): the places a killed process held are free
	// again after it.
	InFlight time.Duration
	// Timeout bounds each Redis call (default 1 s); Retry is how long the
	// Limiter keeps the limit alone after Redis failed (default 2 s).
	Timeout time.Duration
	Retry   time.Duration
}

// Key returns the Redis key of the limit name under prefix, with a hash tag
// of its own: "<prefix>:limit:{limit-<name>}".
func Key(prefix, name string) string { return prefix + ":limit:{limit-" + name + "}" }

// Limiter is one bot-wide limit. Its methods may be called from any
// goroutine.
type Limiter struct {
	cfg   Config
	rdb   Client // nil: this process alone
	key   string
	id    string // this process's prefix of request ids
	seq   atomic.Uint64
	local *local
	log   *slog.Logger
	m     *Metrics

	mu        sync.Mutex
	downUntil time.Time // keep the limit alone until then
	down      bool      // logged as down
}

// Option tunes a Limiter.
type Option func(*Limiter)

// WithLogger sets the logger (default slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(x *Limiter) { x.log = l } }

// WithMetrics counts the Limiter's waits and fallbacks in m (nil: none).
func WithMetrics(m *Metrics) Option { return func(x *Limiter) { x.m = m } }

// New makes a Limiter that keeps cfg's limit in Redis under key, shared by
// every process that uses the same key and settings; with a nil rdb the
// limit is this process's alone. It does no I/O and returns an error for a
// Rate or Burst below or at 0.
func New(rdb Client, key string, cfg Config, opts ...Option) (*Limiter, error) {
	if cfg.Rate <= 0 || cfg.Burst <= 0 || cfg.Window < 0 {
		return nil, fmt.Errorf("ratelimit %s: rate and burst must be above 0", cfg.Name)
	}
	if cfg.Period <= 0 {
		cfg.Period = time.Second
	}
	if cfg.InFlight <= 0 {
		cfg.InFlight = 5 * time.Second
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = time.Second
	}
	if cfg.Retry <= 0 {
		cfg.Retry = 2 * time.Second
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	l := &Limiter{cfg: cfg, rdb: rdb, key: key, id: hex.EncodeToString(b[:]), local: newLocal(cfg), log: slog.Default()}
	for _, o := range opts {
		o(l)
	}
	return l, nil
}

// Shared reports whether the limit is kept in Redis (it may still be kept
// alone for a while when Redis failed).
func (l *Limiter) Shared() bool { return l.rdb != nil }

// Permit is one request let go by Wait. Call Done once the request ended
// (its answer or error came back).
type Permit struct {
	l  *Limiter
	id string // "" : taken from the local limit
}

// Done records the end of the request. It does not block.
func (p Permit) Done() {
	if p.l == nil {
		return
	}
	p.l.local.done()
	if p.id == "" || p.l.cfg.Window <= 0 {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), p.l.cfg.Timeout)
		defer cancel()
		// A failure leaves the request in flight until InFlight: safe.
		_ = doneScript.Run(ctx, p.l.rdb, []string{p.l.key}, p.id, ms(p.l.cfg.Period)).Err()
	}()
}

// Wait blocks until a request may go under the limit and returns its
// Permit, or returns ctx's error.
func (l *Limiter) Wait(ctx context.Context) (Permit, error) {
	start := time.Now()
	p, err := l.wait(ctx)
	if err == nil {
		l.m.waited(l.cfg.Name, time.Since(start))
	}
	return p, err
}

func (l *Limiter) wait(ctx context.Context) (Permit, error) {
	for l.sharing() {
		// The process's own pause holds too: Redis may not know it yet (a
		// Pause whose write failed or is still on its way).
		if err := l.local.sleepPause(ctx); err != nil {
			return Permit{}, err
		}
		id := l.id + ":" + strconv.FormatUint(l.seq.Add(1), 36)
		wait, err := l.take(ctx, id)
		if err != nil {
			if ctx.Err() != nil {
				return Permit{}, ctx.Err()
			}
			l.fail(err)
			break
		}
		l.up()
		if wait <= 0 {
			// Counted in the local limit as well, so that a fall back to
			// it knows the requests in flight and just sent.
			l.local.took()
			p := Permit{l: l, id: id}
			if time.Now().Before(l.local.pausedUntil()) {
				p.Done() // a pause came while asking: wait it out first
				continue
			}
			return p, nil
		}
		if err := backoff.Sleep(ctx, wait); err != nil {
			return Permit{}, err
		}
	}
	if err := l.local.wait(ctx); err != nil {
		return Permit{}, err
	}
	return Permit{l: l}, nil
}

// Pause makes every request of the limit, in every process, wait d from now:
// the retry_after of a 429 that limited the whole bot. Other processes see
// it with their next request. It does not block for long (Timeout at most).
func (l *Limiter) Pause(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	l.local.pause(time.Now().Add(d))
	l.m.paused(l.cfg.Name)
	if !l.sharing() {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), l.cfg.Timeout)
	defer cancel()
	if err := pauseScript.Run(ctx, l.rdb, []string{l.key}, ms(d)).Err(); err != nil {
		l.fail(err)
	}
}

// PausedUntil returns the end of the latest pause this process knows of:
// its own 429s', and those of other processes as their requests return
// them. The zero time means none.
func (l *Limiter) PausedUntil() time.Time { return l.local.pausedUntil() }

// Check reads the pause of the limit from Redis (another process's 429)
// and returns how long requests must still wait (0: they may go); it takes
// no request's place. Without Redis, or when Redis fails, it answers from
// what this process knows.
func (l *Limiter) Check(ctx context.Context) time.Duration {
	if l.sharing() {
		ctx, cancel := context.WithTimeout(ctx, l.cfg.Timeout)
		rest, err := checkScript.Run(ctx, l.rdb, []string{l.key}).Int64()
		cancel()
		switch {
		case err == nil:
			if rest > 0 {
				l.local.pause(time.Now().Add(time.Duration(rest) * time.Microsecond))
			}
		case ctx.Err() == nil:
			l.fail(err)
		}
	}
	return max(0, time.Until(l.local.pausedUntil()))
}

// take runs the script once: 0 when request id may go (and was counted),
// else how long to wait before asking again.
func (l *Limiter) take(ctx context.Context, id string) (time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, l.cfg.Timeout)
	defer cancel()
	res, err := takeScript.Run(ctx, l.rdb, []string{l.key, l.key + ":processes"}, id,
		ms(time.Duration(float64(time.Second)/l.cfg.Rate)), l.cfg.Burst, l.cfg.Window,
		ms(l.cfg.Period), ms(l.cfg.InFlight), ms(pollWindow(l.cfg.Period)), l.id, ms(processTTL)).Int64Slice()
	if err != nil {
		return 0, err
	}
	if len(res) != 3 {
		return 0, errors.New("unexpected answer of the limit script")
	}
	l.local.share(int(res[2]))
	if res[1] > 0 {
		l.local.pause(time.Now().Add(time.Duration(res[1]) * time.Microsecond))
	}
	return time.Duration(res[0]) * time.Microsecond, nil
}

// processTTL is how long a process that took no request still counts among
// those sharing the limit.
const processTTL = time.Minute

// pollWindow is how long a request waits before asking again while the
// window is full of requests in flight (one of them will end).
func pollWindow(period time.Duration) time.Duration { return max(time.Millisecond, period/100) }

// sharing reports whether to ask Redis now.
func (l *Limiter) sharing() bool {
	if l.rdb == nil {
		return false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return !time.Now().Before(l.downUntil)
}

// fail keeps the limit alone for Retry after Redis failed with err.
func (l *Limiter) fail(err error) {
	l.mu.Lock()
	l.downUntil = time.Now().Add(l.cfg.Retry)
	first := !l.down
	l.down = true
	l.mu.Unlock()
	if first {
		l.m.fellBack(l.cfg.Name, true)
		l.log.Warn("rate limit: Redis did not answer; keeping this process's share of the limit alone until it does", "limit", l.cfg.Name, "processes", l.local.processes(), "err", err)
	}
}

// up notes that Redis answered.
func (l *Limiter) up() {
	l.mu.Lock()
	was := l.down
	l.down = false
	l.mu.Unlock()
	if was {
		l.m.fellBack(l.cfg.Name, false)
		l.log.Info("rate limit: shared through Redis again", "limit", l.cfg.Name)
	}
}

// ms formats d in milliseconds with microseconds, for the scripts.
func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 3, 64)
}
