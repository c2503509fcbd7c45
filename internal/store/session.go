package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/seal"
)

// Session is a patient's stored conversation state, decrypted, and its
// version. Version 0 with nil Data means there is none.
type Session struct {
	Version int64
	Data    []byte
}

// Commit is one atomic change to a patient's data.
type Commit struct {
	// InboundID is the idempotency key of the inbound message that led to
	// this commit; "" for none. A commit whose id was applied before (among
	// the last WithSeenWindow ids, within SeenMaxAge) is a Duplicate.
	InboundID string
	// Expect is the version Data was computed from (0: no session yet).
	Expect int64
	// Data is the new state; the store seals it.
	Data []byte
	// Outbox are jobs to perform after the commit, appended to the outbox.
	Outbox [][]byte
	// Records are entries appended to the patient's history.
	Records [][]byte
	// Retention, when positive, replaces the store's retention for this
	// commit: the clinic's setting from the flows the session runs.
	Retention time.Duration
}

// Outcome says what a Commit did. Exactly one of Applied, Duplicate and
// Conflict is true.
type Outcome struct {
	Applied   bool  // the commit was written
	Duplicate bool  // InboundID was applied before: nothing changed
	Conflict  bool  // the stored version is not Expect: nothing changed
	Version   int64 // the stored version now
	// Ahead is, when Applied, how many jobs were in the outbox before this
	// commit's: 0 means the outbox now holds exactly c.Outbox, so the caller
	// can perform them without reading the outbox back.
	Ahead int64
	// Current is the stored session on a Conflict, so the caller can compute
	// the change again without another round trip.
	Current Session
}

// corruptReply is the commit script's error for a session value it cannot parse.
const corruptReply = "kapbot: corrupt session value"

// maxItems bounds the outbox jobs plus records of one commit (Lua's unpack).
const maxItems = 4000

// commitScript applies a Commit atomically. It touches only the keys of one
// patient (one cluster slot), and as few Redis structures as it can: the
// session and the window of applied ids are strings written with their
// expiry (SET PX), the outbox and history lists get an expiry when they are
// created, and the rest (the name, lists made earlier) only when ARGV 10
// asks for a refresh, which the caller does at most once a minute per
// patient; so a busy conversation's keys expire at most that much before
// the retention after its last commit.
//
// The window (KEYS[2]) is "w" then one 10-byte entry per applied inbound
// id, oldest first: the 6-byte id hash and 4 bytes of unix seconds (big
// endian). A window still in the zset kept before (KEYS[6]: member the id
// hash, score the seconds) is read into the string by the first commit
// with an id that applies, and removed.
//
// KEYS: session, window, outbox, records, name, old seen-id zset.
// ARGV: 1 inbound id hash (6 bytes, then 6 bytes of its legacy unkeyed
// hash, which is only looked for) or "", 2 expected version, 3 now (unix
// seconds), 4 oldest id kept (unix seconds), 5 window size, 6 retention
// (ms, 0: none), 7 the new session value ("<expected version + 1>|<sealed
// state>"), 8 number of outbox jobs, 9 sealed patient id (needed only when
// there is no session yet or with 10), 10 "1" to refresh every key's
// expiry, then the jobs, then the records.
//
// The script reads only the head of the stored session (GETRANGE: the
// version), not the whole sealed state, unless the version is not the
// expected one.
// Returns {0, version, jobs already in the outbox} applied, {1, version} duplicate, {2, version, value}
// conflict, where value is the stored session value or "".
var commitScript = redis.NewScript(commitLua + `
local r = commit(0, 0, #ARGV)
if r[1] == 3 then return redis.error_reply('ERR ` + corruptReply + `') end
return r
`)

