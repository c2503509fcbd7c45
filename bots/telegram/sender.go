package telegram

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/go-telegram/bot/models"
	"golang.org/x/time/rate"

	"github.com/kapbot/kapbot/internal/backoff"
	"github.com/kapbot/kapbot/internal/ratelimit"
	"github.com/kapbot/kapbot/internal/runner"
)

// sender is the outgoing queue. Each chat has a FIFO of jobs and at most one
// request in flight, so a chat's messages arrive in order. A dispatcher picks
// chats round-robin, so a chat with a long queue cannot starve the others,
// and sends only what the chat, group and bot token buckets allow. A 429 pauses
// the chat (and the bot when Telegram says the bot-wide limit was hit) for
// retry_after; 5xx and network errors pause the chat with exponential backoff
// and jitter. The dispatcher runs only while there is work.
//
// With WithSharedBotLimit the bot's token and its 429 pause are kept in
// Redis for every replica (package ratelimit): a chat otherwise ready waits
// for a permit, asked for in the background one at a time, and a pause
// another replica stored holds this one's calls as soon as a permit or
// Check brings it back. The chat and group buckets stay local.
type sender struct {
	c *Channel

	mu       sync.Mutex
	chats    map[int64]*chatQueue
	ring     []*chatQueue // chats with jobs, in round-robin order
	next     int          // ring index to look at first
	inflight int
	running  bool
	wake     chan struct{}
	global   *rate.Limiter
	pause    time.Time // bot-wide pause after a bot-wide 429

	// shared, when set, keeps the bot-wide limit for every replica in
	// place of global: while chats wait for permits the dispatcher asks
	// for them (up to maxAsking at once), and hands each to a chat's call.
	shared  *ratelimit.Limiter
	asking  int
	permits []heldPermit
}

// heldPermit is a permit of the shared limit no call has taken yet.
type heldPermit struct {
	p  ratelimit.Permit
	at time.Time // when it came, on the real clock
}

type chatQueue struct {
	id     int64
	jobs   []*job
	busy   bool // a request in flight
	inRing bool
	pause  time.Time
	lim    *rate.Limiter
	group  *rate.Limiter // negative chat ids: groups
}

// job is one Send (or edit): steps sent in order.
type job struct {
	ctx      context.Context
	chat     int64
	steps    []step
	next     int
	failures int // transient failures of the current step
	floods   int // 429s
	done     chan error
	finished bool
	// free: the job's calls take no token of the message limits (a callback
	// answer); they still wait out the pauses and go one at a time per chat.
	free bool
	// once: a failed call is not tried again (a chat action); a 429 still
	// pauses the chat.
	once bool
	// permit of the shared bot-wide limit held by the call in flight.
	permit *ratelimit.Permit
}

// step is one rate-limited Bot API call.
type step struct {
	method string
	run    func(ctx context.Context) (*models.Message, error)
	sent   func(*models.Message) // after success; may be nil
}

func newSender(c *Channel) *sender {
	s := &sender{c: c, chats: map[int64]*chatQueue{}, wake: make(chan struct{}, 1), shared: c.botLimit}
	if l := c.opt.limits; l.BotPerSecond > 0 && s.shared == nil {
		s.global = rate.NewLimiter(c.perReal(l.BotPerSecond), max(1, l.BotBurst))
	}
	return s
}

// do queues steps for chat and blocks until they were all sent, one failed for
// good, or ctx ended. A job cancelled while queued is removed; one in flight
// is aborted with its request.
func (s *sender) do(ctx context.Context, chat int64, steps []step) error {
	j, q := s.enqueue(ctx, chat, steps)
	select {
	case err := <-j.done:
		return err
	case <-ctx.Done():
		return s.abandon(q, j, ctx)
	}
}

// abandon removes j, whose ctx ended, from q unless it finished or is in
// flight (its request is aborted with ctx), and returns its outcome.
func (s *sender) abandon(q *chatQueue, j *job, ctx context.Context) error {
	s.mu.Lock()
	select {
	case err := <-j.done: // finished meanwhile
		s.mu.Unlock()
		return err
	default:
	}
	if !j.finished && !(q.busy && len(q.jobs) > 0 && q.jobs[0] == j) {
		j.finished = true
		for i, o := range q.jobs {
			if o == j {
				q.jobs = append(q.jobs[:i:i], q.jobs[i+1:]...)
				break
			}
		}
	}
	s.mu.Unlock()
	s.signal()
	return ctx.Err()
}

