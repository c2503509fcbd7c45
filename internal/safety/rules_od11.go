package safety

import "strings"

// Round 11 (helper od11, fitted batches 109 and 110): the border between
// an overdose or an acute emergency and a medical question.
//
//   - The patient's own intake told as done, with a count or "all my
//     remaining", alcohol on top, and a time ("an hour ago") or an effect
//     ("feel really out of it"): an overdose or intoxication, a crisis.
//   - "überdosiert" or "overdosed" asked of a dose or a lab value ("bin ich
//     überdosiert mit dem euthyrox?"), and "in spring" (the season, never
//     "spring" as in jumping) are idioms: no crisis.
//   - A vital sign's number asked about or said to feel fine, with no
//     symptom anywhere in the message ("bp 180/110 on my home machine, feel
//     totally fine though. can i still do the session later"), is a medical
//     question, not an emergency (see vitalOnly).

// odEffectEN is an effect of an intake felt now: "feel really out of it".
const odEffectEN = "((feel|feeling|felt|feels|i am|am|getting|so) ~2 (out of it|weird|strange|spaced|spaced out|spacey|wasted|drunk|woozy|fuzzy|foggy|numb|dizzy|shaky|drowsy|groggy|high|messed up|fucked up|floaty|sick|wobbly|faint|like i am dying|like i am floating|like i am going to pass out)" +
	"|(can not|can barely|hard to|struggling to) (stand|walk|think|see|focus|keep my eyes open|stay awake|talk)|(room|everything) ~2 spinning)"

// odTimeEN is a time just past: "an hour ago", "last night".
const odTimeEN = "(an hour ago|half an hour ago|# hours ago|# hour ago|# minutes ago|# mins ago|a few minutes ago|a few hours ago|an hour or so ago|just now|last night|earlier tonight|earlier today|tonight)"

// fAct marks an intake told as done, with its effect or time: no trivial
// cause elsewhere in its sentence ("parking was a nightmare as usual")
// makes it hyperbole.
const fAct ruleFlags = 1 << 9

var crisisENOD11 = []ruleDef{
	{id: "r11-intake-told", flags: fAct, pats: []string{
		// "took like 6 of my xanax and half a bottle of vodka an hour ago"
		"(took|taken|swallowed|downed|popped|necked|had) [about|around|maybe|over|at least] #3 [of] [my|the|those|these] ~2 ({med9}|{pillword}|{drugname}) ~3 (and|with|plus|on top of|then) ~5 {subst} ~6 (" + odTimeEN + "|" + odEffectEN + ")",
		// "took 8 of my seroquel ... feel really out of it"
		"(took|taken|swallowed|downed|popped|necked) [about|around|maybe|over|at least] #5 [of] [my|the|those|these] ~2 ({med9}|{pillword}|{drugname}) ~8 " + odEffectEN,
		// "ive taken 15 of my mirtazapine just now"
		"(took|taken|swallowed|downed|popped|necked) [about|around|maybe|over|at least] #10 [of] [my|the|those|these] ~2 ({med9}|{pillword}|{drugname}) ~4 " + odTimeEN,
		// "i took all my remaining seroquel last night and i still feel weird"
		"(took|taken|swallowed|downed|popped|necked) (all|all of|every one of|the rest of|whatever was left of) (my|the) (remaining|leftover|left over|last) ~1 ({med9}|{pillword}|{drugname}) ~8 " + odEffectEN,
		"(took|taken|swallowed|downed|popped|necked) (the rest of|all of|all|every one of) (my|the) [remaining|leftover] ~1 ({med9}|{pillword}|{drugname}) ~3 (at once|in one go|all together|together|at the same time)",
	}},
}

// odEffectDE is an effect felt now: "bin total weg", "fühl mich benebelt".
const odEffectDE = "((bin|fuehl mich|fuehle mich|fuhl mich|fuehlt sich|alles) ~2 (weg|benebelt|komisch|neben der spur|drauf|betrunken|breit|dicht|schwindlig|schwindelig|wie in watte|matschig|zu|hinueber|durch|voll weg|dreht sich)|(kann|krieg|kriege) ~3 (nicht mehr|kaum) ~2 (stehen|gehen|denken|klar denken|die augen aufhalten|wach bleiben))"

var crisisDEOD11 = []ruleDef{
	{id: "r11-intake-told", flags: fAct, pats: []string{
		// "die ketaminlösung ... hab ich vorhin komplett auf einmal
		// gesprüht, die ganze flasche, bin total weg"
		"(komplett|alles|alle|den ganzen rest|den rest|die ganze flasche|die ganze packung|die ganze schachtel) ~2 auf einmal ~2 (genommen|geschluckt|gesprueht|gespritzt|gezogen|eingenommen|gelutscht|getrunken|eingeworfen)",
		// "hab 8 von meinen tavor und ne halbe flasche wodka genommen, bin total benebelt"
		"(habe|hatte|ich) ~3 #3 (von meinen|von den|stueck|tabletten|pillen) ~3 (und|mit|plus) ~5 (wodka|wein|bier|schnaps|alkohol|whisky|rum|gin|sekt) ~8 " + odEffectDE,
		"(habe|hatte) ~3 (alle|alles|den rest) [meine|meiner|von meinen|der|die] (restlichen|uebrigen) ~2 ({dmed8}|{pillword}|tabletten|pillen) ~8 " + odEffectDE,
	}},
}

