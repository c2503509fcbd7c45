package safety

import "strings"

// Extra feature kinds of the model, bits of featureKinds.
const (
	fkClass     = 1 << iota // the word classes of lexicon.go
	fkNeg                   // words in the scope of a negation
	fkStem                  // crude stems, alone and in pairs
	fkCross                 // character 4-grams across a word boundary
	fkClassPair             // pairs of a word and a neighbour's class
	fkNoLen                 // no length feature
	fkLenCap                // lengths over 20 words count as 20
)

// featureKinds are the extra feature kinds the model uses (fkNeg since
// round 6: negated hard negatives sat at the risk head's threshold).
var featureKinds uint32 = fkClass | fkNeg

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
	return out
}

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
		for _, c := range wordClasses[k] {
			emit(i, c&modelMask)
			if same {
				emit(i, fnvString(fnvByte(c, 1), featureKey(&a.toks[i-1]))&modelMask)
			}
		}
		if same {
			for _, c := range wordClasses[featureKey(&a.toks[i-1])] {
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