// chatLocked returns chat's queue, creating it.
func (s *sender) chatLocked(chat int64) *chatQueue {
	q := s.chats[chat]
	if q == nil {
		q = &chatQueue{id: chat}
		l := s.c.opt.limits
		if l.ChatPerSecond > 0 {
			q.lim = rate.NewLimiter(s.c.perReal(l.ChatPerSecond), max(1, l.ChatBurst))
		}
		if chat < 0 && l.GroupPerMinute > 0 {
			q.group = rate.NewLimiter(s.c.perReal(l.GroupPerMinute/60), max(1, l.GroupBurst))
		}
		s.chats[chat] = q
	}
	return q
}

// hold returns how long a call about chat (0: about no chat) must wait for
// the pauses after a 429, of the bot and of the chat; 0 when it may go now.
// Every Bot API call asks it first: the sender's own, callback answers
// (which wait) and chat actions (which are dropped instead).
func (s *sender) hold(chat int64) time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.c.clock.Now()
	until := later(s.pause, s.sharedPauseLocked(now))
	if q := s.chats[chat]; chat != 0 && q != nil {
		until = later(until, q.pause)
	}
	if !now.Before(until) {
		return 0
	}
	return until.Sub(now)
}

// waitHold waits until a call about chat may go; false if ctx ended first.
func (s *sender) waitHold(ctx context.Context, chat int64) bool {
	s.checkShared(ctx)
	for {
		d := s.hold(chat)
		if d <= 0 {
			return true
		}
		if !s.c.sleep(ctx, d) {
			return false
		}
	}
}

// flood records the pause a 429 (e) of any call about chat (0: about no
// chat) asks for.
func (s *sender) flood(chat int64, e *APIError) {
	s.mu.Lock()
	defer s.signal()
	defer s.mu.Unlock()
	var q *chatQueue
	if chat != 0 {
		q = s.chatLocked(chat)
	}
	s.floodLocked(q, e, s.c.clock.Now())
}

// floodLocked pauses q (nil: no chat), and the bot when e says the whole bot
// is limited, for e's retry_after, and keeps the pause in the pause store so
// that a restarted or second process honours it too.
func (s *sender) floodLocked(q *chatQueue, e *APIError, now time.Time) {
	until := now.Add(e.RetryAfter)
	var chat int64
	if q != nil {
		chat = q.id
		q.pause = later(q.pause, until)
	}
	wide := botWide(e) || q == nil
	if wide {
		s.pause = later(s.pause, until)
		if s.shared != nil {
			go s.shared.Pause(context.Background(), e.RetryAfter)
		}
	}
	s.c.log.Warn("telegram: flood limit", "method", e.Method, "chat", runner.LogID(fmt.Sprint("tg:", chat)), "retry_after", e.RetryAfter, "bot_wide", wide)
	if ps := s.c.opt.pauses; ps != nil {
		key := pauseKey(chat)
		if wide {
			key = pauseKey(0)
		}
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			if err := ps.SetPause(ctx, key, until); err != nil {
				s.c.log.Warn("telegram: pause not stored", "err", err)
			}
		}()
	}
}

// applyPauses takes pauses read from the pause store (key -> until).
func (s *sender) applyPauses(pauses map[string]time.Time) {
	s.mu.Lock()
	defer s.signal()
	defer s.mu.Unlock()
	for key, until := range pauses {
		chat, ok := parsePauseKey(key)
		if !ok {
			continue
		}
		if chat == 0 {
			s.pause = later(s.pause, until)
			continue
		}
		q := s.chatLocked(chat)
		q.pause = later(q.pause, until)
	}
}

// pauseKey names the pause of chat (0: the bot) in the pause store.
func pauseKey(chat int64) string {
	if chat == 0 {
		return "tg:bot"
	}
	return "tg:" + strconv.FormatInt(chat, 10)
}

func parsePauseKey(key string) (int64, bool) {
	if key == "tg:bot" {
		return 0, true
	}
	return parsePatient(key)
}

