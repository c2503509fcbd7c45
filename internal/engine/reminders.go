package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/flow"
)

// Reminders, without a clock or a timer: every Step ends by working out
// which reminders the state calls for (clinic.yaml's schedules: against the
// appointments, the flow that ended, the patient's silence) and arms the
// ones not armed yet (an Arm effect each). A fire comes back as an input;
// it does something only if its timer is still armed and its reason still
// holds, so a moved or cancelled appointment, a finished flow, /stop or
// /reminders off make a pending fire a no-op.

// maxDone bounds State.Done.
const maxDone = 64

// grace is how late a reminder may still be sent: one missed by more (the
// service was down) is given up rather than sent out of its context.
const grace = 6 * time.Hour

// postpone is how long a reminder that would start a flow waits while the
// patient is answering another.
const postpone = time.Hour

// keepReminders carries the reminder fields of old into st (a new flow
// keeps them, as it keeps the locale).
func (st *State) keepReminders(old State) {
	st.Appts, st.Timers, st.Done = old.Appts, old.Timers, old.Done
	st.TZ, st.RemindersOff, st.Introduced = old.TZ, old.RemindersOff, old.Introduced
}

// want is a reminder the state calls for.
type want struct {
	key   string
	at    time.Time
	rule  *flow.Rule
	nudge bool // ask the waiting question again
	quiet bool // refer: the patient went quiet in a risk-relevant flow
}

func (s *sprint) schedules() *flow.Schedules { return s.clinic().Schedules }

func (s *sprint) loc() *time.Location { return s.schedules().Location(s.st.TZ) }

// TimerID is the id of the timer of key due at at: a fire carries it, and
// it is the idempotency key of the fire's commit.
func TimerID(key string, at time.Time) string {
	sum := sha256.Sum256([]byte(key + "@" + strconv.FormatInt(at.Unix(), 10)))
	return hex.EncodeToString(sum[:8])
}

// wanted lists the reminders the state calls for now, at most one per key.
func (s *sprint) wanted() []want {
	sch := s.schedules()
	if sch == nil || s.st.RemindersOff {
		return nil
	}
	now, loc := s.in.Now, s.loc()
	var out []want
	done := func(key string) bool { return slices.Contains(s.st.Done, key) }
	for i := range sch.Rules {
		r := &sch.Rules[i]
		switch {
		case r.AfterFlow != "":
			if s.st.Status != Ended || s.st.Flow != r.AfterFlow {
				continue
			}
			key := r.ID + "/" + s.st.Flow + "@" + strconv.FormatInt(s.st.Started.Unix(), 10)
			if at, ok := s.due(shift(s.st.Updated, r.After, loc), false, true); ok && !done(key) {
				out = append(out, want{key: key, at: at, rule: r})
			}
		case r.Every != 0:
			var of []Appointment
			for _, a := range s.st.Appts {
				if a.Kind == r.Appointment {
					of = append(of, a)
				}
			}
			if len(of) == 0 {
				continue
			}
			first, last := of[0].At, of[len(of)-1].At
			for k := 1; ; k++ {
				occ := shift(first, time.Duration(k)*r.Every, loc)
				if occ.After(last.Add(r.Every)) {
					break
				}
				key := r.ID + "/" + strconv.Itoa(k)
				if done(key) {
					continue
				}
				if at, ok := s.due(occ, false, true); ok {
					out = append(out, want{key: key, at: at, rule: r})
					break
				}
			}
		default:
			for _, a := range s.st.Appts {
				if a.Kind != r.Appointment {
					continue
				}
				key := r.ID + "/" + a.ID
				if done(key) {
					continue
				}
				at := shift(a.At, r.After, loc)
				if r.Before != 0 {
					at = shift(a.At, -r.Before, loc)
				}
				if r.At >= 0 {
					lt := at.In(loc)
					at = time.Date(lt.Year(), lt.Month(), lt.Day(), r.At/60, r.At%60, 0, 0, loc)
				}
				// A "before" reminder is still worth sending late while
				// its appointment lies ahead.
				if at, ok := s.due(at, r.Before != 0 && a.At.After(now), true); ok {
					out = append(out, want{key: key, at: at, rule: r})
				}
			}
		}
	}
	if nu := sch.Nudge; nu != nil && s.st.Status == Active && s.st.Check == nil && s.st.Pending == "" &&
		(len(nu.Flows) == 0 || slices.Contains(nu.Flows, s.st.Flow)) {
		run := s.st.Flow + "@" + strconv.FormatInt(s.st.Started.Unix(), 10)
		nudged := false
		for n, d := range nu.After {
			key := "nudge" + strconv.Itoa(n+1) + "/" + run
			if done(key) {
				continue
			}
			at, _ := s.due(s.st.Updated.Add(d), true, true)
			out = append(out, want{key: key, at: at, nudge: true})
			nudged = true
			break
		}
		if key := "quiet/" + run; !nudged && nu.ReferAfter > 0 && slices.Contains(nu.Refer, s.st.Flow) && !done(key) {
			at, _ := s.due(s.st.Updated.Add(nu.ReferAfter), true, false) // for staff: no quiet hours
			out = append(out, want{key: key, at: at, quiet: true})
		}
	}
	return out
}

