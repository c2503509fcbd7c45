package telegram

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/kapbot/kapbot/internal/keyqueue"
	"github.com/kapbot/kapbot/internal/runner"
)

// intake is the long-polling receiver. Updates of one chat are handled one at
// a time in order; different chats run concurrently, at most opt.workers at
// once. The offset sent to getUpdates only passes an update once its handler
// returned nil and so did the handlers of every earlier update: a crash makes
// Telegram deliver the unfinished ones again, and the runner's de-duplication
// makes the replay harmless. An update whose handler keeps failing is retried
// with backoff and holds the offset back; as getUpdates returns at most 100
// updates past the offset, that also bounds how much is in hand at once.
type intake struct {
	c   *Channel
	ctx context.Context
	sem chan struct{}
	wg  sync.WaitGroup

	mu        sync.Mutex
	committed int64                                  // every update up to this id is done
	pending   []int64                                // ids fetched and not committed, ascending
	done      map[int64]bool                         // ids in pending that are done
	chats     *keyqueue.Queue[int64, *models.Update] // each chat's updates, in order
	progress  chan struct{}
}

// poll runs the getUpdates loop until ctx ends, then waits for the handlers.
func (c *Channel) poll(ctx context.Context) error {
	in := &intake{
		c: c, ctx: ctx,
		sem:      make(chan struct{}, c.opt.workers),
		done:     map[int64]bool{},
		progress: make(chan struct{}, 1),
	}
	in.chats = keyqueue.New(in.work, func(f func()) bool {
		in.wg.Add(1)
		go func() { defer in.wg.Done(); f() }()
		return true
	}, 0)
	defer in.wg.Wait()
	failures := 0
	for ctx.Err() == nil {
		in.mu.Lock()
		offset, busy := int64(0), len(in.pending) > 0
		if in.committed > 0 {
			offset = in.committed + 1
		}
		in.mu.Unlock()
		timeout := c.opt.pollTimeout
		if busy { // Telegram answers at once with the updates still in hand
			timeout = 0
		}
		ups, e := c.getUpdates(ctx, offset, timeout)
		if e != nil {
			if ctx.Err() != nil {
				break
			}
			if isUnauthorized(e) {
				return e
			}
			failures++
			wait := c.backoff(failures)
			if e.RetryAfter > 0 {
				wait = e.RetryAfter
			}
			c.log.Warn("telegram: getUpdates failed", "attempt", failures, "err", e)
			c.sleep(ctx, wait)
			continue
		}
		failures = 0
		if in.add(ups) == 0 && in.busy() {
			// Nothing new: wait for a handler to finish before asking again.
			select {
			case <-in.progress:
			case <-c.clock.After(c.opt.busyPoll):
			case <-ctx.Done():
			}
		}
	}
	return nil
}

func (in *intake) busy() bool {
	in.mu.Lock()
	defer in.mu.Unlock()
	return len(in.pending) > 0
}

// add takes the updates not seen before into the chats' queues and returns
// how many there were.
func (in *intake) add(ups []*models.Update) int {
	in.mu.Lock()
	defer in.mu.Unlock()
	n := 0
	for _, u := range ups {
		if u == nil || u.ID <= in.committed {
			continue
		}
		i, found := slices.BinarySearch(in.pending, u.ID)
		if found {
			continue
		}
		in.pending = slices.Insert(in.pending, i, u.ID)
		n++
		in.chats.Push(routeKey(u), u)
	}
	return n
}

// work handles one update of a chat (the chat's queue runs them one at a
// time, in order); false when ctx ended, which stops the chat's queue.
func (in *intake) work(_ int64, u *models.Update) bool {
	select {
	case in.sem <- struct{}{}:
	case <-in.ctx.Done():
		return false
	}
	ok := in.c.processRetry(in.ctx, u)
	<-in.sem
	if !ok {
		return false // ctx ended: the update stays uncommitted
	}
	in.complete(u.ID)
	return true
}

