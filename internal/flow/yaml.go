package flow

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxAliases bounds how many YAML aliases one file may expand, so a small file
// cannot make the validator walk an exponentially large tree.
const maxAliases = 1000

// reader walks the yaml.Node tree of one file and reports located problems.
type reader struct {
	file    string // name as shown in positions
	lines   [][]rune
	sink    *sink
	aliases int
	tooMany bool

	// Texts: the locale of plain strings and the clinic's locales (nil when
	// the clinic is unknown, which disables the completeness check).
	locale  string
	locales []string

	// step is the flow step whose texts are being decoded (nil outside
	// steps); record, when set, receives every decoded text for the safety
	// lint (see safety.go).
	step   *stepDef
	record func(textUse)
}

func newReader(file string, data []byte, s *sink) *reader {
	r := &reader{file: file, sink: s}
	for _, l := range strings.Split(string(data), "\n") {
		r.lines = append(r.lines, []rune(strings.TrimSuffix(l, "\r")))
	}
	return r
}

func (r *reader) pos(n *yaml.Node) Pos {
	if n == nil {
		return Pos{File: r.file}
	}
	return Pos{File: r.file, Line: n.Line, Col: n.Column}
}

func (r *reader) errorf(n *yaml.Node, format string, args ...any) {
	r.sink.errorf(r.pos(n), format, args...)
}

func (r *reader) warnf(n *yaml.Node, format string, args ...any) {
	r.sink.warnf(r.pos(n), format, args...)
}

// deref follows aliases to the node they stand for; nil when the alias budget
// is spent.
func (r *reader) deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		r.aliases++
		if r.aliases > maxAliases {
			if !r.tooMany {
				r.tooMany = true
				r.errorf(n, "too many alias expansions (more than %d); repeat the values instead", maxAliases)
			}
			return nil
		}
		n = n.Alias
	}
	return n
}

// describe names what a node holds, for "expected X, got Y" messages.
func describe(n *yaml.Node) string {
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "nothing"
		case "!!int", "!!float":
			return "the number " + n.Value
		case "!!bool":
			return n.Value
		}
		v := n.Value
		if r := []rune(v); len(r) > 40 {
			v = string(r[:40]) + "..."
		}
		return fmt.Sprintf("the text %q", v)
	}
	return "something else"
}

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// field is one key of a mapping with its value (aliases resolved).
type field struct {
	key, val *yaml.Node
}

// mapNode is a decoded mapping whose keys were checked against the known ones.
type mapNode struct {
	r     *reader
	node  *yaml.Node
	at    *yaml.Node // where "missing key" problems are located
	name  string     // how messages name this mapping: "ask", `step "x"`
	m     map[string]field
	order []string
}

// mapping decodes n as a mapping named name (for messages), reporting a wrong
// kind, duplicate keys and keys not in known (with the nearest known key).
// at locates problems about the whole mapping (the parent key, usually). It
// returns nil when n is not a mapping.
func (r *reader) mapping(n, at *yaml.Node, name string, known ...string) *mapNode {
	n = r.deref(n)
	if n == nil {
		return nil
	}
	if at == nil {
		at = n
	}
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "%s: expected a mapping (key: value lines), got %s", name, describe(n))
		return nil
	}
	mn := &mapNode{r: r, node: n, at: at, name: name, m: map[string]field{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := r.deref(n.Content[i]), r.deref(n.Content[i+1])
		if k == nil || v == nil {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			r.errorf(k, "%s: keys must be plain words, got %s", name, describe(k))
			continue
		}
		key := k.Value
		if prev, dup := mn.m[key]; dup {
			r.errorf(k, "%s: duplicate key %q (first on line %d); keep one", name, key, prev.key.Line)
			continue
		}
		if known != nil && !contains(known, key) {
			if s := closest(key, known); s != "" {
				r.errorf(k, "%s: unknown key %q; did you mean %q?", name, key, s)
			} else {
				r.errorf(k, "%s: unknown key %q (known keys: %s)", name, key, list(known, true))
			}
			continue
		}
		mn.m[key] = field{key: k, val: v}
		mn.order = append(mn.order, key)
	}
	return mn
}

func contains(xs []string, x string) bool {
	for _, s := range xs {
		if s == x {
			return true
		}
	}
	return false
}

// get returns the value of key, or nil when it is absent.
func (m *mapNode) get(key string) *yaml.Node {
	if m == nil {
		return nil
	}
	return m.m[key].val
}

// keyNode returns the key node of key, or nil.
func (m *mapNode) keyNode(key string) *yaml.Node {
	if m == nil {
		return nil
	}
	return m.m[key].key
}

func (m *mapNode) has(key string) bool {
	if m == nil {
		return false
	}
	_, ok := m.m[key]
	return ok
}

