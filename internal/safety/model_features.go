package safety

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Extra feature kinds of the model, bits of featureKinds.
const (
	fkClass     = 1 << iota // the word classes of lexicon.go
	fkNeg                   // words in the scope of a negation
	fkStem                  // crude stems, alone and in pairs
	fkCross                 // character 4-grams across a word boundary
	fkClassPair             // pairs of a word and a neighbour's class
	fkNoLen                 // no length feature
	fkLenCap                // lengths over 20 words count as 20
	fkCompound              // a long word ending in a class word, or beginning like a named medicine, is seen as its class
	fkDrugEnd               // a word of no class that ends like a generic medicine (an INN stem: -pril, -olol, -azepam) is seen as a named medicine
	fkMedicines             // the medicines of the frozen vocabulary (modelMedicineKeys) are named medicines too
	fkMedOwn                // with fkMedicines and fkDrugEnd: the vocabulary's and the endings' words not already of a class have a class of their own, not drugname's
)

// featureKinds are the extra feature kinds the model uses (fkNeg since
// round 6: negated hard negatives sat at the risk head's threshold).
var featureKinds uint32 = fkClass | fkNeg | fkDrugEnd | fkMedicines

// classesDigest is the SHA-256 of the word classes as the features read
// them: every word's classes, the medicine endings and the ordinary words
// kept from them, and the feature kinds (see Model.Classes).
func classesDigest() string {
	var b strings.Builder
	fmt.Fprintf(&b, "kinds %d\n", featureKinds)
	keys := make([]string, 0, len(wordClasses))
	for k := range wordClasses {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s %v\n", k, wordClasses[k])
	}
	ends := make([]string, 0, len(drugEnds))
	for e := range drugEnds {
		ends = append(ends, e)
	}
	sort.Strings(ends)
	fmt.Fprintf(&b, "ends %v\n", ends)
	var stop []string
	for _, m := range []map[string]bool{modelDrugEndStop, modelMedicineStop} {
		for w := range m {
			stop = append(stop, w)
		}
	}
	sort.Strings(stop)
	fmt.Fprintf(&b, "stop %v %d %d\n", stop, drugMinLen, drugStem)
	return sha256hex([]byte(b.String()))
}

// classMacros are the word classes (of lexicon.go, frozen in
// modelClassWords) whose one-word members the model sees as the class too ("stab" is also {harmverb}), so that what it learns of
// one member carries to the others.
var classMacros = []string{"pillword", "drugname", "medword", "ket", "weapon", "body", "enplace", "dplace", "poison",
	"harmverb", "person", "vital", "symptom", "dsymptom", "condition", "dcondition", "subst", "when", "burden",
	"hurtend", "dschluck", "odverb", "abuser"}

// wordClasses maps a word's key to the hashes of its classes.
var wordClasses = buildWordClasses()

func buildWordClasses() map[string][]uint32 {
	out := map[string][]uint32{}
	for _, name := range classMacros {
		h := fnvString(fnvByte(fnvOffset, 'k'), name)
		for _, k := range strings.Fields(modelClassWords[name]) {
			out[k] = append(out[k], h)
		}
	}
	if featureKinds&fkMedicines != 0 {
		for _, k := range modelMedicineKeys {
			if featureKinds&fkMedOwn != 0 {
				if _, ok := out[k]; !ok {
					out[k] = []uint32{medOwnClass}
				}
				continue
			}
			for _, name := range []string{"pillword", "drugname"} {
				if h := fnvString(fnvByte(fnvOffset, 'k'), name); !slices.Contains(out[k], h) {
					out[k] = append(out[k], h)
				}
			}
		}
	}
	return out
}

// drugPrefixes maps the first drugPrefix letters of each named medicine
// (the drugname class, at least drugPrefix+1 letters long) to its classes,
// so that "quetiapin", "sertralindosis" and "escitalopramtropfen" are seen as
// a named medicine (see classesOf).
var drugPrefixes = func() map[string][]uint32 {
	out := map[string][]uint32{}
	for _, k := range strings.Fields(modelClassWords["drugname"]) {
		if len(k) > drugPrefix {
			if _, ok := out[k[:drugPrefix]]; !ok {
				out[k[:drugPrefix]] = wordClasses[k]
			}
		}
	}
	return out
}()

// compoundEnds maps the words of the classes of things (medicines,
// weapons, poisons, symptoms, vital signs) of at least compoundPart letters to their
// classes: a long word ending in one is seen as its class (see classesOf).
var compoundEnds = func() map[string][]uint32 {
	out := map[string][]uint32{}
	for _, name := range []string{"pillword", "drugname", "medword", "ket", "weapon", "poison", "symptom", "dsymptom", "vital"} {
		for _, k := range strings.Fields(modelClassWords[name]) {
			if len(k) >= compoundPart {
				out[k] = wordClasses[k]
			}
		}
	}
	return out
}()

const (
	drugPrefix   = 7 // letters a word shares with a named medicine's start
	compoundPart = 5 // the shortest class word looked for at a word's end
	compoundHead = 3 // the fewest letters before it
)

