package flow

import (
	"fmt"
	"github.com/kapbot/kapbot/internal/catalog"
	"math"
	"slices"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/types"
	"go.yaml.in/yaml/v3"
)

var questKeys = []string{"kapbot", "questionnaire", "title", "locale", "source", "license", "attribution", "loinc", "preamble", "done", "options", "items", "missing", "scoring", "tests"}

var itemKeys = append([]string{"id", "when", "weight", "scored", "loinc", "unknown"}, askKeys...)

// resultFields are the names every questionnaire result has.
var resultFields = []string{"total", "band", "flags", "risk", "valid", "missing", "unknown"}

// listOfItems is the expression type of the lists `missing` and `unknown`.
var listOfItems = types.Array(types.String)

// questDef is a questionnaire being compiled.
type questDef struct {
	f      *srcFile
	q      *Questionnaire
	idNode *yaml.Node
	alone  *Flow // the stand-alone flow of the same id
}

// parseQuestionnaire decodes and compiles a questionnaire file, runs its
// golden vectors and registers it with its stand-alone flow.
func (c *compiler) parseQuestionnaire(f *srcFile) {
	r := f.r
	m := r.mapping(f.root, nil, "questionnaire", questKeys...)
	if m == nil {
		return
	}
	q := &Questionnaire{Pos: r.pos(f.kindKey)}
	qd := &questDef{f: f, q: q}
	register := false
	if n := m.require("questionnaire", "the questionnaire id"); n != nil {
		if id, ok := r.ident(n, "questionnaire", "questionnaire id"); ok {
			q.ID, qd.idNode = id, n
			if prev := c.quests[id]; prev != nil {
				r.errorf(n, "questionnaire: duplicate questionnaire id %q; it is also defined at %s", id, prev.f.r.pos(prev.idNode))
			} else {
				register = true
			}
		}
	}
	c.fileLocale(r, m)
	q.Locale = r.locale
	if n := m.require("title", "the instrument's name, e.g. Patient Health Questionnaire (PHQ-9)"); n != nil {
		q.Title = r.text(n, "title", textMessage)
	}
	for key, dst := range map[string]*string{"source": &q.Source, "license": &q.License, "attribution": &q.Attribution} {
		if n := m.get(key); n != nil {
			*dst, _ = r.str(n, key)
		}
	}
	if n := m.get("loinc"); n != nil {
		if lm := r.mapping(n, m.keyNode("loinc"), "loinc", "panel", "total"); lm != nil {
			if p := lm.get("panel"); p != nil {
				q.LOINC.Panel, _ = r.str(p, "panel")
			}
			if t := lm.get("total"); t != nil {
				q.LOINC.Total, _ = r.str(t, "total")
			}
		}
	}
	if n := m.get("preamble"); n != nil {
		q.Preamble = r.text(n, "preamble", textMessage)
	}
	if n := m.get("done"); n != nil {
		q.Done = r.text(n, "done", textMessage)
	}
	var options *parsedChoices
	if n := m.get("options"); n != nil {
		options = c.parseChoices(r, n, "options")
		if options != nil && len(options.choices) > MaxChoices {
			r.errorf(n, "options: %d choices, over Discord's limit of %d buttons per message", len(options.choices), MaxChoices)
		}
	}

	env := types.Map{"missing": listOfItems, "unknown": listOfItems}
	whens := map[int]*yaml.Node{}
	if n := m.require("items", "the questions, in order"); n != nil {
		items, ok := r.seq(n, "items")
		if ok && len(items) == 0 {
			r.errorf(n, "items: a questionnaire needs at least one item")
		}
		for i, it := range items {
			item, when := c.parseItem(r, q, it, i, options)
			if item == nil {
				continue
			}
			q.Items = append(q.Items, item)
			if when != nil {
				whens[len(q.Items)-1] = when
			}
			if item.Ask != nil {
				env[item.ID] = ExprType(answerType(item.Ask))
			} else {
				env[item.ID] = types.Any
			}
		}
	}
	// Item conditions may use earlier items only.
	for i, it := range q.Items {
		n := whens[i]
		if n == nil {
			continue
		}
		p, ok := r.compileExpr(n, it.WhenSrc, env, exprSpec{key: "when", cond: true})
		if !ok {
			continue
		}
		for name := range identifiers(p) {
			if j := slices.IndexFunc(q.Items, func(x *Item) bool { return x.ID == name }); j >= i {
				if j == i {
					r.errorf(n, "when: item %s cannot depend on its own answer", name)
				} else {
					r.errorf(n, "when: item %s is asked after %s, so it has no answer yet; use earlier items only", name, it.ID)
				}
				ok = false
			}
		}
		if ok {
			it.When = p
		}
	}
	if n := m.get("missing"); n != nil {
		c.parseMissing(r, q, n, m.keyNode("missing"))
	}
	if n := m.get("scoring"); n != nil {
		c.parseScoring(r, q, n, m.keyNode("scoring"), env)
	}
	c.checkUnknown(r, q)
	if n := m.get("tests"); n != nil {
		c.parseVectors(r, q, n)
	}
	if register {
		c.quests[q.ID] = qd
		qd.alone = alone(q)
		if len(q.Done) == 0 {
			// Alone, a questionnaire without a closing text would end in
			// silence: close it with the catalogue's thanks.
			qd.alone.Steps["done"].Say = c.catalogText(r, catalog.QuestionnaireDone)
		}
	}
}

