package discordtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

const patient = "300000000000000001"

type answer struct {
	status int
	header http.Header
	body   map[string]any
	raw    []byte
}

func (a answer) code() int {
	c, _ := a.body["code"].(float64)
	return int(c)
}

// call sends a REST request as a bot would (auth "" means the right token).
func call(t *testing.T, s *Server, method, path, auth string, body any) answer {
	t.Helper()
	var rd *bytes.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	} else {
		rd = bytes.NewReader(nil)
	}
	req, err := http.NewRequest(method, s.URL()+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if auth == "" {
		auth = "Bot " + s.Token()
	}
	req.Header.Set("Authorization", auth)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body)
	a := answer{status: resp.StatusCode, header: resp.Header, raw: buf.Bytes()}
	_ = json.Unmarshal(a.raw, &a.body)
	return a
}

func dmChannel(t *testing.T, s *Server, user string) string {
	t.Helper()
	a := call(t, s, "POST", "/users/@me/channels", "", map[string]string{"recipient_id": user})
	if a.status != 200 {
		t.Fatalf("create DM: %d %s", a.status, a.raw)
	}
	return a.body["id"].(string)
}

func TestAuthorization(t *testing.T) {
	t.Parallel()
	s := New(t, Options{})
	for _, auth := range []string{"Bot wrong", s.Token(), "Bearer " + s.Token()} {
		if a := call(t, s, "GET", "/users/@me", auth, nil); a.status != http.StatusUnauthorized {
			t.Errorf("auth %q: %d", auth, a.status)
		}
	}
	a := call(t, s, "GET", "/users/@me", "", nil)
	if a.status != 200 || a.body["id"] != s.AppID() || a.body["bot"] != true {
		t.Errorf("GET /users/@me: %d %s", a.status, a.raw)
	}
	a = call(t, s, "GET", "/gateway/bot", "", nil)
	if a.status != 200 || !strings.HasPrefix(a.body["url"].(string), "ws://"+s.Host()) || a.body["shards"] != 1.0 {
		t.Errorf("GET /gateway/bot: %s", a.raw)
	}
	if a := call(t, s, "GET", "/no/such/route", "", nil); a.status != http.StatusNotFound {
		t.Errorf("unknown route: %d", a.status)
	}
}

func button(id, label string) map[string]any {
	return map[string]any{"type": 2, "style": 1, "custom_id": id, "label": label}
}

func row(c ...map[string]any) map[string]any { return map[string]any{"type": 1, "components": c} }

func TestMessageLimits(t *testing.T) {
	t.Parallel()
	s := New(t, Options{Limit: 1000})
	ch := dmChannel(t, s, patient)
	options := func(n int) []map[string]any {
		var o []map[string]any
		for i := range n {
			o = append(o, map[string]any{"label": "L", "value": strings.Repeat("v", i+1)})
		}
		return o
	}
	buttons := func(n int) []map[string]any {
		var b []map[string]any
		for i := range n {
			b = append(b, button(strings.Repeat("b", i+1), "B"))
		}
		return b
	}
	rows := func(n int) []map[string]any {
		var r []map[string]any
		for i := range n {
			r = append(r, row(button(strings.Repeat("r", i+1), "R")))
		}
		return r
	}
	cases := []struct {
		name   string
		body   map[string]any
		status int
		code   int
	}{
		{"2000 characters", map[string]any{"content": strings.Repeat("ü", 2000)}, 200, 0},
		{"2001 characters", map[string]any{"content": strings.Repeat("ü", 2001)}, 400, 50035},
		{"empty", map[string]any{"content": ""}, 400, 50006},
		{"components only", map[string]any{"components": rows(1)}, 200, 0},
		{"five rows", map[string]any{"content": "x", "components": rows(5)}, 200, 0},
		{"six rows", map[string]any{"content": "x", "components": rows(6)}, 400, 50035},
		{"six buttons in a row", map[string]any{"content": "x", "components": []any{row(buttons(6)...)}}, 400, 50035},
		{"label of 80", map[string]any{"content": "x", "components": []any{row(button("a", strings.Repeat("l", 80)))}}, 200, 0},
		{"label of 81", map[string]any{"content": "x", "components": []any{row(button("a", strings.Repeat("l", 81)))}}, 400, 50035},
		{"custom_id of 101", map[string]any{"content": "x", "components": []any{row(button(strings.Repeat("c", 101), "L"))}}, 400, 50035},
		{"duplicate custom_id", map[string]any{"content": "x", "components": []any{row(button("a", "A"), button("a", "B"))}}, 400, 50035},
		{"button without custom_id", map[string]any{"content": "x", "components": []any{row(map[string]any{"type": 2, "style": 1, "label": "L"})}}, 400, 50035},
		{"25 options", map[string]any{"content": "x", "components": []any{row(map[string]any{"type": 3, "custom_id": "s", "options": options(25)})}}, 200, 0},
		{"26 options", map[string]any{"content": "x", "components": []any{row(map[string]any{"type": 3, "custom_id": "s", "options": options(26)})}}, 400, 50035},
		{"max_values over options", map[string]any{"content": "x", "components": []any{row(map[string]any{"type": 3, "custom_id": "s", "max_values": 3, "options": options(2)})}}, 400, 50035},
		{"select beside a button", map[string]any{"content": "x", "components": []any{row(map[string]any{"type": 3, "custom_id": "s", "options": options(2)}, button("b", "B"))}}, 400, 50035},
		{"top level button", map[string]any{"content": "x", "components": []any{button("b", "B")}}, 400, 50035},
	}
	for _, tc := range cases {
		a := call(t, s, "POST", "/channels/"+ch+"/messages", "", tc.body)
		if a.status != tc.status || (tc.code != 0 && a.code() != tc.code) {
			t.Errorf("%s: %d code %d, want %d code %d: %s", tc.name, a.status, a.code(), tc.status, tc.code, a.raw)
		}
	}
	if a := call(t, s, "POST", "/channels/999/messages", "", map[string]any{"content": "x"}); a.status != 404 || a.code() != 10003 {
		t.Errorf("unknown channel: %d %s", a.status, a.raw)
	}
}

