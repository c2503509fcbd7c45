package discord

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/kapbot/kapbot/internal/engine"
)

func TestSplit(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		text string
		max  int
		want []string
	}{
		{"empty", "  \n", 10, nil},
		{"fits", "hello", 10, []string{"hello"}},
		{"exactly", "0123456789", 10, []string{"0123456789"}},
		{"paragraphs first", "aaa bbb\nccc\n\nddd", 12, []string{"aaa bbb\nccc", "ddd"}},
		{"then lines", "aaa bbb\nccc ddd", 10, []string{"aaa bbb", "ccc ddd"}},
		{"then words", "aaa bbb ccc ddd", 10, []string{"aaa bbb", "ccc ddd"}},
		{"separator right at the limit", "0123456789 abc", 10, []string{"0123456789", "abc"}},
		{"long word is cut", "0123456789abcdef", 10, []string{"0123456789", "abcdef"}},
		{"runes, not bytes", "ääääääää ööö", 10, []string{"ääääääää", "ööö"}},
		{"code block closed and reopened", "```\nline one\nline two\n```", 16, []string{"```\nline one\n```", "```\nline two\n```"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := split(tc.text, tc.max)
			if !slices.Equal(got, tc.want) {
				t.Errorf("split(%q, %d) = %q, want %q", tc.text, tc.max, got, tc.want)
			}
			for _, p := range got {
				if n := utf8.RuneCountInString(p); n > tc.max {
					t.Errorf("part %q has %d characters, max %d", p, n, tc.max)
				}
			}
		})
	}
}

func TestSplitKeepsEveryWord(t *testing.T) {
	t.Parallel()
	var words []string
	for i := range 3000 {
		words = append(words, fmt.Sprint("w", i))
		if i%37 == 0 {
			words = append(words, "\n")
		}
		if i%101 == 0 {
			words = append(words, "\n\n")
		}
	}
	text := strings.Join(words, " ")
	parts := splitLast(text, maxContent, maxContent-checkRoom)
	if len(parts) < 8 {
		t.Fatalf("%d parts for %d characters", len(parts), len(text))
	}
	for i, p := range parts {
		max := maxContent
		if i == len(parts)-1 {
			max -= checkRoom
		}
		if n := utf8.RuneCountInString(p); n > max {
			t.Errorf("part %d: %d characters", i, n)
		}
	}
	if got, want := strings.Fields(strings.Join(parts, " ")), strings.Fields(text); !slices.Equal(got, want) {
		t.Errorf("words lost or changed: %d words, want %d", len(got), len(want))
	}
}

