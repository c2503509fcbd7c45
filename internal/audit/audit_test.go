package audit

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/seal"
)

func TestMain(m *testing.M) { redistest.Main(m) }

func TestRecordAndList(t *testing.T) {
	c, prefix := redistest.New(t)
	ctx := context.Background()
	sealer := seal.NewRandom()
	now := time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)
	l := New(c, prefix, sealer, WithClock(func() time.Time { return now }))
	if err := l.Record(ctx, Entry{Action: "export"}); err != ErrIncomplete {
		t.Fatalf("incomplete entry: %v", err)
	}
	for _, e := range []Entry{
		{Actor: "alice", Action: "export", Target: "format=fhir ids=tg:123"},
		{Actor: "telegram:111 (Dr. A)", Action: "referral.view", Target: "3fa2c91b"},
	} {
		if err := l.Record(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	got, err := l.List(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Actor != "alice" || got[1].Action != "referral.view" || !got[1].At.Equal(now) || got[0].ID == "" {
		t.Fatalf("entries %+v", got)
	}
	// Sealed at rest: no patient id in Redis in the clear.
	raw, _ := c.XRange(ctx, prefix+":audit", "-", "+").Result()
	for _, m := range raw {
		if strings.Contains(m.Values["d"].(string), "tg:123") {
			t.Fatal("patient id stored in the clear")
		}
	}
	// Since filters by entry time.
	later, _ := l.List(ctx, now.Add(time.Second))
	if len(later) != 0 {
		t.Fatalf("since: %+v", later)
	}
	// Another key cannot read it, and says so instead of dropping entries.
	other, _ := New(c, prefix, seal.NewRandom()).List(ctx, time.Time{})
	if len(other) != 2 || other[0].Action != "unreadable" {
		t.Fatalf("foreign key: %+v", other)
	}
}
