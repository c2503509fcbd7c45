// Package export turns what kapbot stored about patients into documents a
// clinic's records system accepts: a FHIR R4 Bundle (type collection) with a
// Patient, a QuestionnaireResponse per completed questionnaire and per flow
// run (its own questions, with a Questionnaire generated per flow), an
// Observation per questionnaire total (LOINC-coded where the questionnaire
// file names a loinc.total), and a ServiceRequest per referral, plus a Flag
// for referrals raised by a safety risk.
//
// The output holds health data. Callers write it where the operator asked
// (stdout) and record the export in the audit log; nothing here logs.
package export

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kapbot/kapbot/internal/flow"
)

// DefaultBase is the base of the canonical URLs and identifier systems the
// export makes up for kapbot's own things (questionnaires, patient ids,
// referral ids). A clinic sets its own with Options.Base.
const DefaultBase = "https://kapbot.example"

// Patient is one patient's exported data.
type Patient struct {
	ID        string        // stored patient id: "tg:123", "dc:456", "console:alice"
	Results   []flow.Result // completed questionnaires, oldest first
	Runs      []FlowRun     // flow runs with their own questions' answers, oldest first
	Referrals []Referral
}

// Referral is a referral as exported.
type Referral struct {
	ID       string // short id staff use ("3fa2c91b")
	Source   string // the runner's id
	Created  time.Time
	Priority flow.Priority
	Status   string // new, acknowledged, contacted, closed ("" = new)
	Trigger  string // "flow", "crisis:<rule>", "medical", "risk:<q>/<flag>"
	Reason   string
	Flow     string
	Notes    []Note
}

// Note is a staff note on a referral.
type Note struct {
	By   string
	At   time.Time
	Text string
}

// Risk reports whether the referral was raised by a safety risk (a crisis
// message, a risk flag, or an emergency).
func (r Referral) Risk() bool {
	return strings.HasPrefix(r.Trigger, "crisis") || strings.HasPrefix(r.Trigger, "risk") || r.Priority == flow.Emergency
}

// Options are the export's settings.
type Options struct {
	Base           string                         // canonical base URL; DefaultBase when ""
	Now            time.Time                      // the Bundle's timestamp
	Questionnaires map[string]*flow.Questionnaire // definitions for LOINC codes, item types and labels; may be nil
	Flows          map[string]*flow.Flow          // definitions for the Questionnaire generated per flow; may be nil
}

// Resource is a FHIR resource as JSON-ready data.
type Resource = map[string]any

// Bundle builds the FHIR R4 collection Bundle of patients. Patients without
// results or referrals still get a Patient resource. Resource ids and
// fullUrls (urn:uuid) are derived from the data, so the same data exports
// to the same Bundle.
func Bundle(patients []Patient, opt Options) Resource {
	base := strings.TrimRight(opt.Base, "/")
	if base == "" {
		base = DefaultBase
	}
	b := &builder{base: base, qs: opt.Questionnaires, flows: opt.Flows, seen: map[string]bool{}}
	for _, p := range patients {
		b.patient(p)
	}
	if b.entries == nil {
		b.entries = []any{}
	}
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	out := Resource{
		"resourceType": "Bundle",
		"id":           uuidOf("bundle", now.UTC().Format(time.RFC3339Nano)),
		"type":         "collection",
		"timestamp":    instant(now),
		"entry":        b.entries,
	}
	if len(b.entries) == 0 {
		delete(out, "entry")
	}
	cleanStrings(out)
	return out
}

// WriteFHIR writes the Bundle of patients as indented JSON to w.
func WriteFHIR(w io.Writer, patients []Patient, opt Options) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(Bundle(patients, opt)); err != nil {
		return fmt.Errorf("export: fhir: %w", err)
	}
	return nil
}

type builder struct {
	base    string
	qs      map[string]*flow.Questionnaire
	flows   map[string]*flow.Flow
	seen    map[string]bool // generated Questionnaires already added, by canonical URL
	entries []any
}

func (b *builder) add(id string, r Resource) string {
	r["id"] = id
	url := "urn:uuid:" + id
	b.entries = append(b.entries, map[string]any{"fullUrl": url, "resource": r})
	return url
}

func ref(url string) map[string]any { return map[string]any{"reference": url} }

// patientIdentifier splits a stored patient id into the identifier's
// system (per channel) and value.
func (b *builder) patientIdentifier(id string) map[string]any {
	channel, value, ok := strings.Cut(id, ":")
	if !ok {
		channel, value = "console", id
	}
	switch channel {
	case "tg":
		channel = "telegram"
	case "dc":
		channel = "discord"
	}
	return map[string]any{"use": "usual", "system": b.base + "/patient-id/" + channel, "value": value}
}

