package flow

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/kapbot/kapbot/internal/catalog"
)

// Defaults of a question.
const (
	DefaultMaxAttempts = 3
	DefaultMaxLen      = 1000
	DefaultLikertMin   = 1
	DefaultLikertMax   = 5
)

// askKeys are the keys of an `ask:` mapping (questionnaire items take them too).
var askKeys = []string{"type", "text", "choices", "min", "max", "max_len", "low", "high", "short", "reprompt", "max_attempts", "fallback"}

var askTypes = []string{string(AskChoice), string(AskMulti), string(AskYesNo), string(AskNumber), string(AskText), string(AskLikert), string(AskDate)}

// askTypeKeys lists the keys of a question that only some question types
// take. The JSON Schema states the same rule (TestSchemaAskTypeKeys).
var askTypeKeys = []struct {
	key   string
	types []AskType
}{
	{"choices", []AskType{AskChoice, AskMulti}},
	{"min", []AskType{AskNumber, AskLikert, AskMulti}},
	{"max", []AskType{AskNumber, AskLikert, AskMulti}},
	{"max_len", []AskType{AskText}},
	{"low", []AskType{AskLikert}},
	{"high", []AskType{AskLikert}},
}

// parsedChoices is a decoded choices list.
type parsedChoices struct {
	choices []Choice
	numeric bool
}

// parseChoices decodes a list of {value, label}.
func (c *compiler) parseChoices(r *reader, n *yaml.Node, key string) *parsedChoices {
	items, ok := r.seq(n, key)
	if !ok {
		return nil
	}
	pc := &parsedChoices{numeric: len(items) > 0}
	if len(items) == 0 {
		r.errorf(n, "%s: the list is empty; give at least one {value: ..., label: ...}", key)
		return nil
	}
	firstAt := map[string]int{}
	for _, it := range items {
		m := r.mapping(it, nil, "choice", "value", "label")
		if m == nil {
			pc.numeric = false
			continue
		}
		ch := Choice{}
		v := m.require("value", "what is stored, e.g. value: 2 or value: often")
		pc.numeric = pc.numeric && v != nil && (v.Tag == "!!int" || v.Tag == "!!float")
		if s, ok := r.str(v, "value"); v != nil && ok {
			if v.Tag == "!!int" || v.Tag == "!!float" {
				if f, ok := parseNumber(v); ok {
					ch.Num = &f
					s = strconv.FormatFloat(f, 'f', -1, 64)
				} else {
					pc.numeric = false
				}
			}
			ch.Value = s
			switch {
			case s == "":
				r.errorf(v, "value: empty value; give each choice a value")
			case len(s) > MaxValueBytes:
				r.errorf(v, "value: %d bytes, over the %d-byte limit (Telegram button data holds 64 bytes, and kapbot adds the prompt number); use a shorter value", len(s), MaxValueBytes)
			}
			if line, dup := firstAt[s]; dup {
				r.errorf(v, "value: duplicate value %q (also on line %d); values must differ within a question", s, line)
			} else {
				firstAt[s] = v.Line
			}
		}
		if l := m.require("label", "what the patient sees"); l != nil {
			ch.Label = r.text(l, "label", textLabel)
		}
		pc.choices = append(pc.choices, ch)
	}
	if !pc.numeric {
		for i := range pc.choices {
			pc.choices[i].Num = nil
		}
	}
	return pc
}

// askSpec says where an ask is decoded.
type askSpec struct {
	item     bool           // a questionnaire item: no fallback; type defaults to choice
	options  *parsedChoices // a questionnaire's default choices
	fallback **yaml.Node    // out: the fallback value node, for the jump check
}

