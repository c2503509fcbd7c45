package flow

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	// Time zones are looked up by name (time.LoadLocation); the embedded
	// database makes that work on machines without /usr/share/zoneinfo.
	_ "time/tzdata"

	"go.yaml.in/yaml/v3"
)

// Schedules is clinic.yaml's schedules: when the bot writes to a patient
// first, relative to their appointments or to the end of a flow, when it
// nudges a patient who went quiet mid-flow, and the hours it never writes.
type Schedules struct {
	// TimeZone is the IANA name of the clinic's time zone (time_zone),
	// used for patients without their own.
	TimeZone string
	// QuietFrom and QuietTo are the quiet hours (quiet_hours: "21:00-08:00")
	// in minutes after local midnight; a reminder due in them waits until
	// they end. Equal: no quiet hours.
	QuietFrom, QuietTo int
	// Kinds are the appointment kinds staff may record, with the label a
	// patient sees in /appointments.
	Kinds map[string]Text
	Rules []Rule
	Nudge *Nudge
	Pos   Pos
}

// Rule is one reminder: a flow to start or a text to send, at a time
// relative to each appointment of a kind (Before or After it), to the end
// of a flow (AfterFlow and After), or every Every while appointments of a
// kind lie ahead.
type Rule struct {
	ID          string
	Appointment string        // kind the rule follows; "" with AfterFlow
	AfterFlow   string        // flow whose end the rule follows
	Before      time.Duration // before the appointment (0: After applies)
	After       time.Duration // after the appointment or the flow's end
	Every       time.Duration // repeat while in treatment, from the first appointment of the kind
	// At is a local time of day (minutes after midnight) the reminder is
	// moved to on the day Before/After gives; -1 for none ("the evening
	// before": before: 1d, at: "19:00").
	At    int
	Start string // flow to start
	Say   Text   // text to send
	Pos   Pos
	// flowNode locates Start and AfterFlow for the check that they exist.
	flowNodes []*yaml.Node
}

// Nudge says how a patient who stops answering mid-flow is reminded: a
// nudge After each duration of silence (counted from their last message),
// then, for the flows in Refer, a referral note ReferAfter the last message.
type Nudge struct {
	After      []time.Duration
	Flows      []string // flows whose silence is nudged; empty: every flow
	Refer      []string // risk-relevant flows: going quiet in them makes a referral
	ReferAfter time.Duration
	flowNodes  []*yaml.Node // Flows and Refer, to locate a missing flow
}

// Location returns the time zone of a patient with zone name tz ("" for
// the clinic's), falling back to the clinic's zone and then UTC when a
// name does not load.
func (s *Schedules) Location(tz string) *time.Location {
	for _, name := range []string{tz, s.zone()} {
		if name == "" {
			continue
		}
		if loc, err := time.LoadLocation(name); err == nil {
			return loc
		}
	}
	return time.UTC
}

func (s *Schedules) zone() string {
	if s == nil {
		return ""
	}
	return s.TimeZone
}

// Quiet moves t out of the quiet hours in loc: a time inside them becomes
// the moment they end, on the same local day or the next. Wall-clock
// arithmetic through time.Date keeps it right across daylight-saving
// changes.
func (s *Schedules) Quiet(t time.Time, loc *time.Location) time.Time {
	if s == nil || s.QuietFrom == s.QuietTo {
		return t
	}
	lt := t.In(loc)
	m := lt.Hour()*60 + lt.Minute()
	in := false
	if s.QuietFrom < s.QuietTo {
		in = m >= s.QuietFrom && m < s.QuietTo
	} else {
		in = m >= s.QuietFrom || m < s.QuietTo
	}
	if !in {
		return t
	}
	day := lt.Day()
	if s.QuietFrom > s.QuietTo && m >= s.QuietFrom {
		day++ // past the evening start: quiet ends tomorrow
	}
	return time.Date(lt.Year(), lt.Month(), day, s.QuietTo/60, s.QuietTo%60, 0, 0, loc)
}

var clockRe = regexp.MustCompile(`^([01]?\d|2[0-3]):([0-5]\d)$`)

// parseClock reads "HH:MM" as minutes after midnight.
func parseClock(s string) (int, bool) {
	m := clockRe.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	h, _ := strconv.Atoi(m[1])
	mm, _ := strconv.Atoi(m[2])
	return h*60 + mm, true
}

var scheduleKeys = []string{"time_zone", "quiet_hours", "kinds", "rules", "nudge"}

var ruleKeys = []string{"id", "appointment", "after_flow", "before", "after", "every", "at", "start", "say"}

