package flow

import (
	"fmt"
	"slices"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/types"
	"github.com/expr-lang/expr/vm"
	"go.yaml.in/yaml/v3"
)

var flowKeys = []string{"kapbot", "flow", "title", "command", "locale", "vars", "steps"}

var actionKeys = []string{"say", "ask", "questionnaire", "set", "branch", "call", "refer", "review", "end", "disclaimer"}

// logisticsKinds are the kinds of step that may be marked logistics: reviewed
// (the JSON Schema states the same rule).
var logisticsKinds = []StepKind{KindSay, KindAsk, KindRefer, KindEnd}

var stepKeys = append([]string{"id", "next", "else", "save_as", "logistics"}, actionKeys...)

// LogisticsReviewed is the one value of a step's `logistics:` key: the
// clinic has reviewed the step's texts as its own logistics, so the safety
// lint lets them give amounts ("2 tablets", "50 mg").
const LogisticsReviewed = "reviewed"

// flowDef is a flow being compiled.
type flowDef struct {
	f      *srcFile
	flow   *Flow
	idNode *yaml.Node
	steps  []*stepDef // registered steps, in file order
	vars   map[string]*declVar
	exprs  []*pendingExpr
}

type declVar struct {
	t   VarType
	key *yaml.Node
}

// stepDef is a step being compiled, with the nodes problems point at.
type stepDef struct {
	s        *Step
	idNode   *yaml.Node
	jumps    []jump
	saveNode *yaml.Node // save_as value, or the id
	callNode *yaml.Node
	action   *yaml.Node // the action key ("say", "ask", ...), where the safety lint points
	quest    *yaml.Node // questionnaire: the questionnaire id value
}

// jump is a reference to another step of the same flow.
type jump struct {
	key    string
	node   *yaml.Node
	target string
}

// pendingExpr is an expression compiled once the flow's names are known.
type pendingExpr struct {
	node   *yaml.Node
	key    string
	src    string
	cond   bool       // a branch condition: step.Cases[index]
	name   string     // a set: step.Set[index] assigns name
	target *yaml.Node // a set: the name's key
	step   *Step
	index  int
}

// peek returns the scalar value of key in the mapping n, or "".
func peek(n *yaml.Node, key string) string {
	if n == nil || n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key && n.Content[i+1].Kind == yaml.ScalarNode {
			return n.Content[i+1].Value
		}
	}
	return ""
}

