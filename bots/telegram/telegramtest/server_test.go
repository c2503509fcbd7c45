package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func newClient(t *testing.T, s *Server, token string) *bot.Bot {
	t.Helper()
	b, err := bot.New(token, bot.WithServerURL(s.URL), bot.WithSkipGetMe(),
		bot.WithErrorsHandler(func(error) {}))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// rawCall posts a JSON body to method and returns the decoded envelope.
func rawCall(t *testing.T, s *Server, method string, params any) (status int, env map[string]json.RawMessage) {
	t.Helper()
	body, _ := json.Marshal(params)
	resp, err := http.Post(s.URL+"/bot"+s.Token+"/"+method, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(data, &env); err != nil {
		t.Fatalf("%s: %s: %v", method, data, err)
	}
	return resp.StatusCode, env
}

func TestWrongTokenIs401(t *testing.T) {
	s := NewServer()
	defer s.Close()
	_, err := newClient(t, s, "1:wrong").GetMe(context.Background())
	if !errors.Is(err, bot.ErrorUnauthorized) {
		t.Fatalf("GetMe with a wrong token: %v, want unauthorized", err)
	}
	me, err := newClient(t, s, s.Token).GetMe(context.Background())
	if err != nil || !me.IsBot || me.Username == "" || me.ID != 123456789 {
		t.Fatalf("GetMe = %+v, %v", me, err)
	}
}

func TestSendMessageValidation(t *testing.T) {
	s := NewServer(WithoutLimits())
	defer s.Close()
	b := newClient(t, s, s.Token)
	long := strings.Repeat("a", 4097)
	tests := []struct {
		name string
		p    bot.SendMessageParams
		ok   bool
	}{
		{"plain", bot.SendMessageParams{Text: "hello"}, true},
		{"escaped html", bot.SendMessageParams{Text: "a &lt;b&gt; &amp; c &#39;d&#x27;", ParseMode: models.ParseModeHTML}, true},
		{"tags", bot.SendMessageParams{Text: "<b>bold <i>it</i></b>", ParseMode: models.ParseModeHTML}, true},
		{"bare <", bot.SendMessageParams{Text: "1 < 2", ParseMode: models.ParseModeHTML}, false},
		{"bare &", bot.SendMessageParams{Text: "you & me", ParseMode: models.ParseModeHTML}, false},
		{"bare >", bot.SendMessageParams{Text: "2 > 1", ParseMode: models.ParseModeHTML}, false},
		{"unknown tag", bot.SendMessageParams{Text: "<script>x</script>", ParseMode: models.ParseModeHTML}, false},
		{"unclosed", bot.SendMessageParams{Text: "<b>bold", ParseMode: models.ParseModeHTML}, false},
		{"misnested", bot.SendMessageParams{Text: "<b><i>x</b></i>", ParseMode: models.ParseModeHTML}, false},
		{"empty", bot.SendMessageParams{Text: ""}, false},
		{"4096", bot.SendMessageParams{Text: long[:4096]}, true},
		{"4097", bot.SendMessageParams{Text: long}, false},
		{"4096 after entities", bot.SendMessageParams{Text: strings.Repeat("&amp;", 4096), ParseMode: models.ParseModeHTML}, true},
		{"emoji count twice", bot.SendMessageParams{Text: strings.Repeat("😀", 2049)}, false},
		{"callback data 64", bot.SendMessageParams{Text: "q", ReplyMarkup: kb(strings.Repeat("x", 64))}, true},
		{"callback data 65", bot.SendMessageParams{Text: "q", ReplyMarkup: kb(strings.Repeat("x", 65))}, false},
		{"callback data empty", bot.SendMessageParams{Text: "q", ReplyMarkup: kb("")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.p
			p.ChatID = int64(42)
			_, err := b.SendMessage(context.Background(), &p)
			if tt.ok && err != nil {
				t.Fatalf("rejected: %v", err)
			}
			if !tt.ok && !errors.Is(err, bot.ErrorBadRequest) {
				t.Fatalf("err = %v, want bad request", err)
			}
		})
	}
}

func kb(data ...string) *models.InlineKeyboardMarkup {
	var row []models.InlineKeyboardButton
	for _, d := range data {
		row = append(row, models.InlineKeyboardButton{Text: "b" + d, CallbackData: d})
	}
	return &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{row}}
}

func TestMessagesShowEditsAndPresses(t *testing.T) {
	s := NewServer(WithoutLimits())
	defer s.Close()
	b := newClient(t, s, s.Token)
	ctx := context.Background()
	m, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: int64(7), Text: "Q &amp; A?", ParseMode: models.ParseModeHTML, ReplyMarkup: kb("a:1:y", "a:1:n")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Press(7, m.ID, "a:1:maybe"); err == nil {
		t.Fatal("Press accepted a button that does not exist")
	}
	upd, err := s.Press(7, m.ID, "a:1:y")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Stats().Unanswered; got != 1 {
		t.Fatalf("unanswered = %d, want 1", got)
	}
	ups := getUpdates(t, s, 0, 0)
	if len(ups) != 1 || ups[0].ID != upd || ups[0].CallbackQuery == nil {
		t.Fatalf("updates = %+v", ups)
	}
	cq := ups[0].CallbackQuery
	if cq.Data != "a:1:y" || cq.Message.Message == nil || cq.Message.Message.Text != "Q & A?" || cq.Message.Message.ReplyMarkup == nil {
		t.Fatalf("callback query = %+v", cq)
	}
	if _, err := b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: cq.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: cq.ID}); !errors.Is(err, bot.ErrorBadRequest) {
		t.Fatalf("second answer: %v, want bad request", err)
	}
	if _, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: int64(7), MessageID: m.ID, Text: "Q &amp; A?\n\n✓ yes", ParseMode: models.ParseModeHTML}); err != nil {
		t.Fatal(err)
	}
	got := s.Messages(7)
	if len(got) != 1 || got[0].Text != "Q & A?\n\n✓ yes" || got[0].Keyboard != nil || got[0].Edits != 1 {
		t.Fatalf("messages = %+v", got)
	}
	_, err = b.EditMessageReplyMarkup(ctx, &bot.EditMessageReplyMarkupParams{ChatID: int64(7), MessageID: m.ID})
	if err == nil || !strings.Contains(err.Error(), "not modified") {
		t.Fatalf("an edit that changes nothing: %v", err)
	}
	if _, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: int64(7), MessageID: 999, Text: "x"}); !errors.Is(err, bot.ErrorBadRequest) {
		t.Fatalf("edit of a missing message: %v", err)
	}
	if st := s.Stats(); st.Unanswered != 0 {
		t.Fatalf("unanswered = %d", st.Unanswered)
	}
}

