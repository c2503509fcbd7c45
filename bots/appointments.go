package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/kapbot/kapbot/internal/appointment"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/termsafe"
)

const appointmentsUsage = `Usage:
  kapbot appointments add USER WHEN [--kind KIND] [--tz ZONE] [--id ID]
  kapbot appointments list USER [--json]
  kapbot appointments cancel USER ID
  kapbot appointments import FILE.csv
USER is a console name (alice) or a channel id (tg:123456789, dc:234567890123456789).
WHEN is YYYY-MM-DD HH:MM in ZONE (default: the clinic's schedules: time_zone),
an RFC 3339 time with its offset, or +DURATION (+2d, +90m). Recording an ID
again moves that appointment; without --id the id is KIND-YYYYMMDDTHHMM.
The CSV has a header naming the columns id, patient, kind, start, and
optionally time_zone and status (booked or cancelled); importing it again
changes nothing. Every problem is printed as FILE:LINE: what, and then
nothing is recorded.
`

// cmdAppointments records patients' appointments, from which
// clinic.yaml's schedules: remind them. The appointment goes through the
// patient's session (sealed, erased with it); serve fires the reminders.
func cmdAppointments(ctx context.Context, cfg Config, args []string, s stdio) error {
	if len(args) == 0 {
		return usagef("appointments: say add, list, cancel or import (kapbot appointments --help)")
	}
	sub := args[0]
	if sub == "-h" || sub == "--help" || sub == "help" {
		fmt.Fprint(s.out, appointmentsUsage)
		return errHelp
	}
	synopsis := "kapbot appointments " + sub + " ..."
	if _, rest, ok := strings.Cut(appointmentsUsage, "kapbot appointments "+sub+" "); ok {
		line, _, _ := strings.Cut(rest, "\n")
		synopsis = "kapbot appointments " + sub + " " + line
	}
	fs := newFlags("appointments "+sub, synopsis, s)
	kind := fs.String("kind", "dosing", "appointment kind (clinic.yaml schedules: kinds)")
	tz := fs.String("tz", "", "time zone of WHEN (default: the clinic's)")
	id := fs.String("id", "", "the scheduler's id of the appointment")
	asJSON := fs.Bool("json", false, "print JSON")
	who := fs.String("actor", "", "who looks, for the audit log (default $USER)")
	pos, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	want := map[string]int{"add": 2, "list": 1, "cancel": 2, "import": 1}
	n, ok := want[sub]
	if !ok {
		return usagef("appointments %s: unknown; say add, list, cancel or import", sub)
	}
	if len(pos) != n {
		return usagef("appointments %s: %s", sub, strings.SplitN(strings.SplitN(appointmentsUsage, "appointments "+sub, 2)[1], "\n", 2)[0])
	}
	be, err := cfg.open(ctx, false, func(m string) { fmt.Fprintln(s.err, "kapbot:", m) })
	if err != nil {
		return err
	}
	defer be.Close()
	lib := runner.NewLibrary(be.store)
	eng, err := lib.Current(ctx)
	if err != nil {
		return err
	}
	sch := eng.Bundle().Clinic.Schedules
	if sch == nil && sub != "list" {
		return usagef("appointments: the published clinic.yaml has no schedules:, so no reminder would follow; add them and run kapbot flows push")
	}
	// The delivery lock serve's replicas take: a serve delivering the
	// patient's outbox meanwhile never acknowledges the reminders this arms.
	r := runner.New(be.store, lib, runner.WithDeliveryLock(be.store))
	now := time.Now()
	// record applies c unless the patient's state shows it already (the
	// same appointment at the same time, or a cancelled one gone), and
	// reports whether it changed anything. The state check, not the
	// inbound ID, makes a repeated add or import harmless: the ID is new
	// each time, so an appointment cancelled before can be booked again at
	// the same time, and cancelled again.
	record := func(patient string, c engine.AppointmentChange) (bool, error) {
		st, err := r.State(ctx, patient)
		if err != nil {
			return false, err
		}
		i := slices.IndexFunc(st.Appts, func(a engine.Appointment) bool { return a.ID == c.Appointment.ID })
		if c.Cancel && i < 0 {
			return false, nil
		}
		if a := c.Appointment; !c.Cancel && i >= 0 && st.Appts[i].At.Equal(a.At) && st.Appts[i].Kind == a.Kind && st.Appts[i].TZ == a.TZ {
			return false, nil
		}
		op := "set"
		if c.Cancel {
			op = "cancel"
		}
		return r.Apply(ctx, runner.Inbound{ID: fmt.Sprintf("appt:%s:%s:%d", op, c.Appointment.ID, now.UnixNano()), Patient: patient,
			Input: engine.Input{Now: now, Appointment: &c}})
	}
	switch sub {
	case "add":
		p := patientID(pos[0])
		if _, ok := sch.Kinds[*kind]; len(sch.Kinds) > 0 && !ok {
			return usagef("--kind %s: not in clinic.yaml's schedules: kinds (%s)", *kind, strings.Join(kindNames(sch), ", "))
		}
		if *tz != "" {
			if _, err := time.LoadLocation(*tz); err != nil {
				return usagef("--tz %q: not a time zone name; use an IANA name such as America/New_York", *tz)
			}
		}
		loc := sch.Location(*tz)
		at, err := appointment.ParseWhen(pos[1], now, loc)
		if err != nil {
			return usagef("appointments add: WHEN %v", err)
		}
		if *id == "" {
			*id = appointment.ID(*kind, at, loc)
		} else if msg := appointment.CheckID(*id); msg != "" {
			return usagef("--%s", msg)
		}
		applied, err := record(p, engine.AppointmentChange{Appointment: engine.Appointment{ID: *id, Kind: *kind, At: at, TZ: *tz}})
		if err != nil {
			return err
		}
		note := ""
		if !applied {
			note = " (already recorded; nothing changed)"
		}
		fmt.Fprintf(s.out, "%s: %s %s at %s (%s)%s\n", termsafe.Line(p), *kind, *id, at.In(loc).Format("2006-01-02 15:04"), loc, note)
		return nil
	case "cancel":
		p := patientID(pos[0])
		st, err := r.State(ctx, p)
		if err != nil {
			return err
		}
		found := false
		for _, a := range st.Appts {
			found = found || a.ID == pos[1]
		}
		if !found {
			return fmt.Errorf("%s has no appointment %s (kapbot appointments list %s)", termsafe.Line(p), termsafe.Line(pos[1]), termsafe.Line(pos[0]))
		}
		if _, err := record(p, engine.AppointmentChange{Cancel: true, Appointment: engine.Appointment{ID: pos[1]}}); err != nil {
			return err
		}
		fmt.Fprintf(s.out, "%s: appointment %s cancelled; its reminders will not be sent\n", termsafe.Line(p), termsafe.Line(pos[1]))
		return nil
	case "import":
		f, err := os.Open(pos[0])
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		defer f.Close()
		rows, problems := appointment.ReadCSV(pos[0], f, kindNames(sch), sch.TimeZone, now)
		for _, p := range problems {
			fmt.Fprintln(s.err, p)
		}
		if len(problems) > 0 {
			fmt.Fprintf(s.err, "%s: %d problems; nothing recorded\n", pos[0], len(problems))
			return errReported
		}
		changed := 0
		for _, row := range rows {
			applied, err := record(patientID(row.Patient), row.Change())
			if err != nil {
				return fmt.Errorf("%s:%d: %w (lines before it are recorded; run the import again)", pos[0], row.Line, err)
			}
			if applied {
				changed++
			}
		}
		fmt.Fprintf(s.out, "%d appointments recorded from %s: %d new or changed, %d already recorded as they are\n", len(rows), pos[0], changed, len(rows)-changed)
		return nil
	}
	// list
	by, err := actor(*who)
	if err != nil {
		return err
	}
	p := patientID(pos[0])
	if err := recordAudit(ctx, be, by, "appointments.view", auditPatient(p)); err != nil {
		return err
	}
	st, err := r.State(ctx, p)
	if err != nil {
		return err
	}
	if *asJSON {
		out := struct {
			Appointments []engine.Appointment `json:"appointments"`
			Reminders    []engine.Timer       `json:"reminders"`
			Off          bool                 `json:"reminders_off"`
		}{append([]engine.Appointment{}, st.Appts...), append([]engine.Timer{}, st.Timers...), st.RemindersOff}
		return writeJSON(s.out, out, true)
	}
	loc := sch.Location(st.TZ)
	if len(st.Appts) == 0 {
		fmt.Fprintf(s.out, "%s: no appointments\n", termsafe.Line(p))
	}
	for _, a := range st.Appts {
		fmt.Fprintf(s.out, "%s  %-12s %s\n", a.At.In(loc).Format("2006-01-02 15:04 MST"), termsafe.Line(a.Kind), termsafe.Line(a.ID))
	}
	if st.RemindersOff {
		fmt.Fprintln(s.out, "reminders are off (/stop, /reminders off, or the platform refused the patient)")
	}
	timers := append([]engine.Timer{}, st.Timers...)
	sort.Slice(timers, func(i, j int) bool { return timers[i].At.Before(timers[j].At) })
	for _, t := range timers {
		fmt.Fprintf(s.out, "reminder %s  %s\n", t.At.In(loc).Format("2006-01-02 15:04 MST"), termsafe.Line(t.Key))
	}
	return nil
}

