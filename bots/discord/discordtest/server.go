// Package discordtest is a fake Discord for tests: an httptest server that
// answers the REST routes a bot uses and runs a gateway websocket, stricter
// than most fakes. It checks the bot token, enforces Discord's message and
// component limits, keeps per-route rate-limit buckets (with the real
// X-RateLimit-* headers and 429 answers), marks interactions that are not
// acknowledged in time, buffers gateway events across a dropped connection
// and replays them on RESUME.
//
// A test drives the patient's side with SlashCommand, PressButton,
// SelectMenu and DM, disturbs the bot with Reconnect, Drop, Redeliver,
// CloseDMs, RateLimit, Throttle and Fail, and inspects the result with Messages,
// Interactions, Unacknowledged, Requests and Violations. Every method is safe
// for concurrent use.
//
// The REST API lives under URL() (".../api/v10"); the gateway URL is what
// GET /gateway and GET /gateway/bot answer, as on Discord.
package discordtest

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/faults"
)

// Errors of the test controls.
var (
	// ErrNoSession: no bot has identified on the gateway yet.
	ErrNoSession = errors.New("discordtest: no gateway session")
	// ErrNoCommand: the slash command is not registered where it is used.
	ErrNoCommand = errors.New("discordtest: no such command")
	// ErrNoComponent: the message has no such (enabled) component, e.g.
	// because its components were removed.
	ErrNoComponent = errors.New("discordtest: no such component")
	// ErrNoMessage: no such message, or the user cannot see it.
	ErrNoMessage = errors.New("discordtest: no such message")
	// ErrBadValues: select menu values that are not options, or too few or
	// too many.
	ErrBadValues = errors.New("discordtest: invalid select values")
	// ErrNoEvent: Redeliver got a sequence number never dispatched.
	ErrNoEvent = errors.New("discordtest: no such event")
)

// Options configure a Server. Zero values take the defaults shown.
type Options struct {
	Token             string        // the bot token, without "Bot "; default "fake-token"
	AppID             string        // application (and bot user) id; default "1100000000000000001"
	HeartbeatInterval time.Duration // sent in HELLO; default 41.25s
	AckDeadline       time.Duration // interactions must be acknowledged within; default 3s
	Window            time.Duration // rate-limit window of every bucket; default 1s
	Limit             int           // requests per Window per bucket unless RateLimit says otherwise; default 50
	RequiredIntents   int           // IDENTIFY must ask for these; default DIRECT_MESSAGES (1<<12)
	// GlobalLimit, if set, is Discord's global limit: requests per second
	// across every route (50 on Discord), counted over a sliding second;
	// interaction callbacks and webhook (followup) requests are exempt, as
	// on Discord. A request beyond it gets a global 429 (see Global429s),
	// and one during the global block that follows is a violation.
	GlobalLimit int
	// Flaky429, if set, is the fraction (0 to 1) of requests answered with a
	// bucket 429 at random (seeded by Seed), with a retry_after of
	// FlakyRetryAfter (default 100ms), as when another process shares the
	// bot's limits.
	Flaky429        float64
	FlakyRetryAfter time.Duration
	Seed            uint64
	Logf            func(format string, args ...any)
}

const (
	intentGuildMembers   = 1 << 1
	intentGuildPresences = 1 << 8
	intentMessageContent = 1 << 15
	intentDirectMessages = 1 << 12
	privilegedIntents    = intentGuildMembers | intentGuildPresences | intentMessageContent
)

// Server is a fake Discord. Create it with New.
type Server struct {
	opt Options
	hs  *httptest.Server

	mu           sync.Mutex
	nextID       int64
	users        map[string]*user
	channels     map[string]*channel
	messages     map[string]*Message
	interactions map[string]*Interaction
	commands     map[string][]Command // "" = global, else guild id
	buckets      map[string]*bucket
	limits       map[string]int
	throttles    map[string]*throttle
	failures     faults.Plan // Fail, by route
	globalUntil  time.Time
	globalIssued time.Time   // when the 429 that started the global block was sent
	globalLog    []time.Time // admitted requests counted by GlobalLimit, last second
	global429s   int
	flaky429s    int
	rnd          *mrand.Rand
	violations   []string
	requests     []Request
	session      *gwSession
	sessions     map[string]*gwSession
	conns        map[*gwConn]bool
	identifies   int
	resumes      int
	closed       bool
}

