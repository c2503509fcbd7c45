package main

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/seal"
)

// 200 crisis lines from one patient make one open emergency referral; the
// patient's history lists every crisis, each naming the referral it was
// added to.
func TestCrisisFloodMakesOneEmergencyReferral(t *testing.T) {
	client := useRedis(t)
	pushSamples(t)
	in := strings.Repeat("I want to kill myself\n", 200)
	code, out, errw := kapbot(t, in, "chat", "--flow", "kap-intake", "--user", "flood")
	if code != 0 || !strings.Contains(out, "741741") {
		t.Fatalf("chat: %d\n%.2000s\n%s", code, out, errw)
	}
	key, err := os.ReadFile(os.Getenv("KAPBOT_KEY_FILE"))
	if err != nil {
		t.Fatal(err)
	}
	k, err := seal.ParseKey(strings.TrimSpace(string(key)))
	if err != nil {
		t.Fatal(err)
	}
	sealer, _ := seal.New(k)
	open, err := referral.NewStore(client, os.Getenv("KAPBOT_PREFIX"), sealer).Open(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(open) != 1 {
		t.Fatalf("%d open referrals, want 1", len(open))
	}
	code, js, errw := kapbot(t, "", "sessions", "show", "flood", "--json")
	if code != 0 {
		t.Fatal(errw)
	}
	var v SessionView
	json.Unmarshal([]byte(js), &v)
	merged := 0
	for _, r := range v.Referrals {
		if r.MergedInto == open[0].ID && r.Status == "new" {
			merged++
		}
	}
	if len(v.Referrals) < 2 || merged != len(v.Referrals)-1 {
		t.Fatalf("history: %d referrals, %d marked as added to %s", len(v.Referrals), merged, open[0].ID)
	}
	t.Logf("%d crisis referrals in the history, one open", len(v.Referrals))
}
