package flow

import (
	"slices"
	"testing"
)

// TestWalkSteps checks the one step walker the lints share: breadth first,
// each step once (loops included), not past a step visit does not follow,
// and not at all after a stop.
func TestWalkSteps(t *testing.T) {
	fl := &Flow{Steps: map[string]*Step{
		"a": {ID: "a", Kind: KindBranch, Cases: []Case{{Goto: "c"}}, Next: "b"},
		"b": {ID: "b", Kind: KindSay, Next: "d"},
		"c": {ID: "c", Kind: KindSay, Next: "a"}, // back to the start
		"d": {ID: "d", Kind: KindSay, Next: "e"},
		"e": {ID: "e", Kind: KindEnd},
	}}
	walk := func(from []string, visit func(*Step) (bool, bool)) []string {
		var got []string
		walkSteps(fl, from, func(s *Step) (bool, bool) {
			got = append(got, s.ID)
			return visit(s)
		})
		return got
	}
	all := func(*Step) (bool, bool) { return true, false }
	if got := walk([]string{"a", "nope"}, all); !slices.Equal(got, []string{"a", "c", "b", "d", "e"}) {
		t.Errorf("walk from a: %v", got)
	}
	notPastB := func(s *Step) (bool, bool) { return s.ID != "b", false }
	if got := walk([]string{"a"}, notPastB); !slices.Equal(got, []string{"a", "c", "b"}) {
		t.Errorf("not past b: %v", got)
	}
	stopAtC := func(s *Step) (bool, bool) { return true, s.ID == "c" }
	if got := walk([]string{"a"}, stopAtC); !slices.Equal(got, []string{"a", "c"}) {
		t.Errorf("stop at c: %v", got)
	}
}
