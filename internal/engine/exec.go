package engine

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/expr-lang/expr/vm"

	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/flow"
)

// waiting describes the question the conversation waits on.
type waiting struct {
	fr   *Frame
	f    *flow.Flow
	step *flow.Step
	ask  *flow.Ask  // nil for a review
	item *flow.Item // set inside a questionnaire
	q    *flow.Questionnaire
}

func (s *sprint) current() (waiting, error) {
	fr, f, st, err := s.top()
	if err != nil {
		return waiting{}, err
	}
	w := waiting{fr: fr, f: f, step: st}
	switch st.Kind {
	case flow.KindAsk:
		w.ask = st.Ask
	case flow.KindQuestionnaire:
		if fr.Q == nil {
			return w, fmt.Errorf("questionnaire step %q without progress: %w", st.ID, ErrUnknownPlace)
		}
		q := s.e.b.Questionnaires[fr.Q.ID]
		if q == nil || fr.Q.Item < 0 || fr.Q.Item >= len(q.Items) {
			return w, fmt.Errorf("questionnaire %q item %d: %w", fr.Q.ID, fr.Q.Item, ErrUnknownPlace)
		}
		w.q, w.item, w.ask = q, q.Items[fr.Q.Item], q.Items[fr.Q.Item].Ask
	case flow.KindReview:
	default:
		return w, fmt.Errorf("step %q of flow %q does not wait: %w", st.ID, f.ID, ErrUnknownPlace)
	}
	return w, nil
}

// answer applies the patient's input to the question the flow waits on.
func (s *sprint) answer() error {
	w, err := s.current()
	if err != nil {
		return err
	}
	if p := s.in.Press; p != nil && p.Seq != s.st.Seq {
		s.sayCatalog(catalog.Closed)
		return nil
	}
	if w.ask == nil {
		return s.answerReview(w)
	}
	if w.ask.Type == flow.AskMulti {
		done, err := s.answerMulti(w)
		if err != nil || !done {
			return err
		}
	} else {
		v, ok := s.parse(w.ask)
		if !ok && w.item != nil && w.item.Unknown && s.in.Press == nil && uncertain(s.in.Text) {
			// "Not sure" to a risk or checklist question is an answer:
			// unknown, which scoring routes like a positive one.
			return s.unknown(w)
		}
		if !ok {
			return s.invalid(w)
		}
		s.store(w, v)
	}
	return s.afterAnswer(w)
}

// store keeps an answer where expressions find it.
func (s *sprint) store(w waiting, v any) {
	w.fr.Attempts = 0
	s.st.Multi = nil
	if w.item != nil {
		if w.fr.Q.Answers == nil {
			w.fr.Q.Answers = map[string]any{}
		}
		w.fr.Q.Answers[w.item.ID] = v
		return
	}
	s.setVar(w.f.ID, saveName(w.step), v)
	s.fx = append(s.fx, Answered{Flow: w.f.ID, Step: w.step.ID, Name: saveName(w.step), Value: v, Run: s.st.Started})
}

func saveName(st *flow.Step) string {
	if st.SaveAs != "" {
		return st.SaveAs
	}
	return st.ID
}

func (s *sprint) setVar(flowID, name string, v any) {
	if s.st.Vars == nil {
		s.st.Vars = map[string]map[string]any{}
	}
	if s.st.Vars[flowID] == nil {
		s.st.Vars[flowID] = map[string]any{}
	}
	s.st.Vars[flowID][name] = v
}

// afterAnswer moves on once the waiting question was answered or skipped.
func (s *sprint) afterAnswer(w waiting) error {
	if w.item != nil {
		return s.nextItem(w.fr, w.f, w.step, w.q)
	}
	if w.fr.ReturnTo != "" {
		back := w.fr.ReturnTo
		w.fr.ReturnTo = ""
		return s.goTo(w.fr, back)
	}
	return s.goTo(w.fr, w.step.Next)
}

