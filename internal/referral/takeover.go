package referral

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/runner"
)

// A human takeover: a staff member takes a referral's patient conversation
// over from a staff destination (/takeover <id>), writes to the patient
// through the bot (/say <id> <text>, or in Telegram a reply to the
// referral's messages), and hands back (/handback <id>). The engine pauses
// the flow meanwhile (engine.Takeover) and turns every turn into a
// runner.Relayed, delivered from the patient's outbox to Notifier.Relay,
// which records it on the referral (sealed with it) and posts the patient's
// messages to the destination of the takeover.

// Takeover is who writes with the patient now, and from where.
type Takeover struct {
	By      string    `json:"by"`
	User    string    `json:"user,omitempty"` // "telegram:<id>" or "discord:<id>"
	Channel string    `json:"channel"`
	Dest    string    `json:"dest"`
	At      time.Time `json:"at"`
}

// Relay is one recorded turn of a takeover: taken over, handed back, a
// message from the staff or from the patient (health data), or a staff
// message that was not delivered because the conversation was no longer
// taken over.
type Relay struct {
	ID    string           `json:"id"` // the runner's, for de-duplication
	Kind  engine.RelayKind `json:"kind"`
	By    string           `json:"by,omitempty"` // staff name; "" for the patient
	User  string           `json:"user,omitempty"`
	At    time.Time        `json:"at"`
	Text  string           `json:"text,omitempty"`
	MsgID string           `json:"msg,omitempty"` // the staff post of a patient's message
	// Channel and Dest are where MsgID was posted (erase.go overwrites it).
	Channel string `json:"channel,omitempty"`
	Dest    string `json:"dest,omitempty"`
}

var _ runner.Relayer = (*Notifier)(nil)

// Relay records m on its referral, once however often it comes, and posts
// a patient's message to the destination of the takeover. It implements
// runner.Relayer. A referral that does not exist is logged and skipped;
// other errors (a failed post, storage) make the runner retry. A crash
// after the post and before the record posts it once more.
func (n *Notifier) Relay(ctx context.Context, m runner.Relayed) error {
	r, err := n.store.Get(ctx, m.Referral)
	if errors.Is(err, ErrNotFound) {
		n.log.Warn("takeover turn for an unknown referral; dropped", "referral", m.Referral, "kind", m.Kind)
		return nil
	}
	if err != nil {
		return err
	}
	if hasRelay(r, m.ID) {
		return nil
	}
	rec := Relay{ID: m.ID, Kind: m.Kind, By: m.By, At: m.At, Text: m.Text}
	if m.User != "" {
		rec.User = m.Channel + ":" + m.User
	}
	if m.Kind == engine.RelayPatient && r.Takeover != nil && r.Takeover.Channel != WebChannel {
		// A takeover in the web view reads the record itself.
		s := n.sender(r.Takeover.Channel)
		if s == nil {
			n.log.Warn("takeover: the staff destination's channel does not run here", "referral", r.ID, "channel", r.Takeover.Channel)
		} else {
			sctx, cancel := context.WithTimeout(ctx, sendTimeout)
			rec.MsgID, err = s.SendStaff(sctx, r.Takeover.Dest, runner.StaffMessage{Text: patientPost(r.ID, m.Text)})
			rec.Channel, rec.Dest = r.Takeover.Channel, r.Takeover.Dest
			cancel()
			if err != nil {
				return fmt.Errorf("post the patient's message: %w", err)
			}
		}
	}
	_, err = n.store.Update(ctx, r.ID, func(r *Referral) error {
		if hasRelay(r, m.ID) {
			return nil
		}
		r.Relays = append(r.Relays, rec)
		switch m.Kind {
		case engine.RelayTakeover:
			r.Takeover = &Takeover{By: m.By, User: rec.User, Channel: m.Channel, Dest: m.Dest, At: m.At}
		case engine.RelayHandback, engine.RelayUndelivered:
			r.Takeover = nil
		}
		return nil
	})
	if err == nil {
		n.log.Info("takeover turn recorded", "referral", r.ID, "kind", m.Kind)
	}
	return err
}

func hasRelay(r *Referral, id string) bool {
	for _, x := range r.Relays {
		if x.ID == id {
			return true
		}
	}
	return false
}

// patientPost is the staff post of a patient's message during a takeover.
func patientPost(id, text string) string {
	return fmt.Sprintf("💬 Patient of referral %s: %s\nReply to this message or /say %s <text>; /handback %s when done.", id, quote(text), id, id)
}

// takenOverHere returns the open referrals taken over in dest whose staff
// posts include msgID, or, when none does, every one taken over in dest.
func (d *Desk) takenOverHere(ctx context.Context, channel, dest, msgID string) ([]*Referral, error) {
	open, err := d.n.store.Open(ctx)
	if err != nil {
		return nil, err
	}
	var here, exact []*Referral
	for _, r := range open {
		t := r.Takeover
		if t == nil || t.Channel != channel || t.Dest != dest {
			continue
		}
		here = append(here, r)
		if msgID == "" {
			continue
		}
		for _, no := range r.Notices {
			if no.Channel == channel && no.Dest == dest && no.MsgID == msgID {
				exact = append(exact, r)
			}
		}
		for _, x := range r.Relays {
			if x.MsgID == msgID {
				exact = append(exact, r)
				break
			}
		}
	}
	if len(exact) > 0 {
		return exact[:1], nil
	}
	return here, nil
}

