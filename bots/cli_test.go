package main

import (
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/kapbot/kapbot/internal/audit"
)

// terminal is the real isTerminal, restored after a test stands in for it.
var terminal = isTerminal

// TestSessionsSubcommandHelp checks that each sessions subcommand shows its
// own usage, and that erase refuses a flag it does not take.
func TestSessionsSubcommandHelp(t *testing.T) {
	for sub, want := range map[string]string{
		"list":  "Usage: kapbot sessions list [--json]",
		"erase": "Usage: kapbot sessions erase USER [--yes] [--actor NAME]",
		"show":  "Usage: kapbot sessions show USER [--json] [--actor NAME]",
	} {
		code, out, errw := kapbot(t, "", "sessions", sub, "--help")
		if code != 0 || !strings.Contains(out+errw, want) {
			t.Errorf("sessions %s --help: exit %d\n%s%s\nwant %q", sub, code, out, errw, want)
		}
		if sub == "list" && strings.Contains(out+errw, "-actor") {
			t.Errorf("sessions list --help lists --actor, which list does not take")
		}
	}
	if code, _, errw := kapbot(t, "", "sessions", "erase", "alice", "--json"); code != 2 || !strings.Contains(errw, "-json") {
		t.Errorf("sessions erase --json: exit %d %s; want a usage error", code, errw)
	}
}

// TestEraseTwiceLogsOnce checks that erasing a patient again, piped (no
// question asked, as scripts run it), erases nothing and logs no second
// erasure.
func TestEraseTwiceLogsOnce(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	if code, out, errw := kapbot(t, "yes\n", "chat", "--flow", "kap-intake", "--user", "fay"); code != 0 {
		t.Fatalf("chat: %d %s %s", code, out, errw)
	}
	if code, out, errw := kapbot(t, "", "sessions", "erase", "fay", "--actor", "dpo"); code != 0 || !strings.Contains(out, "erased everything") {
		t.Fatalf("erase: %d %s %s", code, out, errw)
	}
	code, out, errw := kapbot(t, "", "sessions", "erase", "fay", "--actor", "dpo")
	if code != 0 || !strings.Contains(out, "nothing erased") {
		t.Fatalf("second erase: %d %s %s", code, out, errw)
	}
	_, aj, _ := kapbot(t, "", "audit", "--json")
	var entries []audit.Entry
	if err := json.Unmarshal([]byte(aj), &entries); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.Action == "patient.erased" {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d erasures logged, want 1: %s", n, aj)
	}
}

// TestVersionAndHelp checks kapbot version, that the help lists every
// setting a clinic may need, and that a success summary goes to stdout.
func TestVersionAndHelp(t *testing.T) {
	code, out, _ := kapbot(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "kapbot ") || !strings.Contains(out, " commit ") {
		t.Fatalf("version: %d %q", code, out)
	}
	_, help, _ := kapbot(t, "", "help")
	for _, s := range []string{"KAPBOT_WEBHOOK_URL", "KAPBOT_WEBHOOK_SECRET", "KAPBOT_WEBHOOK_MAX_ATTEMPTS", "KAPBOT_FHIR_BASE", "TELEGRAM_WEBHOOK_LISTEN", "kapbot version"} {
		if !strings.Contains(help, s) {
			t.Errorf("help does not mention %s", s)
		}
	}
	code, out, errw := kapbot(t, "", "flows", "validate", "../flows")
	if code != 0 || !strings.Contains(out, ": ok:") || strings.Contains(errw, ": ok:") {
		t.Fatalf("flows validate: the summary belongs on stdout: %d\nstdout %q\nstderr %q", code, out, errw)
	}
}

// TestActorWithoutUser checks the audit actor when $USER and $LOGNAME are
// unset: the account name, else "cli", never "unknown".
func TestActorWithoutUser(t *testing.T) {
	t.Setenv("USER", "")
	t.Setenv("LOGNAME", "")
	got, err := actor("")
	if err != nil || got == "" || got == "unknown" || strings.HasPrefix(got, "uid-") {
		t.Fatalf("actor = %q, %v", got, err)
	}
}

// TestEraseAsksOnATerminal checks that erase on a terminal asks first: any
// answer but yes erases nothing; yes (or --yes) erases.
func TestEraseAsksOnATerminal(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	if code, out, errw := kapbot(t, "yes\n", "chat", "--flow", "kap-intake", "--user", "gus"); code != 0 {
		t.Fatalf("chat: %d %s %s", code, out, errw)
	}
	isTerminal = func(io.Reader) bool { return true }
	t.Cleanup(func() { isTerminal = terminal })
	code, out, errw := kapbot(t, "no\n", "sessions", "erase", "gus")
	if code != 1 || !strings.Contains(errw, "Type yes") || !strings.Contains(errw, "nothing erased") {
		t.Fatalf("answered no: %d %q %q", code, out, errw)
	}
	if v, _ := showSession(t, "gus"); !v.Exists {
		t.Fatal("answering no erased the patient")
	}
	if code, out, errw := kapbot(t, "yes\n", "sessions", "erase", "gus"); code != 0 || !strings.Contains(out, "erased everything") {
		t.Fatalf("answered yes: %d %q %q", code, out, errw)
	}
}
