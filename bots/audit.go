package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"strconv"
	"time"

	"github.com/kapbot/kapbot/internal/audit"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/termsafe"
)

// auditLog is the backend's audit log.
func auditLog(be *backend) *audit.Log { return audit.New(be.client, be.prefix, be.sealer) }

// auditPatient names a patient in the audit log: the append-only log outlives
// /forget, so it holds the same hash the erasure entry uses, never the id.
func auditPatient(patient string) string {
	return "patient " + referral.PatientHash(patient)
}

// actor is who runs a command, for the audit log: --actor, else $USER,
// else the account name of the process's uid, else "cli". A name that
// is not one line of at most 128 characters without control characters
// is a usage error (it could forge a line of `kapbot audit`).
func actor(flagValue string) (string, error) {
	if flagValue != "" {
		if audit.ValidActor(flagValue) != nil {
			return "", usagef("--actor %s: give one line of at most %d characters, without control characters", strconv.Quote(flagValue), audit.MaxActor)
		}
		return flagValue, nil
	}
	for _, v := range []string{os.Getenv("USER"), os.Getenv("LOGNAME")} {
		if v != "" && audit.ValidActor(v) == nil {
			return v, nil
		}
	}
	if u, err := user.Current(); err == nil && audit.ValidActor(u.Username) == nil {
		return u.Username, nil
	}
	return "cli", nil
}

// recordAudit appends one entry before anything is read or shown: when it
// fails, the caller prints nothing and returns the error.
func recordAudit(ctx context.Context, be *backend, who, action, target string) error {
	if err := auditLog(be).Record(ctx, audit.Entry{Actor: who, Action: action, Target: target}); err != nil {
		return fmt.Errorf("%s not done: it could not be recorded in the audit log: %w", action, err)
	}
	return nil
}

// errAuditBroken: `kapbot audit verify` found problems (already printed).
var errAuditBroken = errors.New("the audit log does not verify")

func cmdAudit(ctx context.Context, cfg Config, args []string, s stdio) error {
	if len(args) > 0 && args[0] == "verify" {
		return cmdAuditVerify(ctx, cfg, args[1:], s)
	}
	fs := newFlags("audit", "kapbot audit [--since T] [--json] | kapbot audit verify [--json]", s)
	since := fs.String("since", "", "only entries at or after this time (RFC 3339 or a date)")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("audit %s: unknown; say kapbot audit [--since T] [--json] or kapbot audit verify", pos[0])
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
		b, err := json.MarshalIndent(entries, "", "  ")
		if err != nil {
			return err
		}
		s.out.Write(termsafe.JSON(append(b, '\n')))
		return nil
	}
	for _, e := range entries {
		fmt.Fprintf(s.out, "%-16s %s  %-24s %-16s %s\n", e.ID, e.At.Format(time.RFC3339), termsafe.Line(e.Actor), termsafe.Line(e.Action), termsafe.Line(e.Target))
	}
	return nil
}

// cmdAuditVerify checks the audit log's chain: exit 0 when it holds, 1
// with one line per problem (the entry id, what is wrong) when not.
func cmdAuditVerify(ctx context.Context, cfg Config, args []string, s stdio) error {
	fs := newFlags("audit verify", "kapbot audit verify [--json]", s)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if pos, err := parse(fs, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usagef("audit verify takes no arguments")
	}
	be, err := cfg.open(ctx, false, func(m string) { fmt.Fprintln(s.err, "kapbot:", m) })
	if err != nil {
		return err
	}
	defer be.Close()
	rep, err := auditLog(be).Verify(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(s.out)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
	} else {
		for _, p := range rep.Problems {
			fmt.Fprintln(s.out, p.String())
		}
		fmt.Fprintf(s.out, "%d entries", rep.Entries)
		if rep.TrimmedTo > 0 {
			fmt.Fprintf(s.out, " (trimmed up to seq %d)", rep.TrimmedTo)
		}
		if rep.Legacy > 0 {
			fmt.Fprintf(s.out, ", %d from before the chain (not checked)", rep.Legacy)
		}
		if rep.OK() {
			fmt.Fprintln(s.out, ": the chain holds")
		} else {
			fmt.Fprintf(s.out, ": %d problems\n", len(rep.Problems))
		}
	}
	if !rep.OK() {
		fmt.Fprintln(s.err, "kapbot: the audit log does not verify: entries were deleted, replayed or edited")
		return fmt.Errorf("%w: %w", errReported, errAuditBroken)
	}
	return nil
}

// auditMaxEntries reads KAPBOT_AUDIT_MAX_ENTRIES: how many audit entries
// serve keeps (default 1 000 000).
func auditMaxEntries() (int64, error) {
	v := os.Getenv("KAPBOT_AUDIT_MAX_ENTRIES")
	if v == "" {
		return 1_000_000, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 1000 {
		return 0, usagef("KAPBOT_AUDIT_MAX_ENTRIES=%q: give a whole number, 1000 or more (default 1000000)", v)
	}
	return n, nil
}
