package engine

import (
	"strings"

	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/flow"
)

// Safety: every typed message is screened in full, in every state of the
// conversation (before a session, at a confirmation, paused, during a
// takeover, ended, and before an over-long message is refused), and the
// engine acts on what the screener found, the most urgent kind first:
//
//   - crisis, acute_medical, harm_to_others: the category's resources, an
//     emergency referral, and a safety pause where a flow runs (the crisis
//     path). During a takeover the message also goes to the staff.
//   - abuse: the abuse resources and an urgent referral, then the
//     conversation goes on where it was.
//   - possible: the bot asks directly (catalogue SafetyQuestion, buttons
//     Yes / No / Not sure) and waits for the answer (State.Check). Yes and
//     Not sure take the crisis path; No gets a routine referral and goes
//     on where the patient was. During a takeover the staff, who read
//     every message, are asked instead: a routine referral.
//   - medical: the fixed medical reply and a referral, then the
//     conversation goes on (during a takeover the staff answer).
//
// The referral carries the patient's message (health data); the trigger
// names the category and the detector's rule only.

// category is how the engine acts on an alert kind that shows resources.
type category struct {
	priority flow.Priority
	pause    bool   // the crisis path: a safety pause after the resources and the referral
	heading  string // catalogue key above the clinic's resources; "" for crisis
	reason   string // of the referral, for the clinic team
}

var categories = map[AlertKind]category{
	AlertCrisis:       {flow.Emergency, true, "", "Crisis language in a message"},
	AlertAcuteMedical: {flow.Emergency, true, catalog.AcuteHeading, "Acute physical symptoms in a message"},
	AlertHarmToOthers: {flow.Emergency, true, catalog.HarmHeading, "Risk of harm to others in a message"},
	AlertAbuse:        {flow.Urgent, false, catalog.AbuseHeading, "Abuse or danger at home in a message"},
}

// Reasons of the referrals that follow the direct safety question.
const (
	reasonCheckYes     = "Answered yes when asked directly about thoughts of ending their life or hurting themselves"
	reasonCheckUnsure  = "Answered not sure when asked directly about thoughts of ending their life or hurting themselves"
	reasonCheckNo      = "Possible risk in a message; answered no when asked directly about thoughts of ending their life or hurting themselves"
	reasonCheckDropped = "Possible risk in a message; the direct question about thoughts of ending their life or hurting themselves was not answered"
	reasonTakeover     = "Possible risk in a message during a takeover; the care team writing with the patient has it"
	reasonMedical      = "Medical question the bot declined to answer"
)

// checking reports whether the direct safety question waits for its answer.
func (s *sprint) checking() bool { return s.st.Check != nil && s.st.Status != Takeover }

// screen reads the typed text with the screener and acts on what it found.
// It reports done when the input needs nothing more.
func (s *sprint) screen() (bool, error) {
	if s.e.screener == nil {
		return false, nil
	}
	found := map[AlertKind]Alert{}
	for _, a := range s.e.screener.Screen(s.in.Text, s.st.Locale) {
		if _, ok := found[a.Kind]; !ok {
			found[a.Kind] = a
		}
	}
	s.flagged = len(found) > 0
	var acts []Alert // kinds with resources, most urgent first
	for _, k := range AlertKinds {
		if _, ok := categories[k]; ok {
			if a, ok := found[k]; ok {
				acts = append(acts, a)
			}
		}
	}
	if len(acts) > 0 {
		return true, s.urgent(acts, found)
	}
	if a, ok := found[AlertPossible]; ok {
		return s.possible(a)
	}
	if _, ok := found[AlertMedical]; ok {
		if s.checking() && s.saysYes() {
			// A yes to the direct question that also speaks of a medicine
			// ("ja, ich setz das lithium ab") is the yes first: the crisis
			// path must not wait behind the medical reply.
			return false, nil
		}
		return s.medical()
	}
	return false, nil
}