func TestClosedDMsAndNonces(t *testing.T) {
	t.Parallel()
	s := New(t, Options{})
	ch := dmChannel(t, s, patient)
	body := map[string]any{"content": "hello", "nonce": "n1", "enforce_nonce": true}
	a1 := call(t, s, "POST", "/channels/"+ch+"/messages", "", body)
	a2 := call(t, s, "POST", "/channels/"+ch+"/messages", "", body)
	if a1.status != 200 || a2.status != 200 || a1.body["id"] != a2.body["id"] {
		t.Errorf("enforced nonce made two messages: %s / %s", a1.raw, a2.raw)
	}
	if n := len(s.Messages(patient)); n != 1 {
		t.Errorf("%d messages", n)
	}
	s.CloseDMs(patient)
	if got := dmChannel(t, s, patient); got != ch {
		t.Errorf("DM channel changed: %s", got)
	}
	a := call(t, s, "POST", "/channels/"+ch+"/messages", "", map[string]any{"content": "again"})
	if a.status != http.StatusForbidden || a.code() != CodeCannotDM {
		t.Errorf("closed DMs: %d %s", a.status, a.raw)
	}
}

func TestRateLimits(t *testing.T) {
	t.Parallel()
	s := New(t, Options{Window: 300 * time.Millisecond})
	ch := dmChannel(t, s, patient)
	route := "POST /channels/{channel}/messages"
	s.RateLimit(route, 2)
	path := "/channels/" + ch + "/messages"
	msg := map[string]any{"content": "x"}
	var remaining []string
	var a answer
	for range 2 {
		a = call(t, s, "POST", path, "", msg)
		if a.status != 200 {
			t.Fatalf("within the limit: %d", a.status)
		}
		remaining = append(remaining, a.header.Get("X-RateLimit-Remaining"))
		for _, h := range []string{"X-RateLimit-Limit", "X-RateLimit-Reset", "X-RateLimit-Reset-After", "X-RateLimit-Bucket"} {
			if a.header.Get(h) == "" {
				t.Errorf("no %s", h)
			}
		}
	}
	if strings.Join(remaining, ",") != "1,0" {
		t.Errorf("remaining %v", remaining)
	}
	a = call(t, s, "POST", path, "", msg)
	if a.status != 429 || a.body["retry_after"].(float64) <= 0 || a.body["global"] != false || a.header.Get("Retry-After") == "" {
		t.Errorf("over the limit: %d %s %v", a.status, a.raw, a.header)
	}
	if v := s.Violations(); len(v) != 1 {
		t.Errorf("violations %v", v)
	}
	// Another channel is another bucket.
	other := dmChannel(t, s, "300000000000000002")
	if a := call(t, s, "POST", "/channels/"+other+"/messages", "", msg); a.status != 200 {
		t.Errorf("other bucket: %d", a.status)
	}
	time.Sleep(320 * time.Millisecond)
	if a := call(t, s, "POST", path, "", msg); a.status != 200 {
		t.Errorf("after the window: %d %s", a.status, a.raw)
	}

	// A surprise global 429 is no violation; the next request inside it is.
	s.Throttle("GET /users/@me", 1, 200*time.Millisecond, ThrottleOptions{Global: true})
	a = call(t, s, "GET", "/users/@me", "", nil)
	if a.status != 429 || a.body["global"] != true || a.header.Get("X-RateLimit-Global") != "true" {
		t.Errorf("global throttle: %d %s", a.status, a.raw)
	}
	before := len(s.Violations())
	if a := call(t, s, "GET", "/gateway/bot", "", nil); a.status != 429 {
		t.Errorf("other route under a global limit: %d", a.status)
	}
	if len(s.Violations()) != before+1 {
		t.Errorf("request under a global limit not counted")
	}
	time.Sleep(220 * time.Millisecond)
	s.Throttle("GET /users/@me", 1, time.Second, ThrottleOptions{HeaderOnly: true})
	a = call(t, s, "GET", "/users/@me", "", nil)
	if a.status != 429 || a.header.Get("Retry-After") != "1" || a.header.Get("X-RateLimit-Remaining") != "" || a.body != nil {
		t.Errorf("header-only throttle: %d %q %v", a.status, a.raw, a.header)
	}
	s.Fail("GET /gateway/bot", 1, 503)
	if a := call(t, s, "GET", "/gateway/bot", "", nil); a.status != 503 {
		t.Errorf("Fail: %d", a.status)
	}
	if a := call(t, s, "GET", "/gateway/bot", "", nil); a.status != 200 {
		t.Errorf("after Fail: %d", a.status)
	}
}

