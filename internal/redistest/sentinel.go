package redistest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// SentinelSet is a Redis master with one replica, watched by one Sentinel
// under the master name "mymaster", all on free loopback ports and stopped
// when the test ends.
type SentinelSet struct {
	// URL is the REDIS_URL of the set: redis+sentinel://<sentinel>/mymaster.
	URL      string
	Sentinel string // the Sentinel's address
	servers  []*server
}

// StartSentinel starts a SentinelSet, or skips the test when no
// redis-server is on PATH (it fails instead under KAPBOT_REQUIRE_REDIS=1)
// and when the tests run against a cluster (KAPBOT_TEST_REDIS_CLUSTER).
func StartSentinel(t testing.TB) *SentinelSet {
	t.Helper()
	if Kind() == KindCluster {
		t.Skip("redistest: the Sentinel tests run in the single-node pass")
	}
	if k := Kind(); k != KindServer && k != KindURL {
		if os.Getenv(EnvRequire) == "1" {
			t.Fatalf("redistest: Sentinel needs redis-server on PATH")
		}
		t.Skip("redistest: Sentinel needs redis-server on PATH")
	}
	set := &SentinelSet{}
	t.Cleanup(func() {
		for _, s := range set.servers {
			s.stop()
		}
	})
	start := func(args ...string) *server {
		t.Helper()
		srv, err := startServer(args...)
		if err != nil {
			t.Fatalf("redistest: start redis-server: %v", err)
		}
		set.servers = append(set.servers, srv)
		return srv
	}
	master := start()
	host, port, _ := strings.Cut(master.addr, ":")
	start("--replicaof", host, port)
	conf := filepath.Join(t.TempDir(), "sentinel.conf")
	err := os.WriteFile(conf, []byte(fmt.Sprintf(
		"sentinel monitor mymaster %s %s 1\nsentinel down-after-milliseconds mymaster 1000\nsentinel failover-timeout mymaster 4000\n", host, port)), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	sentinel := start(conf, "--sentinel")
	set.Sentinel = sentinel.addr
	set.URL = "redis+sentinel://" + sentinel.addr + "/mymaster"
	// The Sentinel learns the replica from the master's INFO.
	set.waitFor(t, "the Sentinel to see the replica in sync", func(ctx context.Context, s *redis.SentinelClient) bool {
		reps, err := s.Replicas(ctx, "mymaster").Result()
		return err == nil && len(reps) == 1 && reps[0]["master-link-status"] == "ok" && !strings.Contains(reps[0]["flags"], "down")
	})
	return set
}

// Master returns the address of the master the Sentinel names now.
func (set *SentinelSet) Master(t testing.TB) string {
	t.Helper()
	s := redis.NewSentinelClient(&redis.Options{Addr: set.Sentinel})
	defer s.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	addr, err := s.GetMasterAddrByName(ctx, "mymaster").Result()
	if err != nil || len(addr) != 2 {
		t.Fatalf("redistest: master of mymaster: %v", err)
	}
	return addr[0] + ":" + addr[1]
}

// Failover promotes the replica, once it has every write of the master
// (a planned switch, as an operator would make it), and waits until the
// Sentinel names it and the old master follows it.
func (set *SentinelSet) Failover(t testing.TB) {
	t.Helper()
	old := set.Master(t)
	set.waitFor(t, "the replica to catch up", func(ctx context.Context, s *redis.SentinelClient) bool {
		m := redis.NewClient(&redis.Options{Addr: old})
		defer m.Close()
		info, err := m.Info(ctx, "replication").Result()
		if err != nil {
			return false
		}
		var master, replica string
		for _, l := range strings.Split(info, "\n") {
			l = strings.TrimSpace(l)
			if v, ok := strings.CutPrefix(l, "master_repl_offset:"); ok {
				master = v
			}
			if strings.HasPrefix(l, "slave0:") {
				for _, f := range strings.Split(l, ",") {
					if v, ok := strings.CutPrefix(f, "offset="); ok {
						replica = v
					}
				}
			}
		}
		return master != "" && master == replica
	})
	s := redis.NewSentinelClient(&redis.Options{Addr: set.Sentinel})
	err := s.Failover(context.Background(), "mymaster").Err()
	s.Close()
	if err != nil {
		t.Fatalf("redistest: SENTINEL FAILOVER: %v", err)
	}
	set.waitFor(t, "the replica to become master", func(ctx context.Context, s *redis.SentinelClient) bool {
		addr, err := s.GetMasterAddrByName(ctx, "mymaster").Result()
		if err != nil || len(addr) != 2 || addr[0]+":"+addr[1] == old {
			return false
		}
		m := redis.NewClient(&redis.Options{Addr: old})
		defer m.Close()
		info, err := m.Info(ctx, "replication").Result()
		return err == nil && strings.Contains(info, "role:slave")
	})
}

func (set *SentinelSet) waitFor(t testing.TB, what string, ok func(context.Context, *redis.SentinelClient) bool) {
	t.Helper()
	s := redis.NewSentinelClient(&redis.Options{Addr: set.Sentinel})
	defer s.Close()
	deadline := time.Now().Add(60 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		done := ok(ctx, s)
		cancel()
		if done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("redistest: waited a minute for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
