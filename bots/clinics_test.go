package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/bots/discord/discordtest"
	"github.com/kapbot/kapbot/bots/telegram"
	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
	"github.com/kapbot/kapbot/internal/keys"
	"github.com/kapbot/kapbot/internal/redistest"
)

// Two clinics of one deployment, built from the sample flows: clinic a
// with the sample staff (Telegram 111111111) and its group -100777, clinic
// b with other staff (Telegram 555555555) and its group -100888.
const (
	groupA, groupB = -100777, -100888
	staffA, staffB = 111111111, 555555555
)

// twoClinics writes a deployment file of clinics a and b sharing ../flows,
// each with its own clinic.yaml, sets KAPBOT_CLINICS, the shared pseudonym
// key and each clinic's data key, and returns the deployment folder.
func twoClinics(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	sample, err := os.ReadFile("../flows/clinic.yaml")
	if err != nil {
		t.Fatal(err)
	}
	flows, _ := filepath.Abs("../flows")
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a := strings.Replace(string(sample), `"-1001234567890"`, `"-100777"`, 1)
	b := strings.Replace(string(sample), `"-1001234567890"`, `"-100888"`, 1)
	b = strings.NewReplacer(`"111111111"`, `"555555555"`, `"333333333"`, `"555555556"`, `"222222222222222222"`, `"666666666666666666"`, "Example KAP Clinic", "Second Example Clinic").Replace(b)
	write("a.yaml", a)
	write("b.yaml", b)
	write("clinics.yaml", "kapbot: 1\nclinics:\n  - id: a\n    flows: "+flows+"\n    clinic: a.yaml\n  - id: b\n    flows: "+flows+"\n    clinic: b.yaml\n")
	t.Setenv(envClinics, filepath.Join(dir, "clinics.yaml"))
	key := func() string {
		k := make([]byte, 32)
		rand.Read(k)
		return base64.StdEncoding.EncodeToString(k)
	}
	t.Setenv("KAPBOT_ID_KEY", key())
	t.Setenv("KAPBOT_DATA_KEY_A", key())
	t.Setenv("KAPBOT_DATA_KEY_B", key())
	for _, id := range []string{"a", "b"} {
		if code, out, errw := kapbot(t, "", "flows", "push", "--clinic", id); code != 0 {
			t.Fatalf("push %s: %d %s%s", id, code, out, errw)
		}
	}
	return dir
}

// keysOf returns every key under prefix with its serialised value, from
// every master of a cluster (KEYS would ask one node only).
func keysOf(t *testing.T, c redis.UniversalClient, prefix string) map[string]string {
	t.Helper()
	ctx := context.Background()
	ks, err := redistest.Keys(ctx, c, prefix+"*")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, k := range ks {
		v, err := redistest.Value(ctx, c, k)
		if err != nil {
			t.Fatal(err)
		}
		out[k] = v
	}
	return out
}

