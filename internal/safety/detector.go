package safety

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Kind is what a match is about.
type Kind string

// Kinds of match, from the most urgent to the least (see Check).
const (
	KindCrisis       Kind = "crisis"         // clear intent, plan, method or act of suicide or self-harm; an overdose or intoxication
	KindAcuteMedical Kind = "acute_medical"  // an emergency of the body: chest pain, cannot breathe, fainting, a seizure, a severe reaction
	KindHarmToOthers Kind = "harm_to_others" // thoughts, plans or threats of hurting someone else
	KindAbuse        Kind = "abuse"          // domestic violence, abuse, danger at home, a child or adult at risk
	KindPossible     Kind = "possible"       // hopelessness, being a burden, trapped, farewells, giving things away, a time or means without stated intent
	KindMedical      Kind = "medical"        // a request for medical advice, or a stated intent to stop, skip, double or change a medicine
)

// Kinds lists every kind, most urgent first: the order in which Check
// prefers them.
var Kinds = []Kind{KindCrisis, KindAcuteMedical, KindHarmToOthers, KindAbuse, KindPossible, KindMedical}

// nKinds is len(Kinds), as a constant for arrays.
const nKinds = 6

func init() {
	if len(Kinds) != nKinds {
		panic("safety: nKinds is not len(Kinds)")
	}
}

// urgency returns a kind's rank in Kinds, 0 the most urgent; an unknown kind
// ranks last.
func urgency(k Kind) int {
	for i, x := range Kinds {
		if x == k {
			return i
		}
	}
	return len(Kinds)
}

// Match says which rule fired. It never holds the patient's text.
type Match struct {
	Kind   Kind
	Rule   string // a stable id: "en/crisis/want-to-die", "de/medical/dose", "en/crisis/clinic/<phrase>"
	Locale string // the locale of the rule
}

// ErrEmptyPhrase is returned by New for a clinic phrase that normalises to no
// words at all (only punctuation or emoji).
var ErrEmptyPhrase = errors.New("crisis phrase normalises to nothing")

// ErrNoLocale is returned by New for clinic phrases given under an empty
// locale.
var ErrNoLocale = errors.New("crisis phrases without a locale")

// ruleFlags adjust how a rule's matches are checked.
type ruleFlags uint16

const (
	fBare      ruleFlags = 1 << iota // a single word ("suicidal"): a media context without a first-person subject suppresses it
	fHarm                            // an act that can be an accident ("cut myself"): an accident context suppresses it
	fNoSubject                       // about others' view of the speaker ("everyone would be better off without me"): no subject check
	fNextCue                         // medical: counts only where its sentence or the next asks about a symptom ("is that normal?")
	fAway                            // a farewell or absence: an ordinary one in the message ("on holiday", "see you") suppresses it
	fStatement                       // medical: a stated intent counts without a question, unless negated or about someone else
	fRecent                          // an event now: any marker of the distant past in its sentence suppresses it ("as a teenager")
	fPlan                            // a decision or farewell: counts only with a means, place or time elsewhere in the message (hPart)
	fAlone                           // counts only where it ends its sentence: "ive decided." but not "i've decided, i'm doing the course"
)

type ruleDef struct {
	id    string // without locale and kind
	flags ruleFlags
	pats  []string
}

type rule struct {
	id     string
	kind   Kind
	locale string
	flags  ruleFlags
	words  *words // the word lists of the rule's language
	mark   uint32 // for helper patterns: the flag they set
	// dose: an overdose rule, which a routine ("every day", "as
	// prescribed", "before bed") also clears when it is a self-harm (fHarm)
	// or a soft rule; other self-harm rules it does not ("i cut my arms
	// every day"), nor the plain ketamine overdose rules.
	dose bool
	// soft: a round 7 to 10 rule (id "r7-...", "r8-...", "r9-...", "r10-..."), whose match
	// cleared by its context leaves the model free to raise the message, as
	// it was before the rule was written: these broad slots meet many
	// messages whose context clears them ("not tonight", "her pills", "as
	// prescribed", "used the iron on my forearm" read as an accident).
	soft bool
}

