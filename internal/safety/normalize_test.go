package safety

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"I'm NOT okay!!!", "i am not okay"},
		{"k1ll mys3lf", "kill myself"},
		{"i w4nt to d!e", "i want to die"},
		{"diiiiie", "die"},
		{"sooooo tired", "so tired"},
		{"i wanna kms", "i want to kill myself"},
		{"kys", "kill myself"},
		{"i'm gonna unalive", "i am going to kill myself"},
		{"he unalived himself", "he killed himself"},
		{"sucidal", "suicidal"},
		{"suicidel", "suicidal"},
		{"sucide", "suicide"},
		{"dont cant wont", "do not can not will not"},
		{"don't can't won't isn't", "do not can not will not is not"},
		{"im ur friend", "i am your friend"},
		{"I’ve been self-harming", "i have been self harming"},
		{"my self", "myself"},
		{"sewer slide", "suicide"},
		{"Ich möchte nicht mehr leben", "ich moechte nicht mehr leben"},
		{"Größe", "groesse"},
		{"Selbstmord, Suizid; umbringen", "selbstmord suizid umbringen"},
		{"ich will nimmer", "ich will nicht mehr"},
		{"café naïve", "cafe naive"},
		{"a\u0308rger", "aerger"}, // decomposed umlaut
		{"ｋｉｌｌ", "kill"},          // full-width
		{"𝐝𝐢𝐞", "die"},            // mathematical bold
		{"ki\u200bll", "kill"},    // zero-width space
		{"100mg", "100 mg"},
		{"0.5mg/kg", "0.5 mg kg"},
		{"3am", "3 am"},
		{"ran a 5k, 10k steps", "ran a 5 thousand 10 thousand steps"}, // never ketamine
		{"so funny 😂💀", "so funny lol lol"},
		{"ketamin sertralin", "ketamine sertraline"},
		{"medication meditation", "medication meditation"}, // a real word one letter away stays
		{"  punctuation... ,and   spaces? ", "punctuation and spaces"},
		{"", ""},
		{"!!! ??? 🙂", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestAnalyseBoundaries checks the sentence and clause marks that keep
// negations and patterns in their place.
func TestAnalyseBoundaries(t *testing.T) {
	a := analyse(`I'm fine. Really, I "want" to... go? Yes`)
	type tok struct {
		text         string
		sent, clause int32
		quoted       bool
	}
	want := []tok{
		{"i", 0, 0, false}, {"am", 0, 0, false}, {"fine", 0, 0, false},
		{"really", 1, 1, false}, {"i", 1, 2, false}, {"want", 1, 2, true}, {"to", 1, 2, false}, {"go", 1, 3, false},
		{"yes", 2, 4, false},
	}
	if len(a.toks) != len(want) {
		t.Fatalf("got %d tokens, want %d: %+v", len(a.toks), len(want), a.toks)
	}
	for i, w := range want {
		g := a.toks[i]
		if g.text != w.text || g.sent != w.sent || g.clause != w.clause || g.quoted != w.quoted {
			t.Errorf("token %d = %q sent %d clause %d quoted %v, want %+v", i, g.text, g.sent, g.clause, g.quoted, w)
		}
	}
	if wantQ := []bool{false, true, false}; len(a.sentQ) != 3 || a.sentQ[1] != true || a.sentQ[0] || a.sentQ[2] {
		t.Errorf("sentQ = %v, want %v", a.sentQ, wantQ)
	}
	// A conjunction starts a clause.
	b := analyse("i am not sad and want to die")
	if b.toks[3].clause == b.toks[4].clause || b.toks[4].clause != b.toks[5].clause {
		t.Errorf("conjunction did not start a clause: %+v", b.toks)
	}
}

func TestWithin1(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"suicide", "suicide", true},
		{"sucide", "suicide", true},   // deletion
		{"suicidee", "suicide", true}, // insertion
		{"suicado", "suicide", false},
		{"siucide", "suicide", true}, // swap
		{"suicdie", "suicide", true},
		{"scuiide", "suicide", false},
		{"abc", "abcde", false},
		{"", "a", true},
	}
	for _, tt := range tests {
		if got := within1(tt.a, tt.b); got != tt.want {
			t.Errorf("within1(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// BenchmarkAnalyse200 is the normalisation and tokenising part of
// BenchmarkCheck200.
func BenchmarkAnalyse200(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		analyse(msg200)
	}
}
