package flow

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// IsTranscript reports whether a file name is a transcript test file
// ("*.test.yaml" or "*.test.yml"). Transcripts are not part of a Bundle.
func IsTranscript(name string) bool {
	return strings.HasSuffix(name, ".test.yaml") || strings.HasSuffix(name, ".test.yml")
}

// Compile validates and compiles a clinic's flow sources. sources maps a file
// name relative to the flow folder ("clinic.yaml", "questionnaires/phq9.yaml")
// to its YAML; those names appear in problem positions. Transcript files
// (IsTranscript) are skipped: they are neither compiled nor part of the
// bundle's sources or version.
//
// Compile reports every problem it finds, sorted. It returns a Bundle only
// when no problem is an error (warnings alone do not block); otherwise the
// Bundle is nil and Problems.Err is non-nil. The caller owns sources; Compile
// copies nothing it keeps except into Bundle.Sources, which shares the slices.
//
// Compile checks structure only, not the safety lint of Validate: it is how a
// running kapbot loads a bundle that was published earlier (and validated
// when it was pushed), so that an upgrade that adds a lint rule never stops
// the sessions running on an older published version. Tools that publish or
// test flows use Validate, LoadDir or LoadFS.
func Compile(sources map[string][]byte) (*Bundle, Problems) {
	return compile(sources, func(name string) string { return name }, false)
}

// Validate is Compile plus the safety lint a flow set must pass before it is
// published (see safety.go): a questionnaire with risk flags must be able to
// reach an emergency crisis referral, every locale in use has crisis
// resources, clinic.yaml has a disclaimer and every flow shows it before
// anything else, and no text gives dose amounts unless its step is marked
// logistics: reviewed. Lint findings are Problems like any other, located
// and reported all at once; the Bundle is nil when any is an error.
func Validate(sources map[string][]byte) (*Bundle, Problems) {
	return compile(sources, func(name string) string { return name }, true)
}

// LoadFS reads every *.yaml and *.yml file under the root of fsys (skipping
// hidden folders and files) and validates them as Validate does (the safety
// lint included), with names relative to the root. The error is only for I/O failures; invalid flows are
// reported in Problems.
func LoadFS(fsys fs.FS) (*Bundle, Problems, error) {
	sources, err := readSources(fsys)
	if err != nil {
		return nil, nil, err
	}
	b, ps := Validate(sources)
	return b, ps, nil
}

// LoadDir is LoadFS over the folder dir. Bundle.Sources keeps names relative
// to dir, while problem positions show them joined with dir as given
// ("flows/kap-intake.yaml"), so an editor can open them. The error is only for
// I/O failures.
func LoadDir(dir string) (*Bundle, Problems, error) {
	sources, err := readSources(os.DirFS(dir))
	if err != nil {
		return nil, nil, fmt.Errorf("load flows from %s: %w", dir, err)
	}
	b, ps := compile(sources, func(name string) string {
		return filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(name)))
	}, true)
	return b, ps, nil
}

// LoadDirClinic is LoadDir with the folder's clinic.yaml replaced by the
// file clinic: several clinics share one folder of flows, each with its own
// settings (crisis resources, staff, destinations, retention). Problems in
// the clinic settings are located in that file. The error is only for I/O
// failures.
func LoadDirClinic(dir, clinic string) (*Bundle, Problems, error) {
	sources, err := readSources(os.DirFS(dir))
	if err != nil {
		return nil, nil, fmt.Errorf("load flows from %s: %w", dir, err)
	}
	data, err := os.ReadFile(clinic)
	if err != nil {
		return nil, nil, fmt.Errorf("load clinic settings: %w", err)
	}
	sources["clinic.yaml"] = data
	b, ps := compile(sources, func(name string) string {
		if name == "clinic.yaml" {
			return filepath.ToSlash(clinic)
		}
		return filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(name)))
	}, true)
	return b, ps, nil
}

func readSources(fsys fs.FS) (map[string][]byte, error) {
	sources := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if name != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if ext := path.Ext(name); ext != ".yaml" && ext != ".yml" {
			return nil
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		sources[name] = data
		return nil
	})
	if err != nil {
		return nil, err
	}
	return sources, nil
}

