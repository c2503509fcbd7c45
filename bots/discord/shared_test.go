package discord

import (
	"context"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/discord/discordtest"
	"github.com/kapbot/kapbot/internal/ratelimit"
	"github.com/kapbot/kapbot/internal/redistest"
)

// Three replicas of the bot, each with its own transport, share Discord's
// global limit through Redis: all sending at once, the fake Discord (50
// requests in any sliding second) answers no global 429, where three
// limiters of their own would send 120 a second. A 429 allowance of one
// covers a clock edge on a loaded machine.
func TestReplicasShareTheGlobalLimit(t *testing.T) {
	t.Parallel()
	if redistest.Kind() == redistest.KindMiniredis {
		t.Skip("needs a real Redis")
	}
	rdb, prefix := redistest.New(t)
	srv := discordtest.New(t, discordtest.Options{GlobalLimit: 50, Limit: 1 << 20})
	base, err := apiBase(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	var transports []*apiTransport
	for range 3 {
		g, err := ratelimit.New(rdb, ratelimit.Key(prefix, "discord_global"), GlobalLimit())
		if err != nil {
			t.Fatal(err)
		}
		transports = append(transports, &apiTransport{base: base, next: http.DefaultTransport, global: g})
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	const each = 12
	var wg sync.WaitGroup
	for _, tr := range transports {
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range each {
					req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://discord.com/api/v10/users/@me", nil)
					req.Header.Set("Authorization", "Bot fake-token")
					resp, err := tr.RoundTrip(req)
					if err != nil {
						t.Error(err)
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}()
		}
	}
	wg.Wait()
	if n := srv.Global429s(); n > 1 {
		t.Fatalf("%d global 429s from three replicas sharing the limit; want at most 1", n)
	}
	if v := srv.Violations(); len(v) > 0 {
		t.Fatalf("requests past a limit: %v", v)
	}
}
