package safety

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestModelCV is the cross-validation used to choose the model's features,
// settings and thresholds (run by hand; skipped unless SAFETY_CV is set):
// SAFETY_CV=batch folds by batch (leave-batch-out: every file of a batch in
// one fold), SAFETY_CV=text by a hash of the text as training does. It
// prints, per head, the out-of-fold figures at the threshold the training
// rule chooses and the average precision, then the rules and the
// out-of-fold models together on every message, per language, as the
// held-out tests report them. It reads only the training files.
//
//	SAFETY_CV=batch go test -count=1 -v -run TestModelCV ./internal/safety
func TestModelCV(t *testing.T) {
	mode := os.Getenv("SAFETY_CV")
	if mode == "" {
		t.Skip("set SAFETY_CV=batch or SAFETY_CV=text")
	}
	files, err := TrainingFiles("testdata")
	if err != nil {
		t.Fatal(err)
	}
	// SAFETY_CV_FORWARD names files (of testdata) left out of the
	// training data: after the cross-validation a model is trained on the
	// other files, with the thresholds chosen, and run with the rules on
	// them, as a first run of a new batch would be.
	forward := strings.Fields(os.Getenv("SAFETY_CV_FORWARD"))
	for _, f := range forward {
		if strings.HasPrefix(f, "heldout") || strings.HasPrefix(f, "blind") {
			t.Fatalf("%s: held-out and blind sets are run only by TestHeldout* and TestBlind*, once", f)
		}
		if !slices.Contains(files, f) {
			t.Fatalf("SAFETY_CV_FORWARD: %s is no training file of testdata (give names such as fitted77_de.tsv)", f)
		}
	}
	files = slices.DeleteFunc(files, func(f string) bool { return slices.Contains(forward, f) })
	var set []Labelled
	var fileOf []string
	for _, f := range files {
		s, _, err := ReadTrainingFile("testdata", f)
		if err != nil {
			t.Fatal(err)
		}
		set = append(set, s...)
		for range s {
			fileOf = append(fileOf, f)
		}
	}
	trainFoldByText = mode == "text"
	defer func() { trainFoldByText = false }()
	if fk := os.Getenv("SAFETY_CV_FEATURES"); fk != "" {
		old := featureKinds
		fmt.Sscan(fk, &featureKinds)
		wordClasses = buildWordClasses()
		defer func() { featureKinds = old; wordClasses = buildWordClasses() }()
	}
	// SAFETY_CV_HEAD="medical=0.93/0.01" sets a head's precision and budget.
	for _, f := range strings.Fields(os.Getenv("SAFETY_CV_HEAD")) {
		name, v, _ := strings.Cut(f, "=")
		b, p, _ := strings.Cut(v, "/")
		for h := range heads {
			if heads[h].name == name {
				old := heads[h]
				fmt.Sscan(b, &heads[h].minPrecision)
				fmt.Sscan(p, &heads[h].maxFPR)
				defer func() { heads[h] = old }()
			}
		}
	}
	// SAFETY_CV_HEAD_DE="medical=0.90/0.02" sets a head's precision and
	// budget for German messages (with SAFETY_CV_LOCALE naming it).
	for _, f := range strings.Fields(os.Getenv("SAFETY_CV_HEAD_DE")) {
		name, v, _ := strings.Cut(f, "=")
		b, p, _ := strings.Cut(v, "/")
		for h := range heads {
			if heads[h].name == name {
				old := heads[h]
				fmt.Sscan(b, &heads[h].minPrecisionDE)
				fmt.Sscan(p, &heads[h].maxFPRDE)
				defer func() { heads[h] = old }()
			}
		}
	}
	// SAFETY_CV_LOCALE="medical risk" chooses those heads' thresholds per
	// locale ("none": no head's).
	if v := os.Getenv("SAFETY_CV_LOCALE"); v != "" {
		for h := range heads {
			old := heads[h]
			heads[h].perLocale = slices.Contains(strings.Fields(v), heads[h].name)
			defer func() { heads[h] = old }()
		}
	}
	// SAFETY_CV_POSW="medical=2" weighs a head's positive messages.
	for _, f := range strings.Fields(os.Getenv("SAFETY_CV_POSW")) {
		name, v, _ := strings.Cut(f, "=")
		for h := range heads {
			if heads[h].name == name {
				old := trainPosWeight
				fmt.Sscan(v, &trainPosWeight[h])
				defer func() { trainPosWeight = old }()
			}
		}
	}
	// SAFETY_CV_ORDW=2 weighs the ordinary flow answers in the risk
	// head's loss (see trainOrdinaryWeight).
	if v := os.Getenv("SAFETY_CV_ORDW"); v != "" {
		old := trainOrdinaryWeight
		fmt.Sscan(v, &trainOrdinaryWeight)
		defer func() { trainOrdinaryWeight = old }()
	}
	exs := examples(set, fileOf)
	nh := len(heads)
	oof, models := outOfFold(exs, nh)
	fmt.Printf("%d messages, %d files, folds by %s\n", len(set), len(files), mode)
	thr := make([]Head, nh)
	en, de := false, true
	for h, spec := range heads {
		thr[h].chooseThreshold(exs, oof, h, spec)
		pos, neg := headScores(exs, oof, h, nil)
		pe, ne := headScores(exs, oof, h, &en)
		pd, nd := headScores(exs, oof, h, &de)
		fmt.Printf("  %s: %s; AP %.1f (English %.1f, German %.1f)\n", spec.name, thr[h].Note, 100*averagePrecision(pos, neg), 100*averagePrecision(pe, ne), 100*averagePrecision(pd, nd))
		if thr[h].ThresholdDE != nil {
			fmt.Printf("  %s: %s\n", spec.name, thr[h].NoteDE)
		}
		if thr[h].ThresholdUrgent != nil {
			fmt.Printf("  %s: %s\n", spec.name, thr[h].NoteUrgent)
		}
	}
	if os.Getenv("SAFETY_CV_NOCRISIS") != "" {
		for h := range heads {
			if heads[h].raise == KindCrisis {
				thr[h] = Head{Threshold: math.MaxInt32} // off: the model before round 6
			}
		}
	}
	if os.Getenv("SAFETY_CV_CURVE") != "" {
		riskCurve(exs, set, oof)
	}
	// The rules and the out-of-fold models together, at the thresholds
	// chosen, and at the risk head's other budgets of SAFETY_CV_RISK.
	cvCombined(t, exs, set, fileOf, models, thr, "")
	var full *Model
	if len(forward) > 0 || os.Getenv("SAFETY_CV_EXTRA") != "" {
		all := make([]int, len(exs))
		for i := range all {
			all[i] = i
		}
		q, bias, scale := quantise(fit(exs, all, nh), nh)
		full = &Model{MinWords: minWords, Heads: make([]Head, nh), w: q}
		for h := range full.Heads {
			full.Heads[h] = Head{Name: heads[h].name, Raise: heads[h].raise, Bias: bias[h], Scale: scale[h]}
		}
		cvForward(t, full, thr, forward, "")
		if os.Getenv("SAFETY_CV_BAG") != "" {
			// the average of the folds' models (bagging by batch)
			bag := averageModels(models)
			bt := slices.Clone(thr)
			conv := func(h int, x int32) *int32 {
				v := int32(math.Round(float64(x) * full.Heads[h].Scale / bag.Heads[h].Scale))
				return &v
			}
			for h := range bt {
				if bt[h].Threshold != math.MaxInt32 {
					bt[h].Threshold = *conv(h, bt[h].Threshold)
				}
				if bt[h].ThresholdDE != nil {
					bt[h].ThresholdDE = conv(h, *bt[h].ThresholdDE)
				}
				if bt[h].ThresholdUrgent != nil {
					bt[h].ThresholdUrgent = conv(h, *bt[h].ThresholdUrgent)
				}
			}
			cvForward(t, bag, bt, forward, "bagged, ")
		}
	}
	// SAFETY_CV_URGENT="0 0.05" gives the crisis head a threshold for
	// messages on another urgent path (see Head.ThresholdUrgent) at each
	// of those budgets in turn (0: none).
	if v := os.Getenv("SAFETY_CV_URGENT_KINDS"); v != "" {
		old := urgentKinds
		urgentKinds = map[Kind]bool{}
		for _, k := range strings.Fields(v) {
			urgentKinds[Kind(k)] = true
		}
		defer func() { urgentKinds = old }()
	}
	for _, f := range strings.Fields(os.Getenv("SAFETY_CV_URGENT")) {
		h := len(heads) - 1
		spec := heads[h]
		fmt.Sscan(f, &spec.urgentFPR)
		keep := thr[h]
		thr[h] = Head{}
		thr[h].chooseThreshold(exs, oof, h, spec)
		fmt.Printf("urgent budget %s: %s\n", f, thr[h].NoteUrgent)
		cvCombined(t, exs, set, fileOf, models, thr, "urgent "+f+", ")
		if full != nil {
			cvForward(t, full, thr, forward, "urgent "+f+", ")
		}
		thr[h] = keep
	}
	// SAFETY_CV_MEDCLEARED="off 0 100" gives the medical head a margin
	// over its threshold at which it raises a message whose medical rule
	// was cleared by its context (see Head.ClearedMargin), each in turn
	// ("off": none).
	for _, f := range strings.Fields(os.Getenv("SAFETY_CV_MEDCLEARED")) {
		h := slices.IndexFunc(heads, func(s headSpec) bool { return s.raise == KindMedical })
		keep := thr[h].ClearedMargin
		thr[h].ClearedMargin = nil
		if f != "off" {
			var mg int32
			fmt.Sscan(f, &mg)
			thr[h].ClearedMargin = &mg
		}
		cvCombined(t, exs, set, fileOf, models, thr, "medical over cleared "+f+", ")
		if full != nil {
			cvForward(t, full, thr, forward, "medical over cleared "+f+", ")
		}
		thr[h].ClearedMargin = keep
	}
	// SAFETY_CV_TRY_DE="medical=0.90/0.02 medical=0.85/0.03" tries, in
	// turn, a head's threshold chosen per locale with that precision and
	// budget for German messages.
	for _, f := range strings.Fields(os.Getenv("SAFETY_CV_TRY_DE")) {
		name, v, _ := strings.Cut(f, "=")
		b, p, _ := strings.Cut(v, "/")
		for h := range heads {
			if heads[h].name != name {
				continue
			}
			spec := heads[h]
			spec.perLocale = true
			fmt.Sscan(b, &spec.minPrecisionDE)
			fmt.Sscan(p, &spec.maxFPRDE)
			keep := thr[h]
			thr[h].chooseThreshold(exs, oof, h, spec)
			fmt.Printf("German %s: %s\n", f, thr[h].NoteDE)
			cvCombined(t, exs, set, fileOf, models, thr, "German "+f+", ")
			if full != nil {
				cvForward(t, full, thr, forward, "German "+f+", ")
			}
			thr[h] = keep
		}
	}
	for _, f := range strings.Fields(os.Getenv("SAFETY_CV_RISK")) {
		// "budget" or "budget/precision"
		spec := heads[0]
		b, p, _ := strings.Cut(f, "/")
		fmt.Sscan(b, &spec.maxFPR)
		if p != "" {
			fmt.Sscan(p, &spec.minPrecision)
		}
		thr[0].chooseThreshold(exs, oof, 0, spec)
		fmt.Printf("risk budget %s: %s %s\n", f, thr[0].Note, thr[0].NoteDE)
		cvCombined(t, exs, set, fileOf, models, thr, "risk "+f+", ")
		if full != nil {
			cvForward(t, full, thr, forward, "risk "+f+", ")
		}
	}
}