// parseItem decodes one item; when is its condition node, compiled later.
func (c *compiler) parseItem(r *reader, q *Questionnaire, n *yaml.Node, i int, options *parsedChoices) (*Item, *yaml.Node) {
	n = r.deref(n)
	if n == nil {
		return nil, nil
	}
	name := fmt.Sprintf("item %d", i+1)
	if id := peek(n, "id"); id != "" {
		name = fmt.Sprintf("item %q", id)
	}
	m := r.mapping(n, nil, name, itemKeys...)
	if m == nil {
		return nil, nil
	}
	it := &Item{Pos: r.pos(n), Weight: 1}
	idNode := m.get("id")
	if idNode == nil {
		r.errorf(n, "%s: missing key \"id\"; give every item an id (scoring refers to answers by it)", name)
		return nil, nil
	}
	id, ok := r.ident(idNode, "id", "item id")
	if !ok {
		return nil, nil
	}
	it.ID = id
	if slices.Contains(resultFields, id) {
		r.errorf(idNode, "id: %q is a field of every questionnaire result (%s); choose another item id", id, list(resultFields, true))
		return nil, nil
	}
	for _, prev := range q.Items {
		if prev.ID == id {
			r.errorf(idNode, "id: duplicate item %q (first on line %d); item ids must differ within a questionnaire", id, prev.Pos.Line)
			return nil, nil
		}
	}
	it.Ask = c.parseAsk(r, m, askSpec{item: true, options: options})
	countable := it.Ask != nil && countable(it.Ask)
	it.Scored = countable
	if sn := m.get("scored"); sn != nil {
		if b, ok := r.boolean(sn, "scored"); ok {
			if b && it.Ask != nil && !countable {
				r.errorf(sn, "scored: a %s answer cannot be counted in the total; only numbers, numeric choices, likert and yesno can", describeAnswer(it.Ask))
			} else {
				it.Scored = b
			}
		}
	}
	if wn := m.get("weight"); wn != nil {
		if w, ok := r.number(wn, "weight"); ok {
			it.Weight = w
		}
	}
	if ln := m.get("loinc"); ln != nil {
		it.LOINC, _ = r.str(ln, "loinc")
	}
	if un := m.get("unknown"); un != nil {
		if b, ok := r.boolean(un, "unknown"); ok && b && it.Ask != nil {
			switch it.Ask.Type {
			case AskYesNo, AskChoice, AskLikert, AskNumber:
				it.Unknown = true
			default:
				r.errorf(un, "unknown: a %s item cannot be unknown; only yesno, choice, likert and number items can", it.Ask.Type)
			}
		}
	}
	var when *yaml.Node
	if wn := m.get("when"); wn != nil {
		if src, ok := r.scalarExpr(wn, "when"); ok {
			it.WhenSrc = src
			when = wn
		}
	}
	return it, when
}

// flagKinds names the kinds of flags, for messages.
var flagKinds = func() []string {
	out := make([]string, len(FlagKinds))
	for i, k := range FlagKinds {
		out[i] = string(k)
	}
	return out
}()

var kindList = list(flagKinds, true)

