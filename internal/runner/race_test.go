//go:build race

package runner_test

// raceBuild: the race detector runs this code several times slower, so
// the largest tests use less data under it.
const raceBuild = true