func (b *builder) patient(p Patient) {
	subject := b.add(uuidOf("patient", p.ID), Resource{
		"resourceType": "Patient",
		"identifier":   []any{b.patientIdentifier(p.ID)},
	})
	var evidence []any
	for i, res := range p.Results {
		qr := b.response(p.ID, subject, i, res)
		evidence = append(evidence, ref(qr))
		if obs := b.observation(p.ID, subject, i, res, qr); obs != "" {
			evidence = append(evidence, ref(obs))
		}
	}
	for _, r := range p.Runs {
		if qr := b.run(p.ID, subject, r); qr != "" {
			evidence = append(evidence, ref(qr))
		}
	}
	for _, r := range p.Referrals {
		b.referral(subject, r, evidence)
	}
}

func (b *builder) canonical(qid string) string { return b.base + "/Questionnaire/" + qid }

// response adds the QuestionnaireResponse of one result and returns its
// fullUrl.
func (b *builder) response(patient, subject string, i int, res flow.Result) string {
	q := b.qs[res.Questionnaire]
	var items []any
	asked := maps.Clone(res.Items)
	if asked == nil {
		asked = map[string]any{}
	}
	for _, id := range res.Missing {
		if _, ok := asked[id]; !ok {
			asked[id] = nil // asked, no answer: exported as asked-unknown
		}
	}
	for _, id := range itemOrder(q, asked) {
		var it *flow.Item
		if q != nil {
			for _, x := range q.Items {
				if x.ID == id {
					it = x
				}
			}
		}
		answers := answerValues(res.Items[id], it, q)
		if len(answers) == 0 && slices.Contains(res.Missing, id) {
			// Asked, but no answer (unknown, or no clear one): say so,
			// never leave it out as if it were not asked.
			answers = []any{map[string]any{"valueCoding": absent}}
		}
		if len(answers) == 0 {
			continue // not asked: FHIR wants an answer or nothing
		}
		var ask *flow.Ask
		if it != nil {
			ask = it.Ask
		}
		items = append(items, responseItem(id, answers, ask, locales(q)))
	}
	r := Resource{
		"resourceType":  "QuestionnaireResponse",
		"questionnaire": b.canonical(res.Questionnaire),
		"status":        "completed",
		"subject":       ref(subject),
	}
	if !res.At.IsZero() {
		r["authored"] = instant(res.At)
	}
	if len(items) > 0 {
		r["item"] = items
	}
	return b.add(uuidOf("qr", patient, strconv.Itoa(i), res.Questionnaire, instant(res.At)), r)
}

