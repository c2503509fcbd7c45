// Package flowgraph draws a compiled flow's graph as a self-contained HTML
// page (`kapbot flows graph ID --html FILE`): an inline SVG with the steps as
// boxes in layers by their distance from the first step, and the
// transitions as labelled arrows. The page loads nothing: no script, no
// style sheet, no font, no image from anywhere.
package flowgraph

import (
	"fmt"
	"html/template"
	"io"
	"slices"

	"github.com/kapbot/kapbot/internal/flow"
)

// Sizes of the drawing, in SVG units (pixels).
const (
	boxW    = 210 // a step's box
	boxH    = 46
	gapX    = 36 // between boxes of one layer
	gapY    = 64 // between layers
	margin  = 24
	loopGap = 22 // between the loops of edges that go back up
	maxText = 30 // characters shown of a text; the rest is in its tooltip
)

// node is a box of the drawing.
type node struct {
	Anchor         string // the element id: "step-" and the step id, or "flow-end"
	ID, Does, Full string // Full: the untruncated text, as a tooltip
	Kind           string // CSS class: the step's kind, or "end"
	X, Y           int
	layer, order   int
	pseudo         bool // the end of the flow, not a step
}

// edge is an arrow of the drawing.
type edge struct {
	D            string // SVG path
	Label, Full  string
	LX, LY       int
	Change, Back bool
}

type page struct {
	ID, Title     string
	Width, Height int
	Nodes         []*node
	Edges         []edge
}

// endID names the end of the flow among the nodes; no step id can be it
// (step ids start with a letter or '_' and have no spaces).
const endID = " end"

// HTML writes f's graph as an HTML page to w. Every text of the flow is
// escaped. It returns w's error.
func HTML(w io.Writer, f *flow.Flow) error {
	return tmpl.Execute(w, layout(f))
}

// layout places the steps: layer by breadth-first distance from the start
// (steps it never reaches below those, the end last), in file order within
// a layer; then routes the edges.
func layout(f *flow.Flow) page {
	edges := flow.Edges(f)
	nodes := map[string]*node{}
	var order []*node
	for i, id := range f.Order {
		s := f.Steps[id]
		if s == nil {
			continue
		}
		n := &node{Anchor: "step-" + id, ID: id, Does: flow.Does(s), Kind: string(s.Kind), layer: -1, order: i}
		nodes[id] = n
		order = append(order, n)
	}
	ends := slices.ContainsFunc(edges, func(e flow.Edge) bool { return e.To == "" })
	if ends {
		n := &node{Anchor: "flow-end", ID: "end", Does: "the flow ends", Kind: "end", layer: -1, order: len(order), pseudo: true}
		nodes[endID] = n
		order = append(order, n)
	}
	to := func(e flow.Edge) string {
		if e.To == "" {
			return endID
		}
		return e.To
	}
	// Breadth-first layers along the forward transitions.
	if start := nodes[f.Start]; start != nil {
		start.layer = 0
		queue := []string{f.Start}
		for len(queue) > 0 {
			id := queue[0]
			queue = queue[1:]
			for _, e := range edges {
				if e.From != id || e.Change {
					continue
				}
				if n := nodes[to(e)]; n != nil && n.layer < 0 {
					n.layer = nodes[id].layer + 1
					queue = append(queue, to(e))
				}
			}
		}
	}
	deepest := -1
	for _, n := range order {
		if !n.pseudo {
			deepest = max(deepest, n.layer)
		}
	}
	last := deepest
	for _, n := range order {
		if n.layer < 0 && !n.pseudo {
			n.layer = deepest + 1 // never reached from the start
			last = n.layer
		}
	}
	if ends {
		nodes[endID].layer = last + 1
	}
	// Rows: file order within a layer, each row centred.
	rows := map[int][]*node{}
	layers := 0
	for _, n := range order {
		rows[n.layer] = append(rows[n.layer], n)
		layers = max(layers, n.layer+1)
	}
	widest := 0
	for _, r := range rows {
		widest = max(widest, len(r))
	}
	inner := widest*boxW + (widest-1)*gapX
	for l, r := range rows {
		w := len(r)*boxW + (len(r)-1)*gapX
		for i, n := range r {
			n.X = margin + (inner-w)/2 + i*(boxW+gapX)
			n.Y = margin + l*(boxH+gapY)
		}
	}
	p := page{ID: f.ID, Title: f.Title.In(f.Locale)}
	for _, n := range order {
		n.Full = n.ID + " – " + n.Does
		n.ID, n.Does = cut(n.ID), cut(n.Does)
		p.Nodes = append(p.Nodes, n)
	}
	// Edges: down to a lower layer as a curve; within a layer as a bow below
	// the two boxes; back up as a loop around the right of the drawing.
	// Labels stand on the curve, near the target where edges fan out.
	right := margin + inner
	loops := 0
	for _, e := range edges {
		a, b := nodes[e.From], nodes[to(e)]
		if a == nil || b == nil {
			continue
		}
		pe := edge{Label: cut(e.Label), Full: e.Label, Change: e.Change}
		var c [4][2]int // the cubic Bézier's points
		t := 0.5
		switch {
		case b.layer > a.layer:
			x1, y1 := a.X+boxW/2, a.Y+boxH
			x2, y2 := b.X+boxW/2, b.Y
			my := (y1 + y2) / 2
			c = [4][2]int{{x1, y1}, {x1, my}, {x2, my}, {x2, y2}}
			t = 0.7
		case b.layer == a.layer && a != b:
			x1, x2, y := a.X+boxW/2, b.X+boxW/2, a.Y+boxH
			c = [4][2]int{{x1, y}, {x1, y + gapY*2/3}, {x2, y + gapY*2/3}, {x2, y}}
		default:
			loops++
			lx := right + loops*loopGap
			x1, y1 := a.X+boxW, a.Y+boxH/2
			x2, y2 := b.X+boxW, b.Y+boxH/2
			c = [4][2]int{{x1, y1}, {lx, y1}, {lx, y2}, {x2, y2}}
		}
		pe.D = fmt.Sprintf("M %d %d C %d %d, %d %d, %d %d", c[0][0], c[0][1], c[1][0], c[1][1], c[2][0], c[2][1], c[3][0], c[3][1])
		pe.LX, pe.LY = bezier(c, t)
		p.Edges = append(p.Edges, pe)
	}
	p.Width = right + loops*loopGap + margin + 8*maxText
	p.Height = margin*2 + layers*boxH + max(layers-1, 0)*gapY
	return p
}

