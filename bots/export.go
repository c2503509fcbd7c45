package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kapbot/kapbot/internal/export"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/termsafe"
)

// parseSince reads a --since value: RFC 3339 or a date (UTC midnight).
func parseSince(flag, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		t, err = time.Parse("2006-01-02", v)
	}
	if err != nil {
		return time.Time{}, usagef("%s --since %q: use RFC 3339 (2026-11-01T09:00:00Z) or a date (2026-11-01)", flag, v)
	}
	return t, nil
}

// matchesReferral reports whether id names the referral: its short staff id
// or the runner's id.
func matchesReferral(r runner.Referral, id string) bool {
	return r.ID == id || referral.IDFor(r.ID) == id
}

func cmdExport(ctx context.Context, cfg Config, args []string, s stdio) error {
	fs := newFlags("export", "kapbot export [--format json|csv|answers|fhir] [--out DIR] [--since T] [--user ID] [--referral ID] [--actor NAME]", s)
	format := fs.String("format", "json", "json (every patient's answers, results and referrals), csv (one row per referral), answers (CSV, one row per answer) or fhir (a FHIR R4 Bundle)")
	dir := fs.String("out", "", "csv: write answers.csv (one row per answer) and referrals.csv into this folder instead of the referrals to stdout")
	since := fs.String("since", "", "only data changed at or after this time (RFC 3339, e.g. 2026-11-01T00:00:00Z, or a date)")
	user := fs.String("user", "", "only this patient")
	refID := fs.String("referral", "", "only this referral (its short id as staff see it, or its full id) and its patient's results")
	who := fs.String("actor", "", "who exports, for the audit log (default $USER)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	from, err := parseSince("export", *since)
	if err != nil {
		return err
	}
	switch *format {
	case "json", "csv", "answers", "fhir":
	default:
		return usagef("export --format %q: use json, csv, answers or fhir", *format)
	}
	if *dir != "" && *format != "csv" {
		return usagef("export --out: only with --format csv (it writes answers.csv and referrals.csv)")
	}
	by, err := actor(*who)
	if err != nil {
		return err
	}
	be, err := cfg.open(ctx, false, func(m string) { fmt.Fprintln(s.err, "kapbot:", m) })
	if err != nil {
		return err
	}
	defer be.Close()
	patients := []string{patientID(*user)}
	if *user == "" {
		if patients, err = be.store.Patients(ctx); err != nil {
			return err
		}
	}
	// Recorded before any patient's data is read: an export that cannot
	// be recorded reads and prints nothing.
	if err := recordAudit(ctx, be, by, "export", exportWhat(*format, *user, *refID, *since, patients)); err != nil {
		return err
	}
	views := []SessionView{}
	for _, p := range patients {
		v, err := view(ctx, be, p)
		if err != nil {
			return err
		}
		if !v.Exists || (!from.IsZero() && v.Updated != nil && v.Updated.Before(from)) {
			continue
		}
		if *refID != "" {
			var keep []ReferralView
			for _, r := range v.Referrals {
				if matchesReferral(r.Referral, *refID) {
					keep = append(keep, r)
				}
			}
			if len(keep) == 0 {
				continue
			}
			v.Referrals = keep
		}
		views = append(views, v)
	}
	if *refID != "" && len(views) == 0 {
		return fmt.Errorf("export --referral %s: no such referral", *refID)
	}
	switch *format {
	case "json":
		err = writeJSON(s.out, map[string]any{"exported": time.Now().UTC(), "patients": views}, true)
	case "csv":
		if *dir != "" {
			if err = writeCSVDir(*dir, views, from); err == nil {
				fmt.Fprintf(s.out, "wrote %s and %s\n", filepath.Join(*dir, "answers.csv"), filepath.Join(*dir, "referrals.csv"))
			}
			break
		}
		err = writeRows(s.out, referralRows(views, from))
	case "answers":
		err = writeRows(s.out, answerRows(views, from))
	case "fhir":
		err = writeFHIR(ctx, be, s, views, from)
	}
	return err
}

// exportWhat describes an export for the audit log: format, filters and
// the patients it may hold (hashed ids only, never their data).
func exportWhat(format, user, ref, since string, patients []string) string {
	parts := []string{"format=" + format}
	if user != "" {
		parts = append(parts, "user="+auditPatient(patientID(user)))
	}
	if ref != "" {
		parts = append(parts, "referral="+ref)
	}
	if since != "" {
		parts = append(parts, "since="+since)
	}
	ids := make([]string, len(patients))
	for i, p := range patients {
		ids[i] = auditPatient(p)
	}
	parts = append(parts, fmt.Sprintf("patients=%d", len(patients)))
	if len(ids) > 0 && len(ids) <= 20 {
		parts = append(parts, "ids="+strings.Join(ids, ","))
	}
	return strings.Join(parts, " ")
}

// referralState is a referral's own status and notes, as view read them
// from the referral store; a referral not (yet) there is new.
func referralState(r ReferralView) (string, []export.Note) {
	if r.full == nil {
		return string(referral.StatusNew), nil
	}
	var notes []export.Note
	for _, n := range r.full.Notes {
		notes = append(notes, export.Note{By: n.By, At: n.At, Text: n.Text})
	}
	return string(r.full.Status()), notes
}

// referralRows are the rows of the referrals CSV: one per referral.
func referralRows(views []SessionView, from time.Time) [][]string {
	rows := [][]string{{"referral", "patient", "created", "priority", "flow", "version", "trigger", "reason", "short_id", "status", "unknown", "invalid_totals"}}
	for _, v := range views {
		// The patient's questions left unknown (never read as no) and the
		// totals invalid for missing answers, on every row of the patient.
		var unknown, invalid []string
		for _, res := range v.Results {
			for _, id := range res.Unknown {
				unknown = append(unknown, res.Questionnaire+"/"+id)
			}
			if res.Invalid {
				invalid = append(invalid, res.Questionnaire)
			}
		}
		for _, r := range v.Referrals {
			if !from.IsZero() && r.Created.Before(from) {
				continue
			}
			rows = append(rows, []string{r.ID, r.Patient, r.Created.UTC().Format(time.RFC3339), string(r.Priority), r.Flow, r.Bundle, r.Trigger, r.Reason, r.ShortID, r.Status,
				strings.Join(unknown, " "), strings.Join(invalid, " ")})
		}
	}
	return rows
}

// writeCSVDir writes answers.csv (long format: one row per answer) and
// referrals.csv into dir, creating it if needed.
func writeCSVDir(dir string, views []SessionView, from time.Time) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	for name, rows := range map[string][][]string{"answers.csv": answerRows(views, from), "referrals.csv": referralRows(views, from)} {
		f, err := os.OpenFile(filepath.Join(dir, name), os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
		if err != nil {
			return err
		}
		err = writeRows(f, rows)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", filepath.Join(dir, name), err)
		}
	}
	return nil
}

