//go:build !race

package runner_test

const raceBuild = false