// gw is a raw gateway client.
type gw struct {
	t  *testing.T
	ws *websocket.Conn
}

func dial(t *testing.T, s *Server) *gw {
	t.Helper()
	ws, _, err := websocket.DefaultDialer.Dial("ws://"+s.Host()+"/gateway/?v=10&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	g := &gw{t: t, ws: ws}
	if p := g.read(); p.Op != opHello {
		t.Fatalf("first frame op %d, want HELLO", p.Op)
	}
	return g
}

type frame struct {
	Op int             `json:"op"`
	S  int64           `json:"s"`
	T  string          `json:"t"`
	D  json.RawMessage `json:"d"`
}

func (g *gw) read() frame {
	g.t.Helper()
	_ = g.ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	var f frame
	if err := g.ws.ReadJSON(&f); err != nil {
		g.t.Fatalf("read: %v", err)
	}
	return f
}

func (g *gw) closeCode() int {
	g.t.Helper()
	_ = g.ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		if _, _, err := g.ws.ReadMessage(); err != nil {
			var ce *websocket.CloseError
			if errors.As(err, &ce) {
				return ce.Code
			}
			return -1
		}
	}
}

func (g *gw) send(op int, d any) {
	g.t.Helper()
	if err := g.ws.WriteJSON(map[string]any{"op": op, "d": d}); err != nil {
		g.t.Fatal(err)
	}
}