// shift adds d to t. Whole days are counted on the wall clock of loc, so
// "2 days before a 10:00 session" is 10:00 on both sides of a
// daylight-saving change; the rest is added as elapsed time.
func shift(t time.Time, d time.Duration, loc *time.Location) time.Time {
	const day = 24 * time.Hour
	days := int(d / day)
	return t.In(loc).AddDate(0, 0, days).Add(d - time.Duration(days)*day)
}

// due returns when a reminder meant for at goes out: at itself, moved out
// of the quiet hours when quiet, if that lies ahead; now (or the end of
// the quiet hours) when it is late by less than grace or late is allowed;
// else not at all.
func (s *sprint) due(at time.Time, late, quiet bool) (time.Time, bool) {
	now := s.in.Now
	moved := func(t time.Time) time.Time {
		if quiet {
			return s.schedules().Quiet(t, s.loc())
		}
		return t
	}
	at = moved(at)
	switch {
	case !at.Before(now):
		return at, true
	case late || now.Sub(at) < grace:
		return moved(now), true
	}
	return time.Time{}, false
}

// reconcile arms the reminders the state calls for and not yet armed,
// and drops armed timers it no longer calls for (their fires do nothing).
// An armed timer that falls due earlier than wanted is kept: its fire finds
// it early and it is armed again then (one Arm, not one per message).
func (s *sprint) reconcile() {
	if s.schedules() == nil {
		return
	}
	ws := s.wanted()
	var timers []Timer
	for _, w := range ws {
		i := slices.IndexFunc(s.st.Timers, func(t Timer) bool { return t.Key == w.key })
		if i >= 0 && (s.st.Timers[i].Hold || !s.st.Timers[i].At.After(w.at)) {
			timers = append(timers, s.st.Timers[i])
			continue
		}
		t := Timer{ID: TimerID(w.key, w.at), Key: w.key, At: w.at}
		timers = append(timers, t)
		s.fx = append(s.fx, Arm{Timer: t})
	}
	s.st.Timers = timers
}

// fire handles a timer falling due.
func (s *sprint) fire(id string) error {
	i := slices.IndexFunc(s.st.Timers, func(t Timer) bool { return t.ID == id })
	if i < 0 {
		return nil // stale: moved, cancelled, fired before, or stopped
	}
	t := s.st.Timers[i]
	s.st.Timers = slices.Delete(slices.Clone(s.st.Timers), i, i+1)
	var w *want
	for _, x := range s.wanted() {
		if x.key == t.Key {
			w = &x
			break
		}
	}
	if w == nil {
		return nil // no longer called for
	}
	if !t.Hold && s.in.Now.Before(w.at) {
		// Early: a moved appointment, or a store that let the fire out in
		// the due time's own millisecond. Armed again for w.at under an id
		// of its own: this fire's id is spent (the runner records it as
		// applied), so under the same id the fire at w.at would be taken
		// for a duplicate and the reminder lost.
		nt := Timer{ID: TimerID(t.ID+"/"+t.Key, w.at), Key: t.Key, At: w.at}
		s.st.Timers = append(s.st.Timers, nt)
		s.fx = append(s.fx, Arm{Timer: nt})
		return nil
	}
	switch {
	case w.quiet:
		s.markDone(t.Key)
		step := ""
		if len(s.st.Stack) > 0 {
			step = s.st.Stack[len(s.st.Stack)-1].Step
		}
		s.fx = append(s.fx, Refer{Priority: flow.Routine, Flow: s.st.Flow, Step: step, Trigger: "quiet",
			Reason: fmt.Sprintf("The patient stopped answering %s and has not answered reminders; last message %s ago", s.st.Flow, human(s.in.Now.Sub(s.st.Updated)))})
	case w.nudge:
		s.markDone(t.Key)
		s.introduce()
		s.sayCatalog(catalog.Nudge)
		// The question is asked anew: an answer now is no return after a
		// long absence, and the next nudge counts from here.
		s.st.Updated = s.in.Now
		return s.reprompt(false)
	case w.rule.Start != "":
		if s.st.Status == Paused || s.st.Status == Takeover || s.st.Check != nil {
			s.markDone(t.Key) // the care team is with the patient: given up
			return nil
		}
		if s.st.Status == Active && s.in.Now.Sub(s.st.Updated) < s.clinic().ResumeAfter {
			// The patient is answering another flow right now.
			at := s.schedules().Quiet(s.in.Now.Add(postpone), s.loc())
			nt := Timer{ID: TimerID(t.Key, at), Key: t.Key, At: at, Hold: true}
			s.st.Timers = append(s.st.Timers, nt)
			s.fx = append(s.fx, Arm{Timer: nt})
			return nil
		}
		s.markDone(t.Key)
		s.introduce()
		if err := s.start(w.rule.Start); err != nil {
			return err
		}
		s.st.Updated = s.in.Now // silence is counted from here
	default:
		s.markDone(t.Key)
		s.introduce()
		s.say(w.rule.Say, nil)
	}
	return nil
}

