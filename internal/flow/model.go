// Package flow holds the clinic's conversation model: the YAML flow language,
// its loader and validator, and the compiled, immutable form the engine runs.
//
// A Bundle is everything a clinic publishes at once: clinic.yaml, every flow and
// every questionnaire. Bundles are immutable; their Version is a hash of the
// sources, so a running session keeps the exact version it started with.
package flow

import (
	"fmt"
	"time"

	"github.com/expr-lang/expr/vm"
)

// SpecVersion is the newest flow-file format this engine reads (the `kapbot:`
// key of every file). Older files are migrated on load; newer ones are refused.
const SpecVersion = 1

// Pos locates something in a source file, 1-based.
type Pos struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// String formats the position compiler-style: "flows/intake.yaml:12:5".
func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Text is one text in several locales, keyed by locale code ("en", "de").
type Text map[string]string

// In returns the text for the first locale of the chain that has one, then any
// text at all in sorted-locale order so the result is deterministic.
func (t Text) In(locales ...string) string {
	for _, l := range locales {
		if s, ok := t[l]; ok && s != "" {
			return s
		}
	}
	best := ""
	for l, s := range t {
		if s != "" && (best == "" || l < best) {
			best = l
		}
	}
	return t[best]
}

// Bundle is one published, compiled set of flows. It is read-only after Load
// returns and safe for concurrent use.
type Bundle struct {
	Version        string                    // hash of all sources, stable across machines
	Clinic         *Clinic                   // flows/clinic.yaml
	Flows          map[string]*Flow          // by flow id; every questionnaire also runs alone as a flow of the same id
	Questionnaires map[string]*Questionnaire // by questionnaire id
	Sources        map[string][]byte         // file name (relative to the flow dir) -> YAML, exactly as loaded
}

// Clinic is flows/clinic.yaml.
type Clinic struct {
	Name          string
	DefaultLocale string
	Locales       []string                   // every locale the clinic serves; flows must provide texts in all of them
	DefaultFlow   string                     // what /start without an argument begins
	Crisis        map[string]CrisisResources // by locale
	Destinations  []Destination              // where referrals go, in escalation order
	Staff         []StaffMember
	Retention     time.Duration // how long patient data is kept after the last activity
	SessionExpiry time.Duration // inactivity after which a session ends cleanly
	ResumeAfter   time.Duration // idle time after which a returning patient gets a reminder of where they are
	// RescreenAfter (rescreen_after) is how long after a valid result a
	// questionnaire is due again: flows read the list `rescreen_due`. Set it
	// to the recall window of the instruments (14d for the PHQ-9 and
	// GAD-7's "last 2 weeks"); 0: always due.
	RescreenAfter time.Duration
	Texts         map[string]Text     // overrides of system catalogue texts, by catalogue key
	CrisisPhrases map[string][]string // extra crisis phrases by locale (issue 4)
	NextSteps     map[string]Text     // what the patient is told after a referral, by priority
	// Disclaimer is what every conversation shows first (a `disclaimer: true`
	// step): the bot is not an emergency service, gives no medical advice, and
	// who sees the answers. Validate requires it; Compile alone does not, so
	// bundles published before it existed still load.
	Disclaimer Text
	Pos        Pos
	// EscalateAfter is how long an urgent or emergency referral may stay
	// unacknowledged before it is re-sent to the next destination
	// (escalate_after; 0: the notifier's default).
	EscalateAfter time.Duration
	// Webhook is where referral events are POSTed (webhook:), nil when
	// clinic.yaml names none. The environment (KAPBOT_WEBHOOK_URL,
	// KAPBOT_WEBHOOK_SECRET) overrides it.
	Webhook *Webhook
	// Resources are the clinic's resources for the safety categories besides
	// crisis (ResourceCategories: harm_to_others, abuse, acute_medical), by
	// category and locale. A category or locale missing here shows the
	// crisis resources instead, under the category's catalogue heading.
	Resources map[string]map[string]CrisisResources
	// Schedules are the reminders (schedules:), nil when clinic.yaml has
	// none: the bot then writes only when written to.
	Schedules *Schedules
}

