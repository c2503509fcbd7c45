package flow

import (
	"regexp"
	"strings"
)

// Dose amounts and dosing instructions. The bot gives no medical advice, so a
// text the patient sees may not give doses unless the clinic marked its step
// `logistics: reviewed`. The patterns are deliberately small and explainable;
// dosing_test.go lists what they must and must not find, in English and
// German.
var (
	// Amounts: a number, a fraction or a spelled-out number.
	doseNum     = `(?:\d+(?:[.,/]\d+)?|[½¼¾])`
	doseWordsEN = `one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|half|one and a half`
	doseWordsDE = `zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|fünfzehn|zwanzig|dreißig|vierzig|fünfzig|hundert|halbe?|anderthalb|eineinhalb`
	// Articles and vague amounts count before pills ("take a pill", "eine
	// Tablette", "a few drops"), not before units ("a g" is no dose).
	doseVagueEN = `an?|a few|a couple(?: of)?|several|some|another|extra|more|half an?|half of an?|one more`
	doseVagueDE = `eine?|einen|einer|ein paar|einige|mehrere|noch eine?`

	doseUnits   = `mg|mcg|µg|μg|ug|g|ml|milligrams?|micrograms?|grams?|millilit(?:er|re)s?|units?|iu|milligramm|mikrogramm|gramm|milliliter|einheiten`
	pillNounsEN = `pills?|tablets?|capsules?|caps|drops|doses?|puffs?|sprays?|lozenges?|sachets?|patch(?:es)?|(?:tea|table)?spoonfuls?`
	pillNounsDE = `tabletten?|kapseln?|tropfen|pillen?|dragees?|hübe|sprühstöße|dosis|dosen|messlöffel`

	doseBefore = `(?:^|[^\p{L}\p{N}])`
	doseAfter  = `(?:$|[^\p{L}\p{N}])`
	doseWord   = `[\p{L}\p{N}'’-]+\s+`
)

var dosePatterns = []*regexp.Regexp{
	// "25 mg", "2.5ml", "10-20 mg", "two milligrams", "10 Einheiten".
	regexp.MustCompile(`(?i)` + doseBefore + `((?:` + doseNum + `|(?:` + doseWordsEN + `|` + doseWordsDE + `))\s*(?:-\s*` + doseNum + `\s*)?(?:` + doseUnits + `))` + doseAfter),
	// "take 2 tablets", "take a few drops", "take half a pill", "take two small white pills".
	regexp.MustCompile(`(?i)` + doseBefore + `(take\s+(?:` + doseNum + `|` + doseWordsEN + `|` + doseVagueEN + `)\s+(?:` + doseWord + `){0,2}?(?:` + pillNounsEN + `))` + doseAfter),
	// "2 tablets", "three capsules" (an amount, without "take").
	regexp.MustCompile(`(?i)` + doseBefore + `((?:` + doseNum + `|` + doseWordsEN + `)\s+(?:` + doseWord + `)?(?:` + pillNounsEN + `))` + doseAfter),
	// German amounts of pills: "2 Tabletten", "eine halbe Tablette", "ein paar Tropfen".
	regexp.MustCompile(`(?i)` + doseBefore + `((?:` + doseNum + `|` + doseWordsDE + `|` + doseVagueDE + `)\s+(?:` + doseWord + `)?(?:` + pillNounsDE + `))` + doseAfter),
	// German instructions: "nehmen Sie Ihre Tabletten", "nimm deine Medikamente".
	regexp.MustCompile(`(?i)` + doseBefore + `((?:nehmen\s+sie|nimm)\s+(?:` + doseWord + `){0,4}?(?:` + pillNounsDE + `|medikamente?|arzneimittel|ketamin))` + doseAfter),
}

// Medication changes: telling a patient to stop, skip, double or reduce a
// medicine is advice as much as a dose is. A negated instruction ("not to
// stop or change any medicine on your own") is the opposite, and is left
// alone (see negated).
var (
	medNounsEN = `doses?|dosage|medications?|medicines?|meds|prescriptions?|antidepressants?|pills?|tablets?`
	medNounsDE = `dosis|medikamente?|medikation|arzneimittel|tabletten?|antidepressiv(?:a|um)`
)

var medChangePatterns = []*regexp.Regexp{
	// "Stop taking your lithium", "skip taking it", "quit taking sertraline".
	regexp.MustCompile(`(?i)` + doseBefore + `((?:stop|quit|skip|pause)\s+taking\s+[\p{L}\p{N}'’-]+(?:\s+[\p{L}\p{N}'’-]+)?)` + doseAfter),
	// "Double your sertraline dose", "reduce your medication", "halve the dose".
	regexp.MustCompile(`(?i)` + doseBefore + `((?:double|halve|increase|decrease|reduce|lower|raise|adjust|change|skip|stop|pause|taper)\s+(?:` + doseWord + `){0,3}?(?:` + medNounsEN + `))` + doseAfter),
	// German: "setzen Sie Ihre Medikamente ab", "verdoppeln Sie die Dosis",
	// "hören Sie auf, Lithium zu nehmen".
	regexp.MustCompile(`(?i)` + doseBefore + `((?:setzen\s+sie|setz)\s+(?:` + doseWord + `){0,6}?ab)` + doseAfter),
	regexp.MustCompile(`(?i)` + doseBefore + `((?:verdoppeln|halbieren|erhöhen|reduzieren|verringern|ändern|pausieren)\s+sie\s+(?:` + doseWord + `){0,3}?(?:` + medNounsDE + `))` + doseAfter),
	regexp.MustCompile(`(?i)` + doseBefore + `(hören\s+sie\s+auf,?\s+(?:` + doseWord + `){0,3}?zu\s+nehmen)` + doseAfter),
}

// negated reports whether the words just before the match s[i:j], or in it,
// negate the instruction ("not to", "don't", "never", "nicht", "nichts").
func negated(s string, i, j int) bool {
	words := strings.Fields(strings.ToLower(s[:i]))
	if len(words) > 4 {
		words = words[len(words)-4:]
	}
	words = append(words, strings.Fields(strings.ToLower(s[i:j]))...)
	for _, w := range words {
		switch strings.Trim(w, ",.;:!?\"'’") {
		case "not", "don't", "dont", "never", "no", "nicht", "nichts", "nie", "niemals", "keine", "kein":
			return true
		}
	}
	return false
}

// findDose returns the first dose amount, dosing instruction or medication
// change in s, or "" when there is none.
func findDose(s string) string {
	best, at := "", -1
	for _, re := range dosePatterns {
		m := re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		if at < 0 || m[2] < at {
			best, at = s[m[2]:m[3]], m[2]
		}
	}
	for _, re := range medChangePatterns {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			if negated(s, m[2], m[3]) {
				continue
			}
			if at < 0 || m[2] < at {
				best, at = s[m[2]:m[3]], m[2]
			}
			break
		}
	}
	return strings.Join(strings.Fields(best), " ")
}
