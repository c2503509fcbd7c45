package engine

import (
	"time"

	"github.com/kapbot/kapbot/internal/flow"
)

// StateVersion is the format version of State, stored with it.
const StateVersion = 1

// Status of a session.
type Status string

// Session statuses.
const (
	Active  Status = "active"  // waiting for the patient
	Paused  Status = "paused"  // a safety stop: waiting for "I am safe" or stop
	Ended   Status = "ended"   // finished; a new message starts again
	Stopped Status = "stopped" // the patient stopped or the session expired
	// Takeover: a person from the care team writes with the patient (see
	// StaffAction); the flow waits, the patient's messages go to the staff.
	Takeover Status = "takeover"
)

// State is everything the engine knows about one patient's conversation. It is
// plain data: it survives JSON encoding unchanged (tests check this), so a
// stored session resumes exactly.
type State struct {
	V       int                       `json:"v"`
	Bundle  string                    `json:"bundle,omitempty"` // bundle version the session started on
	Flow    string                    `json:"flow,omitempty"`   // root flow
	Locale  string                    `json:"locale,omitempty"`
	Status  Status                    `json:"status,omitempty"`
	Stack   []Frame                   `json:"stack,omitempty"` // innermost last
	Vars    map[string]map[string]any `json:"vars,omitempty"`  // flow id -> name -> value
	Results []flow.Result             `json:"results,omitempty"`
	Seq     int                       `json:"seq,omitempty"`     // number of the prompt the patient is answering; stale buttons carry an older one
	Pending string                    `json:"pending,omitempty"` // a command awaiting confirmation: "restart", "forget"
	Multi   []string                  `json:"multi,omitempty"`   // picks so far of a multiple-choice question
	Started time.Time                 `json:"started,omitzero"`
	Updated time.Time                 `json:"updated,omitzero"`
	Steps   int                       `json:"steps,omitempty"` // inputs applied, for the record
	// TakenOver is the referral whose staff took the conversation over
	// while Status is Takeover, and Before the status to return to.
	TakenOver string `json:"taken_over,omitempty"`
	Before    Status `json:"before,omitempty"`
	// Check is set while the bot waits for the answer to its direct safety
	// question, asked after a message that may signal risk; the
	// conversation waits where it was (Status, Stack and Pending unchanged).
	Check *Check `json:"check,omitempty"`
	// PausedFor is the alert kind whose resources a safety pause shows
	// again ("" for crisis).
	PausedFor AlertKind `json:"paused_for,omitempty"`
	// Measured is when each questionnaire last gave a valid result, by id,
	// in Unix seconds (compact: it stays in the session for good). It
	// outlives the flow (a new /start keeps it, like Locale), so flows
	// re-screen no more often than clinic.yaml's rescreen_after
	// (flow.RescreenDue).
	Measured map[string]int64 `json:"measured,omitempty"`
	// Appointments, reminders and their bookkeeping (reminders.go); they
	// outlive a flow, like Locale, and go with /forget.
	Appts []Appointment `json:"appts,omitempty"`
	// Timers are the reminders armed (an Arm effect each) and not yet
	// fired; a fire whose timer is not here is stale and does nothing.
	Timers []Timer `json:"timers,omitempty"`
	// Done are the keys of reminders sent or given up, newest last (at
	// most maxDone), so that none is sent twice.
	Done []string `json:"done,omitempty"`
	// TZ is the patient's IANA time zone; "" for the clinic's.
	TZ string `json:"tz,omitempty"`
	// RemindersOff: /reminders off, /stop, or the platform refused the
	// patient; nothing is armed until /reminders on.
	RemindersOff bool `json:"reminders_off,omitempty"`
	// Introduced: a reminder has said who writes and why.
	Introduced bool `json:"introduced,omitempty"`
}

// Appointment is one of a patient's sessions with the clinic, as staff
// recorded it. ID is the clinic's scheduler's id (a CSV import) or one
// kapbot made; recording an ID again moves that appointment.
type Appointment struct {
	ID   string    `json:"id"`
	Kind string    `json:"kind"`
	At   time.Time `json:"at"`
	TZ   string    `json:"tz,omitempty"` // the zone it was given in
}

// Timer is an armed reminder: Key names what it reminds of (a rule and an
// appointment, a nudge of a flow run), At when it falls due, and ID (a
// hash of both) is what a fire carries back. Hold marks a reminder put off
// because the patient was answering another flow: kept until it fires.
type Timer struct {
	ID   string    `json:"id"`
	Key  string    `json:"key"`
	At   time.Time `json:"at"`
	Hold bool      `json:"hold,omitempty"`
}

