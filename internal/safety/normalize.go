package safety

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one normalised word of a message.
type token struct {
	text   string // the normalised word, as Normalize prints it
	key    string // text with every run of a repeated letter collapsed: what rules compare
	sent   int32  // sentence number; rules never match across sentences
	clause int32  // clause number; negation and subjects are looked for within a clause
	quoted bool   // inside double quotes
	num    int    // the value of a number token, or -1
}

// analysed is a message split into tokens.
type analysed struct {
	toks  []token
	sentQ []bool // per sentence: it ended with a question mark
}

// Normalize returns text as the detector sees it: accents folded (German
// umlauts to ae, oe, ue; ß to ss), lower case, digits and symbols inside words
// read as letters (k1ll: kill), letters repeated three or more times squeezed
// to one, contractions, chat abbreviations and common misspellings expanded
// (im: i am, wanna: want to, kms: kill myself, sucidal: suicidal), punctuation
// dropped and words separated by single spaces. It is pure and safe for
// concurrent use.
func Normalize(text string) string {
	a := analyse(text)
	var b strings.Builder
	for i, t := range a.toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// fold maps single runes (already lower case) to their ASCII reading.
var fold = map[rune]string{
	'ä': "ae", 'ö': "oe", 'ü': "ue", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th", 'ð': "d",
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'ç': "c", 'ć': "c", 'č': "c", 'ĉ': "c", 'ď': "d", 'đ': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ğ': "g", 'ĝ': "g", 'ħ': "h",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i",
	'ł': "l", 'ľ': "l", 'ĺ': "l", 'ñ': "n", 'ń': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ø': "o", 'ō': "o", 'ő': "o",
	'ŕ': "r", 'ř': "r", 'ś': "s", 'š': "s", 'ş': "s", 'ș': "s",
	'ť': "t", 'ţ': "t", 'ț': "t",
	'ù': "u", 'ú': "u", 'û': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
	'’': "'", '‘': "'", 'ʼ': "'", '`': "'", '´': "'", '′': "'",
	'“': "\"", '”': "\"", '„': "\"", '«': "\"", '»': "\"", '″': "\"", '‟': "\"",
	'–': "-", '—': "-", '‐': "-", '‑': "-", '−': "-", '…': "...",
	'😂': " lol ", '🤣': " lol ", '😆': " lol ", '😹': " lol ", '💀': " lol ", // laughter: a joke marker
	'\u00ad': "", '\u200b': "", '\u200c': "", '\u200d': "", '\u2060': "", '\ufeff': "",
}

// foldRune appends the folded, lower-cased form of r to rs.
func foldRune(rs []rune, r rune) []rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		r -= 0xFEE0
	case r >= 0x1D400 && r < 0x1D400+13*52: // mathematical letters (bold, italic, script...)
		off := (r - 0x1D400) % 52
		if off < 26 {
			r = 'a' + off
		} else {
			r = 'a' + off - 26
		}
	case r >= 0x1D7CE && r <= 0x1D7FF: // mathematical digits
		r = '0' + (r-0x1D7CE)%10
	case r >= 0x24B6 && r <= 0x24CF: // circled capitals
		r = 'a' + r - 0x24B6
	case r >= 0x24D0 && r <= 0x24E9: // circled small letters
		r = 'a' + r - 0x24D0
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(rs, r)
	}
	r = unicode.ToLower(r)
	if r < utf8.RuneSelf {
		return append(rs, r)
	}
	if f, ok := fold[r]; ok {
		for _, c := range f {
			rs = append(rs, c)
		}
		return rs
	}
	if unicode.Is(unicode.Mn, r) { // a combining mark: a decomposed accent
		if r == '\u0308' { // diaeresis: a¨ reads as ae, like ä
			if n := len(rs); n > 0 && (rs[n-1] == 'a' || rs[n-1] == 'o' || rs[n-1] == 'u') {
				rs = append(rs, 'e')
			}
		}
		return rs
	}
	return append(rs, r)
}

