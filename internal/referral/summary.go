package referral

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
)

// Limits of the summary: it must fit one chat screen.
const (
	SummaryLines = 25  // lines at most
	LineRunes    = 160 // runes of one line at most; patient text is cut with "…"
)

// priorityMark starts the summary's first line.
var priorityMark = map[flow.Priority]string{
	flow.Emergency: "🚨 EMERGENCY",
	flow.Urgent:    "❗ URGENT",
	flow.Soon:      "SOON",
	flow.Routine:   "ROUTINE",
}

// Summary is the clinician's view of r in at most SummaryLines lines of at
// most LineRunes runes: red flags first (crisis message, risk flags,
// contraindications, cautions and notes, questions left unknown), then scores with bands, then the other answers, and
// the status at the end. It is staff-facing text with the patient's words
// in it: never send it to a patient or log it. loc is the time zone of the
// times shown (nil: UTC).
func Summary(r *Referral, loc *time.Location) string {
	return render(r, loc, SummaryLines, false)
}

// Detail is Summary without the line limit, followed by the status history
// and the notes: the answer to "/referral <id>".
func Detail(r *Referral, loc *time.Location) string {
	return render(r, loc, 0, true)
}

// safetyLabels name the safety categories of triggers ("abuse:<rule>").
var safetyLabels = map[string]string{
	"crisis":         "Crisis message",
	"acute_medical":  "Acute physical symptoms",
	"harm_to_others": "Harm to others",
	"abuse":          "Abuse or danger at home",
	"possible":       "Possible risk",
}

// safetyLabel returns the label of a safety trigger's category, or "" for
// another trigger.
func safetyLabel(trigger string) string {
	cat, _, ok := strings.Cut(trigger, ":")
	if !ok {
		return ""
	}
	return safetyLabels[cat]
}

func render(r *Referral, loc *time.Location, maxLines int, detail bool) string {
	if loc == nil {
		loc = time.UTC
	}
	when := func(t time.Time) string { return t.In(loc).Format("2006-01-02 15:04 MST") }
	mark := priorityMark[r.Priority]
	if mark == "" {
		mark = strings.ToUpper(string(r.Priority))
	}
	head := []string{
		fmt.Sprintf("%s referral %s", mark, r.ID),
		fmt.Sprintf("Patient %s (%s) · %s · %s", r.Patient, r.Channel, r.Flow, when(r.Created)),
	}
	why := "Trigger: " + r.Trigger
	if r.Reason != "" {
		why += " — " + r.Reason
	}
	head = append(head, why)

	var red []string
	safety := safetyLabel(r.Trigger)
	if safety != "" && r.Message != "" {
		red = append(red, "• "+safety+": "+quote(r.Message))
	}
	for _, f := range r.RedFlags {
		red = append(red, fmt.Sprintf("• %s: %s (%s)", flagKind(f), f.Label, f.Questionnaire))
	}
	for _, u := range r.Unknown {
		red = append(red, fmt.Sprintf("• Unknown (not sure, or no clear answer; never read as no): %s (%s)", u.Label, u.Questionnaire))
	}
	var scores []string
	for _, s := range r.Scores {
		line := fmt.Sprintf("• %s: %s", s.Title, strconv.FormatFloat(s.Total, 'f', -1, 64))
		switch {
		case s.Invalid:
			line = fmt.Sprintf("• %s: no valid total (items without an answer: %d)", s.Title, s.Missing)
		case s.Prorated:
			line += fmt.Sprintf(" (prorated; items without an answer: %d)", s.Missing)
		}
		switch {
		case s.Invalid:
		case s.BandLabel != "":
			line += " (" + s.BandLabel + ")"
		case s.Band != "":
			line += " (" + s.Band + ")"
		}
		if len(s.Flags) > 0 {
			line += " · flags: " + strings.Join(s.Flags, ", ")
		}
		scores = append(scores, line)
	}
	scores = append(scores, courseLines(r, loc)...)
	var rest []string
	if r.Intentions != "" {
		rest = append(rest, "• Intentions: "+quote(r.Intentions))
	}
	for _, d := range r.Declined {
		rest = append(rest, "• Declined medical question: "+quote(d))
	}
	if r.Message != "" && safety == "" && r.Trigger != "medical" {
		rest = append(rest, "• Message: "+quote(r.Message))
	}
	for _, a := range r.Answers {
		v := a.Value
		if a.Words {
			v = quote(v)
		}
		rest = append(rest, "• "+a.Label+": "+v)
	}
	tail := []string{StatusLine(r, loc)}
	if t := r.Takeover; t != nil {
		tail = append(tail, fmt.Sprintf("💬 %s is writing with the patient since %s (/handback %s)", t.By, when(t.At), r.ID))
	}

	var lines []string
	lines = append(lines, head...)
	if len(red) > 0 {
		lines = append(lines, "RED FLAGS")
		lines = append(lines, red...)
	}
	if len(scores) > 0 {
		lines = append(lines, "SCORES")
		lines = append(lines, scores...)
	}
	if len(rest) > 0 {
		lines = append(lines, "ANSWERS")
		lines = append(lines, rest...)
	}
	if maxLines > 0 && len(lines)+len(tail) > maxLines {
		keep := maxLines - len(tail) - 1
		cut := len(lines) - keep
		lines = append(lines[:keep], fmt.Sprintf("… %d more lines: /referral %s", cut, r.ID))
	}
	lines = append(lines, tail...)
	if detail {
		lines = append(lines, "HISTORY")
		for _, c := range r.History {
			by := ""
			if c.By != "" {
				by = " by " + c.By
			}
			lines = append(lines, fmt.Sprintf("• %s %s%s", when(c.At), c.Status, by))
		}
		if len(r.Relays) > 0 {
			lines = append(lines, "CONVERSATION WITH STAFF")
			for _, x := range r.Relays {
				lines = append(lines, "• "+when(x.At)+" "+relayLine(x))
			}
		}
		if len(r.Notes) > 0 {
			lines = append(lines, "NOTES")
			for _, n := range r.Notes {
				lines = append(lines, fmt.Sprintf("• %s %s: %s", when(n.At), n.By, n.Text))
			}
		}
	}
	for i, l := range lines {
		lines[i] = cut(l, LineRunes)
	}
	return strings.Join(lines, "\n")
}

