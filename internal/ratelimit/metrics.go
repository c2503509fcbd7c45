package ratelimit

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the series of the bot-wide limits, labelled by the limit's
// name only:
//
//	kapbot_ratelimit_wait_seconds{limit}   histogram of a request's wait for the limit
//	kapbot_ratelimit_pauses_total{limit}   429 pauses of the whole bot received by this process
//	kapbot_ratelimit_local{limit}          1 while the limit is kept alone (Redis failed)
//	kapbot_ratelimit_fallbacks_total{limit} times Redis failed and the limit was kept alone
//
// A nil *Metrics counts nothing.
type Metrics struct {
	wait      *prometheus.HistogramVec
	pauses    *prometheus.CounterVec
	local     *prometheus.GaugeVec
	fallbacks *prometheus.CounterVec
}

// NewMetrics registers the series with reg (nil: unregistered).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		wait: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "kapbot_ratelimit_wait_seconds",
			Help:    "How long a request to a platform waited for the bot-wide rate limit (shared by the replicas through Redis).",
			Buckets: []float64{0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30},
		}, []string{"limit"}),
		pauses: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kapbot_ratelimit_pauses_total",
			Help: "429 answers limiting the whole bot received by this process (each pauses every replica for its retry_after).",
		}, []string{"limit"}),
		local: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "kapbot_ratelimit_local",
			Help: "1 while this process keeps the bot-wide limit alone because Redis did not answer (replicas may together exceed it).",
		}, []string{"limit"}),
		fallbacks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kapbot_ratelimit_fallbacks_total",
			Help: "Times Redis did not answer the bot-wide limit and this process kept it alone.",
		}, []string{"limit"}),
	}
	if reg != nil {
		reg.MustRegister(m.wait, m.pauses, m.local, m.fallbacks)
	}
	return m
}

func (m *Metrics) waited(name string, d time.Duration) {
	if m != nil {
		m.wait.WithLabelValues(name).Observe(d.Seconds())
	}
}

func (m *Metrics) paused(name string) {
	if m != nil {
		m.pauses.WithLabelValues(name).Inc()
	}
}

func (m *Metrics) fellBack(name string, down bool) {
	if m == nil {
		return
	}
	if down {
		m.fallbacks.WithLabelValues(name).Inc()
		m.local.WithLabelValues(name).Set(1)
		return
	}
	m.local.WithLabelValues(name).Set(0)
}