func isLetter(r rune) bool {
	return r < utf8.RuneSelf && 'a' <= r && r <= 'z' || r >= utf8.RuneSelf && unicode.IsLetter(r)
}
func isDigit(r rune) bool { return '0' <= r && r <= '9' }
func isWordRune(r rune) bool {
	return isLetter(r) || isDigit(r) || r >= utf8.RuneSelf && unicode.IsNumber(r)
}

// leet maps digits and symbols used as letters inside words.
var leet = map[rune]rune{'0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i'}

// units may follow a number in one word: 100mg reads as 100 mg.
var units = set("mg", "mcg", "g", "kg", "ml", "l", "x", "am", "pm", "h", "hr", "hrs", "min", "mins", "st", "nd", "rd", "th", "s", "mgkg", "ug", "iu")

// analyse normalises text into tokens.
func analyse(text string) analysed { return analyseWith(text, nil) }

// analyseBuf holds analyse's buffers, for reuse (see Detector.prepare).
type analyseBuf struct {
	rs      []rune
	toks    []token
	sentQ   []bool
	scratch []byte
}

// analyseWith is analyse reusing buf's buffers when buf is not nil; the
// result then shares them until the next call with buf.
func analyseWith(text string, buf *analyseBuf) analysed {
	if buf == nil {
		buf = &analyseBuf{}
	}
	rs, scratch := buf.rs[:0], buf.scratch
	if cap(rs) < len(text)+8 {
		rs = make([]rune, 0, len(text)+8)
	}
	for _, r := range text {
		rs = foldRune(rs, r)
	}
	a := analysed{toks: buf.toks[:0], sentQ: buf.sentQ[:0]}
	if cap(a.toks) < len(rs)/5+4 {
		a.toks = make([]token, 0, len(rs)/5+4)
	}
	// The words' texts and keys are cut from one growing arena: a string
	// taken from a strings.Builder never changes as the builder grows.
	var arena strings.Builder
	arena.Grow(2*len(text) + 16)
	intern := func(b []byte) string {
		start := arena.Len()
		arena.Write(b)
		return arena.String()[start:]
	}

	var sent, clause int32
	quoted := false
	var word []byte  // UTF-8
	var last rune    // the last rune of word
	emitted := false // a token was emitted in the current sentence
	clauseUsed := false
	var memo map[string][]string // words repeat in a long message; folding them is the main cost
	if len(text) > 2048 {
		memo = map[string][]string{}
	}
	flush := func() {
		if len(word) == 0 {
			return
		}
		var one string
		ws, ok := memo[string(word)]
		if !ok {
			raw := intern(word)
			one, ws = foldWord1(raw)
			if memo != nil && len(memo) < 4096 {
				if ws == nil {
					ws = []string{one}
				}
				memo[raw] = ws
			}
		}
		if ws == nil {
			a.toks = append(a.toks, token{text: one, sent: sent, clause: clause, quoted: quoted, num: -1})
		}
		for _, w := range ws {
			a.toks = append(a.toks, token{text: w, sent: sent, clause: clause, quoted: quoted, num: -1})
		}
		word = word[:0]
		last = 0
		emitted = true
		clauseUsed = true
	}
	endClause := func() {
		flush()
		if clauseUsed {
			clause++
			clauseUsed = false
		}
	}
	endSentence := func(q bool) {
		flush()
		if emitted {
			a.sentQ = append(a.sentQ, q)
			sent++
			emitted = false
		} else if q && len(a.sentQ) > 0 {
			a.sentQ[len(a.sentQ)-1] = true // "why?!": a second mark on an ended sentence
		}
		if clauseUsed {
			clause++
			clauseUsed = false
		}
	}
	at := func(i int) rune {
		if i >= 0 && i < len(rs) {
			return rs[i]
		}
		return 0
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		next := at(i + 1)
		switch {
		case isWordRune(r):
			word, last = utf8.AppendRune(word, r), r
		case r == '\'':
			if len(word) > 0 && isLetter(last) && isLetter(next) {
				word, last = utf8.AppendRune(word, r), r
			} else {
				flush()
			}
		case r == '@' || r == '$':
			if isLetter(next) && (len(word) == 0 || isLetter(last)) {
				word, last = utf8.AppendRune(word, r), r
			} else {
				flush()
			}
		case r == '!':
			if len(word) > 0 && isLetter(last) && isLetter(next) {
				word, last = utf8.AppendRune(word, r), r
			} else {
				endSentence(false)
			}
		case r == '.' || r == ',':
			if len(word) > 0 && isDigit(last) && isDigit(next) && numeric(word) {
				word, last = utf8.AppendRune(word, '.'), '.' // 0.5, 3,1
				continue
			}
			if r == ',' {
				endClause()
				continue
			}
			if next == '.' { // an ellipsis: a pause, not a full stop
				for at(i+1) == '.' {
					i++
				}
				endClause()
				continue
			}
			endSentence(false)
		case r == '?':
			endSentence(true)
		case r == ';':
			endSentence(false)
		case r == '"':
			flush()
			quoted = !quoted
		case r == '-':
			if len(word) > 0 && isLetter(last) && isLetter(next) {
				flush() // self-harm reads as self harm
			} else {
				endClause()
			}
		case r == ':' || r == '(' || r == ')' || r == '[' || r == ']' || r == '{' || r == '}' || r == '\n' || r == '\r' || r == '|' || r == '/' && !(len(word) > 0 && isLetter(next)):
			endClause()
		default:
			flush()
		}
	}
	endSentence(false)
	if len(a.sentQ) == 0 {
		a.sentQ = append(a.sentQ, false)
	}
	a.toks = phrases(a.toks)
	var c, prev int32 = 0, -1
	for i := range a.toks {
		t := &a.toks[i]
		t.key = t.text
		if hasDouble(t.text) {
			scratch = collapseAppend(scratch[:0], t.text)
			t.key = intern(scratch)
		}
		t.num = number(t.text)
		// A conjunction starts a new clause: "i am not sad and want to die".
		if i > 0 && (t.clause != prev || conjunctions[t.key]) {
			c++
		}
		prev = t.clause
		t.clause = c
	}
	buf.rs, buf.toks, buf.sentQ, buf.scratch = rs, a.toks, a.sentQ, scratch
	return a
}

