package main

import (
	"log/slog"

	"github.com/kapbot/kapbot/internal/runner"
)

// channels builds the channels whose settings are present and registers them
// with the runner.
func channels(cfg Config, r *runner.Runner, log *slog.Logger) (map[string]channel, error) {
	out := map[string]channel{}
	return out, nil
}
