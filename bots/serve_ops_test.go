package main

import (
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
)

// listenAddr makes the test's in-process serve tell the address its health
// port took, and returns a function that waits for it. Serve listens on
// 127.0.0.1:0: a port picked by the test as "free a moment ago" could be
// taken by another process in between, and the test would then talk to
// that process.
func listenAddr(t testing.TB) func() string {
	t.Helper()
	ch := make(chan string, 1)
	serveListening = func(a string) {
		select {
		case ch <- a:
		default:
		}
	}
	t.Cleanup(func() { serveListening = func(string) {} })
	var addr string
	return func() string {
		t.Helper()
		if addr == "" {
			select {
			case addr = <-ch:
			case <-time.After(30 * time.Second):
				t.Fatal("serve never listened")
			}
		}
		return addr
	}
}

// servingAddr waits for the address a serve process logs ("kapbot
// serving" listen=ADDR, at level info) in logs.
func servingAddr(t testing.TB, logs *lockedBuffer) string {
	t.Helper()
	for end := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if _, rest, ok := strings.Cut(logs.String(), `msg="kapbot serving" listen=`); ok {
			addr, _, _ := strings.Cut(rest, " ")
			return addr
		}
		if time.Now().After(end) {
			t.Fatalf("serve never said where it listens:\n%s", logs.String())
		}
	}
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// waitHealthy polls /healthz until it answers.
func waitHealthy(t testing.TB, addr string) {
	t.Helper()
	for end := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if code, _ := get(t, "http://"+addr+"/healthz"); code == http.StatusOK {
			return
		}
		if time.Now().After(end) {
			t.Fatal("serve never became healthy")
		}
	}
}

// serve answers /healthz, /readyz and /metrics, and the metrics carry no
// patient text or id.
func TestServeHealthReadinessAndMetrics(t *testing.T) {
	listening := listenAddr(t)
	fake := serveTelegramOn(t, 10*time.Millisecond, "127.0.0.1:0")
	addr := listening()
	waitHealthy(t, addr)
	if code, body := get(t, "http://"+addr+"/readyz"); code != http.StatusOK || !strings.Contains(body, "ready") {
		t.Fatalf("/readyz: %d %q", code, body)
	}
	fake.PushText(5150, "my secret worry about sleeping")
	if _, err := fake.WaitMessages(5150, 1, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	// The reply can reach the fake before the message is counted (the
	// count follows the handler's return): poll.
	var code int
	var metrics string
	for end := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		code, metrics = get(t, "http://"+addr+"/metrics")
		if code == http.StatusOK && strings.Contains(metrics, `kapbot_inbound_total{channel="tg",outcome="applied"}`) {
			break
		}
		if time.Now().After(end) {
			t.Fatalf("/metrics: %d\n%s", code, metrics)
		}
	}
	if strings.Contains(metrics, "secret worry") || idInMetrics(metrics, "5150") {
		t.Fatal("patient text or id in the metrics")
	}
}

// SIGTERM stops serve cleanly and quickly, with exit status 0.
func TestServeStopsOnSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin, err := kapbotBinary()
	if err != nil {
		t.Fatal(err)
	}
	useRedis(t)
	pushSamples(t)
	fake := telegramtest.NewServer()
	defer fake.Close()
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(os.Environ(), "TELEGRAM_TOKEN="+telegramtest.DefaultToken, "TELEGRAM_API_URL="+fake.URL,
		"DISCORD_TOKEN=", "KAPBOT_LISTEN=127.0.0.1:0", "KAPBOT_LOG_LEVEL=info")
	var logs lockedBuffer
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitHealthy(t, servingAddr(t, &logs))
	start := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve exited with %v after SIGTERM\n%s", err, logs.String())
		}
	case <-time.After(15 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("serve did not stop within 15s of SIGTERM\n%s", logs.String())
	}
	t.Logf("stopped %v after SIGTERM", time.Since(start).Round(time.Millisecond))
	if !strings.Contains(logs.String(), "shutting down") {
		t.Fatalf("no orderly shutdown in the logs:\n%s", logs.String())
	}
}

// idInMetrics reports whether the platform id appears in the Prometheus text
// exposition metrics as a name or a label value; a sample's value may hold
// the same digits by chance (a byte count), which is no leak.
func idInMetrics(metrics, id string) bool {
	for _, line := range strings.Split(metrics, "\n") {
		if strings.HasPrefix(line, "#") {
			if strings.Contains(line, id) {
				return true // a name in HELP or TYPE
			}
			continue
		}
		// Name and labels come before the last space; the value after it.
		if i := strings.LastIndexByte(line, ' '); i >= 0 && strings.Contains(line[:i], id) {
			return true
		}
	}
	return false
}