// Detector finds crisis statements and medical questions in patients'
// messages. It is immutable after New and safe for concurrent use.
type Detector struct {
	locales []string        // sorted
	rules   map[Kind]*index // the rules of every locale, by kind
	all     *index          // every rule of every kind, for one scan in Check
	helpers *index          // every helper pattern; an entry's rule.mark is the flag it sets
	model   *Model          // the statistical model beside the rules; nil for the rules alone
	ids     []string
	vocab   *vocab // the words of every pattern above
	// scanner, when set, replaces index.scan: it returns every match of
	// ix, in the order index.scan finds them. The package's tests set the
	// straightforward reference matcher to compare it with.
	scanner func(ix *index, x *text) []found
}

// builtin lists the rules of each locale.
var builtin = []struct {
	locale string
	kind   Kind
	defs   []ruleDef
}{
	{"en", KindCrisis, crisisEN},
	{"en", KindPossible, possibleEN},
	{"en", KindHarmToOthers, harmEN},
	{"en", KindAbuse, abuseEN},
	{"en", KindAcuteMedical, acuteEN},
	{"en", KindMedical, medicalEN},
	{"de", KindCrisis, crisisDE},
	{"de", KindPossible, possibleDE},
	{"de", KindHarmToOthers, harmDE},
	{"de", KindAbuse, abuseDE},
	{"de", KindAcuteMedical, acuteDE},
	{"de", KindMedical, medicalDE},
	// Round 11 (rules_r11.go): risk told inside a conversation or by
	// someone else.
	{"en", KindCrisis, crisisEN11},
	{"en", KindPossible, possibleEN11},
	{"en", KindHarmToOthers, harmEN11},
	{"en", KindAbuse, abuseEN11},
	{"de", KindCrisis, crisisDE11},
	{"de", KindPossible, possibleDE11},
	{"de", KindHarmToOthers, harmDE11},
	{"de", KindAbuse, abuseDE11},
	// Round 11 (rules_od11.go): overdose and vital signs at the medical
	// border.
	{"en", KindCrisis, crisisENOD11},
	{"de", KindCrisis, crisisDEOD11},
	{"en", KindAcuteMedical, acuteENOD11},
	{"en", KindMedical, medicalENOD11},
}

// New builds a detector with the built-in rules and the clinic's own crisis
// phrases, by locale (clinic.yaml `crisis_phrases`). A phrase matches as a
// sequence of words after the same normalisation as messages, with the same
// checks for negation and idioms; its rule id is "<locale>/crisis/clinic/"
// followed by the normalised phrase with dashes for spaces. New returns an
// error wrapping ErrEmptyPhrase, naming the phrase, when a phrase normalises
// to nothing, or wrapping ErrNoLocale for phrases under an empty locale; the
// clinic must fix its configuration. A phrase should be one sentence: it
// never matches across a sentence end.
func New(extra map[string][]string) (*Detector, error) {
	base, err := compiled()
	if err != nil {
		return nil, err // a broken built-in rule: caught by the package's tests
	}
	d := &Detector{
		locales: append([]string(nil), base.locales...),
		rules:   map[Kind]*index{},
		helpers: base.helpers,
		model:   base.model,
		ids:     append([]string(nil), base.ids...),
		vocab:   base.vocab,
	}
	for k, ix := range base.rules {
		d.rules[k] = ix
	}
	if len(extra) > 0 {
		d.vocab = base.vocab.clone()
		d.rules[KindCrisis] = base.rules[KindCrisis].clone(d.vocab)
		d.all = base.all.clone(d.vocab)
	} else {
		d.all = base.all
	}
	locs := make([]string, 0, len(extra))
	for loc := range extra {
		locs = append(locs, loc)
	}
	sort.Strings(locs)
	seen := map[string]bool{}
	for _, loc := range locs {
		l := baseLocale(loc)
		if l == "" && len(extra[loc]) > 0 {
			return nil, fmt.Errorf("safety: clinic crisis phrases %q: %w", extra[loc], ErrNoLocale)
		}
		for _, phrase := range extra[loc] {
			a := analyse(phrase)
			if len(a.toks) == 0 {
				return nil, fmt.Errorf("safety: clinic crisis phrase %q (%s): %w", phrase, loc, ErrEmptyPhrase)
			}
			words := make([]string, len(a.toks))
			nodes := make([]node, len(a.toks))
			for i, t := range a.toks {
				words[i] = t.text
				nodes[i] = node{kind: nLit, key: t.key}
			}
			id := l + "/crisis/clinic/" + strings.Join(words, "-")
			if seen[id] {
				continue
			}
			seen[id] = true
			r := &rule{id: id, kind: KindCrisis, locale: l, words: language(l)}
			if !contains(d.locales, l) {
				d.locales = append(d.locales, l)
			}
			p := &pattern{src: phrase, nodes: nodes, neg: r.words.neg}
			d.rules[KindCrisis].add(r, p)
			d.all.add(r, p)
			d.ids = append(d.ids, id)
		}
	}
	sort.Strings(d.locales)
	sort.Strings(d.ids)
	return d, nil
}

