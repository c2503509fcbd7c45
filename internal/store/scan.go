package store

import (
	"context"
	"sync"

	"github.com/redis/go-redis/v9"
)

// ScanEach calls fn with every batch of keys matching match (a SCAN MATCH
// pattern; see GlobEscape) on every master of c: the one node, or each
// master of a Redis Cluster in turn, where SCAN sees only the node it is
// sent to. fn is never called concurrently; its error stops the scan and is
// returned. Keys added or removed during the scan may or may not be seen,
// as with SCAN. Other errors are Redis errors.
func ScanEach(ctx context.Context, c redis.UniversalClient, match string, count int64, fn func(keys []string) error) error {
	cc, ok := c.(*redis.ClusterClient)
	if !ok {
		return scanNode(ctx, c, match, count, fn)
	}
	var mu sync.Mutex // ForEachMaster runs the nodes concurrently
	return cc.ForEachMaster(ctx, func(ctx context.Context, node *redis.Client) error {
		return scanNode(ctx, node, match, count, func(keys []string) error {
			mu.Lock()
			defer mu.Unlock()
			return fn(keys)
		})
	})
}

func scanNode(ctx context.Context, c redis.Cmdable, match string, count int64, fn func([]string) error) error {
	var cursor uint64
	for {
		keys, next, err := c.Scan(ctx, cursor, match, count).Result()
		if err != nil {
			return err
		}
		if len(keys) > 0 {
			if err := fn(keys); err != nil {
				return err
			}
		}
		if cursor = next; cursor == 0 {
			return nil
		}
	}
}