func TestGatewayIdentifyAndResume(t *testing.T) {
	t.Parallel()
	s := New(t, Options{})
	if _, err := s.DM(patient, "too early"); !errors.Is(err, ErrNoSession) {
		t.Errorf("DM without a session: %v", err)
	}

	g := dial(t, s)
	g.send(opIdentify, map[string]any{"token": "wrong", "intents": intentDirectMessages})
	if c := g.closeCode(); c != closeAuthenticationFailed {
		t.Errorf("bad token: close %d", c)
	}
	g = dial(t, s)
	g.send(opIdentify, map[string]any{"token": "Bot " + s.Token(), "intents": 1})
	if c := g.closeCode(); c != closeInvalidIntents {
		t.Errorf("without DIRECT_MESSAGES: close %d", c)
	}
	g = dial(t, s)
	g.send(opIdentify, map[string]any{"token": "Bot " + s.Token(), "intents": intentDirectMessages | intentMessageContent})
	if c := g.closeCode(); c != closeDisallowedIntents {
		t.Errorf("privileged intent: close %d", c)
	}

	g = dial(t, s)
	g.send(opHeartbeat, nil)
	if f := g.read(); f.Op != opHeartbeatAck {
		t.Errorf("heartbeat answered with op %d", f.Op)
	}
	g.send(opIdentify, map[string]any{"token": "Bot " + s.Token(), "intents": intentDirectMessages})
	ready := g.read()
	var r struct {
		SessionID string `json:"session_id"`
		Resume    string `json:"resume_gateway_url"`
	}
	_ = json.Unmarshal(ready.D, &r)
	if ready.T != "READY" || ready.S != 1 || r.SessionID == "" || r.Resume == "" {
		t.Fatalf("READY: %+v", ready)
	}
	d1, err := s.DM(patient, "one")
	if err != nil {
		t.Fatal(err)
	}
	if f := g.read(); f.T != "MESSAGE_CREATE" || f.S != 2 || d1.Seq != 2 || !strings.Contains(string(f.D), `"one"`) {
		t.Errorf("first event %+v", f)
	}

	// The connection drops; events keep coming; RESUME replays them.
	s.Drop()
	d2, _ := s.DM(patient, "two")
	d3, _ := s.Redeliver(d1.Seq)
	g = dial(t, s)
	g.send(opResume, map[string]any{"token": "Bot " + s.Token(), "session_id": r.SessionID, "seq": 2})
	for _, want := range []int64{d2.Seq, d3} {
		if f := g.read(); f.S != want || f.T != "MESSAGE_CREATE" {
			t.Errorf("replay: %+v, want seq %d", f, want)
		}
	}
	if f := g.read(); f.T != "RESUMED" || f.S != d3+1 {
		t.Errorf("after the replay %+v", f)
	}
	if s.Resumes() != 1 || s.Identifies() != 1 {
		t.Errorf("resumes %d identifies %d", s.Resumes(), s.Identifies())
	}

	// Op 7, then a resume of an unknown session gets op 9.
	s.Reconnect()
	if f := g.read(); f.Op != opReconnect {
		t.Errorf("Reconnect sent op %d", f.Op)
	}
	g = dial(t, s)
	g.send(opResume, map[string]any{"token": "Bot " + s.Token(), "session_id": "nope", "seq": 1})
	if f := g.read(); f.Op != opInvalidSession {
		t.Errorf("unknown session: op %d", f.Op)
	}

	// A clean close (1000) ends the session for good.
	g.send(opIdentify, map[string]any{"token": s.Token(), "intents": intentDirectMessages})
	ready = g.read()
	_ = json.Unmarshal(ready.D, &r)
	_ = g.ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""))
	g.closeCode()
	time.Sleep(50 * time.Millisecond)
	g = dial(t, s)
	g.send(opResume, map[string]any{"token": s.Token(), "session_id": r.SessionID, "seq": 1})
	if f := g.read(); f.Op != opInvalidSession {
		t.Errorf("resume after a clean close: op %d", f.Op)
	}
}

// identified connects a raw client with commands registered.
func identified(t *testing.T, s *Server) *gw {
	t.Helper()
	a := call(t, s, "PUT", "/applications/"+s.AppID()+"/commands", "", []map[string]any{
		{"name": "intake", "description": "Start", "type": 1, "contexts": []int{0, 1}},
	})
	if a.status != 200 {
		t.Fatalf("commands: %s", a.raw)
	}
	g := dial(t, s)
	g.send(opIdentify, map[string]any{"token": s.Token(), "intents": intentDirectMessages})
	if f := g.read(); f.T != "READY" {
		t.Fatalf("%+v", f)
	}
	return g
}

