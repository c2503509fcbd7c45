// Package redistest gives tests a Redis to talk to and a key prefix of their
// own, so that tests run in parallel against one server.
//
// New picks the server in this order:
//
//  0. KAPBOT_TEST_REDIS_CLUSTER, when set: a Redis Cluster at these
//     comma-separated addresses (.ci/redis-cluster starts one);
//  1. REDIS_URL, when set (redis://host:port/db);
//  2. a redis-server found on PATH, started once per test binary on a free
//     loopback port, without persistence;
//  3. otherwise an in-process miniredis per test, unless KAPBOT_REQUIRE_REDIS=1
//     is set (CI sets it), in which case the test fails.
//
// Use Main in TestMain to stop the started redis-server when the tests end;
// without it the server is killed when the test process exits (Linux) or
// exits by itself.
package redistest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/redisconn"
)

// Environment variables read by this package.
const (
	EnvURL     = "REDIS_URL"
	EnvRequire = "KAPBOT_REQUIRE_REDIS"
	EnvCluster = "KAPBOT_TEST_REDIS_CLUSTER"
)

// Kinds of server returned by Kind.
const (
	KindCluster   = "cluster"
	KindURL       = "REDIS_URL"
	KindServer    = "redis-server"
	KindMiniredis = "miniredis"
	KindNone      = "none" // KAPBOT_REQUIRE_REDIS=1 and no real Redis: New fails
)

var (
	kindOnce sync.Once
	kind     string

	minis  sync.Map // redis.UniversalClient -> *miniredis.Miniredis
	checks sync.Map // redis.UniversalClient -> *slotCheck
)

// connect returns a client for url as redisconn makes it; what names the
// URL's source in an error, never the URL, which may hold a password.
func connect(t testing.TB, url, what string) redis.UniversalClient {
	t.Helper()
	opt, err := redisconn.Parse(url)
	if err != nil {
		t.Fatalf("redistest: %s is not a valid Redis URL", what)
	}
	return opt.Client()
}

// Kind says which Redis New uses, for log lines: "cluster", "REDIS_URL",
// "redis-server", "miniredis", or "none" when KAPBOT_REQUIRE_REDIS=1 is set
// and no real Redis is available.
func Kind() string {
	kindOnce.Do(func() { kind = choose(os.Getenv, exec.LookPath) })
	return kind
}

// choose decides the kind of server from the environment.
func choose(getenv func(string) string, lookPath func(string) (string, error)) string {
	switch {
	case getenv(EnvCluster) != "":
		return KindCluster
	case getenv(EnvURL) != "":
		return KindURL
	case func() bool { _, err := lookPath("redis-server"); return err == nil }():
		return KindServer
	case getenv(EnvRequire) == "1":
		return KindNone
	default:
		return KindMiniredis
	}
}