// parseFlow decodes a flow file, checks its structure and compiles its
// expressions. Calls to other flows are checked later, in checkFlows.
func (c *compiler) parseFlow(f *srcFile) {
	r := f.r
	m := r.mapping(f.root, nil, "flow", flowKeys...)
	if m == nil {
		return
	}
	fd := &flowDef{f: f, vars: map[string]*declVar{}}
	fl := &Flow{Steps: map[string]*Step{}, Vars: map[string]VarType{}, Pos: r.pos(f.kindKey)}
	fd.flow = fl
	register := false
	if n := m.require("flow", "the flow id"); n != nil {
		if id, ok := r.str(n, "flow"); ok {
			fl.ID = id
			fd.idNode = n
			switch {
			case !flowIDRe.MatchString(id):
				r.errorf(n, "flow: %q is not a valid flow id: use lowercase letters, digits, '-' and '_', starting with a letter or digit", id)
			case c.flows[id] != nil:
				r.errorf(n, "flow: duplicate flow id %q; it is also defined at %s", id, c.flows[id].f.r.pos(c.flows[id].idNode))
			case c.quests[id] != nil:
				r.errorf(n, "flow: %q is already the id of the questionnaire at %s, which runs alone as a flow of that id; rename the flow", id, c.quests[id].f.r.pos(c.quests[id].idNode))
			default:
				register = true
			}
		}
	}
	c.fileLocale(r, m)
	fl.Locale = r.locale
	if n := m.get("title"); n != nil {
		fl.Title = r.text(n, "title", textMessage)
	}
	if n := m.get("command"); n != nil {
		c.flowCommand(fd, n, register)
	}
	if n := m.get("vars"); n != nil {
		if vm := r.mapping(n, m.keyNode("vars"), "vars"); vm != nil {
			for _, name := range vm.order {
				fv := vm.m[name]
				if _, ok := r.ident(fv.key, "vars", "variable name"); !ok {
					continue
				}
				if name == "locale" {
					r.errorf(fv.key, "vars: locale is the patient's language, which every flow has; choose another name")
					continue
				}
				if name == RescreenDue {
					r.errorf(fv.key, "vars: %s is the list of questionnaires due again, which every flow has; choose another name", RescreenDue)
					continue
				}
				t, ok := r.str(fv.val, "vars."+name)
				if !ok {
					continue
				}
				if !slices.Contains(varTypes, t) {
					r.errorf(fv.val, "vars.%s: unknown type %q%s (types: %s)", name, t, didYouMean(t, varTypes), list(varTypes, true))
					continue
				}
				fd.vars[name] = &declVar{t: VarType(t), key: fv.key}
			}
		}
	}
	if n := m.require("steps", "the list of steps"); n != nil {
		items, ok := r.seq(n, "steps")
		if ok && len(items) == 0 {
			r.errorf(n, "steps: a flow needs at least one step")
		}
		for i, it := range items {
			c.parseStep(fd, it, i)
		}
	}
	// Default transitions: the following step, or the end of the flow.
	for i, sd := range fd.steps {
		fl.Order = append(fl.Order, sd.s.ID)
		if sd.s.Next == "" && sd.s.Kind != KindEnd && i+1 < len(fd.steps) && !hasJump(sd, "next") {
			sd.s.Next = fd.steps[i+1].s.ID
		}
	}
	if len(fd.steps) > 0 {
		fl.Start = fd.steps[0].s.ID
	}
	c.checkJumps(fd)
	c.compileFlowExprs(fd)
	if register {
		c.flows[fl.ID] = fd
	}
}

func hasJump(sd *stepDef, key string) bool {
	for _, j := range sd.jumps {
		if j.key == key {
			return true
		}
	}
	return false
}

// fileLocale decodes the optional `locale:` of a flow or questionnaire and
// makes it the locale of the file's plain texts.
func (c *compiler) fileLocale(r *reader, m *mapNode) {
	n := m.get("locale")
	if n == nil {
		return
	}
	l, ok := r.localeCode(n, "locale")
	if !ok {
		return
	}
	if c.locales != nil && !slices.Contains(c.locales, l) {
		r.errorf(n, "locale: %s is not one of clinic.yaml locales (%s)", l, list(c.locales, true))
	}
	c.fileLocales = append(c.fileLocales, localeUse{r: r, node: n, locale: l})
	r.locale = l
}