// cvForward runs the rules with m at thresholds thr on the files forward,
// which m was not trained on, and prints their figures per file and pooled
// per language.
func cvForward(t *testing.T, m *Model, thr []Head, forward []string, what string) {
	for h := range m.Heads {
		m.Heads[h].Threshold, m.Heads[h].ThresholdDE, m.Heads[h].ThresholdUrgent = thr[h].Threshold, thr[h].ThresholdDE, thr[h].ThresholdUrgent
		m.Heads[h].ClearedMargin = thr[h].ClearedMargin
	}
	d := newDetector(t, nil)
	d.model = m
	pooled := map[string][]Labelled{}
	// SAFETY_CV_EXTRA names labelled files (relative to testdata, ending
	// in _en.tsv or _de.tsv) that are no training file, run with the
	// forward model beside the forward files: answers written as a check
	// and never trained on.
	for _, f := range append(slices.Clone(forward), strings.Fields(os.Getenv("SAFETY_CV_EXTRA"))...) {
		loc := strings.TrimSuffix(f[strings.LastIndex(f, "_")+1:], ".tsv")
		if b := filepath.Base(f); strings.HasPrefix(b, "heldout") || strings.HasPrefix(b, "blind") {
			t.Fatalf("%s: held-out and blind sets are run only by TestHeldout* and TestBlind*, once", f)
		}
		set := loadLabelled(t, f)
		r := evaluate(d, set, loc, f)
		fmt.Printf("%sforward %s, rules and model: %s", what, f, r)
		if os.Getenv("SAFETY_CV_MISSES") != "" {
			for _, m := range r.misses {
				fmt.Printf("  %smiss: %s\n", what, m)
			}
		}
		if slices.Contains(forward, f) {
			pooled[loc] = append(pooled[loc], set...)
		}
	}
	for _, loc := range []string{"en", "de"} {
		if len(pooled[loc]) > 0 {
			fmt.Printf("%sforward all %s, rules and model: %s", what, loc, evaluate(d, pooled[loc], loc, ""))
		}
	}
}

