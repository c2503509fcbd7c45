package export

import (
	"time"

	"github.com/kapbot/kapbot/internal/flow"
)

// FlowRun is one run of a flow: its own questions' answers (questionnaire
// items are in Patient.Results), oldest first. A question answered twice (a
// review changed it) keeps both answers; the FHIR response shows the last.
type FlowRun struct {
	Flow    string
	Started time.Time // when the conversation started; with Flow, names the run
	Answers []Answer
}

// Answer is one answer to a flow's question (health data).
type Answer struct {
	Step  string // the ask step's id: the linkId of its Questionnaire item
	Name  string // the variable it is stored under
	Value any
	At    time.Time
}

// flowCanonical is the canonical URL of the Questionnaire generated for a
// flow. "flow-" keeps it apart from a questionnaire of the same id.
func (b *builder) flowCanonical(id string) string { return b.base + "/Questionnaire/flow-" + id }

// flowQuestionnaire adds, once per flow, the Questionnaire generated from a
// flow's ask steps (linkId = step id, type from the question type, choices
// as answerOption), and returns its canonical URL.
func (b *builder) flowQuestionnaire(id string) string {
	url := b.flowCanonical(id)
	if b.seen[url] {
		return url
	}
	b.seen[url] = true
	f := b.flows[id]
	q := Resource{
		"resourceType": "Questionnaire",
		"url":          url,
		"name":         fhirName(id),
		"status":       "active",
	}
	var items []any
	if f != nil {
		if t := f.Title.In(f.Locale); t != "" {
			q["title"] = t
		}
		for _, sid := range f.Order {
			st := f.Steps[sid]
			if st == nil || st.Kind != flow.KindAsk || st.Ask == nil {
				continue
			}
			items = append(items, questionItem(sid, st.Ask, f.Locale))
		}
	}
	if len(items) > 0 {
		q["item"] = items
	}
	b.add(uuidOf("questionnaire", url), q)
	return url
}

// fhirName turns an id into a FHIR computable name (starts with a capital
// letter, then letters, digits and _).
func fhirName(id string) string {
	out := []rune{'F'}
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			out = append(out, r)
		default:
			out = append(out, '_')
		}
	}
	return string(out)
}

// itemType is the Questionnaire item type of a question type.
func itemType(a *flow.Ask) string {
	switch a.Type {
	case flow.AskChoice, flow.AskMulti, flow.AskLikert:
		return "choice"
	case flow.AskYesNo:
		return "boolean"
	case flow.AskNumber:
		return "decimal"
	case flow.AskDate:
		return "date"
	}
	return "text"
}

func questionItem(linkID string, a *flow.Ask, locale string) map[string]any {
	item := map[string]any{"linkId": linkID, "type": itemType(a), "required": false}
	if t := a.Text.In(locale); t != "" {
		item["text"] = t
	}
	if a.Type == flow.AskMulti {
		item["repeats"] = true
	}
	if itemType(a) == "choice" {
		var opts []any
		for _, c := range a.Choices {
			coding := map[string]any{"code": c.Value}
			if l := c.Label.In(locale); l != "" {
				coding["display"] = l
			}
			opts = append(opts, map[string]any{"valueCoding": coding})
		}
		if len(opts) > 0 {
			item["answerOption"] = opts
		}
	}
	return item
}

// run adds the QuestionnaireResponse of one flow run (the last answer of each
// step, in the flow's order) and returns its fullUrl; "" when the run has no
// answers.
func (b *builder) run(patient, subject string, r FlowRun) string {
	if len(r.Answers) == 0 {
		return ""
	}
	f := b.flows[r.Flow]
	last := map[string]Answer{}
	var order []string
	for _, a := range r.Answers {
		if _, ok := last[a.Step]; !ok {
			order = append(order, a.Step)
		}
		last[a.Step] = a
	}
	if f != nil {
		order = orderBy(f.Order, order)
	}
	var items []any
	authored := r.Started
	for _, sid := range order {
		a := last[sid]
		if a.At.After(authored) {
			authored = a.At
		}
		var ask *flow.Ask
		if f != nil && f.Steps[sid] != nil {
			ask = f.Steps[sid].Ask
		}
		var it *flow.Item
		if ask != nil {
			it = &flow.Item{ID: sid, Ask: ask}
		}
		var loc []string
		if f != nil {
			loc = []string{f.Locale}
		}
		answers := flowAnswerValues(a.Value, it, loc)
		if len(answers) == 0 {
			continue
		}
		items = append(items, responseItem(sid, answers, ask, loc))
	}
	resp := Resource{
		"resourceType":  "QuestionnaireResponse",
		"questionnaire": b.flowQuestionnaire(r.Flow),
		"status":        "completed",
		"subject":       ref(subject),
		"authored":      instant(authored),
	}
	if len(items) > 0 {
		resp["item"] = items
	}
	return b.add(uuidOf("flowrun", patient, r.Flow, instant(r.Started)), resp)
}

// flowAnswerValues is answerValues for a flow's question: likert answers
// are codes of the generated answerOptions, numbers decimals, as the
// generated item types say.
func flowAnswerValues(v any, it *flow.Item, loc []string) []any {
	if it != nil && it.Ask != nil && it.Ask.Type == flow.AskNumber {
		if x, ok := v.(float64); ok {
			return []any{map[string]any{"valueDecimal": x}} // the item is a decimal
		}
	}
	if it != nil && it.Ask != nil && it.Ask.Type == flow.AskLikert {
		if x, ok := v.(float64); ok {
			ask := *it.Ask
			ask.Type = flow.AskChoice
			it = &flow.Item{ID: it.ID, Ask: &ask}
			return answerValues(x, it, &flow.Questionnaire{Locale: first(loc)})
		}
	}
	return answerValues(v, it, &flow.Questionnaire{Locale: first(loc)})
}

func first(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[0]
}

// orderBy sorts ids by their place in order; ids not in order go last, as
// they came.
func orderBy(order, ids []string) []string {
	pos := map[string]int{}
	for i, id := range order {
		pos[id] = i
	}
	var in, out []string
	for _, id := range order {
		for _, x := range ids {
			if x == id {
				in = append(in, x)
			}
		}
	}
	for _, x := range ids {
		if _, ok := pos[x]; !ok {
			out = append(out, x)
		}
	}
	return append(in, out...)
}