// flagKind names how a clinician reads a red flag: "Risk", then its kind
// ("Contraindication", "Caution", "Note"); "Flag" when it has none.
func flagKind(f Flag) string {
	switch {
	case f.Risk:
		return "Risk"
	case f.Kind != "":
		return strings.ToUpper(string(f.Kind[:1])) + string(f.Kind[1:])
	case f.Contraindication:
		return "Contraindication"
	}
	return "Flag"
}

// StatusLine says where r stands: "Status: new", or "Acknowledged by Dr. A
// at 2026-01-02 10:04 UTC".
func StatusLine(r *Referral, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	if len(r.History) == 0 || r.Status() == StatusNew {
		return "Status: new"
	}
	c := r.History[len(r.History)-1]
	s := string(c.Status)
	s = strings.ToUpper(s[:1]) + s[1:]
	by := c.By
	if by == "" {
		by = "staff"
	}
	return fmt.Sprintf("%s by %s at %s", s, by, c.At.In(loc).Format("2006-01-02 15:04 MST"))
}

// quote shows patient text on one line, in quotes.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return "“" + s + "”"
}

// cut shortens s to n runes, ending with "…" (keeping a closing quote).
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	out := string(r[:n-1]) + "…"
	if strings.HasSuffix(s, "”") {
		out = string(r[:n-2]) + "…”"
	}
	return out
}

// relayLine shows one turn of a takeover.
func relayLine(x Relay) string {
	by := x.By
	if by == "" {
		by = "the patient"
	}
	switch x.Kind {
	case engine.RelayTakeover:
		return by + " took the conversation over"
	case engine.RelayHandback:
		return "handed back by " + by
	case engine.RelayPatient:
		return "patient: " + quote(x.Text)
	case engine.RelayStaff:
		return by + ": " + quote(x.Text)
	case engine.RelayUndelivered:
		return by + " (not delivered: not taken over any more): " + quote(x.Text)
	}
	return string(x.Kind)
}

// courseLines shows each instrument's course: "• PHQ-9 over time: 22 →
// 15 → 8 (2026-03-02 to 2026-04-06)".
func courseLines(r *Referral, loc *time.Location) []string {
	var out []string
	for _, id := range ChartInstruments {
		pts := r.Course[id]
		if len(pts) < 2 {
			continue
		}
		title := id
		for _, s := range r.Scores {
			if s.Questionnaire == id {
				title = s.Title
			}
		}
		totals := make([]string, len(pts))
		for i, p := range pts {
			totals[i] = strconv.FormatFloat(p.Total, 'f', -1, 64)
			if p.Prorated {
				totals[i] += " (prorated)"
			}
		}
		out = append(out, fmt.Sprintf("• %s over time: %s (%s to %s)", title, strings.Join(totals, " → "),
			pts[0].At.In(loc).Format("2006-01-02"), pts[len(pts)-1].At.In(loc).Format("2006-01-02")))
	}
	return out
}
