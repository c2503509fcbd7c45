// Package referral keeps referrals to clinicians and makes sure staff see
// them: a sealed referral store in Redis, the clinician summary, a Notifier
// that posts referrals to the clinic's staff destinations (and escalates the
// pressing ones nobody acknowledges), and a Desk that handles what staff do
// there (buttons and commands).
//
// A referral holds health data: the patient's answers and words. It is
// sealed at rest, shown only in staff destinations, and never logged: log
// lines name a referral by its id only.
package referral

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/runner"
)

// Status is where a referral stands.
type Status string

// Statuses, in their usual order.
const (
	StatusNew          Status = "new"
	StatusAcknowledged Status = "acknowledged"
	StatusContacted    Status = "contacted"
	StatusClosed       Status = "closed"
)

// ParseStatus reads a status a person typed ("ack" and "close" are
// accepted too); false when it is none.
func ParseStatus(s string) (Status, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "new":
		return StatusNew, true
	case "acknowledged", "ack", "acknowledge":
		return StatusAcknowledged, true
	case "contacted", "contact":
		return StatusContacted, true
	case "closed", "close":
		return StatusClosed, true
	}
	return "", false
}

// Change is one step of a referral's status history.
type Change struct {
	Status Status    `json:"status"`
	By     string    `json:"by,omitempty"`   // staff name; "" for the bot
	User   string    `json:"user,omitempty"` // "telegram:<id>" or "discord:<id>"
	At     time.Time `json:"at"`
}

// Note is a staff note on a referral.
type Note struct {
	By   string    `json:"by"`
	User string    `json:"user,omitempty"`
	At   time.Time `json:"at"`
	Text string    `json:"text"`
}

// Answer is one of the patient's answers, ready to show.
type Answer struct {
	Flow  string `json:"flow"`
	Name  string `json:"name"`
	Label string `json:"label"` // the question's short label
	Value string `json:"value"` // the answer as the patient chose it (labels), or their words
	Words bool   `json:"words,omitempty"`
}

// Score is a completed questionnaire.
type Score struct {
	Questionnaire string    `json:"questionnaire"`
	Title         string    `json:"title"`
	Total         float64   `json:"total"`
	Band          string    `json:"band,omitempty"`
	BandLabel     string    `json:"band_label,omitempty"`
	Flags         []string  `json:"flags,omitempty"` // flag labels (ids when unlabelled)
	At            time.Time `json:"at,omitzero"`
	// Invalid: too many items without an answer, the total means nothing;
	// Prorated: the total was prorated over Missing items.
	Invalid  bool `json:"invalid,omitempty"`
	Prorated bool `json:"prorated,omitempty"`
	Missing  int  `json:"missing,omitempty"`
}

// Flag is a raised questionnaire flag a clinician must see first.
type Flag struct {
	Questionnaire    string        `json:"questionnaire"`
	ID               string        `json:"id"`
	Label            string        `json:"label"`
	Risk             bool          `json:"risk,omitempty"`
	Kind             flow.FlagKind `json:"kind,omitempty"`             // contraindication, caution or note
	Contraindication bool          `json:"contraindication,omitempty"` // Kind == contraindication, for older readers
}

// Unknown is a risk or checklist question left unknown: the patient was not
// sure, or gave no clear answer. It is never a "no".
type Unknown struct {
	Questionnaire string `json:"questionnaire"`
	Item          string `json:"item"`
	Label         string `json:"label"` // the item's short label
}

// Notice is one posting of the referral to a staff destination.
type Notice struct {
	Level   int       `json:"level"` // index of the destination in clinic.yaml
	Channel string    `json:"channel"`
	Dest    string    `json:"dest"`
	MsgID   string    `json:"msg"`
	At      time.Time `json:"at"`
}

