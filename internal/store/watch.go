package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/redisconn"
)

// The watched group commit: on a single node (one Redis, or Sentinel's
// master), the commits of one pipeline to sessions that exist go to Redis
// without a script, in two round trips on one connection:
//
//  1. WATCH the sessions and windows of applied ids, and MGET them;
//  2. decide in Go what commitScript would (duplicate, conflict, or the
//     writes), and send the writes of every applied commit in one
//     MULTI/EXEC, which Redis runs only if none of the watched keys
//     changed since the WATCH (another replica's commit, an erasure, an
//     expiry); when one did, the group is read and decided again.
//
// The stored format is commitScript's, byte for byte, so data written by
// either path, or by an older kapbot, is read by both. What the script
// pays per patient (Lua's set-up of every argument, a string hashed for
// each, a redis.call per command, the window rebuilt in Lua) is what
// issue 15 measured as most of Redis's time per message; plain commands
// in a transaction cost a fraction of it.
//
// A commit goes through the script instead when its session is missing
// (a new patient, or one erased or expired since), when the session
// value is not in the store's format (the script reports it corrupt), or
// when it carries an inbound id and the window string is missing (a
// window still in the zset kept before, which the script reads in), and
// when the group was read again maxWatchTries times without getting
// through (keys changing all the time). A second commit of one patient in
// one group goes through the script too: the first one's writes would
// not be seen by its decision.

// maxWatchTries bounds how often one group is read and decided again.
const maxWatchTries = 3

// fastCommit is what the watched path needs of a Commit.
type fastCommit struct {
	k         patientKeys
	boxed     []any // k's keys as commitScript's KEYS (session, window, ...)
	id        string
	expect    int64
	now       time.Time
	retention time.Duration
	ms        any    // retention in milliseconds, as text
	value     []byte // the new session value
	name      []byte
	refresh   bool
	jobs      []any // sealed outbox jobs
	records   []any // sealed history records
}

// plan is a commit the watched path writes: its commands' replies in
// the EXEC reply start at first; the outbox's length is at outbox.
type plan struct {
	w   *write
	win string // the window read, when the commit has an id
	// cached is the window the store wrote last (lastWrite.win), when it
	// was not read: used instead of win.
	cached []byte
	// ours says the session read is the one this store last wrote.
	ours bool
	// newWin is the window written, in the transaction's memory.
	newWin        []byte
	first, outbox int
	n             int
	// mark is the reply of the SADD that marks the patient pending: 0 for
	// none (the first reply is always a SET); shard is the patient's
	// pending shard.
	mark, shard int
	// history says the patient's history list exists, with its expiry:
	// the session read is the one this store last wrote (written).
	history bool
}

// notRead stands, among the values decide gets, for a window that was not
// read because the store remembers the one it wrote (lastWrite.win).
type notRead struct{}

// lastWrite is what the watched path remembers of the last commit it
// wrote for a patient: the end of the session value (the seal's tag,
// unique to each value), whether the history list existed after it, and
// the window of applied ids it left. A push to a list that exists needs
// no expiry of its own: the list got it when it was made, and keeps
// getting it with every refresh (as commitScript does it). So when a
// clinic changes the retention at run time, a history list keeps its old
// expiry until the patient's next refresh (a minute at most, see
// indexEvery), as with the script. Only the flusher, one at a time, uses
// them.
type lastWrite struct {
	tag     [16]byte
	history bool
	// win is the window that commit wrote (with the session's expiry),
	// when it wrote one: while the session read still ends with tag,
	// nobody else wrote since (every change to a patient's data changes
	// the session), so the next commit reads the session only, not the
	// window too. Its memory is reused by the patient's next commit.
	win    []byte
	hasWin bool
	// shared says another writer (replica) wrote the patient's session
	// since this store remembered it: the window is read every time.
	shared bool
}