// commitLua defines commit(ko, ao, na), the commit script's work for the
// patient whose keys are KEYS[ko+1] to KEYS[ko+6] and whose na arguments
// are ARGV[ao+1] to ARGV[ao+na]; it returns the script's reply, or {3} for
// a session value it cannot parse.
const commitLua = `
local function commit(ko, ao, na)
  local cur = redis.call('GETRANGE', KEYS[ko + 1], 0, 19)
  local ver = 0
  if cur ~= '' then
    local bar = string.find(cur, '|', 1, true)
    ver = bar and tonumber(string.sub(cur, 1, bar - 1))
    if not ver then return {3} end
  end
  local id = string.sub(ARGV[ao + 1], 1, 6)
  local legacy = string.sub(ARGV[ao + 1], 7)
  local win, imported = nil, false
  if id ~= '' then
    win = redis.call('GET', KEYS[ko + 2])
    if not win then
      win = 'w'
      local old = redis.call('ZRANGE', KEYS[ko + 6], 0, -1, 'WITHSCORES')
      for i = 1, #old, 2 do
        local t = math.floor(tonumber(old[i + 1]))
        win = win .. old[i] .. string.char(math.floor(t / 16777216) % 256, math.floor(t / 65536) % 256, math.floor(t / 256) % 256, t % 256)
      end
      imported = #old > 0
    end
    local function has(x)
      if x == '' then return false end
      local from = 2
      while true do
        local p = string.find(win, x, from, true)
        if not p then return false end
        if (p - 2) % 10 == 0 then return true end
        from = p + 1
      end
    end
    if has(id) or has(legacy) then return {1, ver} end
  end
  if ver ~= tonumber(ARGV[ao + 2]) then
    return {2, ver, redis.call('GET', KEYS[ko + 1]) or ''}
  end
  ver = ver + 1
  local ttl = tonumber(ARGV[ao + 6])
  -- The expiry goes to Redis as the argument's own text: a Lua number would
  -- be formatted with sprintf for every call.
  local function set(k, v)
    if ttl > 0 then redis.call('SET', k, v, 'PX', ARGV[ao + 6]) else redis.call('SET', k, v) end
  end
  local function expire(k)
    if ttl > 0 then redis.call('PEXPIRE', k, ARGV[ao + 6]) else redis.call('PERSIST', k) end
  end
  local refresh = ARGV[ao + 10] == '1'
  set(KEYS[ko + 1], ARGV[ao + 7])
  if cur == '' or refresh then set(KEYS[ko + 5], ARGV[ao + 9]) end
  if id ~= '' then
    -- Keep the newest window-1 ids younger than the oldest time, then add this one.
    local t = tonumber(ARGV[ao + 3])
    local n = (#win - 1) / 10
    local drop = math.max(n - tonumber(ARGV[ao + 5]) + 1, 0)
    local oldest = tonumber(ARGV[ao + 4])
    while drop < n do
      local a, b, c, d = string.byte(win, 2 + drop * 10 + 6, 2 + drop * 10 + 9)
      if ((a * 256 + b) * 256 + c) * 256 + d >= oldest then break end
      drop = drop + 1
    end
    set(KEYS[ko + 2], 'w' .. string.sub(win, 2 + drop * 10) .. id .. string.char(math.floor(t / 16777216) % 256, math.floor(t / 65536) % 256, math.floor(t / 256) % 256, t % 256))
    if imported then redis.call('DEL', KEYS[ko + 6]) end
  elseif refresh then
    expire(KEYS[ko + 2])
  end
  local njobs = tonumber(ARGV[ao + 8])
  local ahead
  if njobs > 0 then
    ahead = redis.call('RPUSH', KEYS[ko + 3], unpack(ARGV, ao + 11, ao + 10 + njobs)) - njobs
    if ahead == 0 or refresh then expire(KEYS[ko + 3]) end
  else
    ahead = redis.call('LLEN', KEYS[ko + 3])
    if ahead > 0 and refresh then expire(KEYS[ko + 3]) end
  end
  if na > 10 + njobs then
    local nrec = na - 10 - njobs
    if redis.call('RPUSH', KEYS[ko + 4], unpack(ARGV, ao + 11 + njobs, ao + na)) == nrec or refresh then expire(KEYS[ko + 4]) end
  elseif refresh then
    expire(KEYS[ko + 4])
  end
  return {0, ver, ahead}
end
`