// Referral is a hand-off to a clinician with everything they need to read.
type Referral struct {
	ID       string        `json:"id"`     // short and stable: derived from Source
	Source   string        `json:"source"` // the runner's referral id
	Patient  string        `json:"patient"`
	Channel  string        `json:"channel"` // "telegram", "discord", "console"
	Flow     string        `json:"flow"`
	Bundle   string        `json:"bundle"`
	Step     string        `json:"step,omitempty"`
	Priority flow.Priority `json:"priority"`
	Trigger  string        `json:"trigger"` // "flow", "crisis:<rule>", "medical", "risk:<q>/<flag>"
	Reason   string        `json:"reason,omitempty"`
	Message  string        `json:"message,omitempty"` // the patient's triggering words
	Created  time.Time     `json:"created"`
	Locale   string        `json:"locale,omitempty"`

	Answers    []Answer  `json:"answers,omitempty"`
	Scores     []Score   `json:"scores,omitempty"`
	RedFlags   []Flag    `json:"red_flags,omitempty"`
	Unknown    []Unknown `json:"unknown,omitempty"` // risk and checklist questions left unknown
	Intentions string    `json:"intentions,omitempty"`
	Declined   []string  `json:"declined,omitempty"` // medical questions the bot declined to answer

	// Merged lists the runner ids (Source) of later emergencies of the
	// same patient added to this open one instead of becoming referrals
	// of their own (Store.AddEmergency); each also left a note.
	Merged []string `json:"merged,omitempty"`

	History []Change `json:"history"`
	Notes   []Note   `json:"notes,omitempty"`
	Notices []Notice `json:"notices,omitempty"`
	Level   int      `json:"level"` // the destination it is escalated to

	// Takeover is the staff member writing with the patient now (nil when
	// nobody is), and Relays every turn of every takeover (takeover.go).
	Takeover *Takeover `json:"takeover,omitempty"`
	Relays   []Relay   `json:"relays,omitempty"`

	// Course is the course over time of instruments answered more than
	// once (chart.go): questionnaire id -> results, oldest first.
	Course map[string][]CoursePoint `json:"course,omitempty"`
}

// Status is the referral's current status.
func (r *Referral) Status() Status {
	if len(r.History) == 0 {
		return StatusNew
	}
	return r.History[len(r.History)-1].Status
}

// Last returns the latest change to status s, if any.
func (r *Referral) Last(s Status) (Change, bool) {
	for i := len(r.History) - 1; i >= 0; i-- {
		if r.History[i].Status == s {
			return r.History[i], true
		}
	}
	return Change{}, false
}

// Open reports whether the referral still needs someone.
func (r *Referral) Open() bool { return r.Status() != StatusClosed }

// noticeAt returns the posting at a destination level.
func (r *Referral) noticeAt(level int) (Notice, bool) {
	for _, n := range r.Notices {
		if n.Level == level {
			return n, true
		}
	}
	return Notice{}, false
}

// IDFor is the short id of the referral with the runner's id source: 8 hex
// characters, short enough to type in a staff command.
func IDFor(source string) string {
	sum := sha256.Sum256([]byte(source))
	return hex.EncodeToString(sum[:4])
}

// IntentionsName is the save name whose answer is shown as the patient's
// intentions, in their own words.
const IntentionsName = "intentions"

// Assemble builds a referral from the runner's, with what its context holds:
// every answer (labelled from b's questions; b may be nil), the scores,
// bands and flags, the intentions, and the declined medical questions
// found in history (the patient's earlier records, may be nil).
func Assemble(rr runner.Referral, b *flow.Bundle, history []runner.Record) *Referral {
	r := &Referral{
		ID: IDFor(rr.ID), Source: rr.ID, Patient: rr.Patient, Channel: channelOf(rr.Patient),
		Flow: rr.Flow, Bundle: rr.Bundle, Step: rr.Step, Priority: rr.Priority, Trigger: rr.Trigger,
		Reason: rr.Reason, Message: rr.Message, Created: rr.Created,
		History: []Change{{Status: StatusNew, At: rr.Created}},
	}
	ctx := rr.Context
	if ctx == nil {
		ctx = &runner.ReferralContext{}
	}
	r.Locale = ctx.Locale
	// The summary is for the care team: labels in the clinic's language,
	// whatever language the patient chose (their own words stay as written).
	var locales []string
	if b != nil && b.Clinic != nil {
		locales = append(locales, b.Clinic.DefaultLocale)
	}
	locales = append(locales, ctx.Locale)
	r.Answers, r.Intentions = answers(ctx.Vars, rr.Flow, b, locales)

	seenFlag := map[string]bool{}
	for _, res := range ctx.Results {
		sc := Score{Questionnaire: res.Questionnaire, Title: res.Questionnaire, Total: res.Total, Band: res.Band, At: res.At}
		var q *flow.Questionnaire
		if b != nil {
			q = b.Questionnaires[res.Questionnaire]
		}
		if q != nil {
			if t := q.Title.In(locales...); t != "" {
				sc.Title = t
			}
			for _, band := range q.Scoring.Bands {
				if band.Name == res.Band {
					sc.BandLabel = band.Label.In(locales...)
				}
			}
		}
		for _, id := range res.Flags {
			f := Flag{Questionnaire: res.Questionnaire, ID: id, Label: id}
			if q != nil {
				for _, def := range q.Scoring.Flags {
					if def.ID == id {
						f.Risk, f.Kind = def.Risk, def.Kind
						if f.Kind == "" && def.Contraindication {
							f.Kind = flow.FlagContraindication
						}
						f.Contraindication = f.Kind == flow.FlagContraindication
						if l := def.Label.In(locales...); l != "" {
							f.Label = l
						}
					}
				}
			} else if res.Risk {
				f.Risk = true
			}
			sc.Flags = append(sc.Flags, f.Label)
			key := f.Questionnaire + "/" + f.ID
			if (f.Risk || f.Kind != "") && !seenFlag[key] {
				seenFlag[key] = true
				r.RedFlags = append(r.RedFlags, f)
			}
		}
		sc.Invalid, sc.Prorated, sc.Missing = res.Invalid, res.Prorated, len(res.Missing)
		for _, id := range res.Unknown {
			u := Unknown{Questionnaire: res.Questionnaire, Item: id, Label: id}
			if q != nil {
				for _, it := range q.Items {
					if it.ID == id && it.Ask != nil {
						if l := it.Ask.Short.In(locales...); l != "" {
							u.Label = l
						}
					}
				}
			}
			if key := "?" + u.Questionnaire + "/" + id; !seenFlag[key] {
				seenFlag[key] = true
				r.Unknown = append(r.Unknown, u)
			}
		}
		r.Scores = append(r.Scores, sc)
	}
	for _, rec := range history {
		if rec.Referral != nil && rec.Referral.Trigger == "medical" && rec.Referral.Message != "" && rec.Referral.ID != rr.ID {
			r.Declined = append(r.Declined, rec.Referral.Message)
		}
	}
	if rr.Trigger == "medical" && rr.Message != "" {
		r.Declined = append(r.Declined, rr.Message)
	}
	r.Course = Course(history, ctx.Results)
	return r
}