func (s *sprint) markDone(key string) {
	d := append(slices.Clone(s.st.Done), key)
	if len(d) > maxDone {
		d = d[len(d)-maxDone:]
	}
	s.st.Done = d
}

// introduce says, before the first reminder, who writes and why.
func (s *sprint) introduce() {
	if !s.st.Introduced {
		s.st.Introduced = true
		s.sayCatalog(catalog.ReminderIntro)
	}
}

// appointment records or cancels an appointment. The patient is not told:
// they see it with /appointments, and its reminders speak for it.
func (s *sprint) appointment(c AppointmentChange) {
	a := c.Appointment
	appts := slices.DeleteFunc(slices.Clone(s.st.Appts), func(x Appointment) bool { return x.ID == a.ID })
	// Appointments long past are dropped: the state stays small.
	appts = slices.DeleteFunc(appts, func(x Appointment) bool { return x.At.Before(s.in.Now.Add(-60 * 24 * time.Hour)) })
	if !c.Cancel {
		appts = append(appts, a)
		if s.st.TZ == "" && a.TZ != "" {
			s.st.TZ = a.TZ
		}
	}
	slices.SortStableFunc(appts, func(x, y Appointment) int { return x.At.Compare(y.At) })
	s.st.Appts = appts
}

// reminderCommand handles /appointments, /reminders and the runner's
// CmdUnreachable, and the reminder side of /stop; done says the command
// is answered.
func (s *sprint) reminderCommand(c Command) (done bool) {
	switch c.Name {
	case CmdStop:
		s.st.RemindersOff = true
		s.st.Timers = nil
		return false
	case CmdUnreachable:
		was := !s.st.RemindersOff && (len(s.st.Timers) > 0 || len(s.st.Appts) > 0)
		s.st.RemindersOff = true
		s.st.Timers = nil
		if s.st.Status == Active || s.st.Status == Paused || s.st.Status == Takeover {
			s.st.Status = Stopped
			s.st.Stack = nil
			s.st.Pending = ""
			s.st.Check = nil
			s.fx = append(s.fx, Finished{Status: Stopped})
		}
		if was {
			s.fx = append(s.fx, Refer{Priority: flow.Routine, Flow: s.st.Flow, Trigger: "unreachable",
				Reason: "The platform refused a message to the patient (they blocked the bot or left); their reminders are stopped"})
		}
		return true
	case CmdAppointments:
		s.listAppointments()
		return true
	case CmdReminders:
		switch strings.ToLower(strings.TrimSpace(c.Arg)) {
		case "off":
			s.st.RemindersOff = true
			s.st.Timers = nil
		case "on":
			s.st.RemindersOff = false
		}
		if s.st.RemindersOff {
			s.sayCatalog(catalog.RemindersOff)
		} else {
			s.sayCatalog(catalog.RemindersOn)
		}
		return true
	}
	return false
}

// listAppointments sends the appointments ahead, in each one's time zone.
func (s *sprint) listAppointments() {
	var lines []string
	for _, a := range s.st.Appts {
		if a.At.Before(s.in.Now) {
			continue
		}
		loc := s.schedules().Location(a.TZ)
		if a.TZ == "" {
			loc = s.loc()
		}
		label := a.Kind
		if sch := s.schedules(); sch != nil {
			if t := sch.Kinds[a.Kind]; len(t) > 0 {
				label = s.text(t, nil)
			}
		}
		lines = append(lines, fmt.Sprintf("• %s (%s): %s", a.At.In(loc).Format("2006-01-02 15:04"), loc, label))
	}
	if len(lines) == 0 {
		s.sayCatalog(catalog.NoAppointments)
		return
	}
	s.sayCatalog(catalog.Appointments, strings.Join(lines, "\n"))
}

// human writes a duration in whole days, or hours under two days.
func human(d time.Duration) string {
	if d >= 48*time.Hour {
		return fmt.Sprintf("%d days", int(d/(24*time.Hour)))
	}
	return fmt.Sprintf("%d hours", int(d/time.Hour))
}
