package ratelimit

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/redistest"
)

func TestMain(m *testing.M) { redistest.Main(m) }

// realRedis skips a test on miniredis, which has no TIME in scripts' sense
// of a running clock.
func realRedis(t *testing.T) (redis.UniversalClient, string) {
	t.Helper()
	if redistest.Kind() == redistest.KindMiniredis {
		t.Skip("needs a real Redis (redis-server on PATH, REDIS_URL or a cluster)")
	}
	return redistest.New(t)
}

// most returns the largest number of times within any span of d.
func most(times []time.Time, d time.Duration) int {
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	best := 0
	for i := range times {
		j := i
		for j < len(times) && times[j].Sub(times[i]) < d {
			j++
		}
		best = max(best, j-i)
	}
	return best
}

// Three processes sharing one limit keep its window together: at no moment
// of any request's flight are more than Window requests in flight or ended
// within the last Period, whatever the machine's speed (the requests here
// take a random time, and are noted in the middle of their flight).
func TestSharedWindowHoldsAcrossProcesses(t *testing.T) {
	t.Parallel()
	rdb, prefix := realRedis(t)
	cfg := Config{Name: "test", Rate: 200, Burst: 5, Window: 20, Period: 200 * time.Millisecond}
	var mu sync.Mutex
	var seen []time.Time
	var wg sync.WaitGroup
	for p := range 3 {
		l, err := New(rdb, Key(prefix, "w"), cfg)
		if err != nil {
			t.Fatal(err)
		}
		for w := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 15 {
					permit, err := l.Wait(context.Background())
					if err != nil {
						t.Error(err)
						return
					}
					time.Sleep(time.Duration((p*7+w*3+i)%5) * time.Millisecond)
					mu.Lock()
					seen = append(seen, time.Now())
					mu.Unlock()
					time.Sleep(time.Duration((p+w+i)%3) * time.Millisecond)
					permit.Done()
				}
			}()
		}
	}
	wg.Wait()
	if len(seen) != 3*8*15 {
		t.Fatalf("%d requests, want %d", len(seen), 3*8*15)
	}
	// Done is asynchronous: a request ends in Redis a little after it
	// really ended, which only makes the window stricter.
	if m := most(seen, cfg.Period); m > cfg.Window {
		t.Fatalf("up to %d requests within %v across three processes; the window is %d", m, cfg.Period, cfg.Window)
	}
}

// The token bucket is the bot's, not each process's: three processes
// asking at once get their permits spaced at Rate together.
func TestSharedRateAcrossProcesses(t *testing.T) {
	t.Parallel()
	rdb, prefix := realRedis(t)
	cfg := Config{Name: "test", Rate: 100, Burst: 3}
	var mu sync.Mutex
	var seen []time.Time
	var wg sync.WaitGroup
	start := time.Now()
	for range 3 {
		l, err := New(rdb, Key(prefix, "r"), cfg)
		if err != nil {
			t.Fatal(err)
		}
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 10 {
					p, err := l.Wait(context.Background())
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					seen = append(seen, time.Now())
					mu.Unlock()
					p.Done()
				}
			}()
		}
	}
	wg.Wait()
	// 120 permits at 100 a second with a burst of 3 need at least 1.17 s
	// (Redis's clock and ours are the same machine's); alone, each process
	// would have taken its 40 in 0.37 s.
	if took, least := time.Since(start), time.Duration(float64(len(seen)-cfg.Burst)/cfg.Rate*float64(time.Second)); took < least-20*time.Millisecond {
		t.Fatalf("%d permits in %v; the shared rate needs at least %v", len(seen), took, least)
	}
}

// A 429's pause, given by one process, holds the next request of another at
// once: it does not go before the pause ends.
func TestPauseSeenByOtherProcessAtOnce(t *testing.T) {
	t.Parallel()
	rdb, prefix := realRedis(t)
	cfg := Config{Name: "test", Rate: 1000, Burst: 10}
	a, _ := New(rdb, Key(prefix, "p"), cfg)
	b, _ := New(rdb, Key(prefix, "p"), cfg)
	if p, err := b.Wait(context.Background()); err != nil {
		t.Fatal(err)
	} else {
		p.Done()
	}
	const pause = 400 * time.Millisecond
	start := time.Now()
	a.Pause(context.Background(), pause)
	if d := b.Check(context.Background()); d <= 0 {
		t.Fatal("Check does not see the other process's pause")
	}
	p, err := b.Wait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p.Done()
	if took := time.Since(start); took < pause-5*time.Millisecond {
		t.Fatalf("the other process's request went %v after the pause began; the pause was %v", took, pause)
	}
	if b.PausedUntil().IsZero() {
		t.Fatal("PausedUntil does not tell of the other process's pause")
	}
}

