package safety

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestModelData checks that the shipped model loads and that the training
// files it lists are unchanged (their hashes are in model.json): a changed
// file needs `go run ./internal/safety/train`. A model set written for the
// model (train_*.tsv) that the model was not trained on fails too; a new
// fitted batch is only reported, since the rules are fixed on it first.
func TestModelData(t *testing.T) {
	m, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, f := range m.Data {
		listed[f.File] = true
		if strings.HasPrefix(f.File, "heldout") || strings.HasPrefix(f.File, "blind") {
			t.Errorf("the model was trained on %s, a held-out or blind set", f.File)
		}
		b, err := os.ReadFile(filepath.Join("testdata", f.File))
		if err != nil {
			t.Errorf("%s: %v (retrain: go run ./internal/safety/train)", f.File, err)
			continue
		}
		if got := sha256hex(b); got != f.SHA256 {
			t.Errorf("%s changed since the model was trained (sha256 %s, model.json %s): retrain with go run ./internal/safety/train", f.File, got, f.SHA256)
		}
	}
	files, err := TrainingFiles("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		switch {
		case listed[f]:
		case strings.HasPrefix(f, "train_"):
			t.Errorf("%s is not in the model: retrain with go run ./internal/safety/train", f)
		default:
			t.Logf("%s is not in the model yet: retrain with go run ./internal/safety/train", f)
		}
	}
	if m.MinWords < 2 {
		t.Errorf("min_words %d: the model must never look at one-word answers", m.MinWords)
	}
	// Only the crisis head may take a message to the crisis path, and only
	// at a high precision (a false crisis alarm is costly); suicide risk
	// below it is raised to the direct question.
	for i, h := range m.Heads {
		if h.Raise != KindCrisis {
			continue
		}
		if h.Name != "crisis" || i >= len(heads) || heads[i].name != h.Name || heads[i].minPrecision < 0.95 || heads[i].maxFPR > 0.005 {
			t.Errorf("head %s raises to crisis: only the crisis head may, chosen at precision 95%% or more with at most 0.5%% of the other messages raised out of fold", h.Name)
		}
	}
	// The crisis head's threshold on another urgent path may raise at most
	// 5% of the messages labelled that kind, out of fold, and only over
	// acute symptoms (over harm and abuse it took their recall).
	for i, h := range m.Heads {
		if h.ThresholdUrgent == nil {
			continue
		}
		if h.Raise != KindCrisis || i >= len(heads) || heads[i].urgentFPR > 0.05 || *h.ThresholdUrgent > h.Threshold {
			t.Errorf("head %s has a threshold on another urgent path: only the crisis head may, below its own threshold, raising at most 5%% of the messages of that path", h.Name)
		}
	}
	// The features read the word classes frozen with the model: a change
	// to model_classes.go or a new medicine snapshot needs a retrained
	// model (TestModelUpToDate says so too, but only without -race and
	// slowly).
	if m.Classes != classesDigest() {
		t.Errorf("the model's word classes (model_classes.go, model_medicines*.txt) changed since it was trained (digest %s, model.json %s): retrain with go run ./internal/safety/train", classesDigest(), m.Classes)
	}
	// Only the medical head may raise over a rule of its kind that its
	// context cleared, and only above its threshold.
	for _, h := range m.Heads {
		if h.ClearedMargin != nil && (h.Raise != KindMedical || *h.ClearedMargin <= 0) {
			t.Errorf("head %s raises over a cleared rule with margin %d: only the medical head may, above its threshold", h.Name, *h.ClearedMargin)
		}
	}
	for k := range urgentKinds {
		if k != KindAcuteMedical {
			t.Errorf("the crisis head's urgent threshold applies on the %s path: only on acute symptoms", k)
		}
	}
}

