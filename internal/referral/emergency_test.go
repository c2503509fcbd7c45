package referral

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/seal"
	"github.com/kapbot/kapbot/internal/store"
)

// 200 crisis messages of one patient make one open emergency referral;
// the later ones are notes on it. Once staff close it, the next crisis
// opens a new one. Another patient's crisis is theirs.
func TestOneOpenEmergencyPerPatient(t *testing.T) {
	c, prefix := redistest.New(t)
	ctx := context.Background()
	stream := prefix + ":{ref}:webhook"
	st := NewStore(c, prefix, seal.NewRandom(), WithEvents(plainLog{stream}))
	cl := clinic()
	n := NewNotifier(st, func(context.Context) (*flow.Clinic, error) { return cl, nil }, store.New(c, prefix, seal.NewRandom()))
	for i := range 200 {
		rr := runnerReferral(fmt.Sprintf("tg:m:4242:%d#0", i), flow.Emergency)
		rr.Created = t0.Add(time.Duration(i) * time.Second)
		if err := n.Refer(ctx, rr); err != nil {
			t.Fatal(err)
		}
	}
	// A redelivery of one already added changes nothing.
	if err := n.Refer(ctx, runnerReferral("tg:m:4242:7#0", flow.Emergency)); err != nil {
		t.Fatal(err)
	}
	open, _ := st.Open(ctx)
	if len(open) != 1 || open[0].Priority != flow.Emergency {
		t.Fatalf("%d open referrals, want 1 emergency", len(open))
	}
	r := open[0]
	if len(r.Merged) != 199 || len(r.Notes) != MaxMerged || !strings.Contains(r.Notes[0].Text, "Another crisis message") {
		t.Fatalf("merged %d, notes %d: %+v", len(r.Merged), len(r.Notes), r.Notes[:1])
	}
	// Another patient still gets a referral of their own; a routine one of
	// the same patient too.
	other := runnerReferral("tg:m:777:1#0", flow.Emergency)
	other.Patient = "tg:777"
	n.Refer(ctx, other)
	n.Refer(ctx, runnerReferral("tg:m:4242:routine#0", flow.Routine))
	if open, _ := st.Open(ctx); len(open) != 3 {
		t.Fatalf("%d open, want 3", len(open))
	}
	// Closed: the next crisis opens a new emergency referral.
	if _, err := st.SetStatus(ctx, r.ID, StatusClosed, "Dr. A", "1", t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	n.Refer(ctx, runnerReferral("tg:m:4242:after#0", flow.Emergency))
	e, _ := st.OpenEmergency(ctx, "tg:4242")
	if e == nil || e.ID == r.ID {
		t.Fatalf("after closing: %+v", e)
	}
	n.Wait()
}
