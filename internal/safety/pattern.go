package safety

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// A pattern is a small sequence matcher over tokens. Its source is a list of
// elements separated by spaces:
//
//	word        the word, after normalisation (compared with repeated letters collapsed)
//	word*       any word starting with word
//	*word       any word ending with word
//	(a b|c|)    one of the alternatives; an alternative may be several elements, or empty
//	[a b|c]     optional: one of the alternatives, or nothing
//	~N          up to N words of any kind (in a crisis rule, none of them a negation)
//	$           the end of a clause (a comma, a full stop, "and", "but", the end)
//	#           a number; #N a number of at least N
//	{name}      a macro from the lexicon, expanded before parsing
//
// A pattern never matches across the end of a sentence. Matching tries
// alternatives in order and gaps shortest first, so its cost is bounded by
// the pattern's size, not the message's.
type pattern struct {
	src   string
	nodes []node
	neg   map[string]bool // when set, gaps may not cross these negations
	v     *vocab          // the vocabulary its words are numbered in (see bind)
}

type nodeKind uint8

const (
	nLit nodeKind = iota
	nPrefix
	nSuffix
	nAlt
	nOpt
	nGap
	nEnd
	nNum
)

type node struct {
	kind nodeKind
	key  string // nLit, nPrefix, nSuffix
	id   int32  // nLit, nPrefix, nSuffix: key's id in the pattern's vocabulary
	n    int    // nGap: width; nNum: minimum
	alts [][]node
	// For a large nAlt or nOpt: the alternatives that start with a given
	// word, by its id; those that start with a prefix or a suffix (an INN
	// stem of {med9}), by the affix's id; and the rest, in order.
	byFirst *idTable
	byAffix *idTable
	affixes []int // the alternatives of byAffix, in order, for a run without affixes
	others  []int
}

// minIndexed is the number of alternatives from which a choice is indexed.
const minIndexed = 6

// indexAlts fills byFirst and others, once the alternatives are bound.
func (n *node) indexAlts() {
	n.alts = flatAlts(n.alts)
	if len(n.alts) < minIndexed {
		return
	}
	first, affix := map[int32][]int{}, map[int32][]int{}
	var order, affixOrder []int32
	for i, a := range n.alts {
		switch {
		case len(a) > 0 && a[0].kind == nLit:
			if first[a[0].id] == nil {
				order = append(order, a[0].id)
			}
			first[a[0].id] = append(first[a[0].id], i)
		case len(a) > 0 && (a[0].kind == nPrefix || a[0].kind == nSuffix):
			if affix[a[0].id] == nil {
				affixOrder = append(affixOrder, a[0].id)
			}
			affix[a[0].id] = append(affix[a[0].id], i)
			n.affixes = append(n.affixes, i)
		default:
			n.others = append(n.others, i)
		}
	}
	n.byFirst = newIDTable(order, first)
	n.byAffix = newIDTable(affixOrder, affix)
}

// flatAlts returns alts with every alternative that is itself a choice and
// nothing more (a macro such as {ket} inside a choice) replaced by its
// alternatives, in order: the same matches, and a choice whose words can
// all be looked up.
func flatAlts(alts [][]node) [][]node {
	nested := false
	for _, a := range alts {
		if len(a) == 1 && a[0].kind == nAlt {
			nested = true
		}
	}
	if !nested {
		return alts
	}
	var out [][]node
	for _, a := range alts {
		if len(a) == 1 && a[0].kind == nAlt {
			out = append(out, flatAlts(a[0].alts)...)
		} else {
			out = append(out, a)
		}
	}
	return out
}

// idTable maps a word's id to the alternatives it starts.
type idTable struct {
	mask  uint32
	slots []idSlot
}

type idSlot struct {
	id   int32
	alts []int // nil: an empty slot
}

func idHash(id int32) uint32 { return uint32(id) * 2654435761 }

func newIDTable(ids []int32, alts map[int32][]int) *idTable {
	size := 8
	for size < 2*len(ids) {
		size *= 2
	}
	t := &idTable{mask: uint32(size - 1), slots: make([]idSlot, size)}
	for _, id := range ids {
		for j := idHash(id) & t.mask; ; j = (j + 1) & t.mask {
			if t.slots[j].alts == nil {
				t.slots[j] = idSlot{id: id, alts: alts[id]}
				break
			}
		}
	}
	return t
}