// version hashes the sources: the first 16 hex digits of SHA-256 over the
// names in order, each followed by its content, length-prefixed so no two
// different sets collide by concatenation.
func version(sources map[string][]byte) string {
	h := sha256.New()
	for _, name := range sortedKeys(sources) {
		fmt.Fprintf(h, "%d:%s\x00%d:", len(name), name, len(sources[name]))
		h.Write(sources[name])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// File kinds, by their identifying key.
const (
	kindClinic        = "name"
	kindFlow          = "flow"
	kindQuestionnaire = "questionnaire"
	kindTranscripts   = "transcripts"
)

// srcFile is one parsed source file.
type srcFile struct {
	name    string // as given to Compile
	r       *reader
	root    *yaml.Node // the document's top mapping
	kind    string
	kindKey *yaml.Node
}

// migration upgrades a document's tree by one format version, in place.
type migration func(root *yaml.Node) error

// migrations[i] upgrades a document from version i+1 to i+2, so a file of
// version v runs migrations[v-1:]. There must be exactly SpecVersion-1 of them.
var migrations []migration

// migrate upgrades root from version from to the newest version steps reach.
func migrate(root *yaml.Node, from int, steps []migration) error {
	for v := from; v <= len(steps); v++ {
		if err := steps[v-1](root); err != nil {
			return fmt.Errorf("upgrade from version %d to %d: %w", v, v+1, err)
		}
	}
	return nil
}

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlParserErrors are the messages of libyaml's parser, whose line numbers
// yaml.v3 reports 0-based (its scanner errors are 1-based).
var yamlParserErrors = []string{
	"did not find expected <document start>", "did not find expected node content",
	"did not find expected key", "did not find expected '-' indicator",
	"did not find expected ',' or ']'", "did not find expected ',' or '}'",
	"found duplicate %YAML directive", "found incompatible YAML document",
	"found duplicate %TAG directive", "found undefined tag handle",
}

var yamlAnchorRe = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)

// yamlProblem turns a yaml.v3 syntax error into a located problem.
func (r *reader) yamlProblem(err error, data []byte) {
	msg := err.Error()
	line, col := 1, 0
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		// For parser (not scanner) errors yaml.v3 gives the 0-based line
		// where the enclosing list or mapping starts; find the line where
		// the text stops being valid YAML instead.
		for _, p := range yamlParserErrors {
			if strings.HasPrefix(msg, p) {
				line = firstBadLine(data, line+1)
				break
			}
		}
	} else if m := yamlAnchorRe.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("unknown anchor %q; define it with &%s before using *%s", m[1], m[1], m[1])
		if i := bytes.Index(data, []byte("*"+m[1])); i >= 0 {
			line = bytes.Count(data[:i], []byte("\n")) + 1
			col = len([]rune(string(data[bytes.LastIndexByte(data[:i], '\n')+1:i]))) + 1
		}
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if strings.HasPrefix(msg, "did not find expected ',' or") {
		msg += " (inside {...} or [...], put texts that contain ?, : or # in quotes)"
	}
	if !strings.Contains(msg, "tab") {
		for l := line - 1; l <= line+1; l++ {
			if strings.ContainsRune(string(r.lineAt(l)), '\t') {
				msg += " (YAML cannot indent with tabs; use spaces)"
				break
			}
		}
	}
	if col == 0 && strings.Contains(msg, "tab") {
		// Point at the tab itself, on this line or the next (libyaml
		// reports the line of the mapping the tab breaks).
		for l := line; l <= line+1 && col == 0; l++ {
			if i := slices.Index(r.lineAt(l), '\t'); i >= 0 {
				line, col = l, i+1
			}
		}
	}
	if col == 0 {
		col = syntaxColumn(r.lineAt(line))
	}
	r.sink.errorf(Pos{File: r.file, Line: line, Col: col}, "YAML syntax error: %s", msg)
}

// SyntaxProblem locates err, a yaml.v3 syntax error in data (the file
// named file), as flows validate does, for the other YAML files kapbot
// reads (a deployment file): file:line:col and a hint where one helps.
func SyntaxProblem(file string, data []byte, err error) Problem {
	s := &sink{}
	newReader(file, data, s).yamlProblem(err, data)
	return s.probs[0]
}

// syntaxColumn picks the column a YAML syntax error on line points at, since
// yaml.v3 reports only the line: the first character that is not blank
// (where the line's structure starts), else 1.
func syntaxColumn(line []rune) int {
	for i, c := range line {
		if c != ' ' && c != '\t' {
			return i + 1
		}
	}
	return 1
}

