// Package appointment reads appointments as staff record them: a time
// typed in a command ("2027-03-15 10:00", "+3d") and the CSV a clinic's
// scheduling system exports. It does no I/O beyond the reader it is given.
package appointment

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
)

// ErrWhen is wrapped by ParseWhen's errors.
var ErrWhen = errors.New("not a time")

var idRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$`)

// ParseWhen reads an appointment time: "2027-03-15 10:00" or
// "2027-03-15T10:00" in loc, RFC 3339 with an offset
// ("2027-03-15T10:00:00-04:00"), or "+" and a duration from now ("+90m",
// "+2d", "+2d3h"). It returns an error wrapping ErrWhen that says which
// forms it takes.
func ParseWhen(s string, now time.Time, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(s, "+"); ok {
		d, err := flow.ParseDuration(rest)
		if err == nil && d > 0 {
			return now.Add(d), nil
		}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q: %w; write YYYY-MM-DD HH:MM (local time), an RFC 3339 time with its offset, or +DURATION such as +2d or +90m", s, ErrWhen)
}

// ID is the id given to an appointment recorded without one: its kind
// and local start, so that recording the same one again changes nothing.
func ID(kind string, at time.Time, loc *time.Location) string {
	return kind + "-" + at.In(loc).Format("20060102T1504")
}

// CheckID reports what is wrong with a scheduler's appointment id, or "".
func CheckID(id string) string {
	if !idRe.MatchString(id) {
		return fmt.Sprintf("id %q: use 1 to 64 letters, digits, '.', '_', ':' or '-'", id)
	}
	return ""
}

// Row is one appointment of a CSV export: Line is its line in the file.
type Row struct {
	Line    int
	ID      string
	Patient string // as the file names them: tg:123, dc:456, or a console name
	Kind    string
	At      time.Time
	TZ      string
	Cancel  bool
}

// Change is the engine's input for the row.
func (r Row) Change() engine.AppointmentChange {
	return engine.AppointmentChange{Cancel: r.Cancel, Appointment: engine.Appointment{ID: r.ID, Kind: r.Kind, At: r.At, TZ: r.TZ}}
}

// Columns are the CSV columns, in any order after a header line; time_zone
// and status may be left out.
var Columns = []string{"id", "patient", "kind", "start", "time_zone", "status"}

// ReadCSV reads a scheduler's export: a header naming Columns, then one
// appointment per line. start is a local time in time_zone (default
// defaultTZ) or RFC 3339; status is booked (default) or cancelled. kinds
// are the kinds clinic.yaml knows (empty: any). It returns every row and
// every problem, each as "name:line: what"; rows are only to be applied
// when there are no problems.
func ReadCSV(name string, r io.Reader, kinds []string, defaultTZ string, now time.Time) ([]Row, []string) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	var problems []string
	bad := func(line int, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("%s:%d: %s", name, line, fmt.Sprintf(format, args...)))
	}
	header, err := cr.Read()
	if err != nil {
		bad(1, "no header line naming the columns (%s): %v", strings.Join(Columns, ","), err)
		return nil, problems
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !slices.Contains(Columns, h) {
			bad(1, "unknown column %q (columns: %s)", h, strings.Join(Columns, ", "))
			continue
		}
		if _, dup := col[h]; dup {
			bad(1, "column %q twice", h)
		}
		col[h] = i
	}
	for _, need := range Columns[:4] {
		if _, ok := col[need]; !ok {
			bad(1, "missing column %q (columns: %s)", need, strings.Join(Columns, ", "))
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	var rows []Row
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		line, _ := cr.FieldPos(0)
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				bad(pe.Line, "%v", pe.Err)
				continue
			}
			bad(line, "%v", err)
			break
		}
		get := func(c string) string {
			if i, ok := col[c]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		row := Row{Line: line, ID: get("id"), Patient: get("patient"), Kind: get("kind"), TZ: get("time_zone")}
		if msg := CheckID(row.ID); msg != "" {
			bad(line, "%s", msg)
		} else if first, dup := seen[row.ID]; dup {
			bad(line, "id %q again (first on line %d): one line per appointment", row.ID, first)
		} else {
			seen[row.ID] = line
		}
		if row.Patient == "" || strings.ContainsAny(row.Patient, "{} \t") {
			// The value is not repeated: a scheduler's export may hold a
			// patient's name here, and errors never carry patient data.
			bad(line, "patient: name the patient as kapbot does (tg:123456789, dc:234567890123456789, or a console name without spaces)")
		}
		switch st := strings.ToLower(get("status")); st {
		case "", "booked", "scheduled", "confirmed":
		case "cancelled", "canceled":
			row.Cancel = true
		default:
			bad(line, "status %q: write booked or cancelled", st)
		}
		if !row.Cancel && len(kinds) > 0 && !slices.Contains(kinds, row.Kind) {
			bad(line, "kind %q: not in clinic.yaml's schedules: kinds (%s)", row.Kind, strings.Join(kinds, ", "))
		}
		tz := row.TZ
		if tz == "" {
			tz = defaultTZ
		}
		loc, err := time.LoadLocation(tz)
		if err != nil || tz == "Local" {
			bad(line, "time_zone %q: not a time zone name; use an IANA name such as America/New_York", row.TZ)
			loc = time.UTC
		}
		if s := get("start"); s == "" && !row.Cancel {
			bad(line, "start: empty; write YYYY-MM-DD HH:MM")
		} else if s != "" {
			at, err := ParseWhen(s, now, loc)
			if err != nil || strings.HasPrefix(s, "+") {
				bad(line, "start %q: write YYYY-MM-DD HH:MM (in time_zone) or an RFC 3339 time", s)
			}
			row.At = at
		}
		rows = append(rows, row)
	}
	return rows, problems
}
