// Package telegram is the Telegram channel's platform half: it turns Bot API
// updates into runner.Inbound events for a handler, and delivers the runner's
// messages within Telegram's flood limits.
//
// Every Bot API call goes through github.com/go-telegram/bot except
// getUpdates, which that library keeps internal: its own polling (Bot.Start)
// stores the new offset as soon as an update is read and hands the update to
// a buffered channel, so the next getUpdates confirms it to Telegram before
// any handler has run, and a crash loses it. This package polls itself and
// advances the offset past an update only after the handler returned nil.
//
// Nothing here logs or returns message text or the bot token.
package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"golang.org/x/time/rate"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/ratelimit"
	"github.com/kapbot/kapbot/internal/runner"
)

// Config is what main builds from flags and environment.
type Config struct {
	Token  string // the bot token; never logged
	APIURL string // "" for https://api.telegram.org
	// WebhookURL, when set, switches Run from long polling to a webhook: the
	// public HTTPS URL Telegram posts updates to. WebhookSecret (1-256 of
	// A-Z a-z 0-9 _ -) is then required, and WebhookListen is the local address
	// to serve on (":8443").
	WebhookURL, WebhookSecret, WebhookListen string
	// HTTPClient makes the requests; nil for a default client. Its Timeout,
	// if any, must outlast the long poll (WithPollTimeout): requests are
	// bounded by their contexts anyway.
	HTTPClient *http.Client
	Logger     *slog.Logger // nil for slog.Default()
	Clock      Clock        // nil for the system clock
}

// String describes c with the token and the webhook secret redacted.
func (c Config) String() string {
	return fmt.Sprintf("telegram.Config{APIURL:%q WebhookURL:%q WebhookListen:%q Token:%s WebhookSecret:%s}",
		c.APIURL, c.WebhookURL, c.WebhookListen, redacted(c.Token), redacted(c.WebhookSecret))
}

// LogValue logs c with the token and the webhook secret redacted.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("api_url", c.APIURL),
		slog.String("webhook_url", c.WebhookURL),
		slog.String("webhook_listen", c.WebhookListen),
		slog.String("token", redacted(c.Token)),
		slog.String("webhook_secret", redacted(c.WebhookSecret)),
	)
}

func redacted(s string) string {
	if s == "" {
		return `""`
	}
	return "***"
}

// Clock tells the time and waits. Rate limits, retry waits and the typing
// indicator use it.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type systemClock struct{}

