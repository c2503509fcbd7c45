package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/runner"
)

func TestListPutsUnacknowledgedEmergenciesFirst(t *testing.T) {
	t0 := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	mk := func(id string, p flow.Priority, age time.Duration, st referral.Status) *referral.Referral {
		return &referral.Referral{ID: id, Priority: p, Created: t0.Add(-age), History: []referral.Change{{Status: st}}}
	}
	rs := []*referral.Referral{
		mk("routine-old", flow.Routine, 48*time.Hour, referral.StatusNew),
		mk("em-acked", flow.Emergency, 3*time.Hour, referral.StatusAcknowledged),
		mk("urgent", flow.Urgent, time.Hour, referral.StatusNew),
		mk("em-new-young", flow.Emergency, time.Minute, referral.StatusNew),
		mk("em-new-old", flow.Emergency, time.Hour, referral.StatusNew),
		mk("soon", flow.Soon, 2*time.Hour, referral.StatusNew),
	}
	Sort(rs)
	var got []string
	for _, r := range rs {
		got = append(got, r.ID)
	}
	want := "em-new-old em-new-young em-acked urgent soon routine-old"
	if strings.Join(got, " ") != want {
		t.Fatalf("order %v, want %s", got, want)
	}
}

func TestReferralDeskActions(t *testing.T) {
	h := newHarness(t)
	id := h.emergency("test:ann")
	c := h.staffClient(alex)
	list := c.get("/")
	if !strings.Contains(list.body, `href="/referrals/`+id+`"`) || !strings.Contains(list.body, "unack") {
		t.Fatalf("list lacks the unacknowledged emergency:\n%s", list.body)
	}
	page := c.get("/referrals/" + id)
	if page.StatusCode != http.StatusOK || !strings.Contains(page.body, "EMERGENCY") || !strings.Contains(page.body, "Crisis message") {
		t.Fatalf("referral page: %d\n%s", page.StatusCode, page.body)
	}
	// Acknowledge, note, take over, write to the patient, hand back.
	if res := c.post("/referrals/"+id+"/status", url.Values{"status": {"acknowledged"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("acknowledge: %d", res.StatusCode)
	}
	page = c.get("/referrals/" + id)
	if !strings.Contains(page.body, `<strong id="status">acknowledged</strong>`) || !strings.Contains(page.body, "class=\"flash\"") {
		t.Fatalf("after acknowledging:\n%s", page.body)
	}
	c.post("/referrals/"+id+"/note", url.Values{"text": {"Called <b>her</b>; safe with her sister."}})
	c.post("/referrals/"+id+"/takeover", nil)
	c.post("/referrals/"+id+"/say", url.Values{"text": {"Hello, this is Dr. Example from the clinic."}})
	h.say("test:ann", "thank you")
	page = c.get("/referrals/" + id)
	for _, want := range []string{"Called &lt;b&gt;her&lt;/b&gt;; safe with her sister.", "Hello, this is Dr. Example", "thank you", "taken over by Dr. Alex Example"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("referral page lacks %q", want)
		}
	}
	reached := false
	for _, m := range h.sent.all("test:ann") {
		if m.Kind == engine.FromStaff && strings.Contains(m.Text, "Hello, this is Dr. Example") {
			reached = true
		}
	}
	if !reached {
		t.Fatal("the staff message did not reach the patient")
	}
	c.post("/referrals/"+id+"/handback", nil)
	r, err := h.refs.Store().Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status() != referral.StatusAcknowledged || len(r.Notes) != 1 || r.Takeover != nil || r.History[1].By != "Dr. Alex Example" {
		t.Fatalf("referral after the actions: %+v", r)
	}
	// Another staff member sees the acknowledgement.
	if !strings.Contains(h.staffClient(sam).get("/referrals/"+id).body, "acknowledged by Dr. Alex Example") {
		t.Fatal("the second staff member does not see who acknowledged")
	}
	// Export as FHIR.
	res := c.get("/referrals/" + id + "/fhir")
	var b map[string]any
	if res.StatusCode != http.StatusOK || json.Unmarshal([]byte(res.body), &b) != nil || b["resourceType"] != "Bundle" {
		t.Fatalf("FHIR export: %d %.200s", res.StatusCode, res.body)
	}
	if !strings.Contains(res.body, "ServiceRequest") || !strings.Contains(res.Header.Get("Content-Disposition"), "referral-"+id) {
		t.Fatalf("FHIR export lacks the referral: %.300s", res.body)
	}
	// Every view and action is in the audit log, by the staff member.
	entries, err := h.audit.List(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range entries {
		if strings.Contains(e.Actor, "111111111") && strings.Contains(e.Actor, "Dr. Alex Example") {
			seen[e.Action] = true
		}
		if strings.Contains(e.Target, "kill") || strings.Contains(e.Actor, "kill") {
			t.Fatalf("patient words in the audit log: %+v", e)
		}
	}
	for _, a := range []string{"web.link", "web.signin", "referrals.list", "referral.view", "referral.status.acknowledged", "referral.note", "referral.takeover", "referral.say", "referral.handback", "export"} {
		if !seen[a] {
			t.Errorf("audit log lacks %s (has %v)", a, seen)
		}
	}
}

func TestLiveRowsAndTimeline(t *testing.T) {
	h := newHarness(t)
	c := h.staffClient(alex)
	if body := c.get("/live").body; !strings.Contains(body, "No open referrals") {
		t.Fatalf("live rows before: %s", body)
	}
	id := h.emergency("test:bob")
	live := c.get("/live")
	if live.StatusCode != http.StatusOK || !strings.Contains(live.body, id) || strings.Contains(live.body, "<html") {
		t.Fatalf("live rows: %d %s", live.StatusCode, live.body)
	}
	// Staff booked a dosing session for the patient.
	if err := h.rt.Handle(context.Background(), runner.Inbound{ID: "appt:1", Patient: "test:bob", Input: engine.Input{Now: time.Now(),
		Appointment: &engine.AppointmentChange{Appointment: engine.Appointment{ID: "a1", Kind: "dosing", At: time.Now().Add(48 * time.Hour)}}}}); err != nil {
		t.Fatal(err)
	}
	tl := c.get("/referrals/" + id + "/timeline")
	if tl.StatusCode != http.StatusOK || !strings.Contains(tl.body, "emergency referral") || !strings.Contains(tl.body, "appointment: dosing (to come)") {
		t.Fatalf("timeline: %d\n%s", tl.StatusCode, tl.body)
	}
}

func TestSimulatorRunsAFlowOnAThrowawaySession(t *testing.T) {
	h := newHarness(t)
	c := h.staffClient(alex)
	if body := c.get("/simulator").body; !strings.Contains(body, `href="/simulator/phq9"`) {
		t.Fatalf("simulator list:\n%s", body)
	}
	page := c.get("/simulator/phq9")
	if page.StatusCode != http.StatusOK || !strings.Contains(page.body, `class="current"`) {
		t.Fatalf("simulator page: %d\n%s", page.StatusCode, page.body)
	}
	before := page.body
	if res := c.post("/simulator/phq9", url.Values{"text": {"1"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("simulator answer: %d", res.StatusCode)
	}
	after := c.get("/simulator/phq9").body
	if after == before || strings.Count(after, `<li class="you">`) != 1 {
		t.Fatalf("the answer was not applied:\n%s", after)
	}
	// Nothing of it is a patient: no session, no referral.
	if ps, _ := h.st.Patients(context.Background()); len(ps) != 0 {
		t.Fatalf("the simulator stored patients: %v", ps)
	}
	if res := c.get("/simulator/nope"); res.StatusCode != http.StatusNotFound {
		t.Fatalf("unknown flow: %d", res.StatusCode)
	}
}
