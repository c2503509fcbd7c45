package faults

import "testing"

func TestPlan(t *testing.T) {
	var p Plan
	if _, ok := p.Next("a"); ok {
		t.Fatal("the zero Plan injects a failure")
	}
	p.Add("a", 503, 2)
	p.Add("a", 429, 1)
	p.Add("b", 500, 0) // nothing
	var got []int
	for {
		s, ok := p.Next("a")
		if !ok {
			break
		}
		got = append(got, s)
	}
	if len(got) != 3 || got[0] != 503 || got[1] != 503 || got[2] != 429 {
		t.Errorf("a: %v, want [503 503 429]", got)
	}
	if _, ok := p.Next("b"); ok {
		t.Error("b: a failure for n = 0")
	}
	p.Add("c", 500, 5)
	p.Set("c", 502, 1)
	if s, ok := p.Next("c"); !ok || s != 502 {
		t.Errorf("c after Set: %d %v", s, ok)
	}
	if _, ok := p.Next("c"); ok {
		t.Error("Set did not replace the queue")
	}
}