func (systemClock) Now() time.Time                         { return time.Now() }
func (systemClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Handler is called for each patient event. It returns nil once the event is
// durably committed; an error makes the channel deliver the event again later
// (the runner de-duplicates on Inbound.ID). It must honour ctx.
type Handler func(ctx context.Context, in runner.Inbound) error

// Limits are the flood limits the sender keeps to, as token buckets per
// Telegram second. A zero rate disables that limit.
type Limits struct {
	ChatPerSecond  float64 // one chat (default 1)
	ChatBurst      int     // default 3
	BotPerSecond   float64 // the whole bot (default 30)
	BotBurst       int     // default 10
	GroupPerMinute float64 // a group chat, on top of the chat limit (default 20)
	GroupBurst     int     // default 3
}

// DefaultLimits are Telegram's published limits with small bursts, a little
// under what Telegram tolerates so that network jitter cannot cause a 429.
func DefaultLimits() Limits {
	return Limits{ChatPerSecond: 1, ChatBurst: 3, BotPerSecond: 30, BotBurst: 10, GroupPerMinute: 20, GroupBurst: 3}
}

// Option tunes a Channel; the defaults suit production.
type Option func(*options)

type options struct {
	second         time.Duration
	limits         Limits
	pollTimeout    int // Telegram seconds
	busyPoll       time.Duration
	workers        int
	concurrency    int
	backoffMin     time.Duration
	backoffMax     time.Duration
	maxAttempts    int
	maxFloods      int
	typingAfter    time.Duration
	requestTimeout time.Duration
	listener       net.Listener
	maxBody        int64
	pauses         PauseStore
	elector        Elector
	sharedLimit    *sharedLimit
}

// sharedLimit is where WithSharedBotLimit keeps the bot-wide limit.
type sharedLimit struct {
	rdb  ratelimit.Client
	key  string
	opts []ratelimit.Option
}

// WithSecond sets the length of one Telegram second: the unit of the limits,
// of retry_after and of the long-poll timeout (default time.Second). Tests
// shorten it together with telegramtest.WithSecond.
func WithSecond(d time.Duration) Option { return func(o *options) { o.second = d } }

// WithLimits replaces the flood limits.
func WithLimits(l Limits) Option { return func(o *options) { o.limits = l } }

// WithPollTimeout sets the long-poll timeout in Telegram seconds (default 30).
func WithPollTimeout(sec int) Option { return func(o *options) { o.pollTimeout = sec } }

// WithWorkers bounds how many handler calls run at once, each for a
// different chat (default 64).
func WithWorkers(n int) Option { return func(o *options) { o.workers = n } }

// WithConcurrency bounds the send requests in flight, each for a different
// chat (default 16).
func WithConcurrency(n int) Option { return func(o *options) { o.concurrency = n } }

// WithBackoff sets the first and the longest wait between retries of a failed
// request or handler call (default 500 ms and 30 s).
func WithBackoff(first, longest time.Duration) Option {
	return func(o *options) { o.backoffMin, o.backoffMax = first, longest }
}

// WithMaxAttempts sets how often a send is tried on 5xx and network errors
// before Send gives up with ErrUnavailable (default 6).
func WithMaxAttempts(n int) Option { return func(o *options) { o.maxAttempts = n } }

// WithTypingAfter sets how long a handler may run before the patient sees
// "typing…" (default 1 s; 0 never).
func WithTypingAfter(d time.Duration) Option { return func(o *options) { o.typingAfter = d } }

// WithRequestTimeout bounds one Bot API request (default 30 s).
func WithRequestTimeout(d time.Duration) Option { return func(o *options) { o.requestTimeout = d } }

// WithWebhookListener makes webhook mode serve on l instead of listening on
// Config.WebhookListen. Run closes it.
func WithWebhookListener(l net.Listener) Option { return func(o *options) { o.listener = l } }

// PauseStore keeps the pauses Telegram asks for with a 429 (retry_after)
// where every process of the bot sees them, so that a restarted or second
// process honours a pause another one received. Keys are "tg:bot" for the
// whole bot and "tg:<chat id>" for one chat. *store.Store implements it.
type PauseStore interface {
	SetPause(ctx context.Context, key string, until time.Time) error
	Pauses(ctx context.Context) (map[string]time.Time, error)
}

// WithPauseStore keeps 429 pauses in ps: each is written when received, and
// Run reads them at start and then every pauseRefresh.
func WithPauseStore(ps PauseStore) Option { return func(o *options) { o.pauses = ps } }

// WithSharedBotLimit keeps the bot-wide limit (Limits.BotPerSecond and
// BotBurst: Telegram's about 30 messages a second per bot) in Redis under
// key, shared by every replica of the bot that uses the same key, instead of
// in this process alone; a bot-wide 429 then pauses every replica's next
// message at once. The per-chat and group limits stay in the process: a
// chat's messages go from one replica at a time (the runner performs a
// patient's outbox in one place). When Redis does not answer, the limit is
// kept in the process alone until it does (see package ratelimit).
func WithSharedBotLimit(rdb ratelimit.Client, key string, opts ...ratelimit.Option) Option {
	return func(o *options) { o.sharedLimit = &sharedLimit{rdb: rdb, key: key, opts: opts} }
}

// BotLimitName names the bot-wide limit in metrics and log lines.
const BotLimitName = "telegram_bot"

// Elector runs a job in one process of several at a time; *lease.Lease
// implements it. Run waits until this process is elected, runs fn with a
// context that ends when the election is lost (fn is then run again once
// elected again) or ctx ends, and returns nil when ctx ended or fn's error.
type Elector interface {
	Run(ctx context.Context, fn func(ctx context.Context) error) error
}

// WithPollElection makes long polling run only while e elects this
// process, so that of several replicas of the bot one calls getUpdates at
// a time (Telegram answers a second poller 409 Conflict) and another takes
// over when it stops or dies. The hand-over loses nothing: the new poller
// starts from the offset Telegram holds, which passes an update only once
// it was committed, and a replayed update is refused by the runner. Sends,
// press answers and pauses work in every replica. Webhook mode ignores e.
func WithPollElection(e Elector) Option { return func(o *options) { o.elector = e } }

// pauseRefresh is how often Run reads the pauses other processes stored.
const pauseRefresh = time.Second

// botAPI is the part of go-telegram/bot's client the channel uses.
type botAPI interface {
	GetMe(ctx context.Context) (*models.User, error)
	SetMyCommands(ctx context.Context, params *bot.SetMyCommandsParams) (bool, error)
	SetWebhook(ctx context.Context, params *bot.SetWebhookParams) (bool, error)
	DeleteWebhook(ctx context.Context, params *bot.DeleteWebhookParams) (bool, error)
	SendMessage(ctx context.Context, params *bot.SendMessageParams) (*models.Message, error)
	SendPhoto(ctx context.Context, params *bot.SendPhotoParams) (*models.Message, error)
	EditMessageText(ctx context.Context, params *bot.EditMessageTextParams) (*models.Message, error)
	EditMessageReplyMarkup(ctx context.Context, params *bot.EditMessageReplyMarkupParams) (*models.Message, error)
	AnswerCallbackQuery(ctx context.Context, params *bot.AnswerCallbackQueryParams) (bool, error)
	SendChatAction(ctx context.Context, params *bot.SendChatActionParams) (bool, error)
}

var _ botAPI = (*bot.Bot)(nil)

// Channel is the Telegram channel: Run receives updates, Send delivers.
type Channel struct {
	cfg    Config
	opt    options
	token  string
	apiURL string
	handle Handler
	bot    botAPI
	httpc  captureClient
	log    *slog.Logger
	clock  Clock
	send   *sender
	// botLimit is the bot-wide limit shared through Redis (nil: the
	// sender keeps it alone).
	botLimit *ratelimit.Limiter
	ui       uiStates
	locks    chatLocks

	mu      sync.Mutex
	botName string
	desk    runner.StaffDesk // nil: no staff side
}

var _ runner.Sender = (*Channel)(nil)

var secretRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// New makes a Channel; it does no I/O. handle may be nil for a channel that
// only sends (Run then fails). Errors wrap ErrConfig and never hold the token.
func New(cfg Config, handle Handler, opts ...Option) (*Channel, error) {
	o := options{
		second:         time.Second,
		limits:         DefaultLimits(),
		pollTimeout:    30,
		busyPoll:       300 * time.Millisecond,
		workers:        64,
		concurrency:    16,
		backoffMin:     500 * time.Millisecond,
		backoffMax:     30 * time.Second,
		maxAttempts:    6,
		maxFloods:      10,
		typingAfter:    time.Second,
		requestTimeout: 30 * time.Second,
		maxBody:        1 << 20,
	}
	for _, f := range opts {
		f(&o)
	}
	if strings.TrimSpace(cfg.Token) == "" {
		return nil, fmt.Errorf("%w: no token", ErrConfig)
	}
	if o.second <= 0 || o.workers < 1 || o.concurrency < 1 || o.maxAttempts < 1 || o.backoffMin <= 0 || o.backoffMax < o.backoffMin || o.requestTimeout <= 0 {
		return nil, fmt.Errorf("%w: invalid option", ErrConfig)
	}
	apiURL := strings.TrimRight(cfg.APIURL, "/")
	if apiURL == "" {
		apiURL = "https://api.telegram.org"
	}
	if u, err := url.Parse(apiURL); err != nil || u.Host == "" {
		return nil, fmt.Errorf("%w: API URL (TELEGRAM_API_URL): want http(s)://host[:port], e.g. https://api.telegram.org", ErrConfig)
	}
	if cfg.WebhookURL != "" {
		u, err := url.Parse(cfg.WebhookURL)
		if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
			return nil, fmt.Errorf("%w: invalid webhook URL", ErrConfig)
		}
		if !secretRE.MatchString(cfg.WebhookSecret) {
			return nil, fmt.Errorf("%w: webhook mode needs a secret of 1-256 characters A-Z a-z 0-9 _ -", ErrConfig)
		}
		if cfg.WebhookListen == "" && o.listener == nil {
			return nil, fmt.Errorf("%w: webhook mode needs a listen address", ErrConfig)
		}
	}
	c := &Channel{cfg: cfg, opt: o, token: cfg.Token, apiURL: apiURL, handle: handle, log: cfg.Logger, clock: cfg.Clock}
	if c.log == nil {
		c.log = slog.Default()
	}
	if c.clock == nil {
		c.clock = systemClock{}
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{} // requests are bounded by their contexts
	}
	c.httpc = captureClient{c: hc}
	b, err := bot.New(cfg.Token,
		bot.WithServerURL(apiURL),
		bot.WithSkipGetMe(),
		bot.WithHTTPClient(time.Duration(o.pollTimeout)*o.second, c.httpc),
		bot.WithErrorsHandler(func(err error) { c.log.Warn("telegram: client error", "err", c.redact(err.Error())) }),
		bot.WithDefaultHandler(func(context.Context, *bot.Bot, *models.Update) {}),
	)
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrConfig, c.redact(err.Error()))
	}
	c.bot = b
	if sl := o.sharedLimit; sl != nil && o.limits.BotPerSecond > 0 {
		c.botLimit, err = ratelimit.New(sl.rdb, sl.key, ratelimit.Config{
			Name:  BotLimitName,
			Rate:  float64(c.perReal(o.limits.BotPerSecond)),
			Burst: max(1, o.limits.BotBurst),
		}, append([]ratelimit.Option{ratelimit.WithLogger(c.log)}, sl.opts...)...)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrConfig, err)
		}
	}
	c.send = newSender(c)
	return c, nil
}

