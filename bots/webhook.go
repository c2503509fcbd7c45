package main

import (
	"context"
	"log/slog"
	"os"
	"strconv"

	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/webhook"
)

// Webhook settings (environment). The secret never comes from a file in
// the flow folder.
const (
	envWebhookURL    = "KAPBOT_WEBHOOK_URL"    // where referral events are POSTed; https, or http on localhost
	envWebhookSecret = "KAPBOT_WEBHOOK_SECRET" // HMAC-SHA256 key of X-Kapbot-Signature
)

// referralStoreOptions makes the referral store append webhook events when
// a webhook is configured, whichever command changes a referral (serve,
// chat): serve's worker delivers them.
func referralStoreOptions(be *backend) []referral.StoreOption {
	if os.Getenv(envWebhookURL) == "" {
		return nil
	}
	return []referral.StoreOption{referral.WithEvents(webhook.NewSink(be.prefix, be.sealer))}
}

// webhookWorker returns serve's webhook worker, nil when no webhook is
// configured, or a usage error for an insecure URL or a missing secret.
func webhookWorker(be *backend, log *slog.Logger) (*webhook.Worker, error) {
	url := os.Getenv(envWebhookURL)
	if url == "" {
		return nil, nil
	}
	if err := webhook.ValidateURL(url); err != nil {
		return nil, usagef("%s: %v", envWebhookURL, err)
	}
	secret := os.Getenv(envWebhookSecret)
	if secret == "" {
		return nil, usagef("%s is set but %s is not: set the secret the receiver checks signatures with", envWebhookURL, envWebhookSecret)
	}
	host, _ := os.Hostname()
	w, err := webhook.NewWorker(be.client, be.prefix, be.sealer, webhook.Config{
		URL: url, Secret: []byte(secret), Consumer: host + "-" + strconv.Itoa(os.Getpid()), Logger: log,
	})
	if err != nil {
		return nil, usagef("%s: %v", envWebhookURL, err)
	}
	return w, nil
}

// runWebhook runs w until ctx ends (w may be nil).
func runWebhook(ctx context.Context, w *webhook.Worker) {
	if w != nil {
		w.Run(ctx)
	}
}
