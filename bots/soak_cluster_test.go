//go:build soak

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

var soakRedisEvery = flag.Duration("soak.redis", 30*time.Second, "time between TestSoak's Redis faults on a cluster")

// clusterFaults disturbs the cluster of cc while ctx lasts, one fault
// every soakRedisEvery, in this order: a replica takes over its master
// (CLUSTER FAILOVER); a master is SIGKILLed, the cluster promotes its
// replica, and the killed node, restarted, rejoins as a replica; a master
// is switched to AOF (appendfsync always), SIGKILLed and restarted at once
// from its AOF, its replica told not to take over meanwhile; and a second
// CLUSTER FAILOVER. It returns one line per fault, saying what happened
// and how long the cluster took; a fault that fails is reported (t.Errorf)
// and ends the series.
func clusterFaults(ctx context.Context, t *testing.T, cc *redis.ClusterClient) []string {
	var out []string
	faults := []struct {
		name string
		do   func(context.Context, *redis.ClusterClient) (string, error)
	}{
		{"CLUSTER FAILOVER", func(ctx context.Context, cc *redis.ClusterClient) (string, error) {
			return plannedFailover(ctx, cc, 0)
		}},
		{"SIGKILL of a master", killMaster},
		{"SIGKILL and AOF restart of a master", aofRestart},
		{"CLUSTER FAILOVER", func(ctx context.Context, cc *redis.ClusterClient) (string, error) {
			return plannedFailover(ctx, cc, 0)
		}},
	}
	for _, f := range faults {
		select {
		case <-ctx.Done():
			return out
		case <-time.After(*soakRedisEvery):
		}
		// A fault runs to its end even when the patients are done, so that
		// the cluster is whole again for the final reading.
		fctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		what, err := f.do(fctx, cc)
		cancel()
		if err != nil {
			t.Errorf("redis fault %s: %v", f.name, err)
			return append(out, f.name+": "+err.Error())
		}
		out = append(out, f.name+": "+what)
	}
	return out
}

// slotNodes returns the master and first replica addresses of slot.
func slotNodes(ctx context.Context, cc *redis.ClusterClient, slot int) (master, replica string, err error) {
	slots, err := cc.ClusterSlots(ctx).Result()
	if err != nil {
		return "", "", err
	}
	for _, s := range slots {
		if s.Start <= slot && slot <= s.End {
			if len(s.Nodes) < 2 {
				return s.Nodes[0].Addr, "", fmt.Errorf("slot %d: master %s has no replica", slot, s.Nodes[0].Addr)
			}
			return s.Nodes[0].Addr, s.Nodes[1].Addr, nil
		}
	}
	return "", "", fmt.Errorf("slot %d not served", slot)
}

// plannedFailover makes the replica of slot's master take over (it first
// catches up with its master).
func plannedFailover(ctx context.Context, cc *redis.ClusterClient, slot int) (string, error) {
	m, r, err := slotNodes(ctx, cc, slot)
	if err != nil {
		return "", err
	}
	began := time.Now()
	rc := redis.NewClient(&redis.Options{Addr: r})
	defer rc.Close()
	if err := rc.ClusterFailover(ctx).Err(); err != nil {
		return "", err
	}
	if err := waitUntil(ctx, "the replica "+r+" to serve slot "+strconv.Itoa(slot), func() bool {
		nm, _, err := slotNodesFrom(ctx, rc, slot)
		return err == nil && nm == r
	}); err != nil {
		return "", err
	}
	return fmt.Sprintf("replica %s took slot %d over from %s in %v", r, slot, m, time.Since(began).Round(time.Millisecond)), nil
}

// slotNodesFrom is slotNodes as one node sees the cluster.
func slotNodesFrom(ctx context.Context, c *redis.Client, slot int) (master, replica string, err error) {
	slots, err := c.ClusterSlots(ctx).Result()
	if err != nil {
		return "", "", err
	}
	for _, s := range slots {
		if s.Start <= slot && slot <= s.End {
			master = s.Nodes[0].Addr
			if len(s.Nodes) > 1 {
				replica = s.Nodes[1].Addr
			}
			return master, replica, nil
		}
	}
	return "", "", fmt.Errorf("slot %d not served", slot)
}

