package safety

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// heldout are the frozen held-out sets: written before the rules for the
// new categories, never used to tune a rule, and never edited after their
// first run (see README, "Safety screening").
var heldout = []struct{ file, locale string }{
	{"heldout_en.tsv", "en"},
	{"heldout_de.tsv", "de"},
}

// heldout2 is the second frozen held-out set, written by another author
// after the first set's run and before any rule was changed in that round;
// the same rules apply: never tuned on, never edited (its hash is in
// testdata/heldout.sha256 too).
var heldout2 = []struct{ file, locale string }{
	{"heldout2_en.tsv", "en"},
	{"heldout2_de.tsv", "de"},
}

// heldout3 is the third frozen held-out set (issue 10, "honest figures"),
// written by a third author before any detector change of its round and not
// yet run: only its hash and form are checked here. The integrator adds the
// test that runs the detector on it at its single first run, whose figures
// are the ones to report; never tune a rule on it, never edit it.
var heldout3 = []struct{ file, locale string }{
	{"heldout3_en.tsv", "en"},
	{"heldout3_de.tsv", "de"},
}

// heldout4 is the fourth frozen held-out set, written by a fourth author
// before any detector change of its round and not yet run: only its hash and
// form are checked here. The integrator adds the test that runs the detector
// on it at its single first run, whose figures are the ones to report; never
// tune a rule on it, never edit it.
var heldout4 = []struct{ file, locale string }{
	{"heldout4_en.tsv", "en"},
	{"heldout4_de.tsv", "de"},
}

// heldout5 is the fifth frozen held-out set, written by a fifth author
// before any detector change of its round; TestHeldout5 runs the detector
// on it, and the figures of its first run (testdata/heldout5_firstrun.txt)
// are the ones reported. Never tune a rule on it, never edit it.
var heldout5 = []struct{ file, locale string }{
	{"heldout5_en.tsv", "en"},
	{"heldout5_de.tsv", "de"},
}

// heldout6 is the sixth frozen held-out set, written by a sixth author
// before any detector change of its round; TestHeldout6 runs the detector
// on it, and the figures of its first run (testdata/heldout6_firstrun.txt)
// are the ones reported. Never tune a rule on it, never edit it.
var heldout6 = []struct{ file, locale string }{
	{"heldout6_en.tsv", "en"},
	{"heldout6_de.tsv", "de"},
}

// heldout7 is the seventh frozen held-out set, written by a seventh author
// before any detector change of its round and not yet run: only its hash
// and form are checked here. The integrator adds the test that runs the
// detector on it at its single first run, whose figures are the ones to
// report; never tune a rule on it, never edit it.
var heldout7 = []struct{ file, locale string }{
	{"heldout7_en.tsv", "en"},
	{"heldout7_de.tsv", "de"},
}

// heldout8 is the eighth frozen held-out set, written by an eighth author
// before any detector change of its round. It was run once, at
// 2026-12-07T13:14Z (testdata/heldout8_firstrun.txt, TestHeldout8), and those
// first-run figures are the ones to report; never tune a rule on it, never
// edit it.
var heldout8 = []struct{ file, locale string }{
	{"heldout8_en.tsv", "en"},
	{"heldout8_de.tsv", "de"},
}

// heldout9 is the ninth frozen held-out set, written by a ninth author
// before any detector change of its round. It was run once, at
// 2026-12-07T16:03Z (testdata/heldout9_firstrun.txt, TestHeldout9), and those
// first-run figures are the ones to report; never tune a rule on it, never
// edit it.
var heldout9 = []struct{ file, locale string }{
	{"heldout9_en.tsv", "en"},
	{"heldout9_de.tsv", "de"},
}

// heldout10 is the tenth frozen held-out set, written by a tenth author
// before any detector change of its round. It was run once, at
// 2026-12-07T16:03Z (testdata/heldout10_firstrun.txt, TestHeldout10), and those
// first-run figures are the ones to report; never tune a rule on it, never
// edit it.
var heldout10 = []struct{ file, locale string }{
	{"heldout10_en.tsv", "en"},
	{"heldout10_de.tsv", "de"},
}

// heldout11 is the eleventh frozen held-out set, written by an eleventh
// author before any detector change of its round and not yet run: only its
// hash and form are checked here. The integrator adds the test that runs the
// detector on it at its single first run, whose figures are the ones to
// report; never tune a rule on it, never edit it.
var heldout11 = []struct{ file, locale string }{
	{"heldout11_en.tsv", "en"},
	{"heldout11_de.tsv", "de"},
}

