package safety

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// TrainingGlobs are the files of testdata the model is trained on: the
// fitted category sets, the older crisis and medical sets (label 1 or 0),
// and the sets written for the model. Held-out and blind sets are never
// read.
var TrainingGlobs = []string{"fitted*_*.tsv", "crisis_*.tsv", "medical_*.tsv", "train_*.tsv"}

// TrainingFiles lists the training files of dir (see TrainingGlobs), sorted.
func TrainingFiles(dir string) ([]string, error) {
	var out []string
	for _, g := range TrainingGlobs {
		m, err := filepath.Glob(filepath.Join(dir, g))
		if err != nil {
			return nil, err
		}
		for _, p := range m {
			out = append(out, filepath.Base(p))
		}
	}
	sort.Strings(out)
	for _, f := range out {
		if strings.HasPrefix(f, "heldout") || strings.HasPrefix(f, "blind") {
			return nil, fmt.Errorf("safety: %s: a held-out or blind set is never trained on", f)
		}
	}
	return out, nil
}

// ReadTrainingFile reads one training file of dir: a labelled set (see
// ReadLabels), or for crisis_*.tsv and medical_*.tsv "label<TAB>message"
// with label 1 (the file's kind) or 0 (none). It returns the messages and
// the SHA-256 of the file.
func ReadTrainingFile(dir, name string) ([]Labelled, string, error) {
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return nil, "", err
	}
	sum := sha256hex(b)
	for _, k := range []Kind{KindCrisis, KindMedical} {
		if strings.HasPrefix(name, string(k)+"_") {
			set, err := readBinarySet(b, name, k)
			return set, sum, err
		}
	}
	set, err := ReadLabels(bytes.NewReader(b), name)
	return set, sum, err
}

// readBinarySet reads a "label<TAB>message" set with labels 1 and 0.
func readBinarySet(b []byte, name string, kind Kind) ([]Labelled, error) {
	var out []Labelled
	var errs []error
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		label, text, ok := strings.Cut(line, "\t")
		if !ok || (label != "0" && label != "1") || strings.TrimSpace(text) == "" {
			errs = append(errs, &LabelError{name, n, "want label<TAB>message with label 0 or 1"})
			continue
		}
		l := None
		if label == "1" {
			l = string(kind)
		}
		out = append(out, Labelled{Line: n, Text: text, Label: l})
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	return out, sc.Err()
}

func sha256hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// headSpec says what a head learns and how its threshold is chosen on the
// out-of-fold scores of a k-fold cross-validation.
type headSpec struct {
	name     string
	raise    Kind
	positive func(label string) bool
	// The threshold is the lowest score at which the out-of-fold
	// precision among the messages raised is at least minPrecision and at
	// most maxFPR of the negative messages are raised.
	minPrecision, maxFPR float64
	// perLocale chooses the threshold for German messages on the German
	// messages alone and the other one on the English messages alone (see
	// Head.ThresholdDE).
	perLocale bool
	// minPrecisionDE and maxFPRDE, when set, replace minPrecision and
	// maxFPR for the German threshold of a head chosen per locale.
	minPrecisionDE, maxFPRDE float64
	// germanOwn, with minPrecisionDE, gives the head a German threshold of
	// its own (chosen on the German messages alone) and keeps the other
	// one chosen on every message (round 9, the medical head).
	germanOwn bool
	// urgentFPR, for the crisis head, sets its ThresholdUrgent: the lowest
	// score that raises at most this share of the messages labelled with
	// an urgent kind (see urgentKinds) out of fold (0: none).
	urgentFPR float64
	// clearedMargin, when above zero, sets the head's ClearedMargin: it
	// raises a message whose rule of its own kind was cleared by its
	// context at its threshold plus this margin (chosen leave-batch-out and
	// on new batches, round 9; the rules' clearing is not known to
	// training, so the margin is fixed here).
	clearedMargin int32
}

func labelIs(kinds ...Kind) func(string) bool {
	return func(l string) bool {
		for _, k := range kinds {
			if l == string(k) {
				return true
			}
		}
		return false
	}
}

