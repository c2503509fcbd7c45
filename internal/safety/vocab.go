package safety

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// vocab numbers the words, prefixes and suffixes the patterns of a
// detector name, so that a message's words are looked up once and matching
// compares integers. A word's id is its key's ("kill"); a prefix's is
// "kill*"'s, a suffix's "*cide"'s (a token's key never holds a '*'); numID
// stands for any number. It is built with the detector's patterns (bind)
// and read only after that; New extends a clone for a clinic's phrases, so
// the ids of the built-in patterns hold in both.
type vocab struct {
	ids      map[string]int32
	soft     []bool         // by id: a soft word (see softWords)
	softPair [][2]int32     // the ids of the soft pairs' words
	df       []int32        // by id: how many patterns name it (see cost)
	prefixes [256][]affixID // by first byte
	suffixes [256][]affixID // by last byte
	numID    int32
	large    map[string]int32 // a number for each distinct large clause, by its ids (see memoOf)
}

// affixID is a prefix or suffix with its id.
type affixID struct {
	s  string
	id int32
}

func newVocab() *vocab {
	v := &vocab{ids: map[string]int32{}, large: map[string]int32{}}
	v.numID = v.add("#")
	for _, w := range slices.Sorted(maps.Keys(softWords)) {
		v.soft[v.add(w)] = true
	}
	for _, p := range slices.SortedFunc(maps.Keys(softPairs), func(a, b [2]string) int { return strings.Compare(a[0]+" "+a[1], b[0]+" "+b[1]) }) {
		v.softPair = append(v.softPair, [2]int32{v.add(p[0]), v.add(p[1])})
	}
	return v
}

// clone returns a copy of v that add can extend without changing v.
func (v *vocab) clone() *vocab {
	c := *v
	c.ids = maps.Clone(v.ids)
	c.df = slices.Clip(v.df)
	c.soft = slices.Clip(v.soft)
	c.large = maps.Clone(v.large)
	for b := range c.prefixes {
		c.prefixes[b] = slices.Clip(c.prefixes[b])
		c.suffixes[b] = slices.Clip(c.suffixes[b])
	}
	return &c
}

// add returns the id of s, numbering it if it is new.
func (v *vocab) add(s string) int32 {
	if id, ok := v.ids[s]; ok {
		return id
	}
	id := int32(len(v.ids))
	v.ids[s] = id
	var df int32
	if stopwords[s] != nil {
		df = frequentCost
	}
	v.df = append(v.df, df)
	v.soft = append(v.soft, false)
	return id
}

// addAffix returns the id of a prefix (or a suffix), numbering it if it is
// new.
func (v *vocab) addAffix(s string, suffix bool) int32 {
	k := s + "*"
	if suffix {
		k = "*" + s
	}
	if id, ok := v.ids[k]; ok {
		return id
	}
	id := v.add(k)
	if suffix {
		v.suffixes[s[len(s)-1]] = append(v.suffixes[s[len(s)-1]], affixID{s, id})
	} else {
		v.prefixes[s[0]] = append(v.prefixes[s[0]], affixID{s, id})
	}
	return id
}

// bind numbers p's words in v and indexes its large choices by id. A
// pattern is bound once, to the vocabulary of the detector that compiled it
// (a clone of that vocabulary keeps its ids).
func (v *vocab) bind(p *pattern) {
	if p.v != nil {
		return
	}
	p.v = v
	v.bindNodes(p.nodes)
	seen := map[int32]bool{}
	for _, c := range v.needs(p.nodes) {
		for _, id := range c {
			if !seen[id] {
				seen[id] = true
				v.df[id]++
			}
		}
	}
}

func (v *vocab) bindNodes(nodes []node) {
	for i := range nodes {
		n := &nodes[i]
		switch n.kind {
		case nLit:
			n.id = v.add(n.key)
		case nPrefix, nSuffix:
			n.id = v.addAffix(n.key, n.kind == nSuffix)
		case nAlt, nOpt:
			for _, a := range n.alts {
				v.bindNodes(a)
			}
			n.indexAlts()
		}
	}
}

// needs returns what a match of nodes requires of a message, as clauses:
// each clause is satisfied when one of its ids is present in the message.
// A match is impossible when a clause is not satisfied, whatever the soft
// words, gaps and options, since every literal, prefix, suffix and number
// of a sequence, and one choice of every choice, must match a token.
func (v *vocab) needs(nodes []node) [][]int32 {
	var out [][]int32
	for i := range nodes {
		n := &nodes[i]
		switch n.kind {
		case nLit, nPrefix, nSuffix:
			out = append(out, []int32{n.id})
		case nNum:
			if n.n >= 0 {
				out = append(out, []int32{v.numID})
			}
		case nAlt:
			var c []int32
			for _, a := range n.alts {
				ac := v.needs(a)
				if len(ac) == 0 {
					c = nil // a choice that needs nothing known
					break
				}
				c = append(c, slices.MinFunc(ac, func(a, b []int32) int { return len(a) - len(b) })...)
			}
			if c != nil {
				slices.Sort(c)
				out = append(out, slices.Compact(c))
			}
		}
	}
	return out
}

