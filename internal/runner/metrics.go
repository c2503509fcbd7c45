package runner

import (
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the runner's Prometheus metrics. Labels carry channels,
// outcomes and priorities only: never a patient id or anything a patient said.
type Metrics struct {
	inboundTotal  *prometheus.CounterVec
	stepSeconds   *prometheus.HistogramVec
	sentTotal     *prometheus.CounterVec
	referralTotal *prometheus.CounterVec
}

// NewMetrics registers the runner's metrics with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		inboundTotal: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kapbot_inbound_total", Help: "Patient events handled, by channel and outcome (applied, duplicate, error).",
		}, []string{"channel", "outcome"}),
		stepSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "kapbot_step_seconds", Help: "Time to apply one patient event and commit it.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14),
		}, []string{"channel"}),
		sentTotal: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kapbot_messages_sent_total", Help: "Messages delivered to patients, by channel.",
		}, []string{"channel"}),
		referralTotal: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kapbot_referrals_total", Help: "Referrals created, by priority and trigger kind.",
		}, []string{"priority", "trigger"}),
	}
	reg.MustRegister(m.inboundTotal, m.stepSeconds, m.sentTotal, m.referralTotal)
	return m
}

func channelOf(patient string) string {
	c, _, _ := strings.Cut(patient, ":")
	return c
}

func (m *Metrics) inbound(patient, outcome string, err error, d time.Duration) {
	if m == nil {
		return
	}
	if err != nil {
		outcome = "error"
	}
	ch := channelOf(patient)
	m.inboundTotal.WithLabelValues(ch, outcome).Inc()
	m.stepSeconds.WithLabelValues(ch).Observe(d.Seconds())
}

func (m *Metrics) sent(patient string) {
	if m == nil {
		return
	}
	m.sentTotal.WithLabelValues(channelOf(patient)).Inc()
}

func (m *Metrics) referral(r *Referral) {
	if m == nil {
		return
	}
	kind, _, _ := strings.Cut(r.Trigger, ":")
	m.referralTotal.WithLabelValues(string(r.Priority), kind).Inc()
}
