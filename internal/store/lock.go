package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// ErrBadTTL means a lock was asked for with a TTL under one millisecond.
var ErrBadTTL = errors.New("store: lock ttl must be at least 1ms")

// unlockScript deletes a lock only if it still holds the caller's token, so
// a holder whose lock expired cannot remove the next holder's lock.
var unlockScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`)

// unlockTimeout bounds the Redis call made by an unlock function.
const unlockTimeout = 5 * time.Second

// Lock takes the lock named key for at most ttl (SET NX PX with a random
// token). It returns ok false, and no error, when another holder has it. The
// unlock function releases the lock if this holder still has it; it may be
// called more than once and from any goroutine, and it does not block for
// longer than a few seconds. A holder that works for longer than ttl loses
// the lock without notice. Lock returns ErrBadTTL or a wrapped Redis error.
func (s *Store) Lock(ctx context.Context, key string, ttl time.Duration) (unlock func(), ok bool, err error) {
	if ttl < time.Millisecond {
		return nil, false, ErrBadTTL
	}
	lk, token, ok, err := s.take(ctx, key, ttl)
	if !ok || err != nil {
		return nil, false, err
	}
	var once sync.Once
	unlock = func() {
		once.Do(func() {
			uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), unlockTimeout)
			defer cancel()
			// An error leaves the lock to expire by its TTL.
			_ = unlockScript.Run(uctx, s.rdb, []string{lk}, token).Err()
		})
	}
	return unlock, true, nil
}

// keepScript extends a lock only while it still holds the caller's token.
var keepScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`)

// LockKept is Lock for a holder that may work for longer than ttl: while
// held, the lock is extended to ttl every third of ttl, so a holder that
// dies (SIGKILL) loses it within ttl and one that works for long keeps it.
// unlock stops the renewals and releases the lock. A renewal that fails
// (Redis unreachable for longer than ttl) lets the lock expire without
// notice, as with Lock.
func (s *Store) LockKept(ctx context.Context, key string, ttl time.Duration) (unlock func(), ok bool, err error) {
	if ttl < 3*time.Millisecond {
		return nil, false, ErrBadTTL
	}
	lk, token, ok, err := s.take(ctx, key, ttl)
	if !ok || err != nil {
		return nil, false, err
	}
	stop := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(ttl / 3)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
			}
			rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ttl/3)
			_ = keepScript.Run(rctx, s.rdb, []string{lk}, token, ttl.Milliseconds()).Err()
			cancel()
		}
	}()
	var once sync.Once
	unlock = func() {
		once.Do(func() {
			close(stop)
			<-stopped
			uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), unlockTimeout)
			defer cancel()
			_ = unlockScript.Run(uctx, s.rdb, []string{lk}, token).Err()
		})
	}
	return unlock, true, nil
}

// take sets lock key to a new random token for ttl unless it is set; it
// returns the lock's Redis key and the token, and ok false when another
// holder has it.
func (s *Store) take(ctx context.Context, key string, ttl time.Duration) (lk, token string, ok bool, err error) {
	b := make([]byte, 16)
	rand.Read(b)
	token = hex.EncodeToString(b)
	lk = s.lockKey(key)
	ok, err = s.rdb.SetNX(ctx, lk, token, ttl).Result()
	if err != nil {
		return "", "", false, redisErr("lock", err)
	}
	return lk, token, ok, nil
}
