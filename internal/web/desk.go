package web

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/kapbot/kapbot/internal/runner"
)

// Linker makes one-time sign-in links; *Server is one.
type Linker interface {
	Link(ctx context.Context, staff string) (string, error)
}

var _ Linker = (*Server)(nil)

// Desk wraps a staff desk so that the staff command /weblogin answers with
// a one-time sign-in link to the web view, bound to the staff member who
// sent it. Like every staff command it works only in a staff destination
// and only for people on the staff list (both checked with
// runner.StaffAllowed); everything else goes to inner.
func Desk(inner runner.StaffDesk, links Linker) runner.StaffDesk {
	return &desk{WrappedDesk: runner.WrappedDesk{StaffDesk: inner}, links: links}
}

type desk struct {
	runner.WrappedDesk
	links Linker
}

// Texts of /weblogin (staff-facing).
const (
	textLink    = "Your sign-in link to the web view, for you alone: it works once, within %d minutes.\n%s"
	textNoLink  = "Sorry, only the clinic's care team listed in clinic.yaml can sign in to the web view."
	textLinkErr = "Sorry, no sign-in link could be made just now; please try again."
)

func (d *desk) HandleStaff(ctx context.Context, in runner.StaffInput) (runner.StaffReply, error) {
	if in.Press != "" || strings.ToLower(in.Command) != "weblogin" {
		return d.StaffDesk.HandleStaff(ctx, in)
	}
	if ok, _ := runner.StaffAllowed(d.StaffDesk, in); !ok {
		return runner.StaffReply{Text: textNoLink, Refused: true}, nil
	}
	url, err := d.links.Link(ctx, in.Channel+":"+in.User)
	if errors.Is(err, ErrNotStaff) {
		return runner.StaffReply{Text: textNoLink, Refused: true}, nil
	}
	if err != nil {
		return runner.StaffReply{Text: textLinkErr}, err
	}
	mins := DefaultLinkTTL
	if s, ok := d.links.(*Server); ok {
		mins = s.cfg.LinkTTL
	}
	return runner.StaffReply{Text: fmt.Sprintf(textLink, int(mins.Minutes()), url)}, nil
}
