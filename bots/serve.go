package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/kapbot/kapbot/internal/keys"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/web"
)

// maintainEvery is how often serve prunes its index keys; tests shorten it.
var maintainEvery = 10 * time.Minute

// channel is a running messaging channel.
type channel interface {
	runner.Sender
	Run(ctx context.Context) error
}

func cmdServe(ctx context.Context, cfg Config, args []string, s stdio) error {
	fs := newFlags("serve", "kapbot serve [--listen ADDR]", s)
	listen := fs.String("listen", cfg.Listen, "address of /healthz, /readyz and /metrics (KAPBOT_LISTEN)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	log, err := cfg.logger(os.Stderr)
	if err != nil {
		return err
	}
	if cfg.TelegramToken == "" && cfg.DiscordToken == "" {
		return usagef("serve: no channel configured: set TELEGRAM_TOKEN and/or DISCORD_TOKEN")
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return usagef("serve --listen %s: %v", *listen, err)
	}
	be, err := cfg.open(ctx, false, func(m string) { log.Warn(m) })
	if err != nil {
		ln.Close()
		return err
	}
	defer be.Close()
	if err := checkKeys(ctx, be, log.Warn); err != nil {
		ln.Close()
		return err
	}
	// Data stored before pseudonyms moves to pseudonymous keys before any
	// channel runs.
	if rep, err := keys.Migrate(ctx, be.client, be.prefix, be.store); err != nil {
		ln.Close()
		return fmt.Errorf("move patients to pseudonymous keys (run kapbot keys migrate to retry): %w", err)
	} else if rep.Patients > 0 || rep.Unreadable > 0 {
		log.Info("patients moved to pseudonymous keys", "moved", rep.Patients, "unreadable", rep.Unreadable)
	}

	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	lib := runner.NewLibrary(be.store, runner.WithScreenerFor(runner.SafetyScreener))
	cur, err := lib.Current(ctx)
	if err != nil {
		ln.Close()
		return err
	}
	cfg.DiscordCommands = discordCommands(cur.Bundle())
	auditMax, err := auditMaxEntries()
	if err != nil {
		ln.Close()
		return err
	}
	hook, err := webhookWorker(be, log, reg)
	if err != nil {
		ln.Close()
		return err
	}
	refs := notifier(be, lib, log)
	ropts := []runner.Option{runner.WithLogger(log), runner.WithMetrics(runner.NewMetrics(reg)), runner.WithReferrer(refs)}
	switch lock := envOr("KAPBOT_REPLICA_LOCK", "auto"); {
	case lock == "on", lock == "auto" && cfg.TelegramHook != "":
		// Webhooks behind a load balancer can bring one patient's events
		// to several replicas at once: keep them in order across replicas.
		ropts = append(ropts, runner.WithReplicaLock(be.store))
	case lock == "off", lock == "auto":
	default:
		return usagef("KAPBOT_REPLICA_LOCK=%q: use auto, on or off", lock)
	}
	r := runner.New(be.store, lib, ropts...)

	// The care team's web view, on KAPBOT_WEB_LISTEN when set (web.go).
	webLn, err := webListen("")
	if err != nil {
		ln.Close()
		return err
	}
	var wrap []func(runner.StaffDesk) runner.StaffDesk
	var webSrv *web.Server
	if webLn != nil {
		if webSrv, err = webView(be, lib, refs, r, log, webLn, os.Getenv("KAPBOT_WEB_URL")); err != nil {
			ln.Close()
			webLn.Close()
			return err
		}
		wrap = append(wrap, func(d runner.StaffDesk) runner.StaffDesk { return web.Desk(d, webSrv) })
	}
	health := map[string]*channelHealth{}
	chans, err := channels(cfg, r, refs, log, auditLog(be), be.store, health, wrap...)
	if err != nil {
		ln.Close()
		if webLn != nil {
			webLn.Close()
		}
		return err
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, req *http.Request) {
		c, cancel := context.WithTimeout(req.Context(), 2*time.Second)
		defer cancel()
		if why := notReady(c, be, lib, health); why != "" {
			http.Error(w, why, http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})
	reg.MustRegister(&opsCollector{be: be, lib: lib, health: health, now: time.Now, log: log})
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, len(chans)+3)
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			errs <- fmt.Errorf("http: %w", err)
		}
	}()
	if webSrv != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			log.Info("web view serving", "listen", webLn.Addr().String())
			if err := webSrv.Serve(runCtx, webLn); err != nil {
				errs <- fmt.Errorf("web: %w", err)
			}
		}()
	}
	for name, ch := range chans {
		wg.Add(1)
		go func() {
			defer wg.Done()
			log.Info("channel starting", "channel", name)
			if err := ch.Run(runCtx); err != nil && !errors.Is(err, context.Canceled) {
				errs <- fmt.Errorf("%s: %w", name, err)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(10 * time.Second)
		defer t.Stop()
		for {
			if err := r.Redeliver(runCtx); err != nil && runCtx.Err() == nil {
				log.Warn("redelivery failed", "err", err)
			}
			select {
			case <-runCtx.Done():
				return
			case <-t.C:
			}
		}
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		refs.Run(runCtx, referralTick)
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		runWebhook(runCtx, hook)
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		maintain(runCtx, be, auditMax, maintainEvery, log)
	}()
	log.Info("kapbot serving", "listen", ln.Addr().String())

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
	if err := r.Stop(shutdown); err != nil {
		log.Warn("deliveries did not stop in time; Redeliver sends them after the restart")
	}
	return runErr
}