// parseStep decodes one step and registers it in fd.
func (c *compiler) parseStep(fd *flowDef, n *yaml.Node, i int) {
	r := fd.f.r
	n = r.deref(n)
	if n == nil {
		return
	}
	name := fmt.Sprintf("step %d", i+1)
	if id := peek(n, "id"); id != "" {
		name = fmt.Sprintf("step %q", id)
	}
	m := r.mapping(n, nil, name, stepKeys...)
	if m == nil {
		return
	}
	s := &Step{Pos: r.pos(n)}
	sd := &stepDef{s: s}
	r.step = sd
	defer func() { r.step = nil }()
	idNode := m.get("id")
	if idNode == nil {
		r.errorf(n, "%s: missing key \"id\"; give every step an id (a letter or _, then letters, digits, _)", name)
	} else if id, ok := r.ident(idNode, "id", "step id"); ok {
		s.ID = id
		sd.idNode = idNode
	}

	var actions []string
	for _, k := range m.order {
		if slices.Contains(actionKeys, k) {
			actions = append(actions, k)
		}
	}
	switch len(actions) {
	case 0:
		// Still registered below, so jumps to it and duplicates of its id
		// are reported as such.
		r.errorf(n, "%s: no action; add one of %s", name, list(actionKeys, true))
		actions = []string{""}
	case 1:
	default:
		r.errorf(m.keyNode(actions[1]), "%s: several actions (%s); a step does one thing, so split it into one step per action", name, strings.Join(actions, ", "))
	}
	action := actions[0]
	s.Kind = StepKind(action)
	val := m.get(action)
	keyNode := m.keyNode(action)
	sd.action = keyNode
	if keyNode == nil {
		sd.action = n
	}

	switch s.Kind {
	case KindSay:
		s.Say = r.text(val, "say", textMessage)
	case KindAsk:
		var fb *yaml.Node
		if am := r.mapping(val, keyNode, "ask", askKeys...); am != nil {
			s.Ask = c.parseAsk(r, am, askSpec{fallback: &fb})
		}
		if fb != nil {
			sd.jumps = append(sd.jumps, jump{key: "fallback", node: fb, target: fb.Value})
		}
	case KindQuestionnaire:
		if id, ok := r.str(val, "questionnaire"); ok {
			s.Questionnaire = id
			sd.quest = val
			if c.quests[id] == nil {
				ids := sortedKeys(c.quests)
				r.errorf(val, "questionnaire: no questionnaire %q%s (questionnaires: %s)", id, didYouMean(id, ids), list(ids, true))
			}
		}
	case KindSet:
		c.parseSet(fd, sd, r, val, keyNode)
	case KindBranch:
		c.parseBranch(fd, sd, r, val)
	case KindCall:
		if id, ok := r.str(val, "call"); ok {
			s.Call = id
			sd.callNode = val
		}
	case KindRefer:
		s.Refer = c.parseRefer(r, val, keyNode)
	case KindReview:
		items, ok := r.seq(val, "review")
		if ok && len(items) == 0 {
			r.errorf(val, "review: list the ask steps whose answers the patient may check")
		}
		for _, it := range items {
			if id, ok := r.str(it, "review"); ok {
				s.Review = append(s.Review, id)
				sd.jumps = append(sd.jumps, jump{key: "review", node: it, target: id})
			}
		}
	case KindDisclaimer:
		if b, ok := r.boolean(val, "disclaimer"); ok {
			switch {
			case !b:
				r.errorf(val, "disclaimer: write true to show the clinic's disclaimer, or remove the step")
			case c.clinic != nil && c.disclaimerNode == nil:
				r.errorf(keyNode, "disclaimer: clinic.yaml has no disclaimer: text to show; add one there (not an emergency service, no medical advice, who sees the answers)")
			}
		}
	case KindEnd:
		if val.Kind == yaml.ScalarNode && val.Tag == "!!bool" {
			if val.Value != "true" {
				r.errorf(val, "end: write a closing text, or true to end without one")
			}
		} else {
			s.Say = r.text(val, "end", textMessage)
		}
	}

	if ln := m.get("logistics"); ln != nil {
		if v, ok := r.str(ln, "logistics"); ok {
			switch {
			case v != LogisticsReviewed:
				r.errorf(ln, "logistics: %q is not a value of logistics; write logistics: %s to mark this step's texts as clinic logistics your medical team has reviewed", v, LogisticsReviewed)
			case !slices.Contains(logisticsKinds, s.Kind):
				r.errorf(m.keyNode("logistics"), "logistics: a %s step has no texts of its own to review; put logistics: %s on the say, ask, refer or end step that gives the instructions", s.Kind, LogisticsReviewed)
			default:
				s.Logistics = true
			}
		}
	}
	if sn := m.get("save_as"); sn != nil {
		if s.Kind != KindAsk && s.Kind != KindQuestionnaire {
			r.errorf(m.keyNode("save_as"), "save_as: only ask and questionnaire steps store a value")
		} else if name, ok := r.ident(sn, "save_as", "variable name"); ok {
			s.SaveAs = name
			sd.saveNode = sn
		}
	}
	if s.SaveAs == "" && (s.Kind == KindAsk || s.Kind == KindQuestionnaire) {
		s.SaveAs = s.ID
		sd.saveNode = idNode
	}
	if nn := m.get("next"); nn != nil {
		switch {
		case s.Kind == KindEnd:
			r.errorf(m.keyNode("next"), "next: an end step ends the conversation; remove next")
		case s.Kind == KindBranch && m.has("else"):
			r.errorf(m.keyNode("next"), "next: a branch goes to else when no case holds; remove next")
		default:
			if id, ok := r.str(nn, "next"); ok {
				s.Next = id
				sd.jumps = append(sd.jumps, jump{key: "next", node: nn, target: id})
			}
		}
	}
	if en := m.get("else"); en != nil {
		if s.Kind != KindBranch {
			r.errorf(m.keyNode("else"), "else: only branch steps have else; use next")
		} else if id, ok := r.str(en, "else"); ok {
			s.Else = id
			sd.jumps = append(sd.jumps, jump{key: "else", node: en, target: id})
		}
	}

	if s.ID == "" {
		return
	}
	if prev, dup := fd.flow.Steps[s.ID]; dup {
		r.errorf(idNode, "id: duplicate step id %q (first on line %d); step ids must differ within a flow", s.ID, prev.Pos.Line)
		return
	}
	fd.flow.Steps[s.ID] = s
	fd.steps = append(fd.steps, sd)
}

