package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/redistest"
)

func TestMain(m *testing.M) { redistest.Main(m) }

// kapbot runs one command line in-process and returns its exit status and
// output.
func kapbot(t testing.TB, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errw bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errw)
	return code, out.String(), errw.String()
}

// useRedis points the settings at the test's Redis under its own prefix and
// key file.
func useRedis(t testing.TB) redis.UniversalClient {
	t.Helper()
	client, prefix := redistest.New(t)
	switch c := client.(type) {
	case *redis.Client:
		t.Setenv("REDIS_URL", "redis://"+c.Options().Addr+"/0")
	case *redis.ClusterClient:
		t.Setenv("REDIS_URL", "redis+cluster://"+strings.Join(c.Options().Addrs, ","))
	default:
		t.Fatalf("unexpected client %T", client)
	}
	t.Setenv("KAPBOT_PREFIX", prefix)
	t.Setenv("KAPBOT_DATA_KEY", "")
	t.Setenv("KAPBOT_KEY_FILE", filepath.Join(t.TempDir(), "data.key"))
	t.Setenv("KAPBOT_LOG_LEVEL", "warn")
	return client
}

// pushSamples publishes the sample flows to the test's Redis.
func pushSamples(t testing.TB) {
	t.Helper()
	if code, out, errw := kapbot(t, "", "flows", "push", "../flows"); code != 0 {
		t.Fatalf("push: %d\n%s%s", code, out, errw)
	}
}

// showSession reads a patient through `sessions show USER --json`, as a
// clinic's script would; it returns the view and the JSON.
func showSession(t testing.TB, user string) (SessionView, string) {
	t.Helper()
	code, js, errw := kapbot(t, "", "sessions", "show", user, "--json")
	if code != 0 {
		t.Fatalf("sessions show %s: %d %s", user, code, errw)
	}
	var v SessionView
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		t.Fatalf("%v\n%s", err, js)
	}
	return v, js
}

func TestSampleFlowsValidate(t *testing.T) {
	code, out, errw := kapbot(t, "", "flows", "validate", "../flows")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errw)
	}
	if !strings.Contains(out, "ok:") {
		t.Fatalf("stdout %q (the success summary belongs on stdout)", out)
	}
}

func TestBrokenFlowsAreRefusedWithEveryErrorLocated(t *testing.T) {
	code, out, _ := kapbot(t, "", "flows", "validate", "testdata/broken")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, out)
	}
	located := regexp.MustCompile(`(?m)^testdata/broken/[a-z-]+\.yaml:\d+:\d+: .+$`)
	lines := located.FindAllString(out, -1)
	for _, want := range []string{
		`broken.yaml:\d+:\d+: .*unknown key "sya"`,
		`broken.yaml:\d+:\d+: .*duplicate step id "q1"`,
		`broken.yaml:\d+:\d+: .*"nowhere"`,
		`broken.yaml:\d+:\d+: .*unknown name.*bogus`,
		`broken.yaml:\d+:\d+: .*duplicate.*value "a"`,
	} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("no error matching %s in:\n%s", want, out)
		}
	}
	if len(lines) < 5 {
		t.Fatalf("want every problem located, got:\n%s", out)
	}
	// Push refuses the same folder and publishes nothing.
	useRedis(t)
	code, _, _ = kapbot(t, "", "flows", "push", "testdata/broken")
	if code != 1 {
		t.Fatalf("push of broken flows: exit %d, want 1", code)
	}
	if code, _, errw := kapbot(t, "", "flows", "list"); code != 1 || !strings.Contains(errw, "nothing is published") {
		t.Fatalf("list after refused push: %d %q", code, errw)
	}
}