// complete marks update id done and moves the commit point past every done
// update at the front.
func (in *intake) complete(id int64) {
	in.mu.Lock()
	in.done[id] = true
	for len(in.pending) > 0 && in.done[in.pending[0]] {
		in.committed = in.pending[0]
		delete(in.done, in.pending[0])
		in.pending = in.pending[1:]
	}
	in.mu.Unlock()
	select {
	case in.progress <- struct{}{}:
	default:
	}
}

// procState carries what must happen once per update across handler retries.
type procState struct {
	answered bool
	snap     *uiState // UI state before the first attempt, for a press
}

// processRetry handles u until the handler returns nil or a permanent error
// (runner.Permanent) (true) or ctx ends (false), backing off between
// failures.
func (c *Channel) processRetry(ctx context.Context, u *models.Update) bool {
	st := &procState{}
	for n := 1; ; n++ {
		err := c.process(ctx, u, st)
		if err == nil {
			return true
		}
		if ctx.Err() != nil {
			return false
		}
		if runner.Permanent(err) {
			// It would fail the same way forever and hold up the chat.
			c.log.Error("telegram: handler failed for good; update dropped", "update", u.ID, "err", err)
			return true
		}
		c.log.Warn("telegram: handler failed, retrying", "update", u.ID, "attempt", n, "err", err)
		if !c.sleep(ctx, c.backoff(n)) {
			return false
		}
	}
}

// process decodes u, calls the handler, answers a callback query (always,
// after the handler's first attempt, whatever its outcome: with no text, or
// with the runner's notice for a press on a closed question) and, once the
// handler accepted a press, updates the question message. With a handler
// that returns once the press is committed (runner.Submit), the press is
// answered before any reply is sent.
func (c *Channel) process(ctx context.Context, u *models.Update, st *procState) error {
	if in, query, ok := c.staffEvent(u); ok {
		return c.processStaff(ctx, in, query, st)
	}
	ev, handle := decode(u, c.name(), c.clock.Now())
	if !handle {
		if ev.query != "" && !st.answered {
			c.answer(ctx, ev.chat, ev.query)
			st.answered = true
		}
		return nil
	}
	if ev.press != 0 && st.snap == nil {
		s, _ := c.ui.get(ev.chat)
		st.snap = &s
	}
	stop := c.typing(ctx, ev.chat)
	hctx, notice := runner.WithNotice(ctx)
	err := c.handle(hctx, ev.in)
	stop()
	// A stale or double press gets the catalogue's text as a toast, not as
	// a chat message.
	if ev.query != "" && !st.answered && ctx.Err() == nil {
		c.answerSoon(ctx, ev.chat, ev.query, notice.Text())
		st.answered = true
	}
	if err != nil {
		return err
	}
	if ev.press != 0 && ev.msg != 0 {
		c.afterPress(ctx, ev, *st.snap, notice.Text() != "")
	}
	return nil
}

// answer answers a callback query with no text, so the patient's button stops
// spinning. A 400 (answered before, or too old) is expected after a replay.
func (c *Channel) answer(ctx context.Context, chat int64, id string) { c.answerIn(ctx, chat, id, "") }

// answerSoon answers a callback query like answerIn, in the background: the
// update is done once the press is committed, and its answer (which may
// wait out a pause) holds up neither the chat's next update nor the offset.
// The answer outlives a webhook request's context, up to answerTimeout.
func (c *Channel) answerSoon(ctx context.Context, chat int64, id, text string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), answerTimeout)
	go func() {
		defer cancel()
		c.answerIn(ctx, chat, id, text)
	}()
}

// answerTimeout bounds the answer to a callback query, waits and retries
// included; Telegram refuses too old ones (400), which ends it sooner.
const answerTimeout = time.Minute

// answerWith answers a callback query, showing text (if any) to the person
// who pressed.
func (c *Channel) answerWith(ctx context.Context, id, text string) { c.answerIn(ctx, 0, id, text) }

