// Package engine runs conversations: a pure step from (state, input) to (new
// state, effects). It does no I/O and reads no clock; the runner loads and
// saves state and performs the effects.
package engine

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/expr-lang/expr/vm"

	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/flow"
)

// MaxStepsPerInput bounds the steps one input may run, so that a flow that
// loops without waiting (which validation refuses) can never hang a patient.
const MaxStepsPerInput = 200

// ErrUnknownPlace is returned when a state refers to a flow or step the bundle
// does not have: the state was made by another bundle. The caller should load
// the bundle named in State.Bundle.
var ErrUnknownPlace = errors.New("state refers to a flow or step not in this bundle")

// ErrRunaway is returned when one input ran MaxStepsPerInput steps without
// the flow waiting for the patient: a loop that validation should have
// refused. The state is left as it was.
var ErrRunaway = errors.New("flow ran too many steps without waiting")

// Screener checks a patient's free text before the flow sees it (crisis
// language, requests for medical advice). It must be pure. Screen returns
// every kind of alert found in the text, at most one per kind, or none; the
// engine acts on them in its own order of urgency (AlertKinds).
type Screener interface {
	Screen(text, locale string) []Alert
}

// AlertKind says what a screener found.
type AlertKind string

// Alert kinds. Crisis, AcuteMedical and HarmToOthers take the crisis path:
// their resources, an emergency referral and a safety pause. Abuse shows
// its resources, refers urgently and goes on. Possible asks the patient
// directly (the catalogue's SafetyQuestion): Yes and Not sure take the
// crisis path, No goes on and refers routinely. Medical gets the fixed
// reply and a referral.
const (
	AlertCrisis       AlertKind = "crisis"
	AlertAcuteMedical AlertKind = "acute_medical"
	AlertHarmToOthers AlertKind = "harm_to_others"
	AlertAbuse        AlertKind = "abuse"
	AlertPossible     AlertKind = "possible"
	AlertMedical      AlertKind = "medical"
)

// AlertKinds lists the alert kinds, most urgent first: when a message
// raises several, the most urgent decides the path (a crisis wins over a
// medical question).
var AlertKinds = []AlertKind{AlertCrisis, AlertAcuteMedical, AlertHarmToOthers, AlertAbuse, AlertPossible, AlertMedical}

// Alert is what a screener found: its kind and the rule that matched.
type Alert struct {
	Kind AlertKind
	Rule string
}

// Engine runs the flows of one bundle. It is immutable and safe for
// concurrent use.
type Engine struct {
	b        *flow.Bundle
	cat      *catalog.Catalog
	screener Screener
	zero     map[string]map[string]any // flow id -> zero value of every variable
}

// EngineOption configures an Engine.
type EngineOption func(*Engine)

// WithScreener checks every typed message with s before the flow sees it.
func WithScreener(s Screener) EngineOption { return func(e *Engine) { e.screener = s } }

// New returns an engine for bundle b. It fails only when the clinic's catalogue
// overrides name unknown keys, which validation already reports.
func New(b *flow.Bundle, opts ...EngineOption) (*Engine, error) {
	over := catalog.Override{}
	if b.Clinic != nil {
		for k, t := range b.Clinic.Texts {
			over[k] = t
		}
	}
	cat, err := catalog.New(over)
	if err != nil {
		return nil, fmt.Errorf("clinic texts: %w", err)
	}
	e := &Engine{b: b, cat: cat, zero: map[string]map[string]any{}}
	for _, o := range opts {
		o(e)
	}
	for id, f := range b.Flows {
		e.zero[id] = e.zeroVars(f)
	}
	return e, nil
}

// Bundle returns the bundle the engine runs.
func (e *Engine) Bundle() *flow.Bundle { return e.b }

// Catalog returns the system texts in use, with the clinic's overrides.
func (e *Engine) Catalog() *catalog.Catalog { return e.cat }

// Step applies one input to a state and returns the new state and the effects
// to perform, in order. It does not modify st. It returns ErrUnknownPlace when
// st was made by a bundle that does not match this engine's.
func (e *Engine) Step(st State, in Input) (State, []Effect, error) {
	next, fx, err := e.StepInPlace(st.Clone(), in)
	if err != nil {
		return st, nil, err
	}
	return next, fx, nil
}

// StepInPlace is Step without the copy of st: it changes st's maps and
// slices, which the state it returns shares. The caller must not use st,
// or anything sharing its maps and slices, afterwards; after an error st
// may be half changed (the caller reads it again, or uses Step). It
// spares a caller that owns st (the runner's cached session) the copy.
func (e *Engine) StepInPlace(st State, in Input) (State, []Effect, error) {
	s := sprints.Get().(*sprint)
	defer s.release()
	s.e, s.st, s.in, s.fx = e, st, in, make([]Effect, 0, 4) // most steps have a few
	if err := s.run(); err != nil {
		return State{}, nil, err
	}
	if in.Fire == "" && in.Appointment == nil {
		s.st.Updated = in.Now
	}
	s.reconcile()
	s.st.Steps++
	return s.st, s.fx, nil
}

