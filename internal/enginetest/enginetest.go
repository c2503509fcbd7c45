// Package enginetest runs transcript tests: a flow, the patient's inputs, and
// what must follow each one. Clinics use it through `kapbot flows test`; the
// repository's own tests run every transcript under flows/.
//
// Before every input the session state is encoded to JSON and read back, as
// the runner stores it, so a field that does not survive storage fails a test.
package enginetest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/runner"
)

// File is one transcript file.
type File struct {
	Kapbot      int    `yaml:"kapbot"`
	Transcripts string `yaml:"transcripts"` // flow id
	Tests       []Test `yaml:"tests"`
}

// Test is one conversation.
type Test struct {
	Name   string    `yaml:"name"`
	Locale string    `yaml:"locale"`
	Turns  []Turn    `yaml:"turns"`
	Expect *Expect   `yaml:"expect"`
	Line   int       `yaml:"-"`
	Col    int       `yaml:"-"`
	node   yaml.Node `yaml:"-"`
}

// Turn is one patient input and what must hold after it.
type Turn struct {
	Say   *string        `yaml:"say"`
	Press *string        `yaml:"press"`
	At    *string        `yaml:"at"`
	Sent  []string       `yaml:"sent"`
	Vars  map[string]any `yaml:"vars"`
	Wait  string         `yaml:"wait"` // time passing before this input, e.g. "2h"
}

// Expect is what must hold after the last turn.
type Expect struct {
	Ended     *bool                     `yaml:"ended"`
	Referrals []string                  `yaml:"referrals"`
	Results   map[string]map[string]any `yaml:"results"`
}

// Result is the outcome of one test.
type Result struct {
	Name string
	Pos  flow.Pos
	Err  error
	// Sent is every message the bot sent, in order.
	Sent []engine.Message
	// Inputs is every text the patient typed (say: turns that are not
	// /commands), in order: the bot may echo these back (a review shows the
	// patient's own words), so a provenance check (Known.Check) needs them.
	Inputs []string
}

// Summary is a one-line count of passed and failed tests.
func Summary(rs []Result) string {
	failed := 0
	for _, r := range rs {
		if r.Err != nil {
			failed++
		}
	}
	return fmt.Sprintf("%d passed, %d failed", len(rs)-failed, failed)
}

// RunDir runs every *.test.yaml file under dir against bundle b, which should
// have been loaded from dir.
func RunDir(b *flow.Bundle, dir string) ([]Result, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".test.yaml") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []Result
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, RunFile(b, f, data)...)
	}
	return out, nil
}

// RunFile runs the transcripts of one file. A file that cannot be read is one
// failed result located at the problem.
func RunFile(b *flow.Bundle, name string, data []byte) []Result {
	if ps := flow.CheckTranscripts(name, data, b).Errors(); len(ps) > 0 {
		out := make([]Result, len(ps))
		for i, p := range ps {
			out[i] = Result{Name: "(file)", Pos: p.Pos, Err: errors.New(p.Msg)}
		}
		return out
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return []Result{{Name: "(file)", Pos: flow.Pos{File: name}, Err: err}}
	}
	var f File
	if err := root.Decode(&f); err != nil {
		return []Result{{Name: "(file)", Pos: flow.Pos{File: name}, Err: err}}
	}
	// Locate each test for messages.
	if len(root.Content) > 0 {
		m := root.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == "tests" {
				for j, t := range m.Content[i+1].Content {
					if j < len(f.Tests) {
						f.Tests[j].Line, f.Tests[j].Col = t.Line, t.Column
					}
				}
			}
		}
	}
	fl := b.Flows[f.Transcripts]
	if fl == nil {
		return []Result{{Name: "(file)", Pos: flow.Pos{File: name, Line: 1, Col: 1}, Err: fmt.Errorf("transcripts: no flow %q", f.Transcripts)}}
	}
	screener, err := runner.SafetyScreener(b)
	if err != nil {
		return []Result{{Name: "(file)", Pos: flow.Pos{File: name}, Err: err}}
	}
	eng, err := engine.New(b, engine.WithScreener(screener))
	if err != nil {
		return []Result{{Name: "(file)", Pos: flow.Pos{File: name}, Err: err}}
	}
	var out []Result
	for _, t := range f.Tests {
		r := Run(eng, f.Transcripts, t)
		r.Pos = flow.Pos{File: name, Line: t.Line, Col: t.Col}
		out = append(out, r)
	}
	return out
}

