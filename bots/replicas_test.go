package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/discord/discordtest"
	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
)

// replicaSet runs several `kapbot serve` processes with one environment.
type replicaSet struct {
	t    *testing.T
	bin  string
	env  []string
	mu   sync.Mutex
	live map[int]*exec.Cmd // by pid
	logs []*strings.Builder
}

func newReplicaSet(t *testing.T, bin string, env []string, n int) *replicaSet {
	rs := &replicaSet{t: t, bin: bin, env: env, live: map[int]*exec.Cmd{}}
	for range n {
		rs.start()
	}
	t.Cleanup(func() {
		rs.mu.Lock()
		defer rs.mu.Unlock()
		for _, p := range rs.live {
			p.Process.Kill()
			p.Wait()
		}
		if t.Failed() {
			for i, l := range rs.logs {
				t.Logf("serve %d logs (tail):\n%s", i, tailLog(l.String(), 3000))
			}
		}
	})
	return rs
}

// start starts one more serve.
func (rs *replicaSet) start() {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	p := exec.Command(rs.bin, "serve")
	p.Env = rs.env
	logs := &strings.Builder{}
	p.Stderr = logs
	if err := p.Start(); err != nil {
		rs.t.Error(err) // may run outside the test's goroutine
		return
	}
	rs.live[p.Process.Pid] = p
	rs.logs = append(rs.logs, logs)
}

// pids returns the running serves' process ids.
func (rs *replicaSet) pids() []int {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	var out []int
	for pid := range rs.live {
		out = append(out, pid)
	}
	return out
}

// kill SIGKILLs the serve with pid and reports whether it was one of ours.
func (rs *replicaSet) kill(pid int) bool {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	p, ok := rs.live[pid]
	if !ok {
		return false
	}
	p.Process.Kill()
	p.Wait()
	delete(rs.live, pid)
	return true
}

// describeChat lists the messages of chat, one a line, for a failure.
func describeChat(fake *telegramtest.Server, chat int64) string {
	var b strings.Builder
	for _, m := range fake.Messages(chat) {
		fmt.Fprintf(&b, "  #%d buttons %d edits %d: %.50q\n", m.ID, len(m.Keyboard), m.Edits, m.Text)
	}
	fmt.Fprintf(&b, "  pending updates %v", fake.Pending())
	return b.String()
}

func tailLog(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// leaseHolder waits until the lease named name (telegram, discord) is held
// by a process other than not, and returns its pid; the lease's value is
// "host:pid:random".
func leaseHolder(t *testing.T, be *backend, name string, not int) int {
	t.Helper()
	key := be.prefix + ":lease:" + name
	var last string
	for end := time.Now().Add(60 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		v, err := be.client.Get(context.Background(), key).Result()
		if err != nil {
			continue
		}
		last = v
		parts := strings.Split(v, ":")
		if len(parts) < 3 {
			t.Fatalf("lease %s holds %q, want host:pid:random", key, v)
		}
		pid, err := strconv.Atoi(parts[len(parts)-2])
		if err == nil && pid != not {
			return pid
		}
	}
	t.Fatalf("no process other than %d took the %s lease (last value %q)", not, name, last)
	return 0
}

// lastQuestion waits until the newest question in chat (a message with
// buttons) asks another question than prev (zero Message: any question) and
// returns it. A question is known by the sequence in its buttons' data, not
// by its message: a kill can send the message in flight again, so the chat
// may hold two copies of one question, and a patient may press either.
func lastQuestion(t *testing.T, fake *telegramtest.Server, chat int64, prev telegramtest.Message) telegramtest.Message {
	t.Helper()
	for end := time.Now().Add(60 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		ms := fake.Messages(chat)
		for i := len(ms) - 1; i >= 0; i-- {
			if len(ms[i].Keyboard) == 0 {
				continue
			}
			if questionSeq(ms[i]) != questionSeq(prev) {
				return ms[i]
			}
			break
		}
	}
	t.Fatalf("no new question after %q: %s (pending updates %v)", questionSeq(prev), dumpChat(fake.Messages(chat)), fake.Pending())
	return telegramtest.Message{}
}

// Two serve replicas share one bot: the one holding the lease polls
// Telegram, the other stands by. The test presses an answer and at once
// SIGKILLs the poller, twice, each time starting a fresh replica; the
// standby takes the lease over, the patient's questionnaire goes on, and
// it ends with every answer applied once.
func TestServeReplicasPollerHandOver(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	bin, fake, env := serveBinaryEnv(t, "info")
	be, err := configFromEnv().open(context.Background(), false, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	defer be.Close()
	rs := newReplicaSet(t, bin, env, 2)

	const chat = 4711
	fake.PushText(chat, "/start phq9")
	q := lastQuestion(t, fake, chat, telegramtest.Message{})
	poller := leaseHolder(t, be, "telegram", 0)
	for range 2 {
		// Press the last button (3, "nearly every day"), then kill the
		// poller whatever it is doing with the press.
		row := q.Keyboard[len(q.Keyboard)-1]
		if _, err := fake.Press(chat, q.ID, row[len(row)-1].Data); err != nil {
			t.Fatal(err)
		}
		if !rs.kill(poller) {
			t.Fatalf("the lease names pid %d, which is not one of the replicas", poller)
		}
		rs.start()
		poller = leaseHolder(t, be, "telegram", poller)
		q = lastQuestion(t, fake, chat, q)
	}
	if err := answerAll(be, fake, chat); err != nil {
		t.Fatalf("%v; messages:\n%s", err, describeChat(fake, chat))
	}
	v, js := showSession(t, fmt.Sprint("tg:", chat))
	if len(v.Results) != 1 || v.Results[0].Total != 6 || len(v.Results[0].Missing) != 0 {
		t.Fatalf("want one PHQ-9 result of 6 (3 + 3, then 0s; each answer once): %s", js)
	}
	for end := time.Now().Add(30 * time.Second); len(fake.Pending()) != 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("updates never confirmed: %v", fake.Pending())
		}
	}
}