// invalid handles an answer that does not fit the question.
func (s *sprint) invalid(w waiting) error {
	w.fr.Attempts++
	max := w.ask.MaxAttempts
	if max <= 0 {
		max = 3
	}
	if w.fr.Attempts >= max {
		w.fr.Attempts = 0
		s.st.Multi = nil
		if w.item == nil && w.ask.Fallback != "" {
			return s.goTo(w.fr, w.ask.Fallback)
		}
		if w.item != nil && w.item.Unknown {
			return s.unknown(w)
		}
		// The item stays unanswered: scoring records it as missing,
		// never as 0 or "no".
		s.sayCatalog(catalog.Skipped)
		return s.afterAnswer(w)
	}
	return s.reprompt(true)
}

// unknown records the waiting `unknown: true` item as unknown (it stays
// without an answer, which scoring lists in `unknown`) and moves on.
func (s *sprint) unknown(w waiting) error {
	w.fr.Attempts = 0
	s.st.Multi = nil
	delete(w.fr.Q.Answers, w.item.ID)
	s.sayCatalog(catalog.NotedUnknown)
	return s.afterAnswer(w)
}

// reprompt sends the waiting question again, after an explanation when
// invalid is set.
func (s *sprint) reprompt(invalid bool) error {
	if s.st.Pending != "" {
		key := catalog.ConfirmRestart
		if s.st.Pending == "forget" {
			key = catalog.ConfirmForget
		}
		s.st.Seq--
		return s.ask(s.st.Pending, key)
	}
	w, err := s.current()
	if err != nil {
		return err
	}
	if w.ask == nil {
		s.promptReview(w, false)
		return nil
	}
	m := s.promptMessage(w)
	if invalid {
		if r := s.text(w.ask.Reprompt, w.f); r != "" {
			m.Text = r + "\n\n" + m.Text
		} else {
			m.Text = s.repromptText(w.ask) + "\n\n" + m.Text
		}
	}
	s.send(m)
	return nil
}

func (s *sprint) repromptText(a *flow.Ask) string {
	switch a.Type {
	case flow.AskChoice, flow.AskLikert:
		return s.sys(catalog.PickOne)
	case flow.AskMulti:
		return s.sys(catalog.PickSome)
	case flow.AskYesNo:
		return s.sys(catalog.AnswerYesNo)
	case flow.AskNumber:
		lo, hi := "-", "-"
		if a.Min != nil {
			lo = num(*a.Min)
		}
		if a.Max != nil {
			hi = num(*a.Max)
		}
		return s.sys(catalog.AnswerNumber, lo, hi)
	case flow.AskText:
		return s.sys(catalog.AnswerText, maxLen(a))
	case flow.AskDate:
		return s.sys(catalog.AnswerDate)
	}
	return s.sys(catalog.PickOne)
}

func num(f float64) string { return fmt.Sprint(f) }

func maxLen(a *flow.Ask) int {
	if a.MaxLen > 0 {
		return a.MaxLen
	}
	return 1000
}

// promptMessage draws the waiting question with the current Seq.
func (s *sprint) promptMessage(w waiting) Message {
	a := w.ask
	locF := w.f
	m := Message{Kind: FromFlow, Seq: s.st.Seq, Multi: a.Type == flow.AskMulti}
	m.Text = s.askText(a, w.f)
	// A numeric choice shows its value ("0 – Not at all"), and a typed
	// number means that value; a likert label carries its number already.
	m.Numbered = numbered(a)
	for _, c := range a.Choices {
		label := s.text(c.Label, locF)
		if m.Numbered && a.Type == flow.AskChoice {
			label = c.Value + " – " + label
		}
		m.Choices = append(m.Choices, Option{Value: c.Value, Label: label})
	}
	if m.Multi {
		m.Picked = append([]string(nil), s.st.Multi...)
		m.Choices = append(m.Choices, Option{Value: "", Label: s.sys(catalog.Done)})
	}
	return m
}

