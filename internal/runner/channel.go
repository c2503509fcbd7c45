// Package runner applies patient input to sessions: it loads a session from the
// store, runs the pure engine step, commits the new state with its outbox in one
// atomic write, and then delivers the outbox through the patient's channel.
package runner

import (
	"context"
	"errors"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/store"
)

// Inbound is one patient event, decoded by a channel.
type Inbound struct {
	// ID is unique per platform event and stable across redeliveries, e.g.
	// "tg:m:<chat>:<message_id>" or "tg:cb:<callback_query_id>". The runner
	// applies an ID at most once.
	ID string
	// Patient is the channel-qualified patient id: "tg:<chat id>",
	// "dc:<user id>", "console:<name>". Its prefix up to ':' names the channel
	// whose Sender delivers replies.
	Patient string
	// Locale is the platform's language hint ("en", "de"); "" if unknown. It is
	// used only when a session starts.
	Locale string
	Input  engine.Input
}

// Sender delivers messages to the patients of one channel.
type Sender interface {
	// Send delivers m to the patient and returns once the platform accepted it.
	// It blocks while rate limits require; it returns ErrBlocked when the
	// patient has blocked the bot (the runner then stops the session), and
	// another error when delivery failed and should be retried later. Send must
	// not log the message text.
	Send(ctx context.Context, patient string, m engine.Message) error
}

// ErrBlocked is returned by a Sender when the patient can no longer be reached
// (Telegram 403, Discord DMs closed for good).
var ErrBlocked = errors.New("patient blocked the bot")

// Permanent reports whether an error from Handle will come back on every
// delivery of the same event: stored data that cannot be opened
// (store.ErrUnreadable, which Handle itself answers and so returns only
// when setting the data aside failed in a way that recurs) or a patient id
// the runner cannot route (ErrBadPatient). A channel logs such an event and
// confirms it to the platform instead of retrying it forever.
func Permanent(err error) bool {
	return errors.Is(err, store.ErrUnreadable) || errors.Is(err, ErrBadPatient)
}
