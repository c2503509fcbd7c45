package main

import (
	"cmp"
	"context"
	"log/slog"
	"net/http"
	"slices"
	"strings"

	"github.com/kapbot/kapbot/bots/discord"
	"github.com/kapbot/kapbot/bots/telegram"
	"github.com/kapbot/kapbot/internal/audit"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/runner"
)

// telegramOptions are extra options for the Telegram channel; tests use
// them to match the fake server's short second.
var telegramOptions []telegram.Option

// channels builds the channels whose settings are present and registers them
// with the runner, which delivers their patients' replies through them, and
// with the referral notifier, which posts to the staff destinations through
// them; staff events in those destinations go to the referral desk. Patient
// events go to r.Submit: a press is answered once committed, replies follow.
// Each of wrap wraps the referral desk before the audit does (the web
// view adds /weblogin). Telegram keeps its 429 pauses in pauses, for every process to honour.
// Each channel's calls to its platform are watched by a channelHealth put
// in health (by channel name) when health is not nil, for /readyz and
// /metrics.
// With leases (nil: one process, no election) Telegram polls only in the
// replica holding leases.telegram, and the Discord gateway runs only in the
// one holding leases.discord. With limits (nil: each process alone) the
// platforms' bot-wide limits are kept as its settings say (limits.go).
func channels(cfg Config, r *runner.Runner, refs *referral.Notifier, log *slog.Logger, rec audit.Recorder, pauses telegram.PauseStore, leases *replicaLeases, limits *sharedLimits, health map[string]*channelHealth, wrap ...func(runner.StaffDesk) runner.StaffDesk) (map[string]channel, error) {
	out := map[string]channel{}
	watch := func(name string, badToken func(int) bool) *http.Client {
		h := newChannelHealth(nil, badToken)
		if health != nil {
			health[name] = h
		}
		return &http.Client{Transport: h}
	}
	var inner runner.StaffDesk = referral.NewDesk(refs, referral.WithPatients(r))
	for _, w := range wrap {
		inner = w(inner) // the web view's /weblogin
	}
	desk := audit.Desk(inner, rec)
	if cfg.TelegramToken != "" {
		tgOpts := []telegram.Option{telegram.WithPauseStore(pauses)}
		if leases != nil {
			tgOpts = append(tgOpts, telegram.WithPollElection(leases.telegram))
		}
		tgOpts = append(tgOpts, limits.telegramOptions()...)
		tg, err := telegram.New(telegram.Config{
			Token:         cfg.TelegramToken,
			APIURL:        cfg.TelegramAPIURL,
			WebhookURL:    cfg.TelegramHook,
			WebhookSecret: cfg.TelegramSecret,
			WebhookListen: cmp.Or(cfg.env("TELEGRAM_WEBHOOK_LISTEN"), ":8443"),
			HTTPClient:    watch("telegram", telegramBadToken),
			Logger:        log.With("channel", "telegram"),
		}, r.Submit, append(tgOpts, telegramOptions...)...)
		if err != nil {
			return nil, usagef("TELEGRAM_*: %v", err)
		}
		r.Register("tg", tg)
		tg.SetStaffDesk(desk)
		refs.Register("telegram", tg)
		out["telegram"] = tg
	}
	if cfg.DiscordToken != "" {
		dcOpts, err := limits.discordOptions()
		if err != nil {
			return nil, err
		}
		dc, err := discord.New(discord.Config{
			Token:      cfg.DiscordToken,
			APIURL:     cfg.DiscordAPIURL,
			GuildID:    cfg.DiscordGuild,
			HTTPClient: watch("discord", discordBadToken),
			Logger:     log.With("channel", "discord"),
		}, r.Submit, append(dcOpts, discord.WithFlowCommands(cfg.DiscordCommands...))...)
		if err != nil {
			return nil, usagef("DISCORD_*: %v", err)
		}
		r.Register("dc", dc)
		dc.SetReasker(func(ctx context.Context, tag string) {
			if n, err := r.Reask(ctx, "dc", tag); err != nil || n > 0 {
				log.Info("discord: open questions asked again after a new gateway session", "patients", n, "err", err)
			}
		})
		dc.SetStaffDesk(desk)
		refs.Register("discord", dc)
		out["discord"] = dc
		if leases != nil {
			// One replica holds the gateway: every replica would get every
			// direct message otherwise (Discord sends a DM to shard 0 only,
			// so sharding would not spread them).
			out["discord"] = &electedGateway{channel: dc, lease: leases.discord}
		}
	}
	return out, nil
}

// discordCommands returns the slash commands of the flows of b that have a
// `command:`, by command name; each is described by its flow's title in the
// clinic's default language.
func discordCommands(b *flow.Bundle) []discord.FlowCommand {
	var out []discord.FlowCommand
	for _, f := range b.Flows {
		if f.Command == "" {
			continue
		}
		out = append(out, discord.FlowCommand{Name: f.Command, Flow: f.ID, Description: f.Title.In(b.Clinic.DefaultLocale, f.Locale), Descriptions: f.Title})
	}
	slices.SortFunc(out, func(a, b discord.FlowCommand) int { return strings.Compare(a.Name, b.Name) })
	return out
}
