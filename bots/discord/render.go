package discord

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/kapbot/kapbot/internal/engine"
)

// Discord's limits the channel draws within.
const (
	maxContent     = 2000 // characters of a message
	maxButtons     = 10   // options drawn as buttons; more take a select menu
	buttonsPerRow  = 5
	maxButtonLabel = 80
	maxSelectOpts  = 25
	maxSelectRows  = 5
	maxOptionText  = 100 // select option label and value
	maxCustomID    = 100
	// checkRoom is kept free on a message with components for the
	// "✓ <label>" line added when it is answered.
	checkRoom = 110
)

// Custom ids of components. The prompt's Seq is carried back so the engine
// can tell a stale press.
//
//	a:<seq>:<value>  a button: one press of value ("" is the Done option)
//	s:<seq>:<k>      the k-th single-choice select menu: one press of the value picked
//	m:<seq>          a multiple-choice select menu: a press per value picked, then Done
const (
	kindButton = "a"
	kindSelect = "s"
	kindMulti  = "m"
)

// drawing is how a message is drawn: its text parts and the components of
// the last part.
type drawing struct {
	parts      []string
	components []discordgo.MessageComponent
}

// draw lays out m: the choices become buttons or select menus (or, past what
// components can hold, a numbered list the engine understands when typed),
// and the text is split into parts of at most 2000 characters.
func draw(m engine.Message) drawing {
	comps, list := components(m)
	text := m.Text
	if list != "" {
		text = strings.TrimRight(text, "\n") + "\n\n" + list
		text = strings.TrimLeft(text, "\n")
	}
	last := maxContent
	if len(comps) > 0 {
		last = maxContent - checkRoom
	}
	return drawing{parts: splitLast(text, maxContent, last), components: comps}
}

// components draws m's choices. It returns either components or, when the
// choices cannot be drawn as components, a numbered list to append to the
// text.
func components(m engine.Message) ([]discordgo.MessageComponent, string) {
	if len(m.Choices) == 0 {
		return nil, ""
	}
	seq := strconv.Itoa(m.Seq)
	if m.Multi {
		var opts []engine.Option
		var done *engine.Option
		for i, o := range m.Choices {
			if o.Value == "" {
				done = &m.Choices[i]
				continue
			}
			opts = append(opts, o)
		}
		if len(opts) == 0 || len(opts) > maxSelectOpts || !selectable(opts) {
			return nil, numbered(m.Choices, m.Numbered)
		}
		n := len(opts)
		one := 1
		comps := []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.SelectMenu{
				CustomID:    kindMulti + ":" + seq,
				Placeholder: textPickSome,
				MinValues:   &one,
				MaxValues:   n,
				Options:     selectOptions(opts),
			},
		}}}
		if done != nil {
			comps = append(comps, discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				discordgo.Button{Label: truncate(done.Label, maxButtonLabel), Style: discordgo.SuccessButton, CustomID: kindButton + ":" + seq + ":"},
			}})
		}
		return comps, ""
	}
	if len(m.Choices) <= maxButtons && buttonable(seq, m.Choices) {
		var rows []discordgo.MessageComponent
		var row []discordgo.MessageComponent
		for _, o := range m.Choices {
			style := discordgo.PrimaryButton
			if o.Value == "" {
				style = discordgo.SuccessButton
			}
			row = append(row, discordgo.Button{Label: buttonLabel(o), Style: style, CustomID: kindButton + ":" + seq + ":" + o.Value})
			if len(row) == buttonsPerRow {
				rows = append(rows, discordgo.ActionsRow{Components: row})
				row = nil
			}
		}
		if len(row) > 0 {
			rows = append(rows, discordgo.ActionsRow{Components: row})
		}
		return rows, ""
	}
	if len(m.Choices) <= maxSelectOpts*maxSelectRows && selectable(m.Choices) {
		var rows []discordgo.MessageComponent
		menus := (len(m.Choices) + maxSelectOpts - 1) / maxSelectOpts
		one := 1
		for k := 0; k < menus; k++ {
			lo, hi := k*maxSelectOpts, min((k+1)*maxSelectOpts, len(m.Choices))
			ph := textPickOne
			if menus > 1 {
				ph = fmt.Sprintf("%s (%d–%d)", textPickOne, lo+1, hi)
			}
			rows = append(rows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				discordgo.SelectMenu{
					CustomID:    kindSelect + ":" + seq + ":" + strconv.Itoa(k),
					Placeholder: ph,
					MinValues:   &one,
					MaxValues:   1,
					Options:     selectOptions(m.Choices[lo:hi]),
				},
			}})
		}
		return rows, ""
	}
	return nil, numbered(m.Choices, m.Numbered)
}