// later queues steps for chat and returns at once; the outcome arrives on
// the channel. The job is dropped if ctx ends while it waits.
func (s *sender) later(ctx context.Context, chat int64, steps []step) <-chan error {
	j, _ := s.enqueue(ctx, chat, steps)
	return j.done
}

// answer queues a callback answer for chat ahead of the chat's waiting
// messages (behind earlier answers and the call in flight) and waits for it.
// It takes no token of the message limits but waits out the pauses like
// every call, and, being one of the chat's calls, never goes out while
// another of the chat's calls is in flight.
func (s *sender) answer(ctx context.Context, chat int64, st step) error {
	s.checkShared(ctx)
	j := &job{ctx: ctx, chat: chat, steps: []step{st}, done: make(chan error, 1), free: true}
	s.mu.Lock()
	q := s.chatLocked(chat)
	i := 0
	if q.busy {
		i = 1 // jobs[0] is in flight
	}
	for i < len(q.jobs) && q.jobs[i].free {
		i++
	}
	q.jobs = slices.Insert(q.jobs, i, j)
	s.startLocked(q)
	s.mu.Unlock()
	s.signal()
	select {
	case err := <-j.done:
		return err
	case <-ctx.Done():
		return s.abandon(q, j, ctx)
	}
}

// action sends a chat action (typing) for chat as one of the chat's calls,
// taking no token of the message limits: it never goes out while another
// call of the chat is in flight, whose 429 would open a retry_after window
// the action falls into. It is dropped, not queued, while the chat has a
// call in flight or waiting, or the bot or the chat is paused, and not tried
// again when it fails (a 429 pauses the chat as any other). It returns
// once the action was sent, failed, or ctx ended; a request in flight when
// ctx ends goes on (up to actionTimeout): aborted, a 429 Telegram answered
// it with would go unseen, and the chat's next call would fall into its
// window.
func (s *sender) action(ctx context.Context, chat int64, st step) {
	s.checkShared(ctx)
	s.mu.Lock()
	q := s.chatLocked(chat)
	if now := s.c.clock.Now(); q.busy || len(q.jobs) > 0 || now.Before(later(later(s.pause, s.sharedPauseLocked(now)), q.pause)) {
		s.mu.Unlock()
		return
	}
	jctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), actionTimeout)
	j := &job{ctx: jctx, chat: chat, steps: []step{st}, done: make(chan error, 1), free: true, once: true}
	q.jobs = append(q.jobs, j)
	s.startLocked(q)
	s.mu.Unlock()
	s.signal()
	select {
	case <-j.done:
		cancel()
	case <-ctx.Done():
		s.abandon(q, j, ctx) // dropped if not yet sent
		time.AfterFunc(actionTimeout, cancel)
	}
}

// actionTimeout bounds a chat action: its wait in the queue and its request.
const actionTimeout = 30 * time.Second

func (s *sender) enqueue(ctx context.Context, chat int64, steps []step) (*job, *chatQueue) {
	j := &job{ctx: ctx, chat: chat, steps: steps, done: make(chan error, 1)}
	s.mu.Lock()
	q := s.chatLocked(chat)
	q.jobs = append(q.jobs, j)
	s.startLocked(q)
	s.mu.Unlock()
	s.signal()
	return j, q
}

// startLocked puts q in the ring and starts the dispatcher if needed.
func (s *sender) startLocked(q *chatQueue) {
	if !q.inRing {
		q.inRing = true
		s.ring = append(s.ring, q)
	}
	if !s.running {
		s.running = true
		go s.loop()
	}
}

func (s *sender) signal() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// loop dispatches requests until no work is left.
func (s *sender) loop() {
	for {
		s.mu.Lock()
		now := s.c.clock.Now()
		q, wait := s.pickLocked(now)
		if q != nil {
			q.busy = true
			s.inflight++
			j := q.jobs[0]
			s.mu.Unlock()
			go s.exec(q, j)
			continue
		}
		if len(s.permits) > 0 && len(s.ring) == 0 {
			s.dropPermitsLocked(0)
		}
		if len(s.ring) == 0 && s.inflight == 0 {
			s.sweepLocked(now)
			s.running = false
			s.mu.Unlock()
			return
		}
		s.mu.Unlock()
		var timer <-chan time.Time
		if wait > 0 {
			timer = s.c.clock.After(wait)
		}
		select {
		case <-s.wake:
		case <-timer:
		}
	}
}

