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
	b := make([]byte, 16)
	rand.Read(b)
	token := hex.EncodeToString(b)
	lk := s.lockKey(key)
	ok, err = s.rdb.SetNX(ctx, lk, token, ttl).Result()
	if err != nil {
		return nil, false, redisErr("lock", err)
	}
	if !ok {
		return nil, false, nil
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
