package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/kapbot/kapbot/bots/console"
	"github.com/kapbot/kapbot/flows"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/store"
)

// newFlags makes a flag set whose errors are usage errors.
func newFlags(name, synopsis string, s stdio) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	// The flag package prints the usage on every mistake; a mistake here is
	// one line (see parse), and the full usage is for --help only.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	helpers.Store(fs, func() {
		fmt.Fprintf(s.err, "Usage: %s\n", synopsis)
		fs.SetOutput(s.err)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
		fmt.Fprint(s.err, settingsHint)
	})
	return fs
}

// settingsHint ends every command's --help: the settings are the same for
// all commands and described once, in the main usage.
const settingsHint = `Settings (environment, see 'kapbot --help'): REDIS_URL, KAPBOT_DATA_KEY,
  KAPBOT_DATA_KEY_PREVIOUS, KAPBOT_ID_KEY, KAPBOT_KEY_FILE, KAPBOT_PREFIX, KAPBOT_LOG_LEVEL,
  KAPBOT_LISTEN, KAPBOT_WEB_LISTEN, KAPBOT_WEB_URL, KAPBOT_REPLICA_LOCK, KAPBOT_WEBHOOK_URL, KAPBOT_WEBHOOK_SECRET,
  KAPBOT_WEBHOOK_MAX_ATTEMPTS, KAPBOT_AUDIT_MAX_ENTRIES, KAPBOT_FHIR_BASE, TELEGRAM_*, DISCORD_*,
  KAPBOT_CLINICS (then --clinic ID)
`

// helpers holds the --help printer of each flag set.
var helpers sync.Map // *flag.FlagSet -> func()

// parse parses flags anywhere among the arguments and returns the positional
// ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				if h, ok := helpers.Load(fs); ok {
					h.(func())()
				}
				return nil, errHelp
			}
			return nil, usagef("%s: %v (see kapbot %s --help)", fs.Name(), err, fs.Name())
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// flowSource is where flow files are read from: a folder, or the embedded
// sample flows.
type flowSource struct {
	name   string // for messages
	fsys   fs.FS
	dir    string // set for a folder
	clinic string // a clinic file in place of dir's clinic.yaml (a deployment's clinic)
}

// sourceFor picks --flows DIR, else ./flows when it exists, else the flows
// built into the binary.
func sourceFor(dir string) (flowSource, error) {
	if dir == "" {
		if st, err := os.Stat("flows/clinic.yaml"); err == nil && !st.IsDir() {
			dir = "flows"
		}
	}
	if dir == "" {
		return flowSource{name: "built-in sample flows", fsys: flows.FS}, nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return flowSource{}, usagef("--flows %s: not a folder", dir)
	}
	return flowSource{name: dir, fsys: os.DirFS(dir), dir: dir}, nil
}

// compileFlows compiles the flows of dir ("" for ./flows or the built-in
// samples), printing every problem to w; it fails when there are errors.
func compileFlows(dir string, w io.Writer) (*flow.Bundle, error) {
	src, err := sourceFor(dir)
	if err != nil {
		return nil, err
	}
	return src.load(w)
}

// load compiles the source, printing every problem; it fails when there are
// errors.
func (src flowSource) load(w io.Writer) (*flow.Bundle, error) {
	var b *flow.Bundle
	var probs flow.Problems
	var err error
	if src.dir != "" {
		b, probs, err = loadFlows(src.dir, src.clinic)
	} else {
		b, probs, err = flow.LoadFS(src.fsys)
	}
	if err != nil {
		return nil, err
	}
	for _, p := range probs {
		fmt.Fprintln(w, p.String())
	}
	if probs.Err() != nil {
		return nil, fmt.Errorf("%s: %d problems; fix them and try again: %w", src.name, len(probs.Errors()), errReported)
	}
	return b, nil
}

func cmdDemo(ctx context.Context, cfg Config, args []string, s stdio) error {
	fs := newFlags("demo", "kapbot demo [--flow ID] [--flows DIR] [--locale L] [--clock-speed N]", s)
	flowID := fs.String("flow", "", "flow to start (default: the clinic's default flow)")
	locale := fs.String("locale", "", localeUsage)
	dir := fs.String("flows", "", "flow folder (default: ./flows if present, else the built-in samples)")
	user := fs.String("user", "demo", "patient name")
	speed := fs.Float64("clock-speed", 1, "how much faster than real time the clock runs (reminders: 1440 makes a day a minute)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *speed < 1 || *speed > 1e6 {
		return usagef("--clock-speed %v: give a number from 1 (real time) to 1000000", *speed)
	}
	cfg.RedisURL = "" // the demo never touches a real Redis
	demoClockSpeed = *speed
	return chat(ctx, cfg, s, *dir, *flowID, *user, *locale, true, nil)
}

func cmdChat(ctx context.Context, cfg Config, args []string, s stdio) error {
	fs := newFlags("chat", "kapbot chat --flow ID --user NAME [--flows DIR] [--locale L] [--record FILE.test.yaml [--force]]", s)
	flowID := fs.String("flow", "", "flow to start or resume (default: the clinic's default flow)")
	locale := fs.String("locale", "", localeUsage)
	user := fs.String("user", "local", "patient name; the session is stored as console:NAME")
	dir := fs.String("flows", "", "flow folder to publish when nothing is published yet (default: ./flows if present, else the built-in samples)")
	record := fs.String("record", "", "when the chat ends, write it as a transcript test to this NAME.test.yaml for kapbot flows test;\nthe file holds every line you typed, as typed: chat as a made-up patient")
	force := fs.Bool("force", false, "with --record: replace the file if it exists")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	var rec *recorder
	if *record != "" {
		var err error
		if rec, err = newRecorder(*record, *force); err != nil {
			return err
		}
	} else if *force {
		return usagef("chat --force: only with --record FILE")
	}
	return chat(ctx, cfg, s, *dir, *flowID, *user, *locale, false, rec)
}

