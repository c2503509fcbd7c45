package flow

import "testing"

// TestFindDose lists what the dosing patterns must find (with the part they
// report) and what they must leave alone, in English and German.
func TestFindDose(t *testing.T) {
	tests := []struct{ text, want string }{
		// Amounts with a unit.
		{"The usual dose is 25 mg.", "25 mg"},
		{"25mg", "25mg"},
		{"0.5 mg per kg", "0.5 mg"},
		{"2,5 ml", "2,5 ml"},
		{"Drink 5 mL of the solution.", "5 mL"},
		{"100 mcg", "100 mcg"},
		{"50 µg", "50 µg"},
		{"50 μg", "50 μg"},
		{"1 g a day", "1 g"},
		{"10-20 mg", "10-20 mg"},
		{"two milligrams", "two milligrams"},
		{"10 units of insulin", "10 units"},
		{"5 IU", "5 IU"},
		{"20 Milligramm", "20 Milligramm"},
		{"zwei Gramm", "zwei Gramm"},
		// Taking pills.
		{"Take 2 tablets before bed.", "Take 2 tablets"},
		{"take a pill", "take a pill"},
		{"Take a few drops under the tongue.", "Take a few drops"},
		{"take one more capsule", "take one more capsule"},
		{"take half a tablet", "take half a tablet"},
		{"Take two small white pills.", "Take two small white pills"},
		{"3 tablets in the morning", "3 tablets"},
		{"½ tablet", "½ tablet"},
		// German.
		{"Nehmen Sie 2 Tabletten ein.", "Nehmen Sie 2 Tabletten"},
		{"nehmen Sie eine Tablette", "nehmen Sie eine Tablette"},
		{"eine halbe Tablette", "eine halbe Tablette"},
		{"5 Tropfen", "5 Tropfen"},
		{"zwei Kapseln", "zwei Kapseln"},
		{"Nehmen Sie Ihre Medikamente wie gewohnt ein.", "Nehmen Sie Ihre Medikamente"},
		// Medication changes.
		{"Double your sertraline dose the day before your session.", "Double your sertraline dose"},
		{"Stop taking your lithium 3 days before.", "Stop taking your lithium"},
		{"Please skip your morning medication.", "skip your morning medication"},
		{"Reduce the dose if you feel dizzy.", "Reduce the dose"},
		{"Setzen Sie Ihre Medikamente zwei Tage vorher ab.", "Setzen Sie Ihre Medikamente zwei Tage vorher ab"},
		{"Verdoppeln Sie die Dosis.", "Verdoppeln Sie die Dosis"},
		{"Hören Sie auf, Lithium zu nehmen.", "Hören Sie auf, Lithium zu nehmen"},

		// Not doses.
		{"Do not stop taking any medicine unless your doctor tells you to.", ""},
		{"Never change your medication on your own.", ""},
		{"Setzen Sie nichts eigenmächtig ab.", ""},
		{"Stop and take a breath.", ""},
		{"Change your clothes if you like.", ""},
		{"Take a moment to breathe.", ""},
		{"Take a few deep breaths.", ""},
		{"Please take your time.", ""},
		{"Breathe in for 4 counts, out for 6 counts.", ""},
		{"Please do not eat for 4 hours before your session.", ""},
		{"Arrive 15 minutes early.", ""},
		{"Call or text 988. Text HOME to 741741.", ""},
		{"5 good reasons", ""},
		{"1 glass of water", ""},
		{"Use your phone or tablet.", ""},
		{"Over the last 2 weeks", ""},
		{"PHQ-9 item 9", ""},
		{"Take 10 minutes for yourself.", ""},
		{"When the temperature drops, dress warmly.", ""},
		{"Nehmen Sie sich Zeit.", ""},
		{"Nehmen Sie Platz.", ""},
		{"Essen Sie 4 Stunden vorher nichts.", ""},
		{"Rufen Sie 112 an.", ""},
		{"In den letzten 2 Wochen", ""},
		{"Your clinic asks you not to stop or change any medicine on your own.", ""},
	}
	for _, tt := range tests {
		if got := findDose(tt.text); got != tt.want {
			t.Errorf("findDose(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
