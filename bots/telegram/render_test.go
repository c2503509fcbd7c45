package telegram

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/kapbot/kapbot/internal/engine"
)

func TestDecode(t *testing.T) {
	now := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	private := models.Chat{ID: 42, Type: models.ChatTypePrivate}
	msg := func(text string) *models.Update {
		return &models.Update{ID: 1, Message: &models.Message{ID: 7, Chat: private, Text: text,
			From: &models.User{ID: 42, LanguageCode: "de-AT"}}}
	}
	press := func(data string) *models.Update {
		return &models.Update{ID: 2, CallbackQuery: &models.CallbackQuery{ID: "q1", Data: data,
			From: models.User{ID: 42, LanguageCode: "pt-br"},
			Message: models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage,
				Message: &models.Message{ID: 9, Chat: private, Text: "Q?"}}}}
	}
	cmd := func(name engine.CommandName, arg string) engine.Input {
		return engine.Input{Now: now, Command: &engine.Command{Name: name, Arg: arg}}
	}
	tests := []struct {
		name   string
		u      *models.Update
		handle bool
		id     string
		locale string
		input  engine.Input
		query  string
	}{
		{"text", msg("I feel <fine> & ok"), true, "tg:m:42:7", "de", engine.Input{Now: now, Text: "I feel <fine> & ok"}, ""},
		{"start", msg("/start"), true, "tg:m:42:7", "de", cmd(engine.CmdStart, ""), ""},
		{"deep link", msg("/start intake_v2"), true, "tg:m:42:7", "de", cmd(engine.CmdStart, "intake_v2"), ""},
		{"addressed to us", msg("/start@kapbot_test_bot intake"), true, "tg:m:42:7", "de", cmd(engine.CmdStart, "intake"), ""},
		{"addressed to another bot", msg("/start@other_bot"), true, "tg:m:42:7", "de", engine.Input{Now: now, Text: "/start@other_bot"}, ""},
		{"upper case", msg("/HELP"), true, "tg:m:42:7", "de", cmd(engine.CmdHelp, ""), ""},
		{"restart", msg("/restart"), true, "tg:m:42:7", "de", cmd(engine.CmdRestart, ""), ""},
		{"stop", msg("/stop "), true, "tg:m:42:7", "de", cmd(engine.CmdStop, ""), ""},
		{"language", msg("/language  de "), true, "tg:m:42:7", "de", cmd(engine.CmdLanguage, "de"), ""},
		{"language list", msg("/language"), true, "tg:m:42:7", "de", cmd(engine.CmdLanguage, ""), ""},
		{"forget", msg("/forget"), true, "tg:m:42:7", "de", cmd(engine.CmdForget, ""), ""},
		{"safe", msg("/safe"), true, "tg:m:42:7", "de", cmd(engine.CmdSafe, ""), ""},
		{"unknown command is text", msg("/dose 5mg"), true, "tg:m:42:7", "de", engine.Input{Now: now, Text: "/dose 5mg"}, ""},
		{"sticker", &models.Update{ID: 3, Message: &models.Message{ID: 8, Chat: private, Sticker: &models.Sticker{FileID: "s"}}},
			true, "tg:m:42:8", "", engine.Input{Now: now}, ""},
		{"group message", &models.Update{ID: 4, Message: &models.Message{ID: 8, Chat: models.Chat{ID: -100, Type: models.ChatTypeSupergroup}, Text: "hi"}},
			false, "", "", engine.Input{}, ""},
		{"edited message", &models.Update{ID: 5, EditedMessage: &models.Message{ID: 8, Chat: private, Text: "x"}}, false, "", "", engine.Input{}, ""},
		{"answer", press("a:3:yes"), true, "tg:cb:q1", "pt", engine.Input{Now: now, Press: &engine.Press{Seq: 3, Value: "yes"}}, "q1"},
		{"answer with colon", press("a:3:a:b"), true, "tg:cb:q1", "pt", engine.Input{Now: now, Press: &engine.Press{Seq: 3, Value: "a:b"}}, "q1"},
		{"toggle", press("m:4:sleep"), true, "tg:cb:q1", "pt", engine.Input{Now: now, Press: &engine.Press{Seq: 4, Value: "sleep"}}, "q1"},
		{"done", press("d:4"), true, "tg:cb:q1", "pt", engine.Input{Now: now, Press: &engine.Press{Seq: 4}}, "q1"},
		{"foreign data", press("hello"), false, "", "", engine.Input{}, "q1"},
		{"bad seq", press("a:x:yes"), false, "", "", engine.Input{}, "q1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, handle := decode(tt.u, "kapbot_test_bot", now)
			if handle != tt.handle || ev.query != tt.query {
				t.Fatalf("handle, query = %v, %q; want %v, %q", handle, ev.query, tt.handle, tt.query)
			}
			if !handle {
				return
			}
			if ev.in.ID != tt.id || ev.in.Patient != "tg:42" || ev.in.Locale != tt.locale || ev.chat != 42 {
				t.Fatalf("inbound = %+v, chat %d", ev.in, ev.chat)
			}
			if !reflect.DeepEqual(ev.in.Input, tt.input) {
				t.Fatalf("input = %+v (cmd %+v press %+v), want %+v", ev.in.Input, ev.in.Input.Command, ev.in.Input.Press, tt.input)
			}
		})
	}
}

