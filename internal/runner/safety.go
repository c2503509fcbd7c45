package runner

import (
	"slices"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/safety"
)

// SafetyScreener builds the screener of a bundle: the safety detector with
// the clinic's own crisis phrases.
func SafetyScreener(b *flow.Bundle) (engine.Screener, error) {
	var extra map[string][]string
	if b.Clinic != nil {
		extra = b.Clinic.CrisisPhrases
	}
	d, err := safety.New(extra)
	if err != nil {
		return nil, err
	}
	return detectorScreener{d}, nil
}

type detectorScreener struct{ d *safety.Detector }

// Screen maps the detector's matches to engine alerts: the kinds share their
// names (crisis, acute_medical, harm_to_others, abuse, possible, medical);
// a kind the engine does not know is left out.
func (s detectorScreener) Screen(text, locale string) []engine.Alert {
	return alerts(s.d.CheckAll(text, locale))
}

func alerts(ms []safety.Match) []engine.Alert {
	var out []engine.Alert
	for _, m := range ms {
		k := engine.AlertKind(m.Kind)
		if slices.Contains(engine.AlertKinds, k) {
			out = append(out, engine.Alert{Kind: k, Rule: m.Rule})
		}
	}
	return out
}