// urgent shows the resources of every category found, refers once, with
// the priority of the most urgent, and pauses or goes on as that one says.
func (s *sprint) urgent(acts []Alert, found map[AlertKind]Alert) error {
	top := acts[0]
	cat := categories[top.Kind]
	for _, a := range acts {
		s.resources(a.Kind)
	}
	msg, reason := s.in.Text, cat.reason
	if cat.pause && s.st.Check != nil {
		// The direct question is answered by this message (or made moot,
		// during a takeover): the one that raised it goes with it.
		msg = s.st.Check.Message + "\n\n" + msg
		reason += ", while the direct safety question waited for an answer"
		s.st.Check = nil
	}
	var also []string
	for _, k := range AlertKinds {
		if _, ok := found[k]; ok && k != top.Kind {
			also = append(also, string(k))
		}
	}
	if len(also) > 0 {
		reason += " (also: " + strings.Join(also, ", ") + ")"
	}
	s.referAlert(cat.priority, string(top.Kind)+":"+top.Rule, reason, msg)
	if s.st.Status == Takeover {
		// The care team writing with the patient must see it at once.
		s.relayPatient()
		return nil
	}
	if cat.pause {
		return s.pause(top.Kind)
	}
	if p, ok := found[AlertPossible]; ok && !s.checking() {
		if s.st.Status != Paused {
			return s.askCheck(p)
		}
		// The crisis path is taken already: its resources again.
		s.resources(s.st.PausedFor)
	}
	return s.goOn()
}

// possible handles a message that may signal risk.
func (s *sprint) possible(a Alert) (bool, error) {
	switch {
	case s.checking():
		return false, nil // an answer to the question already asked, or not
	case s.st.Status == Takeover:
		s.referAlert(flow.Routine, "possible:"+a.Rule, reasonTakeover, s.in.Text)
		s.relayPatient()
		return true, nil
	case s.st.Status == Paused:
		// The crisis path is taken already: its resources again.
		s.resources(s.st.PausedFor)
		return true, s.goOn()
	}
	return true, s.askCheck(a)
}

// medical declines a medical question and refers it; the conversation
// goes on where it was. During a takeover the care team answers it.
func (s *sprint) medical() (bool, error) {
	if s.st.Status == Takeover {
		return false, nil
	}
	s.sayCatalog(catalog.MedicalAdvice)
	s.referAlert(flow.Soon, "medical", reasonMedical, s.in.Text)
	return true, s.goOn()
}

// referAlert refers the patient for what a message showed.
func (s *sprint) referAlert(p flow.Priority, trigger, reason, msg string) {
	flowID, stepID := s.st.Flow, ""
	if n := len(s.st.Stack); n > 0 {
		flowID, stepID = s.st.Stack[n-1].Flow, s.st.Stack[n-1].Step
	}
	s.fx = append(s.fx, Refer{Priority: p, Flow: flowID, Step: stepID, Trigger: trigger, Reason: reason, Message: msg})
}

// pause stops a running flow after the crisis path's resources and
// referral, until the patient says they are safe or stops. Where no flow
// runs there is nothing to pause: the resources and the referral are what
// matters.
func (s *sprint) pause(k AlertKind) error {
	if s.st.Status != Active && s.st.Status != Paused {
		s.st.Seq++ // buttons sent before go stale
		return nil
	}
	s.st.Pending = ""
	s.st.Status = Paused
	s.st.PausedFor = k
	if k == AlertCrisis {
		s.st.PausedFor = ""
	}
	s.st.Seq++
	s.safetyPrompt()
	return nil
}

// goOn asks again what the conversation waits for, after a reply that
// interrupted it: the direct safety question, a confirmation, the flow's
// question, the safety prompt; after the end, that it ended; before any
// session, the clinic's default flow starts.
func (s *sprint) goOn() error {
	if s.checking() {
		s.sendCheck()
		return nil
	}
	switch {
	case s.st.Status == Takeover:
		return nil
	case s.st.Pending != "":
		return s.reprompt(false)
	}
	switch s.st.Status {
	case Active:
		return s.reprompt(false)
	case Paused:
		s.safetyPrompt()
	case Ended, Stopped:
		s.sayCatalog(catalog.Finished)
	case "":
		return s.start(s.clinic().DefaultFlow)
	}
	return nil
}