// parseAsk decodes a question from m (an `ask:` mapping, or an item).
func (c *compiler) parseAsk(r *reader, m *mapNode, spec askSpec) *Ask {
	a := &Ask{MaxAttempts: DefaultMaxAttempts, MaxLen: DefaultMaxLen}
	choicesNode := m.get("choices")
	if tn := m.get("type"); tn != nil {
		if s, ok := r.str(tn, "type"); ok {
			if !slices.Contains(askTypes, s) {
				r.errorf(tn, "type: unknown question type %q%s (types: %s)", s, didYouMean(s, askTypes), list(askTypes, true))
				return nil
			}
			a.Type = AskType(s)
		} else {
			return nil
		}
	} else if spec.item || choicesNode != nil {
		a.Type = AskChoice
	} else {
		r.errorf(m.at, "%s: missing key \"type\" (%s)", m.name, list(askTypes, true))
		return nil
	}
	if t := m.require("text", "the question shown to the patient"); t != nil {
		a.Text = r.text(t, "text", textQuestion)
	}
	if n := m.get("short"); n != nil {
		a.Short = r.text(n, "short", textMessage)
	} else {
		a.Short = a.Text
	}
	if n := m.get("reprompt"); n != nil {
		a.Reprompt = r.text(n, "reprompt", textMessage)
	}
	if n := m.get("max_attempts"); n != nil {
		if v, ok := r.integer(n, "max_attempts"); ok {
			if v < 1 {
				r.errorf(n, "max_attempts: must be at least 1")
			} else {
				a.MaxAttempts = v
			}
		}
	}
	if n := m.get("fallback"); n != nil {
		if spec.item {
			r.errorf(m.keyNode("fallback"), "fallback: questionnaire items cannot jump; after max_attempts the item is left unanswered (missing, or unknown for an unknown: true item)")
		} else if _, ok := r.ident(n, "fallback", "step id"); ok && spec.fallback != nil {
			*spec.fallback = n
			a.Fallback = n.Value
		}
	}

	only := func(key string, types ...AskType) {
		if k := m.keyNode(key); k != nil && !slices.Contains(types, a.Type) {
			names := make([]string, len(types))
			for i, t := range types {
				names[i] = string(t)
			}
			r.errorf(k, "%s: a %s question takes no %s (only %s do)", key, a.Type, key, list(names, true))
		}
	}
	for _, k := range askTypeKeys {
		only(k.key, k.types...)
	}

	var minV, maxV *float64
	for _, key := range []string{"min", "max"} {
		n := m.get(key)
		if n == nil || !slices.Contains([]AskType{AskNumber, AskLikert, AskMulti}, a.Type) {
			continue
		}
		var v float64
		var ok bool
		if a.Type == AskNumber {
			v, ok = r.number(n, key)
		} else {
			var i int
			i, ok = r.integer(n, key)
			v = float64(i)
		}
		if !ok {
			continue
		}
		if key == "min" {
			minV = &v
		} else {
			maxV = &v
		}
	}
	if minV != nil && maxV != nil && *minV > *maxV {
		r.errorf(m.get("max"), "max: %s is less than min %s", fmtNum(*maxV), fmtNum(*minV))
		maxV = nil
	}
	a.Min, a.Max = minV, maxV

	switch a.Type {
	case AskChoice, AskMulti:
		var pc *parsedChoices
		if choicesNode != nil {
			pc = c.parseChoices(r, choicesNode, "choices")
		} else if spec.options != nil {
			pc = spec.options
		} else if spec.item {
			r.errorf(m.at, "%s: missing key \"choices\", and the questionnaire has no options: for its items", m.name)
		} else {
			r.errorf(m.at, "%s: missing key \"choices\" (a list of {value: ..., label: ...})", m.name)
		}
		if pc != nil {
			a.Choices = slices.Clone(pc.choices)
			a.Numeric = pc.numeric
			limit := MaxChoices
			what := ""
			if a.Type == AskMulti {
				limit--
				what = " (a multi question also needs its Done button)"
			}
			switch {
			case len(a.Choices) <= limit:
			case choicesNode != nil:
				r.errorf(choicesNode, "choices: %d choices, over Discord's limit of %d buttons per message%s; split the question", len(a.Choices), limit, what)
			case len(a.Choices) <= MaxChoices: // the questionnaire's options, fine for choice items
				r.errorf(m.at, "%s: the questionnaire's %d options are over Discord's limit of %d buttons per message%s; give this item fewer choices", m.name, len(a.Choices), limit, what)
			}
		}
		if a.Type == AskMulti {
			if a.Min != nil && *a.Min < 0 {
				r.errorf(m.get("min"), "min: the fewest picks cannot be negative")
			}
			if a.Max != nil && pc != nil && int(*a.Max) > len(a.Choices) {
				r.errorf(m.get("max"), "max: %s picks, but there are only %d choices", fmtNum(*a.Max), len(a.Choices))
			}
		}
	case AskYesNo:
		a.Choices = []Choice{
			{Value: "yes", Label: c.catalogText(r, catalog.Yes)},
			{Value: "no", Label: c.catalogText(r, catalog.No)},
		}
	case AskLikert:
		c.likert(r, m, a)
	case AskText:
		if n := m.get("max_len"); n != nil {
			if v, ok := r.integer(n, "max_len"); ok {
				if v < 1 {
					r.errorf(n, "max_len: must be at least 1")
				} else {
					a.MaxLen = v
				}
			}
		}
	}
	return a
}

