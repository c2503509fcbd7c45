package flow

import (
	"errors"
	"fmt"
	"math"
	"reflect"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/types"
	"github.com/expr-lang/expr/vm"
)

// Errors of scoring.
var (
	// ErrAnswer means an answer has the wrong type for its item (an engine
	// fault: answers are stored typed).
	ErrAnswer = errors.New("answer of the wrong type")
	// ErrEval means a compiled expression failed at run time.
	ErrEval = errors.New("expression failed")
	// ErrNoItem means an item index is out of range.
	ErrNoItem = errors.New("no such item")
)

// EvalError is an expression that failed at run time. Its message names the
// place only: the underlying error may quote patient answers, so it is
// reachable through errors.Unwrap / errors.As but never printed by Error.
type EvalError struct {
	Questionnaire string
	Where         string // "item c3 when", "value positive", "flag item9"
	Err           error
}

// Error names the questionnaire and the expression, never values.
func (e *EvalError) Error() string {
	return fmt.Sprintf("questionnaire %s: %s: %v", e.Questionnaire, e.Where, ErrEval)
}

// Unwrap returns ErrEval and the underlying error.
func (e *EvalError) Unwrap() []error { return []error{ErrEval, e.Err} }

// ResultType is the expression type of this questionnaire's result, as flows
// see it under the questionnaire step's save name: total, band, flags, risk,
// valid, missing, unknown, every scoring value and every item answer.
func (q *Questionnaire) ResultType() types.Map {
	m := types.Map{
		"total":   types.Float64,
		"band":    types.String,
		"flags":   types.Array(types.String),
		"risk":    types.Bool,
		"valid":   types.Bool,
		"missing": types.Array(types.String),
		"unknown": types.Array(types.String),
	}
	for _, it := range q.Items {
		if it.Ask != nil {
			m[it.ID] = ExprType(answerType(it.Ask))
		} else {
			m[it.ID] = types.Any
		}
	}
	for _, v := range q.Scoring.Values {
		m[v.Name] = ExprType(v.Type)
	}
	return m
}

// ResultValue is a result as flow expressions see it: the map ResultType
// describes, where items without an answer have their type's zero value.
func (q *Questionnaire) ResultValue(r Result) map[string]any {
	m := make(map[string]any, len(q.Items)+len(r.Values)+7)
	for _, it := range q.Items {
		if v, ok := r.Items[it.ID]; ok && v != nil {
			m[it.ID] = normalize(v)
		} else if it.Ask != nil {
			m[it.ID] = answerType(it.Ask).Zero()
		}
	}
	for k, v := range r.Values {
		m[k] = normalize(v)
	}
	for k, v := range ResultFields(r) {
		m[k] = v
	}
	return m
}

// ResultFields are the fields every result has, as expressions see them:
// total, band, flags, risk, valid, missing and unknown (lists never nil).
func ResultFields(r Result) map[string]any {
	return map[string]any{
		"total": r.Total, "band": r.Band, "flags": nonNil(r.Flags), "risk": r.Risk,
		"valid": !r.Invalid, "missing": nonNil(r.Missing), "unknown": nonNil(r.Unknown),
	}
}