// resources sends the clinic's resources of category k for the patient's
// locale, under the category's heading: clinic.yaml's block of that
// category, else its crisis resources.
func (s *sprint) resources(k AlertKind) {
	c := s.clinic()
	chain := s.locales(nil)
	text := ""
	if k != AlertCrisis && k != "" {
		text = pickResources(c.Resources[string(k)], chain, nil)
	}
	if text == "" {
		text = pickResources(c.Crisis, chain, c.Locales)
	}
	if h := categories[k].heading; h != "" {
		text = strings.TrimSpace(s.sys(h) + "\n\n" + text)
	}
	if text != "" {
		s.send(Message{Kind: Crisis, Text: text})
	}
}

// pickResources returns the resource text of the first locale of chain,
// else of the first of others, that has one.
func pickResources(m map[string]flow.CrisisResources, chain, others []string) string {
	for _, list := range [][]string{chain, others} {
		for _, l := range list {
			if r, ok := m[l]; ok {
				if t := r.Text.In(append([]string{l}, chain...)...); t != "" {
					return t
				}
			}
		}
	}
	return ""
}

// askCheck asks the direct safety question about the message just typed.
func (s *sprint) askCheck(a Alert) error {
	s.st.Check = &Check{Rule: a.Rule, Message: s.in.Text}
	s.st.Seq++
	s.sendCheck()
	return nil
}

// sendCheck sends the direct safety question with the current Seq.
func (s *sprint) sendCheck() {
	s.send(Message{Kind: FromCatalog, Key: catalog.SafetyQuestion, Text: s.sys(catalog.SafetyQuestion), Seq: s.st.Seq, Choices: []Option{
		{Value: "yes", Label: s.sys(catalog.Yes)},
		{Value: "no", Label: s.sys(catalog.No)},
		{Value: "not_sure", Label: s.sys(catalog.NotSure)},
	}})
}

// answerCheck applies the answer to the direct safety question: a button of
// it, or typed text. Anything else (a stale button, text that answers
// nothing) gets the question again.
func (s *sprint) answerCheck() error {
	var ans string
	if p := s.in.Press; p != nil {
		if p.Seq != s.st.Seq {
			s.sayCatalog(catalog.Closed)
			s.sendCheck()
			return nil
		}
		ans = p.Value
	} else {
		ans = s.checkAnswer(s.in.Text)
	}
	ch := *s.st.Check
	switch ans {
	case "yes", "not_sure":
		s.st.Check = nil
		reason := reasonCheckYes
		if ans == "not_sure" {
			reason = reasonCheckUnsure
		}
		msg := ch.Message
		if s.flagged {
			// The answer said more that the screener found (a medicine
			// stopped, say): the clinician reads it too.
			msg += "\n\n" + s.in.Text
		}
		s.resources(AlertCrisis)
		s.referAlert(flow.Emergency, "crisis:"+ch.Rule, reason, msg)
		return s.pause(AlertCrisis)
	case "no", "no_more":
		s.st.Check = nil
		s.st.Seq++ // the question's buttons go stale
		msg := ch.Message
		if ans == "no_more" {
			// The patient said more than no: the clinician reads it too.
			msg += "\n\n" + s.in.Text
		}
		s.referAlert(flow.Routine, "possible:"+ch.Rule, reasonCheckNo, msg)
		s.sayCatalog(catalog.SafetyNo)
		return s.goOn()
	}
	s.sendCheck()
	return nil
}

// saysYes reports whether a typed message answers the direct safety
// question with a yes or a not sure.
func (s *sprint) saysYes() bool {
	if s.in.Press != nil {
		return false
	}
	ans := s.checkAnswer(s.in.Text)
	return ans == "yes" || ans == "not_sure"
}