// localeUsage describes chat's and demo's --locale.
const localeUsage = "the patient's language (one of clinic.yaml's locales, e.g. de) for a new conversation, as Telegram's and Discord's language settings choose it; /language changes it later (default: the clinic's default_locale)"

// chat runs a terminal conversation. With demo set it always publishes the
// flows (into the embedded Redis) and greets the newcomer. locale ("" for
// none) is the language of a new conversation. With rec set the
// conversation must start afresh, and is written as a transcript test when
// it ends.
func chat(ctx context.Context, cfg Config, s stdio, dir, flowID, user, locale string, demo bool, rec *recorder) error {
	if strings.TrimSpace(user) == "" || strings.ContainsAny(user, "{}\n") {
		return usagef("--user %q: use a plain name", user)
	}
	src, err := sourceFor(dir)
	if err != nil {
		return err
	}
	if dir == "" && cfg.Clinic != "" {
		src = flowSource{name: "clinic " + cfg.Clinic + " (" + cfg.entry.Flows + ")", dir: cfg.entry.Flows, clinic: cfg.entry.Clinic}
	}
	note := func(msg string) { fmt.Fprintln(s.err, "kapbot:", msg) }
	be, err := cfg.open(ctx, true, note)
	if err != nil {
		return err
	}
	defer be.Close()
	_, err = be.store.Current(ctx)
	switch {
	case demo || be.embedded != nil || errors.Is(err, store.ErrNotFound):
		b, err := src.load(s.err)
		if err != nil {
			return err
		}
		if err := be.store.Publish(ctx, b.Version, b.Sources); err != nil {
			return fmt.Errorf("publish flows: %w", err)
		}
		if !demo && be.embedded == nil {
			note(fmt.Sprintf("nothing was published: published %s (version %s)", src.name, b.Version))
		}
		if flowID != "" && b.Flows[flowID] == nil {
			return usagef("--flow %s: no such flow in %s (flows: %s)", flowID, src.name, strings.Join(flowIDs(b), ", "))
		}
	case err != nil:
		return fmt.Errorf("read published flows: %w", err)
	}
	if os.Getenv("KAPBOT_LOG_LEVEL") == "" {
		// A terminal chat keeps stderr for what needs attention.
		cfg.LogLevel = "warn"
	}
	log, err := cfg.logger(os.Stderr)
	if err != nil {
		return err
	}
	lib := runner.NewLibrary(be.store, runner.WithScreenerFor(runner.SafetyScreener))
	if flowID != "" || locale != "" {
		eng, err := lib.Current(ctx)
		if err != nil {
			return err
		}
		if flowID != "" && eng.Bundle().Flows[flowID] == nil {
			return usagef("--flow %s: no such flow published (flows: %s)", flowID, strings.Join(flowIDs(eng.Bundle()), ", "))
		}
		if locs := eng.Bundle().Clinic.Locales; locale != "" && !slices.Contains(locs, locale) {
			return usagef("--locale %s: the clinic does not serve it (clinic.yaml locales: %s)", locale, strings.Join(locs, ", "))
		}
	}
	// No staff destinations here: referrals are stored, nobody is notified.
	refs := notifier(be, lib, log)
	ropts := []runner.Option{runner.WithLogger(log), runner.WithReferrer(refs)}
	now := time.Now
	if demo {
		now = compressedClock(demoClockSpeed)
		ropts = append(ropts, runner.WithClock(now))
	}
	r := runner.New(be.store, lib, ropts...)
	r.Register(console.Prefix, console.New(s.out))
	handle := r.Handle
	if demo {
		// Reminders on the demo's clock; /appointment books a session
		// (demo.go).
		tctx, stop := context.WithCancel(ctx)
		defer stop()
		go r.RunTimers(tctx, 200*time.Millisecond)
		handle = demoAppointments(r, lib, now, s)
	}
	if demo {
		// The care team's side in a browser: referrals appear as you chat.
		wctx, stop := context.WithCancel(ctx)
		defer stop()
		demoWeb(wctx, be, lib, refs, r, log, s)
	}
	var prompt io.Writer
	if isTerminal(s.in) {
		prompt = s.out
		if demo {
			fmt.Fprintf(s.err, "kapbot demo: %s on an embedded Redis. Answer by number or by label; /help lists commands; Ctrl-D quits.\n\n", src.name)
		}
	}
	patient := console.Prefix + ":" + user
	if rec == nil {
		return console.Chat(ctx, s.in, prompt, handle, patient, flowID, locale)
	}
	if err := rec.fresh(ctx, be.store, patient); err != nil {
		return err
	}
	eng, err := lib.Current(ctx)
	if err != nil {
		return err
	}
	if err := console.Chat(ctx, s.in, prompt, rec.wrap(handle), patient, flowID, locale); err != nil {
		return err
	}
	id := flowID
	if id == "" {
		id = eng.Bundle().Clinic.DefaultFlow
	}
	return rec.write(eng.Bundle(), id, s)
}

func flowIDs(b *flow.Bundle) []string {
	ids := make([]string, 0, len(b.Flows))
	for id := range b.Flows {
		ids = append(ids, id)
	}
	sortStrings(ids)
	return ids
}