// observation adds the Observation of a result's total; "" when there is
// none to add.
func (b *builder) observation(patient, subject string, i int, res flow.Result, qr string) string {
	q := b.qs[res.Questionnaire]
	title := res.Questionnaire
	if q != nil {
		if t := q.Title.In(locales(q)...); t != "" {
			title = t
		}
	}
	code := map[string]any{"text": title + " total score"}
	if q != nil && q.LOINC.Total != "" {
		code["coding"] = []any{map[string]any{"system": "http://loinc.org", "code": q.LOINC.Total, "display": title + " total score"}}
	} else {
		code["coding"] = []any{map[string]any{"system": b.canonical(res.Questionnaire), "code": "total"}}
	}
	r := Resource{
		"resourceType": "Observation",
		"status":       "final",
		"category": []any{map[string]any{"coding": []any{map[string]any{
			"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "survey", "display": "Survey"}}}},
		"code":        code,
		"subject":     ref(subject),
		"derivedFrom": []any{ref(qr)},
	}
	if !res.At.IsZero() {
		r["effectiveDateTime"] = instant(res.At)
	}
	switch {
	case res.Invalid:
		// Too many items without an answer: there is no total, never a 0.
		r["dataAbsentReason"] = map[string]any{"coding": []any{map[string]any{
			"system": dataAbsentSystem, "code": "error", "display": "Error"}},
			"text": fmt.Sprintf("No valid total: %d items without an answer, more than the instrument's missing-data rule allows", len(res.Missing))}
	case res.Total == math.Trunc(res.Total) && math.Abs(res.Total) < 1<<31:
		r["valueInteger"] = int64(res.Total)
	default:
		r["valueQuantity"] = map[string]any{"value": res.Total}
	}
	if res.Band != "" {
		label := res.Band
		if q != nil {
			for _, band := range q.Scoring.Bands {
				if band.Name == res.Band {
					if l := band.Label.In(locales(q)...); l != "" {
						label = l
					}
				}
			}
		}
		r["interpretation"] = []any{map[string]any{"text": label}}
		r["note"] = []any{map[string]any{"text": "Band: " + label}}
	}
	if len(res.Flags) > 0 {
		notes, _ := r["note"].([]any)
		r["note"] = append(notes, map[string]any{"text": "Flags: " + strings.Join(flagsWithKind(q, res.Flags), ", ")})
	}
	if res.Prorated {
		notes, _ := r["note"].([]any)
		r["note"] = append(notes, map[string]any{"text": fmt.Sprintf("Prorated over items without an answer: %s", strings.Join(res.Missing, ", "))})
	}
	if len(res.Unknown) > 0 {
		notes, _ := r["note"].([]any)
		r["note"] = append(notes, map[string]any{"text": "Unknown (not sure, or no clear answer; never read as no): " + strings.Join(res.Unknown, ", ")})
	}
	return b.add(uuidOf("obs", patient, strconv.Itoa(i), res.Questionnaire, instant(res.At)), r)
}

// dataAbsentSystem is FHIR's code system of reasons a value is missing.
const dataAbsentSystem = "http://terminology.hl7.org/CodeSystem/data-absent-reason"

// absent is the answer of an item asked but left without an answer.
var absent = map[string]any{"system": dataAbsentSystem, "code": "asked-unknown", "display": "Asked But Unknown"}

// flagsWithKind names each flag with its kind when it has one:
// "heart (caution)".
func flagsWithKind(q *flow.Questionnaire, flags []string) []string {
	out := make([]string, len(flags))
	for i, id := range flags {
		out[i] = id
		if q == nil {
			continue
		}
		for _, f := range q.Scoring.Flags {
			if f.ID == id && f.Risk {
				out[i] = id + " (risk)"
			} else if f.ID == id && f.Kind != "" {
				out[i] = id + " (" + string(f.Kind) + ")"
			}
		}
	}
	return out
}

// requestPriority maps a referral priority to FHIR's request-priority.
func requestPriority(p flow.Priority) string {
	switch p {
	case flow.Soon:
		return "urgent"
	case flow.Urgent:
		return "asap"
	case flow.Emergency:
		return "stat"
	}
	return "routine"
}

func (b *builder) referral(subject string, r Referral, evidence []any) {
	status := "active"
	if r.Status == "closed" {
		status = "completed"
	}
	reason := r.Reason
	if reason == "" {
		reason = "Referral to a clinician (" + r.Trigger + ")"
	}
	sr := Resource{
		"resourceType": "ServiceRequest",
		"identifier":   []any{map[string]any{"system": b.base + "/referral-id", "value": r.ID}},
		"status":       status,
		"intent":       "order",
		"category": []any{map[string]any{"coding": []any{map[string]any{
			"system": "http://snomed.info/sct", "code": "3457005", "display": "Patient referral"}}}},
		"priority":   requestPriority(r.Priority),
		"code":       map[string]any{"text": "Referral to a clinician"},
		"subject":    ref(subject),
		"reasonCode": []any{map[string]any{"text": reason}},
	}
	if !r.Created.IsZero() {
		sr["authoredOn"] = instant(r.Created)
	}
	if len(evidence) > 0 {
		sr["supportingInfo"] = evidence
	}
	var notes []any
	for _, n := range r.Notes {
		a := map[string]any{"text": n.Text}
		if n.By != "" {
			a["authorString"] = n.By
		}
		if !n.At.IsZero() {
			a["time"] = instant(n.At)
		}
		notes = append(notes, a)
	}
	if len(notes) > 0 {
		sr["note"] = notes
	}
	b.add(uuidOf("sr", r.Source, r.ID), sr)
	if !r.Risk() {
		return
	}
	flagStatus := "active"
	if status != "active" {
		flagStatus = "inactive"
	}
	fl := Resource{
		"resourceType": "Flag",
		"identifier":   []any{map[string]any{"system": b.base + "/referral-id", "value": r.ID}},
		"status":       flagStatus,
		"category": []any{map[string]any{"coding": []any{map[string]any{
			"system": "http://terminology.hl7.org/CodeSystem/flag-category", "code": "safety", "display": "Safety"}}}},
		"code":    map[string]any{"text": "Safety risk reported during screening: " + reason},
		"subject": ref(subject),
	}
	if !r.Created.IsZero() {
		fl["period"] = map[string]any{"start": instant(r.Created)}
	}
	b.add(uuidOf("flag", r.Source, r.ID), fl)
}

// itemOrder lists the answered item ids: the questionnaire's order first,
// then unknown ones sorted.
func itemOrder(q *flow.Questionnaire, answers map[string]any) []string {
	var out []string
	seen := map[string]bool{}
	if q != nil {
		for _, it := range q.Items {
			if _, ok := answers[it.ID]; ok {
				out = append(out, it.ID)
				seen[it.ID] = true
			}
		}
	}
	var rest []string
	for id := range answers {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

func locales(q *flow.Questionnaire) []string {
	if q == nil {
		return nil
	}
	return []string{q.Locale}
}

// answerValues turns one stored answer into QuestionnaireResponse answers:
// valueCoding for choices (code = the stored value, display = its label),
// valueInteger or valueDecimal for numbers, valueBoolean for yes/no,
// valueDate for dates and valueString for text.
func answerValues(v any, it *flow.Item, q *flow.Questionnaire) []any {
	var ask *flow.Ask
	if it != nil {
		ask = it.Ask
	}
	coding := func(code string) map[string]any {
		c := map[string]any{"code": code}
		if ask != nil {
			for _, ch := range ask.Choices {
				if ch.Value == code {
					if l := ch.Label.In(locales(q)...); l != "" {
						c["display"] = l
					}
				}
			}
		}
		return map[string]any{"valueCoding": c}
	}
	isChoice := ask != nil && (ask.Type == flow.AskChoice || ask.Type == flow.AskMulti)
	switch x := v.(type) {
	case nil:
		return nil
	case bool:
		return []any{map[string]any{"valueBoolean": x}}
	case float64:
		s := strconv.FormatFloat(x, 'f', -1, 64)
		if isChoice {
			return []any{coding(s)}
		}
		if x == math.Trunc(x) && math.Abs(x) < 1<<31 {
			return []any{map[string]any{"valueInteger": int64(x)}}
		}
		return []any{map[string]any{"valueDecimal": x}}
	case string:
		if x == "" {
			return nil
		}
		if isChoice {
			return []any{coding(x)}
		}
		if ask != nil && ask.Type == flow.AskDate {
			if _, err := time.Parse("2006-01-02", x); err == nil {
				return []any{map[string]any{"valueDate": x}}
			}
		}
		return []any{map[string]any{"valueString": x}}
	case []string:
		var out []any
		for _, e := range x {
			out = append(out, answerValues(e, it, q)...)
		}
		return out
	case []any:
		var out []any
		for _, e := range x {
			out = append(out, answerValues(e, it, q)...)
		}
		return out
	}
	return []any{map[string]any{"valueString": fmt.Sprint(v)}}
}

// instant formats t as a FHIR dateTime/instant in UTC with seconds.
func instant(t time.Time) string { return t.UTC().Truncate(time.Second).Format(time.RFC3339) }

// uuidOf derives a version-5-shaped UUID from parts, so ids are stable
// across exports of the same data.
func uuidOf(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	u := sum[:16]
	u[6] = (u[6] & 0x0f) | 0x50
	u[8] = (u[8] & 0x3f) | 0x80
	h := hex.EncodeToString(u)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// cleanStrings replaces, in every string of v (maps and slices walked in
// place), the characters a FHIR string must not hold (code points below
// 32 except tab, carriage return and line feed) with U+FFFD, so that
// whatever a patient typed the export stays valid FHIR.
func cleanStrings(v any) any {
	switch x := v.(type) {
	case string:
		return fhirString(x)
	case map[string]any:
		for k, e := range x {
			x[k] = cleanStrings(e)
		}
	case []any:
		for i, e := range x {
			x[i] = cleanStrings(e)
		}
	case []map[string]any:
		for _, e := range x {
			cleanStrings(e)
		}
	case []string:
		for i, e := range x {
			x[i] = fhirString(e)
		}
	}
	return v
}

func fhirString(s string) string {
	if !strings.ContainsFunc(s, fhirForbidden) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if fhirForbidden(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

func fhirForbidden(r rune) bool { return r < 32 && r != '\t' && r != '\r' && r != '\n' }

// responseItem is one answered item of a QuestionnaireResponse: its linkId,
// its answers and, when the question is known, its text in the first of
// locales that has one.
func responseItem(linkID string, answers []any, ask *flow.Ask, locales []string) map[string]any {
	item := map[string]any{"linkId": linkID, "answer": answers}
	if ask != nil {
		if t := ask.Text.In(locales...); t != "" {
			item["text"] = t
		}
	}
	return item
}