// entryNeeds is needs for an index entry: the clauses a message must
// satisfy before the pattern is tried, with no clause repeated. The
// pattern's first element is left out: the entry is tried only where the
// message has one of its first words.
func (v *vocab) entryNeeds(p *pattern) (needs [][]int32) {
	for _, c := range v.needs(p.nodes[1:]) {
		if !slices.ContainsFunc(needs, func(o []int32) bool { return slices.Equal(o, c) }) {
			needs = append(needs, c)
		}
	}
	return needs
}

// minMemo is the length from which a clause's result is kept for the rest
// of a check: a word class such as {pillword} is required by many patterns.
const minMemo = 8

// memoOf returns the number of a large clause, by which a text keeps its
// result (text.memo), or -1 for a small one.
func (v *vocab) memoOf(c []int32) int32 {
	if len(c) < minMemo {
		return -1
	}
	k := fmt.Sprint(c)
	n, ok := v.large[k]
	if !ok {
		n = int32(len(v.large))
		v.large[k] = n
	}
	return n
}

// cost is how often a clause can be expected to hold: the sum over its
// words of how many patterns name each (a frequent word counting as named
// by many).
func (v *vocab) cost(c []int32) int {
	n := 0
	for _, id := range c {
		n += int(v.df[id]) + 1
	}
	return n
}

// frequentCost is the df a frequent word (stopwords) starts with.
const frequentCost = 1000

// text is a message's tokens as the patterns see them, computed once per
// message (vocab.text) and shared by every scan of it. It is not safe for
// concurrent use.
type text struct {
	toks    []token
	ids     []int32  // per token: the id of its key, or -1 for a word no pattern names
	soft    []bool   // per token: a soft word (see softWords)
	affixAt []int32  // token i has the prefixes and suffixes affixes[affixAt[i]:affixAt[i+1]]
	affixes []int32  // their ids
	have    []uint64 // a bit per id present in the message
	present []int32  // the ids present, once each
	live    []uint64 // scan's scratch: a bit per entry of the index scanned whose anchor is present
	starts  []bool   // scan's scratch
	memo    []uint8  // by number (vocab.memoOf): 0 a large clause not yet tried, 1 it holds, 2 it does not
	run     run      // reused by every match
}

// text numbers the tokens of a message.
func (v *vocab) text(toks []token) *text {
	x := &text{}
	v.fill(x, toks)
	return x
}

// fill numbers the tokens of a message into x, reusing its buffers.
func (v *vocab) fill(x *text, toks []token) {
	x.toks = toks
	x.ids = resize(x.ids, len(toks))
	x.soft = resize(x.soft, len(toks))
	x.affixAt = resize(x.affixAt, len(toks)+1)
	x.affixes = x.affixes[:0]
	x.have = resize(x.have, (len(v.ids)+63)/64)
	x.present = x.present[:0]
	x.memo = resize(x.memo, len(v.large))
	for i := range toks {
		k := toks[i].key
		id, ok := v.ids[k]
		if !ok {
			id = -1
		} else {
			x.set(id)
		}
		x.ids[i] = id
		if id >= 0 && v.soft[id] {
			x.soft[i] = true
		}
		if i > 0 && x.ids[i-1] >= 0 && id >= 0 {
			for _, p := range v.softPair {
				if p == [2]int32{x.ids[i-1], id} {
					x.soft[i-1], x.soft[i] = true, true
				}
			}
		}
		if toks[i].num >= 0 {
			x.set(v.numID)
		}
		if k != "" {
			for _, a := range v.prefixes[k[0]] {
				if strings.HasPrefix(k, a.s) {
					x.affixes = append(x.affixes, a.id)
					x.set(a.id)
				}
			}
			for _, a := range v.suffixes[k[len(k)-1]] {
				if hasSuffix(k, a.s) {
					x.affixes = append(x.affixes, a.id)
					x.set(a.id)
				}
			}
		}
		x.affixAt[i+1] = int32(len(x.affixes))
	}
	x.run = run{toks: toks, ids: x.ids, soft: x.soft, affixAt: x.affixAt, affixes: x.affixes, frames: x.run.frames[:0]}
}

// resize returns s with length n and every element zero, reusing its
// array when it is large enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func (x *text) set(id int32) {
	if !x.has(id) {
		x.have[id>>6] |= 1 << (id & 63)
		x.present = append(x.present, id)
	}
}

func (x *text) has(id int32) bool { return x.have[id>>6]&(1<<(id&63)) != 0 }

// satisfies reports whether the message satisfies every clause (see
// needs); memo holds each clause's number for text.memo, or -1.
func (x *text) satisfies(clauses [][]int32, memo []int32) bool {
	for i, c := range clauses {
		if n := memo[i]; n >= 0 {
			switch x.memo[n] {
			case 1:
				continue
			case 2:
				return false
			}
			ok := x.holds(c)
			x.memo[n] = 2
			if ok {
				x.memo[n] = 1
				continue
			}
			return false
		}
		if !x.holds(c) {
			return false
		}
	}
	return true
}

// holds reports whether one of a clause's ids is present.
func (x *text) holds(c []int32) bool {
	for _, id := range c {
		if x.has(id) {
			return true
		}
	}
	return false
}

// softMarks marks in soft (zero, one per token) the soft words and soft
// pairs of toks, and returns it.
func softMarks(soft []bool, toks []token) []bool {
	for i, t := range toks {
		if softWords[t.key] {
			soft[i] = true
		}
		if i+1 < len(toks) && softPairs[[2]string{t.key, toks[i+1].key}] {
			soft[i], soft[i+1] = true, true
		}
	}
	return soft
}