// sprints keeps finished sprints, so that the expression VM of one step,
// with the stacks it grew, serves the next.
var sprints = sync.Pool{New: func() any { return new(sprint) }}

// release clears s, keeping its VM and env map, and gives it back to
// sprints. Nothing the step returned refers to s, or to the env map (env
// drops a map that a value set may hold). The map and the VM's stack and
// variables are emptied too, so that a pooled sprint keeps no patient's
// answers alive until its next use.
func (s *sprint) release() {
	clear(s.envMap)
	clear(s.vm.Stack[:cap(s.vm.Stack)])
	clear(s.vm.Variables)
	*s = sprint{vm: s.vm, envMap: s.envMap}
	sprints.Put(s)
}

// sprint is the work of one Step.
type sprint struct {
	e     *Engine
	st    State
	in    Input
	fx    []Effect
	steps int
	vm    vm.VM // runs the sprint's expressions, reused
	// envMap is the map env fills, reused; nil when a value set may
	// hold it.
	envMap map[string]any
	// flagged: the screener found something in the typed text.
	flagged bool
	// locale is localeOf boxed for env; dueBox is the boxed list of
	// questionnaires due again (rescreenDue), nil when it must be made
	// anew: env boxes them once per sprint, not on every expression.
	locale   any
	localeOf string
	dueBox   any
}

func (s *sprint) clinic() *flow.Clinic {
	if s.e.b.Clinic == nil {
		return &flow.Clinic{DefaultLocale: "en"}
	}
	return s.e.b.Clinic
}

// locales is the fallback chain for texts.
func (s *sprint) locales(f *flow.Flow) []string {
	chain := make([]string, 2, 3) // room for f's: the chain stays off the heap
	chain[0], chain[1] = s.st.Locale, s.clinic().DefaultLocale
	if f != nil {
		chain = append(chain, f.Locale)
	}
	return chain
}

func (s *sprint) text(t flow.Text, f *flow.Flow) string { return t.In(s.locales(f)...) }

func (s *sprint) sys(key string, args ...any) string {
	t := s.e.cat.Text(key, s.locales(nil)...)
	if len(args) > 0 {
		t = fmt.Sprintf(t, args...)
	}
	return t
}

func (s *sprint) send(m Message) { s.fx = append(s.fx, Send{Message: m}) }

func (s *sprint) say(t flow.Text, f *flow.Flow) {
	if txt := s.text(t, f); txt != "" {
		s.send(Message{Kind: FromFlow, Text: txt})
	}
}

func (s *sprint) sayCatalog(key string, args ...any) {
	s.send(Message{Kind: FromCatalog, Key: key, Text: s.sys(key, args...)})
}

func (s *sprint) run() error {
	in := s.in
	if s.st.V == 0 {
		s.st.V = StateVersion
	}
	if s.st.Bundle != "" && s.st.Bundle != s.e.b.Version && (s.st.Status == Active || s.st.Status == Takeover && s.st.Before == Active) {
		return fmt.Errorf("state of bundle %s on engine of bundle %s: %w", s.st.Bundle, s.e.b.Version, ErrUnknownPlace)
	}
	if in.Fire != "" {
		// Before the expiry: a reminder may start a new flow.
		return s.fire(in.Fire)
	}
	if in.Appointment != nil {
		s.appointment(*in.Appointment)
		return nil
	}
	if in.Staff != nil {
		// Before the expiry: the care team may write to a patient who has
		// been quiet for long.
		return s.staff(*in.Staff)
	}
	if s.st.Status == Active || s.st.Status == Paused {
		if exp := s.clinic().SessionExpiry; exp > 0 && !s.st.Updated.IsZero() && in.Now.Sub(s.st.Updated) > exp {
			s.dropCheck("the session expired")
			s.st.Status = Stopped
			s.st.Stack = nil
			s.st.Pending = ""
			s.sayCatalog(catalog.Expired)
			s.fx = append(s.fx, Finished{Status: Stopped})
			if in.Command == nil {
				return nil
			}
		}
	}
	if in.Command != nil {
		return s.command(*in.Command)
	}
	if in.Press == nil {
		// Every typed message is read in full for crisis language first,
		// whatever the state of the conversation, and before it is refused
		// as too long.
		if strings.TrimSpace(in.Text) != "" {
			if done, err := s.screen(); done {
				return err
			}
		}
		if len(in.Text) > maxInput {
			s.sayCatalog(catalog.TooLong)
			return nil
		}
		if strings.TrimSpace(in.Text) == "" {
			s.sayCatalog(catalog.NotText)
			return nil
		}
	}
	if s.st.Check != nil && s.st.Status != Takeover {
		return s.answerCheck()
	}
	if s.st.Pending != "" {
		return s.confirm()
	}
	switch s.st.Status {
	case "":
		return s.start(s.clinic().DefaultFlow)
	case Ended, Stopped:
		if in.Press != nil {
			s.sayCatalog(catalog.Closed)
			return nil
		}
		s.sayCatalog(catalog.Finished)
		return nil
	case Paused:
		return s.paused()
	case Takeover:
		return s.fromPatient()
	}
	if in.Press == nil {
		if ra := s.clinic().ResumeAfter; ra > 0 && !s.st.Updated.IsZero() && in.Now.Sub(s.st.Updated) > ra {
			s.sayCatalog(catalog.WelcomeBack)
			return s.reprompt(false)
		}
	}
	return s.answer()
}

