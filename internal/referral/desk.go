package referral

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/runner"
)

// Texts of the staff desk (English; staff-facing).
const (
	textRefused   = "Sorry, only the clinic's care team listed in clinic.yaml can act on referrals."
	textElsewhere = "Staff buttons and commands work only in the clinic's staff group or channel."
	textNotFound  = "No referral %s. /referrals lists the open ones."
	textHelp      = "Staff commands: /referrals (open list), /referral <id> (show), /status <id> <acknowledged|contacted|closed>, /note <id> <text>, /takeover <id> (write with the patient), /say <id> <text>, /handback <id>, /weblogin (a sign-in link to the web view, when it runs)"
)

// Desk handles what staff do in their destinations: button presses on
// referral messages and the commands /referrals, /referral <id>,
// /status <id> <status> and /note <id> <text>. Only staff listed in
// clinic.yaml (by Telegram or Discord user id) may act; everyone else is
// refused politely. It implements runner.StaffDesk.
//
// With WithPatients, staff may also take a patient's conversation over
// (takeover.go): /takeover <id>, /say <id> <text> (or, in Telegram, a
// reply to the referral's messages), /handback <id>, and the buttons
// "r:takeover:<id>" and "r:handback:<id>".
type Desk struct {
	n        *Notifier
	patients runner.Patients
}

var _ runner.StaffDesk = (*Desk)(nil)

// DeskOption configures a Desk.
type DeskOption func(*Desk)

// WithPatients lets staff take patients' conversations over, applying
// their actions through p (the runner). Without it the takeover commands
// answer that they are not available.
func WithPatients(p runner.Patients) DeskOption { return func(d *Desk) { d.patients = p } }

// NewDesk returns the desk of n's referrals.
func NewDesk(n *Notifier, opts ...DeskOption) *Desk {
	d := &Desk{n: n}
	for _, o := range opts {
		o(d)
	}
	return d
}

// IsStaffDest reports whether dest is one of clinic.yaml's destinations for
// channel.
func (d *Desk) IsStaffDest(channel, dest string) bool {
	cl, err := d.n.clinic(context.Background())
	if err != nil || cl == nil {
		return false
	}
	for _, x := range cl.Destinations {
		if x.Channel == channel && x.ID == dest {
			return true
		}
	}
	return false
}

var _ runner.StaffRoster = (*Desk)(nil)

// IsStaffMember reports whether user is on clinic.yaml's staff list for
// channel; it implements runner.StaffRoster.
func (d *Desk) IsStaffMember(channel, user string) bool {
	cl, err := d.n.clinic(context.Background())
	if err != nil || cl == nil {
		return false
	}
	return member(cl, runner.StaffInput{Channel: channel, User: user}) != nil
}

// member finds the staff member acting, or nil.
func member(cl *flow.Clinic, in runner.StaffInput) *flow.StaffMember {
	if in.User == "" {
		return nil
	}
	for i, s := range cl.Staff {
		switch in.Channel {
		case "telegram":
			if s.Telegram == in.User {
				return &cl.Staff[i]
			}
		case "discord":
			if s.Discord == in.User {
				return &cl.Staff[i]
			}
		}
	}
	return nil
}

// HandleStaff performs a press or a command. A person not on the staff
// list gets Refused with a polite text, and nothing changes. Unknown
// referrals and malformed commands get a text saying so. The error is for
// storage failures only.
func (d *Desk) HandleStaff(ctx context.Context, in runner.StaffInput) (runner.StaffReply, error) {
	cl, err := d.n.clinic(ctx)
	if err != nil {
		return runner.StaffReply{}, err
	}
	// Both checks, whatever the channel checked: the event comes from a
	// staff destination, and from a person on the staff list.
	if !d.IsStaffDest(in.Channel, in.Dest) {
		d.n.log.Info("staff action refused: not from a staff destination", "channel", in.Channel, "user", runner.LogID(in.Channel+":"+in.User))
		return runner.StaffReply{Text: textElsewhere, Refused: true}, nil
	}
	who := member(cl, in)
	if who == nil {
		d.n.log.Info("staff action refused: not on the staff list", "channel", in.Channel, "user", runner.LogID(in.Channel+":"+in.User))
		return runner.StaffReply{Text: textRefused, Refused: true}, nil
	}
	return d.handle(ctx, in, who)
}

