// Package discord is the Discord channel: it turns slash commands, button
// presses, select menus and direct messages into runner.Inbound events, and
// delivers the engine's messages as direct messages with buttons.
//
// The conversation always runs in the patient's DMs with the bot. A slash
// command used in a server is acknowledged at once with an ephemeral
// "thinking…" answer (Discord fails an interaction not acknowledged within
// 3 seconds), the handler runs, and the answer is edited to say that a DM
// was sent, or how to allow DMs when the patient's are closed.
//
// The channel talks to Discord through github.com/bwmarrin/discordgo. Its
// REST traffic goes to Config.APIURL (DISCORD_API_URL) through a
// RoundTripper (see apiTransport); the gateway URL is whatever the API's
// GET /gateway answers. Neither the bot token nor patient text is ever
// logged or put in an error.
package discord

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/kapbot/kapbot/internal/backoff"
	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/keyqueue"
	"github.com/kapbot/kapbot/internal/ratelimit"
	"github.com/kapbot/kapbot/internal/runner"
)

// Config is the channel's configuration, built by main from flags and the
// environment.
type Config struct {
	// Token is the bot token (DISCORD_TOKEN), with or without "Bot ".
	Token string
	// APIURL is the REST base (DISCORD_API_URL); "" means
	// https://discord.com/api/v10. See apiBase for the accepted forms.
	APIURL string
	// HTTPClient is used for REST requests (its Transport and Timeout);
	// nil means a client with a 20s timeout over http.DefaultTransport.
	HTTPClient *http.Client
	// Logger receives the channel's logs; nil means slog.Default().
	Logger *slog.Logger
	// GuildID, if set, registers the slash commands in that server only
	// (they show up at once, but not in DMs); otherwise globally.
	GuildID string
}

// Handler receives each patient event. It returns nil once the event is
// durably committed; it is called again with the same Inbound.ID when it
// fails, and must de-duplicate on it. Events of one patient are handled one
// at a time, in order; different patients concurrently.
type Handler func(ctx context.Context, in runner.Inbound) error

// Option tunes a Channel.
type Option func(*options)

type options struct {
	catalog       *catalog.Catalog
	attempts      int           // REST attempts per request
	backoff       time.Duration // first wait between attempts
	maxBackoff    time.Duration
	handlerTries  int           // handler attempts per event
	ackTimeout    time.Duration // how long an acknowledgement may take
	dmGrace       time.Duration // how long a server command waits for its first DM
	shutdownGrace time.Duration // how long Run drains queued events after ctx ends
	queueLimit    int           // queued events per patient
	now           func() time.Time
	dialer        *websocket.Dialer
	flowCmds      []FlowCommand
	flowCmdsSet   bool
	global        *ratelimit.Limiter
}

// WithCatalog sets the clinic's catalogue, used for the catalogue texts the
// channel says itself (catalog.Unavailable, catalog.NotText). Default: the
// built-in catalogue.
func WithCatalog(c *catalog.Catalog) Option { return func(o *options) { o.catalog = c } }

// WithRetry sets how transient REST failures (5xx, network errors, 429s
// discordgo did not absorb) are retried: attempts in all, waiting backoff,
// doubling up to maxBackoff. Default: 5 attempts from 250ms to 5s.
func WithRetry(attempts int, backoff, maxBackoff time.Duration) Option {
	return func(o *options) {
		o.attempts, o.backoff, o.maxBackoff = max(attempts, 1), backoff, max(backoff, maxBackoff)
	}
}

// WithHandlerRetry sets how often an event is offered to a failing handler
// before the patient is told to try again later. Default: 3.
func WithHandlerRetry(attempts int) Option {
	return func(o *options) { o.handlerTries = max(attempts, 1) }
}

// WithDMGrace sets how long the answer to a slash command used in a server
// waits for the first DM to be delivered (or refused) before it says the DM
// was sent. Default: 10s.
func WithDMGrace(d time.Duration) Option { return func(o *options) { o.dmGrace = d } }

// WithShutdownGrace sets how long Run keeps handling queued events after its
// context ends. Default: 10s.
func WithShutdownGrace(d time.Duration) Option { return func(o *options) { o.shutdownGrace = d } }

// WithClock sets the clock used when an event's own time is unknown.
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// WithFlowCommands sets the slash commands that start flows (the flows'
// `command:`), registered on start in place of the sample flows' /intake,
// /prepare and /integrate. None: the menu has only the channel's own
// commands (/start, /help, ...). New fails on a name Discord refuses or
// that one of those has.
func WithFlowCommands(cmds ...FlowCommand) Option {
	return func(o *options) { o.flowCmds, o.flowCmdsSet = cmds, true }
}