// firstBadLine returns the first line from which on the file no longer
// parses: the smallest n >= from such that its first n lines fail, found by
// bisection (a prefix that fails rarely parses again when longer).
func firstBadLine(data []byte, from int) int {
	lines := bytes.SplitAfter(data, []byte("\n"))
	fails := func(n int) bool {
		dec := yaml.NewDecoder(bytes.NewReader(bytes.Join(lines[:n], nil)))
		for {
			var n yaml.Node
			err := dec.Decode(&n)
			if errors.Is(err, io.EOF) {
				return false
			}
			if err != nil {
				return true
			}
		}
	}
	lo, hi := max(from, 1), len(lines)
	if lo > hi || !fails(hi) {
		return from
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	if lo == len(lines) && len(lines[lo-1]) == 0 && lo > 1 {
		lo-- // the empty "line" after the final newline
	}
	return lo
}

// parseFile parses one file and checks its version and kind. It returns nil
// when the file cannot be used further (problems are reported).
func (c *compiler) parseFile(name, display string, data []byte) *srcFile {
	r := newReader(display, data, &c.sink)
	r.record = func(u textUse) { c.texts = append(c.texts, u) }
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			r.sink.errorf(Pos{File: display, Line: 1, Col: 1}, "empty file; a flow file starts with \"kapbot: %d\" and then flow:, questionnaire: or name: (clinic.yaml)", SpecVersion)
			return nil
		}
		r.yamlProblem(err, data)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		r.errorf(&extra, "a second YAML document (after ---); put one flow, questionnaire or clinic in each file")
	} else if !errors.Is(err, io.EOF) {
		r.yamlProblem(err, data)
	}
	if len(doc.Content) == 0 {
		r.sink.errorf(Pos{File: display, Line: 1, Col: 1}, "empty file; a flow file starts with \"kapbot: %d\"", SpecVersion)
		return nil
	}
	root := r.deref(doc.Content[0])
	if root == nil {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		r.errorf(root, "expected a mapping starting with \"kapbot: %d\", got %s", SpecVersion, describe(root))
		return nil
	}
	f := &srcFile{name: name, r: r, root: root}

	// The version and the kind come from the raw keys; the kind's own decoder
	// checks the keys in detail.
	var verKey, verVal *yaml.Node
	var kinds []*yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		switch k.Value {
		case "kapbot":
			if verKey == nil {
				verKey, verVal = k, r.deref(root.Content[i+1])
			}
		case kindClinic, kindFlow, kindQuestionnaire, kindTranscripts:
			kinds = append(kinds, k)
		}
	}
	if verKey == nil {
		r.errorf(root, "missing \"kapbot: %d\" (the flow format version); add it as the first line", SpecVersion)
		return nil
	}
	if verVal == nil {
		return nil
	}
	v, ok := r.integer(verVal, "kapbot")
	if !ok {
		return nil
	}
	switch {
	case v < 1:
		r.errorf(verVal, "kapbot: version %d does not exist; use %d", v, SpecVersion)
		return nil
	case v > SpecVersion:
		r.errorf(verVal, "kapbot: version %d is newer than this kapbot reads (up to %d); update kapbot or write the file for version %d", v, SpecVersion, SpecVersion)
		return nil
	case v < SpecVersion:
		if err := migrate(root, v, migrations); err != nil {
			r.errorf(verVal, "kapbot: %v", err)
			return nil
		}
	}
	switch len(kinds) {
	case 0:
		r.errorf(root, "cannot tell what this file is: add flow: (a conversation), questionnaire: (an instrument) or name: (clinic.yaml)")
		return nil
	case 1:
	default:
		var keys []string
		for _, k := range kinds {
			keys = append(keys, k.Value+":")
		}
		r.errorf(kinds[1], "a file holds one thing, but this one has %s; split it into one file each", strings.Join(keys, " and "))
		return nil
	}
	f.kind, f.kindKey = kinds[0].Value, kinds[0]
	if f.kind == kindTranscripts {
		r.errorf(kinds[0], "transcripts: transcript tests belong in a file named *.test.yaml (next to the flow they test), so they are not published")
		return nil
	}
	return f
}

// sortedFiles returns the files of a kind in name order.
func sortedFiles(files []*srcFile, kind string) []*srcFile {
	var out []*srcFile
	for _, f := range files {
		if f.kind == kind {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b *srcFile) int { return strings.Compare(a.name, b.name) })
	return out
}
