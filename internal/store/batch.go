package store

import (
	"context"
	"errors"
	"fmt"
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

// write is one caller's commands waiting for their pipeline: a commit
// (script), an ack (trim), or the commands add queues.
type write struct {
	script *scriptCall           // a commit, or nil
	trim   *redis.StatusCmd      // an ack: LTRIM of an outbox, or nil
	add    func(redis.Pipeliner) // queues the caller's commands, or nil
	done   chan struct{}         // closed once Redis answered them
}

// queue queues the commands of a write that is not a commit.
func (w *write) queue(pipe redis.Pipeliner) {
	if w.trim != nil {
		pipe.Process(context.Background(), w.trim)
	}
	if w.add != nil {
		w.add(pipe)
	}
}

// scriptCall is one patient's commit in a write. Through the script, on
// a single node the calls of one pipeline go to Redis as one
// multiCommitScript call; otherwise each is an EVALSHA of commitScript.
type scriptCall struct {
	args []any // the EVALSHA command of commitScript, whole; nil until needed
	keys int   // how many of args, after the first three, are keys
	fast *fastCommit
	// watch says the commit may take the watched path (watch.go): a
	// commit to an existing session on a single node. Others go through
	// the script in any case.
	watch bool
	// marks are the patients index and pending mark commands queued
	// beside the script (nil when not queued): the watched path writes
	// them in its transaction instead.
	marks [2]*redis.IntCmd
	// The flusher sets the script's reply, or the error; or, for a
	// commit the watched path decided or wrote, the outcome itself.
	reply   []any
	err     error
	decided bool
	// readWin says the watched path read the commit's window (queueWatch);
	// otherwise it uses the one the store remembers.
	readWin bool
	// tries counts the watched path's reads of the commit that a change
	// of a watched key made void (maxWatchTries).
	tries int
	out   Outcome
}

// queueMarks queues, beside c's script call, the writes the script does
// not make: the patients index on a refresh, and the pending mark after
// the push (see Commit).
func (s *Store) queueMarks(pipe redis.Pipeliner, c *scriptCall) {
	f, bg := c.fast, context.Background()
	if f.refresh {
		c.marks[0] = pipe.ZAdd(bg, s.patientsShard(f.k.pseudonym), redis.Z{Score: millis(f.now), Member: f.k.pseudonym})
	}
	if len(f.jobs) > 0 {
		c.marks[1] = pipe.SAdd(bg, s.pendingShard(f.k.pseudonym), f.k.pseudonym)
	}
}

// errMultiUnsupported is a scriptCall's error when the server could not
// run multiCommitScript (a Redis before 7.0 knows no script flags):
// nothing was applied, and the caller runs commitScript alone.
var errMultiUnsupported = errors.New("store: the server does not run the multi-patient commit script")

// maxBatch bounds the writes of one pipeline, so that one slow batch does
// not hold the queue's callers for long.
const maxBatch = 256

// maxMultiArgs bounds the arguments of one multiCommitScript call.
const maxMultiArgs = 8192

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
	return s.enqueue(ctx, &write{add: add, done: make(chan struct{})})
}

