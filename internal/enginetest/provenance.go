package enginetest

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
)

// ErrComposed is matched (errors.Is) by the errors of Known.Check and
// Known.CheckResult: an outgoing message holds words that come from no known
// source, so the bot would have composed text of its own.
var ErrComposed = errors.New("text from no known source")

// Known is every text the bot may send: the texts of a bundle (flows,
// questionnaires, clinic.yaml with its crisis and other safety resources,
// next steps, disclaimer and catalogue overrides) and the system catalogue. It proves
// that the bot composes nothing: a message may only be made of these texts,
// the patient's own words, whitespace, digits and punctuation. That covers
// the ways the engine puts texts together (a reprompt, a blank line and the
// question; a review's header and its lines "N. short: answer"; catalogue
// format strings with their arguments) without trusting the engine's code.
//
// One kind of message is not the bot's at all: during a human takeover a
// person of the care team writes to the patient, and the engine relays
// their words as a message of kind engine.FromStaff. Such a message must
// begin with the catalogue's FromCareTeam heading (in a clinic locale), so
// the patient always knows a person wrote it; what follows the heading is
// the staff member's and is not checked. No other kind may carry staff
// words, so the bot still composes nothing.
type Known struct {
	pieces  []string         // longest first
	formats []*regexp.Regexp // catalogue format strings, their arguments as patterns
	staff   []string         // headings of FromStaff messages
}

// verbRe finds the placeholders of catalogue format strings.
var verbRe = regexp.MustCompile(`%[sdv]`)

// KnownTexts collects the known texts of bundle b and catalogue cat (which
// should carry the clinic's overrides, as engine.Engine.Catalog does).
func KnownTexts(b *flow.Bundle, cat *catalog.Catalog) *Known {
	set := map[string]bool{}
	formats := map[string]bool{}
	// An argument of a catalogue text is a number or the clinic's list of
	// locales: digits, punctuation, spaces and locale codes.
	arg := `(?:[\p{N}\p{P}\s]`
	if b.Clinic != nil {
		for _, l := range b.Clinic.Locales {
			arg += `|` + regexp.QuoteMeta(l)
		}
	}
	arg += `)*?`
	addString := func(s string) {
		if !verbRe.MatchString(s) {
			set[s] = true
			return
		}
		// A format string matches as a whole, with its arguments.
		lits := verbRe.Split(s, -1)
		for i := range lits {
			lits[i] = regexp.QuoteMeta(lits[i])
		}
		f := strings.Join(lits, arg)
		if r, _ := utf8.DecodeRuneInString(s); unicode.IsLetter(r) || unicode.IsDigit(r) {
			f = `\b` + f // whole words, as for plain texts
		}
		formats[f] = true
	}
	add := func(t flow.Text) {
		for _, s := range t {
			addString(s)
		}
	}
	addAsk := func(a *flow.Ask) {
		if a == nil {
			return
		}
		add(a.Text)
		add(a.Short)
		add(a.Reprompt)
		for _, c := range a.Choices {
			add(c.Label)
		}
	}
	if c := b.Clinic; c != nil {
		add(c.Disclaimer)
		for _, r := range c.Crisis {
			add(r.Text)
		}
		for _, block := range c.Resources {
			for _, r := range block {
				add(r.Text)
			}
		}
		for _, t := range c.NextSteps {
			add(t)
		}
		for _, t := range c.Texts {
			add(t)
		}
		// The one configuration value a catalogue text shows: the list of
		// languages (/language).
		for _, l := range c.Locales {
			set[l] = true
		}
	}
	for _, f := range b.Flows {
		if f.Questionnaire != "" {
			continue // generated from the questionnaire, collected below
		}
		add(f.Title)
		for _, s := range f.Steps {
			add(s.Say)
			addAsk(s.Ask)
			if s.Refer != nil {
				add(s.Refer.Say) // not Reason: that is for the clinic team
			}
		}
	}
	for _, q := range b.Questionnaires {
		add(q.Title)
		add(q.Preamble)
		add(q.Done)
		for _, it := range q.Items {
			addAsk(it.Ask)
		}
		for _, band := range q.Scoring.Bands {
			add(band.Label)
		}
		for _, fl := range q.Scoring.Flags {
			add(fl.Label)
		}
	}
	for _, s := range cat.All() {
		addString(s)
	}
	k := &Known{}
	locs := []string{"en"}
	if b.Clinic != nil {
		locs = append(slices.Clone(b.Clinic.Locales), locs...)
	}
	for _, l := range locs {
		if h := cat.Text(catalog.FromCareTeam, l); !slices.Contains(k.staff, h) {
			k.staff = append(k.staff, h)
		}
	}
	for s := range set {
		if strings.TrimSpace(s) != "" {
			k.pieces = append(k.pieces, s)
		}
	}
	sortLongestFirst(k.pieces)
	var res []string
	for f := range formats {
		res = append(res, f)
	}
	sortLongestFirst(res)
	for _, f := range res {
		k.formats = append(k.formats, regexp.MustCompile(f))
	}
	return k
}