// get returns the alternatives that start with the word of id.
func (t *idTable) get(id int32) []int {
	for j := idHash(id) & t.mask; ; j = (j + 1) & t.mask {
		sl := &t.slots[j]
		if sl.alts == nil {
			return nil
		}
		if sl.id == id {
			return sl.alts
		}
	}
}

// expandMacros replaces {name} by its definition, recursively.
func expandMacros(src string, macros map[string]string) (string, error) {
	for depth := 0; strings.Contains(src, "{"); depth++ {
		if depth > 8 {
			return "", fmt.Errorf("pattern %q: macros nest too deep", src)
		}
		var b strings.Builder
		for {
			i := strings.IndexByte(src, '{')
			if i < 0 {
				b.WriteString(src)
				break
			}
			j := strings.IndexByte(src[i:], '}')
			if j < 0 {
				return "", fmt.Errorf("pattern %q: unclosed {", src)
			}
			name := src[i+1 : i+j]
			def, ok := macros[name]
			if !ok {
				return "", fmt.Errorf("pattern %q: no macro %q", src, name)
			}
			b.WriteString(src[:i])
			b.WriteString(" " + def + " ")
			src = src[i+j+1:]
		}
		src = b.String()
	}
	return src, nil
}

// compile parses a pattern. Every literal word must already be in normal form
// (Normalize leaves it unchanged), so that rules and messages agree.
func compile(src string, macros map[string]string, neg map[string]bool) (*pattern, error) {
	full, err := expandMacros(src, macros)
	if err != nil {
		return nil, err
	}
	for _, c := range "()[]|" {
		full = strings.ReplaceAll(full, string(c), " "+string(c)+" ")
	}
	p := &parser{lex: strings.Fields(full), src: src}
	nodes := p.seq()
	if p.err == nil && p.pos < len(p.lex) {
		p.fail("unexpected %q", p.lex[p.pos])
	}
	if p.err == nil && len(nodes) == 0 {
		p.fail("empty pattern")
	}
	if p.err == nil {
		switch nodes[0].kind {
		case nGap, nEnd:
			p.fail("a pattern cannot start with a gap or $")
		}
	}
	if p.err == nil && firstOf(nodes, &first{}) {
		p.fail("the pattern can match nothing")
	}
	if p.err != nil {
		return nil, p.err
	}
	return &pattern{src: src, nodes: nodes, neg: neg}, nil
}

type parser struct {
	lex []string
	pos int
	src string
	err error
}

func (p *parser) fail(format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("pattern %q: %s", p.src, fmt.Sprintf(format, args...))
	}
}

func (p *parser) seq() []node {
	var out []node
	for p.pos < len(p.lex) && p.err == nil {
		l := p.lex[p.pos]
		switch l {
		case "|", ")", "]":
			return out
		case "(", "[":
			p.pos++
			closer := ")"
			kind := nAlt
			if l == "[" {
				closer, kind = "]", nOpt
			}
			alts := [][]node{p.seq()}
			for p.pos < len(p.lex) && p.lex[p.pos] == "|" {
				p.pos++
				alts = append(alts, p.seq())
			}
			if p.pos >= len(p.lex) || p.lex[p.pos] != closer {
				p.fail("missing %s", closer)
				return out
			}
			p.pos++
			out = append(out, node{kind: kind, alts: alts})
			continue
		}
		p.pos++
		switch {
		case l == "$":
			out = append(out, node{kind: nEnd})
		case l[0] == '~':
			n, err := strconv.Atoi(l[1:])
			if err != nil || n < 1 || n > 8 {
				p.fail("bad gap %q", l)
			}
			out = append(out, node{kind: nGap, n: n})
		case l[0] == '#':
			n := 0
			if len(l) > 1 {
				var err error
				if n, err = strconv.Atoi(l[1:]); err != nil {
					p.fail("bad number %q", l)
				}
			}
			out = append(out, node{kind: nNum, n: n})
		case strings.HasPrefix(l, "*"):
			w := strings.TrimPrefix(l, "*")
			p.checkPrefix(w)
			out = append(out, node{kind: nSuffix, key: collapse(w)})
		case strings.HasSuffix(l, "*"):
			w := strings.TrimSuffix(l, "*")
			p.checkPrefix(w)
			out = append(out, node{kind: nPrefix, key: collapse(w)})
		default:
			p.checkWord(l)
			out = append(out, node{kind: nLit, key: collapse(l)})
		}
	}
	return out
}

