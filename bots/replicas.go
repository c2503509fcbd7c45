package main

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/kapbot/kapbot/internal/lease"
)

// envLeaseTTL names the setting of the replicas' leases' TTL.
const envLeaseTTL = "KAPBOT_LEASE_TTL"

// defaultLeaseTTL is how long a lease outlives its holder's last renewal:
// a replica takes over about this long after the holder was killed.
const defaultLeaseTTL = 5 * time.Second

// replicaLeases are the leases that elect, among the serve replicas of one
// clinic, the one that polls Telegram and the one that holds the Discord
// gateway. Both are keys under the clinic's prefix.
type replicaLeases struct {
	telegram, discord *lease.Lease
}

// newReplicaLeases makes the clinic's leases, reading KAPBOT_LEASE_TTL, and
// registers kapbot_lease_held{lease} with reg (reg may be nil). A bad TTL
// is a usage error naming the setting.
func newReplicaLeases(cfg Config, be *backend, log *slog.Logger, reg prometheus.Registerer) (*replicaLeases, error) {
	ttl := defaultLeaseTTL
	if v := cfg.env(envLeaseTTL); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < lease.MinTTL || d > lease.MaxTTL {
			return nil, usagef("%s=%q: want a duration from %v to %v, e.g. 5s (how soon a replica takes over Telegram polling and the Discord gateway from a dead one)", envLeaseTTL, v, lease.MinTTL, lease.MaxTTL)
		}
		ttl = d
	}
	out := &replicaLeases{}
	for name, l := range map[string]**lease.Lease{"telegram": &out.telegram, "discord": &out.discord} {
		var err error
		if *l, err = lease.New(be.client, be.prefix+":lease:"+name, ttl, lease.WithLogger(log.With("channel", name))); err != nil {
			return nil, err
		}
		if reg != nil {
			held := *l
			reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
				Name:        "kapbot_lease_held",
				Help:        "1 while this replica holds the lease: polls Telegram (telegram) or holds the Discord gateway (discord).",
				ConstLabels: prometheus.Labels{"lease": name},
			}, func() float64 {
				if held.Held() {
					return 1
				}
				return 0
			}))
		}
	}
	return out, nil
}

// errGatewayLeaseLost stops serve when this replica lost the Discord
// gateway lease after holding it: the Discord channel runs once per
// process, so the replica exits for its supervisor to restart it as a
// standby.
var errGatewayLeaseLost = errors.New("the Discord gateway lease was lost (Redis unreachable for longer than KAPBOT_LEASE_TTL, or this process was paused); stopping so that the supervisor restarts serve as a standby")

// electedGateway runs a channel's Run only in the replica holding its
// lease; Send works in every replica.
type electedGateway struct {
	channel
	lease *lease.Lease
}

// Run waits for the lease and runs the channel until ctx ends. If the lease
// is lost the channel stops and, once this replica would hold the lease
// again, Run returns errGatewayLeaseLost (the channel cannot run twice).
func (g *electedGateway) Run(ctx context.Context) error {
	ran := false
	return g.lease.Run(ctx, func(ctx context.Context) error {
		if ran {
			return errGatewayLeaseLost
		}
		ran = true
		return g.channel.Run(ctx)
	})
}
