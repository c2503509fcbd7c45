package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/export"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/runner"
)

// pageData is what every page template gets.
type pageData struct {
	Title string
	Staff string // the signed-in staff member's name ("" when signed out)
	CSRF  string
	Flash string
	Poll  int64 // ms between polls of the referral list (list page only)
	Data  any
}

func (s *Server) page(w http.ResponseWriter, r *http.Request, status int, name string, sess *session, d pageData) {
	if sess != nil {
		d.Staff, d.CSRF = sess.member.Name, sess.CSRF
		d.Flash = s.flash(r.Context(), sess)
	}
	var buf bytes.Buffer
	if err := s.tmpl[name].ExecuteTemplate(&buf, "layout", d); err != nil {
		s.cfg.Log.Error("web: page not rendered", "page", name, "err", err)
		http.Error(w, "The page could not be shown.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// refuse answers with a page saying msg (a fixed text, never patient
// data).
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.page(w, r, status, "message", nil, pageData{Title: "Not allowed", Data: msg})
}

// fail logs a storage failure (what failed, never patient data) and
// answers 500.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, what string, err error) {
	s.cfg.Log.Error("web: request failed", "what", what, "err", err)
	s.page(w, r, http.StatusInternalServerError, "message", nil, pageData{Title: "Something went wrong", Data: "Something went wrong on our side; nothing was changed. Please try again."})
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, sess *session) {
	s.page(w, r, http.StatusNotFound, "message", sess, pageData{Title: "Not found", Data: "There is no such referral: it may have been closed long ago and expired, or erased at the patient's request."})
}

// row is one referral in the list.
type row struct {
	ID, Priority, Status, Trigger, Reason, Flow string
	Created                                     time.Time
	Unacknowledged                              bool // an emergency nobody acknowledged
	TakenOver                                   bool
	Notes                                       int
}

var priorityRank = map[flow.Priority]int{flow.Emergency: 0, flow.Urgent: 1, flow.Soon: 2, flow.Routine: 3}

// Sort orders open referrals as the desk shows them: emergencies nobody
// acknowledged first, then by priority, then oldest first.
func Sort(rs []*referral.Referral) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		ua := a.Priority == flow.Emergency && a.Status() == referral.StatusNew
		ub := b.Priority == flow.Emergency && b.Status() == referral.StatusNew
		if ua != ub {
			return ua
		}
		if pa, pb := rank(a.Priority), rank(b.Priority); pa != pb {
			return pa < pb
		}
		return a.Created.Before(b.Created)
	})
}

func rank(p flow.Priority) int {
	if r, ok := priorityRank[p]; ok {
		return r
	}
	return len(priorityRank)
}

func (s *Server) rows(r *http.Request) ([]row, error) {
	open, err := s.store.Open(r.Context())
	if err != nil {
		return nil, err
	}
	Sort(open)
	out := make([]row, 0, len(open))
	for _, x := range open {
		out = append(out, row{ID: x.ID, Priority: string(x.Priority), Status: string(x.Status()), Trigger: triggerLabel(x.Trigger),
			Reason: x.Reason, Flow: x.Flow, Created: x.Created,
			Unacknowledged: x.Priority == flow.Emergency && x.Status() == referral.StatusNew, TakenOver: x.Takeover != nil, Notes: len(x.Notes)})
	}
	return out, nil
}

// triggerLabel names a trigger without the detector's rule.
func triggerLabel(t string) string {
	cat, _, _ := strings.Cut(t, ":")
	switch cat {
	case "crisis":
		return "crisis message"
	case "acute_medical":
		return "acute physical symptoms"
	case "harm_to_others":
		return "harm to others"
	case "abuse":
		return "abuse or danger at home"
	case "possible":
		return "possible risk"
	case "risk":
		return "risk answer"
	case "medical":
		return "medical question"
	case "flow":
		return "flow"
	}
	return cat
}

func (s *Server) list(w http.ResponseWriter, r *http.Request, sess *session) {
	rows, err := s.rows(r)
	if err != nil {
		s.fail(w, r, "open referrals", err)
		return
	}
	s.record(r.Context(), sess.who(), "referrals.list", "web")
	s.page(w, r, http.StatusOK, "list", sess, pageData{Title: "Open referrals", Poll: s.cfg.Poll.Milliseconds(), Data: listData{Rows: rows, Now: s.cfg.Now()}})
}

type listData struct {
	Rows []row
	Now  time.Time
}

