package flow

import (
	"fmt"
	"slices"
	"strings"

	"github.com/expr-lang/expr/ast"
	"go.yaml.in/yaml/v3"
)

// The safety lint (issue 4) runs in Validate, LoadDir and LoadFS, so that
// `kapbot flows validate` and `kapbot flows push` refuse a flow set where:
//
//   - a questionnaire step with risk flags cannot reach a refer step with
//     priority: emergency and crisis: true (a warning when it can, but no
//     branch on the way tests the result's risk or flags);
//   - a locale used by a flow, questionnaire or clinic text has no crisis
//     resources in clinic.yaml;
//   - clinic.yaml has no disclaimer, or the first message a patient can see
//     in some flow is not the disclaimer;
//   - a text gives a dose amount or a dosing instruction, unless its step is
//     marked `logistics: reviewed`.
//
// It warns (without refusing) when the text of a harm_to_others, abuse or
// acute_medical block does not show the block's own emergency number. A
// clinic.yaml without those blocks is valid: the crisis resources are shown
// for them, under the category's catalogue heading.

// textUse is one decoded text with what the lint needs to locate it.
type textUse struct {
	r     *reader
	key   string                // the key it was written under: "say", "label", ...
	node  *yaml.Node            // the whole text
	text  Text                  // by locale
	nodes map[string]*yaml.Node // by locale: the string's node
	keys  map[string]*yaml.Node // by locale, mapping form only: the locale key
	step  *stepDef              // the flow step the text belongs to, if any
}

// localeUse is the `locale:` of a flow or questionnaire file.
type localeUse struct {
	r      *reader
	node   *yaml.Node
	locale string
}

func (c *compiler) lintSafety() {
	c.lintDisclaimerKey()
	c.lintCrisisLocales()
	for _, id := range sortedKeys(c.flows) {
		fd := c.flows[id]
		c.lintRisk(fd)
		c.lintFirstMessage(fd)
	}
	c.lintDoses()
	c.lintResources()
	c.lintNumbers()
}

// resourceUse is one locale of a safety resource block of clinic.yaml.
type resourceUse struct {
	r         *reader
	category  string // crisis, harm_to_others, abuse, acute_medical
	locale    string
	res       CrisisResources
	emergency *yaml.Node // the emergency: value, nil when not given
}

// lintResources warns about safety resource texts that do not show their
// emergency number: the text is all the patient sees.
func (c *compiler) lintResources() {
	for _, u := range c.resources {
		if u.category == "crisis" || u.emergency == nil || u.res.Emergency == "" || u.res.Text[u.locale] == "" {
			continue
		}
		if !strings.Contains(u.res.Text[u.locale], u.res.Emergency) {
			u.r.warnf(u.emergency, "%s.%s: the text does not show the emergency number %s; the text is all the patient sees, so write the number in it", u.category, u.locale, u.res.Emergency)
		}
	}
}

// lintDisclaimerKey requires clinic.yaml's disclaimer.
func (c *compiler) lintDisclaimerKey() {
	if c.clinic == nil || c.clinicFile == nil || c.disclaimerNode != nil {
		return
	}
	c.clinicFile.r.errorf(c.clinicFile.root, "clinic: missing key \"disclaimer\" (shown first in every conversation: that the bot is not an emergency service, gives no medical advice, and who sees the answers)")
}

// lintCrisisLocales reports locales in use that have no crisis resources,
// once per file and locale, at the first use. The clinic's own locales are
// checked by Compile already.
func (c *compiler) lintCrisisLocales() {
	if c.clinic == nil || c.clinic.Crisis == nil {
		return
	}
	type use struct {
		r      *reader
		node   *yaml.Node
		key    string
		locale string
	}
	var uses []use
	for _, u := range c.fileLocales {
		uses = append(uses, use{u.r, u.node, "locale", u.locale})
	}
	for _, t := range c.texts {
		for l, k := range t.keys {
			uses = append(uses, use{t.r, k, t.key, l})
		}
	}
	slices.SortStableFunc(uses, func(a, b use) int {
		if a.r.file != b.r.file {
			return strings.Compare(a.r.file, b.r.file)
		}
		if a.node.Line != b.node.Line {
			return a.node.Line - b.node.Line
		}
		return a.node.Column - b.node.Column
	})
	seen := map[string]bool{}
	for _, u := range uses {
		// The clinic's own locales are checked (in clinic.yaml) by Compile.
		if _, ok := c.clinic.Crisis[u.locale]; ok || slices.Contains(c.clinic.Locales, u.locale) || seen[u.r.file+"\x00"+u.locale] {
			continue
		}
		seen[u.r.file+"\x00"+u.locale] = true
		what := u.key + ": locale " + u.locale
		if u.key == "locale" {
			what = "locale: " + u.locale
		}
		u.r.errorf(u.node, "%s has no crisis resources; add crisis: {%s: {text: ..., emergency: ..., hotlines: [...]}} to clinic.yaml, or remove the %s texts from this file", what, u.locale, u.locale)
	}
}