// Webhook is clinic.yaml's webhook: the URL (https, or http on localhost)
// and the name of the environment variable holding the signing secret (the
// secret itself never is in YAML).
type Webhook struct {
	URL       string
	SecretEnv string // default "KAPBOT_WEBHOOK_SECRET"
	Pos       Pos
}

// ResourceCategories are the safety categories besides crisis whose
// resources clinic.yaml may give (a top-level block each, shaped like
// crisis:). Each has a fixed referral priority: harm_to_others and
// acute_medical emergency, abuse urgent.
var ResourceCategories = []string{"harm_to_others", "abuse", "acute_medical"}

// CrisisResources are the clinic's emergency contacts for one locale.
type CrisisResources struct {
	Text      Text // the message shown, written by the clinic
	Emergency string
	Hotlines  []string
}

// Destination is a place referrals are sent to.
type Destination struct {
	Channel string // "telegram" or "discord"
	ID      string // chat id or channel id
	Name    string
}

// StaffMember may act on referrals.
type StaffMember struct {
	Name     string
	Telegram string // user id
	Discord  string // user id
}

// Flow is a compiled conversation.
type Flow struct {
	ID     string
	Title  Text
	Locale string // the flow's own language, last in the fallback chain
	Start  string // id of the first step
	Steps  map[string]*Step
	Order  []string           // step ids in file order
	Vars   map[string]VarType // every name an expression in this flow may use
	Pos    Pos
	// Questionnaire is set when this flow is the stand-alone form of a questionnaire.
	Questionnaire string
	// Command (`command:`) is the name of the chat command that starts the
	// flow where a channel has a command menu (Discord's slash commands);
	// "" for none. Unique in a bundle; never one of ReservedCommands.
	Command string
}

// VarType is the type of a flow variable.
type VarType string

// Variable types. Numbers are always float64 at run time, lists are []string,
// and a questionnaire result is a map (see Questionnaire.ResultType).
const (
	TypeNumber VarType = "number"
	TypeText   VarType = "text"
	TypeBool   VarType = "bool"
	TypeList   VarType = "list"
	TypeResult VarType = "result" // a questionnaire's result
)

// StepKind says what a step does.
type StepKind string

// Step kinds; exactly one per step.
const (
	KindSay           StepKind = "say"
	KindAsk           StepKind = "ask"
	KindQuestionnaire StepKind = "questionnaire"
	KindSet           StepKind = "set"
	KindBranch        StepKind = "branch"
	KindCall          StepKind = "call"
	KindRefer         StepKind = "refer"
	KindReview        StepKind = "review"
	KindEnd           StepKind = "end"
	KindDisclaimer    StepKind = "disclaimer" // sends the clinic's disclaimer (Clinic.Disclaimer)
)

// Step is one compiled step. Next is the step that follows ("" ends the flow,
// or returns to the calling flow).
type Step struct {
	ID   string
	Kind StepKind
	Next string
	Pos  Pos

	Say Text // KindSay (also the closing text of KindEnd, may be empty)

	Ask *Ask // KindAsk

	Questionnaire string // KindQuestionnaire: questionnaire id
	SaveAs        string // KindAsk, KindQuestionnaire: variable the answer/result is stored under (default: step id)

	Set []Assign // KindSet, in order

	Cases []Case // KindBranch: first case whose condition holds wins
	Else  string // KindBranch: when no case holds ("" = Next)

	Call string // KindCall: flow id; the called flow returns here and continues at Next

	Refer *Refer // KindRefer

	Review []string // KindReview: ask steps whose answers are shown and can be changed

	// Logistics is set by `logistics: reviewed`: the clinic has reviewed this
	// step's texts as its own logistics, so the safety lint allows dose
	// amounts and "take N tablets" in them.
	Logistics bool
}

// AskType is the kind of answer a question takes.
type AskType string