// heads are the model's heads. The risk head raises to possible (the
// direct question); the crisis head (crisis against everything else,
// possible included) raises to crisis, at a high precision, so that a clear
// plan, method or act the rules missed reaches the crisis path directly.
// Thresholds are chosen on out-of-fold scores with folds by batch (see
// examples): how the model does on a batch written by another author.
var heads = []headSpec{
	{"risk", KindPossible, labelIs(KindCrisis, KindPossible), 0.72, riskBudget, false, 0, 0, false, 0, 0},
	{"acute_medical", KindAcuteMedical, labelIs(KindAcuteMedical), 0.90, 0.01, false, 0, 0, false, 0, 0},
	{"harm_to_others", KindHarmToOthers, labelIs(KindHarmToOthers), 0.70, 0.025, false, 0, 0, false, 0, 0},
	{"abuse", KindAbuse, labelIs(KindAbuse), 0.80, 0.015, false, 0, 0, false, 0, 0},
	{"medical", KindMedical, labelIs(KindMedical), 0.95, 0.01, false, 0.93, 0.015, true, 0, medicalClearedMargin},
	{"crisis", KindCrisis, labelIs(KindCrisis), 0.95, 0.003, false, 0, 0, false, 0.04, 0},
}

// riskHead is the index of the risk head in heads.
const riskHead = 0

// riskBudget is the share of the other messages the risk head may raise
// out of fold (round 10; 7.5% in round 8 and 9). Trained on fitted
// batches to 106 with the ordinary flow answers (train_ordinary), the 7.5%
// threshold fell below the head's bias (-137 against -120): a short
// message the model knew nothing about was asked the question, and
// ordinary short messages of the strict fitted sets ("tschüss, bis bald",
// "ich will leben", "i keep my pills in the cupboard") took possible
// precision to 92.0% / 93.4% against TestFittedCategories' 95%. At 6.5%
// (threshold -127, the bias -121) they pass; leave-batch-out on fitted 23+ it costs 0.4
// points of crisis reach (96.2 / 96.2% to 95.8 / 95.8%, English /
// German) and saves 0.6 points of questions (4.7 / 4.5% to 4.1 / 3.9%);
// forward on batches 103-106 crisis reach is the same (93.3 / 96.7%).
// 7.0% (threshold -130) still failed the floor. Round 11 kept it: on fitted
// 23+ with batches 107/108 (166 files) 7.0% / 6.5% / 6.0% / 5.5% gave crisis
// reach 95.4 / 95.2 / 95.1 / 94.8% (English) and 95.6 / 95.5 / 95.2 / 95.0%
// (German) leave-batch-out, the same on the new batches 109-112 forward.
const riskBudget = 0.065

// medicalClearedMargin is the medical head's ClearedMargin (round 9):
// leave-batch-out on fitted batches 23-90, raising over a cleared medical
// rule at the threshold plus 150 took medical recall with the rules from
// 91.7 / 91.0% to 94.2 / 92.6% (English / German) at the same precision
// (92.5 / 93.7%); on the new batches 91-97 before training on them, 80.3 /
// 92.3% to 85.2 / 94.0% at 95.3 / 93.1% and 95.5 / 92.4% precision. A margin of 0
// to 100 gained a few more messages at a lower precision.
const medicalClearedMargin = 150

// Training settings: fixed, so that a run is reproducible.
const (
	trainFolds = 5
	trainSeed  = 0x6b6170626f74
	minWords   = 3
)

// Learning settings, chosen by cross-validation (variables for the
// package's tests only).
var (
	trainEpochs = 24
	trainRate   = [maxHeads]float64{0.05, 0.05, 0.02, 0.02, 0.03, 0.05} // AdaGrad step, per head
	trainL2     = 1e-5                                                  // per update
	// trainPosWeight weighs each head's positive messages in the loss.
	trainPosWeight = [maxHeads]float64{1, 1, 1, 1, 1, 1}
	// trainAverage averages the weights over the second half of the
	// epochs (taken at the end of each).
	trainAverage = false
	// trainFoldByText folds the cross-validation by a hash of each
	// message's text instead of by batch (as until round 6).
	trainFoldByText = false
	// trainNegSentences adds every sentence of a message of more than one
	// sentence whose label is none as a negative message of its own.
	trainNegSentences = true
	// trainOrdinaryWeight weighs the ordinary flow answers
	// (train_ordinary*) in the risk head's loss (1: like every message).
	trainOrdinaryWeight = 1.0
)