// MaxStaffText is the longest staff message relayed to a patient, in
// bytes.
const MaxStaffText = 3500

// takeover starts a takeover of referral id's conversation and, when the
// referral was new, acknowledges it in the staff member's name.
func (d *Desk) takeover(ctx context.Context, in runner.StaffInput, id, name string) (runner.StaffReply, error) {
	r, err := d.n.store.Get(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return runner.StaffReply{Text: fmt.Sprintf(textNotFound, id)}, nil
	}
	if err != nil {
		return runner.StaffReply{}, err
	}
	if t := r.Takeover; t != nil && (t.Channel != in.Channel || t.Dest != in.Dest) {
		return runner.StaffReply{Text: fmt.Sprintf("%s is already writing with the patient of referral %s in another staff destination; they hand back with /handback %s.", t.By, id, id)}, nil
	}
	rep, err := d.staffAction(ctx, in, id, name, engine.StaffTakeover, "")
	if err != nil || rep.Refused {
		return rep, err
	}
	if r.Status() == StatusNew {
		if _, err := d.setStatus(ctx, id, StatusAcknowledged, name, in.Channel+":"+in.User); err != nil {
			d.n.log.Warn("takeover: acknowledging failed", "referral", id, "err", err)
		}
	}
	return rep, nil
}

// reply relays a staff member's reply to a bot message in a staff chat:
// to the referral whose message it answers, or to the one conversation
// taken over there. Replies that fit none are ignored (staff chatter).
func (d *Desk) reply(ctx context.Context, in runner.StaffInput, name string) (runner.StaffReply, error) {
	rs, err := d.takenOverHere(ctx, in.Channel, in.Dest, in.ReplyTo)
	if err != nil {
		return runner.StaffReply{}, err
	}
	switch len(rs) {
	case 0:
		return runner.StaffReply{}, nil
	case 1:
		return d.staffAction(ctx, in, rs[0].ID, name, engine.StaffSay, strings.TrimSpace(in.Args))
	}
	return runner.StaffReply{Text: "Several conversations are taken over here: use /say <id> <text>."}, nil
}

// staffAction applies a takeover, a message or a handback to the
// conversation of referral id, through the patient's session, so that it is
// applied once and ordered with the patient's own messages.
func (d *Desk) staffAction(ctx context.Context, in runner.StaffInput, id, name string, kind engine.StaffKind, text string) (runner.StaffReply, error) {
	if d.patients == nil {
		return runner.StaffReply{Text: "Taking over conversations is not available here."}, nil
	}
	r, err := d.n.store.Get(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return runner.StaffReply{Text: fmt.Sprintf(textNotFound, id)}, nil
	}
	if err != nil {
		return runner.StaffReply{}, err
	}
	switch kind {
	case engine.StaffSay:
		if r.Takeover == nil {
			return runner.StaffReply{Text: fmt.Sprintf("Nobody has taken over the conversation of referral %s: /takeover %s first.", id, id)}, nil
		}
		if text == "" {
			return runner.StaffReply{Text: "Usage: /say <id> <text>"}, nil
		}
		if len(text) > MaxStaffText {
			return runner.StaffReply{Text: fmt.Sprintf("That message is too long (at most %d characters); please split it.", MaxStaffText)}, nil
		}
	case engine.StaffHandback:
		if r.Takeover == nil {
			return runner.StaffReply{Text: fmt.Sprintf("The conversation of referral %s is not taken over.", id)}, nil
		}
	}
	evt := in.MessageID
	if evt == "" {
		evt = fmt.Sprintf("t%d", d.n.now().UnixNano())
	}
	err = d.patients.Handle(ctx, runner.Inbound{
		ID:      fmt.Sprintf("staff:%s:%s:%s:%s", in.Channel, in.Dest, evt, kind),
		Patient: r.Patient,
		Input: engine.Input{Now: d.n.now(), Staff: &engine.StaffAction{Kind: kind, Referral: r.ID, Text: text, By: name,
			Channel: in.Channel, Dest: in.Dest, User: in.User}},
	})
	if errors.Is(err, runner.ErrNoChannel) {
		return runner.StaffReply{Text: fmt.Sprintf("The patient's channel (%s) does not run in this bot.", r.Channel)}, nil
	}
	if err != nil {
		return runner.StaffReply{}, err
	}
	d.n.log.Info("takeover action", "referral", r.ID, "kind", kind, "by", in.Channel+":"+in.User)
	switch kind {
	case engine.StaffTakeover:
		return runner.StaffReply{Text: fmt.Sprintf("You are writing with the patient of referral %s; the questions wait. Reply to the patient's messages here or use /say %s <text>; /handback %s when done.", id, id, id)}, nil
	case engine.StaffHandback:
		return runner.StaffReply{Text: fmt.Sprintf("Handed back: the patient of referral %s continues with the questions.", id)}, nil
	}
	return runner.StaffReply{Text: "✓ Sent to the patient."}, nil
}
