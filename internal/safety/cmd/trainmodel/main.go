// Command trainmodel retrains the safety package's risk model from its
// fitted sets (testdata/fitted*_*.tsv, crisis_*.tsv, medical_*.tsv; never the
// held-out sets) and writes model.json. Run it with `go generate
// ./internal/safety`.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/kapbot/kapbot/internal/safety"
)

func main() {
	dir := flag.String("testdata", "testdata", "folder of the labelled sets")
	out := flag.String("out", "model.json", "file to write")
	maxFP := flag.Float64("max-raised", 0.03, "at most this share of other messages raised to possible, cross-validated")
	flag.Parse()
	set, err := safety.TrainingSet(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "trainmodel:", err)
		os.Exit(1)
	}
	m, err := safety.TrainModel(set, *maxFP)
	if err != nil {
		fmt.Fprintln(os.Stderr, "trainmodel:", err)
		os.Exit(1)
	}
	b, err := safety.MarshalModel(m)
	if err == nil {
		err = os.WriteFile(*out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "trainmodel:", err)
		os.Exit(1)
	}
	fmt.Println("trainmodel:", m.Note)
}
