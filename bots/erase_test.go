package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/webhook"
)

// A patient in crisis asks to be forgotten: their referral is erased with
// the session, the staff post is overwritten, /referral no longer finds it,
// and the audit log names the patient by hash only. Another patient erased
// from the command line (kapbot sessions erase) while serve runs: serve
// overwrites the staff post.
func TestServeForgetErasesReferrals(t *testing.T) {
	useRedis(t)
	staffFlows(t, "10m")
	referralTick = 100 * time.Millisecond
	t.Cleanup(func() { referralTick = 5 * time.Second })
	fake := fakeTelegram(t)
	t.Setenv("DISCORD_TOKEN", "")
	t.Setenv("KAPBOT_LISTEN", "127.0.0.1:0")
	serve(t)

	crisis := func(chat int64) (int, string) {
		t.Helper()
		p, id := crisisReferral(t, fake, chat)
		return p.ID, id
	}
	staffPost := func(id int) string {
		for _, m := range fake.Messages(staffGroup) {
			if m.ID == id {
				return m.Text
			}
		}
		return ""
	}
	groupSays := func(want string) func() bool {
		return func() bool {
			ms := fake.Messages(staffGroup)
			return len(ms) > 0 && strings.Contains(ms[len(ms)-1].Text, want)
		}
	}

	const chat = 4747
	msgID, id := crisis(chat)
	fake.PushText(chat, "/forget")
	time.Sleep(200 * time.Millisecond)
	fake.PushText(chat, "yes")
	eventually(t, "the staff post overwritten", func() bool { return staffPost(msgID) == referral.ErasedText })
	fake.PushTextAs(staffGroup, staffTG, "Alex", "/referral "+id)
	eventually(t, "the referral gone", groupSays("No referral "+id))

	const other = 4848
	msgID2, id2 := crisis(other)
	if code, out, errw := kapbot(t, "", "sessions", "erase", "tg:4848", "--actor", "dpo"); code != 0 || !strings.Contains(out, "(1 referrals)") {
		t.Fatalf("sessions erase: %d %s%s", code, out, errw)
	}
	eventually(t, "serve overwrites the other staff post", func() bool { return staffPost(msgID2) == referral.ErasedText })
	fake.PushTextAs(staffGroup, staffTG, "Alex", "/referral "+id2)
	eventually(t, "the other referral gone", groupSays("No referral "+id2))

	code, out, errw := kapbot(t, "", "audit")
	if code != 0 {
		t.Fatalf("audit: %s", errw)
	}
	for _, want := range []string{"patient (/forget)", "patient " + referral.PatientHash("tg:4747"), "dpo", "patient " + referral.PatientHash("tg:4848")} {
		if !strings.Contains(out, want) {
			t.Errorf("audit lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "4747") || strings.Contains(out, "4848") {
		t.Errorf("the audit log names the patient:\n%s", out)
	}
}

// clinic.yaml's webhook (url and secret_env) feeds the receiver: the
// referral's creation, then, after /forget, its erasure with the id only,
// each signed with the secret from the named environment variable.
func TestServeWebhookFromClinicYAML(t *testing.T) {
	useRedis(t)
	const secret = "s3cr3t-from-env"
	var mu sync.Mutex
	var events []map[string]any
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if webhook.VerifyRequest([]byte(secret), r.Header.Get(webhook.HeaderTimestamp), body, r.Header.Get(webhook.HeaderSignature), time.Now(), time.Minute) != nil {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		var ev map[string]any
		json.Unmarshal(body, &ev)
		mu.Lock()
		events = append(events, ev)
		mu.Unlock()
	}))
	t.Cleanup(recv.Close)
	staffClinicExtra = "\nwebhook:\n  url: " + recv.URL + "/in\n  secret_env: CLINIC_HOOK_KEY\n"
	t.Cleanup(func() { staffClinicExtra = "" })
	staffFlows(t, "10m")
	t.Setenv(envWebhookURL, "")
	t.Setenv(envWebhookSecret, "")
	t.Setenv("CLINIC_HOOK_KEY", secret)
	fake := fakeTelegram(t)
	t.Setenv("DISCORD_TOKEN", "")
	t.Setenv("KAPBOT_LISTEN", "127.0.0.1:0")
	serve(t)

	const chat = 4949
	_, id := crisisReferral(t, fake, chat)
	fake.PushText(chat, "/forget")
	time.Sleep(200 * time.Millisecond)
	fake.PushText(chat, "yes")
	types := func() []string {
		mu.Lock()
		defer mu.Unlock()
		var out []string
		for _, ev := range events {
			out = append(out, fmt.Sprint(ev["type"]))
		}
		return out
	}
	eventually(t, "the erased event", func() bool { return slices.Contains(types(), referral.EventErased) })
	mu.Lock()
	defer mu.Unlock()
	if events[0]["type"] != referral.EventCreated {
		t.Fatalf("events %v", types())
	}
	for _, ev := range events {
		if ev["type"] == referral.EventErased && (len(ev) != 4 || ev["referral"] != id || ev["id"] != id+"/erased") {
			t.Fatalf("erased event %v", ev)
		}
	}
}
