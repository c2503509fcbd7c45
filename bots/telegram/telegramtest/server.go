// Package telegramtest is a strict fake of the Telegram Bot API for tests: an
// httptest.Server that routes /bot<token>/<method>, answers in Telegram's
// envelope, validates what the real API validates (text length, HTML parse
// mode, callback data size, double answers to callback queries), enforces
// Telegram's flood limits with 429 and retry_after, and redelivers updates that
// were not confirmed.
//
// Point a go-telegram/bot client (or telegram.Config.APIURL) at Server.URL.
// Test controls push patient messages and button presses, inject failures and
// read back what the patient sees.
//
// Time: rates, retry_after and long-poll timeouts are measured in "Telegram
// seconds", which WithSecond can shorten so tests run fast while the limits keep
// their shape (1 message per second per chat becomes 1 per 20 ms with
// WithSecond(20*time.Millisecond)). A client must be given the same second.
//
// Scope of the flood windows: when the fake answers 429 it opens a retry_after
// window, either for the chat or, when its description contains BotWide, for the
// whole bot. A rate-limited request (a message sent or edited) that arrives
// inside an open window later than the grace period after the 429 was sent
// counts in Stats.IgnoredRetryAfter: a client that obeys retry_after keeps it 0.
package telegramtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	mrand "math/rand/v2"

	"github.com/go-telegram/bot/models"
	"golang.org/x/time/rate"

	"github.com/kapbot/kapbot/internal/faults"
)

// DefaultToken is the bot token the fake accepts unless WithToken is given.
const DefaultToken = "123456789:TESTtoken_fake-0123456789abcdefghij"

// BotWide appears in the description of a 429 that limits the whole bot rather
// than one chat.
const BotWide = "bot-wide"

// Limits are the flood limits the fake enforces on rate-limited methods
// (sendMessage, sendPhoto, editMessageText, editMessageReplyMarkup), as token
// buckets in Telegram seconds. A zero rate disables that limit.
type Limits struct {
	ChatPerSecond  float64 // one chat (default 1)
	ChatBurst      int     // default 4
	BotPerSecond   float64 // the whole bot (default 30)
	BotBurst       int     // default 30
	GroupPerMinute float64 // a group chat, negative id, on top of the chat limit (default 20)
	GroupBurst     int     // default 20
}

// DefaultLimits are Telegram's published limits with small bursts.
func DefaultLimits() Limits {
	return Limits{ChatPerSecond: 1, ChatBurst: 4, BotPerSecond: 30, BotBurst: 30, GroupPerMinute: 20, GroupBurst: 20}
}

// Option configures a Server.
type Option func(*Server)

// WithToken sets the only token the fake accepts.
func WithToken(token string) Option { return func(s *Server) { s.Token = token } }

// WithSecond sets the length of one Telegram second (default time.Second).
func WithSecond(d time.Duration) Option { return func(s *Server) { s.second = d } }

// WithLimits replaces the flood limits.
func WithLimits(l Limits) Option { return func(s *Server) { s.limits = l } }

// WithoutLimits turns the flood limits off.
func WithoutLimits() Option { return func(s *Server) { s.limits = Limits{} } }

// WithRetryAfter sets the retry_after, in Telegram seconds, of 429s injected
// with FailNext (default 1).
func WithRetryAfter(sec int) Option { return func(s *Server) { s.injectedRetry = sec } }

// WithGrace sets how long after a 429 a request still counts as sent before
// the client could know (default 30 ms); see Stats.IgnoredRetryAfter.
func WithGrace(d time.Duration) Option { return func(s *Server) { s.grace = d } }

// WithFlaky429 makes a fraction p (0 to 1) of the calls about a chat
// (sending, editing, chat actions, callback answers) fail with a 429 for that
// chat with retry_after 1, at random (seeded, so a run can be repeated): a
// client must then leave that chat alone for a Telegram second, whatever the
// method. They count in Stats.TooManyRequests and Stats.Flaky.
func WithFlaky429(p float64, seed uint64) Option {
	return func(s *Server) { s.flaky, s.rnd = p, mrand.New(mrand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) }
}

