package referral

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/audit"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/seal"
	"github.com/kapbot/kapbot/internal/store"
	"github.com/kapbot/kapbot/internal/webhook"
)

func TestReferralsExpireWithRetention(t *testing.T) {
	c, prefix := redistest.New(t)
	ctx := context.Background()
	retention := 2 * time.Second
	s := NewStore(c, prefix, seal.NewRandom(), WithRetention(func(context.Context) time.Duration { return retention }))
	r := Assemble(runnerReferral("life#0", flow.Urgent), bundle(), nil)
	if _, err := s.Create(ctx, r, t0); err != nil {
		t.Fatal(err)
	}
	ttl := func(k string) time.Duration {
		d, err := c.PTTL(ctx, k).Result()
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	if d := ttl(s.key(r.ID)); d <= 0 || d > retention {
		t.Fatalf("referral ttl %v", d)
	}
	if d := ttl(s.patientKey(r.Patient)); d <= 0 || d > retention {
		t.Fatalf("patient index ttl %v", d)
	}
	// Every change starts the lifetime again. Most of the lifetime is
	// used up by hand (not slept down, which a slow machine could overrun).
	for _, k := range []string{s.key(r.ID), s.patientKey(r.Patient)} {
		if err := c.PExpire(ctx, k, 800*time.Millisecond).Err(); err != nil {
			t.Fatal(err)
		}
	}
	retention = 3 * time.Second
	if _, err := s.AddNote(ctx, r.ID, Note{By: "Dr. A", At: t0, Text: "called"}); err != nil {
		t.Fatal(err)
	}
	if d := ttl(s.key(r.ID)); d <= 2*time.Second {
		t.Fatalf("ttl not refreshed: %v", d)
	}
	if d := ttl(s.patientKey(r.Patient)); d <= 2*time.Second {
		t.Fatalf("index ttl not refreshed: %v", d)
	}
	if open, err := s.Open(ctx); err != nil || len(open) != 1 {
		t.Fatalf("open %d %v", len(open), err)
	}
	redistest.FastForward(t, c, 3100*time.Millisecond)
	if _, err := s.Get(ctx, r.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("referral outlived the retention: %v", err)
	}
	if open, err := s.Open(ctx); err != nil || len(open) != 0 {
		t.Fatalf("expired referral listed: %d %v", len(open), err)
	}
	for _, k := range []string{s.openKey(), s.dueKey()} {
		if n, _ := c.ZCard(ctx, k).Result(); n != 0 {
			t.Errorf("%s still lists %d ids", k, n)
		}
	}
	if n, _ := c.Exists(ctx, s.patientKey(r.Patient)).Result(); n != 0 {
		t.Error("patient index outlived the referral")
	}
}

type memAudit struct {
	mu      sync.Mutex
	entries []audit.Entry
}

func (m *memAudit) Record(_ context.Context, e audit.Entry) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.entries = append(m.entries, e)
	return nil
}

