package referral

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/audit"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/seal"
	"github.com/kapbot/kapbot/internal/webhook"
)

// Erasure of a patient's referrals (/forget, kapbot sessions erase).
//
// Store.ErasePatient deletes each referral of the patient, with its
// relays, notes and schedules, in one transaction per referral that also
// queues its staff posts for overwriting (the scrub set: channel,
// destination and message id, no patient data) and appends a
// "referral.erased" webhook event (the referral id only). Every step is
// idempotent, so an erasure cut short by a crash is finished by running it
// again: the runner keeps the patient's Forget job in the outbox until the
// referrals and then the session are erased. The Notifier overwrites the
// queued staff posts with ErasedText when their channel runs in the
// process (now, and on every Tick until it works or ScrubGiveUp passes).

// EventErased is the webhook event type of an erased referral; its body
// holds only the event id, type, time and referral id.
const EventErased = "referral.erased"

// ErasedText replaces the staff posts of an erased referral.
const ErasedText = "[erased at the patient's request]"

// ScrubGiveUp is how long the notifier keeps trying to overwrite a staff
// post (the message may have been deleted by staff).
const ScrubGiveUp = 24 * time.Hour

func (s *Store) scrubKey() string { return s.prefix + ":{ref}:scrub" }

// scrub is a staff post to overwrite: no patient data.
type scrub struct {
	Channel string    `json:"c"`
	Dest    string    `json:"d"`
	MsgID   string    `json:"m"`
	Since   time.Time `json:"s"`
}

// erasedEvent is the body of an EventErased event.
type erasedEvent struct {
	ID       string    `json:"id"`
	Type     string    `json:"type"`
	At       time.Time `json:"at"`
	Referral string    `json:"referral"`
}

// ErasePatient deletes every referral of patient (found by the patient
// index, and among the open referrals for those stored before the index
// existed), queues their staff posts for overwriting and, with WithEvents,
// appends an EventErased for each. It returns the ids erased (none when
// there were none) or a wrapped Redis error; after an error run it again.
func (s *Store) ErasePatient(ctx context.Context, patient string, at time.Time) ([]string, error) {
	if patient == "" {
		return nil, errors.New("referral: erase: empty patient")
	}
	pk := s.patientKey(patient)
	ids, err := s.rdb.SMembers(ctx, pk).Result()
	if err != nil {
		return nil, fmt.Errorf("referral: erase: %w", err)
	}
	// The open referrals one by one, so that one that cannot be opened
	// (an unknown key) does not stop the erasure.
	openIDs, err := s.rdb.ZRange(ctx, s.openKey(), 0, -1).Result()
	if err != nil {
		return nil, fmt.Errorf("referral: erase: %w", err)
	}
	for _, id := range openIDs {
		if r, err := s.Get(ctx, id); err == nil && r.Patient == patient {
			ids = append(ids, r.ID)
		}
	}
	var erased []string
	seen := map[string]bool{}
	mine := map[string]bool{} // referral ids of this patient, erased now or before
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		r, err := s.Get(ctx, id)
		switch {
		case errors.Is(err, ErrNotFound), errors.Is(err, seal.ErrDecrypt):
			// Gone, or unreadable: the patient index says it is theirs,
			// so it is deleted without being opened (its staff posts
			// cannot be found to overwrite).
			r = nil
		case err != nil:
			return erased, err
		case r.Patient != patient:
			continue // never erase someone else's referral
		}
		mine[id] = true
		var stream string
		var values []any
		if r != nil && s.events != nil {
			eid := id + "/erased"
			body, err := json.Marshal(erasedEvent{ID: eid, Type: EventErased, At: at.UTC(), Referral: id})
			if err != nil {
				return erased, fmt.Errorf("referral: encode event: %w", err)
			}
			stream, values = s.events.Entry(eid, body)
		}
		_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
			if r != nil {
				for _, sc := range scrubsOf(r, at) {
					data, _ := json.Marshal(sc)
					p.ZAdd(ctx, s.scrubKey(), redis.Z{Score: float64(at.UnixMilli()), Member: string(data)})
				}
				if stream != "" {
					p.XAdd(ctx, &redis.XAddArgs{Stream: stream, Values: values})
				}
			}
			p.Del(ctx, s.key(id))
			p.ZRem(ctx, s.openKey(), id)
			p.ZRem(ctx, s.dueKey(), id)
			p.SRem(ctx, pk, id)
			return nil
		})
		if err != nil {
			return erased, fmt.Errorf("referral: erase: %w", err)
		}
		if r != nil {
			erased = append(erased, id)
		}
	}
	// The referrals are gone, so no new event of theirs can be queued:
	// remove the queued and dead-lettered ones (they carry the patient's
	// answers), all but the referral.erased events.
	for _, stream := range []string{webhook.Stream(s.prefix), webhook.DeadStream(s.prefix)} {
		if err := s.dropEvents(ctx, stream, mine); err != nil {
			return erased, fmt.Errorf("referral: erase: queued events: %w", err)
		}
	}
	if err := s.rdb.Del(ctx, pk).Err(); err != nil {
		return erased, fmt.Errorf("referral: erase: %w", err)
	}
	return erased, nil
}