// numeric reports whether a word so far is a number: digits and points.
func numeric(w []byte) bool {
	for _, c := range w {
		if c != '.' && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// foldWord1 is foldWord without an allocation for the common case of one
// word: it returns the word, or nil and the words.
func foldWord1(w string) (string, []string) {
	if ws, ok := expand[w]; ok {
		return "", ws
	}
	plain := true
	for i := 0; i < len(w) && plain; i++ {
		plain = 'a' <= w[i] && w[i] <= 'z'
	}
	if plain { // foldWord's path for a word of letters a to z
		s := squeeze(w)
		if len(s) < len(w) { // squeeze changed it: look it up again
			if ws, ok := expand[s]; ok {
				return "", ws
			}
		}
		return canonical(s), nil
	}
	ws := foldWord(w)
	if len(ws) == 1 {
		return ws[0], nil
	}
	return "", ws
}

// foldWord turns one raw word into normalised words.
func foldWord(w string) []string {
	if ws, ok := expand[w]; ok {
		return ws
	}
	hasLetter, hasDigit := false, false
	for _, r := range w {
		switch {
		case isLetter(r):
			hasLetter = true
		case isDigit(r):
			hasDigit = true
		}
	}
	if hasDigit && hasLetter {
		// 100mg: a number and a unit. k1ll: a digit read as a letter.
		i := 0
		for i < len(w) && (isDigit(rune(w[i])) || w[i] == '.') {
			i++
		}
		if i > 0 {
			rest := w[i:]
			if rest == "k" {
				return []string{w[:i], "thousand"} // 5k, 10k: a distance or a sum, never ketamine
			}
			if units[rest] || !strings.ContainsAny(rest, "0123456789") {
				return append([]string{w[:i]}, foldWord(rest)...)
			}
		}
	}
	if strings.ContainsAny(w, "013457@$!") && hasLetter {
		var b strings.Builder
		for _, r := range w {
			if l, ok := leet[r]; ok {
				r = l
			}
			b.WriteRune(r)
		}
		w = b.String()
	}
	w = squeeze(w)
	if ws, ok := expand[w]; ok {
		return ws
	}
	if strings.ContainsRune(w, '\'') {
		if ws := contraction(w); ws != nil {
			return ws
		}
		w = strings.ReplaceAll(w, "'", "")
		if ws, ok := expand[w]; ok {
			return ws
		}
	}
	return []string{canonical(w)}
}

// squeeze shortens every run of three or more equal letters to one letter:
// diiiie reads as die.
func squeeze(w string) string {
	run := false
	for i := 2; i < len(w); i++ {
		if w[i] == w[i-1] && w[i] == w[i-2] {
			run = true
			break
		}
	}
	if !run {
		return w
	}
	rs := []rune(w)
	out := rs[:0]
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && rs[j] == rs[i] {
			j++
		}
		n := j - i
		if n >= 3 && isLetter(rs[i]) {
			n = 1
		}
		for k := 0; k < n; k++ {
			out = append(out, rs[i])
		}
		i = j
	}
	return string(out)
}

// collapse shortens every run of a repeated letter to one letter. Rules and
// messages are compared in this form, so kil, kill and killll are one word.
func collapse(w string) string {
	if !hasDouble(w) {
		return w
	}
	return string(collapseAppend(make([]byte, 0, len(w)), w))
}

// hasDouble reports whether w has two equal bytes in a row.
func hasDouble(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] {
			return true
		}
	}
	return false
}