// flushWatched sends batch and the batches queued after it (see
// flushWrites) on one connection, until the queue is empty, and closes
// each write's done once Redis answered its commands. A batch's writes
// that are not commits (acks) go first, then its commits through the
// script, then the WATCH and MGET of its watched commits; once they are
// read and decided, the batch's MULTI/EXEC goes in the same pipeline as
// the next batch's acks, scripts, WATCH and MGET (EXEC ends the WATCH of
// its batch, and the next batch's reads come after its writes). So a
// busy flusher pays one round trip per batch, not two, and an ack waits
// for one round trip at most.
func (s *Store) flushWatched(batch []*write) {
	ctx := redisconn.WithSingleNode(context.Background())
	conn := s.single.Conn()
	watching := false
	defer func() {
		if watching {
			// The transaction was not sent, or its reply not read: leave
			// no WATCH behind on a connection that goes back to the pool.
			uctx, cancel := context.WithTimeout(ctx, time.Second)
			conn.Process(uctx, redis.NewStatusCmd(uctx, "unwatch"))
			cancel()
		}
		conn.Close()
	}()
	pipe := conn.Pipeline()
	cur := s.queueGroup(ctx, pipe, batch)
	var prev *group // the group whose transaction is in pipe
	more := true    // take the next batch on this connection
	for cur != nil || prev != nil {
		if pipe.Len() > 0 {
			tctx, cancel := context.WithTimeout(ctx, writeTimeout)
			// Each command carries its own reply or error. After an
			// error (the connection broken, a timeout, or only a command
			// refused) the batches queued later go on a connection of
			// their own (flushWrites).
			if _, err := pipe.Exec(tctx); err != nil {
				more = false
			}
			cancel()
		}
		if prev != nil && prev.exec != nil {
			if err := prev.exec.Err(); err == nil || errors.Is(err, redis.Nil) {
				watching = false // EXEC or UNWATCH ended the WATCH
			}
		}
		if cur != nil {
			if cur.mget != nil {
				watching = true
			}
			answered(cur.batch)
		}
		if prev != nil {
			again := s.written(prev.plans, prev.exec, prev.n)
			s.scratch.release()
			if len(again) > 0 && cur == nil {
				cur = &group{}
			}
			for _, w := range again {
				cur.commits = append(cur.commits, w)
				if w.script.tries++; w.script.tries < maxWatchTries {
					cur.again = append(cur.again, w)
				} else {
					cur.scripted = append(cur.scripted, w) // keys changing all the time
				}
			}
			prev.finish(s, again)
		}
		if cur == nil {
			return
		}
		pipe = conn.Pipeline()
		s.decideGroup(ctx, conn, pipe, cur, &watching)
		prev, cur = cur, nil
		if more && s.watched.Load() {
			if b := s.takeBatch(); b != nil {
				cur = s.queueGroup(ctx, pipe, b)
			}
		}
	}
}

// group is a batch of writes on the watched path (flushWatched).
type group struct {
	batch    []*write
	commits  []*write        // the commits to answer when the group is done
	calls    []scriptCmd     // their script commands
	fast     []*write        // commits whose WATCH and MGET are queued
	mget     *redis.SliceCmd // their MGET, or nil
	patients map[string]bool // the sessions of fast
	again    []*write        // commits of the group before to read and decide again
	scripted []*write        // commits to send through the script
	plans    []plan          // the commits in the transaction
	exec     redis.Cmder     // the transaction's EXEC (or UNWATCH), or nil
	n        int             // how many commands the transaction holds
}

// queueGroup queues the commands of batch that need no read: the writes
// that are not commits, the commits that go through the script, and the
// WATCH and MGET of the others, which decideGroup decides.
func (s *Store) queueGroup(ctx context.Context, pipe redis.Pipeliner, batch []*write) *group {
	g := &group{batch: batch}
	var slow []*write
	for _, w := range batch {
		switch {
		case w.script == nil:
			w.queue(pipe)
			continue
		case !w.script.watch || g.patients[w.script.fast.k.session]:
			slow = append(slow, w) // a second commit of one patient: the first one's writes would not be seen
		default:
			if g.patients == nil {
				g.patients = make(map[string]bool, len(batch))
			}
			g.patients[w.script.fast.k.session] = true
			g.fast = append(g.fast, w)
		}
		g.commits = append(g.commits, w)
	}
	g.calls = s.queueScripts(pipe, slow)
	if len(g.fast) > 0 {
		g.mget = s.queueWatch(ctx, pipe, g.fast, false)
	}
	return g
}