// dropEvents deletes from stream every entry whose event belongs to one of
// refs, except the referral.erased events.
func (s *Store) dropEvents(ctx context.Context, stream string, refs map[string]bool) error {
	if len(refs) == 0 {
		return nil
	}
	start := "-"
	for {
		msgs, err := s.rdb.XRangeN(ctx, stream, start, "+", 512).Result()
		if err != nil {
			return err
		}
		var drop []string
		for _, m := range msgs {
			id, _ := m.Values["id"].(string)
			if refs[webhook.ReferralOf(id)] && !strings.HasSuffix(id, "/erased") {
				drop = append(drop, m.ID)
			}
		}
		if len(drop) > 0 {
			if err := s.rdb.XDel(ctx, stream, drop...).Err(); err != nil {
				return err
			}
		}
		if len(msgs) < 512 {
			return nil
		}
		start = "(" + msgs[len(msgs)-1].ID
	}
}

// scrubsOf lists r's staff posts: its notices and the patient's messages
// posted during takeovers.
func scrubsOf(r *Referral, at time.Time) []scrub {
	var out []scrub
	for _, no := range r.Notices {
		if no.MsgID != "" {
			out = append(out, scrub{Channel: no.Channel, Dest: no.Dest, MsgID: no.MsgID, Since: at.UTC()})
		}
	}
	for _, x := range r.Relays {
		if x.MsgID != "" && x.Channel != "" {
			out = append(out, scrub{Channel: x.Channel, Dest: x.Dest, MsgID: x.MsgID, Since: at.UTC()})
		}
	}
	return out
}

// dueScrubs returns the queued staff posts to overwrite now, with their
// members.
func (s *Store) dueScrubs(ctx context.Context, now time.Time) (map[string]scrub, error) {
	ms, err := s.rdb.ZRangeByScore(ctx, s.scrubKey(), &redis.ZRangeBy{Min: "-inf", Max: ms(now)}).Result()
	if err != nil {
		return nil, fmt.Errorf("referral: scrubs: %w", err)
	}
	out := make(map[string]scrub, len(ms))
	for _, m := range ms {
		var sc scrub
		if json.Unmarshal([]byte(m), &sc) != nil {
			s.rdb.ZRem(ctx, s.scrubKey(), m)
			continue
		}
		out[m] = sc
	}
	return out, nil
}

var _ runner.Eraser = (*Notifier)(nil)

// WithAudit records every erasure in rec (action "patient.erased", the
// patient named by PatientHash only).
func WithAudit(rec audit.Recorder) Option { return func(n *Notifier) { n.audit = rec } }

// ErasePatient erases the patient's referrals at their own request
// (/forget); it implements runner.Eraser. See Erase.
func (n *Notifier) ErasePatient(ctx context.Context, patient string) error {
	_, err := n.Erase(ctx, patient, "patient (/forget)")
	return err
}

// Erase erases every referral of patient (Store.ErasePatient), overwrites
// their staff posts where a channel runs here (best effort: the others are
// overwritten by a later Tick of a process where it runs), and records one
// audit entry by actor. It returns how many referrals were erased, or an
// error after which the caller runs it again (nothing of the patient is
// left unreachable).
func (n *Notifier) Erase(ctx context.Context, patient, actor string) (int, error) {
	at := n.now()
	ids, err := n.store.ErasePatient(ctx, patient, at)
	if err != nil {
		return len(ids), err
	}
	if n.audit != nil {
		e := audit.Entry{At: at, Actor: actor, Action: "patient.erased",
			Target: fmt.Sprintf("patient %s (%d referrals)", PatientHash(patient), len(ids))}
		if err := n.audit.Record(ctx, e); err != nil {
			return len(ids), err
		}
	}
	for _, id := range ids {
		n.log.Info("referral erased on the patient's request", "referral", id)
	}
	if err := n.Scrub(ctx); err != nil {
		n.log.Warn("referral: erased staff posts not all overwritten yet", "err", err)
	}
	return len(ids), nil
}

// Scrub overwrites the queued staff posts of erased referrals whose
// channel runs here with ErasedText. A failed edit is tried again after
// the retry interval, for ScrubGiveUp; posts of channels not running here
// are left for another process.
func (n *Notifier) Scrub(ctx context.Context) error {
	now := n.now()
	due, err := n.store.dueScrubs(ctx, now)
	if err != nil {
		return err
	}
	var errs []error
	for member, sc := range due {
		s := n.sender(sc.Channel)
		if s == nil {
			continue
		}
		sctx, cancel := context.WithTimeout(ctx, sendTimeout)
		err := s.EditStaff(sctx, sc.Dest, sc.MsgID, runner.StaffMessage{Text: ErasedText})
		cancel()
		switch {
		case err == nil:
			err = n.store.rdb.ZRem(ctx, n.store.scrubKey(), member).Err()
		case now.Sub(sc.Since) > ScrubGiveUp:
			n.log.Warn("referral: gave up overwriting an erased referral's staff post", "channel", sc.Channel, "err", err)
			err = n.store.rdb.ZRem(ctx, n.store.scrubKey(), member).Err()
		default:
			n.store.rdb.ZAdd(ctx, n.store.scrubKey(), redis.Z{Score: float64(now.Add(n.retry).UnixMilli()), Member: member})
			err = fmt.Errorf("overwrite %s post: %w", sc.Channel, err)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