// AppointmentChange records (or, with Cancel, removes) an appointment.
// Only staff tools set it, never a patient channel.
type AppointmentChange struct {
	Appointment Appointment
	Cancel      bool
}

// Check is a direct safety question waiting for its answer: the rule of the
// "possible" alert that raised it and the patient's message (health data),
// which a referral carries to a clinician whatever the answer.
type Check struct {
	Rule    string `json:"rule"`
	Message string `json:"message,omitempty"`
}

// Frame is one running flow or questionnaire.
type Frame struct {
	Flow     string `json:"flow"`               // flow id
	Step     string `json:"step"`               // current step id
	Attempts int    `json:"attempts,omitempty"` // invalid answers to the current question
	ReturnTo string `json:"return,omitempty"`   // after re-asking from a review: the review step
	Q        *QRun  `json:"q,omitempty"`        // set while the step is a running questionnaire
}

// QRun is the progress of a questionnaire inside a frame.
type QRun struct {
	ID      string         `json:"id"`
	Item    int            `json:"item"`         // index of the item asked now
	At      string         `json:"at,omitempty"` // id of that item
	Answers map[string]any `json:"answers,omitempty"`
}

// Input is one thing the patient did. Exactly one of Text, Press, Command is set,
// or none for a Start.
type Input struct {
	Now     time.Time
	Text    string // typed text
	Press   *Press // a button
	Command *Command
	// Staff is what the care team did from a staff destination. Only the
	// runner's staff side sets it, never a patient channel.
	Staff *StaffAction
	// Fire is a reminder falling due: the ID of an armed Timer (the
	// runner's scheduler sets it). Appointment is a change staff made.
	// Neither counts as the patient's activity.
	Fire        string
	Appointment *AppointmentChange
}

// StaffKind is what a member of the care team does to a conversation.
type StaffKind string

// Staff actions.
const (
	StaffTakeover StaffKind = "takeover" // pause the flow; messages go between patient and staff
	StaffSay      StaffKind = "say"      // relay Text to the patient
	StaffHandback StaffKind = "handback" // resume the flow where it waited
)

// StaffAction is a staff member's action on a patient's conversation, on
// behalf of a referral. By, Channel, Dest and User say who acted and where
// (names and platform ids, carried to the Relay record untouched).
type StaffAction struct {
	Kind     StaffKind `json:"kind"`
	Referral string    `json:"referral"`
	Text     string    `json:"text,omitempty"` // StaffSay: the staff member's words
	By       string    `json:"by,omitempty"`
	Channel  string    `json:"channel,omitempty"`
	Dest     string    `json:"dest,omitempty"`
	User     string    `json:"user,omitempty"`
}

// Press is a button the patient pressed: the prompt it belonged to and the value.
type Press struct {
	Seq   int
	Value string
}

// CommandName is a command that works at every step.
type CommandName string

// Commands.
const (
	CmdStart    CommandName = "start"   // Arg: flow id, "" for the clinic's default
	CmdRestart  CommandName = "restart" // asks for confirmation
	CmdStop     CommandName = "stop"
	CmdHelp     CommandName = "help"
	CmdLanguage CommandName = "language" // Arg: locale, "" to list
	CmdForget   CommandName = "forget"   // asks for confirmation, then emits Forget
	CmdSafe     CommandName = "safe"     // after a safety pause: continue
	// CmdAppointments lists the patient's appointments; CmdReminders with
	// Arg "on" or "off" turns reminders on or off.
	CmdAppointments CommandName = "appointments"
	CmdReminders    CommandName = "reminders"
	// CmdUnreachable is sent by the runner, never typed: the platform
	// refused a message (the patient blocked the bot or left). The session
	// stops, reminders stop, and staff hear of it once.
	CmdUnreachable CommandName = "unreachable"
)

// Command is a command with its argument.
type Command struct {
	Name CommandName
	Arg  string
}

// MessageKind says where a message's text comes from.
type MessageKind string

// Message kinds.
const (
	FromFlow    MessageKind = "flow"    // a flow, questionnaire or clinic.yaml text
	FromCatalog MessageKind = "catalog" // the fixed system catalogue
	Crisis      MessageKind = "crisis"  // the clinic's crisis resources
	// FromStaff is a message a person of the care team wrote during a
	// takeover: the catalogue's FromCareTeam heading, a blank line, and
	// their words. The bot relays it; it composes none of it.
	FromStaff MessageKind = "staff"
)

