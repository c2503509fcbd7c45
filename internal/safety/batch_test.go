package safety

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestBatchReport prints the figures of the labelled sets named in
// SAFETY_BATCH (files in testdata, space-separated), with the rules alone
// and with the model beside them, as recorded for a new fitted batch's
// first run in testdata/fitted_firstrun.txt; MISSES=1 lists the lines the
// rules alone, and the rules with the model, misclassify. Without SAFETY_BATCH it is skipped. Never
// point it at a held-out set while writing rules.
//
//	SAFETY_BATCH="fitted13_en.tsv fitted13_de.tsv" go test -count=1 -v -run TestBatchReport ./internal/safety
func TestBatchReport(t *testing.T) {
	files := strings.Fields(os.Getenv("SAFETY_BATCH"))
	if len(files) == 0 {
		t.Skip("set SAFETY_BATCH to the files to report")
	}
	d := newDetector(t, nil)
	pooled := map[string][]Labelled{}
	defer func() {
		for _, loc := range []string{"en", "de"} {
			if len(pooled[loc]) > 0 && len(files) > 1 {
				fmt.Printf("all %s, rules alone: %s", loc, evaluate(d.WithoutModel(), pooled[loc], loc, ""))
				fmt.Printf("all %s, rules and model: %s", loc, evaluate(d, pooled[loc], loc, ""))
			}
		}
	}()
	for _, f := range files {
		if strings.HasPrefix(f, "heldout") {
			t.Fatalf("%s: held-out sets are run only by TestHeldout*, once", f)
		}
		loc := strings.TrimSuffix(f[strings.LastIndex(f, "_")+1:], ".tsv")
		set := loadLabelled(t, f)
		pooled[loc] = append(pooled[loc], set...)
		rules := evaluate(d.WithoutModel(), set, loc, f)
		fmt.Printf("%s, rules alone: %s", f, rules)
		r := evaluate(d, set, loc, f)
		fmt.Printf("%s, rules and model: %s", f, r)
		if os.Getenv("MISSES") != "" {
			for _, m := range rules.misses {
				fmt.Println("rules alone:", m)
			}
			for _, m := range r.misses {
				fmt.Println("rules and model:", m)
			}
		}
	}
}
