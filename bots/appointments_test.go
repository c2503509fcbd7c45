package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A clinic's scheduler export is recorded once however often it is
// imported; a file with problems names each one (file:line) and records
// nothing; add, list and cancel work on the same appointments.
func TestAppointmentsCommands(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	list := func(user string) (appts []map[string]any, reminders []map[string]any) {
		t.Helper()
		code, out, errw := kapbot(t, "", "appointments", "list", user, "--json")
		if code != 0 {
			t.Fatalf("list: %d %s", code, errw)
		}
		var v struct {
			Appointments []map[string]any `json:"appointments"`
			Reminders    []map[string]any `json:"reminders"`
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatal(err, out)
		}
		return v.Appointments, v.Reminders
	}

	bad := write("bad.csv", "id,patient,kind,start\nS1,tg:11,dosing,2099-03-15 10:00\nS2,tg:12,dossing,2099-03-16 10:00\nS3,tg:13,dosing,someday\n")
	code, _, errw := kapbot(t, "", "appointments", "import", bad)
	if code != 1 || !strings.Contains(errw, bad+`:3: kind "dossing"`) || !strings.Contains(errw, bad+`:4: start "someday"`) ||
		!strings.Contains(errw, "nothing recorded") {
		t.Fatalf("bad import: %d %s", code, errw)
	}
	if a, _ := list("tg:11"); len(a) != 0 {
		t.Fatalf("a file with problems recorded %v", a)
	}

	good := write("good.csv", "id,patient,kind,start,time_zone\nS1,tg:11,dosing,2099-03-15 10:00,Europe/Berlin\nS2,tg:11,integration,2099-03-18 10:00,\n")
	for _, want := range []string{"2 new or changed, 0 already", "0 new or changed, 2 already"} {
		if code, out, errw := kapbot(t, "", "appointments", "import", good); code != 0 || !strings.Contains(out, "2 appointments recorded") || !strings.Contains(out, want) {
			t.Fatalf("import (want %q): %d %s %s", want, code, out, errw)
		}
	}
	appts, reminders := list("tg:11")
	if len(appts) != 2 || appts[0]["id"] != "S1" || appts[0]["tz"] != "Europe/Berlin" {
		t.Fatalf("after two imports: %v", appts)
	}
	if len(reminders) < 4 {
		t.Fatalf("reminders armed for a dosing session: %v", reminders)
	}
	if code, out, _ := kapbot(t, "", "sessions", "show", "tg:11"); code != 0 || !strings.Contains(out, "status   no flow started yet (appointments: kapbot appointments list tg:11)") ||
		strings.Contains(out, "(version )") {
		t.Fatalf("sessions show of a patient with appointments only: %d\n%s", code, out)
	}
	// Moved by the scheduler: the same id at another time.
	moved := write("moved.csv", "id,patient,kind,start,time_zone,status\nS1,tg:11,dosing,2099-03-22 10:00,Europe/Berlin,booked\nS2,tg:11,integration,,,cancelled\n")
	if code, _, errw := kapbot(t, "", "appointments", "import", moved); code != 0 {
		t.Fatalf("import moved: %s", errw)
	}
	appts, _ = list("tg:11")
	if len(appts) != 1 || !strings.HasPrefix(appts[0]["at"].(string), "2099-03-22T10:00:00+01:00") {
		t.Fatalf("after the move: %v", appts)
	}

	if code, out, errw := kapbot(t, "", "appointments", "add", "alice", "2099-01-05 09:30", "--kind", "dosing"); code != 0 ||
		!strings.Contains(out, "dosing dosing-20990105T0930 at 2099-01-05 09:30 (America/New_York)") {
		t.Fatalf("add: %d %s %s", code, out, errw)
	}
	if code, _, errw := kapbot(t, "", "appointments", "add", "alice", "next week"); code != 2 || !strings.Contains(errw, "YYYY-MM-DD HH:MM") {
		t.Fatalf("add with a bad time: %d %s", code, errw)
	}
	if code, _, errw := kapbot(t, "", "appointments", "cancel", "alice", "nosuch"); code != 1 || !strings.Contains(errw, "no appointment nosuch") {
		t.Fatalf("cancel unknown: %d %s", code, errw)
	}
	if code, _, errw := kapbot(t, "", "appointments", "cancel", "alice", "dosing-20990105T0930"); code != 0 {
		t.Fatalf("cancel: %s", errw)
	}
	if a, r := list("alice"); len(a) != 0 || len(r) != 0 {
		t.Fatalf("after cancel: %v %v", a, r)
	}
	// Booked again at the same time after the cancel, then cancelled again:
	// each change counts, however often it was made before.
	if code, out, errw := kapbot(t, "", "appointments", "add", "alice", "2099-01-05 09:30", "--kind", "dosing"); code != 0 || strings.Contains(out, "already") {
		t.Fatalf("add again: %d %s %s", code, out, errw)
	}
	if code, out, _ := kapbot(t, "", "appointments", "add", "alice", "2099-01-05 09:30", "--kind", "dosing"); code != 0 || !strings.Contains(out, "already recorded; nothing changed") {
		t.Fatalf("add twice: %d %s", code, out)
	}
	if a, r := list("alice"); len(a) != 1 || len(r) < 4 {
		t.Fatalf("booked again after a cancel: %v %v", a, r)
	}
	if code, _, errw := kapbot(t, "", "appointments", "cancel", "alice", "dosing-20990105T0930"); code != 0 {
		t.Fatalf("cancel again: %s", errw)
	}
	if a, r := list("alice"); len(a) != 0 || len(r) != 0 {
		t.Fatalf("after the second cancel: %v %v", a, r)
	}
	if code, out, _ := kapbot(t, "", "schedules", "show", "--flows", "../flows"); code != 0 || !strings.Contains(out, "prepare: 2d before each dosing appointment: start flow kap-prepare") ||
		!strings.Contains(out, "quiet hours  21:00-08:00") {
		t.Fatalf("schedules show: %d\n%s", code, out)
	}
}