// live is the referral list's rows alone, for the page's script to swap
// in. It shows what the list page shows (its view was recorded), so the
// polls themselves are not recorded one by one.
func (s *Server) live(w http.ResponseWriter, r *http.Request, sess *session) {
	rows, err := s.rows(r)
	if err != nil {
		s.cfg.Log.Warn("web: open referrals unreadable", "err", err)
		http.Error(w, "", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.tmpl["list"].ExecuteTemplate(w, "rows", listData{Rows: rows, Now: s.cfg.Now()}); err != nil {
		s.cfg.Log.Error("web: rows not rendered", "err", err)
	}
}

var idPattern = regexp.MustCompile(`^[0-9a-f]{8}$`)

// referral reads the referral of the path's id; nil after answering 404
// (unknown, expired, erased, or not this clinic's store) or 500.
func (s *Server) referral(w http.ResponseWriter, r *http.Request, sess *session) *referral.Referral {
	id := r.PathValue("id")
	if !idPattern.MatchString(id) {
		s.notFound(w, r, sess)
		return nil
	}
	ref, err := s.store.Get(r.Context(), id)
	if errors.Is(err, referral.ErrNotFound) {
		s.notFound(w, r, sess)
		return nil
	}
	if err != nil {
		s.fail(w, r, "read referral", err)
		return nil
	}
	return ref
}

// resultView is a completed questionnaire with every item.
type resultView struct {
	Questionnaire, Title, Band string
	At                         time.Time
	Total                      string
	Invalid, Prorated          bool
	Flags                      []string
	Items                      []itemView
	Missing                    []string
}

type itemView struct{ Label, Value string }

func (s *Server) records(r *http.Request, patient string) []runner.Record {
	if s.cfg.History == nil {
		return nil
	}
	recs, err := s.cfg.History(r.Context(), patient)
	if err != nil {
		s.cfg.Log.Warn("web: patient history unreadable", "err", err)
		return nil
	}
	return recs
}

func (s *Server) bundle(r *http.Request) *flow.Bundle {
	if s.cfg.Bundle == nil {
		return nil
	}
	b, err := s.cfg.Bundle(r.Context())
	if err != nil {
		return nil
	}
	return b
}

// results are the patient's questionnaire results, newest first, with
// every item answered and every item missing.
func results(recs []runner.Record, b *flow.Bundle, locale string) []resultView {
	var out []resultView
	for _, rec := range recs {
		if rec.Result == nil {
			continue
		}
		res := rec.Result
		v := resultView{Questionnaire: res.Questionnaire, Title: res.Questionnaire, Band: res.Band, At: res.At,
			Total: strconv.FormatFloat(res.Total, 'f', -1, 64), Invalid: res.Invalid, Prorated: res.Prorated, Flags: res.Flags}
		if v.At.IsZero() {
			v.At = rec.At
		}
		var q *flow.Questionnaire
		if b != nil {
			q = b.Questionnaires[res.Questionnaire]
		}
		label := func(id string) (string, *flow.Ask) {
			if q != nil {
				for _, it := range q.Items {
					if it.ID == id && it.Ask != nil {
						if l := it.Ask.Short.In(locale, "en"); l != "" {
							return l, it.Ask
						}
						return it.Ask.Text.In(locale, "en"), it.Ask
					}
				}
			}
			return id, nil
		}
		if q != nil {
			if t := q.Title.In(locale, "en"); t != "" {
				v.Title = t
			}
			for _, b := range q.Scoring.Bands {
				if b.Name == res.Band {
					if l := b.Label.In(locale, "en"); l != "" {
						v.Band = l
					}
				}
			}
			for _, it := range q.Items {
				if val, ok := res.Items[it.ID]; ok {
					l, ask := label(it.ID)
					v.Items = append(v.Items, itemView{Label: l, Value: value(val, ask, locale)})
				}
			}
		} else {
			ids := make([]string, 0, len(res.Items))
			for id := range res.Items {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			for _, id := range ids {
				v.Items = append(v.Items, itemView{Label: id, Value: value(res.Items[id], nil, locale)})
			}
		}
		for _, id := range res.Missing {
			l, _ := label(id)
			if slices.Contains(res.Unknown, id) {
				l += " (not sure)"
			}
			v.Missing = append(v.Missing, l)
		}
		out = append(out, v)
	}
	slices.Reverse(out) // newest first
	return out
}

// value shows an item's answer with its choice label when there is one.
func value(v any, ask *flow.Ask, locale string) string {
	s := fmt.Sprint(v)
	if f, ok := v.(float64); ok {
		s = strconv.FormatFloat(f, 'f', -1, 64)
	}
	if ask != nil {
		for _, c := range ask.Choices {
			if c.Value == s {
				if l := c.Label.In(locale, "en"); l != "" {
					return s + " · " + l
				}
			}
		}
	}
	return s
}

type referralData struct {
	R        *referral.Referral
	Status   string
	Trigger  string
	Summary  string
	Results  []resultView
	Charts   []chartView
	Relays   []relayView
	Statuses []string // the statuses it may be set to
}

// chartView is a course chart: questionnaire id and title.
type chartView struct{ ID, Title string }

type relayView struct {
	At      time.Time
	Who     string
	Text    string
	Patient bool
}

func relays(r *referral.Referral) []relayView {
	var out []relayView
	for _, x := range r.Relays {
		v := relayView{At: x.At, Text: x.Text, Who: x.By}
		switch x.Kind {
		case engine.RelayTakeover:
			v.Text = "took over the conversation"
		case engine.RelayHandback:
			v.Text = "handed back to the questions"
		case engine.RelayUndelivered:
			v.Text = "(not delivered: the conversation was no longer taken over) " + x.Text
		case engine.RelayPatient:
			v.Who, v.Patient = "Patient", true
		}
		out = append(out, v)
	}
	return out
}

func (s *Server) referralPage(w http.ResponseWriter, r *http.Request, sess *session) {
	ref := s.referral(w, r, sess)
	if ref == nil {
		return
	}
	s.record(r.Context(), sess.who(), "referral.view", ref.ID)
	d := referralData{R: ref, Status: string(ref.Status()), Trigger: triggerLabel(ref.Trigger), Summary: referral.Summary(ref, s.cfg.Location),
		Relays: relays(ref)}
	b := s.bundle(r)
	for q, pts := range ref.Course {
		if len(pts) >= 2 {
			c := chartView{ID: q, Title: q}
			if b != nil && b.Questionnaires[q] != nil {
				if t := b.Questionnaires[q].Title.In(ref.Locale, "en"); t != "" {
					c.Title = t
				}
			}
			d.Charts = append(d.Charts, c)
		}
	}
	slices.SortFunc(d.Charts, func(a, b chartView) int { return strings.Compare(a.ID, b.ID) })
	d.Results = results(s.records(r, ref.Patient), b, ref.Locale)
	for _, st := range []referral.Status{referral.StatusAcknowledged, referral.StatusContacted, referral.StatusClosed} {
		if st != ref.Status() {
			d.Statuses = append(d.Statuses, string(st))
		}
	}
	s.page(w, r, http.StatusOK, "referral", sess, pageData{Title: "Referral " + ref.ID, Data: d})
}

func (s *Server) chart(w http.ResponseWriter, r *http.Request, sess *session) {
	ref := s.referral(w, r, sess)
	if ref == nil {
		return
	}
	qid := r.PathValue("q")
	pts := ref.Course[qid]
	var q *flow.Questionnaire
	title := qid
	if b := s.bundle(r); b != nil && b.Questionnaires[qid] != nil {
		q = b.Questionnaires[qid]
		if t := q.Title.In(ref.Locale, "en"); t != "" {
			title = t
		}
	}
	png, err := referral.Chart(q, title, pts)
	if err != nil {
		s.notFound(w, r, sess)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(png)
}

// timelineEntry is one thing that happened to the patient.
type timelineEntry struct {
	At   time.Time
	Kind string
	Text string
	Link string // a referral id
}

func (s *Server) timeline(w http.ResponseWriter, r *http.Request, sess *session) {
	ref := s.referral(w, r, sess)
	if ref == nil {
		return
	}
	s.record(r.Context(), sess.who(), "patient.timeline", ref.ID)
	var es []timelineEntry
	b := s.bundle(r)
	for _, rec := range s.records(r, ref.Patient) {
		switch {
		case rec.Result != nil:
			t := rec.Result.Questionnaire
			if b != nil && b.Questionnaires[t] != nil {
				t = b.Questionnaires[t].Title.In(ref.Locale, "en")
			}
			txt := fmt.Sprintf("%s: total %s", t, strconv.FormatFloat(rec.Result.Total, 'f', -1, 64))
			if rec.Result.Invalid {
				txt = t + ": no valid total (too many items missing)"
			} else if rec.Result.Band != "" {
				txt += " (" + rec.Result.Band + ")"
			}
			es = append(es, timelineEntry{At: rec.At, Kind: "result", Text: txt})
		case rec.Referral != nil:
			es = append(es, timelineEntry{At: rec.At, Kind: "referral", Text: fmt.Sprintf("%s referral · %s · flow %s", rec.Referral.Priority, triggerLabel(rec.Referral.Trigger), rec.Referral.Flow),
				Link: referral.IDFor(rec.Referral.ID)})
		case rec.Kind == "finished":
			es = append(es, timelineEntry{At: rec.At, Kind: "flow", Text: "finished a flow " + rec.Status})
		}
	}
	if s.cfg.State != nil {
		if st, err := s.cfg.State(r.Context(), ref.Patient); err != nil {
			s.cfg.Log.Warn("web: patient session unreadable", "err", err)
		} else {
			for _, a := range st.Appts {
				es = append(es, timelineEntry{At: a.At, Kind: "appointment", Text: "appointment: " + a.Kind})
			}
		}
	}
	for i, c := range ref.History {
		if i == 0 {
			continue // the referral's creation, listed from the records
		}
		es = append(es, timelineEntry{At: c.At, Kind: "status", Text: fmt.Sprintf("referral %s %s by %s", ref.ID, c.Status, c.By)})
	}
	for _, n := range ref.Notes {
		es = append(es, timelineEntry{At: n.At, Kind: "note", Text: "note by " + n.By})
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].At.Before(es[j].At) })
	s.page(w, r, http.StatusOK, "timeline", sess, pageData{Title: "Timeline of the patient of referral " + ref.ID, Data: timelineData{R: ref, Entries: es, Now: s.cfg.Now()}})
}

type timelineData struct {
	R       *referral.Referral
	Entries []timelineEntry
	Now     time.Time // appointments after it are still to come
}

// fhir exports the referral, with the patient's questionnaire results, as
// a FHIR R4 bundle (recorded as an export).
func (s *Server) fhir(w http.ResponseWriter, r *http.Request, sess *session) {
	ref := s.referral(w, r, sess)
	if ref == nil {
		return
	}
	p := export.Patient{ID: ref.Patient}
	for _, rec := range s.records(r, ref.Patient) {
		if rec.Result != nil {
			p.Results = append(p.Results, *rec.Result)
		}
	}
	er := export.Referral{ID: ref.ID, Source: ref.Source, Created: ref.Created, Priority: ref.Priority, Status: string(ref.Status()),
		Trigger: ref.Trigger, Reason: ref.Reason, Flow: ref.Flow}
	for _, n := range ref.Notes {
		er.Notes = append(er.Notes, export.Note{By: n.By, At: n.At, Text: n.Text})
	}
	p.Referrals = []export.Referral{er}
	var qs map[string]*flow.Questionnaire
	if b := s.bundle(r); b != nil {
		qs = b.Questionnaires
	}
	var buf bytes.Buffer
	if err := export.WriteFHIR(&buf, []export.Patient{p}, export.Options{Base: s.cfg.FHIRBase, Now: s.cfg.Now(), Questionnaires: qs}); err != nil {
		s.fail(w, r, "fhir export", err)
		return
	}
	s.record(r.Context(), sess.who(), "export", "format=fhir referral="+ref.ID+" patients=1 ids="+referral.PatientHash(ref.Patient))
	w.Header().Set("Content-Type", "application/fhir+json")
	w.Header().Set("Content-Disposition", `attachment; filename="referral-`+ref.ID+`.fhir.json"`)
	w.Write(buf.Bytes())
}

// act performs an action on a referral through the chat desk's code
// (referral.Desk.Act), records it, and shows the referral again with the
// desk's answer.
func (s *Server) act(w http.ResponseWriter, r *http.Request, sess *session) {
	ref := s.referral(w, r, sess)
	if ref == nil {
		return
	}
	in := runner.StaffInput{Channel: referral.WebChannel, Dest: "web", User: sess.Staff, Name: sess.member.Name, MessageID: "w" + token()[:16]}
	text := strings.TrimSpace(r.PostFormValue("text"))
	action := r.PathValue("action")
	switch action {
	case "status":
		st, ok := referral.ParseStatus(r.PostFormValue("status"))
		if !ok || st == referral.StatusNew {
			s.page(w, r, http.StatusBadRequest, "message", sess, pageData{Title: "Not changed", Data: "Choose acknowledged, contacted or closed."})
			return
		}
		in.Command, in.Args = "status", ref.ID+" "+string(st)
		action = "status." + string(st)
	case "note", "say":
		if text == "" || len(text) > referral.MaxStaffText {
			s.page(w, r, http.StatusBadRequest, "message", sess, pageData{Title: "Not sent",
				Data: fmt.Sprintf("Write between 1 and %d characters.", referral.MaxStaffText)})
			return
		}
		in.Command, in.Args = action, ref.ID+" "+text
	case "takeover", "handback":
		in.Command, in.Args = action, ref.ID
	default:
		s.notFound(w, r, sess)
		return
	}
	rep, err := s.cfg.Desk.Act(r.Context(), sess.member, in)
	if err != nil {
		s.fail(w, r, "referral action", err)
		return
	}
	s.record(r.Context(), sess.who(), "referral."+action, ref.ID)
	sess.Flash = rep.Text
	s.save(r.Context(), sess)
	http.Redirect(w, r, "/referrals/"+ref.ID, http.StatusSeeOther)
}