func TestInteractions(t *testing.T) {
	t.Parallel()
	s := New(t, Options{AckDeadline: 200 * time.Millisecond})
	g := identified(t, s)
	if _, err := s.SlashCommand(patient, "", "nope", nil); !errors.Is(err, ErrNoCommand) {
		t.Errorf("unregistered command: %v", err)
	}
	if a := call(t, s, "PUT", "/applications/"+s.AppID()+"/commands", "", []map[string]any{{"name": "Bad Name", "description": "x"}}); a.status != 400 {
		t.Errorf("invalid command name accepted: %d", a.status)
	}

	// Late: refused and reported.
	late, err := s.SlashCommand(patient, "", "intake", nil)
	if err != nil {
		t.Fatal(err)
	}
	var ev struct {
		Token string `json:"token"`
		User  struct {
			ID string `json:"id"`
		} `json:"user"`
	}
	f := g.read()
	_ = json.Unmarshal(f.D, &ev)
	if f.T != "INTERACTION_CREATE" || ev.User.ID != patient {
		t.Fatalf("%+v", f)
	}
	time.Sleep(250 * time.Millisecond)
	a := call(t, s, "POST", "/interactions/"+late.ID+"/"+ev.Token+"/callback", "", map[string]any{"type": 5})
	if a.status != 404 || a.code() != 10062 {
		t.Errorf("late ack: %d %s", a.status, a.raw)
	}
	if u := s.Unacknowledged(); len(u) != 1 || u[0].ID != late.ID || !u[0].Late {
		t.Errorf("Unacknowledged %+v", u)
	}

	// In time: deferred in a guild, ephemeral; a second ack is refused; the
	// first followup replaces the "thinking" message; @original edits.
	in, err := s.SlashCommand(patient, "400000000000000001", "intake", nil)
	if err != nil {
		t.Fatal(err)
	}
	f = g.read()
	_ = json.Unmarshal(f.D, &ev)
	cb := "/interactions/" + in.ID + "/" + ev.Token + "/callback"
	if a := call(t, s, "POST", cb, "", map[string]any{"type": 5, "data": map[string]any{"flags": 64}}); a.status != 204 {
		t.Fatalf("ack: %d %s", a.status, a.raw)
	}
	if a := call(t, s, "POST", cb, "", map[string]any{"type": 5}); a.status != 400 || a.code() != 40060 {
		t.Errorf("second ack: %d %s", a.status, a.raw)
	}
	r, _ := s.Response(in.ID)
	if !r.Ephemeral() || r.Flags&FlagLoading == 0 {
		t.Errorf("deferred answer %+v", r)
	}
	hook := "/webhooks/" + s.AppID() + "/" + ev.Token
	if a := call(t, s, "POST", hook+"?wait=true", "", map[string]any{"content": "first"}); a.status != 200 || a.body["id"] != r.ID {
		t.Errorf("first followup did not replace the deferred answer: %s", a.raw)
	}
	if a := call(t, s, "PATCH", hook+"/messages/@original", "", map[string]any{"content": "edited"}); a.status != 200 {
		t.Errorf("edit original: %d %s", a.status, a.raw)
	}
	if r, _ := s.Response(in.ID); r.Content != "edited" || r.Flags&FlagLoading != 0 {
		t.Errorf("original %+v", r)
	}
	if msgs := s.GuildMessages("400000000000000001"); len(msgs) != 1 {
		t.Errorf("guild channel holds %d messages", len(msgs))
	}
	if u := s.Unacknowledged(); len(u) != 1 {
		t.Errorf("Unacknowledged %+v", u)
	}
}

func TestComponentInteractions(t *testing.T) {
	t.Parallel()
	s := New(t, Options{})
	g := identified(t, s)
	ch := dmChannel(t, s, patient)
	menu := map[string]any{"type": 3, "custom_id": "m", "min_values": 1, "max_values": 2, "options": []map[string]any{{"label": "A", "value": "a"}, {"label": "B", "value": "b"}, {"label": "C", "value": "c"}}}
	a := call(t, s, "POST", "/channels/"+ch+"/messages", "", map[string]any{"content": "Q?", "components": []any{row(button("yes", "Yes")), row(menu)}})
	if a.status != 200 {
		t.Fatal(string(a.raw))
	}
	if f := g.read(); f.T != "MESSAGE_CREATE" {
		t.Errorf("the bot's own DM is not echoed: %+v", f)
	}
	id := a.body["id"].(string)
	for _, bad := range [][]string{{}, {"a", "b", "c"}, {"z"}, {"a", "a"}} {
		if _, err := s.SelectMenu(patient, id, "m", bad); !errors.Is(err, ErrBadValues) {
			t.Errorf("values %v: %v", bad, err)
		}
	}
	if _, err := s.PressButton("300000000000000009", id, "yes"); !errors.Is(err, ErrNoMessage) {
		t.Errorf("another user's DM: %v", err)
	}
	d, err := s.PressButton(patient, id, "yes")
	if err != nil {
		t.Fatal(err)
	}
	f := g.read()
	var ev struct {
		Token   string `json:"token"`
		Message struct {
			ID string `json:"id"`
		} `json:"message"`
		Data struct {
			CustomID string `json:"custom_id"`
		} `json:"data"`
	}
	_ = json.Unmarshal(f.D, &ev)
	if ev.Message.ID != id || ev.Data.CustomID != "yes" {
		t.Errorf("press event %s", f.D)
	}
	cb := "/interactions/" + d.ID + "/" + ev.Token + "/callback"
	if a := call(t, s, "POST", cb, "", map[string]any{"type": 7, "data": map[string]any{"content": "Q? ✓", "components": []any{}}}); a.status != 204 {
		t.Fatalf("update: %d %s", a.status, a.raw)
	}
	m, _ := s.Message(id)
	if m.Content != "Q? ✓" || len(m.Rows) != 0 {
		t.Errorf("updated message %+v", m)
	}
	if _, err := s.PressButton(patient, id, "yes"); !errors.Is(err, ErrNoComponent) {
		t.Errorf("press on removed button: %v", err)
	}
	if _, err := s.SelectMenu(patient, id, "m", []string{"a"}); !errors.Is(err, ErrNoComponent) {
		t.Errorf("select on removed menu: %v", err)
	}
}