// crisisRefer reports whether s refers with priority emergency and shows the
// crisis resources.
func crisisRefer(s *Step) bool {
	return s.Kind == KindRefer && s.Refer != nil && s.Refer.Priority == Emergency && s.Refer.Crisis
}

// reaches reports whether, from the steps of flow id in from (included), a
// step for which found holds can run before the flow ends, looking into the
// flows that call steps run.
func (c *compiler) reaches(id string, from []string, found func(*Step) bool, visiting map[string]bool) bool {
	fl := c.flowModel(id)
	if fl == nil || visiting[id] {
		return false
	}
	visiting[id] = true
	defer delete(visiting, id)
	hit := false
	walkSteps(fl, from, func(s *Step) (bool, bool) {
		if found(s) {
			hit = true
		} else if s.Kind == KindCall {
			callee := c.flowModel(s.Call)
			hit = callee != nil && c.reaches(s.Call, []string{callee.Start}, found, visiting)
		}
		return true, hit
	})
	return hit
}

// flowModel returns the compiled flow of id: a flow file, or a
// questionnaire's stand-alone flow.
func (c *compiler) flowModel(id string) *Flow {
	if fd := c.flows[id]; fd != nil {
		return fd.flow
	}
	if qd := c.quests[id]; qd != nil {
		return qd.alone
	}
	return nil
}

// lintRisk requires a path from every questionnaire step with risk flags to
// an emergency crisis referral.
func (c *compiler) lintRisk(fd *flowDef) {
	fl, r := fd.flow, fd.f.r
	for _, sd := range fd.steps {
		s := sd.s
		if s.Kind != KindQuestionnaire || c.quests[s.Questionnaire] == nil || sd.quest == nil {
			continue
		}
		q := c.quests[s.Questionnaire].q
		var risky []string
		for _, f := range q.Scoring.Flags {
			if f.Risk {
				risky = append(risky, f.ID)
			}
		}
		if len(risky) == 0 {
			continue
		}
		name := s.SaveAs
		if !c.reaches(fl.ID, s.Successors(), crisisRefer, map[string]bool{}) {
			r.errorf(sd.quest, "questionnaire: %s can raise the risk flag %s, but no refer step with priority: emergency and crisis: true can follow this step in flow %s; add a step {id: risk_check, branch: [{if: %s.risk, goto: crisis}]} after it and a step crisis with refer: {priority: emergency, crisis: true, reason: ...}",
				q.ID, strings.Join(risky, ", "), fl.ID, name)
			continue
		}
		// The crisis referral must not be reachable by chance only: some
		// branch on the way should test this result's risk.
		guard := func(b *Step) bool {
			if b.Kind != KindBranch {
				return false
			}
			for _, k := range b.Cases {
				if k.When != nil && mentionsRisk(k.When.Node(), name, risky) && c.reaches(fl.ID, []string{k.Goto}, crisisRefer, map[string]bool{}) {
					return true
				}
			}
			return false
		}
		if !c.reaches(fl.ID, s.Successors(), guard, map[string]bool{}) {
			r.warnf(sd.quest, "questionnaire: a crisis referral can follow this step, but no branch on the way tests %s.risk or its risk flags (%s), so a patient at risk may never get there; add a step {id: risk_check, branch: [{if: %s.risk, goto: <your crisis step>}]} right after it",
				name, strings.Join(risky, ", "), name)
		}
	}
}

// mentionsRisk reports whether an expression reads result.risk or
// result.flags, or names one of the risk flags.
func mentionsRisk(n ast.Node, result string, flags []string) bool {
	v := &riskVisitor{result: result, flags: flags}
	ast.Walk(&n, v)
	return v.found
}

type riskVisitor struct {
	result string
	flags  []string
	found  bool
}

// Visit looks for result.risk, result.flags and the flags' ids.
func (v *riskVisitor) Visit(n *ast.Node) {
	switch x := (*n).(type) {
	case *ast.MemberNode:
		id, ok := x.Node.(*ast.IdentifierNode)
		prop, ok2 := x.Property.(*ast.StringNode)
		if ok && ok2 && id.Value == v.result && (prop.Value == "risk" || prop.Value == "flags") {
			v.found = true
		}
	case *ast.StringNode:
		if slices.Contains(v.flags, x.Value) {
			v.found = true
		}
	}
}

// firstSend is what a path from a flow's start meets first.
type firstSend int

const (
	sendsNothing    firstSend = iota // the path ends without a message
	sendsDisclaimer                  // the disclaimer comes first
	sendsOther                       // something else comes first
)