// answerIn answers a callback query pressed in chat (0 when unknown),
// showing text (if any) to the person who pressed. In a known chat the
// answer goes through the sender, ahead of the chat's messages and without
// taking their tokens, but after the pauses of the bot and the chat and
// never while another call of the chat is in flight; a 429 pauses the chat
// as any other does. Otherwise it waits out the bot's pause and is sent
// directly.
func (c *Channel) answerIn(ctx context.Context, chat int64, id, text string) {
	params := &bot.AnswerCallbackQueryParams{CallbackQueryID: id, Text: text}
	if chat != 0 {
		err := c.send.answer(ctx, chat, step{method: "answerCallbackQuery", run: func(ctx context.Context) (*models.Message, error) {
			_, err := c.bot.AnswerCallbackQuery(ctx, params)
			return nil, err
		}})
		if err != nil && !errors.Is(err, ErrRejected) {
			c.log.Warn("telegram: answer callback failed", "chat", runner.LogID(fmt.Sprint("tg:", chat)), "err", err)
		}
		return
	}
	for n := 1; n <= 3+c.opt.maxFloods; n++ {
		if !c.send.waitHold(ctx, 0) {
			return
		}
		cls, e := c.call(ctx, "answerCallbackQuery", 0, func(ctx context.Context) error {
			_, err := c.bot.AnswerCallbackQuery(ctx, params)
			return err
		})
		switch cls {
		case classOK, classRejected, classCanceled:
			return
		case classFlood:
			c.send.flood(0, e)
		case classTransient:
			if n >= 3 || !c.sleep(ctx, c.backoff(n)) {
				return
			}
		default:
			c.log.Warn("telegram: answer callback failed", "err", e)
			return
		}
	}
}

// typing shows "typing…" in chat while a handler runs longer than
// opt.typingAfter, renewing it as Telegram clears it after 5 s. A chat action
// is one of the chat's calls (sender.action): dropped, not delayed, while
// the bot or the chat is paused after a 429 or another call of the chat is
// in flight or waiting, and a 429 it gets pauses them like any other. The
// returned func stops it and waits.
func (c *Channel) typing(ctx context.Context, chat int64) func() {
	if c.opt.typingAfter <= 0 {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		wait := c.opt.typingAfter
		for {
			select {
			case <-ctx.Done():
				return
			case <-c.clock.After(wait):
			}
			wait = 4 * time.Second
			c.send.action(ctx, chat, step{method: "sendChatAction", run: func(ctx context.Context) (*models.Message, error) {
				_, err := c.bot.SendChatAction(ctx, &bot.SendChatActionParams{ChatID: chat, Action: models.ChatActionTyping})
				return nil, err
			}})
		}
	}()
	return func() {
		cancel() // also aborts a chat action in flight
		<-exited
	}
}

