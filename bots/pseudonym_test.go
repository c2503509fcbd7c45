package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/bots/telegram"
	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
	"github.com/kapbot/kapbot/internal/redistest"
)

// captureStderr sends what is written to os.Stderr from now on to the
// returned buffer, until the test ends.
func captureStderr(t *testing.T) func() string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	orig := os.Stderr
	os.Stderr = w
	var mu sync.Mutex
	var buf bytes.Buffer
	done := make(chan struct{})
	go func() {
		defer close(done)
		b := make([]byte, 4096)
		for {
			n, err := r.Read(b)
			mu.Lock()
			buf.Write(b[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		os.Stderr = orig
		w.Close()
		<-done
	})
	return func() string {
		mu.Lock()
		defer mu.Unlock()
		return buf.String()
	}
}

// After a full intake through Telegram and `kapbot serve`, with a crisis
// message and its emergency referral, the patient's Telegram id is in no
// key name, no index member, not in the RDB file Redis saves, and in no
// log line at debug level; `sessions show` still finds the patient by it.
func TestNoRawPlatformIDAtRestOrInLogs(t *testing.T) {
	client := useRedis(t)
	pushSamples(t)
	const chat = 7312094856
	const raw = "7312094856"
	logs := captureStderr(t)
	second := 10 * time.Millisecond
	fake := telegramtest.NewServer(telegramtest.WithSecond(second))
	t.Cleanup(fake.Close)
	telegramOptions = []telegram.Option{telegram.WithSecond(second), telegram.WithPollTimeout(1)}
	t.Cleanup(func() { telegramOptions = nil })
	t.Setenv("TELEGRAM_TOKEN", telegramtest.DefaultToken)
	t.Setenv("TELEGRAM_API_URL", fake.URL)
	t.Setenv("DISCORD_TOKEN", "")
	t.Setenv("KAPBOT_LISTEN", "127.0.0.1:0")
	t.Setenv("KAPBOT_LOG_LEVEL", "debug")
	serve(t)

	fake.PushText(chat, "/start")
	seen := 0
	wait := func() []telegramtest.Message {
		t.Helper()
		msgs, err := fake.WaitMessages(chat, seen+1, 30*time.Second)
		if err != nil {
			t.Fatalf("no reply: %v", err)
		}
		settle(t, "tg:"+raw)
		msgs = fake.Messages(chat)
		for {
			time.Sleep(20 * second)
			more := fake.Messages(chat)
			if len(more) == len(msgs) {
				break
			}
			msgs = more
		}
		seen = len(msgs)
		return msgs
	}
	crisis := false
	for turn := 0; turn < 120; turn++ {
		msgs := wait()
		last := msgs[len(msgs)-1]
		if turn > 10 && last.Keyboard == nil && ended(t, "tg:"+raw) {
			break
		}
		if turn == 4 && !crisis {
			fake.PushText(chat, "I want to kill myself")
			crisis = true
			continue
		}
		if last.Keyboard == nil {
			fake.PushText(chat, "To feel less stuck")
			continue
		}
		if strings.Contains(last.Text, "safety") {
			for _, row := range last.Keyboard {
				for _, b := range row {
					if strings.Contains(b.Text, "continue") {
						fake.Press(chat, last.ID, b.Data)
					}
				}
			}
			continue
		}
		if _, err := fake.Press(chat, last.ID, choose(last)); err != nil {
			t.Fatal(err)
		}
	}
	v, js := showSession(t, "tg:"+raw)
	if len(v.Referrals) == 0 || v.Status == "" {
		t.Fatalf("session after intake: %s", js)
	}
	ctx := context.Background()
	prefix := os.Getenv("KAPBOT_PREFIX")
	keys, err := redistest.Keys(ctx, client, prefix+"*")
	if err != nil || len(keys) < 5 {
		t.Fatalf("keys %q, %v", keys, err)
	}
	for _, k := range keys {
		if strings.Contains(k, raw) {
			t.Errorf("key name %q holds the Telegram id", k)
		}
		var members []string
		switch client.Type(ctx, k).Val() {
		case "set":
			members = client.SMembers(ctx, k).Val()
		case "zset":
			members = client.ZRange(ctx, k, 0, -1).Val()
		case "hash":
			for f, v := range client.HGetAll(ctx, k).Val() {
				members = append(members, f, v)
			}
		case "string":
			members = []string{client.Get(ctx, k).Val()}
		case "list":
			members = client.LRange(ctx, k, 0, -1).Val()
		case "stream":
			for _, m := range client.XRange(ctx, k, "-", "+").Val() {
				for f, v := range m.Values {
					members = append(members, f, v.(string))
				}
			}
		}
		for _, m := range members {
			if strings.Contains(m, raw) {
				t.Errorf("%s holds the Telegram id in a value or member", k)
			}
		}
	}
	if rdb := savedRDB(t, client); rdb != nil {
		if !bytes.Contains(rdb, []byte(prefix+":u:{")) {
			t.Fatal("the RDB file does not hold the test's keys")
		}
		if i := bytes.Index(rdb, []byte(raw)); i >= 0 {
			t.Errorf("the RDB file holds the Telegram id: %q", rdb[max(0, i-200):min(len(rdb), i+100)])
		}
	}
	out := logs()
	if !strings.Contains(out, "level=DEBUG") && !strings.Contains(out, "level=INFO") {
		t.Fatalf("no log captured:\n%s", out)
	}
	if strings.Contains(out, raw) {
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, raw) {
				t.Errorf("log line with the Telegram id: %s", line)
			}
		}
	}
}

// savedRDB makes the test's redis-server save without compression and
// returns the file, or nil when the server's files are out of reach.
func savedRDB(t *testing.T, c redis.UniversalClient) []byte {
	t.Helper()
	ctx := context.Background()
	dir, err1 := c.ConfigGet(ctx, "dir").Result()
	name, err2 := c.ConfigGet(ctx, "dbfilename").Result()
	if err1 != nil || err2 != nil || dir["dir"] == "" {
		t.Log("no CONFIG GET (miniredis?): RDB not checked")
		return nil
	}
	comp := c.ConfigGet(ctx, "rdbcompression").Val()["rdbcompression"]
	c.ConfigSet(ctx, "rdbcompression", "no")
	defer c.ConfigSet(ctx, "rdbcompression", comp)
	// A file of our own: test servers of other packages share the directory.
	file := fmt.Sprintf("kapbot-test-%d-%d.rdb", os.Getpid(), time.Now().UnixNano())
	c.ConfigSet(ctx, "dbfilename", file)
	defer c.ConfigSet(ctx, "dbfilename", name["dbfilename"])
	path := filepath.Join(dir["dir"], file)
	defer os.Remove(path)
	if err := c.Save(ctx).Err(); err != nil {
		t.Logf("SAVE: %v: RDB not checked", err)
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		t.Logf("RDB file: %v: not checked", err)
		return nil
	}
	defer f.Close()
	b, _ := io.ReadAll(f)
	if len(b) < 9 || string(b[:5]) != "REDIS" {
		t.Fatal("not an RDB file")
	}
	return b
}