// parseMissing decodes the missing-data rule: `missing: {prorate: N,
// source: ...}`.
func (c *compiler) parseMissing(r *reader, q *Questionnaire, n, key *yaml.Node) {
	m := r.mapping(n, key, "missing", "prorate", "source")
	if m == nil {
		return
	}
	q.Missing.Pos = r.pos(key)
	scored := 0
	for _, it := range q.Items {
		if it.Scored {
			scored++
		}
	}
	if sn := m.get("source"); sn != nil {
		q.Missing.Source, _ = r.str(sn, "source")
	}
	pn := m.require("prorate", "how many missing scored items are prorated, e.g. 2 for the PHQ-9; 0: any missing item makes the total invalid")
	if pn == nil {
		return
	}
	v, ok := r.integer(pn, "prorate")
	switch {
	case !ok:
	case v < 0:
		r.errorf(pn, "prorate: must be 0 or more")
	case scored == 0:
		r.errorf(pn, "prorate: the questionnaire has no scored items, so there is no total to prorate; remove missing:")
	case v >= scored:
		r.errorf(pn, "prorate: %d of the %d scored items would leave nothing to prorate from; give at most %d", v, scored, scored-1)
	default:
		q.Missing.Prorate = v
	}
}

// lowest is an answer to a that raises as little as possible: no, the lowest
// value, the first choice, an empty list.
func lowest(a *Ask) any {
	switch answerType(a) {
	case TypeBool:
		return false
	case TypeNumber:
		lo := math.Inf(1)
		for _, ch := range a.Choices {
			if ch.Num != nil {
				lo = min(lo, *ch.Num)
			}
		}
		if a.Type == AskNumber {
			lo = 0
			if a.Min != nil {
				lo = *a.Min
			}
		}
		if math.IsInf(lo, 1) {
			lo = 0
		}
		return lo
	case TypeList:
		return []string{}
	}
	if a.Type == AskChoice && len(a.Choices) > 0 {
		return a.Choices[0].Value
	}
	if a.Type == AskDate {
		return "2000-01-01"
	}
	return "none"
}

// checkUnknown refuses an `unknown: true` item whose unknown answer scoring
// would let pass silently: with every other item at its lowest answer and
// this one unknown, some flag must be raised. When the item is not asked
// with such answers, some flag or value must at least read `unknown`.
func (c *compiler) checkUnknown(r *reader, q *Questionnaire) {
	readsUnknown := false
	for _, f := range q.Scoring.Flags {
		if f.When != nil && identifiers(f.When)["unknown"] {
			readsUnknown = true
		}
	}
	for i, it := range q.Items {
		if !it.Unknown {
			continue
		}
		answers := map[string]any{}
		for _, other := range q.Items {
			if other != it && other.Ask != nil {
				answers[other.ID] = lowest(other.Ask)
			}
		}
		at := it.Pos
		asked, err := q.Asked(i, answers)
		if err != nil {
			continue
		}
		if !asked {
			if !readsUnknown {
				r.sink.errorf(at, "unknown: item %s may be unknown, but no flag reads `unknown`; raise a flag for it, e.g. when: '\"%s\" in unknown'", it.ID, it.ID)
			}
			continue
		}
		res, err := q.Score(answers)
		if err != nil {
			continue
		}
		if len(res.Flags) == 0 {
			r.sink.errorf(at, "unknown: item %s may be unknown, but scoring raises no flag when it is (and every other item has its lowest answer), so a clinician would never see it; raise a flag, e.g. when: '\"%s\" in unknown'", it.ID, it.ID)
		}
	}
}

// countable reports whether an answer to a can be counted in a total.
func countable(a *Ask) bool {
	switch a.Type {
	case AskYesNo, AskNumber, AskLikert:
		return true
	case AskChoice:
		return a.Numeric
	}
	return false
}

func describeAnswer(a *Ask) string {
	if a.Type == AskChoice {
		return "non-numeric choice"
	}
	return string(a.Type)
}

