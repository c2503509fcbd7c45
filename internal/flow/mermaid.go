package flow

import (
	"fmt"
	"strings"
)

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
	for _, id := range f.Order {
		s := f.Steps[id]
		if s == nil {
			continue
		}
		edge := func(to, label string) {
			target := "x_end"
			if to != "" {
				target = node(to)
			} else {
				ends = true
			}
			if label != "" {
				fmt.Fprintf(&b, "  %s -->|\"%s\"| %s\n", node(id), mermaidEscape(label), target)
			} else {
				fmt.Fprintf(&b, "  %s --> %s\n", node(id), target)
			}
		}
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
				fmt.Fprintf(&b, "  %s -.->|change| %s\n", node(id), node(r))
			}
		default:
			edge(s.Next, "")
		}
	}
	if ends {
		b.WriteString("  x_end(((end)))\n")
	}
	return b.String()
}

// shape is a step's node: its id and what it does.
func shape(s *Step) string {
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
	label := mermaidEscape(s.ID + "\n" + what)
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