func TestEscape(t *testing.T) {
	got := escape(`<b>Tom & "Jerry"</b> 1<2>0 &amp;`)
	want := `&lt;b&gt;Tom &amp; "Jerry"&lt;/b&gt; 1&lt;2&gt;0 &amp;amp;`
	if got != want {
		t.Fatalf("escape = %q, want %q", got, want)
	}
}

func TestSplit(t *testing.T) {
	para := strings.Repeat("word ", 20) // 100 characters
	tests := []struct {
		name  string
		text  string
		limit int
		want  []string
	}{
		{"fits", "short text", 20, []string{"short text"}},
		{"paragraphs", "first para\n\nsecond para\n\nthird", 25, []string{"first para\n\nsecond para", "third"}},
		{"lines", "line one\nline two\nline three", 18, []string{"line one\nline two", "line three"}},
		{"words", "alpha beta gamma delta", 11, []string{"alpha beta", "gamma delta"}},
		{"hard cut", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"emoji are two units", "😀😀😀", 4, []string{"😀😀", "😀"}},
		{"prefers paragraphs", "aa bb\n\ncc dd ee", 12, []string{"aa bb", "cc dd ee"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := split(tt.text, tt.limit)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("split = %q, want %q", got, tt.want)
			}
		})
	}
	// A long text: every piece fits and nothing is lost.
	long := strings.Repeat(para+"\n\n", 100)
	parts := split(long, MaxText)
	if len(parts) < 3 {
		t.Fatalf("%d parts", len(parts))
	}
	for _, p := range parts {
		if textLen(p) > MaxText || strings.HasPrefix(p, "\n") || strings.HasSuffix(p, "\n") {
			t.Fatalf("part of %d units, or with an edge newline", textLen(p))
		}
	}
	if strings.Join(strings.Fields(strings.Join(parts, " ")), " ") != strings.Join(strings.Fields(long), " ") {
		t.Fatal("split lost or changed words")
	}
}

func labels(kb *models.InlineKeyboardMarkup) [][]string {
	if kb == nil {
		return nil
	}
	var out [][]string
	for _, row := range kb.InlineKeyboard {
		var r []string
		for _, b := range row {
			r = append(r, b.Text+"="+b.CallbackData)
		}
		out = append(out, r)
	}
	return out
}

func opts(labels ...string) []engine.Option {
	var out []engine.Option
	for i, l := range labels {
		out = append(out, engine.Option{Value: string(rune('0' + i)), Label: l})
	}
	return out
}