// parseScoring decodes bands, values and flags and compiles their
// expressions.
func (c *compiler) parseScoring(r *reader, q *Questionnaire, n, key *yaml.Node, items types.Map) {
	m := r.mapping(n, key, "scoring", "bands", "values", "flags")
	if m == nil {
		return
	}
	var bandNodes []*yaml.Node
	if bn := m.get("bands"); bn != nil {
		list, _ := r.seq(bn, "bands")
		for _, it := range list {
			bm := r.mapping(it, nil, "band", "name", "min", "max", "label")
			if bm == nil {
				continue
			}
			var b Band
			ok := true
			if nn := bm.require("name", "what expressions compare band with, e.g. minimal"); nn != nil {
				if b.Name, ok = r.str(nn, "name"); ok {
					for _, prev := range q.Scoring.Bands {
						if prev.Name == b.Name {
							r.errorf(nn, "name: duplicate band %q", b.Name)
						}
					}
				}
			} else {
				ok = false
			}
			for _, k := range []string{"min", "max"} {
				vn := bm.require(k, "a total, inclusive")
				if vn == nil {
					ok = false
					continue
				}
				v, good := r.number(vn, k)
				ok = ok && good
				if k == "min" {
					b.Min = v
				} else {
					b.Max = v
				}
			}
			if ln := bm.get("label"); ln != nil {
				b.Label = r.text(ln, "label", textMessage)
			}
			if !ok {
				continue
			}
			if b.Min > b.Max {
				r.errorf(bm.get("max"), "max: %s is less than min %s", fmtNum(b.Max), fmtNum(b.Min))
				continue
			}
			q.Scoring.Bands = append(q.Scoring.Bands, b)
			bandNodes = append(bandNodes, it)
		}
		c.checkBands(r, q, bandNodes)
	}

	env := types.Map{"total": types.Float64, "band": types.String, "valid": types.Bool}
	for k, v := range items {
		env[k] = v
	}
	if vn := m.get("values"); vn != nil {
		if vm := r.mapping(vn, m.keyNode("values"), "values"); vm != nil {
			for _, name := range vm.order {
				f := vm.m[name]
				if _, ok := r.ident(f.key, "values", "value name"); !ok {
					continue
				}
				if _, taken := env[name]; taken || slices.Contains(resultFields, name) {
					r.errorf(f.key, "values: %s is already the name of an item or a result field (%s); choose another name", name, list(resultFields, true))
					continue
				}
				src, ok := r.scalarExpr(f.val, "values."+name)
				if !ok {
					continue
				}
				p, ok := r.compileExpr(f.val, src, env, exprSpec{key: "values." + name})
				if !ok {
					env[name] = types.Any
					continue
				}
				t, known := varTypeOf(p.Node().Type())
				if !known || t == TypeResult {
					r.errorf(f.val, "values.%s: cannot tell whether it is a number, text, bool or list; write the expression so its type is clear", name)
					env[name] = types.Any
					continue
				}
				if t == TypeNumber {
					if p, ok = r.compileExpr(f.val, src, env, exprSpec{key: "values." + name, want: TypeNumber}); !ok {
						continue
					}
				}
				env[name] = ExprType(t)
				q.Scoring.Values = append(q.Scoring.Values, Computed{Name: name, Source: src, Program: p, Type: t, Pos: r.pos(f.key)})
			}
		}
	}
	if fn := m.get("flags"); fn != nil {
		list, _ := r.seq(fn, "flags")
		for _, it := range list {
			fm := r.mapping(it, nil, "flag", "id", "when", "risk", "kind", "contraindication", "label")
			if fm == nil {
				continue
			}
			fl := Flag{Pos: r.pos(it)}
			ok := true
			if idn := fm.require("id", "the flag's name, e.g. item9"); idn != nil {
				if fl.ID, ok = r.str(idn, "id"); ok {
					for _, prev := range q.Scoring.Flags {
						if prev.ID == fl.ID {
							r.errorf(idn, "id: duplicate flag %q (first on line %d)", fl.ID, prev.Pos.Line)
							ok = false
						}
					}
				}
			} else {
				ok = false
			}
			if wn := fm.require("when", "the condition that raises the flag"); wn != nil {
				if src, good := r.scalarExpr(wn, "when"); good {
					fl.Source = src
					fl.When, good = r.compileExpr(wn, src, env, exprSpec{key: "when", cond: true})
					ok = ok && good
				} else {
					ok = false
				}
			} else {
				ok = false
			}
			if rn := fm.get("risk"); rn != nil {
				fl.Risk, _ = r.boolean(rn, "risk")
			}
			if cn := fm.get("contraindication"); cn != nil {
				if b, _ := r.boolean(cn, "contraindication"); b {
					fl.Kind = FlagContraindication
				}
			}
			if kn := fm.get("kind"); kn != nil {
				if k, good := r.str(kn, "kind"); good {
					switch {
					case !slices.Contains(flagKinds, k):
						r.errorf(kn, "kind: unknown kind %q%s (kinds: %s)", k, didYouMean(k, flagKinds), kindList)
					case fm.get("contraindication") != nil:
						r.errorf(fm.keyNode("contraindication"), "contraindication: give either kind: or the older contraindication: true, not both")
					default:
						fl.Kind = FlagKind(k)
					}
				}
			}
			fl.Contraindication = fl.Kind == FlagContraindication
			if ln := fm.get("label"); ln != nil {
				fl.Label = r.text(ln, "label", textMessage)
			}
			if ok {
				q.Scoring.Flags = append(q.Scoring.Flags, fl)
			}
		}
	}
}

