package flow

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The keys of a transcript test file (*.test.yaml). The JSON Schema's
// transcriptsFile, turn and expect definitions list the same keys
// (TestSchemaCoversKeys).
var (
	transcriptFileKeys = []string{"kapbot", "transcripts", "tests"}
	transcriptTestKeys = []string{"name", "locale", "turns", "expect"}
	turnKeys           = []string{"say", "press", "at", "sent", "vars", "wait"}
	expectKeys         = []string{"ended", "referrals", "results"}
)

// CheckTranscripts validates a transcript test file as strictly as Compile
// validates a flow: YAML syntax, unknown or misspelt keys (with the nearest
// known one), value types, durations, referral priorities, and, when b is not
// nil, that the tested flow exists, that each test's locale is one clinic.yaml
// serves and that each at: names a step of the flow. display names the file in
// positions. Every problem is reported, located file:line:col and sorted; an
// empty result means the file can run.
func CheckTranscripts(display string, data []byte, b *Bundle) Problems {
	var s sink
	r := newReader(display, data, &s)
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			s.errorf(Pos{File: display, Line: 1, Col: 1}, "empty file; a transcript file starts with \"kapbot: %d\" and transcripts: FLOW", SpecVersion)
		} else {
			r.yamlProblem(err, data)
		}
		return s.probs.sort()
	}
	if len(doc.Content) == 0 {
		s.errorf(Pos{File: display, Line: 1, Col: 1}, "empty file; a transcript file starts with \"kapbot: %d\" and transcripts: FLOW", SpecVersion)
		return s.probs.sort()
	}
	root := r.mapping(doc.Content[0], nil, "transcripts file", transcriptFileKeys...)
	if root == nil {
		return s.probs.sort()
	}
	if v := root.require("kapbot", "the flow format version"); v != nil {
		if n, ok := r.integer(v, "kapbot"); ok && n != SpecVersion {
			r.errorf(v, "kapbot: transcript files are version %d; write kapbot: %d", SpecVersion, SpecVersion)
		}
	}
	var fl *Flow
	if v := root.require("transcripts", "the id of the flow these tests run"); v != nil {
		if id, ok := r.str(v, "transcripts"); ok && b != nil {
			if fl = b.Flows[id]; fl == nil {
				ids := sortedKeys(b.Flows)
				r.errorf(v, "transcripts: no flow %q%s (flows: %s)", id, didYouMean(id, ids), list(ids, true))
			}
		}
	}
	tests, _ := r.seq(root.require("tests", "a list of {name:, turns:, expect:}"), "tests")
	for _, tn := range tests {
		r.checkTranscriptTest(tn, b, fl)
	}
	return s.probs.sort()
}

func (r *reader) checkTranscriptTest(n *yaml.Node, b *Bundle, fl *Flow) {
	name := "test"
	if m := r.deref(n); m != nil && m.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == "name" {
				name = "test " + strconv.Quote(m.Content[i+1].Value)
			}
		}
	}
	t := r.mapping(n, nil, name, transcriptTestKeys...)
	if t == nil {
		return
	}
	if v := t.require("name", "what the test checks, shown when it fails"); v != nil {
		r.str(v, "name")
	}
	if v := t.get("locale"); v != nil {
		if loc, ok := r.str(v, "locale"); ok {
			switch {
			case !localeRe.MatchString(loc):
				r.errorf(v, "locale: %q is not a locale code; write e.g. en, de or pt-BR", loc)
			case b != nil && b.Clinic != nil && !slices.Contains(b.Clinic.Locales, loc):
				r.errorf(v, "locale: clinic.yaml does not serve %q%s (locales: %s)", loc, didYouMean(loc, b.Clinic.Locales), list(b.Clinic.Locales, true))
			}
		}
	}
	turns, ok := r.seq(t.require("turns", "the patient's inputs, each say: or press:"), "turns")
	if ok && len(turns) == 0 {
		r.errorf(t.get("turns"), "turns: give at least one turn (say: or press:)")
	}
	for _, tn := range turns {
		r.checkTurn(tn, b, fl)
	}
	if v := t.get("expect"); v != nil {
		e := r.mapping(v, t.keyNode("expect"), "expect", expectKeys...)
		if n := e.get("ended"); n != nil {
			r.boolean(n, "ended")
		}
		if n := e.get("referrals"); n != nil {
			ps, nodes := r.strs(n, "referrals")
			for i, p := range ps {
				if !slices.Contains(priorities, p) {
					r.errorf(nodes[i], "referrals: %q is not a priority%s (priorities: %s)", p, didYouMean(p, priorities), list(priorities, true))
				}
			}
		}
		if n := e.get("results"); n != nil {
			if res := r.mapping(n, e.keyNode("results"), "results"); res != nil {
				for _, k := range res.order {
					r.mapping(res.get(k), res.keyNode(k), "results."+k)
				}
			}
		}
	}
}

func (r *reader) checkTurn(n *yaml.Node, b *Bundle, fl *Flow) {
	m := r.mapping(n, nil, "turn", turnKeys...)
	if m == nil {
		return
	}
	switch {
	case m.has("say") && m.has("press"):
		r.errorf(m.keyNode("press"), "press: a turn is one input; put say: and press: in separate turns")
	case m.has("say"):
		r.str(m.get("say"), "say")
	case m.has("press"):
		r.str(m.get("press"), "press")
	default:
		r.errorf(m.node, "turn: missing key \"say\" or \"press\" (what the patient types, or the value of the button they press)")
	}
	if v := m.get("at"); v != nil {
		if at, ok := r.str(v, "at"); ok && fl != nil && !slices.Contains(placeWords, at) {
			step, _, _ := strings.Cut(at, "/")
			if known := stepsOf(b); !slices.Contains(known, step) {
				r.errorf(v, "at: no step %q in any flow%s (places: a step id, step/item, or one of %s)", step, didYouMean(step, known), list(placeWords, true))
			}
		}
	}
	if v := m.get("sent"); v != nil {
		r.strs(v, "sent")
	}
	if v := m.get("vars"); v != nil {
		r.mapping(v, m.keyNode("vars"), "vars")
	}
	if v := m.get("wait"); v != nil {
		r.duration(v, "wait")
	}
}

// placeWords are the places of a conversation that are not steps (see
// engine.Place).
var placeWords = []string{"end", "confirm", "safety_check", "paused", "stopped", "takeover"}

// stepsOf lists the step ids of every flow of b (a turn may wait in a called
// flow), sorted and without repeats.
func stepsOf(b *Bundle) []string {
	var out []string
	for _, f := range b.Flows {
		out = append(out, f.Order...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
