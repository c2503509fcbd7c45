package redistest

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/redisconn"
)

// slotCheck is a go-redis hook that records every script (EVAL, EVALSHA,
// FCALL and their _RO forms) whose KEYS lie in more than one cluster hash
// slot, and every MULTI/EXEC transaction whose commands' keys do: on a
// Redis Cluster the first fails with CROSSSLOT, the second is split by
// go-redis into one transaction per slot and is no longer atomic. New
// installs it on every client, and the test fails at its end naming each.
// A transaction sent with a context marked by redisconn.WithSingleNode
// passes: its sender never sends it to a cluster.
type slotCheck struct {
	mu   sync.Mutex
	seen map[string]bool
	bad  []string
}

func (c *slotCheck) DialHook(next redis.DialHook) redis.DialHook { return next }

func (c *slotCheck) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		c.script(cmd)
		return next(ctx, cmd)
	}
}

func (c *slotCheck) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		tx := false
		for _, cmd := range cmds {
			c.script(cmd)
			tx = tx || cmd.Name() == "multi"
		}
		if tx && !redisconn.SingleNode(ctx) {
			// The keys are gathered only here: most pipelines hold no
			// transaction (the store's group commit sends thousands a
			// second, and benchmarks measure it).
			var keys []string
			for _, cmd := range cmds {
				switch cmd.Name() {
				case "multi", "exec":
				default:
					keys = append(keys, cmdKeys(cmd)...)
				}
			}
			c.check("transaction", cmds, keys)
		}
		return next(ctx, cmds)
	}
}

// script checks the keys of a script call.
func (c *slotCheck) script(cmd redis.Cmder) {
	switch cmd.Name() {
	case "eval", "evalsha", "eval_ro", "evalsha_ro", "fcall", "fcall_ro":
	default:
		return
	}
	args := cmd.Args()
	if len(args) < 3 || crossSlot(args[1]) {
		return
	}
	n, ok := args[2].(int)
	if !ok {
		var err error
		if n, err = strconv.Atoi(fmt.Sprint(args[2])); err != nil {
			return
		}
	}
	if n < 2 || len(args) < 3+n {
		return
	}
	var buf [8]string
	keys := buf[:0]
	for i := range n {
		if k, ok := args[3+i].(string); ok {
			keys = append(keys, k)
		} else {
			keys = append(keys, fmt.Sprint(args[3+i]))
		}
	}
	c.check("script", []redis.Cmder{cmd}, keys)
}

// crossSlot reports whether an EVAL's script declares, with Redis 7's
// shebang flag allow-cross-slot-keys, that it touches keys of several
// slots: code that sends one does so on a single node only (a cluster
// refuses it when its keys are on several nodes, so a cluster run of the
// tests still fails on one).
func crossSlot(script any) bool {
	s, ok := script.(string)
	if !ok || !strings.HasPrefix(s, "#!lua") {
		return false
	}
	line, _, _ := strings.Cut(s, "\n")
	return strings.Contains(line, "allow-cross-slot-keys")
}

// cmdKeys returns the keys of a command inside a transaction: the first
// argument, or every argument for the commands that take only keys.
func cmdKeys(cmd redis.Cmder) []string {
	args := cmd.Args()
	if len(args) < 2 {
		return nil
	}
	switch cmd.Name() {
	case "del", "unlink", "exists", "touch", "watch", "mget":
		out := make([]string, 0, len(args)-1)
		for _, a := range args[1:] {
			out = append(out, fmt.Sprint(a))
		}
		return out
	case "eval", "evalsha", "eval_ro", "evalsha_ro", "fcall", "fcall_ro", "ping", "time", "info":
		return nil
	}
	return []string{fmt.Sprint(args[1])}
}

func (c *slotCheck) check(what string, cmds []redis.Cmder, keys []string) {
	if len(keys) < 2 {
		return
	}
	tag := hashTag(keys[0])
	slot := -1 // computed when a key's tag differs (CRC16 is the slow part)
	for _, k := range keys[1:] {
		if hashTag(k) == tag {
			continue
		}
		if slot < 0 {
			slot = redisconn.Slot(keys[0])
		}
		if redisconn.Slot(k) == slot {
			continue
		}
		names := make([]string, 0, len(cmds))
		for _, cmd := range cmds {
			names = append(names, cmd.Name())
		}
		msg := fmt.Sprintf("%s (%s) touches keys in more than one cluster slot: %s", what, strings.Join(names, " "), strings.Join(keys, " "))
		c.mu.Lock()
		if !c.seen[msg] {
			if c.seen == nil {
				c.seen = map[string]bool{}
			}
			c.seen[msg] = true
			c.bad = append(c.bad, msg)
		}
		c.mu.Unlock()
		return
	}
}

// hashTag returns the part of a key that decides its cluster slot: the
// text inside its first non-empty {...}, else the whole key.
func hashTag(key string) string {
	if i := strings.IndexByte(key, '{'); i >= 0 {
		if j := strings.IndexByte(key[i+1:], '}'); j > 0 {
			return key[i+1 : i+1+j]
		}
	}
	return key
}

// problems returns what was recorded, and forgets it.
func (c *slotCheck) problems() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	p := c.bad
	c.bad = nil
	return p
}

var _ redis.Hook = (*slotCheck)(nil)