// example is one training message as features.
type example struct {
	a     analysed
	f     []uint32
	y     [maxHeads]bool
	fold  int
	short bool // under minWords words: never scored at run time, left out of the thresholds
	src   int  // the index of its message
	extra bool // one sentence of a longer message (trainNegSentences): trained on, never scored
	de    bool // from a German file
	label string
	// negWeight, when not zero, weighs the example in the risk head's
	// loss (it is a negative there): see trainOrdinaryWeight.
	negWeight float64
}

// Train fits the model to the training files of dir (see TrainingFiles). It
// is deterministic: the same files give the same model, byte for byte, on
// every machine (no math.Exp, no fused multiply-add). It returns the model and a report of its
// cross-validated figures, one line per head.
func Train(dir string) (*Model, string, error) {
	files, err := TrainingFiles(dir)
	if err != nil {
		return nil, "", err
	}
	return TrainFiles(dir, files)
}

// TrainFiles fits the model to the given training files of dir.
func TrainFiles(dir string, files []string) (*Model, string, error) {
	var set []Labelled
	var fileOf []string
	m := &Model{Version: modelVersion, Bits: ModelBits, MinWords: minWords}
	for _, f := range files {
		s, sum, err := ReadTrainingFile(dir, f)
		if err != nil {
			return nil, "", err
		}
		set = append(set, s...)
		for range s {
			fileOf = append(fileOf, f)
		}
		m.Data = append(m.Data, DataFile{File: f, SHA256: sum})
	}
	if len(set) < 100 {
		return nil, "", fmt.Errorf("safety: train: %d messages is too few", len(set))
	}
	m.Messages = len(set)
	exs := examples(set, fileOf)
	nh := len(heads)
	all := make([]int, len(exs))
	for i := range all {
		all[i] = i
	}
	var w []float64
	done := make(chan struct{})
	go func() { // the final fit, beside the folds'
		defer close(done)
		fitSlots <- struct{}{}
		defer func() { <-fitSlots }()
		w = fit(exs, all, nh)
	}()
	oof, _ := outOfFold(exs, nh)
	<-done
	q, bias, scale := quantise(w, nh)
	var report strings.Builder
	fmt.Fprintf(&report, "%d messages from %d files; %d-fold cross-validation by batch, out-of-fold figures:\n", len(set), len(files), trainFolds)
	for h, spec := range heads {
		hd := Head{Name: spec.name, Raise: spec.raise, Bias: bias[h], Scale: scale[h]}
		hd.chooseThreshold(exs, oof, h, spec)
		m.Heads = append(m.Heads, hd)
		fmt.Fprintf(&report, "  %s -> %s: %s\n", spec.name, spec.raise, hd.Note)
		if hd.ThresholdDE != nil {
			fmt.Fprintf(&report, "  %s -> %s: %s\n", spec.name, spec.raise, hd.NoteDE)
		}
		if hd.ThresholdUrgent != nil {
			fmt.Fprintf(&report, "  %s -> %s: %s\n", spec.name, spec.raise, hd.NoteUrgent)
		}
	}
	raw := make([]byte, len(q))
	for i, x := range q {
		raw[i] = byte(x)
	}
	m.Weights = sha256hex(raw)
	m.Classes = classesDigest()
	m.w = q
	return m, report.String(), nil
}

// batchOf is the batch a training file belongs to: "fitted18" for
// fitted18_en.tsv and fitted18_de.tsv, else the file's name without its
// language ("train_risk", "crisis").
func batchOf(file string) string {
	base := strings.TrimSuffix(file, ".tsv")
	if i := strings.LastIndex(base, "_"); i > 0 {
		base = base[:i]
	}
	return base
}

