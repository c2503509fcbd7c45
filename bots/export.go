package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
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
	fs := newFlags("export", "kapbot export [--format json|csv|fhir] [--since T] [--user ID] [--referral ID] [--actor NAME]", s)
	format := fs.String("format", "json", "json (every patient's results and referrals), csv (one row per referral) or fhir (a FHIR R4 Bundle)")
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
	case "json", "csv", "fhir":
	default:
		return usagef("export --format %q: use json, csv or fhir", *format)
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
		err = writeCSV(ctx, be, s, views, from)
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

// referralState reads a referral's status and notes from the referral
// store; a referral not (yet) there is new.
func referralState(ctx context.Context, rs *referral.Store, r runner.Referral) (string, []export.Note, error) {
	full, err := rs.Get(ctx, referral.IDFor(r.ID))
	if errors.Is(err, referral.ErrNotFound) {
		return string(referral.StatusNew), nil, nil
	}
	if err != nil {
		return "", nil, err
	}
	var notes []export.Note
	for _, n := range full.Notes {
		notes = append(notes, export.Note{By: n.By, At: n.At, Text: n.Text})
	}
	return string(full.Status()), notes, nil
}

func writeCSV(ctx context.Context, be *backend, s stdio, views []SessionView, from time.Time) error {
	w := csv.NewWriter(s.out)
	w.Write([]string{"referral", "patient", "created", "priority", "flow", "version", "trigger", "reason", "short_id", "status", "unknown", "invalid_totals"})
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
			// A spreadsheet and a terminal both read this: what a patient
			// typed has its control characters escaped.
			row := []string{r.ID, r.Patient, r.Created.UTC().Format(time.RFC3339), string(r.Priority), r.Flow, r.Bundle, r.Trigger, r.Reason, r.ShortID, r.Status,
				strings.Join(unknown, " "), strings.Join(invalid, " ")}
			for i := range row {
				row[i] = termsafe.Line(row[i])
			}
			w.Write(row)
		}
	}
	w.Flush()
	return w.Error()
}

func writeFHIR(ctx context.Context, be *backend, s stdio, views []SessionView, from time.Time) error {
	var qs map[string]*flow.Questionnaire
	if eng, err := runner.NewLibrary(be.store).Current(ctx); err == nil {
		qs = eng.Bundle().Questionnaires
	}
	rs := referral.NewStore(be.client, be.prefix, be.sealer)
	patients := make([]export.Patient, 0, len(views))
	for _, v := range views {
		p := export.Patient{ID: v.Patient}
		for _, res := range v.Results {
			if !from.IsZero() && !res.At.IsZero() && res.At.Before(from) {
				continue
			}
			p.Results = append(p.Results, res)
		}
		for _, r := range v.Referrals {
			if !from.IsZero() && r.Created.Before(from) {
				continue
			}
			status, notes, err := referralState(ctx, rs, r.Referral)
			if err != nil {
				return err
			}
			p.Referrals = append(p.Referrals, export.Referral{ID: referral.IDFor(r.ID), Source: r.ID, Created: r.Created,
				Priority: r.Priority, Status: status, Trigger: r.Trigger, Reason: r.Reason, Flow: r.Flow, Notes: notes})
		}
		patients = append(patients, p)
	}
	var buf bytes.Buffer
	if err := export.WriteFHIR(&buf, patients, export.Options{Base: os.Getenv("KAPBOT_FHIR_BASE"), Now: time.Now(), Questionnaires: qs}); err != nil {
		return err
	}
	_, err := s.out.Write(termsafe.JSON(buf.Bytes()))
	return err
}