// pickLocked returns the next chat allowed to send now, having taken its
// tokens, or how long to wait before one may be (0: until woken).
func (s *sender) pickLocked(now time.Time) (*chatQueue, time.Duration) {
	s.compactLocked()
	if s.inflight >= s.c.opt.concurrency || len(s.ring) == 0 {
		return nil, 0
	}
	if p := later(s.pause, s.sharedPauseLocked(now)); now.Before(p) {
		return nil, p.Sub(now)
	}
	var wait time.Duration
	soonest := func(d time.Duration) {
		if d > 0 && (wait == 0 || d < wait) {
			wait = d
		}
	}
	n := len(s.ring)
	for i := range n {
		idx := (s.next + i) % n
		q := s.ring[idx]
		if q.busy {
			continue
		}
		for len(q.jobs) > 0 && q.jobs[0].ctx.Err() != nil { // given up by the caller
			s.finishLocked(q, q.jobs[0], q.jobs[0].ctx.Err())
		}
		if len(q.jobs) == 0 {
			continue
		}
		if now.Before(q.pause) {
			soonest(q.pause.Sub(now))
			continue
		}
		if !q.jobs[0].free {
			if d := max(tokenWait(s.global, now), tokenWait(q.lim, now), tokenWait(q.group, now)); d > 0 {
				soonest(d)
				continue
			}
			if s.shared != nil && !s.takePermitLocked(q.jobs[0]) {
				continue // the dispatcher is woken when the permit comes
			}
			for _, l := range []*rate.Limiter{q.lim, q.group, s.global} {
				if l != nil {
					l.AllowN(now, 1)
				}
			}
		}
		s.next = idx + 1
		return q, 0
	}
	return nil, wait
}

// compactLocked drops chats without jobs from the ring.
func (s *sender) compactLocked() {
	kept := s.ring[:0]
	for i, q := range s.ring {
		if len(q.jobs) > 0 || q.busy {
			kept = append(kept, q)
			continue
		}
		q.inRing = false
		if i < s.next {
			s.next--
		}
	}
	clear(s.ring[len(kept):])
	s.ring = kept
	if s.next >= len(s.ring) || s.next < 0 {
		s.next = 0
	}
}

// sweepLocked forgets idle chats whose buckets are full again.
func (s *sender) sweepLocked(now time.Time) {
	for id, q := range s.chats {
		if q.inRing || q.busy || len(q.jobs) > 0 || now.Before(q.pause) || !full(q.lim, now) || !full(q.group, now) {
			continue
		}
		delete(s.chats, id)
	}
}

func full(l *rate.Limiter, now time.Time) bool {
	return l == nil || l.TokensAt(now) >= float64(l.Burst())
}

// tokenWait is how long until l holds a token; 0 if it does now.
func tokenWait(l *rate.Limiter, now time.Time) time.Duration {
	if l == nil {
		return 0
	}
	t := l.TokensAt(now)
	if t >= 1 {
		return 0
	}
	return time.Duration(math.Ceil((1-t)/float64(l.Limit())*float64(time.Second))) + 100*time.Microsecond
}

// finishLocked ends job j of q with err.
func (s *sender) finishLocked(q *chatQueue, j *job, err error) {
	if j.finished {
		return
	}
	j.finished = true
	j.done <- err
	for i, o := range q.jobs {
		if o == j {
			q.jobs = append(q.jobs[:i:i], q.jobs[i+1:]...)
			break
		}
	}
}