// classesOf returns the hashes of the classes of a word's key: its own
// (see wordClasses) or, with fkCompound, for a long word that is none, the
// classes of the longest word of a class of things it ends with
// ("schlaftableten" ends with "tableten", "kuechenmeser" with "meser"; see
// compoundEnds) or of the named medicine
// it begins like (see drugPrefixes).
func classesOf(k string) []uint32 {
	c, ok := wordClasses[k]
	if ok {
		return c
	}
	if featureKinds&fkDrugEnd != 0 && drugLike(k) {
		if featureKinds&fkMedOwn != 0 {
			return medOwnClasses
		}
		return drugEndClasses
	}
	if featureKinds&fkCompound == 0 {
		return nil
	}
	for j := compoundHead; j+compoundPart <= len(k); j++ {
		if c, ok := compoundEnds[k[j:]]; ok {
			return c
		}
	}
	if len(k) >= drugPrefix {
		return drugPrefixes[k[:drugPrefix]]
	}
	return nil
}

// drugEndClasses are the classes of a named medicine (see drugLike).
var drugEndClasses = wordClasses["sertraline"]

// medOwnClass is the class of the medicines of the vocabulary and the
// endings with fkMedOwn.
var (
	medOwnClass   = fnvString(fnvByte(fnvOffset, 'k'), "medsnap")
	medOwnClasses = []uint32{medOwnClass}
)

// drugEnds holds the endings of modelDrugEndings, and drugEndLens their
// lengths, longest first.
var drugEnds, drugEndLens = func() (map[string]bool, []int) {
	m := map[string]bool{}
	seen := map[int]bool{}
	var lens []int
	for _, e := range append(strings.Fields(modelDrugEndings), modelMedicineStems...) {
		m[e] = true
		if !seen[len(e)] {
			seen[len(e)] = true
			lens = append(lens, len(e))
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(lens)))
	return m, lens
}()

// drugLike reports whether a word's key that is in no class ends like a
// generic medicine (modelDrugEndings: "pantoprazol", "candesartan",
// "nebivolol"), with at least drugStem letters before the ending, and is
// not one of the ordinary words with such an ending (modelDrugEndStop:
// "april", "magazine").
func drugLike(k string) bool {
	if len(k) < drugMinLen || modelDrugEndStop[k] || modelMedicineStop[k] {
		return false
	}
	for _, n := range drugEndLens {
		if len(k)-n >= drugStem && drugEnds[k[len(k)-n:]] {
			return true
		}
	}
	return false
}

const (
	drugMinLen = 7 // the shortest word read as a medicine by its ending
	drugStem   = 3 // the fewest letters before the ending
)

// negWords are the negations of both languages.
var negWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range english.neg {
		m[w] = true
	}
	for w := range german.neg {
		m[w] = true
	}
	return m
}()

// stem strips a common English or German ending from a word's key.
func stem(k string) string {
	if len(k) < 5 {
		return k
	}
	for _, suf := range []string{"ing", "ed", "es", "en", "er", "em", "st", "e", "s", "t", "n"} {
		if strings.HasSuffix(k, suf) && len(k)-len(suf) >= 3 {
			return k[:len(k)-len(suf)]
		}
	}
	return k
}

// extraFeatures emits token i's features of the kinds in featureKinds.
func extraFeatures(a *analysed, i int, negScope bool, emit func(tok int, b uint32)) {
	t := &a.toks[i]
	k := featureKey(t)
	same := i > 0 && a.toks[i-1].sent == t.sent
	if featureKinds&fkClass != 0 {
		for _, c := range classesOf(k) {
			emit(i, c&modelMask)
			if same {
				emit(i, fnvString(fnvByte(c, 1), featureKey(&a.toks[i-1]))&modelMask)
			}
		}
		if same {
			for _, c := range classesOf(featureKey(&a.toks[i-1])) {
				emit(i, fnvString(fnvByte(c, 2), k)&modelMask)
			}
		}
	}
	if featureKinds&fkClassPair != 0 && same {
		for _, c := range wordClasses[featureKey(&a.toks[i-1])] {
			for _, d := range wordClasses[k] {
				emit(i, fnvByte(fnvByte(c^d*31, 3), 3)&modelMask)
			}
		}
	}
	if featureKinds&fkNeg != 0 && negScope {
		emit(i, fnvString(fnvByte(fnvOffset, 'n'), k)&modelMask)
	}
	if featureKinds&fkStem != 0 {
		s := stem(k)
		emit(i, fnvString(fnvByte(fnvOffset, 't'), s)&modelMask)
		if same {
			emit(i, fnvString(fnvByte(fnvString(fnvByte(fnvOffset, 'u'), stem(featureKey(&a.toks[i-1]))), 0), s)&modelMask)
		}
	}
	if featureKinds&fkCross != 0 && same {
		p := featureKey(&a.toks[i-1])
		// the last two letters of the word before, a space, the first
		// one and two letters of this one
		if len(p) >= 2 && len(k) >= 2 {
			h := fnvByte(fnvByte(fnvByte(fnvOffset, 'x'), p[len(p)-2]), p[len(p)-1])
			h = fnvByte(h, ' ')
			emit(i, fnvByte(h, k[0])&modelMask)
			emit(i, fnvByte(fnvByte(h, k[0]), k[1])&modelMask)
		}
	}
}
