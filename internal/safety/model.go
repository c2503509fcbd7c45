package safety

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
)

// The model is a small statistical classifier beside the rules: a linear
// model (one logistic regression per head, one-vs-rest) over hashed features
// of the normalised message (words, word pairs, pairs one word apart, character 3- to 5-grams of
// each word, its length in words, whether it asks). It is trained on this
// package's labelled sets (never on the held-out or blind sets) by
//
//	go run ./internal/safety/train
//
// and shipped as data: model.json (heads, thresholds, the training files and
// their hashes, cross-validated figures) and model_weights.gz (int8
// weights). Nothing is downloaded. TestModelUpToDate fails when the shipped
// model is not what a fresh training run on the listed files gives.
//
// The model can only raise a message's tier, never lower one: its verdict
// counts only when it is more urgent than every rule's match (see
// Detector.Check), the crisis head's verdict wins over the other heads' (and
// takes a message on the acute symptoms path to crisis at a lower
// threshold, Head.ThresholdUrgent), a head does not raise a kind whose rule matched the text
// and was cleared by its context (a negation, a joke, an accident, the
// distant past; except the medical head, well above its threshold:
// Head.ClearedMargin), and it never looks at messages shorter than MinWords words
// (the ordinary answers of a flow: "3", "yes", "not at all").

//go:embed model.json
var modelJSON []byte

//go:embed model_weights.gz
var modelWeights []byte

// ModelBits is log2 of the number of hashed feature buckets.
const ModelBits = 19

const modelMask = 1<<ModelBits - 1

// Head is one binary classifier of the model: a message whose score reaches
// Threshold is raised to Raise.
type Head struct {
	Name  string `json:"name"`  // what it finds: "risk" (crisis or possible), or a kind
	Raise Kind   `json:"raise"` // the kind it raises a message to
	// Bias is the quantised bias, in units of Scale; a message's score is
	// Bias plus the sum of its features' int8 weights.
	Bias  int32   `json:"bias"`
	Scale float64 `json:"scale"` // log-odds per unit of score
	// Threshold is the lowest score that raises; above every possible score
	// when the head is off.
	Threshold int32  `json:"threshold"`
	Note      string `json:"note"` // how the threshold was chosen, and its cross-validated figures
	// ThresholdDE, when set, is the threshold for German messages, chosen
	// on the German messages' out-of-fold scores alone (Threshold and Note
	// are then the English ones); NoteDE says how.
	ThresholdDE *int32 `json:"threshold_de,omitempty"`
	NoteDE      string `json:"note_de,omitempty"`
	// ThresholdUrgent, for the crisis head, is its threshold for a message
	// already on another urgent path (acute symptoms, by a rule or another
	// head: see urgentKinds), where a crisis sent to that path instead is a
	// miss and a false crisis alarm costs little; NoteUrgent says how it was
	// chosen.
	ThresholdUrgent *int32 `json:"threshold_urgent,omitempty"`
	NoteUrgent      string `json:"note_urgent,omitempty"`
	// ClearedMargin, when set, lets the head raise a message whose rule of
	// the head's own kind matched and was cleared by its context, when its
	// score reaches its threshold plus this margin (round 9, the medical
	// head: a question a medical rule read as a routine or a statement,
	// "i take lisinopril every morning, do i take it as normal on infusion
	// day"). A rule of another kind cleared still stops it.
	ClearedMargin *int32 `json:"cleared_margin,omitempty"`
}

// urgentKinds are the urgent paths on which the crisis head's
// ThresholdUrgent applies: acute symptoms (an overdose with symptoms the
// rules send there; the issue lets acute symptoms take the crisis path).
// Over harm to others and abuse it was tried and not kept: leave-batch-out
// it took 3 to 9 points of harm recall for 0.2 to 0.5 of crisis reach.
var urgentKinds = map[Kind]bool{KindAcuteMedical: true}

// urgentPath reports whether the kind at index u of Kinds is an urgent path
// other than crisis (see Head.ThresholdUrgent).
func urgentPath(u int) bool {
	return urgentKinds[Kinds[u]]
}

