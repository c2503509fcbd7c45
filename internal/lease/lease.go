// Package lease elects one process among several to do a job that must not
// run twice at once, such as polling Telegram's getUpdates or holding the
// Discord gateway: a Redis key taken with SET NX PX and a random token,
// renewed while the job runs, released when it ends, and taken over by a
// waiting process once it expires after its holder died.
//
// A lease makes the job run in one place at a time; it is not a fence. A
// holder that cannot renew in time stops its job before the key expires
// (at 4/5 of the TTL after the last renewal was sent), so another process
// starts it only afterwards, but a holder frozen in the middle of a write
// may still finish that write later: the jobs it guards must stay safe when
// done twice (kapbot's commits refuse a replayed update).
package lease

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

// Client is the part of go-redis a lease uses; redis.UniversalClient
// implements it.
type Client interface {
	redis.Scripter
	SetNX(ctx context.Context, key string, value any, expiration time.Duration) *redis.BoolCmd
}

var _ Client = (redis.UniversalClient)(nil)

// MinTTL and MaxTTL bound a lease's TTL.
const (
	MinTTL = 500 * time.Millisecond
	MaxTTL = 10 * time.Minute
)

// ErrTTL means New was given a TTL outside MinTTL..MaxTTL.
var ErrTTL = fmt.Errorf("lease: ttl must be between %v and %v", MinTTL, MaxTTL)

// renewScript extends the lease only while it still holds the caller's
// token; releaseScript deletes it only then.
var (
	renewScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`)
	releaseScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`)
)

// Lease is one named lease. Its methods are safe for concurrent use, but a
// process runs one Run per lease at a time.
type Lease struct {
	rdb   Client
	key   string
	ttl   time.Duration
	log   *slog.Logger
	retry time.Duration // how often a waiting process tries to take the lease
	held  atomic.Bool
}

// Option tunes a Lease.
type Option func(*Lease)

// WithLogger logs acquisitions, losses and Redis failures to log (default
// slog.Default()). Lines carry the key, never a token.
func WithLogger(log *slog.Logger) Option { return func(l *Lease) { l.log = log } }

// New returns the lease on Redis key key with the given TTL: a holder that
// dies is replaced about ttl after its last renewal. It does no I/O and
// returns ErrTTL for a TTL out of bounds.
func New(rdb Client, key string, ttl time.Duration, opts ...Option) (*Lease, error) {
	if ttl < MinTTL || ttl > MaxTTL {
		return nil, ErrTTL
	}
	l := &Lease{rdb: rdb, key: key, ttl: ttl, log: slog.Default(), retry: min(max(ttl/5, 50*time.Millisecond), time.Second)}
	for _, o := range opts {
		o(l)
	}
	return l, nil
}

// Held reports whether this process holds the lease now.
func (l *Lease) Held() bool { return l.held.Load() }

// margin is how long before the key's expiry a holder that could not renew
// gives up: the key is still there, so no other process has started yet.
func (l *Lease) margin() time.Duration { return l.ttl / 5 }

// Run waits until it holds the lease (its key then holds
// "host:pid:random", naming the holder), then runs fn with a context that ends
// when ctx ends or the lease is lost (a renewal found another token, or
// none succeeded in time); fn must return soon after. While fn runs the
// lease is renewed every third of the TTL. When fn returns on its own the
// lease is released and Run returns fn's error; when the lease was lost,
// Run waits to take it again and runs fn again. When ctx ends Run waits for
// fn, releases the lease and returns nil. Redis failures while waiting are
// logged and retried.
func (l *Lease) Run(ctx context.Context, fn func(ctx context.Context) error) error {
	for {
		token, valid, ok := l.acquire(ctx)
		if !ok {
			return nil
		}
		lost, err := l.hold(ctx, token, valid, fn)
		if !lost || ctx.Err() != nil {
			return err
		}
	}
}

// acquire takes the lease, retrying until ctx ends (ok false). It returns
// the token and until when the lease is surely held.
func (l *Lease) acquire(ctx context.Context) (token string, valid time.Time, ok bool) {
	token = holderID()
	failing := false
	for {
		start := time.Now()
		got, err := l.rdb.SetNX(ctx, l.key, token, l.ttl).Result()
		switch {
		case err == nil && got:
			l.held.Store(true)
			l.log.Info("lease acquired", "lease", l.key)
			return token, start.Add(l.ttl - l.margin()), true
		case err != nil && ctx.Err() == nil && !failing:
			failing = true
			l.log.Warn("lease: Redis failed; retrying", "lease", l.key, "err", err)
		case err == nil:
			failing = false
		}
		select {
		case <-ctx.Done():
			return "", time.Time{}, false
		case <-time.After(l.retry):
		}
	}
}

// holderID returns a new token: the host name and process id, for an
// operator asking Redis which replica holds the lease, and 16 random bytes.
func holderID() string {
	b := make([]byte, 16)
	rand.Read(b)
	host, _ := os.Hostname()
	return fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(b))
}

// errLost ends fn's context when the lease is lost.
var errLost = errors.New("lease lost")

// hold runs fn while renewing the lease (token, held until valid). It
// reports whether the lease was lost, and returns fn's error (nil when ctx
// ended or the lease was lost).
func (l *Lease) hold(ctx context.Context, token string, valid time.Time, fn func(context.Context) error) (lost bool, err error) {
	fctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	done := make(chan error, 1)
	go func() { done <- fn(fctx) }()
	stop := func(cause error) error {
		l.held.Store(false) // before fn sees its context end
		cancel(cause)
		return <-done
	}
	every := l.ttl / 3
	wait := every
	for {
		select {
		case err := <-done:
			l.held.Store(false)
			l.release(ctx, token)
			return false, err
		case <-ctx.Done():
			stop(ctx.Err())
			l.release(ctx, token)
			return false, nil
		case <-time.After(min(wait, time.Until(valid))):
		}
		if !time.Now().Before(valid) {
			stop(errLost)
			l.log.Warn("lease lost: not renewed in time; another process may take over", "lease", l.key)
			return true, nil
		}
		rctx, rcancel := context.WithDeadline(ctx, valid)
		start := time.Now()
		n, err := renewScript.Run(rctx, l.rdb, []string{l.key}, token, l.ttl.Milliseconds()).Int()
		rcancel()
		switch {
		case err == nil && n == 1:
			valid, wait = start.Add(l.ttl-l.margin()), every
		case err == nil:
			stop(errLost)
			l.log.Warn("lease lost: another process holds it", "lease", l.key)
			return true, nil
		case ctx.Err() == nil:
			// Try again soon; the lease still holds until valid.
			wait = max(every/4, 10*time.Millisecond)
			l.log.Warn("lease: renewal failed; retrying", "lease", l.key, "err", err)
		}
	}
}

// release deletes the lease if it still holds token, so that a waiting
// process takes over at once; it is bounded by a few seconds whatever ctx.
func (l *Lease) release(ctx context.Context, token string) {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 3*time.Second)
	defer cancel()
	if err := releaseScript.Run(rctx, l.rdb, []string{l.key}, token).Err(); err != nil {
		l.log.Warn("lease: release failed; it expires by itself", "lease", l.key, "err", err)
		return
	}
	l.log.Info("lease released", "lease", l.key)
}
