// Package termsafe makes text that a patient or a staff member typed safe
// to print on a terminal: control characters (C0 but tab, DEL, C1),
// bidirectional overrides and line/paragraph separators are shown as
// escapes (`\x1b`, `\u202e`) instead of acting on the terminal. A
// patient who types ESC sequences cannot move the cursor, rewrite lines,
// change the title or hide text from the operator reading them.
package termsafe

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Unsafe reports whether r acts on a terminal or reorders text: C0
// controls (tab and, with newlines, line feed excepted), DEL, C1 controls,
// the bidirectional embedding, override and isolate characters, and the
// Unicode line and paragraph separators.
func Unsafe(r rune, newlines bool) bool {
	switch {
	case r == '\t':
		return false
	case r == '\n':
		return !newlines
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// Line returns s for one line of terminal output: every unsafe character,
// newlines included, escaped; invalid UTF-8 bytes as \xNN.
func Line(s string) string { return escape(s, false) }

// Text returns s like Line but keeps newlines.
func Text(s string) string { return escape(s, true) }

func escape(s string, newlines bool) string {
	clean := true
	for i, r := range s {
		if Unsafe(r, newlines) || r == utf8.RuneError && isBad(s[i:]) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case Unsafe(r, newlines) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case Unsafe(r, newlines):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func isBad(s string) bool {
	_, n := utf8.DecodeRuneInString(s)
	return n <= 1
}

// JSON rewrites encoded JSON so that no raw DEL, C1, bidirectional or
// separator character is left in it: each becomes its \uXXXX escape, which
// decodes to the same string (encoding/json already escapes C0 controls).
func JSON(b []byte) []byte {
	if !bytes.ContainsFunc(b, func(r rune) bool { return Unsafe(r, true) && r >= 0x7f }) {
		return b
	}
	var out bytes.Buffer
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r >= 0x7f && Unsafe(r, true) {
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.Write(b[i : i+n])
		}
		i += n
	}
	return out.Bytes()
}