// decideGroup reads what g's MGET returned (and reads again, under WATCH,
// the commits of the group before whose transaction did not run),
// decides each commit, and queues g's transaction and script calls in
// pipe.
func (s *Store) decideGroup(ctx context.Context, conn *redis.Conn, pipe redis.Pipeliner, g *group, watching *bool) {
	fast, vals := g.fast, []any(nil)
	var unread []*write
	if g.mget != nil {
		vals = s.values(g.mget, g.fast)
		if vals == nil {
			fast = nil
		} else {
			fast, vals, unread = s.unread(fast, vals)
		}
	}
	if reads := append(g.again[:len(g.again):len(g.again)], unread...); len(reads) > 0 {
		read := conn.Pipeline()
		mget := s.queueWatch(ctx, read, reads, true)
		*watching = true
		tctx, cancel := context.WithTimeout(ctx, writeTimeout)
		read.Exec(tctx)
		cancel()
		if v := s.values(mget, reads); v != nil {
			for i, w := range reads {
				if i < len(g.again) && g.patients[w.script.fast.k.session] {
					g.scripted = append(g.scripted, w)
					continue
				}
				fast = append(fast, w)
				vals = append(vals, v[2*i], v[2*i+1])
			}
		}
	}
	if s.betweenWatch != nil && len(fast) > 0 {
		s.betweenWatch()
	}
	if g.mget != nil || len(g.again) > 0 {
		plans, back := s.decide(fast, vals)
		g.plans = plans
		g.exec, g.n = s.queueMulti(ctx, pipe, plans) // UNWATCH when none
		g.scripted = append(g.scripted, back...)
	}
	g.calls = append(g.calls, s.queueScripts(pipe, g.scripted)...)
}

// unread returns the commits of fast, and their values (two each, see
// values), whose decision needs no read of their window, and the others:
// a commit whose window was not read (the store remembers the one it
// wrote) but whose session is no longer the one the store wrote, changed
// by another replica or through the script.
func (s *Store) unread(fast []*write, vals []any) ([]*write, []any, []*write) {
	var keep []*write
	var kept []any
	var unread []*write
	for i, w := range fast {
		_, notread := vals[2*i+1].(notRead)
		if w.script.fast.id != "" && notread && !s.ours(w.script.fast, vals[2*i]) {
			if keep == nil {
				keep, kept = slices.Clone(fast[:i]), slices.Clone(vals[:2*i])
			}
			unread = append(unread, w)
			if last := s.lastWrites[w.script.fast.k.session]; last != nil {
				// Another writer shares the patient: read the window with
				// the session from now on, in the pipelined MGET.
				last.hasWin, last.shared = false, true
			}
			continue
		}
		if keep != nil {
			keep, kept = append(keep, w), append(kept, vals[2*i], vals[2*i+1])
		}
	}
	if unread == nil {
		return fast, vals, nil
	}
	return keep, kept, unread
}

// ours reports whether the session value read for f (raw) is the one
// this store last wrote, with the window it remembers.
func (s *Store) ours(f *fastCommit, raw any) bool {
	last := s.lastWrites[f.k.session]
	v, ok := raw.(string)
	return ok && last != nil && last.hasWin && len(v) >= len(last.tag) && v[len(v)-len(last.tag):] == string(last.tag[:])
}

// values returns the values mget (queueWatch) read for writes, two for
// each: the session and the window (notRead when it was not read), or nil
// after setting the error on each of writes.
func (s *Store) values(mget *redis.SliceCmd, writes []*write) []any {
	vals, err := mget.Result()
	n := len(writes)
	for _, w := range writes {
		if w.script.readWin {
			n++
		}
	}
	if err == nil && len(vals) != n {
		err = fmt.Errorf("store: commit: %d values read for %d patients", len(vals), len(writes))
	}
	if err != nil {
		for _, w := range writes {
			w.script.err = err
		}
		return nil
	}
	out := make([]any, 2*len(writes))
	at := len(writes)
	for i, w := range writes {
		out[2*i], out[2*i+1] = vals[i], notRead{}
		if w.script.readWin {
			out[2*i+1] = vals[at]
			at++
		}
	}
	return out
}

// finish hands g's script replies to their commits and answers g's
// commits but those of again, which the next group answers.
func (g *group) finish(s *Store, again []*write) {
	for _, c := range g.calls {
		s.scriptReplies(c)
	}
	for _, w := range g.commits {
		if !slices.Contains(again, w) {
			close(w.done)
		}
	}
}

