package referral

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kapbot/kapbot/internal/appointment"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/runner"
)

const textAppointmentUsage = "Usage: /appointment <referral id or tg:/dc: patient> <YYYY-MM-DD HH:MM | +2d> [kind], or /appointment <referral id or patient> cancel <appointment id>"

// appointment records a patient's session from a staff destination:
// /appointment <referral or patient> <when> [kind], or cancels one:
// /appointment <referral or patient> cancel <id>. It goes through the
// patient's session (d.patients), so clinic.yaml's schedules: remind them.
func (d *Desk) appointment(ctx context.Context, in runner.StaffInput, args []string) (runner.StaffReply, error) {
	cl, err := d.n.clinic(ctx)
	if err != nil {
		return runner.StaffReply{}, err
	}
	if d.patients == nil {
		return runner.StaffReply{Text: "Recording appointments is not available here."}, nil
	}
	sch := cl.Schedules
	if sch == nil {
		return runner.StaffReply{Text: "clinic.yaml has no schedules:, so no reminder would follow an appointment."}, nil
	}
	if len(args) < 2 {
		return runner.StaffReply{Text: textAppointmentUsage}, nil
	}
	patient, label := args[0], args[0]
	if !strings.HasPrefix(patient, "tg:") && !strings.HasPrefix(patient, "dc:") {
		r, err := d.n.store.Get(ctx, args[0])
		if errors.Is(err, ErrNotFound) {
			return runner.StaffReply{Text: fmt.Sprintf(textNotFound, args[0])}, nil
		}
		if err != nil {
			return runner.StaffReply{}, err
		}
		patient, label = r.Patient, "the patient of referral "+r.ID
	}
	now := d.n.now()
	var c engine.AppointmentChange
	var done string
	if strings.EqualFold(args[1], "cancel") {
		if len(args) != 3 {
			return runner.StaffReply{Text: textAppointmentUsage}, nil
		}
		c = engine.AppointmentChange{Cancel: true, Appointment: engine.Appointment{ID: args[2]}}
		done = fmt.Sprintf("Appointment %s of %s cancelled; its reminders will not be sent.", args[2], label)
	} else {
		rest := args[1:]
		kind := "dosing"
		if k := rest[len(rest)-1]; len(rest) > 1 && sch.Kinds[k] != nil {
			kind, rest = k, rest[:len(rest)-1]
		} else if len(sch.Kinds) > 0 && sch.Kinds[kind] == nil {
			kinds := make([]string, 0, len(sch.Kinds))
			for k := range sch.Kinds {
				kinds = append(kinds, k)
			}
			slices.Sort(kinds)
			return runner.StaffReply{Text: fmt.Sprintf("Say the kind last, one of: %s. %s", strings.Join(kinds, ", "), textAppointmentUsage)}, nil
		}
		loc := sch.Location("")
		at, err := appointment.ParseWhen(strings.Join(rest, " "), now, loc)
		if err != nil {
			return runner.StaffReply{Text: fmt.Sprintf("%v. %s", err, textAppointmentUsage)}, nil
		}
		id := appointment.ID(kind, at, loc)
		c = engine.AppointmentChange{Appointment: engine.Appointment{ID: id, Kind: kind, At: at}}
		done = fmt.Sprintf("Recorded for %s: %s on %s (%s), id %s. Reminders follow clinic.yaml's schedules; /appointment %s cancel %s cancels it.",
			label, kind, at.In(loc).Format("2006-01-02 15:04"), loc, id, args[0], id)
	}
	evt := in.MessageID
	if evt == "" {
		evt = fmt.Sprintf("t%d", now.UnixNano())
	}
	err = d.patients.Handle(ctx, runner.Inbound{ID: fmt.Sprintf("staff:%s:%s:%s:appointment", in.Channel, in.Dest, evt), Patient: patient,
		Input: engine.Input{Now: now, Appointment: &c}})
	if errors.Is(err, runner.ErrNoChannel) || errors.Is(err, runner.ErrBadPatient) {
		return runner.StaffReply{Text: "The patient's channel does not run in this bot."}, nil
	}
	if err != nil {
		return runner.StaffReply{}, err
	}
	d.n.log.Info("appointment recorded", "by", in.Channel+":"+in.User, "cancel", c.Cancel)
	return runner.StaffReply{Text: done}, nil
}