// redisNode is what it takes to kill a node and start it again as it was.
type redisNode struct {
	addr string
	pid  int
	conf map[string]string
}

func nodeOf(ctx context.Context, addr string) (*redisNode, error) {
	c := redis.NewClient(&redis.Options{Addr: addr})
	defer c.Close()
	info, err := c.Info(ctx, "server").Result()
	if err != nil {
		return nil, err
	}
	n := &redisNode{addr: addr, conf: map[string]string{}}
	for _, l := range strings.Split(info, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(l), "process_id:"); ok {
			n.pid, _ = strconv.Atoi(v)
		}
	}
	if n.pid == 0 {
		return nil, fmt.Errorf("%s: no process_id in INFO", addr)
	}
	for _, k := range []string{"port", "bind", "dir", "pidfile", "logfile", "cluster-config-file", "cluster-node-timeout", "appendonly", "appendfsync"} {
		v, err := c.ConfigGet(ctx, k).Result()
		if err != nil {
			return nil, err
		}
		n.conf[k] = v[k]
	}
	return n, nil
}

// kill SIGKILLs the node and waits until it is gone.
func (n *redisNode) kill(ctx context.Context) error {
	if err := syscall.Kill(n.pid, syscall.SIGKILL); err != nil {
		return fmt.Errorf("kill %s (pid %d): %w", n.addr, n.pid, err)
	}
	return waitUntil(ctx, n.addr+" to die", func() bool { return syscall.Kill(n.pid, 0) != nil })
}

// start starts the node again with its settings, with AOF on or off, and
// waits until it answers and has loaded its data. It keeps the cluster's
// pid file (the parent folder's "pids", of .ci/redis-cluster) up to date,
// so that `kill $(cat DIR/pids)` still stops every node.
func (n *redisNode) start(ctx context.Context, aof bool) error {
	conf := n.conf
	appendonly := "no"
	if aof {
		appendonly = "yes"
	}
	args := []string{"--port", conf["port"], "--bind", strings.Fields(conf["bind"])[0], "--cluster-enabled", "yes",
		"--cluster-config-file", conf["cluster-config-file"], "--cluster-node-timeout", conf["cluster-node-timeout"],
		"--save", "", "--appendonly", appendonly, "--appendfsync", conf["appendfsync"], "--dir", conf["dir"],
		"--daemonize", "yes", "--pidfile", conf["pidfile"], "--logfile", conf["logfile"]}
	if out, err := exec.CommandContext(ctx, "redis-server", args...).CombinedOutput(); err != nil {
		return fmt.Errorf("restart %s: %v: %s", n.addr, err, out)
	}
	c := redis.NewClient(&redis.Options{Addr: n.addr})
	defer c.Close()
	if err := waitUntil(ctx, n.addr+" to load its data", func() bool {
		info, err := c.Info(ctx, "persistence").Result()
		return err == nil && strings.Contains(info, "loading:0")
	}); err != nil {
		return err
	}
	old := n.pid
	fresh, err := nodeOf(ctx, n.addr)
	if err != nil {
		return err
	}
	n.pid = fresh.pid
	pids := filepath.Join(filepath.Dir(conf["dir"]), "pids")
	if b, err := os.ReadFile(pids); err == nil {
		s := strings.Replace(string(b), strconv.Itoa(old)+"\n", strconv.Itoa(n.pid)+"\n", 1)
		_ = os.WriteFile(pids, []byte(s), 0o644)
	}
	return nil
}