// lintFirstMessage requires that the first message on every path from the
// start of the flow is the clinic's disclaimer: a disclaimer step, or a say
// that contains the disclaimer text in every locale.
func (c *compiler) lintFirstMessage(fd *flowDef) {
	fl, r := fd.flow, fd.f.r
	if fl.Start == "" {
		return
	}
	bad := map[string]bool{}
	walkSteps(fl, []string{fl.Start}, func(s *Step) (bool, bool) {
		switch c.sends(fl, s, map[string]bool{fl.ID: true}) {
		case sendsNothing:
			return true, false
		case sendsOther:
			bad[s.ID] = true
		}
		return false, false
	})
	for _, sd := range fd.steps {
		if !bad[sd.s.ID] {
			continue
		}
		s := sd.s
		what := fmt.Sprintf("%s: the patient can see this before the clinic's disclaimer", s.Kind)
		switch {
		case s.Kind == KindSay && c.clinic != nil && len(c.clinic.Disclaimer) > 0:
			if missing := c.disclaimerMissing(s.Say); len(missing) < len(c.locales) {
				what = fmt.Sprintf("say: this first message contains the clinic's disclaimer, but not in %s", list(missing, true))
			}
		case s.Kind == KindCall:
			what = fmt.Sprintf("call: flow %s shows the patient something before the clinic's disclaimer", s.Call)
		}
		r.errorf(sd.action, "%s; start flow %s with a step {id: disclaimer, disclaimer: true} (or a say that contains clinic.yaml's disclaimer text in every locale)", what, fl.ID)
	}
}

// sends says whether step s of flow fl sends a message, the disclaimer or
// nothing when it runs.
func (c *compiler) sends(fl *Flow, s *Step, calling map[string]bool) firstSend {
	switch s.Kind {
	case KindDisclaimer:
		return sendsDisclaimer
	case KindSet, KindBranch, "":
		return sendsNothing
	case KindEnd:
		if len(s.Say) == 0 {
			return sendsNothing
		}
	case KindSay:
		if c.clinic != nil && len(c.clinic.Disclaimer) > 0 && len(c.disclaimerMissing(s.Say)) == 0 {
			return sendsDisclaimer
		}
	case KindCall:
		callee := c.flowModel(s.Call)
		if callee == nil || calling[s.Call] {
			return sendsNothing // reported elsewhere
		}
		calling[s.Call] = true
		defer delete(calling, s.Call)
		return c.firstOf(callee, calling)
	}
	return sendsOther
}

// firstOf is what every path from the start of fl meets first: sendsOther
// when any path meets something other than the disclaimer, else
// sendsNothing when some path ends without a message (the caller then goes
// on), else sendsDisclaimer.
func (c *compiler) firstOf(fl *Flow, calling map[string]bool) firstSend {
	result := sendsDisclaimer
	walkSteps(fl, []string{fl.Start}, func(s *Step) (bool, bool) {
		switch c.sends(fl, s, calling) {
		case sendsOther:
			result = sendsOther
			return false, true
		case sendsNothing:
			if len(s.Successors()) == 0 || (s.Kind != KindBranch && s.Next == "") || (s.Kind == KindBranch && s.Else == "" && s.Next == "") {
				result = sendsNothing
			}
			return true, false
		}
		return false, false
	})
	return result
}

// disclaimerMissing returns the clinic locales in which t does not contain
// the clinic's disclaimer.
func (c *compiler) disclaimerMissing(t Text) []string {
	var missing []string
	for _, l := range c.locales {
		d := strings.Join(strings.Fields(c.clinic.Disclaimer[l]), " ")
		if d == "" || !strings.Contains(strings.Join(strings.Fields(t[l]), " "), d) {
			missing = append(missing, l)
		}
	}
	return missing
}

// lintDoses reports texts that give dose amounts or dosing instructions.
func (c *compiler) lintDoses() {
	for _, u := range c.texts {
		if u.step != nil && u.step.s.Logistics {
			continue
		}
		for _, l := range sortedKeys(u.text) {
			dose := findDose(u.text[l])
			if dose == "" {
				continue
			}
			fix := "only flow steps marked logistics: " + LogisticsReviewed + " may give amounts; move the text into such a step if it is clinic logistics your medical team has reviewed"
			if u.step != nil && u.step.s.ID != "" {
				fix = fmt.Sprintf("if it is clinic logistics your medical team has reviewed, add logistics: %s to step %q", LogisticsReviewed, u.step.s.ID)
			}
			u.r.sink.errorf(u.r.locate(u.nodes[l], dose), "%s: %q reads like a dose or a dosing instruction (%s); kapbot gives no medical advice, so remove it, or, %s", u.key, dose, l, fix)
			break
		}
	}
}

// locate finds the text found in the source lines of node n, so a problem
// points at it; it falls back to the node.
func (r *reader) locate(n *yaml.Node, found string) Pos {
	p := r.pos(n)
	if n == nil || found == "" {
		return p
	}
	first := strings.Fields(found)
	needle := []rune(strings.Join(first, " "))
	span := strings.Count(n.Value, "\n") + 2
	for line := n.Line; line <= n.Line+span; line++ {
		text, skip := r.lineAt(line), 0
		if line == n.Line {
			skip = min(max(n.Column-1, 0), len(text)) // the text starts at its node
		}
		if i := runeIndexFold(text[skip:], needle); i >= 0 {
			return Pos{File: r.file, Line: line, Col: skip + i + 1}
		}
	}
	return p
}

// runeIndexFold returns the index of needle in text, ignoring case, or -1.
func runeIndexFold(text, needle []rune) int {
	for i := 0; i+len(needle) <= len(text); i++ {
		if strings.EqualFold(string(text[i:i+len(needle)]), string(needle)) {
			return i
		}
	}
	return -1
}
