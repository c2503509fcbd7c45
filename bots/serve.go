package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/kapbot/kapbot/internal/keys"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/web"
	"github.com/kapbot/kapbot/internal/webhook"
)

// maintainEvery is how often serve prunes its index keys; tests shorten it.
var maintainEvery = 10 * time.Minute

// channel is a running messaging channel.
type channel interface {
	runner.Sender
	Run(ctx context.Context) error
}

func cmdServe(ctx context.Context, cfg Config, args []string, s stdio) error {
	fs := newFlags("serve", "kapbot serve [--listen ADDR] [--clinic ID]", s)
	listen := fs.String("listen", cfg.Listen, "address of /healthz, /readyz and /metrics (KAPBOT_LISTEN)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	defer runner.TuneGC()() // runner.GCPercent unless GOGC is set
	log, err := cfg.logger(os.Stderr)
	if err != nil {
		return err
	}
	cfgs, err := servedClinics(cfg)
	if err != nil {
		return err
	}
	multi := len(cfgs) > 1 || cfg.deployment != nil
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return usagef("serve --listen %s: %v", *listen, err)
	}
	serveListening(ln.Addr().String())
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	var clinics []*servedClinic
	defer func() {
		for _, c := range clinics {
			c.be.Close()
		}
	}()
	for _, c := range cfgs {
		clog, creg := log, prometheus.Registerer(reg)
		if multi {
			// One process, several clinics: every log line and series
			// names its clinic.
			clog = log.With("clinic", c.Clinic)
			creg = prometheus.WrapRegistererWith(prometheus.Labels{"clinic": c.Clinic}, reg)
		}
		sc, err := startClinic(ctx, c, clog, creg)
		if err != nil {
			ln.Close()
			if multi {
				return clinicError(c.Clinic, err)
			}
			return err
		}
		clinics = append(clinics, sc)
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, req *http.Request) {
		c, cancel := context.WithTimeout(req.Context(), 2*time.Second)
		defer cancel()
		for _, sc := range clinics {
			if why := notReady(c, sc.be, sc.lib, sc.health); why != "" {
				if multi {
					why = "clinic " + sc.cfg.Clinic + ": " + why
				}
				http.Error(w, why, http.StatusServiceUnavailable)
				return
			}
		}
		fmt.Fprintln(w, "ready")
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, 1+8*len(clinics))
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			errs <- fmt.Errorf("http: %w", err)
		}
	}()
	for _, sc := range clinics {
		sc.run(runCtx, &wg, errs, multi)
	}
	log.Info("kapbot serving", "listen", ln.Addr().String(), "clinics", len(clinics))

	var runErr error
	select {
	case <-ctx.Done():
		log.Info("shutting down")
	case runErr = <-errs:
		log.Error("stopping", "err", runErr)
	}
	cancel() // channels stop taking updates and finish the one in hand
	shutdown, done := context.WithTimeout(context.Background(), 10*time.Second)
	defer done()
	srv.Shutdown(shutdown)
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-shutdown.Done():
		log.Warn("channels did not stop in time")
	}
	for _, sc := range clinics {
		if err := sc.r.Stop(shutdown); err != nil {
			sc.log.Warn("deliveries did not stop in time; Redeliver sends them after the restart")
		}
	}
	return runErr
}