// heldout12 is the twelfth frozen held-out set, written by a twelfth author
// before any detector change of its round and not yet run: only its hash
// and form are checked here. The integrator adds the test that runs the
// detector on it at its single first run, whose figures are the ones to
// report; never tune a rule on it, never edit it.
var heldout12 = []struct{ file, locale string }{
	{"heldout12_en.tsv", "en"},
	{"heldout12_de.tsv", "de"},
}

// heldout13 is the thirteenth frozen held-out set, written by an author of its own
// before any detector change of its round. It was run once, at the end of
// round 10 (testdata/heldout13_firstrun.txt, TestHeldout13), and those
// first-run figures are the ones to report; never tune a rule on it, never
// edit it.
var heldout13 = []struct{ file, locale string }{
	{"heldout13_en.tsv", "en"},
	{"heldout13_de.tsv", "de"},
}

// heldout14 is the fourteenth frozen held-out set, written by an author of its own
// before any detector change of its round. It was run once, at the end of
// round 10 (testdata/heldout14_firstrun.txt, TestHeldout14), and those
// first-run figures are the ones to report; never tune a rule on it, never
// edit it.
var heldout14 = []struct{ file, locale string }{
	{"heldout14_en.tsv", "en"},
	{"heldout14_de.tsv", "de"},
}

// heldout15 is the fifteenth frozen held-out set, written by an author of its own
// before any detector change of its round. It was run once, at the end of
// round 11 (testdata/heldout15_firstrun.txt, TestHeldout15), and those
// first-run figures are the ones to report; never tune a rule on it, never
// edit it.
var heldout15 = []struct{ file, locale string }{
	{"heldout15_en.tsv", "en"},
	{"heldout15_de.tsv", "de"},
}

// heldout16 is the sixteenth frozen held-out set, written by an author of its own
// before any detector change of its round. It was run once, at the end of
// round 11 (testdata/heldout16_firstrun.txt, TestHeldout16), and those
// first-run figures are the ones to report; never tune a rule on it, never
// edit it.
var heldout16 = []struct{ file, locale string }{
	{"heldout16_en.tsv", "en"},
	{"heldout16_de.tsv", "de"},
}

// heldout17 is the seventeenth frozen held-out set, written by an author of its own
// before any detector change of its round and not yet run: only its hash
// and form are checked here. The integrator adds the test that runs the
// detector on it at its single first run, whose figures are the ones to
// report; never tune a rule on it, never edit it.
var heldout17 = []struct{ file, locale string }{
	{"heldout17_en.tsv", "en"},
	{"heldout17_de.tsv", "de"},
}

// heldout18 is the eighteenth frozen held-out set, written by an author of its own
// before any detector change of its round and not yet run: only its hash
// and form are checked here. The integrator adds the test that runs the
// detector on it at its single first run, whose figures are the ones to
// report; never tune a rule on it, never edit it.
var heldout18 = []struct{ file, locale string }{
	{"heldout18_en.tsv", "en"},
	{"heldout18_de.tsv", "de"},
}

// TestHeldoutUnchanged fails when a held-out file differs from the hash
// recorded in testdata/heldout.sha256 when it was written. Do not update the
// hash: write a new fitted set instead.
func TestHeldoutUnchanged(t *testing.T) {
	sums, err := os.ReadFile(filepath.Join("testdata", "heldout.sha256"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(sums)), "\n") {
		sum, file, ok := strings.Cut(line, "  ")
		if !ok {
			t.Fatalf("heldout.sha256: malformed line %q", line)
		}
		want[file] = sum
	}
	for _, h := range slices.Concat(heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9, heldout10, heldout11, heldout12, heldout13, heldout14, heldout15, heldout16, heldout17, heldout18) {
		b, err := os.ReadFile(filepath.Join("testdata", h.file))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if got := hex.EncodeToString(sum[:]); got != want[h.file] {
			t.Errorf("%s: sha256 %s, recorded %q: the held-out set must not be edited", h.file, got, want[h.file])
		}
	}
}

// TestHeldoutWellFormed checks the held-out files parse and cover every
// category, without running the detector on them.
func TestHeldoutWellFormed(t *testing.T) {
	wellFormed(t, heldout, 500)
	wellFormed(t, heldout2, 300)
	wellFormed(t, heldout3, 650)
	wellFormed(t, heldout4, 950)
	wellFormed(t, heldout5, 1000)
	wellFormed(t, heldout6, 1000)
	wellFormed(t, heldout7, 1100)
	wellFormed(t, heldout8, 1100)
	wellFormed(t, heldout9, 1100)
	wellFormed(t, heldout10, 1100)
	wellFormed(t, heldout11, 1100)
	wellFormed(t, heldout12, 1100)
	wellFormed(t, heldout13, 1100)
	wellFormed(t, heldout14, 1100)
	wellFormed(t, heldout15, 1100)
	wellFormed(t, heldout16, 1100)
	wellFormed(t, heldout17, 1100)
	wellFormed(t, heldout18, 1100)
}