// Typed answers to the direct safety question, English and German, folded.
// A reply that starts with a yes or an unsure is read as such (asking again
// would only delay the crisis path). A reply that starts with a no counts
// as no when the screener found nothing in it and it says nothing that
// turns the no ("but", "sometimes", a question); "no, but ..." is asked
// again.
var (
	checkYes    = []string{"yes", "y", "yeah", "yep", "yup", "ja", "j", "jep", "jo", "1"}
	checkUnsure = []string{"not sure", "unsure", "maybe", "perhaps", "i don't know", "i dont know", "idk", "dunno", "kind of", "sort of", "sometimes",
		"nicht sicher", "unsicher", "vielleicht", "weiß nicht", "weiss nicht", "ich weiß nicht", "ich weiss nicht", "keine ahnung", "manchmal", "3"}
	checkNo = []string{"no", "n", "nope", "nah", "no i'm not", "no im not", "no i am not", "no i'm fine", "no im fine", "not at all", "no thanks", "no thank you",
		"nein", "nö", "ne", "nee", "nein danke", "nein bin ich nicht", "gar nicht", "überhaupt nicht", "2"}
)

// checkNoWords start a no that says more ("no, I would never"); checkTurns
// are words that may turn it, so the question is asked again.
var (
	checkNoWords = []string{"no", "nope", "nah", "not really", "nein", "nö", "nee", "ne"}
	checkTurns   = []string{"but", "though", "although", "except", "sometimes", "sometime", "maybe", "not sure", "unsure", "kind of", "sort of",
		"used to", "yes", "yeah", "lately", "often", "a bit", "a little", "aber", "doch", "manchmal", "vielleicht", "ja", "früher", "eigentlich", "bisschen", "oft"}
)

// checkAnswer reads typed text as an answer to the direct safety question:
// "yes", "no", "not_sure", "no_more" (a no with more words, which go with
// the referral) or "" for none.
func (s *sprint) checkAnswer(text string) string {
	question := strings.Contains(text, "?")
	t := strings.Trim(fold(text), ".!?,;: ")
	t = strings.ReplaceAll(t, "’", "'")
	switch t {
	case fold(s.sys(catalog.Yes)):
		return "yes"
	case fold(s.sys(catalog.No)):
		if !question {
			return "no"
		}
	case fold(s.sys(catalog.NotSure)):
		return "not_sure"
	}
	for _, w := range checkNo {
		if t == w && !question {
			return "no"
		}
	}
	for _, w := range checkUnsure {
		if t == w || strings.HasPrefix(t, w+" ") || strings.HasPrefix(t, w+",") {
			return "not_sure"
		}
	}
	for _, w := range checkYes {
		if t == w || strings.HasPrefix(t, w+" ") || strings.HasPrefix(t, w+",") {
			return "yes"
		}
	}
	if s.flagged || question {
		return ""
	}
	for _, w := range checkNoWords {
		rest, ok := strings.CutPrefix(t, w)
		if !ok || rest == "" || !strings.ContainsAny(rest[:1], " ,.;:!-") {
			continue
		}
		words := " " + strings.Map(func(r rune) rune {
			if strings.ContainsRune(",.;:!-", r) {
				return ' '
			}
			return r
		}, rest) + " "
		for _, turn := range checkTurns {
			if strings.Contains(words, " "+turn+" ") {
				return ""
			}
		}
		return "no_more"
	}
	return ""
}

// dropCheck ends a direct safety question left unanswered (the patient
// stopped, or the session expired): the message that raised it still
// reaches a clinician, soon.
func (s *sprint) dropCheck(why string) {
	if s.st.Check == nil {
		return
	}
	ch := *s.st.Check
	s.st.Check = nil
	s.referAlert(flow.Soon, "possible:"+ch.Rule, reasonCheckDropped+" ("+why+")", ch.Message)
}

// commandInCheck handles a command while the direct safety question waits:
// /stop stops (the question's message is referred), /help and /language
// work as always, /start says welcome back, and every other command gets
// the question again.
func (s *sprint) commandInCheck(c Command) (done bool, err error) {
	switch c.Name {
	case CmdStop:
		s.dropCheck("the patient stopped")
		return false, nil
	case CmdLanguage:
		return false, nil
	case CmdHelp:
		s.sayCatalog(catalog.Help)
	case CmdStart:
		s.sayCatalog(catalog.WelcomeBack) // as for a waiting flow question
	}
	s.sendCheck()
	return true, nil
}
