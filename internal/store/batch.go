package store

import (
	"context"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// writeQueue gathers the writes of concurrent callers (commits and outbox
// acks of different patients) while a pipeline is in flight, and sends them
// to Redis together in the next one: a group commit. Many patients' writes
// then cost one round trip, and one write and one read system call on each
// side, instead of one each. Every caller still returns only once Redis has
// answered its own commands, so a commit is as durable when Commit returns
// as it was when it had a round trip of its own.
type writeQueue struct {
	sync.Mutex
	queue []*write
	busy  bool // a flusher is running
}

// write is one caller's commands waiting for their pipeline.
type write struct {
	add  func(redis.Pipeliner) // queues the caller's commands
	done chan struct{}         // closed once Redis answered them
}

// maxBatch bounds the writes of one pipeline, so that one slow batch does
// not hold the queue's callers for long.
const maxBatch = 256

// writeTimeout bounds one pipeline of writes.
const writeTimeout = 10 * time.Second

// send has add queue its commands in the next pipeline, and waits until
// Redis has answered them: each command then holds its own reply or error
// (a broken connection sets it on every command). The commands of one send
// are sent in order, one after the other; commands of other sends (other
// patients) may come between them, and on a Redis Cluster commands for
// different nodes run in parallel. It returns ctx's error when ctx ends
// first: the commands may then still be applied, and the caller must not
// read them.
func (s *Store) send(ctx context.Context, add func(redis.Pipeliner)) error {
	w := &write{add: add, done: make(chan struct{})}
	s.writes.Lock()
	s.writes.queue = append(s.writes.queue, w)
	lead := !s.writes.busy
	s.writes.busy = true
	s.writes.Unlock()
	if lead {
		go s.flushWrites()
	}
	select {
	case <-w.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// flushWrites sends the queued writes in pipelines until none is left.
func (s *Store) flushWrites() {
	for {
		s.writes.Lock()
		batch := s.writes.queue
		if len(batch) > maxBatch {
			batch = batch[:maxBatch:maxBatch]
			s.writes.queue = s.writes.queue[maxBatch:]
		} else {
			s.writes.queue = nil
		}
		if len(batch) == 0 {
			s.writes.busy = false
			s.writes.Unlock()
			return
		}
		s.writes.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), writeTimeout)
		pipe := s.rdb.Pipeline()
		for _, w := range batch {
			w.add(pipe)
		}
		pipe.Exec(ctx) // each command carries its own reply or error
		cancel()
		for _, w := range batch {
			close(w.done)
		}
	}
}