func TestErasePatientRemovesEveryTrace(t *testing.T) {
	c, prefix := redistest.New(t)
	ctx := context.Background()
	stream := prefix + ":{ref}:webhook"
	st := NewStore(c, prefix, seal.NewRandom(), WithEvents(plainLog{stream}),
		WithRetention(func(context.Context) time.Duration { return time.Hour }))
	clk := &clock{now: t0}
	rec := &memAudit{}
	cl := clinic()
	lk := store.New(c, prefix, seal.NewRandom())
	n := NewNotifier(st, func(context.Context) (*flow.Clinic, error) { return cl, nil }, lk,
		WithClock(clk.Now), WithAudit(rec), WithBundles(func(context.Context, string) (*flow.Bundle, error) { return bundle(), nil }))
	tg := &fakeSender{}
	n.Register("telegram", tg)

	// Two referrals of the patient (one with a takeover turn posted to
	// staff), one of another patient.
	for i, id := range []string{"e1#0", "e2#0"} {
		// One emergency (a second would be added to it), one urgent.
		if err := n.Refer(ctx, runnerReferral(id, []flow.Priority{flow.Emergency, flow.Urgent}[i])); err != nil {
			t.Fatal(err)
		}
	}
	other := runnerReferral("o#0", flow.Routine)
	other.Patient = "tg:777"
	if err := n.Refer(ctx, other); err != nil {
		t.Fatal(err)
	}
	n.Wait()
	id1 := IDFor("e1#0")
	for i, m := range []runner.Relayed{
		{ID: "x#0", Referral: id1, Kind: engine.RelayTakeover, By: "Dr. A", Channel: "telegram", Dest: "-100", User: "111", At: t0},
		{ID: "x#1", Referral: id1, Kind: engine.RelayPatient, Text: secretWords, At: t0},
	} {
		if err := n.Relay(ctx, m); err != nil {
			t.Fatalf("relay %d: %v", i, err)
		}
	}
	if _, err := st.AddNote(ctx, id1, Note{By: "Dr. A", At: t0, Text: "left a voicemail"}); err != nil {
		t.Fatal(err)
	}
	st.Schedule(ctx, id1, t0.Add(time.Hour))
	posts, _ := tg.snapshot()
	if len(posts) != 4 { // three notices and the patient's message
		t.Fatalf("%d posts", len(posts))
	}

	// A dead-lettered event of the patient and one of the other patient.
	for _, id := range []string{id1 + "/created", IDFor("o#0") + "/created"} {
		c.XAdd(ctx, &redis.XAddArgs{Stream: webhook.DeadStream(prefix), Values: []any{"id", id, "d", "sealed answers"}})
	}
	queued, _ := c.XLen(ctx, stream).Result()

	count, err := n.Erase(ctx, "tg:4242", "alice")
	if err != nil || count != 2 {
		t.Fatalf("erase: %d %v", count, err)
	}
	// The patient's queued and dead-lettered events are gone but for
	// referral.erased; the other patient's stay.
	for _, st := range []string{stream, webhook.DeadStream(prefix)} {
		msgs, _ := c.XRange(ctx, st, "-", "+").Result()
		others := 0
		for _, m := range msgs {
			id := m.Values["id"].(string)
			switch ref := webhook.ReferralOf(id); {
			case ref == IDFor("o#0"):
				others++
			case !strings.HasSuffix(id, "/erased"):
				t.Errorf("%s: event %s of the erased patient left", st, id)
			}
		}
		if others != 1 {
			t.Errorf("%s: %d events of the other patient, want 1", st, others)
		}
	}
	if queued < 4 {
		t.Fatalf("only %d events queued before the erasure: the test did not test", queued)
	}
	for _, id := range []string{id1, IDFor("e2#0")} {
		if _, err := st.Get(ctx, id); !errors.Is(err, ErrNotFound) {
			t.Errorf("%s survived: %v", id, err)
		}
		if _, due, _ := st.Scheduled(ctx, id); due {
			t.Errorf("%s still scheduled", id)
		}
	}
	if _, err := st.Get(ctx, IDFor("o#0")); err != nil {
		t.Fatalf("another patient's referral erased: %v", err)
	}
	if open, _ := st.Open(ctx); len(open) != 1 {
		t.Fatalf("open after erasure: %d", len(open))
	}
	// The staff posts of the patient are overwritten; the other one is not.
	_, edits := tg.snapshot()
	overwritten := map[string]bool{}
	for _, e := range edits {
		if e.m.Text != ErasedText || len(e.m.Buttons) != 0 {
			t.Errorf("edit %+v", e)
		}
		overwritten[e.msg] = true
	}
	for _, p := range posts {
		patients := strings.Contains(p.m.Text, IDFor("o#0"))
		if overwritten[p.msg] == patients {
			t.Errorf("post %s (other patient %v) overwritten %v", p.msg, patients, overwritten[p.msg])
		}
	}
	// One event per erased referral, ids only.
	msgs, err := c.XRange(ctx, stream, "-", "+").Result()
	if err != nil {
		t.Fatal(err)
	}
	var erased []string
	for _, m := range msgs {
		body := m.Values["d"].(string)
		if !strings.Contains(body, EventErased) {
			continue
		}
		var ev map[string]any
		json.Unmarshal([]byte(body), &ev)
		if len(ev) != 4 || ev["type"] != EventErased || m.Values["id"] != ev["referral"].(string)+"/erased" {
			t.Errorf("erased event %s", body)
		}
		erased = append(erased, ev["referral"].(string))
	}
	if len(erased) != 2 {
		t.Fatalf("erased events %v", erased)
	}
	// One audit entry, naming the patient by hash only (the hash is hex, so
	// "4242" may stand inside it by chance: look for the id outside it).
	if len(rec.entries) != 1 || rec.entries[0].Actor != "alice" || rec.entries[0].Action != "patient.erased" ||
		!strings.Contains(rec.entries[0].Target, PatientHash("tg:4242")) || strings.Contains(strings.ReplaceAll(rec.entries[0].Target, PatientHash("tg:4242"), ""), "4242") {
		t.Fatalf("audit %+v", rec.entries)
	}
	// Nothing of the patient is left in Redis (the events stream holds ids
	// and the other patient's data only).
	keys, _ := redistest.Keys(ctx, c, prefix+"*")
	for _, k := range keys {
		if strings.Contains(k, PatientHash("tg:4242")) {
			t.Errorf("key %s left", k)
		}
		if typ, _ := c.Type(ctx, k).Result(); typ == "string" {
			v, _ := c.Get(ctx, k).Result()
			if strings.Contains(v, "e1#0") {
				t.Errorf("key %s still holds the referral", k)
			}
		}
	}
	if n, _ := c.ZCard(ctx, st.scrubKey()).Result(); n != 0 {
		t.Errorf("%d scrubs left", n)
	}
	// Running it again (a retry after a crash) is harmless.
	if count, err := n.Erase(ctx, "tg:4242", "alice"); err != nil || count != 0 {
		t.Fatalf("again: %d %v", count, err)
	}
}