// TestModelUrgentThreshold: the crisis head's ThresholdUrgent raises a
// message to crisis only when it is already on the acute path, and its
// per-locale thresholds follow the message's language.
func TestModelUrgentThreshold(t *testing.T) {
	thr, urgent, de := int32(20), int32(5), int32(12)
	m := &Model{MinWords: 3, Heads: []Head{{Name: "crisis", Raise: KindCrisis, Bias: 10, Scale: 0.01, Threshold: thr, ThresholdUrgent: &urgent, ThresholdDE: &de}}, w: make([]int8, 1<<ModelBits)}
	a := analyse("a message of several words")
	for _, c := range []struct {
		top  Kind
		de   bool
		want Kind
	}{
		{KindAcuteMedical, false, KindCrisis},
		{KindHarmToOthers, false, ""},
		{KindAbuse, false, ""},
		{KindPossible, false, ""},
		{KindMedical, false, ""},
		{"", false, ""},
		{"", true, ""},
	} {
		top := len(Kinds)
		if c.top != "" {
			top = urgency(c.top)
		}
		if got, _ := m.raise(&a, top, 0, c.de); got != c.want {
			t.Errorf("score 10 on the %q path (de %v), crisis threshold %d, on acute %d: got %q, want %q", c.top, c.de, thr, urgent, got, c.want)
		}
	}
	m.Heads[0].Bias = 15 // above the German threshold only
	for _, c := range []struct {
		de   bool
		want Kind
	}{{false, ""}, {true, KindCrisis}} {
		if got, _ := m.raise(&a, len(Kinds), 0, c.de); got != c.want {
			t.Errorf("score 15, German %v: got %q, want %q", c.de, got, c.want)
		}
	}
	if got, _ := m.raise(&a, urgency(KindAcuteMedical), 1<<urgency(KindCrisis), false); got != "" {
		t.Errorf("a crisis rule cleared by its context: got %q, want nothing", got)
	}
	// When the acute head, not a rule, found the acute path, the crisis
	// raise keeps it: the patient gets the acute resources too.
	acuteThr := int32(5)
	m.Heads[0].Bias = 10
	m.Heads = append(m.Heads, Head{Name: "acute", Raise: KindAcuteMedical, Bias: 10, Scale: 0.01, Threshold: acuteThr})
	m.w = make([]int8, len(m.Heads)<<ModelBits)
	if k, also, ok := m.raiseAlso(&a, len(Kinds), 0, false); !ok || k != KindCrisis || also != KindAcuteMedical {
		t.Errorf("the acute head's path raised to crisis: got %q also %q (%v), want crisis also acute_medical", k, also, ok)
	}
	if k, also, ok := m.raiseAlso(&a, urgency(KindAcuteMedical), 0, false); !ok || k != KindCrisis || also != "" {
		t.Errorf("a rule's acute path raised to crisis: got %q also %q (%v), want crisis alone (the rule's match stays)", k, also, ok)
	}
}

// TestModelOverCleared: a head with a ClearedMargin raises a message
// whose rule of its own kind was cleared by its context only at its
// threshold plus the margin, and never over a cleared rule of another kind.
func TestModelOverCleared(t *testing.T) {
	thr, margin := int32(10), int32(50)
	m := &Model{MinWords: 3, Heads: []Head{{Name: "medical", Raise: KindMedical, Scale: 0.01, Threshold: thr, ClearedMargin: &margin}}, w: make([]int8, 1<<ModelBits)}
	a := analyse("a message of several words")
	med := uint32(1) << urgency(KindMedical)
	risk := uint32(1) << urgency(KindPossible)
	for _, c := range []struct {
		bias    int32
		cleared uint32
		want    Kind
	}{
		{thr, 0, KindMedical},
		{thr, med, ""},
		{thr + margin - 1, med, ""},
		{thr + margin, med, KindMedical},
		{thr + margin, risk, KindMedical}, // a cleared risk rule is the risk heads' business
	} {
		m.Heads[0].Bias = c.bias
		if got, _ := m.raise(&a, len(Kinds), c.cleared, false); got != c.want {
			t.Errorf("score %d, cleared %b: got %q, want %q", c.bias, c.cleared, got, c.want)
		}
	}
	m.Heads[0].ClearedMargin = nil
	m.Heads[0].Bias = thr + 10*margin
	if got, _ := m.raise(&a, len(Kinds), med, false); got != "" {
		t.Errorf("no margin, a cleared medical rule: got %q, want nothing", got)
	}
}

