package referral

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/color"
	"sort"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/runner"
)

// ChartInstruments are the questionnaires whose course over time is shown,
// each as its own series: the PHQ-9 and GAD-7 (2-week recall, re-asked after
// rescreen_after) and the same-day mood after each session (daycheck), so
// no point of one measure is drawn as another's.
var ChartInstruments = []string{"phq9", "gad7", "daycheck"}

// Chart size in pixels.
const (
	ChartWidth  = 800
	ChartHeight = 500
)

// CoursePoint is one result of an instrument on a date.
type CoursePoint struct {
	At    time.Time `json:"at"`
	Total float64   `json:"total"`
	Band  string    `json:"band,omitempty"`
	// Prorated marks a total prorated over items without an answer.
	Prorated bool `json:"prorated,omitempty"`
}

// Course collects, per instrument of ChartInstruments, the results in the
// patient's history and current session, oldest first (one per time),
// leaving out instruments answered less than twice. A result whose total is
// invalid (too many items without an answer) is no point: it is not a 0.
func Course(history []runner.Record, current []flow.Result) map[string][]CoursePoint {
	out := map[string][]CoursePoint{}
	seen := map[string]bool{}
	add := func(res flow.Result, at time.Time) {
		for _, id := range ChartInstruments {
			if res.Questionnaire != id || res.Invalid {
				continue
			}
			key := fmt.Sprintf("%s/%d", id, at.UnixNano())
			if seen[key] {
				return
			}
			seen[key] = true
			out[id] = append(out[id], CoursePoint{At: at, Total: res.Total, Band: res.Band, Prorated: res.Prorated})
		}
	}
	for _, rec := range history {
		if rec.Kind == "result" && rec.Result != nil {
			at := rec.Result.At
			if at.IsZero() {
				at = rec.At
			}
			add(*rec.Result, at)
		}
	}
	for _, res := range current {
		add(res, res.At)
	}
	for id, pts := range out {
		if len(pts) < 2 {
			delete(out, id)
			continue
		}
		sort.SliceStable(pts, func(i, j int) bool { return pts[i].At.Before(pts[j].At) })
	}
	return out
}

// ErrTooFewPoints: a course needs at least two results.
var ErrTooFewPoints = errors.New("referral: a course chart needs two results or more")

// bandShades are the fills of the bands, mildest first.
var bandShades = []color.RGBA{
	{R: 0xd9, G: 0xf0, B: 0xd3, A: 0xff},
	{R: 0xf7, G: 0xf4, B: 0xc8, A: 0xff},
	{R: 0xfd, G: 0xe0, B: 0xc0, A: 0xff},
	{R: 0xfb, G: 0xc9, B: 0xb8, A: 0xff},
	{R: 0xf4, G: 0xa8, B: 0xa8, A: 0xff},
}

// Chart draws the course of questionnaire q as a PNG of ChartWidth x
// ChartHeight pixels: the totals against their dates, the bands of q's
// scoring shaded behind them. It is deterministic: the same input gives
// the same bytes. It returns ErrTooFewPoints for fewer than two points.
// The chart shows scores, no words of the patient, but is health data:
// staff destinations only.
func Chart(q *flow.Questionnaire, title string, pts []CoursePoint) ([]byte, error) {
	if len(pts) < 2 {
		return nil, ErrTooFewPoints
	}
	p := plot.New()
	p.Title.Text = title + " over time"
	p.Y.Label.Text = "Total score"
	p.X.Label.Text = "Date"
	p.X.Tick.Marker = plot.TimeTicks{Format: "2006-01-02"}
	first, last := float64(pts[0].At.Unix()), float64(pts[len(pts)-1].At.Unix())
	pad := (last - first) * 0.05
	if pad == 0 {
		pad = 86400
	}
	p.X.Min, p.X.Max = first-pad, last+pad
	ymax := 0.0
	for _, pt := range pts {
		ymax = max(ymax, pt.Total)
	}
	if q != nil {
		for i, b := range q.Scoring.Bands {
			ymax = max(ymax, b.Max)
			poly, err := plotter.NewPolygon(plotter.XYs{{X: p.X.Min, Y: b.Min}, {X: p.X.Max, Y: b.Min}, {X: p.X.Max, Y: b.Max + 1}, {X: p.X.Min, Y: b.Max + 1}})
			if err != nil {
				return nil, err
			}
			poly.Color = bandShades[min(i, len(bandShades)-1)]
			poly.LineStyle.Width = 0
			p.Add(poly)
			lbl := b.Label.In("en")
			if lbl == "" {
				lbl = b.Name
			}
			labels, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{{X: p.X.Min, Y: b.Min}}, Labels: []string{" " + lbl}})
			if err != nil {
				return nil, err
			}
			p.Add(labels)
		}
	}
	p.Y.Min, p.Y.Max = 0, ymax+1
	xys := make(plotter.XYs, len(pts))
	for i, pt := range pts {
		xys[i] = plotter.XY{X: float64(pt.At.Unix()), Y: pt.Total}
	}
	line, points, err := plotter.NewLinePoints(xys)
	if err != nil {
		return nil, err
	}
	line.Width = vg.Points(2)
	points.Shape = draw.CircleGlyph{}
	points.Radius = vg.Points(4)
	p.Add(line, points)
	// A prorated total is marked where it is drawn.
	var pxys plotter.XYs
	var plabels []string
	for _, pt := range pts {
		if pt.Prorated {
			pxys = append(pxys, plotter.XY{X: float64(pt.At.Unix()), Y: pt.Total})
			plabels = append(plabels, "  prorated")
		}
	}
	if len(pxys) > 0 {
		labels, err := plotter.NewLabels(plotter.XYLabels{XYs: pxys, Labels: plabels})
		if err != nil {
			return nil, err
		}
		p.Add(labels)
	}

	c := vgimg.NewWith(vgimg.UseWH(vg.Length(ChartWidth)*vg.Inch/96, vg.Length(ChartHeight)*vg.Inch/96), vgimg.UseDPI(96))
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("referral: chart: %w", err)
	}
	return buf.Bytes(), nil
}

// postCharts posts the course chart of each instrument in r.Course to dest
// after the referral's summary, when s can post images. A failure is
// logged, not retried: the summary carries the course as numbers too.
func (n *Notifier) postCharts(ctx context.Context, s runner.StaffSender, dest string, r *Referral) {
	ps, ok := s.(runner.StaffPhotoSender)
	if !ok || len(r.Course) == 0 {
		return
	}
	var b *flow.Bundle
	if n.bundle != nil && r.Bundle != "" {
		b, _ = n.bundle(ctx, r.Bundle)
	}
	for _, id := range ChartInstruments {
		pts := r.Course[id]
		if len(pts) < 2 {
			continue
		}
		var q *flow.Questionnaire
		title := id
		if b != nil && b.Questionnaires[id] != nil {
			q = b.Questionnaires[id]
			if t := q.Title.In(r.Locale, "en"); t != "" {
				title = t
			}
		}
		img, err := Chart(q, title, pts)
		if err != nil {
			n.log.Warn("referral: chart not drawn", "referral", r.ID, "questionnaire", id, "err", err)
			continue
		}
		sctx, cancel := context.WithTimeout(ctx, sendTimeout)
		_, err = ps.SendStaffPhoto(sctx, dest, img, fmt.Sprintf("%s over time, referral %s", title, r.ID))
		cancel()
		if err != nil {
			n.log.Warn("referral: chart not posted", "referral", r.ID, "questionnaire", id, "err", err)
		}
	}
}
