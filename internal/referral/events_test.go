package referral

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/seal"
)

// plainLog writes events unsealed, so the test can read them.
type plainLog struct{ stream string }

func (l plainLog) Entry(id string, body []byte) (string, []any) {
	return l.stream, []any{"id", id, "d", string(body)}
}

func TestStoreAppendsAnEventWithEveryChange(t *testing.T) {
	c, prefix := redistest.New(t)
	ctx := context.Background()
	stream := prefix + ":{ref}:webhook"
	s := NewStore(c, prefix, seal.NewRandom(), WithEvents(plainLog{stream}))
	r := Assemble(runnerReferral("in1#0", "emergency"), bundle(), nil)
	for range 2 { // the runner may pass a referral twice: one event
		if _, err := s.Create(ctx, r, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.SetStatus(ctx, r.ID, StatusAcknowledged, "Dr. A", "telegram:1", t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetStatus(ctx, r.ID, StatusAcknowledged, "Dr. A", "telegram:1", t0.Add(time.Minute)); !errors.Is(err, ErrSameStatus) {
		t.Fatal(err)
	}
	if _, err := s.AddNote(ctx, r.ID, Note{By: "Dr. A", At: t0.Add(2 * time.Minute), Text: "called back"}); err != nil {
		t.Fatal(err)
	}
	// An update that is not an event appends nothing.
	if _, err := s.Update(ctx, r.ID, func(r *Referral) error { r.Level = 1; return nil }); err != nil {
		t.Fatal(err)
	}
	msgs, err := c.XRange(ctx, stream, "-", "+").Result()
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ id, typ string }{
		{r.ID + "/created", EventCreated}, {r.ID + "/status/1", EventStatus}, {r.ID + "/note/1", EventNote},
	}
	if len(msgs) != len(want) {
		t.Fatalf("%d events: %v", len(msgs), msgs)
	}
	for i, m := range msgs {
		var ev Event
		if err := json.Unmarshal([]byte(m.Values["d"].(string)), &ev); err != nil {
			t.Fatal(err)
		}
		if m.Values["id"] != want[i].id || ev.ID != want[i].id || ev.Type != want[i].typ || ev.Referral != r.ID ||
			ev.Priority != "emergency" || ev.Data == nil || len(ev.Data.Scores) != 1 {
			t.Errorf("event %d: %+v", i, ev)
		}
	}
	var last Event
	json.Unmarshal([]byte(msgs[2].Values["d"].(string)), &last)
	if last.Status != StatusAcknowledged || last.Note != "called back" || last.By != "Dr. A" {
		t.Errorf("note event %+v", last)
	}
	// A failed transaction writes no event either.
	if _, err := s.Update(ctx, "nope", func(*Referral) error { return nil }); !errors.Is(err, ErrNotFound) {
		t.Fatal(err)
	}
	if n, _ := c.XLen(ctx, stream).Result(); n != 3 {
		t.Fatalf("%d events", n)
	}
}
