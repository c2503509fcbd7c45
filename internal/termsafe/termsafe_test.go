package termsafe

import (
	"encoding/json"
	"testing"
)

func TestLineEscapesTerminalControls(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, ünïcode ✓":           "plain text, ünïcode ✓",
		"\x1b[2J\x1b]0;pwned\x07hi":       `\x1b[2J\x1b]0;pwned\x07hi`,
		"a\nb\rc":                         `a\x0ab\x0dc`,
		"tab\tok":                         "tab\tok",
		"del\x7f c1\u009b31m":             `del\x7f c1\x9b31m`,
		"bidi \u202eevil\u2066 sep\u2028": `bidi \u202eevil\u2066 sep\u2028`,
		"bad utf8 \xff\xfe":               `bad utf8 \xff\xfe`,
	} {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Text("one\ntwo\x1b[1A"); got != "one\ntwo\\x1b[1A" {
		t.Errorf("Text kept %q", got)
	}
}

func TestJSONSameValueNoRawControls(t *testing.T) {
	in := "x\u009b2J\x7f\u202e"
	b, _ := json.Marshal(map[string]string{"t": in})
	out := JSON(b)
	for _, r := range string(out) {
		if Unsafe(r, false) {
			t.Fatalf("raw %U left in %s", r, out)
		}
	}
	var back map[string]string
	if err := json.Unmarshal(out, &back); err != nil || back["t"] != in {
		t.Fatalf("decoded %q, %v", back["t"], err)
	}
}