// perReal converts a rate per Telegram second into one per real second.
func (c *Channel) perReal(perSecond float64) rate.Limit {
	return rate.Limit(perSecond * float64(time.Second) / float64(c.opt.second))
}

// Send delivers m to patient ("tg:<chat id>") and returns once Telegram
// accepted every part; it implements runner.Sender. It waits as the flood
// limits require, retries 429 (after retry_after) and 5xx and network errors
// (with backoff), and returns an error wrapping runner.ErrBlocked on 403,
// ErrRejected when Telegram refuses the message (400) or it cannot be drawn,
// ErrUnavailable or ErrRateLimited when the retries ran out, or ctx.Err().
// A long text is sent as several messages, the buttons on the last; after an
// error some of them may have been delivered.
func (c *Channel) Send(ctx context.Context, patient string, m engine.Message) error {
	chat, ok := parsePatient(patient)
	if !ok {
		return fmt.Errorf("%w: not a Telegram patient id", ErrRejected)
	}
	parts, err := render(m)
	if err != nil {
		return err
	}
	steps := make([]step, len(parts))
	for i, p := range parts {
		params := &bot.SendMessageParams{ChatID: chat, Text: p.html, ParseMode: models.ParseModeHTML}
		if p.kb != nil {
			params.ReplyMarkup = p.kb
		}
		steps[i] = step{method: "sendMessage", run: func(ctx context.Context) (*models.Message, error) {
			return c.bot.SendMessage(ctx, params)
		}}
	}
	if len(m.Choices) > 0 {
		kb, seq := parts[len(parts)-1].kb, m.Seq
		steps[len(steps)-1].sent = func(msg *models.Message) { c.ui.sent(chat, seq, msg.ID, kb) }
	}
	return c.send.do(ctx, chat, steps)
}

