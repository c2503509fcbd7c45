package referral

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/seal"
	"github.com/kapbot/kapbot/internal/store"
)

func TestMain(m *testing.M) { redistest.Main(m) }

var t0 = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// bundle is a small compiled bundle by hand: one flow with a choice, a text
// and the intentions question, and a questionnaire with a risk flag and a
// contraindication flag.
func bundle() *flow.Bundle {
	txt := func(s string) flow.Text { return flow.Text{"en": s} }
	steps := map[string]*flow.Step{
		"mood": {ID: "mood", Kind: flow.KindAsk, SaveAs: "mood", Ask: &flow.Ask{Type: flow.AskChoice, Text: txt("How is your mood?"), Short: txt("Mood"),
			Choices: []flow.Choice{{Value: "low", Label: txt("Low")}, {Value: "ok", Label: txt("Okay")}}}},
		"why":        {ID: "why", Kind: flow.KindAsk, SaveAs: "why", Ask: &flow.Ask{Type: flow.AskText, Text: txt("Why now?"), Short: txt("Why now")}},
		"intentions": {ID: "intentions", Kind: flow.KindAsk, SaveAs: "intentions", Ask: &flow.Ask{Type: flow.AskText, Text: txt("Your intentions?")}},
		"phq":        {ID: "phq", Kind: flow.KindQuestionnaire, Questionnaire: "phq9", SaveAs: "phq"},
	}
	return &flow.Bundle{
		Version: "v1",
		Clinic:  &flow.Clinic{DefaultLocale: "en", Locales: []string{"en"}},
		Flows:   map[string]*flow.Flow{"intake": {ID: "intake", Steps: steps, Order: []string{"mood", "why", "intentions", "phq"}}},
		Questionnaires: map[string]*flow.Questionnaire{"phq9": {ID: "phq9", Title: txt("PHQ-9"),
			Scoring: flow.Scoring{
				Bands: []flow.Band{{Name: "severe", Min: 20, Max: 27, Label: txt("severe")}},
				Flags: []flow.Flag{{ID: "q9", Risk: true, Label: txt("Thoughts of self-harm (item 9)")},
					{ID: "psychosis", Contraindication: true, Label: txt("History of psychosis")}},
			}}},
	}
}

const secretWords = "my cat died and I cannot sleep"

func runnerReferral(id string, p flow.Priority) runner.Referral {
	return runner.Referral{
		ID: id, Patient: "tg:4242", Created: t0, Priority: p, Flow: "intake", Bundle: "v1", Step: "crisis",
		Reason: "Risk flag in PHQ-9", Trigger: "crisis:en/suicide", Message: "I want to end it all",
		Context: &runner.ReferralContext{Locale: "en",
			Vars:    map[string]map[string]any{"intake": {"mood": "low", "why": secretWords, "intentions": "to feel less stuck", "phq": map[string]any{"total": 22.0}}},
			Results: []flow.Result{{Questionnaire: "phq9", Total: 22, Band: "severe", Flags: []string{"q9", "psychosis"}, Risk: true}},
		},
	}
}

func newStore(t *testing.T) (*Store, *store.Store, func() []string) {
	t.Helper()
	c, prefix := redistest.New(t)
	s := seal.NewRandom()
	keys := func() []string {
		ks, err := redistest.Keys(context.Background(), c, prefix+"*")
		if err != nil {
			t.Fatal(err)
		}
		var vals []string
		for _, k := range ks {
			if typ, _ := c.Type(context.Background(), k).Result(); typ == "string" {
				v, _ := c.Get(context.Background(), k).Result()
				vals = append(vals, v)
			}
		}
		return vals
	}
	return NewStore(c, prefix, s), store.New(c, prefix, s), keys
}

