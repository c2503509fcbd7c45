package safety

import "testing"

// TestRulesOD11 checks round 11's rules at the border of an overdose or an
// emergency and a medical question (rules_od11.go): hard positives and hard
// negatives of the same shapes, with the rules alone.
func TestRulesOD11(t *testing.T) {
	d := newDetector(t, nil).WithoutModel()
	cases := []struct {
		locale, text string
		want         Kind // "" for nothing
	}{
		// The patient's own intake, with a count or "all my remaining",
		// alcohol, a time or an effect: crisis.
		{"en", "took like 6 of my xanax and half a bottle of vodka an hour ago, feel really out of it", KindCrisis},
		{"en", "so the session was fine, parking was a nightmare as usual, and tbh i took all my remaining seroquel last night and i still feel weird, anyway can i rebook", KindCrisis},
		{"en", "i took 8 of my seroquel, feel so spaced out", KindCrisis},
		{"en", "was gonna ask about parking but also ive taken 15 of my mirtazapine just now, im not really sure why i'm telling you", KindCrisis},
		{"en", "took 12 of my vitamin d drops this morning, is that a lot", KindMedical},
		{"de", "die ketaminlösung hab ich vorhin komplett auf einmal gesprüht, die ganze flasche, bin total weg", KindCrisis},
		{"de", "hab 8 von meinen tavor und ne halbe flasche wodka genommen, bin total benebelt", KindCrisis},
		// An overdose stays one when asked about.
		{"de", "bin ich überdosiert? hab 30 tabletten genommen", KindCrisis},
		{"en", "i overdosed on my seroquel last night", KindCrisis},
		// Usual intakes and questions: no crisis.
		{"en", "took 6 of my pills this morning as prescribed", ""},
		{"en", "took 2 of my xanax and a glass of wine last night, is that ok?", KindMedical},
		{"en", "took 3 of my vitamins this morning, feel great", ""},
		// A dose or a lab value asked about: medical, not crisis.
		{"de", "meine schilddrüsenwerte: fT4 22, TSH 0,05. bin ich überdosiert mit dem euthyrox?", KindMedical},
		// The season after a medicine is no jump; a time of leaving is.
		{"en", "medication: adderall xr 20, birth control (yaz), zyrtec in spring", ""},
		{"en", "not sure i'll still be here by spring", KindPossible},
		{"de", "ich spring heute", KindCrisis},
		// A vital sign asked about or felt fine, with no symptom: medical.
		{"en", "was at the gym this morning and heart was 180 on the watch, is that too high for someone starting ketamine next week", KindMedical},
		{"en", "after the last one my bp was 180 systolic for like an hour, is that normal for ketamine", KindMedical},
		{"de", "ich hab nach der infusion immer hohen blutdruck, 180 oder so, sollte ich vorher was einnehmen", KindMedical},
		// A vital sign with a symptom now stays acute.
		{"en", "bp 190/120 and a pounding headache, blurry vision, can i still come", KindAcuteMedical},
		{"en", "my bp is 185/115 right now and i have chest pain", KindAcuteMedical},
		{"en", "heart racing 190 and not slowing down, dizzy, sitting on the floor", KindAcuteMedical},
		{"en", "heart rate was 160 on my run yesterday, is that too high before a session", KindMedical},
		{"de", "seit heut früh blutdruck 210 zu 120 und so ein stechender kopfschmerz wie noch nie im leben", KindAcuteMedical},
	}
	for _, c := range cases {
		m, ok := d.Check(c.text, c.locale)
		got := Kind("")
		if ok {
			got = m.Kind
		}
		if got != c.want {
			t.Errorf("%q: got %q (%s), want %q", c.text, got, m.Rule, c.want)
		}
	}
}