// WithBotUsername sets the username getMe reports (default "kapbot_test_bot").
func WithBotUsername(name string) Option { return func(s *Server) { s.username = name } }

// Button is an inline keyboard button.
type Button struct {
	Text string
	Data string // callback_data
}

// Message is a message the bot sent, as the patient sees it now.
type Message struct {
	ID       int
	Text     string     // what is shown: tags removed, entities decoded
	HTML     string     // as sent, with parse_mode HTML
	Keyboard [][]Button // the current inline keyboard, nil when none
	Edits    int        // how often it was edited
	Photo    int        // size in bytes of an uploaded photo (sendPhoto)
	Order    int        // 1 for the first message the bot sent to any chat, 2 for the next...
}

// Stats are counters of what the bot did.
type Stats struct {
	Calls             map[string]int // requests per method, failed ones included
	TooManyRequests   int            // 429 responses sent
	IgnoredRetryAfter int            // requests of any method about a chat inside a retry_after window of the chat or the bot (after the grace)
	Flaky             int            // 429s injected at random (WithFlaky429)
	Ignored           map[string]int // IgnoredRetryAfter per method
	Unanswered        int            // callback queries not answered
	WebhookDeliveries int            // updates POSTed to the webhook and answered 200
	WebhookFailures   int            // webhook POSTs answered otherwise or failed
	Conflicts         int            // long polls ended with 409 by a newer getUpdates (two pollers) or a webhook change
}

// Server is the fake Bot API. Its methods are safe for concurrent use.
type Server struct {
	// URL is the base URL to give the client (bot.WithServerURL).
	URL string
	// Token is the token the fake accepts.
	Token string

	srv           *httptest.Server
	second        time.Duration
	limits        Limits
	injectedRetry int
	grace         time.Duration
	username      string
	done          chan struct{}
	ctx           context.Context // ends with Close
	cancel        context.CancelFunc
	wg            sync.WaitGroup

	mu        sync.Mutex
	changed   chan struct{} // closed and replaced on every change a waiter may want
	nextUpd   int64
	updates   []update         // not confirmed, ascending ids
	history   map[int64][]byte // every update ever queued
	confirmed int64
	pollGen   int64
	chats     map[int64]*chat
	queries   map[string]*query
	nextQuery int
	fail      faults.Plan // FailNext, by method
	slow      time.Duration
	botLim    *rate.Limiter
	flaky     float64
	rnd       *mrand.Rand
	botWindow window
	stats     Stats
	commands  []models.BotCommand
	hook      *webhook
	hookRun   bool
	sent      int // messages the bot sent
}

type update struct {
	id   int64
	body []byte
}

type window struct {
	end    time.Time // requests before end are inside
	issued time.Time // when the 429 that opened it was sent
}

func (w window) open(now time.Time) bool { return now.Before(w.end) }

type chat struct {
	id       int64
	lang     string
	nextMsg  int
	msgs     []*message
	blocked  bool
	lim      *rate.Limiter
	groupLim *rate.Limiter
	window   window
	actions  int
}

type message struct {
	Message
	fromBot bool
}

type query struct {
	answered   bool
	text       string
	chat       int64
	pressed    time.Time // when the press was queued
	answeredAt time.Time
}

type webhook struct {
	url, secret string
}