func (s *sprint) askText(a *flow.Ask, f *flow.Flow) string { return s.text(a.Text, f) }

// prompt sends a new question: the Seq advances so older buttons go stale.
func (s *sprint) prompt(w waiting) {
	s.st.Seq++
	s.st.Multi = nil
	s.send(s.promptMessage(w))
}

// goTo moves frame fr to step id ("" = the end of the flow) and runs until the
// conversation waits or ends.
func (s *sprint) goTo(fr *Frame, id string) error {
	fr.Step = id
	fr.Attempts = 0
	fr.Q = nil
	return s.exec()
}

// exec runs steps from the innermost frame's current step until one waits.
func (s *sprint) exec() error {
	// env is the expression environment of flow envOf, kept across a run
	// of set and branch steps of that flow (set updates it as it sets);
	// any other step may change what it holds, and drops it.
	var env map[string]any
	var envOf *flow.Flow
	for {
		s.steps++
		if s.steps > MaxStepsPerInput {
			return fmt.Errorf("flow %q, %d steps: %w", s.st.Flow, MaxStepsPerInput, ErrRunaway)
		}
		if len(s.st.Stack) == 0 {
			return s.finish()
		}
		fr := &s.st.Stack[len(s.st.Stack)-1]
		if fr.Step == "" {
			// The flow ended: return to the caller, which continues after its call step.
			s.st.Stack = s.st.Stack[:len(s.st.Stack)-1]
			if len(s.st.Stack) == 0 {
				return s.finish()
			}
			parent := &s.st.Stack[len(s.st.Stack)-1]
			pf := s.e.b.Flows[parent.Flow]
			if pf == nil || pf.Steps[parent.Step] == nil {
				return fmt.Errorf("return to %s/%s: %w", parent.Flow, parent.Step, ErrUnknownPlace)
			}
			parent.Step = pf.Steps[parent.Step].Next
			continue
		}
		_, f, st, err := s.top()
		if err != nil {
			return err
		}
		if st.Kind != flow.KindSet && st.Kind != flow.KindBranch {
			env = nil
		} else if env == nil || envOf != f {
			env, envOf = s.env(f), f
		}
		switch st.Kind {
		case flow.KindSay:
			s.say(st.Say, f)
			fr.Step = st.Next
		case flow.KindDisclaimer:
			// The clinic's own text, from clinic.yaml: a flow message.
			s.say(s.clinic().Disclaimer, f)
			fr.Step = st.Next
		case flow.KindAsk:
			s.prompt(waiting{fr: fr, f: f, step: st, ask: st.Ask})
			return nil
		case flow.KindQuestionnaire:
			q := s.e.b.Questionnaires[st.Questionnaire]
			if q == nil {
				return fmt.Errorf("questionnaire %q: %w", st.Questionnaire, ErrUnknownPlace)
			}
			fr.Q = &QRun{ID: q.ID, Item: -1}
			s.say(q.Preamble, f)
			return s.nextItem(fr, f, st, q)
		case flow.KindSet:
			for _, a := range st.Set {
				v, err := s.eval(a.Program, env)
				if err != nil {
					s.problem(f, st, "set "+a.Name+": the expression failed at run time")
					continue
				}
				v = normalise(v)
				if !plain(v) {
					// The value may hold the env itself ($env, which
					// validation refuses to store; this keeps a pooled
					// map out of a state should one get through): the
					// sprint's next env gets a map of its own.
					s.envMap = nil
				}
				env[a.Name] = v
				s.setVar(f.ID, a.Name, v)
			}
			fr.Step = st.Next
		case flow.KindBranch:
			next := st.Else
			if next == "" {
				next = st.Next
			}
			for _, c := range st.Cases {
				ok, err := s.eval(c.When, env)
				if err != nil {
					s.problem(f, st, "if "+c.Source+": the condition failed at run time")
					continue
				}
				if ok == true {
					next = c.Goto
					break
				}
			}
			fr.Step = next
		case flow.KindCall:
			callee := s.e.b.Flows[st.Call]
			if callee == nil {
				return fmt.Errorf("call %q: %w", st.Call, ErrUnknownPlace)
			}
			s.st.Stack = append(s.st.Stack, Frame{Flow: callee.ID, Step: callee.Start})
		case flow.KindRefer:
			s.refer(f, st)
			fr.Step = st.Next
			if st.Refer.Crisis {
				// The same path as crisis language: after the resources and
				// the referral the conversation pauses until the patient
				// says they are safe (it then goes on after this step) or
				// stops.
				s.st.Status = Paused
				s.st.PausedFor = ""
				s.st.Seq++
				s.safetyPrompt()
				return nil
			}
		case flow.KindReview:
			s.promptReview(waiting{fr: fr, f: f, step: st}, true)
			return nil
		case flow.KindEnd:
			s.say(st.Say, f)
			return s.finish()
		default:
			return fmt.Errorf("step %q has unknown kind %q: %w", st.ID, st.Kind, ErrUnknownPlace)
		}
	}
}