func getUpdates(t *testing.T, s *Server, offset int64, timeout int) []*models.Update {
	t.Helper()
	status, env := rawCall(t, s, "getUpdates", map[string]any{"offset": offset, "timeout": timeout})
	if status != 200 {
		t.Fatalf("getUpdates: %d %s", status, env["description"])
	}
	var ups []*models.Update
	if err := json.Unmarshal(env["result"], &ups); err != nil {
		t.Fatal(err)
	}
	return ups
}

func TestGetUpdatesOffsetAndLongPoll(t *testing.T) {
	s := NewServer(WithSecond(10 * time.Millisecond))
	defer s.Close()
	u1 := s.PushText(5, "one")
	u2 := s.PushText(5, "two")
	if ups := getUpdates(t, s, 0, 0); len(ups) != 2 || ups[0].ID != u1 || ups[1].ID != u2 || ups[0].Message.Text != "one" {
		t.Fatalf("updates = %+v", ups)
	}
	if ups := getUpdates(t, s, u1+1, 0); len(ups) != 1 || ups[0].ID != u2 {
		t.Fatalf("after offset: %+v", ups)
	}
	if s.Confirmed() != u1 {
		t.Fatalf("confirmed = %d, want %d", s.Confirmed(), u1)
	}
	dup, err := s.Duplicate(u1)
	if err != nil {
		t.Fatal(err)
	}
	ups := getUpdates(t, s, u2+1, 0)
	if len(ups) != 1 || ups[0].ID != dup || ups[0].Message.ID == 0 || ups[0].Message.Text != "one" {
		t.Fatalf("duplicate: %+v", ups)
	}

	// A long poll wakes on a new update.
	go func() {
		time.Sleep(50 * time.Millisecond)
		s.PushText(6, "late")
	}()
	start := time.Now()
	ups = getUpdates(t, s, dup+1, 3000) // 3000 fake seconds = 30 s: woken long before, however loaded the machine
	if len(ups) != 1 || ups[0].Message.Text != "late" || time.Since(start) > 20*time.Second {
		t.Fatalf("long poll: %+v after %v", ups, time.Since(start))
	}
	// And returns empty at its timeout.
	start = time.Now()
	if ups := getUpdates(t, s, ups[0].ID+1, 5); len(ups) != 0 || time.Since(start) < 40*time.Millisecond {
		t.Fatalf("empty poll: %+v after %v", ups, time.Since(start))
	}
}