// NewServer starts a fake Bot API; Close it when done.
func NewServer(opts ...Option) *Server {
	s := &Server{
		Token:         DefaultToken,
		second:        time.Second,
		limits:        DefaultLimits(),
		injectedRetry: 1,
		grace:         30 * time.Millisecond,
		username:      "kapbot_test_bot",
		done:          make(chan struct{}),
		changed:       make(chan struct{}),
		nextUpd:       100000,
		history:       map[int64][]byte{},
		chats:         map[int64]*chat{},
		queries:       map[string]*query{},
		stats:         Stats{Calls: map[string]int{}, Ignored: map[string]int{}},
	}
	for _, o := range opts {
		o(s)
	}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	if s.limits.BotPerSecond > 0 {
		s.botLim = rate.NewLimiter(s.perReal(s.limits.BotPerSecond), max(1, s.limits.BotBurst))
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	return s
}

// Close stops the server, ending waiting long polls and webhook deliveries.
func (s *Server) Close() {
	select {
	case <-s.done:
		return
	default:
	}
	close(s.done)
	s.cancel()
	s.srv.CloseClientConnections()
	s.srv.Close()
	s.wg.Wait()
}

// perReal converts a rate per Telegram second into a rate per real second.
func (s *Server) perReal(perSecond float64) rate.Limit {
	return rate.Limit(perSecond * float64(time.Second) / float64(s.second))
}

// notifyLocked wakes every waiter; s.mu must be held.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) chatLocked(id int64) *chat {
	c := s.chats[id]
	if c == nil {
		c = &chat{id: id, lang: "en"}
		if s.limits.ChatPerSecond > 0 {
			c.lim = rate.NewLimiter(s.perReal(s.limits.ChatPerSecond), max(1, s.limits.ChatBurst))
		}
		if id < 0 && s.limits.GroupPerMinute > 0 {
			c.groupLim = rate.NewLimiter(s.perReal(s.limits.GroupPerMinute/60), max(1, s.limits.GroupBurst))
		}
		s.chats[id] = c
	}
	return c
}

func chatType(id int64) models.ChatType {
	if id < 0 {
		return models.ChatTypeSupergroup
	}
	return models.ChatTypePrivate
}

func (c *chat) model() models.Chat {
	return models.Chat{ID: c.id, Type: chatType(c.id), FirstName: "Patient"}
}

// userID is the patient writing in chat c: the chat itself for a private chat.
func (c *chat) user() models.User {
	id := c.id
	if id < 0 {
		id = 4242
	}
	return models.User{ID: id, FirstName: "Patient", LanguageCode: c.lang}
}

func (c *chat) find(id int) *message {
	for _, m := range c.msgs {
		if m.ID == id {
			return m
		}
	}
	return nil
}

// queueLocked adds an update; s.mu must be held.
func (s *Server) queueLocked(u *models.Update) int64 {
	s.nextUpd++
	u.ID = s.nextUpd
	body, err := json.Marshal(u)
	if err != nil {
		panic("telegramtest: encode update: " + err.Error())
	}
	s.updates = append(s.updates, update{id: u.ID, body: body})
	s.history[u.ID] = body
	s.notifyLocked()
	return u.ID
}

// SetLanguage sets the language_code of the patient in chatID for the
// messages and presses pushed after it (default "en"; "" for none).
func (s *Server) SetLanguage(chatID int64, code string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chatLocked(chatID).lang = code
}

// PushText queues a text message from the patient in chatID and returns its
// update id.
func (s *Server) PushText(chatID int64, text string) int64 {
	return s.push(chatID, func(m *models.Message) { m.Text = text })
}

// PushSticker queues a sticker (a message without text) from the patient.
func (s *Server) PushSticker(chatID int64) int64 {
	return s.push(chatID, func(m *models.Message) {
		m.Sticker = &models.Sticker{FileID: "sticker", FileUniqueID: "sticker", Type: "regular", Width: 512, Height: 512}
	})
}

func (s *Server) push(chatID int64, fill func(*models.Message)) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chatLocked(chatID)
	c.nextMsg++
	from := c.user()
	m := &models.Message{ID: c.nextMsg, From: &from, Date: int(time.Now().Unix()), Chat: c.model()}
	fill(m)
	c.msgs = append(c.msgs, &message{Message: Message{ID: m.ID, Text: m.Text}})
	return s.queueLocked(&models.Update{Message: m})
}

