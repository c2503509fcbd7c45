package redisconn

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
)

// go-redis's lines are dropped until a logger is given, then arrive there
// as structured lines at Info.
func TestRouterSendsLinesToTheLogger(t *testing.T) {
	defer LogTo(nil)
	LogTo(nil)
	router{}.Printf(context.Background(), "dropped %d", 1)
	var buf bytes.Buffer
	LogTo(slog.New(slog.NewTextHandler(&buf, nil)))
	router{}.Printf(context.Background(), "sentinel: new master=%q", "mymaster")
	got := buf.String()
	if strings.Contains(got, "dropped") || !strings.Contains(got, "level=INFO") || !strings.Contains(got, `new master=\"mymaster\"`) {
		t.Fatalf("log: %q", got)
	}
}