// WithGlobalLimit keeps Discord's global limit with l, which several
// replicas of the bot share when it was made with a Redis client (see
// GlobalLimit). Default: a limiter of this process alone.
func WithGlobalLimit(l *ratelimit.Limiter) Option { return func(o *options) { o.global = l } }

// WithDialer sets the gateway websocket dialer.
func WithDialer(d *websocket.Dialer) Option { return func(o *options) { o.dialer = d } }

// Channel is the Discord channel. Create it with New, start it with Run;
// Send may be called from any goroutine.
type Channel struct {
	cfg    Config
	opt    options
	handle Handler
	log    *slog.Logger
	s      *discordgo.Session
	token  string // without "Bot "

	ending endingFlag      // set when the gateway is closed for good
	work   context.Context // handler and delivery work; outlives Run's ctx by the grace
	cancel context.CancelFunc
	tasks  group

	mu      sync.Mutex
	running bool
	botID   string
	appID   string
	dms     map[string]string            // user id -> DM channel id
	latest  map[string]int               // user id -> newest prompt Seq sent
	marked  map[string]string            // user id -> last question marked answered by a press
	pending map[string]*pendingAck       // user id -> server command awaiting its first DM
	queues  *keyqueue.Queue[string, job] // each user's events, in order
	desk    runner.StaffDesk             // nil: no staff side
	session string                       // the gateway session id of the last READY
	cmds    commandSet                   // the patient slash commands, in menu order
	reask   func(ctx context.Context, tag string)
}

// SetReasker sets what the channel calls when the gateway session was
// replaced by a new one (a RESUME refused): events of the gap may be lost,
// so f should tell each patient with an open question what the bot waits
// for (runner.Reask). tag is the new session's id.
func (c *Channel) SetReasker(f func(ctx context.Context, tag string)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reask = f
}

var _ runner.Sender = (*Channel)(nil)

// New returns a Channel for cfg that passes patient events to handle. It
// does not connect; Run does. Errors never contain the token.
func New(cfg Config, handle Handler, opts ...Option) (*Channel, error) {
	token := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(cfg.Token), "Bot "))
	if token == "" {
		return nil, ErrNoToken
	}
	if handle == nil {
		return nil, errors.New("discord: nil handler")
	}
	base, err := apiBase(cfg.APIURL)
	if err != nil {
		return nil, redact(err, token)
	}
	o := options{
		attempts:      5,
		backoff:       250 * time.Millisecond,
		maxBackoff:    5 * time.Second,
		handlerTries:  3,
		ackTimeout:    2500 * time.Millisecond,
		dmGrace:       10 * time.Second,
		shutdownGrace: 10 * time.Second,
		queueLimit:    100,
		now:           time.Now,
	}
	for _, f := range opts {
		f(&o)
	}
	if o.catalog == nil {
		o.catalog, _ = catalog.New(nil)
	}
	if o.dialer == nil {
		o.dialer = &websocket.Dialer{Proxy: http.ProxyFromEnvironment, HandshakeTimeout: 15 * time.Second}
	}
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, redact(fmt.Errorf("discord: %w", err), token)
	}
	next := http.DefaultTransport
	timeout := 20 * time.Second
	if cfg.HTTPClient != nil {
		if cfg.HTTPClient.Transport != nil {
			next = cfg.HTTPClient.Transport
		}
		if cfg.HTTPClient.Timeout != 0 {
			timeout = cfg.HTTPClient.Timeout
		}
	}
	if o.global == nil {
		o.global = newGlobalLimit()
	}
	s.Client = &http.Client{Transport: &apiTransport{base: base, next: next, global: o.global}, Timeout: timeout}
	// s.Dialer is set below, once the channel exists.
	s.Identify.Intents = discordgo.IntentsDirectMessages
	s.SyncEvents = true // events in gateway order; handlers only enqueue
	s.StateEnabled = false
	s.ShouldRetryOnRateLimit = true
	s.MaxRestRetries = 0 // 502s are retried here, with backoff
	s.LogLevel = discordgo.LogError

	cmds := commandSet(commands)
	if o.flowCmdsSet {
		if cmds, err = flowCommandSet(o.flowCmds); err != nil {
			return nil, err
		}
	}
	c := &Channel{
		cmds:    cmds,
		cfg:     cfg,
		opt:     o,
		handle:  handle,
		log:     log.With("channel", "discord"),
		s:       s,
		token:   token,
		dms:     map[string]string{},
		latest:  map[string]int{},
		marked:  map[string]string{},
		pending: map[string]*pendingAck{},
	}
	c.queues = keyqueue.New(func(_ string, j job) bool { c.process(j); return true }, c.goTracked, o.queueLimit)
	s.Dialer = resumableDialer(o.dialer, c.ending.get)
	c.work, c.cancel = context.WithCancel(context.Background())
	return c, nil
}

