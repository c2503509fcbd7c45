package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kapbot/kapbot/internal/flow"
)

// `flows graph ID --html FILE` writes the page; without --html the command
// still prints the Mermaid source.
func TestFlowsGraphHTML(t *testing.T) {
	b, ps, err := flow.LoadDir("../flows")
	if err != nil || ps.Err() != nil {
		t.Fatal(err, ps)
	}
	code, out, errw := kapbot(t, "", "flows", "graph", "kap-prepare", "--flows", "../flows")
	if code != 0 || out != flow.Mermaid(b.Flows["kap-prepare"]) {
		t.Fatalf("flows graph: %d, Mermaid changed:\n%s%s", code, out, errw)
	}
	page := filepath.Join(t.TempDir(), "prepare.html")
	code, out, errw = kapbot(t, "", "flows", "graph", "kap-prepare", "--flows", "../flows", "--html", page)
	if code != 0 || !strings.Contains(out, page) {
		t.Fatalf("flows graph --html: %d\n%s%s", code, out, errw)
	}
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	html := string(data)
	if !strings.HasPrefix(html, "<!DOCTYPE html>") || !strings.Contains(html, "<svg") {
		t.Fatalf("not an HTML page with a diagram:\n%.300s", html)
	}
	for _, id := range b.Flows["kap-prepare"].Order {
		if !strings.Contains(html, `id="step-`+id+`"`) {
			t.Errorf("no box for step %s", id)
		}
	}
	if strings.Contains(html, "http://") || strings.Contains(html, "https://") {
		t.Error("the page refers to the network")
	}
	if code, _, errw = kapbot(t, "", "flows", "graph", "kap-prepare", "--flows", "../flows", "--html", filepath.Join(t.TempDir(), "no", "such", "dir.html")); code != 2 || !strings.Contains(errw, "--html") {
		t.Errorf("unwritable --html: exit %d, %s", code, errw)
	}
}