func kindNames(sch *flow.Schedules) []string {
	var out []string
	for k := range sch.Kinds {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// cmdSchedules prints clinic.yaml's schedules: the rules in words, the
// quiet hours, the nudges.
func cmdSchedules(ctx context.Context, cfg Config, args []string, s stdio) error {
	if len(args) == 0 || args[0] != "show" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprint(s.out, "Usage:\n  kapbot schedules show [--flows DIR]\nPrints clinic.yaml's schedules: (of DIR, or of ./flows, or the built-in samples) in words.\n")
			return errHelp
		}
		return usagef("schedules: say show (kapbot schedules --help)")
	}
	fs := newFlags("schedules show", "kapbot schedules show [--flows DIR]", s)
	dir := fs.String("flows", "", "flow folder (default: ./flows if present, else the built-in samples)")
	if _, err := parse(fs, args[1:]); err != nil {
		return err
	}
	b, err := compileFlows(*dir, s.err)
	if err != nil {
		return err
	}
	sch := b.Clinic.Schedules
	if sch == nil {
		fmt.Fprintf(s.out, "no schedules: in clinic.yaml; the bot writes only when written to\n")
		return nil
	}
	tz := sch.TimeZone
	if tz == "" {
		tz = "UTC (no time_zone)"
	}
	fmt.Fprintf(s.out, "time zone    %s (a patient's own when known)\n", tz)
	if sch.QuietFrom != sch.QuietTo {
		fmt.Fprintf(s.out, "quiet hours  %02d:%02d-%02d:%02d: a reminder due then waits until they end\n", sch.QuietFrom/60, sch.QuietFrom%60, sch.QuietTo/60, sch.QuietTo%60)
	}
	for _, k := range kindNames(sch) {
		fmt.Fprintf(s.out, "kind         %s: %s\n", k, sch.Kinds[k].In(b.Clinic.DefaultLocale))
	}
	for _, r := range sch.Rules {
		fmt.Fprintf(s.out, "rule         %s\n", r)
	}
	if nu := sch.Nudge; nu != nil {
		var after []string
		for _, d := range nu.After {
			after = append(after, flow.HumanDuration(d))
		}
		flows := "every flow"
		if len(nu.Flows) > 0 {
			flows = strings.Join(nu.Flows, ", ")
		}
		fmt.Fprintf(s.out, "nudge        %s: the waiting question again after %s of silence\n", flows, strings.Join(after, ", then "))
		if len(nu.Refer) > 0 {
			fmt.Fprintf(s.out, "quiet        %s: a referral note %s after the last nudge\n", strings.Join(nu.Refer, ", "), flow.HumanDuration(nu.ReferAfter))
		}
	}
	return nil
}
