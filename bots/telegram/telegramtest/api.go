package telegramtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"
)

// maxBody bounds a request body (Telegram accepts 50 MB uploads).
const maxBody = 50 << 20

// apiError is a failed call, written in Telegram's envelope.
type apiError struct {
	code       int
	desc       string
	retryAfter int
	html       bool // a proxy's HTML page instead of the envelope
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %s", e.code, e.desc) }

func badRequest(format string, args ...any) *apiError {
	return &apiError{code: http.StatusBadRequest, desc: "Bad Request: " + fmt.Sprintf(format, args...)}
}

// params are a request's parameters from a query string, a JSON body, a form
// or a multipart form.
type params struct {
	raw   map[string]json.RawMessage // JSON body
	form  url.Values
	files map[string]int64 // multipart file sizes
}

func readParams(r *http.Request) (*params, error) {
	p := &params{form: r.URL.Query(), files: map[string]int64{}}
	if r.Method == http.MethodGet || r.ContentLength == 0 && r.Header.Get("Content-Type") == "" {
		return p, nil
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(http.MaxBytesReader(nil, r.Body, maxBody)); err != nil {
		return nil, err
	}
	if buf.Len() == 0 { // a method without parameters
		return p, nil
	}
	r.Body = io.NopCloser(&buf)
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "application/json":
		if err := json.Unmarshal(buf.Bytes(), &p.raw); err != nil {
			return nil, fmt.Errorf("invalid JSON: %w", err)
		}
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return nil, err
		}
		for k, v := range r.PostForm {
			p.form[k] = v
		}
	case "multipart/form-data":
		if err := r.ParseMultipartForm(maxBody); err != nil {
			return nil, err
		}
		for k, v := range r.MultipartForm.Value {
			p.form[k] = v
		}
		for k, fs := range r.MultipartForm.File {
			if len(fs) > 0 {
				p.files[k] = fs[0].Size
			}
		}
	case "":
	default:
		return nil, fmt.Errorf("unsupported content type %q", ct)
	}
	return p, nil
}

// str returns a parameter as a string: a JSON string unquoted, any other JSON
// value as its text.
func (p *params) str(name string) (string, bool) {
	if v, ok := p.raw[name]; ok {
		var s string
		if json.Unmarshal(v, &s) == nil {
			return s, true
		}
		return string(v), true
	}
	if v, ok := p.form[name]; ok && len(v) > 0 {
		return v[0], true
	}
	return "", false
}

func (p *params) int64(name string) (int64, bool, *apiError) {
	s, ok := p.str(name)
	if !ok || s == "" {
		return 0, false, nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return 0, true, badRequest("invalid %s", name)
	}
	return n, true, nil
}

func (p *params) boolean(name string) bool {
	s, _ := p.str(name)
	return s == "true" || s == "1"
}

// decode decodes a JSON-valued parameter (an object in a JSON body, or a
// string holding JSON in either kind of body).
func (p *params) decode(name string, v any) (bool, *apiError) {
	var data []byte
	if raw, ok := p.raw[name]; ok {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			data = []byte(s)
		} else {
			data = raw
		}
	} else if s, ok := p.str(name); ok {
		data = []byte(s)
	} else {
		return false, nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return true, badRequest("can't parse %s JSON object", name)
	}
	return true, nil
}

// chatID reads the chat_id parameter; only numeric ids are supported.
func (p *params) chatID() (int64, *apiError) {
	id, ok, err := p.int64("chat_id")
	if err != nil {
		return 0, badRequest("chat not found")
	}
	if !ok {
		return 0, badRequest("chat_id is empty")
	}
	return id, nil
}

var botPath = regexp.MustCompile(`^/bot([^/]+)/([A-Za-z]+)$`)