// Run connects to Discord: it checks the token (GET /users/@me), reads the
// gateway's session limits (GET /gateway/bot), opens the gateway, registers
// the slash commands, and then handles events until ctx ends. It then
// closes the gateway, finishes the events already received (up to the
// shutdown grace) and returns nil. Transient failures while starting are
// retried until ctx ends; a permanent one is returned: ErrBadToken for a
// refused token, ErrRejected for refused commands or intents. discordgo
// reconnects (and RESUMEs) by itself after a dropped connection. Run can be
// called once.
func (c *Channel) Run(ctx context.Context) error {
	c.mu.Lock()
	if c.running {
		c.mu.Unlock()
		return ErrRunning
	}
	c.running = true
	c.mu.Unlock()
	defer c.cancel()

	removers := []func(){
		c.s.AddHandler(c.onReady),
		c.s.AddHandler(c.onInteraction),
		c.s.AddHandler(c.onMessage),
	}
	defer func() {
		for _, r := range removers {
			r()
		}
	}()
	opened, err := c.start(ctx)
	if err == nil {
		<-ctx.Done()
	}
	if opened {
		c.shutdown()
	}
	if err != nil && ctx.Err() == nil {
		return err
	}
	return nil
}

// start does Run's work up to handling events, and reports whether the
// gateway was opened.
func (c *Channel) start(ctx context.Context) (opened bool, err error) {
	var me *discordgo.User
	err = c.persist(ctx, "get bot user", func(o ...discordgo.RequestOption) (err error) {
		me, err = c.s.User("@me", o...)
		return err
	})
	if err != nil {
		return false, err
	}
	var gw *discordgo.GatewayBotResponse
	err = c.persist(ctx, "get gateway", func(o ...discordgo.RequestOption) (err error) {
		gw, err = c.s.GatewayBot(o...)
		return err
	})
	if err != nil {
		return false, err
	}
	if gw.Shards > 1 {
		c.log.Warn("discord recommends more shards than this bot runs", "shards", gw.Shards)
	}
	if l := gw.SessionStartLimit; l.Total > 0 && l.Remaining == 0 {
		wait := time.Duration(l.ResetAfter) * time.Millisecond
		c.log.Warn("discord gateway session starts used up; waiting", "wait", wait)
		if err := backoff.Sleep(ctx, wait); err != nil {
			return false, fmt.Errorf("discord: wait for session start limit: %w", err)
		}
	}
	c.mu.Lock()
	c.botID, c.appID = me.ID, me.ID
	c.mu.Unlock()

	if err := c.open(ctx); err != nil {
		return false, err
	}
	c.log.Info("discord gateway connected", "bot", me.ID)

	c.mu.Lock()
	app := c.appID // READY's application id, if it came
	c.mu.Unlock()
	cmds := c.cmds.app(c.cfg.GuildID == "")
	if c.staffDesk() != nil {
		cmds = append(cmds, staffAppCommands(c.cfg.GuildID == "")...)
	}
	err = c.persist(ctx, "register commands", func(o ...discordgo.RequestOption) error {
		_, err := c.s.ApplicationCommandBulkOverwrite(app, c.cfg.GuildID, cmds, o...)
		return err
	})
	if err != nil {
		return true, err
	}
	c.log.Info("discord slash commands registered", "count", len(cmds), "guild", c.cfg.GuildID)
	return true, nil
}

// persist is retry that starts over after transient failures until ctx
// ends: for the requests without which the channel cannot start.
func (c *Channel) persist(ctx context.Context, op string, call func(...discordgo.RequestOption) error) error {
	for n := 1; ; n++ {
		err := c.retry(ctx, op, call)
		if err == nil || !errors.Is(err, ErrUnavailable) {
			return err
		}
		delay := c.backoff().Delay(n)
		c.log.Warn("discord not reachable; retrying", "op", op, "error", err, "wait", delay)
		if err := backoff.Sleep(ctx, delay); err != nil {
			return fmt.Errorf("discord: %s: %w", op, err)
		}
	}
}