func buttonLabel(o engine.Option) string {
	if strings.TrimSpace(o.Label) == "" {
		if o.Value == "" {
			return "✓"
		}
		return truncate(o.Value, maxButtonLabel)
	}
	return truncate(o.Label, maxButtonLabel)
}

// buttonable reports whether every option fits a button's custom id, once.
func buttonable(seq string, opts []engine.Option) bool {
	seen := map[string]bool{}
	for _, o := range opts {
		if utf8.RuneCountInString(kindButton+":"+seq+":"+o.Value) > maxCustomID || seen[o.Value] {
			return false
		}
		seen[o.Value] = true
	}
	return true
}

// selectable reports whether every option fits a select option's value,
// once.
func selectable(opts []engine.Option) bool {
	seen := map[string]bool{}
	for _, o := range opts {
		n := utf8.RuneCountInString(o.Value)
		if n == 0 || n > maxOptionText || seen[o.Value] {
			return false
		}
		seen[o.Value] = true
	}
	return true
}

func selectOptions(opts []engine.Option) []discordgo.SelectMenuOption {
	out := make([]discordgo.SelectMenuOption, len(opts))
	for i, o := range opts {
		label := truncate(o.Label, maxOptionText)
		if strings.TrimSpace(label) == "" {
			label = truncate(o.Value, maxOptionText)
		}
		out[i] = discordgo.SelectMenuOption{Label: label, Value: o.Value}
	}
	return out
}

// numbered lists the options as "1. Label" lines, or as the labels alone
// when they carry their own numbers ("0 – Not at all").
func numbered(opts []engine.Option, own bool) string {
	var b strings.Builder
	for i, o := range opts {
		if i > 0 {
			b.WriteByte('\n')
		}
		if own {
			b.WriteString(o.Label)
			continue
		}
		fmt.Fprintf(&b, "%d. %s", i+1, o.Label)
	}
	return b.String()
}

// truncate shortens s to at most n characters, ending with "…" if cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// press is what a component interaction means for the engine.
type press struct {
	seq    int
	values []string // pressed in order
	done   bool     // a Done press follows the values
	menu   bool     // it came from a select menu
}

// decodePress reads a component's custom id and the values picked.
func decodePress(customID string, values []string) (press, bool) {
	kind, rest, _ := strings.Cut(customID, ":")
	seqText, arg, _ := strings.Cut(rest, ":")
	seq, err := strconv.Atoi(seqText)
	if err != nil || seq < 0 {
		return press{}, false
	}
	switch kind {
	case kindButton:
		if !strings.Contains(rest, ":") {
			return press{}, false
		}
		return press{seq: seq, values: []string{arg}}, true
	case kindSelect:
		if len(values) != 1 {
			return press{}, false
		}
		return press{seq: seq, values: values[:1], menu: true}, true
	case kindMulti:
		if arg != "" || strings.Contains(rest, ":") || len(values) == 0 {
			return press{}, false
		}
		return press{seq: seq, values: values, done: true, menu: true}, true
	}
	return press{}, false
}

// pressedLabels finds the labels of what was pressed on msg, falling back to
// the values.
func pressedLabels(msg *discordgo.Message, customID string, values []string) []string {
	var labels []string
	if msg != nil {
		walk(msg.Components, func(c discordgo.MessageComponent) {
			switch c := c.(type) {
			case *discordgo.Button:
				if c.CustomID == customID {
					labels = append(labels, c.Label)
				}
			case *discordgo.SelectMenu:
				if c.CustomID != customID {
					return
				}
				for _, v := range values {
					for _, o := range c.Options {
						if o.Value == v {
							labels = append(labels, o.Label)
						}
					}
				}
			}
		})
	}
	if len(labels) == 0 {
		labels = values
	}
	return labels
}