// wellFormed checks that the files of one held-out set parse, cover every
// category and hold at least min messages, half of them negative.
func wellFormed(t *testing.T, sets []struct{ file, locale string }, min int) {
	t.Helper()
	total, neg := 0, 0
	for _, h := range sets {
		f, err := os.Open(filepath.Join("testdata", h.file))
		if err != nil {
			t.Fatal(err)
		}
		set, err := ReadLabels(f, h.file)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, s := range set {
			seen[s.Label] = true
			if s.Label == None {
				neg++
			}
		}
		for _, k := range Kinds {
			if !seen[string(k)] {
				t.Errorf("%s: no %s message", h.file, k)
			}
		}
		total += len(set)
	}
	if total < min || 2*neg < total {
		t.Errorf("held-out: %d messages, %d negatives; want at least %d, half negative", total, neg, min)
	}
}

// heldoutFloor is a floor below the figures of the held-out sets' first run
// (README, "Safety screening"), so that a change that makes the detector
// clearly worse on messages it was never tuned on fails. It is not a target:
// never tune a rule on a held-out miss.
var heldoutFloor = heldoutLimit{0.85, 0.03, 0.03}

// heldoutLimit is the least a held-out set's figures may fall to.
type heldoutLimit struct {
	crisisHit           float64 // crisis messages reaching crisis or possible, at least
	nonCrisis, nonAsked float64 // other messages reaching crisis, possible, at most
}

// TestHeldout prints the figures of the held-out sets, combined and per
// locale; it never prints their messages.
func TestHeldout(t *testing.T) {
	runHeldout(t, heldout, "held-out", heldoutFloor)
}

// heldout2Floor is a floor below the figures of the second held-out set's
// first run (testdata/heldout2_firstrun.txt); not a target either.
var heldout2Floor = heldoutLimit{0.68, 0.03, 0.04}

// TestHeldout2 prints the figures of the second held-out set.
func TestHeldout2(t *testing.T) {
	runHeldout(t, heldout2, "held-out 2", heldout2Floor)
}

func runHeldout(t *testing.T, sets []struct{ file, locale string }, name string, floor heldoutLimit) {
	// The floors were set from the rules' first runs and guard the rules:
	// they are checked on the rules alone. The figures with the model
	// beside the rules are printed too, never gated or tuned on.
	full := newDetector(t, nil)
	d := full.WithoutModel()
	defer func() {
		en, de := loadLabelled(t, sets[0].file), loadLabelled(t, sets[1].file)
		r := evaluateMixed(full, [][]Labelled{en, de}, []string{sets[0].locale, sets[1].locale})
		t.Logf("%s, both, rules and model: %s", name, r)
		if testing.Verbose() {
			fmt.Printf("%s, both, rules and model: %s", name, r)
		}
	}()
	for _, h := range sets {
		r := evaluate(d, loadLabelled(t, h.file), h.locale, h.file)
		t.Logf("%s: %s", h.file, r)
		if testing.Verbose() {
			fmt.Printf("%s: %s", h.file, r)
		}
	}
	// Both locales together, each message with the locale of its file.
	en, de := loadLabelled(t, sets[0].file), loadLabelled(t, sets[1].file)
	r := evaluateMixed(d, [][]Labelled{en, de}, []string{sets[0].locale, sets[1].locale})
	t.Logf("%s, both: %s", name, r)
	if testing.Verbose() {
		fmt.Printf("%s, both: %s", name, r)
	}
	if r.crisisHit < floor.crisisHit || r.nonCrisis > floor.nonCrisis || r.nonAsked > floor.nonAsked {
		t.Errorf("%s figures fell below the floor %+v: %s", name, floor, r)
	}
}