type user struct {
	id        string
	dm        string // DM channel id, "" until created
	dmsClosed bool
	locale    string
}

type channel struct {
	id      string
	guildID string // "" for a DM
	userID  string // the DM's recipient
	msgs    []*Message
}

// New starts a fake Discord and closes it when the test ends.
func New(tb testing.TB, opt Options) *Server {
	tb.Helper()
	if opt.Token == "" {
		opt.Token = "fake-token"
	}
	if opt.AppID == "" {
		opt.AppID = "1100000000000000001"
	}
	if opt.HeartbeatInterval == 0 {
		opt.HeartbeatInterval = 41250 * time.Millisecond
	}
	if opt.AckDeadline == 0 {
		opt.AckDeadline = 3 * time.Second
	}
	if opt.Window == 0 {
		opt.Window = time.Second
	}
	if opt.Limit == 0 {
		opt.Limit = 50
	}
	if opt.RequiredIntents == 0 {
		opt.RequiredIntents = intentDirectMessages
	}
	if opt.FlakyRetryAfter == 0 {
		opt.FlakyRetryAfter = 100 * time.Millisecond
	}
	s := &Server{
		opt:          opt,
		nextID:       1200000000000000000,
		users:        map[string]*user{},
		channels:     map[string]*channel{},
		messages:     map[string]*Message{},
		interactions: map[string]*Interaction{},
		commands:     map[string][]Command{},
		buckets:      map[string]*bucket{},
		limits:       map[string]int{},
		throttles:    map[string]*throttle{},
		sessions:     map[string]*gwSession{},
		conns:        map[*gwConn]bool{},
		rnd:          mrand.New(mrand.NewPCG(opt.Seed, opt.Seed^0x5eed)),
	}
	mux := http.NewServeMux()
	s.routes(mux)
	mux.HandleFunc("GET /gateway", s.serveGateway)
	mux.HandleFunc("GET /gateway/{$}", s.serveGateway) // discordgo adds a slash
	s.hs = httptest.NewServer(mux)
	tb.Cleanup(s.Close)
	return s
}

// Close stops the server and drops every gateway connection.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	conns := make([]*gwConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.ws.Close()
	}
	s.hs.Close()
}

// URL is the REST base, "http://127.0.0.1:PORT/api/v10": what DISCORD_API_URL
// is set to.
func (s *Server) URL() string { return s.hs.URL + "/api/v10" }

// Host is the server's "127.0.0.1:PORT".
func (s *Server) Host() string { return strings.TrimPrefix(s.hs.URL, "http://") }

// Token is the bot token the server accepts (without "Bot ").
func (s *Server) Token() string { return s.opt.Token }

// AppID is the application's (and bot user's) id.
func (s *Server) AppID() string { return s.opt.AppID }

func (s *Server) gatewayURL() string { return "ws://" + s.Host() + "/gateway" }

func (s *Server) logf(format string, args ...any) {
	if s.opt.Logf != nil {
		s.opt.Logf(format, args...)
	}
}

// discordEpoch is the start of Discord's snowflake clock (2015-01-01), ms.
const discordEpoch = 1420070400000

// newID returns a fresh snowflake whose timestamp is now, as Discord's are
// (bots read an event's time from its id). Callers hold s.mu.
func (s *Server) newID() string {
	s.nextID = max(s.nextID+1, (time.Now().UnixMilli()-discordEpoch)<<22)
	return strconv.FormatInt(s.nextID, 10)
}

func randomToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// userLocked returns the user record, creating it. Callers hold s.mu.
func (s *Server) userLocked(id string) *user {
	u := s.users[id]
	if u == nil {
		u = &user{id: id, locale: "en-US"}
		s.users[id] = u
	}
	return u
}

// dmLocked returns the user's DM channel, creating it. Callers hold s.mu.
func (s *Server) dmLocked(userID string) *channel {
	u := s.userLocked(userID)
	if u.dm == "" {
		c := &channel{id: s.newID(), userID: userID}
		s.channels[c.id] = c
		u.dm = c.id
	}
	return s.channels[u.dm]
}

