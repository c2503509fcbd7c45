package main

import (
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
	"github.com/kapbot/kapbot/internal/redistest"
)

// kapbot serve on Redis Sentinel (REDIS_URL=redis+sentinel://...) keeps a
// patient's intake going when the replica is promoted mid-conversation:
// every answer is applied once, the intake ends with every questionnaire
// whole, and the data written before the switch is on the new master.
func TestServeThroughSentinelFailover(t *testing.T) {
	set := redistest.StartSentinel(t)
	useRedis(t) // key prefix, key file, log level
	t.Setenv("REDIS_URL", set.URL)
	second := 10 * time.Millisecond
	fake := serveTelegramAt(t, second, "127.0.0.1:0")
	first := set.Master(t)
	const chat = 6161
	pressed, typed := walkIntake(t, fake, chat, second, func(turn int) {
		if turn == 8 { // mid-questionnaire
			set.Failover(t)
		}
	})
	if set.Master(t) == first {
		t.Fatal("no failover happened")
	}
	v, js := showSession(t, "tg:6161")
	if pressed < 10 || typed < 1 || len(v.Referrals) == 0 || len(v.Results) < 4 {
		t.Fatalf("pressed %d, typed %d; session after intake: %s", pressed, typed, js)
	}
	for _, r := range v.Results {
		if len(r.Missing) > 0 && !(r.Questionnaire == "kap_contra" && len(r.Missing) == 1 && r.Missing[0] == "age") {
			// (walkIntake types words where the age is asked: skipped as without the failover)
			t.Errorf("%s: items missing after the failover: %v", r.Questionnaire, r.Missing)
		}
	}
	// (the press answers come in the background: waited for)
	if fake.Wait(20*time.Second, func(st telegramtest.Stats) bool { return st.Unanswered == 0 }) != nil {
		t.Errorf("stats: %v", fake.Stats())
	}
}
