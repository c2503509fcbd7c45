package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kapbot/kapbot/internal/appointment"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/runner"
)

// demoClockSpeed is kapbot demo's --clock-speed.
var demoClockSpeed = 1.0

// compressedClock returns a clock that starts now and runs speed times
// faster than real time.
func compressedClock(speed float64) func() time.Time {
	start := time.Now()
	return func() time.Time {
		return start.Add(time.Duration(float64(time.Since(start)) * speed))
	}
}

// demoAppointments lets the demo's patient play the care team:
// "/appointment [WHEN] [KIND]" books a session (default: a dosing session
// two days and a minute ahead, so the preparation arrives a minute later
// on the demo's clock) and says which reminders it armed and when. Other
// input goes to r.
func demoAppointments(r *runner.Runner, lib *runner.Library, now func() time.Time, s stdio) func(context.Context, runner.Inbound) error {
	n := 0
	return func(ctx context.Context, in runner.Inbound) error {
		rest, ok := strings.CutPrefix(strings.TrimSpace(in.Input.Text), "/appointment")
		if !ok || (rest != "" && rest[0] != ' ') {
			return r.Handle(ctx, in)
		}
		eng, err := lib.Current(ctx)
		if err != nil {
			return err
		}
		sch := eng.Bundle().Clinic.Schedules
		if sch == nil {
			fmt.Fprintln(s.err, "(demo) clinic.yaml has no schedules:, so an appointment brings no reminders")
			return nil
		}
		fields := strings.Fields(rest)
		kind := "dosing"
		if len(fields) > 0 && sch.Kinds[fields[len(fields)-1]] != nil {
			kind, fields = fields[len(fields)-1], fields[:len(fields)-1]
		}
		loc := sch.Location("")
		t := now()
		at := t.Add(48*time.Hour + time.Minute)
		if len(fields) > 0 {
			if at, err = appointment.ParseWhen(strings.Join(fields, " "), t, loc); err != nil {
				fmt.Fprintf(s.err, "(demo) /appointment [WHEN] [KIND]: WHEN %v\n", err)
				return nil
			}
		}
		n++
		c := engine.AppointmentChange{Appointment: engine.Appointment{ID: appointment.ID(kind, at, loc), Kind: kind, At: at}}
		if err := r.Handle(ctx, runner.Inbound{ID: fmt.Sprintf("%s:appt%d", in.ID, n), Patient: in.Patient, Input: engine.Input{Now: t, Appointment: &c}}); err != nil {
			return err
		}
		fmt.Fprintf(s.err, "(demo) the care team booked a %s session for %s (%s); the clock runs %gx real time\n",
			kind, at.In(loc).Format("Mon 2006-01-02 15:04"), loc, demoClockSpeed)
		if st, err := r.State(ctx, in.Patient); err == nil {
			for _, tm := range st.Timers {
				wait := time.Duration(float64(tm.At.Sub(t)) / demoClockSpeed).Round(time.Second)
				fmt.Fprintf(s.err, "(demo)   reminder %s at %s: in %s of real time\n", tm.Key, tm.At.In(loc).Format("Mon 15:04"), wait)
			}
		}
		fmt.Fprintln(s.err, "(demo) a reminder that starts a flow waits an hour while you are answering another one")
		if sch.QuietFrom != sch.QuietTo {
			fmt.Fprintf(s.err, "(demo) none is sent in the quiet hours, %02d:%02d-%02d:%02d %s: one due then waits until they end\n",
				sch.QuietFrom/60, sch.QuietFrom%60, sch.QuietTo/60, sch.QuietTo%60, loc)
		}
		return nil
	}
}