// afterPress updates the question message once the handler accepted a press
// (snap is the UI state before the handler ran). A press on the current
// question: a single choice gets "✓ label" appended and loses its keyboard; a
// multiple-choice toggle flips the button between ☐ and ☑; Done appends the
// checked labels and removes the keyboard (nothing, when none are checked:
// the engine asks again). A press on an older question only removes that
// message's keyboard, as the engine answered that it is closed. Failures are
// logged: the conversation goes on without the cosmetic edit. The edit is
// queued, not waited for.
func (c *Channel) afterPress(ctx context.Context, ev event, snap uiState, closed bool) {
	fresh := snap.msg == 0 || snap.seq == ev.in.Input.Press.Seq
	var st step
	switch {
	case closed && fresh: // a double press: the first one edits the question
		return
	case !fresh:
		if ev.kb == nil || len(ev.kb.InlineKeyboard) == 0 {
			return
		}
		st = c.editKeyboard(ev.chat, ev.msg, &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{}})
	case ev.press == dataAnswer:
		st = c.closeQuestion(ev, []string{buttonText(ev.kb, ev.data)})
	case ev.press == dataToggle:
		kb := ev.kb
		if cur, ok := c.ui.get(ev.chat); ok && cur.msg == ev.msg && cur.kb != nil {
			kb = cur.kb // the callback's copy misses toggles made since it was sent
		}
		if kb == nil {
			return
		}
		kb = toggled(kb, ev.data)
		st = c.editKeyboard(ev.chat, ev.msg, kb)
		c.ui.keyboard(ev.chat, ev.msg, kb) // the next toggle builds on it, sent or not
	case ev.press == dataDone:
		kb := ev.kb
		if cur, ok := c.ui.get(ev.chat); ok && cur.msg == ev.msg && cur.kb != nil {
			kb = cur.kb
		}
		labels := picked(kb)
		if len(labels) == 0 {
			return
		}
		st = c.closeQuestion(ev, []string{strings.Join(labels, ", ")})
	default:
		return
	}
	// Queued behind the chat's replies, not waited for: the chat's next
	// update (the next press) goes on at once.
	// The edit outlives a webhook request's context.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), editTimeout)
	done := c.send.later(ctx, ev.chat, []step{st})
	go func() {
		defer cancel()
		if err := <-done; err != nil && ctx.Err() == nil {
			c.log.Warn("telegram: updating the question message failed", "chat", runner.LogID(fmt.Sprint("tg:", ev.chat)), "err", err)
		}
	}()
}

// editTimeout bounds how long the edit after a press may wait in the queue.
const editTimeout = time.Minute

// closeQuestion edits the question to show the answer and drop its keyboard;
// when the answer would not fit, it only drops the keyboard.
func (c *Channel) closeQuestion(ev event, labels []string) step {
	label := strings.Join(labels, ", ")
	text := ev.text + answered + label
	if label == "" || ev.text == "" || textLen(text) > MaxText {
		return c.editKeyboard(ev.chat, ev.msg, &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{}})
	}
	params := &bot.EditMessageTextParams{ChatID: ev.chat, MessageID: ev.msg, Text: escape(text), ParseMode: models.ParseModeHTML}
	return step{method: "editMessageText", run: func(ctx context.Context) (*models.Message, error) {
		return c.bot.EditMessageText(ctx, params)
	}}
}

func (c *Channel) editKeyboard(chat int64, msg int, kb *models.InlineKeyboardMarkup) step {
	params := &bot.EditMessageReplyMarkupParams{ChatID: chat, MessageID: msg, ReplyMarkup: kb}
	return step{method: "editMessageReplyMarkup", run: func(ctx context.Context) (*models.Message, error) {
		return c.bot.EditMessageReplyMarkup(ctx, params)
	}}
}

// uiState is the last question with buttons sent to a chat.
type uiState struct {
	seq int
	msg int
	kb  *models.InlineKeyboardMarkup
}

// uiStates remembers, per chat, the last question with buttons, to tell a
// press on it from a press on an older one and to keep a multiple-choice
// keyboard's ticks. It is memory only: after a restart a press counts as
// current. It forgets everything past maxUIStates chats.
type uiStates struct {
	mu sync.Mutex
	m  map[int64]uiState
}

const maxUIStates = 100000

func (u *uiStates) get(chat int64) (uiState, bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	s, ok := u.m[chat]
	return s, ok
}

func (u *uiStates) sent(chat int64, seq, msg int, kb *models.InlineKeyboardMarkup) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.m == nil || len(u.m) >= maxUIStates {
		u.m = map[int64]uiState{}
	}
	u.m[chat] = uiState{seq: seq, msg: msg, kb: kb}
}

func (u *uiStates) keyboard(chat int64, msg int, kb *models.InlineKeyboardMarkup) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if s, ok := u.m[chat]; ok && s.msg == msg {
		s.kb = kb
		u.m[chat] = s
	}
}