// Question types.
const (
	AskChoice AskType = "choice" // one of Choices
	AskMulti  AskType = "multi"  // several of Choices, then Done
	AskYesNo  AskType = "yesno"  // bool
	AskNumber AskType = "number" // float64 in [Min, Max]
	AskText   AskType = "text"   // free text, up to MaxLen runes
	AskLikert AskType = "likert" // whole number in [Min, Max], drawn as choices
	AskDate   AskType = "date"   // "YYYY-MM-DD"
)

// Ask is a question.
type Ask struct {
	Type    AskType
	Text    Text
	Choices []Choice // choice, multi; likert and yesno get generated choices
	// Numeric is true when every choice has a numeric value; the answer is then
	// that number (float64), otherwise the value string.
	Numeric     bool
	Min, Max    *float64 // number, likert: range; multi: how many may be picked
	MaxLen      int      // text: longest accepted answer in runes (default 1000)
	Reprompt    Text     // shown after an invalid answer (default: a catalogue text per type)
	MaxAttempts int      // invalid answers before Fallback is taken (default 3)
	Fallback    string   // step id taken after MaxAttempts invalid answers ("" = skip the question, leaving the answer unset)
	Short       Text     // short label for reviews and summaries (default: Text)
}

// Choice is one option of a question.
type Choice struct {
	Value string   // what is stored (and sent back by buttons)
	Num   *float64 // numeric value, when Value is a number
	Label Text     // what the patient sees
}

// Answer returns the value stored for this choice: the number when the question
// is numeric, else the value string.
func (c Choice) Answer(numeric bool) any {
	if numeric && c.Num != nil {
		return *c.Num
	}
	return c.Value
}

// Assign sets a variable to the value of an expression.
type Assign struct {
	Name    string
	Source  string
	Program *vm.Program
	Pos     Pos
}

// Case is one arm of a branch.
type Case struct {
	Source string
	When   *vm.Program // returns bool
	Goto   string
	Pos    Pos
}

// Priority of a referral.
type Priority string

// Referral priorities, least to most pressing.
const (
	Routine   Priority = "routine"
	Soon      Priority = "soon"
	Urgent    Priority = "urgent"
	Emergency Priority = "emergency"
)

// Refer hands the patient to a clinician.
type Refer struct {
	Priority Priority
	Reason   Text // for the clinician, from the flow file
	Say      Text // told to the patient (default: clinic NextSteps for the priority)
	Crisis   bool // also show the clinic's crisis resources for the patient's locale
}

// Questionnaire is a compiled reusable instrument: items asked in order, each
// possibly skipped by a condition, then scored from data.
type Questionnaire struct {
	ID          string
	Title       Text
	Locale      string
	Preamble    Text // shown before the first item
	Done        Text // shown after the last item (may be empty)
	Attribution string
	License     string
	Source      string
	LOINC       LOINC
	Items       []*Item
	Scoring     Scoring
	Tests       []Vector // golden vectors; Compile checks them against Score
	// Missing is the instrument's missing-data rule (`missing:`): how many
	// asked, scored items may be missing before the total is invalid.
	Missing MissingRule
	Pos     Pos
}

// MissingRule is what a questionnaire's total does when asked, scored items
// have no answer (skipped after max_attempts, or unknown). With at most
// Prorate of them missing the total is prorated: the sum of the answered
// items times (weights of the asked items / weights of the answered ones),
// rounded to the nearest whole number when totals are whole. With more the
// total is invalid: Result.Invalid, no band. The default (no `missing:`) is
// Prorate 0: any missing scored item makes the total invalid, never zero.
type MissingRule struct {
	Prorate int
	Source  string // where the rule is published, for the record
	Pos     Pos
}

// LOINC codes of an instrument, for exports.
type LOINC struct {
	Panel string
	Total string
}

// Item is one question of a questionnaire. Its answer is available to later
// items' When conditions and to scoring under the item id.
type Item struct {
	ID      string
	Ask     *Ask
	When    *vm.Program // nil: always asked; else asked only when true
	WhenSrc string
	Scored  bool // counted in the total
	// Unknown is set by `unknown: true`: an uncertain answer ("not sure",
	// "maybe", "weiß nicht") is a defined answer, unknown, and an item left
	// unanswered after max_attempts is unknown too, never "no" or 0. Scoring
	// sees such items in the list `unknown` and must raise a flag for them
	// (validation checks it).
	Unknown bool
	Weight  float64 // multiplier in the total (default 1)
	LOINC   string
	Pos     Pos
}

