//go:build race

package main

// raceSlowdown scales latency bounds of tests under the race detector, which
// runs this code several times slower.
const raceSlowdown = 3