// require returns the value of key, reporting it missing (with hint, if any)
// when absent or null.
func (m *mapNode) require(key, hint string) *yaml.Node {
	v := m.get(key)
	if v == nil {
		if hint != "" {
			hint = " (" + hint + ")"
		}
		m.r.errorf(m.at, "%s: missing key %q%s", m.name, key, hint)
		return nil
	}
	if isNull(v) {
		m.r.errorf(v, "%s: empty value; give it a value", key)
		return nil
	}
	return v
}

// str decodes a scalar as a string; numbers and booleans are taken literally.
func (r *reader) str(n *yaml.Node, key string) (string, bool) {
	n = r.deref(n)
	if n == nil {
		return "", false
	}
	if n.Kind != yaml.ScalarNode || isNull(n) {
		r.errorf(n, "%s: expected a text, got %s", key, describe(n))
		return "", false
	}
	return n.Value, true
}

// number decodes a YAML number.
func (r *reader) number(n *yaml.Node, key string) (float64, bool) {
	n = r.deref(n)
	if n == nil {
		return 0, false
	}
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
		if f, ok := parseNumber(n); ok {
			return f, true
		}
	}
	r.errorf(n, "%s: expected a number, got %s", key, describe(n))
	return 0, false
}

func parseNumber(n *yaml.Node) (float64, bool) {
	var f float64
	if err := n.Decode(&f); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// integer decodes a YAML whole number.
func (r *reader) integer(n *yaml.Node, key string) (int, bool) {
	n = r.deref(n)
	if n == nil {
		return 0, false
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		var i int64
		if err := n.Decode(&i); err == nil && i >= math.MinInt32 && i <= math.MaxInt32 {
			return int(i), true
		}
	}
	r.errorf(n, "%s: expected a whole number, got %s", key, describe(n))
	return 0, false
}

// boolean decodes true or false.
func (r *reader) boolean(n *yaml.Node, key string) (bool, bool) {
	n = r.deref(n)
	if n == nil {
		return false, false
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		var b bool
		if err := n.Decode(&b); err == nil {
			return b, true
		}
	}
	r.errorf(n, "%s: expected true or false, got %s", key, describe(n))
	return false, false
}

// seq decodes a list, resolving aliases of its items.
func (r *reader) seq(n *yaml.Node, key string) ([]*yaml.Node, bool) {
	n = r.deref(n)
	if n == nil {
		return nil, false
	}
	if n.Kind != yaml.SequenceNode {
		r.errorf(n, "%s: expected a list, got %s", key, describe(n))
		return nil, false
	}
	var out []*yaml.Node
	for _, c := range n.Content {
		if c = r.deref(c); c != nil {
			out = append(out, c)
		}
	}
	return out, true
}

// strs decodes a list of texts.
func (r *reader) strs(n *yaml.Node, key string) ([]string, []*yaml.Node) {
	items, _ := r.seq(n, key)
	var out []string
	var nodes []*yaml.Node
	for _, it := range items {
		if s, ok := r.str(it, key); ok {
			out = append(out, s)
			nodes = append(nodes, it)
		}
	}
	return out, nodes
}

var (
	identRe  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	flowIDRe = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	localeRe = regexp.MustCompile(`^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$`)
)

// reservedNames cannot name answers or variables: they are words of the
// expression language, or names every flow or result already has.
var reservedNames = map[string]string{
	"true": "an expression word", "false": "an expression word", "nil": "an expression word",
	"in": "an expression word", "not": "an expression word", "and": "an expression word",
	"or": "an expression word", "matches": "an expression word", "contains": "an expression word",
	"startsWith": "an expression word", "endsWith": "an expression word", "let": "an expression word",
	"if": "an expression word", "else": "an expression word",
}

// ident decodes an identifier usable in expressions (step, item, variable and
// questionnaire ids). what names the thing in messages ("step id").
func (r *reader) ident(n *yaml.Node, key, what string) (string, bool) {
	s, ok := r.str(n, key)
	if !ok {
		return "", false
	}
	if !identRe.MatchString(s) {
		r.errorf(n, "%s: %q is not a valid %s: start with a letter or _, then use only letters, digits and _ (expressions refer to it by this name)", key, s, what)
		return s, false
	}
	if why, bad := reservedNames[s]; bad {
		r.errorf(n, "%s: %q cannot be a %s: it is %s; choose another name", key, s, what, why)
		return s, false
	}
	return s, true
}

// lineAt returns the runes of line (1-based), or nil.
func (r *reader) lineAt(line int) []rune {
	if line < 1 || line > len(r.lines) {
		return nil
	}
	return r.lines[line-1]
}