// open opens the gateway, retrying transient failures until ctx ends.
func (c *Channel) open(ctx context.Context) error {
	for n := 1; ; n++ {
		err := c.s.Open()
		if err == nil {
			return nil
		}
		e, transient, _ := classify("open gateway", err)
		e = redact(e, c.token)
		if !transient {
			return e
		}
		delay := c.backoff().Delay(n)
		c.log.Warn("discord gateway not reachable; retrying", "error", e, "wait", delay)
		if err := backoff.Sleep(ctx, delay); err != nil {
			return fmt.Errorf("discord: open gateway: %w", err)
		}
	}
}

// shutdown closes the gateway, then lets the workers finish within the
// grace, then cancels what is left.
func (c *Channel) shutdown() {
	c.ending.Store(true) // this close may end the session
	if err := c.s.Close(); err != nil {
		c.log.Warn("discord gateway close", "error", redact(err, c.token))
	}
	if !c.tasks.wait(c.opt.shutdownGrace) {
		c.log.Warn("discord shutdown grace over; abandoning queued events")
	}
	c.tasks.stop()
	c.cancel()
	c.tasks.wait(5 * time.Second)
}

// onReady notes the bot's ids and the gateway session. A READY after an
// earlier one means a new session: the old one could not be resumed, and
// events sent in between may be lost, so the reasker is called.
func (c *Channel) onReady(_ *discordgo.Session, r *discordgo.Ready) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r.Application != nil && r.Application.ID != "" {
		c.appID = r.Application.ID
	}
	if r.User != nil && r.User.ID != "" {
		c.botID = r.User.ID
	}
	prev := c.session
	c.session = r.SessionID
	if prev == "" || prev == r.SessionID || c.reask == nil {
		return
	}
	c.log.Warn("discord gateway session replaced; asking open questions again")
	reask, tag := c.reask, r.SessionID
	c.goTracked(func() { reask(c.work, tag) })
}

// retry runs a discordgo call, retrying transient failures with backoff
// until the attempts run out or ctx ends. The error it returns is one of
// classify's, with the token redacted.
func (c *Channel) retry(ctx context.Context, op string, call func(...discordgo.RequestOption) error) error {
	for attempt := 1; ; attempt++ {
		err := call(discordgo.WithContext(ctx))
		if err == nil {
			return nil
		}
		e, transient, wait := classify(op, err)
		e = redact(e, c.token)
		if ctx.Err() != nil {
			return fmt.Errorf("discord: %s: %w", op, ctx.Err())
		}
		if !transient || attempt >= c.opt.attempts {
			return e
		}
		wait = max(wait, c.backoff().Delay(attempt))
		c.log.Debug("discord request failed; retrying", "op", op, "attempt", attempt, "error", e, "wait", wait)
		if err := backoff.Sleep(ctx, wait); err != nil {
			return fmt.Errorf("discord: %s: %w", op, err)
		}
	}
}

// backoff is the channel's retry schedule (WithRetry), with jitter.
func (c *Channel) backoff() backoff.Policy {
	return backoff.Policy{First: c.opt.backoff, Longest: c.opt.maxBackoff}
}

// Send delivers m to the patient ("dc:<user id>") as DMs: text over 2000
// characters is split at paragraph (then line, then word) boundaries, and
// the choices are drawn as components on the last part. Each part is sent
// with a nonce Discord enforces, so a retry after a lost answer does not
// post it twice. Send returns runner.ErrBlocked (wrapped in an *APIError)
// when the patient's DMs are closed, ErrBadPatient for a foreign patient id,
// and an error wrapping ErrUnavailable or ErrRejected when delivery failed;
// the runner retries those later. It never logs the text.
func (c *Channel) Send(ctx context.Context, patient string, m engine.Message) error {
	userID, ok := strings.CutPrefix(patient, "dc:")
	if !ok || !isSnowflake(userID) {
		return ErrBadPatient
	}
	d := draw(m)
	if len(d.parts) == 0 && len(d.components) == 0 {
		return nil
	}
	if len(d.parts) == 0 {
		d.parts = []string{""}
	}
	if m.Seq > 0 {
		c.mu.Lock()
		c.latest[userID] = max(c.latest[userID], m.Seq)
		c.mu.Unlock()
	}
	for i, part := range d.parts {
		body := messageCreate{
			Content:         part,
			AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
			Nonce:           deliveryNonce(runner.DeliveryKey(ctx), i),
			EnforceNonce:    true,
		}
		if i == len(d.parts)-1 {
			body.Components = d.components
		}
		err := c.createMessage(ctx, userID, &body)
		if code(err) == codeCannotDM {
			c.resolvePending(userID, catalog.DMClosed)
			c.log.Debug("discord patient's DMs are closed", "user", runner.LogID("dc:"+userID))
			return err
		}
		if err != nil {
			return err
		}
		if i == 0 {
			c.resolvePending(userID, catalog.DMSent)
		}
	}
	return nil
}