// collapseAppend appends collapse(w) to b.
func collapseAppend(b []byte, w string) []byte {
	prev := rune(-1)
	for _, r := range w {
		if r == prev && isLetter(r) {
			continue
		}
		b = utf8.AppendRune(b, r)
		prev = r
	}
	return b
}

// isTo reads 's as "is" after these words; elsewhere it is a possessive.
var isTo = set("it", "he", "she", "that", "what", "there", "who", "here", "where", "how", "everything", "nothing", "life", "this", "everyone", "everybody", "nobody", "noone", "someone", "somebody")

// contraction expands a word with an apostrophe, or returns nil.
func contraction(w string) []string {
	cut := func(suffix string) (string, bool) {
		if strings.HasSuffix(w, suffix) {
			return w[:len(w)-len(suffix)], true
		}
		return "", false
	}
	if base, ok := cut("n't"); ok {
		switch base {
		case "ca", "can":
			base = "can"
		case "wo":
			base = "will"
		case "ai":
			base = "am"
		case "sha":
			base = "shall"
		}
		return []string{base, "not"}
	}
	for _, c := range [...]struct{ suf, word string }{{"'m", "am"}, {"'re", "are"}, {"'ve", "have"}, {"'ll", "will"}, {"'d", "would"}} {
		if base, ok := cut(c.suf); ok && base != "" {
			return append(foldWord(base), c.word)
		}
	}
	if base, ok := cut("'s"); ok && base != "" {
		if isTo[base] {
			return []string{base, "is"}
		}
		return foldWord(base)
	}
	return nil
}

// number returns the value of a number token, or -1.
func number(w string) int {
	if v, ok := numberWords[w]; ok {
		return v
	}
	if w == "" || !isDigit(rune(w[0])) {
		return -1
	}
	if i := strings.IndexByte(w, '.'); i >= 0 {
		w = w[:i]
	}
	if len(w) > 9 {
		return 1 << 30
	}
	v, err := strconv.Atoi(w)
	if err != nil {
		return -1
	}
	return v
}

var numberWords = map[string]int{
	"ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100, "dozen": 12, "dozens": 24, "hundreds": 200,
	"zehn": 10, "zwoelf": 12, "fuenfzehn": 15, "zwanzig": 20, "dreissig": 30, "vierzig": 40, "fuenfzig": 50, "hundert": 100, "dutzend": 12,
}

