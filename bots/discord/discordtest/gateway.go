package discordtest

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Gateway opcodes.
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opResume         = 6
	opReconnect      = 7
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatAck   = 11
)

// Gateway close codes the fake uses.
const (
	closeDecodeError          = 4002
	closeNotAuthenticated     = 4003
	closeAuthenticationFailed = 4004
	closeAlreadyAuthenticated = 4005
	closeInvalidIntents       = 4013
	closeDisallowedIntents    = 4014
)

type gwEvent struct {
	Seq  int64
	Type string
	Data json.RawMessage
}

// gwSession is a gateway session: its events outlive a connection so that a
// RESUME can replay what the bot missed.
type gwSession struct {
	id      string
	seq     int64
	events  []gwEvent
	conn    *gwConn // nil while the bot is disconnected
	invalid bool
}

type gwConn struct {
	ws      *websocket.Conn
	wmu     sync.Mutex
	session *gwSession
	stalled bool // no more heartbeat ACKs (s.mu)
}

type gwPayload struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  *int64          `json:"s"`
	T  *string         `json:"t"`
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

func (c *gwConn) write(v any) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteJSON(v)
}

func (c *gwConn) closeWith(code int, reason string) {
	c.wmu.Lock()
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(time.Second))
	c.wmu.Unlock()
	c.ws.Close()
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	if enc := r.URL.Query().Get("encoding"); enc != "" && enc != "json" {
		http.Error(w, "only encoding=json", http.StatusBadRequest)
		return
	}
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &gwConn{ws: ws}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ws.Close()
		return
	}
	s.conns[c] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		if c.session != nil && c.session.conn == c {
			c.session.conn = nil
		}
		s.mu.Unlock()
		ws.Close()
	}()

	hello := map[string]any{"op": opHello, "d": map[string]any{"heartbeat_interval": s.opt.HeartbeatInterval.Milliseconds()}}
	if err := c.write(hello); err != nil {
		return
	}
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			// A client that closes with 1000 or 1001 ends its session, as
			// on Discord; other codes (1012 after op 7) keep it resumable.
			var ce *websocket.CloseError
			if asCloseError(err, &ce) {
				s.logf("discordtest: the bot closed with %d", ce.Code)
			}
			if ok := asCloseError(err, &ce); ok && (ce.Code == websocket.CloseNormalClosure || ce.Code == websocket.CloseGoingAway) {
				s.mu.Lock()
				if c.session != nil {
					c.session.invalid = true
				}
				s.mu.Unlock()
			}
			return
		}
		var p gwPayload
		if err := json.Unmarshal(data, &p); err != nil {
			c.closeWith(closeDecodeError, "decode error")
			return
		}
		switch p.Op {
		case opHeartbeat:
			s.mu.Lock()
			stalled := c.stalled
			s.mu.Unlock()
			if stalled {
				continue
			}
			if err := c.write(map[string]any{"op": opHeartbeatAck, "d": nil}); err != nil {
				return
			}
		case opIdentify:
			if !s.identify(c, p.D) {
				return
			}
		case opResume:
			if !s.resume(c, p.D) {
				return
			}
		default:
			s.mu.Lock()
			authed := c.session != nil
			s.mu.Unlock()
			if !authed {
				c.closeWith(closeNotAuthenticated, "not authenticated")
				return
			}
		}
	}
}

func asCloseError(err error, target **websocket.CloseError) bool {
	ce, ok := err.(*websocket.CloseError)
	if ok {
		*target = ce
	}
	return ok
}

func (s *Server) tokenOK(t string) bool {
	return t == s.opt.Token || t == "Bot "+s.opt.Token
}

