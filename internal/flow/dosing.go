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

// findDose returns the first dose amount or dosing instruction in s, or ""
// when there is none.
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
	return strings.Join(strings.Fields(best), " ")
}