// labelLocales is the locales generated labels are written in.
func (c *compiler) labelLocales(r *reader) []string {
	if c.locales != nil {
		return c.locales
	}
	return []string{r.locale}
}

// catalogText is a catalogue text (with the clinic's overrides) in every locale.
func (c *compiler) catalogText(r *reader, key string) Text {
	t := Text{}
	for _, l := range c.labelLocales(r) {
		t[l] = c.cat.Text(key, l)
	}
	return t
}

// likert generates the choices of a likert question: "1 – low", "2", ...,
// "5 – high".
func (c *compiler) likert(r *reader, m *mapNode, a *Ask) {
	lo, hi := float64(DefaultLikertMin), float64(DefaultLikertMax)
	if a.Min != nil {
		lo = *a.Min
	}
	if a.Max != nil {
		hi = *a.Max
	}
	if a.Min != nil && a.Max == nil && lo > hi {
		r.errorf(m.get("min"), "min: %s is above the default max %d; give max too", fmtNum(lo), DefaultLikertMax)
		return
	}
	if a.Max != nil && a.Min == nil && hi < lo {
		r.errorf(m.get("max"), "max: %s is below the default min %d; give min too", fmtNum(hi), DefaultLikertMin)
		return
	}
	a.Min, a.Max = &lo, &hi
	if n := int(hi-lo) + 1; n > MaxChoices {
		at := m.get("max")
		if at == nil {
			at = m.at
		}
		r.errorf(at, "max: a scale of %d points is over Discord's limit of %d buttons per message", n, MaxChoices)
		return
	}
	var low, high Text
	if n := m.get("low"); n != nil {
		low = r.text(n, "low", textLabel)
	}
	if n := m.get("high"); n != nil {
		high = r.text(n, "high", textLabel)
	}
	a.Numeric = true
	for v := lo; v <= hi; v++ {
		num := v
		ch := Choice{Value: strconv.Itoa(int(v)), Num: &num, Label: Text{}}
		for _, l := range c.labelLocales(r) {
			label := ch.Value
			switch {
			case v == lo && low != nil:
				label = ch.Value + " – " + low.In(l, r.locale)
			case v == hi && high != nil:
				label = ch.Value + " – " + high.In(l, r.locale)
			}
			ch.Label[l] = label
		}
		a.Choices = append(a.Choices, ch)
	}
	reported := map[string]bool{}
	for _, ch := range a.Choices {
		for _, l := range sortedKeys(ch.Label) {
			n := len([]rune(ch.Label[l]))
			if n <= MaxLabel {
				continue
			}
			key := "low"
			if *ch.Num == hi {
				key = "high"
			}
			if !reported[key+l] && len([]rune(map[string]Text{"low": low, "high": high}[key][l])) <= MaxLabel {
				reported[key+l] = true
				r.errorf(m.get(key), "%s: with its number the label is %d characters (%s), over Discord's %d-character button label limit; shorten it", key, n, l, MaxLabel)
			}
		}
	}
}

// fmtNum formats a number for messages: "3", "2.5".
func fmtNum(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatFloat(f, 'f', 0, 64)
	}
	return fmt.Sprint(f)
}

// answerType is the type an answer to a has in expressions.
func answerType(a *Ask) VarType {
	switch a.Type {
	case AskChoice:
		if a.Numeric {
			return TypeNumber
		}
		return TypeText
	case AskMulti:
		return TypeList
	case AskYesNo:
		return TypeBool
	case AskNumber, AskLikert:
		return TypeNumber
	default:
		return TypeText
	}
}