// multiCommitScript applies the Commits of several patients, each as
// commitScript would, in one call: the per-call cost of a script (the
// call, Lua's set-up, the reply) is then paid once per group commit
// rather than once per message. KEYS: each patient's six keys, in turn;
// ARGV: the number of patients, then for each the number of its
// arguments and the arguments. It returns one reply per patient, as
// commitScript's, with {3} for a corrupt session value and {4, message}
// for an error of the patient's commands (which, as in commitScript, may
// have come after some of its writes). Its keys lie in
// many cluster slots: it declares allow-cross-slot-keys, and the store
// uses it on a single node only (a Redis Cluster, even one whose keys
// are on one node, gets commitScript per patient).
const multiCommitScript = "#!lua flags=allow-cross-slot-keys\n" + commitLua + `
local out = {}
local k, a = 0, 1
for i = 1, tonumber(ARGV[1]) do
  local n = tonumber(ARGV[a + 1])
  -- An error of one patient's commands (a key of the wrong type) fails
  -- that patient's commit only.
  local ok, r = pcall(commit, k, a + 1, n)
  if ok then out[i] = r else out[i] = {4, type(r) == 'table' and r.err or tostring(r)} end
  k = k + 6
  a = a + 1 + n
end
return out
`

// Load returns the patient's session: Version 0 and nil Data when there is
// none. It returns ErrNoPatient for an empty id, an error wrapping
// seal.ErrDecrypt when the stored state does not open (wrong data key), and
// ErrCorrupt or a wrapped Redis error otherwise.
func (s *Store) Load(ctx context.Context, patient string) (Session, error) {
	if patient == "" {
		return Session{}, ErrNoPatient
	}
	k := s.keys(patient)
	raw, err := s.rdb.Get(ctx, k.session).Bytes()
	if err := redisErr("load session", err); err == ErrNotFound {
		return Session{}, nil
	} else if err != nil {
		return Session{}, err
	}
	return s.session(k.session, raw)
}

// session decodes a stored session value "<version>|<sealed>".
func (s *Store) session(key string, raw []byte) (Session, error) {
	v, sealed, ok := bytes.Cut(raw, []byte{'|'})
	if !ok {
		return Session{}, ErrCorrupt
	}
	version, err := strconv.ParseInt(string(v), 10, 64)
	if err != nil || version < 1 {
		return Session{}, ErrCorrupt
	}
	data, err := s.open("session", key, sealed)
	if err != nil {
		return Session{}, err
	}
	if data == nil {
		data = []byte{}
	}
	return Session{Version: version, Data: data}, nil
}