// servedClinics returns the settings of every clinic serve runs: the one of
// the settings, the --clinic one, or every clinic of KAPBOT_CLINICS. It
// refuses a clinic without a channel and two clinics sharing a bot, a
// prefix or a data key.
func servedClinics(cfg Config) ([]Config, error) {
	cfgs := []Config{cfg}
	if cfg.deployment != nil && cfg.Clinic == "" {
		cfgs = nil
		for _, e := range cfg.deployment.clinics {
			cfgs = append(cfgs, forClinic(cfg.deployment, e))
		}
	}
	if cfg.deployment != nil && os.Getenv("KAPBOT_ID_KEY") == "" {
		return nil, usagef("%s: set KAPBOT_ID_KEY (openssl rand -base64 32): the clinics of one deployment share the key of the patients' pseudonyms, so every log line and audit entry names a patient the same way", envClinics)
	}
	seen := map[string]string{}
	for _, c := range cfgs {
		if c.TelegramToken == "" && c.DiscordToken == "" {
			if c.Clinic != "" {
				sfx := envSuffix(c.Clinic)
				return nil, usagef("serve: clinic %s has no channel: set TELEGRAM_TOKEN_%s and/or DISCORD_TOKEN_%s", c.Clinic, sfx, sfx)
			}
			return nil, usagef("serve: no channel configured: set TELEGRAM_TOKEN and/or DISCORD_TOKEN")
		}
		for what, v := range map[string]string{"Telegram bot": c.TelegramToken, "Discord bot": c.DiscordToken, "Redis key prefix": c.RedisURL + "\x00" + c.Prefix, "data key": c.DataKey} {
			if v == "" || v == "\x00" {
				continue
			}
			if other, ok := seen[what+v]; ok {
				return nil, usagef("serve: clinics %s and %s share one %s; each clinic needs its own", other, c.Clinic, what)
			}
			seen[what+v] = c.Clinic
		}
	}
	return cfgs, nil
}

// clinicError names the clinic in a start error, keeping a usage error one.
func clinicError(id string, err error) error {
	var ue usageError
	if errors.As(err, &ue) {
		return usagef("clinic %s: %s", id, ue.msg)
	}
	return fmt.Errorf("clinic %s: %w", id, err)
}

// servedClinic is one clinic's part of a serve: its store, flows, runner,
// referrals, webhook, web view and channels.
type servedClinic struct {
	cfg      Config
	log      *slog.Logger
	be       *backend
	lib      *runner.Library
	r        *runner.Runner
	refs     *referral.Notifier
	hook     *webhook.Worker
	auditMax int64
	webSrv   *web.Server
	webLn    net.Listener
	chans    map[string]channel
	health   map[string]*channelHealth
}

