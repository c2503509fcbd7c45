package runner

import (
	"runtime/debug"
	"testing"
)

func TestTuneGCSetsAndRestores(t *testing.T) {
	t.Setenv("GOGC", "")
	before := debug.SetGCPercent(150)
	defer debug.SetGCPercent(before)
	restore := TuneGC()
	if got := debug.SetGCPercent(GCPercent); got != GCPercent {
		t.Fatalf("percent after TuneGC = %d, want %d", got, GCPercent)
	}
	restore()
	if got := debug.SetGCPercent(150); got != 150 {
		t.Fatalf("percent after restore = %d, want 150", got)
	}
}

func TestTuneGCLeavesAnExplicitGOGC(t *testing.T) {
	t.Setenv("GOGC", "100")
	before := debug.SetGCPercent(150)
	defer debug.SetGCPercent(before)
	defer TuneGC()()
	if got := debug.SetGCPercent(150); got != 150 {
		t.Fatalf("percent with GOGC set = %d, want 150 (left alone)", got)
	}
}