// threshold is the head's threshold for a message in German (de) or not.
func (h *Head) threshold(de bool) int32 {
	if de && h.ThresholdDE != nil {
		return *h.ThresholdDE
	}
	return h.Threshold
}

// overCleared reports whether the head may raise over the rules cleared
// (cleared&mask, mask the head's kinds): only over its own kind's, with a
// score of at least its threshold thr plus ClearedMargin.
func (h *Head) overCleared(score, thr int32, cleared, mask uint32) bool {
	own := uint32(1) << urgency(h.Raise)
	return h.ClearedMargin != nil && cleared&mask == own && score >= thr+*h.ClearedMargin
}

// DataFile is one training file and the SHA-256 of its content.
type DataFile struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
}

// Model is a trained model. It is immutable once loaded.
type Model struct {
	Version  int        `json:"version"`
	Bits     int        `json:"bits"`
	MinWords int        `json:"min_words"` // shorter messages are never raised
	Heads    []Head     `json:"heads"`
	Data     []DataFile `json:"data"`     // the training files, in testdata
	Messages int        `json:"messages"` // training messages
	Weights  string     `json:"weights"`  // SHA-256 of the int8 weights, bucket-major ([bucket][head])
	// Classes is the SHA-256 of the word classes the features read (see
	// classesDigest): the frozen copies in model_classes.go and the
	// medicine snapshot. TestModelData fails when they changed since the
	// model was trained.
	Classes string `json:"classes,omitempty"`

	w []int8 // [bucket*len(Heads)+head]
}

// modelVersion changes when the features or the file format change.
const modelVersion = 6