// checkWord insists that a literal is one word in normal form.
func (p *parser) checkWord(w string) {
	if w == "" {
		p.fail("empty word")
		return
	}
	if n := Normalize(w); n != w {
		p.fail("word %q is not in normal form (%q)", w, n)
	}
}

// checkPrefix insists that a prefix is lower-case ASCII letters: the start
// of a word in normal form (which a spelling fix may not leave alone).
func (p *parser) checkPrefix(w string) {
	if len(w) < 3 {
		p.fail("prefix %q too short", w)
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			p.fail("prefix %q is not in normal form", w)
		}
	}
}

// first describes which tokens a pattern can start at.
type first struct {
	keys     []string
	prefixes []string
	suffixes []string
	numbers  bool
}

// firstOf returns the possible first tokens of a sequence, and whether the
// sequence can match nothing at all.
func firstOf(nodes []node, f *first) (nullable bool) {
	for _, n := range nodes {
		switch n.kind {
		case nLit:
			f.keys = append(f.keys, n.key)
			return false
		case nPrefix:
			f.prefixes = append(f.prefixes, n.key)
			return false
		case nSuffix:
			f.suffixes = append(f.suffixes, n.key)
			return false
		case nNum:
			f.numbers = true
			return false
		case nGap, nEnd:
			continue // only after a first element; see compile
		case nAlt, nOpt:
			null := n.kind == nOpt
			for _, a := range n.alts {
				if firstOf(a, f) {
					null = true
				}
			}
			if !null {
				return false
			}
		}
	}
	return true
}

// run matches patterns against one message. It is reused across the
// patterns of a scan and is not safe for concurrent use.
type run struct {
	toks []token
	ids  []int32 // per token: the id of its key (see text)
	// affixes[affixAt[i]:affixAt[i+1]] are the ids of the prefixes and
	// suffixes token i has (see text); nil when the run was made of tokens
	// alone.
	affixAt, affixes []int32
	soft             []bool // per token: a soft word (see softWords)
	start            int    // where the current match started
	sent             int32
	neg              map[string]bool
	frames           []frame // continuations, appended during one match and never changed
}

// softWords may stand inside a phrase without changing what it says:
// "thinking a lot about suicide", "took like 8 of the rdts", "ich ritz mich
// halt wieder". Where a word, a prefix, a suffix, a number or a choice of a
// pattern does not match such a word, it is tried again after it (never at
// the pattern's first word, never across a sentence end). Literals are
// tried first, so a pattern may still name a soft word.
var softWords = keys("like", "literally", "really", "just", "actually", "honestly", "seriously", "totally",
	"basically", "kinda", "truly", "genuinely", "fr", "lowkey", "definitely", "probably", "even", "so", "lot",
	"echt", "wirklich", "halt", "eh", "mal", "eigentlich", "ernsthaft", "total", "voll", "irgendwie", "grad",
	"gerade", "einfach", "ja", "schon", "jetzt")

// softPairs are two-word soft phrases: "a lot", "kind of".
var softPairs = map[[2]string]bool{{"a", "lot"}: true, {"a", "bit"}: true, {"kind", "of"}: true, {"sort", "of"}: true}

// frame is a continuation: the nodes still to match after an alternative,
// then frame next (or nothing when next is -1).
type frame struct {
	nodes []node
	next  int
}