// guildChannelLocked returns the guild's one text channel. Callers hold s.mu.
func (s *Server) guildChannelLocked(guildID string) *channel {
	for _, c := range s.channels {
		if c.guildID == guildID {
			return c
		}
	}
	c := &channel{id: s.newID(), guildID: guildID}
	s.channels[c.id] = c
	return c
}

func (s *Server) addMessageLocked(c *channel, m *Message) {
	m.ID = s.newID()
	m.ChannelID = c.id
	m.GuildID = c.guildID
	m.Created = time.Now()
	c.msgs = append(c.msgs, m)
	s.messages[m.ID] = m
}

// AddChannel creates a text channel with a given id in the guild, for a
// bot configured to post there (a clinic's staff channel). Slash commands
// used in the guild then come from the guild's first channel: add the
// channel before anything else happens in that guild.
func (s *Server) AddChannel(guildID, channelID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.channels[channelID] == nil {
		s.channels[channelID] = &channel{id: channelID, guildID: guildID}
	}
}

// ChannelMessages returns the messages of one channel, oldest first.
func (s *Server) ChannelMessages(channelID string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channels[channelID]
	if c == nil {
		return nil
	}
	return copyMessages(c.msgs)
}

// CloseDMs makes the user refuse direct messages: creating the DM channel
// still works, sending into it answers 403 with code 50007, as Discord does
// when a user disallows DMs from server members.
func (s *Server) CloseDMs(userID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.userLocked(userID).dmsClosed = true
}

// OpenDMs undoes CloseDMs.
func (s *Server) OpenDMs(userID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.userLocked(userID).dmsClosed = false
}

// SetLocale sets the client locale interactions of the user carry
// (default "en-US").
func (s *Server) SetLocale(userID, locale string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.userLocked(userID).locale = locale
}

// Messages returns what the user sees in their DM channel now, oldest first:
// the bot's messages with their components after every edit, the user's own
// messages, and interaction responses.
func (s *Server) Messages(userID string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.users[userID]
	if u == nil || u.dm == "" {
		return nil
	}
	return copyMessages(s.channels[u.dm].msgs)
}

// BotMessages is Messages without the user's own messages and interaction
// responses: what the bot sent with Send.
func (s *Server) BotMessages(userID string) []Message {
	var out []Message
	for _, m := range s.Messages(userID) {
		if m.Bot && m.Interaction == "" {
			out = append(out, m)
		}
	}
	return out
}

// GuildMessages returns the messages of the guild's channel, including
// ephemeral interaction responses.
func (s *Server) GuildMessages(guildID string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.channels {
		if c.guildID == guildID {
			return copyMessages(c.msgs)
		}
	}
	return nil
}

// Message returns one message by id.
func (s *Server) Message(id string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.messages[id]
	if m == nil {
		return Message{}, false
	}
	return copyMessage(m), true
}

func copyMessages(ms []*Message) []Message {
	out := make([]Message, len(ms))
	for i, m := range ms {
		out[i] = copyMessage(m)
	}
	return out
}

func copyMessage(m *Message) Message {
	c := *m
	c.Rows = cloneRows(m.Rows)
	c.Attachments = slices.Clone(m.Attachments)
	return c
}

func cloneRows(rows []Component) []Component {
	if rows == nil {
		return nil
	}
	b, _ := json.Marshal(rows)
	var out []Component
	_ = json.Unmarshal(b, &out)
	return out
}

// Interaction returns the record of one interaction.
func (s *Server) Interaction(id string) (Interaction, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.interactions[id]
	if i == nil {
		return Interaction{}, false
	}
	return copyInteraction(i), true
}

func copyInteraction(i *Interaction) Interaction {
	c := *i
	c.Values = slices.Clone(i.Values)
	c.Followups = slices.Clone(i.Followups)
	return c
}