// Erasing a patient in clinic a touches nothing of clinic b, even a patient
// with the same id; each clinic's commands see only its own patients.
func TestClinicsEraseAndExportIsolated(t *testing.T) {
	client := useRedis(t)
	twoClinics(t)
	prefix := os.Getenv("KAPBOT_PREFIX")
	for _, id := range []string{"a", "b"} {
		for _, user := range []string{"sam", "only-" + id} {
			if code, out, errw := kapbot(t, riskIntake, "chat", "--clinic", id, "--flow", "kap-intake", "--user", user); code != 0 || !strings.Contains(out, "741741") {
				t.Fatalf("chat %s %s: %d\n%s%s", id, user, code, out, errw)
			}
		}
	}
	if code, _, errw := kapbot(t, "", "sessions", "show", "only-a"); code != 2 || !strings.Contains(errw, "--clinic") {
		t.Fatalf("a command without --clinic: %d %q, want exit 2 asking for --clinic", code, errw)
	}
	for _, c := range []struct{ id, own, other string }{{"a", "only-a", "only-b"}, {"b", "only-b", "only-a"}} {
		code, js, errw := kapbot(t, "", "export", "--clinic", c.id, "--format", "json", "--actor", "test")
		if code != 0 {
			t.Fatalf("export %s: %d %s", c.id, code, errw)
		}
		if !strings.Contains(js, "console:"+c.own) || strings.Contains(js, "console:"+c.other) {
			t.Fatalf("clinic %s's export: want %s and not %s:\n%.400s", c.id, c.own, c.other, js)
		}
		if code, js, _ := kapbot(t, "", "sessions", "show", c.other, "--json", "--clinic", c.id); code != 0 || !strings.Contains(js, `"exists": false`) {
			t.Fatalf("clinic %s shows the other clinic's patient: %d %s", c.id, code, js)
		}
	}
	before := keysOf(t, client, prefix+"-b")
	if len(before) < 10 {
		t.Fatalf("clinic b has %d keys under %s-b; the test data did not arrive", len(before), prefix)
	}
	if code, out, errw := kapbot(t, "", "sessions", "erase", "sam", "--clinic", "a"); code != 0 {
		t.Fatalf("erase: %d %s%s", code, out, errw)
	}
	if code, js, _ := kapbot(t, "", "sessions", "show", "sam", "--json", "--clinic", "a"); code != 0 || !strings.Contains(js, `"exists": false`) {
		t.Fatalf("clinic a's sam after the erasure: %d %s", code, js)
	}
	after := keysOf(t, client, prefix+"-b")
	for k, v := range before {
		if after[k] != v {
			t.Errorf("clinic b's key %s changed by an erasure in clinic a", k)
		}
	}
	if len(after) != len(before) {
		t.Errorf("clinic b has %d keys after the erasure, %d before", len(after), len(before))
	}
	code, js, _ := kapbot(t, "", "sessions", "show", "sam", "--json", "--clinic", "b")
	var v SessionView
	if code != 0 || json.Unmarshal([]byte(js), &v) != nil || !v.Exists || len(v.Referrals) == 0 {
		t.Fatalf("clinic b's sam after clinic a erased its own: %d %s", code, js)
	}
}