// parseSchedules reads schedules: of clinic.yaml; flow references are
// checked later (checkSchedules), when every flow is known.
func (c *compiler) parseSchedules(r *reader, n, at *yaml.Node) *Schedules {
	m := r.mapping(n, at, "schedules", scheduleKeys...)
	if m == nil {
		return nil
	}
	s := &Schedules{Kinds: map[string]Text{}, Pos: r.pos(at)}
	if zn := m.get("time_zone"); zn != nil {
		if z, ok := r.str(zn, "time_zone"); ok {
			if _, err := time.LoadLocation(z); err != nil || z == "" || z == "Local" {
				r.errorf(zn, "time_zone: %q is not a time zone name; use an IANA name such as Europe/Berlin or America/New_York", z)
			} else {
				s.TimeZone = z
			}
		}
	}
	if qn := m.get("quiet_hours"); qn != nil {
		if q, ok := r.str(qn, "quiet_hours"); ok {
			from, to, found := strings.Cut(q, "-")
			f, ok1 := parseClock(from)
			t, ok2 := parseClock(to)
			if !found || !ok1 || !ok2 {
				r.errorf(qn, "quiet_hours: %q is not a range of times; write it as HH:MM-HH:MM, e.g. 21:00-08:00", q)
			} else {
				s.QuietFrom, s.QuietTo = f, t
			}
		}
	}
	if kn := m.get("kinds"); kn != nil {
		km := r.mapping(kn, m.keyNode("kinds"), "kinds")
		for _, k := range km.orderOrNil() {
			f := km.m[k]
			if !flowIDRe.MatchString(k) {
				r.errorf(f.key, "kinds: %q is not a kind name; use lower-case letters, digits, - and _ (e.g. dosing)", k)
				continue
			}
			s.Kinds[k] = r.text(f.val, "kinds: "+k, textLabel)
		}
	}
	ids := map[string]int{}
	if rn := m.get("rules"); rn != nil {
		items, _ := r.seq(rn, "rules")
		for _, it := range items {
			// A rule with problems is kept too, so that its flows are
			// checked: the problems keep the bundle from being used.
			rule, _ := c.parseRule(r, it, s, ids)
			s.Rules = append(s.Rules, rule)
		}
	}
	if nn := m.get("nudge"); nn != nil {
		s.Nudge = parseNudge(r, nn, m.keyNode("nudge"))
	}
	return s
}

func (c *compiler) parseRule(r *reader, it *yaml.Node, s *Schedules, ids map[string]int) (Rule, bool) {
	rm := r.mapping(it, nil, "rule", ruleKeys...)
	if rm == nil {
		return Rule{}, false
	}
	rule := Rule{At: -1, Pos: r.pos(it)}
	ok := true
	if idn := rm.require("id", "a name for the rule, e.g. prepare"); idn != nil {
		if id, good := r.str(idn, "id"); good {
			switch {
			case !flowIDRe.MatchString(id):
				r.errorf(idn, "id: %q is not a rule name; use lower-case letters, digits, - and _", id)
				ok = false
			case ids[id] > 0:
				r.errorf(idn, "id: rule %q is defined twice (first on line %d); rename one", id, ids[id])
				ok = false
			default:
				ids[id] = idn.Line
			}
			rule.ID = id
		}
	} else {
		ok = false
	}
	dur := func(key string) time.Duration {
		if n := rm.get(key); n != nil {
			d, good := r.duration(n, key)
			if !good {
				ok = false
			}
			return d
		}
		return 0
	}
	rule.Before, rule.After, rule.Every = dur("before"), dur("after"), dur("every")
	if an := rm.get("appointment"); an != nil {
		rule.Appointment, _ = r.str(an, "appointment")
		if _, known := s.Kinds[rule.Appointment]; len(s.Kinds) > 0 && !known {
			kinds := sortedKeys(s.Kinds)
			r.errorf(an, "appointment: no kind %q%s in schedules: kinds (%s)", rule.Appointment, didYouMean(rule.Appointment, kinds), list(kinds, false))
			ok = false
		}
	}
	if fn := rm.get("after_flow"); fn != nil {
		rule.AfterFlow, _ = r.str(fn, "after_flow")
		rule.flowNodes = append(rule.flowNodes, fn)
	}
	at := it
	switch {
	case rule.Appointment == "" && rule.AfterFlow == "":
		r.errorf(at, "rule %s: say what it follows: appointment: <kind> or after_flow: <flow>", rule.ID)
		ok = false
	case rule.Appointment != "" && rule.AfterFlow != "":
		r.errorf(rm.keyNode("after_flow"), "rule %s: give appointment or after_flow, not both", rule.ID)
		ok = false
	case rule.AfterFlow != "" && (rule.After == 0 || rule.Before != 0 || rule.Every != 0):
		r.errorf(at, "rule %s: after_flow needs after: <duration> (and no before or every)", rule.ID)
		ok = false
	case rule.Appointment != "":
		set := 0
		for _, d := range []time.Duration{rule.Before, rule.After, rule.Every} {
			if d != 0 {
				set++
			}
		}
		if set != 1 {
			r.errorf(at, "rule %s: give exactly one of before, after or every", rule.ID)
			ok = false
		}
	}
	if an := rm.get("at"); an != nil {
		if sv, good := r.str(an, "at"); good {
			if mins, good := parseClock(sv); good {
				rule.At = mins
			} else {
				r.errorf(an, "at: %q is not a time of day; write HH:MM, e.g. 19:00", sv)
				ok = false
			}
		}
		if rule.Every != 0 {
			r.errorf(an, "at: a rule with every keeps the time of the first appointment; remove at")
			ok = false
		}
	}
	if sn := rm.get("start"); sn != nil {
		rule.Start, _ = r.str(sn, "start")
		rule.flowNodes = append(rule.flowNodes, sn)
	}
	if sn := rm.get("say"); sn != nil {
		rule.Say = r.text(sn, "say", textMessage)
	}
	switch hasSay := rm.get("say") != nil; {
	case rule.Start == "" && !hasSay:
		r.errorf(at, "rule %s: say what happens: start: <flow> or say: <text>", rule.ID)
		ok = false
	case rule.Start != "" && hasSay:
		r.errorf(rm.keyNode("say"), "rule %s: give start or say, not both (a flow's first step can say the text)", rule.ID)
		ok = false
	}
	return rule, ok
}

