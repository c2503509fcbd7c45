package redisconn

import (
	"context"
	"fmt"
	"log/slog"
	"sync/atomic"

	"github.com/redis/go-redis/v9"
)

// logTarget receives go-redis's own log lines once RouteLogs ran; nil
// drops them.
var logTarget atomic.Pointer[slog.Logger]

// RouteLogs sends go-redis's own log lines (a failed dial, Sentinel's new
// master) to the logger last given to LogTo, as structured lines, and drops
// them until LogTo is called: a command that fails to reach Redis says so
// once, in its own error, instead of under a stream of the library's
// lines. go-redis has one global logger, so only main calls this, once.
func RouteLogs() { redis.SetLogger(router{}) }

// LogTo makes log receive go-redis's lines, at level Info, once RouteLogs
// ran. It is safe to call from several goroutines.
func LogTo(log *slog.Logger) { logTarget.Store(log) }

// router is go-redis's logger after RouteLogs.
type router struct{}

func (router) Printf(ctx context.Context, format string, v ...any) {
	if l := logTarget.Load(); l != nil {
		l.InfoContext(ctx, "redis client", "detail", fmt.Sprintf(format, v...))
	}
}
