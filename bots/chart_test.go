package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
)

// answerPHQ9 runs the stand-alone PHQ-9 by pressing the first option of
// every question, or the second for item 9 when risk is set, until no
// question is left.
func answerPHQ9(t *testing.T, fake *telegramtest.Server, chat int64, risk bool) {
	t.Helper()
	item9 := 0
	if risk {
		item9 = 1
	}
	answerPHQ9With(t, fake, chat, 0, item9)
}

// answerPHQ9With runs the stand-alone PHQ-9 by pressing the option at
// index pick of every question but item 9, and item9 there, until no
// question is left.
func answerPHQ9With(t *testing.T, fake *telegramtest.Server, chat int64, pick, item9 int) {
	t.Helper()
	n := len(fake.Messages(chat))
	fake.PushText(chat, "/start phq9")
	for range 20 {
		var last telegramtest.Message
		eventually(t, "the next message", func() bool {
			ms := fake.Messages(chat)
			if len(ms) <= n {
				return false
			}
			last = ms[len(ms)-1]
			return true
		})
		settle(t, fmt.Sprint("tg:", chat)) // the rest of the turn's messages
		time.Sleep(50 * time.Millisecond)
		ms := fake.Messages(chat)
		last, n = ms[len(ms)-1], len(ms)
		if len(last.Keyboard) == 0 {
			return
		}
		all := []telegramtest.Button{}
		for _, row := range last.Keyboard {
			all = append(all, row...)
		}
		i := pick
		if strings.Contains(last.Text, "better off dead") {
			i = item9
		}
		if _, err := fake.Press(chat, last.ID, all[min(i, len(all)-1)].Data); err != nil {
			t.Fatal(err)
		}
	}
	t.Fatal("the PHQ-9 did not end")
}

// A patient who answered the PHQ-9 twice, the second time with a risk
// answer: the staff group gets the referral summary with the course as
// numbers, and a PNG chart of it.
func TestServeReferralWithCourseChart(t *testing.T) {
	useRedis(t)
	fake := serveStaff(t, "10m")

	const chat = 4545
	answerPHQ9(t, fake, chat, false)
	answerPHQ9(t, fake, chat, true)
	eventually(t, "the referral in the staff group", func() bool { return len(referralPosts(fake)) >= 1 })
	if s := referralPosts(fake)[0].Text; !strings.Contains(s, "over time: 0 → ") {
		t.Fatalf("summary without the course:\n%s", s)
	}
	eventually(t, "the chart", func() bool {
		for _, m := range fake.Messages(staffGroup) {
			if m.Photo > 1000 && strings.Contains(m.Text, "over time") {
				return true
			}
		}
		return false
	})
	for _, m := range fake.Messages(chat) {
		if m.Photo > 0 {
			t.Fatal("the patient was sent the chart")
		}
	}
}
