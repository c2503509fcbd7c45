package flow

import (
	"fmt"
	"strings"
)

// Edge is one transition of a flow's graph: From a step To another ("" for
// the end of the flow), with Label the branch condition, "else" or
// "fallback" ("" for a plain next). Change marks a review's way back to a
// question it lets the patient change.
type Edge struct {
	From, To, Label string
	Change          bool
}

// Edges returns f's transitions step by step in file order, each step's in a
// fixed order, so drawings of them are stable.
func Edges(f *Flow) []Edge {
	var out []Edge
	for _, id := range f.Order {
		s := f.Steps[id]
		if s == nil {
			continue
		}
		edge := func(to, label string) { out = append(out, Edge{From: id, To: to, Label: label}) }
		switch s.Kind {
		case KindEnd:
			edge("", "")
		case KindBranch:
			for _, k := range s.Cases {
				edge(k.Goto, k.Source)
			}
			if s.Else != "" {
				edge(s.Else, "else")
			} else {
				edge(s.Next, "else")
			}
		case KindAsk:
			edge(s.Next, "")
			if s.Ask != nil && s.Ask.Fallback != "" {
				edge(s.Ask.Fallback, "fallback")
			}
		case KindReview:
			edge(s.Next, "")
			for _, r := range s.Review {
				out = append(out, Edge{From: id, To: r, Label: "change", Change: true})
			}
		default:
			edge(s.Next, "")
		}
	}
	return out
}

// Mermaid renders a flow's steps and transitions as a Mermaid flowchart, for
// clinicians to review (`kapbot flows graph ID`). Steps appear in file order
// and edges in a fixed order, so the output is stable.
func Mermaid(f *Flow) string {
	var b strings.Builder
	b.WriteString("flowchart TD\n")
	node := func(id string) string { return "s_" + id }
	ends := false
	for _, id := range f.Order {
		s := f.Steps[id]
		if s == nil {
			continue
		}
		fmt.Fprintf(&b, "  %s%s\n", node(id), shape(s))
	}
	for _, e := range Edges(f) {
		target := "x_end"
		if e.To != "" {
			target = node(e.To)
		} else {
			ends = true
		}
		switch {
		case e.Change:
			fmt.Fprintf(&b, "  %s -.->|change| %s\n", node(e.From), target)
		case e.Label != "":
			fmt.Fprintf(&b, "  %s -->|\"%s\"| %s\n", node(e.From), mermaidEscape(e.Label), target)
		default:
			fmt.Fprintf(&b, "  %s --> %s\n", node(e.From), target)
		}
	}
	if ends {
		b.WriteString("  x_end(((end)))\n")
	}
	return b.String()
}

// Does says what a step does, in a few words ("ask yesno",
// "questionnaire phq9", "refer urgent"): the second line of its box in a
// drawing.
func Does(s *Step) string {
	what := string(s.Kind)
	switch s.Kind {
	case KindAsk:
		if s.Ask != nil {
			what = "ask " + string(s.Ask.Type)
		}
	case KindQuestionnaire:
		what = "questionnaire " + s.Questionnaire
	case KindCall:
		what = "call " + s.Call
	case KindRefer:
		if s.Refer != nil {
			what = "refer " + string(s.Refer.Priority)
		}
	}
	return what
}

// shape is a step's node: its id and what it does.
func shape(s *Step) string {
	label := mermaidEscape(s.ID + "\n" + Does(s))
	switch s.Kind {
	case KindBranch:
		return "{\"" + label + "\"}"
	case KindAsk, KindQuestionnaire, KindReview:
		return "[/\"" + label + "\"/]"
	case KindEnd:
		return "([\"" + label + "\"])"
	}
	return "[\"" + label + "\"]"
}

var mermaidEscaper = strings.NewReplacer(`"`, "#quot;", "\n", "<br/>", "|", "#124;", "<", "#lt;", ">", "#gt;")

func mermaidEscape(s string) string { return mermaidEscaper.Replace(s) }
