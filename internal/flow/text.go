package flow

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Channel limits. Both Telegram and Discord may deliver every flow, so each
// limit is the stricter of the two.
const (
	// MaxParagraph is the longest paragraph (text between blank lines), in
	// characters: a Discord message holds 2000; longer texts are split at blank
	// lines.
	MaxParagraph = 2000
	// MaxQuestion is the longest question text: a question goes out as one
	// Discord message together with its buttons.
	MaxQuestion = 2000
	// MaxLabel is the longest choice label: a Discord button label.
	MaxLabel = 80
	// MaxChoices is the most choices of a question: Discord shows 25 buttons
	// per message (a multi question also needs its Done button).
	MaxChoices = 25
	// MaxValueBytes is the longest choice value in bytes: Telegram callback
	// data holds 64 bytes and the engine sends "a:<seq>:<value>".
	MaxValueBytes = 48
	// LongText is the length above which a text draws a warning: it is long to
	// read on a phone.
	LongText = 1000
)

// textKind selects the checks a text gets.
type textKind int

const (
	textMessage  textKind = iota // sent to the patient as a message
	textQuestion                 // a question, sent with its buttons as one message
	textLabel                    // a button label
	textNote                     // for the clinic team only: one locale is enough
)

var blankLine = regexp.MustCompile(`\n[ \t]*\n`)

// text decodes a text: a plain string in the file's locale, or a mapping of
// locale to string. It checks that every clinic locale is present and that the
// text fits the channels. It returns nil when n is not a text at all.
func (r *reader) text(n *yaml.Node, key string, kind textKind) Text {
	n = r.deref(n)
	if n == nil {
		return nil
	}
	t := Text{}
	nodes := map[string]*yaml.Node{}
	keys := map[string]*yaml.Node{} // mapping form: the locale keys
	complete := true                // false when a locale's text was reported already
	switch n.Kind {
	case yaml.ScalarNode:
		if isNull(n) {
			r.errorf(n, "%s: empty text; write the text or remove the key", key)
			return nil
		}
		t[r.locale] = n.Value
		nodes[r.locale] = n
	case yaml.MappingNode:
		m := r.mapping(n, nil, key)
		if m == nil {
			return nil
		}
		for _, l := range m.order {
			f := m.m[l]
			if !localeRe.MatchString(l) {
				r.errorf(f.key, "%s: %q is not a locale code; use codes like en, de, pt-BR", key, l)
				continue
			}
			if r.locales != nil && !slices.Contains(r.locales, l) {
				r.warnf(f.key, "%s: locale %s is not in clinic.yaml locales (%s), so this text is never shown", key, l, list(r.locales, true))
			}
			s, ok := r.str(f.val, key)
			if !ok {
				complete = false
				continue
			}
			t[l] = s
			nodes[l] = f.val
			keys[l] = f.key
		}
	default:
		r.errorf(n, "%s: expected a text or a mapping of locale to text, got %s", key, describe(n))
		return nil
	}
	for _, l := range sortedKeys(t) {
		if strings.TrimSpace(t[l]) == "" {
			r.errorf(nodes[l], "%s: empty text (%s); write the text or remove the key", key, l)
			continue
		}
		r.checkLength(nodes[l], key, l, t[l], kind)
	}
	if kind != textNote && r.locales != nil && complete {
		var missing []string
		for _, l := range r.locales {
			if _, ok := t[l]; !ok {
				missing = append(missing, l)
			}
		}
		if len(missing) > 0 {
			if n.Kind == yaml.ScalarNode {
				r.errorf(n, "%s: this text is only in %s, but clinic.yaml also serves %s; write it as {%s: ..., %s: ...}", key, r.locale, list(missing, true), r.locale, strings.Join(missing, ": ..., "))
			} else {
				r.errorf(n, "%s: no text for %s (clinic.yaml locales: %s)", key, list(missing, true), list(r.locales, true))
			}
		}
	}
	if r.record != nil && kind != textNote {
		r.record(textUse{r: r, key: key, node: n, text: t, nodes: nodes, keys: keys, step: r.step})
	}
	return t
}

// checkLength applies the channel limits to one locale of a text.
func (r *reader) checkLength(n *yaml.Node, key, locale, s string, kind textKind) {
	total := utf8.RuneCountInString(s)
	switch kind {
	case textLabel:
		if total > MaxLabel {
			r.errorf(n, "%s: the label is %d characters (%s), over Discord's %d-character button label limit; shorten it", key, total, locale, MaxLabel)
		}
		return
	case textQuestion:
		if total > MaxQuestion {
			r.errorf(n, "%s: the question is %d characters (%s), over Discord's %d-character message limit (a question is sent as one message with its buttons); shorten it or put the explanation in a say step before it", key, total, locale, MaxQuestion)
			return
		}
	case textMessage:
		for _, p := range blankLine.Split(s, -1) {
			if c := utf8.RuneCountInString(p); c > MaxParagraph {
				r.errorf(n, "%s: a paragraph of %d characters (%s) is over Discord's %d-character message limit; split it with a blank line", key, c, locale, MaxParagraph)
				return
			}
		}
	case textNote:
		return
	}
	if total > LongText {
		r.warnf(n, "%s: %d characters (%s) is long for a phone screen (over %d); consider splitting it over several steps", key, total, locale, LongText)
	}
}
