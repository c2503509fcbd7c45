package main

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"
)

// An export or a session view that cannot be recorded prints nothing and
// says why; the audit write comes first.
func TestAuditFailureShowsNothing(t *testing.T) {
	client := useRedis(t)
	pushSamples(t)
	if code, out, errw := kapbot(t, riskIntake, "chat", "--flow", "kap-intake", "--user", "dana"); code != 0 {
		t.Fatalf("chat: %d\n%s%s", code, out, errw)
	}
	// The audit stream's key holds another type: every append fails.
	key := os.Getenv("KAPBOT_PREFIX") + ":audit"
	if err := client.Set(context.Background(), key, "not a stream", 0).Err(); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"export", "--format", "json"},
		{"export", "--format", "csv"},
		{"export", "--format", "fhir", "--user", "dana"},
		{"sessions", "show", "dana"},
		{"sessions", "show", "dana", "--json"},
	} {
		code, out, errw := kapbot(t, "", args...)
		if code != 1 || out != "" || !strings.Contains(errw, "audit log") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1, nothing printed, an audit error", args, code, out, errw)
		}
	}
}

func TestActorMustBeOneLine(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	for _, args := range [][]string{
		{"export", "--actor", "alice\n2026-11-03T09:00:00Z  mallory export"},
		{"sessions", "show", "dana", "--actor", "alice\rbob"},
		{"sessions", "show", "dana", "--actor", "\x1b[2Jalice"},
		{"export", "--actor", strings.Repeat("a", 200)},
	} {
		code, out, errw := kapbot(t, "", args...)
		if code != 2 || out != "" || !strings.Contains(errw, "--actor") || strings.Count(errw, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one line", args, code, out, errw)
		}
	}
	// Without $USER the actor is still someone, never empty.
	t.Setenv("USER", "")
	t.Setenv("LOGNAME", "")
	if code, _, errw := kapbot(t, "", "export", "--format", "csv"); code != 0 {
		t.Fatalf("export without USER: %d %s", code, errw)
	}
	_, out, _ := kapbot(t, "", "audit")
	if !regexp.MustCompile(`Z  \S+ +export`).MatchString(out) {
		t.Fatalf("audit: %q", out)
	}
}

// kapbot audit verify names a deleted, a replayed and an edited entry.
func TestAuditVerifyCLI(t *testing.T) {
	client := useRedis(t)
	pushSamples(t)
	ctx := context.Background()
	key := os.Getenv("KAPBOT_PREFIX") + ":audit"
	for range 6 {
		if code, _, errw := kapbot(t, "", "export", "--format", "csv", "--actor", "clerk"); code != 0 {
			t.Fatal(errw)
		}
	}
	if code, out, errw := kapbot(t, "", "audit", "verify"); code != 0 || !strings.Contains(out, "6 entries: the chain holds") {
		t.Fatalf("untouched: %d %q %q", code, out, errw)
	}
	msgs, _ := client.XRange(ctx, key, "-", "+").Result()

	// Deleted.
	client.XDel(ctx, key, msgs[1].ID)
	code, out, _ := kapbot(t, "", "audit", "verify")
	if code != 1 || !strings.Contains(out, msgs[2].ID+": deleted") {
		t.Fatalf("deleted: %d %q", code, out)
	}
	// Replayed: an old entry appended again.
	replay, _ := client.XAdd(ctx, &redis.XAddArgs{Stream: key, Values: msgs[3].Values}).Result()
	code, out, _ = kapbot(t, "", "audit", "verify")
	if code != 1 || !strings.Contains(out, replay+": replayed: a copy of entry "+msgs[3].ID) {
		t.Fatalf("replayed: %d %q", code, out)
	}
	// Edited: the stream rewritten with one entry changed.
	all, _ := client.XRange(ctx, key, "-", "+").Result()
	client.Del(ctx, key)
	for i, m := range all {
		v := m.Values
		if i == 3 {
			d := []byte(v["d"].(string))
			d[len(d)-3] ^= 0x20
			v = map[string]any{"d": string(d)}
		}
		client.XAdd(ctx, &redis.XAddArgs{Stream: key, ID: m.ID, Values: v})
	}
	code, out, errw := kapbot(t, "", "audit", "verify")
	if code != 1 || !strings.Contains(out, all[3].ID+": edited") || !strings.Contains(out, msgs[2].ID+": deleted") ||
		!strings.Contains(out, replay+": replayed") || !strings.Contains(errw, "does not verify") {
		t.Fatalf("edited: %d %q %q", code, out, errw)
	}
}