// killMaster SIGKILLs the master of slot 16383: the cluster notices it
// gone (cluster-node-timeout) and promotes its replica by itself. Then the
// killed node is started again, without data (no persistence), and must
// rejoin as a replica of its former replica and copy its data.
func killMaster(ctx context.Context, cc *redis.ClusterClient) (string, error) {
	const slot = 16383
	m, r, err := slotNodes(ctx, cc, slot)
	if err != nil {
		return "", err
	}
	node, err := nodeOf(ctx, m)
	if err != nil {
		return "", err
	}
	rc := redis.NewClient(&redis.Options{Addr: r})
	defer rc.Close()
	began := time.Now()
	if err := node.kill(ctx); err != nil {
		return "", err
	}
	if err := waitUntil(ctx, "the cluster to promote "+r, func() bool {
		nm, _, err := slotNodesFrom(ctx, rc, slot)
		return err == nil && nm == r
	}); err != nil {
		return "", err
	}
	promoted := time.Since(began)
	if err := node.start(ctx, false); err != nil {
		return "", err
	}
	mc := redis.NewClient(&redis.Options{Addr: m})
	defer mc.Close()
	if err := waitUntil(ctx, m+" to follow "+r, func() bool {
		info, err := mc.Info(ctx, "replication").Result()
		return err == nil && strings.Contains(info, "role:slave") && strings.Contains(info, "master_port:"+portOf(r)) &&
			strings.Contains(info, "master_link_status:up")
	}); err != nil {
		return "", err
	}
	return fmt.Sprintf("master %s killed; the cluster promoted its replica %s after %v; %s restarted and rejoined as its replica, in sync %v after the kill",
		m, r, promoted.Round(time.Millisecond), m, time.Since(began).Round(time.Millisecond)), nil
}

// aofRestart turns AOF on in the master of slot 8192 (appendfsync always:
// every write the master acknowledges is on disk first), tells its replica
// not to take over, SIGKILLs the master and starts it again at once from
// its AOF; it must come back as the master with its data, and its replica
// follow it again.
func aofRestart(ctx context.Context, cc *redis.ClusterClient) (string, error) {
	const slot = 8192
	m, r, err := slotNodes(ctx, cc, slot)
	if err != nil {
		return "", err
	}
	mc := redis.NewClient(&redis.Options{Addr: m})
	defer mc.Close()
	rc := redis.NewClient(&redis.Options{Addr: r})
	defer rc.Close()
	if err := rc.ConfigSet(ctx, "cluster-replica-no-failover", "yes").Err(); err != nil {
		return "", err
	}
	defer rc.ConfigSet(context.Background(), "cluster-replica-no-failover", "no")
	if err := mc.ConfigSet(ctx, "appendfsync", "always").Err(); err != nil {
		return "", err
	}
	if err := mc.ConfigSet(ctx, "appendonly", "yes").Err(); err != nil {
		return "", err
	}
	// Turning AOF on writes the whole data set first; only then does the
	// AOF hold everything.
	if err := waitUntil(ctx, m+" to write its AOF", func() bool {
		info, err := mc.Info(ctx, "persistence").Result()
		return err == nil && strings.Contains(info, "aof_enabled:1") && strings.Contains(info, "aof_rewrite_in_progress:0") &&
			strings.Contains(info, "aof_rewrite_scheduled:0")
	}); err != nil {
		return "", err
	}
	node, err := nodeOf(ctx, m)
	if err != nil {
		return "", err
	}
	before, _ := mc.DBSize(ctx).Result()
	began := time.Now()
	if err := node.kill(ctx); err != nil {
		return "", err
	}
	if err := node.start(ctx, true); err != nil {
		return "", err
	}
	back := time.Since(began)
	// The node answers PING while it still loads its AOF, and DBSIZE
	// with LOADING until it is done: wait for the count.
	var after int64
	if err := waitUntil(ctx, m+" to load its AOF", func() bool {
		after, err = mc.DBSize(ctx).Result()
		return err == nil
	}); err != nil {
		return "", err
	}
	if err := waitUntil(ctx, m+" to serve slot 8192 again with "+r+" following", func() bool {
		nm, _, err := slotNodesFrom(ctx, rc, slot)
		info, ierr := rc.Info(ctx, "replication").Result()
		return err == nil && nm == m && ierr == nil && strings.Contains(info, "master_link_status:up")
	}); err != nil {
		return "", err
	}
	return fmt.Sprintf("master %s (AOF on, appendfsync always) killed and restarted from its AOF in %v, still the master; %d keys before the kill, %d after the restart",
		m, back.Round(time.Millisecond), before, after), nil
}

func portOf(addr string) string {
	_, p, _ := strings.Cut(addr, ":")
	return p
}

// waitUntil polls cond every 100 ms until it holds or ctx ends.
func waitUntil(ctx context.Context, what string, cond func() bool) error {
	for !cond() {
		select {
		case <-ctx.Done():
			return errors.New("timed out waiting for " + what)
		case <-time.After(100 * time.Millisecond):
		}
	}
	return nil
}