func TestFloodLimits(t *testing.T) {
	const sec = 250 * time.Millisecond
	s := NewServer(WithSecond(sec), WithLimits(Limits{ChatPerSecond: 1, ChatBurst: 2, BotPerSecond: 30, BotBurst: 30}))
	defer s.Close()
	b := newClient(t, s, s.Token)
	ctx := context.Background()
	send := func(chat int64) error {
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: chat, Text: "x"})
		return err
	}
	for range 2 {
		if err := send(1); err != nil {
			t.Fatal(err)
		}
	}
	err := send(1)
	var tm *bot.TooManyRequestsError
	if !errors.As(err, &tm) || tm.RetryAfter < 1 {
		t.Fatalf("third message in a burst of 2: %v", err)
	}
	if strings.Contains(tm.Message, BotWide) {
		t.Fatalf("a chat limit said bot-wide: %s", tm.Message)
	}
	if err := send(2); err != nil { // another chat is not limited
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // past the grace, inside the window
	if err := send(1); !errors.As(err, &tm) {
		t.Fatalf("inside the window: %v", err)
	}
	if st := s.Stats(); st.IgnoredRetryAfter != 1 || st.TooManyRequests != 2 {
		t.Fatalf("stats: %v", st)
	}
	time.Sleep(time.Duration(tm.RetryAfter) * sec)
	if err := send(1); err != nil {
		t.Fatalf("after retry_after: %v", err)
	}
}

func TestBotAndGroupLimits(t *testing.T) {
	// Refills so slow that no token comes back during the test, however
	// slow the machine: a burst of 5 bot-wide, then 429.
	s := NewServer(WithSecond(50*time.Millisecond), WithLimits(Limits{ChatPerSecond: 100, ChatBurst: 100, BotPerSecond: 0.001, BotBurst: 5}))
	defer s.Close()
	b := newClient(t, s, s.Token)
	ctx := context.Background()
	var tm *bot.TooManyRequestsError
	for i := range 6 {
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: int64(100 + i), Text: "x"})
		if i < 5 && err != nil {
			t.Fatal(err)
		}
		if i == 5 && (!errors.As(err, &tm) || !strings.Contains(tm.Message, BotWide)) {
			t.Fatalf("sixth message of a bot burst of 5: %v", err)
		}
	}
	// A group: a burst of 2, then a token a minute (3 s here).
	s = NewServer(WithSecond(50*time.Millisecond), WithLimits(Limits{ChatPerSecond: 100, ChatBurst: 100, BotPerSecond: 100, BotBurst: 100, GroupPerMinute: 1, GroupBurst: 2}))
	defer s.Close()
	b = newClient(t, s, s.Token)
	for i := range 3 {
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: int64(-1001), Text: "x"})
		if i < 2 && err != nil {
			t.Fatal(err)
		}
		if i == 2 && (!errors.As(err, &tm) || tm.RetryAfter < 2) {
			t.Fatalf("third group message: %v", err)
		}
	}
}

func TestFailNextBlockAndSlow(t *testing.T) {
	s := NewServer(WithoutLimits())
	defer s.Close()
	b := newClient(t, s, s.Token)
	ctx := context.Background()
	send := func() error {
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: int64(3), Text: "x"})
		return err
	}
	s.FailNext("sendMessage", 502, 1)
	s.FailNext("sendMessage", 500, 1)
	s.FailNext("sendMessage", 429, 1)
	if err := send(); err == nil || !strings.Contains(err.Error(), "decode") { // an HTML page
		t.Fatalf("502: %v", err)
	}
	if err := send(); err == nil || !strings.Contains(err.Error(), "500") {
		t.Fatalf("500: %v", err)
	}
	var tm *bot.TooManyRequestsError
	if err := send(); !errors.As(err, &tm) || !strings.Contains(tm.Message, BotWide) {
		t.Fatalf("429: %v", err)
	}
	time.Sleep(time.Second)
	if err := send(); err != nil {
		t.Fatal(err)
	}
	s.Block(3)
	if err := send(); !errors.Is(err, bot.ErrorForbidden) {
		t.Fatalf("blocked: %v", err)
	}
	s.Slow(100 * time.Millisecond)
	start := time.Now()
	if _, err := b.GetMe(ctx); err != nil || time.Since(start) < 100*time.Millisecond {
		t.Fatalf("slow: %v after %v", err, time.Since(start))
	}
	if st := s.Stats(); st.Calls["sendMessage"] != 5 || st.Calls["getMe"] != 1 {
		t.Fatalf("calls: %v", st)
	}
}