var (
	compileOnce sync.Once
	builtinDet  *Detector
	builtinErr  error
)

// compiled returns the built-in rules, compiled once and shared (read only)
// by every detector.
func compiled() (*Detector, error) {
	compileOnce.Do(func() { builtinDet, builtinErr = build() })
	return builtinDet, builtinErr
}

// build compiles the built-in rules.
func build() (*Detector, error) {
	v := newVocab()
	d := &Detector{rules: map[Kind]*index{}, all: newIndex(v), vocab: v}
	for _, k := range Kinds {
		d.rules[k] = newIndex(v)
	}
	for _, b := range builtin {
		ix := d.rules[b.kind]
		if !contains(d.locales, b.locale) {
			d.locales = append(d.locales, b.locale)
		}
		for _, def := range b.defs {
			r := &rule{id: b.locale + "/" + string(b.kind) + "/" + def.id, kind: b.kind, locale: b.locale, flags: def.flags, words: language(b.locale),
				dose: strings.Contains(def.id, "overdose") || strings.Contains(def.id, "taken-signs"), soft: softRound(def.id)}
			var neg map[string]bool
			if b.kind != KindMedical || def.flags&fStatement != 0 {
				neg = r.words.neg // a gap never crosses a negation: "ich setze es nicht ab"
			}
			for _, src := range def.pats {
				p, err := compile(src, macros, neg)
				if err != nil {
					return nil, fmt.Errorf("safety: rule %s: %w", r.id, err)
				}
				ix.add(r, p)
				d.all.add(r, p)
			}
			if !contains(d.ids, r.id) { // a rule may be given in parts with different flags
				d.ids = append(d.ids, r.id)
			}
		}
	}
	m, err := shipped()
	if err != nil {
		return nil, err
	}
	d.model = m // its matches' ids ("en/possible/model") are not rules: Rules leaves them out
	d.helpers = newIndex(v)
	for _, h := range helpers {
		r := &rule{mark: uint32(h.flag)}
		for _, src := range h.pats {
			p, err := compile(src, macros, nil)
			if err != nil {
				return nil, fmt.Errorf("safety: helper: %w", err)
			}
			d.helpers.add(r, p)
		}
	}
	for _, ix := range d.rules {
		ix.reanchor()
	}
	d.all.reanchor()
	d.helpers.reanchor()
	return d, nil
}

// Rules returns the id of every rule, built-in and clinic, sorted.
func (d *Detector) Rules() []string { return append([]string(nil), d.ids...) }

// Check returns the single most urgent match in text, by the order of
// Kinds: crisis, then acute_medical, harm_to_others, abuse, possible and
// medical; ok is false when nothing matches. A crisis always wins over a
// medical question. Rules of every locale are tried, so that a patient who
// switches language is still heard; within a kind a match of a rule of the
// patient's locale is preferred, then the first match in the text.
func (d *Detector) Check(text, locale string) (Match, bool) {
	t := d.prepare(text)
	found := d.scanAll(t, locale)
	release(t)
	for _, m := range found {
		if m.Rule != "" {
			return m, true
		}
	}
	return Match{}, false
}