// New returns a client for the test's Redis and a key prefix "test:<random>"
// that no other call returns. The client checks that every script's keys,
// and every transaction's, lie in one Redis Cluster hash slot, also on a
// single node, and the test fails at its end naming each that does not. The test must keep its keys under the prefix
// (the prefix itself or keys starting with it). When the test ends the
// client is closed and, on a real server, every key matching prefix+"*" is
// deleted. New fails the test when no Redis can be reached.
func New(t testing.TB) (client redis.UniversalClient, prefix string) {
	t.Helper()
	prefix = "test:" + randomHex(8)
	// Clients of a real Redis are made by package redisconn from a URL,
	// with the options kapbot's own clients get (its protocol, for one);
	// miniredis gets go-redis's defaults.
	switch k := Kind(); k {
	case KindCluster:
		client = connect(t, "redis+cluster://"+os.Getenv(EnvCluster), EnvCluster)
	case KindURL:
		client = connect(t, os.Getenv(EnvURL), EnvURL)
	case KindServer:
		addr, err := sharedServer()
		if err != nil {
			t.Fatalf("redistest: start redis-server: %v", err)
		}
		client = connect(t, "redis://"+addr, "redis-server")
	case KindMiniredis:
		m := miniredis.RunT(t)
		client = redis.NewClient(&redis.Options{Addr: m.Addr()})
		minis.Store(client, m)
	default:
		t.Fatalf("redistest: %s=1 but REDIS_URL is unset and no redis-server is on PATH; install redis-server (apt-get install redis-server) or set REDIS_URL", EnvRequire)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := client.Ping(ctx).Err(); err != nil {
		client.Close()
		t.Fatalf("redistest: %s: ping: %v", Kind(), err)
	}
	slots := &slotCheck{}
	client.AddHook(slots)
	checks.Store(client, slots)
	t.Cleanup(func() {
		defer client.Close()
		defer checks.Delete(client)
		for _, p := range slots.problems() {
			t.Errorf("redistest: %s", p)
		}
		if _, ok := minis.LoadAndDelete(client); ok {
			return // the miniredis goes away with the test
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := deletePrefix(ctx, client, prefix); err != nil {
			t.Errorf("redistest: delete keys of %s: %v", prefix, err)
		}
	})
	return client, prefix
}

// FastForward lets d pass for the keys' TTLs of client's server: on
// miniredis, which does not expire keys by itself, it moves its clock; on a
// real server it sleeps for d.
func FastForward(t testing.TB, client redis.UniversalClient, d time.Duration) {
	t.Helper()
	if m, ok := minis.Load(client); ok {
		m.(*miniredis.Miniredis).FastForward(d)
		return
	}
	time.Sleep(d)
}

// deletePrefix deletes every key matching prefix+"*" with SCAN and DEL, on
// every master of a cluster.
func deletePrefix(ctx context.Context, c redis.UniversalClient, prefix string) error {
	return scanEach(ctx, c, prefix+"*", func(node redis.Cmdable, keys []string) error {
		// One node's keys lie in many slots: delete them one by one,
		// in a pipeline.
		pipe := node.Pipeline()
		for _, k := range keys {
			pipe.Unlink(ctx, k)
		}
		_, err := pipe.Exec(ctx)
		return err
	})
}

// scanEach calls fn with the keys matching match of each master.
func scanEach(ctx context.Context, c redis.UniversalClient, match string, fn func(node redis.Cmdable, keys []string) error) error {
	each := func(ctx context.Context, node redis.Cmdable) error {
		iter := node.Scan(ctx, 0, match, 1000).Iterator()
		var batch []string
		for iter.Next(ctx) {
			batch = append(batch, iter.Val())
			if len(batch) >= 500 {
				if err := fn(node, batch); err != nil {
					return err
				}
				batch = batch[:0]
			}
		}
		if err := iter.Err(); err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		return fn(node, batch)
	}
	if cc, ok := c.(*redis.ClusterClient); ok {
		return cc.ForEachMaster(ctx, func(ctx context.Context, node *redis.Client) error { return each(ctx, node) })
	}
	return each(ctx, c)
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Main runs the tests of m, stops the redis-server that New may have started,
// and exits with the tests' status. Call it from TestMain:
//
//	func TestMain(m *testing.M) { redistest.Main(m) }
func Main(m *testing.M) {
	code := m.Run()
	stopServer()
	os.Exit(code)
}

// Keys returns the keys matching pattern on every master of c (KEYS sees
// one node of a cluster only), for tests.
func Keys(ctx context.Context, c redis.UniversalClient, pattern string) ([]string, error) {
	var out []string
	var mu sync.Mutex
	err := scanEach(ctx, c, pattern, func(_ redis.Cmdable, keys []string) error {
		mu.Lock()
		defer mu.Unlock()
		out = append(out, keys...)
		return nil
	})
	return out, err
}

// Value returns the whole value of key as text, whatever its type (string,
// list, hash, set, sorted set with scores, stream), in a stable order where
// the type has one. Unlike DUMP it works on miniredis too, and it shows a
// string as stored rather than in RDB's compressed form, so a test can look
// for plaintext in it. A missing key gives "".
func Value(ctx context.Context, c redis.UniversalClient, key string) (string, error) {
	typ, err := c.Type(ctx, key).Result()
	if err != nil {
		return "", err
	}
	var parts []string
	switch typ {
	case "none":
		return "", nil
	case "string":
		return c.Get(ctx, key).Result()
	case "list":
		parts, err = c.LRange(ctx, key, 0, -1).Result()
	case "hash":
		var m map[string]string
		m, err = c.HGetAll(ctx, key).Result()
		for k, v := range m {
			parts = append(parts, k+"="+v)
		}
		sort.Strings(parts)
	case "set":
		parts, err = c.SMembers(ctx, key).Result()
		sort.Strings(parts)
	case "zset":
		var zs []redis.Z
		zs, err = c.ZRangeWithScores(ctx, key, 0, -1).Result()
		for _, z := range zs {
			parts = append(parts, fmt.Sprintf("%v=%v", z.Member, z.Score))
		}
	case "stream":
		var xs []redis.XMessage
		xs, err = c.XRange(ctx, key, "-", "+").Result()
		for _, x := range xs {
			fields := make([]string, 0, len(x.Values))
			for k, v := range x.Values {
				fields = append(fields, fmt.Sprintf("%s=%v", k, v))
			}
			sort.Strings(fields)
			parts = append(parts, x.ID+" "+strings.Join(fields, " "))
		}
	default:
		return "", fmt.Errorf("redistest.Value: key %s has type %s", key, typ)
	}
	return typ + ":" + strings.Join(parts, "\x00"), err
}
