package runner

import (
	"context"
	"errors"
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
	// "referral", "status", "note") and Args what followed it; or Press is
	// the data of the pressed button (with MessageID, the message it is on).
	Command   string
	Args      string
	Press     string
	MessageID string
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

// ErrNotStaff is what a StaffDesk's HandleStaff wraps when the person is not
// on the clinic's staff list.
var ErrNotStaff = errors.New("not on the clinic's staff list")