// scanAll finds the match of every kind in one pass over the message, as
// kind would one kind at a time; found is indexed like Kinds, with an empty
// Match where a kind has none.
func (d *Detector) scanAll(t *prepared, locale string) (found [nKinds]Match) {
	want := baseLocale(locale)
	var other [nKinds]Match
	d.scan(d.all, t, func(e *entry, s, end int) bool {
		k := urgency(e.rule.kind)
		if found[k].Rule != "" {
			return false // already a match of the patient's locale
		}
		if e.rule.flags&(fPlan|fAlone) != 0 && !t.planCounts(e.rule, s, end) {
			return false // too little for a plan, which clears nothing: the model may still ask
		}
		m, ok := t.match(e.rule, s, end, want)
		if !ok {
			if !e.rule.soft {
				t.cleared |= 1 << k // the model does not overrule the context
			}
			return false
		}
		switch {
		case m.Locale == want:
			found[k] = m
		case other[k].Rule == "":
			other[k] = m
		}
		return false
	})
	for k := range found {
		if found[k].Rule == "" {
			found[k] = other[k]
		}
	}
	p := urgency(KindPossible)
	if found[p].Rule == "" && t.demoted.Rule != "" {
		found[p] = t.demoted
	}
	if d.model != nil {
		top := len(Kinds)
		for k := range found {
			if found[k].Rule != "" {
				top = k
				break
			}
		}
		l := "en" // the model knows English and German: the message's, else the patient's
		if t.words == german || t.words != english && want == "de" {
			l = "de"
		}
		if k, also, ok := d.model.raiseAlso(&t.analysed, top, t.cleared, l == "de"); ok {
			found[urgency(k)] = Match{Kind: k, Rule: modelRule(l, k), Locale: l}
			if also != "" {
				found[urgency(also)] = Match{Kind: also, Rule: modelRule(l, also), Locale: l}
			}
		}
	}
	return found
}