// queueScripts queues the script calls of writes (multiCommitScript, as
// flushWrites does), then the writes' other commands.
func (s *Store) queueScripts(pipe redis.Pipeliner, writes []*write) []scriptCmd {
	if len(writes) == 0 {
		return nil
	}
	for _, w := range writes {
		if w.script != nil && w.script.args == nil {
			w.script.args = s.scriptArgs(w.script.fast)
		}
		if w.script != nil {
			// The script writes the session: what the store remembers of
			// its last write (its window) no longer holds.
			delete(s.lastWrites, w.script.fast.k.session)
		}
	}
	calls := s.addScripts(pipe, writes)
	for _, w := range writes {
		s.queueMarks(pipe, w.script)
	}
	return calls
}

// queueWatch queues WATCH and MGET of the sessions of the commits of
// writes, and of the windows the commits with an id need: all, or only
// those the store does not remember.
func (s *Store) queueWatch(ctx context.Context, pipe redis.Pipeliner, writes []*write, all bool) *redis.SliceCmd {
	// Every change to a patient's data changes the session (a commit, an
	// erasure, SetAside, its expiry): watching it is enough. Redis checks
	// each watched key against the connection's others, so fewer is
	// cheaper.
	args := make([]any, 0, 2+3*len(writes))
	args = append(args, "watch")
	for _, w := range writes {
		args = append(args, w.script.fast.boxed[0])
	}
	pipe.Process(ctx, redis.NewStatusCmd(ctx, args...))
	// The sessions, then the windows the store does not remember (or
	// that a commit without an id does not need).
	get := append(args[len(args):len(args)], "mget")
	for _, w := range writes {
		get = append(get, w.script.fast.boxed[0])
	}
	for _, w := range writes {
		f := w.script.fast
		last := s.lastWrites[f.k.session]
		w.script.readWin = f.id != "" && (all || last == nil || !last.hasWin || last.shared)
		if w.script.readWin {
			get = append(get, f.boxed[1])
		}
	}
	mget := redis.NewSliceCmd(ctx, get...)
	pipe.Process(ctx, mget)
	return mget
}

// decide does, for each commit of writes, what commitScript does before
// it writes, on the session and window values read (vals: two per
// commit, nil for a missing key). A duplicate or a conflict gets its
// reply at once; the commits to write are returned as plans, the ones
// the script must take as back.
func (s *Store) decide(writes []*write, vals []any) (plans []plan, back []*write) {
	plans = s.scratch.plans[:0]
	for i, w := range writes {
		f := w.script.fast
		raw, ok := vals[2*i].(string)
		if !ok {
			back = append(back, w) // no session (erased, expired): the script says so
			continue
		}
		head, _, ok := strings.Cut(raw[:min(len(raw), 20)], "|")
		ver, err := strconv.ParseInt(head, 10, 64)
		if !ok || err != nil {
			back = append(back, w) // the script reports it corrupt
			continue
		}
		last := s.lastWrites[f.k.session]
		ours := last != nil && len(raw) >= len(last.tag) && raw[len(raw)-len(last.tag):] == string(last.tag[:])
		win, _ := vals[2*i+1].(string)
		var cached []byte
		if f.id != "" {
			if _, ok := vals[2*i+1].(notRead); ok {
				if !ours || !last.hasWin {
					back = append(back, w) // written by another since: the script reads the window
					continue
				}
				cached = last.win
				if inWindow(cached, f.id[:6]) || inWindow(cached, f.id[6:]) {
					w.script.decided, w.script.out = true, Outcome{Duplicate: true, Version: ver}
					continue
				}
			} else {
				if len(win) == 0 || win[0] != 'w' || (len(win)-1)%10 != 0 {
					back = append(back, w) // a window still in the old zset, or none yet
					continue
				}
				if inWindow(win, f.id[:6]) || inWindow(win, f.id[6:]) {
					w.script.decided, w.script.out = true, Outcome{Duplicate: true, Version: ver}
					continue
				}
			}
		}
		if ver != f.expect {
			w.script.reply = []any{int64(2), ver, raw}
			continue
		}
		plans = append(plans, plan{w: w, win: win, cached: cached, ours: ours, history: ours && last.history})
	}
	s.scratch.plans = plans
	return plans, back
}

// inWindow reports whether the window win ("w" and 10-byte entries)
// holds the 6-byte id hash x at the start of an entry.
func inWindow[W string | []byte](win W, x string) bool {
	if x == "" {
		return false
	}
	for p := 1; p+10 <= len(win); p += 10 {
		if string(win[p:p+6]) == x {
			return true
		}
	}
	return false
}