func TestAssembleAndSummaryOrder(t *testing.T) {
	r := Assemble(runnerReferral("tg:m:1:2#0", flow.Emergency), bundle(), []runner.Record{
		{Kind: "referral", Referral: &runner.Referral{ID: "old#1", Trigger: "medical", Message: "What dose should I take?"}},
	})
	if r.ID != IDFor("tg:m:1:2#0") || len(r.ID) != 8 {
		t.Fatalf("id %q", r.ID)
	}
	if r.Intentions != "to feel less stuck" || len(r.Declined) != 1 || len(r.RedFlags) != 2 || len(r.Answers) != 2 {
		t.Fatalf("assembled %+v", r)
	}
	if r.Answers[0].Label != "Mood" || r.Answers[0].Value != "Low" || !r.Answers[1].Words {
		t.Fatalf("answers %+v", r.Answers)
	}
	s := Summary(r, nil)
	order := []string{"EMERGENCY", "RED FLAGS", "Crisis message: “I want to end it all”", "Risk: Thoughts of self-harm",
		"Contraindication: History of psychosis", "SCORES", "PHQ-9: 22 (severe)", "ANSWERS", "Intentions: “to feel less stuck”",
		"Declined medical question: “What dose", "Mood: Low", "Why now: “" + secretWords + "”", "Status: new"}
	at := 0
	for _, w := range order {
		i := strings.Index(s[at:], w)
		if i < 0 {
			t.Fatalf("summary lacks %q after position %d:\n%s", w, at, s)
		}
		at += i + len(w)
	}
}

func TestSummaryFitsOneScreen(t *testing.T) {
	rr := runnerReferral("x#0", flow.Urgent)
	long := strings.Repeat("very long words ", 100)
	for i := range 60 {
		rr.Context.Vars["other"] = map[string]any{}
		_ = i
	}
	vars := map[string]any{}
	for i := range 60 {
		vars[fmt.Sprintf("q%02d", i)] = long
	}
	rr.Context.Vars["other"] = vars
	r := Assemble(rr, bundle(), nil)
	s := Summary(r, nil)
	lines := strings.Split(s, "\n")
	if len(lines) > SummaryLines {
		t.Fatalf("%d lines:\n%s", len(lines), s)
	}
	for _, l := range lines {
		if n := len([]rune(l)); n > LineRunes {
			t.Fatalf("line of %d runes: %q", n, l)
		}
	}
	if !strings.Contains(s, "…") || !strings.Contains(s, "more lines: /referral "+r.ID) || !strings.HasPrefix(lines[len(lines)-1], "Status: new") {
		t.Fatalf("summary not truncated as expected:\n%s", s)
	}
	// The red flags survive the cut.
	if !strings.Contains(s, "Crisis message") || !strings.Contains(s, "Risk:") {
		t.Fatalf("red flags lost:\n%s", s)
	}
	if d := Detail(r, nil); len(strings.Split(d, "\n")) <= SummaryLines || !strings.Contains(d, "HISTORY") {
		t.Fatalf("detail:\n%s", d)
	}
}

func TestStoreCreateIdempotentHistorySealed(t *testing.T) {
	st, _, values := newStore(t)
	ctx := context.Background()
	r := Assemble(runnerReferral("tg:m:1:2#0", flow.Emergency), bundle(), nil)
	created, err := st.Create(ctx, r, t0)
	if err != nil || !created {
		t.Fatalf("create: %v %v", created, err)
	}
	again := Assemble(runnerReferral("tg:m:1:2#0", flow.Emergency), bundle(), nil)
	again.Reason = "changed"
	if created, err := st.Create(ctx, again, t0); err != nil || created {
		t.Fatalf("second create: %v %v", created, err)
	}
	got, err := st.Get(ctx, r.ID)
	if err != nil || got.Reason != r.Reason {
		t.Fatalf("get: %+v %v", got, err)
	}
	if _, err := st.SetStatus(ctx, r.ID, StatusAcknowledged, "Dr. A", "telegram:1", t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetStatus(ctx, r.ID, StatusAcknowledged, "Dr. B", "telegram:2", t0.Add(2*time.Minute)); !errors.Is(err, ErrSameStatus) {
		t.Fatalf("same status: %v", err)
	}
	if _, err := st.AddNote(ctx, r.ID, Note{By: "Dr. A", At: t0, Text: "called, voicemail"}); err != nil {
		t.Fatal(err)
	}
	open, err := st.Open(ctx)
	if err != nil || len(open) != 1 {
		t.Fatalf("open: %d %v", len(open), err)
	}
	got, err = st.SetStatus(ctx, r.ID, StatusClosed, "Dr. A", "telegram:1", t0.Add(3*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	var hist []string
	for _, c := range got.History {
		hist = append(hist, string(c.Status)+"/"+c.By)
	}
	if strings.Join(hist, ",") != "new/,acknowledged/Dr. A,closed/Dr. A" || len(got.Notes) != 1 {
		t.Fatalf("history %v notes %v", hist, got.Notes)
	}
	if open, _ := st.Open(ctx); len(open) != 0 {
		t.Fatalf("closed referral still open")
	}
	if _, err := st.Get(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing: %v", err)
	}
	for _, v := range values() {
		for _, w := range []string{secretWords, "end it all", "less stuck", "voicemail", "psychosis"} {
			if strings.Contains(v, w) {
				t.Fatalf("raw Redis value holds %q", w)
			}
		}
	}
}

// fakeSender records staff posts and fails while told to.
type fakeSender struct {
	mu    sync.Mutex
	fail  int
	posts []post
	edits []post
}

type post struct {
	dest, msg string
	m         runner.StaffMessage
}

func (f *fakeSender) SendStaff(_ context.Context, dest string, m runner.StaffMessage) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail > 0 {
		f.fail--
		return "", errors.New("platform down")
	}
	id := fmt.Sprint(len(f.posts) + 1)
	f.posts = append(f.posts, post{dest, id, m})
	return id, nil
}

func (f *fakeSender) EditStaff(_ context.Context, dest, msg string, m runner.StaffMessage) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.edits = append(f.edits, post{dest, msg, m})
	return nil
}

func (f *fakeSender) snapshot() ([]post, []post) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]post(nil), f.posts...), append([]post(nil), f.edits...)
}