// TestModelMedicalNeverOutranks: a medical head however far above its
// threshold never wins over a risk, abuse, harm or acute head that only just
// reaches its own (a medicine named beside a risk is the risk's business).
func TestModelMedicalNeverOutranks(t *testing.T) {
	a := analyse("a message of several words")
	for _, k := range []Kind{KindPossible, KindAbuse, KindHarmToOthers, KindAcuteMedical} {
		m := &Model{MinWords: 3, w: make([]int8, 2<<ModelBits), Heads: []Head{
			{Name: "medical", Raise: KindMedical, Scale: 0.01, Threshold: 10, Bias: 1000},
			{Name: string(k), Raise: k, Scale: 0.01, Threshold: 10, Bias: 10},
		}}
		if got, _ := m.raise(&a, len(Kinds), 0, false); got != k {
			t.Errorf("medical far above, %s just at its threshold: got %q, want %q", k, got, k)
		}
		m.Heads[1].Bias = 9
		if got, _ := m.raise(&a, len(Kinds), 0, false); got != KindMedical {
			t.Errorf("medical above, %s below its threshold: got %q, want medical", k, got)
		}
	}
}

// TestModelKeepsOverdosesOnCrisisPath: the model alone (no rule found
// anything) keeps hoarding and overdose messages that name a medicine on
// the crisis path, crisis or the direct question, never medical, in either
// locale: the medical head never outranks the risk heads there (issue 10,
// round 10). The first two the rules of round 9 missed and the model
// decided; none of these messages is in a training file.
func TestModelKeepsOverdosesOnCrisisPath(t *testing.T) {
	m, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"seit 2 wochen horte ich mein tramadol, heute sind es genug",
		"counted out all my diazepam, it's enough now",
		"i have 40 of my quetiapine in a drawer and tonight i'm taking them all",
		"ich hab 30 lorazepam beiseitegelegt, heute abend nehm ich sie alle",
		"been putting aside my sertraline every day, i have enough now to not wake up",
		"mein tilidin ist abgezählt, morgen früh ist es soweit",
		"i've got all my codeine lined up, i'm taking it all after dinner",
		"hab das ganze oxycodon von meiner mutter gesammelt, heute reicht es",
		"how many of my zopiclone would it take to not wake up, i have 25",
		"wie viele tramadol muss ich nehmen damit ich nicht mehr aufwache",
	} {
		a := analyse(s)
		for _, de := range []bool{false, true} {
			if got, _ := m.raise(&a, len(Kinds), 0, de); got != KindCrisis && got != KindPossible {
				t.Errorf("%q (German threshold %v): the model alone gives %q, want crisis or possible", s, de, got)
			}
		}
	}
}

// TestModelSeesMedicines: a medicine of the frozen vocabulary and an
// unlisted generic name by its ending are seen as a named medicine; an
// ordinary word with such an ending is not.
func TestModelSeesMedicines(t *testing.T) {
	drug := wordClasses["sertraline"]
	if len(drug) == 0 {
		t.Fatal("sertraline has no class")
	}
	for _, w := range []string{"pantoprazole", "candesartan", "nebivolol", "velozapril", "brexomazepam", "tirolukast"} {
		c := classesOf(collapse(w))
		if slices.ContainsFunc(drug, func(h uint32) bool { return !slices.Contains(c, h) }) {
			t.Errorf("%s: classes %v, want those of a named medicine %v", w, c, drug)
		}
	}
	for _, w := range []string{"april", "magazine", "semicolon", "mongrel", "poseidon", "cyclone", "holol", "reason", "comparison"} {
		if c := classesOf(collapse(w)); len(c) > 0 {
			t.Errorf("%s: classes %v, want none (an ordinary word)", w, c)
		}
	}
}