// appendWindow appends to dst the window after f's id is applied: the
// newest size-1 ids of win not older than the oldest time kept, then this
// one.
func appendWindow[W string | []byte](dst []byte, win W, size int, f *fastCommit) []byte {
	n := (len(win) - 1) / 10
	drop := max(n-size+1, 0)
	oldest := f.now.Add(-SeenMaxAge).Unix()
	for drop < n {
		at := 1 + drop*10 + 6
		if int64(binary.BigEndian.Uint32([]byte(win[at:at+4]))) >= oldest {
			break
		}
		drop++
	}
	dst = append(dst, 'w')
	dst = append(dst, win[1+drop*10:]...)
	dst = append(dst, f.id[:6]...)
	return binary.BigEndian.AppendUint32(dst, uint32(f.now.Unix()))
}

// scratch is the memory of the flusher's transaction (queueMulti), reused
// by the next one: the arguments of its commands and the windows it
// writes, and the plans of decide. Only the flusher, one at a time, uses
// it.
type scratch struct {
	args    []any
	windows []byte
	plans   []plan
}

// reset returns both buffers emptied, each with room for at least args
// and windows.
func (sc *scratch) reset(args, windows int) ([]any, []byte) {
	if cap(sc.args) < args {
		sc.args = make([]any, 0, args)
	}
	if cap(sc.windows) < windows {
		sc.windows = make([]byte, 0, windows)
	}
	return sc.args[:0], sc.windows[:0]
}

// release forgets the arguments and plans of the last transaction, once
// its replies are handed out, so that they do not keep sealed values alive.
func (sc *scratch) release() {
	clear(sc.args)
	clear(sc.plans)
	sc.args, sc.plans = sc.args[:0], sc.plans[:0]
}

// queueMulti queues the writes of plans in one MULTI/EXEC (an UNWATCH
// when there are none) and returns the EXEC (or UNWATCH) command and how
// many commands it holds. Each
// plan's commands are commitScript's writes: the session and the window
// with their expiry, the sealed id on a refresh, the jobs and records
// pushed and their lists given the expiry, and the patients index on a
// refresh. The pending marks come last, after every push: one SADD per
// pending shard for the patients of plans with jobs.
func (s *Store) queueMulti(ctx context.Context, pipe redis.Pipeliner, plans []plan) (redis.Cmder, int) {
	if len(plans) == 0 {
		cmd := redis.NewStatusCmd(ctx, "unwatch")
		pipe.Process(ctx, cmd)
		return cmd, 0
	}
	pipe.Process(ctx, redis.NewStatusCmd(ctx, "multi"))
	size, windows := 2*IndexShards, 0
	for i := range plans {
		size += planArgs(plans[i].w.script.fast)
		windows += len(plans[i].win) + len(plans[i].cached) + 11
	}
	// The arguments of every command, one after the other, in memory
	// reused by the next transaction (s.scratch: go-redis is done with
	// them once the pipeline returns); enough for all, so that appending
	// never moves the ones queued.
	args, wins := s.scratch.reset(size, windows)
	at := 0
	q := func(n int) {
		pipe.Process(ctx, redis.NewStatusCmd(ctx, args[len(args)-n:len(args):len(args)]...))
		at++
	}
	for i := range plans {
		p := &plans[i]
		f := p.w.script.fast
		// set (SET key value [PX ms]) and expire (PEXPIRE key ms, or
		// PERSIST key) as commitScript does them.
		set := func(key, value any) {
			if f.retention > 0 {
				args = append(args, "set", key, value, "px", f.ms)
				q(5)
			} else {
				args = append(args, "set", key, value)
				q(3)
			}
		}
		expire := func(key any) {
			if f.retention > 0 {
				args = append(args, "pexpire", key, f.ms)
				q(3)
			} else {
				args = append(args, "persist", key)
				q(2)
			}
		}
		p.first = at
		p.shard = Shard(f.k.pseudonym, IndexShards)
		set(f.boxed[0], f.value)
		if f.refresh {
			set(f.boxed[4], f.name)
		}
		if f.id != "" {
			start := len(wins)
			if p.cached != nil {
				wins = appendWindow(wins, p.cached, s.seenWindow, f)
			} else {
				wins = appendWindow(wins, p.win, s.seenWindow, f)
			}
			p.newWin = wins[start:len(wins):len(wins)]
			set(f.boxed[1], p.newWin)
		} else if f.refresh {
			expire(f.boxed[1])
		}
		p.outbox = at
		if len(f.jobs) > 0 {
			args = append(append(args, "rpush", f.boxed[2]), f.jobs...)
			q(2 + len(f.jobs))
			expire(f.boxed[2])
		} else {
			args = append(args, "llen", f.boxed[2])
			q(2)
			if f.refresh {
				expire(f.boxed[2])
			}
		}
		if len(f.records) > 0 {
			args = append(append(args, "rpush", f.boxed[3]), f.records...)
			q(2 + len(f.records))
			if !p.history || f.refresh {
				expire(f.boxed[3])
			}
		} else if f.refresh {
			expire(f.boxed[3])
		}
		if f.refresh {
			args = append(args, "zadd", s.patientsShard(f.k.pseudonym), millis(f.now), f.k.pseudonym)
			q(4)
		}
		p.n = at - p.first
	}
	for sh := range IndexShards {
		n := 0
		for i := range plans {
			p := &plans[i]
			if p.shard != sh || len(p.w.script.fast.jobs) == 0 {
				continue
			}
			m := s.markArgs(p.w.script.fast.k) // SADD, the shard's key, the pseudonym
			if n == 0 {
				args = append(args, m[:2]...)
				n = 2
			}
			args = append(args, m[2])
			p.mark = at
			n++
		}
		if n > 0 {
			q(n)
		}
	}
	s.scratch.args, s.scratch.windows = args, wins
	exec := redis.NewSliceCmd(ctx, "exec")
	pipe.Process(ctx, exec)
	return exec, at
}