// Commit applies c to the patient's data in one atomic step:
//
//   - if c.InboundID was applied before, nothing changes: Duplicate;
//   - else if the stored version is not c.Expect, nothing changes: Conflict,
//     with the stored session in Outcome.Current;
//   - else the state becomes c.Data at version c.Expect+1, the inbound id is
//     remembered, c.Outbox and c.Records are appended, and every key of the
//     patient expires after the retention period: Applied.
//
// In the common case this is one round trip. The patient is also marked as
// active (Patients) and, when c.Outbox is not empty, as pending (Pending);
// see Pending for the guarantees. Commit returns ErrNoPatient, ErrBadCommit,
// or a wrapped Redis or decryption error; Outcome is then zero. It keeps
// none of c's slices after it returns: the caller may reuse them.
func (s *Store) Commit(ctx context.Context, patient string, c Commit) (Outcome, error) {
	if patient == "" {
		return Outcome{}, ErrNoPatient
	}
	if c.Expect < 0 || len(c.Outbox)+len(c.Records) > maxItems {
		return Outcome{}, ErrBadCommit
	}
	k := s.keys(patient)
	now := s.now()
	retention := s.retention
	if c.Retention > 0 {
		retention = c.Retention
	}
	op := &commitOp{}
	op.w = write{script: &op.sc, done: make(chan struct{})}
	f := &op.f
	if c.InboundID != "" {
		// A short keyed hash: small in memory (see TestMemoryPerSession),
		// and the platform's ids stay out of Redis. With 48 bits, the
		// chance that a new id collides with one of 32 remembered ids is
		// about 1e-13. The unkeyed hash stored before pseudonyms is looked
		// for too, so a message applied just before the upgrade is not
		// applied again when it is redelivered after it.
		legacy := sha256.Sum256([]byte(c.InboundID))
		var both [12]byte
		copy(both[:6], s.namer.Sum("inbound", c.InboundID))
		copy(both[6:], legacy[:6])
		f.id = string(both[:])
	}
	// The patients index and every key's expiry are refreshed once a
	// minute (or a thousandth of the retention, if shorter) per patient,
	// not with every message.
	every := indexEvery
	if retention > 0 {
		every = min(every, retention/1000)
	}
	last, seen := s.indexed.Load(patient)
	refresh := !seen || now.Sub(last.(time.Time)) >= every
	// The sealed id is written only with a new session or a refresh.
	name := []byte{}
	if c.Expect == 0 || refresh {
		name = s.sealer.Seal([]byte(patient), []byte(k.name))
	}
	// What the commit writes, sealed; the EVALSHA command of the commit
	// script is built from it only when the script is used (on a single
	// node, a commit to an existing session goes without it: watch.go).
	keys := k.script
	if keys == nil {
		keys = k.scriptKeys()
	}
	// The session value and the sealed jobs and records share one buffer
	// of a pool: Redis has them once enqueue returns, and the buffer goes
	// back when Commit returns.
	size := 21 + len(c.Data) + seal.Overhead
	for _, j := range c.Outbox {
		size += len(j) + seal.Overhead
	}
	for _, r := range c.Records {
		size += len(r) + seal.Overhead
	}
	buf := commitBuffer(size)
	value := strconv.AppendInt((*buf)[:0], c.Expect+1, 10)
	value = s.sealer.AppendSeal(append(value, '|'), c.Data, []byte(k.session))
	rest := value[len(value):]
	value = value[:len(value):len(value)]
	items := make([]any, 0, len(c.Outbox)+len(c.Records))
	rest, items = s.appendSealed(rest, items, c.Outbox, k.outbox)
	_, items = s.appendSealed(rest, items, c.Records, k.records)
	f.k, f.boxed, f.expect, f.now, f.retention = k, keys, c.Expect, now, retention
	f.value = value
	f.name, f.refresh = name, refresh
	f.jobs, f.records = items[:len(c.Outbox)], items[len(c.Outbox):]
	sc := &op.sc
	sc.keys, sc.fast = len(keys), f
	if s.watched.Load() && c.Expect > 0 {
		f.ms = s.retentionText(retention)
		sc.watch = true
	} else {
		sc.args = s.scriptArgs(f)
	}

	if s.markFirst && len(c.Outbox) > 0 {
		// A cluster sends the pipeline below to its nodes at once: mark
		// before, so that a crash between the push and the mark after it
		// leaves the jobs marked (a mark without jobs is cleared by Outbox).
		// The mark shares a pipeline with other patients' writes too, and
		// is answered before the commit below is queued.
		var mark *redis.IntCmd
		shard, name := s.pendingShard(k.pseudonym), k.pseudonym // not k: the closure would move it to the heap
		err := s.send(ctx, func(pipe redis.Pipeliner) {
			mark = pipe.SAdd(context.Background(), shard, name)
		})
		if err == nil {
			err = mark.Err()
		}
		if err != nil {
			return Outcome{}, redisErr("commit", err)
		}
	}
	// One pipeline: the script, then the indexes, which live in other
	// slots (queueMarks). The pending mark follows the push so that Ack, which clears it
	// only after seeing an empty outbox, cannot lose it. The pipeline is
	// shared with the commits and acks of other patients made at the same
	// time (batch.go).
	if refresh {
		s.indexed.Store(patient, now)
	}
	if err := s.enqueue(ctx, &op.w); err != nil {
		return Outcome{}, redisErr("commit", err) // ctx ended: the commit may be applied or not, and the buffer in use
	}
	defer putCommitBuffer(buf)
	reply, err := sc.reply, sc.err
	for _, cmd := range sc.marks {
		if err == nil && cmd != nil {
			err = cmd.Err()
		}
	}
	if sc.err != nil && (redis.HasErrorPrefix(sc.err, "NOSCRIPT") || errors.Is(sc.err, errMultiUnsupported)) {
		// First use on this server: send the script itself (or, on a
		// server that cannot run the multi-patient script, this one
		// alone). The indexes were updated by the pipeline already.
		reply, err = commitScript.Run(ctx, s.rdb, k.all(), sc.args[3+len(keys):]...).Slice()
		if err == nil && len(c.Outbox) > 0 {
			// Mark again after the push (see clearPending).
			err = s.rdb.SAdd(ctx, s.pendingShard(k.pseudonym), k.pseudonym).Err()
		}
	} else if err == nil && s.markFirst && len(c.Outbox) > 0 {
		// On a cluster the pipeline's mark may have landed before the
		// push, and a delivery or Pending may have removed it since
		// (clearPending, a mark whose patient seemed gone): mark once more,
		// now that the push has surely landed. Without it, a crash before
		// this process delivers left the jobs unmarked, never redelivered:
		// the soak test's stuck patients.
		err = s.rdb.SAdd(ctx, s.pendingShard(k.pseudonym), k.pseudonym).Err()
	}
	if err != nil {
		if strings.Contains(err.Error(), corruptReply) {
			return Outcome{}, ErrCorrupt
		}
		return Outcome{}, redisErr("commit", err)
	}
	if sc.decided {
		return sc.out, nil // the watched path's outcome, without a script reply
	}
	return s.outcome(k.session, reply)
}

