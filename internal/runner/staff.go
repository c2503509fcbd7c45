package runner

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/kapbot/kapbot/internal/engine"
)

// StaffMessage is a message for the clinic's staff (a referral notification,
// an answer to a staff command): plain text, never shown to a patient, and
// optional buttons. Channels draw the text literally (escaped) and never log
// it: a referral summary holds patient answers.
type StaffMessage struct {
	Text    string
	Buttons []StaffButton
}

// StaffButton is one button of a staff message. Data comes back in a
// StaffInput.Press when pressed; it is at most 48 bytes and starts with "r:"
// ("r:ack:<referral id>").
type StaffButton struct {
	Label string
	Data  string
}

// StaffSender posts staff messages to a staff destination: a Telegram group
// chat id or a Discord channel id, as clinic.yaml's destinations name them.
// The Telegram and Discord channels implement it.
type StaffSender interface {
	// SendStaff posts m to dest and returns the platform's message id once
	// the platform accepted it. An error means it was not (or may not have
	// been) posted: the caller retries later.
	SendStaff(ctx context.Context, dest string, m StaffMessage) (msgID string, err error)
	// EditStaff replaces the text and buttons of an earlier staff message.
	EditStaff(ctx context.Context, dest, msgID string, m StaffMessage) error
}

// StaffInput is something a person did in a staff destination: a command
// typed there, or a press of a staff button.
type StaffInput struct {
	Channel string   // "telegram" or "discord"
	Dest    string   // the chat or channel id it happened in
	User    string   // the platform user id of who did it
	Name    string   // their display name, as the platform gives it
	Roles   []string // Discord role ids of the member, if known
	// Command is a staff command without the slash ("referrals",
	// "referral", "status", "note", "takeover", "say", "handback") and Args
	// what followed it, with MessageID the platform's id of the command
	// message or interaction; or Press is the data of the pressed button
	// (with MessageID, the message it is on).
	Command   string
	Args      string
	Press     string
	MessageID string
	// ReplyTo is the staff message a typed message answers (Telegram's
	// reply), with Command "reply" and Args the text typed.
	ReplyTo string
}

// StaffReply is the answer to a StaffInput: Text is posted to the staff
// destination after a command, or shown briefly to the person who pressed a
// button (at most 200 characters). Refused says the person may not act.
type StaffReply struct {
	Text    string
	Refused bool
}

// StaffDesk handles what staff do in their destinations. Channels route
// every event from a staff destination, and every press of a staff button,
// to it, never to the patient engine.
type StaffDesk interface {
	// IsStaffDest reports whether dest is a staff destination of channel
	// ("telegram" or "discord").
	IsStaffDest(channel, dest string) bool
	// HandleStaff performs in. An error means it could not be done now
	// (storage failed); the reply to show is then a generic apology.
	HandleStaff(ctx context.Context, in StaffInput) (StaffReply, error)
}

// StaffRoster is what a StaffDesk may also tell: whether user (a platform
// user id) is on the clinic's staff list for channel. Channels check it,
// with IsStaffDest, before they hand an event to HandleStaff; a desk
// checks both again.
type StaffRoster interface {
	IsStaffMember(channel, user string) bool
}

// WrappedDesk is the base of a desk that wraps another: embedded in the
// wrapper, it passes every call on, and keeps the wrapped desk's staff
// list visible to StaffAllowed.
type WrappedDesk struct{ StaffDesk }

// IsStaffMember asks the wrapped desk when it keeps a roster.
func (d WrappedDesk) IsStaffMember(channel, user string) bool {
	r, ok := d.StaffDesk.(StaffRoster)
	return !ok || r.IsStaffMember(channel, user)
}

// StaffAllowed reports whether the staff event in may go to d: it comes
// from a staff destination of its channel and, when d is a StaffRoster,
// from a person on the staff list. why says which check failed
// ("destination" or "user"), for logs and replies.
func StaffAllowed(d StaffDesk, in StaffInput) (ok bool, why string) {
	if !d.IsStaffDest(in.Channel, in.Dest) {
		return false, "destination"
	}
	if r, isRoster := d.(StaffRoster); isRoster && !r.IsStaffMember(in.Channel, in.User) {
		return false, "user"
	}
	return true, ""
}

// ErrNotStaff is what a StaffDesk's HandleStaff wraps when the person is not
// on the clinic's staff list.
var ErrNotStaff = errors.New("not on the clinic's staff list")

// Relayed is one turn of a human takeover (see engine.StaffAction), as the
// runner hands it to the Relayer after the commit: who took over or handed
// back, or a message between the patient and the staff. ID is stable
// (inbound id and effect index), so a Relayer can drop a repeat after a
// crash. Text is health data: never log it.
type Relayed struct {
	ID       string           `json:"id"`
	Referral string           `json:"referral"`
	Patient  string           `json:"patient"`
	Kind     engine.RelayKind `json:"kind"`
	Text     string           `json:"text,omitempty"`
	By       string           `json:"by,omitempty"` // staff name; "" for the patient
	Channel  string           `json:"channel,omitempty"`
	Dest     string           `json:"dest,omitempty"`
	User     string           `json:"user,omitempty"`
	At       time.Time        `json:"at"`
}

// Relayer records the turns of human takeovers and posts the patient's
// messages to the staff. It is an optional ability of the Referrer
// (WithReferrer): a referrer that implements it gets every Relayed, from
// the patient's outbox, in order with the patient's other messages, at
// least once. An error leaves it in the outbox for a retry.
type Relayer interface {
	Relay(ctx context.Context, m Relayed) error
}

func relayed(in Inbound, i int, e engine.Relay) *Relayed {
	return &Relayed{ID: fmt.Sprintf("%s#%d", in.ID, i), Referral: e.Referral, Patient: in.Patient, Kind: e.Kind, Text: e.Text,
		By: e.By, Channel: e.Channel, Dest: e.Dest, User: e.User, At: in.Input.Now}
}

// relay hands m to the referrer when it is a Relayer; without one the
// turn is logged (without its text) and dropped.
func (r *Runner) relay(ctx context.Context, m Relayed) error {
	rl, ok := r.referrer.(Relayer)
	if !ok {
		r.log.Warn("takeover turn not recorded: no relayer", "referral", m.Referral, "kind", m.Kind)
		return nil
	}
	return rl.Relay(ctx, m)
}

// Patients applies staff actions to patients' conversations: *Runner
// implements it with Handle. The staff desk gives each action an Inbound
// with an ID stable for the staff event it came from (so it is applied
// once) and Input.Staff set.
type Patients interface {
	Handle(ctx context.Context, in Inbound) error
}

var _ Patients = (*Runner)(nil)

// StaffPhotoSender is an optional ability of a StaffSender: posting an
// image (a PNG chart) with a short caption to a staff destination.
type StaffPhotoSender interface {
	SendStaffPhoto(ctx context.Context, dest string, png []byte, caption string) (msgID string, err error)
}

// Eraser is an optional ability of the Referrer (WithReferrer): erasing
// everything it keeps about a patient. When the patient asks to be
// forgotten the runner calls it before erasing the session, and keeps the
// Forget job in the outbox (retried by Redeliver) until both succeeded, so
// an erasure cut short by a crash is finished later. ErasePatient must be
// idempotent.
type Eraser interface {
	ErasePatient(ctx context.Context, patient string) error
}