// rateLimited are the methods that count against the flood limits.
var rateLimited = map[string]bool{
	"sendmessage": true, "sendphoto": true, "editmessagetext": true, "editmessagereplymarkup": true,
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	m := botPath.FindStringSubmatch(r.URL.Path)
	if m == nil {
		writeError(w, &apiError{code: http.StatusNotFound, desc: "Not Found"})
		return
	}
	if m[1] != s.Token {
		writeError(w, &apiError{code: http.StatusUnauthorized, desc: "Unauthorized"})
		return
	}
	method := strings.ToLower(m[2])
	h, ok := s.methods()[method]
	if !ok {
		writeError(w, &apiError{code: http.StatusNotFound, desc: "Not Found: method not found"})
		return
	}
	s.mu.Lock()
	s.stats.Calls[m[2]]++
	slow := s.slow
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.notifyLocked()
		s.mu.Unlock()
	}()
	s.sleep(r.Context(), slow)

	p, err := readParams(r)
	if err != nil {
		writeError(w, badRequest("%v", err))
		return
	}
	if e := s.injected(method, time.Now()); e != nil {
		writeError(w, e)
		return
	}
	if e := s.scoped(method, p, time.Now()); e != nil {
		writeError(w, e)
		return
	}
	result, e := h(r, p)
	if e != nil {
		writeError(w, e)
		return
	}
	writeResult(w, result)
}

type methodFunc func(r *http.Request, p *params) (any, *apiError)

func (s *Server) methods() map[string]methodFunc {
	return map[string]methodFunc{
		"getme":                  s.getMe,
		"getupdates":             s.getUpdates,
		"setwebhook":             s.setWebhook,
		"deletewebhook":          s.deleteWebhook,
		"sendmessage":            s.sendMessage,
		"editmessagetext":        s.editMessageText,
		"editmessagereplymarkup": s.editMessageReplyMarkup,
		"answercallbackquery":    s.answerCallbackQuery,
		"sendchataction":         s.sendChatAction,
		"setmycommands":          s.setMyCommands,
		"sendphoto":              s.sendPhoto,
	}
}

// injected returns the failure FailNext queued for method, if any.
func (s *Server) injected(method string, now time.Time) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	status, ok := s.fail.Next(method)
	if !ok {
		return nil
	}
	switch {
	case status == http.StatusTooManyRequests:
		ra := max(1, s.injectedRetry)
		if rateLimited[method] {
			s.botWindow = window{end: now.Add(time.Duration(ra) * s.second), issued: now}
		}
		s.stats.TooManyRequests++
		return tooMany(ra, true)
	case status >= 502 && status <= 504:
		return &apiError{code: status, html: true}
	case status >= 500:
		return &apiError{code: status, desc: "Internal Server Error"}
	case status == http.StatusForbidden:
		return &apiError{code: status, desc: "Forbidden: injected failure"}
	default:
		return &apiError{code: status, desc: http.StatusText(status) + ": injected failure"}
	}
}