// Clock is the time transcripts start at.
var Clock = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// play is a conversation being played against an engine: the state, the
// clock and what the engine did so far.
type play struct {
	eng     *engine.Engine
	st      engine.State
	now     time.Time
	refs    []string
	results []flow.Result
	sent    []engine.Message
}

func newPlay(eng *engine.Engine, locale string) *play {
	return &play{eng: eng, st: engine.State{Locale: locale}, now: Clock}
}

// step applies one input at the play's clock, after a round trip of the
// state through JSON as the store does, and returns the messages sent.
func (p *play) step(in engine.Input) ([]engine.Message, error) {
	data, err := json.Marshal(p.st)
	if err != nil {
		return nil, err
	}
	var back engine.State
	if err := json.Unmarshal(data, &back); err != nil {
		return nil, err
	}
	in.Now = p.now
	next, fx, err := p.eng.Step(back, in)
	if err != nil {
		return nil, err
	}
	p.st = next
	var sent []engine.Message
	for _, f := range fx {
		switch e := f.(type) {
		case engine.Send:
			sent = append(sent, e.Message)
		case engine.Refer:
			p.refs = append(p.refs, string(e.Priority))
		case engine.Scored:
			p.results = append(p.results, e.Result)
		}
	}
	p.sent = append(p.sent, sent...)
	return sent, nil
}

// start begins flow id.
func (p *play) start(id string) error {
	_, err := p.step(engine.Input{Command: &engine.Command{Name: engine.CmdStart, Arg: id}})
	return err
}

// turnGap is how much time passes before a turn without wait:.
const turnGap = 20 * time.Second

// Run runs one test of flow id on eng.
func Run(eng *engine.Engine, id string, t Test) (res Result) {
	res = Result{Name: t.Name}
	p := newPlay(eng, t.Locale)
	defer func() { res.Sent = p.sent }()
	if err := p.start(id); err != nil {
		res.Err = fmt.Errorf("start: %w", err)
		return res
	}
	for i, turn := range t.Turns {
		where := fmt.Sprintf("turn %d", i+1)
		if turn.Wait != "" {
			d, err := flow.ParseDuration(turn.Wait)
			if err != nil {
				res.Err = fmt.Errorf("%s: wait: %w", where, err)
				return res
			}
			p.now = p.now.Add(d)
		} else {
			p.now = p.now.Add(turnGap)
		}
		var in engine.Input
		switch {
		case turn.Press != nil:
			in.Press = &engine.Press{Seq: p.st.Seq, Value: *turn.Press}
			where += fmt.Sprintf(" (press %q)", *turn.Press)
		case turn.Say != nil:
			in = parseLine(*turn.Say)
			where += fmt.Sprintf(" (say %q)", *turn.Say)
			if in.Command == nil {
				res.Inputs = append(res.Inputs, in.Text)
			}
		default:
			res.Err = fmt.Errorf("%s: give say: or press:", where)
			return res
		}
		sent, err := p.step(in)
		if err != nil {
			res.Err = fmt.Errorf("%s: %w", where, err)
			return res
		}
		if turn.At != nil {
			if got := engine.Place(p.st); got != *turn.At {
				res.Err = fmt.Errorf("%s: at %q, want %q\n%s", where, got, *turn.At, lastTexts(sent))
				return res
			}
		}
		for _, want := range turn.Sent {
			if !anyContains(sent, want) {
				res.Err = fmt.Errorf("%s: no message contained %q\n%s", where, want, lastTexts(sent))
				return res
			}
		}
		for k, want := range turn.Vars {
			got, ok := lookupVar(p.st, k)
			if !ok || !same(got, want) {
				res.Err = fmt.Errorf("%s: %s = %v, want %v", where, k, got, want)
				return res
			}
		}
	}
	if e := t.Expect; e != nil {
		if e.Ended != nil && (*e.Ended != (p.st.Status == engine.Ended)) {
			res.Err = fmt.Errorf("after the last turn: status %q, want ended=%v (at %q)", p.st.Status, *e.Ended, engine.Place(p.st))
			return res
		}
		if e.Referrals != nil && strings.Join(p.refs, ",") != strings.Join(e.Referrals, ",") {
			res.Err = fmt.Errorf("referrals %v, want %v", p.refs, e.Referrals)
			return res
		}
		for name, fields := range e.Results {
			var got *flow.Result
			for i := range p.results {
				if p.results[i].Name == name || p.results[i].Questionnaire == name {
					got = &p.results[i]
				}
			}
			if got == nil {
				res.Err = fmt.Errorf("no result %q (results: %s)", name, resultNames(p.results))
				return res
			}
			m := flow.ResultFields(*got) // total, band, flags, risk, valid, missing, unknown
			for k, v := range got.Values {
				m[k] = v
			}
			for k, want := range fields {
				if !same(m[k], want) {
					res.Err = fmt.Errorf("result %s: %s = %v, want %v", name, k, m[k], want)
					return res
				}
			}
		}
	}
	return res
}

