package redistest

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

func TestMain(m *testing.M) {
	if child := os.Getenv(envChild); child != "" && child != "new" {
		runChild(child) // exits
	}
	Main(m)
}

func TestChoose(t *testing.T) {
	found := func(string) (string, error) { return "/usr/bin/redis-server", nil }
	missing := func(string) (string, error) { return "", exec.ErrNotFound }
	tests := []struct {
		name string
		env  map[string]string
		look func(string) (string, error)
		want string
	}{
		{"cluster wins", map[string]string{EnvCluster: "127.0.0.1:7000,127.0.0.1:7001", EnvURL: "redis://x:6379"}, found, KindCluster},
		{"url wins", map[string]string{EnvURL: "redis://x:6379", EnvRequire: "1"}, found, KindURL},
		{"server on path", nil, found, KindServer},
		{"server and require", map[string]string{EnvRequire: "1"}, found, KindServer},
		{"fallback", nil, missing, KindMiniredis},
		{"require without redis", map[string]string{EnvRequire: "1"}, missing, KindNone},
		{"require not 1", map[string]string{EnvRequire: "0"}, missing, KindMiniredis},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := choose(func(k string) string { return tt.env[k] }, tt.look)
			if got != tt.want {
				t.Fatalf("choose = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNew(t *testing.T) {
	t.Logf("redis: %s", Kind())
	outer, outerPrefix := New(t)
	ctx := context.Background()

	var inner string
	t.Run("inner", func(t *testing.T) {
		c, prefix := New(t)
		inner = prefix
		if !strings.HasPrefix(prefix, "test:") || len(prefix) != len("test:")+16 {
			t.Fatalf("prefix = %q, want test:<16 hex>", prefix)
		}
		if prefix == outerPrefix {
			t.Fatalf("two calls returned the same prefix %q", prefix)
		}
		for _, k := range []string{prefix, prefix + ":a", prefix + ":b:{x}"} {
			if err := c.Set(ctx, k, "v", 0).Err(); err != nil {
				t.Fatalf("SET: %v", err)
			}
		}
		if got, err := c.Get(ctx, prefix+":a").Result(); err != nil || got != "v" {
			t.Fatalf("GET = %q, %v", got, err)
		}
	})
	if err := outer.Set(ctx, outerPrefix+":keep", "v", 0).Err(); err != nil {
		t.Fatal(err)
	}

	if Kind() == KindMiniredis {
		return // each test had its own server, gone now
	}
	// The inner test's keys are gone, ours are not.
	keys, err := Keys(ctx, outer, inner+"*")
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 0 {
		t.Fatalf("keys left after cleanup: %d", len(keys))
	}
	if n, _ := outer.Exists(ctx, outerPrefix+":keep").Result(); n != 1 {
		t.Fatal("cleanup of one test deleted another test's key")
	}
}

func TestCleanupManyKeys(t *testing.T) {
	if Kind() == KindMiniredis {
		t.Skip("miniredis: nothing to clean")
	}
	outer, _ := New(t)
	ctx := context.Background()
	var prefix string
	t.Run("inner", func(t *testing.T) {
		c, p := New(t)
		prefix = p
		pipe := c.Pipeline()
		for i := range 2500 { // more than one SCAN page and DEL batch
			pipe.Set(ctx, p+":"+string(rune('a'+i%26))+strings.Repeat("x", i%7)+":"+strconv.Itoa(i), "v", 0)
		}
		if _, err := pipe.Exec(ctx); err != nil {
			t.Fatal(err)
		}
	})
	if n, err := Keys(ctx, outer, prefix+"*"); err != nil || len(n) != 0 {
		t.Fatalf("left %d keys (err %v)", len(n), err)
	}
}

func TestFastForward(t *testing.T) {
	c, prefix := New(t)
	ctx := context.Background()
	if err := c.Set(ctx, prefix+":k", "v", 50*time.Millisecond).Err(); err != nil {
		t.Fatal(err)
	}
	FastForward(t, c, 120*time.Millisecond)
	if _, err := c.Get(ctx, prefix+":k").Result(); !errors.Is(err, redis.Nil) {
		t.Fatalf("GET after TTL: err = %v, want redis.Nil", err)
	}
}

// The tests below run this test binary again as a child with envChild set.
const envChild = "REDISTEST_CHILD"

func runChild(mode string) {
	switch mode {
	case "orphan": // start a server, print its address, exit without Main's cleanup
		addr, err := sharedServer()
		if err != nil {
			println("error:", err.Error())
			os.Exit(2)
		}
		os.Stdout.WriteString("addr " + addr + "\n")
		os.Exit(0)
	}
	os.Exit(3)
}

// TestChildNew runs only in a child: it calls New and reports the kind.
func TestChildNew(t *testing.T) {
	if os.Getenv(envChild) != "new" {
		t.Skip("runs as a child of TestFallbackToMiniredis and TestRequireRedis")
	}
	c, _ := New(t)
	if err := c.Ping(context.Background()).Err(); err != nil {
		t.Fatal(err)
	}
	t.Log("kind " + Kind())
}

func child(t *testing.T, mode string, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.v", "-test.run=^TestChildNew$")
	cmd.Env = append([]string{envChild + "=" + mode}, env...)
	return cmd
}

func TestServerDiesWithProcess(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the parent-death signal is Linux only")
	}
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Skip("no redis-server on PATH")
	}
	cmd := child(t, "orphan", "PATH="+os.Getenv("PATH"))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var addr string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if a, ok := strings.CutPrefix(sc.Text(), "addr "); ok {
			addr = a
		}
	}
	if err := cmd.Wait(); err != nil || addr == "" {
		t.Fatalf("child: addr %q, err %v", addr, err)
	}
	c := redis.NewClient(&redis.Options{Addr: addr, MaxRetries: -1})
	defer c.Close()
	deadline := time.Now().Add(30 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err := c.Ping(ctx).Err()
		cancel()
		if err != nil {
			return // gone
		}
		if time.Now().After(deadline) {
			t.Fatalf("redis-server on %s still answers after its test process exited", addr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestFallbackToMiniredis(t *testing.T) {
	out, err := child(t, "new", "PATH=", EnvRequire+"=0").CombinedOutput()
	if err != nil {
		t.Fatalf("child failed: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "kind "+KindMiniredis) {
		t.Fatalf("child did not use miniredis:\n%s", out)
	}
}

func TestRequireRedis(t *testing.T) {
	out, err := child(t, "new", "PATH=", EnvRequire+"=1").CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("child passed or did not run (err %v):\n%s", err, out)
	}
	for _, want := range []string{EnvRequire + "=1", "redis-server", "REDIS_URL"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("failure message lacks %q:\n%s", want, out)
		}
	}
}

// The slot check names a script and a transaction whose keys lie in two
// cluster slots, and passes those whose keys share a hash tag.
func TestSlotCheck(t *testing.T) {
	c, prefix := New(t)
	v, _ := checks.Load(c)
	check := v.(*slotCheck) // New's: the test takes what it records
	ctx := context.Background()
	script := redis.NewScript(`return redis.call('SET', KEYS[1], '1') and redis.call('SET', KEYS[2], '2')`)
	same := []string{prefix + ":{a}:x", prefix + ":{a}:y"}
	split := []string{prefix + ":{a}:x", prefix + ":{b}:y"} // slots 15495 and 3300
	script.Run(ctx, c, same)
	c.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, same[0], 1, 0)
		p.Del(ctx, same...)
		return nil
	})
	c.Pipelined(ctx, func(p redis.Pipeliner) error { // not a transaction: may span slots
		p.Set(ctx, split[0], 1, 0)
		p.Set(ctx, split[1], 1, 0)
		return nil
	})
	// A script that declares its keys cross-slot is meant for a single
	// node (a cluster refuses it when they are on two nodes).
	c.Eval(ctx, "#!lua flags=allow-cross-slot-keys\nreturn 1", split)
	if p := check.problems(); len(p) != 0 {
		t.Fatalf("one slot reported: %q", p)
	}
	script.Run(ctx, c, split) // CROSSSLOT on a cluster; the check sees it either way
	c.Eval(ctx, "-- allow-cross-slot-keys, but not as a flag\nreturn 1", split)
	c.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, split[0], 1, 0)
		p.Set(ctx, split[1], 1, 0)
		return nil
	})
	p := check.problems()
	if len(p) != 3 || !strings.HasPrefix(p[0], "script (evalsha") || !strings.HasPrefix(p[1], "script (eval)") || !strings.HasPrefix(p[2], "transaction (multi set set exec)") {
		t.Fatalf("problems %q, want the two scripts and the transaction", p)
	}
	for _, m := range p {
		if !strings.Contains(m, split[0]) || !strings.Contains(m, split[1]) {
			t.Errorf("%q does not name both keys", m)
		}
	}
}

