//go:build race

package safety

// raceEnabled is set when the tests run under the race detector.
const raceEnabled = true
