package runner

import (
	"container/list"
	"strings"
	"sync"

	"github.com/kapbot/kapbot/internal/engine"
)

// patientLock serialises the handling of one patient inside this process, so
// that their messages are applied one at a time, in arrival order (step),
// and their outbox is performed by one delivery at a time (deliver). Across
// processes the store's compare-and-set keeps every answer applied once.
type patientLock struct {
	step, deliver sync.Mutex
	users         int // holding or waiting for either; under Runner.mu
}

// heldLock is a patient's step or delivery lock, held until unlock.
type heldLock struct {
	r       *Runner
	patient string
	l       *patientLock
	mu      *sync.Mutex
}

// lock waits for the patient's step lock: unlock := r.lock(p).unlock.
func (r *Runner) lock(patient string) heldLock { return r.take(patient, false) }

// lockDelivery waits for the patient's delivery lock: whoever performs a
// patient's outbox holds it, so two deliveries of one patient never run
// at once in this process.
func (r *Runner) lockDelivery(patient string) heldLock { return r.take(patient, true) }

func (r *Runner) take(patient string, delivery bool) heldLock {
	r.mu.Lock()
	l := r.locks[patient]
	if l == nil {
		if n := len(r.spare); n > 0 {
			l, r.spare = r.spare[n-1], r.spare[:n-1]
		} else {
			l = &patientLock{}
		}
		r.locks[patient] = l
	}
	l.users++
	r.mu.Unlock()
	mu := &l.step
	if delivery {
		mu = &l.deliver
	}
	mu.Lock()
	return heldLock{r: r, patient: patient, l: l, mu: mu}
}

func (h heldLock) unlock() {
	h.mu.Unlock()
	h.r.mu.Lock()
	h.l.users--
	if h.l.users == 0 {
		// No one holds or waits for either mutex: both are unlocked, and
		// the entry can serve the next patient taken.
		delete(h.r.locks, h.patient)
		if len(h.r.spare) < maxSpareLocks {
			h.r.spare = append(h.r.spare, h.l)
		}
	}
	h.r.mu.Unlock()
}

// maxSpareLocks bounds the unused patient locks a Runner keeps.
const maxSpareLocks = 1024

// cachedSession is a session as last committed by this process.
type cachedSession struct {
	version int64
	state   engine.State
	// at is the cache's entry get found it in: put updates that entry
	// without looking the patient up again while it is still cached.
	at *list.Element
}

// sessionCache keeps recently committed sessions so that the common case, a
// patient answering the question this process just asked, needs no read
// before the commit: one round trip per message. A stale entry is harmless:
// the commit's version check refuses it and returns what is stored.
type sessionCache struct {
	mu    sync.Mutex
	max   int
	order *list.List
	items map[string]*list.Element
}

type cacheEntry struct {
	key  string
	val  cachedSession
	gone bool // dropped or evicted: put looks the key up again
}

func newSessionCache(max int) *sessionCache {
	return &sessionCache{max: max, order: list.New(), items: map[string]*list.Element{}}
}

func (c *sessionCache) get(k string) (cachedSession, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[k]; ok {
		c.order.MoveToFront(e)
		v := e.Value.(*cacheEntry).val
		v.at = e
		return v, true
	}
	return cachedSession{}, false
}

func (c *sessionCache) put(k string, v cachedSession) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := v.at
	v.at = nil
	if e != nil {
		if ce := e.Value.(*cacheEntry); !ce.gone && ce.key == k {
			ce.val = v
			c.order.MoveToFront(e)
			return
		}
	}
	if e, ok := c.items[k]; ok {
		e.Value.(*cacheEntry).val = v
		c.order.MoveToFront(e)
		return
	}
	c.items[k] = c.order.PushFront(&cacheEntry{key: k, val: v})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		ce := last.Value.(*cacheEntry)
		ce.gone = true
		delete(c.items, ce.key)
	}
}

func (c *sessionCache) drop(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[k]; ok {
		e.Value.(*cacheEntry).gone = true
		c.order.Remove(e)
		delete(c.items, k)
	}
}

// keys returns the cached patients whose id starts with prefix, most
// recently used first.
func (c *sessionCache) keys(prefix string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for e := c.order.Front(); e != nil; e = e.Next() {
		if k := e.Value.(*cacheEntry).key; strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	return out
}
