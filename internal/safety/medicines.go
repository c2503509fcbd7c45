package safety

import (
	_ "embed"
	"slices"
	"strings"
)

// medicinesText is the medicine vocabulary: names, classes and INN stems,
// one a line (see medicines.txt for its rules).
//
//go:embed medicines.txt
var medicinesText string

// medicineNames are the medicines and classes of medicines.txt, with the
// German spellings of generic names added (see germanForm), each once, in
// file order. medicineStems are its INN stems ("pril" for "*pril").
var medicineNames, medicineStems = parseMedicines(medicinesText)

// parseMedicines reads the vocabulary: an entry a line, "#" comments, a
// leading "*" for a stem.
func parseMedicines(text string) (names, stems []string) {
	seen := map[string]bool{}
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	for line := range strings.Lines(text) {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		e := strings.Join(strings.Fields(line), " ")
		switch {
		case e == "":
		case strings.HasPrefix(e, "*"):
			stems = append(stems, e[1:])
		default:
			add(e)
			if g := germanForm(e); g != "" && Normalize(g) == g {
				add(g)
			}
		}
	}
	return names, stems
}

// germanEndings are the English endings of generic names and their German
// spellings: sertraline, sertralin; omeprazole, omeprazol.
var germanEndings = [][2]string{{"ine", "in"}, {"ole", "ol"}, {"one", "on"}, {"ide", "id"}, {"ate", "at"}, {"ene", "en"}}

// germanForm returns the German spelling of a one-word generic name of at
// least seven letters, or "".
func germanForm(name string) string {
	if len(name) < 7 || strings.Contains(name, " ") {
		return ""
	}
	for _, e := range germanEndings {
		if strings.HasSuffix(name, e[0]) {
			return strings.TrimSuffix(name, e[0]) + e[1]
		}
	}
	return ""
}

// medicineMacro is {med9}: every medicine name and class, and every stem
// as a suffix ("*pril"), as one choice.
func medicineMacro() string {
	alts := slices.Clone(medicineNames)
	for _, s := range medicineStems {
		alts = append(alts, "*"+s)
	}
	return "(" + strings.Join(alts, "|") + ")"
}

// stemKeys are the collapsed INN stems; stemMinHead is the fewest letters a
// word needs before its stem to count as a medicine by it.
var stemKeys = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range medicineStems {
		m[collapse(s)] = true
	}
	return m
}()

const stemMinHead = 3

// stemExceptions are ordinary English and German words (collapsed keys)
// that end in an INN stem with enough letters before it: a stem does not
// make them medicines. Found by checking the stems against English and
// German dictionaries and the fitted messages; TestMedicineStems keeps a
// list of them.
var stemExceptions = set("guadalquivir", "anticyclone", "mongrel", "terapin", "stupidem")

// hasSuffix reports whether a word's key ends with a pattern's suffix key.
// An INN stem counts only after stemMinHead letters and never in an
// ordinary word (stemExceptions), so "*pril" finds "lisinopril" and not
// "april".
func hasSuffix(key, suf string) bool {
	if !strings.HasSuffix(key, suf) {
		return false
	}
	if !stemKeys[suf] {
		return true
	}
	return len(key) >= len(suf)+stemMinHead && !stemExceptions[key]
}