// enqueue queues w for the next pipeline and waits until Redis has
// answered it, or until ctx ends.
func (s *Store) enqueue(ctx context.Context, w *write) error {
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

// answered closes the done of the writes of batch that are not commits,
// once Redis answered them.
func answered(batch []*write) {
	for _, w := range batch {
		if w.script == nil {
			close(w.done)
		}
	}
}

// takeBatch removes from the queue the writes of the next pipeline (at most
// maxBatch) and returns them; nil when none is queued.
func (s *Store) takeBatch() []*write {
	s.writes.Lock()
	defer s.writes.Unlock()
	batch := s.writes.queue
	if len(batch) > maxBatch {
		batch = batch[:maxBatch:maxBatch]
		s.writes.queue = s.writes.queue[maxBatch:]
	} else {
		s.writes.queue = nil
	}
	if len(batch) == 0 {
		return nil
	}
	return batch
}

// flushWrites sends the queued writes in pipelines until none is left.
func (s *Store) flushWrites() {
	for {
		batch := s.takeBatch()
		if batch == nil {
			s.writes.Lock()
			if len(s.writes.queue) > 0 {
				s.writes.Unlock()
				continue
			}
			s.writes.busy = false
			s.writes.Unlock()
			return
		}
		if s.watched.Load() {
			s.flushWatched(batch) // closes each write's done
			continue
		}
		ctx, cancel := context.WithTimeout(context.Background(), writeTimeout)
		for _, w := range batch {
			if w.script != nil && w.script.args == nil {
				w.script.args = s.scriptArgs(w.script.fast) // queued for the watched path
			}
		}
		pipe := s.rdb.Pipeline()
		var calls []scriptCmd
		if s.multi.Load() {
			calls = s.addScripts(pipe, batch)
			for _, w := range batch {
				if w.script != nil {
					s.queueMarks(pipe, w.script)
				}
				w.queue(pipe)
			}
		} else {
			for _, w := range batch {
				if w.script != nil {
					calls = append(calls, scriptCmd{cmd: processScript(pipe, w.script.args), calls: []*scriptCall{w.script}})
					s.queueMarks(pipe, w.script)
				}
				w.queue(pipe)
			}
		}
		pipe.Exec(ctx) // each command carries its own reply or error
		cancel()
		for _, c := range calls {
			s.scriptReplies(c)
		}
		for _, w := range batch {
			close(w.done)
		}
	}
}

// scriptCmd is a script command in a pipeline and the calls it serves:
// one for commitScript, several for multiCommitScript.
type scriptCmd struct {
	cmd   *redis.Cmd
	calls []*scriptCall
	multi bool
}

// processScript queues the script command args (EVAL or EVALSHA, the
// script, the number of keys, the keys, ARGV) as go-redis's Eval and
// EvalSha do: a cluster routes it by its first key.
func processScript(pipe redis.Pipeliner, args []any) *redis.Cmd {
	cmd := redis.NewCmd(context.Background(), args...)
	cmd.SetFirstKeyPos(3)
	pipe.Process(context.Background(), cmd)
	return cmd
}

// addScripts queues the script calls of batch as multiCommitScript calls
// of at most maxMultiArgs arguments (a call alone as commitScript).
func (s *Store) addScripts(pipe redis.Pipeliner, batch []*write) []scriptCmd {
	var out []scriptCmd
	var group []*scriptCall
	size := 0
	flush := func() {
		switch len(group) {
		case 0:
		case 1:
			out = append(out, scriptCmd{cmd: processScript(pipe, group[0].args), calls: group})
		default:
			keys, argv := 0, 1
			for _, c := range group {
				keys += c.keys
				argv += 1 + len(c.args) - 3 - c.keys
			}
			args := make([]any, 0, 3+keys+argv)
			args = append(args, "eval", s.multiScript, keys)
			for _, c := range group {
				args = append(args, c.args[3:3+c.keys]...)
			}
			args = append(args, len(group))
			for _, c := range group {
				args = append(args, len(c.args)-3-c.keys)
				args = append(args, c.args[3+c.keys:]...)
			}
			out = append(out, scriptCmd{cmd: processScript(pipe, args), calls: group, multi: true})
		}
		group, size = nil, 0
	}
	for _, w := range batch {
		if w.script == nil {
			continue
		}
		if n := len(w.script.args); size+n > maxMultiArgs {
			flush()
		}
		group = append(group, w.script)
		size += len(w.script.args)
	}
	flush()
	return out
}

// scriptReplies hands the reply of a script command to its calls.
func (s *Store) scriptReplies(c scriptCmd) {
	reply, err := c.cmd.Slice()
	if !c.multi {
		c.calls[0].reply, c.calls[0].err = reply, err
		return
	}
	if err != nil && redis.HasErrorPrefix(err, "Error compiling script") {
		// A server without script flags (Redis 6): the script did not
		// run. Use commitScript alone from now on.
		s.multi.Store(false)
		err = errMultiUnsupported
	}
	if err == nil && len(reply) != len(c.calls) {
		err = fmt.Errorf("store: commit: %d replies for %d patients", len(reply), len(c.calls))
	}
	for i, call := range c.calls {
		if err != nil {
			call.err = err
			continue
		}
		r, ok := reply[i].([]any)
		if !ok {
			call.err = fmt.Errorf("store: commit: unexpected reply type %T", reply[i])
			continue
		}
		call.reply = r
	}
}