// parseSet decodes `set:`, a mapping of variable name to expression.
func (c *compiler) parseSet(fd *flowDef, sd *stepDef, r *reader, val, keyNode *yaml.Node) {
	sm := r.mapping(val, keyNode, "set")
	if sm == nil {
		return
	}
	if len(sm.order) == 0 {
		r.errorf(val, "set: give at least one name: expression")
	}
	for _, name := range sm.order {
		f := sm.m[name]
		if _, ok := r.ident(f.key, "set", "variable name"); !ok {
			continue
		}
		if name == "locale" {
			r.errorf(f.key, "set: locale is the patient's language and cannot be set")
			continue
		}
		if name == RescreenDue {
			r.errorf(f.key, "set: %s is kept by kapbot (clinic.yaml rescreen_after) and cannot be set", RescreenDue)
			continue
		}
		src, ok := r.scalarExpr(f.val, "set."+name)
		if !ok {
			continue
		}
		sd.s.Set = append(sd.s.Set, Assign{Name: name, Source: src, Pos: r.pos(f.key)})
		fd.exprs = append(fd.exprs, &pendingExpr{node: f.val, key: "set." + name, src: src, name: name, target: f.key, step: sd.s, index: len(sd.s.Set) - 1})
	}
}

// parseBranch decodes `branch:`, a list of {if, goto}.
func (c *compiler) parseBranch(fd *flowDef, sd *stepDef, r *reader, val *yaml.Node) {
	items, ok := r.seq(val, "branch")
	if ok && len(items) == 0 {
		r.errorf(val, "branch: give at least one {if: condition, goto: step}")
	}
	for _, it := range items {
		cm := r.mapping(it, nil, "branch case", "if", "goto")
		if cm == nil {
			continue
		}
		k := &Case{Pos: r.pos(it)}
		if n := cm.require("if", "a condition"); n != nil {
			if src, ok := r.scalarExpr(n, "if"); ok {
				k.Source = src
				fd.exprs = append(fd.exprs, &pendingExpr{node: n, key: "if", src: src, cond: true, step: sd.s, index: len(sd.s.Cases)})
			}
		}
		if n := cm.require("goto", "the step to go to"); n != nil {
			if id, ok := r.str(n, "goto"); ok {
				k.Goto = id
				sd.jumps = append(sd.jumps, jump{key: "goto", node: n, target: id})
			}
		}
		sd.s.Cases = append(sd.s.Cases, *k)
	}
}

// parseRefer decodes `refer:`.
func (c *compiler) parseRefer(r *reader, val, keyNode *yaml.Node) *Refer {
	m := r.mapping(val, keyNode, "refer", "priority", "reason", "crisis", "say")
	if m == nil {
		return nil
	}
	ref := &Refer{}
	if n := m.require("priority", list(priorities, true)); n != nil {
		if p, ok := r.str(n, "priority"); ok {
			if !slices.Contains(priorities, p) {
				r.errorf(n, "priority: %q is not a priority%s; use routine, soon, urgent or emergency", p, didYouMean(p, priorities))
			}
			ref.Priority = Priority(p)
		}
	}
	if n := m.require("reason", "why the patient is referred, for the clinic team"); n != nil {
		ref.Reason = r.text(n, "reason", textNote)
	}
	if n := m.get("crisis"); n != nil {
		ref.Crisis, _ = r.boolean(n, "crisis")
	}
	if n := m.get("say"); n != nil {
		ref.Say = r.text(n, "say", textMessage)
	}
	return ref
}

