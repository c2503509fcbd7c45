package referral

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/runner"
)

// fakePatients stands in for the runner: it records what the desk applies
// and hands the notifier the turn the engine would produce.
type fakePatients struct {
	mu  sync.Mutex
	n   *Notifier
	ins []runner.Inbound
}

func (f *fakePatients) Handle(ctx context.Context, in runner.Inbound) error {
	f.mu.Lock()
	f.ins = append(f.ins, in)
	f.mu.Unlock()
	a := in.Input.Staff
	kind := map[engine.StaffKind]engine.RelayKind{engine.StaffTakeover: engine.RelayTakeover, engine.StaffSay: engine.RelayStaff,
		engine.StaffHandback: engine.RelayHandback}[a.Kind]
	return f.n.Relay(ctx, runner.Relayed{ID: in.ID + "#0", Referral: a.Referral, Patient: in.Patient, Kind: kind, Text: a.Text,
		By: a.By, Channel: a.Channel, Dest: a.Dest, User: a.User, At: in.Input.Now})
}

func TestDeskTakeoverRecordsEveryTurn(t *testing.T) {
	clk := &clock{now: t0}
	n, tg, _ := notifier(t, clk)
	ctx := context.Background()
	pats := &fakePatients{n: n}
	d := NewDesk(n, WithPatients(pats))
	if err := n.Refer(ctx, runnerReferral("tk#0", flow.Urgent)); err != nil {
		t.Fatal(err)
	}
	n.Wait()
	id := IDFor("tk#0")
	staff := func(cmd, args, msg string) runner.StaffReply {
		t.Helper()
		rep, err := d.HandleStaff(ctx, runner.StaffInput{Channel: "telegram", Dest: "-100", User: "111", Command: cmd, Args: args, MessageID: msg})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}

	if rep, _ := d.HandleStaff(ctx, runner.StaffInput{Channel: "telegram", Dest: "-100", User: "999", Command: "takeover", Args: id}); !rep.Refused {
		t.Fatalf("a stranger took over: %+v", rep)
	}
	if rep := staff("say", id+" hello", "1"); !strings.Contains(rep.Text, "/takeover "+id+" first") {
		t.Fatalf("say before takeover: %q", rep.Text)
	}
	if rep := staff("takeover", id, "2"); !strings.Contains(rep.Text, "You are writing with the patient") {
		t.Fatalf("takeover: %q", rep.Text)
	}
	r, _ := n.Store().Get(ctx, id)
	if r.Takeover == nil || r.Takeover.By != "Dr. A" || r.Takeover.Dest != "-100" || r.Status() != StatusAcknowledged {
		t.Fatalf("after takeover: %+v, status %s", r.Takeover, r.Status())
	}
	staff("say", id+" Hello, this is Dr. A.\nHow are you?", "3")

	// The patient answers: posted to the takeover's chat, once however
	// often the runner hands it over.
	m := runner.Relayed{ID: "tg:m:4242:9#0", Referral: id, Patient: "tg:4242", Kind: engine.RelayPatient, Text: secretWords, At: t0}
	for range 2 {
		if err := n.Relay(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	posts, _ := tg.snapshot()
	var relayPosts []post
	for _, p := range posts {
		if strings.Contains(p.m.Text, "Patient of referral "+id) {
			relayPosts = append(relayPosts, p)
		}
	}
	if len(relayPosts) != 1 || relayPosts[0].dest != "-100" || !strings.Contains(relayPosts[0].m.Text, secretWords) {
		t.Fatalf("relay posts %+v", relayPosts)
	}
	// A reply to that post goes to the patient.
	rep, err := d.HandleStaff(ctx, runner.StaffInput{Channel: "telegram", Dest: "-100", User: "111", Command: "reply", Args: "Thank you for telling me.",
		ReplyTo: relayPosts[0].msg, MessageID: "5"})
	if err != nil || !strings.Contains(rep.Text, "Sent to the patient") {
		t.Fatalf("reply: %q %v", rep.Text, err)
	}
	if rep := staff("handback", id, "6"); !strings.Contains(rep.Text, "Handed back") {
		t.Fatalf("handback: %q", rep.Text)
	}
	r, _ = n.Store().Get(ctx, id)
	var kinds []string
	for _, x := range r.Relays {
		kinds = append(kinds, string(x.Kind)+":"+x.By)
	}
	if got := strings.Join(kinds, " "); got != "takeover:Dr. A staff:Dr. A patient: staff:Dr. A handback:Dr. A" || r.Takeover != nil {
		t.Fatalf("recorded %s; takeover %+v", got, r.Takeover)
	}
	if r.Relays[1].Text != "Hello, this is Dr. A.\nHow are you?" || r.Relays[3].Text != "Thank you for telling me." {
		t.Fatalf("texts %q %q", r.Relays[1].Text, r.Relays[3].Text)
	}
	// Every staff action reached the patient of the referral, each with
	// its own event id.
	seen := map[string]bool{}
	for _, in := range pats.ins {
		if in.Patient != "tg:4242" || seen[in.ID] {
			t.Fatalf("inbound %+v", in)
		}
		seen[in.ID] = true
	}
	if !strings.Contains(Detail(r, nil), "Thank you for telling me.") {
		t.Fatalf("the detail view lacks the conversation:\n%s", Detail(r, nil))
	}
}

func TestRelayedTextIsSealed(t *testing.T) {
	st, _, keys := newStore(t)
	ctx := context.Background()
	r := Assemble(runnerReferral("s#0", flow.Routine), nil, nil)
	r.Relays = []Relay{{ID: "x", Kind: engine.RelayPatient, Text: "a very private sentence", At: t0}}
	if _, err := st.Create(ctx, r, t0); err != nil {
		t.Fatal(err)
	}
	for _, v := range keys() {
		if strings.Contains(v, "private sentence") {
			t.Fatal("relayed text stored in the clear")
		}
	}
}