// Run receives updates until ctx ends: long polling, or a webhook when
// Config.WebhookURL is set. It first reads the bot's name (getMe) and sets
// the command menu. It returns nil when ctx ends, or an error wrapping
// ErrUnauthorized or ErrConfig, or the webhook server's error.
func (c *Channel) Run(ctx context.Context) error {
	if c.handle == nil {
		return fmt.Errorf("%w: no handler", ErrConfig)
	}
	var me *models.User
	if err := c.retry(ctx, "getMe", func(ctx context.Context) error {
		var err error
		me, err = c.bot.GetMe(ctx)
		return err
	}); err != nil {
		return c.runErr(ctx, err)
	}
	c.mu.Lock()
	c.botName = me.Username
	c.mu.Unlock()
	if c.opt.pauses != nil {
		c.loadPauses(ctx)
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			for {
				select {
				case <-stop:
					return
				case <-ctx.Done():
					return
				case <-c.clock.After(pauseRefresh):
				}
				c.loadPauses(ctx)
			}
		}()
	}
	if cls, e := c.call(ctx, "setMyCommands", 0, func(ctx context.Context) error {
		_, err := c.bot.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: botCommands})
		return err
	}); cls != classOK && ctx.Err() == nil {
		c.log.Warn("telegram: set commands failed", "err", e)
	}
	if c.cfg.WebhookURL != "" {
		return c.runWebhook(ctx)
	}
	if c.opt.elector != nil {
		return c.runErr(ctx, c.opt.elector.Run(ctx, c.deleteWebhookAndPoll))
	}
	return c.deleteWebhookAndPoll(ctx)
}

