package safety

import (
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"sort"
)

// The risk model is a logistic regression over hashed word and character
// n-grams of the normalised message, trained on the fitted sets in testdata
// (never on the held-out sets) and shipped as data in model.json. It sits
// beside the rules and can only raise a tier: a message no rule puts in
// crisis or possible, whose score reaches the model's threshold, is reported
// as possible (rule "<locale>/possible/model"), so the bot asks. It never
// removes or lowers a match. Nothing is downloaded.
//
// Retrain after changing a fitted set (TestModelUpToDate fails until then):
//
//	go generate ./internal/safety
//
//go:generate go run ./cmd/trainmodel -testdata testdata -out model.json

//go:embed model.json
var modelJSON []byte

// modelBits is log2 of the number of hashed features.
const modelBits = 16

// Model is a trained risk model.
type Model struct {
	Bias      float64 `json:"bias"`
	Scale     float64 `json:"scale"`     // a weight is its int8 times Scale
	Threshold float64 `json:"threshold"` // a score at or above it raises to possible
	Weights   string  `json:"weights"`   // base64 of 1<<modelBits int8 weights
	Note      string  `json:"note"`      // how it was trained and its cross-validated figures

	w []float64
}

// loadModel decodes the shipped model; a broken file is a build defect
// caught by the package's tests.
func loadModel(b []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("safety: model.json: %w", err)
	}
	raw, err := base64.StdEncoding.DecodeString(m.Weights)
	if err != nil || len(raw) != 1<<modelBits {
		return nil, fmt.Errorf("safety: model.json: want %d base64 weights (%v)", 1<<modelBits, err)
	}
	m.w = make([]float64, len(raw))
	for i, q := range raw {
		m.w[i] = float64(int8(q)) * m.Scale
	}
	return &m, nil
}

// features returns the hashed features of a message's tokens: words, word
// pairs, and character 3- to 5-grams of each word with its boundaries.
func features(toks []token, out []uint32) []uint32 {
	const offset, prime = 2166136261, 16777619 // FNV-1a
	hash := func(tag byte, parts ...string) uint32 {
		h := uint32(offset)
		h = (h ^ uint32(tag)) * prime
		for _, p := range parts {
			for i := 0; i < len(p); i++ {
				h = (h ^ uint32(p[i])) * prime
			}
			h = (h ^ 0) * prime
		}
		return h & (1<<modelBits - 1)
	}
	var buf [64]byte
	prev := "^"
	for i, t := range toks {
		if i > 0 && toks[i-1].sent != t.sent {
			prev = "^"
		}
		out = append(out, hash('w', t.key), hash('b', prev, t.key))
		prev = t.key
		if len(t.key)+2 > len(buf) {
			continue
		}
		w := buf[:0]
		w = append(w, '<')
		w = append(w, t.key...)
		w = append(w, '>')
		for n := 3; n <= 5; n++ {
			for j := 0; j+n <= len(w); j++ {
				h := uint32(offset)
				h = (h ^ 'c') * prime
				for _, c := range w[j : j+n] {
					h = (h ^ uint32(c)) * prime
				}
				h = (h ^ 0) * prime
				out = append(out, h&(1<<modelBits-1))
			}
		}
	}
	return out
}

// score is the model's probability that a message states a risk.
func (m *Model) score(feats []uint32) float64 {
	z := m.Bias
	for _, f := range feats {
		z += m.w[f]
	}
	return 1 / (1 + math.Exp(-z))
}

// Score returns the model's risk score of a message, between 0 and 1, and
// whether it reaches the threshold.
func (m *Model) Score(text string) (float64, bool) {
	a := analyse(text)
	s := m.score(features(a.toks, nil))
	return s, s >= m.Threshold
}

// TrainModel fits a model to labelled messages: crisis and possible are the
// risk class, every other label is not. It is deterministic. The threshold
// is the lowest score at which, in a five-fold cross-validation, at most
// maxFP of the other messages would be raised; the returned note gives the
// cross-validated recall of the risk class at that threshold.
func TrainModel(set []Labelled, maxFP float64) (*Model, error) {
	if len(set) < 50 {
		return nil, fmt.Errorf("safety: train: %d messages is too few", len(set))
	}
	type ex struct {
		f []uint32
		y float64
	}
	exs := make([]ex, len(set))
	for i, s := range set {
		y := 0.0
		if s.Label == string(KindCrisis) || s.Label == string(KindPossible) {
			y = 1
		}
		exs[i] = ex{features(analyse(s.Text).toks, nil), y}
	}
	fit := func(idx []int) ([]float64, float64) {
		w := make([]float64, 1<<modelBits)
		g2 := make([]float64, 1<<modelBits)
		var b, gb float64
		const rate, l2 = 0.05, 1e-4
		for epoch := 0; epoch < 10; epoch++ {
			for k := range idx {
				// A fixed shuffle: the same order for the same data.
				e := exs[idx[(k*7919+epoch*104729)%len(idx)]]
				z := b
				for _, f := range e.f {
					z += w[f]
				}
				g := 1/(1+math.Exp(-z)) - e.y
				gb += g * g
				b -= rate * g / math.Sqrt(gb+1e-8)
				for _, f := range e.f {
					gf := g + l2*w[f]
					g2[f] += gf * gf
					w[f] -= rate * gf / math.Sqrt(g2[f]+1e-8)
				}
			}
		}
		return w, b
	}
	// Cross-validate to choose the threshold.
	var negScores, posScores []float64
	for fold := 0; fold < 5; fold++ {
		var train, test []int
		for i := range exs {
			if i%5 == fold {
				test = append(test, i)
			} else {
				train = append(train, i)
			}
		}
		w, b := fit(train)
		for _, i := range test {
			z := b
			for _, f := range exs[i].f {
				z += w[f]
			}
			s := 1 / (1 + math.Exp(-z))
			if exs[i].y == 1 {
				posScores = append(posScores, s)
			} else {
				negScores = append(negScores, s)
			}
		}
	}
	sort.Float64s(negScores)
	k := int(math.Floor(float64(len(negScores)) * (1 - maxFP)))
	if k >= len(negScores) {
		k = len(negScores) - 1
	}
	threshold := math.Max(negScores[k]+1e-9, 0.5)
	hit := 0
	for _, s := range posScores {
		if s >= threshold {
			hit++
		}
	}
	all := make([]int, len(exs))
	for i := range all {
		all[i] = i
	}
	w, b := fit(all)
	maxAbs := 0.0
	for _, x := range w {
		maxAbs = math.Max(maxAbs, math.Abs(x))
	}
	scale := maxAbs / 127
	if scale == 0 {
		scale = 1
	}
	raw := make([]byte, len(w))
	for i, x := range w {
		raw[i] = byte(int8(math.Round(x / scale)))
	}
	m := &Model{
		Bias: b, Scale: scale, Threshold: threshold,
		Weights: base64.StdEncoding.EncodeToString(raw),
		Note: fmt.Sprintf("%d messages (%d risk); five-fold cross-validation at threshold %.3f: risk recall %.1f%%, others raised %.1f%% (at most %.1f%%)",
			len(exs), len(posScores), threshold, 100*float64(hit)/float64(len(posScores)), 100*float64(len(negScores)-k)/float64(len(negScores)), 100*maxFP),
	}
	m.w = make([]float64, len(raw))
	for i, q := range raw {
		m.w[i] = float64(int8(q)) * scale
	}
	return m, nil
}

// MarshalModel encodes a model as shipped in model.json.
func MarshalModel(m *Model) ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	return append(b, '\n'), err
}