func resultNames(rs []flow.Result) string {
	var n []string
	for _, r := range rs {
		n = append(n, r.Name)
	}
	return strings.Join(n, ", ")
}

func lastTexts(ms []engine.Message) string {
	var b strings.Builder
	b.WriteString("    the bot sent:")
	for _, m := range ms {
		fmt.Fprintf(&b, "\n    | %s", strings.ReplaceAll(m.Text, "\n", "\n    | "))
	}
	return b.String()
}

func anyContains(ms []engine.Message, want string) bool {
	for _, m := range ms {
		if strings.Contains(m.Text, want) {
			return true
		}
		for _, c := range m.Choices {
			if strings.Contains(c.Label, want) {
				return true
			}
		}
	}
	return false
}

// lookupVar finds a variable in the running flow, then the root flow, then
// any flow; "flow.name" names the flow.
func lookupVar(st engine.State, k string) (any, bool) {
	if f, n, ok := strings.Cut(k, "."); ok {
		if v, ok := st.Vars[f][n]; ok {
			return v, true
		}
	}
	var order []string
	if n := len(st.Stack); n > 0 {
		order = append(order, st.Stack[n-1].Flow)
	}
	order = append(order, st.Flow)
	for _, f := range order {
		if v, ok := st.Vars[f][k]; ok {
			return v, true
		}
	}
	for _, vars := range st.Vars {
		if v, ok := vars[k]; ok {
			return v, true
		}
	}
	return nil, false
}

// same compares a value from the engine with one from YAML, where numbers may
// be ints and lists []any.
func same(got, want any) bool {
	return reflect.DeepEqual(norm(got), norm(want))
}

func norm(v any) any {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case float32:
		return float64(x)
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = norm(e)
		}
		return out
	case nil:
		return nil
	}
	return v
}

// parseLine reads a typed line as the console does: "/command arg" or text.
func parseLine(line string) engine.Input {
	t := strings.TrimSpace(line)
	if strings.HasPrefix(t, "/") {
		name, arg, _ := strings.Cut(strings.TrimPrefix(t, "/"), " ")
		return engine.Input{Command: &engine.Command{Name: engine.CommandName(strings.ToLower(name)), Arg: strings.TrimSpace(arg)}}
	}
	return engine.Input{Text: line}
}
