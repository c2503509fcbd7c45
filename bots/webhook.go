package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/webhook"
)

// Webhook settings (environment). They override clinic.yaml's webhook:
// {url, secret_env}. The secret never comes from a file in the flow folder.
const (
	envWebhookURL    = "KAPBOT_WEBHOOK_URL"          // where referral events are POSTed; https, or http on localhost
	envWebhookSecret = flow.DefaultWebhookSecretEnv  // HMAC-SHA256 key of X-Kapbot-Signature
	envWebhookTries  = "KAPBOT_WEBHOOK_MAX_ATTEMPTS" // failed attempts before an event is dead-lettered
)

// webhookConfig is where referral events go, and the signing secret.
type webhookConfig struct {
	url, secret string
	from        string // where url came from, for messages
	secretFrom  string // the environment variable the secret is read from
}

// webhookSettings reads the webhook from the environment and the current
// clinic.yaml: KAPBOT_WEBHOOK_URL wins over webhook.url, and
// KAPBOT_WEBHOOK_SECRET over the variable webhook.secret_env names. The
// URL is "" when neither sets one.
func webhookSettings(be *backend) webhookConfig {
	c := webhookConfig{url: be.getenv(envWebhookURL), from: envWebhookURL, secretFrom: envWebhookSecret}
	var hook *flow.Webhook
	if c.url == "" || be.getenv(envWebhookSecret) == "" {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if e, err := runner.NewLibrary(be.store).Current(ctx); err == nil && e.Bundle().Clinic != nil {
			hook = e.Bundle().Clinic.Webhook
		}
	}
	if c.url == "" && hook != nil {
		c.url, c.from = hook.URL, "clinic.yaml webhook.url"
	}
	c.secret = be.getenv(envWebhookSecret)
	if c.secret == "" && hook != nil && hook.SecretEnv != "" {
		c.secret, c.secretFrom = be.getenv(hook.SecretEnv), hook.SecretEnv
	}
	return c
}

// referralStoreOptions makes the referral store append webhook events when
// a webhook is configured, whichever command changes a referral (serve,
// chat): serve's worker delivers them.
func referralStoreOptions(be *backend) []referral.StoreOption {
	if webhookSettings(be).url == "" {
		return nil
	}
	return []referral.StoreOption{referral.WithEvents(webhook.NewSink(be.prefix, be.sealer))}
}

// webhookWorker returns serve's webhook worker, nil when no webhook is
// configured, or a usage error for an insecure URL, a missing secret or a
// bad KAPBOT_WEBHOOK_MAX_ATTEMPTS. The settings are read once, at start.
func webhookWorker(be *backend, log *slog.Logger, reg prometheus.Registerer) (*webhook.Worker, error) {
	c := webhookSettings(be)
	if c.url == "" {
		return nil, nil
	}
	if err := webhook.ValidateURL(c.url); err != nil {
		return nil, usagef("%s: %v", c.from, err)
	}
	if c.secret == "" {
		return nil, usagef("%s is set but %s is not: set the secret the receiver checks signatures with", c.from, c.secretFrom)
	}
	tries := webhook.DefaultMaxAttempts
	if v := os.Getenv(envWebhookTries); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return nil, usagef("%s=%q: give a whole number of attempts, 1 or more (default %d)", envWebhookTries, v, webhook.DefaultMaxAttempts)
		}
		tries = n
	}
	host, _ := os.Hostname()
	w, err := webhook.NewWorker(be.client, be.prefix, be.sealer, webhook.Config{
		URL: c.url, Secret: []byte(c.secret), Consumer: host + "-" + strconv.Itoa(os.Getpid()), Logger: log,
		MaxAttempts: tries, Metrics: webhook.NewMetrics(reg),
	})
	if err != nil {
		return nil, usagef("%s: %v", c.from, err)
	}
	return w, nil
}

// cmdWebhook is `kapbot webhook requeue`: dead letters back to the events
// stream, for serve's worker to deliver again.
func cmdWebhook(ctx context.Context, cfg Config, args []string, s stdio) error {
	if len(args) == 0 || args[0] != "requeue" {
		return usagef("webhook: say requeue (kapbot webhook requeue moves the dead letters back for delivery)")
	}
	fs := newFlags("webhook requeue", "kapbot webhook requeue", s)
	if pos, err := parse(fs, args[1:]); err != nil {
		return err
	} else if len(pos) > 0 {
		return usagef("webhook requeue takes no arguments")
	}
	be, err := cfg.open(ctx, false, func(m string) { fmt.Fprintln(s.err, "kapbot:", m) })
	if err != nil {
		return err
	}
	defer be.Close()
	n, err := webhook.Requeue(ctx, be.client, be.prefix)
	fmt.Fprintf(s.out, "%d dead letters queued for delivery again\n", n)
	return err
}

// runWebhook runs w until ctx ends (w may be nil).
func runWebhook(ctx context.Context, w *webhook.Worker) {
	if w != nil {
		w.Run(ctx)
	}
}