// Press queues a callback query: the patient pressing the button with
// callback data data on message messageID, which the bot sent to chatID. It
// fails if that message has no such button now, as a patient could not press
// it.
func (s *Server) Press(chatID int64, messageID int, data string) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chats[chatID]
	if c == nil {
		return 0, fmt.Errorf("telegramtest: no chat %d", chatID)
	}
	m := c.find(messageID)
	if m == nil || !m.fromBot {
		return 0, fmt.Errorf("telegramtest: chat %d has no bot message %d", chatID, messageID)
	}
	found := false
	for _, row := range m.Keyboard {
		for _, b := range row {
			found = found || b.Data == data
		}
	}
	if !found {
		return 0, fmt.Errorf("telegramtest: message %d in chat %d has no button %q", messageID, chatID, data)
	}
	s.nextQuery++
	id := fmt.Sprintf("cbq%d", 7000000+s.nextQuery)
	s.queries[id] = &query{chat: chatID, pressed: time.Now()}
	from := c.user()
	cq := &models.CallbackQuery{
		ID:           id,
		From:         from,
		Message:      models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage, Message: s.modelLocked(c, m)},
		ChatInstance: "ci" + strconv.FormatInt(chatID, 10),
		Data:         data,
	}
	return s.queueLocked(&models.Update{CallbackQuery: cq}), nil
}

// Duplicate queues update updateID again under a new update id, as Telegram
// does when it redelivers: the message or callback query inside is the same.
func (s *Server) Duplicate(updateID int64) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	body, ok := s.history[updateID]
	if !ok {
		return 0, fmt.Errorf("telegramtest: no update %d", updateID)
	}
	var u models.Update
	if err := json.Unmarshal(body, &u); err != nil {
		return 0, err
	}
	return s.queueLocked(&u), nil
}

// Block makes the patient in chatID block the bot: sends to it fail with 403
// from now on.
func (s *Server) Block(chatID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chatLocked(chatID).blocked = true
}

// FailNext makes the next n calls of method fail with HTTP status, before any
// other check. A 429 is bot-wide with retry_after from WithRetryAfter, and for
// a rate-limited method it opens the bot's retry_after window; 502-504 answer
// with an HTML page as a proxy in front of Telegram does; others answer with
// Telegram's envelope.
func (s *Server) FailNext(method string, status, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := strings.ToLower(method)
	s.fail.Add(k, status, max(n, 1))
}

// Slow delays every response by d from now on (0 to stop).
func (s *Server) Slow(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.slow = d
}

// Messages returns the messages the bot sent to chatID, oldest first, as the
// patient sees them now (after edits).
func (s *Server) Messages(chatID int64) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.messagesLocked(chatID)
}

func (s *Server) messagesLocked(chatID int64) []Message {
	c := s.chats[chatID]
	if c == nil {
		return nil
	}
	var out []Message
	for _, m := range c.msgs {
		if !m.fromBot {
			continue
		}
		cp := m.Message
		cp.Keyboard = copyKeyboard(m.Keyboard)
		out = append(out, cp)
	}
	return out
}

// WaitMessages waits until the bot has sent at least n messages to chatID and
// returns them; it fails after timeout.
func (s *Server) WaitMessages(chatID int64, n int, timeout time.Duration) ([]Message, error) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		ms := s.messagesLocked(chatID)
		ch := s.changed
		s.mu.Unlock()
		if len(ms) >= n {
			return ms, nil
		}
		select {
		case <-ch:
		case <-deadline.C:
			return ms, fmt.Errorf("telegramtest: chat %d has %d bot messages after %v, want %d", chatID, len(ms), timeout, n)
		case <-s.done:
			return ms, errors.New("telegramtest: server closed")
		}
	}
}

// Wait waits until cond returns true for the current Stats, which it checks
// after every request; it fails after timeout.
func (s *Server) Wait(timeout time.Duration, cond func(Stats) bool) error {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		st := s.Stats()
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if cond(st) {
			return nil
		}
		select {
		case <-ch:
		case <-deadline.C:
			return fmt.Errorf("telegramtest: condition not met after %v", timeout)
		case <-s.done:
			return errors.New("telegramtest: server closed")
		}
	}
}

// Stats returns a copy of the counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	st.Calls = make(map[string]int, len(s.stats.Calls))
	for k, v := range s.stats.Calls {
		st.Calls[k] = v
	}
	st.Ignored = make(map[string]int, len(s.stats.Ignored))
	for k, v := range s.stats.Ignored {
		st.Ignored[k] = v
	}
	for _, q := range s.queries {
		if !q.answered {
			st.Unanswered++
		}
	}
	return st
}