// TestModelRaisesOnly runs every training message through the detector with
// and without the model: every rule's match is still there, and the most
// urgent kind is never less urgent with the model.
func TestModelRaisesOnly(t *testing.T) {
	d := newDetector(t, nil)
	rules := d.WithoutModel()
	raised := 0
	n := 0
	for f, set := range trainingSets(t) {
		for _, s := range set {
			for _, loc := range []string{"en", "de"} {
				n++
				got, want := d.CheckAll(s.Text, loc), rules.CheckAll(s.Text, loc)
				i := 0
				for _, m := range got {
					if i < len(want) && m == want[i] {
						i++
					} else if !strings.HasSuffix(m.Rule, "/model") {
						t.Errorf("%s:%d: with the model %v, without %v", f, s.Line, got, want)
					}
				}
				if i != len(want) {
					t.Errorf("%s:%d: the model dropped a rule's match: with %v, without %v", f, s.Line, got, want)
				}
				if len(got) > len(want) {
					raised++
					if len(want) > 0 && urgency(got[0].Kind) >= urgency(want[0].Kind) {
						t.Errorf("%s:%d: the model added %v below the rules' %v", f, s.Line, got[0], want[0])
					}
				}
			}
		}
	}
	t.Logf("%d of %d checks raised by the model", raised, n)
}

// TestModelShortAnswers: the model never looks at messages shorter than
// min_words, and says nothing on typical answers of a flow.
func TestModelShortAnswers(t *testing.T) {
	d := newDetector(t, nil)
	rules := d.WithoutModel()
	for _, s := range []string{"3", "yes", "no", "not sure", "several days", "not at all", "nearly every day",
		"more than half the days", "Sarah", "12/03/1984", "5 – Completely ready", "1 – No hope at all",
		"I hope to feel less stuck and more like myself again.", "To be kinder to myself.", "ja", "überhaupt nicht",
		"an einzelnen tagen", "beinahe jeden tag", "weiß nicht"} {
		for _, loc := range []string{"en", "de"} {
			if got, want := d.CheckAll(s, loc), rules.CheckAll(s, loc); len(got) != len(want) {
				t.Errorf("the model raises %q (%s): %v", s, loc, got)
			}
		}
	}
}

// TestModelRaises checks that the model adds what the rules miss on the
// messages it was trained on (most of the risk messages the rules alone
// miss there), and keeps out of what the rules cleared.
func TestModelRaises(t *testing.T) {
	d := newDetector(t, nil)
	rules := d.WithoutModel()
	missed, raised := 0, 0
	for f, set := range trainingSets(t) {
		loc := "en"
		if strings.HasSuffix(f, "_de.tsv") {
			loc = "de"
		}
		for _, s := range set {
			if s.Label != string(KindCrisis) && s.Label != string(KindPossible) {
				continue
			}
			if _, ok := rules.Check(s.Text, loc); ok {
				continue
			}
			missed++
			if m, ok := d.Check(s.Text, loc); ok && m.Kind == KindPossible && strings.HasSuffix(m.Rule, "/model") {
				raised++
			}
		}
	}
	t.Logf("risk messages the rules alone miss: %d; the model raises %d", missed, raised)
	if missed > 0 && 2*raised < missed {
		t.Errorf("the model raises %d of the %d risk messages of its training sets that the rules miss; want at least half", raised, missed)
	}
	m, ok := d.Check("I cut myself while cooking", "en")
	if ok {
		t.Errorf("an accident the rules cleared: %v", m)
	}
	m, ok = d.Check("I'm not suicidal, just tired", "en")
	if ok {
		t.Errorf("a negation the rules cleared: %v", m)
	}
}

