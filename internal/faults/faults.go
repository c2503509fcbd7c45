// Package faults holds the failures a fake platform API (telegramtest,
// discordtest) was told to inject: for each method or route, a queue of
// "answer the next n requests with this status". The fakes hold their own
// lock around it.
package faults

// Plan is the failures still to inject, by key (a method or a route). The
// zero Plan is ready to use; it is not safe for concurrent use.
type Plan struct {
	m map[string][]fault
}

type fault struct{ status, n int }

// Add queues n failures with status for key, after those already queued.
func (p *Plan) Add(key string, status, n int) {
	if n <= 0 {
		return
	}
	if p.m == nil {
		p.m = map[string][]fault{}
	}
	p.m[key] = append(p.m[key], fault{status: status, n: n})
}

// Set replaces the failures queued for key with n failures with status.
func (p *Plan) Set(key string, status, n int) {
	if p.m != nil {
		delete(p.m, key)
	}
	p.Add(key, status, n)
}

// Next takes one failure for key off the queue and returns its status, or
// false when none is left.
func (p *Plan) Next(key string) (status int, ok bool) {
	q := p.m[key]
	if len(q) == 0 {
		return 0, false
	}
	f := &q[0]
	f.n--
	if f.n <= 0 {
		if len(q) == 1 {
			delete(p.m, key)
		} else {
			p.m[key] = q[1:]
		}
	}
	return f.status, true
}