// Interactions returns every interaction dispatched so far, in order.
func (s *Server) Interactions() []Interaction {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Interaction, 0, len(s.interactions))
	for _, i := range s.interactions {
		out = append(out, copyInteraction(i))
	}
	slices.SortFunc(out, func(a, b Interaction) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Unacknowledged returns the interactions Discord would show as failed: not
// acknowledged within the deadline (including those whose callback came too
// late and was refused).
func (s *Server) Unacknowledged() []Interaction {
	now := time.Now()
	var out []Interaction
	for _, i := range s.Interactions() {
		if i.Late || (!i.Acked && now.Sub(i.Dispatched) > s.opt.AckDeadline) {
			out = append(out, i)
		}
	}
	return out
}

// Response returns the original response message of an interaction.
func (s *Server) Response(interactionID string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.interactions[interactionID]
	if i == nil || i.Response == "" {
		return Message{}, false
	}
	return copyMessage(s.messages[i.Response]), true
}

// Commands returns the commands registered globally (guildID "") or for a
// guild.
func (s *Server) Commands(guildID string) []Command {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.commands[guildID])
}

// Requests returns every REST request answered so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// Violations describes every request the bot sent to a bucket (or, under a
// global limit, anywhere) after it had been told to wait: a response with
// X-RateLimit-Remaining 0 whose window had not ended, or a 429 whose
// retry_after had not passed.
func (s *Server) Violations() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.violations)
}

// Global429s counts the global 429s the GlobalLimit answered (those of
// Throttle not included).
func (s *Server) Global429s() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.global429s
}

// Flaky429s counts the random 429s of Options.Flaky429.
func (s *Server) Flaky429s() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.flaky429s
}

// Ready reports whether a bot session is connected to the gateway.
func (s *Server) Ready() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.session != nil && s.session.conn != nil
}

// Identifies counts the sessions started with IDENTIFY.
func (s *Server) Identifies() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.identifies
}

// Resumes counts successful RESUMEs.
func (s *Server) Resumes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.resumes
}

