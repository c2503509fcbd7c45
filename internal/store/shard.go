package store

import (
	"context"
	"hash/fnv"
	"slices"
	"strconv"

	"github.com/redis/go-redis/v9"
)

// The shared indexes of patients (patients, pending) are spread over
// IndexShards keys, each with its own hash tag, so that no key holds every
// patient and a Redis Cluster spreads them over its nodes:
//
//	<prefix>:patients:{patients-<n>}   zset  pseudonyms, scored by last activity (ms)
//	<prefix>:pending:{pending-<n>}     set   pseudonyms whose outbox may be non-empty
//
// A patient's shard is Shard(pseudonym, IndexShards). The unsharded keys
// of before (<prefix>:patients, <prefix>:pending) are still read, and
// emptied as their patients are erased, expire or are delivered to.

// IndexShards is the number of keys each patient index is spread over.
const IndexShards = 16

// Shard returns which of n shards a pseudonym (or any name) belongs to:
// FNV-1a of it, modulo n. Every process computes the same.
func Shard(name string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(name))
	return int(h.Sum32() % uint32(n))
}

// ShardKey names shard i of the index name under prefix:
// <prefix>:<name>:{<name>-<i>}.
func ShardKey(prefix, name string, i int) string {
	return prefix + ":" + name + ":{" + name + "-" + strconv.Itoa(i) + "}"
}

func (s *Store) patientsShard(pseudonym string) string {
	return ShardKey(s.prefix, "patients", Shard(pseudonym, IndexShards))
}

func (s *Store) pendingShard(pseudonym string) string {
	return ShardKey(s.prefix, "pending", Shard(pseudonym, IndexShards))
}

// indexKeys lists every shard of the index name, then its unsharded key of
// before.
func (s *Store) indexKeys(name string) []string {
	out := make([]string, 0, IndexShards+1)
	for i := range IndexShards {
		out = append(out, ShardKey(s.prefix, name, i))
	}
	return append(out, s.prefix+":"+name)
}

// activity returns every pseudonym of the patients index, least recently
// active first.
func (s *Store) activity(ctx context.Context) ([]string, error) {
	pipe := s.rdb.Pipeline()
	var cmds []*redis.ZSliceCmd
	for _, k := range s.indexKeys("patients") {
		cmds = append(cmds, pipe.ZRangeWithScores(ctx, k, 0, -1))
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return nil, err
	}
	latest := map[string]float64{}
	for _, c := range cmds {
		for _, z := range c.Val() {
			m, _ := z.Member.(string)
			if sc, ok := latest[m]; !ok || z.Score > sc {
				latest[m] = z.Score
			}
		}
	}
	names := make([]string, 0, len(latest))
	for m := range latest {
		names = append(names, m)
	}
	slices.SortFunc(names, func(a, b string) int {
		if latest[a] != latest[b] {
			if latest[a] < latest[b] {
				return -1
			}
			return 1
		}
		if a < b {
			return -1
		}
		if a > b {
			return 1
		}
		return 0
	})
	return names, nil
}
