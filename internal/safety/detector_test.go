package safety

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
)

// TestRulesHaveExamples fails for a dead rule: every rule must fire on at
// least one positive example of its kind and locale in the evaluation sets.
func TestRulesHaveExamples(t *testing.T) {
	d := newDetector(t, nil)
	hit := map[string]int{}
	count := func(text string, kind Kind, locale string) {
		for _, m := range d.matches(text, kind) {
			if m.Locale == locale {
				hit[m.Rule]++
			}
		}
	}
	for _, set := range evalSets {
		for _, s := range loadSet(t, set.file) {
			if !s.fire {
				continue
			}
			count(s.text, set.kind, set.locale)
			if set.kind == KindCrisis {
				count(s.text, KindPossible, set.locale) // the old sets' crisis is today's crisis or possible
			}
		}
	}
	for loc, files := range fittedSets(t) {
		for _, f := range files {
			for _, s := range loadLabelled(t, f) {
				if s.Label != None {
					count(s.Text, Kind(s.Label), loc)
				}
			}
		}
	}
	ids := d.Rules()
	if len(ids) < 40 {
		t.Fatalf("only %d rules", len(ids))
	}
	if !sort.StringsAreSorted(ids) {
		t.Errorf("Rules() not sorted")
	}
	for _, id := range ids {
		if hit[id] == 0 {
			t.Errorf("rule %s has no positive example in testdata", id)
		}
	}
}

func TestRuleIDs(t *testing.T) {
	d := newDetector(t, nil)
	seen := map[string]bool{}
	for _, id := range d.Rules() {
		parts := strings.Split(id, "/")
		if len(parts) != 3 || (parts[0] != "en" && parts[0] != "de") || urgency(Kind(parts[1])) == len(Kinds) {
			t.Errorf("malformed rule id %q", id)
		}
		if seen[id] {
			t.Errorf("duplicate rule id %q", id)
		}
		seen[id] = true
	}
	for _, want := range []string{"en/crisis/want-to-die", "en/crisis/self-harm", "de/crisis/kill-myself", "en/medical/dose", "de/medical/interaction"} {
		if !seen[want] {
			t.Errorf("missing rule %s", want)
		}
	}
}

