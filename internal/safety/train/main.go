// Command train retrains the safety model (see internal/safety/model.go)
// on the labelled sets in internal/safety/testdata and writes
// internal/safety/model.json and internal/safety/model_weights.gz. Run it
// from the repository root after changing a training set:
//
//	go run ./internal/safety/train
//
// It is deterministic: the same files give the same model. It prints the
// cross-validated figures of each head; the messages are never printed.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kapbot/kapbot/internal/safety"
)

func main() {
	pkg := flag.String("dir", filepath.Join("internal", "safety"), "the safety package's folder: reads its testdata, writes model.json and model_weights.gz there")
	flag.Parse()
	if err := run(*pkg); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(pkg string) error {
	data := filepath.Join(pkg, "testdata")
	if _, err := os.Stat(data); err != nil {
		return fmt.Errorf("%v (run from the repository root, or give -dir)", err)
	}
	files, err := safety.TrainingFiles(data)
	if err != nil {
		return err
	}
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
