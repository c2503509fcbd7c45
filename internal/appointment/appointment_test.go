package appointment

import (
	"strings"
	"testing"
	"time"
)

func TestParseWhen(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	now := time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Time{
		"2027-03-15 10:00":          time.Date(2027, 3, 15, 10, 0, 0, 0, ny),
		"2027-03-15T10:00":          time.Date(2027, 3, 15, 10, 0, 0, 0, ny),
		"2027-03-15T10:00:00+01:00": time.Date(2027, 3, 15, 9, 0, 0, 0, time.UTC),
		"+90m":                      now.Add(90 * time.Minute),
		"+2d3h":                     now.Add(51 * time.Hour),
	} {
		got, err := ParseWhen(in, now, ny)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseWhen(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
	for _, in := range []string{"", "tomorrow", "+", "+-3h", "2027-02-30 10:00", "15.03.2027 10:00"} {
		if _, err := ParseWhen(in, now, ny); err == nil {
			t.Errorf("ParseWhen(%q) took it", in)
		}
	}
}

func TestReadCSVLocatesEveryProblem(t *testing.T) {
	in := "id,patient,kind,start,time_zone,status\n" +
		"A1,tg:1,dosing,2027-03-15 10:00,America/New_York,\n" +
		"A2,tg:2,dossing,2027-03-16 10:00,,\n" +
		"A1,tg:3,dosing,2027-03-17 10:00,,\n" +
		"A4,,dosing,15.03.2027,Mars/Base,maybe\n" +
		"A5,tg:5,dosing,,,cancelled\n" +
		"A6,Jane Roe,dosing,2027-03-17 10:00,,\n"
	rows, probs := ReadCSV("appts.csv", strings.NewReader(in), []string{"dosing", "integration"}, "Europe/Berlin", time.Now())
	got := strings.Join(probs, "\n")
	for _, want := range []string{
		`appts.csv:3: kind "dossing": not in clinic.yaml's schedules: kinds (dosing, integration)`,
		`appts.csv:4: id "A1" again (first on line 2)`,
		`appts.csv:5: patient: name the patient`,
		`appts.csv:7: patient: name the patient`,
		`appts.csv:5: status "maybe": write booked or cancelled`,
		`appts.csv:5: time_zone "Mars/Base": not a time zone name`,
		`appts.csv:5: start "15.03.2027": write YYYY-MM-DD HH:MM`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if len(probs) != 7 || strings.Contains(got, "Jane") {
		t.Errorf("%d problems, want 7, without the patient's name:\n%s", len(probs), got)
	}
	if len(rows) != 6 || !rows[4].Cancel || rows[1].At.Location().String() != "Europe/Berlin" {
		t.Errorf("rows: %+v", rows)
	}
	if _, probs := ReadCSV("x.csv", strings.NewReader("id,who,start\n"), nil, "UTC", time.Now()); len(probs) != 3 ||
		!strings.HasPrefix(probs[0], `x.csv:1: unknown column "who"`) {
		t.Errorf("header problems: %q", probs)
	}
}
