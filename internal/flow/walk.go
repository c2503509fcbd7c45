package flow

// walkSteps visits the steps of fl that can run from the step ids in from
// (themselves included), breadth first and each once; ids that name no step
// are passed over. visit says whether to go on to the step's successors
// (follow) and whether to end the walk at once (stop).
func walkSteps(fl *Flow, from []string, visit func(s *Step) (follow, stop bool)) {
	seen := map[string]bool{}
	queue := append([]string(nil), from...)
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		s := fl.Steps[id]
		if s == nil || seen[id] {
			continue
		}
		seen[id] = true
		follow, stop := visit(s)
		if stop {
			return
		}
		if follow {
			queue = append(queue, s.Successors()...)
		}
	}
}
