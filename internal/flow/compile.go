package flow

import (
	"go.yaml.in/yaml/v3"

	"github.com/kapbot/kapbot/internal/catalog"
)

// compiler holds the state of one Compile run.
type compiler struct {
	sink
	display func(string) string

	clinic      *Clinic
	defaultFlow *yaml.Node // clinic.yaml default_flow value
	locales     []string   // nil when clinic.yaml is missing or broken
	defLocale   string
	cat         *catalog.Catalog

	quests map[string]*questDef
	flows  map[string]*flowDef
	// commands are the flows' `command:` names seen so far, with where.
	commands map[string]Pos

	// The safety lint (safety.go), run when strict.
	strict         bool
	clinicFile     *srcFile
	disclaimerNode *yaml.Node  // clinic.yaml disclaimer value
	texts          []textUse   // every text decoded, in file order
	fileLocales    []localeUse // every `locale:` of a flow or questionnaire
	resources      []resourceUse
}

func compile(sources map[string][]byte, display func(string) string, strict bool) (*Bundle, Problems) {
	c := &compiler{display: display, quests: map[string]*questDef{}, flows: map[string]*flowDef{}, strict: strict}
	c.cat, _ = catalog.New(nil)
	published := map[string][]byte{}
	var files []*srcFile
	unreadable := map[string]bool{} // files whose problems parseFile reported
	for _, name := range sortedKeys(sources) {
		if IsTranscript(name) {
			continue
		}
		published[name] = sources[name]
		if f := c.parseFile(name, display(name), sources[name]); f != nil {
			files = append(files, f)
		} else {
			unreadable[name] = true
		}
	}

	clinics := sortedFiles(files, kindClinic)
	// A clinic.yaml that does not parse has had its problems reported; saying
	// it is missing as well would send its author looking for it.
	if len(clinics) == 0 && !unreadable["clinic.yaml"] {
		c.errorf(Pos{File: display("clinic.yaml")}, "no clinic file: add clinic.yaml with kapbot: %d, name:, default_locale:, locales:, crisis: and retention:", SpecVersion)
	}
	for i, f := range clinics {
		if i == 0 {
			c.parseClinic(f)
			continue
		}
		f.r.errorf(f.kindKey, "name: a second clinic file; %s already describes the clinic, keep one", clinics[0].r.file)
	}
	for _, f := range files {
		if f.kind != kindClinic {
			f.r.locale, f.r.locales = c.defLocale, c.locales
		}
	}
	for _, f := range sortedFiles(files, kindQuestionnaire) {
		c.parseQuestionnaire(f)
	}
	for _, f := range sortedFiles(files, kindFlow) {
		c.parseFlow(f)
	}
	c.checkFlows()
	c.checkDefaultFlow()
	c.checkSchedules()
	if c.strict {
		c.lintSafety()
	}

	probs := c.probs.sort()
	if len(probs.Errors()) > 0 {
		return nil, checkTranscripts(sources, display, nil, probs)
	}
	b := &Bundle{
		Version:        version(published),
		Clinic:         c.clinic,
		Flows:          map[string]*Flow{},
		Questionnaires: map[string]*Questionnaire{},
		Sources:        published,
	}
	for id, qd := range c.quests {
		b.Questionnaires[id] = qd.q
		b.Flows[id] = qd.alone
	}
	for id, fd := range c.flows {
		b.Flows[id] = fd.flow
	}
	probs = checkTranscripts(sources, display, b, probs)
	if len(probs.Errors()) > 0 {
		return nil, probs
	}
	return b, probs
}

// checkTranscripts adds the problems of every transcript test file among
// sources (CheckTranscripts against b, or for structure only when b is nil)
// to probs, sorted.
func checkTranscripts(sources map[string][]byte, display func(string) string, b *Bundle, probs Problems) Problems {
	for _, name := range sortedKeys(sources) {
		if IsTranscript(name) {
			probs = append(probs, CheckTranscripts(display(name), sources[name], b)...)
		}
	}
	return probs.sort()
}

// flowIDs returns every id a call or default_flow may name: flows and
// questionnaires (which run alone as flows).
func (c *compiler) flowIDs() []string {
	ids := sortedKeys(c.flows)
	for _, id := range sortedKeys(c.quests) {
		ids = append(ids, id)
	}
	return ids
}

func (c *compiler) hasFlow(id string) bool {
	_, f := c.flows[id]
	_, q := c.quests[id]
	return f || q
}

// checkDefaultFlow checks clinic.yaml's default_flow, or picks the only flow.
func (c *compiler) checkDefaultFlow() {
	if c.clinic == nil {
		return
	}
	if c.defaultFlow == nil {
		if len(c.flows) == 1 {
			for id := range c.flows {
				c.clinic.DefaultFlow = id
			}
			return
		}
		c.errorf(c.clinic.Pos, "clinic: missing key \"default_flow\" (the flow /start begins; flows: %s)", list(sortedKeys(c.flows), false))
		return
	}
	id := c.clinic.DefaultFlow
	if !c.hasFlow(id) {
		ids := c.flowIDs()
		c.errorf(c.clinicPos(c.defaultFlow), "default_flow: no flow %q%s (flows: %s)", id, didYouMean(id, ids), list(ids, false))
	}
}

func (c *compiler) clinicPos(n *yaml.Node) Pos {
	p := c.clinic.Pos
	p.Line, p.Col = n.Line, n.Column
	return p
}