func sortLongestFirst(pieces []string) {
	slices.SortFunc(pieces, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), strings.Compare(a, b))
	})
}

// Check reports an error matching ErrComposed when text is not made of
// known texts and the patient's inputs alone: every known text and input is
// removed (longest first, whole words only), and nothing may remain but
// whitespace, digits and punctuation. The error quotes what remains, which
// by construction is not the patient's.
func (k *Known) Check(text string, inputs []string) error {
	pieces := k.pieces
	if len(inputs) > 0 {
		pieces = slices.Clone(k.pieces)
		for _, in := range inputs {
			if in = strings.TrimSpace(in); in != "" {
				pieces = append(pieces, in)
			}
		}
		sortLongestFirst(pieces)
	}
	rest := text
	for _, re := range k.formats {
		rest = re.ReplaceAllLiteralString(rest, "\x00")
	}
	for _, p := range pieces {
		if strings.Contains(rest, p) {
			rest = strip(rest, p)
		}
	}
	var left []string
	for _, w := range strings.FieldsFunc(rest, func(r rune) bool { return r == 0 }) {
		if strings.IndexFunc(w, foreign) >= 0 {
			left = append(left, strings.TrimSpace(w))
		}
	}
	if len(left) > 0 {
		return fmt.Errorf("%w: %q is left after removing every known text", ErrComposed, strings.Join(left, " | "))
	}
	return nil
}

// foreign reports whether r may not remain after the known texts are gone.
func foreign(r rune) bool {
	return r != 0 && !unicode.IsSpace(r) && !unicode.IsDigit(r) && !unicode.IsPunct(r)
}

// strip replaces every whole-word occurrence of p in s by a NUL, so the text
// around it cannot join into new words.
func strip(s, p string) string {
	var b strings.Builder
	done := 0 // s[:done] is written
	for from := 0; from <= len(s); {
		i := strings.Index(s[from:], p)
		if i < 0 {
			break
		}
		i += from
		j := i + len(p)
		if wordAt(s[:i], p, true) || wordAt(s[j:], p, false) {
			// Part of a longer word: look further.
			_, n := utf8.DecodeRuneInString(s[i:])
			from = i + n
			continue
		}
		b.WriteString(s[done:i])
		b.WriteByte(0)
		done, from = j, j
	}
	b.WriteString(s[done:])
	return b.String()
}

// wordAt reports whether p would run into a word next to it: the rune before
// it (before is true) or after it is a letter or digit, and so is p's edge.
func wordAt(side, p string, before bool) bool {
	if side == "" {
		return false
	}
	var r, edge rune
	if before {
		r, _ = utf8.DecodeLastRuneInString(side)
		edge, _ = utf8.DecodeRuneInString(p)
	} else {
		r, _ = utf8.DecodeRuneInString(side)
		edge, _ = utf8.DecodeLastRuneInString(p)
	}
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return isWord(r) && isWord(edge)
}

// ErrUnmarkedStaff is matched by the error of Known.CheckStaff: a message
// relayed from the care team does not start with the catalogue's heading.
var ErrUnmarkedStaff = errors.New("staff message without the care-team heading")

// CheckStaff checks a FromStaff message: it must begin with the
// FromCareTeam heading, followed by a blank line.
func (k *Known) CheckStaff(text string) error {
	for _, h := range k.staff {
		if strings.HasPrefix(text, h+"\n\n") {
			return nil
		}
	}
	return ErrUnmarkedStaff
}

// CheckResult checks every message a transcript sent (its text and its
// choice labels) against the known texts and the transcript's inputs, and
// returns every failure, each naming the message by its number.
func (k *Known) CheckResult(r Result) []error {
	var errs []error
	for i, m := range r.Sent {
		if m.Kind == engine.FromStaff {
			if err := k.CheckStaff(m.Text); err != nil {
				errs = append(errs, fmt.Errorf("message %d (%s): %w", i+1, m.Kind, err))
			}
			continue
		}
		if err := k.Check(m.Text, r.Inputs); err != nil {
			errs = append(errs, fmt.Errorf("message %d (%s): %w", i+1, m.Kind, err))
		}
		for _, c := range m.Choices {
			if err := k.Check(c.Label, r.Inputs); err != nil {
				errs = append(errs, fmt.Errorf("message %d (%s), choice %q: %w", i+1, m.Kind, c.Value, err))
			}
		}
	}
	return errs
}
