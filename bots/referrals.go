package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/store"
)

// referralTick is how often serve does due referral work (retries,
// escalations); tests shorten it.
var referralTick = referral.DefaultTick

// timerTick is how often serve looks for due reminders.
var timerTick = time.Second

// notifier builds the referral notifier over the backend: referrals are
// stored sealed beside the sessions, labelled from the flows they were made
// on, and posted to clinic.yaml's destinations through the staff senders
// registered later (none in chat and demo: stored only).
func notifier(be *backend, lib *runner.Library, log *slog.Logger) *referral.Notifier {
	clinic := func(ctx context.Context) (*flow.Clinic, error) {
		e, err := lib.Current(ctx)
		if err != nil {
			return nil, err
		}
		return e.Bundle().Clinic, nil
	}
	bundles := func(ctx context.Context, v string) (*flow.Bundle, error) {
		e, err := lib.Version(ctx, v)
		if err != nil {
			return nil, err
		}
		return e.Bundle(), nil
	}
	history := patientHistory(be)
	// Referrals live as long as the clinic's retention, like the sessions:
	// a clinic that must keep records keeps them in its own system.
	retention := func(ctx context.Context) time.Duration {
		cl, err := clinic(ctx)
		if err != nil || cl == nil || cl.Retention <= 0 {
			return store.DefaultRetention // never keep a referral for ever by accident
		}
		return cl.Retention
	}
	sopts := append(referralStoreOptions(be), referral.WithRetention(retention))
	return referral.NewNotifier(referral.NewStore(be.client, be.prefix, be.sealer, sopts...), clinic, be.store,
		referral.WithLogger(log), referral.WithBundles(bundles), referral.WithHistory(history), referral.WithAudit(auditLog(be)))
}