func parseNudge(r *reader, n, at *yaml.Node) *Nudge {
	m := r.mapping(n, at, "nudge", "after", "flows", "refer", "refer_after")
	if m == nil {
		return nil
	}
	nu := &Nudge{}
	if an := m.require("after", "how long after the patient's last message to nudge, e.g. [1d, 3d]"); an != nil {
		items, _ := r.seq(an, "after")
		var last time.Duration
		for _, it := range items {
			d, ok := r.duration(it, "after")
			if !ok {
				continue
			}
			if d <= last {
				r.errorf(it, "after: %s is not after the nudge before it; list the durations in rising order", d)
				continue
			}
			last = d
			nu.After = append(nu.After, d)
		}
	}
	if fn := m.get("flows"); fn != nil {
		var nodes []*yaml.Node
		nu.Flows, nodes = r.strs(fn, "flows")
		nu.flowNodes = append(nu.flowNodes, nodes...)
	}
	if fn := m.get("refer"); fn != nil {
		var nodes []*yaml.Node
		nu.Refer, nodes = r.strs(fn, "refer")
		nu.flowNodes = append(nu.flowNodes, nodes...)
		if rn := m.require("refer_after", "how long after the patient's last message the referral note is made, e.g. 5d"); rn != nil {
			nu.ReferAfter, _ = r.duration(rn, "refer_after")
			if len(nu.After) > 0 && nu.ReferAfter <= nu.After[len(nu.After)-1] {
				r.errorf(rn, "refer_after: must be after the last nudge (%s)", nu.After[len(nu.After)-1])
			}
		}
	}
	return nu
}

// checkSchedules checks that the flows schedules: names exist.
func (c *compiler) checkSchedules() {
	if c.clinic == nil || c.clinic.Schedules == nil {
		return
	}
	s := c.clinic.Schedules
	ids := c.flowIDs()
	check := func(n *yaml.Node, key, id string) {
		if id != "" && !c.hasFlow(id) {
			c.errorf(c.clinicPos(n), "%s: no flow %q%s (flows: %s)", key, id, didYouMean(id, ids), list(ids, false))
		}
	}
	for _, rule := range s.Rules {
		for _, n := range rule.flowNodes {
			check(n, "rule "+rule.ID, n.Value)
		}
	}
	if s.Nudge != nil {
		for _, n := range s.Nudge.flowNodes {
			check(n, "nudge", n.Value)
		}
	}
}

// String describes a rule in one line, for `kapbot schedules show`.
func (r Rule) String() string {
	var when string
	switch {
	case r.AfterFlow != "":
		when = fmt.Sprintf("%s after flow %s ends", HumanDuration(r.After), r.AfterFlow)
	case r.Every != 0:
		when = fmt.Sprintf("every %s from the first %s appointment while one lies ahead", HumanDuration(r.Every), r.Appointment)
	case r.Before != 0:
		when = fmt.Sprintf("%s before each %s appointment", HumanDuration(r.Before), r.Appointment)
	default:
		when = fmt.Sprintf("%s after each %s appointment", HumanDuration(r.After), r.Appointment)
	}
	if r.At >= 0 {
		when += fmt.Sprintf(", moved to %02d:%02d that day", r.At/60, r.At%60)
	}
	what := "start flow " + r.Start
	if r.Start == "" {
		what = "send a text"
	}
	return fmt.Sprintf("%s: %s: %s", r.ID, when, what)
}

// HumanDuration writes a duration in days when it is whole days.
func HumanDuration(d time.Duration) string {
	if d%(24*time.Hour) == 0 {
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	}
	return d.String()
}