func TestKeyboard(t *testing.T) {
	tests := []struct {
		name string
		m    engine.Message
		want [][]string
	}{
		{"none", engine.Message{Text: "hi"}, nil},
		{"yes no", engine.Message{Seq: 2, Choices: []engine.Option{{Value: "yes", Label: "Yes"}, {Value: "no", Label: "No"}}},
			[][]string{{"Yes=a:2:yes", "No=a:2:no"}}},
		{"four short are two rows of two", engine.Message{Seq: 1, Choices: opts("0", "1", "2", "3")},
			[][]string{{"0=a:1:0", "1=a:1:1"}, {"2=a:1:2", "3=a:1:3"}}},
		{"five short", engine.Message{Seq: 1, Choices: opts("a", "b", "c", "d", "e")},
			[][]string{{"a=a:1:0", "b=a:1:1", "c=a:1:2"}, {"d=a:1:3", "e=a:1:4"}}},
		{"medium labels two per row", engine.Message{Seq: 1, Choices: opts("Several days", "Not at all", "Nearly every day")},
			[][]string{{"Several days=a:1:0", "Not at all=a:1:1"}, {"Nearly every day=a:1:2"}}},
		{"long labels one per row", engine.Message{Seq: 1, Choices: opts("More than half the days", "No")},
			[][]string{{"More than half the days=a:1:0"}, {"No=a:1:1"}}},
		{"label defaults to value", engine.Message{Seq: 1, Choices: []engine.Option{{Value: "x"}}},
			[][]string{{"x=a:1:x"}}},
		{"multi with done", engine.Message{Seq: 5, Multi: true, Choices: []engine.Option{{Value: "s", Label: "Sleep"}, {Value: "m", Label: "Mood"}, {Value: "", Label: "Fertig"}}},
			[][]string{{"☐ Sleep=m:5:s", "☐ Mood=m:5:m"}, {"Fertig=d:5"}}},
		{"multi without done option", engine.Message{Seq: 5, Multi: true, Choices: []engine.Option{{Value: "s", Label: "Sleep"}}},
			[][]string{{"☐ Sleep=m:5:s"}, {"Done=d:5"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kb, err := keyboard(tt.m)
			if err != nil {
				t.Fatal(err)
			}
			if got := labels(kb); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("keyboard = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRender(t *testing.T) {
	long := strings.Repeat("x", 61) // "a:1:" + 61 bytes > 64
	for _, m := range []engine.Message{
		{Text: "q", Seq: 1, Choices: []engine.Option{{Value: long, Label: "L"}}},
		{Text: ""},
		{Text: " \n "},
	} {
		if _, err := render(m); !errors.Is(err, ErrRejected) {
			t.Errorf("render(%q...) = %v, want ErrRejected", m.Text, err)
		}
	}
	text := strings.Repeat("<p> & ", 1000) // 6000 characters
	parts, err := render(engine.Message{Text: text, Seq: 1, Choices: opts("a", "b")})
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 2 || parts[0].kb != nil || parts[1].kb == nil {
		t.Fatalf("parts: %d, keyboards %v %v", len(parts), parts[0].kb, parts[1].kb)
	}
	if !strings.HasPrefix(parts[0].html, "&lt;p&gt; &amp; ") || strings.ContainsAny(strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(parts[1].html, "&lt;", ""), "&gt;", ""), "&amp;", ""), "<>&") {
		t.Fatalf("not escaped: %q", parts[0].html[:40])
	}
}

func TestToggledAndPicked(t *testing.T) {
	kb, _ := keyboard(engine.Message{Seq: 1, Multi: true, Choices: []engine.Option{{Value: "a", Label: "A"}, {Value: "b", Label: "B"}}})
	kb2 := toggled(kb, "m:1:b")
	if got := picked(kb2); !reflect.DeepEqual(got, []string{"B"}) {
		t.Fatalf("picked = %q", got)
	}
	if got := picked(kb); got != nil {
		t.Fatalf("toggled changed its input: %q", got)
	}
	if got := picked(toggled(kb2, "m:1:b")); got != nil {
		t.Fatalf("toggling twice: %q", got)
	}
}