// match returns the end of the first match of nodes at token i followed by
// continuation cont, or -1.
func (r *run) match(nodes []node, i, cont int) int {
	for len(nodes) == 0 {
		if cont < 0 {
			return i
		}
		f := r.frames[cont]
		nodes, cont = f.nodes, f.next
	}
	n := &nodes[0]
	if e := r.match1(n, nodes[1:], i, cont); e >= 0 {
		return e
	}
	if i > r.start && i < len(r.soft) && r.soft[i] && r.toks[i].sent == r.sent {
		switch n.kind {
		case nLit, nPrefix, nSuffix, nNum, nAlt:
			return r.match(nodes, i+1, cont)
		}
	}
	return -1
}

// match1 matches the node n, then rest, at token i: match without soft
// words.
func (r *run) match1(n *node, rest []node, i, cont int) int {
	ok := i < len(r.toks) && r.toks[i].sent == r.sent
	switch n.kind {
	case nLit:
		if ok && r.ids[i] == n.id {
			return r.match(rest, i+1, cont)
		}
	case nPrefix:
		if ok && strings.HasPrefix(r.toks[i].key, n.key) {
			return r.match(rest, i+1, cont)
		}
	case nSuffix:
		if ok && hasSuffix(r.toks[i].key, n.key) {
			return r.match(rest, i+1, cont)
		}
	case nNum:
		if ok && r.toks[i].num >= n.n {
			return r.match(rest, i+1, cont)
		}
	case nEnd:
		if i == len(r.toks) || i > 0 && r.toks[i].clause != r.toks[i-1].clause {
			return r.match(rest, i, cont)
		}
	case nGap:
		for g := 0; g <= n.n; g++ {
			if g > 0 {
				j := i + g - 1
				if j >= len(r.toks) || r.toks[j].sent != r.sent || r.neg[r.toks[j].key] {
					break
				}
			}
			if !r.mayStart(rest, i+g) {
				continue
			}
			if e := r.match(rest, i+g, cont); e >= 0 {
				return e
			}
		}
	case nAlt, nOpt:
		if n.byFirst != nil {
			// A large choice: only the alternatives that can start at
			// token i, and no continuation pushed when there are none.
			var lits []int
			if ok && r.ids[i] >= 0 {
				lits = n.byFirst.get(r.ids[i])
			}
			affixes := len(n.affixes) > 0 && (r.affixAt == nil || ok && r.affixAt[i] < r.affixAt[i+1])
			if len(lits) > 0 || affixes || len(n.others) > 0 {
				c := r.push(rest, cont)
				for _, ai := range lits {
					if e := r.match(n.alts[ai], i, c); e >= 0 {
						return e
					}
				}
				if affixes && r.affixAt == nil {
					for _, ai := range n.affixes {
						if e := r.match(n.alts[ai], i, c); e >= 0 {
							return e
						}
					}
				} else if affixes {
					for _, id := range r.affixes[r.affixAt[i]:r.affixAt[i+1]] {
						for _, ai := range n.byAffix.get(id) {
							if e := r.match(n.alts[ai], i, c); e >= 0 {
								return e
							}
						}
					}
				}
				for _, ai := range n.others {
					if e := r.match(n.alts[ai], i, c); e >= 0 {
						return e
					}
				}
			}
		} else {
			c := r.push(rest, cont)
			for _, a := range n.alts {
				if e := r.match(a, i, c); e >= 0 {
					return e
				}
			}
		}
		if n.kind == nOpt {
			return r.match(rest, i, cont)
		}
	}
	return -1
}