// scoped applies the retry_after windows to the calls about a chat that are
// not rate-limited themselves (chat actions, callback answers), and the
// random 429s of WithFlaky429 to every call about a chat.
func (s *Server) scoped(method string, p *params, now time.Time) *apiError {
	var chatID int64
	switch {
	case method == "answercallbackquery":
		id, _ := p.str("callback_query_id")
		s.mu.Lock()
		if q := s.queries[id]; q != nil {
			chatID = q.chat
		}
		s.mu.Unlock()
	case method == "sendchataction" || rateLimited[method]:
		chatID, _, _ = p.int64("chat_id")
	}
	if chatID == 0 {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chatLocked(chatID)
	if !rateLimited[method] { // rate-limited calls meet the windows in limitLocked
		if e := s.windowLocked(&s.botWindow, now, true, method); e != nil {
			return e
		}
		if e := s.windowLocked(&c.window, now, false, method); e != nil {
			return e
		}
	}
	if s.flaky > 0 && s.rnd.Float64() < s.flaky {
		if c.window.open(now) || s.botWindow.open(now) {
			return nil // the window's own check answers
		}
		s.stats.Flaky++
		return s.floodLocked(&c.window, s.second, now, false)
	}
	return nil
}

// limitLocked applies the flood limits to a rate-limited call in chat c at
// now, and consumes a token from each bucket when it passes.
func (s *Server) limitLocked(c *chat, now time.Time, method string) *apiError {
	if e := s.windowLocked(&s.botWindow, now, true, method); e != nil {
		return e
	}
	if e := s.windowLocked(&c.window, now, false, method); e != nil {
		return e
	}
	if s.botLim != nil && s.botLim.TokensAt(now) < 1 {
		return s.floodLocked(&s.botWindow, s.wait(s.botLim.TokensAt(now), float64(s.botLim.Limit())), now, true)
	}
	if c.lim != nil && c.lim.TokensAt(now) < 1 {
		return s.floodLocked(&c.window, s.wait(c.lim.TokensAt(now), float64(c.lim.Limit())), now, false)
	}
	if c.groupLim != nil && c.groupLim.TokensAt(now) < 1 {
		return s.floodLocked(&c.window, s.wait(c.groupLim.TokensAt(now), float64(c.groupLim.Limit())), now, false)
	}
	if s.botLim != nil {
		s.botLim.AllowN(now, 1)
	}
	if c.lim != nil {
		c.lim.AllowN(now, 1)
	}
	if c.groupLim != nil {
		c.groupLim.AllowN(now, 1)
	}
	return nil
}

// wait is the real time until a bucket with tokens and rate perReal (per real
// second) holds one token.
func (s *Server) wait(tokens, perReal float64) time.Duration {
	return time.Duration((1 - tokens) / perReal * float64(time.Second))
}

// windowLocked answers 429 while w is open, counting a request that arrives
// after the grace as one that ignored retry_after.
func (s *Server) windowLocked(w *window, now time.Time, botWide bool, method string) *apiError {
	if !w.open(now) {
		return nil
	}
	if now.Sub(w.issued) > s.grace {
		s.stats.IgnoredRetryAfter++
		s.stats.Ignored[method]++
	}
	s.stats.TooManyRequests++
	return tooMany(s.seconds(w.end.Sub(now)), botWide)
}

// floodLocked opens window w for wait (rounded up to whole Telegram seconds)
// and answers 429.
func (s *Server) floodLocked(w *window, wait time.Duration, now time.Time, botWide bool) *apiError {
	ra := s.seconds(wait)
	*w = window{end: now.Add(time.Duration(ra) * s.second), issued: now}
	s.stats.TooManyRequests++
	return tooMany(ra, botWide)
}

// seconds rounds d up to whole Telegram seconds, at least 1.
func (s *Server) seconds(d time.Duration) int {
	return max(1, int(math.Ceil(float64(d)/float64(s.second))))
}

func tooMany(ra int, botWide bool) *apiError {
	desc := fmt.Sprintf("Too Many Requests: retry after %d", ra)
	if botWide {
		desc += " (" + BotWide + ")"
	}
	return &apiError{code: http.StatusTooManyRequests, desc: desc, retryAfter: ra}
}

func writeResult(w http.ResponseWriter, result any) {
	body, err := json.Marshal(map[string]any{"ok": true, "result": result})
	if err != nil {
		writeError(w, &apiError{code: http.StatusInternalServerError, desc: "Internal Server Error"})
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(body)
}

func writeError(w http.ResponseWriter, e *apiError) {
	if e.html {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(e.code)
		fmt.Fprintf(w, "<html><head><title>%d %s</title></head><body><center><h1>%d %s</h1></center><hr><center>nginx</center></body></html>\n",
			e.code, http.StatusText(e.code), e.code, http.StatusText(e.code))
		return
	}
	env := map[string]any{"ok": false, "error_code": e.code, "description": e.desc}
	if e.retryAfter > 0 {
		env["parameters"] = map[string]any{"retry_after": e.retryAfter}
	}
	body, _ := json.Marshal(env)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(e.code)
	_, _ = w.Write(body)
}

func (s *Server) getMe(_ *http.Request, _ *params) (any, *apiError) {
	return s.botUser(), nil
}

func (s *Server) getUpdates(r *http.Request, p *params) (any, *apiError) {
	offset, _, e := p.int64("offset")
	if e != nil {
		return nil, e
	}
	limit, ok, e := p.int64("limit")
	if e != nil {
		return nil, e
	}
	if !ok || limit <= 0 || limit > 100 {
		limit = 100
	}
	timeout, _, e := p.int64("timeout")
	if e != nil {
		return nil, e
	}
	deadline := time.NewTimer(time.Duration(max(0, timeout)) * s.second)
	defer deadline.Stop()

	s.mu.Lock()
	if s.hook != nil {
		s.mu.Unlock()
		return nil, &apiError{code: http.StatusConflict, desc: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"}
	}
	s.pollGen++
	gen := s.pollGen
	s.notifyLocked() // an older long poll ends with a conflict
	s.confirmLocked(offset)
	s.mu.Unlock()

	for {
		s.mu.Lock()
		if s.pollGen != gen {
			s.stats.Conflicts++
			s.mu.Unlock()
			return nil, &apiError{code: http.StatusConflict, desc: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}
		}
		var out []json.RawMessage
		for _, u := range s.updates {
			if len(out) == int(limit) {
				break
			}
			if u.id >= offset {
				out = append(out, u.body)
			}
		}
		ch := s.changed
		s.mu.Unlock()
		if len(out) > 0 {
			return out, nil
		}
		select {
		case <-ch:
			continue
		case <-deadline.C:
		case <-r.Context().Done():
		case <-s.done:
		}
		return []json.RawMessage{}, nil
	}
}

// confirmLocked drops the updates below offset, as getUpdates does.
func (s *Server) confirmLocked(offset int64) {
	if offset < 0 { // the last -offset updates; the others are confirmed
		n := int(-offset)
		if n < len(s.updates) {
			s.confirmed = max(s.confirmed, s.updates[len(s.updates)-n-1].id)
			s.updates = s.updates[len(s.updates)-n:]
		}
		return
	}
	if offset == 0 {
		return
	}
	i := 0
	for i < len(s.updates) && s.updates[i].id < offset {
		i++
	}
	s.updates = s.updates[i:]
	s.confirmed = max(s.confirmed, offset-1)
}

var secretToken = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

func (s *Server) setWebhook(_ *http.Request, p *params) (any, *apiError) {
	u, _ := p.str("url")
	secret, hasSecret := p.str("secret_token")
	if hasSecret && !secretToken.MatchString(secret) {
		return nil, badRequest("secret token contains unallowed characters")
	}
	if u == "" {
		return s.deleteWebhook(nil, p)
	}
	if pu, err := url.Parse(u); err != nil || pu.Host == "" || (pu.Scheme != "https" && pu.Scheme != "http") {
		return nil, badRequest("bad webhook: invalid URL")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.boolean("drop_pending_updates") {
		s.dropLocked()
	}
	s.hook = &webhook{url: u, secret: secret}
	s.pollGen++ // a waiting long poll ends
	s.notifyLocked()
	if !s.hookRun {
		s.hookRun = true
		s.wg.Add(1)
		go s.deliver()
	}
	return true, nil
}

func (s *Server) deleteWebhook(_ *http.Request, p *params) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.boolean("drop_pending_updates") {
		s.dropLocked()
	}
	s.hook = nil
	s.notifyLocked()
	return true, nil
}

func (s *Server) dropLocked() {
	if n := len(s.updates); n > 0 {
		s.confirmed = max(s.confirmed, s.updates[n-1].id)
	}
	s.updates = nil
}

// deliver POSTs pending updates to the webhook one at a time, in order, and
// confirms each once it is answered 200; other answers are retried after a
// Telegram second.
func (s *Server) deliver() {
	defer s.wg.Done()
	client := &http.Client{Timeout: 30 * time.Second}
	for {
		s.mu.Lock()
		if s.hook == nil {
			s.hookRun = false
			s.mu.Unlock()
			return
		}
		if len(s.updates) == 0 {
			ch := s.changed
			s.mu.Unlock()
			select {
			case <-ch:
				continue
			case <-s.done:
				s.mu.Lock()
				s.hookRun = false
				s.mu.Unlock()
				return
			}
		}
		u, hook := s.updates[0], *s.hook
		s.mu.Unlock()

		ok := s.post(client, hook, u.body)
		s.mu.Lock()
		if ok {
			s.stats.WebhookDeliveries++
			if len(s.updates) > 0 && s.updates[0].id == u.id {
				s.updates = s.updates[1:]
				s.confirmed = max(s.confirmed, u.id)
			}
		} else {
			s.stats.WebhookFailures++
		}
		s.notifyLocked()
		s.mu.Unlock()
		if !ok {
			t := time.NewTimer(s.second)
			select {
			case <-t.C:
			case <-s.done:
				t.Stop()
				s.mu.Lock()
				s.hookRun = false
				s.mu.Unlock()
				return
			}
		}
	}
}

func (s *Server) post(client *http.Client, hook webhook, body []byte) bool {
	req, err := http.NewRequestWithContext(s.ctx, http.MethodPost, hook.url, bytes.NewReader(body))
	if err != nil {
		return false
	}
	req.Header.Set("Content-Type", "application/json")
	if hook.secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", hook.secret)
	}
	resp, err := client.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// text validates a message text (or caption, with limit 1024) in parse mode
// mode, and returns the text shown.
func text(s, mode string, limit int, field string) (string, *apiError) {
	shown := s
	switch mode {
	case "":
	case "HTML":
		var err error
		if shown, err = parseHTML(s); err != nil {
			return "", badRequest("%v", err)
		}
	default:
		return "", badRequest("unsupported parse_mode %q", mode)
	}
	if field == "text" && strings.TrimSpace(shown) == "" {
		return "", badRequest("message text is empty")
	}
	if textLen(shown) > limit {
		if field == "text" {
			return "", badRequest("message is too long")
		}
		return "", badRequest("message caption is too long")
	}
	return shown, nil
}

// keyboard reads and validates reply_markup; nil when absent.
func keyboard(p *params) ([][]Button, *apiError) {
	var mk struct {
		InlineKeyboard *[][]struct {
			Text         string  `json:"text"`
			CallbackData *string `json:"callback_data"`
			URL          string  `json:"url"`
		} `json:"inline_keyboard"`
	}
	ok, e := p.decode("reply_markup", &mk)
	if e != nil || !ok {
		return nil, e
	}
	if mk.InlineKeyboard == nil {
		return nil, badRequest("only inline keyboards are supported by the fake")
	}
	kb := [][]Button{}
	for _, row := range *mk.InlineKeyboard {
		var out []Button
		for _, b := range row {
			if b.Text == "" {
				return nil, badRequest("text buttons are unallowed in the inline keyboard")
			}
			switch {
			case b.CallbackData != nil:
				if n := len(*b.CallbackData); n < 1 || n > 64 {
					return nil, badRequest("BUTTON_DATA_INVALID")
				}
				if !utf8.ValidString(*b.CallbackData) {
					return nil, badRequest("BUTTON_DATA_INVALID")
				}
				out = append(out, Button{Text: b.Text, Data: *b.CallbackData})
			case b.URL != "":
				out = append(out, Button{Text: b.Text})
			default:
				return nil, badRequest("can't parse inline keyboard button: Field \"callback_data\" must be of type String")
			}
		}
		if len(out) > 0 {
			kb = append(kb, out)
		}
	}
	if len(kb) == 0 {
		return nil, nil
	}
	return kb, nil
}

func (s *Server) sendMessage(_ *http.Request, p *params) (any, *apiError) {
	id, e := p.chatID()
	if e != nil {
		return nil, e
	}
	raw, _ := p.str("text")
	mode, _ := p.str("parse_mode")
	shown, e := text(raw, mode, 4096, "text")
	if e != nil {
		return nil, e
	}
	kb, e := keyboard(p)
	if e != nil {
		return nil, e
	}
	return s.store(id, func(m *message) {
		m.Text, m.HTML, m.Keyboard = shown, raw, kb
	})
}

func (s *Server) sendPhoto(_ *http.Request, p *params) (any, *apiError) {
	id, e := p.chatID()
	if e != nil {
		return nil, e
	}
	size, upload := p.files["photo"]
	if ref, ok := p.str("photo"); !upload && (!ok || ref == "") {
		return nil, badRequest("there is no photo in the request")
	}
	raw, _ := p.str("caption")
	mode, _ := p.str("parse_mode")
	shown, e := text(raw, mode, 1024, "caption")
	if e != nil {
		return nil, e
	}
	kb, e := keyboard(p)
	if e != nil {
		return nil, e
	}
	return s.store(id, func(m *message) {
		m.Text, m.HTML, m.Keyboard, m.Photo = shown, raw, kb, int(size)
	})
}

// store adds a bot message to chat id after the block and flood checks.
func (s *Server) store(id int64, fill func(*message)) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chatLocked(id)
	if c.blocked {
		return nil, &apiError{code: http.StatusForbidden, desc: "Forbidden: bot was blocked by the user"}
	}
	if e := s.limitLocked(c, time.Now(), "sendMessage"); e != nil {
		return nil, e
	}
	c.nextMsg++
	s.sent++
	m := &message{Message: Message{ID: c.nextMsg, Order: s.sent}, fromBot: true}
	fill(m)
	c.msgs = append(c.msgs, m)
	return s.modelLocked(c, m), nil
}

// editTarget finds the bot message an edit names.
func (s *Server) editTargetLocked(p *params) (*chat, *message, *apiError) {
	if _, ok := p.str("inline_message_id"); ok {
		return nil, nil, badRequest("inline messages are not supported by the fake")
	}
	id, e := p.chatID()
	if e != nil {
		return nil, nil, e
	}
	mid, ok, e := p.int64("message_id")
	if e != nil || !ok {
		return nil, nil, badRequest("message identifier is not specified")
	}
	c := s.chats[id]
	if c == nil {
		return nil, nil, badRequest("chat not found")
	}
	if c.blocked {
		return nil, nil, &apiError{code: http.StatusForbidden, desc: "Forbidden: bot was blocked by the user"}
	}
	m := c.find(int(mid))
	if m == nil || !m.fromBot {
		return nil, nil, badRequest("message to edit not found")
	}
	return c, m, nil
}

func (s *Server) editMessageText(_ *http.Request, p *params) (any, *apiError) {
	raw, _ := p.str("text")
	mode, _ := p.str("parse_mode")
	shown, e := text(raw, mode, 4096, "text")
	if e != nil {
		return nil, e
	}
	kb, e := keyboard(p)
	if e != nil {
		return nil, e
	}
	return s.edit(p, func(m *message) bool {
		same := m.Text == shown && m.HTML == raw && equalKeyboard(m.Keyboard, kb)
		m.Text, m.HTML, m.Keyboard = shown, raw, kb
		return !same
	})
}

func (s *Server) editMessageReplyMarkup(_ *http.Request, p *params) (any, *apiError) {
	kb, e := keyboard(p)
	if e != nil {
		return nil, e
	}
	return s.edit(p, func(m *message) bool {
		same := equalKeyboard(m.Keyboard, kb)
		m.Keyboard = kb
		return !same
	})
}

// edit applies change to the named message; change reports whether anything
// changed (Telegram refuses an edit that changes nothing).
func (s *Server) edit(p *params, change func(*message) bool) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, m, e := s.editTargetLocked(p)
	if e != nil {
		return nil, e
	}
	old := *m
	old.Keyboard = copyKeyboard(m.Keyboard)
	if !change(m) {
		*m = old
		return nil, badRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message")
	}
	if e := s.limitLocked(c, time.Now(), "editMessage"); e != nil {
		*m = old
		return nil, e
	}
	m.Edits++
	return s.modelLocked(c, m), nil
}

func equalKeyboard(a, b [][]Button) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if a[i][j] != b[i][j] {
				return false
			}
		}
	}
	return true
}