// exec sends the current step of j and applies the outcome.
func (s *sender) exec(q *chatQueue, j *job) {
	st := j.steps[j.next]
	var msg *models.Message
	cls, e := s.c.call(j.ctx, st.method, j.chat, func(ctx context.Context) error {
		var err error
		msg, err = st.run(ctx)
		return err
	})

	s.mu.Lock()
	if j.permit != nil {
		j.permit.Done()
		j.permit = nil
	}
	defer s.signal()
	defer s.mu.Unlock()
	q.busy = false
	s.inflight--
	if j.finished { // cannot happen: a job in flight is not cancelled
		return
	}
	now := s.c.clock.Now()
	switch cls {
	case classOK, classNotModified:
		if st.sent != nil && msg != nil {
			st.sent(msg)
		}
		j.next++
		j.failures = 0
		if j.next == len(j.steps) {
			s.finishLocked(q, j, nil)
		}
	case classFlood:
		j.floods++
		s.floodLocked(q, e, now)
		if j.floods > s.c.opt.maxFloods || j.once {
			s.finishLocked(q, j, e)
			return
		}
	case classTransient:
		j.failures++
		if j.failures >= s.c.opt.maxAttempts || j.once {
			s.finishLocked(q, j, e)
			return
		}
		q.pause = later(q.pause, now.Add(s.c.backoff(j.failures)))
		s.c.log.Warn("telegram: send failed, retrying", "method", st.method, "chat", runner.LogID(fmt.Sprint("tg:", j.chat)), "attempt", j.failures, "err", e)
	case classCanceled:
		s.finishLocked(q, j, e.Err)
	default: // blocked, rejected, unauthorized
		s.finishLocked(q, j, e)
	}
}

// permitTTL is how long a permit of the shared limit may wait for a call:
// older, it is given back and another asked for, so that a call never goes
// at a slot the other replicas counted as long past.
const permitTTL = 50 * time.Millisecond

// maxAsking bounds the permits of the shared limit asked for at once: a
// quarter of the burst. Each costs a Redis round trip, so one at a time
// bounds a fast bot's rate by the round trip; but permits granted together
// and used after a stall reach Telegram bunched (with 10 at once, three
// replicas on a loaded machine drew 429s from the fake; with 2, none).
func (s *sender) maxAsking() int {
	return max(1, min(s.c.opt.concurrency, s.c.opt.limits.BotBurst/4))
}

// takePermitLocked gives a permit of the shared bot-wide limit to j, or,
// without a fresh one, asks for one more in the background (up to
// maxAsking at once) and returns false.
func (s *sender) takePermitLocked(j *job) bool {
	s.dropPermitsLocked(permitTTL)
	if n := len(s.permits); n > 0 {
		p := s.permits[0].p
		s.permits = s.permits[1:]
		j.permit = &p
		return true
	}
	if s.asking < s.maxAsking() {
		s.asking++
		go s.ask()
	}
	return false
}

// ask waits for a permit of the shared limit and wakes the dispatcher.
func (s *sender) ask() {
	p, err := s.shared.Wait(context.Background())
	s.mu.Lock()
	s.asking--
	if err == nil {
		s.permits = append(s.permits, heldPermit{p: p, at: time.Now()})
	}
	s.mu.Unlock()
	s.signal()
}

// dropPermitsLocked gives back the permits no call took that are older
// than age (0: all).
func (s *sender) dropPermitsLocked(age time.Duration) {
	kept := s.permits[:0]
	for _, h := range s.permits {
		if age > 0 && time.Since(h.at) <= age {
			kept = append(kept, h)
			continue
		}
		h.p.Done()
	}
	clear(s.permits[len(kept):])
	s.permits = kept
}

// sharedPauseLocked is the end, on the channel's clock, of the bot-wide
// pause another replica received, as far as this one knows (zero: none).
func (s *sender) sharedPauseLocked(now time.Time) time.Time {
	if s.shared == nil {
		return time.Time{}
	}
	d := time.Until(s.shared.PausedUntil())
	if d <= 0 {
		return time.Time{}
	}
	return now.Add(d)
}

// checkShared reads the bot-wide pause of the shared limit from Redis, so
// that a call taking no token (a press's answer, a chat action) sees
// another replica's 429 at once.
func (s *sender) checkShared(ctx context.Context) {
	if s.shared != nil {
		s.shared.Check(ctx)
	}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// backoff is the wait before retry n (1, 2, ...): exponential from the
// minimum, capped, with jitter in its upper half (WithBackoff).
func (c *Channel) backoff(n int) time.Duration {
	return backoff.Policy{First: c.opt.backoffMin, Longest: c.opt.backoffMax}.Delay(n)
}