// The Sentinel set serves through a failover client, and after Failover
// the data written before is on the new master, which takes writes.
func TestSentinelFailover(t *testing.T) {
	set := StartSentinel(t)
	c := redis.NewFailoverClient(&redis.FailoverOptions{MasterName: "mymaster", SentinelAddrs: []string{set.Sentinel}})
	defer c.Close()
	ctx := context.Background()
	if err := c.Set(ctx, "k", "before", 0).Err(); err != nil {
		t.Fatal(err)
	}
	old := set.Master(t)
	set.Failover(t)
	if set.Master(t) == old {
		t.Fatal("the master did not change")
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		err := c.Set(ctx, "k2", "after", 0).Err()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no write after the failover: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if v := c.Get(ctx, "k").Val(); v != "before" {
		t.Fatalf("k = %q after the failover", v)
	}
}

// Value reads every type a kapbot key has, in a stable order, and shows
// what is stored (so a plaintext search finds it), on redis-server and
// miniredis alike.
func TestValue(t *testing.T) {
	c, prefix := New(t)
	ctx := context.Background()
	k := func(s string) string { return prefix + ":{v}:" + s }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(c.Set(ctx, k("s"), "plain secret", 0).Err())
	must(c.RPush(ctx, k("l"), "a", "secret b").Err())
	must(c.HSet(ctx, k("h"), "f2", "2", "f1", "secret").Err())
	must(c.SAdd(ctx, k("set"), "y", "secret x").Err())
	must(c.ZAdd(ctx, k("z"), redis.Z{Score: 2, Member: "late"}, redis.Z{Score: 1, Member: "secret early"}).Err())
	must(c.XAdd(ctx, &redis.XAddArgs{Stream: k("x"), ID: "1-1", Values: []string{"b", "2", "a", "secret"}}).Err())
	want := map[string]string{
		"s":   "plain secret",
		"l":   "list:a\x00secret b",
		"h":   "hash:f1=secret\x00f2=2",
		"set": "set:secret x\x00y",
		"z":   "zset:secret early=1\x00late=2",
		"x":   "stream:1-1 a=secret b=2",
		"no":  "",
	}
	for name, w := range want {
		got, err := Value(ctx, c, k(name))
		if err != nil || got != w {
			t.Errorf("Value(%s) = %q, %v; want %q", name, got, err, w)
		}
	}
}

// A server answering on the port that is not the process started there
// (another package's test took the port first) is refused, so no two tests
// share a Redis by accident; the one started there is accepted.
func TestCheckOursRefusesAnotherServer(t *testing.T) {
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Skip("no redis-server")
	}
	a, err := startServer()
	if err != nil {
		t.Fatal(err)
	}
	defer a.stop()
	if err := a.checkOurs(); err != nil {
		t.Fatalf("our own server: %v", err)
	}
	other := exec.Command("sleep", "30")
	if err := other.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { other.Process.Kill(); other.Wait() }()
	impostor := &server{addr: a.addr, cmd: other}
	if err := impostor.checkOurs(); err == nil || !strings.Contains(err.Error(), "port was taken") {
		t.Fatalf("a server started by someone else: %v", err)
	}
}
