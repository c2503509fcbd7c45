package safety

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// loadLabelled reads a labelled set in testdata.
func loadLabelled(t testing.TB, file string) []Labelled {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	set, err := ReadLabels(f, filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// fittedSets are the labelled category sets the rules were written and
// fixed against, per locale.
func fittedSets(t testing.TB) map[string][]string {
	files, err := filepath.Glob(filepath.Join("testdata", "fitted*_*.tsv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fitted sets: %v", err)
	}
	out := map[string][]string{}
	for _, f := range files {
		base := filepath.Base(f)
		loc := strings.TrimSuffix(base[strings.LastIndex(base, "_")+1:], ".tsv")
		out[loc] = append(out[loc], base)
	}
	for _, l := range out {
		sort.Strings(l)
	}
	return out
}

// report is the figures of one labelled set: per-category scores and the
// issue's targets.
type report struct {
	n         int
	scores    []Score
	crisisHit float64 // crisis messages reaching crisis or possible
	nonCrisis float64 // other messages reaching crisis
	nonAsked  float64 // other messages reaching possible
	acuteHit  float64 // acute messages reaching acute or crisis (the issue lets acute symptoms take the crisis path)
	acuteN    int
	misses    []string
}

func evaluate(d *Detector, set []Labelled, locale, where string) report {
	var r report
	var crisisN, crisisOK, otherN, otherCrisis, otherPossible, acuteOK int
	r.n = len(set)
	r.scores = d.Evaluate(set, locale, func(s Labelled, got string) {
		if s.Label == string(KindCrisis) {
			crisisN++
			if got == string(KindCrisis) || got == string(KindPossible) {
				crisisOK++
			}
		} else {
			otherN++
			if s.Label == string(KindAcuteMedical) {
				r.acuteN++
				if got == string(KindAcuteMedical) || got == string(KindCrisis) {
					acuteOK++
				}
			}
			if got == string(KindCrisis) {
				otherCrisis++
			}
			if got == string(KindPossible) && s.Label != string(KindPossible) {
				otherPossible++
			}
		}
		if got != s.Label {
			r.misses = append(r.misses, fmt.Sprintf("%s:%d: want %s, got %s: %s", where, s.Line, s.Label, got, s.Text))
		}
	})
	r.crisisHit = ratio(crisisOK, crisisN)
	r.nonCrisis = 1 - ratio(otherN-otherCrisis, otherN)
	r.nonAsked = 1 - ratio(otherN-otherPossible, otherN)
	r.acuteHit = ratio(acuteOK, r.acuteN)
	return r
}

func (r report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d messages; crisis reaching crisis or possible %.1f%%; others reaching crisis %.1f%%, possible %.1f%%\n",
		r.n, 100*r.crisisHit, 100*r.nonCrisis, 100*r.nonAsked)
	if r.acuteN > 0 {
		fmt.Fprintf(&b, "  acute reaching acute or crisis %.1f%% (the issue lets acute symptoms take the crisis path)\n", 100*r.acuteHit)
	}
	for _, s := range r.scores {
		if s.TP+s.FN+s.FP == 0 {
			continue
		}
		fmt.Fprintf(&b, "  %-15s recall %5.1f%% (%d/%d)  precision %5.1f%% (%d/%d)\n", s.Category,
			100*s.Recall(), s.TP, s.TP+s.FN, 100*s.Precision(), s.TP, s.TP+s.FP)
	}
	return b.String()
}

// rulesFittedThrough is the last fitted batch whose misses the rules were
// fixed on, and rulesFittedAlso the later batches fixed since: their
// floors are strict (TestFittedCategories). Batches after it were written
// in round 5 faster than rules could be written for them (fitted batches 23
// on, over 4,000 messages); the model is trained on them, and they are held
// to the goals with the model beside the rules, not to the strict
// floors, until their rules are fixed.
const rulesFittedThrough = 22

var rulesFittedAlso = map[string]bool{}

// rulesFitted reports whether the rules were fixed on a fitted batch.
func rulesFitted(file string) bool {
	if rulesFittedAlso[file] {
		return true
	}
	n, err := strconv.Atoi(strings.TrimPrefix(file[:strings.LastIndex(file, "_")], "fitted"))
	return err == nil && n <= rulesFittedThrough
}

// TestFittedCategories measures every category on the fitted sets, which
// the rules were tuned on, with strict floors. A batch the shipped model was
// not yet trained on (just written, its first run recorded, waiting for the
// tuner) is reported but kept out of the floors until the model is retrained,
// as TestModelData reports it. A batch the model is trained on but whose
// rules are not fixed yet (see rulesFitted) is held, per locale, to the
// issue's goals for crisis and false alarms (crisis messages reaching crisis
// or the question at least 95%, other messages reaching crisis at most 3%
// and the question at most 10%) and, for the other categories, to a floor
// below their figures when the model was first trained on them (recall 80%,
// medical precision 85%; the goals are 90% and 95%), so that a
// change that loses them fails.
func TestFittedCategories(t *testing.T) {
	d := newDetector(t, nil)
	m, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	trained := map[string]bool{}
	for _, f := range m.Data {
		trained[f.File] = true
	}
	for loc, files := range fittedSets(t) {
		var all, pending []Labelled
		for _, f := range files {
			set := loadLabelled(t, f)
			r := evaluate(d, set, loc, f)
			if !trained[f] {
				t.Logf("%s (not in the model yet, no floors until retrained): %s", f, r)
				continue
			}
			t.Logf("%s: %s", f, r)
			if !rulesFitted(f) {
				pending = append(pending, set...)
				continue
			}
			all = append(all, set...)
		}
		if len(pending) > 0 {
			r := evaluate(d, pending, loc, "fitted_"+loc+"_pending")
			t.Logf("fitted %s, rules not yet fixed: %s", loc, r)
			if testing.Verbose() {
				fmt.Printf("fitted %s, rules not yet fixed: %s", loc, r)
			}
			if r.crisisHit < 0.95 || r.nonCrisis > 0.03 || r.nonAsked > 0.10 {
				t.Errorf("fitted %s, rules not yet fixed: crisis reaching crisis or possible %.3f (min 0.95), others reaching crisis %.3f (max 0.03), possible %.3f (max 0.10)", loc, r.crisisHit, r.nonCrisis, r.nonAsked)
			}
			for _, sc := range r.scores {
				if sc.Category == None || sc.Category == string(KindCrisis) || sc.Category == string(KindPossible) {
					continue
				}
				if sc.Recall() < 0.80 || sc.Category == string(KindMedical) && sc.Precision() < 0.85 {
					t.Errorf("fitted %s, rules not yet fixed: %s recall %.3f, precision %.3f; want recall at least 0.80 (medical precision 0.85)", loc, sc.Category, sc.Recall(), sc.Precision())
				}
			}
		}
		r := evaluate(d, all, loc, "fitted_"+loc)
		t.Logf("fitted %s: %s", loc, r)
		for _, m := range r.misses {
			t.Log(m)
		}
		if testing.Verbose() {
			fmt.Printf("fitted %s: %s", loc, r)
		}
		// Strict floors: the rules were fixed against these sets.
		if r.crisisHit < 1 {
			t.Errorf("fitted %s: crisis reaching crisis or possible %.3f, want 1", loc, r.crisisHit)
		}
		if r.nonCrisis > 0.01 || r.nonAsked > 0.03 {
			t.Errorf("fitted %s: others reaching crisis %.3f (max 0.01), possible %.3f (max 0.03)", loc, r.nonCrisis, r.nonAsked)
		}
		for _, sc := range r.scores {
			if sc.Recall() < 0.95 || sc.Precision() < 0.95 {
				t.Errorf("fitted %s: %s recall %.3f, precision %.3f; want at least 0.95 each", loc, sc.Category, sc.Recall(), sc.Precision())
			}
		}
	}
}
