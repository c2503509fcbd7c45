package runner

import (
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/safety"
)

// SafetyScreener builds the screener of a bundle: the crisis and medical
// question detectors with the clinic's own crisis phrases.
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

func (s detectorScreener) Screen(text, locale string) (engine.Alert, bool) {
	m, ok := s.d.Check(text, locale)
	if !ok {
		return engine.Alert{}, false
	}
	kind := engine.AlertMedical
	if m.Kind == safety.KindCrisis {
		kind = engine.AlertCrisis
	}
	return engine.Alert{Kind: kind, Rule: m.Rule}, true
}