func TestCommandsChatActionAndPhoto(t *testing.T) {
	s := NewServer(WithoutLimits())
	defer s.Close()
	b := newClient(t, s, s.Token)
	ctx := context.Background()
	if _, err := b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: []models.BotCommand{{Command: "Start", Description: "x"}}}); !errors.Is(err, bot.ErrorBadRequest) {
		t.Fatalf("upper-case command: %v", err)
	}
	if _, err := b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: []models.BotCommand{{Command: "start", Description: "Start"}}}); err != nil {
		t.Fatal(err)
	}
	if got := s.Commands(); len(got) != 1 || got[0].Command != "start" {
		t.Fatalf("commands = %+v", got)
	}
	if _, err := b.SendChatAction(ctx, &bot.SendChatActionParams{ChatID: int64(9), Action: models.ChatActionTyping}); err != nil {
		t.Fatal(err)
	}
	if s.ChatActions(9) != 1 {
		t.Fatalf("chat actions = %d", s.ChatActions(9))
	}
	photo := bytes.Repeat([]byte{0xff}, 1234)
	if _, err := b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: int64(9), Photo: &models.InputFileUpload{Filename: "p.png", Data: bytes.NewReader(photo)}, Caption: "c"}); err != nil {
		t.Fatal(err)
	}
	if m := s.Messages(9); len(m) != 1 || m[0].Photo != 1234 || m[0].Text != "c" {
		t.Fatalf("messages = %+v", m)
	}
}

func TestWebhookDelivery(t *testing.T) {
	s := NewServer(WithSecond(20 * time.Millisecond))
	defer s.Close()
	var calls atomic.Int32
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Telegram-Bot-Api-Secret-Token") != "s3cret" {
			t.Errorf("secret header = %q", r.Header.Get("X-Telegram-Bot-Api-Secret-Token"))
		}
		if calls.Add(1) == 1 {
			w.WriteHeader(http.StatusInternalServerError) // delivered again
			return
		}
	}))
	defer hook.Close()
	status, _ := rawCall(t, s, "setWebhook", map[string]any{"url": hook.URL, "secret_token": "s3cret"})
	if status != 200 {
		t.Fatalf("setWebhook: %d", status)
	}
	if status, env := rawCall(t, s, "getUpdates", map[string]any{}); status != http.StatusConflict {
		t.Fatalf("getUpdates with a webhook: %d %s", status, env["description"])
	}
	id := s.PushText(1, "hi")
	if err := s.Wait(30*time.Second, func(st Stats) bool { return st.WebhookDeliveries == 1 }); err != nil {
		t.Fatal(err)
	}
	if st := s.Stats(); st.WebhookFailures != 1 || s.Confirmed() != id || len(s.Pending()) != 0 {
		t.Fatalf("stats %+v confirmed %d pending %v", st, s.Confirmed(), s.Pending())
	}
	if status, _ := rawCall(t, s, "setWebhook", map[string]any{"url": hook.URL, "secret_token": "bad secret!"}); status != 400 {
		t.Fatalf("bad secret accepted: %d", status)
	}
}

// A second poller ends the first one's long poll with 409 Conflict, as
// Telegram does when two processes of a bot poll at once.
func TestGetUpdatesTwoPollersConflict(t *testing.T) {
	s := NewServer(WithSecond(10 * time.Millisecond))
	defer s.Close()
	first := make(chan int, 1)
	go func() {
		body, _ := json.Marshal(map[string]any{"timeout": 3000}) // 30 s
		resp, err := http.Post(s.URL+"/bot"+s.Token+"/getUpdates", "application/json", bytes.NewReader(body))
		if err != nil {
			first <- 0
			return
		}
		resp.Body.Close()
		first <- resp.StatusCode
	}()
	// The first poll may not be waiting yet: poll again until it ends.
	for end := time.Now().Add(30 * time.Second); ; {
		getUpdates(t, s, 0, 0)
		select {
		case status := <-first:
			if status != http.StatusConflict {
				t.Fatalf("the first poll ended with %d, want 409", status)
			}
			if st := s.Stats(); st.Conflicts != 1 {
				t.Fatalf("conflicts = %d, want 1", st.Conflicts)
			}
			return
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(end) {
			t.Fatal("the first long poll did not end")
		}
	}
}
