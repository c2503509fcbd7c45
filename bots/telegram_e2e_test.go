package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/runner"
)

// exportView reads every patient through `kapbot export --format json`.
func exportView(t *testing.T) map[string]SessionView {
	t.Helper()
	code, js, errw := kapbot(t, "", "export", "--format", "json")
	if code != 0 {
		t.Fatalf("export: %d %s", code, errw)
	}
	var doc struct{ Patients []SessionView }
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]SessionView{}
	for _, v := range doc.Patients {
		out[v.Patient] = v
	}
	return out
}

// answerAll plays one patient: press the first button of every new question
// until the session has ended.
func answerAll(be *backend, fake *telegramtest.Server, chat int64) error {
	pressed := map[int]bool{}
	deadline := time.Now().Add(8 * time.Minute) // generous: -race on a loaded 2-core machine is slow
	for time.Now().Before(deadline) {
		msgs := fake.Messages(chat)
		acted := false
		if n := len(msgs); n > 0 {
			last := msgs[n-1]
			if len(last.Keyboard) > 0 && !pressed[last.ID] {
				pressed[last.ID] = true
				if _, err := fake.Press(chat, last.ID, last.Keyboard[0][0].Data); err != nil {
					return err
				}
				acted = true
			}
		}
		if !acted && len(msgs) > 0 && len(msgs[len(msgs)-1].Keyboard) == 0 {
			sess, err := be.store.Load(context.Background(), fmt.Sprint("tg:", chat))
			if err != nil {
				return err
			}
			if st, _ := runner.DecodeState(sess.Data); st.Status == engine.Ended {
				return nil
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("chat %d: no end in sight", chat)
}

// 500 patients at once complete a questionnaire through `kapbot serve` and
// the fake Bot API: every patient finishes, sees the same messages in the
// same order (nothing lost, nothing doubled), and no 429 is ignored.
func TestServeTelegram500Patients(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	fake := serveTelegram(t, 5*time.Millisecond)
	be, err := configFromEnv().open(context.Background(), false, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	defer be.Close()

	const patients = 500
	var wg sync.WaitGroup
	errs := make(chan error, patients)
	for i := 0; i < patients; i++ {
		chat := int64(100000 + i)
		fake.PushText(chat, "/start phq9")
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := answerAll(be, fake, chat); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	// The session ends when the last answer is committed; its last replies
	// may still be on their way (the edits that show an answer under its
	// question are left out of the comparison).
	delivered(t, be, chats(100000, patients))
	want := texts(fake.Messages(100000))
	if len(want) < 3 {
		t.Fatalf("patient 0 saw only %q", want)
	}
	for i := 1; i < patients; i++ {
		if got := texts(fake.Messages(int64(100000 + i))); strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Fatalf("patient %d saw %d messages %q, patient 0 saw %d", i, len(got), got, len(want))
		}
	}
	views := exportView(t)
	for i := 0; i < patients; i++ {
		v := views[fmt.Sprint("tg:", 100000+i)]
		if v.Status != "ended" || len(v.Results) != 1 || v.Results[0].Total != 0 {
			t.Fatalf("patient %d: status %q results %+v", i, v.Status, v.Results)
		}
	}
	// Presses are answered in the background once stored: let the last
	// answers arrive.
	fake.Wait(20*time.Second, func(st telegramtest.Stats) bool { return st.Unanswered == 0 })
	if st := fake.Stats(); st.IgnoredRetryAfter != 0 || st.Unanswered != 0 {
		t.Fatalf("stats: %v", st)
	}
	t.Logf("stats: %v", fake.Stats())
}

// texts are the messages a patient got, as first sent: the "✓ answer" that
// an edit adds to a question after a press (it may still be on its way) is
// left out.
func texts(ms []telegramtest.Message) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i], _, _ = strings.Cut(m.Text, "\n\n✓")
	}
	return out
}

// questionSeq is the question a message's buttons answer: the "a:<seq>"
// of their callback data ("" for none).
func questionSeq(m telegramtest.Message) string {
	for _, row := range m.Keyboard {
		for _, b := range row {
			kind, rest, _ := strings.Cut(b.Data, ":")
			seq, _, _ := strings.Cut(rest, ":")
			return kind + ":" + seq
		}
	}
	return ""
}

// dumpChat shows a chat's bot messages for a failure: id, first line and
// the buttons' data.
func dumpChat(ms []telegramtest.Message) string {
	var b strings.Builder
	for _, m := range ms {
		first, _, _ := strings.Cut(m.Text, "\n")
		fmt.Fprintf(&b, "\n  #%d %q edits=%d", m.ID, first, m.Edits)
		for _, row := range m.Keyboard {
			for _, k := range row {
				fmt.Fprintf(&b, " [%s]", k.Data)
			}
		}
	}
	return b.String()
}

// kapbotBinary builds the program once for tests that need a real process.
var kapbotBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "kapbot-bin")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "kapbot")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// serveBinaryEnv builds the kapbot binary, publishes the sample flows to the
// test's Redis and starts a fake Bot API (closed when the test ends). It
// returns the binary, the fake (built with opts), and the environment that
// points `kapbot serve` at them, logging at level.
func serveBinaryEnv(t *testing.T, level string, opts ...telegramtest.Option) (string, *telegramtest.Server, []string) {
	t.Helper()
	bin, err := kapbotBinary()
	if err != nil {
		t.Fatal(err)
	}
	useRedis(t)
	pushSamples(t)
	fake := telegramtest.NewServer(opts...)
	t.Cleanup(fake.Close)
	env := append(os.Environ(), "TELEGRAM_TOKEN="+telegramtest.DefaultToken, "TELEGRAM_API_URL="+fake.URL,
		"DISCORD_TOKEN=", "KAPBOT_LISTEN=127.0.0.1:0", "KAPBOT_LOG_LEVEL="+level,
		"KAPBOT_LEASE_TTL=3s") // a killed serve's lease expires soon
	return bin, fake, env
}