// softRound reports whether a rule id is of round 7 to 11 ("r7-...",
// "r11-..."): see rule.soft.
func softRound(id string) bool {
	for _, p := range []string{"r7-", "r8-", "r9-", "r10-", "r11-"} {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

// modelRule is the rule id of a model raise: "en/possible/model".
func modelRule(locale string, k Kind) string { return locale + "/" + string(k) + "/model" }

// WithoutModel returns a detector with the same rules and no model: the
// rules alone, for comparing the two.
func (d *Detector) WithoutModel() *Detector {
	c := *d
	c.model = nil
	return &c
}

// kind returns the match of one kind. A crisis match said in jest or with a
// trivial cause ("i'll kill myself if i have to fill one more form") is not
// a crisis: the patient is asked (possible), with the crisis rule's id;
// said both in jest and with a trivial cause, it is dropped.
func (d *Detector) kind(t *prepared, k Kind, locale string) (Match, bool) {
	m, ok := d.find(t, k, locale, nil)
	if !ok && k == KindPossible && t.demoted.Rule != "" {
		return t.demoted, true
	}
	return m, ok
}

// CheckAll returns one match per kind found in text (at most one per Kind,
// chosen as Check chooses within a kind), most urgent first; nil when
// nothing matches. A caller that acts on several categories at once (a crisis
// and the abuse resources) uses it; Check is CheckAll's first element.
func (d *Detector) CheckAll(text, locale string) []Match {
	var out []Match
	t := d.prepare(text)
	defer release(t)
	for _, m := range d.scanAll(t, locale) {
		if m.Rule != "" {
			out = append(out, m)
		}
	}
	return out
}

// Crisis returns the first crisis match, if any. See Check.
func (d *Detector) Crisis(text, locale string) (Match, bool) {
	t := d.prepare(text)
	defer release(t)
	return d.find(t, KindCrisis, locale, nil)
}

// Find returns the first match of one kind, if any. See Check.
func (d *Detector) Find(text, locale string, kind Kind) (Match, bool) {
	t := d.prepare(text)
	defer release(t)
	if kind == KindPossible {
		d.find(t, KindCrisis, locale, nil) // a crisis phrase in jest asks
	}
	return d.kind(t, kind, locale)
}

// Medical returns the first medical-question match, if any. See Check.
func (d *Detector) Medical(text, locale string) (Match, bool) {
	t := d.prepare(text)
	defer release(t)
	return d.find(t, KindMedical, locale, nil)
}

// matches returns every counted match of a kind, one per rule, for tests.
func (d *Detector) matches(text string, kind Kind) []Match {
	var all []Match
	seen := map[string]bool{}
	t := d.prepare(text)
	defer release(t)
	d.find(t, kind, "", func(m Match) {
		if !seen[m.Rule] {
			seen[m.Rule] = true
			all = append(all, m)
		}
	})
	return all
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func baseLocale(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	return l
}

// find returns the match of kind that survives the checks: the first in the
// text among the rules of the patient's locale, else the first in the text
// among the rules of every other locale. With all set it reports every
// surviving match instead and returns false.
func (d *Detector) find(t *prepared, kind Kind, locale string, all func(Match)) (Match, bool) {
	ix := d.rules[kind]
	if ix == nil {
		return Match{}, false
	}
	want := baseLocale(locale)
	var found, other Match
	ok, otherOK := false, false
	d.scan(ix, t, func(e *entry, s, end int) bool {
		m, counts := t.match(e.rule, s, end, want)
		if !counts {
			return false
		}
		switch {
		case all != nil:
			all(m)
		case m.Locale == want:
			found, ok = m, true
			return true
		case !otherOK:
			other, otherOK = m, true
		}
		return false
	})
	if ok {
		return found, true
	}
	return other, otherOK
}

// match returns the match of rule r on tokens [s, e), if it counts. A crisis
// match said in jest or with a trivial cause does not count; it is kept in
// t.demoted to be reported as possible (see kind), unless it is both.
func (t *prepared) match(r *rule, s, e int, want string) (Match, bool) {
	if r.flags&(fPlan|fAlone) != 0 && !t.planCounts(r, s, e) {
		return Match{}, false
	}
	if !t.counts(r, s, e) {
		return Match{}, false
	}
	m := Match{Kind: r.kind, Rule: r.id, Locale: r.locale}
	if r.soft && r.flags&fNoSubject != 0 && r.kind != KindAbuse {
		// Round 11: what someone else said or did. In jest or with a
		// trivial cause ("er springt vom dach wenn bayern verliert 😂")
		// it is nothing, not a question to the patient; made on
		// condition that the speaker leaves it is coercion (abuse).
		sent := t.toks[s].sent
		if t.joking(sent) || t.sentMark[sent]&(hHyper|hCoerce) != 0 {
			return Match{}, false
		}
	}
	if r.kind == KindCrisis || r.kind == KindPossible {
		sent := t.toks[s].sent
		joke, hyper := t.joking(sent), t.sentMark[sent]&hHyper != 0 && r.flags&fAct == 0
		if joke && hyper || r.kind == KindPossible && hyper {
			// "i can't take this heat anymore": a possible phrase with a
			// trivial cause does not ask.
			return Match{}, false
		}
		if r.kind == KindCrisis && (joke || hyper) {
			if t.demoted.Rule == "" || m.Locale == want && t.demoted.Locale != want {
				t.demoted = Match{Kind: KindPossible, Rule: m.Rule, Locale: m.Locale}
			}
			return Match{}, false
		}
	}
	return m, true
}

// prepared is a message with its tokens marked by the helper patterns.
type prepared struct {
	analysed
	marks    []uint32 // per token: helper flags covering it
	sentMark []uint32 // per sentence: helper flags anywhere in it
	any      uint32   // helper flags anywhere in the message
	resolved bool     // a statement that things are over, and nothing saying they are back
	words    *words   // the word lists of the message's language
	demoted  Match    // a crisis match said in jest, reported as possible (see kind)
	cleared  uint32   // per index in Kinds: a rule of the kind matched and its context cleared it
	x        *text    // the tokens numbered for the patterns
	buf      analyseBuf
}

// found is a match of an index's entry on tokens [start, end).
type found struct {
	e          *entry
	start, end int
}

// scan runs ix.scan, or the scanner the tests set. (fn is called directly
// in both cases, so that it need not be allocated.)
func (d *Detector) scan(ix *index, t *prepared, fn func(e *entry, start, end int) bool) {
	if d.scanner == nil {
		ix.scan(t.x, fn)
		return
	}
	for _, f := range d.scanner(ix, t.x) {
		if fn(f.e, f.start, f.end) {
			return
		}
	}
}

// preparedPool keeps prepared messages' buffers between checks.
var preparedPool = sync.Pool{New: func() any { return &prepared{x: &text{}} }}

// prepare analyses a message and marks it with the helper patterns. The
// caller hands the result back with release when done with it.
func (d *Detector) prepare(text string) *prepared {
	t := preparedPool.Get().(*prepared)
	*t = prepared{buf: t.buf, x: t.x, marks: t.marks, sentMark: t.sentMark}
	t.analysed = analyseWith(text, &t.buf)
	d.vocab.fill(t.x, t.toks)
	t.marks = resize(t.marks, len(t.toks))
	t.sentMark = resize(t.sentMark, len(t.sentQ))
	d.scan(d.helpers, t, func(e *entry, s, end int) bool {
		for i := s; i < end; i++ {
			t.marks[i] |= e.rule.mark
		}
		return false
	})
	for i, tk := range t.toks {
		// A sentence that starts like a question asks one, with or without
		// a question mark: "is 100mg too much".
		if i == 0 || t.toks[i-1].sent != tk.sent {
			switch {
			case askWords[tk.key]:
				t.marks[i] |= hCue | hAsk
			case questionWords[tk.key]:
				t.marks[i] |= hCue
			case verbFirst[tk.key] && i+1 < len(t.toks) && t.toks[i+1].sent == tk.sent && (t.toks[i+1].key == "ich" || t.toks[i+1].key == "man"):
				t.marks[i] |= hCue | hAsk
			}
		}
	}
	cancel := false
	for i, m := range t.marks {
		t.sentMark[t.toks[i].sent] |= m
		t.any |= m
		if m&hCancel != 0 && m&hResolved == 0 {
			cancel = true
		}
	}
	t.resolved = t.any&hResolved != 0 && !cancel
	t.words = guessLanguage(t.toks)
	return t
}

// release returns t's buffers to the pool; t must not be used after it.
// The buffers of a long message are left to the garbage collector.
func release(t *prepared) {
	if cap(t.buf.rs) <= 4096 {
		preparedPool.Put(t)
	}
}

// window bounds every look around a match, so checks cost O(1) per match.
const window = 10

// counts reports whether a match of r on tokens [s, e) counts.
func (t *prepared) counts(r *rule, s, e int) bool {
	// Abuse rules are written around the idioms they overlap ("er droht,
	// mich umzubringen" is no crisis but is abuse).
	for i := s; i < e && r.kind != KindAbuse; i++ {
		if t.marks[i]&hIdiom != 0 {
			return false
		}
	}
	sent := t.toks[s].sent
	if r.flags&fAway != 0 && t.any&hAway != 0 {
		return false
	}
	if r.flags&fRecent != 0 && t.past(s, e) {
		return false
	}
	w := t.words
	switch r.kind {
	case KindMedical:
		if t.sentMark[sent]&hCost != 0 {
			return false
		}
		if t.sentMark[sent]&hTold != 0 && !t.sentQ[sent] && t.sentMark[sent]&hAsk == 0 {
			return false // "the nurse said that's normal", "wie besprochen genommen, alles gut"
		}
		if t.sentMark[sent]&hDecided != 0 && !t.question(sent) && !t.marked(sent, hAsk|hSymCue) && t.sentMark[sent]&(hBut|hDeviate) == 0 {
			return false // "my psychiatrist halved my lithium last week, just so you know"
		}
		if r.flags&fNextCue != 0 && !t.marked(sent, hSymCue) {
			return false
		}
		if r.flags&fPrevMed != 0 && !t.medBefore(sent) {
			return false
		}
		if r.flags&fStatement != 0 {
			// "i am going to stop my lithium": the patient's own intent.
			v := t.subject(s, w)
			if t.sentMark[sent]&hDone != 0 && !t.question(sent) && t.sentMark[sent]&hDeviate == 0 {
				return false // "i stopped the pill in may, just telling you": done and told as past
			}
			return v != vNegated && v != vThird && !t.past(s, e) // "i stopped the pill last year" is history
		}
		return t.question(sent)
	case KindHarmToOthers, KindAbuse, KindAcuteMedical:
		if t.joking(sent) {
			return false // "i could murder my brother lol", "can't breathe from laughing"
		}
		if r.kind == KindAcuteMedical && (t.sentMark[sent]&hBenign != 0 || t.vitalOnly(s, e)) {
			return false
		}
	}
	// An accident clears a self-harm rule ("cut myself while cooking"); a
	// routine clears an overdose rule of those the model may still raise
	// (fHarm, soft), never a plain ketamine overdose ("took way too much
	// ketamine at night"), which a time of day does not make routine, nor
	// an intake said to be too much ("zu viel ketamin genommen wie immer").
	if t.sentMark[sent]&hOverride == 0 &&
		(r.flags&fHarm != 0 && t.sentMark[sent]&hAccident != 0 ||
			(r.flags&fHarm != 0 || r.soft) && r.dose && t.sentMark[sent]&hRoutine != 0 && t.sentMark[sent]&hExcess == 0) {
		return false
	}
	if t.any&hMedia != 0 {
		quoted := true
		for i := s; i < e; i++ {
			quoted = quoted && t.toks[i].quoted
		}
		if quoted {
			return false // a title or a lyric in quotes: "I wanna die" is such a catchy song
		}
	}
	// Negation and subjects are read in the message's language, which need
	// not be the rule's: "ich bin nicht suizidal" matches an English rule.
	// Abuse is done by someone else, and an emergency may be someone
	// else's: their subject need not be the speaker.
	switch t.subject(s, w) {
	case vNegated:
		return false
	case vThird:
		if r.flags&fNoSubject == 0 && r.kind != KindAbuse && r.kind != KindAcuteMedical {
			return false
		}
	case vImplicit:
		if r.flags&fBare != 0 && t.sentMark[sent]&hMedia != 0 {
			return false // "Suicidal Tendencies is my favourite band"
		}
	}
	if t.negatedAfter(e, w) {
		return false
	}
	if t.resolved && t.past(s, e) {
		return false
	}
	return true
}

// marked reports whether a sentence or the next has a helper flag.
func (t *prepared) marked(sent int32, flag uint32) bool {
	for s := sent; s <= sent+1 && int(s) < len(t.sentQ); s++ {
		if t.sentMark[s]&flag != 0 {
			return true
		}
	}
	return false
}

// medBefore reports whether a sentence or one of the two before it names
// a medicine (hMed).
func (t *prepared) medBefore(sent int32) bool {
	for s := sent; s >= 0 && s >= sent-2; s-- {
		if t.sentMark[s]&hMed != 0 {
			return true
		}
	}
	return false
}

// question reports whether a sentence, or the one after it, asks something.
func (t *prepared) question(sent int32) bool {
	for s := sent; s <= sent+1 && int(s) < len(t.sentQ); s++ {
		if t.sentQ[s] || t.sentMark[s]&hCue != 0 {
			return true
		}
	}
	return false
}

type verdict uint8

const (
	vImplicit verdict = iota // no subject before the match, or one we cannot tell
	vSelf                    // "i", "my"
	vThird                   // "my friend", "she"
	vNegated                 // "not", "never" negate the match
)

// subject looks back from a match through fillers for a negation or a
// subject, within its clause.
func (t *prepared) subject(s int, w *words) verdict {
	v := t.subjectBack(s, w)
	return v
}

func (t *prepared) subjectBack(s int, w *words) (v verdict) {
	self := false
	defer func() {
		if v == vImplicit && self {
			v = vSelf
		}
	}()
	c := t.toks[s].clause
	for j := s - 1; j >= 0 && j >= s-window; j-- {
		if t.toks[j].clause != c {
			// "ich habe nicht vor, mich umzubringen": read on across the comma.
			if t.toks[j].sent == t.toks[s].sent && w.bridges[t.toks[j].key] {
				c = t.toks[j].clause
			} else {
				return vImplicit
			}
		}
		k := t.toks[j].key
		switch {
		case w.neg[k]:
			// A double negation cancels: "not a day goes by that i do not
			// think about suicide". An interjection does not: "no, i do not
			// want to die".
			for q := j - 1; q >= 0 && q >= j-window && t.toks[q].clause == c; q-- {
				if k := t.toks[q].key; w.neg[k] && !interjections[k] {
					return vImplicit
				}
			}
			return vNegated
		case w.self[k] && objectPronouns[k]:
			// "keine gedanken, mich selbst zu verletzen": an object, so a
			// negation or another subject further back still decides.
			self = true
		case w.self[k]:
			return vSelf
		case w.third[k]:
			// "my dad's revolver in my lap" (normalised "my dad revolver"):
			// the person owns the means the match starts with; who has it
			// is read further back.
			if j == s-1 && j > 0 && possessedMeans[t.toks[s].key] && possessors[t.toks[j-1].key] {
				continue
			}
			return vThird
		case w.fill[k]:
			continue
		default:
			return vImplicit
		}
	}
	return vImplicit
}

// possessedMeans are means a patient may take from someone else ("my
// mum's pills", "my dad's gun"), and possessors the words before the owner
// (round 7).
var (
	possessedMeans = keys("gun", "guns", "revolver", "pistol", "rifle", "shotgun", "firearm", "pills", "tablets", "meds",
		"medication", "morphine", "insulin", "oxy", "oxycodone", "methadone", "sleeping", "sleepers", "painkillers", "benzos",
		"diazepam", "blades", "razor", "razors", "knife", "rope", "belt", "car", "ketamine", "ket", "troches", "spray")
	possessors = keys("my", "his", "her", "their", "our", "the")
)

// negatedAfter reports a negation answering the match after it: "suicidal
// thoughts: none", "suizidgedanken habe ich keine", "suicidal? no.". The rest
// of the match's clause may hold only fillers, a negation and its tail; or,
// when it holds only fillers, the next clause must be a bare negation.
func (t *prepared) negatedAfter(e int, w *words) bool {
	if e >= len(t.toks) {
		return false
	}
	c := t.toks[e-1].clause
	j := e
	for ; j < len(t.toks) && t.toks[j].clause == c; j++ {
		if j >= e+window {
			return false
		}
		k := t.toks[j].key
		if w.neg[k] {
			return t.negationTail(j+1, c, w)
		}
		if !w.fwdFill[k] {
			return false
		}
	}
	if j >= len(t.toks) || !w.neg[t.toks[j].key] {
		return false
	}
	return t.negationTail(j+1, t.toks[j].clause, w)
}

// negationTail reports whether clause c, from token i on, holds only words
// that may follow a trailing negation ("none at all, thanks").
func (t *prepared) negationTail(i int, c int32, w *words) bool {
	for j := i; j < len(t.toks) && t.toks[j].clause == c; j++ {
		if j >= i+window || !w.negTail[t.toks[j].key] {
			return false
		}
	}
	return true
}

// past reports whether a match sits in a time long past: a past marker in its
// sentence, with no present marker and no "but" between the two.
func (t *prepared) past(s, e int) bool {
	sent := t.toks[s].sent
	inside := false // "my ex used to hit me": a marker inside the match
	for i := s; i < e; i++ {
		if t.marks[i]&hPresent != 0 {
			return false
		}
		inside = inside || t.marks[i]&hPast != 0
	}
	if inside {
		return true
	}
	for j := s - 1; j >= 0 && j >= s-window && t.toks[j].sent == sent; j-- {
		m := t.marks[j]
		if m&hPast != 0 {
			return true
		}
		if m&(hPresent|hBut) != 0 {
			break
		}
	}
	for j := e; j < len(t.toks) && j < e+window && t.toks[j].sent == sent; j++ {
		m := t.marks[j]
		if m&hPast != 0 {
			return true
		}
		if m&(hPresent|hBut) != 0 {
			break
		}
	}
	return false
}
