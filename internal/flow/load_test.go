package flow

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"go.yaml.in/yaml/v3"
)

const tinyFlow = "kapbot: 1\nflow: main\nsteps: [{id: a, disclaimer: true}, {id: b, end: Bye.}]\n"

func TestVersion(t *testing.T) {
	base := sources(map[string]string{"main.yaml": tinyFlow})
	b1, _ := Compile(base)
	b2, _ := Compile(maps.Clone(base))
	if b1 == nil || b2 == nil {
		t.Fatal("tiny bundle does not compile")
	}
	if !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(b1.Version) {
		t.Errorf("Version %q is not 16 hex digits", b1.Version)
	}
	if b1.Version != b2.Version {
		t.Errorf("Version not stable: %s != %s", b1.Version, b2.Version)
	}
	variants := map[string]map[string][]byte{
		"content changed": func() map[string][]byte {
			s := maps.Clone(base)
			s["main.yaml"] = []byte(strings.Replace(tinyFlow, "Bye.", "Bye!", 1))
			return s
		}(),
		"file renamed": func() map[string][]byte {
			s := maps.Clone(base)
			s["flows.yaml"] = s["main.yaml"]
			delete(s, "main.yaml")
			return s
		}(),
		"bytes moved between name and content": func() map[string][]byte {
			s := maps.Clone(base)
			s["main.yamlk"] = []byte(strings.TrimPrefix(string(s["main.yaml"]), "k"))
			delete(s, "main.yaml")
			return s
		}(),
	}
	for name, src := range variants {
		if v := version(src); v == b1.Version {
			t.Errorf("%s: version unchanged", name)
		}
	}
	withTest := maps.Clone(base)
	withTest["main.test.yaml"] = []byte("kapbot: 1\ntranscripts: main\ntests: []\n")
	b3, ps := Compile(withTest)
	if b3 == nil || b3.Version != b1.Version {
		t.Errorf("a transcript changed the version or broke the bundle: %v", ps)
	}
	if _, ok := b3.Sources["main.test.yaml"]; ok {
		t.Error("transcript in Sources")
	}
}

func TestLoadDirNamesFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("clinic.yaml", testClinic)
	write("main.yaml", tinyFlow)
	write("questionnaires/q.yml", "kapbot: 1\nquestionnaire: q\ntitle: Q\nitems: []\n")
	write("README.md", "not yaml")
	write(".hidden/x.yaml", "not: [valid")
	write("main.test.yaml", "kapbot: 1\ntranscripts: main\ntests: []\n")

	_, ps, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.ToSlash(filepath.Join(dir, "questionnaires/q.yml")) + ":4:8: items: a questionnaire needs at least one item"
	if len(ps) != 1 || ps[0].String() != want {
		t.Errorf("problems = %v\nwant %s", ps, want)
	}

	write("questionnaires/q.yml", "kapbot: 1\nquestionnaire: q\ntitle: Q\nitems: [{id: a, type: yesno, text: A}]\n")
	b, ps, err := LoadDir(dir)
	if err != nil || ps.Err() != nil {
		t.Fatal(err, ps)
	}
	if got := sortedKeys(b.Sources); !slices.Equal(got, []string{"clinic.yaml", "main.yaml", "questionnaires/q.yml"}) {
		t.Errorf("Sources = %v", got)
	}
	src := map[string][]byte{}
	for k, v := range b.Sources {
		src[k] = v
	}
	if b2, _ := Compile(src); b2 == nil || b2.Version != b.Version {
		t.Error("LoadDir and Compile of the same sources give different versions")
	}

	if _, _, err := LoadDir(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadDir(missing) err = %v, want fs.ErrNotExist", err)
	}
}

func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"clinic.yaml":         {Data: []byte(testClinic)},
		"flows/main.yaml":     {Data: []byte(tinyFlow)},
		"flows/main.test.yml": {Data: []byte("kapbot: 1\ntranscripts: main\ntests: []\n")},
		"notes.txt":           {Data: []byte("ignored")},
	}
	b, ps, err := LoadFS(fsys)
	if err != nil || ps.Err() != nil || b == nil {
		t.Fatalf("LoadFS: %v %v", err, ps)
	}
	if got := sortedKeys(b.Sources); !slices.Equal(got, []string{"clinic.yaml", "flows/main.yaml"}) {
		t.Errorf("Sources = %v", got)
	}
	if p := b.Flows["main"].Steps["a"].Pos; p != (Pos{File: "flows/main.yaml", Line: 3, Col: 9}) {
		t.Errorf("step Pos = %v", p)
	}
}

