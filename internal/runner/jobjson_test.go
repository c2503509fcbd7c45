package runner

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/engine"
)

// The hand-written send job is what json.Marshal makes of the job, byte for
// byte, whatever the message holds.
func TestSendJobJSON(t *testing.T) {
	texts := []string{"", "Next number?", `quote " and \ backslash`, "<b>&amp;</b>", "tab\tnew\nline\r\b\f\x00\x1f\x7f",
		"Grüße, ¿qué tal? 日本語 😀", "line\u2028para\u2029", "bad \xff utf-8 \xc3", "\xed\xa0\x80 surrogate"}
	msgs := []engine.Message{
		{Kind: engine.FromFlow, Text: "Next number?"},
		{Kind: engine.FromCatalog, Key: "crisis", Text: "call 112"},
		{Kind: engine.FromFlow, Text: "pick", Choices: []engine.Option{{Value: "1", Label: "One"}, {Value: "<2>", Label: "Two & more"}},
			Multi: true, Seq: 42, Picked: []string{"1", "x\"y"}, Replace: true, Numbered: true},
		{Seq: -3},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		msgs = append(msgs, engine.Message{Kind: engine.MessageKind(text), Text: text, Key: text,
			Choices: []engine.Option{{Value: text, Label: text}}, Picked: []string{text}})
	}
	for _, id := range []string{"", "123#0", "dc:<x>&\"y\"#2"} {
		for _, m := range msgs {
			want, err := json.Marshal(job{ID: id, Send: &m})
			if err != nil {
				t.Fatal(err)
			}
			if got := appendSendJob(nil, id, &m); string(got) != string(want) {
				t.Fatalf("appendSendJob(%q, %+v)\n got %s\nwant %s", id, m, got, want)
			}
		}
	}
}

// appendSendJob writes every field of engine.Message: a field added to it
// and not to appendSendJob fails here.
func TestSendJobJSONHasEveryField(t *testing.T) {
	typ := reflect.TypeFor[engine.Message]()
	for i := range typ.NumField() {
		var m engine.Message
		f := reflect.ValueOf(&m).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Int:
			f.SetInt(7)
		case reflect.Slice:
			s := reflect.MakeSlice(f.Type(), 1, 1)
			e := s.Index(0)
			if e.Kind() == reflect.Struct {
				for j := range e.NumField() {
					e.Field(j).SetString("y")
				}
			} else {
				e.SetString("y")
			}
			f.Set(s)
		default:
			t.Fatalf("engine.Message.%s is a %s: teach appendSendJob and this test about it", typ.Field(i).Name, f.Kind())
		}
		want, _ := json.Marshal(job{ID: "1#0", Send: &m})
		if got := appendSendJob(nil, "1#0", &m); string(got) != string(want) {
			t.Errorf("engine.Message.%s: got %s, want %s", typ.Field(i).Name, got, want)
		}
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "a<b>&c", "\u2028\xff\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Fatalf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

// The hand-written answer record is what json.Marshal makes of the record,
// byte for byte; what it does not write itself goes to json.Marshal.
func TestAnswerRecordJSON(t *testing.T) {
	berlin := time.FixedZone("CET", 3600)
	odd := time.FixedZone("LMT", 3600+58)
	times := []time.Time{{}, time.Date(2026, 12, 7, 9, 1, 2, 345_600_000, time.UTC), time.Date(2026, 1, 2, 3, 4, 5, 6, berlin),
		time.Date(9999, 12, 31, 23, 59, 59, 999_999_999, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, odd)}
	values := []any{nil, "", "yes <b>", true, false, 0.0, -0.0, 1.0, 3.5, 1e-7, 1e-6, 123456789.0, 1e20, 1e21, 1.5e300, -2e-9,
		math.NaN(), math.Inf(1), 7, []any{"a", 1.0}, map[string]any{"x": 1.0}, []string{"s"}}
	for _, at := range times {
		for _, v := range values {
			rec := Record{At: at, Kind: "answer", Answer: &Answer{Flow: "f<>", Step: "s", Name: "n", Value: v, Run: times[1], Bundle: "b"}}
			want, werr := json.Marshal(rec)
			got, gerr := marshalRecord(rec)
			if (werr == nil) != (gerr == nil) || string(got) != string(want) {
				t.Fatalf("marshalRecord(at %v, value %#v)\n got %s, %v\nwant %s, %v", at, v, got, gerr, want, werr)
			}
		}
	}
	// Not answers: json.Marshal all the same.
	for _, rec := range []Record{{Kind: "finished", Status: "ended"}, {Kind: "answer"}, {Kind: "answer", Answer: &Answer{}, Status: "x"}} {
		want, _ := json.Marshal(rec)
		if got, err := marshalRecord(rec); err != nil || string(got) != string(want) {
			t.Fatalf("marshalRecord(%+v) = %s, %v; want %s", rec, got, err, want)
		}
	}
}

// appendAnswerRecord writes every field of Record and Answer that an
// answer record has: a field added to either and not to it fails here.
func TestAnswerRecordJSONHasEveryField(t *testing.T) {
	for typ, known := range map[reflect.Type]string{
		reflect.TypeFor[Record](): "At Kind Result Answer Referral Status",
		reflect.TypeFor[Answer](): "Flow Step Name Value Run Bundle",
	} {
		var names []string
		for i := range typ.NumField() {
			names = append(names, typ.Field(i).Name)
		}
		if got := strings.Join(names, " "); got != known {
			t.Errorf("%s has the fields %s: teach appendAnswerRecord and this test about them (it knows %s)", typ, got, known)
		}
	}
}