func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// walk goes through the items before upto in order and decides which are
// asked (no condition, or its `when` holds on the answers so far) and which
// asked ones have no answer: missing, and unknown for `unknown: true` items.
// env holds every item's answer (its type's zero value when unanswered) and
// the lists `missing` and `unknown` of the items walked. It returns an error
// matching ErrAnswer for a mistyped answer (and nothing else), and an
// *EvalError for the first condition that fails, which counts as asked;
// the walk is then complete.
func (q *Questionnaire) walk(answers map[string]any, upto int) (env map[string]any, asked []bool, missing, unknown []string, err error) {
	env = make(map[string]any, len(q.Items)+len(q.Scoring.Values)+7)
	for _, it := range q.Items {
		var t VarType = TypeText
		if it.Ask != nil {
			t = answerType(it.Ask)
		}
		v, ok := answers[it.ID]
		if !ok || v == nil {
			env[it.ID] = t.Zero()
			continue
		}
		v = normalize(v)
		if got, ok := valueType(v); !ok || got != t {
			return nil, nil, nil, nil, fmt.Errorf("questionnaire %s: item %s: answer of type %s, want %s: %w", q.ID, it.ID, typeName(v), t, ErrAnswer)
		}
		env[it.ID] = v
	}
	asked = make([]bool, upto)
	var machine vm.VM
	for i := 0; i < upto && i < len(q.Items); i++ {
		it := q.Items[i]
		asked[i] = true
		if it.When != nil {
			env["missing"], env["unknown"] = nonNil(missing), nonNil(unknown)
			// A condition that fails counts as asked, as the engine asks
			// rather than skips: the walk goes on, and the first failure
			// is returned with the full result.
			out, rerr := runOn(&machine, it.When, env)
			b, ok := out.(bool)
			switch {
			case rerr != nil && err == nil:
				err = &EvalError{Questionnaire: q.ID, Where: "item " + it.ID + " when", Err: rerr}
			case rerr == nil && !ok && err == nil:
				err = &EvalError{Questionnaire: q.ID, Where: "item " + it.ID + " when", Err: fmt.Errorf("gives %T, not bool", out)}
			}
			asked[i] = b || !ok || rerr != nil
		}
		if !asked[i] {
			continue
		}
		if v, ok := answers[it.ID]; !ok || v == nil {
			missing = append(missing, it.ID)
			if it.Unknown {
				unknown = append(unknown, it.ID)
			}
		}
	}
	missing, unknown = nonNil(missing), nonNil(unknown)
	env["missing"], env["unknown"] = missing, unknown
	return env, asked, missing, unknown, err
}

// Asked reports whether item i is asked given the answers so far: true when
// it has no condition, else its `when`, which sees an unanswered item as its
// type's zero value and the earlier asked items without an answer in
// `missing` and `unknown`. It returns ErrNoItem for a bad index, an error
// matching ErrAnswer for a mistyped answer and an *EvalError when a
// condition fails.
func (q *Questionnaire) Asked(i int, answers map[string]any) (bool, error) {
	if i < 0 || i >= len(q.Items) {
		return false, fmt.Errorf("questionnaire %s: item %d of %d: %w", q.ID, i, len(q.Items), ErrNoItem)
	}
	_, asked, _, _, err := q.walk(answers, i+1)
	if asked == nil {
		return false, err
	}
	return asked[i], err
}

