package safety

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// heldout are the frozen held-out sets: written before the rules for the
// new categories, never used to tune a rule, and never edited after their
// first run (see README, "Safety screening").
var heldout = []struct{ file, locale string }{
	{"heldout_en.tsv", "en"},
	{"heldout_de.tsv", "de"},
}

// TestHeldoutUnchanged fails when a held-out file differs from the hash
// recorded in testdata/heldout.sha256 when it was written. Do not update the
// hash: write a new fitted set instead.
func TestHeldoutUnchanged(t *testing.T) {
	sums, err := os.ReadFile(filepath.Join("testdata", "heldout.sha256"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(sums)), "\n") {
		sum, file, ok := strings.Cut(line, "  ")
		if !ok {
			t.Fatalf("heldout.sha256: malformed line %q", line)
		}
		want[file] = sum
	}
	for _, h := range heldout {
		b, err := os.ReadFile(filepath.Join("testdata", h.file))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if got := hex.EncodeToString(sum[:]); got != want[h.file] {
			t.Errorf("%s: sha256 %s, recorded %q: the held-out set must not be edited", h.file, got, want[h.file])
		}
	}
}

// TestHeldoutWellFormed checks the held-out files parse and cover every
// category, without running the detector on them.
func TestHeldoutWellFormed(t *testing.T) {
	total, neg := 0, 0
	for _, h := range heldout {
		f, err := os.Open(filepath.Join("testdata", h.file))
		if err != nil {
			t.Fatal(err)
		}
		set, err := ReadLabels(f, h.file)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, s := range set {
			seen[s.Label] = true
			if s.Label == None {
				neg++
			}
		}
		for _, k := range Kinds {
			if !seen[string(k)] {
				t.Errorf("%s: no %s message", h.file, k)
			}
		}
		total += len(set)
	}
	if total < 500 || 2*neg < total {
		t.Errorf("held-out: %d messages, %d negatives; want at least 500, half negative", total, neg)
	}
}