// handle performs in for the staff member who, checked by the caller.
func (d *Desk) handle(ctx context.Context, in runner.StaffInput, who *flow.StaffMember) (runner.StaffReply, error) {
	user := in.Channel + ":" + in.User
	if in.Press != "" {
		parts := strings.SplitN(in.Press, ":", 3)
		if len(parts) != 3 || parts[0] != "r" {
			return runner.StaffReply{Text: "Unknown button."}, nil
		}
		var st Status
		switch parts[1] {
		case "ack":
			st = StatusAcknowledged
		case "contacted":
			st = StatusContacted
		case "close":
			st = StatusClosed
		case "takeover":
			return d.takeover(ctx, in, parts[2], who.Name)
		case "handback":
			return d.staffAction(ctx, in, parts[2], who.Name, engine.StaffHandback, "")
		default:
			return runner.StaffReply{Text: "Unknown button."}, nil
		}
		return d.setStatus(ctx, parts[2], st, who.Name, user)
	}
	args := strings.Fields(in.Args)
	switch strings.ToLower(in.Command) {
	case "referrals":
		open, err := d.n.store.Open(ctx)
		if err != nil {
			return runner.StaffReply{}, err
		}
		if len(open) == 0 {
			return runner.StaffReply{Text: "No open referrals."}, nil
		}
		lines := []string{fmt.Sprintf("Open referrals (%d):", len(open))}
		for _, r := range open {
			lines = append(lines, fmt.Sprintf("• %s %s %s · %s · %s", r.ID, r.Priority, r.Status(),
				r.Created.In(d.n.loc).Format("2006-01-02 15:04"), r.Trigger))
			if len(lines) >= 40 {
				lines = append(lines, fmt.Sprintf("… and %d more", len(open)-39))
				break
			}
		}
		return runner.StaffReply{Text: strings.Join(lines, "\n")}, nil
	case "referral":
		if len(args) != 1 {
			return runner.StaffReply{Text: "Usage: /referral <id>"}, nil
		}
		r, err := d.n.store.Get(ctx, args[0])
		if errors.Is(err, ErrNotFound) {
			return runner.StaffReply{Text: fmt.Sprintf(textNotFound, args[0])}, nil
		}
		if err != nil {
			return runner.StaffReply{}, err
		}
		d.n.log.Info("referral viewed", "referral", r.ID, "by", user)
		return runner.StaffReply{Text: Detail(r, d.n.loc)}, nil
	case "status":
		if len(args) != 2 {
			return runner.StaffReply{Text: "Usage: /status <id> <acknowledged|contacted|closed>"}, nil
		}
		st, ok := ParseStatus(args[1])
		if !ok || st == StatusNew {
			return runner.StaffReply{Text: "Status must be acknowledged, contacted or closed."}, nil
		}
		return d.setStatus(ctx, args[0], st, who.Name, user)
	case "note":
		if len(args) < 2 {
			return runner.StaffReply{Text: "Usage: /note <id> <text>"}, nil
		}
		id := args[0]
		text := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(in.Args), id))
		_, err := d.n.store.AddNote(ctx, id, Note{By: who.Name, User: user, At: d.n.now(), Text: text})
		if errors.Is(err, ErrNotFound) {
			return runner.StaffReply{Text: fmt.Sprintf(textNotFound, id)}, nil
		}
		if err != nil {
			return runner.StaffReply{}, err
		}
		return runner.StaffReply{Text: fmt.Sprintf("Note added to referral %s.", id)}, nil
	case "takeover":
		if len(args) != 1 {
			return runner.StaffReply{Text: "Usage: /takeover <id>"}, nil
		}
		return d.takeover(ctx, in, args[0], who.Name)
	case "handback":
		if len(args) != 1 {
			return runner.StaffReply{Text: "Usage: /handback <id>"}, nil
		}
		return d.staffAction(ctx, in, args[0], who.Name, engine.StaffHandback, "")
	case "say":
		if len(args) < 2 {
			return runner.StaffReply{Text: "Usage: /say <id> <text>"}, nil
		}
		text := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(in.Args), args[0]))
		return d.staffAction(ctx, in, args[0], who.Name, engine.StaffSay, text)
	case "reply":
		return d.reply(ctx, in, who.Name)
	case "appointment":
		return d.appointment(ctx, in, args)
	}
	return runner.StaffReply{Text: textHelp}, nil
}

// setStatus changes the status and updates every posting of the referral.
func (d *Desk) setStatus(ctx context.Context, id string, st Status, name, user string) (runner.StaffReply, error) {
	r, err := d.n.store.SetStatus(ctx, id, st, name, user, d.n.now())
	switch {
	case errors.Is(err, ErrNotFound):
		return runner.StaffReply{Text: fmt.Sprintf(textNotFound, id)}, nil
	case errors.Is(err, ErrSameStatus):
		r, err = d.n.store.Get(ctx, id)
		if err != nil {
			return runner.StaffReply{}, err
		}
		return runner.StaffReply{Text: StatusLine(r, d.n.loc)}, nil
	case err != nil:
		return runner.StaffReply{}, err
	}
	if !slices.Contains([]Status{StatusNew}, st) {
		// Acknowledged or later: nothing more to escalate.
		d.n.store.Unschedule(ctx, id)
	}
	d.n.log.Info("referral status changed", "referral", id, "status", st, "by", user)
	d.n.Refresh(ctx, r)
	return runner.StaffReply{Text: StatusLine(r, d.n.loc)}, nil
}