// examples turns labelled messages into training examples. file[i] is the
// training file of set[i]; with trainFoldByText false, every message
// of a batch (see batchOf) is in the same fold (leave-batch-out), which asks how the model
// does on a batch written after it by another author in another style.
func examples(set []Labelled, file []string) []example {
	exs := make([]example, len(set))
	var more []example
	for i, s := range set {
		exs[i].de = strings.HasSuffix(file[i], "_de.tsv")
		exs[i].label = s.Label
		a := analyse(s.Text)
		var f []uint32
		features(&a, func(b uint32) { f = append(f, b) })
		exs[i].a, exs[i].f = a, f
		exs[i].short = len(a.toks) < minWords
		exs[i].src = i
		if trainOrdinaryWeight != 1 && strings.HasPrefix(file[i], "train_ordinary") && s.Label == None {
			exs[i].negWeight = trainOrdinaryWeight
		}
		for h, spec := range heads {
			exs[i].y[h] = spec.positive(s.Label)
		}
		// The fold depends on the batch's name (or the text) alone, so
		// adding a file moves no other message between folds.
		if trainFoldByText {
			exs[i].fold = int(fnvString(fnvOffset, s.Text) % trainFolds)
		} else {
			exs[i].fold = int(fnvString(fnvOffset, batchOf(file[i])) % trainFolds)
		}
		if trainNegSentences && s.Label == None && len(a.toks) > 0 && a.toks[0].sent != a.toks[len(a.toks)-1].sent {
			start := 0
			for j := 1; j <= len(a.toks); j++ {
				if j < len(a.toks) && a.toks[j].sent == a.toks[start].sent {
					continue
				}
				if j-start >= minWords {
					sub := analysed{toks: a.toks[start:j], sentQ: []bool{a.sentQ[a.toks[start].sent]}}
					var sf []uint32
					features(&sub, func(b uint32) { sf = append(sf, b) })
					more = append(more, example{f: sf, fold: exs[i].fold, src: i, extra: true, de: exs[i].de})
				}
				start = j
			}
		}
	}
	return append(exs, more...)
}

// chooseThreshold sets the head's threshold (and ThresholdDE for a head
// chosen per locale) on the out-of-fold scores of head h.
func (hd *Head) chooseThreshold(exs []example, oof [][maxHeads]int32, h int, spec headSpec) {
	if spec.urgentFPR > 0 {
		var pos, neg []int32
		urgent := func(l string) bool { return urgentKinds[Kind(l)] }
		for i := range exs {
			switch {
			case exs[i].short || exs[i].extra:
			case exs[i].y[h]:
				pos = append(pos, oof[i][h])
			case urgent(exs[i].label):
				neg = append(neg, oof[i][h])
			}
		}
		t, _ := threshold(pos, neg, headSpec{minPrecision: 0, maxFPR: spec.urgentFPR})
		tp, fp := countAtLeast(pos, t), countAtLeast(neg, t)
		hd.ThresholdUrgent = &t
		hd.NoteUrgent = fmt.Sprintf("threshold %d on the acute symptoms path: reached by %.1f%% (%d/%d) of the messages labelled acute symptoms and %.1f%% (%d/%d) of the crisis messages, out of fold; chosen as the lowest reached by at most %.1f%% of the acute ones",
			t, 100*ratio(fp, len(neg)), fp, len(neg), 100*ratio(tp, len(pos)), tp, len(pos), 100*spec.urgentFPR)
	}
	if spec.clearedMargin > 0 {
		mg := spec.clearedMargin
		hd.ClearedMargin = &mg
	}
	if spec.germanOwn && spec.minPrecisionDE > 0 {
		pos, neg := headScores(exs, oof, h, nil)
		hd.Threshold, hd.Note = threshold(pos, neg, spec)
		de := true
		pos, neg = headScores(exs, oof, h, &de)
		spec.minPrecision, spec.maxFPR = spec.minPrecisionDE, spec.maxFPRDE
		t, note := threshold(pos, neg, spec)
		hd.ThresholdDE, hd.NoteDE = &t, "German messages: "+note
		return
	}
	if !spec.perLocale {
		pos, neg := headScores(exs, oof, h, nil)
		hd.Threshold, hd.Note = threshold(pos, neg, spec)
		return
	}
	en, de := false, true
	pos, neg := headScores(exs, oof, h, &en)
	hd.Threshold, hd.Note = threshold(pos, neg, spec)
	hd.Note = "English messages: " + hd.Note
	pos, neg = headScores(exs, oof, h, &de)
	if spec.minPrecisionDE > 0 {
		spec.minPrecision, spec.maxFPR = spec.minPrecisionDE, spec.maxFPRDE
	}
	t, note := threshold(pos, neg, spec)
	hd.ThresholdDE, hd.NoteDE = &t, "German messages: "+note
}

