package runner

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"

	"github.com/kapbot/kapbot/internal/engine"
)

// appendState appends the JSON of st to b, byte for byte as json.Marshal
// writes it (TestStateJSON), with the fields every session has written by
// hand and the rarer nested ones (questionnaire runs, results, the safety
// check, appointments, timers, variables that are not plain strings,
// numbers or bools) through json.Marshal: the step encodes the state for
// every message. A field added to engine.State, Frame or QRun and not
// written here fails TestStateJSONHasEveryField.
func appendState(b []byte, st *engine.State) ([]byte, error) {
	var err error
	str := func(name, v string, omitEmpty bool) {
		if v == "" && omitEmpty {
			return
		}
		b = append(b, ',', '"')
		b = append(b, name...)
		b = append(b, '"', ':')
		b = appendJSONString(b, v)
	}
	num := func(name string, v int64) {
		if v == 0 {
			return
		}
		b = append(b, ',', '"')
		b = append(b, name...)
		b = append(b, '"', ':')
		b = strconv.AppendInt(b, v, 10)
	}
	flag := func(name string, v bool) {
		if v {
			b = append(b, ',', '"')
			b = append(b, name...)
			b = append(b, `":true`...)
		}
	}
	other := func(name string, v any) {
		if err != nil {
			return
		}
		var js []byte
		if js, err = json.Marshal(v); err == nil {
			b = append(b, ',', '"')
			b = append(b, name...)
			b = append(b, '"', ':')
			b = append(b, js...)
		}
	}
	strs := func(name string, v []string) {
		if len(v) == 0 {
			return
		}
		b = append(b, ',', '"')
		b = append(b, name...)
		b = append(b, `":[`...)
		for i, s := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, s)
		}
		b = append(b, ']')
	}

	b = append(b, `{"v":`...)
	b = strconv.AppendInt(b, int64(st.V), 10)
	str("bundle", st.Bundle, true)
	str("flow", st.Flow, true)
	str("locale", st.Locale, true)
	str("status", string(st.Status), true)
	if len(st.Stack) > 0 {
		b = append(b, `,"stack":[`...)
		for i, f := range st.Stack {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"flow":`...)
			b = appendJSONString(b, f.Flow)
			b = append(b, `,"step":`...)
			b = appendJSONString(b, f.Step)
			num("attempts", int64(f.Attempts))
			str("return", f.ReturnTo, true)
			if f.Q != nil {
				other("q", f.Q)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(st.Vars) > 0 {
		b = append(b, `,"vars":{`...)
		var flows, names [16]string // most states fit: no allocation
		for i, flowID := range sortedKeys(flows[:0], st.Vars) {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, flowID)
			b = append(b, ':')
			vars := st.Vars[flowID]
			if vars == nil {
				b = append(b, "null"...)
				continue
			}
			b = append(b, '{')
			for j, name := range sortedKeys(names[:0], vars) {
				if j > 0 {
					b = append(b, ',')
				}
				b = appendJSONString(b, name)
				b = append(b, ':')
				var ok bool
				if b, ok = appendJSONScalar(b, vars[name]); !ok && err == nil {
					var js []byte
					js, err = json.Marshal(vars[name])
					b = append(b, js...)
				}
			}
			b = append(b, '}')
		}
		b = append(b, '}')
	}
	if len(st.Results) > 0 {
		other("results", st.Results)
	}
	num("seq", int64(st.Seq))
	str("pending", st.Pending, true)
	strs("multi", st.Multi)
	if !st.Started.IsZero() {
		b = append(b, `,"started":`...)
		var ok bool
		if b, ok = appendJSONTime(b, st.Started); !ok {
			return nil, errStateByHand
		}
	}
	if !st.Updated.IsZero() {
		b = append(b, `,"updated":`...)
		var ok bool
		if b, ok = appendJSONTime(b, st.Updated); !ok {
			return nil, errStateByHand
		}
	}
	num("steps", int64(st.Steps))
	str("taken_over", st.TakenOver, true)
	str("before", string(st.Before), true)
	if st.Check != nil {
		other("check", st.Check)
	}
	str("paused_for", string(st.PausedFor), true)
	if len(st.Measured) > 0 {
		b = append(b, `,"measured":{`...)
		var ids [16]string
		for i, id := range sortedKeys(ids[:0], st.Measured) {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, id)
			b = append(b, ':')
			b = strconv.AppendInt(b, st.Measured[id], 10)
		}
		b = append(b, '}')
	}
	if len(st.Appts) > 0 {
		other("appts", st.Appts)
	}
	if len(st.Timers) > 0 {
		other("timers", st.Timers)
	}
	strs("done", st.Done)
	str("tz", st.TZ, true)
	flag("reminders_off", st.RemindersOff)
	flag("introduced", st.Introduced)
	if err != nil {
		return nil, err
	}
	return append(b, '}'), nil
}

// errStateByHand means appendState cannot write a state (a time json.Marshal
// refuses); the caller then uses json.Marshal, which says why.
var errStateByHand = errors.New("runner: state not written by hand")

// sortedKeys appends the keys of m to keys, in order, as encoding/json
// writes a map, and returns the result.
func sortedKeys[V any](keys []string, m map[string]V) []string {
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