func writeFHIR(ctx context.Context, be *backend, s stdio, views []SessionView, from time.Time) error {
	var qs map[string]*flow.Questionnaire
	var flows map[string]*flow.Flow
	if eng, err := runner.NewLibrary(be.store).Current(ctx); err == nil {
		qs, flows = eng.Bundle().Questionnaires, eng.Bundle().Flows
	}
	patients := make([]export.Patient, 0, len(views))
	for _, v := range views {
		p := export.Patient{ID: v.Patient}
		for _, res := range v.Results {
			if !from.IsZero() && !res.At.IsZero() && res.At.Before(from) {
				continue
			}
			p.Results = append(p.Results, res)
		}
		p.Runs = flowRuns(v.Answered, from)
		for _, r := range v.Referrals {
			if !from.IsZero() && r.Created.Before(from) {
				continue
			}
			status, notes := referralState(r)
			p.Referrals = append(p.Referrals, export.Referral{ID: referral.IDFor(r.ID), Source: r.ID, Created: r.Created,
				Priority: r.Priority, Status: status, Trigger: r.Trigger, Reason: r.Reason, Flow: r.Flow, Notes: notes})
		}
		patients = append(patients, p)
	}
	var buf bytes.Buffer
	if err := export.WriteFHIR(&buf, patients, export.Options{Base: os.Getenv("KAPBOT_FHIR_BASE"), Now: time.Now(), Questionnaires: qs, Flows: flows}); err != nil {
		return err
	}
	_, err := s.out.Write(termsafe.JSON(buf.Bytes()))
	return err
}

// flowRuns groups a patient's answers into flow runs (by flow and the
// conversation's start), oldest first, leaving out answers before from.
func flowRuns(answered []AnswerView, from time.Time) []export.FlowRun {
	var runs []export.FlowRun
	index := map[string]int{}
	for _, a := range answered {
		if !from.IsZero() && a.At.Before(from) {
			continue
		}
		key := a.Flow + "\x00" + a.Run.UTC().Format(time.RFC3339Nano)
		i, ok := index[key]
		if !ok {
			i = len(runs)
			index[key] = i
			runs = append(runs, export.FlowRun{Flow: a.Flow, Started: a.Run})
		}
		runs[i].Answers = append(runs[i].Answers, export.Answer{Step: a.Step, Name: a.Name, Value: a.Value, At: a.At})
	}
	return runs
}

// answerRows are the long-format rows of every answer of views: one row per
// answer to a flow's question and per questionnaire item, oldest first.
func answerRows(views []SessionView, from time.Time) [][]string {
	rows := [][]string{{"patient", "flow", "run", "step", "question_id", "value", "at", "version"}}
	for _, v := range views {
		type row struct {
			at  time.Time
			row []string
		}
		var all []row
		for _, a := range v.Answered {
			if !from.IsZero() && a.At.Before(from) {
				continue
			}
			all = append(all, row{a.At, []string{v.Patient, a.Flow, rfc(a.Run), a.Step, a.Flow + "/" + a.Step, csvValue(a.Value), rfc(a.At), a.Bundle}})
		}
		for _, res := range v.Results {
			if !from.IsZero() && !res.At.IsZero() && res.At.Before(from) {
				continue
			}
			for _, id := range sortedKeys(res.Items) {
				all = append(all, row{res.At, []string{v.Patient, res.Flow, "", res.Name + "/" + id, res.Questionnaire + "/" + id, csvValue(res.Items[id]), rfc(res.At), ""}})
			}
		}
		slices.SortStableFunc(all, func(a, b row) int { return a.at.Compare(b.at) })
		for _, r := range all {
			rows = append(rows, r.row)
		}
	}
	return rows
}

func rfc(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// csvValue writes an answer for a spreadsheet: lists joined with "|",
// numbers plainly, yes/no as true/false, nothing as "".
func csvValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = csvValue(e)
		}
		return strings.Join(parts, "|")
	case []string:
		return strings.Join(x, "|")
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// writeRows writes CSV rows, with control characters escaped (a spreadsheet
// and a terminal both read what a patient typed).
func writeRows(out io.Writer, rows [][]string) error {
	w := csv.NewWriter(out)
	for _, row := range rows {
		for i := range row {
			row[i] = termsafe.Line(row[i])
		}
		w.Write(row)
	}
	w.Flush()
	return w.Error()
}
