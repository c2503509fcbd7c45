package safety

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// sample is one labelled message of an evaluation set.
type sample struct {
	line  int
	fire  bool
	text  string
	where string
}

// loadSet reads testdata/<name>: lines "label<TAB>message", label 1 (should
// fire) or 0 (should not); # starts a comment.
func loadSet(t *testing.T, name string) []sample {
	t.Helper()
	path := filepath.Join("testdata", name)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	set, err := readBinarySet(b, path, KindCrisis)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]sample, len(set))
	for i, s := range set {
		out[i] = sample{line: s.Line, fire: s.Label != None, text: s.Text, where: fmt.Sprintf("%s:%d", path, s.Line)}
	}
	return out
}

var evalSets = []struct {
	file      string
	kind      Kind
	locale    string
	recall    float64 // minimum
	precision float64 // minimum
}{
	{"crisis_en.tsv", KindCrisis, "en", 1.00, 0.95},
	{"crisis_de.tsv", KindCrisis, "de", 1.00, 0.95},
	{"medical_en.tsv", KindMedical, "en", 0.95, 0.95},
	{"medical_de.tsv", KindMedical, "de", 0.95, 0.95},
}

// TestEvaluation measures recall and precision on the labelled sets. Crisis
// recall must be 100%: a missed crisis statement is the failure this package
// exists to prevent. Misclassified messages are listed (the sets are
// synthetic, so printing them is fine).
func TestEvaluation(t *testing.T) {
	d := newDetector(t, nil)
	for _, set := range evalSets {
		t.Run(set.file, func(t *testing.T) {
			var tp, fp, fn, tn int
			for _, s := range loadSet(t, set.file) {
				var m Match
				var got bool
				if set.kind == KindCrisis {
					// These sets predate the tiers: a crisis statement
					// must reach the crisis path or the direct question.
					m, got = d.Check(s.text, set.locale)
					got = got && (m.Kind == KindCrisis || m.Kind == KindPossible)
				} else {
					m, got = d.Medical(s.text, set.locale)
				}
				switch {
				case got && s.fire:
					tp++
				case got && !s.fire:
					fp++
					t.Logf("false positive %s (%s): %s", s.where, m.Rule, s.text)
				case !got && s.fire:
					fn++
					t.Logf("missed %s: %s", s.where, s.text)
				default:
					tn++
				}
			}
			recall := ratio(tp, tp+fn)
			precision := ratio(tp, tp+fp)
			summary := fmt.Sprintf("%s: %d messages, recall %.1f%% (%d/%d), precision %.1f%% (%d/%d), %d true negatives",
				set.file, tp+fp+fn+tn, 100*recall, tp, tp+fn, 100*precision, tp, tp+fp, tn)
			t.Log(summary)
			if testing.Verbose() {
				fmt.Println(summary)
			}
			if tp+fn == 0 || fp+tn == 0 {
				t.Fatalf("%s: needs both positive and negative examples", set.file)
			}
			if recall < set.recall {
				t.Errorf("%s: recall %.3f, want at least %.2f", set.file, recall, set.recall)
			}
			if precision < set.precision {
				t.Errorf("%s: precision %.3f, want at least %.2f", set.file, precision, set.precision)
			}
		})
	}
}

func newDetector(t testing.TB, extra map[string][]string) *Detector {
	t.Helper()
	d, err := New(extra)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