// phrases applies rewrites that look at neighbouring words. It returns ts
// itself when there is nothing to rewrite.
func phrases(ts []token) []token {
	rewrite := false
	for i := 0; i < len(ts) && !rewrite; i++ {
		next := ""
		if i+1 < len(ts) && ts[i+1].sent == ts[i].sent {
			next = ts[i+1].text
		}
		switch ts[i].text {
		case "my", "me":
			rewrite = next == "self"
		case "i":
			rewrite = next == "m"
		case "sewer":
			rewrite = next == "slide" || next == "side"
		case "self":
			rewrite = next == "delete" || next == "deletion"
		default:
			_, rewrite = unalive[ts[i].text]
		}
	}
	if !rewrite {
		return ts
	}
	out := make([]token, 0, len(ts)+4)
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		next := ""
		if i+1 < len(ts) && ts[i+1].sent == t.sent {
			next = ts[i+1].text
		}
		switch {
		case (t.text == "my" || t.text == "me") && next == "self":
			t.text = "myself"
			out = append(out, t)
			i++
			continue
		case t.text == "i" && next == "m":
			out = append(out, t)
			t.text = "am"
			out = append(out, t)
			i++
			continue
		case t.text == "sewer" && (next == "slide" || next == "side"):
			t.text = "suicide"
			out = append(out, t)
			i++
			continue
		case t.text == "self" && (next == "delete" || next == "deletion"):
			t.text = "suicide"
			out = append(out, t)
			i++
			continue
		}
		if kill, ok := unalive[t.text]; ok {
			t.text = kill
			out = append(out, t)
			if !reflexive[next] {
				t.text = "myself"
				out = append(out, t)
			}
			continue
		}
		out = append(out, t)
	}
	return out
}

// unalive is the euphemism for kill: "unalive" alone means "kill myself".
var unalive = map[string]string{"unalive": "kill", "unalives": "kills", "unalived": "killed", "unaliving": "killing", "unaliveing": "killing"}

var reflexive = set("myself", "me", "himself", "herself", "themselves", "themself", "yourself", "yourselves", "ourselves", "itself", "oneself", "self")

// canonical replaces a misspelling of a word the rules care about by the word.
func canonical(w string) string {
	if c, ok := misspelt[w]; ok {
		return c
	}
	k := collapse(w)
	if len(k) < 5 || len(k) > 20 {
		return w
	}
	near := fuzzy[k[0]]
	for _, v := range near {
		if k == v.key {
			return w
		}
	}
	// A substitution first: suicidel is suicidal, not suicide plus a letter.
	for _, v := range near {
		if len(v.key) == len(k) && within1(k, v.key) {
			return v.word
		}
	}
	for _, v := range near {
		if within1(k, v.key) {
			return v.word
		}
	}
	return w
}

// within1 reports whether a and b differ by at most one insertion, deletion,
// substitution or swap of neighbouring letters.
func within1(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	switch len(a) - len(b) {
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if i == len(a) {
			return true
		}
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		i := 0
		for i < len(b) && a[i] == b[i] {
			i++
		}
		return a[i+1:] == b[i:]
	}
	return false
}

type fuzzyWord struct{ word, key string }

// fuzzy holds the long words whose one-letter misspellings are corrected,
// by first letter. Words with a real neighbour one letter away are left out
// (medication: meditation; overdose: overdone).
var fuzzy = func() map[byte][]fuzzyWord {
	m := map[byte][]fuzzyWord{}
	for _, w := range strings.Fields(`suicide suicidal hopeless worthless myself umbringen umzubringen selbstmord
		lebensmuede hoffnungslos ketamine esketamine sertraline fluoxetine escitalopram citalopram paroxetine
		venlafaxine duloxetine bupropion mirtazapine lamotrigine quetiapine aripiprazole olanzapine risperidone
		alprazolam lorazepam diazepam clonazepam trazodone zolpidem gabapentin pregabalin propranolol ibuprofen
		paracetamol acetaminophen naltrexone methylphenidate lithium seroquel wellbutrin lexapro cymbalta
		klonopin adderall ritalin spravato amitriptyline antidepressant antidepressants
		suizid suizide suizidal suizidale suizidalen suizids`) { // German words kept as they are
		k := collapse(w)
		m[k[0]] = append(m[k[0]], fuzzyWord{w, k})
	}
	return m
}()

