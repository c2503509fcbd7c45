package runner

import (
	"strconv"
	"unicode/utf8"

	"github.com/kapbot/kapbot/internal/engine"
)

// appendSendJob appends the JSON of job{ID: id, Send: m} to b, byte for
// byte as json.Marshal writes it (TestSendJobJSON), without reflection:
// the step encodes a send job for nearly every message. The outbox reads
// it back with json.Unmarshal, as any other job.
func appendSendJob(b []byte, id string, m *engine.Message) []byte {
	b = append(b, '{')
	if id != "" {
		b = append(b, `"id":`...)
		b = appendJSONString(b, id)
		b = append(b, ',')
	}
	b = append(b, `"send":{"kind":`...)
	b = appendJSONString(b, string(m.Kind))
	b = append(b, `,"text":`...)
	b = appendJSONString(b, m.Text)
	if len(m.Choices) > 0 {
		b = append(b, `,"choices":[`...)
		for i, c := range m.Choices {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"value":`...)
			b = appendJSONString(b, c.Value)
			b = append(b, `,"label":`...)
			b = appendJSONString(b, c.Label)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if m.Multi {
		b = append(b, `,"multi":true`...)
	}
	if m.Seq != 0 {
		b = append(b, `,"seq":`...)
		b = strconv.AppendInt(b, int64(m.Seq), 10)
	}
	if m.Key != "" {
		b = append(b, `,"key":`...)
		b = appendJSONString(b, m.Key)
	}
	if len(m.Picked) > 0 {
		b = append(b, `,"picked":[`...)
		for i, p := range m.Picked {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, p)
		}
		b = append(b, ']')
	}
	if m.Replace {
		b = append(b, `,"replace":true`...)
	}
	if m.Numbered {
		b = append(b, `,"numbered":true`...)
	}
	return append(b, "}}"...)
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it by default: quotes, backslashes and control characters,
// '<', '>' and '&' (HTML), U+2028 and U+2029, and invalid UTF-8 as
// U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
