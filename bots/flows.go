package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/kapbot/kapbot/internal/enginetest"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/flowgraph"
	"github.com/kapbot/kapbot/internal/store"
)

func cmdFlows(ctx context.Context, cfg Config, args []string, s stdio) error {
	if len(args) == 0 {
		return usagef("flows: say validate, test, push, list or graph (kapbot help)")
	}
	switch args[0] {
	case "validate":
		return flowsValidate(cfg, args[1:], s)
	case "test":
		return flowsTest(args[1:], s)
	case "push":
		return flowsPush(ctx, cfg, args[1:], s)
	case "list":
		return flowsList(ctx, cfg, args[1:], s)
	case "graph":
		return flowsGraph(args[1:], s)
	case "-h", "--help", "help":
		fmt.Fprint(s.out, usage)
		return errHelp
	}
	return usagef("flows %s: unknown; say validate, test, push, list or graph", args[0])
}

// folders reads the PATH arguments: folders, or files standing for their folder.
func folders(name string, args []string, s stdio) ([]string, error) {
	fs := newFlags("flows "+name, "kapbot flows "+name+" PATH...", s)
	paths, err := parse(fs, args)
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, usagef("flows %s: name at least one flow folder, e.g. kapbot flows %s flows/", name, name)
	}
	for i, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, usagef("flows %s: %s: no such file or folder", name, p)
		}
		if !st.IsDir() {
			paths[i] = dirOf(p)
		}
	}
	return paths, nil
}

func dirOf(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return "."
	}
	return p[:i]
}

func flowsValidate(cfg Config, args []string, s stdio) error {
	var targets []clinicEntry
	if cfg.deployment != nil && !slices.ContainsFunc(args, func(a string) bool { return !strings.HasPrefix(a, "-") }) {
		// kapbot flows validate [--clinic ID]: the deployment's clinics.
		targets = cfg.deployment.clinics
		if cfg.Clinic != "" {
			targets = []clinicEntry{cfg.entry}
		}
	} else {
		dirs, err := folders("validate", args, s)
		if err != nil {
			return err
		}
		for _, d := range dirs {
			targets = append(targets, clinicEntry{Flows: d})
		}
	}
	failed := false
	for _, t := range targets {
		b, probs, err := loadFlows(t.Flows, t.Clinic)
		if err != nil {
			return err
		}
		for _, p := range probs {
			fmt.Fprintln(s.out, p.String())
		}
		name := t.Flows
		if t.ID != "" {
			name = "clinic " + t.ID
		}
		if probs.Err() != nil {
			failed = true
			fmt.Fprintf(s.err, "%s: %d errors, %d warnings\n", name, len(probs.Errors()), len(probs.Warnings()))
			continue
		}
		fmt.Fprintf(s.out, "%s: ok: %d flows, %d questionnaires, version %s\n", name, len(b.Flows), len(b.Questionnaires), b.Version)
	}
	if failed {
		return errReported
	}
	return nil
}

// loadFlows loads the flow folder dir, with the clinic file clinic in place
// of its clinic.yaml when clinic is set (a deployment's clinic).
func loadFlows(dir, clinic string) (*flow.Bundle, flow.Problems, error) {
	if clinic != "" {
		return flow.LoadDirClinic(dir, clinic)
	}
	return flow.LoadDir(dir)
}

func flowsTest(args []string, s stdio) error {
	dirs, err := folders("test", args, s)
	if err != nil {
		return err
	}
	failed := false
	for _, dir := range dirs {
		b, probs, err := flow.LoadDir(dir)
		if err != nil {
			return err
		}
		if probs.Err() != nil {
			for _, p := range probs.Errors() {
				fmt.Fprintln(s.out, p.String())
			}
			failed = true
			continue
		}
		res, err := enginetest.RunDir(b, dir)
		if err != nil {
			return err
		}
		for _, r := range res {
			if r.Err != nil {
				failed = true
				fmt.Fprintf(s.out, "FAIL %s: %s\n    %s\n", r.Pos, r.Name, strings.ReplaceAll(r.Err.Error(), "\n", "\n    "))
			}
		}
		// The summary is the result: stdout when every test passed,
		// stderr (beside the failures) when not.
		sum := s.out
		if slices.ContainsFunc(res, func(r enginetest.Result) bool { return r.Err != nil }) {
			sum = s.err
		}
		fmt.Fprintf(sum, "%s: %s\n", dir, enginetest.Summary(res))
	}
	if failed {
		return errReported
	}
	return nil
}