// idiomsOD11 are the idioms of this round, added to helpers' hIdiom.
var idiomsOD11 = []string{
	// The season after a medicine: "zyrtec in spring" is no German
	// "spring" (jump); "won't be here by spring" stays a time.
	"({med9}|{pillword}|{dmed8}|allergy|allergies|hay fever|hayfever|pollen|antihistamine|antihistamines) ~2 (in|every|each|during) spring",
	// A dose asked about ("bin ich überdosiert mit dem euthyrox?", "am i
	// overdosed on my levothyroxine?"): a medical question, not an act.
	"(bin|ist|sind|waere|war) (ich|er|sie|man) ~2 (ueberdosiert|unterdosiert)",
	"(ueberdosiert|unterdosiert) (mit|auf) (dem|der|meinem|meiner|den|meinen) ~2 ({dmed8}|dosis|tabletten|schilddruesentabletten)",
	"(am i|is he|is she|are we) ~2 (overdosed|over dosed|overmedicated|over medicated) (on|with) (my|the|his|her) ~2 ({med9}|dose|dosage|thyroid meds|thyroid medication)",
}

func init() {
	helpers = append(helpers, struct {
		flag int
		pats []string
	}{hIdiom, idiomsOD11})
}

// A racing heart's number with a sign that it is now and not settling
// ("heart racing 190 and not slowing down, dizzy, sitting on the floor"):
// an emergency.
var acuteENOD11 = []ruleDef{
	{id: "r11-heart-number", flags: fRecent, pats: []string{
		"(heart|pulse|heart rate) ~1 (racing|pounding|going|at|is at) [at] #150 ~6 (not slowing|not slowing down|will not slow|will not slow down|not going down|will not go down|dizzy|faint|chest|can not breathe|short of breath)",
	}},
}

// A list of medicines after "medication:" ("medication: sertraline 50,
// lamotrigine 100. can i keep both on session day?") is a medical question
// where it asks something; as a bare intake answer it counts for nothing.
var medicalENOD11 = []ruleDef{
	{id: "med-list", pats: []string{
		"(medication|medications|meds|current medication|current medications|current meds) ({med9}|{drugname}) ~4 ({med9}|{drugname}|birth control|the pill|vitamins|vitamin d)",
	}},
}

// vitalWords name a vital sign; symptomStems start an acute symptom's
// word, in normal form. A message with a symptom is never taken off the
// acute path by vitalOnly.
var (
	vitalWords   = keys("bp", "blood", "pressure", "heart", "pulse", "rate", "hr", "bpm", "sats", "oxygen", "o2", "blutdruck", "puls", "herzfrequenz", "ruhepuls", "sauerstoff", "zucker", "blutzucker", "watch", "uhr")
	symptomStems = []string{"pain", "hurt", "ache", "aching", "headach", "dizz", "lighthead", "faint", "blur", "vision", "numb", "tingl", "confus", "vomit", "throwing", "puk", "nause", "sweat",
		"clammy", "racing", "pound", "palpitat", "breath", "tight", "chest", "shak", "collaps", "passed", "pass", "seiz", "slur", "weak", "nosebleed", "bleed",
		"schmerz", "kopfschmerz", "kopfweh", "weh", "schwindel", "schwindl", "uebel", "ueberg", "erbroch", "kotz", "brust", "luft", "atem", "rast", "herzras", "stolper",
		"stech", "taub", "kribbel", "verwirr", "ohnmacht", "umgekippt", "zitter", "schweiss", "sehstoer", "flimmer", "doppelt", "druck", "engegefuehl"}
	calmWords = keys("fine", "ok", "okay", "good", "great", "normal", "well", "gut", "prima", "bestens")
	feelWords = keys("feel", "feeling", "felt", "feels", "fuehle", "fuehl", "geht", "mir")
)

// symptom reports whether a word in normal form starts like an acute
// symptom.
func symptom(w string) bool {
	for _, p := range symptomStems {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// vitalOnly reports whether an acute match on tokens [s, e) is a vital
// sign's number ("bp 180/110", "heart was 180") asked about or said to feel
// fine, with no symptom word anywhere in the message: a medical question
// ("bp 180/110 on my home machine, feel totally fine though. can i still do
// the session later"), not an emergency. A vital sign with a symptom now
// ("bp 190/120 and a pounding headache") stays acute.
func (t *prepared) vitalOnly(s, e int) bool {
	vital, num := false, false
	for i := s; i < e; i++ {
		vital = vital || vitalWords[t.toks[i].key]
		num = num || t.toks[i].num >= 0
	}
	if !vital || !num {
		return false
	}
	calm := false
	for i, tk := range t.toks {
		if symptom(tk.text) {
			return false
		}
		if calmWords[tk.key] {
			for j := i - 1; j >= 0 && j >= i-3 && t.toks[j].sent == tk.sent; j-- {
				calm = calm || feelWords[t.toks[j].key]
			}
		}
	}
	return calm || t.question(t.toks[s].sent)
}
