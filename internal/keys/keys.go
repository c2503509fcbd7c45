// Package keys looks after the data key in Redis: it checks at start-up
// that the configured keys open the stored data (Check), and re-seals
// everything sealed with a previous key under the current one (Rotate),
// while the service runs.
//
// It finds sealed values wherever they are, without knowing every key
// kind: a string (a sealed blob, or a session value "<version>|<blob>"), a
// list element, a hash field value or a stream entry field value whose
// bytes start like a sealed blob (package seal: format byte 1 or 2). The
// additional data a blob was sealed for is, in order of trial, the key's
// name, the name of the key it was set aside from (":us", ":uo", ":ur" for
// ":s", ":o", ":r"), the key and the entry's or field's id joined by a zero
// byte (webhook events), and the same for a dead-letter stream's events
// stream (":dead" dropped). A blob none of these opens is counted as
// damaged and left alone.
package keys

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/seal"
	"github.com/kapbot/kapbot/internal/store"
)

// Report counts what a Check or a Rotate found.
type Report struct {
	Keys     int // keys looked at
	Sealed   int // sealed values found
	Current  int // sealed with the current key
	Previous int // sealed with a previous key (Check) or re-sealed (Rotate)
	Unknown  int // sealed with a key the sealer does not have
	Damaged  int // naming a known key, but not opening
	Changed  int // changed under Rotate between its read and its write: left for the next pass
	// Examples names a few keys holding unknown or damaged values.
	Examples []string
}

