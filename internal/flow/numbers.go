package flow

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// The number lint (issue 11): phone numbers and short codes live in
// clinic.yaml's safety resource blocks only (crisis:, and harm_to_others:,
// abuse:, acute_medical: when given), per locale. A patient-facing text of a
// locale that shows a number which is not in one of that locale's blocks is
// refused: when a clinic swaps its crisis block to another country, no stale
// 911 or 988 stays behind in the disclaimer, the next steps or a flow.

// phoneRe finds phone-like numbers: digits, possibly after "+" and grouped
// by spaces, dots, dashes or brackets ("988", "0800 111 0 111",
// "+44 20 7946 0000", "(555) 123-4567").
var phoneRe = regexp.MustCompile(`\+?\(?\d[\d\- .()/]*\d|\d`)

// unitAfter are words that make a number a quantity, not a phone number:
// "250 ml", "15 minutes", "24 hours".
var unitAfter = []string{"ml", "mg", "g", "kg", "mcg", "µg", "l", "%", "min", "mins", "minute", "minutes", "hour", "hours", "h",
	"day", "days", "week", "weeks", "month", "months", "year", "years", "times", "km", "miles", "mmhg", "bpm",
	"minuten", "stunde", "stunden", "tag", "tage", "tagen", "woche", "wochen", "monat", "monate", "monaten", "jahr", "jahre", "jahren", "mal"}

// phoneNumbers returns the phone numbers and short codes in s: phone-like
// runs with at least 3 digits that are not part of a word ("PHQ-9"), a
// time ("10:30"), a decimal, a date, or a quantity ("250 ml", "2026").
func phoneNumbers(s string) []string {
	var out []string
	for _, loc := range phoneRe.FindAllStringIndex(s, -1) {
		m := strings.TrimRight(s[loc[0]:loc[1]], " .-/(")
		start, end := loc[0], loc[0]+len(m)
		digits := onlyDigits(m)
		if len(digits) < 3 {
			continue
		}
		if start > 0 {
			prev := []rune(s[:start])
			if p := prev[len(prev)-1]; unicode.IsLetter(p) || p == '-' || p == ':' || p == '.' || p == ',' || p == '_' {
				continue
			}
		}
		if end < len(s) {
			next := []rune(s[end:])[0]
			if unicode.IsLetter(next) || next == ':' || next == '%' || next == ',' && end+1 < len(s) && s[end+1] >= '0' && s[end+1] <= '9' {
				continue
			}
		}
		rest := strings.Fields(strings.ToLower(s[end:]))
		if len(rest) > 0 && slices.Contains(unitAfter, strings.Trim(rest[0], ".,;:!?)")) {
			continue
		}
		if len(digits) == 4 && (strings.HasPrefix(digits, "19") || strings.HasPrefix(digits, "20")) && digits == m {
			continue // a year
		}
		if strings.Count(m, "-") == 2 && len(digits) == 8 && !strings.Contains(m, " ") {
			continue // a date, 2026-03-14
		}
		if lo, hi, ok := strings.Cut(strings.TrimLeft(m, "("), "-"); ok && !strings.ContainsAny(m, " +.") && !strings.Contains(hi, "-") && len(onlyDigits(lo)) <= 3 && len(onlyDigits(hi)) <= 3 {
			continue // a range, 0-10
		}
		out = append(out, m)
	}
	return out
}

func onlyDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lintNumbers refuses patient-facing texts that show a phone number or short
// code that is not in a safety resource block of the text's locale.
func (c *compiler) lintNumbers() {
	known := map[string][]string{} // locale -> digits of every number in its blocks
	blockText := map[string]bool{} // locale + "\x00" + text of every block
	for _, u := range c.resources {
		l := u.locale
		for _, s := range append([]string{u.res.Text[l], u.res.Emergency}, u.res.Hotlines...) {
			for _, n := range phoneNumbers(s) {
				known[l] = append(known[l], onlyDigits(n))
			}
			if d := onlyDigits(s); s == u.res.Emergency && d != "" {
				known[l] = append(known[l], d)
			}
		}
		blockText[l+"\x00"+u.res.Text[l]] = true
	}
	for _, u := range c.texts {
		for _, l := range sortedKeys(u.text) {
			s := u.text[l]
			if u.key == "text" && blockText[l+"\x00"+s] {
				continue // a resource block's own text
			}
			for _, n := range phoneNumbers(s) {
				if slices.Contains(known[l], onlyDigits(n)) {
					continue
				}
				where := "clinic.yaml has no safety resource block for " + l
				if len(known[l]) > 0 {
					where = "it is in none of clinic.yaml's safety resource blocks for " + l + " (crisis, and harm_to_others, abuse, acute_medical when given)"
				}
				u.r.sink.errorf(u.r.locate(u.nodes[l], n), "%s: %q looks like a phone number or short code, but %s; numbers change with the country, so write them only in those blocks and refer to them here (\"call your local emergency number\"), or add this one to a block", u.key, n, where)
			}
		}
	}
}
