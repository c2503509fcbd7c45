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
		{"tell the doctor my sister is refusing to come away from the window on the 9th floor", "en", KindCrisis},
		{"my husband just drove off saying he's going to crash the car into a wall", "en", KindCrisis},
		{"our patient (her mum) just told her she's going to hang herself, what do i do", "en", KindCrisis},
		{"i've just found him cutting his wrists in my bathroom", "en", KindCrisis},
		{"mum here. found a note in her room and her sleeping tablets are all gone", "en", KindCrisis},
		{"partner typing for him: he's got the gun out of the safe and is sitting in the car", "en", KindCrisis},
		{"mein mann ist gerade weggefahren und hat gesagt er fährt gegen einen baum", "de", KindCrisis},
		{"sie hat eben ihrer tochter gesagt dass sie sich aufhängen wird", "de", KindCrisis},
		{"ich hab ihn grad im bad gefunden wie er sich die pulsadern aufschneidet", "de", KindCrisis},
		{"mein vater lallt und sagt er hat seinen ganzen ketamin vorrat genommen", "de", KindCrisis},
		{"hier die mitbewohnerin, sie ist kaum wach und sagt sie will sterben", "de", KindCrisis},
		{"seit die trennung durch ist lieg ich mit dem revolver vom opa im bett, heut drück ich ab", "de", KindCrisis},
		// Hard negatives: the past, someone else's words that are no
		// intent, an accident, a pet, plans for the summer.
		{"my uncle said he would never kill himself, and he never did", "en", ""},
		{"my husband said the k-hole felt like dying and coming back, he's making plans for the summer", "en", ""},
		{"my dad took a handful of his vitamins with breakfast like always", "en", ""},
		{"my son cut his hand while cooking, it's fine now", "en", ""},
		{"she said she will take all her tablets with her on holiday", "en", ""},
		{"er hat gesagt er nimmt alle tabletten mit in den urlaub", "de", ""},
		{"meine mutter hat gesagt sie kommt heute nicht heim, sie schläft bei ihrer schwester", "de", ""},
		{"my mum says she wants to die at home, not in a hospital, we talked about it with her gp", "en", ""},
		{"the cat refuses to come away from the window when the birds are out", "en", ""},
		{"my husband drove off saying he's going to pick up the kids", "en", ""},
		{"mein mann hat gesagt er fährt gegen zehn los", "de", ""},
		{"mein kumpel hat gesagt er springt vom dach wenn bayern verliert 😂", "de", ""},
		{"my colleague said she'll kill herself if the printer jams again, typical office", "en", ""},
		// A crisis told as history in an answer.
		{"yes i used to self harm as a teenager. not for over 15 years", "en", ""},
		{"the suicidal thoughts stopped in the summer and haven't come back", "en", ""},
		{"i wanted to die in 2016. i got help, i'm still here and glad i am", "en", ""},
		{"i told my dad about my past suicide attempt for the first time yesterday, it felt like closure", "en", ""},
		{"2016 wollte ich sterben. ich hab hilfe bekommen, bin noch da und froh drüber", "de", ""},
		{"die suizidgedanken sind seit dem sommer weg und nicht zurückgekommen", "de", ""},
		{"i wanted to die in 2016 and i still want to", "en", KindCrisis},
		{"seit dem sommer denke ich an suizid", "de", KindCrisis},
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
		{"after today's session i realised i'm only alive for my dog", "en", KindPossible},
		{"i've been looking at the knives in the kitchen differently, i dont know why", "en", KindPossible},
		{"my partner said last night she's tired of fighting and wants it all to stop", "en", KindPossible},
		{"nach der heutigen sitzung ist mir klar geworden dass ich nur noch wegen meinem hund da bin", "de", KindPossible},
		{"mein sohn hat ein testament gemacht und seine konten geordnet, er ist 29", "de", KindPossible},
		{"i'm only here for the free coffee lol", "en", ""},
		{"we're only here for the weekend because of my mum's birthday", "en", ""},
		{"i look at the knives differently since the cooking course, they are blunt", "en", ""},
		{"mein opa hat sein testament beim notar gemacht, alles in ordnung", "de", ""},
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
		{"flatmate here, he's told me he's going to stab his brother when he visits tomorrow, he's sharpening the kitchen knife", "en", KindHarmToOthers},
		{"our dad (your patient) has been threatening to shoot the neighbours, he showed us his rifle", "en", KindHarmToOthers},
		{"my brother's your patient, he told me he's going to set fire to his ex's flat with her in it", "en", KindHarmToOthers},
		{"i locked my 4 yr old in the cellar for the night as a punishment", "en", KindHarmToOthers},
		{"i've been poisoning my flatmate's cat with bits of antifreeze", "en", KindHarmToOthers},
		{"hab meinen 4jährigen zur strafe die nacht im keller eingesperrt", "de", KindHarmToOthers},
		{"ich hab rattengift ausgelegt damit sie es frisst", "de", KindHarmToOthers},
		{"the mice got into the shed so we put poison down for them", "en", ""},
		{"my daughter locked herself in the bathroom for an hour because of her hair", "en", ""},
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
		{"grüezi, mini tochter isch bi ihne patientin, ihre maa isch ihre gegenüber gwalttätig, si het sich bi üs versteckt und er droht er findet si", "de", KindAbuse},
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