type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func clinic() *flow.Clinic {
	return &flow.Clinic{
		DefaultLocale: "en", EscalateAfter: 10 * time.Minute,
		Destinations: []flow.Destination{{Channel: "telegram", ID: "-100"}, {Channel: "discord", ID: "555"}, {Channel: "telegram", ID: "-200"}},
		Staff:        []flow.StaffMember{{Name: "Dr. A", Telegram: "111", Discord: "222"}},
	}
}

func notifier(t *testing.T, clk *clock) (*Notifier, *fakeSender, *fakeSender) {
	t.Helper()
	st, lk, _ := newStore(t)
	cl := clinic()
	n := NewNotifier(st, func(context.Context) (*flow.Clinic, error) { return cl, nil }, lk,
		WithClock(clk.Now), WithRetry(time.Minute),
		WithBundles(func(context.Context, string) (*flow.Bundle, error) { return bundle(), nil }))
	tg, dc := &fakeSender{}, &fakeSender{}
	n.Register("telegram", tg)
	n.Register("discord", dc)
	return n, tg, dc
}

func TestNotifierRetriesAFailedPost(t *testing.T) {
	clk := &clock{now: t0}
	n, tg, _ := notifier(t, clk)
	ctx := context.Background()
	tg.fail = 2
	rr := runnerReferral("a#0", flow.Routine)
	if err := n.Refer(ctx, rr); err != nil {
		t.Fatal(err)
	}
	n.Wait()
	if posts, _ := tg.snapshot(); len(posts) != 0 {
		t.Fatalf("posted despite failure")
	}
	// Not due yet: nothing happens.
	if err := n.Tick(ctx); err != nil {
		t.Fatal(err)
	}
	clk.add(time.Minute)
	if err := n.Tick(ctx); err == nil {
		t.Fatal("second failure not reported")
	}
	clk.add(time.Minute)
	if err := n.Tick(ctx); err != nil {
		t.Fatal(err)
	}
	// Refer again (a runner replay) and more ticks: no second post.
	if err := n.Refer(ctx, rr); err != nil {
		t.Fatal(err)
	}
	n.Wait()
	clk.add(time.Hour)
	n.Tick(ctx)
	posts, _ := tg.snapshot()
	if len(posts) != 1 || posts[0].dest != "-100" || len(posts[0].m.Buttons) != 3 || posts[0].m.Buttons[0].Data != "r:ack:"+IDFor("a#0") ||
		posts[0].m.Buttons[2] != (runner.StaffButton{Label: "Take over", Data: "r:takeover:" + IDFor("a#0")}) {
		t.Fatalf("posts %+v", posts)
	}
	if _, due, _ := n.store.Scheduled(ctx, IDFor("a#0")); due {
		t.Fatal("routine referral still scheduled")
	}
}

