package safety

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// None is the category of a message that matches no rule, as written in
// labelled sets and printed by `kapbot safety check`.
const None = "none"

// Category returns the category name of a Check result: the match's kind,
// or None when nothing matched.
func Category(m Match, ok bool) string {
	if !ok {
		return None
	}
	return string(m.Kind)
}

// Labelled is one message of a labelled set with the category it should get.
type Labelled struct {
	Line  int    // 1-based line in the file
	Text  string // the message
	Label string // a Kind or None
}

// LabelError is a malformed line of a labelled set. It names the line and
// what is wrong, never the message.
type LabelError struct {
	Name string // the file
	Line int
	What string
}

func (e *LabelError) Error() string { return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.What) }

// ValidLabel reports whether s is a category: a Kind or None.
func ValidLabel(s string) bool { return s == None || urgency(Kind(s)) < len(Kinds) }

// ReadLabels reads a labelled set: tab-separated lines of a message and its
// category (crisis, possible, harm_to_others, abuse, acute_medical, medical
// or none). The first line is a header naming the columns, "text<TAB>label"
// or "label<TAB>text"; without a header, lines are "label<TAB>text", the
// orientation of this package's older sets. Empty lines and lines starting
// with # are skipped. name is used in errors only. ReadLabels returns every
// malformed line as a *LabelError (joined), or the reader's error.
func ReadLabels(r io.Reader, name string) ([]Labelled, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	textCol := 1
	var out []Labelled
	var errs []error
	first := true
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if first {
			first = false
			h := strings.ToLower(strings.TrimSpace(line))
			switch h {
			case "text\tlabel":
				textCol = 0
				continue
			case "label\ttext":
				continue
			}
		}
		if len(cols) != 2 {
			errs = append(errs, &LabelError{name, n, fmt.Sprintf("want 2 tab-separated columns, got %d", len(cols))})
			continue
		}
		text, label := cols[textCol], strings.TrimSpace(cols[1-textCol])
		if !ValidLabel(label) {
			errs = append(errs, &LabelError{name, n, fmt.Sprintf("label %q: want one of %s", label, labelList())})
			continue
		}
		if strings.TrimSpace(text) == "" {
			errs = append(errs, &LabelError{name, n, "empty message"})
			continue
		}
		out = append(out, Labelled{Line: n, Text: text, Label: label})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	return out, nil
}

func labelList() string {
	s := make([]string, 0, len(Kinds)+1)
	for _, k := range Kinds {
		s = append(s, string(k))
	}
	return strings.Join(append(s, None), "|")
}

// joinedErrors prints one error per line, as a compiler does.
type joinedErrors []error

func (e joinedErrors) Error() string {
	s := make([]string, len(e))
	for i, err := range e {
		s[i] = err.Error()
	}
	return strings.Join(s, "\n")
}

func (e joinedErrors) Unwrap() []error { return e }

func joinErrors(errs []error) error { return joinedErrors(errs) }

// Score is recall and precision for one category over a labelled set.
type Score struct {
	Category   string
	TP, FP, FN int
}

// Recall is TP/(TP+FN), 1 when the set has no message of the category.
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// Precision is TP/(TP+FP), 1 when nothing was put in the category.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Evaluate runs Check on every message and scores each category (every
// Kind, then None), in the order of Kinds. got receives each message's
// category, if not nil.
func (d *Detector) Evaluate(set []Labelled, locale string, got func(Labelled, string)) []Score {
	scores := make([]Score, len(Kinds)+1)
	at := map[string]int{None: len(Kinds)}
	for i, k := range Kinds {
		scores[i].Category = string(k)
		at[string(k)] = i
	}
	scores[len(Kinds)].Category = None
	for _, s := range set {
		c := Category(d.Check(s.Text, locale))
		if got != nil {
			got(s, c)
		}
		if c == s.Label {
			scores[at[c]].TP++
			continue
		}
		scores[at[c]].FP++
		scores[at[s.Label]].FN++
	}
	return scores
}
