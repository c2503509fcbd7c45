//go:build soak

package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/runner"
)

var (
	soakPatients  = flag.Int("soak.patients", 300, "patients in TestSoak (or KAPBOT_SOAK_PATIENTS)")
	soakReplicas  = flag.Int("soak.replicas", 3, "serve processes in TestSoak")
	soakKillEvery = flag.Duration("soak.kill", 3*time.Second, "how often TestSoak kills a serve")
	soakDupEvery  = flag.Int("soak.dup", 10, "one press in this many is redelivered by the fake Bot API (0: none)")
	soakDeadline  = flag.Duration("soak.deadline", 20*time.Minute, "how long a patient may take")
)

// TestSoak (go test -tags soak -run Soak ./bots, minutes; not in the
// default run) sends many patients through the PHQ-9 at once through
// several `kapbot serve` replicas and the fake Bot API, which answers 5%
// of the calls about a chat with a 429 and redelivers one press in ten
// under a new update id, while the test SIGKILLs a serve every few seconds
// (every other time the one polling Telegram) and starts a fresh one, and,
// when the tests run against a Redis Cluster (KAPBOT_TEST_REDIS_CLUSTER), a
// replica takes over its master twice (CLUSTER FAILOVER). It prints the
// presses sent, the answers applied, doubled and lost, the unfinished
// patients and the p50 and p99 time from a press to the next message; it
// fails on any doubled or lost answer or an unfinished patient, and then
// describes each unfinished patient's chat.
func TestSoak(t *testing.T) {
	bin, fake, env := serveBinaryEnv(t, "warn", telegramtest.WithFlaky429(0.05, 15))
	be, err := configFromEnv().open(context.Background(), false, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	defer be.Close()
	client := be.client
	n := *soakPatients
	if v := os.Getenv("KAPBOT_SOAK_PATIENTS"); v != "" {
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			t.Fatalf("KAPBOT_SOAK_PATIENTS=%q: want a number of patients", v)
		}
	}
	rs := newReplicaSet(t, bin, env, *soakReplicas)

	var sent, dups atomic.Int64
	var latMu sync.Mutex
	var lat []time.Duration
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var kills, pollerKills, failovers atomic.Int64
	chaos := make(chan struct{})
	go func() { // the chaos: kills, and failovers on a cluster
		defer close(chaos)
		tick := time.NewTicker(*soakKillEvery)
		defer tick.Stop()
		for i := 1; ; i++ {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			victim := 0
			if i%2 == 1 {
				victim = currentPoller(be)
			}
			if pids := rs.pids(); victim == 0 && len(pids) > 0 {
				victim = pids[rand.IntN(len(pids))]
			}
			if rs.kill(victim) {
				kills.Add(1)
				if i%2 == 1 {
					pollerKills.Add(1)
				}
			}
			rs.start()
			if cc, ok := client.(*redis.ClusterClient); ok && i%4 == 2 && failovers.Load() < 2 {
				if err := failover(ctx, cc); err != nil {
					t.Logf("failover: %v", err)
				} else {
					failovers.Add(1)
				}
			}
		}
	}()

	var wg sync.WaitGroup
	unfinished := make(chan int64, n)
	began := time.Now()
	for i := range n {
		chat := int64(500000 + i)
		fake.PushText(chat, "/start phq9")
		wg.Add(1)
		go func() {
			defer wg.Done()
			pressed := map[int]bool{}
			deadline := time.Now().Add(*soakDeadline)
			var at time.Time
			seen := 0
			for time.Now().Before(deadline) {
				msgs := fake.Messages(chat)
				if len(msgs) > seen && !at.IsZero() {
					latMu.Lock()
					lat = append(lat, time.Since(at))
					latMu.Unlock()
					at = time.Time{}
				}
				seen = len(msgs)
				if k := len(msgs); k > 0 {
					last := msgs[k-1]
					if len(last.Keyboard) > 0 && !pressed[last.ID] {
						// A failed press (its buttons went meanwhile: a
						// copy of a question already answered) is not
						// made: the patient waits for the next message.
						if upd, err := fake.Press(chat, last.ID, last.Keyboard[0][0].Data); err == nil {
							pressed[last.ID] = true
							sent.Add(1)
							at = time.Now()
							if *soakDupEvery > 0 && rand.IntN(*soakDupEvery) == 0 {
								if _, err := fake.Duplicate(upd); err == nil {
									dups.Add(1)
								}
							}
						}
					}
					if len(last.Keyboard) == 0 {
						sess, err := be.store.Load(context.Background(), fmt.Sprint("tg:", chat))
						if st, _ := runner.DecodeState(sess.Data); err == nil && st.Status == engine.Ended {
							return
						}
					}
				}
				time.Sleep(50 * time.Millisecond)
			}
			unfinished <- chat
		}()
	}
	wg.Wait()
	cancel()
	<-chaos
	took := time.Since(began)
	close(unfinished)
	// Let the last writes settle, then read every patient.
	time.Sleep(2 * time.Second)
	views := exportView(t)
	applied, doubled, lost, open := 0, 0, 0, 0
	for i := range n {
		v := views[fmt.Sprint("tg:", 500000+i)]
		if v.Status != "ended" || len(v.Results) == 0 {
			open++
			continue
		}
		if len(v.Results) > 1 {
			doubled += len(v.Results) - 1
		}
		r := v.Results[0]
		applied += len(r.Items)
		lost += len(r.Missing)
		if r.Total != 0 {
			doubled++ // a press applied to another question than its own
		}
	}
	latMu.Lock()
	slices.Sort(lat)
	p := func(q float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(q*float64(len(lat))))]
	}
	latMu.Unlock()
	t.Logf("soak: %d patients, %d serve replicas, in %v; serve killed %d times (%d of them the poller), %d cluster failovers; presses sent %d (%d redelivered by the fake), answers applied %d, doubled %d, lost %d, unfinished %d; press to next message p50 %v, p99 %v; fake: %v",
		n, *soakReplicas, took.Round(time.Second), kills.Load(), pollerKills.Load(), failovers.Load(), sent.Load(), dups.Load(), applied, doubled, lost, open, p(0.50).Round(time.Millisecond), p(0.99).Round(time.Millisecond), fake.Stats())
	if doubled != 0 || lost != 0 || open != 0 {
		shown := 0
		for chat := range unfinished {
			if shown++; shown <= 5 {
				v := views[fmt.Sprint("tg:", chat)]
				t.Logf("unfinished tg:%d: status %q, results %d:\n%s", chat, v.Status, len(v.Results), describeChat(fake, chat))
			}
		}
		t.Fatalf("doubled %d, lost %d, unfinished %d", doubled, lost, open)
	}
}

// currentPoller returns the pid of the serve holding the Telegram lease, or
// 0 when none does now.
func currentPoller(be *backend) int {
	v, err := be.client.Get(context.Background(), be.prefix+":lease:telegram").Result()
	if err != nil {
		return 0
	}
	parts := strings.Split(v, ":")
	if len(parts) < 3 {
		return 0
	}
	pid, _ := strconv.Atoi(parts[len(parts)-2])
	return pid
}

// failover makes the replica of the master of slot 0 take over
// (CLUSTER FAILOVER: the replica first catches up with its master).
func failover(ctx context.Context, cc *redis.ClusterClient) error {
	slots, err := cc.ClusterSlots(ctx).Result()
	if err != nil {
		return err
	}
	for _, s := range slots {
		if s.Start == 0 && len(s.Nodes) > 1 {
			r := redis.NewClient(&redis.Options{Addr: s.Nodes[1].Addr})
			defer r.Close()
			return r.ClusterFailover(ctx).Err()
		}
	}
	return fmt.Errorf("no replica for slot 0")
}
