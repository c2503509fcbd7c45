package audit

import (
	"context"
	"strings"

	"github.com/kapbot/kapbot/internal/runner"
)

// Desk wraps a staff desk so that every staff view is recorded: /referrals
// (action "referrals.list") and /referral <id> ("referral.view", target
// the id asked for), by "<channel>:<user id> (<name>)". Refused people and
// failed actions are not recorded (nothing was shown). Recording is best
// effort: a view whose entry cannot be written is still answered, since
// the staff member may be handling an emergency.
func Desk(inner runner.StaffDesk, rec Recorder) runner.StaffDesk {
	return &desk{WrappedDesk: runner.WrappedDesk{StaffDesk: inner}, rec: rec}
}

type desk struct {
	runner.WrappedDesk
	rec Recorder
}

func (d *desk) HandleStaff(ctx context.Context, in runner.StaffInput) (runner.StaffReply, error) {
	reply, err := d.StaffDesk.HandleStaff(ctx, in)
	if err != nil || reply.Refused || in.Press != "" {
		return reply, err
	}
	var e Entry
	switch strings.ToLower(in.Command) {
	case "referrals":
		e = Entry{Action: "referrals.list"}
	case "referral":
		e = Entry{Action: "referral.view", Target: in.Args}
	default:
		return reply, nil
	}
	e.Actor = ActorName(in.Channel+":"+in.User, in.Name)
	d.rec.Record(ctx, e) // best effort: see the doc comment
	return reply, nil
}
