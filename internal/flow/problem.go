package flow

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrInvalid is matched (errors.Is) by the error of Problems.Err: the flow
// sources have at least one error and cannot be published.
var ErrInvalid = errors.New("invalid flows")

// Problem is one located finding of the validator, addressed to the clinic
// author who wrote the file. Msg names the offending key first and says what to
// do about it. Messages quote only what the author wrote, never patient data.
type Problem struct {
	Pos     Pos
	Msg     string
	Warning bool // a non-fatal finding: the flows can still be published
}

// String formats the problem compiler-style:
// "flows/intake.yaml:12:5: next: no step ..." or, for a warning,
// "flows/intake.yaml:12:5: warning: vars: ...".
func (p Problem) String() string {
	var b strings.Builder
	if s := p.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if p.Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Problems is every finding of one validation run. Compile returns them sorted
// by file, line and column (then errors before warnings, then message), so two
// runs over the same sources print the same list.
type Problems []Problem

// Err returns nil when no problem is an error (warnings alone do not fail), and
// otherwise an *InvalidError listing every problem, warnings included. The
// error matches ErrInvalid.
func (ps Problems) Err() error {
	if len(ps.Errors()) == 0 {
		return nil
	}
	return &InvalidError{Problems: ps}
}

// Errors returns the problems that are not warnings, in order.
func (ps Problems) Errors() Problems {
	return ps.filter(false)
}

// Warnings returns the problems that are warnings, in order.
func (ps Problems) Warnings() Problems {
	return ps.filter(true)
}

func (ps Problems) filter(warning bool) Problems {
	var out Problems
	for _, p := range ps {
		if p.Warning == warning {
			out = append(out, p)
		}
	}
	return out
}

// String prints every problem, one per line.
func (ps Problems) String() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// sort orders the problems deterministically and drops exact duplicates.
func (ps Problems) sort() Problems {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			compareBool(a.Warning, b.Warning),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.Compact(ps)
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	default:
		return 1
	}
}

// InvalidError is returned by Problems.Err. Its message is every problem, one
// per line.
type InvalidError struct {
	Problems Problems
}

// Error prints every problem, one per line.
func (e *InvalidError) Error() string {
	return e.Problems.String()
}

// Is reports whether target is ErrInvalid.
func (e *InvalidError) Is(target error) bool {
	return target == ErrInvalid
}

// sink collects problems.
type sink struct {
	probs Problems
}

func (s *sink) add(pos Pos, warning bool, format string, args ...any) {
	s.probs = append(s.probs, Problem{Pos: pos, Msg: fmt.Sprintf(format, args...), Warning: warning})
}

func (s *sink) errorf(pos Pos, format string, args ...any) { s.add(pos, false, format, args...) }
func (s *sink) warnf(pos Pos, format string, args ...any)  { s.add(pos, true, format, args...) }
