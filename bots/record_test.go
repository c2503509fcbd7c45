package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// prepareChat is a whole kap-prepare conversation, typed.
const prepareChat = "no\nno\nno\nno\nTo be kinder to myself.\n4\n2\n4\n4\ncalm\nyes\nyes\n"

// A chat recorded with --record is a transcript test that `flows test`
// passes; the file is never replaced without --force; a conversation in
// progress is not recorded.
func TestChatRecordWritesAPassingTest(t *testing.T) {
	useRedis(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../flows")); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "my-chat.test.yaml")
	code, out, errw := kapbot(t, prepareChat, "chat", "--flows", dir, "--flow", "kap-prepare", "--user", "rec", "--record", file)
	if code != 0 {
		t.Fatalf("chat --record: %d\n%s%s", code, out, errw)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	rec := string(data)
	for _, want := range []string{
		"transcripts: kap-prepare\n",
		`- {say: "To be kinder to myself.", at: mindset/hope}`,
		`- {say: "yes", at: end}`,
		"ended: true\n",
		"referrals: []\n",
	} {
		if !strings.Contains(rec, want) {
			t.Errorf("recording lacks %q:\n%s", want, rec)
		}
	}
	if n := strings.Count(rec, "- {say: "); n != strings.Count(prepareChat, "\n") {
		t.Errorf("%d turns recorded, want one per line typed:\n%s", n, rec)
	}
	code, out, errw = kapbot(t, "", "flows", "test", dir)
	if code != 0 || !strings.Contains(out+errw, " 0 failed") {
		t.Fatalf("flows test on the recording: %d\n%s%s", code, out, errw)
	}
	// A broken recording would fail there: the check is not vacuous.
	if err := os.WriteFile(file, []byte(strings.Replace(rec, "at: end", "at: ride_home", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errw = kapbot(t, "", "flows", "test", dir); code == 0 {
		t.Fatalf("flows test passes a wrong recording:\n%s%s", out, errw)
	}

	// The file exists: refused before the chat, and left as it was.
	before, _ := os.ReadFile(file)
	code, _, errw = kapbot(t, prepareChat, "chat", "--flows", dir, "--flow", "kap-prepare", "--user", "rec2", "--record", file)
	if code != 2 || !strings.Contains(errw, "--force") {
		t.Errorf("recording over an existing file: exit %d, %s", code, errw)
	}
	if after, _ := os.ReadFile(file); string(after) != string(before) {
		t.Error("the existing file changed without --force")
	}
	code, out, errw = kapbot(t, "yes\n", "chat", "--flows", dir, "--flow", "kap-intake", "--user", "rec3", "--record", file, "--force")
	if code != 0 {
		t.Fatalf("chat --record --force: %d\n%s%s", code, out, errw)
	}
	if after, _ := os.ReadFile(file); !strings.Contains(string(after), "transcripts: kap-intake\n") {
		t.Errorf("--force did not replace the file:\n%s", after)
	}

	// A conversation in progress would be resumed, not started: refused.
	if code, _, errw = kapbot(t, "yes\n", "chat", "--flows", dir, "--flow", "kap-intake", "--user", "rec4"); code != 0 {
		t.Fatalf("chat: %d %s", code, errw)
	}
	other := filepath.Join(dir, "other.test.yaml")
	code, _, errw = kapbot(t, "1\n", "chat", "--flows", dir, "--flow", "kap-intake", "--user", "rec4", "--record", other)
	if code != 2 || !strings.Contains(errw, "in progress") {
		t.Errorf("recording a conversation in progress: exit %d, %s", code, errw)
	}
	if _, err := os.Stat(other); err == nil {
		t.Error("a recording of a resumed conversation was written")
	}
	// Only NAME.test.yaml, which flows test reads.
	if code, _, errw = kapbot(t, "", "chat", "--record", filepath.Join(dir, "x.yaml")); code != 2 || !strings.Contains(errw, ".test.yaml") {
		t.Errorf("--record x.yaml: exit %d, %s", code, errw)
	}
}
