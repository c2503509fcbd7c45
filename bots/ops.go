package main

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/webhook"
)

// opsCollector reports, at each scrape, the state of the work kapbot owes
// (Prometheus series; no label names a patient or a referral):
//
//	kapbot_redis_up, kapbot_redis_rtt_seconds         Redis answers PING, and how fast
//	kapbot_outbox_pending_patients                    patients whose replies wait in their outbox
//	kapbot_webhook_backlog                            referral events not yet delivered
//	kapbot_webhook_dead_letters                       events given up after their last attempt
//	kapbot_emergency_referrals_unacknowledged         open emergencies nobody acknowledged within escalate_after
//	kapbot_channel_up{channel}                        1 while the platform takes the channel's calls
//	kapbot_channel_state{channel,state}               1 for the channel's state: up, refused, failing
type opsCollector struct {
	be     *backend
	lib    *runner.Library
	health map[string]*channelHealth
	now    func() time.Time
	log    *slog.Logger
}

var (
	descRedisUp     = prometheus.NewDesc("kapbot_redis_up", "1 when Redis answered PING at this scrape.", nil, nil)
	descRedisRTT    = prometheus.NewDesc("kapbot_redis_rtt_seconds", "Round-trip time of a PING to Redis at this scrape.", nil, nil)
	descOutbox      = prometheus.NewDesc("kapbot_outbox_pending_patients", "Patients whose outbox may hold undelivered replies.", nil, nil)
	descHookBacklog = prometheus.NewDesc("kapbot_webhook_backlog", "Referral events in the webhook stream not yet delivered.", nil, nil)
	descHookDead    = prometheus.NewDesc("kapbot_webhook_dead_letters", "Referral events in the dead-letter stream (given up after their last attempt).", nil, nil)
	descEmergency   = prometheus.NewDesc("kapbot_emergency_referrals_unacknowledged", "Open emergency referrals still new after the clinic's escalate_after.", nil, nil)
	descChannelUp   = prometheus.NewDesc("kapbot_channel_up", "1 while the channel's platform takes its calls (token accepted, no run of failures).", []string{"channel"}, nil)
	descChannelSt   = prometheus.NewDesc("kapbot_channel_state", "1 for the channel's current state (up, refused, failing).", []string{"channel", "state"}, nil)
)

func (c *opsCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descRedisUp, descRedisRTT, descOutbox, descHookBacklog, descHookDead, descEmergency, descChannelUp, descChannelSt} {
		ch <- d
	}
}

func (c *opsCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	for _, name := range sortedKeys(c.health) {
		st := c.health[name].state()
		up := 0.0
		if st == "up" {
			up = 1
		}
		gauge(descChannelUp, up, name)
		for _, s := range []string{"up", "refused", "failing"} {
			v := 0.0
			if s == st {
				v = 1
			}
			gauge(descChannelSt, v, name, s)
		}
	}
	start := time.Now()
	if err := c.be.client.Ping(ctx).Err(); err != nil {
		gauge(descRedisUp, 0)
		return // the rest needs Redis
	}
	gauge(descRedisUp, 1)
	gauge(descRedisRTT, time.Since(start).Seconds())
	if ps, err := c.be.store.Pending(ctx); err == nil {
		gauge(descOutbox, float64(len(ps)))
	}
	if n, err := c.be.client.XLen(ctx, webhook.Stream(c.be.prefix)).Result(); err == nil {
		gauge(descHookBacklog, float64(n))
	}
	if n, err := c.be.client.XLen(ctx, webhook.DeadStream(c.be.prefix)).Result(); err == nil {
		gauge(descHookDead, float64(n))
	}
	if n, err := c.unacknowledged(ctx); err == nil {
		gauge(descEmergency, float64(n))
	} else {
		c.log.Warn("metrics: open referrals unreadable", "err", err)
	}
}

// unacknowledged counts the open emergency referrals still new after the
// clinic's escalate_after (any at all when it is not set).
func (c *opsCollector) unacknowledged(ctx context.Context) (int, error) {
	var after time.Duration
	if e, err := c.lib.Current(ctx); err == nil && e.Bundle().Clinic != nil {
		after = e.Bundle().Clinic.EscalateAfter
	}
	open, err := referral.NewStore(c.be.client, c.be.prefix, c.be.sealer).Open(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, r := range open {
		if r.Priority == flow.Emergency && r.Status() == referral.StatusNew && c.now().Sub(r.Created) >= after {
			n++
		}
	}
	return n, nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// notReady returns why serve is not ready ("" when it is): Redis must
// answer, flows be published, and every channel's platform take its calls.
func notReady(ctx context.Context, be *backend, lib *runner.Library, health map[string]*channelHealth) string {
	if err := be.client.Ping(ctx).Err(); err != nil {
		return "redis unreachable"
	}
	if _, err := lib.Current(ctx); err != nil {
		return "no flows"
	}
	var bad []string
	for _, name := range sortedKeys(health) {
		if st := health[name].state(); st != "up" {
			bad = append(bad, fmt.Sprintf("%s %s", name, st))
		}
	}
	return strings.Join(bad, ", ")
}

// maintain keeps every index key bounded, now and every interval until
// ctx ends: the patients index loses patients whose data expired (store
// retention), the outbox marks patients whose outbox is empty, the
// open-referrals index ids whose referral expired or was erased, and the
// audit log is trimmed to auditMax entries (its trim point
// recorded). The due set and the webhook streams are kept in bounds by the
// work that reads them (notifier ticks, the webhook worker and its capped
// dead-letter stream).
func maintain(ctx context.Context, be *backend, auditMax int64, every time.Duration, log *slog.Logger) {
	for {
		maintainOnce(ctx, be, auditMax, log)
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}

func maintainOnce(ctx context.Context, be *backend, auditMax int64, log *slog.Logger) {
	if _, err := be.store.Patients(ctx); err != nil && ctx.Err() == nil {
		log.Warn("maintenance: patients index not pruned", "err", err)
	}
	// Outbox marks of patients whose outbox is empty (delivered, or
	// expired) are cleared by reading the outbox; this also covers channels
	// that do not run here (console), which redelivery skips.
	if ps, err := be.store.Pending(ctx); err == nil {
		for _, p := range ps {
			if _, err := be.store.Outbox(ctx, p); err != nil && ctx.Err() == nil {
				log.Warn("maintenance: outbox mark not checked", "patient", runner.LogID(p), "err", err)
			}
		}
	}
	if _, err := be.store.PruneDue(ctx); err != nil && ctx.Err() == nil {
		log.Warn("maintenance: reminders of gone patients not pruned", "err", err)
	}
	if _, err := referral.NewStore(be.client, be.prefix, be.sealer).Open(ctx); err != nil && ctx.Err() == nil {
		log.Warn("maintenance: open referrals index not pruned", "err", err)
	}
	if n, err := auditLog(be).Trim(ctx, auditMax); err != nil && ctx.Err() == nil {
		log.Warn("maintenance: audit log not trimmed", "err", err)
	} else if n > 0 {
		log.Info("audit log trimmed", "dropped", n)
	}
}