// Message is one message to the patient: text plus optional choices. A channel
// decides how to draw choices (buttons, a numbered list).
type Message struct {
	Kind    MessageKind `json:"kind"`
	Text    string      `json:"text"`
	Choices []Option    `json:"choices,omitempty"`
	Multi   bool        `json:"multi,omitempty"`  // choices toggle; a Done option ends the pick
	Seq     int         `json:"seq,omitempty"`    // prompt number, carried back by buttons
	Key     string      `json:"key,omitempty"`    // catalogue key, for FromCatalog
	Picked  []string    `json:"picked,omitempty"` // multi: values picked so far
	// Replace marks a re-draw of the prompt with the same Seq (a multi-choice
	// toggle): a channel that can edit the earlier message does so.
	Replace bool `json:"replace,omitempty"`
	// Numbered means every choice label starts with the number that picks
	// it (a scored item's published value, a point of a scale): a channel
	// that numbers options for typing must not add its own numbers.
	Numbered bool `json:"numbered,omitempty"`
}

// Option is one choice drawn for the patient.
type Option struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// Effect is something the runner must do after a step, in order.
type Effect interface{ effect() }

// Send delivers a message to the patient.
type Send struct{ Message Message }

// Refer creates a referral to a clinician.
type Refer struct {
	Priority flow.Priority
	Flow     string
	Step     string
	Reason   string // in the clinic's default locale
	// Trigger is "flow", "risk:<questionnaire>/<flag>", "medical", or a
	// safety category and the detector's rule: "crisis:<rule>",
	// "harm_to_others:<rule>", "abuse:<rule>", "acute_medical:<rule>",
	// "possible:<rule>" (a possible risk the patient said No to when asked).
	Trigger string
	Message string // the patient's triggering message, if any (health data)
}

// Scored records a completed questionnaire.
type Scored struct{ Result flow.Result }

// Arm schedules Timer: the runner stores it so that, at Timer.At, an
// Input with Fire set to Timer.ID comes back. Arming is idempotent; a
// timer the state no longer holds fires as a no-op.
type Arm struct{ Timer Timer }

// Answered records a flow question's answer (questionnaire items are in
// Scored's result instead), so every answer of every flow run can be
// exported. Run is when the conversation started: with Flow, it names the
// flow run. Value is health data.
type Answered struct {
	Flow  string
	Step  string
	Name  string // the variable it is stored under (save_as, or the step id)
	Value any
	Run   time.Time
}

// Forget erases everything stored about the patient.
type Forget struct{}

// Finished says the conversation ended (or stopped).
type Finished struct{ Status Status }

// RelayKind says what a Relay records.
type RelayKind string

// Relay kinds.
const (
	RelayTakeover    RelayKind = "takeover"    // staff took the conversation over
	RelayHandback    RelayKind = "handback"    // staff handed it back
	RelayStaff       RelayKind = "staff"       // staff wrote Text to the patient
	RelayPatient     RelayKind = "patient"     // the patient wrote Text to the staff
	RelayUndelivered RelayKind = "undelivered" // a staff action came when the conversation was not taken over by that referral
)

// Relay records a turn of a human takeover on its referral; a patient's
// message (RelayPatient) is also to be posted to the staff destination of
// the takeover. Text is health data.
type Relay struct {
	Referral string
	Kind     RelayKind
	Text     string
	By       string // staff name; "" for the patient
	Channel  string // where staff act: "telegram" or "discord"
	Dest     string
	User     string
}

// Problem reports a fault in a published flow met at run time (an expression
// that failed). It names the place only: never a value, and never the
// expression's own error, which may quote the patient's answers.
type Problem struct {
	Flow, Step string
	What       string
}

func (Send) effect()     {}
func (Refer) effect()    {}
func (Scored) effect()   {}
func (Answered) effect() {}
func (Forget) effect()   {}
func (Finished) effect() {}
func (Problem) effect()  {}
func (Relay) effect()    {}
func (Arm) effect()      {}

// Place says where a conversation stands, as transcripts and `sessions show`
// name it: "end" when it ended, "stopped", "paused" after a safety stop,
// "takeover" while the care team writes,
// "safety_check" while the direct safety question waits for its answer,
// "confirm" while a command awaits confirmation, else the innermost waiting
// step ("intake_consent"), or "step/item" inside a questionnaire
// ("phq9/q3"). A session never started is "".
func Place(st State) string {
	if st.Check != nil && st.Status != Takeover {
		return "safety_check"
	}
	if st.Pending != "" && (st.Status == Active || st.Status == Paused) {
		return "confirm"
	}
	switch st.Status {
	case Ended:
		return "end"
	case Stopped:
		return "stopped"
	case Paused:
		return "paused"
	case Takeover:
		return "takeover"
	case "":
		return ""
	}
	if st.Pending != "" {
		return "confirm"
	}
	if len(st.Stack) == 0 {
		return ""
	}
	fr := st.Stack[len(st.Stack)-1]
	if fr.Q != nil {
		return fr.Step + "/" + fr.Q.At
	}
	return fr.Step
}