// misspelt are misspellings more than one letter away from the word.
var misspelt = map[string]string{
	"sucidial": "suicidal", "suicidial": "suicidal", "suisidal": "suicidal", "sucidle": "suicidal", "suicidle": "suicidal", "suacidal": "suicidal", "sewercidal": "suicidal",
	"sucicide": "suicide", "suiscide": "suicide", "suecide": "suicide", "sooicide": "suicide", "suiside": "suicide",
	"myslef": "myself", "mysefl": "myself", "mself": "myself", "meself": "myself", "maself": "myself", "myselfe": "myself", "muself": "myself",
	"overdos": "overdose", "ovedose": "overdose", "overdoze": "overdose",
	"selbsmord": "selbstmord", "sterbn": "sterben", "strben": "sterben", "sterbem": "sterben", "selbstmort": "selbstmord", "umbrigen": "umbringen", "umbringn": "umbringen",
}

// expand maps a word to its expansion: contractions without apostrophes, chat
// abbreviations and dialect forms.
var expand = func() map[string][]string {
	m := map[string][]string{}
	for k, v := range map[string]string{
		"dont": "do not", "doesnt": "does not", "didnt": "did not", "cant": "can not", "cannot": "can not",
		"wont": "will not", "isnt": "is not", "arent": "are not", "wasnt": "was not", "werent": "were not",
		"havent": "have not", "hasnt": "has not", "hadnt": "had not", "wouldnt": "would not", "couldnt": "could not",
		"shouldnt": "should not", "mustnt": "must not", "aint": "am not", "dnt": "do not", "cnt": "can not",
		"im": "i am", "ive": "i have", "youre": "you are", "theyre": "they are", "thats": "that is", "whats": "what is",
		"hes": "he is", "shes": "she is", "wanna": "want to", "wana": "want to", "wnna": "want to", "wnt": "want",
		"gonna": "going to", "gona": "going to", "gunna": "going to", "finna": "going to", "gotta": "got to",
		"hafta": "have to", "tryna": "trying to", "kinda": "kind of", "sorta": "sort of", "outta": "out of",
		"dunno": "do not know", "idk": "i do not know", "idc": "i do not care", "kms": "kill myself", "kys": "kill myself",
		"u": "you", "ur": "your", "ya": "you", "r": "are", "ppl": "people", "bc": "because", "bcuz": "because",
		"cuz": "because", "coz": "because", "cos": "because", "rn": "right now", "tbh": "to be honest", "ngl": "honestly",
		"pls": "please", "plz": "please", "tmrw": "tomorrow", "tmr": "tomorrow", "tmrow": "tomorrow", "2day": "today",
		"2nite": "tonight", "tonite": "tonight", "b4": "before", "4ever": "forever", "nvm": "nevermind", "abt": "about",
		"bout": "about", "thru": "through", "tho": "though", "altho": "although", "wud": "would", "shud": "should", "cud": "could",
		"urself": "yourself", "od": "overdose", "ods": "overdoses", "oded": "overdosed", "od'd": "overdosed",
		"od'ed": "overdosed", "oding": "overdosing", "od'ing": "overdosing", "selfharm": "self harm", "selfharming": "self harming",
		"selfharmed": "self harmed", "selfinjury": "self injury", "killmyself": "kill myself", "endmylife": "end my life",
		"sewerslide": "suicide", "suicidalthoughts": "suicidal thoughts", "unalivemyself": "kill myself",
		"i'd": "i would", "i'll": "i will", "we're": "we are", "it'll": "it will",
		// German
		"nich": "nicht", "nimmer": "nicht mehr", "nimma": "nicht mehr", "nichtmehr": "nicht mehr", "garnicht": "gar nicht",
		"hab": "habe", "habs": "habe es", "hab's": "habe es", "gehts": "geht es", "geht's": "geht es", "gibts": "gibt es",
		"gibt's": "gibt es", "nen": "einen", "nem": "einem", "nix": "nichts", "wuerd": "wuerde", "waer": "waere",
		"moecht": "moechte", "heut": "heute", "huet": "heute", "nuemm": "nicht mehr", "nuem": "nicht mehr", "alli": "alle", "znacht": "nacht", "unaliven": "umbringen", "mi": "mich", "umbringa": "umbringen", "scho": "schon", "willst'": "willst", "bissl": "bisschen", "bisl": "bisschen", "ka": "keine ahnung",
	} {
		m[k] = strings.Fields(v)
	}
	return m
}()

// set builds a string set.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
