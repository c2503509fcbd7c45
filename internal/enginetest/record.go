package enginetest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/runner"
)

// Record turns a conversation into a transcript test: lines are what a
// patient typed in flow id, one input each, read as `kapbot chat` reads them
// ("/command arg" or text). It plays them from a fresh start and returns a
// transcript file, in the format RunFile reads, with one test called name:
// each line becomes a say: turn with the place the flow waits at afterwards,
// and expect: holds whether the flow ended, its referrals and each result's
// total (with band, risk and flags where it has them). The file keeps the
// lines as typed. file is the name problems are located in.
//
// Record checks the file with RunFile before returning it, and returns an
// error when the flow does not exist or the test would not pass.
func Record(b *flow.Bundle, id, name, file string, lines []string) ([]byte, error) {
	if b.Flows[id] == nil {
		return nil, fmt.Errorf("no flow %q", id)
	}
	screener, err := runner.SafetyScreener(b)
	if err != nil {
		return nil, err
	}
	eng, err := engine.New(b, engine.WithScreener(screener))
	if err != nil {
		return nil, err
	}
	p := newPlay(eng, "")
	if err := p.start(id); err != nil {
		return nil, fmt.Errorf("start: %w", err)
	}
	var w bytes.Buffer
	w.WriteString("# Recorded with kapbot chat --record. Each say: is a line typed in the chat,\n")
	w.WriteString("# kept as typed; at: is where the flow waited next (the comment: what it answered).\n")
	fmt.Fprintf(&w, "kapbot: 1\ntranscripts: %s\ntests:\n  - name: %s\n", id, quote(name))
	if len(lines) == 0 {
		w.WriteString("    turns: []\n")
	} else {
		w.WriteString("    turns:\n")
	}
	for i, line := range lines {
		before := engine.Place(p.st)
		p.now = p.now.Add(turnGap)
		if _, err := p.step(parseLine(line)); err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		fmt.Fprintf(&w, "      - {say: %s, at: %s}   # %s\n", quote(line), plain(engine.Place(p.st)), before)
	}
	refs := make([]string, len(p.refs))
	for i, r := range p.refs {
		refs[i] = quote(r)
	}
	fmt.Fprintf(&w, "    expect:\n      ended: %t\n      referrals: [%s]\n", p.st.Status == engine.Ended, strings.Join(refs, ", "))
	if res := resultsOf(p.results); len(res) > 0 {
		w.WriteString("      results:\n")
		for _, r := range res {
			fmt.Fprintf(&w, "        %s: {%s}\n", plain(r[0]), r[1])
		}
	}
	data := w.Bytes()
	for _, r := range RunFile(b, file, data) {
		if r.Err != nil {
			return nil, fmt.Errorf("the recorded test does not pass (%s): %w", r.Pos, r.Err)
		}
	}
	return data, nil
}

// resultsOf returns each result's name and its checked fields as YAML flow
// mapping entries, by name; the last result of a name counts, as in Run.
func resultsOf(rs []flow.Result) [][2]string {
	last := map[string]flow.Result{}
	for _, r := range rs {
		n := r.Name
		if n == "" {
			n = r.Questionnaire
		}
		last[n] = r
	}
	var out [][2]string
	for n, r := range last {
		fields := []string{"total: " + strconv.FormatFloat(r.Total, 'f', -1, 64)}
		if r.Band != "" {
			fields = append(fields, "band: "+quote(r.Band))
		}
		if r.Risk {
			fields = append(fields, "risk: true")
		}
		if len(r.Flags) > 0 {
			fl := make([]string, len(r.Flags))
			for i, f := range r.Flags {
				fl[i] = quote(f)
			}
			fields = append(fields, "flags: ["+strings.Join(fl, ", ")+"]")
		}
		out = append(out, [2]string{n, strings.Join(fields, ", ")})
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// plainRe matches the ids and places that need no quotes in YAML.
var plainRe = regexp.MustCompile(`^[a-z][a-z0-9_-]*(/[a-z0-9_-]+)?$`)

// plain writes an id or a place as is when YAML reads it back as the same
// text, else quoted.
func plain(s string) string {
	switch s {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		return quote(s)
	}
	if plainRe.MatchString(s) {
		return s
	}
	return quote(s)
}

// quote writes s as a YAML double-quoted scalar (a JSON string is one).
func quote(s string) string {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(s); err != nil {
		panic(errors.New("enginetest: a string does not encode")) // unreachable for a Go string
	}
	return strings.TrimSuffix(b.String(), "\n")
}