// bezier returns the point at t of the cubic Bézier curve c.
func bezier(c [4][2]int, t float64) (int, int) {
	u := 1 - t
	w := [4]float64{u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t}
	var x, y float64
	for i, p := range c {
		x += w[i] * float64(p[0])
		y += w[i] * float64(p[1])
	}
	return int(x + 0.5), int(y + 0.5)
}

// cut shortens s to maxText characters.
func cut(s string) string {
	if r := []rune(s); len(r) > maxText {
		return string(r[:maxText-1]) + "…"
	}
	return s
}

var tmpl = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<title>Flow {{.ID}}</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 1.5em; color: #1d2430; }
h1 { font-size: 1.3em; }
.legend span { display: inline-block; padding: 0.1em 0.6em; margin-right: 0.4em; border: 1px solid #556; border-radius: 4px; }
svg text { font: 12px system-ui, sans-serif; }
svg .id { font-weight: bold; }
rect { stroke: #556; stroke-width: 1.2; }
.say, .disclaimer, .set, .call { fill: #f4f6fa; }
.ask, .questionnaire, .review { fill: #e3efff; }
.branch { fill: #fff4d6; }
.refer { fill: #ffe1e1; }
.end { fill: #e5f5e8; }
path { fill: none; stroke: #445; stroke-width: 1.3; }
path.change { stroke-dasharray: 5 4; stroke: #7a7a99; }
.label { fill: #333; paint-order: stroke; stroke: #fff; stroke-width: 4px; }
</style>
</head>
<body>
<h1>Flow {{.ID}}{{if .Title}}: {{.Title}}{{end}}</h1>
<p class="legend"><span class="ask">asks</span><span class="branch">branches</span><span class="refer">refers</span><span class="end">ends</span><span class="say">says, sets, calls</span> Dashed arrows: a review's way back to a question. Hover a box or label for its full text.</p>
<svg width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}" role="img" aria-label="Steps of flow {{.ID}}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" style="fill:#445;stroke:none"/></marker></defs>
{{range .Edges}}<path class="{{if .Change}}change{{else}}next{{end}}" d="{{.D}}" marker-end="url(#arrow)"/>
{{end}}{{range .Nodes}}<g class="step" id="{{.Anchor}}"><title>{{.Full}}</title><rect class="{{.Kind}}" x="{{.X}}" y="{{.Y}}" width="210" height="46" rx="{{if eq .Kind "end"}}23{{else}}6{{end}}"/><text class="id" x="{{.X}}" y="{{.Y}}" dx="10" dy="19">{{.ID}}</text><text x="{{.X}}" y="{{.Y}}" dx="10" dy="36">{{.Does}}</text></g>
{{end}}{{range .Edges}}{{if .Label}}<text class="label" x="{{.LX}}" y="{{.LY}}" text-anchor="middle"><title>{{.Full}}</title>{{.Label}}</text>
{{end}}{{end}}</svg>
</body>
</html>
`))
