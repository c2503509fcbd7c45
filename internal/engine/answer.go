package engine

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/flow"
)

// parse reads the input as an answer to a (not multi) question.
func (s *sprint) parse(a *flow.Ask) (any, bool) {
	if p := s.in.Press; p != nil {
		c := choiceByValue(a, p.Value)
		if c == nil {
			return nil, false
		}
		return s.choiceAnswer(a, c), true
	}
	text := strings.TrimSpace(s.in.Text)
	switch a.Type {
	case flow.AskChoice, flow.AskYesNo, flow.AskLikert:
		if c := s.matchChoice(a, nil, text); c != nil {
			return s.choiceAnswer(a, c), true
		}
		if a.Type == flow.AskYesNo {
			if yes, ok := s.yesNo(); ok {
				return yes, true
			}
		}
		return nil, false
	case flow.AskNumber:
		f, err := strconv.ParseFloat(strings.ReplaceAll(text, ",", "."), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, false
		}
		if a.Min != nil && f < *a.Min || a.Max != nil && f > *a.Max {
			return nil, false
		}
		return f, true
	case flow.AskText:
		if text == "" || utf8.RuneCountInString(text) > maxLen(a) || !utf8.ValidString(text) {
			return nil, false
		}
		return text, true
	case flow.AskDate:
		for _, layout := range []string{"2006-01-02", "02.01.2006", "2.1.2006", "02/01/2006"} {
			if d, err := time.Parse(layout, text); err == nil {
				return d.Format("2006-01-02"), true
			}
		}
		return nil, false
	}
	return nil, false
}

// choiceAnswer is the stored value of a choice: yes/no as bool, numbers as
// float64, else the value.
func (s *sprint) choiceAnswer(a *flow.Ask, c *flow.Choice) any {
	switch a.Type {
	case flow.AskYesNo:
		return c.Value == "yes"
	case flow.AskLikert:
		if c.Num != nil {
			return *c.Num
		}
		f, _ := strconv.ParseFloat(c.Value, 64)
		return f
	}
	return c.Answer(a.Numeric)
}

// numbered reports whether a's options are drawn with their own numbers: a
// choice whose every value is a number (a scored item: 0–3 for the PHQ and
// GAD) and a likert scale. A typed number then means the value drawn next to
// it, never a position.
func numbered(a *flow.Ask) bool {
	return a.Type == flow.AskLikert || a.Type == flow.AskChoice && a.Numeric
}

// matchChoice finds the choice a typed answer means: the number drawn next to
// it (its value when the options are numbered, else its position from 1),
// then its label in any locale, then its value.
func (s *sprint) matchChoice(a *flow.Ask, _ *flow.Flow, typed string) *flow.Choice {
	t := fold(typed)
	if t == "" {
		return nil
	}
	t = strings.TrimSuffix(t, ")")
	if n, err := strconv.Atoi(t); err == nil {
		if numbered(a) && a.Type != flow.AskMulti {
			for i := range a.Choices {
				if c := &a.Choices[i]; c.Num != nil && *c.Num == float64(n) {
					return c
				}
			}
			return nil
		}
		if n >= 1 && n <= len(a.Choices) {
			return &a.Choices[n-1]
		}
	}
	t = foldLabel(t)
	for i := range a.Choices {
		c := &a.Choices[i]
		for _, l := range c.Label {
			if l := foldLabel(l); l == t || strings.TrimPrefix(l, foldLabel(c.Value)+" – ") == t {
				return c // a likert label reads "5 – Very good": "very good" is point 5
			}
		}
	}
	for i := range a.Choices {
		if foldLabel(a.Choices[i].Value) == t {
			return &a.Choices[i]
		}
	}
	return nil
}

// accents removes combining marks after canonical decomposition, so "é" and
// "e" compare equal.
var accents = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// foldLabel is fold, also ignoring accents: how a typed answer is compared
// with a choice's label or value ("tres bien" answers "Très bien").
func foldLabel(t string) string {
	t = fold(t)
	if out, _, err := transform.String(accents, t); err == nil {
		return out
	}
	return t
}

// uncertainPhrases are answers that say "I am not sure" rather than yes or
// no, in every locale the catalogue serves. They are whole words, matched
// anywhere in a short answer.
var uncertainPhrases = []string{
	// English
	"not sure", "unsure", "maybe", "perhaps", "possibly", "sort of", "sorta", "kind of", "kinda",
	"i don't know", "i dont know", "don't know", "dont know", "do not know", "idk", "not certain",
	"uncertain", "can't say", "cannot say", "hard to say", "a little", "a bit", "somewhat", "i guess",
	"partly", "sometimes", "not really sure", "no idea",
	// German
	"weiß nicht", "weiss nicht", "weiß ich nicht", "weiss ich nicht", "ich weiß nicht", "ich weiss nicht",
	"nicht sicher", "unsicher", "vielleicht", "irgendwie", "eventuell", "möglicherweise", "keine ahnung",
	"kann ich nicht sagen", "schwer zu sagen", "ein bisschen", "ein wenig", "etwas", "teilweise",
	"manchmal", "eher ja", "eher nein", "so halb", "halbwegs",
}

// maxUncertainWords bounds the answers read for uncertainty: a long message
// is not a short "not sure".
const maxUncertainWords = 8