func flowsPush(ctx context.Context, cfg Config, args []string, s stdio) error {
	fs := newFlags("flows push", "kapbot flows push DIR", s)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	var src flowSource
	switch {
	case len(pos) == 0 && cfg.Clinic != "":
		// kapbot flows push --clinic ID: the clinic's flows and clinic.yaml.
		src = flowSource{name: "clinic " + cfg.Clinic + " (" + cfg.entry.Flows + ")", dir: cfg.entry.Flows, clinic: cfg.entry.Clinic}
	case len(pos) != 1:
		return usagef("flows push: name one flow folder, e.g. kapbot flows push flows/ (or, with %s, --clinic ID)", envClinics)
	default:
		if src, err = sourceFor(pos[0]); err != nil {
			return err
		}
	}
	b, err := src.load(s.out)
	if err != nil {
		return err
	}
	be, err := cfg.open(ctx, false, func(m string) { fmt.Fprintln(s.err, "kapbot:", m) })
	if err != nil {
		return err
	}
	defer be.Close()
	if err := be.store.Publish(ctx, b.Version, b.Sources); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	fmt.Fprintf(s.out, "published %s: version %s, %d flows, %d questionnaires\n", src.name, b.Version, len(b.Flows), len(b.Questionnaires))
	return nil
}

func flowsList(ctx context.Context, cfg Config, args []string, s stdio) error {
	fs := newFlags("flows list", "kapbot flows list", s)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	be, err := cfg.open(ctx, false, func(m string) { fmt.Fprintln(s.err, "kapbot:", m) })
	if err != nil {
		return err
	}
	defer be.Close()
	v, err := be.store.Current(ctx)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("nothing is published yet: run kapbot flows push flows/")
	}
	if err != nil {
		return err
	}
	src, err := be.store.Bundle(ctx, v)
	if err != nil {
		return err
	}
	b, probs := flow.Compile(src)
	if probs.Err() != nil {
		return fmt.Errorf("published version %s does not compile with this kapbot: %w", v, probs.Err())
	}
	fmt.Fprintf(s.out, "version %s\n", v)
	for _, id := range flowIDs(b) {
		f := b.Flows[id]
		kind := "flow"
		if f.Questionnaire != "" {
			kind = "questionnaire"
		}
		fmt.Fprintf(s.out, "  %-24s %-13s %s\n", id, kind, f.Title.In(b.Clinic.DefaultLocale, f.Locale))
	}
	return nil
}

func flowsGraph(args []string, s stdio) error {
	fs := newFlags("flows graph", "kapbot flows graph ID [--flows DIR] [--html FILE]", s)
	dir := fs.String("flows", "", "flow folder (default: ./flows if present, else the built-in samples)")
	page := fs.String("html", "", "write the diagram as a self-contained HTML page to FILE (open it in a browser; it loads nothing from the network)\ninstead of printing Mermaid")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("flows graph: name one flow id, e.g. kapbot flows graph kap-intake")
	}
	b, err := compileFlows(*dir, s.err)
	if err != nil {
		return err
	}
	f := b.Flows[pos[0]]
	if f == nil {
		return usagef("flows graph: no flow %q (flows: %s)", pos[0], strings.Join(flowIDs(b), ", "))
	}
	if *page != "" {
		return writeGraphPage(*page, f, s)
	}
	fmt.Fprint(s.out, flow.Mermaid(f))
	return nil
}

// writeGraphPage writes f's diagram as an HTML page to path, replacing it.
func writeGraphPage(path string, f *flow.Flow, s stdio) error {
	var b bytes.Buffer
	if err := flowgraph.HTML(&b, f); err != nil {
		return fmt.Errorf("flows graph --html: %w", err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return usagef("flows graph --html %s: %v", path, err)
	}
	fmt.Fprintf(s.out, "wrote %s: flow %s, %d steps; open it in a browser\n", path, f.ID, len(f.Order))
	return nil
}

func sortStrings(a []string) { sort.Strings(a) }
