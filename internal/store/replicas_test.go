package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/redis/go-redis/v9"
)

// loseReplies makes a pipeline's EXEC (and, less often, MGET) fail after
// Redis ran it: the reply is lost, the outcome unknown to the caller.
type loseReplies struct {
	rate float64
	lost *atomic.Int64
}

func (loseReplies) DialHook(next redis.DialHook) redis.DialHook          { return next }
func (loseReplies) ProcessHook(next redis.ProcessHook) redis.ProcessHook { return next }
func (l loseReplies) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		err := next(ctx, cmds)
		for _, c := range cmds {
			if (c.Name() == "exec" || c.Name() == "evalsha" || c.Name() == "eval") && rand.Float64() < l.rate {
				c.SetErr(errors.New("injected: reply lost"))
				l.lost.Add(1)
				if err == nil {
					err = c.Err()
				}
			}
		}
		return err
	}
}

// Two watched replicas and one script-only replica (as an older kapbot,
// or one with the watched path off), each message delivered 2-3 times at
// once on random replicas, with replies lost after Redis ran the command:
// every id must be applied exactly once, and the session's data must hold
// every id once.
func TestReplicasRedeliveredWithLostReplies(t *testing.T) {
	for _, rate := range []float64{0, 0.05, 0.2} {
		t.Run(fmt.Sprint(rate), func(t *testing.T) {
			f := watchedFixture(t)
			var lost atomic.Int64
			mk := func(watched bool) *Store {
				opt := f.client.(*redis.Client).Options()
				cl := redis.NewClient(opt)
				t.Cleanup(func() { cl.Close() })
				cl.AddHook(loseReplies{rate: rate, lost: &lost})
				s := New(cl, f.prefix, f.sealer)
				if !watched {
					s.watched.Store(false)
				}
				return s
			}
			stores := []*Store{mk(true), mk(true), mk(false)}
			ctx := context.Background()
			const patients, msgs = 6, 120
			applied := make([]map[string]int, patients)
			var mu sync.Mutex
			var wg sync.WaitGroup
			for p := range patients {
				applied[p] = map[string]int{}
				wg.Add(1)
				go func() {
					defer wg.Done()
					pid := fmt.Sprintf("tg:r%d", p)
					for m := range msgs {
						id := fmt.Sprintf("%s:%d", pid, m)
						var dw sync.WaitGroup
						for range 2 + rand.IntN(2) {
							s := stores[rand.IntN(len(stores))]
							dw.Add(1)
							go func() {
								defer dw.Done()
								for try := 0; try < 2000; try++ {
									sess, err := s.Load(ctx, pid)
									if err != nil {
										continue
									}
									data := append(append([]byte{}, sess.Data...), id+","...)
									var ob [][]byte
									if m%3 == 0 {
										ob = [][]byte{[]byte("job " + id)}
									}
									c := Commit{Expect: sess.Version, Data: data, Outbox: ob}
									if m%7 != 5 { // some commits without an id
										c.InboundID = id
									}
									out, err := s.Commit(ctx, pid, c)
									if err != nil {
										continue // unknown outcome: deliver again
									}
									if out.Applied {
										mu.Lock()
										applied[p][id]++
										mu.Unlock()
										return
									}
									if out.Duplicate {
										return
									}
								}
								t.Errorf("%s: no outcome after 2000 tries", id)
							}()
						}
						dw.Wait()
					}
				}()
			}
			wg.Wait()
			t.Logf("lost replies injected: %d", lost.Load())
			for p := range patients {
				pid := fmt.Sprintf("tg:r%d", p)
				sess := mustLoad(t, f.store, pid)
				seen := map[string]int{}
				for _, id := range strings.Split(strings.TrimSuffix(string(sess.Data), ","), ",") {
					seen[id]++
				}
				for m := range msgs {
					id := fmt.Sprintf("%s:%d", pid, m)
					withID := m%7 != 5
					if withID && seen[id] != 1 {
						t.Errorf("%s in the session %d times", id, seen[id])
					}
					if withID && applied[p][id] > 1 {
						t.Errorf("%s reported applied %d times", id, applied[p][id])
					}
				}
			}
		})
	}
}