// totalRange returns the lowest and highest total the scored items can give
// (an unanswered item counts 0), whether totals are whole numbers, and
// whether the range is bounded at all.
func totalRange(q *Questionnaire) (lo, hi float64, whole, bounded bool) {
	whole, bounded = true, true
	for _, it := range q.Items {
		if !it.Scored || it.Ask == nil {
			continue
		}
		var vals []float64
		a := it.Ask
		switch a.Type {
		case AskYesNo:
			vals = []float64{0, 1}
		case AskChoice, AskLikert:
			for _, ch := range a.Choices {
				if ch.Num != nil {
					vals = append(vals, *ch.Num)
				}
			}
		case AskNumber:
			whole = false
			if a.Min == nil || a.Max == nil {
				bounded = false
				continue
			}
			vals = []float64{*a.Min, *a.Max}
		}
		if it.Weight != math.Trunc(it.Weight) {
			whole = false
		}
		itemLo, itemHi := 0.0, 0.0
		for _, v := range vals {
			if v != math.Trunc(v) {
				whole = false
			}
			itemLo = min(itemLo, v*it.Weight)
			itemHi = max(itemHi, v*it.Weight)
		}
		lo += itemLo
		hi += itemHi
	}
	return lo, hi, whole, bounded
}

// checkBands reports overlapping bands (an error: the first match would hide
// the other) and totals no band covers (a warning).
func (c *compiler) checkBands(r *reader, q *Questionnaire, nodes []*yaml.Node) {
	bands := q.Scoring.Bands
	if len(bands) == 0 {
		return
	}
	idx := make([]int, len(bands))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case bands[a].Min < bands[b].Min:
			return -1
		case bands[a].Min > bands[b].Min:
			return 1
		}
		return a - b
	})
	lo, hi, whole, bounded := totalRange(q)
	span := func(b Band) string { return fmt.Sprintf("%s to %s", fmtNum(b.Min), fmtNum(b.Max)) }
	// uncovered describes the possible totals strictly between a and b, or
	// "" when there are none.
	uncovered := func(a, b float64) string {
		if bounded {
			a, b = max(a, lo-1), min(b, hi+1)
		}
		if whole {
			from, to := math.Floor(a)+1, math.Ceil(b)-1
			switch {
			case from > to:
				return ""
			case from == to:
				return fmtNum(from)
			}
			return fmtNum(from) + " to " + fmtNum(to)
		}
		if a >= b {
			return ""
		}
		return "between " + fmtNum(a) + " and " + fmtNum(b)
	}
	first := bands[idx[0]]
	if bounded && first.Min > lo {
		u := "between " + fmtNum(lo) + " and " + fmtNum(first.Min)
		if whole {
			u = uncovered(lo-1, first.Min)
		}
		if u != "" {
			r.warnf(nodes[idx[0]], "bands: no band covers totals %s (the lowest possible total is %s); such totals get no band", u, fmtNum(lo))
		}
	}
	reach := first.Max
	prev := first
	for k := 1; k < len(idx); k++ {
		cur := bands[idx[k]]
		if cur.Min <= reach {
			r.errorf(nodes[idx[k]], "bands: %s (%s) overlaps %s (%s); a total matches the first band listed, so make each band start above the previous one's max", cur.Name, span(cur), prev.Name, span(prev))
		} else if u := uncovered(reach, cur.Min); u != "" {
			r.warnf(nodes[idx[k]], "bands: no band covers totals %s, between %s (%s) and %s (%s); such totals get no band", u, prev.Name, span(prev), cur.Name, span(cur))
		}
		if cur.Max > reach {
			reach, prev = cur.Max, cur
		}
	}
	if bounded && reach < hi {
		if u := uncovered(reach, hi+1); u != "" {
			if !whole {
				u = "between " + fmtNum(reach) + " and " + fmtNum(hi)
			}
			r.warnf(nodes[idx[len(idx)-1]], "bands: no band covers totals %s (the highest possible total is %s); such totals get no band", u, fmtNum(hi))
		}
	}
}