// mayStart reports whether nodes may match at token j, looking only at
// their first word (after a clause end): false when no choice can start
// there, so that a gap need not try it. Soft words, after which a node is
// tried again (see match), and nodes it does not look into may match.
func (r *run) mayStart(nodes []node, j int) bool {
	if len(nodes) > 0 && nodes[0].kind == nEnd {
		if j < len(r.toks) && (j == 0 || r.toks[j].clause == r.toks[j-1].clause) {
			return false
		}
		nodes = nodes[1:]
	}
	if len(nodes) == 0 {
		return true
	}
	n := &nodes[0]
	switch {
	case n.kind == nAlt && n.byFirst != nil && len(n.others) > 0:
		return true
	case n.kind == nAlt && n.byFirst == nil:
		for _, a := range n.alts {
			if len(a) == 0 || a[0].kind != nLit {
				return true // "$", an option, a number...: not looked into
			}
		}
	case n.kind != nLit && n.kind != nAlt:
		return true
	}
	// n is a word, or a choice of alternatives that all start with a word,
	// a prefix or a suffix.
	if j >= len(r.toks) || r.toks[j].sent != r.sent {
		return false
	}
	if j < len(r.soft) && r.soft[j] {
		return true
	}
	id := r.ids[j]
	switch {
	case n.kind == nLit:
		return id == n.id
	case n.byFirst == nil:
		for _, a := range n.alts {
			if a[0].id == id {
				return true
			}
		}
		return false
	case id >= 0 && n.byFirst.get(id) != nil:
		return true
	case len(n.affixes) == 0:
		return false
	case r.affixAt == nil:
		return true
	}
	for _, a := range r.affixes[r.affixAt[j]:r.affixAt[j+1]] {
		if n.byAffix.get(a) != nil {
			return true
		}
	}
	return false
}

// push returns the continuation that matches rest, then cont: cont itself
// when rest is empty.
func (r *run) push(rest []node, cont int) int {
	if len(rest) == 0 {
		return cont
	}
	r.frames = append(r.frames, frame{rest, cont})
	return len(r.frames) - 1
}

// matchAt returns the end of the first match of p starting at token i. A
// run made of tokens alone (as a test makes it) is first numbered with p's
// vocabulary, a new one if p has none.
func (p *pattern) matchAt(r *run, i int) (end int, ok bool) {
	if r.ids == nil {
		if p.v == nil {
			newVocab().bind(p)
		}
		r.ids = make([]int32, len(r.toks))
		for j, t := range r.toks {
			if id, ok := p.v.ids[t.key]; ok {
				r.ids[j] = id
			} else {
				r.ids[j] = -1
			}
		}
	}
	r.sent, r.neg, r.frames, r.start = r.toks[i].sent, p.neg, r.frames[:0], i
	end = r.match(p.nodes, i, -1)
	return end, end > i
}

// entry is one pattern of one rule in an index.
type entry struct {
	rule   *rule
	pat    *pattern
	first  first     // the tokens it can start at
	needs  [][]int32 // what the message must hold for it to match (see vocab.entryNeeds)
	num    int32     // its position in index.entries
	memo   []int32   // per clause of needs: its number for text.memo, or -1 (see vocab.memoOf)
	anchor bool      // needs[0] is its anchor, the rarest clause (see index.anchor)
}

// index finds the patterns that can start at a token without trying all,
// and tries only those whose words are all in the message.
type index struct {
	v       *vocab
	entries []*entry        // every entry, in the order added
	byID    [][]*entry      // by a word's id: the patterns that can start with it
	affix   []*entry        // patterns that can start with a prefix or suffix
	affixAt map[int32][]int // by a prefix's or suffix's id: the positions in affix of the patterns it starts
	numbers []*entry
	// anchored lists by id the entries whose anchor clause holds it: a
	// scan marks them live for the ids present and tries no other
	// (except entries that need nothing).
	anchored [][]int32
}

func newIndex(v *vocab) *index { return &index{v: v, affixAt: map[int32][]int{}} }

func (ix *index) add(r *rule, p *pattern) {
	ix.v.bind(p)
	var f first
	if firstOf(p.nodes, &f) {
		panic("safety: pattern can match nothing: " + p.src) // compile rejects these
	}
	e := &entry{rule: r, pat: p, first: f, num: int32(len(ix.entries))}
	e.needs = ix.v.entryNeeds(p)
	ix.entries = appendCopy(ix.entries, e)
	ix.anchor(e)
	seen := map[string]bool{}
	for _, k := range f.keys {
		if !seen[k] {
			seen[k] = true
			id := ix.v.ids[k]
			for int(id) >= len(ix.byID) {
				ix.byID = append(ix.byID, nil)
			}
			ix.byID[id] = appendCopy(ix.byID[id], e)
		}
	}
	if len(f.prefixes) > 0 || len(f.suffixes) > 0 {
		ix.affix = appendCopy(ix.affix, e)
		j := len(ix.affix) - 1
		at := func(id int32) {
			if l := ix.affixAt[id]; len(l) == 0 || l[len(l)-1] != j {
				ix.affixAt[id] = append(l[:len(l):len(l)], j)
			}
		}
		for _, s := range f.prefixes {
			at(ix.v.ids[s+"*"])
		}
		for _, s := range f.suffixes {
			at(ix.v.ids["*"+s])
		}
	}
	if f.numbers {
		ix.numbers = appendCopy(ix.numbers, e)
	}
}

