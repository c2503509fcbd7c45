package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

const crashClinic = `kapbot: 1
name: Crash Clinic
default_locale: en
default_flow: hello
retention: 1d
crisis:
  en:
    text: "If you are in danger, call 112."
    emergency: "112"
disclaimer: I am an automated assistant, not an emergency service, and give no medical advice. Only the care team sees your answers.
schedules:
  time_zone: UTC
  kinds: {dosing: Dosing session}
  rules:
    - {id: r1, appointment: dosing, before: 6s, say: REMINDER-ONE}
    - {id: r2, appointment: dosing, before: 3s, say: REMINDER-TWO}
    - {id: r3, appointment: dosing, after: 1s, say: REMINDER-THREE}
`

const crashFlow = `kapbot: 1
flow: hello
steps:
  - id: disclaimer
    disclaimer: true
  - id: q
    ask: {type: yesno, text: "Ready?"}
  - id: bye
    end: Bye.
`

// Reminders survive kill -9: serve is killed at random moments while 36
// reminders of 12 patients fall due, and restarted each time. Every
// reminder arrives, each is committed once (a fire after a crash finds its
// timer gone), and a message is sent twice only when a kill lands between
// Telegram accepting it and the outbox's ack, which Telegram gives no way
// to close (Discord's nonce does).
func TestRemindersSurviveKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	bin, fake, env := serveBinaryEnv(t, "info")
	dir := t.TempDir()
	for name, s := range map[string]string{"clinic.yaml": crashClinic, "hello.yaml": crashFlow} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, errw := kapbot(t, "", "flows", "push", dir); code != 0 {
		t.Fatalf("push: %s %s", out, errw)
	}
	start, kill := killableServe(t, bin, env)
	const patients = 12
	chats := make([]int64, patients)
	for i := range chats {
		chats[i] = int64(9100 + i)
		fake.PushText(chats[i], "/start")
	}
	for _, c := range chats {
		if _, err := fake.WaitMessages(c, 2, 30*time.Second); err != nil {
			t.Fatalf("chat %d did not start: %v", c, err)
		}
	}
	for i, c := range chats {
		when := fmt.Sprintf("+%ds", 9+i/2)
		if code, out, errw := kapbot(t, "", "appointments", "add", fmt.Sprint("tg:", c), when); code != 0 {
			t.Fatalf("add: %s %s", out, errw)
		}
	}
	// Kill at random moments while the reminders fall due (3 s to 16 s).
	kills := 0
	for end := time.Now().Add(14 * time.Second); time.Now().Before(end); {
		time.Sleep(time.Duration(150+rand.IntN(700)) * time.Millisecond)
		kill()
		kills++
		start()
	}
	want := []string{"REMINDER-ONE", "REMINDER-TWO", "REMINDER-THREE"}
	count := func(c int64) map[string]int {
		n := map[string]int{}
		for _, m := range fake.Messages(c) {
			n[m.Text]++
		}
		return n
	}
	deadline := time.Now().Add(60 * time.Second)
	for _, c := range chats {
		for {
			n := count(c)
			if n[want[0]] > 0 && n[want[1]] > 0 && n[want[2]] > 0 {
				break
			}
			if time.Now().After(deadline) {
				_, appts, _ := kapbot(t, "", "appointments", "list", fmt.Sprint("tg:", c), "--json")
				t.Fatalf("chat %d: reminders lost: %v\nappointments and armed reminders: %s\n%s", c, n, appts, dumpDue(t))
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	time.Sleep(1500 * time.Millisecond) // room for a late double
	doubled := 0
	for _, c := range chats {
		for _, w := range want {
			doubled += count(c)[w] - 1
		}
		// Committed once: nothing is left armed, the state says so.
		code, out, _ := kapbot(t, "", "appointments", "list", fmt.Sprint("tg:", c), "--json")
		if code != 0 || !strings.Contains(out, `"reminders": []`) {
			t.Fatalf("chat %d: %s", c, out)
		}
	}
	t.Logf("%d kills; %d reminders delivered, %d sent twice (a kill between Telegram's accept and the ack)", kills, patients*len(want), doubled)
	if doubled > 2*kills {
		t.Fatalf("%d reminders sent twice in %d kills: more than the messages in flight at a kill", doubled, kills)
	}
}

// killableServe starts `kapbot serve` (the binary bin with env) and
// returns functions to start it again and to kill it with SIGKILL; it is
// killed when the test ends, and its logs are shown when the test failed.
func killableServe(t *testing.T, bin string, env []string) (start, kill func()) {
	t.Helper()
	var proc *exec.Cmd
	var logs strings.Builder
	start = func() {
		proc = exec.Command(bin, "serve")
		proc.Env = env
		proc.Stderr = &logs
		if err := proc.Start(); err != nil {
			t.Fatal(err)
		}
	}
	kill = func() {
		proc.Process.Kill()
		proc.Wait()
	}
	start()
	t.Cleanup(func() {
		kill()
		if t.Failed() {
			t.Logf("serve logs:\n%s", logs.String())
		}
	})
	return start, kill
}

// dumpDue describes the test Redis's due and claimed reminder sets, outboxes
// and pending marks (pseudonymous keys, no patient data), for a failure.
func dumpDue(t *testing.T) string {
	opt, err := redis.ParseURL(os.Getenv("REDIS_URL"))
	if err != nil {
		return err.Error()
	}
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	ctx := t.Context()
	var b strings.Builder
	keys, _ := rdb.Keys(ctx, "*").Result()
	for _, k := range keys {
		switch typ, _ := rdb.Type(ctx, k).Result(); typ {
		case "zset":
			zs, _ := rdb.ZRangeWithScores(ctx, k, 0, -1).Result()
			fmt.Fprintf(&b, "%s zset %v\n", k, zs)
		case "list":
			n, _ := rdb.LLen(ctx, k).Result()
			fmt.Fprintf(&b, "%s list of %d\n", k, n)
		case "set":
			ms, _ := rdb.SMembers(ctx, k).Result()
			fmt.Fprintf(&b, "%s set %v\n", k, ms)
		}
	}
	return b.String()
}
