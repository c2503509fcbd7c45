package runner

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
)

// The hand-written state is what the JSON encoder makes of it, byte for
// byte, from an empty state to one with every field set, odd strings and
// values that go through json.Marshal; what it cannot write (a time
// json.Marshal refuses, a NaN) fails as json.Marshal fails.
func TestStateJSON(t *testing.T) {
	at := time.Date(2026, 12, 7, 9, 1, 2, 345_000_000, time.UTC)
	full := engine.State{
		V: 1, Bundle: "b<1>", Flow: "intake", Locale: "de", Status: engine.Paused,
		Stack: []engine.Frame{{Flow: "intake", Step: "phq"}, {Flow: "phq9", Step: "q1", Attempts: 2, ReturnTo: "review",
			Q: &engine.QRun{ID: "phq9", Item: 3, At: "i3", Answers: map[string]any{"i1": 1.0, "i2": "x"}}}},
		Vars: map[string]map[string]any{"intake": {"name": "Jo & \"Al\"", "age": 42.0, "ok": true, "none": nil,
			"list": []any{"a", 1.0}, "int": 7, "tiny": 1e-9, "big": 1e21, "obj": map[string]any{"z": 1.0, "a": "<"}},
			"empty": {}, "nil": nil},
		Results: []flow.Result{{Questionnaire: "phq9", Flow: "intake", At: at, Total: 12, Flags: []string{"f"}, Items: map[string]any{"i1": 1.0}}},
		Seq:     9, Pending: "forget", Multi: []string{"a", "b"}, Started: at, Updated: at.Add(time.Hour).In(time.FixedZone("CET", 3600)),
		Steps: 17, TakenOver: "ref1", Before: engine.Active, Check: &engine.Check{Rule: "r", Message: "m"}, PausedFor: "harm",
		Measured: map[string]int64{"phq9": 1_700_000_000, "gad7": -1}, Appts: []engine.Appointment{{ID: "a1", Kind: "k", At: at}},
		Timers: []engine.Timer{{ID: "t", Key: "k", At: at, Hold: true}}, Done: []string{"d1"}, TZ: "Europe/Berlin",
		RemindersOff: true, Introduced: true,
	}
	states := []engine.State{{}, {V: 1, Status: engine.Active, Stack: []engine.Frame{{Flow: "count", Step: "n"}},
		Vars: map[string]map[string]any{"count": {"n": "1", "total": 5.0}}, Seq: 3, Started: at, Updated: at, Steps: 4}, full,
		{Stack: []engine.Frame{}, Vars: map[string]map[string]any{}, Multi: []string{}, Measured: map[string]int64{}},
		{Flow: "bad \xff\u2028 utf-8", Vars: map[string]map[string]any{"\x00<k>": {"\u2029": "\b\f"}}}}
	for i, st := range states {
		want, err := json.Marshal(st)
		if err != nil {
			t.Fatal(err)
		}
		got, err := appendState(nil, &st)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("state %d: appendState\n got %s, %v\nwant %s", i, got, err, want)
		}
	}
	for _, st := range []engine.State{
		{Started: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Vars: map[string]map[string]any{"f": {"x": math.NaN()}}},
		{Results: []flow.Result{{Total: math.Inf(1)}}},
	} {
		if _, err := json.Marshal(st); err == nil {
			t.Fatalf("json.Marshal takes %+v", st)
		}
		if got, err := appendState(nil, &st); err == nil {
			t.Errorf("appendState wrote %s for a state json.Marshal refuses", got)
		}
	}
}

// appendState writes every field of engine.State and Frame (it hands QRun,
// Check and the others to json.Marshal whole): a field added to either and
// not to it fails here.
func TestStateJSONHasEveryField(t *testing.T) {
	for typ, known := range map[reflect.Type]string{
		reflect.TypeFor[engine.State](): "V Bundle Flow Locale Status Stack Vars Results Seq Pending Multi Started Updated Steps " +
			"TakenOver Before Check PausedFor Measured Appts Timers Done TZ RemindersOff Introduced",
		reflect.TypeFor[engine.Frame](): "Flow Step Attempts ReturnTo Q",
	} {
		var names []string
		for i := range typ.NumField() {
			names = append(names, typ.Field(i).Name)
		}
		if got := strings.Join(names, " "); got != known {
			t.Errorf("%s has the fields %s: teach appendState and this test about them (it knows %s)", typ, got, known)
		}
	}
}