// finish ends the conversation.
func (s *sprint) finish() error {
	s.st.Stack = nil
	s.st.Status = Ended
	s.st.Multi = nil
	s.fx = append(s.fx, Finished{Status: Ended})
	return nil
}

func (s *sprint) problem(f *flow.Flow, st *flow.Step, what string) {
	s.fx = append(s.fx, Problem{Flow: f.ID, Step: st.ID, What: what})
}

func (s *sprint) refer(f *flow.Flow, st *flow.Step) {
	r := st.Refer
	if r.Crisis {
		s.resources(AlertCrisis)
	}
	s.fx = append(s.fx, Refer{Priority: r.Priority, Flow: f.ID, Step: st.ID, Trigger: "flow",
		Reason: r.Reason.In(s.clinic().DefaultLocale, f.Locale)})
	switch {
	case len(r.Say) > 0:
		s.say(r.Say, f)
	case len(s.clinic().NextSteps[string(r.Priority)]) > 0:
		s.say(s.clinic().NextSteps[string(r.Priority)], f)
	default:
		s.sayCatalog(catalog.ReferDefault)
	}
}

// nextItem asks the next questionnaire item that applies, or scores the
// questionnaire when none is left and continues after its step.
func (s *sprint) nextItem(fr *Frame, f *flow.Flow, st *flow.Step, q *flow.Questionnaire) error {
	for i := fr.Q.Item + 1; i < len(q.Items); i++ {
		ok, err := q.Asked(i, fr.Q.Answers)
		if err != nil {
			s.problem(f, st, "item "+q.Items[i].ID+" when: the condition failed at run time")
			ok = true // ask rather than skip silently
		}
		if ok {
			fr.Q.Item, fr.Q.At = i, q.Items[i].ID
			s.prompt(waiting{fr: fr, f: f, step: st, ask: q.Items[i].Ask, item: q.Items[i], q: q})
			return nil
		}
	}
	res, err := q.Score(fr.Q.Answers)
	if err != nil {
		s.problem(f, st, "scoring failed at run time")
	}
	res.Questionnaire, res.Flow, res.Name, res.At = q.ID, f.ID, saveName(st), s.in.Now
	if res.Items == nil {
		res.Items = map[string]any{}
	}
	if res.Flags == nil {
		res.Flags = []string{}
	}
	// The latest result of the same name replaces an earlier one in
	// expressions; every result is kept for the record.
	s.st.Results = append(s.st.Results, res)
	if res.Valid() {
		if s.st.Measured == nil {
			s.st.Measured = map[string]int64{}
		}
		s.st.Measured[q.ID] = s.in.Now.Unix()
		s.dueBox = nil // env lists the questionnaires due again anew
	}
	s.fx = append(s.fx, Scored{Result: res})
	s.say(q.Done, f)
	fr.Q = nil
	return s.goTo(fr, st.Next)
}