// The process is killed (SIGKILL) in the middle of a flow, twice: once right
// after the patient answered, once right after the reply went out. After each
// restart the flow goes on where it was, and every answer counts once.
func TestServeTelegramCrashAndRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	bin, fake, env := serveBinaryEnv(t, "info")
	start, kill := killableServe(t, bin, env)

	const chat = 777
	fake.PushText(chat, "/start phq9")
	// A question is known by the sequence number in its buttons' data, not
	// by its message: a crash may send the message in flight again, so the
	// chat can hold two copies of a question, and the patient may press
	// either. next waits for the newest question that is not prev (zero
	// Message: any question).
	next := func(prev telegramtest.Message) telegramtest.Message {
		t.Helper()
		return lastQuestion(t, fake, chat, prev)
	}
	// pressLast presses the last button ("Nearly every day", 3) of question
	// q, on its newest copy that still has buttons.
	pressLast := func(q telegramtest.Message) {
		t.Helper()
		seq := questionSeq(q)
		for end := time.Now().Add(20 * time.Second); ; {
			row := q.Keyboard[len(q.Keyboard)-1]
			_, err := fake.Press(chat, q.ID, row[len(row)-1].Data)
			if err == nil {
				return
			}
			if time.Now().After(end) {
				t.Fatalf("press %s: %v: %s", seq, err, dumpChat(fake.Messages(chat)))
			}
			time.Sleep(10 * time.Millisecond)
			ms := fake.Messages(chat)
			for i := len(ms) - 1; i >= 0; i-- {
				if len(ms[i].Keyboard) > 0 && questionSeq(ms[i]) == seq {
					q = ms[i]
					break
				}
			}
		}
	}
	q1 := next(telegramtest.Message{})
	// Crash 1: right after the patient pressed "Nearly every day" (3).
	pressLast(q1)
	kill()
	start()
	q2 := next(q1)
	// Crash 2: right after the reply to the second answer (the third
	// question) arrived.
	pressLast(q2)
	next(q2)
	kill()
	start()
	be, err := configFromEnv().open(context.Background(), false, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	defer be.Close()
	if err := answerAll(be, fake, chat); err != nil {
		t.Fatal(err)
	}
	v, js := showSession(t, fmt.Sprint("tg:", chat))
	if len(v.Results) != 1 || v.Results[0].Total != 6 {
		t.Fatalf("want one PHQ-9 result of 6 (3 + 3, then 0s; each answer once): %s\nchat: %s", js, dumpChat(fake.Messages(chat)))
	}
	// Every update is confirmed by the next poll once it is stored.
	for end := time.Now().Add(10 * time.Second); len(fake.Pending()) != 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("updates never confirmed: %v", fake.Pending())
		}
	}
}