func TestProblemsAPI(t *testing.T) {
	ps := Problems{
		{Pos: Pos{File: "b.yaml", Line: 1, Col: 1}, Msg: "later file"},
		{Pos: Pos{File: "a.yaml", Line: 3, Col: 2}, Msg: "vars: x is unused", Warning: true},
		{Pos: Pos{File: "a.yaml", Line: 3, Col: 1}, Msg: "earlier column"},
		{Pos: Pos{File: "a.yaml", Line: 3, Col: 1}, Msg: "earlier column"},
		{Pos: Pos{File: "a.yaml"}, Msg: "whole file"},
	}.sort()
	want := []string{
		"a.yaml: whole file",
		"a.yaml:3:1: earlier column",
		"a.yaml:3:2: warning: vars: x is unused",
		"b.yaml:1:1: later file",
	}
	if got := strings.Split(ps.String(), "\n"); !slices.Equal(got, want) {
		t.Errorf("sorted problems:\n%s", ps)
	}
	if len(ps.Errors()) != 3 || len(ps.Warnings()) != 1 || !ps.Warnings()[0].Warning {
		t.Errorf("Errors %d, Warnings %d", len(ps.Errors()), len(ps.Warnings()))
	}
	err := ps.Err()
	if !errors.Is(err, ErrInvalid) || err.Error() != strings.Join(want, "\n") {
		t.Errorf("Err() = %v", err)
	}
	if err := ps.Warnings().Err(); err != nil {
		t.Errorf("warnings alone fail: %v", err)
	}
	if err := Problems(nil).Err(); err != nil {
		t.Errorf("no problems fail: %v", err)
	}
}

// TestCompileReportsEverything checks that one run reports every problem of
// a file with many, in order, and returns no bundle.
func TestCompileReportsEverything(t *testing.T) {
	b, ps, err := LoadDir("testdata/many")
	if err != nil {
		t.Fatal(err)
	}
	if b != nil {
		t.Error("a bundle with errors was returned")
	}
	golden(t, "testdata/many.golden", ps.String()+"\n")
	if n := len(ps.Errors()); n < 20 {
		t.Errorf("only %d errors reported", n)
	}
}

func TestMigrate(t *testing.T) {
	if len(migrations) != SpecVersion-1 {
		t.Fatalf("%d migrations for spec version %d; want one per older version", len(migrations), SpecVersion)
	}
	var ran []string
	steps := []migration{
		func(*yaml.Node) error { ran = append(ran, "1->2"); return nil },
		func(*yaml.Node) error { ran = append(ran, "2->3"); return nil },
		func(*yaml.Node) error { return errors.New("broken") },
	}
	if err := migrate(nil, 1, steps[:2]); err != nil || !slices.Equal(ran, []string{"1->2", "2->3"}) {
		t.Errorf("from 1: ran %v, err %v", ran, err)
	}
	ran = nil
	if err := migrate(nil, 2, steps[:2]); err != nil || !slices.Equal(ran, []string{"2->3"}) {
		t.Errorf("from 2: ran %v, err %v", ran, err)
	}
	if err := migrate(nil, 3, steps); err == nil || err.Error() != "upgrade from version 3 to 4: broken" {
		t.Errorf("failing migration: %v", err)
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"90d", 90 * 24 * time.Hour, true},
		{"36h", 36 * time.Hour, true},
		{"30m", 30 * time.Minute, true},
		{"1d12h", 36 * time.Hour, true},
		{"1h30m", 90 * time.Minute, true},
		{" 2d ", 48 * time.Hour, true},
		{"90 days", 0, false},
		{"d", 0, false},
		{"1d2", 0, false},
		{"", 0, false},
		{"99999999999d", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

// TestLoadDirClinic shares a folder of flows between clinics: the given
// clinic file replaces the folder's clinic.yaml, and its problems are
// located in it.
func TestLoadDirClinic(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("clinic.yaml", "kapbot: 1\nname: Folder clinic\ndefault_locale: en\nlocales: [en]\nretention: 30d\ndisclaimer: Not an emergency service.\ncrisis:\n  en: {text: Call 999 now., emergency: \"999\"}\n")
	write("main.yaml", "kapbot: 1\nflow: main\nsteps:\n  - id: disclaimer\n    disclaimer: true\n  - id: bye\n    end: {en: Bye., de: Tschüss.}\n")
	other := filepath.Join(t.TempDir(), "berlin.yaml")
	if err := os.WriteFile(other, []byte("kapbot: 1\nname: Praxis Berlin\ndefault_locale: de\nlocales: [de, en]\nretention: 60d\ndisclaimer: {de: Kein Notdienst., en: Not an emergency service.}\ncrisis:\n  de: {text: Notruf 112., emergency: \"112\"}\n  en: {text: Call 112., emergency: \"112\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, probs, err := LoadDirClinic(dir, other)
	if err != nil || probs.Err() != nil {
		t.Fatalf("load: %v %v", err, probs)
	}
	if b.Clinic.Name != "Praxis Berlin" || b.Clinic.DefaultLocale != "de" {
		t.Fatalf("clinic %q %q, want the given file's", b.Clinic.Name, b.Clinic.DefaultLocale)
	}
	if err := os.WriteFile(other, []byte("kapbot: 1\nname: Praxis Berlin\ndefault_locale: fr\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, probs, err = LoadDirClinic(dir, other)
	if err != nil || probs.Err() == nil {
		t.Fatalf("a broken clinic file loads: %v %v", err, probs)
	}
	for _, p := range probs {
		if strings.Contains(p.String(), "clinic:") && !strings.HasPrefix(p.String(), filepath.ToSlash(other)+":") {
			t.Errorf("%s: want clinic problems located in %s", p, other)
		}
	}
}