// eval runs a compiled expression on the sprint's VM.
func (s *sprint) eval(p *vm.Program, env map[string]any) (any, error) {
	if p == nil {
		return nil, fmt.Errorf("not compiled")
	}
	return s.vm.Run(p, env)
}

// env builds the variables an expression of flow f sees: zero values for
// everything the flow declares, overlaid by what is set. It fills the
// sprint's map, which the previous env of the sprint (or of an earlier
// sprint) used: one env is in use at a time.
func (s *sprint) env(f *flow.Flow) map[string]any {
	env := s.envMap
	if env == nil {
		env = make(map[string]any, len(f.Vars)+2)
		s.envMap = env
	} else {
		clear(env)
	}
	for k, v := range s.e.zero[f.ID] {
		env[k] = v
	}
	for _, r := range s.st.Results {
		if r.Flow == f.ID {
			env[r.Name] = resultMap(r)
		}
	}
	for k, v := range s.st.Vars[f.ID] {
		env[k] = v
	}
	if s.localeOf != s.st.Locale || s.locale == nil {
		s.localeOf, s.locale = s.st.Locale, s.st.Locale // boxed once per sprint
	}
	env["locale"] = s.locale
	if s.dueBox == nil {
		s.dueBox = s.rescreenDue() // until Measured changes (stored, reset)
	}
	env[flow.RescreenDue] = s.dueBox
	return env
}

// rescreenDue lists the questionnaires without a valid result within the
// clinic's rescreen_after, sorted, boxed for env. The list is never
// changed once made (an expression or a set value may hold it).
func (s *sprint) rescreenDue() any {
	var due []string
	for id := range s.e.b.Questionnaires {
		at, ok := s.st.Measured[id]
		if !ok || s.clinic().RescreenAfter <= 0 || s.in.Now.Sub(time.Unix(at, 0)) >= s.clinic().RescreenAfter {
			due = append(due, id)
		}
	}
	if len(due) == 0 {
		return noneDue
	}
	sort.Strings(due)
	return due
}

// noneDue is the empty list of questionnaires due again, boxed once.
var noneDue any = []string{}

// resultMap is a questionnaire result as expressions see it.
func resultMap(r flow.Result) map[string]any {
	m := make(map[string]any, len(r.Items)+len(r.Values)+4)
	for k, v := range r.Items {
		m[k] = normalise(v)
	}
	for k, v := range r.Values {
		m[k] = normalise(v)
	}
	for k, v := range flow.ResultFields(r) { // total, band, flags, risk, valid, missing, unknown
		m[k] = v
	}
	return m
}

// zeroVars gives every variable of f its zero value, so expressions over
// questions not yet answered evaluate instead of failing.
func (e *Engine) zeroVars(f *flow.Flow) map[string]any {
	z := map[string]any{}
	for name, t := range f.Vars {
		switch t {
		case flow.TypeNumber:
			z[name] = 0.0
		case flow.TypeText:
			z[name] = ""
		case flow.TypeBool:
			z[name] = false
		case flow.TypeList:
			z[name] = []string{}
		case flow.TypeResult:
			r := flow.Result{Flags: []string{}, Items: map[string]any{}, Values: map[string]any{}}
			for _, st := range f.Steps {
				if st.Kind == flow.KindQuestionnaire && saveName(st) == name {
					if q := e.b.Questionnaires[st.Questionnaire]; q != nil {
						for _, it := range q.Items {
							r.Items[it.ID] = zeroAnswer(it.Ask)
						}
						for _, c := range q.Scoring.Values {
							r.Values[c.Name] = zeroOf(c.Type)
						}
					}
				}
			}
			z[name] = resultMap(r)
		}
	}
	return z
}