// alone builds the stand-alone flow of a questionnaire: show the clinic's
// disclaimer, run it, then refer with priority emergency when a risk flag is
// raised. Every flow can be started with /start <id>, so this one too shows
// the disclaimer before anything else.
func alone(q *Questionnaire) *Flow {
	env := types.Map{q.ID: q.ResultType()}
	risk, err := expr.Compile(q.ID+".risk", expr.Env(env), expr.AsBool())
	if err != nil {
		panic(fmt.Sprintf("flow: compile the risk check of %s: %v", q.ID, err)) // ids are identifiers, so this cannot fail
	}
	reason := Text{}
	for l, title := range q.Title {
		reason[l] = "Risk flag in " + title
	}
	f := &Flow{
		ID:     q.ID,
		Title:  q.Title,
		Locale: q.Locale,
		Start:  "disclaimer",
		Order:  []string{"disclaimer", "run", "risk", "done", "crisis"},
		Vars:   map[string]VarType{"locale": TypeText, q.ID: TypeResult},
		Pos:    q.Pos,
		Steps: map[string]*Step{
			"disclaimer": {ID: "disclaimer", Kind: KindDisclaimer, Next: "run", Pos: q.Pos},
			"run":        {ID: "run", Kind: KindQuestionnaire, Next: "risk", Pos: q.Pos, Questionnaire: q.ID, SaveAs: q.ID},
			"risk": {ID: "risk", Kind: KindBranch, Next: "done", Pos: q.Pos,
				Cases: []Case{{Source: q.ID + ".risk", When: risk, Goto: "crisis", Pos: q.Pos}}},
			"done": {ID: "done", Kind: KindEnd, Pos: q.Pos},
			"crisis": {ID: "crisis", Kind: KindRefer, Pos: q.Pos,
				Refer: &Refer{Priority: Emergency, Reason: reason, Crisis: true}},
		},
		Questionnaire: q.ID,
	}
	return f
}

// vectorAnswer converts a golden vector's YAML answer to the value the engine
// stores for item it, reporting answers the item could not take.
func (r *reader) vectorAnswer(it *Item, n *yaml.Node) (any, bool) {
	a := it.Ask
	key := it.ID
	values := func() []string {
		var out []string
		for _, ch := range a.Choices {
			out = append(out, ch.Value)
		}
		return out
	}
	inChoices := func(v string) bool {
		return slices.ContainsFunc(a.Choices, func(ch Choice) bool { return ch.Value == v })
	}
	switch answerType(a) {
	case TypeBool:
		return r.boolean(n, key)
	case TypeNumber:
		f, ok := r.number(n, key)
		if !ok {
			return nil, false
		}
		switch {
		case a.Type == AskChoice || a.Type == AskLikert:
			if !slices.ContainsFunc(a.Choices, func(ch Choice) bool { return ch.Num != nil && *ch.Num == f }) {
				r.errorf(n, "%s: %s is not one of the item's values (%s)", key, fmtNum(f), list(values(), true))
				return nil, false
			}
		case a.Min != nil && f < *a.Min, a.Max != nil && f > *a.Max:
			r.errorf(n, "%s: %s is outside the item's range", key, fmtNum(f))
			return nil, false
		}
		return f, true
	case TypeList:
		strs, nodes := r.strs(n, key)
		for i, s := range strs {
			if !inChoices(s) {
				r.errorf(nodes[i], "%s: %q is not one of the item's values (%s)", key, s, list(values(), true))
				return nil, false
			}
		}
		if strs == nil {
			strs = []string{}
		}
		return strs, true
	default:
		s, ok := r.str(n, key)
		if ok && a.Type == AskChoice && !inChoices(s) {
			r.errorf(n, "%s: %q is not one of the item's values (%s)", key, s, list(values(), true))
			return nil, false
		}
		return s, ok
	}
}