func (r *Report) add(o Report) {
	r.Keys += o.Keys
	r.Sealed += o.Sealed
	r.Current += o.Current
	r.Previous += o.Previous
	r.Unknown += o.Unknown
	r.Damaged += o.Damaged
	r.Changed += o.Changed
	for _, e := range o.Examples {
		if len(r.Examples) < 5 && !contains(r.Examples, e) {
			r.Examples = append(r.Examples, e)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// looksSealed reports whether b starts like a sealed blob.
func looksSealed(b []byte) bool {
	switch {
	case len(b) >= seal.Overhead && b[0] == 2:
		return true
	case len(b) >= seal.Overhead-4 && b[0] == 1:
		return true
	}
	return false
}

// splitSession splits a session value "<version>|<blob>" into its head
// (with the bar) and blob; ok is false for other values.
func splitSession(v []byte) (head, blob []byte, ok bool) {
	i := bytes.IndexByte(v, '|')
	if i < 1 || i > 20 {
		return nil, nil, false
	}
	for _, c := range v[:i] {
		if c < '0' || c > '9' {
			return nil, nil, false
		}
	}
	return v[:i+1], v[i+1:], true
}

// aads lists the additional data a blob stored under key (and, in a stream
// or hash, under entry or field id) may have been sealed for.
func aads(key, id string) [][]byte {
	out := [][]byte{[]byte(key)}
	for _, s := range []string{":us", ":uo", ":ur"} {
		if strings.HasSuffix(key, s) {
			out = append(out, []byte(strings.TrimSuffix(key, s)+":"+s[2:]))
		}
	}
	if id != "" {
		out = append(out, []byte(key+"\x00"+id))
		if base, ok := strings.CutSuffix(key, ":dead"); ok {
			out = append(out, []byte(base+"\x00"+id))
		}
	}
	return out
}

// verdict classifies one blob, and re-seals it when it is sealed with a
// previous key and reseal is set.
type verdict int

const (
	vCurrent verdict = iota
	vPrevious
	vUnknown
	vDamaged
)

func classify(s *seal.Sealer, blob []byte, key, id string, reseal bool) (verdict, []byte) {
	if !s.Stale(blob) {
		// Names the current key: open it to tell current from damaged
		// only when asked to reseal nothing (Check) is not worth it.
		return vCurrent, nil
	}
	for _, aad := range aads(key, id) {
		if !s.Known(blob, aad) {
			continue
		}
		if !reseal {
			return vPrevious, nil
		}
		if nb, err := s.Reseal(blob, aad); err == nil {
			return vPrevious, nb
		}
	}
	if blob[0] == 2 && s.Known(blob, nil) {
		return vDamaged, nil
	}
	return vUnknown, nil
}

func (r *Report) count(v verdict, key string) {
	r.Sealed++
	switch v {
	case vCurrent:
		r.Current++
	case vPrevious:
		r.Previous++
	case vUnknown:
		r.Unknown++
		r.add(Report{Examples: []string{key}})
	case vDamaged:
		r.Damaged++
		r.add(Report{Examples: []string{key}})
	}
}

// ErrUnknownKey is returned by Check when stored data is sealed with a key
// the sealer does not have and no previous key is configured.
var ErrUnknownKey = errors.New("data in Redis is sealed with another key than KAPBOT_DATA_KEY, and KAPBOT_DATA_KEY_PREVIOUS is not set: set KAPBOT_DATA_KEY to the key the data was sealed with, or put that key in KAPBOT_DATA_KEY_PREVIOUS (then run kapbot keys rotate)")

// Check reads up to max sealed values under prefix (a few of every key,
// spread over the key space as SCAN returns it) and reports which key each
// is sealed with. It returns an error wrapping ErrUnknownKey when some are
// sealed with a key the sealer does not have and the sealer has no previous
// key: starting then would set those patients' sessions aside one by one.
// With previous keys configured, unknown values are only reported. Other
// errors are wrapped Redis errors. max <= 0 reads every value of every key
// (kapbot keys check), not a sample.
func Check(ctx context.Context, c redis.UniversalClient, prefix string, s *seal.Sealer, max int) (Report, error) {
	var rep Report
	per := int64(5) // elements read of each list, hash or stream; 0: all
	if max <= 0 {
		per, max = 0, int(^uint(0)>>1)
	}
	enough := errors.New("enough")
	err := store.ScanEach(ctx, c, store.GlobEscape(prefix)+":*", 200, func(keys []string) error {
		for _, k := range keys {
			one, err := inspect(ctx, c, s, k, per)
			if err != nil {
				return err
			}
			rep.add(one)
			if rep.Sealed >= max {
				return enough
			}
		}
		return nil
	})
	if err != nil && err != enough {
		return rep, fmt.Errorf("check data key: %w", err)
	}
	if rep.Unknown > 0 && s.Previous() == 0 {
		return rep, fmt.Errorf("%w (%d of %d values sampled)", ErrUnknownKey, rep.Unknown, rep.Sealed)
	}
	return rep, nil
}

// inspect classifies the sealed values of one key, reading at most n
// elements of a list, hash or stream (n <= 0: all).
func inspect(ctx context.Context, c redis.UniversalClient, s *seal.Sealer, key string, n int64) (Report, error) {
	rep := Report{Keys: 1}
	typ, err := c.Type(ctx, key).Result()
	if err != nil {
		return rep, err
	}
	visit := func(v []byte, id string) {
		if _, blob, ok := splitSession(v); ok && looksSealed(blob) {
			v = blob
		}
		if looksSealed(v) {
			verdict, _ := classify(s, v, key, id, false)
			rep.count(verdict, key)
		}
	}
	switch typ {
	case "string":
		v, err := c.Get(ctx, key).Bytes()
		if err != nil && !errors.Is(err, redis.Nil) {
			return rep, err
		}
		visit(v, "")
	case "list":
		vs, err := c.LRange(ctx, key, 0, n-1).Result()
		if err != nil {
			return rep, err
		}
		for _, v := range vs {
			visit([]byte(v), "")
		}
	case "hash":
		m, err := c.HGetAll(ctx, key).Result()
		if err != nil {
			return rep, err
		}
		for f, v := range m {
			visit([]byte(v), f)
		}
	case "stream":
		var msgs []redis.XMessage
		if n > 0 {
			msgs, err = c.XRangeN(ctx, key, "-", "+", n).Result()
		} else {
			msgs, err = c.XRange(ctx, key, "-", "+").Result()
		}
		if err != nil {
			return rep, err
		}
		for _, m := range msgs {
			id, _ := m.Values["id"].(string)
			for _, v := range m.Values {
				if sv, ok := v.(string); ok {
					visit([]byte(sv), id)
				}
			}
		}
	}
	return rep, nil
}
