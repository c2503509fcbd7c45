package telegram

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"

	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/engine"
)

// MaxText is the longest message text Telegram accepts, in UTF-16 code units
// of the text shown (after HTML entities are decoded).
const MaxText = 4096

// maxCallbackData is Telegram's limit on a button's callback_data, in bytes.
const maxCallbackData = 64

// Callback data prefixes: "a:<seq>:<value>" answers a single-choice question,
// "m:<seq>:<value>" toggles a value of a multiple-choice question and
// "d:<seq>" ends the pick (Done).
const (
	dataAnswer = 'a'
	dataToggle = 'm'
	dataDone   = 'd'
)

// Marks drawn on multiple-choice buttons and after an answered question.
const (
	unchecked = "☐ "
	checked   = "☑ "
	answered  = "\n\n✓ "
)

// part is one sendMessage: the text in HTML parse mode and its keyboard.
type part struct {
	html string
	kb   *models.InlineKeyboardMarkup
}

// htmlEscaper escapes the three characters Telegram's HTML mode reserves.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escape makes s literal text in Telegram's HTML parse mode.
func escape(s string) string { return htmlEscaper.Replace(s) }

// textLen is the length Telegram limits: UTF-16 code units.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		n += max(1, utf16.RuneLen(r))
	}
	return n
}

// render draws m as one or more messages: the text escaped and split to fit
// MaxText, the keyboard on the last one. It fails with ErrRejected when m
// cannot be drawn: an empty text, or a choice whose callback data would be
// longer than Telegram allows.
func render(m engine.Message) ([]part, error) {
	if strings.TrimSpace(m.Text) == "" {
		return nil, fmt.Errorf("%w: empty text", ErrRejected)
	}
	kb, err := keyboard(m)
	if err != nil {
		return nil, err
	}
	chunks := split(m.Text, MaxText)
	parts := make([]part, len(chunks))
	for i, s := range chunks {
		parts[i].html = escape(s)
	}
	parts[len(parts)-1].kb = kb
	return parts, nil
}

// split cuts s into pieces of at most limit UTF-16 units, preferring to cut
// between paragraphs, then lines, then words; a single word longer than limit
// is cut between runes. The separator at a cut is dropped.
func split(s string, limit int) []string {
	var out []string
	for textLen(s) > limit {
		fit := prefixFitting(s, limit) // bytes of s that fit
		cut, skip := -1, 0
		for _, sep := range []string{"\n\n", "\n", " "} {
			if i := strings.LastIndex(s[:fit], sep); i > 0 {
				cut, skip = i, len(sep)
				break
			}
		}
		if cut < 0 {
			cut = fit
		}
		out = append(out, strings.TrimRight(s[:cut], " \n"))
		s = strings.TrimLeft(s[cut+skip:], " \n")
	}
	if len(out) == 0 {
		return []string{s}
	}
	if s = strings.TrimRight(s, " \n"); s != "" {
		out = append(out, s)
	}
	return out
}

// prefixFitting returns the length in bytes of the longest prefix of s that
// is at most limit UTF-16 units and ends on a rune boundary.
func prefixFitting(s string, limit int) int {
	n := 0
	for i, r := range s {
		n += max(1, utf16.RuneLen(r))
		if n > limit {
			return i
		}
	}
	return len(s)
}

// keyboard draws m's choices as an inline keyboard, nil when there are none.
// A multiple-choice question gets "☐ label" toggles and a Done button (the
// Option with Value "", or the catalogue's Done) on its own last row.
func keyboard(m engine.Message) (*models.InlineKeyboardMarkup, error) {
	if len(m.Choices) == 0 {
		return nil, nil
	}
	seq := strconv.Itoa(m.Seq)
	var buttons []models.InlineKeyboardButton
	done := ""
	for _, o := range m.Choices {
		label := o.Label
		if label == "" {
			label = o.Value
		}
		var data string
		switch {
		case m.Multi && o.Value == "":
			done = label
			continue
		case m.Multi:
			data, label = string(dataToggle)+":"+seq+":"+o.Value, unchecked+label
		default:
			data = string(dataAnswer) + ":" + seq + ":" + o.Value
		}
		if len(data) > maxCallbackData {
			return nil, fmt.Errorf("%w: choice value of %d bytes too long for a button (at most %d)",
				ErrRejected, len(o.Value), maxCallbackData-len(data)+len(o.Value))
		}
		buttons = append(buttons, models.InlineKeyboardButton{Text: label, CallbackData: data})
	}
	rows := layout(buttons)
	if m.Multi {
		if done == "" {
			done = (*catalog.Catalog)(nil).Text(catalog.Done)
		}
		rows = append(rows, []models.InlineKeyboardButton{{Text: done, CallbackData: string(dataDone) + ":" + seq}})
	}
	return &models.InlineKeyboardMarkup{InlineKeyboard: rows}, nil
}

// layout puts buttons in rows: one per row when a label is long, else two or
// three per row, the rows as even as possible.
func layout(buttons []models.InlineKeyboardButton) [][]models.InlineKeyboardButton {
	if len(buttons) == 0 {
		return [][]models.InlineKeyboardButton{}
	}
	longest := 0
	for _, b := range buttons {
		longest = max(longest, utf8.RuneCountInString(b.Text))
	}
	per := 3
	switch {
	case longest > 20:
		per = 1
	case longest > 12:
		per = 2
	}
	nrows := (len(buttons) + per - 1) / per
	per = (len(buttons) + nrows - 1) / nrows // even out: 4 buttons make 2+2, not 3+1
	var rows [][]models.InlineKeyboardButton
	for len(buttons) > 0 {
		n := min(per, len(buttons))
		rows = append(rows, buttons[:n:n])
		buttons = buttons[n:]
	}
	return rows
}

// toggled returns a copy of kb with the button carrying data flipped between
// unchecked and checked.
func toggled(kb *models.InlineKeyboardMarkup, data string) *models.InlineKeyboardMarkup {
	out := &models.InlineKeyboardMarkup{InlineKeyboard: make([][]models.InlineKeyboardButton, len(kb.InlineKeyboard))}
	for i, row := range kb.InlineKeyboard {
		out.InlineKeyboard[i] = append([]models.InlineKeyboardButton(nil), row...)
		for j := range out.InlineKeyboard[i] {
			b := &out.InlineKeyboard[i][j]
			if b.CallbackData != data {
				continue
			}
			if rest, ok := strings.CutPrefix(b.Text, checked); ok {
				b.Text = unchecked + rest
			} else {
				b.Text = checked + strings.TrimPrefix(b.Text, unchecked)
			}
		}
	}
	return out
}

// picked returns the labels of the checked buttons of kb.
func picked(kb *models.InlineKeyboardMarkup) []string {
	var out []string
	if kb == nil {
		return nil
	}
	for _, row := range kb.InlineKeyboard {
		for _, b := range row {
			if rest, ok := strings.CutPrefix(b.Text, checked); ok {
				out = append(out, rest)
			}
		}
	}
	return out
}

// buttonText returns the label of the button of kb carrying data, "" if none.
func buttonText(kb *models.InlineKeyboardMarkup, data string) string {
	if kb == nil {
		return ""
	}
	for _, row := range kb.InlineKeyboard {
		for _, b := range row {
			if b.CallbackData == data {
				return b.Text
			}
		}
	}
	return ""
}