// parseVectors decodes the golden vectors and checks each against Score.
func (c *compiler) parseVectors(r *reader, q *Questionnaire, n *yaml.Node) {
	items, _ := r.seq(n, "tests")
	ids := make([]string, len(q.Items))
	for i, it := range q.Items {
		ids[i] = it.ID
	}
	for i, tn := range items {
		m := r.mapping(tn, nil, "test", "name", "answers", "expect")
		if m == nil {
			continue
		}
		v := Vector{Name: fmt.Sprintf("test %d", i+1), Answers: map[string]any{}, Pos: r.pos(tn)}
		if nn := m.require("name", "what the test checks"); nn != nil {
			v.Name, _ = r.str(nn, "name")
		}
		ok := true
		answerNodes := map[string]*yaml.Node{}
		if an := m.get("answers"); an != nil && !isNull(an) {
			am := r.mapping(an, m.keyNode("answers"), "answers")
			if am == nil {
				ok = false
			}
			for _, id := range am.orderOrNil() {
				f := am.m[id]
				j := slices.Index(ids, id)
				if j < 0 {
					r.errorf(f.key, "answers: no item %q%s (items: %s)", id, didYouMean(id, ids), list(ids, true))
					ok = false
					continue
				}
				if q.Items[j].Ask == nil {
					ok = false
					continue
				}
				val, good := r.vectorAnswer(q.Items[j], f.val)
				if !good {
					ok = false
					continue
				}
				v.Answers[id] = val
				answerNodes[id] = f.key
			}
		}
		en := m.require("expect", "total, band, flags, risk or values")
		var em *mapNode
		if en != nil {
			em = r.mapping(en, m.keyNode("expect"), "expect", "total", "band", "flags", "risk", "valid", "missing", "unknown", "values")
		}
		if em == nil {
			continue
		}
		if tn := em.get("total"); tn != nil {
			if f, good := r.number(tn, "total"); good {
				v.Expect.Total = &f
			}
		}
		bandNames := make([]string, len(q.Scoring.Bands))
		for i, b := range q.Scoring.Bands {
			bandNames[i] = b.Name
		}
		if bn := em.get("band"); bn != nil {
			if s, good := r.str(bn, "band"); good {
				if !slices.Contains(bandNames, s) {
					r.errorf(bn, "band: no band %q%s (bands: %s)", s, didYouMean(s, bandNames), list(bandNames, true))
				} else {
					v.Expect.Band = &s
				}
			}
		}
		flagIDs := make([]string, len(q.Scoring.Flags))
		for i, fl := range q.Scoring.Flags {
			flagIDs[i] = fl.ID
		}
		if fn := em.get("flags"); fn != nil {
			flags, nodes := r.strs(fn, "flags")
			v.Expect.Flags = []string{}
			for i, fl := range flags {
				if !slices.Contains(flagIDs, fl) {
					r.errorf(nodes[i], "flags: no flag %q%s (flags: %s)", fl, didYouMean(fl, flagIDs), list(flagIDs, true))
					continue
				}
				v.Expect.Flags = append(v.Expect.Flags, fl)
			}
		}
		if rn := em.get("risk"); rn != nil {
			if b, good := r.boolean(rn, "risk"); good {
				v.Expect.Risk = &b
			}
		}
		if vn := em.get("valid"); vn != nil {
			if b, good := r.boolean(vn, "valid"); good {
				v.Expect.Valid = &b
			}
		}
		for key, dst := range map[string]*[]string{"missing": &v.Expect.Missing, "unknown": &v.Expect.Unknown} {
			if ln := em.get(key); ln != nil {
				ids, nodes := r.strs(ln, key)
				*dst = []string{}
				for i, id := range ids {
					if !slices.ContainsFunc(q.Items, func(it *Item) bool { return it.ID == id }) {
						r.errorf(nodes[i], "%s: no item %q%s", key, id, didYouMean(id, itemIDs(q)))
						continue
					}
					*dst = append(*dst, id)
				}
			}
		}
		valueNodes := map[string]*yaml.Node{}
		if vn := em.get("values"); vn != nil {
			if vm := r.mapping(vn, em.keyNode("values"), "values"); vm != nil {
				v.Expect.Values = map[string]any{}
				for _, name := range vm.order {
					f := vm.m[name]
					k := slices.IndexFunc(q.Scoring.Values, func(cv Computed) bool { return cv.Name == name })
					if k < 0 {
						names := make([]string, len(q.Scoring.Values))
						for i, cv := range q.Scoring.Values {
							names[i] = cv.Name
						}
						r.errorf(f.key, "values: no value %q%s (values: %s)", name, didYouMean(name, names), list(names, true))
						continue
					}
					if val, good := r.expectValue(f.val, name, q.Scoring.Values[k].Type); good {
						v.Expect.Values[name] = val
						valueNodes[name] = f.val
					}
				}
			}
		}
		q.Tests = append(q.Tests, v)
		if !ok {
			continue
		}
		c.runVector(r, q, v, em, answerNodes, valueNodes)
	}
}

