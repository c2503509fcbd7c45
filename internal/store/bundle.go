package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"
	"unicode"

	"github.com/redis/go-redis/v9"
)

// BundleInfo describes a published bundle version.
type BundleInfo struct {
	Version   string
	Published time.Time // when it was last made current
}

// maxVersionLen bounds a bundle version's length in bytes.
const maxVersionLen = 128

// The bundle keys share the hash tag {bundle}, so that Publish's
// transaction runs on one cluster slot.
func (s *Store) bundleKey(version string) string { return s.prefix + ":{bundle}:v:" + version }
func (s *Store) currentKey() string              { return s.prefix + ":{bundle}:current" }
func (s *Store) versionsKey() string             { return s.prefix + ":{bundle}:versions" }

func checkVersion(v string) error {
	if v == "" || len(v) > maxVersionLen {
		return ErrBadVersion
	}
	for _, r := range v {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == unicode.ReplacementChar {
			return ErrBadVersion
		}
	}
	return nil
}

// Publish stores a flow bundle (file name -> source) under version and makes
// it the current one, all or nothing. A published version is immutable:
// publishing a version again with the same sources only makes it current
// again (a rollback, or a retry), while other sources fail with
// ErrVersionExists and change nothing. Publish returns ErrBadVersion,
// ErrEmptyBundle, ErrVersionExists, or a wrapped Redis error.
func (s *Store) Publish(ctx context.Context, version string, sources map[string][]byte) error {
	if err := checkVersion(version); err != nil {
		return err
	}
	if len(sources) == 0 {
		return ErrEmptyBundle
	}
	key := s.bundleKey(version)
	fields := make([]any, 0, 2*len(sources))
	for _, name := range slices.Sorted(maps.Keys(sources)) {
		fields = append(fields, name, sources[name])
	}
	publish := func(tx *redis.Tx) error {
		stored, err := tx.HGetAll(ctx, key).Result()
		if err != nil {
			return err
		}
		if len(stored) > 0 && !sameSources(stored, sources) {
			return ErrVersionExists
		}
		_, err = tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
			if len(stored) == 0 {
				p.HSet(ctx, key, fields...)
			}
			p.Set(ctx, s.currentKey(), version, 0)
			p.ZAdd(ctx, s.versionsKey(), redis.Z{Score: millis(s.now()), Member: version})
			return nil
		})
		return err
	}
	// WATCH makes the check and the write one step: if another publisher
	// writes the same version in between, EXEC fails and we look again.
	for range 5 {
		err := s.rdb.Watch(ctx, publish, key)
		switch {
		case errors.Is(err, redis.TxFailedErr):
			continue
		case errors.Is(err, ErrVersionExists):
			return err
		default:
			return redisErr("publish", err)
		}
	}
	return fmt.Errorf("store: publish: %w", redis.TxFailedErr)
}

func sameSources(stored map[string]string, sources map[string][]byte) bool {
	if len(stored) != len(sources) {
		return false
	}
	for name, src := range sources {
		got, ok := stored[name]
		if !ok || got != string(src) {
			return false
		}
	}
	return true
}

// Current returns the version of the current bundle, or ErrNotFound when
// nothing is published; other errors are wrapped Redis errors.
func (s *Store) Current(ctx context.Context) (string, error) {
	v, err := s.rdb.Get(ctx, s.currentKey()).Result()
	if err != nil {
		return "", redisErr("current bundle", err)
	}
	return v, nil
}

// Bundle returns the sources of a published version (file name -> source).
// It returns ErrNotFound when the version was never published,
// ErrBadVersion, or a wrapped Redis error.
func (s *Store) Bundle(ctx context.Context, version string) (map[string][]byte, error) {
	if err := checkVersion(version); err != nil {
		return nil, err
	}
	stored, err := s.rdb.HGetAll(ctx, s.bundleKey(version)).Result()
	if err != nil {
		return nil, redisErr("bundle", err)
	}
	if len(stored) == 0 {
		return nil, ErrNotFound
	}
	out := make(map[string][]byte, len(stored))
	for name, src := range stored {
		out[name] = []byte(src)
	}
	return out, nil
}

// Bundles lists the published versions, the most recently published first.
// It returns a wrapped Redis error.
func (s *Store) Bundles(ctx context.Context) ([]BundleInfo, error) {
	zs, err := s.rdb.ZRevRangeWithScores(ctx, s.versionsKey(), 0, -1).Result()
	if err != nil {
		return nil, redisErr("bundles", err)
	}
	out := make([]BundleInfo, 0, len(zs))
	for _, z := range zs {
		v, _ := z.Member.(string)
		out = append(out, BundleInfo{Version: v, Published: time.UnixMilli(int64(z.Score))})
	}
	return out, nil
}