// Two serve replicas share one Discord bot: the one holding the lease
// holds the gateway. The test SIGKILLs it in the middle of a patient's
// PHQ-9 and starts a fresh replica; the standby connects to the gateway
// and the patient finishes, every answer applied once.
func TestServeReplicasDiscordGatewayHandOver(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	bin, err := kapbotBinary()
	if err != nil {
		t.Fatal(err)
	}
	useRedis(t)
	pushSamples(t)
	fake := discordtest.New(t, discordtest.Options{})
	env := append(os.Environ(), "DISCORD_TOKEN="+fake.Token(), "DISCORD_API_URL="+fake.URL(),
		"TELEGRAM_TOKEN=", "KAPBOT_LISTEN=127.0.0.1:0", "KAPBOT_LOG_LEVEL=info", "KAPBOT_LEASE_TTL=3s")
	be, err := configFromEnv().open(context.Background(), false, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	defer be.Close()
	rs := newReplicaSet(t, bin, env, 2)
	holder := leaseHolder(t, be, "discord", 0)
	within(t, "the gateway", func() bool { return fake.Ready() && len(fake.Commands("")) > 0 })

	const user = "310000000000004711"
	if _, err := fake.DM(user, "/start phq9"); err != nil {
		t.Fatal(err)
	}
	question := func(not string) discordtest.Message {
		t.Helper()
		var m discordtest.Message
		within(t, "a new question", func() bool {
			ms := fake.BotMessages(user)
			if len(ms) == 0 {
				return false
			}
			m = ms[len(ms)-1]
			return len(m.Buttons()) > 0 && m.ID != not
		})
		return m
	}
	q := question("")
	if _, err := fake.PressButton(user, q.ID, q.Buttons()[0].CustomID); err != nil {
		t.Fatal(err)
	}
	q = question(q.ID)
	identified := fake.Identifies()
	if !rs.kill(holder) {
		t.Fatalf("the lease names pid %d, which is not one of the replicas", holder)
	}
	rs.start()
	leaseHolder(t, be, "discord", holder)
	within(t, "the new holder's gateway session", func() bool { return fake.Identifies() > identified && fake.Ready() })
	if _, err := fake.PressButton(user, q.ID, q.Buttons()[0].CustomID); err != nil {
		t.Fatal(err)
	}
	if _, err := clickAll(be, fake, user, 0, rand.New(rand.NewPCG(1, 2))); err != nil {
		t.Fatal(err)
	}
	v, js := showSession(t, "dc:"+user)
	if len(v.Results) != 1 || v.Results[0].Total != 0 || len(v.Results[0].Missing) != 0 {
		t.Fatalf("want one PHQ-9 result of 0, every answer once: %s", js)
	}
}

// within waits up to a minute for cond, failing the test naming what.
func within(t *testing.T, what string, cond func() bool) {
	t.Helper()
	if !discordtest.Wait(time.Minute, cond) {
		t.Fatalf("timed out waiting for %s", what)
	}
}
