package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kapbot/kapbot/internal/safety"
)

// cmdSafety runs `kapbot safety check`: the safety screening a patient's
// message gets, for clinics testing their own phrases and for tests.
func cmdSafety(ctx context.Context, cfg Config, args []string, s stdio) error {
	if len(args) == 0 || args[0] != "check" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprint(s.out, safetyUsage)
			return nil
		}
		return usagef("safety: say check (kapbot safety check --help)")
	}
	return safetyCheck(ctx, args[1:], s)
}

const safetyUsage = `Usage: kapbot safety check [--json] [--locale L] [--flows DIR] [--labels FILE.tsv] [--rules-only]

Reads one message per line on stdin and prints, per message, its category and
the rules that fired: crisis, acute_medical, harm_to_others, abuse, possible,
medical or none (the most urgent first). The messages themselves are never
printed. With --labels, scores a labelled file instead and prints recall and
precision per category. A raise by the statistical model beside the rules
is named like a rule, "en/possible/model"; --rules-only leaves the model out.
`

// safetyCheck screens stdin line by line, or scores a labelled file.
func safetyCheck(ctx context.Context, args []string, s stdio) error {
	fs := newFlags("safety check", "kapbot safety check [--json] [--locale L] [--flows DIR] [--labels FILE.tsv] [--rules-only]", s)
	asJSON := fs.Bool("json", false, `print one JSON object per message: {"category": "...", "rules": [...]}`)
	locale := fs.String("locale", "en", "the patients' locale (its rules are preferred; every locale's rules apply)")
	dir := fs.String("flows", "", "flow folder whose clinic.yaml crisis_phrases are added to the built-in rules")
	labels := fs.String("labels", "", "a labelled TSV file (columns text and label, with a header row) to score instead of reading stdin")
	rulesOnly := fs.Bool("rules-only", false, "leave out the statistical model beside the rules (it can only raise a category), to compare")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("safety check: unexpected %q; messages come on stdin, one per line", pos[0])
	}
	var extra map[string][]string
	if *dir != "" {
		b, err := compileFlows(*dir, s.err)
		if err != nil {
			return err
		}
		if b.Clinic != nil {
			extra = b.Clinic.CrisisPhrases
		}
	}
	d, err := safety.New(extra)
	if err != nil {
		return err
	}
	if *rulesOnly {
		d = d.WithoutModel()
	}
	if *labels != "" {
		return safetyScore(d, *labels, *locale, s)
	}
	r := bufio.NewReader(s.in)
	w := bufio.NewWriter(s.out)
	defer w.Flush()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, err := r.ReadString('\n')
		if len(line) > 0 || err == nil {
			printVerdict(w, d.CheckAll(strings.TrimRight(line, "\r\n"), *locale), *asJSON)
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("safety check: reading stdin: %w", err)
		}
	}
}

// verdict is one line of `safety check --json`.
type verdict struct {
	Category string   `json:"category"`
	Rules    []string `json:"rules"`
}

func printVerdict(w io.Writer, ms []safety.Match, asJSON bool) {
	v := verdict{Category: safety.None, Rules: []string{}}
	for i, m := range ms {
		if i == 0 {
			v.Category = string(m.Kind)
		}
		v.Rules = append(v.Rules, m.Rule)
	}
	if asJSON {
		b, _ := json.Marshal(v) // strings and a slice of strings: cannot fail
		fmt.Fprintf(w, "%s\n", b)
		return
	}
	fmt.Fprintf(w, "%s\t%s\n", v.Category, strings.Join(v.Rules, ","))
}

// safetyScore prints recall and precision per category over a labelled
// file, and each misclassified line by number (not its text).
func safetyScore(d *safety.Detector, path, locale string, s stdio) error {
	f, err := os.Open(path)
	if err != nil {
		return usagef("safety check --labels: %v", err)
	}
	defer f.Close()
	set, err := safety.ReadLabels(f, path)
	if err != nil {
		var le *safety.LabelError
		if errors.As(err, &le) {
			fmt.Fprintln(s.err, err)
			return errReported
		}
		return err
	}
	if len(set) == 0 {
		fmt.Fprintf(s.err, "%s: no labelled messages\n", path)
		return errReported
	}
	scores := d.Evaluate(set, locale, func(l safety.Labelled, got string) {
		if got != l.Label {
			fmt.Fprintf(s.out, "%s:%d: want %s, got %s\n", path, l.Line, l.Label, got)
		}
	})
	fmt.Fprintf(s.out, "%d messages\n%-15s %8s %8s %10s\n", len(set), "category", "recall", "precision", "messages")
	for _, sc := range scores {
		if sc.TP+sc.FN+sc.FP == 0 {
			continue
		}
		fmt.Fprintf(s.out, "%-15s %7.1f%% %7.1f%% %10d\n", sc.Category, 100*sc.Recall(), 100*sc.Precision(), sc.TP+sc.FN)
	}
	return nil
}