func TestUsageMistakesExitTwo(t *testing.T) {
	t.Setenv("REDIS_URL", "")
	t.Setenv("TELEGRAM_TOKEN", "")
	t.Setenv("DISCORD_TOKEN", "")
	for _, args := range [][]string{
		{},
		{"nope"},
		{"chat", "--bogus"},
		{"flows"},
		{"flows", "validate"},
		{"serve"},
		{"sessions", "show"},
		{"export", "--format", "xml"},
		{"flows", "list"}, // REDIS_URL missing
	} {
		code, _, errw := kapbot(t, "", args...)
		if code != 2 {
			t.Errorf("kapbot %v: exit %d, want 2 (stderr %q)", args, code, errw)
		}
		if len(args) > 0 && strings.Count(strings.TrimSpace(errw), "\n") != 0 {
			t.Errorf("kapbot %v: want one clear line, got %q", args, errw)
		}
	}
	if code, out, _ := kapbot(t, "", "help"); code != 0 || !strings.Contains(out, "no medical advice") {
		t.Errorf("help: %d %q", code, out)
	}
	if code, _, errw := kapbot(t, "", "chat", "--help"); code != 0 || !strings.Contains(errw, "--flow") {
		t.Errorf("chat --help: %d %q", code, errw)
	}
	if code, _, errw := kapbot(t, "", "appointments", "import", "--help"); code != 0 || !strings.Contains(errw, "Usage: kapbot appointments import FILE.csv\n") {
		t.Errorf("appointments import --help: %d %q", code, errw)
	}
	if code, out, errw := kapbot(t, "", "health", "--help"); code != 0 || !strings.Contains(errw, "Usage: kapbot health [URL]") || out != "" {
		t.Errorf("health --help: %d %q %q", code, out, errw)
	}
	// Every setting is described in the main usage and named by every
	// command's --help.
	settings := []string{"REDIS_URL", "KAPBOT_DATA_KEY_PREVIOUS", "KAPBOT_ID_KEY", "KAPBOT_WEBHOOK_URL",
		"KAPBOT_WEBHOOK_SECRET", "KAPBOT_WEBHOOK_MAX_ATTEMPTS", "KAPBOT_AUDIT_MAX_ENTRIES", "KAPBOT_FHIR_BASE"}
	_, out, _ := kapbot(t, "", "help")
	for _, cmd := range [][]string{{"keys", "rotate", "--help"}, {"serve", "--help"}, {"export", "--help"}} {
		_, _, errw := kapbot(t, "", cmd...)
		for _, v := range settings {
			if !strings.Contains(out, v) {
				t.Errorf("help does not describe %s", v)
			}
			if !strings.Contains(errw, v) {
				t.Errorf("kapbot %v does not name %s: %q", cmd, v, errw)
			}
		}
	}
}

// A REDIS_URL that cannot be read is one line naming the setting, with the
// forms it takes once, and never its password.
func TestBadRedisURL(t *testing.T) {
	for _, u := range []string{"http://user:s3cret@x", "redis+cluster://", "redis://user:s3cret@[::1", "redis://x:6379/abc"} {
		t.Setenv("REDIS_URL", u)
		code, _, errw := kapbot(t, "", "sessions", "list")
		if code != 2 || !strings.HasPrefix(errw, "kapbot: REDIS_URL: ") || strings.Count(errw, "redis+sentinel://") != 1 ||
			strings.Contains(errw, "s3cret") || strings.Count(strings.TrimSpace(errw), "\n") != 0 {
			t.Errorf("REDIS_URL=%s: exit %d, %q", u, code, errw)
		}
	}
}

// A full PHQ-9 answer set piped through chat gives the right total, band and
// flags, visible afterwards with sessions show --json.
func TestPipedPHQ9ThroughChat(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	// Items 1-8 "More than half the days" (2), item 9 "Several days" (1), item 10 any.
	answers := strings.Repeat("More than half the days\n", 8) + "Several days\n" + "1\n"
	code, out, errw := kapbot(t, answers, "chat", "--flow", "phq9", "--user", "alice")
	if code != 0 {
		t.Fatalf("chat: %d\n%s%s", code, out, errw)
	}
	blocks := strings.Split(strings.TrimSpace(out), "\n\n")
	if len(blocks) < 10 {
		t.Fatalf("want one block per message, got %d:\n%s", len(blocks), out)
	}
	v, js := showSession(t, "alice")
	if len(v.Results) != 1 {
		t.Fatalf("results = %+v", v.Results)
	}
	r := v.Results[0]
	if r.Questionnaire != "phq9" || r.Total != 17 || r.Band != "moderately_severe" || !r.Risk || strings.Join(r.Flags, ",") != "item9" {
		t.Fatalf("result = %+v", r)
	}
	// Item 9 above 0 is a risk whatever the total: crisis resources and an emergency referral.
	if !strings.Contains(out, "988") {
		t.Errorf("crisis resources not shown:\n%s", out)
	}
	if len(v.Referrals) != 1 || v.Referrals[0].Priority != "emergency" {
		t.Errorf("referrals = %+v", v.Referrals)
	}
	// Then the same path as crisis language: a pause until the patient says
	// they are safe; continuing ends the questionnaire.
	if v.Status != "paused" || !strings.Contains(out, "Your safety matters most") {
		t.Errorf("status %q at %q", v.Status, v.At)
	}
	if code, out, _ := kapbot(t, "1\n", "chat", "--flow", "phq9", "--user", "alice"); code != 0 || !strings.Contains(out, "Let us continue") {
		t.Fatalf("continue after the pause: %d\n%s", code, out)
	}
	v, js = showSession(t, "alice")
	if v.Status != "ended" || len(v.Referrals) != 1 {
		t.Errorf("after continuing: %s", js)
	}
}

