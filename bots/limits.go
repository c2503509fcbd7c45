package main

import (
	"log/slog"
	"strconv"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/kapbot/kapbot/bots/discord"
	"github.com/kapbot/kapbot/bots/telegram"
	"github.com/kapbot/kapbot/internal/ratelimit"
)

// Settings of the platforms' bot-wide limits.
const (
	envRateLimits     = "KAPBOT_RATE_LIMITS"   // shared (default) or local
	envDiscordGlobal  = "DISCORD_GLOBAL_LIMIT" // requests per second Discord allows the bot (default 50)
	envTelegramGlobal = "TELEGRAM_BOT_LIMIT"   // messages per second the bot keeps to (default 30)
	defaultDiscordMax = 50                     // Discord's global limit per bot
	maxBotLimit       = 100000                 // a sanity bound for both settings
	discordRateShare  = 0.8                    // pace at 80% of the limit...
	discordWindowPart = 0.9                    // ...and keep any second under 90% of it
)

// sharedLimits are the settings of the platforms' bot-wide limits for the
// channels of one clinic: kept in Redis for every replica (rdb not nil) or
// in each process alone.
type sharedLimits struct {
	rdb      ratelimit.Client // nil: each process alone
	prefix   string
	log      *slog.Logger
	metrics  *ratelimit.Metrics
	telegram float64 // messages per second (0: the channel's default)
	discord  ratelimit.Config
}

// newSharedLimits reads KAPBOT_RATE_LIMITS, DISCORD_GLOBAL_LIMIT and
// TELEGRAM_BOT_LIMIT for clinic cfg and registers the limits' series with
// reg (reg may be nil). A bad value is a usage error naming the setting.
func newSharedLimits(cfg Config, be *backend, log *slog.Logger, reg prometheus.Registerer) (*sharedLimits, error) {
	out := &sharedLimits{prefix: be.prefix, log: log, metrics: ratelimit.NewMetrics(reg), discord: discord.GlobalLimit()}
	switch v := cfg.env(envRateLimits); v {
	case "", "shared":
		out.rdb = be.client
	case "local":
	default:
		return nil, usagef("%s=%q: use shared (the replicas keep each platform's bot-wide limit together, through Redis) or local (each serve keeps it alone, as one serve needs)", envRateLimits, v)
	}
	perSecond := func(key string) (float64, error) {
		v := cfg.env(key)
		if v == "" {
			return 0, nil
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 1 || f > maxBotLimit {
			return 0, usagef("%s=%q: want a number of requests per second from 1 to %d (the platform's limit for this bot)", key, v, maxBotLimit)
		}
		return f, nil
	}
	var err error
	if out.telegram, err = perSecond(envTelegramGlobal); err != nil {
		return nil, err
	}
	d, err := perSecond(envDiscordGlobal)
	if err != nil {
		return nil, err
	}
	if d > 0 && d != defaultDiscordMax {
		out.discord.Rate = d * discordRateShare
		out.discord.Window = max(1, int(d*discordWindowPart))
		out.discord.Burst = max(out.discord.Burst, int(d/25))
	}
	return out, nil
}

// telegramOptions returns the Telegram channel's options for the limits.
func (l *sharedLimits) telegramOptions() []telegram.Option {
	if l == nil {
		return nil
	}
	var out []telegram.Option
	if l.telegram > 0 {
		lim := telegram.DefaultLimits()
		lim.BotPerSecond = l.telegram
		out = append(out, telegram.WithLimits(lim))
	}
	if l.rdb != nil {
		out = append(out, telegram.WithSharedBotLimit(l.rdb, ratelimit.Key(l.prefix, telegram.BotLimitName),
			ratelimit.WithLogger(l.log.With("channel", "telegram")), ratelimit.WithMetrics(l.metrics)))
	}
	return out
}

// discordOptions returns the Discord channel's options for the limits.
func (l *sharedLimits) discordOptions() ([]discord.Option, error) {
	if l == nil {
		return nil, nil
	}
	g, err := ratelimit.New(l.rdb, ratelimit.Key(l.prefix, l.discord.Name), l.discord,
		ratelimit.WithLogger(l.log.With("channel", "discord")), ratelimit.WithMetrics(l.metrics))
	if err != nil {
		return nil, err
	}
	return []discord.Option{discord.WithGlobalLimit(g)}, nil
}