func TestNotifierEscalatesOncePerDestination(t *testing.T) {
	clk := &clock{now: t0}
	n, tg, dc := notifier(t, clk)
	ctx := context.Background()
	if err := n.Refer(ctx, runnerReferral("b#0", flow.Urgent)); err != nil {
		t.Fatal(err)
	}
	n.Wait()
	for range 3 {
		clk.add(3 * time.Minute) // 9 minutes: not yet
		n.Tick(ctx)
	}
	if p, _ := dc.snapshot(); len(p) != 0 {
		t.Fatalf("escalated too early")
	}
	clk.add(2 * time.Minute)
	for range 3 { // several ticks, as several replicas would
		n.Tick(ctx)
	}
	p, _ := dc.snapshot()
	if len(p) != 1 || p[0].dest != "555" || !strings.Contains(p[0].m.Text, "ESCALATED") {
		t.Fatalf("discord posts %+v", p)
	}
	clk.add(10 * time.Minute)
	n.Tick(ctx)
	n.Tick(ctx)
	tp, _ := tg.snapshot()
	if len(tp) != 2 || tp[0].dest != "-100" || tp[1].dest != "-200" {
		t.Fatalf("telegram posts %+v", tp)
	}
	clk.add(time.Hour)
	n.Tick(ctx)
	if tp, _ := tg.snapshot(); len(tp) != 2 {
		t.Fatalf("posted past the end of the list")
	}
}

func TestAcknowledgedReferralDoesNotEscalate(t *testing.T) {
	clk := &clock{now: t0}
	n, tg, dc := notifier(t, clk)
	ctx := context.Background()
	if err := n.Refer(ctx, runnerReferral("c#0", flow.Emergency)); err != nil {
		t.Fatal(err)
	}
	n.Wait()
	desk := NewDesk(n)
	id := IDFor("c#0")
	rep, err := desk.HandleStaff(ctx, runner.StaffInput{Channel: "telegram", Dest: "-100", User: "999", Press: "r:ack:" + id})
	if err != nil || !rep.Refused {
		t.Fatalf("stranger: %+v %v", rep, err)
	}
	rep, err = desk.HandleStaff(ctx, runner.StaffInput{Channel: "telegram", Dest: "-100", User: "111", Press: "r:ack:" + id})
	if err != nil || rep.Refused || !strings.HasPrefix(rep.Text, "Acknowledged by Dr. A at") {
		t.Fatalf("staff: %+v %v", rep, err)
	}
	_, edits := tg.snapshot()
	if len(edits) != 1 || !strings.Contains(edits[0].m.Text, "Acknowledged by Dr. A") || edits[0].m.Buttons[0].Label != "Contacted" {
		t.Fatalf("edits %+v", edits)
	}
	clk.add(time.Hour)
	n.Tick(ctx)
	if p, _ := dc.snapshot(); len(p) != 0 {
		t.Fatalf("acknowledged referral escalated")
	}
	// Commands.
	for _, c := range []struct{ cmd, args, want string }{
		{"referrals", "", "Open referrals (1):\n• " + id + " emergency acknowledged"},
		{"note", id + " left a voicemail", "Note added"},
		{"referral", id, "left a voicemail"},
		{"status", id + " closed", "Closed by Dr. A"},
		{"referrals", "", "No open referrals."},
		{"status", "nope closed", "No referral nope"},
		{"status", id, "Usage"},
		{"frobnicate", "", "Staff commands"},
	} {
		rep, err := desk.HandleStaff(ctx, runner.StaffInput{Channel: "discord", Dest: "555", User: "222", Command: c.cmd, Args: c.args})
		if err != nil || !strings.Contains(rep.Text, c.want) {
			t.Errorf("/%s %s: %q %v; want %q", c.cmd, c.args, rep.Text, err, c.want)
		}
	}
	if !desk.IsStaffDest("discord", "555") || desk.IsStaffDest("discord", "-100") {
		t.Fatal("IsStaffDest")
	}
}

func TestStoreOnlyWithoutSenders(t *testing.T) {
	st, lk, _ := newStore(t)
	n := NewNotifier(st, func(context.Context) (*flow.Clinic, error) { return clinic(), nil }, lk)
	ctx := context.Background()
	if err := n.Refer(ctx, runnerReferral("d#0", flow.Emergency)); err != nil {
		t.Fatal(err)
	}
	r, err := st.Get(ctx, IDFor("d#0"))
	if err != nil || r.Intentions != "" && r.Answers == nil {
		t.Fatalf("%v", err)
	}
	if _, due, _ := st.Scheduled(ctx, r.ID); due {
		t.Fatal("scheduled without senders")
	}
	js, _ := json.Marshal(r)
	if !strings.Contains(string(js), `"status":"new"`) {
		t.Fatalf("history: %s", js)
	}
}