func TestCrisisMessageMidFlowThroughChat(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	// A clear intent: "I don't want to be here anymore" alone asks directly
	// first (the possible tier of issue 10).
	code, out, errw := kapbot(t, "1\nI don't want to be here anymore, I'm going to end it tonight\n", "chat", "--flow", "kap-intake", "--user", "bob")
	if code != 0 {
		t.Fatalf("chat: %d\n%s%s", code, out, errw)
	}
	if !strings.Contains(out, "988") {
		t.Fatalf("no crisis resources:\n%s", out)
	}
	v, js := showSession(t, "bob")
	if len(v.Referrals) != 1 || v.Referrals[0].Priority != "emergency" || v.Status != "paused" {
		t.Fatalf("session = %s", js)
	}
	if r := v.Referrals[0]; r.Status != "new" || len(r.ShortID) != 8 || !strings.Contains(js, `"short_id"`) {
		t.Fatalf("referral status and short id missing: %s", js)
	}
	if strings.Contains(errw, "don't want to be here") {
		t.Fatalf("patient text reached the log:\n%s", errw)
	}
}

func TestDemoRunsWithoutRedisOrTokens(t *testing.T) {
	t.Setenv("REDIS_URL", "redis://127.0.0.1:1/0") // the demo must ignore it
	t.Setenv("KAPBOT_DATA_KEY", "")
	t.Setenv("KAPBOT_KEY_FILE", filepath.Join(t.TempDir(), "k"))
	t.Chdir("..")
	code, out, errw := kapbot(t, "/help\n", "demo")
	if code != 0 {
		t.Fatalf("demo: %d\n%s%s", code, out, errw)
	}
	if !strings.Contains(errw, "embedded") || !strings.Contains(out, "medical advice") {
		t.Fatalf("stdout:\n%s\nstderr:\n%s", out, errw)
	}
	if _, err := os.Stat(filepath.Join(os.Getenv("KAPBOT_KEY_FILE"))); err == nil {
		t.Fatal("the demo wrote a key file; its key must be throwaway")
	}
}

func TestExportJSONAndCSV(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	kapbot(t, strings.Repeat("3\n", 9)+"0\n", "chat", "--flow", "phq9", "--user", "carol")
	code, js, errw := kapbot(t, "", "export", "--format", "json")
	if code != 0 || !strings.Contains(js, `"console:carol"`) || !strings.Contains(js, `"total": 27`) {
		t.Fatalf("json export: %d %s %s", code, js, errw)
	}
	code, csv, _ := kapbot(t, "", "export", "--format", "csv")
	if code != 0 || !strings.Contains(csv, "console:carol") || !strings.Contains(csv, "emergency") {
		t.Fatalf("csv export: %d %s", code, csv)
	}
}

// A dosing question typed in the middle of a flow gets the one fixed reply,
// reaches a referral for the clinic team, and the flow goes on.
func TestMedicalQuestionThroughChat(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	code, out, errw := kapbot(t, "1\ncan I take my sertraline before the session?\n", "chat", "--flow", "kap-intake", "--user", "erin")
	if code != 0 {
		t.Fatalf("chat: %d\n%s%s", code, out, errw)
	}
	if !strings.Contains(out, "I cannot give medical advice") {
		t.Fatalf("no fixed reply:\n%s", out)
	}
	v, js := showSession(t, "erin")
	if len(v.Referrals) != 1 || v.Referrals[0].Trigger != "medical" || v.Status != "active" {
		t.Fatalf("session = %s", js)
	}
}
