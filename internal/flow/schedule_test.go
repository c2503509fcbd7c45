package flow

import (
	"strings"
	"testing"
	"time"
)

const mainFlow = `kapbot: 1
flow: main
locale: en
steps:
  - id: q
    ask: {type: yesno, text: "Ready?"}
  - id: bye
    end: Bye.
`

func TestSchedulesProblemsAreLocated(t *testing.T) {
	clinic := testClinic + `schedules:
  time_zone: Europe/Berln
  quiet_hours: "21-8"
  kinds: {dosing: Dosing session}
  rules:
    - {id: prep, appointment: dossing, before: 48h, start: main}
    - {id: prep, appointment: dosing, before: 2d, start: mian}
    - {id: both, appointment: dosing, before: 1d, after: 1d, say: Hello.}
    - {id: nothing, appointment: dosing, after: 1d}
    - {id: late, appointment: dosing, after: 1d, at: "25:00", say: Hi.}
    - {id: flowless, after: 1d, say: Hi.}
  nudge: {after: [3d, 1d], flows: [mainn]}
`
	got := strings.Join(problemsIn(t, map[string]string{"clinic.yaml": clinic, "main.yaml": mainFlow}), "\n")
	for _, want := range []string{
		`clinic.yaml:11:14: time_zone: "Europe/Berln" is not a time zone name`,
		`clinic.yaml:12:16: quiet_hours: "21-8" is not a range of times; write it as HH:MM-HH:MM`,
		`clinic.yaml:15:31: appointment: no kind "dossing"; did you mean "dosing"?`,
		`clinic.yaml:16:12: id: rule "prep" is defined twice (first on line 15)`,
		`clinic.yaml:16:58: rule prep: no flow "mian"; did you mean "main"?`,
		`clinic.yaml:17:7: rule both: give exactly one of before, after or every`,
		`clinic.yaml:18:7: rule nothing: say what happens: start: <flow> or say: <text>`,
		`clinic.yaml:19:54: at: "25:00" is not a time of day`,
		`clinic.yaml:20:7: rule flowless: say what it follows`,
		`clinic.yaml:21:23: after: 24h0m0s is not after the nudge before it`,
		`clinic.yaml:21:36: nudge: no flow "mainn"; did you mean "main"?`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

func TestQuietHoursAcrossDaylightSaving(t *testing.T) {
	s := &Schedules{QuietFrom: 21 * 60, QuietTo: 8 * 60}
	ny, _ := time.LoadLocation("America/New_York")
	for _, c := range []struct{ in, want time.Time }{
		// The night the clocks go forward (14 March 2027, 02:00 -> 03:00).
		{time.Date(2027, 3, 13, 23, 0, 0, 0, ny), time.Date(2027, 3, 14, 8, 0, 0, 0, ny)},
		{time.Date(2027, 3, 14, 1, 30, 0, 0, ny), time.Date(2027, 3, 14, 8, 0, 0, 0, ny)},
		// The night they go back (7 November 2027).
		{time.Date(2027, 11, 6, 22, 0, 0, 0, ny), time.Date(2027, 11, 7, 8, 0, 0, 0, ny)},
		{time.Date(2027, 11, 7, 12, 0, 0, 0, ny), time.Date(2027, 11, 7, 12, 0, 0, 0, ny)},
		{time.Date(2027, 11, 7, 20, 59, 0, 0, ny), time.Date(2027, 11, 7, 20, 59, 0, 0, ny)},
	} {
		if got := s.Quiet(c.in, ny); !got.Equal(c.want) || got.In(ny).Hour() != c.want.Hour() {
			t.Errorf("Quiet(%s) = %s, want %s", c.in, got.In(ny), c.want)
		}
	}
	day := &Schedules{QuietFrom: 12 * 60, QuietTo: 14 * 60}
	if got := day.Quiet(time.Date(2027, 1, 1, 13, 0, 0, 0, time.UTC), time.UTC); got.Hour() != 14 || got.Day() != 1 {
		t.Errorf("a midday pause: %s", got)
	}
}