func zeroOf(t flow.VarType) any {
	switch t {
	case flow.TypeNumber:
		return 0.0
	case flow.TypeText:
		return ""
	case flow.TypeBool:
		return false
	case flow.TypeList:
		return []string{}
	}
	return nil
}

func zeroAnswer(a *flow.Ask) any {
	switch a.Type {
	case flow.AskChoice:
		if a.Numeric {
			return 0.0
		}
		return ""
	case flow.AskMulti:
		return []string{}
	case flow.AskYesNo:
		return false
	case flow.AskNumber, flow.AskLikert:
		return 0.0
	}
	return ""
}

// plain reports whether v is a value that cannot hold a map: a number,
// a text, a bool, a list of texts or nil.
func plain(v any) bool {
	switch v.(type) {
	case nil, float64, string, bool, []string:
		return true
	}
	return false
}

// normalise turns JSON-decoded values into the types expressions were
// checked against: numbers are float64, lists of strings []string.
func normalise(v any) any {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			str, ok := e.(string)
			if !ok {
				return x
			}
			out = append(out, str)
		}
		return out
	}
	return v
}

// answerMulti applies a press or typed list to a multiple-choice question. It
// reports done when the pick is complete and stored.
func (s *sprint) answerMulti(w waiting) (bool, error) {
	a := w.ask
	if p := s.in.Press; p != nil {
		if p.Value == "" {
			if !s.multiOK(a, s.st.Multi) {
				return false, s.invalid(w)
			}
			s.store(w, s.sortPicks(a, s.st.Multi))
			return true, nil
		}
		if choiceByValue(a, p.Value) == nil {
			return false, s.invalid(w)
		}
		s.st.Multi = toggle(s.st.Multi, p.Value)
		m := s.promptMessage(w)
		m.Replace = true
		s.send(m)
		return false, nil
	}
	var picks []string
	t := fold(s.in.Text)
	if t == fold(s.sys(catalog.Done)) && len(s.st.Multi) > 0 {
		picks = s.st.Multi
	} else {
		for _, part := range strings.FieldsFunc(s.in.Text, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
			c := s.matchChoice(a, w.f, part)
			if c == nil {
				// "1 3" as well as "1, 3".
				for _, sub := range strings.Fields(part) {
					if c2 := s.matchChoice(a, w.f, sub); c2 != nil {
						picks = append(picks, c2.Value)
						continue
					}
					return false, s.invalid(w)
				}
				continue
			}
			picks = append(picks, c.Value)
		}
	}
	picks = dedupe(picks)
	if !s.multiOK(a, picks) {
		return false, s.invalid(w)
	}
	s.store(w, s.sortPicks(a, picks))
	return true, nil
}

func (s *sprint) multiOK(a *flow.Ask, picks []string) bool {
	lo, hi := 1.0, float64(len(a.Choices))
	if a.Min != nil {
		lo = *a.Min
	}
	if a.Max != nil {
		hi = *a.Max
	}
	n := float64(len(picks))
	return n >= lo && n <= hi
}

// sortPicks orders picked values as the choices are ordered.
func (s *sprint) sortPicks(a *flow.Ask, picks []string) []string {
	pos := map[string]int{}
	for i, c := range a.Choices {
		pos[c.Value] = i
	}
	out := append([]string{}, picks...)
	sort.SliceStable(out, func(i, j int) bool { return pos[out[i]] < pos[out[j]] })
	return out
}

func toggle(list []string, v string) []string {
	for i, x := range list {
		if x == v {
			return append(append([]string{}, list[:i]...), list[i+1:]...)
		}
	}
	return append(append([]string{}, list...), v)
}

func dedupe(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range list {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

func choiceByValue(a *flow.Ask, v string) *flow.Choice {
	for i := range a.Choices {
		if a.Choices[i].Value == v {
			return &a.Choices[i]
		}
	}
	return nil
}