func TestEscapeMarkdown(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{"plain text 123", "plain text 123"},
		{"**bold** _it_ ~~s~~", `\*\*bold\*\* \_it\_ \~\~s\~\~`},
		{"`code` ||spoiler||", "\\`code\\` \\|\\|spoiler\\|\\|"},
		{"> quote\n# head\n- item", "\\> quote\n\\# head\n\\- item"},
		{"[link](http://x)", `\[link\]\(http\://x\)`},
		{"<@123> @everyone", `\<\@123\> \@everyone`},
		{`back\slash`, `back\\slash`},
	}
	for _, tc := range cases {
		if got := EscapeMarkdown(tc.in); got != tc.want {
			t.Errorf("EscapeMarkdown(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// wire renders components as Discord receives them.
func wire(t *testing.T, comps []discordgo.MessageComponent) []map[string]any {
	t.Helper()
	b, err := json.Marshal(comps)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func opts(n int) []engine.Option {
	var o []engine.Option
	for i := 1; i <= n; i++ {
		o = append(o, engine.Option{Value: fmt.Sprint("v", i), Label: fmt.Sprint("Label ", i)})
	}
	return o
}

func TestComponents(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 120)
	cases := []struct {
		name    string
		msg     engine.Message
		rows    []string // per row: "b"*buttons or "s<options>"
		ids     []string // custom ids in order
		numbers bool     // drawn as a numbered list instead
	}{
		{"no choices", engine.Message{Text: "hi"}, nil, nil, false},
		{"two buttons", engine.Message{Seq: 3, Choices: opts(2)}, []string{"bb"}, []string{"a:3:v1", "a:3:v2"}, false},
		{"seven buttons in two rows", engine.Message{Seq: 1, Choices: opts(7)}, []string{"bbbbb", "bb"}, nil, false},
		{"ten buttons", engine.Message{Seq: 1, Choices: opts(10)}, []string{"bbbbb", "bbbbb"}, nil, false},
		{"eleven take a menu", engine.Message{Seq: 1, Choices: opts(11)}, []string{"s11"}, []string{"s:1:0"}, false},
		{"sixty take three menus", engine.Message{Seq: 2, Choices: opts(60)}, []string{"s25", "s25", "s10"}, []string{"s:2:0", "s:2:1", "s:2:2"}, false},
		{"too many for menus", engine.Message{Seq: 2, Choices: opts(126)}, nil, nil, true},
		{"value too long for a button id takes a menu", engine.Message{Seq: 1, Choices: []engine.Option{{Value: strings.Repeat("v", 98), Label: "A"}}}, []string{"s1"}, nil, false},
		{"value too long for anything", engine.Message{Seq: 1, Choices: []engine.Option{{Value: long, Label: "A"}, {Value: "b", Label: "B"}}}, nil, nil, true},
		{"multi with done", engine.Message{Seq: 5, Multi: true, Choices: append(opts(3), engine.Option{Value: "", Label: "Done"})}, []string{"s3", "b"}, []string{"m:5", "a:5:"}, false},
		{"multi over 25", engine.Message{Seq: 5, Multi: true, Choices: opts(26)}, nil, nil, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			comps, list := components(tc.msg)
			if tc.numbers != (list != "") {
				t.Fatalf("numbered list %q, want one: %v", list, tc.numbers)
			}
			if tc.numbers {
				if !strings.HasPrefix(list, "1. Label 1\n2. ") && !strings.HasPrefix(list, "1. A\n2. B") {
					t.Errorf("list %q", list)
				}
				return
			}
			var rows, ids []string
			for _, r := range wire(t, comps) {
				row := ""
				for _, c := range r["components"].([]any) {
					c := c.(map[string]any)
					switch c["type"].(float64) {
					case 2:
						row += "b"
						if n := utf8.RuneCountInString(c["label"].(string)); n > maxButtonLabel {
							t.Errorf("label of %d characters", n)
						}
					case 3:
						row += fmt.Sprint("s", len(c["options"].([]any)))
					}
					ids = append(ids, c["custom_id"].(string))
				}
				rows = append(rows, row)
			}
			if !slices.Equal(rows, tc.rows) {
				t.Errorf("rows %v, want %v", rows, tc.rows)
			}
			if tc.ids != nil && !slices.Equal(ids, tc.ids) {
				t.Errorf("custom ids %v, want %v", ids, tc.ids)
			}
		})
	}
}

func TestLabelsAreTruncated(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("é", 120)
	comps, _ := components(engine.Message{Seq: 1, Choices: []engine.Option{{Value: "a", Label: long}}})
	b := comps[0].(discordgo.ActionsRow).Components[0].(discordgo.Button)
	if n := utf8.RuneCountInString(b.Label); n != maxButtonLabel || !strings.HasSuffix(b.Label, "…") {
		t.Errorf("button label %d characters: %q", n, b.Label)
	}
	comps, _ = components(engine.Message{Seq: 1, Choices: append(opts(11), engine.Option{Value: "z", Label: long})})
	m := comps[0].(discordgo.ActionsRow).Components[0].(discordgo.SelectMenu)
	if n := utf8.RuneCountInString(m.Options[11].Label); n != maxOptionText {
		t.Errorf("option label %d characters", n)
	}
}

func TestDecodePress(t *testing.T) {
	t.Parallel()
	cases := []struct {
		id     string
		values []string
		want   press
		ok     bool
	}{
		{"a:3:good", nil, press{seq: 3, values: []string{"good"}}, true},
		{"a:3:with:colons", nil, press{seq: 3, values: []string{"with:colons"}}, true},
		{"a:3:", nil, press{seq: 3, values: []string{""}}, true},
		{"s:4:1", []string{"v7"}, press{seq: 4, values: []string{"v7"}, menu: true}, true},
		{"m:5", []string{"a", "b"}, press{seq: 5, values: []string{"a", "b"}, done: true, menu: true}, true},
		{"a:3", nil, press{}, false},
		{"a:x:good", nil, press{}, false},
		{"s:4:1", nil, press{}, false},
		{"m:5", nil, press{}, false},
		{"other", nil, press{}, false},
	}
	for _, tc := range cases {
		got, ok := decodePress(tc.id, tc.values)
		if ok != tc.ok || got.seq != tc.want.seq || !slices.Equal(got.values, tc.want.values) || got.done != tc.want.done || got.menu != tc.want.menu {
			t.Errorf("decodePress(%q, %v) = %+v, %v; want %+v, %v", tc.id, tc.values, got, ok, tc.want, tc.ok)
		}
	}
}

func TestAnswered(t *testing.T) {
	t.Parallel()
	if got := answered("Question?", []string{"*Yes*"}); got != "Question?\n\n✓ \\*Yes\\*" {
		t.Errorf("answered = %q", got)
	}
	if got := answered("", []string{"Yes"}); got != "✓ Yes" {
		t.Errorf("answered without text = %q", got)
	}
	full := strings.Repeat("a", maxContent)
	if got := answered(full, []string{"Yes"}); utf8.RuneCountInString(got) > maxContent || !strings.HasSuffix(got, "✓ Yes") {
		t.Errorf("answered on a full message: %d characters", utf8.RuneCountInString(got))
	}
}

func TestTypedCommand(t *testing.T) {
	t.Parallel()
	cases := []struct {
		text string
		want *engine.Command
	}{
		{"/help", &engine.Command{Name: engine.CmdHelp}},
		{" /HELP ", &engine.Command{Name: engine.CmdHelp}},
		{"/intake", &engine.Command{Name: engine.CmdStart, Arg: "kap-intake"}},
		{"/start", &engine.Command{Name: engine.CmdStart}},
		{"/start kap-prepare", &engine.Command{Name: engine.CmdStart, Arg: "kap-prepare"}},
		{"/language de", &engine.Command{Name: engine.CmdLanguage, Arg: "de"}},
		{"/stop now", nil},
		{"/unknown", nil},
		{"help", nil},
		{"1/2", nil},
	}
	for _, tc := range cases {
		got, ok := typedCommand(tc.text)
		if ok != (tc.want != nil) || (ok && *got != *tc.want) {
			t.Errorf("typedCommand(%q) = %+v, %v; want %+v", tc.text, got, ok, tc.want)
		}
	}
}