// LoadModel decodes a model from its JSON and its gzipped weights. It
// returns an error when they do not fit together.
func LoadModel(js, weightsGz []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(js, &m); err != nil {
		return nil, fmt.Errorf("safety: model.json: %w", err)
	}
	if m.Version != modelVersion || m.Bits != ModelBits || len(m.Heads) == 0 {
		return nil, fmt.Errorf("safety: model.json: version %d with %d bits and %d heads; want version %d, %d bits (retrain: go run ./internal/safety/train)", m.Version, m.Bits, len(m.Heads), modelVersion, ModelBits)
	}
	for _, h := range m.Heads {
		if urgency(h.Raise) >= len(Kinds) {
			return nil, fmt.Errorf("safety: model.json: head %s raises to unknown kind %q", h.Name, h.Raise)
		}
	}
	zr, err := gzip.NewReader(bytes.NewReader(weightsGz))
	if err != nil {
		return nil, fmt.Errorf("safety: model weights: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("safety: model weights: %w", err)
	}
	if want := (1 << ModelBits) * len(m.Heads); len(raw) != want {
		return nil, fmt.Errorf("safety: model weights: %d bytes, want %d", len(raw), want)
	}
	if got := sha256hex(raw); got != m.Weights {
		return nil, fmt.Errorf("safety: model weights: sha256 %s, model.json says %s", got, m.Weights)
	}
	m.w = make([]int8, len(raw))
	for i, b := range raw {
		m.w[i] = int8(b)
	}
	return &m, nil
}

// shipped returns the model shipped in the package.
func shipped() (*Model, error) { return LoadModel(modelJSON, modelWeights) }

// maxHeads bounds the heads of a model, for fixed-size sums.
const maxHeads = 8

// fnv32 is FNV-1a, 32 bits.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func fnvByte(h uint32, c byte) uint32 { return (h ^ uint32(c)) * fnvPrime }

func fnvString(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

// featureKey is the form of a token the model sees: its collapsed key, or
// "#" for a number written in digits.
func featureKey(t *token) string {
	if t.num >= 0 && t.key != "" && isDigit(rune(t.key[0])) {
		return "#"
	}
	return t.key
}

// features calls emit with the bucket of every feature of a message: each
// word, each pair of neighbouring words in a sentence (with a sentence
// start), each pair of words one apart in a sentence, the character 3-, 4-
// and 5-grams of each word with its boundaries (see tokenFeatures), the
// message's length in words (bucketed) and whether it asks a question. A
// feature may repeat; each occurrence counts.
func features(a *analysed, emit func(uint32)) {
	tokenFeatures(a, func(_ int, b uint32) { emit(b) })
	emit(lengthFeature(len(a.toks)))
	for _, q := range a.sentQ {
		if q {
			emit(questionFeature)
			break
		}
	}
}

// tokenFeatures calls emit with each token's features, token by token, in
// order; a token's features look only at its own sentence.
func tokenFeatures(a *analysed, emit func(tok int, b uint32)) {
	prev := "^"
	neg := false
	for i := range a.toks {
		t := &a.toks[i]
		if i > 0 && a.toks[i-1].sent != t.sent {
			prev = "^"
		}
		k := featureKey(t)
		if featureKinds != 0 {
			if i > 0 && a.toks[i-1].clause != t.clause {
				neg = false
			}
			extraFeatures(a, i, neg, emit)
			if negWords[k] {
				neg = true
			}
		}
		emit(i, fnvString(fnvByte(fnvOffset, 'w'), k)&modelMask)
		emit(i, fnvString(fnvByte(fnvString(fnvByte(fnvOffset, 'b'), prev), 0), k)&modelMask)
		if i > 1 && a.toks[i-2].sent == t.sent { // a pair with one word between
			emit(i, fnvString(fnvByte(fnvString(fnvByte(fnvOffset, 's'), featureKey(&a.toks[i-2])), 0), k)&modelMask)
		}
		prev = k
		if k == "#" {
			continue
		}
		// Character n-grams of "<key>", the first 32 bytes of a long word.
		n := len(k) + 2
		if n > 32 {
			n = 32
		}
		for j := 0; j+3 <= n; j++ {
			h := fnvByte(fnvOffset, 'c')
			for m := 0; m < 5 && j+m < n; m++ {
				c := byte('<')
				switch p := j + m; {
				case p == len(k)+1:
					c = '>'
				case p > 0:
					c = k[p-1]
				}
				h = fnvByte(h, c)
				if m >= 2 {
					emit(i, h&modelMask)
				}
			}
		}
	}
}

// lengthFeature is the feature of a length in words.
func lengthFeature(n int) uint32 {
	if featureKinds&fkNoLen != 0 {
		n = 0
	} else if featureKinds&fkLenCap != 0 && n > 20 {
		n = 20
	}
	return fnvByte(fnvByte(fnvOffset, 'l'), lengthBucket(n)) & modelMask
}

// questionFeature is the feature of a message or sentence that asks.
var questionFeature = fnvByte(fnvOffset, 'q') & modelMask

// lengthBucket groups a message's length in words.
func lengthBucket(n int) byte {
	switch {
	case n <= 4:
		return byte(n)
	case n <= 6:
		return 5
	case n <= 10:
		return 6
	case n <= 20:
		return 7
	case n <= 40:
		return 8
	}
	return 9
}

// scores returns each head's score of a message (see Head.Bias): the
// higher of the whole message's score and, in a message of several
// sentences, the score of each sentence of at least MinWords words read
// alone, so that a risk in the middle of a long message is not drowned by
// the rest.
func (m *Model) scores(a *analysed) [maxHeads]int32 {
	nh := len(m.Heads)
	w := m.w
	var whole, cur, best [maxHeads]int32
	multi := len(a.toks) > 0 && a.toks[0].sent != a.toks[len(a.toks)-1].sent
	found := false
	sent, start := int32(-1), 0
	flush := func(end int) {
		if multi && end-start >= m.MinWords {
			add := func(b uint32) {
				for h, x := range w[int(b)*nh : int(b)*nh+nh] {
					cur[h] += int32(x)
				}
			}
			add(lengthFeature(end - start))
			if a.sentQ[sent] {
				add(questionFeature)
			}
			for h := 0; h < nh; h++ {
				if v := m.Heads[h].Bias + cur[h]; !found || v > best[h] {
					best[h] = v
				}
			}
			found = true
		}
		cur = [maxHeads]int32{}
	}
	tokenFeatures(a, func(i int, b uint32) {
		if t := a.toks[i].sent; t != sent {
			if sent >= 0 {
				flush(i)
			}
			sent, start = t, i
		}
		for h, x := range w[int(b)*nh : int(b)*nh+nh] {
			whole[h] += int32(x)
			cur[h] += int32(x)
		}
	})
	if sent >= 0 {
		flush(len(a.toks))
	}
	add := func(b uint32) {
		for h, x := range w[int(b)*nh : int(b)*nh+nh] {
			whole[h] += int32(x)
		}
	}
	add(lengthFeature(len(a.toks)))
	for _, q := range a.sentQ {
		if q {
			add(questionFeature)
			break
		}
	}
	var s [maxHeads]int32
	for h := 0; h < nh; h++ {
		s[h] = m.Heads[h].Bias + whole[h]
		if found && best[h] > s[h] {
			s[h] = best[h]
		}
	}
	return s
}

// Probability returns a head's score as a probability, for reports.
func (h Head) Probability(score int32) float64 {
	return 1 / (1 + math.Exp(-h.Scale*float64(score)))
}

// raise returns the kind the model raises a message to, if it is more
// urgent than top (an index in Kinds; len(Kinds) when no rule
// matched) and not cleared (a bit per index in Kinds: a rule of that kind
// matched and its context cleared it). de says the message is read as
// German (see Head.ThresholdDE).
func (m *Model) raise(a *analysed, top int, cleared uint32, de bool) (Kind, bool) {
	k, _, ok := m.raiseAlso(a, top, cleared, de)
	return k, ok
}

// raiseAlso is raise, and also the kind of an urgent path the crisis head
// took to crisis when a head of the model, not a rule, found that path
// (also is "" otherwise): a stomach bleed the acute head found keeps its
// acute resources beside the crisis path's.
func (m *Model) raiseAlso(a *analysed, top int, cleared uint32, de bool) (k, also Kind, ok bool) {
	if top == 0 || len(a.toks) < m.MinWords {
		return "", "", false
	}
	s := m.scores(a)
	best := top
	margin, found := 0.0, false
	crisisUrgent := false // the crisis head reaches its ThresholdUrgent
	medical := -1         // the medical head's urgency when it reaches its threshold
	for h := range m.Heads {
		hd := &m.Heads[h]
		thr := hd.threshold(de)
		u := urgency(hd.Raise)
		mask := uint32(1) << u
		if hd.Raise == KindPossible || hd.Raise == KindCrisis {
			// a crisis or possible rule cleared by its context clears
			// the risk and the crisis heads
			mask |= 1<<urgency(KindCrisis) | 1<<urgency(KindPossible)
		}
		if hd.Raise == KindCrisis && hd.ThresholdUrgent != nil && s[h] >= *hd.ThresholdUrgent && cleared&mask == 0 {
			crisisUrgent = true
		}
		if u > top || s[h] < thr || cleared&mask != 0 && !hd.overCleared(s[h], thr, cleared, mask) {
			continue
		}
		if hd.Raise == KindCrisis {
			return KindCrisis, "", true // set at a high precision: a clear plan, method or act
		}
		if hd.Raise == KindMedical {
			// A medical question never outranks what another head
			// reaches: a risk, harm, abuse or acute symptom named beside
			// a medicine wins, however sure the medical head is.
			medical = u
			continue
		}
		// Of several heads that reach their threshold, the one surest of
		// its verdict (furthest above its threshold, in log-odds) decides,
		// and a head that agrees with the rules' kind takes part: a risk
		// message that an abuse head also reaches, just, is asked about.
		if mg := hd.Scale * float64(s[h]-thr); !found || mg > margin {
			best, margin, found = u, mg, true
		}
	}
	if !found && medical >= 0 {
		best = medical
	}
	if crisisUrgent && best < len(Kinds) && urgentPath(best) {
		if best != top {
			return KindCrisis, Kinds[best], true
		}
		return KindCrisis, "", true
	}
	if best == top {
		return "", "", false
	}
	return Kinds[best], "", true
}

// Scores returns every head's probability for a message, by head name, for
// reports and tests; it never holds the text.
func (m *Model) Scores(text string) map[string]float64 {
	a := analyse(text)
	s := m.scores(&a)
	out := map[string]float64{}
	for h, hd := range m.Heads {
		out[hd.Name] = hd.Probability(s[h])
	}
	return out
}