// The summary names the safety category of a referral and shows the
// patient's message among the red flags.
func TestSummaryShowsSafetyCategory(t *testing.T) {
	for _, tt := range []struct {
		trigger string
		p       flow.Priority
		label   string
	}{
		{"abuse:en/abuse/hits-me", flow.Urgent, "Abuse or danger at home"},
		{"acute_medical:en/acute_medical/chest-pain", flow.Emergency, "Acute physical symptoms"},
		{"harm_to_others:en/harm_to_others/hurt-him", flow.Emergency, "Harm to others"},
		{"possible:en/possible/burden", flow.Routine, "Possible risk"},
	} {
		rr := runnerReferral("x#0", tt.p)
		rr.Trigger, rr.Message = tt.trigger, "the patient's words"
		s := Summary(Assemble(rr, bundle(), nil), nil)
		want := "RED FLAGS\n• " + tt.label + ": “the patient's words”"
		if !strings.Contains(s, "Trigger: "+tt.trigger) || !strings.Contains(s, want) || strings.Contains(s, "• Message:") {
			t.Fatalf("%s: summary lacks %q or shows the message twice:\n%s", tt.trigger, want, s)
		}
	}
}

// A caution is not called a contraindication, a question left unknown is
// listed as unknown (never as no), and an invalid total shows no number.
func TestSummaryKindsUnknownAndInvalid(t *testing.T) {
	b := bundle()
	q := b.Questionnaires["phq9"]
	q.Items = []*flow.Item{{ID: "q9", Unknown: true, Ask: &flow.Ask{Type: flow.AskYesNo, Short: flow.Text{"en": "Thoughts of death"}}}}
	q.Scoring.Flags = append(q.Scoring.Flags,
		flow.Flag{ID: "family", Kind: flow.FlagCaution, Label: flow.Text{"en": "Family history of psychosis"}},
		flow.Flag{ID: "lamo", Kind: flow.FlagNote, Label: flow.Text{"en": "Takes lamotrigine"}})
	rr := runnerReferral("tg:m:1:9#0", flow.Urgent)
	rr.Context.Results = []flow.Result{{Questionnaire: "phq9", Flags: []string{"family", "lamo"}, Missing: []string{"q9"}, Unknown: []string{"q9"}, Invalid: true}}
	r := Assemble(rr, b, nil)
	if len(r.RedFlags) != 2 || r.RedFlags[0].Kind != flow.FlagCaution || r.RedFlags[0].Contraindication || len(r.Unknown) != 1 {
		t.Fatalf("assembled %+v %+v", r.RedFlags, r.Unknown)
	}
	s := Summary(r, nil)
	for _, want := range []string{"• Caution: Family history of psychosis", "• Note: Takes lamotrigine", "• Unknown (not sure, or no clear answer; never read as no): Thoughts of death (phq9)", "• PHQ-9: no valid total (items without an answer: 1)"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "Contraindication: Family") {
		t.Errorf("a caution is called a contraindication:\n%s", s)
	}
}

// TestSummaryInClinicLanguage checks that a German patient's referral is
// labelled in the clinic's language (here English) for the care team, while
// the patient's own words stay as written.
func TestSummaryInClinicLanguage(t *testing.T) {
	b := bundle()
	b.Clinic.Locales = []string{"en", "de"}
	mood := b.Flows["intake"].Steps["mood"].Ask
	mood.Short["de"], mood.Choices[0].Label["de"] = "Stimmung", "Gedrückt"
	b.Questionnaires["phq9"].Title["de"] = "Gesundheitsfragebogen"
	rr := runnerReferral("tg:m:1:2#0", flow.Emergency)
	rr.Context.Locale = "de"
	r := Assemble(rr, b, nil)
	if r.Locale != "de" {
		t.Errorf("locale %q, want the patient's de", r.Locale)
	}
	sum := Summary(r, time.UTC)
	for _, want := range []string{"Mood", "Low", "PHQ-9", secretWords} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary lacks %q:\n%s", want, sum)
		}
	}
	for _, not := range []string{"Stimmung", "Gedrückt", "Gesundheitsfragebogen"} {
		if strings.Contains(sum, not) {
			t.Errorf("summary shows the patient's language (%q), not the clinic's:\n%s", not, sum)
		}
	}
}