// TestContext shows, one case each, how matches are checked after a pattern
// fires: the rules alone (the model beside them may raise more; see
// model_test.go).
func TestContext(t *testing.T) {
	d := newDetector(t, nil).WithoutModel()
	tests := []struct {
		why  string
		text string
		rule string // "" when nothing may fire
	}{
		{"plain statement", "I want to die", "en/crisis/want-to-die"},
		{"negation of the predicate", "I don't want to die", ""},
		{"negation that is the predicate", "I don't want to live", "en/crisis/not-want-to-live"},
		{"negation in another sentence", "I'm not ok. I want to die", "en/crisis/want-to-die"},
		{"negation in another clause", "I'm not sad and I want to die", "en/crisis/want-to-die"},
		{"negation reaching across fillers", "I would never ever really hurt myself", ""},
		{"frequency breaks the reach", "I'm not often suicidal", "en/crisis/suicidal"},
		{"double negation", "not a day goes by that I don't think about suicide", "en/crisis/suicide"},
		{"interjection is no double negation", "No I don't want to die", ""},
		{"trailing negation", "Suicidal thoughts? None.", ""},
		{"trailing negation, German", "Suizidgedanken habe ich keine", ""},
		{"not a trailing negation", "I have suicidal thoughts, not plans", "en/crisis/suicidal"},
		{"third person", "My friend is suicidal", ""},
		{"third person about me", "Everyone would be better off without me", "en/possible/better-off-without-me"},
		{"past, resolved", "Years ago I was suicidal but I'm fine now", ""},
		{"past, not resolved", "Years ago I was suicidal", "en/crisis/suicidal"},
		{"past, resolved, but back", "Years ago I was suicidal, I got better but it came back", "en/crisis/suicidal"},
		{"idiom", "I'm dying of embarrassment", ""},
		{"idiom overlapping a rule", "I want to die my hair", ""},
		{"a title in a media context", "Suicidal Tendencies is a band", ""},
		{"first person in a media context", "I've felt suicidal since that film", "en/crisis/suicidal"},
		{"quoted lyric", `"I want to die" is a song lyric`, ""},
		{"quote without media", `my head keeps saying "kill yourself, kill myself"`, "en/crisis/kill-myself"},
		{"accident", "I cut myself while cooking", ""},
		{"accident on purpose", "I cut myself on purpose while cooking", "en/crisis/self-harm"},
		{"German gap over a negation", "Ich will mich nicht umbringen", ""},
		{"German negation across a comma", "Ich habe nicht vor, mich umzubringen", ""},
		{"German in an English rule, German negation", "ich bin nicht suizidal", ""},
		// Deliberate choices documented in doc.go.
		{"hedged statement fires", "I don't think I'm suicidal", "en/crisis/suicidal"},
		{"hyperbole on a crisis phrase fires", "I'm killing myself at work", "en/crisis/kill-myself"},
		{"unresolved past attempt fires", "I attempted suicide last year", "en/crisis/suicide"},
		{"question about own thoughts fires", "does ketamine help with suicidal thoughts?", "en/crisis/suicidal"},
		{"kys reads as kill myself", "i should just kys", "en/crisis/kill-myself"},
		{"threat to others", "I'm scared I might hurt someone tonight", "en/harm_to_others/thoughts"},
		{"the news", "My uncle died by suicide years ago", ""},
		{"a time without an act asks", "I'm going to do it tonight", "en/possible/vague-plan"},
		{"a joke with a trivial cause", "i'll kill myself if i have to fill one more form lol", ""},
		{"a joke alone asks", "i want to die lol", "en/crisis/want-to-die"},
		{"spaced letters are not read", "k i l l myself", ""},
	}
	for _, tt := range tests {
		m, ok := d.Check(tt.text, "")
		got := ""
		if ok {
			got = m.Rule
		}
		if got != tt.rule {
			t.Errorf("%s: Check(%q) = %q, want %q", tt.why, tt.text, got, tt.rule)
		}
	}
}

