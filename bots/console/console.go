// Package console is the terminal channel: a patient chats on standard input
// and output. With piped input each line is one patient message and each bot
// message is printed as one block followed by a blank line, so scripts can
// drive a whole conversation.
package console

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/runner"
)

// Prefix is the channel prefix of console patients: "console:<name>".
const Prefix = "console"

// Handler applies one patient event; *runner.Runner's Handle is one.
type Handler func(ctx context.Context, in runner.Inbound) error

// Channel prints bot messages to a writer. It implements runner.Sender.
type Channel struct {
	mu  sync.Mutex
	out io.Writer
}

var _ runner.Sender = (*Channel)(nil)

// New returns a console channel writing to out.
func New(out io.Writer) *Channel { return &Channel{out: out} }

// Send prints one message as a block: the text, the numbered choices, and a
// blank line.
func (c *Channel) Send(_ context.Context, _ string, m engine.Message) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, err := io.WriteString(c.out, Render(m))
	return err
}

// Render draws a message as text: choices numbered from 1 in the order the
// engine reads typed numbers (or, for numbered options, with their own
// numbers only); for multiple choice the picks so far are
// marked and the Done option is shown last, unnumbered.
func Render(m engine.Message) string {
	var b strings.Builder
	b.WriteString(strings.TrimRight(m.Text, "\n"))
	b.WriteByte('\n')
	picked := map[string]bool{}
	for _, p := range m.Picked {
		picked[p] = true
	}
	n := 0
	for _, o := range m.Choices {
		if m.Multi && o.Value == "" {
			fmt.Fprintf(&b, "  [%s]\n", o.Label)
			continue
		}
		n++
		switch {
		case m.Numbered:
			// The labels carry the numbers that pick them ("0 – Not at all").
			fmt.Fprintf(&b, "  %s\n", o.Label)
		case m.Multi && picked[o.Value]:
			fmt.Fprintf(&b, "  %d. [x] %s\n", n, o.Label)
		case m.Multi:
			fmt.Fprintf(&b, "  %d. [ ] %s\n", n, o.Label)
		default:
			fmt.Fprintf(&b, "  %d. %s\n", n, o.Label)
		}
	}
	b.WriteByte('\n')
	return b.String()
}

// Chat runs a conversation for patient ("console:<name>") reading lines from
// in until it ends or ctx is cancelled. It first starts flowID ("" for the
// clinic's default; an active session of the same flow resumes). When prompt
// is set, "> " is printed before each line is read (for a terminal).
// locale ("" for none) is the patient's language as a platform reports it:
// like Telegram's language_code it chooses the language of a new
// conversation, and /language changes it later.
// Lines starting with "/" are commands: /start [flow], /restart, /stop,
// /help, /language [code], /forget, /safe, /appointments, /reminders on|off.
func Chat(ctx context.Context, in io.Reader, prompt io.Writer, handle Handler, patient, flowID, locale string) error {
	run := make([]byte, 6)
	if _, err := rand.Read(run); err != nil {
		return err
	}
	runID := hex.EncodeToString(run)
	n := 0
	next := func(input engine.Input) error {
		n++
		return handle(ctx, runner.Inbound{ID: fmt.Sprintf("console:%s:%d", runID, n), Patient: patient, Locale: locale, Input: input})
	}
	if err := next(engine.Input{Command: &engine.Command{Name: engine.CmdStart, Arg: flowID}}); err != nil {
		return err
	}
	br := bufio.NewReader(in)
	for {
		if prompt != nil {
			fmt.Fprint(prompt, "> ")
		}
		line, err := readLine(br)
		if err == io.EOF && line == "" {
			return nil
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("read input: %w", err)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if herr := next(ParseLine(line)); herr != nil {
			return herr
		}
		if err == io.EOF {
			return nil
		}
	}
}

// maxLine is the most of one line that is kept, so that a runaway input
// cannot fill memory. The engine screens a message in full for crisis
// language before it refuses anything over 16 KB as too long, so the limit
// is far above what a person pastes.
const maxLine = 256 << 10

// readLine reads one line without its end, keeping at most maxLine+1 bytes
// of a longer one and discarding the rest.
func readLine(br *bufio.Reader) (string, error) {
	var b []byte
	for {
		part, isPrefix, err := br.ReadLine()
		if len(b) <= maxLine {
			b = append(b, part...)
		}
		if err != nil || !isPrefix {
			if len(b) > maxLine+1 {
				b = b[:maxLine+1]
			}
			return strings.TrimRight(string(b), "\r"), err
		}
	}
}

// ParseLine turns one typed line into an engine input: a command when it
// starts with a known "/command", else text.
func ParseLine(line string) engine.Input {
	t := strings.TrimSpace(line)
	if strings.HasPrefix(t, "/") {
		name, arg, _ := strings.Cut(strings.TrimPrefix(t, "/"), " ")
		switch c := engine.CommandName(strings.ToLower(name)); c {
		case engine.CmdStart, engine.CmdRestart, engine.CmdStop, engine.CmdHelp,
			engine.CmdLanguage, engine.CmdForget, engine.CmdSafe, engine.CmdAppointments, engine.CmdReminders:
			return engine.Input{Command: &engine.Command{Name: c, Arg: strings.TrimSpace(arg)}}
		}
	}
	return engine.Input{Text: line}
}