// headScores splits the out-of-fold scores of head h into those of the
// examples it should raise (pos) and the others (neg), leaving out short
// messages and the extra examples that are trained on but not measured;
// with de set, only those of German (*de true) or other (false) files.
func headScores(exs []example, oof [][maxHeads]int32, h int, de *bool) (pos, neg []int32) {
	for i := range exs {
		if exs[i].short || exs[i].extra || de != nil && exs[i].de != *de {
			continue
		}
		if exs[i].y[h] {
			pos = append(pos, oof[i][h])
		} else {
			neg = append(neg, oof[i][h])
		}
	}
	return pos, neg
}

// outOfFold returns every example's scores by the model trained on the
// other folds, and those models (without thresholds).
func outOfFold(exs []example, nh int) ([][maxHeads]int32, []*Model) {
	oof := make([][maxHeads]int32, len(exs))
	models := make([]*Model, trainFolds)
	var wg sync.WaitGroup
	for fold := 0; fold < trainFolds; fold++ {
		wg.Add(1)
		go func() { // each fold writes only its own messages' scores
			defer wg.Done()
			fitSlots <- struct{}{}
			defer func() { <-fitSlots }()
			var idx []int
			for i := range exs {
				if exs[i].fold != fold {
					idx = append(idx, i)
				}
			}
			q, bias, scale := quantise(fit(exs, idx, nh), nh)
			m := &Model{MinWords: minWords, Heads: make([]Head, nh), w: q}
			for h := range m.Heads {
				m.Heads[h] = Head{Name: heads[h].name, Raise: heads[h].raise, Bias: bias[h], Scale: scale[h]}
			}
			models[fold] = m
			for i := range exs {
				if exs[i].fold == fold && !exs[i].extra {
					oof[i] = m.scores(&exs[i].a) // as at run time
				}
			}
		}()
	}
	wg.Wait()
	return oof, models
}

// fitSlots bounds the fits that run at once (each holds about 25 MB):
// the folds and the final fit are independent, so on a machine with several
// cores they run side by side, with the same results as one after another.
var fitSlots = make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))