// cvCombined prints the figures of the rules and the out-of-fold models
// together on the fitted batches, per language.
func cvCombined(t *testing.T, exs []example, set []Labelled, fileOf []string, models []*Model, thr []Head, what string) {
	d := newDetector(t, nil)
	rulesOnly := d.WithoutModel()
	dets := make([]*Detector, trainFolds)
	for fold, m := range models {
		for h := range m.Heads {
			m.Heads[h].Threshold, m.Heads[h].ThresholdDE, m.Heads[h].ThresholdUrgent = thr[h].Threshold, thr[h].ThresholdDE, thr[h].ThresholdUrgent
			m.Heads[h].ClearedMargin = thr[h].ClearedMargin
		}
		c := *d
		c.model = m
		dets[fold] = &c
	}
	type key struct{ loc, group string }
	reports := map[key]*cvTally{}
	var why map[string]int
	if os.Getenv("SAFETY_CV_WHY") != "" {
		why = map[string]int{}
		defer func() {
			for k, v := range why {
				fmt.Printf("  missed crisis, 23+: %s: %d\n", k, v)
			}
		}()
	}
	// SAFETY_CV_CLEARED=1 counts the messages whose crisis or possible
	// rule was cleared by its context, by label, whose risk score is at
	// least the threshold plus each of clearedMargins.
	var cl map[string][]int
	var clN map[string]*[2]int
	if os.Getenv("SAFETY_CV_CLEARED") != "" {
		cl = map[string][]int{"en": make([]int, 2*len(clearedMargins)), "de": make([]int, 2*len(clearedMargins))}
		clN = map[string]*[2]int{"en": {}, "de": {}}
		defer func() {
			for _, l := range []string{"en", "de"} {
				fmt.Printf("  %scleared %s: %d risk messages, %d others;", what, l, clN[l][0], clN[l][1])
				for j, d := range clearedMargins {
					fmt.Printf(" +%d: %d/%d", d, cl[l][2*j], cl[l][2*j+1])
				}
				fmt.Println()
			}
		}()
	}
	// SAFETY_CV_FILES="fitted107_en.tsv ..." also prints those fitted
	// files' figures on their own (leave-batch-out: each scored by the
	// model of the folds without its batch).
	perFile := strings.Fields(os.Getenv("SAFETY_CV_FILES"))
	medWhy := os.Getenv("SAFETY_CV_MEDWHY")
	medTally := map[string]int{}
	defer func() {
		var ks []string
		for k := range medTally {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			fmt.Printf("  %s%s, 23+: %d\n", what, k, medTally[k])
		}
	}()
	for i := range exs {
		if exs[i].extra {
			continue
		}
		s := set[exs[i].src]
		f := fileOf[exs[i].src]
		loc := "en"
		if strings.HasSuffix(f, "_de.tsv") {
			loc = "de"
		}
		if !strings.HasPrefix(f, "fitted") {
			continue
		}
		got := Category(dets[exs[i].fold].Check(s.Text, loc))
		rules := Category(rulesOnly.Check(s.Text, loc))
		if cl != nil && !exs[i].short {
			p := rulesOnly.prepare(s.Text)
			rulesOnly.scanAll(p, loc)
			if p.cleared&(1<<urgency(KindCrisis)|1<<urgency(KindPossible)) != 0 {
				sc := dets[exs[i].fold].model.scores(&p.analysed)
				risky := s.Label == string(KindCrisis) || s.Label == string(KindPossible)
				for j, d := range clearedMargins {
					if sc[0] >= thr[0].threshold(loc == "de")+d {
						if risky {
							cl[loc][2*j]++
						} else {
							cl[loc][2*j+1]++
						}
					}
				}
				if risky {
					clN[loc][0]++
				} else {
					clN[loc][1]++
				}
			}
		}
		if why != nil && s.Label == string(KindCrisis) && got != string(KindCrisis) && got != string(KindPossible) && !rulesFitted(f) {
			p := rulesOnly.prepare(s.Text)
			rulesOnly.scanAll(p, loc)
			sc := dets[exs[i].fold].model.scores(&p.analysed)
			switch {
			case got != None:
				why[loc+" rules or model say "+got]++
				if os.Getenv("SAFETY_CV_WHY") == "2" {
					fmt.Printf("    %s %s (rules %s): %s\n", loc, got, rules, s.Text)
				}
			case len(p.toks) < minWords:
				why[loc+" short"]++
			case p.cleared&(1<<urgency(KindCrisis)|1<<urgency(KindPossible)) != 0:
				why[loc+" cleared by the rules"]++
			case sc[0] >= thr[0].threshold(loc == "de")-50:
				why[loc+" risk within 50 of the threshold"]++
			default:
				why[loc+" risk far below"]++
			}
		}
		if medWhy != "" && (s.Label == string(KindMedical)) != (got == string(KindMedical)) && !rulesFitted(f) {
			// SAFETY_CV_MEDWHY=1 counts the medical misses and false
			// alarms by how far the medical head was from its threshold;
			// =2 also prints them (training messages only).
			h := slices.IndexFunc(heads, func(s headSpec) bool { return s.raise == KindMedical })
			sc := dets[exs[i].fold].model.scores(&exs[i].a)
			d := sc[h] - thr[h].threshold(loc == "de")
			what := "missed"
			if s.Label != string(KindMedical) {
				what = "false"
			}
			band := "far below"
			switch {
			case d >= 0:
				band = "at or above"
			case d >= -50:
				band = "within 50"
			case d >= -100:
				band = "within 100"
			}
			medTally[loc+" "+what+" medical, head "+band]++
			if medWhy == "2" {
				fmt.Printf("    %s %s medical %+d (%s, rules %s): %s\n", loc, what, d, got, rules, s.Text)
			}
		}
		groups := []string{"all", "23+"}
		if slices.Contains(perFile, f) {
			groups = append(groups, f)
		}
		for _, g := range groups {
			if g == "23+" && rulesFitted(f) {
				continue
			}
			for _, l := range []string{loc, "both"} {
				k := key{l, g}
				if reports[k] == nil {
					reports[k] = &cvTally{}
				}
				reports[k].add(s.Label, got, rules)
			}
		}
	}
	var keys []key
	for k := range reports {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].group+keys[i].loc < keys[j].group+keys[j].loc
	})
	for _, k := range keys {
		fmt.Printf("%sfitted %s, %s, rules and out-of-fold model: %s\n", what, k.group, k.loc, reports[k])
	}
}