// maxInput is the longest message read at all, in bytes; longer ones are
// refused before any parsing.
const maxInput = 16 << 10

// top returns the innermost frame and its flow and step.
func (s *sprint) top() (*Frame, *flow.Flow, *flow.Step, error) {
	if len(s.st.Stack) == 0 {
		return nil, nil, nil, fmt.Errorf("empty stack: %w", ErrUnknownPlace)
	}
	fr := &s.st.Stack[len(s.st.Stack)-1]
	f := s.e.b.Flows[fr.Flow]
	if f == nil {
		return nil, nil, nil, fmt.Errorf("flow %q: %w", fr.Flow, ErrUnknownPlace)
	}
	st := f.Steps[fr.Step]
	if st == nil {
		return nil, nil, nil, fmt.Errorf("step %q of flow %q: %w", fr.Step, fr.Flow, ErrUnknownPlace)
	}
	return fr, f, st, nil
}

// start begins flow id from scratch, keeping only the locale.
func (s *sprint) start(id string) error {
	f := s.e.b.Flows[id]
	if f == nil {
		s.sayCatalog(catalog.NoSuchFlow)
		return nil
	}
	locale := s.st.Locale
	old := s.st
	s.st = State{V: StateVersion, Bundle: s.e.b.Version, Flow: id, Locale: locale, Status: Active, Started: s.in.Now, Seq: s.st.Seq, Measured: s.st.Measured}
	s.st.keepReminders(old)
	s.st.Stack = []Frame{{Flow: id, Step: f.Start}}
	return s.exec()
}

func (s *sprint) command(c Command) error {
	if done := s.reminderCommand(c); done {
		return nil
	}
	if s.st.Status == Takeover {
		if done, err := s.commandInTakeover(c); done {
			return err
		}
	}
	if s.st.Check != nil && s.st.Status != Takeover {
		if done, err := s.commandInCheck(c); done {
			return err
		}
	}
	switch c.Name {
	case CmdStart:
		id := c.Arg
		running := s.st.Status == Active || s.st.Status == Paused
		if id == "" {
			id = s.clinic().DefaultFlow
			if running && s.st.Flow != "" {
				id = s.st.Flow
			}
		}
		if s.st.Status == Paused && id == s.st.Flow {
			// A safety pause is not skipped by starting again.
			s.st.Pending = ""
			s.sayCatalog(catalog.WelcomeBack)
			s.safetyPrompt()
			return nil
		}
		if s.st.Status == Active && id == s.st.Flow {
			s.st.Pending = ""
			s.sayCatalog(catalog.WelcomeBack)
			return s.reprompt(false)
		}
		if running && s.e.b.Flows[id] != nil {
			return s.ask("start:"+id, catalog.ConfirmRestart)
		}
		return s.start(id)
	case CmdRestart:
		if s.st.Status != Active && s.st.Status != Paused {
			id := s.st.Flow
			if id == "" {
				id = s.clinic().DefaultFlow
			}
			return s.start(id)
		}
		return s.ask("restart", catalog.ConfirmRestart)
	case CmdStop:
		if s.st.Status == Active || s.st.Status == Paused {
			s.st.Status = Stopped
			s.st.Stack = nil
			s.st.Pending = ""
			s.fx = append(s.fx, Finished{Status: Stopped})
		}
		s.sayCatalog(catalog.Stopped)
		return nil
	case CmdHelp:
		s.sayCatalog(catalog.Help)
		return nil
	case CmdLanguage:
		locs := s.clinic().Locales
		for _, l := range locs {
			if strings.EqualFold(l, c.Arg) {
				s.st.Locale = l
				s.sayCatalog(catalog.LanguageSet)
				if s.checking() {
					s.sendCheck()
					return nil
				}
				if s.st.Status == Active && s.st.Pending == "" {
					return s.reprompt(false)
				}
				return nil
			}
		}
		s.sayCatalog(catalog.Languages, strings.Join(locs, ", "))
		return nil
	case CmdForget:
		return s.ask("forget", catalog.ConfirmForget)
	case CmdSafe:
		if s.st.Status == Paused {
			return s.resume()
		}
		s.sayCatalog(catalog.Continuing)
		if s.st.Status == Active {
			return s.reprompt(false)
		}
		return nil
	}
	s.sayCatalog(catalog.Help)
	return nil
}

