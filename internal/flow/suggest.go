package flow

import (
	"fmt"
	"slices"
	"strings"
)

// closest returns the candidate nearest to word by edit distance, or "" when
// none is near enough to be a plausible typo.
func closest(word string, candidates []string) string {
	best, bestD := "", -1
	lw := strings.ToLower(word)
	for _, c := range candidates {
		d := distance(lw, strings.ToLower(c))
		if bestD < 0 || d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	if bestD < 0 {
		return ""
	}
	limit := 2
	if n := len([]rune(word)); n <= 3 {
		limit = 1
	} else if n >= 10 {
		limit = 3
	}
	if bestD > limit {
		return ""
	}
	return best
}

// distance is the edit distance between a and b in runes, counting a swap of
// two neighbours as one edit ("sya" -> "say"): optimal string alignment.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// didYouMean returns "; did you mean "x"?" for the closest candidate, or "".
func didYouMean(word string, candidates []string) string {
	if c := closest(word, candidates); c != "" && c != word {
		return fmt.Sprintf("; did you mean %q?", c)
	}
	return ""
}

// list formats names for a message: sorted unless ordered, comma separated,
// "none" when empty.
func list(names []string, ordered bool) string {
	if len(names) == 0 {
		return "none"
	}
	if !ordered {
		names = slices.Clone(names)
		slices.Sort(names)
	}
	return strings.Join(names, ", ")
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
