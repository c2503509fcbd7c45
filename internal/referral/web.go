package referral

import (
	"context"

	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/runner"
)

// WebChannel is the Channel of staff actions taken in the web view
// (package web): a takeover started there records its turns on the
// referral only, since there is no chat to post the patient's messages to.
const WebChannel = "web"

// Act performs in (a command or a press, as HandleStaff takes them) for
// the staff member who, whom the caller has already identified in its own
// way (the web view's signed-in session): the destination and staff-list
// checks of HandleStaff are skipped. in.Channel should be WebChannel and
// in.Dest name the web view. The error is for storage failures only.
func (d *Desk) Act(ctx context.Context, who flow.StaffMember, in runner.StaffInput) (runner.StaffReply, error) {
	return d.handle(ctx, in, &who)
}

// Notifier is the desk's notifier (its store, clinic and clock).
func (d *Desk) Notifier() *Notifier { return d.n }
