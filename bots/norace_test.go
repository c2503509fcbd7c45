//go:build !race

package main

// raceSlowdown scales latency bounds of tests under the race detector.
const raceSlowdown = 1
