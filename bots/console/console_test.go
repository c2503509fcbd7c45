package console

import (
	"context"
	"strings"
	"testing"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/runner"
)

func TestRenderNumbersChoicesAsTheEngineReadsThem(t *testing.T) {
	got := Render(engine.Message{Text: "Pets?", Multi: true, Picked: []string{"dog"}, Choices: []engine.Option{
		{Value: "cat", Label: "Cat"}, {Value: "dog", Label: "Dog"}, {Value: "", Label: "Done"}}})
	want := "Pets?\n  1. [ ] Cat\n  2. [x] Dog\n  [Done]\n\n"
	if got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// Chat hands every line to the engine in order, as text or as a command,
// each with the locale it was given; a line longer than anything the engine
// reads is cut, not fatal.
func TestChatLines(t *testing.T) {
	var got []engine.Input
	handle := func(_ context.Context, in runner.Inbound) error {
		if in.Patient != "console:ann" || in.ID == "" || in.Locale != "de" {
			t.Fatalf("inbound %+v", in)
		}
		got = append(got, in.Input)
		return nil
	}
	long := strings.Repeat("x", 3*maxLine)
	in := "hello\r\n/language de\n" + long + "\nlast line without end"
	if err := Chat(context.Background(), strings.NewReader(in), nil, handle, "console:ann", "phq9", "de"); err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 {
		t.Fatalf("%d inputs: %+v", len(got), got)
	}
	if c := got[0].Command; c == nil || c.Name != engine.CmdStart || c.Arg != "phq9" {
		t.Fatalf("first input %+v", got[0])
	}
	if got[1].Text != "hello" || got[2].Command == nil || got[2].Command.Arg != "de" {
		t.Fatalf("inputs %+v", got[1:3])
	}
	if n := len(got[3].Text); n != maxLine+1 {
		t.Fatalf("long line kept %d bytes, want %d", n, maxLine+1)
	}
	if got[4].Text != "last line without end" {
		t.Fatalf("last input %+v", got[4])
	}
}