// Two clinics with two Telegram bots and one Discord bot run in one serve:
// each patient's referral reaches only their clinic's staff group, each
// clinic's staff see only their referrals, and one clinic's staff can
// neither list nor press the other clinic's referrals.
func TestServeTwoClinics(t *testing.T) {
	useRedis(t)
	twoClinics(t)
	second := 10 * time.Millisecond
	tgA := telegramtest.NewServer(telegramtest.WithSecond(second), telegramtest.WithToken("111:clinic-a-token_0123456789abcdefghij"))
	tgB := telegramtest.NewServer(telegramtest.WithSecond(second), telegramtest.WithToken("222:clinic-b-token_0123456789abcdefghij"))
	t.Cleanup(tgA.Close)
	t.Cleanup(tgB.Close)
	dc := discordtest.New(t, discordtest.Options{})
	telegramOptions = []telegram.Option{telegram.WithSecond(second), telegram.WithPollTimeout(1)}
	t.Cleanup(func() { telegramOptions = nil })
	for k, v := range map[string]string{
		"TELEGRAM_TOKEN": "", "DISCORD_TOKEN": "", "KAPBOT_LISTEN": "127.0.0.1:0",
		"TELEGRAM_TOKEN_A": tgA.Token, "TELEGRAM_API_URL_A": tgA.URL,
		"TELEGRAM_TOKEN_B": tgB.Token, "TELEGRAM_API_URL_B": tgB.URL,
		"DISCORD_TOKEN_B": dc.Token(), "DISCORD_API_URL_B": dc.URL(),
	} {
		t.Setenv(k, v)
	}
	serve(t)
	eventually(t, "clinic b's Discord commands", func() bool { return dc.Ready() && len(dc.Commands("")) > 0 })

	postsIn := func(fake *telegramtest.Server, group int64) []telegramtest.Message {
		var out []telegramtest.Message
		for _, m := range fake.Messages(group) {
			if strings.Contains(m.Text, "referral ") && strings.Contains(m.Text, "Patient ") {
				out = append(out, m)
			}
		}
		return out
	}
	crisis := func(fake *telegramtest.Server, chat int64) {
		fake.PushText(chat, "/start")
		if _, err := fake.WaitMessages(chat, 1, 30*time.Second); err != nil {
			t.Fatal(err)
		}
		fake.PushText(chat, "I want to kill myself")
	}
	crisis(tgA, 4101)
	crisis(tgB, 4202)
	const dcPatient = "350000000000000001"
	if _, err := dc.SlashCommand(dcPatient, "", "intake", nil); err != nil {
		t.Fatal(err)
	}
	eventually(t, "clinic b's Discord patient greeted", func() bool { return len(dc.BotMessages(dcPatient)) > 1 })
	if _, err := dc.DM(dcPatient, "I want to kill myself"); err != nil {
		t.Fatal(err)
	}
	eventually(t, "clinic a's referral in its group", func() bool { return len(postsIn(tgA, groupA)) == 1 })
	eventually(t, "clinic b's two referrals in its group", func() bool { return len(postsIn(tgB, groupB)) == 2 })
	if n := len(postsIn(tgA, groupB)) + len(postsIn(tgB, groupA)); n != 0 {
		t.Fatalf("%d referrals reached the other clinic's bot", n)
	}

	// last waits for a message after the first n in group that says want
	// (by content: another message may come in between) and returns it, or
	// what came instead.
	last := func(fake *telegramtest.Server, group int64, n int, want string) string {
		t.Helper()
		var got []string
		discordtest.Wait(60*time.Second, func() bool {
			got = texts(fake.Messages(group)[n:])
			return slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, want) })
		})
		for _, s := range got {
			if strings.Contains(s, want) {
				return s
			}
		}
		return strings.Join(got, "\n")
	}
	n := len(tgA.Messages(groupA))
	tgA.PushTextAs(groupA, staffA, "Alex", "/referrals")
	if got := last(tgA, groupA, n, "Open referrals (1)"); !strings.Contains(got, "Open referrals (1)") {
		t.Fatalf("clinic a's staff, /referrals: %q", got)
	}
	n = len(tgB.Messages(groupB))
	tgB.PushTextAs(groupB, staffB, "Kim", "/referrals")
	if got := last(tgB, groupB, n, "Open referrals (2)"); !strings.Contains(got, "Open referrals (2)") {
		t.Fatalf("clinic b's staff, /referrals: %q", got)
	}
	// Clinic a's staff in clinic b's group: not on b's staff list.
	n = len(tgB.Messages(groupB))
	tgB.PushTextAs(groupB, staffA, "Alex", "/referrals")
	if got := last(tgB, groupB, n, "only the clinic's care team"); !strings.Contains(got, "only the clinic's care team") {
		t.Fatalf("clinic a's staff in clinic b: %q", got)
	}
	post := postsIn(tgB, groupB)[0]
	q, err := tgB.PressAs(groupB, staffA, "Alex", post.ID, post.Keyboard[0][0].Data)
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "the refusal of the press", func() bool { _, ok := tgB.Answer(q); return ok })
	if text, _ := tgB.Answer(q); !strings.Contains(text, "only the clinic's care team") {
		t.Fatalf("clinic a's staff pressing clinic b's referral: %q", text)
	}
	if m := postsIn(tgB, groupB)[0]; m.Edits != 0 {
		t.Fatalf("a press by another clinic's staff changed the referral: %q", m.Text)
	}
	// Each clinic's export holds its own patients only.
	for _, c := range []struct{ id, own, other string }{{"a", "tg:4101", "tg:4202"}, {"b", "tg:4202", "tg:4101"}} {
		code, js, errw := kapbot(t, "", "export", "--clinic", c.id, "--format", "csv", "--actor", "test")
		if code != 0 || !strings.Contains(js, c.own) || strings.Contains(js, c.other) {
			t.Fatalf("clinic %s's export (%d %s): want %s, not %s:\n%s", c.id, code, errw, c.own, c.other, js)
		}
	}
}

// The two-clinic example of deploy/ validates, each clinic with its own
// clinic.yaml over the shared sample flows.
func TestDeploymentExampleValid(t *testing.T) {
	t.Setenv(envClinics, "../deploy/clinics.yaml")
	code, out, errw := kapbot(t, "", "flows", "validate")
	if all := out + errw; code != 0 || !strings.Contains(all, "clinic example: ok") || !strings.Contains(all, "clinic berlin: ok") {
		t.Fatalf("validate: %d\n%s%s", code, out, errw)
	}
}

