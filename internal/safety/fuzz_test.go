package safety

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCheck feeds arbitrary text to the detector: it must not panic, must
// answer the same twice, must report only rules it lists, Check must be the
// first of CheckAll (one match per kind, most urgent first), the indexed
// matcher must find what the straightforward one finds (refScan), and
// normalisation must be stable (normalising twice changes nothing).
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"I want to die", "i w4nt to d1e!!!", "Ich möchte nicht mehr leben", "Is 100mg too much?",
		"not a day goes by that I don't think about suicide", `"I wanna die" is a song`, "0.5mg/kg?",
		"a\u0308 ｋｉｌｌ 𝐝𝐢𝐞 ki\u200bll", "...,,,;;;???!!!", "'''\"\"\"", "unalive unalive", "i m", "sewer",
		"\xff\xfe invalid utf8", strings.Repeat("die ", 50), "#10 ~3 (a|b) [c] $ *x",
		"i really want to like just die", "took like 40 of my sleeping pills", "ich will mich halt echt umbringen",
	} {
		f.Add(s, "en")
	}
	for _, s := range generated(20) {
		f.Add(s, "de")
	}
	d, err := New(map[string][]string{"en": {"checking out early"}})
	if err != nil {
		f.Fatal(err)
	}
	ref := withReference(d)
	rules := map[string]bool{}
	for _, id := range d.Rules() {
		rules[id] = true
	}
	for _, k := range Kinds { // the model's raises
		rules[modelRule("en", k)], rules[modelRule("de", k)] = true, true
	}
	f.Fuzz(func(t *testing.T, text, locale string) {
		if len(text) > 4096 {
			text = text[:4096]
		}
		m1, ok1 := d.Check(text, locale)
		m2, ok2 := d.Check(text, locale)
		if m1 != m2 || ok1 != ok2 {
			t.Fatalf("Check not deterministic: %+v %v, %+v %v", m1, ok1, m2, ok2)
		}
		if diff := sameAsReference(d, ref, text, locale); diff != "" {
			t.Fatal(diff)
		}
		if ok1 && !rules[m1.Rule] {
			t.Fatalf("Check reported unknown rule %q", m1.Rule)
		}
		if !ok1 && m1 != (Match{}) {
			t.Fatalf("no match but %+v", m1)
		}
		all := d.CheckAll(text, locale)
		if ok1 != (len(all) > 0) || ok1 && all[0] != m1 {
			t.Fatalf("Check %+v %v, CheckAll %+v", m1, ok1, all)
		}
		for i := 1; i < len(all); i++ {
			if urgency(all[i-1].Kind) >= urgency(all[i].Kind) {
				t.Fatalf("CheckAll not one per kind, most urgent first: %+v", all)
			}
		}
		n := Normalize(text)
		if !utf8.ValidString(text) {
			return
		}
		if n2 := Normalize(n); n2 != n {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", text, n, n2)
		}
	})
}

// longMessage is about 100 KB of realistic text with many near misses.
func longMessage() string {
	parts := []string{
		"I'm not suicidal, but this homework is killing me and I'm dying to start.",
		"Years ago I had dark thoughts but I'm fine now.",
		"Can I bring music? How long is the session? Where do I park?",
		"Ich will nicht sterben, aber die Hausaufgaben bringen mich um.",
		"My friend said she wants to die, how can I help her?",
		"I am dead tired lol, what should I wear?",
	}
	var b strings.Builder
	for i := 0; b.Len() < 100_000; i++ {
		b.WriteString(parts[i%len(parts)])
		b.WriteByte(' ')
	}
	return b.String()
}

// BenchmarkCheck measures a 100 KB message that matches nothing: the worst
// case, since every near miss is checked and the whole text is scanned.
// It must stay well under 50 ms per message.
func BenchmarkCheck(b *testing.B) {
	d, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	msg := longMessage()
	if _, ok := d.Check(msg, "en"); ok {
		b.Fatal("the benchmark message should not match")
	}
	b.SetBytes(int64(len(msg)))
	b.ReportAllocs()
	for b.Loop() {
		d.Check(msg, "en")
	}
}

// BenchmarkCheckShort measures a typical chat message.
func BenchmarkCheckShort(b *testing.B) {
	d, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		d.Check("honestly I don't know, can I take my sertraline before the session?", "en")
	}
}

// BenchmarkNew measures building a detector with clinic phrases.
func BenchmarkNew(b *testing.B) {
	extra := map[string][]string{"en": {"checking out early", "see grandma in heaven"}}
	for b.Loop() {
		if _, err := New(extra); err != nil {
			b.Fatal(err)
		}
	}
}

// msg200 is a 200-character message that matches no rule, so every kind's
// rules are tried in full: the slowest ordinary case.
const msg200 = "hi, quick question about thursday. my sister is driving me and we might be a bit late because of her work. " +
	"is there parking near the entrance and should i bring anything with me? thanks a lot, see you"

// BenchmarkCheck200 is the speed goal of issue 10: Check on a 200-character
// message stays under 50 µs. Compare it with BenchmarkCheck200Baseline, run
// together, on a shared machine.
func BenchmarkCheck200(b *testing.B) {
	d, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	if len(msg200) != 200 {
		b.Fatalf("message is %d characters", len(msg200))
	}
	if m, ok := d.Check(msg200, "en"); ok {
		b.Fatalf("the benchmark message should not match, got %v", m)
	}
	b.ReportAllocs()
	for b.Loop() {
		d.Check(msg200, "en")
	}
}

// BenchmarkCheck200Baseline lower-cases and splits the same message: a floor
// that shows how loaded the machine is.
func BenchmarkCheck200Baseline(b *testing.B) {
	for b.Loop() {
		_ = strings.Fields(strings.ToLower(msg200))
	}
}

// msgMeds names ten medicines in about 200 characters: the slots over the
// medicine vocabulary come near it at every name.
const msgMeds = "my list is sertraline, lamotrigine, metformin, lisinopril, atorvastatin, levothyroxine, " +
	"omeprazole, gabapentin, melatonin and ibuprofen, all the same as last month, see you thursday"

// BenchmarkCheckMeds is a message naming ten medicines; it should cost
// about what BenchmarkCheck200 costs, run together.
func BenchmarkCheckMeds(b *testing.B) {
	d, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		d.Check(msgMeds, "en")
	}
}