// startClinic opens clinic cfg's store and makes its runner and channels,
// registering its series with reg. Nothing runs yet; on an error everything
// opened is closed again.
func startClinic(ctx context.Context, cfg Config, log *slog.Logger, reg prometheus.Registerer) (_ *servedClinic, err error) {
	be, err := cfg.open(ctx, false, func(m string) { log.Warn(m) })
	if err != nil {
		return nil, err
	}
	sc := &servedClinic{cfg: cfg, log: log, be: be}
	defer func() {
		if err != nil {
			be.Close()
			if sc.webLn != nil {
				sc.webLn.Close()
			}
		}
	}()
	if err := checkKeys(ctx, be, log.Warn); err != nil {
		return nil, err
	}
	// Data stored before pseudonyms moves to pseudonymous keys before any
	// channel runs.
	if rep, err := keys.Migrate(ctx, be.client, be.prefix, be.store); err != nil {
		return nil, fmt.Errorf("move patients to pseudonymous keys (run kapbot keys migrate to retry): %w", err)
	} else if rep.Patients > 0 || rep.Unreadable > 0 {
		log.Info("patients moved to pseudonymous keys", "moved", rep.Patients, "unreadable", rep.Unreadable)
	}

	sc.lib = runner.NewLibrary(be.store, runner.WithScreenerFor(runner.SafetyScreener))
	cur, err := sc.lib.Current(ctx)
	if err != nil {
		return nil, err
	}
	cfg.DiscordCommands = discordCommands(cur.Bundle())
	if sc.auditMax, err = auditMaxEntries(); err != nil {
		return nil, err
	}
	if sc.hook, err = webhookWorker(be, log, reg); err != nil {
		return nil, err
	}
	sc.refs = notifier(be, sc.lib, log)
	ropts := []runner.Option{runner.WithLogger(log), runner.WithMetrics(runner.NewMetrics(reg)), runner.WithReferrer(sc.refs)}
	switch lock := envOr("KAPBOT_REPLICA_LOCK", "auto"); {
	case lock == "on", lock == "auto" && cfg.TelegramHook != "":
		// Webhooks behind a load balancer can bring one patient's events
		// to several replicas at once: keep them in order across replicas.
		ropts = append(ropts, runner.WithReplicaLock(be.store))
	case lock == "auto":
		// Every replica redelivers and fires reminders, while events come
		// from the one elected poller or gateway holder: one replica at a
		// time performs a patient's outbox.
		ropts = append(ropts, runner.WithDeliveryLock(be.store))
	case lock == "off":
	default:
		return nil, usagef("KAPBOT_REPLICA_LOCK=%q: use auto, on or off", lock)
	}
	sc.r = runner.New(be.store, sc.lib, ropts...)

	// The care team's web view, on KAPBOT_WEB_LISTEN when set (web.go).
	if sc.webLn, err = webListen(cfg, ""); err != nil {
		return nil, err
	}
	var wrap []func(runner.StaffDesk) runner.StaffDesk
	if sc.webLn != nil {
		if sc.webSrv, err = webView(be, sc.lib, sc.refs, sc.r, log, sc.webLn, cfg.env("KAPBOT_WEB_URL")); err != nil {
			return nil, err
		}
		wrap = append(wrap, func(d runner.StaffDesk) runner.StaffDesk { return web.Desk(d, sc.webSrv) })
	}
	sc.health = map[string]*channelHealth{}
	leases, err := newReplicaLeases(cfg, be, log, reg)
	if err != nil {
		return nil, err
	}
	limits, err := newSharedLimits(cfg, be, log, reg)
	if err != nil {
		return nil, err
	}
	if sc.chans, err = channels(cfg, sc.r, sc.refs, log, auditLog(be), be.store, leases, limits, sc.health, wrap...); err != nil {
		return nil, err
	}
	reg.MustRegister(&opsCollector{be: be, lib: sc.lib, health: sc.health, now: time.Now, log: log})
	return sc, nil
}

// run starts the clinic's web view, channels, redelivery, referral
// notifier, webhook worker and upkeep; each stops when ctx ends. A failure
// goes to errs, naming the clinic when named is set.
func (sc *servedClinic) run(ctx context.Context, wg *sync.WaitGroup, errs chan<- error, named bool) {
	log := sc.log
	fail := func(what string, err error) {
		if named {
			what = "clinic " + sc.cfg.Clinic + ": " + what
		}
		errs <- fmt.Errorf("%s: %w", what, err)
	}
	if sc.webSrv != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			log.Info("web view serving", "listen", sc.webLn.Addr().String())
			if err := sc.webSrv.Serve(ctx, sc.webLn); err != nil {
				fail("web", err)
			}
		}()
	}
	for name, ch := range sc.chans {
		wg.Add(1)
		go func() {
			defer wg.Done()
			log.Info("channel starting", "channel", name)
			if err := ch.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
				fail(name, err)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(10 * time.Second)
		defer t.Stop()
		for {
			if err := sc.r.Redeliver(ctx); err != nil && ctx.Err() == nil {
				log.Warn("redelivery failed", "err", err)
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		sc.refs.Run(ctx, referralTick)
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		// Reminders (clinic.yaml schedules:): every replica fires due ones;
		// each is claimed by one and committed once.
		sc.r.RunTimers(ctx, timerTick)
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		runWebhook(ctx, sc.hook)
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		maintain(ctx, sc.be, sc.auditMax, maintainEvery, log)
	}()
}

// serveListening is told the address serve's health port took (tests set
// it, to find a port the system chose for KAPBOT_LISTEN=127.0.0.1:0).
var serveListening = func(addr string) {}