func TestScrubWaitsForTheChannelAndRetries(t *testing.T) {
	c, prefix := redistest.New(t)
	ctx := context.Background()
	st := NewStore(c, prefix, seal.NewRandom())
	clk := &clock{now: t0}
	lk := store.New(c, prefix, seal.NewRandom())
	cl := clinic()
	n := NewNotifier(st, func(context.Context) (*flow.Clinic, error) { return cl, nil }, lk, WithClock(clk.Now), WithRetry(time.Minute))
	tg := &fakeSender{}
	n.Register("telegram", tg)
	if err := n.Refer(ctx, runnerReferral("s#0", flow.Routine)); err != nil {
		t.Fatal(err)
	}
	n.Wait()
	// Erased by a process where no channel runs (kapbot sessions erase).
	cli := NewNotifier(st, func(context.Context) (*flow.Clinic, error) { return cl, nil }, lk, WithClock(clk.Now))
	if k, err := cli.Erase(ctx, "tg:4242", "alice"); err != nil || k != 1 {
		t.Fatal(k, err)
	}
	if _, edits := tg.snapshot(); len(edits) != 0 {
		t.Fatal("edited without a sender")
	}
	failing := &failingEditor{fakeSender: tg, fail: 1}
	n.Register("telegram", failing)
	if err := n.Tick(ctx); err == nil {
		t.Fatal("failed edit not reported")
	}
	n.Tick(ctx) // not due again yet
	if failing.calls != 1 {
		t.Fatalf("%d edit attempts", failing.calls)
	}
	clk.add(time.Minute)
	if err := n.Tick(ctx); err != nil {
		t.Fatal(err)
	}
	if _, edits := tg.snapshot(); len(edits) != 1 || edits[0].m.Text != ErasedText {
		t.Fatalf("edits %+v", edits)
	}
	clk.add(time.Hour)
	n.Tick(ctx)
	if failing.calls != 2 {
		t.Fatalf("%d edit attempts", failing.calls)
	}
}

type failingEditor struct {
	*fakeSender
	fail, calls int
}

func (f *failingEditor) EditStaff(ctx context.Context, dest, msg string, m runner.StaffMessage) error {
	f.calls++
	if f.fail > 0 {
		f.fail--
		return errors.New("platform down")
	}
	return f.fakeSender.EditStaff(ctx, dest, msg, m)
}