// anchor orders e's clauses the rarest first (vocab.cost), and lists e
// under the words of the rarest: its anchor. A message that has none of
// them cannot match.
func (ix *index) anchor(e *entry) {
	slices.SortStableFunc(e.needs, func(a, b []int32) int { return ix.v.cost(a) - ix.v.cost(b) })
	e.memo = make([]int32, len(e.needs))
	for i, c := range e.needs {
		e.memo[i] = ix.v.memoOf(c)
	}
	e.anchor = len(e.needs) > 0
	if !e.anchor {
		return
	}
	for _, id := range e.needs[0] {
		for int(id) >= len(ix.anchored) {
			ix.anchored = append(ix.anchored, nil)
		}
		l := ix.anchored[id]
		ix.anchored[id] = append(l[:len(l):len(l)], e.num)
	}
}

// reanchor chooses every entry's anchor again, once every pattern is added
// and the vocabulary knows how often each word is named.
func (ix *index) reanchor() {
	ix.anchored = nil
	for _, e := range ix.entries {
		ix.anchor(e)
	}
}

// appendCopy appends without writing into s's array, which a clone of the
// index may share.
func appendCopy(s []*entry, e *entry) []*entry { return append(s[:len(s):len(s)], e) }

// clone returns a copy of ix, numbering new words in v (a clone of its
// vocabulary), that add can change without changing ix.
func (ix *index) clone(v *vocab) *index {
	c := *ix
	c.v = v
	c.byID = slices.Clone(ix.byID)
	c.affixAt = maps.Clone(ix.affixAt)
	c.anchored = slices.Clone(ix.anchored)
	return &c
}

// scan calls fn for every match in order of start, then index order, until
// fn returns true. At each token it tries the patterns that start with its
// word, then those that start with one of its prefixes or suffixes, then
// those that start with a number, each in the order added; it skips a
// pattern that needs a word the message does not hold (see vocab.needs),
// which cannot match.
func (ix *index) scan(x *text, fn func(e *entry, start, end int) bool) {
	r := &x.run
	n := (len(ix.entries) + 63) / 64
	if cap(x.live) < n {
		x.live = make([]uint64, n)
	}
	live := x.live[:n]
	clear(live)
	for _, id := range x.present {
		if int(id) < len(ix.anchored) {
			for _, j := range ix.anchored[id] {
				live[j>>6] |= 1 << (j & 63)
			}
		}
	}
	try := func(e *entry, i int) bool {
		if e.anchor && live[e.num>>6]&(1<<(e.num&63)) == 0 || !x.satisfies(e.needs, e.memo) {
			return false
		}
		end, ok := e.pat.matchAt(r, i)
		return ok && fn(e, i, end)
	}
	if cap(x.starts) < len(ix.affix) {
		x.starts = make([]bool, len(ix.affix))
	}
	starts := x.starts[:len(ix.affix)] // per affix entry: it can start at the token
	for i := range x.toks {
		if id := x.ids[i]; id >= 0 && int(id) < len(ix.byID) {
			for _, e := range ix.byID[id] {
				if try(e, i) {
					return
				}
			}
		}
		if a, b := x.affixAt[i], x.affixAt[i+1]; a < b {
			any := false
			for _, id := range x.affixes[a:b] {
				for _, j := range ix.affixAt[id] {
					starts[j] = true
					any = true
				}
			}
			if any {
				for j, ok := range starts {
					if ok {
						starts[j] = false
						if try(ix.affix[j], i) {
							clear(starts)
							return
						}
					}
				}
			}
		}
		if x.toks[i].num >= 0 {
			for _, e := range ix.numbers {
				if try(e, i) {
					return
				}
			}
		}
	}
}