// Answer returns the text a callback query was answered with, and whether it
// was answered.
func (s *Server) Answer(queryID string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.queries[queryID]
	if q == nil {
		return "", false
	}
	return q.text, q.answered
}

// AnswerDelays returns, for every callback query answered so far, how long
// after the press was queued the answer came, in the order of the presses.
func (s *Server) AnswerDelays() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	type qd struct {
		at time.Time
		d  time.Duration
	}
	var all []qd
	for _, q := range s.queries {
		if q.answered {
			all = append(all, qd{q.pressed, q.answeredAt.Sub(q.pressed)})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].at.Before(all[j].at) })
	out := make([]time.Duration, len(all))
	for i, x := range all {
		out[i] = x.d
	}
	return out
}

// ChatActions returns how many chat actions (typing) the bot sent to chatID.
func (s *Server) ChatActions(chatID int64) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.chats[chatID]; c != nil {
		return c.actions
	}
	return 0
}

// Commands returns the bot's command list as last set with setMyCommands.
func (s *Server) Commands() []models.BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]models.BotCommand(nil), s.commands...)
}

// Webhook returns the webhook URL and secret token set, "" when none.
func (s *Server) Webhook() (url, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hook == nil {
		return "", ""
	}
	return s.hook.url, s.hook.secret
}

// Confirmed returns the highest update id the bot confirmed (by polling with a
// higher offset, or by answering a webhook delivery with 200 in order).
func (s *Server) Confirmed() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.confirmed
}

// Pending returns the ids of the updates not confirmed yet.
func (s *Server) Pending() []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]int64, len(s.updates))
	for i, u := range s.updates {
		ids[i] = u.id
	}
	return ids
}

func copyKeyboard(kb [][]Button) [][]Button {
	if kb == nil {
		return nil
	}
	out := make([][]Button, len(kb))
	for i, row := range kb {
		out[i] = append([]Button(nil), row...)
	}
	return out
}

func keyboardModel(kb [][]Button) *models.InlineKeyboardMarkup {
	if kb == nil {
		return nil
	}
	mk := &models.InlineKeyboardMarkup{InlineKeyboard: make([][]models.InlineKeyboardButton, len(kb))}
	for i, row := range kb {
		for _, b := range row {
			mk.InlineKeyboard[i] = append(mk.InlineKeyboard[i], models.InlineKeyboardButton{Text: b.Text, CallbackData: b.Data})
		}
	}
	return mk
}

// modelLocked is the Bot API view of a bot message.
func (s *Server) modelLocked(c *chat, m *message) *models.Message {
	bot := s.botUser()
	return &models.Message{
		ID:          m.ID,
		From:        &bot,
		Date:        int(time.Now().Unix()),
		Chat:        c.model(),
		Text:        m.Text,
		ReplyMarkup: keyboardModel(m.Keyboard),
	}
}

func (s *Server) botUser() models.User {
	id, _ := strconv.ParseInt(strings.SplitN(s.Token, ":", 2)[0], 10, 64)
	return models.User{ID: id, IsBot: true, FirstName: "Kapbot Test", Username: s.username}
}

// String summarises the counters for test failure messages.
func (st Stats) String() string {
	keys := make([]string, 0, len(st.Calls))
	for k := range st.Calls {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%d ", k, st.Calls[k])
	}
	fmt.Fprintf(&b, "429s=%d ignored=%d unanswered=%d", st.TooManyRequests, st.IgnoredRetryAfter, st.Unanswered)
	if st.IgnoredRetryAfter > 0 {
		fmt.Fprintf(&b, " ignored_by_method=%v", st.Ignored)
	}
	if st.Conflicts > 0 {
		fmt.Fprintf(&b, " getUpdates_conflicts=%d", st.Conflicts)
	}
	return b.String()
}

// sleep waits d or until the request or the server ends.
func (s *Server) sleep(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	case <-s.done:
	}
}