// appendSealed appends to buf each of list sealed for key, and to items
// each sealed item (a slice of buf, capped); buf has room for all. A
// function of its own rather than a closure in Commit, which would move
// buf and items to the heap.
func (s *Store) appendSealed(buf []byte, items []any, list [][]byte, key string) ([]byte, []any) {
	for _, item := range list {
		start := len(buf)
		buf = s.sealer.AppendSeal(buf, item, []byte(key))
		items = append(items, buf[start:len(buf):len(buf)])
	}
	return buf, items
}

// commitBuffers holds the buffers of commits (commitBuffer).
var commitBuffers sync.Pool

// commitBuffer returns a buffer of commitBuffers with room for size
// bytes, or a new one.
func commitBuffer(size int) *[]byte {
	if b, ok := commitBuffers.Get().(*[]byte); ok && cap(*b) >= size {
		return b
	}
	b := make([]byte, 0, max(size, 2048))
	return &b
}

// putCommitBuffer puts b back into commitBuffers, unless it is large.
func putCommitBuffer(b *[]byte) {
	if cap(*b) <= 64<<10 {
		commitBuffers.Put(b)
	}
}

// commitOp is a Commit on its way to Redis, in one allocation.
type commitOp struct {
	w  write
	sc scriptCall
	f  fastCommit
}

// scriptArgs returns the EVALSHA command of commitScript for f, whole (its
// keys come boxed from the cache of keys).
func (s *Store) scriptArgs(f *fastCommit) []any {
	args := make([]any, 0, 3+len(f.boxed)+10+len(f.jobs)+len(f.records))
	args = append(args, "evalsha", commitScript.Hash(), len(f.boxed))
	args = append(args, f.boxed...)
	args = append(args,
		f.id,
		f.expect,
		f.now.Unix(),
		f.now.Add(-SeenMaxAge).Unix(),
		s.seenWindow,
		f.retention.Milliseconds(),
		f.value,
		len(f.jobs),
		f.name,
		refreshArg(f.refresh),
	)
	args = append(args, f.jobs...)
	return append(args, f.records...)
}

func refreshArg(refresh bool) string {
	if refresh {
		return "1"
	}
	return "0"
}

// outcome decodes the commit script's reply.
func (s *Store) outcome(sessionKey string, reply []any) (Outcome, error) {
	if len(reply) == 1 && reply[0] == int64(3) {
		return Outcome{}, ErrCorrupt // multiCommitScript's word for it
	}
	if len(reply) == 2 && reply[0] == int64(4) {
		return Outcome{}, fmt.Errorf("store: commit: %v", reply[1]) // multiCommitScript's error of one patient
	}
	if len(reply) < 2 {
		return Outcome{}, fmt.Errorf("store: commit: unexpected reply of %d items", len(reply))
	}
	code, ok1 := reply[0].(int64)
	version, ok2 := reply[1].(int64)
	if !ok1 || !ok2 {
		return Outcome{}, fmt.Errorf("store: commit: unexpected reply types %T, %T", reply[0], reply[1])
	}
	switch code {
	case 0:
		out := Outcome{Applied: true, Version: version}
		if len(reply) > 2 {
			out.Ahead, _ = reply[2].(int64)
		}
		return out, nil
	case 1:
		return Outcome{Duplicate: true, Version: version}, nil
	case 2:
		out := Outcome{Conflict: true, Version: version}
		if len(reply) > 2 {
			if raw, _ := reply[2].(string); raw != "" {
				cur, err := s.session(sessionKey, []byte(raw))
				if err != nil {
					return Outcome{}, err
				}
				out.Current = cur
			}
		}
		return out, nil
	}
	return Outcome{}, fmt.Errorf("store: commit: unexpected reply code %d", code)
}
