package safety

import "testing"

// TestCoerceAndStoppedScope holds the two misses of round 11's review with
// the rules alone. A common "when i go" or "if i leave the room" did not
// make a relative's crisis coercion; "stopped" or "quit" naming anything
// (a job, a medicine) did not say the risk was over. Coercion and a risk
// told as over stay none of the risk kinds that would be wrong for them.
func TestCoerceAndStoppedScope(t *testing.T) {
	d := newDetector(t, nil).WithoutModel()
	for _, tt := range []struct {
		text, locale string
		want         Kind // "" for none of crisis, possible, harm to others
	}{
		// Someone close at risk; the speaker's going is no condition.
		{"my son said he will hang himself, once i go to bed he'll do it", "en", KindCrisis},
		{"my husband swallowed a whole bottle of sleeping pills on purpose, if i leave the room he tries to take more", "en", KindCrisis},
		{"she said she wants to die. when i go shopping i call her every hour", "en", KindCrisis},
		{"mein sohn hat gesagt er bringt sich um, sobald ich ins bett gehe macht er es", "de", KindCrisis},
		// Stopped or quit something else: the crisis is now.
		{"I quit my job last month and I want to kill myself", "en", KindCrisis},
		{"I want to kill myself since I stopped my venlafaxine last month", "en", KindCrisis},
		{"I stopped my lithium weeks ago and I'm going to overdose tonight", "en", KindCrisis},
		{"I stopped taking sertraline in 2019 and I want to kill myself", "en", KindCrisis},
		{"hab letztes jahr mit dem rauchen aufgehört und will mich umbringen", "de", KindCrisis},
		// Hard negatives: a risk told as over, a threat made on condition
		// that the speaker leaves.
		{"i stopped cutting years ago and i'm fine now", "en", ""},
		{"hab vor 5 jahren damit aufgehört, geht mir gut", "de", ""},
		{"if i leave him he'll kill himself", "en", ""},
		{"she threatens to hurt herself if i leave and last week she hit me with a bottle", "en", ""},
		{"sie droht sich was anzutun wenn ich geh, und letzte woche hat sie mir eine flasche übergezogen", "de", ""},
		{"when i go to the session my mum looks after the kids", "en", ""},
	} {
		m, ok := d.Check(tt.text, tt.locale)
		risk := ok && (m.Kind == KindCrisis || m.Kind == KindPossible || m.Kind == KindHarmToOthers)
		switch {
		case tt.want == "" && risk:
			t.Errorf("Check(%q) = %+v; want none of crisis, possible, harm to others", tt.text, m)
		case tt.want != "" && (!ok || m.Kind != tt.want):
			t.Errorf("Check(%q) = %+v, %v; want %s", tt.text, m, ok, tt.want)
		}
	}
}
