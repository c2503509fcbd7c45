package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/webhook"
)

// No key without a TTL grows with the number of patients: more patients
// add no new key without a TTL, and the index keys that do hold one entry
// per patient (patients, pending, open and due referrals, the webhook
// stream) shrink back once the patients' data has expired and serve's
// upkeep has run; the audit log is trimmed to its bound.
func TestNoKeyWithoutTTLGrowsWithPatients(t *testing.T) {
	client := useRedis(t)
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }))
	t.Cleanup(recv.Close)
	t.Setenv(envWebhookURL, recv.URL)
	t.Setenv(envWebhookSecret, "s")
	pushSamples(t)
	ctx := context.Background()
	prefix := os.Getenv("KAPBOT_PREFIX")

	patients := func(from, to int) {
		for i := from; i < to; i++ {
			user := fmt.Sprintf("p%d", i)
			if code, out, errw := kapbot(t, "yes\nI want to kill myself\n", "chat", "--flow", "kap-intake", "--user", user); code != 0 {
				t.Fatalf("chat: %d %s %s", code, out, errw)
			}
			kapbot(t, "", "sessions", "show", user) // an audit entry per patient too
		}
	}
	// noTTL maps every key without a TTL to its size.
	noTTL := func() map[string]int64 {
		out := map[string]int64{}
		all, _ := redistest.Keys(ctx, client, prefix+"*")
		for _, k := range all {
			if ttl, _ := client.PTTL(ctx, k).Result(); ttl != -1 {
				continue
			}
			var n int64
			switch typ, _ := client.Type(ctx, k).Result(); typ {
			case "zset":
				n, _ = client.ZCard(ctx, k).Result()
			case "set":
				n, _ = client.SCard(ctx, k).Result()
			case "list":
				n, _ = client.LLen(ctx, k).Result()
			case "stream":
				n, _ = client.XLen(ctx, k).Result()
			case "hash":
				n, _ = client.HLen(ctx, k).Result()
			default:
				n = 1
			}
			out[strings.TrimPrefix(k, prefix)] = n
		}
		return out
	}
	patients(0, 2)
	few := noTTL()
	patients(2, 12)
	many := noTTL()
	for k, n := range many {
		fixed := strings.HasPrefix(k, ":due:{due-") || strings.HasPrefix(k, ":patients:{patients-") || strings.HasPrefix(k, ":pending:{pending-") // a fixed set of store.DueShards or store.IndexShards keys
		if _, ok := few[k]; !ok && !fixed {
			t.Errorf("key %s (size %d) without a TTL appeared with more patients", k, n)
		}
	}
	indexed := int64(0)
	for k, n := range many {
		if strings.HasPrefix(k, ":patients:{patients-") {
			indexed += n
		}
	}
	if many[":{ref}:open"] < 10 || indexed < 10 {
		t.Fatalf("the indexes did not grow: %v (the test did not test)", many)
	}

	// Time passes: every key with a TTL expires (the clinic's retention),
	// and the activity scores fall behind it.
	all, _ := redistest.Keys(ctx, client, prefix+"*")
	for _, k := range all {
		if ttl, _ := client.PTTL(ctx, k).Result(); ttl > 0 {
			client.Del(ctx, k)
		} else if strings.HasPrefix(k, prefix+":patients") {
			ms, _ := client.ZRange(ctx, k, 0, -1).Result()
			for _, m := range ms {
				client.ZAddXX(ctx, k, redis.Z{Score: 1, Member: m})
			}
		}
	}
	// serve's upkeep: maintenance, a notifier tick, redelivery, the webhook worker.
	cfg := configFromEnv()
	be, err := cfg.open(ctx, false, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	defer be.Close()
	log := slog.New(slog.DiscardHandler)
	maintainOnce(ctx, be, 5, log)
	lib := runner.NewLibrary(be.store)
	if err := notifier(be, lib, log).Tick(ctx); err != nil {
		t.Fatal(err)
	}
	if err := runner.New(be.store, lib).Redeliver(ctx); err != nil {
		t.Fatal(err)
	}
	w, err := webhook.NewWorker(be.client, be.prefix, be.sealer, webhook.Config{URL: recv.URL, Secret: []byte("s"), MinBackoff: 5 * time.Millisecond, Block: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	wctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); w.Run(wctx) }()
	eventually(t, "the webhook stream drained", func() bool { n, _ := client.XLen(ctx, webhook.Stream(prefix)).Result(); return n == 0 })
	stop()
	<-done

	t.Logf("without TTL, 2 patients: %v; 12 patients: %v", few, many)
	after := noTTL()
	t.Logf("after expiry and upkeep: %v", after)
	for k, n := range after {
		limit := few[k]
		switch {
		case k == ":audit":
			limit = 5 // trimmed to the bound the upkeep was given
		case strings.HasSuffix(k, "}:trim"):
			limit = 1 // the audit log's trim point: one value
		}
		if n > limit {
			t.Errorf("key %s without a TTL: %d entries after the data expired (%d with 2 patients, %d with 12)", k, n, few[k], many[k])
		}
	}
}
