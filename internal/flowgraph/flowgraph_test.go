package flowgraph

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/kapbot/kapbot/internal/flow"
)

// hostile is a flow whose texts try to break out of the page. It is built
// by hand: the compiler would refuse nothing here, but compiling costs time.
func hostile() *flow.Flow {
	cond := `ask_it == "</text><a href='http://evil.example'>x</a>"`
	return &flow.Flow{
		ID:    "main",
		Title: flow.Text{"en": `</title><script src="https://evil.example/x.js"></script> & "q"`},
		Start: "d",
		Order: []string{"d", "ask_it", "route", "again", "bye"},
		Steps: map[string]*flow.Step{
			"d":      {ID: "d", Kind: flow.KindDisclaimer, Next: "ask_it"},
			"ask_it": {ID: "ask_it", Kind: flow.KindAsk, Ask: &flow.Ask{Type: "text"}, Next: "route"},
			"route":  {ID: "route", Kind: flow.KindBranch, Cases: []flow.Case{{Source: cond, Goto: "bye"}}, Else: "again"},
			"again":  {ID: "again", Kind: flow.KindSay, Next: "ask_it"},
			"bye":    {ID: "bye", Kind: flow.KindEnd},
		},
		Locale: "en",
	}
}

// element is a parsed element: its name, attributes and text.
type element struct {
	name  string
	attrs map[string]string
	text  string
}

// parse reads page as strict XML (which any HTML parser also reads) and
// returns its elements in document order.
func parse(t *testing.T, page []byte) []element {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = true
	var out []element
	var open []int
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the page does not parse: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			e := element{name: tk.Name.Local, attrs: map[string]string{}}
			for _, a := range tk.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			out = append(out, e)
			open = append(open, len(out)-1)
		case xml.EndElement:
			open = open[:len(open)-1]
		case xml.CharData:
			if len(open) > 0 {
				out[open[len(open)-1]].text += string(tk)
			}
		}
	}
	if len(open) != 0 {
		t.Fatalf("%d elements left open", len(open))
	}
	return out
}

var external = regexp.MustCompile(`(?i)https?:|//[a-z]|url\([^#]`)

// checkPage checks what every page must hold: it parses, loads nothing,
// runs nothing, shows every step and draws every transition.
func checkPage(t *testing.T, f *flow.Flow) []element {
	t.Helper()
	var b bytes.Buffer
	if err := HTML(&b, f); err != nil {
		t.Fatal(err)
	}
	els := parse(t, b.Bytes())
	ids := map[string]bool{}
	paths := 0
	for _, e := range els {
		switch e.name {
		case "script", "link", "img", "image", "iframe", "object", "embed", "use", "foreignObject":
			t.Errorf("the page has a <%s>", e.name)
		case "path":
			if c := e.attrs["class"]; c == "next" || c == "change" {
				paths++
			}
		}
		for k, v := range e.attrs {
			if k == "src" || k == "href" || strings.HasPrefix(k, "on") || external.MatchString(v) {
				t.Errorf("<%s %s=%q>: the page must load and run nothing", e.name, k, v)
			}
		}
		if e.name == "style" && external.MatchString(e.text) {
			t.Errorf("the style sheet refers to something outside the page")
		}
		ids[e.attrs["id"]] = true
	}
	for _, id := range f.Order {
		if !ids["step-"+id] {
			t.Errorf("no box for step %s", id)
		}
	}
	if want := len(flow.Edges(f)); paths != want {
		t.Errorf("%d arrows, want one per transition: %d", paths, want)
	}
	return els
}

func TestHTMLSampleFlows(t *testing.T) {
	b, ps, err := flow.LoadDir("../../flows")
	if err != nil || ps.Err() != nil {
		t.Fatalf("sample flows: %v %v", err, ps)
	}
	for _, id := range []string{"kap-intake", "kap-prepare", "kap-integrate"} {
		t.Run(id, func(t *testing.T) { checkPage(t, b.Flows[id]) })
	}
}

func TestHTMLEscapesEveryText(t *testing.T) {
	f := hostile()
	els := checkPage(t, f)
	var h1, labels string
	for _, e := range els {
		switch {
		case e.name == "h1":
			h1 = e.text
		case e.name == "text" && e.attrs["class"] == "label":
			labels += e.text
		}
	}
	if want := "Flow main: " + f.Title.In(f.Locale); h1 != want {
		t.Errorf("heading %q, want %q", h1, want)
	}
	if !strings.Contains(labels, `ask_it == "</text><a hr`) {
		t.Errorf("the branch condition is not shown as text: %q", labels)
	}
}
