package referral

import (
	"bytes"
	"errors"
	"image/png"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/runner"
)

func phq9() *flow.Questionnaire {
	txt := func(s string) flow.Text { return flow.Text{"en": s} }
	return &flow.Questionnaire{ID: "phq9", Title: txt("PHQ-9"), Scoring: flow.Scoring{Bands: []flow.Band{
		{Name: "minimal", Min: 0, Max: 4, Label: txt("minimal")}, {Name: "mild", Min: 5, Max: 9, Label: txt("mild")},
		{Name: "moderate", Min: 10, Max: 14, Label: txt("moderate")}, {Name: "modsevere", Min: 15, Max: 19, Label: txt("moderately severe")},
		{Name: "severe", Min: 20, Max: 27, Label: txt("severe")}}}}
}

func TestChartIsADeterministicPNG(t *testing.T) {
	pts := []CoursePoint{{At: t0, Total: 22}, {At: t0.Add(14 * 24 * time.Hour), Total: 15}, {At: t0.Add(35 * 24 * time.Hour), Total: 8}}
	a, err := Chart(phq9(), "PHQ-9", pts)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != ChartWidth || b.Dy() != ChartHeight {
		t.Fatalf("size %v, want %dx%d", b, ChartWidth, ChartHeight)
	}
	b, err := Chart(phq9(), "PHQ-9", pts)
	if err != nil || !bytes.Equal(a, b) {
		t.Fatalf("a second drawing differs (%v)", err)
	}
	c, _ := Chart(phq9(), "PHQ-9", []CoursePoint{pts[0], {At: pts[1].At, Total: 3}})
	if bytes.Equal(a, c) {
		t.Fatal("different scores drew the same chart")
	}
	if _, err := Chart(phq9(), "PHQ-9", pts[:1]); !errors.Is(err, ErrTooFewPoints) {
		t.Fatalf("one point: %v", err)
	}
	if out := os.Getenv("KAPBOT_CHART_OUT"); out != "" {
		os.WriteFile(out, a, 0o644)
	}
}

func TestCourseNeedsTwoResults(t *testing.T) {
	day := 24 * time.Hour
	hist := []runner.Record{
		{Kind: "result", At: t0, Result: &flow.Result{Questionnaire: "phq9", Total: 20, At: t0}},
		{Kind: "result", At: t0, Result: &flow.Result{Questionnaire: "gad7", Total: 12, At: t0}},
		{Kind: "referral", At: t0},
	}
	cur := []flow.Result{{Questionnaire: "phq9", Total: 9, At: t0.Add(30 * day)}, {Questionnaire: "phq9", Total: 20, At: t0}}
	c := Course(hist, cur)
	if len(c) != 1 || len(c["phq9"]) != 2 || c["phq9"][0].Total != 20 || c["phq9"][1].Total != 9 {
		t.Fatalf("course %+v", c)
	}
}

// An invalid total is no point on the course (never a 0), a prorated one
// is marked, and the same-day check is its own series, never a PHQ-9 point.
func TestCourseLeavesInvalidOutAndMarksProrated(t *testing.T) {
	day := 24 * time.Hour
	cur := []flow.Result{
		{Questionnaire: "phq9", Total: 20, At: t0},
		{Questionnaire: "phq9", Invalid: true, At: t0.Add(14 * day)},
		{Questionnaire: "phq9", Total: 9, Prorated: true, Missing: []string{"q3"}, At: t0.Add(28 * day)},
		{Questionnaire: "daycheck", Total: 4, At: t0.Add(15 * day)},
		{Questionnaire: "daycheck", Total: 6, At: t0.Add(29 * day)},
	}
	c := Course(nil, cur)
	if len(c["phq9"]) != 2 || c["phq9"][1].Total != 9 || !c["phq9"][1].Prorated || len(c["daycheck"]) != 2 {
		t.Fatalf("course %+v", c)
	}
	plain, _ := Chart(phq9(), "PHQ-9", []CoursePoint{c["phq9"][0], {At: c["phq9"][1].At, Total: 9}})
	marked, err := Chart(phq9(), "PHQ-9", c["phq9"])
	if err != nil || bytes.Equal(plain, marked) {
		t.Fatalf("a prorated point is not marked (%v)", err)
	}
	r := &Referral{ID: "x", Priority: flow.Routine, Course: c, Scores: []Score{{Questionnaire: "phq9", Title: "PHQ-9"}}}
	if s := Summary(r, nil); !strings.Contains(s, "PHQ-9 over time: 20 → 9 (prorated)") || !strings.Contains(s, "daycheck over time: 4 → 6") {
		t.Fatalf("summary:\n%s", s)
	}
}
