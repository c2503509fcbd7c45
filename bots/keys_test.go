package main

import (
	"crypto/rand"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
)

func newKeyText() string {
	k := make([]byte, 32)
	rand.Read(k)
	return base64.StdEncoding.EncodeToString(k)
}

// serve refuses to start, in one line naming both settings, when the data
// in Redis is sealed with another key and no previous key is given; with
// the old key as KAPBOT_DATA_KEY_PREVIOUS, keys rotate moves everything to
// the new key and the old one is no longer needed.
func TestServeRefusesAnotherKeyAndRotateFixesIt(t *testing.T) {
	useRedis(t)
	oldKey, newKey := newKeyText(), newKeyText()
	t.Setenv("KAPBOT_DATA_KEY", oldKey)
	pushSamples(t)
	if code, out, errw := kapbot(t, "hi\n", "chat", "--flow", "kap-intake", "--user", "dana"); code != 0 {
		t.Fatalf("chat: %d %s %s", code, out, errw)
	}
	t.Setenv("KAPBOT_DATA_KEY", newKey)
	t.Setenv("TELEGRAM_TOKEN", telegramtest.DefaultToken)
	t.Setenv("TELEGRAM_API_URL", "http://127.0.0.1:1")
	code, _, errw := kapbot(t, "", "serve", "--listen", "127.0.0.1:0")
	if code == 0 || !strings.Contains(errw, "KAPBOT_DATA_KEY_PREVIOUS") || strings.Count(strings.TrimSpace(errw), "\n") != 0 {
		t.Fatalf("serve with another key: exit %d, stderr %q; want one line naming KAPBOT_DATA_KEY_PREVIOUS", code, errw)
	}
	if strings.Contains(errw, oldKey) || strings.Contains(errw, newKey) {
		t.Fatal("a key was printed")
	}

	t.Setenv("KAPBOT_DATA_KEY_PREVIOUS", oldKey)
	code, out, errw := kapbot(t, "", "keys", "rotate")
	if code != 0 || !strings.Contains(out, "0 with an unknown key") || strings.Contains(out, " 0 re-sealed") || !strings.Contains(out, "re-sealed from a previous key") {
		t.Fatalf("keys rotate: %d %s %s", code, out, errw)
	}
	t.Setenv("KAPBOT_DATA_KEY_PREVIOUS", "")
	code, out, errw = kapbot(t, "", "keys", "check")
	if code != 0 || !strings.Contains(out, "0 with a previous key, 0 with an unknown key") {
		t.Fatalf("keys check after rotation: %d %s %s", code, out, errw)
	}
	if v, js := showSession(t, "dana"); v.Flow != "kap-intake" {
		t.Fatalf("session after rotation: %s", js)
	}
}

func TestWeakKeysAndOpenKeyFilesRefused(t *testing.T) {
	useRedis(t)
	for name, key := range map[string]string{
		"all zero":   base64.StdEncoding.EncodeToString(make([]byte, 32)),
		"passphrase": "CorrectHorseBatteryStapleIsMyKapbotPassword",
	} {
		t.Setenv("KAPBOT_DATA_KEY", key)
		code, _, errw := kapbot(t, "", "sessions", "list")
		if code == 0 || !strings.Contains(errw, "openssl rand") || strings.Contains(errw, key) {
			t.Errorf("%s key: exit %d, %q", name, code, errw)
		}
	}
	t.Setenv("KAPBOT_DATA_KEY", "")
	file := os.Getenv("KAPBOT_KEY_FILE")
	if err := os.WriteFile(file, []byte(newKeyText()+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errw := kapbot(t, "", "sessions", "list")
	if code == 0 || !strings.Contains(errw, "chmod 600") || !strings.Contains(errw, filepath.Base(file)) {
		t.Fatalf("key file readable by others: exit %d, %q", code, errw)
	}
	os.Chmod(file, 0o600)
	if code, _, errw := kapbot(t, "", "sessions", "list"); code != 0 {
		t.Fatalf("key file 0600: exit %d, %q", code, errw)
	}
}

func TestRedisURLSecretsNotPrinted(t *testing.T) {
	useRedis(t)
	t.Setenv("KAPBOT_DATA_KEY", newKeyText())
	for _, u := range []string{
		"redis://kapbot:s3cretPassw0rd@localhost:notaport/0",
		"redis://kapbot:s3cretPassw0rd@localhost:6379/notadb",
		"redis://:s3cretPassw0rd@[::1:6379/0",
		"redis://kapbot:s3cretPassw0rd@127.0.0.1:1/0", // parses, does not answer
		"redis+cluster://kapbot:s3cretPassw0rd@nohost",
		"redis+cluster://kapbot:s3cretPassw0rd@127.0.0.1:1,127.0.0.1:2", // parses, does not answer
		"redis+sentinel://:s3cretPassw0rd@127.0.0.1:1",                  // no master name
		"redis+sentinel://:s3cretPassw0rd@127.0.0.1:1/mymaster",         // parses, does not answer
		"redis+cluster://kapbot:s3cretPassw0rd@h:1?bogus=1",
	} {
		t.Setenv("REDIS_URL", u)
		code, out, errw := kapbot(t, "", "sessions", "list")
		if code == 0 || strings.Contains(out+errw, "s3cretPassw0rd") || !strings.Contains(errw, "REDIS_URL") {
			t.Errorf("REDIS_URL %s: exit %d, output %q", strings.Replace(u, "s3cretPassw0rd", "…", 1), code, errw)
		}
	}
	t.Setenv("REDIS_URL", "rediss://localhost:6380/0?skip_verify=true")
	code, _, errw := kapbot(t, "", "sessions", "list")
	if code == 0 || !strings.Contains(errw, "skip_verify") || strings.Count(strings.TrimSpace(errw), "\n") != 0 {
		t.Fatalf("skip_verify: exit %d, %q", code, errw)
	}
}