// evaluateMixed scores several sets, each with its own locale, as one.
func evaluateMixed(d *Detector, sets [][]Labelled, locales []string) report {
	var total report
	var crisisN, crisisOK, otherN, otherCrisis, otherPossible, acuteOK float64
	at := map[string]int{}
	for i, set := range sets {
		r := evaluate(d, set, locales[i], "")
		if total.scores == nil {
			total.scores = make([]Score, len(r.scores))
			for j, s := range r.scores {
				total.scores[j].Category = s.Category
				at[s.Category] = j
			}
		}
		for _, s := range r.scores {
			j := at[s.Category]
			total.scores[j].TP += s.TP
			total.scores[j].FP += s.FP
			total.scores[j].FN += s.FN
		}
		total.n += r.n
		c := float64(countLabel(set, string(KindCrisis)))
		o := float64(len(set)) - c
		crisisN += c
		crisisOK += r.crisisHit * c
		otherN += o
		otherCrisis += r.nonCrisis * o
		otherPossible += r.nonAsked * o
		total.acuteN += r.acuteN
		acuteOK += r.acuteHit * float64(r.acuteN)
	}
	total.crisisHit = crisisOK / crisisN
	total.nonCrisis = otherCrisis / otherN
	total.nonAsked = otherPossible / otherN
	if total.acuteN > 0 {
		total.acuteHit = acuteOK / float64(total.acuteN)
	}
	return total
}

func countLabel(set []Labelled, label string) int {
	n := 0
	for _, s := range set {
		if s.Label == label {
			n++
		}
	}
	return n
}

// heldout3Floor is a floor below the figures of the third held-out set's
// first run (testdata/heldout3_firstrun.txt), with the model beside the
// rules as the bot runs; not a target either.
var heldout3Floor = heldoutLimit{0.80, 0.02, 0.04}

// TestHeldout3 prints the figures of the third held-out set, as the bot runs
// (rules and model) and with the rules alone, per locale and combined; the
// floor is checked on the rules and model.
func TestHeldout3(t *testing.T) {
	runBlind(t, heldout3, "held-out 3", heldout3Floor)
}

// heldout4Floor is a floor below the figures of the fourth held-out set's
// first run (testdata/heldout4_firstrun.txt), with the model beside the
// rules as the bot runs; not a target either.
var heldout4Floor = heldoutLimit{0.90, 0.03, 0.07}

// TestHeldout4 prints the figures of the fourth held-out set like
// TestHeldout3.
func TestHeldout4(t *testing.T) {
	runBlind(t, heldout4, "held-out 4", heldout4Floor)
}

// heldout5Floor is a floor below the figures of the fifth held-out set's
// first run (testdata/heldout5_firstrun.txt), with the model beside the
// rules as the bot runs; not a target either.
var heldout5Floor = heldoutLimit{0.88, 0.03, 0.05}

// TestHeldout5 prints the figures of the fifth held-out set like
// TestHeldout3.
func TestHeldout5(t *testing.T) {
	runBlind(t, heldout5, "held-out 5", heldout5Floor)
}

// heldout6Floor is a floor below the figures of the sixth held-out set's
// first run (testdata/heldout6_firstrun.txt), with the model beside the
// rules as the bot runs; not a target either.
var heldout6Floor = heldoutLimit{0.91, 0.03, 0.04}

// TestHeldout6 prints the figures of the sixth held-out set like
// TestHeldout3.
func TestHeldout6(t *testing.T) {
	runBlind(t, heldout6, "held-out 6", heldout6Floor)
}

// heldout7Floor is a floor below the figures of the seventh held-out set's
// first run (testdata/heldout7_firstrun.txt), with the model beside the
// rules as the bot runs; not a target either.
var heldout7Floor = heldoutLimit{0.93, 0.03, 0.06}

// TestHeldout7 prints the figures of the seventh held-out set like
// TestHeldout3.
func TestHeldout7(t *testing.T) {
	runBlind(t, heldout7, "held-out 7", heldout7Floor)
}

// heldout8Floor is a floor below the figures of the eighth held-out set's
// first run (testdata/heldout8_firstrun.txt), with the model beside the
// rules as the bot runs; not a target either.
var heldout8Floor = heldoutLimit{0.92, 0.03, 0.04}

// TestHeldout8 prints the figures of the eighth held-out set like
// TestHeldout3.
func TestHeldout8(t *testing.T) {
	runBlind(t, heldout8, "held-out 8", heldout8Floor)
}

// heldout9Floor is a floor below the figures of the ninth held-out set's
// first run (testdata/heldout9_firstrun.txt), with the model beside the
// rules as the bot runs; not a target either.
var heldout9Floor = heldoutLimit{0.95, 0.03, 0.05}

// TestHeldout9 prints the figures of the ninth held-out set like
// TestHeldout3.
func TestHeldout9(t *testing.T) {
	runBlind(t, heldout9, "held-out 9", heldout9Floor)
}

// heldout10Floor is a floor below the figures of the tenth held-out set's
// first run (testdata/heldout10_firstrun.txt), with the model beside the
// rules as the bot runs; not a target either.
var heldout10Floor = heldoutLimit{0.96, 0.03, 0.03}