func channelOf(patient string) string {
	prefix, _, _ := strings.Cut(patient, ":")
	switch prefix {
	case "tg":
		return "telegram"
	case "dc":
		return "discord"
	}
	return prefix
}

// answers lists the patient's answers: the referring flow's first, in step
// order, then the other flows' in id order. Questionnaire results and
// computed variables are left out (scores show them).
func answers(vars map[string]map[string]any, first string, b *flow.Bundle, locales []string) ([]Answer, string) {
	var out []Answer
	intentions := ""
	flows := make([]string, 0, len(vars))
	for f := range vars {
		flows = append(flows, f)
	}
	sort.Slice(flows, func(i, j int) bool {
		if (flows[i] == first) != (flows[j] == first) {
			return flows[i] == first
		}
		return flows[i] < flows[j]
	})
	for _, fid := range flows {
		vs := vars[fid]
		var fl *flow.Flow
		if b != nil {
			fl = b.Flows[fid]
		}
		if fl == nil {
			names := make([]string, 0, len(vs))
			for n := range vs {
				names = append(names, n)
			}
			slices.Sort(names)
			for _, n := range names {
				if _, isMap := vs[n].(map[string]any); isMap {
					continue
				}
				a := Answer{Flow: fid, Name: n, Label: n, Value: format(vs[n], nil, locales)}
				if n == IntentionsName {
					intentions = a.Value
					continue
				}
				out = append(out, a)
			}
			continue
		}
		for _, sid := range fl.Order {
			st := fl.Steps[sid]
			if st == nil || st.Kind != flow.KindAsk || st.Ask == nil {
				continue
			}
			name := st.SaveAs
			if name == "" {
				name = st.ID
			}
			v, ok := vs[name]
			if !ok || v == nil {
				continue
			}
			label := st.Ask.Short.In(locales...)
			if label == "" {
				label = st.Ask.Text.In(locales...)
			}
			if label == "" {
				label = name
			}
			a := Answer{Flow: fid, Name: name, Label: label, Value: format(v, st.Ask, locales), Words: st.Ask.Type == flow.AskText}
			if name == IntentionsName {
				intentions = a.Value
				continue
			}
			out = append(out, a)
		}
	}
	return out, intentions
}

// format shows an answer: choice labels for choices, yes/no, numbers
// without trailing zeros, text as typed.
func format(v any, ask *flow.Ask, locales []string) string {
	label := func(val string) string {
		if ask != nil {
			for _, c := range ask.Choices {
				if c.Value == val {
					if l := c.Label.In(locales...); l != "" {
						return l
					}
				}
			}
		}
		return val
	}
	switch x := v.(type) {
	case string:
		if ask != nil && (ask.Type == flow.AskChoice) {
			return label(x)
		}
		return x
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case float64:
		s := strconv.FormatFloat(x, 'f', -1, 64)
		if ask != nil && ask.Numeric && ask.Type != flow.AskLikert && ask.Type != flow.AskNumber {
			return label(s)
		}
		return s
	case []string:
		ls := make([]string, len(x))
		for i, e := range x {
			ls[i] = label(e)
		}
		return strings.Join(ls, ", ")
	case []any:
		ls := make([]string, len(x))
		for i, e := range x {
			ls[i] = label(fmt.Sprint(e))
		}
		return strings.Join(ls, ", ")
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}