func itemIDs(q *Questionnaire) []string {
	ids := make([]string, len(q.Items))
	for i, it := range q.Items {
		ids[i] = it.ID
	}
	return ids
}

func (m *mapNode) orderOrNil() []string {
	if m == nil {
		return nil
	}
	return m.order
}

// expectValue decodes an expected scoring value of type t.
func (r *reader) expectValue(n *yaml.Node, key string, t VarType) (any, bool) {
	switch t {
	case TypeNumber:
		return r.number(n, key)
	case TypeBool:
		return r.boolean(n, key)
	case TypeList:
		s, _ := r.strs(n, key)
		if s == nil {
			s = []string{}
		}
		return s, true
	default:
		return r.str(n, key)
	}
}

// runVector scores a vector and reports every mismatch at the expectation.
func (c *compiler) runVector(r *reader, q *Questionnaire, v Vector, em *mapNode, answerNodes, valueNodes map[string]*yaml.Node) {
	for i, it := range q.Items {
		if _, answered := v.Answers[it.ID]; !answered || it.When == nil {
			continue
		}
		if asked, err := q.Asked(i, v.Answers); err == nil && !asked {
			r.warnf(answerNodes[it.ID], "answers: item %s would not be asked with these answers (its when: %s is false), so the engine never records this answer", it.ID, it.WhenSrc)
		}
	}
	res, err := q.Score(v.Answers)
	if err != nil {
		r.errorf(em.at, "test %q: scoring fails: %v", v.Name, err)
		return
	}
	e := v.Expect
	if e.Total != nil && math.Abs(res.Total-*e.Total) > 1e-9 {
		r.errorf(em.get("total"), "total: scoring gives %s, but test %q expects %s", fmtNum(res.Total), v.Name, fmtNum(*e.Total))
	}
	if e.Band != nil && res.Band != *e.Band {
		got := fmt.Sprintf("%q", res.Band)
		if res.Band == "" {
			got = "no band"
		}
		r.errorf(em.get("band"), "band: scoring gives %s (total %s), but test %q expects %q", got, fmtNum(res.Total), v.Name, *e.Band)
	}
	if e.Flags != nil {
		got, want := slices.Clone(res.Flags), slices.Clone(e.Flags)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(slices.Compact(got), slices.Compact(want)) {
			r.errorf(em.get("flags"), "flags: scoring raises [%s], but test %q expects [%s]", strings.Join(res.Flags, ", "), v.Name, strings.Join(e.Flags, ", "))
		}
	}
	if e.Risk != nil && res.Risk != *e.Risk {
		r.errorf(em.get("risk"), "risk: scoring gives %t, but test %q expects %t", res.Risk, v.Name, *e.Risk)
	}
	if e.Valid != nil && res.Valid() != *e.Valid {
		r.errorf(em.get("valid"), "valid: scoring gives %t (missing: [%s]), but test %q expects %t", res.Valid(), strings.Join(res.Missing, ", "), v.Name, *e.Valid)
	}
	for key, pair := range map[string][2][]string{"missing": {res.Missing, e.Missing}, "unknown": {res.Unknown, e.Unknown}} {
		got, want := slices.Clone(pair[0]), slices.Clone(pair[1])
		if want == nil {
			continue
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			r.errorf(em.get(key), "%s: scoring gives [%s], but test %q expects [%s]", key, strings.Join(pair[0], ", "), v.Name, strings.Join(pair[1], ", "))
		}
	}
	for _, name := range sortedKeys(e.Values) {
		got, want := normalize(res.Values[name]), normalize(e.Values[name])
		if !equalValues(got, want) {
			r.errorf(valueNodes[name], "values.%s: scoring gives %s, but test %q expects %s", name, showValue(got), v.Name, showValue(want))
		}
	}
}

func equalValues(a, b any) bool {
	switch x := a.(type) {
	case float64:
		y, ok := b.(float64)
		return ok && math.Abs(x-y) <= 1e-9
	case []string:
		y, ok := b.([]string)
		return ok && slices.Equal(x, y)
	}
	return a == b
}

func showValue(v any) string {
	switch x := v.(type) {
	case float64:
		return fmtNum(x)
	case string:
		return fmt.Sprintf("%q", x)
	case []string:
		return "[" + strings.Join(x, ", ") + "]"
	case nil:
		return "nothing"
	}
	return fmt.Sprint(v)
}
