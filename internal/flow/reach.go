package flow

import (
	"slices"
	"strings"
)

// Successors returns the steps s may go to next, in a stable order: branch
// targets, else or next, an ask's fallback, a review's questions. The end of
// the flow ("") is left out.
func (s *Step) Successors() []string {
	var out []string
	add := func(id string) {
		if id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	switch s.Kind {
	case KindEnd:
		return nil
	case KindBranch:
		for _, k := range s.Cases {
			add(k.Goto)
		}
		if s.Else != "" {
			add(s.Else)
		} else {
			add(s.Next)
		}
		return out
	case KindAsk:
		add(s.Next)
		if s.Ask != nil {
			add(s.Ask.Fallback)
		}
	case KindReview:
		add(s.Next)
		for _, id := range s.Review {
			add(id)
		}
	default:
		add(s.Next)
	}
	return out
}

// checkFlows runs the checks that need every flow: calls, call cycles,
// unreachable steps and loops that never wait for the patient.
func (c *compiler) checkFlows() {
	ids := c.flowIDs()
	for _, id := range sortedKeys(c.flows) {
		fd := c.flows[id]
		for _, sd := range fd.steps {
			if sd.s.Kind != KindCall || sd.callNode == nil {
				continue
			}
			target := sd.s.Call
			if !c.hasFlow(target) {
				fd.f.r.errorf(sd.callNode, "call: no flow %q%s (flows: %s)", target, didYouMean(target, ids), list(ids, false))
				continue
			}
			if path := c.callPath(target, id); path != nil {
				cycle := append([]string{id}, path...)
				fd.f.r.errorf(sd.callNode, "call: flow %s calls %s, which leads back to %s (%s); a flow cannot call itself, directly or through others", id, target, id, strings.Join(cycle, " -> "))
			}
		}
	}
	// Unregistered flows (duplicates, bad ids) are checked too, for their
	// own steps.
	waits := map[string]bool{}
	for _, id := range sortedKeys(c.flows) {
		c.checkSteps(c.flows[id], waits)
	}
}

// callees returns the flows a flow calls, in step order.
func (c *compiler) callees(id string) []string {
	fd := c.flows[id]
	if fd == nil {
		return nil
	}
	var out []string
	for _, sd := range fd.steps {
		if sd.s.Kind == KindCall && c.hasFlow(sd.s.Call) && !slices.Contains(out, sd.s.Call) {
			out = append(out, sd.s.Call)
		}
	}
	return out
}

// callPath returns the shortest chain of calls from one flow to another,
// both included, or nil when there is none.
func (c *compiler) callPath(from, to string) []string {
	prev := map[string]string{from: ""}
	queue := []string{from}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if id == to {
			var path []string
			for at := id; at != ""; at = prev[at] {
				path = append(path, at)
			}
			slices.Reverse(path)
			return path
		}
		for _, next := range c.callees(id) {
			if _, seen := prev[next]; !seen {
				prev[next] = id
				queue = append(queue, next)
			}
		}
	}
	return nil
}

// flowWaits reports whether running flow id may wait for the patient: it
// has a question, questionnaire or review, or calls a flow that has.
func (c *compiler) flowWaits(id string, memo map[string]bool) bool {
	if w, ok := memo[id]; ok {
		return w
	}
	if c.quests[id] != nil {
		memo[id] = true
		return true
	}
	memo[id] = false // a call cycle is reported elsewhere
	fd := c.flows[id]
	if fd == nil {
		return false
	}
	for _, sd := range fd.steps {
		switch sd.s.Kind {
		case KindAsk, KindQuestionnaire, KindReview:
			memo[id] = true
			return true
		case KindCall:
			if c.hasFlow(sd.s.Call) && c.flowWaits(sd.s.Call, memo) {
				memo[id] = true
				return true
			}
		}
	}
	return false
}

// checkSteps reports unreachable steps and loops that never wait.
func (c *compiler) checkSteps(fd *flowDef, waits map[string]bool) {
	fl, r := fd.flow, fd.f.r
	if fl.Start == "" {
		return
	}
	idNode := map[string]*stepDef{}
	for _, sd := range fd.steps {
		idNode[sd.s.ID] = sd
	}
	succ := func(id string) []string {
		var out []string
		for _, t := range fl.Steps[id].Successors() {
			if _, ok := fl.Steps[t]; ok {
				out = append(out, t)
			}
		}
		return out
	}

	seen := map[string]bool{}
	walkSteps(fl, []string{fl.Start}, func(s *Step) (bool, bool) {
		seen[s.ID] = true
		return true, false
	})
	// A broken jump is reported already; the steps it would reach would be
	// reported again as unreachable, so wait until it is fixed.
	broken := false
	for _, sd := range fd.steps {
		for _, j := range sd.jumps {
			if _, ok := fl.Steps[j.target]; !ok {
				broken = true
			}
		}
	}
	for _, sd := range fd.steps {
		if !broken && !seen[sd.s.ID] {
			r.errorf(sd.idNode, "id: step %q can never be reached from the first step %q; jump to it with next, goto or else, or remove it", sd.s.ID, fl.Start)
		}
	}

	// Loops among steps that do not wait: strongly connected components of
	// the graph without the waiting steps.
	waiting := func(s *Step) bool {
		switch s.Kind {
		case KindAsk, KindQuestionnaire, KindReview:
			return true
		case KindCall:
			return c.hasFlow(s.Call) && c.flowWaits(s.Call, waits)
		}
		return false
	}
	var nodes []string
	for _, id := range fl.Order {
		if !waiting(fl.Steps[id]) {
			nodes = append(nodes, id)
		}
	}
	inGraph := func(id string) bool { return slices.Contains(nodes, id) }
	for _, comp := range scc(nodes, func(id string) []string {
		var out []string
		for _, t := range succ(id) {
			if inGraph(t) {
				out = append(out, t)
			}
		}
		return out
	}) {
		first := comp[0]
		for _, id := range comp {
			if slices.Index(fl.Order, id) < slices.Index(fl.Order, first) {
				first = id
			}
		}
		if len(comp) == 1 && !slices.Contains(succ(first), first) {
			continue
		}
		// The shortest cycle through first, for the message.
		prev := map[string]string{}
		queue := []string{first}
		var last string
	search:
		for len(queue) > 0 {
			id := queue[0]
			queue = queue[1:]
			for _, t := range succ(id) {
				if !slices.Contains(comp, t) {
					continue
				}
				if t == first {
					last = id
					break search
				}
				if _, ok := prev[t]; !ok {
					prev[t] = id
					queue = append(queue, t)
				}
			}
		}
		path := []string{first}
		for at := last; at != first && at != ""; at = prev[at] {
			path = append(path, at)
		}
		slices.Reverse(path[1:])
		path = append(path, first)
		r.errorf(idNode[first].idNode, "id: steps %s form a loop that never waits for the patient, so it could run forever; put a question on the loop or make it end", strings.Join(path, " -> "))
	}
}

// scc returns the strongly connected components of a graph (Tarjan), each
// in discovery order.
func scc(nodes []string, succ func(string) []string) [][]string {
	index := map[string]int{}
	low := map[string]int{}
	onStack := map[string]bool{}
	var stack []string
	var out [][]string
	next := 0
	var visit func(v string)
	visit = func(v string) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range succ(v) {
			if _, ok := index[w]; !ok {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			var comp []string
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp = append(comp, w)
				if w == v {
					break
				}
			}
			slices.Reverse(comp)
			out = append(out, comp)
		}
	}
	for _, v := range nodes {
		if _, ok := index[v]; !ok {
			visit(v)
		}
	}
	return out
}
