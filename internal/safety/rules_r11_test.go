package safety

import "testing"

// TestRound11 holds round 11's shapes with the rules alone: risk told by
// someone close or added to an answer reaches its category; the hard
// negatives of the same shapes (a carer's ordinary worry, a crisis told as
// past, hyperbole, a questionnaire answer naming death or a knife, a
// partner asking about logistics) reach none of crisis, possible, harm to
// others or abuse.
func TestRound11(t *testing.T) {
	d := newDetector(t, nil).WithoutModel()
	for _, tt := range []struct {
		text, locale string
		want         Kind // "" for none of the risk categories
	}{
		// Someone close says they will end their life, or has done it.
		{"my adult son lives with me, he's said three times this week he'll overdose on his methadone", "en", KindCrisis},
		{"my mum keeps saying she'll drive into a tree on the way home", "en", KindCrisis},
		{"im his mother. he walked onto the train tracks last night, now he says he'll do it properly", "en", KindCrisis},
		{"my roommate is on the bathroom floor, she said she took like 15 of her k troches on purpose", "en", KindCrisis},
		{"my wife cut her wrists in the bath, ambulance is coming", "en", KindCrisis},
		{"it's the partner of a patient. she's sitting on the balcony railing right now saying she wont come back in", "en", KindCrisis},
		{"my sister texted me she took an overdose of her meds", "en", KindCrisis},
		{"mein sohn hat gesagt er nimmt sich nach der sitzung das leben", "de", KindCrisis},
		{"grüezi, mis mami isch bi öich patientin, si het grad gseit si nimmt hüt znacht alli tablette", "de", KindCrisis},
		{"mei bua hod gsagt er bringt sich um wenn er wieder ins krankenhaus muass", "de", KindCrisis},
		{"meine mitbewohnerin hat sich im bad eingeschlossen und sagt sie hat alle ketamin lutschtabletten geschluckt", "de", KindCrisis},
		{"meine mutter steht an der steilküste und sagt sie kommt nicht heim", "de", KindCrisis},
		// Hard negatives: the past, someone else's words that are no
		// intent, an accident, a pet, plans for the summer.
		{"my uncle said he would never kill himself, and he never did", "en", ""},
		{"my husband said the k-hole felt like dying and coming back, he's making plans for the summer", "en", ""},
		{"my dad took a handful of his vitamins with breakfast like always", "en", ""},
		{"my son cut his hand while cooking, it's fine now", "en", ""},
		{"she said she will take all her tablets with her on holiday", "en", ""},
		{"er hat gesagt er nimmt alle tabletten mit in den urlaub", "de", ""},
		{"meine mutter hat gesagt sie kommt heute nicht heim, sie schläft bei ihrer schwester", "de", ""},
		// Risk added to an answer or a reply.
		{"answer to 6: yes i have a plan. the bridge near my work, friday after my appointment", "en", KindCrisis},
		{"7. honestly now i've got a method and a time", "en", KindCrisis},
		{"prep question 2 (what do you hope for): to finally have the courage to jump", "en", KindCrisis},
		{"no im not coming to session 4 because ill be dead by then", "en", KindCrisis},
		{"nein zur sitzung 4 komm ich nicht weil ich dann tot bin", "de", KindCrisis},
		{"vorbereitungsfrage 2: endlich den mut zum springen", "de", KindCrisis},
		{"answer 1: yes i have a plan for after the session - netflix and my sister's lasagna", "en", ""},
		{"i'd love the courage to jump back into dating this year", "en", ""},
		{"5 - suicidal thoughts in the last month: none", "en", ""},
		{"5 - suizidgedanken im letzten monat: keine", "de", ""},
		// Someone close shows signs without a stated intent.
		{"my husband keeps saying we'd all be better off without him since his last session", "en", KindPossible},
		{"my son keeps talking about how he won't be around for his 30th", "en", KindPossible},
		{"he sold his guitar and gave his dog to his brother, i'm worried", "en", KindPossible},
		{"mein mann sagt seit der letzten sitzung wir wären ohne ihn besser dran", "de", KindPossible},
		{"my sister says we're better off without him since the divorce, and she's right", "en", ""},
		{"my mum gave her old clothes to charity", "en", ""},
		{"my daughter asked me to look after her cat while she's on holiday", "en", ""},
		// The patient threatens someone at home: harm to others; the
		// same threat by someone who is not the patient stays abuse.
		{"my adult daughter threatened to kill me with a kitchen knife last night, she's your patient", "en", KindHarmToOthers},
		{"dad says he's going to burn the house down with my mum in it. he's in the ketamine program", "en", KindHarmToOthers},
		{"my wife (in your program) told me she has thoughts of drowning our toddler in the bath", "en", KindHarmToOthers},
		{"my son told me he's going to shoot up his old school", "en", KindHarmToOthers},
		{"papa sagt er zündet das haus an mit mama drin. er ist im ketamin programm", "de", KindHarmToOthers},
		{"meine erwachsene tochter hat mir gestern mit dem küchenmesser gedroht mich umzubringen, sie ist eure patientin", "de", KindHarmToOthers},
		{"my teenage son has been punching his little sister and says he'll kill her. he's waiting for his first ketamine session", "en", KindHarmToOthers},
		{"mein 15jähriger schlägt seine kleine schwester und sagt er bringt sie um. er wartet auf seine erste ketamin sitzung", "de", KindHarmToOthers},
		{"my wife's ex has threatened to kill her if she doesn't let him see the kids. she's your patient", "en", KindAbuse},
		{"one of our clients (your patient) says her son takes her pension and hits her if she refuses", "en", KindAbuse},
		{"my husband said he will kill me if i leave him", "en", KindAbuse},
		{"lol my son says he's going to kill me in minecraft tonight, he's your patient", "en", ""},
		{"i did want to strangle the printer today though", "en", ""},
		// Danger at home without the word abuse.
		{"grandad lives with my uncle who shoves him and doesn't give him his heart tablets", "en", KindAbuse},
		{"her ex keeps turning up drunk and kicking the door in, last night he grabbed her hair", "en", KindAbuse},
		{"my ex shows up at school and says he'll take them and we'll never see them again", "en", KindAbuse},
		{"opa wohnt beim onkel, der schubst ihn und gibt ihm seine herztabletten nicht", "de", KindAbuse},
		{"meen kerl hat ma jestern den arm umjedreht bis et jeknackt hat", "de", KindAbuse},
		{"mein mann hat mich in der nacht nach der sitzung zum sex gezwungen", "de", KindAbuse},
		{"my mother takes her tablets herself, i just remind her to take them all", "en", ""},
		{"my boyfriend will drive me home after, does he need to come in and sign anything", "en", ""},
		{"the nurse doesn't give him his tablets on session days, the doctor said so", "en", ""},
		{"we kicked the door in when we lost the keys, locksmith was too expensive", "en", ""},
	} {
		m, ok := d.Check(tt.text, tt.locale)
		risk := ok && (m.Kind == KindCrisis || m.Kind == KindPossible || m.Kind == KindHarmToOthers || m.Kind == KindAbuse)
		switch {
		case tt.want == "" && risk:
			t.Errorf("Check(%q) = %+v; want none of crisis, possible, harm to others, abuse", tt.text, m)
		case tt.want != "" && (!ok || m.Kind != tt.want):
			t.Errorf("Check(%q) = %+v, %v; want %s", tt.text, m, ok, tt.want)
		}
	}
}