// deleteWebhookAndPoll removes a webhook, if any, and polls until ctx ends.
func (c *Channel) deleteWebhookAndPoll(ctx context.Context) error {
	// getUpdates fails while a webhook is set; pending updates are kept.
	if err := c.retry(ctx, "deleteWebhook", func(ctx context.Context) error {
		_, err := c.bot.DeleteWebhook(ctx, &bot.DeleteWebhookParams{})
		return err
	}); err != nil {
		return c.runErr(ctx, err)
	}
	c.log.Info("telegram: polling for updates")
	return c.poll(ctx)
}

// loadPauses applies the pauses in the pause store.
func (c *Channel) loadPauses(ctx context.Context) {
	ps, err := c.opt.pauses.Pauses(ctx)
	if err != nil {
		if ctx.Err() == nil {
			c.log.Warn("telegram: reading stored pauses failed", "err", err)
		}
		return
	}
	c.send.applyPauses(ps)
}

// runErr is what Run returns for err: nil once ctx ended.
func (c *Channel) runErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// retry runs a setup call until it succeeds, fails for good, or ctx ends;
// 429 waits retry_after, 5xx and network errors back off.
func (c *Channel) retry(ctx context.Context, method string, fn func(context.Context) error) error {
	for n := 1; ; n++ {
		cls, e := c.call(ctx, method, 0, fn)
		var wait time.Duration
		switch cls {
		case classOK:
			return nil
		case classFlood:
			wait = e.RetryAfter
		case classTransient:
			wait = c.backoff(n)
		default:
			return e
		}
		c.log.Warn("telegram: call failed, retrying", "method", method, "attempt", n, "err", e)
		if !c.sleep(ctx, wait) {
			return ctx.Err()
		}
	}
}

// sleep waits d on the clock; false if ctx ended first.
func (c *Channel) sleep(ctx context.Context, d time.Duration) bool {
	select {
	case <-c.clock.After(d):
		return true
	case <-ctx.Done():
		return false
	}
}

func (c *Channel) name() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.botName
}

// isUnauthorized reports whether err says the token is bad.
func isUnauthorized(err error) bool { return errors.Is(err, ErrUnauthorized) }
