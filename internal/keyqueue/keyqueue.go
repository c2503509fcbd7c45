// Package keyqueue runs work in order per key: the items of one key (one
// patient's events) one at a time, in the order they were pushed; different
// keys concurrently. Both chat channels queue each patient's events with it,
// so double taps and fast presses reach the runner in order.
package keyqueue

import "sync"

// Result says what Push did with an item.
type Result int

const (
	Queued  Result = iota // the item waits for (or starts) its key's worker
	Full                  // the key already holds Limit items: dropped
	Refused               // no worker could start (shutting down): dropped, with the key's queue
)

// Queue holds the waiting items of every key that has a worker running. The
// zero value is not usable; use New.
type Queue[K comparable, T any] struct {
	run   func(K, T) bool
	spawn func(func()) bool
	limit int

	mu    sync.Mutex
	items map[K][]T // present while the key's worker runs
}

// New returns a queue that runs run(key, item) for each item, in order per
// key, on a worker per key started with spawn (which runs the function in a
// goroutine and reports whether it did; nil: a plain goroutine). When run
// returns false (its context ended) the worker stops and leaves the key's
// remaining items queued, unrun. limit bounds the items waiting per key (0:
// no bound).
func New[K comparable, T any](run func(K, T) bool, spawn func(func()) bool, limit int) *Queue[K, T] {
	if spawn == nil {
		spawn = func(f func()) bool { go f(); return true }
	}
	return &Queue[K, T]{run: run, spawn: spawn, limit: limit, items: map[K][]T{}}
}

// Push appends item to key's queue and starts the key's worker if none runs.
func (q *Queue[K, T]) Push(key K, item T) Result {
	q.mu.Lock()
	waiting, running := q.items[key]
	if q.limit > 0 && len(waiting) >= q.limit {
		q.mu.Unlock()
		return Full
	}
	q.items[key] = append(waiting, item)
	q.mu.Unlock()
	if running {
		return Queued
	}
	if !q.spawn(func() { q.drain(key) }) {
		q.mu.Lock()
		delete(q.items, key)
		q.mu.Unlock()
		return Refused
	}
	return Queued
}

// drain runs key's items until its queue is empty (or run says stop).
func (q *Queue[K, T]) drain(key K) {
	for {
		q.mu.Lock()
		waiting := q.items[key]
		if len(waiting) == 0 {
			delete(q.items, key)
			q.mu.Unlock()
			return
		}
		item := waiting[0]
		q.items[key] = waiting[1:]
		q.mu.Unlock()
		if !q.run(key, item) {
			return
		}
	}
}