// Wait polls cond every 10ms until it holds or the timeout passes, and
// reports whether it held.
func Wait(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// SlashCommand makes the user run a slash command, in the guild or, with
// guildID "", in their DM with the bot. options are string options by name.
// The command must be registered where it is used: a guild command only in
// its guild, a global one where its contexts allow.
func (s *Server) SlashCommand(userID, guildID, name string, options map[string]string) (Dispatch, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.session == nil {
		return Dispatch{}, ErrNoSession
	}
	cmd, ok := s.findCommandLocked(guildID, name)
	if !ok {
		return Dispatch{}, fmt.Errorf("%w: /%s in guild %q", ErrNoCommand, name, guildID)
	}
	var opts []map[string]any
	names := make([]string, 0, len(options))
	for k := range options {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		if !slices.ContainsFunc(cmd.Options, func(o CommandOption) bool { return o.Name == k }) {
			return Dispatch{}, fmt.Errorf("%w: /%s has no option %q", ErrNoCommand, name, k)
		}
		opts = append(opts, map[string]any{"name": k, "type": 3, "value": options[k]})
	}
	for _, o := range cmd.Options {
		if _, ok := options[o.Name]; o.Required && !ok {
			return Dispatch{}, fmt.Errorf("%w: /%s needs option %q", ErrNoCommand, name, o.Name)
		}
	}
	data := map[string]any{"id": cmd.ID, "name": name, "type": 1}
	if len(opts) > 0 {
		data["options"] = opts
	}
	in := &Interaction{Type: InteractionCommand, Name: name, UserID: userID, GuildID: guildID}
	return s.dispatchInteractionLocked(in, data, nil)
}

func (s *Server) findCommandLocked(guildID, name string) (Command, bool) {
	if guildID != "" {
		for _, c := range s.commands[guildID] {
			if c.Name == name {
				return c, true
			}
		}
	}
	for _, c := range s.commands[""] {
		if c.Name != name {
			continue
		}
		ctx := 1 // BOT_DM
		if guildID != "" {
			ctx = 0 // GUILD
		}
		if len(c.Contexts) > 0 && !slices.Contains(c.Contexts, ctx) {
			return Command{}, false
		}
		if len(c.Contexts) == 0 && guildID == "" && c.DMPerm != nil && !*c.DMPerm {
			return Command{}, false
		}
		return c, true
	}
	return Command{}, false
}

// PressButton makes the user press the button with customID on a message
// they can see. It fails with ErrNoComponent when the message has no such
// enabled button (for example after the bot removed its components).
func (s *Server) PressButton(userID, messageID, customID string) (Dispatch, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.visibleMessageLocked(userID, messageID)
	if err != nil {
		return Dispatch{}, err
	}
	found := false
	for _, b := range copyMessage(m).Buttons() {
		if b.CustomID == customID && !b.Disabled && b.Style != StyleLink {
			found = true
		}
	}
	if !found {
		return Dispatch{}, fmt.Errorf("%w: button %q on message %s", ErrNoComponent, customID, messageID)
	}
	data := map[string]any{"custom_id": customID, "component_type": TypeButton}
	in := &Interaction{Type: InteractionComponent, CustomID: customID, UserID: userID, GuildID: m.GuildID, MessageID: m.ID}
	return s.dispatchInteractionLocked(in, data, m)
}

// SelectMenu makes the user pick values in the select menu with customID.
// The values must be options of the menu, between its min_values and
// max_values.
func (s *Server) SelectMenu(userID, messageID, customID string, values []string) (Dispatch, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.visibleMessageLocked(userID, messageID)
	if err != nil {
		return Dispatch{}, err
	}
	var menu *Component
	for _, c := range copyMessage(m).Selects() {
		if c.CustomID == customID && !c.Disabled {
			menu = &c
		}
	}
	if menu == nil {
		return Dispatch{}, fmt.Errorf("%w: select %q on message %s", ErrNoComponent, customID, messageID)
	}
	lo, hi := minMax(*menu)
	if len(values) < lo || len(values) > hi {
		return Dispatch{}, fmt.Errorf("%w: %d values, menu takes %d to %d", ErrBadValues, len(values), lo, hi)
	}
	seen := map[string]bool{}
	for _, v := range values {
		if seen[v] || !slices.ContainsFunc(menu.Options, func(o SelectOption) bool { return o.Value == v }) {
			return Dispatch{}, fmt.Errorf("%w: %q", ErrBadValues, v)
		}
		seen[v] = true
	}
	data := map[string]any{"custom_id": customID, "component_type": TypeStringSelect, "values": values}
	in := &Interaction{Type: InteractionComponent, CustomID: customID, Values: slices.Clone(values), UserID: userID, GuildID: m.GuildID, MessageID: m.ID}
	return s.dispatchInteractionLocked(in, data, m)
}

func (s *Server) visibleMessageLocked(userID, messageID string) (*Message, error) {
	if s.session == nil {
		return nil, ErrNoSession
	}
	m := s.messages[messageID]
	if m == nil {
		return nil, fmt.Errorf("%w: %s", ErrNoMessage, messageID)
	}
	c := s.channels[m.ChannelID]
	if c.guildID == "" && c.userID != userID {
		return nil, fmt.Errorf("%w: %s is in another user's DM", ErrNoMessage, messageID)
	}
	return m, nil
}

func (s *Server) dispatchInteractionLocked(in *Interaction, data map[string]any, msg *Message) (Dispatch, error) {
	u := s.userLocked(in.UserID)
	var c *channel
	if msg != nil && s.channels[msg.ChannelID] != nil {
		c = s.channels[msg.ChannelID] // a component is used where its message is
	} else if in.GuildID != "" {
		c = s.guildChannelLocked(in.GuildID)
	} else {
		c = s.dmLocked(in.UserID)
	}
	in.ID = s.newID()
	in.Token = randomToken()
	in.ChannelID = c.id
	in.Dispatched = time.Now()
	payload := map[string]any{
		"id":              in.ID,
		"application_id":  s.opt.AppID,
		"type":            in.Type,
		"data":            data,
		"channel_id":      c.id,
		"token":           in.Token,
		"version":         1,
		"locale":          u.locale,
		"app_permissions": "0",
	}
	uj := userJSON(in.UserID, false)
	if in.GuildID != "" {
		payload["guild_id"] = in.GuildID
		payload["guild_locale"] = "en-US"
		payload["member"] = map[string]any{"user": uj, "roles": []string{}, "permissions": "0", "joined_at": "2024-01-01T00:00:00+00:00"}
		payload["context"] = 0
		payload["channel"] = map[string]any{"id": c.id, "type": 0, "guild_id": in.GuildID}
	} else {
		payload["user"] = uj
		payload["context"] = 1
		payload["channel"] = map[string]any{"id": c.id, "type": 1}
	}
	if msg != nil {
		payload["message"] = s.messageJSON(msg)
	}
	s.interactions[in.ID] = in
	seq, err := s.dispatchLocked("INTERACTION_CREATE", payload)
	if err != nil {
		delete(s.interactions, in.ID)
		return Dispatch{}, err
	}
	in.Seq = seq
	return Dispatch{Seq: seq, ID: in.ID}, nil
}

// DM makes the user send text to the bot in their DM channel: the message is
// stored and MESSAGE_CREATE dispatched.
func (s *Server) DM(userID, text string) (Dispatch, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.session == nil {
		return Dispatch{}, ErrNoSession
	}
	c := s.dmLocked(userID)
	m := &Message{AuthorID: userID, Content: text}
	s.addMessageLocked(c, m)
	seq, err := s.dispatchLocked("MESSAGE_CREATE", s.messageJSON(m))
	return Dispatch{Seq: seq, ID: m.ID}, err
}

// GuildMessage makes the user post text in the guild's channel (with the
// content, as if the bot had the message content intent).
func (s *Server) GuildMessage(userID, guildID, text string) (Dispatch, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.session == nil {
		return Dispatch{}, ErrNoSession
	}
	c := s.guildChannelLocked(guildID)
	m := &Message{AuthorID: userID, Content: text}
	s.addMessageLocked(c, m)
	seq, err := s.dispatchLocked("MESSAGE_CREATE", s.messageJSON(m))
	return Dispatch{Seq: seq, ID: m.ID}, err
}

// Dispatch sends an arbitrary event on the gateway, for cases the other
// controls do not cover (a DM from another bot, an unknown event type).
func (s *Server) Dispatch(eventType string, data any) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.session == nil {
		return 0, ErrNoSession
	}
	return s.dispatchLocked(eventType, data)
}