// fit trains every head on the examples idx by AdaGrad over the logistic
// loss with an L2 penalty, in a fixed pseudo-random order per epoch. The
// weights are bucket-major: w[bucket*nh+head]; the last nh entries past the
// buckets are the biases.
func fit(exs []example, idx []int, nh int) []float64 {
	n := 1 << ModelBits
	w := make([]float64, (n+1)*nh)
	g2 := make([]float64, (n+1)*nh)
	order := append([]int(nil), idx...)
	rng := uint64(trainSeed)
	var z [maxHeads]float64
	var avg []float64
	navg := 0
	for epoch := 0; epoch < trainEpochs; epoch++ {
		for i := len(order) - 1; i > 0; i-- { // Fisher-Yates with splitmix64
			rng += 0x9e3779b97f4a7c15
			r := rng
			r = (r ^ (r >> 30)) * 0xbf58476d1ce4e5b9
			r = (r ^ (r >> 27)) * 0x94d049bb133111eb
			r ^= r >> 31
			j := int(r % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
		for _, k := range order {
			e := &exs[k]
			for h := 0; h < nh; h++ {
				z[h] = w[n*nh+h]
			}
			for _, f := range e.f {
				row := w[int(f)*nh : int(f)*nh+nh]
				for h := range row {
					z[h] += row[h]
				}
			}
			for h := 0; h < nh; h++ {
				y := 0.0
				if e.y[h] {
					y = 1
				}
				g := sigmoid(z[h]) - y
				if e.y[h] {
					g = float64(g * trainPosWeight[h])
				} else if e.negWeight != 0 && h == riskHead {
					g = float64(g * e.negWeight)
				}
				// Explicit conversions keep the arithmetic the same on every
				// architecture (no fused multiply-add).
				b := n*nh + h
				g2[b] += float64(g * g)
				w[b] -= float64(trainRate[h] * g / math.Sqrt(g2[b]+1e-8))
				for _, f := range e.f {
					i := int(f)*nh + h
					gf := g + float64(trainL2*w[i])
					g2[i] += float64(gf * gf)
					w[i] -= float64(trainRate[h] * gf / math.Sqrt(g2[i]+1e-8))
				}
			}
		}
		if trainAverage && 2*(epoch+1) > trainEpochs {
			if avg == nil {
				avg = make([]float64, len(w))
			}
			for i, x := range w {
				avg[i] += x
			}
			navg++
		}
	}
	if avg != nil {
		for i := range avg {
			avg[i] /= float64(navg)
		}
		return avg
	}
	return w
}

// sigmoid is 1/(1+e^-z), computed with + - * / alone (see exp), so that
// training gives the same weights on every machine: math.Exp's assembly on
// amd64 uses fused multiply-adds where the processor has them.
func sigmoid(z float64) float64 {
	switch {
	case z > 40:
		return 1
	case z < -40:
		return 0
	}
	return 1 / (1 + exp(-z))
}

// exp is e^x for |x| <= 40 by range reduction (x = k ln 2 + r) and a
// polynomial in r; explicit conversions keep the compiler from fusing a
// multiply and an add, so the result is the same on every architecture.
func exp(x float64) float64 {
	const ln2 = 0.6931471805599453
	k := math.Round(x / ln2)
	r := x - float64(k*ln2)
	p := 1.0
	for i := 14; i >= 1; i-- {
		p = 1 + float64(r*p)/float64(i)
	}
	return math.Ldexp(p, int(k))
}

// quantise turns float weights into int8 weights and a scale per head; the
// bias is quantised in the same units (int32, it may exceed int8).
func quantise(w []float64, nh int) (q []int8, bias [maxHeads]int32, scale [maxHeads]float64) {
	n := 1 << ModelBits
	for h := 0; h < nh; h++ {
		maxAbs := 0.0
		for b := 0; b < n; b++ {
			maxAbs = math.Max(maxAbs, math.Abs(w[b*nh+h]))
		}
		scale[h] = maxAbs / 127
		if scale[h] == 0 {
			scale[h] = 1
		}
		bias[h] = int32(math.Round(w[n*nh+h] / scale[h]))
	}
	q = make([]int8, n*nh)
	for b := 0; b < n; b++ {
		for h := 0; h < nh; h++ {
			q[b*nh+h] = int8(math.Round(w[b*nh+h] / scale[h]))
		}
	}
	return q, bias, scale
}

// threshold chooses a head's threshold on out-of-fold scores (see
// headSpec) and describes it.
func threshold(pos, neg []int32, spec headSpec) (int32, string) {
	cands := append(append([]int32(nil), pos...), neg...)
	sort.Slice(cands, func(i, j int) bool { return cands[i] < cands[j] })
	off := int32(math.MaxInt32)
	best := off
	for i, c := range cands {
		if i > 0 && cands[i-1] == c {
			continue
		}
		tp, fp := countAtLeast(pos, c), countAtLeast(neg, c)
		if tp == 0 {
			break
		}
		if float64(tp)/float64(tp+fp) >= spec.minPrecision && float64(fp) <= spec.maxFPR*float64(len(neg)) {
			best = c
			break
		}
	}
	if best == off {
		return off, fmt.Sprintf("off: no threshold reaches precision %.0f%% with at most %.1f%% of %d negatives raised", 100*spec.minPrecision, 100*spec.maxFPR, len(neg))
	}
	tp, fp := countAtLeast(pos, best), countAtLeast(neg, best)
	return best, fmt.Sprintf("threshold %d: recall %.1f%% (%d/%d), precision %.1f%%, negatives raised %.2f%% (%d/%d); chosen as the lowest with precision >= %.0f%% and negatives raised <= %.1f%%",
		best, 100*ratio(tp, len(pos)), tp, len(pos), 100*ratio(tp, tp+fp), 100*ratio(fp, len(neg)), fp, len(neg), 100*spec.minPrecision, 100*spec.maxFPR)
}

func countAtLeast(s []int32, t int32) int {
	n := 0
	for _, x := range s {
		if x >= t {
			n++
		}
	}
	return n
}

// Encode returns a model's files as shipped: model.json and
// model_weights.gz.
func (m *Model) Encode() (js, weightsGz []byte, err error) {
	js, err = json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, nil, err
	}
	js = append(js, '\n')
	raw := make([]byte, len(m.w))
	for i, x := range m.w {
		raw[i] = byte(x)
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, nil, err
	}
	if _, err := zw.Write(raw); err != nil {
		return nil, nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, nil, err
	}
	return js, buf.Bytes(), nil
}