// BenchmarkCheck200Rules is BenchmarkCheck200 without the model: the ratio
// of the two, run together, is what the model costs.
func BenchmarkCheck200Rules(b *testing.B) {
	d := newDetector(b, nil).WithoutModel()
	b.ReportAllocs()
	for b.Loop() {
		d.Check(msg200, "en")
	}
}

// BenchmarkModel200 is the model alone on the same message (features and
// sums, no rules).
func BenchmarkModel200(b *testing.B) {
	m, err := shipped()
	if err != nil {
		b.Fatal(err)
	}
	a := analyse(msg200)
	b.ReportAllocs()
	for b.Loop() {
		m.scores(&a)
	}
}

// trainingSets reads every training file, by name.
func trainingSets(t *testing.T) map[string][]Labelled {
	t.Helper()
	files, err := TrainingFiles("testdata")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]Labelled{}
	for _, f := range files {
		set, _, err := ReadTrainingFile("testdata", f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = set
	}
	return out
}

// blindModel is the blind batch written for the model before it was
// trained or run on it: never trained or tuned on, never edited (its hash is
// in testdata/blind_model.sha256), first run recorded in
// testdata/blind_model_firstrun.txt.
var blindModel = []struct{ file, locale string }{
	{"blind_model_en.tsv", "en"},
	{"blind_model_de.tsv", "de"},
}

// TestBlindModel prints the rules' figures and the rules' and the model's
// on the blind batch, per locale and together; it never prints its
// messages, and fails only when the batch was edited.
func TestBlindModel(t *testing.T) {
	sums, err := os.ReadFile(filepath.Join("testdata", "blind_model.sha256"))
	if err != nil {
		t.Fatal(err)
	}
	var sets [][]Labelled
	var locs []string
	for _, b := range blindModel {
		data, err := os.ReadFile(filepath.Join("testdata", b.file))
		if err != nil {
			t.Fatal(err)
		}
		if want := sha256hex(data) + "  " + b.file; !strings.Contains(string(sums), want) {
			t.Errorf("%s changed after it was frozen: the blind batch must not be edited", b.file)
		}
		sets = append(sets, loadLabelled(t, b.file))
		locs = append(locs, b.locale)
	}
	d := newDetector(t, nil)
	for _, c := range []struct {
		name string
		d    *Detector
	}{{"rules alone", d.WithoutModel()}, {"rules and model", d}} {
		for i, b := range blindModel {
			r := evaluate(c.d, sets[i], b.locale, "")
			t.Logf("%s, %s: %s", b.file, c.name, r)
			if testing.Verbose() {
				fmt.Printf("%s, %s: %s", b.file, c.name, r)
			}
		}
		r := evaluateMixed(c.d, sets, locs)
		t.Logf("blind, both, %s: %s", c.name, r)
		if testing.Verbose() {
			fmt.Printf("blind, both, %s: %s", c.name, r)
		}
		if c.d == d && (r.crisisHit < blindFloor.crisisHit || r.nonCrisis > blindFloor.nonCrisis || r.nonAsked > blindFloor.nonAsked) {
			t.Errorf("blind figures with the model fell below the floor %+v: %s", blindFloor, r)
		}
	}
}

// blindFloor is a floor below the blind batch's first run with the model
// (90.0%, 0.8%, 0.8%), so that a retrained model that is clearly worse on
// messages it never saw fails; not a target.
var blindFloor = heldoutLimit{0.83, 0.03, 0.05}

// TestExp checks the training's own e^x against math.Exp.
func TestExp(t *testing.T) {
	for x := -40.0; x <= 40; x += 0.37 {
		got, want := exp(x), math.Exp(x)
		if math.Abs(got-want) > 1e-12*want {
			t.Errorf("exp(%g) = %g, math.Exp %g", x, got, want)
		}
	}
}