func (s *Server) answerCallbackQuery(_ *http.Request, p *params) (any, *apiError) {
	id, _ := p.str("callback_query_id")
	t, _ := p.str("text")
	if utf8.RuneCountInString(t) > 200 {
		return nil, badRequest("MESSAGE_TOO_LONG")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.queries[id]
	if q == nil || q.answered {
		return nil, badRequest("query is too old or already answered")
	}
	q.answered, q.text, q.answeredAt = true, t, time.Now()
	return true, nil
}

var chatActions = map[string]bool{
	"typing": true, "upload_photo": true, "record_video": true, "upload_video": true, "record_voice": true,
	"upload_voice": true, "upload_document": true, "choose_sticker": true, "find_location": true,
	"record_video_note": true, "upload_video_note": true,
}

func (s *Server) sendChatAction(_ *http.Request, p *params) (any, *apiError) {
	id, e := p.chatID()
	if e != nil {
		return nil, e
	}
	a, _ := p.str("action")
	if !chatActions[a] {
		return nil, badRequest("wrong parameter action in request")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chatLocked(id)
	if c.blocked {
		return nil, &apiError{code: http.StatusForbidden, desc: "Forbidden: bot was blocked by the user"}
	}
	c.actions++
	return true, nil
}

var commandName = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)

func (s *Server) setMyCommands(_ *http.Request, p *params) (any, *apiError) {
	var cmds []models.BotCommand
	ok, e := p.decode("commands", &cmds)
	if e != nil {
		return nil, e
	}
	if !ok {
		return nil, badRequest("parameter \"commands\" is required")
	}
	if len(cmds) > 100 {
		return nil, badRequest("too many commands")
	}
	for _, c := range cmds {
		if !commandName.MatchString(c.Command) {
			return nil, badRequest("BOT_COMMAND_INVALID")
		}
		if n := utf8.RuneCountInString(c.Description); n < 1 || n > 256 {
			return nil, badRequest("command description is empty or too long")
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.commands = cmds
	return true, nil
}