// Scoring turns item answers into a result, as data.
type Scoring struct {
	Bands  []Band     // by total, first match wins
	Values []Computed // extra named results, in order; each may use items, total, band and earlier values
	Flags  []Flag     // flags raised by conditions
}

// Band names a range of totals, inclusive.
type Band struct {
	Name     string
	Min, Max float64
	Label    Text
}

// Computed is a named value computed from an expression.
type Computed struct {
	Name    string
	Source  string
	Program *vm.Program
	Type    VarType
	Pos     Pos
}

// Flag is raised when its condition holds.
type Flag struct {
	ID     string
	Source string
	When   *vm.Program
	Risk   bool // a safety risk: triggers the crisis path whatever the total
	// Kind says how a clinician reads a raised flag (`kind:`): a
	// contraindication, a caution, or a note; "" for other flags. The
	// legacy `contraindication: true` means kind contraindication.
	Kind FlagKind
	// Contraindication is Kind == FlagContraindication, kept for readers
	// of older code.
	Contraindication bool
	Label            Text
	Pos              Pos
}

// FlagKind is how a clinician reads a raised checklist flag.
type FlagKind string

// Kinds of flags.
const (
	FlagContraindication FlagKind = "contraindication" // a reason not to treat until a clinician has decided
	FlagCaution          FlagKind = "caution"          // treatment may go ahead with care (monitoring, timing, a dose review)
	FlagNote             FlagKind = "note"             // for the clinician's information
)

// FlagKinds lists the kinds in order of weight.
var FlagKinds = []FlagKind{FlagContraindication, FlagCaution, FlagNote}

// Result is a scored questionnaire. In expressions it is a map with the keys
// total, band, flags, risk, every computed value and every item id.
type Result struct {
	Questionnaire string         `json:"questionnaire"`
	Flow          string         `json:"flow,omitempty"` // flow whose step ran it
	Name          string         `json:"name,omitempty"` // the step's save name in that flow
	At            time.Time      `json:"at,omitzero"`    // when the last item was answered
	Total         float64        `json:"total"`
	Band          string         `json:"band,omitempty"`
	Flags         []string       `json:"flags"`
	Risk          bool           `json:"risk"`
	Values        map[string]any `json:"values,omitempty"`
	Items         map[string]any `json:"items"`
	// Missing lists the asked items without an answer (skipped after
	// max_attempts, or unknown), in item order; Unknown those of them that
	// are `unknown: true` items. Neither is ever counted as 0 or "no".
	Missing []string `json:"missing,omitempty"`
	Unknown []string `json:"unknown,omitempty"`
	// Prorated is set when the total was prorated over missing items;
	// Invalid when more items were missing than the instrument's rule
	// allows: Total is then 0 and Band "", and neither means anything.
	Prorated bool `json:"prorated,omitempty"`
	Invalid  bool `json:"invalid,omitempty"`
}

// Valid reports whether the total means something (not Invalid).
func (r Result) Valid() bool { return !r.Invalid }

// Vector is one golden test of a questionnaire's scoring (the `tests:` of a
// questionnaire file): Score(Answers) must give what Expect states. Compile runs
// every vector and reports a mismatch as a problem.
type Vector struct {
	Name    string
	Answers map[string]any // item id -> answer, typed as the engine stores it (float64, string, bool, []string)
	Expect  Expect
	Pos     Pos
}

// Expect is what a Vector checks; nil and absent fields are not checked.
type Expect struct {
	Total  *float64
	Band   *string
	Flags  []string // compared as a set; nil: not checked, empty: no flag raised
	Risk   *bool
	Values map[string]any // only the named values are checked
	// Valid, Missing and Unknown check the result's missing data; lists are
	// compared as sets, nil: not checked.
	Valid   *bool
	Missing []string
	Unknown []string
}