// ask puts a yes/no confirmation for a pending command.
func (s *sprint) ask(pending, key string) error {
	s.st.Pending = pending
	s.st.Seq++
	s.send(Message{Kind: FromCatalog, Key: key, Text: s.sys(key), Seq: s.st.Seq, Choices: []Option{
		{Value: "yes", Label: s.sys(catalog.Yes)},
		{Value: "no", Label: s.sys(catalog.No)},
	}})
	return nil
}

// confirm handles the answer to a pending confirmation.
func (s *sprint) confirm() error {
	yes, ok := s.yesNo()
	if !ok {
		if s.in.Press != nil && s.in.Press.Seq != s.st.Seq {
			s.sayCatalog(catalog.Closed)
			return nil
		}
		p := s.st.Pending
		key := catalog.ConfirmRestart
		if p == "forget" {
			key = catalog.ConfirmForget
		}
		s.st.Seq-- // re-ask the same confirmation under the same number
		return s.ask(p, key)
	}
	p := s.st.Pending
	s.st.Pending = ""
	if !yes {
		s.sayCatalog(catalog.Cancelled)
		switch s.st.Status {
		case Active:
			return s.reprompt(false)
		case Paused:
			s.safetyPrompt()
		}
		return nil
	}
	switch {
	case p == "forget":
		locale := s.st.Locale
		s.st = State{V: StateVersion, Locale: locale, Seq: s.st.Seq}
		s.dueBox = nil
		// The reply goes first: performing Forget erases the outbox too.
		s.sayCatalog(catalog.Forgotten)
		s.fx = append(s.fx, Forget{})
		return nil
	case p == "restart":
		s.sayCatalog(catalog.Restarting)
		id := s.st.Flow
		if id == "" {
			id = s.clinic().DefaultFlow
		}
		return s.start(id)
	case strings.HasPrefix(p, "start:"):
		return s.start(strings.TrimPrefix(p, "start:"))
	}
	return nil
}

// yesNo reads a yes/no answer from a press of the current prompt or typed text.
func (s *sprint) yesNo() (yes, ok bool) {
	if p := s.in.Press; p != nil {
		if p.Seq != s.st.Seq {
			return false, false
		}
		switch p.Value {
		case "yes":
			return true, true
		case "no":
			return false, true
		}
		return false, false
	}
	t := fold(s.in.Text)
	switch t {
	case "1", "y", "yes", "ja", "j", "si", "oui", "ok", fold(s.sys(catalog.Yes)):
		return true, true
	case "2", "n", "no", "nein", "non", fold(s.sys(catalog.No)):
		return false, true
	}
	return false, false
}

// fold normalises typed text for matching against labels.
func fold(t string) string {
	t = strings.ToLower(strings.TrimSpace(t))
	t = strings.TrimRight(t, ".!")
	return strings.Join(strings.Fields(t), " ")
}

// paused handles input while the conversation waits after a safety stop.
func (s *sprint) paused() error {
	if p := s.in.Press; p != nil {
		if p.Seq != s.st.Seq {
			s.sayCatalog(catalog.Closed)
			return nil
		}
		switch p.Value {
		case "safe":
			return s.resume()
		case "stop":
			return s.command(Command{Name: CmdStop})
		}
	}
	switch fold(s.in.Text) {
	case "1", fold(s.sys(catalog.SafeContinue)), "safe", "i am safe", "continue":
		return s.resume()
	case "2", fold(s.sys(catalog.SafeStop)), "stop":
		return s.command(Command{Name: CmdStop})
	}
	s.resources(s.st.PausedFor)
	s.safetyPrompt()
	return nil
}

func (s *sprint) resume() error {
	s.st.Status = Active
	s.st.PausedFor = ""
	s.sayCatalog(catalog.Continuing)
	if len(s.st.Stack) > 0 {
		fr := &s.st.Stack[len(s.st.Stack)-1]
		if st := s.e.b.Flows[fr.Flow].Steps[fr.Step]; fr.Step == "" || st != nil && (!waits(st) || st.Kind == flow.KindQuestionnaire && fr.Q == nil) {
			// Paused by a crisis referral step: go on after it.
			return s.exec()
		}
	}
	return s.reprompt(false)
}

// waits reports whether a step waits for the patient when it runs.
func waits(st *flow.Step) bool {
	switch st.Kind {
	case flow.KindAsk, flow.KindQuestionnaire, flow.KindReview:
		return true
	}
	return false
}