// checkJumps checks that every next, goto, else, fallback and review names a
// step of the flow (an ask step, for review).
func (c *compiler) checkJumps(fd *flowDef) {
	r := fd.f.r
	ids := fd.flow.Order
	for _, sd := range fd.steps {
		for _, j := range sd.jumps {
			t, ok := fd.flow.Steps[j.target]
			if !ok {
				r.errorf(j.node, "%s: no step %q in flow %s%s (steps: %s)", j.key, j.target, fd.flow.ID, didYouMean(j.target, ids), list(ids, true))
				continue
			}
			if j.key == "review" && t.Kind != KindAsk {
				r.errorf(j.node, "review: step %q is a %s step; only ask steps can be reviewed", j.target, t.Kind)
			}
		}
	}
}

// RescreenDue is the variable every flow has: the ids of the questionnaires
// due again, those without a valid result within clinic.yaml's
// rescreen_after (every questionnaire when it is not set), sorted.
const RescreenDue = "rescreen_due"

// compileFlowExprs builds the flow's names (Flow.Vars) and compiles its
// conditions and assignments against them.
func (c *compiler) compileFlowExprs(fd *flowDef) {
	r := fd.f.r
	fl := fd.flow
	env := types.Map{"locale": types.String, RescreenDue: types.Array(types.String)}
	vars := map[string]VarType{"locale": TypeText, RescreenDue: TypeList}
	origin := map[string]string{"locale": "the patient's language", RescreenDue: "the questionnaires due again (clinic.yaml rescreen_after)"}
	resultOf := map[string]string{} // result name -> questionnaire id

	for _, name := range sortedKeys(fd.vars) {
		v := fd.vars[name]
		vars[name] = v.t
		env[name] = ExprType(v.t)
		origin[name] = fmt.Sprintf("declared as %s in vars", typeWord(v.t))
	}
	for _, sd := range fd.steps {
		s := sd.s
		switch {
		case s.Kind == KindAsk && s.Ask != nil:
			t := answerType(s.Ask)
			if prev, ok := vars[s.SaveAs]; ok && (prev != t || resultOf[s.SaveAs] != "") {
				r.errorf(sd.saveNode, "%s: %s is already %s; the answer of step %s is %s, so store it under another name (save_as)", keyOf(sd), s.SaveAs, origin[s.SaveAs], s.ID, typeWord(t))
				continue
			}
			if _, ok := vars[s.SaveAs]; !ok {
				origin[s.SaveAs] = fmt.Sprintf("%s, the answer of step %s", typeWord(t), s.ID)
			}
			vars[s.SaveAs] = t
			env[s.SaveAs] = ExprType(t)
		case s.Kind == KindAsk:
			// The question is broken and reported; keep its name known so
			// expressions using it are not reported as well.
			if _, ok := env[s.SaveAs]; !ok && s.SaveAs != "" {
				env[s.SaveAs] = types.Any
			}
		case s.Kind == KindQuestionnaire:
			q := c.quests[s.Questionnaire]
			if prev, ok := vars[s.SaveAs]; ok && (prev != TypeResult || resultOf[s.SaveAs] != s.Questionnaire) {
				r.errorf(sd.saveNode, "%s: %s is already %s; store the result of questionnaire %s under another name (save_as)", keyOf(sd), s.SaveAs, origin[s.SaveAs], s.Questionnaire)
				continue
			}
			vars[s.SaveAs] = TypeResult
			resultOf[s.SaveAs] = s.Questionnaire
			origin[s.SaveAs] = fmt.Sprintf("the result of questionnaire step %s", s.ID)
			if q != nil {
				env[s.SaveAs] = q.q.ResultType()
			} else {
				env[s.SaveAs] = ExprType(TypeResult)
			}
		}
	}

	// Infer the types of variables that only `set` gives a value, in passes,
	// so a set may use another set's variable whatever their order.
	var untyped []string
	for _, pe := range fd.exprs {
		if !pe.cond {
			if _, ok := vars[pe.name]; !ok && !slices.Contains(untyped, pe.name) {
				untyped = append(untyped, pe.name)
			}
		}
	}
	trial := func() types.Map {
		e := types.Map{}
		for k, v := range env {
			e[k] = v
		}
		for _, name := range untyped {
			if _, ok := vars[name]; !ok {
				e[name] = types.Any
			}
		}
		return e
	}
	for progress := true; progress; {
		progress = false
		for _, pe := range fd.exprs {
			name := pe.name
			if _, known := vars[name]; pe.cond || known {
				continue
			}
			p, err := compileQuiet(pe.src, trial())
			if err != nil {
				continue
			}
			if t, ok := varTypeOf(p.Node().Type()); ok && t != TypeResult {
				vars[name] = t
				env[name] = ExprType(t)
				origin[name] = fmt.Sprintf("%s, from its set on line %d", typeWord(t), pe.node.Line)
				progress = true
			}
		}
	}
	final := trial()
	for _, name := range untyped {
		if _, ok := vars[name]; !ok {
			for _, pe := range fd.exprs {
				if !pe.cond && pe.name == name {
					if _, err := compileQuiet(pe.src, final); err == nil {
						r.errorf(pe.target, "set: cannot tell whether %s is a number, text, bool or list from %q; declare it under vars:", name, pe.src)
					}
					break
				}
			}
		}
	}

	read := map[string]bool{}
	for _, pe := range fd.exprs {
		if pe.cond {
			p, ok := r.compileExpr(pe.node, pe.src, final, exprSpec{key: pe.key, cond: true})
			if ok {
				pe.step.Cases[pe.index].When = p
				for k := range identifiers(p) {
					read[k] = true
				}
			}
			continue
		}
		name := pe.name
		want, known := vars[name]
		if resultOf[name] != "" {
			r.errorf(pe.target, "set: %s holds %s and cannot be set", name, origin[name])
			continue
		}
		p, ok := r.compileExpr(pe.node, pe.src, final, exprSpec{key: pe.key})
		if !ok {
			continue
		}
		if storesWholeEnv(p) {
			r.errorf(pe.node, "%s: $env on its own cannot be stored (it holds every variable, %s too); read one name from it, as $env[\"name\"], or write the name itself", pe.key, name)
			continue
		}
		got, gotOK := varTypeOf(p.Node().Type())
		switch {
		case gotOK && got == TypeResult:
			r.errorf(pe.node, "%s: gives a whole questionnaire result; store a number, text, bool or list instead", pe.key)
			continue
		case gotOK && known && got != want:
			r.errorf(pe.node, "%s: %s is %s, but this expression gives %s", pe.key, name, origin[name], typeWord(got))
			continue
		}
		if known && want == TypeNumber {
			p, ok = r.compileExpr(pe.node, pe.src, final, exprSpec{key: pe.key, want: TypeNumber})
			if !ok {
				continue
			}
		}
		pe.step.Set[pe.index].Program = p
		for k := range identifiers(p) {
			read[k] = true
		}
	}
	for _, name := range sortedKeys(fd.vars) {
		if !read[name] {
			r.warnf(fd.vars[name].key, "vars: %s is declared but no expression reads it; use it or remove it", name)
		}
	}
	for name, t := range vars {
		fl.Vars[name] = t
	}
}

// keyOf names the key a step's save name came from.
func keyOf(sd *stepDef) string {
	if sd.saveNode != nil && sd.saveNode != sd.idNode {
		return "save_as"
	}
	return "id"
}

// compileQuiet compiles an expression against env, without reporting.
func compileQuiet(src string, env types.Map) (*vm.Program, error) {
	return expr.Compile(src, expr.Env(env))
}