// TestHeldout10 prints the figures of the tenth held-out set like
// TestHeldout3.
func TestHeldout10(t *testing.T) {
	runBlind(t, heldout10, "held-out 10", heldout10Floor)
}

// heldout11Floor is a floor below the figures of the eleventh held-out set's
// first run (testdata/heldout11_firstrun.txt), with the model beside the
// rules as the bot runs; not a target either.
var heldout11Floor = heldoutLimit{0.95, 0.03, 0.03}

// TestHeldout11 prints the figures of the eleventh held-out set like
// TestHeldout3.
func TestHeldout11(t *testing.T) {
	runBlind(t, heldout11, "held-out 11", heldout11Floor)
}

// heldout12Floor is a floor below the figures of the twelfth held-out set's
// first run (testdata/heldout12_firstrun.txt), with the model beside the
// rules as the bot runs; not a target either.
var heldout12Floor = heldoutLimit{0.94, 0.03, 0.03}

// TestHeldout12 prints the figures of the twelfth held-out set like
// TestHeldout3.
func TestHeldout12(t *testing.T) {
	runBlind(t, heldout12, "held-out 12", heldout12Floor)
}

// heldout13Floor is a floor below the figures of the thirteenth held-out set's
// first run (testdata/heldout13_firstrun.txt), with the model beside the
// rules as the bot runs; not a target either.
var heldout13Floor = heldoutLimit{0.96, 0.03, 0.03}

// TestHeldout13 prints the figures of the thirteenth held-out set like
// TestHeldout3.
func TestHeldout13(t *testing.T) {
	runBlind(t, heldout13, "held-out 13", heldout13Floor)
}

// heldout14Floor is a floor below the figures of the fourteenth held-out set's
// first run (testdata/heldout14_firstrun.txt), with the model beside the
// rules as the bot runs; not a target either.
var heldout14Floor = heldoutLimit{0.89, 0.03, 0.03}

// TestHeldout14 prints the figures of the fourteenth held-out set like
// TestHeldout3.
func TestHeldout14(t *testing.T) {
	runBlind(t, heldout14, "held-out 14", heldout14Floor)
}

// heldout15Floor is a floor below the figures of the fifteenth held-out set's
// first run (testdata/heldout15_firstrun.txt), with the model beside the
// rules as the bot runs; not a target either.
var heldout15Floor = heldoutLimit{0.94, 0.03, 0.03}

// TestHeldout15 prints the figures of the fifteenth held-out set like
// TestHeldout3.
func TestHeldout15(t *testing.T) {
	runBlind(t, heldout15, "held-out 15", heldout15Floor)
}

// heldout16Floor is a floor below the figures of the sixteenth held-out set's
// first run (testdata/heldout16_firstrun.txt), with the model beside the
// rules as the bot runs; not a target either.
var heldout16Floor = heldoutLimit{0.92, 0.03, 0.03}

// TestHeldout16 prints the figures of the sixteenth held-out set like
// TestHeldout3.
func TestHeldout16(t *testing.T) {
	runBlind(t, heldout16, "held-out 16", heldout16Floor)
}

// runBlind prints a blind set's figures as the bot runs (rules and model)
// and with the rules alone, per locale and combined, and checks the floor
// on the rules and model.
func runBlind(t *testing.T, sets []struct{ file, locale string }, name string, floor heldoutLimit) {
	full := newDetector(t, nil)
	en, de := loadLabelled(t, sets[0].file), loadLabelled(t, sets[1].file)
	var bot report
	for _, v := range []struct {
		name string
		d    *Detector
	}{{"rules and model", full}, {"rules alone", full.WithoutModel()}} {
		for _, h := range sets {
			r := evaluate(v.d, loadLabelled(t, h.file), h.locale, h.file)
			t.Logf("%s, %s: %s", h.file, v.name, r)
			if testing.Verbose() {
				fmt.Printf("%s, %s: %s", h.file, v.name, r)
			}
		}
		r := evaluateMixed(v.d, [][]Labelled{en, de}, []string{sets[0].locale, sets[1].locale})
		t.Logf("%s, both, %s: %s", name, v.name, r)
		if testing.Verbose() {
			fmt.Printf("%s, both, %s: %s", name, v.name, r)
		}
		if v.d == full {
			bot = r
		}
	}
	if bot.crisisHit < floor.crisisHit || bot.nonCrisis > floor.nonCrisis || bot.nonAsked > floor.nonAsked {
		t.Errorf("%s figures fell below the floor %+v: %s", name, floor, bot)
	}
}