// identify starts a new session on c and sends READY. It reports whether the
// connection stays open.
func (s *Server) identify(c *gwConn, raw json.RawMessage) bool {
	var d struct {
		Token   string `json:"token"`
		Intents int    `json:"intents"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		c.closeWith(closeDecodeError, "decode error")
		return false
	}
	if !s.tokenOK(d.Token) {
		c.closeWith(closeAuthenticationFailed, "Authentication failed.")
		return false
	}
	if d.Intents&privilegedIntents != 0 {
		c.closeWith(closeDisallowedIntents, "Disallowed intent(s).")
		return false
	}
	if d.Intents&s.opt.RequiredIntents != s.opt.RequiredIntents {
		c.closeWith(closeInvalidIntents, "Invalid intent(s): the fake requires DIRECT_MESSAGES.")
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.session != nil {
		go c.closeWith(closeAlreadyAuthenticated, "Already authenticated.")
		return false
	}
	if s.session != nil && s.session.conn != nil {
		// A second identify replaces the old connection, as a restarted bot
		// does.
		old := s.session.conn
		s.session.conn = nil
		go old.ws.Close()
	}
	sess := &gwSession{id: randomToken(), conn: c}
	c.session = sess
	s.session = sess
	s.sessions[sess.id] = sess
	s.identifies++
	ready := map[string]any{
		"v":                  10,
		"user":               userJSON(s.opt.AppID, true),
		"guilds":             []any{},
		"private_channels":   []any{},
		"session_id":         sess.id,
		"resume_gateway_url": s.gatewayURL(),
		"shard":              []int{0, 1},
		"application":        map[string]any{"id": s.opt.AppID, "flags": 0},
	}
	if _, err := s.dispatchLocked("READY", ready); err != nil {
		return false
	}
	s.logf("discordtest: session %s identified", sess.id)
	return true
}

// resume reattaches c to its session, replays the events after the client's
// sequence number, then sends RESUMED. An unknown or ended session gets op 9.
func (s *Server) resume(c *gwConn, raw json.RawMessage) bool {
	var d struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		c.closeWith(closeDecodeError, "decode error")
		return false
	}
	if !s.tokenOK(d.Token) {
		c.closeWith(closeAuthenticationFailed, "Authentication failed.")
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sess := s.sessions[d.SessionID]
	if sess == nil || sess.invalid || sess != s.session {
		s.logf("discordtest: resume of unknown session refused")
		return c.write(map[string]any{"op": opInvalidSession, "d": false}) == nil
	}
	if sess.conn != nil && sess.conn != c {
		old := sess.conn
		go old.ws.Close()
	}
	sess.conn = c
	c.session = sess
	s.resumes++
	for _, e := range sess.events {
		if e.Seq > d.Seq {
			if err := c.write(dispatchFrame(e)); err != nil {
				sess.conn = nil
				return false
			}
		}
	}
	if _, err := s.dispatchLocked("RESUMED", map[string]any{}); err != nil {
		return false
	}
	s.logf("discordtest: session %s resumed after seq %d", sess.id, d.Seq)
	return true
}

func dispatchFrame(e gwEvent) map[string]any {
	t := e.Type
	seq := e.Seq
	return map[string]any{"op": opDispatch, "s": &seq, "t": &t, "d": e.Data}
}

// dispatchLocked records an event in the current session and sends it if the
// bot is connected; otherwise it waits for a RESUME. Callers hold s.mu.
func (s *Server) dispatchLocked(eventType string, data any) (int64, error) {
	if s.session == nil {
		return 0, ErrNoSession
	}
	raw, ok := data.(json.RawMessage)
	if !ok {
		b, err := json.Marshal(data)
		if err != nil {
			return 0, err
		}
		raw = b
	}
	sess := s.session
	sess.seq++
	e := gwEvent{Seq: sess.seq, Type: eventType, Data: raw}
	sess.events = append(sess.events, e)
	if sess.conn != nil {
		if err := sess.conn.write(dispatchFrame(e)); err != nil {
			// The event stays buffered for the RESUME.
			conn := sess.conn
			sess.conn = nil
			go conn.ws.Close()
		}
	}
	return e.Seq, nil
}

// Reconnect asks the bot to reconnect (op 7): the bot should close and
// RESUME. Events dispatched from now until the RESUME are buffered and
// replayed.
func (s *Server) Reconnect() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.session == nil || s.session.conn == nil {
		return
	}
	c := s.session.conn
	s.session.conn = nil
	_ = c.write(map[string]any{"op": opReconnect, "d": nil})
}

// EndSession ends the bot's gateway session as Discord does after a close
// with 1000 or a long outage: the connection is cut, the RESUME that follows
// is refused (op 9) and the bot must IDENTIFY anew. Events dispatched until
// then are lost with the session.
func (s *Server) EndSession() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.session == nil {
		return
	}
	s.session.invalid = true
	if c := s.session.conn; c != nil {
		s.session.conn = nil
		c.ws.UnderlyingConn().Close()
	}
}

// StallHeartbeats stops acknowledging the bot's heartbeats on its current
// connection, as a zombied connection does: the bot should close it (with a
// code other than 1000 and 1001, which end the session) and RESUME. Events
// dispatched meanwhile are buffered for the RESUME.
func (s *Server) StallHeartbeats() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.session == nil || s.session.conn == nil {
		return
	}
	s.session.conn.stalled = true
	s.session.conn = nil
}

// Drop cuts the bot's gateway connection without a word, as a network
// failure does. The session stays resumable and buffers events.
func (s *Server) Drop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.session == nil || s.session.conn == nil {
		return
	}
	c := s.session.conn
	s.session.conn = nil
	c.ws.UnderlyingConn().Close()
}

// EventTypes returns the types of the events dispatched in the current
// session, in sequence order (READY first).
func (s *Server) EventTypes() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.session == nil {
		return nil
	}
	out := make([]string, len(s.session.events))
	for i, e := range s.session.events {
		out[i] = e.Type
	}
	return out
}