var clearedMargins = []int32{0, 50, 100, 150, 200, 300}

// cvTally counts the figures for the rules with a model (got) and
// the rules alone.
type cvTally struct {
	n, crisis, crisisOK, crisisStrict, rulesOK, other, otherCrisis, otherAsked int
	tp, fn, fp                                                                 map[string]int
}

func (c *cvTally) add(label, got, rules string) {
	if c.tp == nil {
		c.tp, c.fn, c.fp = map[string]int{}, map[string]int{}, map[string]int{}
	}
	c.n++
	ask := func(x string) bool { return x == string(KindCrisis) || x == string(KindPossible) }
	if label == string(KindCrisis) {
		c.crisis++
		if ask(got) {
			c.crisisOK++
		}
		if got == string(KindCrisis) {
			c.crisisStrict++
		}
		if ask(rules) {
			c.rulesOK++
		}
	} else {
		c.other++
		if got == string(KindCrisis) {
			c.otherCrisis++
		}
		if got == string(KindPossible) && label != string(KindPossible) {
			c.otherAsked++
		}
	}
	if got == label {
		c.tp[label]++
	} else {
		c.fp[got]++
		c.fn[label]++
	}
}

func (c *cvTally) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d messages; crisis reaching crisis or the question %.1f%% (rules alone %.1f%%), crisis strictly %.1f%%; others to crisis %.1f%%, to the question %.1f%%;",
		c.n, pct(c.crisisOK, c.crisis), pct(c.rulesOK, c.crisis), pct(c.crisisStrict, c.crisis), pct(c.otherCrisis, c.other), pct(c.otherAsked, c.other))
	for _, k := range []Kind{KindMedical, KindHarmToOthers, KindAbuse, KindAcuteMedical} {
		l := string(k)
		fmt.Fprintf(&b, " %s %.1f/%.1f", l, pct(c.tp[l], c.tp[l]+c.fn[l]), pct(c.tp[l], c.tp[l]+c.fp[l]))
	}
	return b.String()
}

