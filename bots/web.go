package main

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strings"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/web"
)

// webView builds the care team's web view over the backend (package web):
// staff actions go through a referral desk over refs and r, as in the
// staff chats. base is the address staff open ("" = http://ADDR of ln).
func webView(be *backend, lib *runner.Library, refs *referral.Notifier, r *runner.Runner, log *slog.Logger, ln net.Listener, base string) (*web.Server, error) {
	if base == "" {
		base = "http://" + localAddr(ln)
	}
	clinic := func(ctx context.Context) (*flow.Clinic, error) {
		e, err := lib.Current(ctx)
		if err != nil {
			return nil, err
		}
		return e.Bundle().Clinic, nil
	}
	return web.New(web.Config{
		Redis:  be.client,
		Prefix: be.prefix,
		Desk:   referral.NewDesk(refs, referral.WithPatients(r)),
		Clinic: clinic,
		Bundle: func(ctx context.Context) (*flow.Bundle, error) {
			e, err := lib.Current(ctx)
			if err != nil {
				return nil, err
			}
			return e.Bundle(), nil
		},
		History: patientHistory(be),
		State: func(ctx context.Context, patient string) (engine.State, error) {
			sess, err := be.store.Load(ctx, patient)
			if err != nil || sess.Data == nil {
				return engine.State{}, err
			}
			return runner.DecodeState(sess.Data)
		},
		Engine:   func(ctx context.Context) (*engine.Engine, error) { return lib.Current(ctx) },
		Audit:    auditLog(be),
		BaseURL:  base,
		FHIRBase: be.getenv("KAPBOT_FHIR_BASE"),
		Log:      log.With("component", "web"),
	})
}

// localAddr is ln's address as a browser on this machine reaches it:
// "localhost:PORT" for a listener on every interface or on loopback.
func localAddr(ln net.Listener) string {
	host, port, err := net.SplitHostPort(ln.Addr().String())
	if err != nil {
		return ln.Addr().String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() || ip.IsLoopback() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// patientHistory reads a patient's records (results, referrals, finished
// flows), oldest first, skipping any it cannot decode.
func patientHistory(be *backend) func(ctx context.Context, patient string) ([]runner.Record, error) {
	return func(ctx context.Context, patient string) ([]runner.Record, error) {
		raw, err := be.store.Records(ctx, patient)
		if err != nil {
			return nil, err
		}
		out := make([]runner.Record, 0, len(raw))
		for _, r := range raw {
			if rec, err := runner.DecodeRecord(r); err == nil {
				out = append(out, rec)
			}
		}
		return out, nil
	}
}

// webListen opens cfg's KAPBOT_WEB_LISTEN (or addr when set), or returns
// nil when neither is set.
func webListen(cfg Config, addr string) (net.Listener, error) {
	if addr == "" {
		addr = cfg.env("KAPBOT_WEB_LISTEN")
	}
	if addr == "" {
		return nil, nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, usagef("KAPBOT_WEB_LISTEN=%s: %v", addr, err)
	}
	return ln, nil
}

// cmdWeb serves the web view alone against REDIS_URL, beside a serve
// that runs the channels (sign-in links made there work here: both keep
// them in Redis). --link STAFF prints a sign-in link for a staff member
// ("telegram:<user id>" or "discord:<user id>") and exits.
func cmdWeb(ctx context.Context, cfg Config, args []string, s stdio) error {
	fs := newFlags("web", "kapbot web [--listen ADDR] [--link telegram:ID|discord:ID]", s)
	listen := fs.String("listen", cmp.Or(cfg.env("KAPBOT_WEB_LISTEN"), "127.0.0.1:8081"), "address of the web view (KAPBOT_WEB_LISTEN)")
	link := fs.String("link", "", "print a one-time sign-in link for this staff member and exit (audited)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	log, err := cfg.logger(os.Stderr)
	if err != nil {
		return err
	}
	be, err := cfg.open(ctx, false, func(m string) { log.Warn(m) })
	if err != nil {
		return err
	}
	defer be.Close()
	lib := runner.NewLibrary(be.store, runner.WithScreenerFor(runner.SafetyScreener))
	if _, err := lib.Current(ctx); err != nil {
		return err
	}
	refs := notifier(be, lib, log)
	r := runner.New(be.store, lib, runner.WithLogger(log), runner.WithReferrer(refs))
	ln, err := webListen(cfg, *listen)
	if err != nil {
		return err
	}
	defer ln.Close()
	w, err := webView(be, lib, refs, r, log, ln, cfg.env("KAPBOT_WEB_URL"))
	if err != nil {
		return err
	}
	if *link != "" {
		url, err := w.Link(ctx, *link)
		if err != nil {
			return usagef("--link %s: %v (use telegram:<user id> or discord:<user id> of a staff member in clinic.yaml)", *link, err)
		}
		fmt.Fprintln(s.out, url)
		return nil
	}
	log.Info("web view serving", "listen", ln.Addr().String())
	return w.Serve(ctx, ln)
}

// demoWeb starts the web view for the demo on KAPBOT_WEB_LISTEN (default
// 127.0.0.1:8081, else any free port) and prints a sign-in link for the
// clinic's first staff member. It returns nil when there is no staff
// member or no port; the demo goes on without it.
func demoWeb(ctx context.Context, be *backend, lib *runner.Library, refs *referral.Notifier, r *runner.Runner, log *slog.Logger, s stdio) {
	e, err := lib.Current(ctx)
	if err != nil || e.Bundle().Clinic == nil || len(e.Bundle().Clinic.Staff) == 0 {
		return
	}
	ln, err := net.Listen("tcp", envOr("KAPBOT_WEB_LISTEN", "127.0.0.1:8081"))
	if err != nil {
		if ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
			return
		}
	}
	w, err := webView(be, lib, refs, r, log, ln, os.Getenv("KAPBOT_WEB_URL"))
	if err != nil {
		ln.Close()
		return
	}
	m := e.Bundle().Clinic.Staff[0]
	id := "telegram:" + m.Telegram
	if m.Telegram == "" {
		id = "discord:" + m.Discord
	}
	url, err := w.Link(ctx, id)
	if err != nil {
		ln.Close()
		return
	}
	go w.Serve(ctx, ln)
	fmt.Fprintf(s.err, "kapbot demo: the care team's web view is at http://%s; sign in as %s with %s (once, within 10 minutes)\n",
		localAddr(ln), strings.TrimSpace(m.Name), url)
}
