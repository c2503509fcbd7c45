package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/kapbot/kapbot/internal/keys"
)

// checkKeys refuses to serve when stored data is sealed with a key neither
// KAPBOT_DATA_KEY nor KAPBOT_DATA_KEY_PREVIOUS holds, and warns when some
// data is still sealed with a previous key or does not open.
func checkKeys(ctx context.Context, be *backend, warn func(msg string, args ...any)) error {
	rep, err := keys.Check(ctx, be.client, be.prefix, be.sealer, 64)
	if err != nil {
		return err
	}
	if rep.Unknown > 0 {
		warn("some stored data is sealed with a key that neither KAPBOT_DATA_KEY nor KAPBOT_DATA_KEY_PREVIOUS holds; those patients' sessions will be set aside when they write",
			"sampled", rep.Sealed, "unknown", rep.Unknown)
	}
	if rep.Damaged > 0 {
		warn("some stored data does not open although its key is known (damaged)", "sampled", rep.Sealed, "damaged", rep.Damaged)
	}
	if rep.Previous > 0 {
		warn("some stored data is still sealed with a previous key: run kapbot keys rotate", "sampled", rep.Sealed, "previous", rep.Previous)
	}
	return nil
}

func cmdKeys(ctx context.Context, cfg Config, args []string, s stdio) error {
	const synopsis = "kapbot keys rotate|check|migrate"
	if len(args) == 0 {
		return usagef("keys: say what to do: %s", synopsis)
	}
	sub := args[0]
	fs := newFlags("keys "+sub, synopsis, s)
	quiet := fs.Bool("quiet", false, "print only the summary")
	if _, err := parse(fs, args[1:]); err != nil {
		return err
	}
	switch sub {
	case "rotate", "check", "migrate":
	default:
		return usagef("keys: unknown command %q: use %s", sub, synopsis)
	}
	be, err := cfg.open(ctx, false, func(m string) { fmt.Fprintln(s.err, "kapbot:", m) })
	if err != nil {
		return err
	}
	defer be.Close()
	switch sub {
	case "migrate":
		rep, err := keys.Migrate(ctx, be.client, be.prefix, be.store)
		fmt.Fprintf(s.out, "migrated: %d patients moved to pseudonymous keys, %d left (their data does not open)\n", rep.Patients, rep.Unreadable)
		return err
	case "check":
		rep, err := keys.Check(ctx, be.client, be.prefix, be.sealer, 0)
		printReport(s, "checked", rep)
		return err
	default:
		rep, err := keys.Rotate(ctx, be.client, be.prefix, be.sealer, func(pass int, r keys.Report) {
			if !*quiet {
				fmt.Fprintf(s.err, "kapbot: pass %d: %d keys, %d values re-sealed so far\n", pass, r.Keys, r.Previous)
			}
		})
		if err != nil {
			return fmt.Errorf("keys rotate stopped (run it again to resume): %w", err)
		}
		printReport(s, "rotated", rep)
		if rep.Unknown > 0 || rep.Damaged > 0 {
			return errReported
		}
		return nil
	}
}

func printReport(s stdio, what string, r keys.Report) {
	// Under rotate, Previous counts the values re-sealed over all passes,
	// and the other counts are those of the last pass.
	prev := fmt.Sprintf("%d with a previous key", r.Previous)
	if what == "rotated" {
		prev = fmt.Sprintf("%d re-sealed from a previous key in this run", r.Previous)
	}
	fmt.Fprintf(s.out, "%s: %d keys, %d sealed values: %d with the current key, %s, %d with an unknown key, %d damaged\n",
		what, r.Keys, r.Sealed, r.Current, prev, r.Unknown, r.Damaged)
	if len(r.Examples) > 0 {
		fmt.Fprintf(s.out, "values that do not open, for example under: %s\n", strings.Join(r.Examples, ", "))
	}
}