func pct(a, b int) float64 { return 100 * ratio(a, b) }

// averagePrecision is the mean precision at each positive's score.
func averagePrecision(pos, neg []int32) float64 {
	all := make([]struct {
		s int32
		p bool
	}, 0, len(pos)+len(neg))
	for _, s := range pos {
		all = append(all, struct {
			s int32
			p bool
		}{s, true})
	}
	for _, s := range neg {
		all = append(all, struct {
			s int32
			p bool
		}{s, false})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].s > all[j].s })
	tp, sum := 0, 0.0
	for i, x := range all {
		if x.p {
			tp++
			sum += float64(tp) / float64(i+1)
		}
	}
	return sum / math.Max(1, float64(len(pos)))
}

// riskCurve prints the risk head's out-of-fold recall of crisis and
// possible messages and the share of messages labelled none (and of all
// the others) it raises, at a range of thresholds, per language.
func riskCurve(exs []example, set []Labelled, oof [][maxHeads]int32) {
	var scores []int32
	for i := range exs {
		if !exs[i].extra && !exs[i].short {
			scores = append(scores, oof[i][0])
		}
	}
	sort.Slice(scores, func(i, j int) bool { return scores[i] < scores[j] })
	for _, q := range []float64{0.70, 0.72, 0.74, 0.76, 0.78, 0.80, 0.82, 0.84} {
		t := scores[int(q*float64(len(scores)))]
		var crisis, crisisOK, poss, possOK, none, noneR, other, otherR int
		for i := range exs {
			if exs[i].extra || exs[i].short {
				continue
			}
			r := oof[i][0] >= t
			switch set[exs[i].src].Label {
			case string(KindCrisis):
				crisis++
				if r {
					crisisOK++
				}
			case string(KindPossible):
				poss++
				if r {
					possOK++
				}
			case None:
				none++
				if r {
					noneR++
				}
				fallthrough
			default:
				other++
				if r {
					otherR++
				}
			}
		}
		fmt.Printf("    risk >= %d: crisis %.1f%%, possible %.1f%%, none raised %.1f%%, others raised %.1f%%\n", t, pct(crisisOK, crisis), pct(possOK, poss), pct(noneR, none), pct(otherR, other))
	}
}

// averageModels returns the model whose weights are the average of ms's
// (in log-odds), quantised again.
func averageModels(ms []*Model) *Model {
	nh := len(ms[0].Heads)
	n := 1 << ModelBits
	w := make([]float64, (n+1)*nh)
	for _, m := range ms {
		for b := 0; b < n; b++ {
			for h := 0; h < nh; h++ {
				w[b*nh+h] += float64(m.w[b*nh+h]) * m.Heads[h].Scale / float64(len(ms))
			}
		}
		for h := 0; h < nh; h++ {
			w[n*nh+h] += float64(m.Heads[h].Bias) * m.Heads[h].Scale / float64(len(ms))
		}
	}
	q, bias, scale := quantise(w, nh)
	out := &Model{MinWords: minWords, Heads: make([]Head, nh), w: q}
	for h := range out.Heads {
		out.Heads[h] = Head{Name: ms[0].Heads[h].Name, Raise: ms[0].Heads[h].Raise, Bias: bias[h], Scale: scale[h]}
	}
	return out
}