func walk(comps []discordgo.MessageComponent, f func(discordgo.MessageComponent)) {
	for _, c := range comps {
		switch r := c.(type) {
		case *discordgo.ActionsRow:
			walk(r.Components, f)
		case discordgo.ActionsRow:
			walk(r.Components, f)
		default:
			f(c)
		}
	}
}

// answered returns content with the "✓ <labels>" line that shows what was
// picked, within Discord's length limit.
func answered(content string, labels []string) string {
	esc := make([]string, len(labels))
	for i, l := range labels {
		esc[i] = EscapeMarkdown(l)
	}
	line := truncate(textCheck+strings.Join(esc, ", "), checkRoom-2)
	if content == "" {
		return line
	}
	out := content + "\n\n" + line
	if utf8.RuneCountInString(out) > maxContent {
		out = truncate(content, maxContent-utf8.RuneCountInString(line)-2) + "\n\n" + line
	}
	return out
}

// EscapeMarkdown returns s with Discord's markdown characters escaped, so
// that text written by a patient (if it is ever echoed) shows as typed
// rather than formatted, and cannot open a link, quote, heading, list,
// spoiler or code block.
func EscapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '\\', '*', '_', '~', '`', '|', '>', '<', '#', '-', '[', ']', '(', ')', ':', '@':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// splitLast splits text into parts of at most max characters, the last part
// at most last (to leave room on it). Empty text has no parts.
func splitLast(text string, max, last int) []string {
	parts := split(text, max)
	if n := len(parts); n > 0 && utf8.RuneCountInString(parts[n-1]) > last {
		parts = append(parts[:n-1], split(parts[n-1], last)...)
	}
	return parts
}

// split cuts text into parts of at most max characters, preferring paragraph
// boundaries, then line breaks, then spaces, and cutting inside a word only
// when a word is longer than max. A code block cut in two is closed at the
// end of one part and reopened at the start of the next. Empty text has no
// parts.
func split(text string, max int) []string {
	const fence = "```"
	if strings.TrimSpace(text) == "" {
		return nil
	}
	budget := max
	if strings.Contains(text, fence) {
		budget = max - len(fence) - 1 // room to close and reopen a block
	}
	var parts []string
	rest := []rune(text)
	open := false
	for len(rest) > 0 {
		if open && strings.HasPrefix(string(rest), fence) {
			// The block's own closing fence: the last part closed it.
			rest = []rune(strings.TrimLeft(string(rest[len(fence):]), "\n"))
			open = false
			continue
		}
		prefix := ""
		if open {
			prefix = fence + "\n"
		}
		room := budget - utf8.RuneCountInString(prefix)
		var part []rune
		if len(rest) <= room {
			part, rest = rest, nil
		} else {
			cut, skip := cutPoint(rest[:room+1])
			part, rest = rest[:cut], rest[cut+skip:]
		}
		s := prefix + strings.TrimRight(string(part), " \n")
		if strings.Count(s, fence)%2 == 1 {
			s += "\n" + fence
			open = true
		} else {
			open = false
		}
		rest = []rune(strings.TrimLeft(string(rest), "\n"))
		if strings.TrimSpace(s) != "" {
			parts = append(parts, s)
		}
	}
	return parts
}

// cutPoint finds where to cut window (the next part's room plus one rune,
// so that a separator right past the room counts): the length of the part
// and how many separator runes to drop after it.
func cutPoint(window []rune) (cut, skip int) {
	w := string(window)
	for _, sep := range []string{"\n\n", "\n", " "} {
		if i := strings.LastIndex(w, sep); i > 0 {
			return utf8.RuneCountInString(w[:i]), utf8.RuneCountInString(sep)
		}
	}
	return len(window) - 1, 0
}