// A process killed with requests in flight (their Done never comes) holds
// their places for InFlight only: the others go on afterwards.
func TestKilledProcessDoesNotStallTheOthers(t *testing.T) {
	t.Parallel()
	rdb, prefix := realRedis(t)
	cfg := Config{Name: "test", Rate: 1000, Burst: 10, Window: 5, Period: 100 * time.Millisecond, InFlight: 300 * time.Millisecond}
	killed, _ := New(rdb, Key(prefix, "k"), cfg)
	for range cfg.Window {
		if _, err := killed.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	other, _ := New(rdb, Key(prefix, "k"), cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for i := range 2 * cfg.Window {
		p, err := other.Wait(ctx)
		if err != nil {
			t.Fatalf("request %d of the surviving process: %v", i, err)
		}
		p.Done()
	}
}

// When Redis does not answer (nothing listens, or it accepts and says
// nothing), the limiter keeps the limit in the process, logs it once, and
// sends go on.
func TestRedisDownFallsBackToLocal(t *testing.T) {
	t.Parallel()
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	go func() {
		for {
			c, err := silent.Accept()
			if err != nil {
				return
			}
			defer c.Close() // holds the connection, never answers
		}
	}()
	refused, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refusedAddr := refused.Addr().String()
	refused.Close()
	for name, addr := range map[string]string{"silent": silent.Addr().String(), "refused": refusedAddr} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rdb := redis.NewClient(&redis.Options{Addr: addr, MaxRetries: -1, DialTimeout: 200 * time.Millisecond})
			defer rdb.Close()
			var logs bytes.Buffer
			var logMu sync.Mutex
			log := slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &logMu}, nil))
			m := NewMetrics(nil)
			l, err := New(rdb, Key("test", "down"), Config{Name: "test", Rate: 1000, Burst: 5, Window: 50, Timeout: 200 * time.Millisecond, Retry: time.Minute}, WithLogger(log), WithMetrics(m))
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			for i := range 20 {
				p, err := l.Wait(ctx)
				if err != nil {
					t.Fatalf("request %d: %v", i, err)
				}
				p.Done()
			}
			logMu.Lock()
			out := logs.String()
			logMu.Unlock()
			if n := strings.Count(out, "Redis did not answer"); n != 1 {
				t.Fatalf("%d log lines about Redis, want 1:\n%s", n, out)
			}
		})
	}
}

// A process that reached Redis knows how many share the limit, and keeps
// that share of it when Redis fails, so that replicas cut off together stay
// under the limit.
func TestFallbackKeepsTheProcessShare(t *testing.T) {
	t.Parallel()
	rdb, prefix := realRedis(t)
	cfg := Config{Name: "test", Rate: 90, Burst: 9, Window: 30}
	var ls []*Limiter
	for range 3 {
		l, _ := New(rdb, Key(prefix, "s"), cfg)
		p, err := l.Wait(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		p.Done()
		ls = append(ls, l)
	}
	// The last to ask was told of all three.
	g := ls[2].local
	if g.processes() != 3 || g.lim.Limit() != 30 || g.lim.Burst() != 3 {
		t.Fatalf("share of 3 processes: n=%d, rate %v, burst %d; want 3, 30, 3", g.processes(), g.lim.Limit(), g.lim.Burst())
	}
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.Write(p)
}

// The limit's keys live in one slot and expire.
func TestKeysShareASlotAndExpire(t *testing.T) {
	t.Parallel()
	rdb, prefix := realRedis(t)
	l, _ := New(rdb, Key(prefix, "x"), Config{Name: "x", Rate: 100, Burst: 1, Window: 10, Period: 50 * time.Millisecond, InFlight: 100 * time.Millisecond})
	p, err := l.Wait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p.Done()
	keys, err := redistest.Keys(context.Background(), rdb, prefix+"*")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(keys)
	if want := []string{Key(prefix, "x"), Key(prefix, "x") + ":processes"}; !slices.Equal(keys, want) {
		t.Fatalf("keys %v, want %v", keys, want)
	}
	for _, k := range keys {
		if !strings.Contains(k, "{limit-x}") {
			t.Fatalf("key %s lacks the hash tag", k)
		}
		ttl, err := rdb.PTTL(context.Background(), k).Result()
		if err != nil || ttl <= 0 || ttl > 2*processTTL {
			t.Fatalf("%s: TTL %v (%v), want one", k, ttl, err)
		}
	}
}

// Requests the shared limit let go count in the process's own limit too:
// when Redis stops answering, the process does not add a fresh burst and
// window of its own to the requests still in flight (three replicas under
// load drew global 429s from the fake Discord that way).
func TestFallbackCountsSharedRequests(t *testing.T) {
	t.Parallel()
	rdb, prefix := realRedis(t)
	cfg := Config{Name: "test", Rate: 1000, Burst: 5, Window: 5, Period: time.Minute, Timeout: 30 * time.Second, Retry: time.Minute}
	l, err := New(rdb, Key(prefix, "f"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var permits []Permit
	for range cfg.Window {
		p, err := l.Wait(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if p.id == "" {
			t.Fatal("a request went by the local limit while Redis answered")
		}
		permits = append(permits, p)
	}
	l.fail(errors.New("Redis did not answer")) // as a timed-out call does
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if p, err := l.Wait(short); err == nil {
		p.Done()
		t.Fatalf("the local limit let a request go beside the %d the shared one has in flight", cfg.Window)
	}
	for _, p := range permits {
		p.Done()
	}
	// Ended within the Period, they still fill the window.
	short2, cancel2 := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel2()
	if p, err := l.Wait(short2); err == nil {
		p.Done()
		t.Fatal("the local limit let a request go within a Period of the shared ones")
	}
}

// A request the shared limit lets go still waits for a pause the process
// knows and Redis may not yet (a Pause whose write failed or is on its way).
func TestSharedPermitHoldsTheLocalPause(t *testing.T) {
	t.Parallel()
	rdb, prefix := realRedis(t)
	l, err := New(rdb, Key(prefix, "p"), Config{Name: "test", Rate: 1000, Burst: 5})
	if err != nil {
		t.Fatal(err)
	}
	until := time.Now().Add(300 * time.Millisecond)
	l.local.pause(until)
	p, err := l.Wait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p.Done()
	if now := time.Now(); now.Before(until) {
		t.Fatalf("a request went %v before the process's pause ended", until.Sub(now))
	}
}
