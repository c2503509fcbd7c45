package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The README's deployment-file example (the block after
// `<!-- deployment file -->`) loads as a deployment file, with its relative
// paths resolved as if it sat beside deploy/clinics.yaml.
func TestReadmeDeploymentExample(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, link := range []struct{ at, to string }{
		{"flows", "flows"},
		{"deploy", ""},
		{"deploy/berlin", "deploy/berlin"},
	} {
		at := filepath.Join(dir, link.at)
		if link.to == "" {
			if err := os.Mkdir(at, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.Symlink(filepath.Join(root, link.to), at); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	for i := 0; i+1 < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "<!-- deployment file -->" || strings.TrimSpace(lines[i+1]) != "```yaml" {
			continue
		}
		var body []string
		for j := i + 2; j < len(lines) && strings.TrimSpace(lines[j]) != "```"; j++ {
			body = append(body, lines[j])
		}
		n++
		path := filepath.Join(dir, "deploy", "example.yaml")
		if err := os.WriteFile(path, []byte(strings.Join(body, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		d, err := loadDeployment(path)
		if err != nil {
			t.Errorf("README.md:%d: the deployment example does not load: %v", i+2, err)
			continue
		}
		if len(d.ids()) < 2 {
			t.Errorf("README.md:%d: the deployment example lists %v, want two clinics", i+2, d.ids())
		}
	}
	if n == 0 {
		t.Fatal("README.md has no example marked <!-- deployment file -->")
	}
}
