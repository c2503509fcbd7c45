package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/kapbot/kapbot/internal/audit"
	"github.com/kapbot/kapbot/internal/referral"
)

// auditLog is the backend's audit log.
func auditLog(be *backend) *audit.Log { return audit.New(be.client, be.prefix, be.sealer) }

// auditPatient names a patient in the audit log: the append-only log outlives
// /forget, so it holds the same hash the erasure entry uses, never the id.
func auditPatient(patient string) string {
	return "patient " + referral.PatientHash(patient)
}

// recordAudit appends one entry; an export or view that cannot be recorded
// is reported as an error.
func recordAudit(ctx context.Context, be *backend, who, action, target string) error {
	if err := auditLog(be).Record(ctx, audit.Entry{Actor: who, Action: action, Target: target}); err != nil {
		return fmt.Errorf("the data was shown but could not be recorded in the audit log: %w", err)
	}
	return nil
}

func cmdAudit(ctx context.Context, cfg Config, args []string, s stdio) error {
	fs := newFlags("audit", "kapbot audit [--since T] [--json]", s)
	since := fs.String("since", "", "only entries at or after this time (RFC 3339 or a date)")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	from, err := parseSince("audit", *since)
	if err != nil {
		return err
	}
	be, err := cfg.open(ctx, false, func(m string) { fmt.Fprintln(s.err, "kapbot:", m) })
	if err != nil {
		return err
	}
	defer be.Close()
	entries, err := auditLog(be).List(ctx, from)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(s.out)
		enc.SetIndent("", "  ")
		return enc.Encode(entries)
	}
	for _, e := range entries {
		fmt.Fprintf(s.out, "%s  %-24s %-16s %s\n", e.At.Format(time.RFC3339), e.Actor, e.Action, e.Target)
	}
	return nil
}