// uncertain reports whether typed text says the patient is not sure ("not
// sure", "maybe", "sort of", "weiß nicht"). It never matches "yes" or "no"
// alone, which are answers.
func uncertain(typed string) bool {
	t := fold(strings.Map(func(r rune) rune {
		switch r {
		case '?', '!', '.', ',', ';', ':', '…', '"', '(', ')':
			return ' '
		case '’', '‘', '`':
			return '\''
		}
		return r
	}, typed))
	if t == "" || len(strings.Fields(t)) > maxUncertainWords {
		return false
	}
	padded := " " + t + " "
	for _, p := range uncertainPhrases {
		if strings.Contains(padded, " "+p+" ") {
			return true
		}
	}
	return false
}

// promptReview shows the answers of the reviewed steps with a button to change
// each. A new review advances Seq; a re-draw keeps it.
func (s *sprint) promptReview(w waiting, fresh bool) {
	if fresh {
		s.st.Seq++
	}
	var b strings.Builder
	b.WriteString(s.sys(catalog.ReviewHeader))
	m := Message{Kind: FromFlow, Seq: s.st.Seq}
	// "Change N" is choice N, so a typed number means the same as the
	// button; "All correct" comes last.
	for i, id := range w.step.Review {
		st := w.f.Steps[id]
		if st == nil || st.Ask == nil {
			continue
		}
		label := s.text(st.Ask.Short, w.f)
		if label == "" {
			label = s.text(st.Ask.Text, w.f)
		}
		fmt.Fprintf(&b, "\n%d. %s: %s", i+1, label, s.display(st.Ask, w.f, s.st.Vars[w.f.ID][saveName(st)]))
		m.Choices = append(m.Choices, Option{Value: id, Label: s.sys(catalog.ReviewChange, i+1)})
	}
	m.Choices = append(m.Choices, Option{Value: "ok", Label: s.sys(catalog.ReviewOK)})
	m.Text = b.String()
	s.send(m)
}

// display renders a stored answer for the patient's review: labels for
// choices, the patient's own words for text.
func (s *sprint) display(a *flow.Ask, f *flow.Flow, v any) string {
	if v == nil {
		return s.sys(catalog.Unanswered)
	}
	label := func(val string) string {
		if c := choiceByValue(a, val); c != nil {
			return s.text(c.Label, f)
		}
		return val
	}
	switch x := normalise(v).(type) {
	case bool:
		if x {
			return s.sys(catalog.Yes)
		}
		return s.sys(catalog.No)
	case float64:
		str := strconv.FormatFloat(x, 'f', -1, 64)
		if a.Type == flow.AskChoice || a.Type == flow.AskLikert {
			return label(str)
		}
		return str
	case []string:
		parts := make([]string, len(x))
		for i, v := range x {
			parts[i] = label(v)
		}
		return strings.Join(parts, ", ")
	case string:
		if a.Type == flow.AskChoice {
			return label(x)
		}
		return x
	}
	return fmt.Sprint(v)
}

// answerReview handles "all correct" or a request to change one answer.
func (s *sprint) answerReview(w waiting) error {
	choice := ""
	if p := s.in.Press; p != nil {
		choice = p.Value
	} else {
		t := fold(s.in.Text)
		if n, err := strconv.Atoi(t); err == nil && n >= 1 && n <= len(w.step.Review)+1 {
			if n == len(w.step.Review)+1 {
				choice = "ok"
			} else {
				choice = w.step.Review[n-1]
			}
		}
		if t == fold(s.sys(catalog.ReviewOK)) || t == "ok" {
			choice = "ok"
		}
	}
	if choice == "ok" {
		return s.goTo(w.fr, w.step.Next)
	}
	for _, id := range w.step.Review {
		if id == choice {
			target := w.f.Steps[id]
			if target == nil || target.Ask == nil {
				break
			}
			w.fr.Step = id
			w.fr.ReturnTo = w.step.ID
			s.prompt(waiting{fr: w.fr, f: w.f, step: target, ask: target.Ask})
			return nil
		}
	}
	w.fr.Attempts++
	s.sayCatalog(catalog.PickOne)
	s.promptReview(w, false)
	return nil
}

// Clone returns a deep copy of st, so a step never changes its input.
func (st State) Clone() State {
	c := st
	if st.Stack != nil {
		c.Stack = make([]Frame, len(st.Stack))
		for i, fr := range st.Stack {
			c.Stack[i] = fr
			if fr.Q != nil {
				q := *fr.Q
				q.Answers = cloneMap(fr.Q.Answers)
				c.Stack[i].Q = &q
			}
		}
	}
	if st.Vars != nil {
		c.Vars = make(map[string]map[string]any, len(st.Vars))
		for k, m := range st.Vars {
			c.Vars[k] = cloneMap(m)
		}
	}
	if st.Results != nil {
		c.Results = make([]flow.Result, len(st.Results))
		for i, r := range st.Results {
			r.Flags = append([]string{}, r.Flags...)
			r.Items = cloneMap(r.Items)
			r.Values = cloneMap(r.Values)
			c.Results[i] = r
		}
	}
	c.Multi = append([]string(nil), st.Multi...)
	c.Appts = slices.Clone(st.Appts)
	c.Timers = slices.Clone(st.Timers)
	c.Done = slices.Clone(st.Done)
	if st.Check != nil {
		ch := *st.Check
		c.Check = &ch
	}
	if st.Measured != nil {
		c.Measured = make(map[string]int64, len(st.Measured))
		for k, v := range st.Measured {
			c.Measured[k] = v
		}
	}
	return c
}

func cloneMap(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = cloneValue(v)
	}
	return out
}

func cloneValue(v any) any {
	switch x := v.(type) {
	case []string:
		return append([]string{}, x...)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = cloneValue(e)
		}
		return out
	case map[string]any:
		return cloneMap(x)
	}
	return v
}
