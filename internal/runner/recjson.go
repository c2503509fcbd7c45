package runner

import (
	"encoding/json"
	"math"
	"strconv"
	"time"
)

// appendAnswerRecord appends the JSON of Record{At: at, Kind: "answer",
// Answer: a} to b, byte for byte as json.Marshal writes it
// (TestAnswerRecordJSON), without reflection: most steps record an answer.
// It returns ok false, and b unchanged, for what it does not write itself
// (a time outside years 0-9999, a value other than a string, a finite
// number, a bool or nil): the caller then uses json.Marshal.
func appendAnswerRecord(b []byte, at time.Time, a *Answer) ([]byte, bool) {
	start := len(b)
	b = append(b, `{"at":`...)
	b, ok := appendJSONTime(b, at)
	if !ok {
		return b[:start], false
	}
	b = append(b, `,"kind":"answer","answer":{"flow":`...)
	b = appendJSONString(b, a.Flow)
	b = append(b, `,"step":`...)
	b = appendJSONString(b, a.Step)
	b = append(b, `,"name":`...)
	b = appendJSONString(b, a.Name)
	b = append(b, `,"value":`...)
	if b, ok = appendJSONScalar(b, a.Value); !ok {
		return b[:start], false
	}
	b = append(b, `,"run":`...)
	if b, ok = appendJSONTime(b, a.Run); !ok {
		return b[:start], false
	}
	b = append(b, `,"bundle":`...)
	b = appendJSONString(b, a.Bundle)
	return append(b, "}}"...), true
}

// appendJSONTime appends t as time.Time's MarshalJSON writes it (RFC 3339
// with nanoseconds, quoted), for years 0 to 9999.
func appendJSONTime(b []byte, t time.Time) ([]byte, bool) {
	if y := t.Year(); y < 0 || y > 9999 {
		return b, false
	}
	if _, off := t.Zone(); off%60 != 0 {
		return b, false // MarshalJSON refuses seconds in the offset
	}
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"'), true
}

// appendJSONScalar appends v as json.Marshal writes a string, a float64, a
// bool or nil; ok is false for anything else.
func appendJSONScalar(b []byte, v any) ([]byte, bool) {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...), true
	case string:
		return appendJSONString(b, x), true
	case bool:
		return strconv.AppendBool(b, x), true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return b, false
		}
		// As encoding/json's floatEncoder: ES6 number formatting.
		format := byte('f')
		if abs := math.Abs(x); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
			format = 'e'
		}
		b = strconv.AppendFloat(b, x, format, -1, 64)
		if format == 'e' {
			// clean up e-09 to e-9
			if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
				b[n-2] = b[n-1]
				b = b[:n-1]
			}
		}
		return b, true
	}
	return b, false
}

// marshalRecord is json.Marshal of rec, through marshalAnswer when rec is
// an answer.
func marshalRecord(rec Record) ([]byte, error) {
	if rec.Kind == "answer" && rec.Answer != nil && rec.Result == nil && rec.Referral == nil && rec.Status == "" {
		return marshalAnswer(rec.At, *rec.Answer)
	}
	return json.Marshal(rec)
}

// marshalAnswer is json.Marshal of Record{At: at, Kind: "answer", Answer:
// &a}.
func marshalAnswer(at time.Time, a Answer) ([]byte, error) {
	// Room for the record without growing: its fixed part with two
	// times and a number is under 192 bytes.
	n := 192 + len(a.Flow) + len(a.Step) + len(a.Name) + len(a.Bundle)
	if s, ok := a.Value.(string); ok {
		n += len(s)
	}
	return appendAnswer(make([]byte, 0, n), at, a)
}

// appendAnswer appends json.Marshal of Record{At: at, Kind: "answer",
// Answer: &a} to b, through appendAnswerRecord when it writes a: then a
// stays off the heap.
func appendAnswer(b []byte, at time.Time, a Answer) ([]byte, error) {
	if out, ok := appendAnswerRecord(b, at, &a); ok {
		return out, nil
	}
	escaped := a
	js, err := json.Marshal(Record{At: at, Kind: "answer", Answer: &escaped})
	return append(b, js...), err
}