// planArgs is how many arguments queueMulti gives f's commands at most
// (besides the pending shard's SADD and key).
func planArgs(f *fastCommit) int {
	n := 5 + 5 + 5 + 2 + len(f.jobs) + 3 + 2 + len(f.records) + 3 + 1 // set s, n, d; rpush o, expire; rpush r, expire; the mark
	if f.refresh {
		n += 3 + 3 + 4 // expire o and r when nothing is pushed; zadd
	}
	return n
}

// written hands each plan its reply from the EXEC reply (or UNWATCH's),
// as commitScript's: {0, version, jobs ahead}, or the error of one of its
// commands; n is how many commands the transaction holds. It returns the
// writes of plans to decide again, when the transaction did not run
// because a watched key changed.
func (s *Store) written(plans []plan, exec redis.Cmder, n int) (again []*write) {
	if len(plans) == 0 {
		return nil
	}
	replies, err := exec.(*redis.SliceCmd).Result()
	if errors.Is(err, redis.Nil) {
		for _, p := range plans {
			again = append(again, p.w)
		}
		return again
	}
	if err == nil && len(replies) != n {
		err = fmt.Errorf("store: commit: %d replies for %d commands", len(replies), n)
	}
	if s.lastWrites == nil || len(s.lastWrites) > maxNamed {
		s.lastWrites = make(map[string]*lastWrite) // forget them all, as keys does
	}
	for _, p := range plans {
		sc := p.w.script
		f := sc.fast
		last := s.lastWrites[f.k.session]
		delete(s.lastWrites, f.k.session)
		if err != nil {
			sc.err = err
			continue
		}
		for _, r := range replies[p.first : p.first+p.n] {
			if e, ok := r.(error); ok && sc.err == nil {
				sc.err = e
			}
		}
		if p.mark > 0 && sc.err == nil {
			sc.err, _ = replies[p.mark].(error)
		}
		if sc.err != nil {
			continue
		}
		if last == nil {
			last = new(lastWrite)
		}
		last.history = p.history || len(f.records) > 0
		copy(last.tag[:], f.value[len(f.value)-len(last.tag):])
		switch {
		case f.id != "":
			last.win, last.hasWin = append(last.win[:0], p.newWin...), true
		case f.refresh && p.ours && last.hasWin:
			// The window as it was, its expiry renewed with the session's.
		default:
			// The window, if any, keeps an older expiry than the
			// session's: read it next time.
			last.hasWin = false
		}
		s.lastWrites[f.k.session] = last
		length, _ := replies[p.outbox].(int64)
		sc.decided, sc.out = true, Outcome{Applied: true, Version: sc.fast.expect + 1, Ahead: length - int64(len(sc.fast.jobs))}
	}
	return nil
}