// Redeliver dispatches the event with sequence number seq again, unchanged
// but under a new sequence number, as Discord may after a network hiccup.
func (s *Server) Redeliver(seq int64) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.session == nil {
		return 0, ErrNoSession
	}
	for _, e := range s.session.events {
		if e.Seq == seq {
			return s.dispatchLocked(e.Type, e.Data)
		}
	}
	return 0, fmt.Errorf("%w: %d", ErrNoEvent, seq)
}

func userJSON(id string, bot bool) map[string]any {
	name := "patient-" + id
	if bot {
		name = "kapbot"
	}
	return map[string]any{"id": id, "username": name, "discriminator": "0", "global_name": name, "bot": bot}
}

// messageJSON renders a message as Discord does. Callers hold s.mu.
func (s *Server) messageJSON(m *Message) map[string]any {
	author := userJSON(m.AuthorID, m.Bot)
	out := map[string]any{
		"id":               m.ID,
		"type":             0,
		"channel_id":       m.ChannelID,
		"author":           author,
		"content":          m.Content,
		"timestamp":        m.Created.UTC().Format(time.RFC3339Nano),
		"edited_timestamp": nil,
		"tts":              false,
		"mention_everyone": false,
		"mentions":         []any{},
		"mention_roles":    []any{},
		"attachments":      []any{},
		"embeds":           []any{},
		"pinned":           false,
		"flags":            m.Flags,
		"components":       m.Rows,
	}
	if m.Rows == nil {
		out["components"] = []any{}
	}
	if len(m.Attachments) > 0 {
		var as []any
		for i, a := range m.Attachments {
			as = append(as, map[string]any{"id": fmt.Sprintf("%s%d", m.ID, i), "filename": a.Filename, "size": a.Size,
				"content_type": a.ContentType, "url": "https://cdn.discordapp.invalid/" + a.Filename})
		}
		out["attachments"] = as
	}
	if m.GuildID != "" {
		out["guild_id"] = m.GuildID
	}
	if m.Nonce != "" {
		out["nonce"] = m.Nonce
	}
	if m.Interaction != "" {
		out["type"] = 20 // CHAT_INPUT_COMMAND or a component response
		if in := s.interactions[m.Interaction]; in != nil && in.Type == InteractionComponent {
			out["type"] = 0
		}
	}
	return out
}
