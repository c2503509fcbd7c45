package runner

import (
	"os"
	"runtime/debug"
)

// GCPercent is the garbage collector's target percentage that serve runs
// with when the GOGC environment variable does not set one (TuneGC).
//
// A step allocates about 4 KB a message over a live heap of a few MB, so at
// Go's default of 100 (a heap of at least 4 MB) the collector runs every few
// hundred messages and took about 14% of the step's Go CPU in
// BenchmarkHandle64. At 400 the heap may grow to five times what is live
// before a collection (in the benchmark a 6 MB goal over 1 MB live, a fifth
// of the collections): tens of MB for a clinic's serve, bounded by
// GOMEMLIMIT where an operator sets one.
const GCPercent = 400

// TuneGC sets the collector's target percentage to GCPercent unless GOGC is
// set in the environment (which then rules, as Go reads it at start), and
// returns a function that puts back the percentage in force before.
func TuneGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(GCPercent)
	return func() { debug.SetGCPercent(old) }
}
