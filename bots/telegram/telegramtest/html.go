package telegramtest

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
)

// htmlTags are the tags Telegram's HTML parse mode accepts.
var htmlTags = map[string]bool{
	"b": true, "strong": true, "i": true, "em": true, "u": true, "ins": true,
	"s": true, "strike": true, "del": true, "span": true, "tg-spoiler": true,
	"a": true, "code": true, "pre": true, "blockquote": true, "tg-emoji": true,
}

// errEntities is wrapped by every HTML parse error.
var errEntities = errors.New("can't parse entities")

// parseHTML checks s the way Telegram's HTML parse mode does, strictly: only
// the supported tags, properly nested and closed; every '<', '>' and '&' that
// is not part of a tag or an entity is an error. It returns the text the
// patient sees (tags removed, entities decoded).
func parseHTML(s string) (string, error) {
	var out strings.Builder
	var stack []string
	for i := 0; i < len(s); {
		switch c := s[i]; c {
		case '<':
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				return "", fmt.Errorf("%w: can't find end of the tag at byte offset %d", errEntities, i)
			}
			tag := s[i+1 : i+end]
			if strings.HasPrefix(tag, "/") {
				name := strings.ToLower(strings.TrimSpace(tag[1:]))
				if len(stack) == 0 || stack[len(stack)-1] != name {
					return "", fmt.Errorf("%w: unexpected end tag at byte offset %d", errEntities, i)
				}
				stack = stack[:len(stack)-1]
			} else {
				name, attrs, _ := strings.Cut(tag, " ")
				name = strings.ToLower(name)
				if !htmlTags[name] {
					return "", fmt.Errorf("%w: unsupported start tag %q at byte offset %d", errEntities, name, i)
				}
				if name == "span" && !strings.Contains(attrs, `class="tg-spoiler"`) {
					return "", fmt.Errorf("%w: tag \"span\" must have class \"tg-spoiler\" at byte offset %d", errEntities, i)
				}
				stack = append(stack, name)
			}
			i += end + 1
		case '>':
			return "", fmt.Errorf("%w: character '>' is reserved at byte offset %d", errEntities, i)
		case '&':
			end := strings.IndexByte(s[i:], ';')
			if end < 0 {
				return "", fmt.Errorf("%w: character '&' is reserved at byte offset %d", errEntities, i)
			}
			r, ok := entity(s[i+1 : i+end])
			if !ok {
				return "", fmt.Errorf("%w: unsupported HTML entity at byte offset %d", errEntities, i)
			}
			out.WriteRune(r)
			i += end + 1
		default:
			out.WriteByte(c)
			i++
		}
	}
	if len(stack) > 0 {
		return "", fmt.Errorf("%w: can't find end tag corresponding to start tag %q", errEntities, stack[len(stack)-1])
	}
	return out.String(), nil
}

// entity decodes the name of an HTML entity (between '&' and ';'): the four
// named ones Telegram supports and numeric ones.
func entity(name string) (rune, bool) {
	switch name {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	}
	if !strings.HasPrefix(name, "#") || len(name) < 2 {
		return 0, false
	}
	var n uint64
	var err error
	if name[1] == 'x' || name[1] == 'X' {
		n, err = strconv.ParseUint(name[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(name[1:], 10, 32)
	}
	if err != nil || n == 0 || n > 0x10FFFF {
		return 0, false
	}
	return rune(n), true
}

// textLen is the length Telegram limits: UTF-16 code units.
func textLen(s string) int { return len(utf16.Encode([]rune(s))) }