// messageCreate is the body of POST /channels/{id}/messages, with the nonce
// fields discordgo's MessageSend lacks.
type messageCreate struct {
	Content         string                            `json:"content"`
	Components      []discordgo.MessageComponent      `json:"components,omitempty"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions,omitempty"`
	Nonce           string                            `json:"nonce,omitempty"`
	EnforceNonce    bool                              `json:"enforce_nonce,omitempty"`
}

// nonce returns a random message nonce (Discord allows 25 characters).
func nonce() string { return deliveryNonce("", 0) }

// deliveryNonce returns the nonce of part i of the message with delivery key key
// (runner.DeliveryKey): the same for every attempt, in this process or the
// next, so that Discord posts a message resent after a crash only once. A
// message without a key gets a random nonce. Discord allows 25 characters.
func deliveryNonce(key string, i int) string {
	var b [12]byte
	if key == "" {
		_, _ = rand.Read(b[:])
	} else {
		h := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", key, i)))
		copy(b[:], h[:])
	}
	return hex.EncodeToString(b[:])
}

func isSnowflake(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// createMessage posts body into the user's DM channel, creating (or, if it
// is gone, re-creating) the channel.
func (c *Channel) createMessage(ctx context.Context, userID string, body *messageCreate) error {
	for try := 0; ; try++ {
		ch, err := c.dmChannel(ctx, userID)
		if err != nil {
			return err
		}
		url := discordgo.EndpointChannelMessages(ch)
		err = c.retry(ctx, "send message", func(o ...discordgo.RequestOption) error {
			_, err := c.s.RequestWithBucketID(http.MethodPost, url, body, url, o...)
			return err
		})
		if code(err) == codeUnknownChannel && try == 0 {
			c.mu.Lock()
			delete(c.dms, userID)
			c.mu.Unlock()
			continue
		}
		return err
	}
}

// dmChannel returns the id of the DM channel with the user.
func (c *Channel) dmChannel(ctx context.Context, userID string) (string, error) {
	c.mu.Lock()
	ch := c.dms[userID]
	c.mu.Unlock()
	if ch != "" {
		return ch, nil
	}
	var st *discordgo.Channel
	err := c.retry(ctx, "open DM channel", func(o ...discordgo.RequestOption) (err error) {
		st, err = c.s.UserChannelCreate(userID, o...)
		return err
	})
	if err != nil {
		return "", err
	}
	c.rememberDM(userID, st.ID)
	return st.ID, nil
}

func (c *Channel) rememberDM(userID, channelID string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dms[userID] = channelID
}

// group counts running goroutines so that shutdown can wait for them; once
// stopped it starts no more.
type group struct {
	mu      sync.Mutex
	n       int
	zero    chan struct{}
	stopped bool
}

// add registers a goroutine about to start; false once stopped.
func (g *group) add() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.stopped {
		return false
	}
	if g.n == 0 {
		g.zero = make(chan struct{})
	}
	g.n++
	return true
}

func (g *group) done() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.n--
	if g.n == 0 {
		close(g.zero)
	}
}

// wait waits until no goroutine runs or the timeout passes, and reports
// whether none runs.
func (g *group) wait(timeout time.Duration) bool {
	g.mu.Lock()
	if g.n == 0 {
		g.mu.Unlock()
		return true
	}
	z := g.zero
	g.mu.Unlock()
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-z:
		return true
	case <-t.C:
		return false
	}
}

func (g *group) stop() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.stopped = true
}

// goTracked runs f in a goroutine shutdown waits for; it reports false (and
// does not run f) once shutdown has passed its grace.
func (c *Channel) goTracked(f func()) bool {
	if !c.tasks.add() {
		return false
	}
	go func() {
		defer c.tasks.done()
		f()
	}()
	return true
}
