package store

import (
	"context"
	"slices"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/seal"
)

// lostMarks is a client whose pipelines lose the SADDs that follow a
// script in them: what a process killed between its writes to a
// cluster's nodes leaves behind (a cluster pipeline writes to each node at
// once, in no order). A mark sent in a pipeline of its own, whose answer
// the commit waits for, arrives.
type lostMarks struct{ redisAPI }

func (c lostMarks) Pipeline() redis.Pipeliner {
	return &lostMarksPipe{Pipeliner: c.redisAPI.Pipeline()}
}

type lostMarksPipe struct {
	redis.Pipeliner
	script bool
}

func (p *lostMarksPipe) EvalSha(ctx context.Context, sha string, keys []string, args ...any) *redis.Cmd {
	p.script = true
	return p.Pipeliner.EvalSha(ctx, sha, keys, args...)
}

func (p *lostMarksPipe) Process(ctx context.Context, cmd redis.Cmder) error {
	if cmd.Name() == "evalsha" {
		p.script = true
	}
	return p.Pipeliner.Process(ctx, cmd)
}

func (p *lostMarksPipe) SAdd(ctx context.Context, key string, members ...any) *redis.IntCmd {
	if p.script {
		return redis.NewIntCmd(ctx)
	}
	return p.Pipeliner.SAdd(ctx, key, members...)
}

// On a cluster a commit marks the patient pending before its pipeline, so
// replies committed by a process killed before the pipeline's mark are
// still redelivered; on a single node (one connection, in order) it does
// not pay the extra round trip.
func TestCommitMarksPendingFirstOnACluster(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	job := Commit{Data: []byte{0, '{', '}'}, Outbox: [][]byte{[]byte(`{"send":{"text":"x"}}`)}}
	// The script loaded on every node: EVALSHA goes in the pipeline.
	if err := commitScript.Load(ctx, f.client).Err(); err != nil {
		t.Fatal(err)
	}
	for _, first := range []bool{false, true} {
		s := newStore(lostMarks{f.client}, f.prefix, f.sealer)
		s.markFirst = first
		patient := "tg:first"
		if !first {
			patient = "tg:after"
		}
		mustCommit(t, s, patient, job)
		pending, err := f.store.Pending(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if marked := slices.Contains(pending, patient); marked != first {
			t.Errorf("markFirst %v: the patient is pending: %v, want %v (pending %v)", first, marked, first, pending)
		}
	}
	cc := redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"127.0.0.1:1"}})
	defer cc.Close()
	if !New(cc, "x", seal.NewRandom()).markFirst || New(redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"}), "x", seal.NewRandom()).markFirst {
		t.Fatal("markFirst is for a cluster client only")
	}
}
