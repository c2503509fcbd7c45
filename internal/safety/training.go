package safety

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// TrainingSet reads the sets the risk model is trained on from dir: the
// fitted category sets (fitted*_*.tsv) and the older crisis and medical sets
// (crisis_*.tsv, medical_*.tsv: label 1 is crisis or medical, 0 is none).
// The held-out sets are never read. It is for the trainer and tests; the
// detector does no I/O.
func TrainingSet(dir string) ([]Labelled, error) {
	var out []Labelled
	fitted, err := filepath.Glob(filepath.Join(dir, "fitted*_*.tsv"))
	if err != nil {
		return nil, err
	}
	sort.Strings(fitted)
	for _, p := range fitted {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		set, err := ReadLabels(f, p)
		f.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, set...)
	}
	for _, kind := range []Kind{KindCrisis, KindMedical} {
		old, err := filepath.Glob(filepath.Join(dir, string(kind)+"_*.tsv"))
		if err != nil {
			return nil, err
		}
		sort.Strings(old)
		for _, p := range old {
			set, err := readBinarySet(p, kind)
			if err != nil {
				return nil, err
			}
			out = append(out, set...)
		}
	}
	return out, nil
}

// readBinarySet reads a "label<TAB>message" file with labels 1 and 0.
func readBinarySet(path string, kind Kind) ([]Labelled, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Labelled
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		label, text, ok := strings.Cut(line, "\t")
		if !ok || (label != "0" && label != "1") {
			return nil, &LabelError{path, n, "want label<TAB>message with label 0 or 1"}
		}
		l := None
		if label == "1" {
			l = string(kind)
		}
		out = append(out, Labelled{Line: n, Text: text, Label: l})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}
