//go:build soak

package main

import (
	"context"
	"flag"
	"fmt"
	"os/exec"
	"slices"
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
	soakPatients  = flag.Int("soak.patients", 300, "patients in TestSoak")
	soakKillEvery = flag.Duration("soak.kill", 3*time.Second, "how often TestSoak kills serve")
)

// TestSoak (go test -tags soak -run Soak ./bots, minutes; not in the
// default run) sends many patients through the PHQ-9 at once through the
// kapbot binary and the fake Bot API, which answers 5% of the calls about a
// chat with a 429, while serve is killed with SIGKILL every few seconds
// and started again, and, when the tests run against a Redis Cluster
// (KAPBOT_TEST_REDIS_CLUSTER), a replica takes over its master twice
// (CLUSTER FAILOVER). It prints the presses sent, the answers applied,
// doubled and lost, and the p50 and p99 time from a press to the next
// message; it fails on any doubled or lost answer or an unfinished patient.
func TestSoak(t *testing.T) {
	bin, fake, env := serveBinaryEnv(t, "warn", telegramtest.WithFlaky429(0.05, 15))
	be, err := configFromEnv().open(context.Background(), false, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	defer be.Close()
	client := be.client
	var mu sync.Mutex
	var proc *exec.Cmd
	var logs strings.Builder
	start := func() {
		mu.Lock()
		defer mu.Unlock()
		proc = exec.Command(bin, "serve")
		proc.Env = env
		proc.Stderr = &logs
		if err := proc.Start(); err != nil {
			t.Error(err)
		}
	}
	kill := func() {
		mu.Lock()
		defer mu.Unlock()
		proc.Process.Kill()
		proc.Wait()
	}
	start()
	defer func() {
		kill()
		if t.Failed() {
			t.Logf("serve logs (tail):\n%s", tailString(logs.String(), 4000))
		}
	}()

	n := *soakPatients
	var sent atomic.Int64
	var latMu sync.Mutex
	var lat []time.Duration
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var kills, failovers atomic.Int64
	go func() { // the chaos: kills, and failovers on a cluster
		tick := time.NewTicker(*soakKillEvery)
		defer tick.Stop()
		for i := 1; ; i++ {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			kill()
			kills.Add(1)
			start()
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
	unfinished := make(chan string, n)
	began := time.Now()
	for i := range n {
		chat := int64(500000 + i)
		fake.PushText(chat, "/start phq9")
		wg.Add(1)
		go func() {
			defer wg.Done()
			pressed := map[int]bool{}
			deadline := time.Now().Add(15 * time.Minute)
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
						pressed[last.ID] = true
						if _, err := fake.Press(chat, last.ID, last.Keyboard[0][0].Data); err == nil {
							sent.Add(1)
							at = time.Now()
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
			unfinished <- fmt.Sprint("tg:", chat)
		}()
	}
	wg.Wait()
	cancel()
	took := time.Since(began)
	close(unfinished)
	// Let the last writes settle, then read every patient.
	time.Sleep(2 * time.Second)
	views := exportView(t)
	applied, doubled, lost, open := 0, 0, 0, 0
	items := -1
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
		if items < 0 {
			items = len(r.Items) + len(r.Missing)
		}
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
	t.Logf("soak: %d patients in %v, serve killed %d times, %d cluster failovers; presses sent %d, answers applied %d, doubled %d, lost %d, unfinished %d; press to next message p50 %v, p99 %v; fake: %v",
		n, took.Round(time.Second), kills.Load(), failovers.Load(), sent.Load(), applied, doubled, lost, open, p(0.50).Round(time.Millisecond), p(0.99).Round(time.Millisecond), fake.Stats())
	if doubled != 0 || lost != 0 || open != 0 {
		var names []string
		for u := range unfinished {
			names = append(names, u)
		}
		t.Fatalf("doubled %d, lost %d, unfinished %d (%v)", doubled, lost, open, names[:min(len(names), 5)])
	}
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

func tailString(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