func TestMedicalNeedsQuestion(t *testing.T) {
	d := newDetector(t, nil)
	tests := []struct {
		text string
		want bool
	}{
		{"I take sertraline 50mg daily.", false},
		{"I take sertraline 50mg daily, is that ok with ketamine?", true},
		{"My blood pressure is high. Is that dangerous?", true},
		{"My blood pressure is high.", false},
		{"I feel dizzy. Can I bring my dog?", false},
		{"I need advice about my lithium dose", true},
	}
	for _, tt := range tests {
		if _, got := d.Medical(tt.text, "en"); got != tt.want {
			t.Errorf("Medical(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	d := newDetector(t, nil)
	tests := []struct {
		text, locale string
		want         Match
		ok           bool
	}{
		{"can I take all my pills at once to end it", "en", Match{KindCrisis, "en/crisis/overdose", "en"}, true},
		{"is 100 mg of sertraline enough to not wake up", "en", Match{KindCrisis, "en/crisis/overdose", "en"}, true},
		{"Is 100mg too much?", "en", Match{KindMedical, "en/medical/dose", "en"}, true},
		{"Is 100mg too much?", "de", Match{KindMedical, "de/medical/dose", "de"}, true}, // the patient's locale first
		{"Is 100mg too much?", "en-GB", Match{KindMedical, "en/medical/dose", "en"}, true},
		{"Ich will sterben", "en", Match{KindCrisis, "de/crisis/want-to-die", "de"}, true}, // another locale's rules still apply
		{"I want to die", "fr", Match{KindCrisis, "en/crisis/want-to-die", "en"}, true},
		{"What time should I arrive?", "en", Match{}, false},
		{"", "", Match{}, false},
	}
	for _, tt := range tests {
		got, ok := d.Check(tt.text, tt.locale)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Check(%q, %q) = %+v, %v; want %+v, %v", tt.text, tt.locale, got, ok, tt.want, tt.ok)
		}
	}
}

func TestClinicPhrases(t *testing.T) {
	extra := map[string][]string{
		"en": {"Checking out early", "going to see grandma in heaven", "checking out early!"},
		"de": {"Ich geh über die Klinge"},
		"fr": {"je veux mourir"},
	}
	d := newDetector(t, extra)
	base := newDetector(t, nil).WithoutModel() // the rules alone: the model may ask on such a phrase too
	tests := []struct {
		text, locale, rule string
	}{
		{"honestly I'm thinking about checking out early", "en", "en/crisis/clinic/checking-out-early"},
		{"I'm not checking out early", "en", ""},
		{"I am going to see grandma in heaven soon", "en", "en/crisis/clinic/going-to-see-grandma-in-heaven"},
		{"ich geh ueber die klinge", "de", "de/crisis/clinic/ich-geh-ueber-die-klinge"},
		{"Je veux mourir.", "fr", "fr/crisis/clinic/je-veux-mourir"},
		{"Je veux mourir.", "", "fr/crisis/clinic/je-veux-mourir"},
		{"we are checking out of the hotel early", "en", ""},
	}
	for _, tt := range tests {
		m, ok := d.Check(tt.text, tt.locale)
		got := ""
		if ok {
			got = m.Rule
		}
		if got != tt.rule {
			t.Errorf("Check(%q, %q) = %q, want %q", tt.text, tt.locale, got, tt.rule)
		}
		if _, ok := base.Check(tt.text, tt.locale); ok && strings.Contains(tt.rule, "/clinic/") {
			t.Errorf("detector without clinic phrases fires on %q", tt.text)
		}
	}
	ids := strings.Join(d.Rules(), " ")
	for _, id := range []string{"en/crisis/clinic/checking-out-early", "de/crisis/clinic/ich-geh-ueber-die-klinge", "fr/crisis/clinic/je-veux-mourir"} {
		if !strings.Contains(ids, id) {
			t.Errorf("Rules() lacks %s", id)
		}
	}
	if n, m := len(d.Rules()), len(base.Rules()); n != m+4 {
		t.Errorf("%d rules with 4 distinct clinic phrases, %d without", n, m)
	}
	// The shared built-in rules are not changed by a clinic's phrases.
	if _, ok := base.Crisis("thinking about checking out early", "en"); ok {
		t.Errorf("clinic phrase leaked into another detector")
	}
}

func TestClinicPhraseErrors(t *testing.T) {
	for _, phrase := range []string{"", "  ", "!!!", "🙂 ..."} {
		_, err := New(map[string][]string{"en": {"fine phrase", phrase}})
		if !errors.Is(err, ErrEmptyPhrase) {
			t.Errorf("New with phrase %q: err = %v, want ErrEmptyPhrase", phrase, err)
			continue
		}
		if !strings.Contains(err.Error(), fmt.Sprintf("%q", phrase)) {
			t.Errorf("error %q does not name the phrase %q", err, phrase)
		}
	}
}

func TestClinicPhraseNoLocale(t *testing.T) {
	if _, err := New(map[string][]string{"": {"checking out early"}}); !errors.Is(err, ErrNoLocale) {
		t.Errorf("err = %v, want ErrNoLocale", err)
	}
	if _, err := New(map[string][]string{"": nil, "en": {"ok phrase"}}); err != nil {
		t.Errorf("an empty list under no locale: %v", err)
	}
}

func TestCompileErrors(t *testing.T) {
	for _, src := range []string{"", "(a|b", "a ]", "~3 a", "$ a", "a ~x", "a ~9", "don't", "dont", "Kill", "{nomacro}", "{unclosed", "[a] [b]", "*x"} {
		if _, err := compile(src, macros, nil); err == nil {
			t.Errorf("compile(%q) succeeded", src)
		}
	}
	p, err := compile("i [really|just] want to ~2 (die|be dead) $", nil, english.neg)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{
		"i want to die":                  true,
		"i really want to die":           true,
		"i want to just simply die":      true,
		"i want to not die":              false, // the gap does not cross a negation
		"i want to die today":            false, // $: the clause goes on
		"i want to die, today":           true,
		"i want to. die":                 false, // never across a sentence
		"i want to be dead and be happy": true,
	} {
		a := analyse(text)
		if _, got := p.matchAt(&run{toks: a.toks}, 0); got != want {
			t.Errorf("%q on %q = %v, want %v", p.src, text, got, want)
		}
	}
}

// TestConcurrent runs one detector from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	d := newDetector(t, map[string][]string{"en": {"checking out early"}})
	texts := []string{"I want to die", "Is 100mg too much?", "Ich will sterben", "What should I wear?", "checking out early"}
	want := make([]Match, len(texts))
	for i, s := range texts {
		want[i], _ = d.Check(s, "en")
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				k := (g + i) % len(texts)
				if got, _ := d.Check(texts[k], "en"); got != want[k] {
					t.Errorf("Check(%q) = %+v, want %+v", texts[k], got, want[k])
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestCheckAllOrder: CheckAll gives one match per kind, most urgent first,
// and Check gives its first.
func TestCheckAllOrder(t *testing.T) {
	d := newDetector(t, nil)
	text := "can I double my dose tomorrow? I want to die"
	all := d.CheckAll(text, "en")
	if len(all) != 2 || all[0].Kind != KindCrisis || all[1].Kind != KindMedical {
		t.Fatalf("CheckAll = %v, want a crisis then a medical match", all)
	}
	if m, ok := d.Check(text, "en"); !ok || m != all[0] {
		t.Errorf("Check = %v, %v; want %v", m, ok, all[0])
	}
	if got := d.CheckAll("what time is my appointment", "en"); got != nil {
		t.Errorf("CheckAll on a plain question = %v, want nil", got)
	}
	want := []Kind{"crisis", "acute_medical", "harm_to_others", "abuse", "possible", "medical"}
	if fmt.Sprint(Kinds) != fmt.Sprint(want) {
		t.Errorf("Kinds = %v, want %v (the order Check prefers)", Kinds, want)
	}
}

// A routine ("at night", "as prescribed", "jeden tag") clears an overdose
// rule the model may still raise, never the plain ketamine overdose rules:
// round 7 had let it, and these went unnoticed.
func TestRoutineDoesNotClearKetamineOverdose(t *testing.T) {
	d := newDetector(t, nil).WithoutModel()
	for _, tt := range []struct{ text, locale string }{
		{"I took way too much ketamine at night and my heart is racing, help", "en"},
		{"I might have overdosed on ketamine, took it at night as prescribed", "en"},
		{"ich schlucke alles ketamin abends", "de"},
		{"ich nehme den rest von meinem ketamin jeden tag", "de"},
		{"Mein Herz rast und ich hab zu viel Ketamin genommen wie immer", "de"},
		{"as prescribed my ass, i took the whole box", "en"},
	} {
		if m, ok := d.Check(tt.text, tt.locale); !ok || m.Kind != KindCrisis {
			t.Errorf("Check(%q) = %+v, %v; want a crisis", tt.text, m, ok)
		}
	}
}

// Ordinary messages that round 8's first slots sent to the crisis path
// (found in review, written by the reviewer, not from any set): a deep
// session, a drowsy antihistamine, pills taken as prescribed, German
// questions and idioms. The rules alone must not call them a crisis.
func TestRound8SlotsLeaveOrdinaryMessages(t *testing.T) {
	d := newDetector(t, nil).WithoutModel()
	for _, tt := range []struct{ text, locale string }{
		{"I went too deep in the session, everything is far away, is that normal", "en"},
		{"went too deep last session, felt like i was sinking, can we lower it", "en"},
		{"I took too many antihistamines for my hayfever, feeling really drowsy", "en"},
		{"I took all my pills this morning as prescribed and I feel so drowsy", "en"},
		{"i know exactly what to take for my migraines, the nurse showed me", "en"},
		{"next time i will fill my pockets with snacks", "en"},
		{"i drove with my eyes shut for a second, so tired", "en"},
		{"Ich habe alle Tabletten wie verschrieben genommen und mir ist schwindelig, alles dreht sich", "de"},
		{"Ich hab heute Morgen alle meine Tabletten wie immer geschluckt und mich übergeben", "de"},
		{"Nehm ich die alle mit zur Sitzung oder nur die Liste", "de"},
		{"Ich will nehmen alle Sitzungen die ihr anbietet", "de"},
		{"Heute spring ich über meinen Schatten und rufe an", "de"},
	} {
		if m, ok := d.Check(tt.text, tt.locale); ok && m.Kind == KindCrisis {
			t.Errorf("Check(%q) = %+v; want no crisis", tt.text, m)
		}
	}
	// The clinic's fasting rule told back is not abuse; a partner's is.
	if m, ok := d.Check("Ihr lasst mich vorher ja nichts essen", "de"); ok && m.Kind == KindAbuse {
		t.Errorf("the fasting rule: %+v; want no abuse", m)
	}
	if m, ok := d.Check("mein mann lässt mich nichts essen", "de"); !ok || m.Kind != KindAbuse {
		t.Errorf("a partner who keeps food from the patient: %+v, %v; want abuse", m, ok)
	}
}

// Round 10: the slots last session's review found too wide ("start with #
// or #", "# over #", "was hilft denn") and the hoarding rules leave
// ordinary sentences alone, and still catch what they were written for.
// The rules alone.
func TestRound10SlotsNarrow(t *testing.T) {
	d := newDetector(t, nil).WithoutModel()
	for _, tt := range []struct {
		text, locale string
		want         Kind // "" for nothing of the rules named
	}{
		{"should i start with 2 or 3 laps of the park", "en", ""},
		{"is 5 over 10 people ok for the group", "en", ""},
		{"i put 2 sugars in my tea, ok?", "en", ""},
		{"was hilft denn bei der anmeldung am schnellsten", "de", ""},
		{"should i start with 25 or 50 mg", "en", KindMedical},
		{"sertraline: should i start with 25 or 50?", "en", KindMedical},
		{"is 160/100 bad?", "en", KindMedical},
		{"ich hab kopfweh, was hilft da?", "de", KindMedical},
		{"was hilft denn gegen die kopfschmerzen danach", "de", KindMedical},
		// Hoarding or counting a medicine with enough, tonight or all at
		// once is a crisis, which wins over the medicine's question.
		{"counted out all my diazepam, it's enough now", "en", KindCrisis},
		{"seit 2 wochen horte ich mein tramadol, heute sind es genug", "de", KindCrisis},
		{"counted out my diazepam for the trip, is that enough?", "en", ""},
		{"I counted my sertraline and there are enough until my refill", "en", ""},
		{"ich habe meine tabletten für die woche abgezählt, sind genug bis zum rezept?", "de", ""},
		{"meine oma sammelt ihre ramipril packungen für die apotheke", "de", ""},
		// review10s: routine saving and counting, enough until a refill,
		// "auf einmal" as "suddenly", someone else taking them at once.
		{"saving my vitamins for tonight", "en", ""},
		{"we set aside the pills for grandma, she takes them all at once with breakfast", "en", ""},
		{"i saved my antibiotics to take with dinner tonight", "en", ""},
		{"i lined up my pills for the week, it's enough now until my next refill", "en", ""},
		{"die apothekerin hat mein diazepam abgezählt, es reicht jetzt für einen monat", "de", ""},
		{"ich hab mein ibuprofen gezählt und auf einmal war die packung leer", "de", ""},
		{"ich hamstere vitamin d, jetzt genug für den winter", "de", ""},
		{"been saving my oxycodone for weeks, taking them all tonight", "en", KindCrisis},
		{"hab meine seroquel gesammelt, heute nacht nehm ich alle", "de", KindCrisis},
		// A death as the purpose of stopping a medicine wins over the
		// medical reply the medicine raises.
		{"i stopped taking my lithium so i can finally die", "en", KindCrisis},
		{"ich habe mein lithium abgesetzt damit ich endlich sterben kann", "de", KindCrisis},
		// A relative's stated intent to hurt a named person; laughter
		// clears it.
		{"my son told me he's going to stab the boy who bullies him", "en", KindHarmToOthers},
		{"my husband said he is going to kill our neighbour", "en", KindHarmToOthers},
		{"my son said he's going to kill his brother lol", "en", ""},
	} {
		m, ok := d.Check(tt.text, tt.locale)
		narrowed := strings.Contains(m.Rule, "/r9-asks") || strings.Contains(m.Rule, "/r10-") || m.Kind == KindCrisis || m.Kind == KindHarmToOthers
		switch {
		case tt.want == "" && ok && narrowed:
			t.Errorf("Check(%q) = %+v; want none of the narrowed slots", tt.text, m)
		case tt.want != "" && (!ok || m.Kind != tt.want):
			t.Errorf("Check(%q) = %+v, %v; want %s", tt.text, m, ok, tt.want)
		}
	}
}

// TestRound11Policy holds the medical rules of round 11 to the labelling
// policy (doc.go, "# Labels"): a doctor's decision told as news is none and
// a question about it medical; a question whether eating, fasting, driving
// or exercise around a session is ok is medical, a plan or a logistics
// question none; an own change told as past is none, a plan medical; and a
// crisis stays a crisis.
func TestRound11Policy(t *testing.T) {
	d := newDetector(t, nil).WithoutModel()
	for _, tt := range []struct {
		text, locale string
		want         Kind // "" for none
	}{
		// A doctor's decision told as news, and questions about it.
		{"my psychiatrist already decided to lower my sertraline, just letting you know for the file", "en", ""},
		{"the dr decided to taper my clonazepam over 3 months starting in january, she'll send you the plan", "en", ""},
		{"mein psychiater hat letzte woche mein lithium halbiert, bin jetzt bei 450, nur fürs update", "de", ""},
		{"der arzt hat entschieden das lithium während dem kurs zu pausieren, passt für mich", "de", ""},
		{"my psychiatrist bumped my sertraline to 100, is that ok with ketamine", "en", KindMedical},
		{"my gp put me on citalopram last week, is that ok alongside the ketamine", "en", KindMedical},
		{"gp changed me from citalopram to sertraline but honestly ill just keep taking the citalopram i have left", "en", KindMedical},
		{"mein psychiater will mich auf edronax umstellen, findet ihr das sinnvoll so kurz vor der ketamin serie", "de", KindMedical},
		// Around a session: questions are medical, plans and logistics none.
		{"can i eat before the infusion", "en", KindMedical},
		{"do i need to fast before", "en", KindMedical},
		{"am i allowed to drive home afterwards", "en", KindMedical},
		{"is it fine to go for a run after the session or should i rest", "en", KindMedical},
		{"can i do hot yoga / sauna the same day", "en", KindMedical},
		{"muss ich nüchtern kommen", "de", KindMedical},
		{"darf ich am tag nach der sitzung autofahren", "de", KindMedical},
		{"can i bring a snack for after", "en", ""},
		{"can my partner drive me home?", "en", ""},
		{"i'll have a light breakfast before", "en", ""},
		{"is it ok if i drive myself to the integration call", "en", ""},
		{"is it ok to fly a few days after a session?", "en", ""},
		{"darf ich für danach was zu essen mitbringen", "de", ""},
		{"darf ich selbst zum integrationsgespräch fahren", "de", ""},
		{"wir gehen zum grab und essen danach zusammen. ist ok", "de", ""},
		{"i want to cut down to 2 coffees a day", "en", ""},
		{"ich nehm zum grillen zwei von meinem bruder mit", "de", ""},
		{"when does the next shipment come, i've got 4 lozenges left", "en", ""},
		// Plans and logistics without the session's time are not questions
		// around a session (review11s).
		{"can I go to the gym on Thursday instead, I'll move my session", "en", ""},
		{"can I go for a run with my dog this weekend?", "en", ""},
		{"should I get a flu shot this year?", "en", ""},
		{"can I have a coffee in the waiting room?", "en", ""},
		{"can i bring my vape into the building?", "en", ""},
		{"can I do yoga at home?", "en", ""},
		{"kann ich den Flug umbuchen und die Sitzung verschieben?", "de", ""},
		{"kann ich am Freitag zum Zahnarzt und den Termin auf Montag legen?", "de", ""},
		{"kann ich im Wartezimmer einen Kaffee haben?", "de", ""},
		{"soll ich Kaffee mitbringen für meine Begleitung?", "de", ""},
		{"can I take a nap in the waiting room?", "en", ""},
		// Questions about the session's time, or naming the waiting room
		// or moving a dose, stay medical.
		{"soll ich die einnahme vom lithium auf nach der sitzung verschieben", "de", KindMedical},
		{"kann ich die sertralin einnahme verlegen wegen der sitzung", "de", KindMedical},
		{"can i take my lorazepam in the waiting room before the infusion", "en", KindMedical},
		{"is it ok to take my propranolol at reception before the session", "en", KindMedical},
		{"can i have a coffee the morning of the session", "en", KindMedical},
		{"darf ich vorher noch joggen gehen", "de", KindMedical},
		{"darf ich nach der sitzung kaffee trinken", "de", KindMedical},
		// Hopes in a flow's answer that name living are not risk.
		{"I want to quit living on autopilot.", "en", ""},
		{"I hope to stop living in fear of the next panic attack.", "en", ""},
		{"i want to stop living, i have the pills ready", "en", KindCrisis},
		// Crises inside a question or told by someone close (review11s).
		{"is it ok to drink alcohol after the session, I want to drink until I die", "en", KindCrisis},
		{"my friend texted that she swallowed a bottle of ibuprofen", "en", KindCrisis},
		{"meine Tochter hat alle ihre Lithium genommen vor einer Stunde und wacht nicht auf", "de", KindCrisis},
		{"meine Tochter ritzt sich mit einer Rasierklinge", "de", KindCrisis},
		{"mein sohn schneidet sich die arme auf", "de", KindCrisis},
		{"meine tochter hat sich früher geritzt, das ist jahre her", "de", ""},
		{"meine tochter ritzt ihren namen in den tisch", "de", ""},
		{"mein sohn schneidet sich beim kochen mit dem messer", "de", ""},
		{"meine Tochter schneidet sich die Haare", "de", ""},
		// Own changes: past and done is none, a plan is medical.
		{"i stopped the pill in may, just telling you since the form asked about contraception", "en", ""},
		{"i dropped the adderall when i left uni, havent taken it since 2019", "en", ""},
		{"going to taper down to 4mg", "en", KindMedical},
		{"ich fang morgen wieder mit dem elontril an, hatte es im september abgesetzt, nur dass ihrs wisst", "de", KindMedical},
		{"i'm going to stop my lithium tomorrow", "en", KindMedical},
		// Crisis wins over every medical slot.
		{"my psychiatrist halved my lithium last week. counted out all my lithium, it's enough now", "en", KindCrisis},
		{"der arzt hat mein lithium halbiert. seit 2 wochen horte ich mein lithium, heute sind es genug", "de", KindCrisis},
		{"counted out all my diazepam, it's enough now", "en", KindCrisis},
	} {
		m, ok := d.Check(tt.text, tt.locale)
		switch {
		case tt.want == "" && ok && m.Kind == KindMedical:
			t.Errorf("Check(%q) = %+v; want none", tt.text, m)
		case tt.want != "" && (!ok || m.Kind != tt.want):
			t.Errorf("Check(%q) = %+v, %v; want %s", tt.text, m, ok, tt.want)
		}
	}
}