// Score scores the answers (item id -> answer, as the engine stores them).
// An asked item without an answer is missing, never 0 or "no"; an
// `unknown: true` item without one is also unknown (Result.Missing,
// Result.Unknown). The total is the weighted sum of the answered scored
// items (yes counts 1, no 0; numbers by value); when asked scored items are
// missing it is prorated if the questionnaire's missing rule allows that
// many, else invalid (Result.Invalid: total 0, no band). The band is the
// first whose range holds a valid total ("" if none); values and flags are
// evaluated in order and see valid, missing and unknown (Flags is never
// nil); Risk is whether a flag with risk: true was raised; Items is a copy
// of answers. Score is pure. It returns an error matching ErrAnswer for a
// mistyped answer (the Result is then empty), and an *EvalError for the
// first expression that fails at run time: the Result is then complete, with
// the failed value at its type's zero value and a failed risk flag raised.
func (q *Questionnaire) Score(answers map[string]any) (Result, error) {
	res := Result{Questionnaire: q.ID, Flags: []string{}, Items: make(map[string]any, len(answers))}
	for k, v := range answers {
		res.Items[k] = v
	}
	env, asked, missing, unknown, walkErr := q.walk(answers, len(q.Items))
	if asked == nil {
		return res, walkErr
	}
	if len(missing) > 0 {
		res.Missing = missing
	}
	if len(unknown) > 0 {
		res.Unknown = unknown
	}
	var sum, askedW, answeredW float64
	gaps := 0
	for i, it := range q.Items {
		if !it.Scored || !asked[i] {
			continue
		}
		askedW += it.Weight
		v, ok := answers[it.ID]
		if !ok || v == nil {
			gaps++
			continue
		}
		answeredW += it.Weight
		switch x := env[it.ID].(type) {
		case float64:
			sum += it.Weight * x
		case bool:
			if x {
				sum += it.Weight
			}
		}
	}
	switch {
	case gaps == 0:
		res.Total = sum
	case gaps <= q.Missing.Prorate && answeredW != 0:
		res.Total = sum * askedW / answeredW
		if wholeTotals(q) {
			res.Total = math.Round(res.Total)
		}
		res.Prorated = true
	default:
		res.Invalid = true
	}
	if !res.Invalid {
		for _, b := range q.Scoring.Bands {
			if b.Min <= res.Total && res.Total <= b.Max {
				res.Band = b.Name
				break
			}
		}
	}
	env["total"], env["band"], env["valid"] = res.Total, res.Band, !res.Invalid
	if len(q.Scoring.Values) > 0 {
		res.Values = make(map[string]any, len(q.Scoring.Values))
	}
	var machine vm.VM
	firstErr := walkErr
	fail := func(where string, err error) {
		if firstErr == nil {
			firstErr = &EvalError{Questionnaire: q.ID, Where: where, Err: err}
		}
	}
	for _, v := range q.Scoring.Values {
		out, err := runOn(&machine, v.Program, env)
		if err != nil {
			fail("value "+v.Name, err)
			out = v.Type.Zero() // later values and flags still run
		}
		out = normalize(out)
		res.Values[v.Name] = out
		env[v.Name] = out
	}
	for _, f := range q.Scoring.Flags {
		out, err := runOn(&machine, f.When, env)
		raised, _ := out.(bool)
		if err != nil {
			fail("flag "+f.ID, err)
			raised = f.Risk // a risk flag that cannot be decided is raised, never dropped
		}
		if raised {
			res.Flags = append(res.Flags, f.ID)
			res.Risk = res.Risk || f.Risk
		}
	}
	// A failure is reported after everything else was scored, so a risk
	// flag is never lost to it.
	return res, firstErr
}

// runOn runs p on a reused machine (Score runs many small programs).
func runOn(m *vm.VM, p *vm.Program, env map[string]any) (any, error) {
	if p == nil {
		return nil, errors.New("not compiled")
	}
	return m.Run(p, env)
}

// wholeTotals reports whether every total the scored items can give is a
// whole number (whole weights and values), without allocating.
func wholeTotals(q *Questionnaire) bool {
	for _, it := range q.Items {
		if !it.Scored || it.Ask == nil {
			continue
		}
		if it.Weight != math.Trunc(it.Weight) || it.Ask.Type == AskNumber {
			return false
		}
		for _, ch := range it.Ask.Choices {
			if ch.Num != nil && *ch.Num != math.Trunc(*ch.Num) {
				return false
			}
		}
	}
	return true
}

func run(p *vm.Program, env map[string]any) (any, error) {
	if p == nil {
		return nil, errors.New("not compiled")
	}
	return expr.Run(p, env)
}

// normalize converts a value to the types expressions use: every number to
// float64, a list of strings to []string.
func normalize(v any) any {
	switch x := v.(type) {
	case float64, string, bool, []string, nil:
		return v
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return v
			}
			out = append(out, s)
		}
		return out
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return float64(rv.Uint())
	case reflect.Float32:
		return rv.Float()
	}
	return v
}

// valueType is the variable type of a normalized value.
func valueType(v any) (VarType, bool) {
	switch v.(type) {
	case float64:
		return TypeNumber, true
	case string:
		return TypeText, true
	case bool:
		return TypeBool, true
	case []string:
		return TypeList, true
	}
	return "", false
}

// typeName names the Go type of a value for errors, never the value itself.
func typeName(v any) string {
	if t, ok := valueType(v); ok {
		return string(t)
	}
	return fmt.Sprintf("%T", v)
}
