package flows_test

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/kapbot/kapbot/internal/flow"
)

// instrument is what the published scoring rules say about one of the
// PHQ/GAD instruments: its scored items, how many missing ones are prorated,
// its bands (upper bounds, inclusive) and its item-9-style risk item.
type instrument struct {
	id      string
	items   int
	prorate int
	bands   []string
	upper   []int
	risk    string // the item whose answer above 0 (or unknown) is a risk flag; "" for none
	extra   map[string]any
}

var instruments = []instrument{
	{id: "phq9", items: 9, prorate: 2, bands: []string{"minimal", "mild", "moderate", "moderately_severe", "severe"}, upper: []int{4, 9, 14, 19, 27}, risk: "q9", extra: map[string]any{"q10": 0.0}},
	{id: "gad7", items: 7, prorate: 1, bands: []string{"minimal", "mild", "moderate", "severe"}, upper: []int{4, 9, 14, 21}},
	{id: "phq2", items: 2, prorate: 0, bands: []string{"negative", "positive"}, upper: []int{2, 6}},
	{id: "gad2", items: 2, prorate: 0, bands: []string{"negative", "positive"}, upper: []int{2, 6}},
}

// TestScoringExhaustive scores every combination of answers of the PHQ-9,
// GAD-7, PHQ-2 and GAD-2, with every pattern of missing items (each item
// 0, 1, 2, 3 or missing: 5^9 for the PHQ-9), and compares the result with
// the published rules written out independently here: sum of the items;
// with missing items prorated (sum x items / answered, rounded half up) when
// at most the instrument's number are missing, else invalid with no band;
// PHQ-9 item 9 above 0 or unknown is a risk; the 2-item screens are positive
// at 3 or more of a valid total only. The PHQ-9's combinations run in 25
// parallel parts (by the answers to items 8 and 9); under the race detector,
// which adds nothing to a pure function, the PHQ-9 keeps every missing
// pattern but only the answers 0 and 3 on answered items (3^9 combinations).
func TestScoringExhaustive(t *testing.T) {
	b, probs, err := flow.LoadDir(".")
	if err != nil || probs.Err() != nil {
		t.Fatalf("load: %v %v", err, probs.Err())
	}
	for _, in := range instruments {
		q := b.Questionnaires[in.id]
		if q == nil {
			t.Fatalf("no questionnaire %s", in.id)
		}
		if in.items < 9 {
			if got, want := sweep(t, q, in, nil, allValues), pow5(in.items); got != want {
				t.Fatalf("%s: checked %d combinations, want %d", in.id, got, want)
			}
			continue
		}
		values := allValues
		if raceEnabled {
			values = []int{0, 3, missingValue}
		}
		t.Run(in.id, func(t *testing.T) {
			for _, v8 := range values {
				for _, v9 := range values {
					t.Run(fmt.Sprintf("q8=%d,q9=%d", v8, v9), func(t *testing.T) {
						t.Parallel()
						if got, want := sweep(t, q, in, []int{v8, v9}, values), ipow(len(values), in.items-2); got != want {
							t.Fatalf("checked %d combinations, want %d", got, want)
						}
					})
				}
			}
		})
	}
}

// missingValue stands for an item without an answer in a combination.
const missingValue = 4

var allValues = []int{0, 1, 2, 3, missingValue}

func pow5(n int) int { return ipow(5, n) }

func ipow(b, n int) int {
	out := 1
	for range n {
		out *= b
	}
	return out
}

// sweep scores every combination of values on the items before the fixed
// last ones and checks each; it returns how many it checked.
func sweep(t *testing.T, q *flow.Questionnaire, in instrument, fixed []int, values []int) int {
	n := in.items
	free := n - len(fixed)
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("q%d", i+1)
	}
	idx := make([]int, free) // index into values per free item
	vals := make([]int, n)
	copy(vals[free:], fixed)
	answers := make(map[string]any, n+1)
	checked := 0
	for {
		for i := range free {
			vals[i] = values[idx[i]]
		}
		clear(answers)
		for k, v := range in.extra {
			answers[k] = v
		}
		sum, missing := 0, 0
		var missingIDs []string
		for i, v := range vals {
			if v == missingValue {
				missing++
				missingIDs = append(missingIDs, ids[i])
				continue
			}
			answers[ids[i]] = float64(v)
			sum += v
		}
		wantValid, wantTotal := true, float64(sum)
		switch {
		case missing == 0:
		case missing <= in.prorate:
			wantTotal = math.Floor(float64(sum)*float64(n)/float64(n-missing) + 0.5)
		default:
			wantValid, wantTotal = false, 0
		}
		wantBand := ""
		if wantValid {
			for k, up := range in.upper {
				if int(wantTotal) <= up {
					wantBand = in.bands[k]
					break
				}
			}
		}
		wantFlags := []string{}
		var wantUnknown []string
		if in.risk != "" {
			switch v := vals[slices.Index(ids, in.risk)]; {
			case v == missingValue:
				wantFlags = append(wantFlags, "item9_unknown")
				wantUnknown = []string{in.risk}
			case v > 0:
				wantFlags = append(wantFlags, "item9")
			}
		}
		res, err := q.Score(answers)
		if err != nil {
			t.Fatalf("%s %v: %v", in.id, vals, err)
		}
		ok := res.Valid() == wantValid && res.Total == wantTotal && res.Band == wantBand &&
			slices.Equal(res.Flags, wantFlags) && res.Risk == (len(wantFlags) > 0) &&
			slices.Equal(res.Missing, missingIDs) && slices.Equal(res.Unknown, wantUnknown) &&
			res.Prorated == (wantValid && missing > 0)
		if pos, has := res.Values["positive"]; has && pos != (wantValid && wantTotal >= 3) {
			ok = false
		}
		if !ok {
			t.Fatalf("%s answers %v (%d = missing): got total %v valid %v band %q flags %v risk %v missing %v unknown %v values %v; want total %v valid %v band %q flags %v unknown %v",
				in.id, vals, missingValue, res.Total, res.Valid(), res.Band, res.Flags, res.Risk, res.Missing, res.Unknown, res.Values, wantTotal, wantValid, wantBand, wantFlags, wantUnknown)
		}
		checked++
		i := 0
		for ; i < free; i++ {
			idx[i]++
			if idx[i] < len(values) {
				break
			}
			idx[i] = 0
		}
		if i == free {
			return checked
		}
	}
}
