// Command train retrains the safety model (see internal/safety/model.go)
// on the labelled sets in internal/safety/testdata and writes
// internal/safety/model.json and internal/safety/model_weights.gz. Run it
// from the repository root after changing a training set:
//
//	go run ./internal/safety/train
//
// -without leaves named files out (go run ./internal/safety/train -without
// fitted109_en.tsv,fitted110_de.tsv: a new batch kept for a forward check
// before the model is trained on it; TestModelData reports such a batch
// until the model is retrained on it).
//
// It is deterministic: the same files give the same model. It prints the
// cross-validated figures of each head; the messages are never printed.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kapbot/kapbot/internal/safety"
)

func main() {
	pkg := flag.String("dir", filepath.Join("internal", "safety"), "the safety package's folder: reads its testdata, writes model.json and model_weights.gz there")
	without := flag.String("without", "", "training files left out, separated by commas (a new fitted batch kept for a forward check before it is trained on)")
	flag.Parse()
	if err := run(*pkg, strings.FieldsFunc(*without, func(r rune) bool { return r == ',' || r == ' ' })); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(pkg string, without []string) error {
	data := filepath.Join(pkg, "testdata")
	if _, err := os.Stat(data); err != nil {
		return fmt.Errorf("%v (run from the repository root, or give -dir)", err)
	}
	files, err := safety.TrainingFiles(data)
	if err != nil {
		return err
	}
	for _, f := range without {
		if !slices.Contains(files, f) {
			return fmt.Errorf("-without: %s is no training file of %s", f, data)
		}
	}
	files = slices.DeleteFunc(files, func(f string) bool { return slices.Contains(without, f) })
	m, report, err := safety.TrainFiles(data, files)
	if err != nil {
		return err
	}
	js, gz, err := m.Encode()
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(pkg, "model.json"), js, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(pkg, "model_weights.gz"), gz, 0o644); err != nil {
		return err
	}
	fmt.Print(report)
	fmt.Printf("wrote %s (%d bytes) and %s (%d bytes)\n", filepath.Join(pkg, "model.json"), len(js), filepath.Join(pkg, "model_weights.gz"), len(gz))
	return nil
}
