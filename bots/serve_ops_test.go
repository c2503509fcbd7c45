package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
)

// freeAddr returns a loopback address with a port nobody listens on, for a
// server the test starts next. The port is below Linux's ephemeral range
// (32768 and up), where no client socket of the tests running in parallel
// can take it before the server binds it, and outside the ports of CI's
// Redis Cluster (20000-22705, bus ports 30000-32705).
func freeAddr(t testing.TB) string {
	t.Helper()
	for range 100 {
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", 23000+rand.IntN(7000)))
		if err != nil {
			continue
		}
		addr := l.Addr().String()
		l.Close()
		return addr
	}
	t.Fatal("no free port in 23000-29999")
	return ""
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
	addr := freeAddr(t)
	t.Setenv("KAPBOT_LISTEN", addr)
	fake := serveTelegramOn(t, 10*time.Millisecond, addr)
	waitHealthy(t, addr)
	if code, body := get(t, "http://"+addr+"/readyz"); code != http.StatusOK || !strings.Contains(body, "ready") {
		t.Fatalf("/readyz: %d %q", code, body)
	}
	fake.PushText(5150, "my secret worry about sleeping")
	if _, err := fake.WaitMessages(5150, 1, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	code, metrics := get(t, "http://"+addr+"/metrics")
	if code != http.StatusOK || !strings.Contains(metrics, `kapbot_inbound_total{channel="tg",outcome="applied"}`) {
		t.Fatalf("/metrics: %d\n%s", code, metrics)
	}
	if strings.Contains(metrics, "secret worry") || strings.Contains(metrics, "5150") {
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
	addr := freeAddr(t)
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(os.Environ(), "TELEGRAM_TOKEN="+telegramtest.DefaultToken, "TELEGRAM_API_URL="+fake.URL,
		"DISCORD_TOKEN=", "KAPBOT_LISTEN="+addr, "KAPBOT_LOG_LEVEL=info")
	var logs strings.Builder
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitHealthy(t, addr)
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