// A broken deployment file is reported all at once, each problem located;
// --clinic without one, or naming no clinic of it, is a usage error.
func TestDeploymentFileProblems(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "clinics.yaml")
	if err := os.WriteFile(path, []byte("kapbot: 1\nclinics:\n  - id: Berlin\n    flows: nowhere\n  - id: a\n    flows: .\n    colour: blue\n  - id: a\n    flows: .\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(envClinics, path)
	code, _, errw := kapbot(t, "", "sessions", "list", "--clinic", "a")
	for _, want := range []string{path + ":3:9: id: \"Berlin\"", path + ":4:12: flows:", path + ":7:5: unknown key \"colour\"", path + ":8:9: id: \"a\": a second clinic"} {
		if !strings.Contains(errw, want) {
			t.Errorf("missing %q in:\n%s", want, errw)
		}
	}
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	t.Setenv(envClinics, "../deploy/clinics.yaml")
	if code, _, errw := kapbot(t, "", "sessions", "list", "--clinic", "paris"); code != 2 || !strings.Contains(errw, "--clinic paris: no such clinic") || !strings.Contains(errw, "example, berlin") {
		t.Errorf("unknown clinic: %d %q", code, errw)
	}
	t.Setenv(envClinics, "")
	if code, _, errw := kapbot(t, "", "sessions", "list", "--clinic", "a"); code != 2 || !strings.Contains(errw, envClinics) {
		t.Errorf("--clinic without a deployment: %d %q", code, errw)
	}
}

// docker-compose.clinics.yml runs the clinics of deploy/clinics.yaml: it
// mounts the deployment, publishes every clinic and gives each its own data
// key and bots.
// A message about the data key names the clinic's own settings, which are
// what a deployment's operator sets, and keeps the error it wraps.
func TestDataKeyMessagesNameTheClinicsSettings(t *testing.T) {
	c := Config{Clinic: "praxis-nord"}
	err := c.ownSettingsIn(keys.ErrUnknownKey)
	if msg := err.Error(); !errors.Is(err, keys.ErrUnknownKey) || !strings.Contains(msg, "than KAPBOT_DATA_KEY_PRAXIS_NORD,") ||
		!strings.Contains(msg, "KAPBOT_DATA_KEY_PREVIOUS_PRAXIS_NORD is not set") {
		t.Errorf("unknown key: %q", msg)
	}
	var ue usageError
	if err := c.ownSettingsIn(usagef("key file x (KAPBOT_KEY_FILE) can be read")); !errors.As(err, &ue) || !strings.Contains(ue.msg, "(KAPBOT_KEY_FILE_PRAXIS_NORD)") {
		t.Errorf("usage error: %v", err)
	}
	if err := (Config{}).ownSettingsIn(keys.ErrUnknownKey); err != keys.ErrUnknownKey {
		t.Errorf("without a clinic: %v", err)
	}
}

// A deployment file that is not YAML names the line and column where it
// breaks, as flows validate does.
func TestDeploymentFileSyntaxError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "clinics.yaml")
	if err := os.WriteFile(path, []byte("kapbot: 1\nclinics:\n  - id: a\n   flows: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(envClinics, path)
	code, _, errw := kapbot(t, "", "sessions", "list")
	if want := path + ":4:4: YAML syntax error"; code != 2 || !strings.Contains(errw, want) {
		t.Fatalf("want exit 2 and %q, got %d %q", want, code, errw)
	}
}

func TestComposeClinicsRunsTheDeployment(t *testing.T) {
	compose, err := os.ReadFile("../docker-compose.clinics.yml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := loadDeployment("../deploy/clinics.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c := string(compose)
	wants := []string{"KAPBOT_CLINICS: /deploy/clinics.yaml", "KAPBOT_ID_KEY:", "./deploy:/deploy:ro", "./flows:/flows:ro"}
	for _, id := range d.ids() {
		sfx := envSuffix(id)
		wants = append(wants, "flows push --clinic "+id, "KAPBOT_DATA_KEY_"+sfx+":", "TELEGRAM_TOKEN_"+sfx+":", "DISCORD_TOKEN_"+sfx+":")
	}
	for _, w := range wants {
		if !strings.Contains(c, w) {
			t.Errorf("docker-compose.clinics.yml lacks %q", w)
		}
	}
}
