package discordtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Discord JSON error codes the fake answers with.
const (
	codeUnknownChannel     = 10003
	codeUnknownMessage     = 10008
	codeUnknownWebhook     = 10015
	codeUnknownInteraction = 10062
	codeMissingAccess      = 50001
	codeNotAuthor          = 50005
	codeEmptyMessage       = 50006
	CodeCannotDM           = 50007 // "Cannot send messages to this user"
	codeInvalidForm        = 50035
	codeAlreadyAcked       = 40060
	codeFileTooLarge       = 40005
)

// nonceWindow is how long enforce_nonce de-duplicates message creates.
const nonceWindow = 5 * time.Minute

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func apiError(w http.ResponseWriter, status, code int, msg string) {
	writeJSON(w, status, map[string]any{"code": code, "message": msg})
}

func formError(w http.ResponseWriter, f formErrors) {
	errs := map[string]any{}
	for path, msg := range f {
		errs[path] = map[string]any{"_errors": []map[string]string{{"code": "INVALID", "message": msg}}}
	}
	writeJSON(w, http.StatusBadRequest, map[string]any{"code": codeInvalidForm, "message": "Invalid Form Body", "errors": errs})
}

// handle registers a REST route under /api/v10. major names the path value
// that splits the route into buckets ("" for one bucket). Handlers run with
// s.mu held, after the Authorization check and the rate limits.
func (s *Server) handle(mux *http.ServeMux, route, major string, h func(w http.ResponseWriter, r *http.Request)) {
	method, path, _ := strings.Cut(route, " ")
	mux.HandleFunc(method+" /api/v10"+path, func(rw http.ResponseWriter, r *http.Request) {
		w := &statusWriter{ResponseWriter: rw}
		arrived := time.Now() // before waiting for the lock: what Discord sees
		s.mu.Lock()
		defer s.mu.Unlock()
		m := ""
		if major != "" {
			m = r.PathValue(major)
		}
		defer func() {
			s.requests = append(s.requests, Request{At: time.Now(), Method: r.Method, Path: r.URL.Path, Route: route, Bucket: route + " " + m, Status: w.status})
		}()
		if r.Header.Get("Authorization") != "Bot "+s.opt.Token {
			apiError(w, http.StatusUnauthorized, 0, "401: Unauthorized")
			return
		}
		if !s.admit(w, route, m, arrived) {
			return
		}
		if status, ok := s.failures.Next(route); ok {
			apiError(w, status, 0, http.StatusText(status))
			return
		}
		h(w, r)
	})
}

func (s *Server) routes(mux *http.ServeMux) {
	s.handle(mux, "GET /gateway", "", s.getGateway)
	s.handle(mux, "GET /gateway/bot", "", s.getGatewayBot)
	s.handle(mux, "GET /users/@me", "", s.getMe)
	s.handle(mux, "POST /users/@me/channels", "", s.createDM)
	s.handle(mux, "POST /channels/{channel}/messages", "channel", s.createMessage)
	s.handle(mux, "PATCH /channels/{channel}/messages/{message}", "channel", s.editMessage)
	s.handle(mux, "POST /interactions/{interaction}/{token}/callback", "interaction", s.callback)
	s.handle(mux, "GET /webhooks/{app}/{token}/messages/@original", "token", s.getOriginal)
	s.handle(mux, "PATCH /webhooks/{app}/{token}/messages/@original", "token", s.editOriginal)
	s.handle(mux, "DELETE /webhooks/{app}/{token}/messages/@original", "token", s.deleteOriginal)
	s.handle(mux, "POST /webhooks/{app}/{token}", "token", s.followup)
	s.handle(mux, "PUT /applications/{app}/commands", "app", s.putCommands)
	s.handle(mux, "GET /applications/{app}/commands", "app", s.getCommands)
	s.handle(mux, "PUT /applications/{app}/guilds/{guild}/commands", "guild", s.putCommands)
	s.handle(mux, "GET /applications/{app}/guilds/{guild}/commands", "guild", s.getCommands)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests = append(s.requests, Request{At: time.Now(), Method: r.Method, Path: r.URL.Path, Status: http.StatusNotFound})
		s.mu.Unlock()
		apiError(w, http.StatusNotFound, 0, "404: Not Found")
	})
}

func (s *Server) getGateway(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"url": s.gatewayURL()})
}

func (s *Server) getGatewayBot(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"url":    s.gatewayURL(),
		"shards": 1,
		"session_start_limit": map[string]any{
			"total": 1000, "remaining": 1000 - s.identifies, "reset_after": 86400000, "max_concurrency": 1,
		},
	})
}

func (s *Server) getMe(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, userJSON(s.opt.AppID, true))
}

var snowflake = regexp.MustCompile(`^[0-9]{1,20}$`)

func (s *Server) createDM(w http.ResponseWriter, r *http.Request) {
	var body struct {
		RecipientID string `json:"recipient_id"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || !snowflake.MatchString(body.RecipientID) {
		formError(w, formErrors{"recipient_id": "Value is not snowflake."})
		return
	}
	c := s.dmLocked(body.RecipientID)
	writeJSON(w, http.StatusOK, map[string]any{
		"id": c.id, "type": 1, "last_message_id": nil, "flags": 0,
		"recipients": []any{userJSON(body.RecipientID, false)},
	})
}

// messageBody is what the bot sends to create or edit a message. Fields are
// raw so that an edit can tell "absent" from "set to nothing".
type messageBody map[string]json.RawMessage

func (b messageBody) has(k string) bool {
	v, ok := b[k]
	return ok && string(v) != "null"
}

func (b messageBody) content() (string, error) {
	var s string
	if !b.has("content") {
		return "", nil
	}
	err := json.Unmarshal(b["content"], &s)
	return s, err
}

func (b messageBody) components() ([]Component, error) {
	rows := []Component{}
	if !b.has("components") {
		return nil, nil
	}
	err := json.Unmarshal(b["components"], &rows)
	return rows, err
}

func (b messageBody) int(k string) int {
	var n int
	if b.has(k) {
		_ = json.Unmarshal(b[k], &n)
	}
	return n
}

func readBody(w http.ResponseWriter, r *http.Request) (messageBody, bool) {
	data, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		return nil, false
	}
	b := messageBody{}
	if len(data) == 0 {
		return b, true
	}
	if err := json.Unmarshal(data, &b); err != nil {
		apiError(w, http.StatusBadRequest, codeInvalidForm, "The request body contains invalid JSON.")
		return nil, false
	}
	return b, true
}

// parseMessage decodes and checks content and components. It writes the
// error answer and returns ok=false on a problem.
func parseMessage(w http.ResponseWriter, b messageBody) (content string, rows []Component, ok bool) {
	f := formErrors{}
	content, err := b.content()
	if err != nil {
		f.add("content", "Must be a string.")
	}
	rows, err = b.components()
	if err != nil {
		f.add("components", "Invalid component: %v", err)
	}
	if runes(content) > MaxContent {
		f.add("content", "Must be %d or fewer in length.", MaxContent)
	}
	validateComponents(rows, f)
	if len(f) > 0 {
		formError(w, f)
		return "", nil, false
	}
	return content, rows, true
}

// readUpload reads a multipart/form-data message body as Discord takes
// it: the JSON fields in the part "payload_json", and files in parts
// "files[n]" with a filename, each named by an entry {"id": n, "filename"}
// of the payload's "attachments" when it has one. It writes the error
// answer and returns ok=false on a problem.
func readUpload(w http.ResponseWriter, r *http.Request) (messageBody, []Attachment, bool) {
	_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || params["boundary"] == "" {
		apiError(w, http.StatusBadRequest, codeInvalidForm, "Invalid multipart body.")
		return nil, nil, false
	}
	mr := multipart.NewReader(io.LimitReader(r.Body, MaxUpload+1<<20), params["boundary"])
	var b messageBody
	var files []Attachment
	total := 0
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			apiError(w, http.StatusBadRequest, codeInvalidForm, "Invalid multipart body.")
			return nil, nil, false
		}
		data, err := io.ReadAll(part)
		if err != nil {
			apiError(w, http.StatusBadRequest, codeInvalidForm, "Invalid multipart body.")
			return nil, nil, false
		}
		name := part.FormName()
		switch {
		case name == "payload_json":
			b = messageBody{}
			if err := json.Unmarshal(data, &b); err != nil {
				apiError(w, http.StatusBadRequest, codeInvalidForm, "The request body contains invalid JSON.")
				return nil, nil, false
			}
		case strings.HasPrefix(name, "files[") && strings.HasSuffix(name, "]"):
			if part.FileName() == "" {
				formError(w, formErrors{name: "A file part needs a filename."})
				return nil, nil, false
			}
			total += len(data)
			files = append(files, Attachment{ID: strings.TrimSuffix(strings.TrimPrefix(name, "files["), "]"), Filename: part.FileName(),
				ContentType: part.Header.Get("Content-Type"), Size: len(data), PNG: bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n"))})
		default:
			formError(w, formErrors{name: "Unknown form field."})
			return nil, nil, false
		}
	}
	switch {
	case b == nil:
		formError(w, formErrors{"payload_json": "This field is required."})
		return nil, nil, false
	case total > MaxUpload:
		apiError(w, http.StatusRequestEntityTooLarge, codeFileTooLarge, "Request entity too large")
		return nil, nil, false
	case len(files) > MaxAttachments:
		formError(w, formErrors{"files": fmt.Sprintf("Must be %d or fewer in length.", MaxAttachments)})
		return nil, nil, false
	}
	if b.has("attachments") {
		var refs []struct {
			ID       json.Number `json:"id"`
			Filename string      `json:"filename"`
		}
		if err := json.Unmarshal(b["attachments"], &refs); err != nil {
			formError(w, formErrors{"attachments": "Invalid attachments."})
			return nil, nil, false
		}
		for _, ref := range refs {
			found := false
			for _, f := range files {
				found = found || f.ID == ref.ID.String()
			}
			if !found {
				formError(w, formErrors{"attachments": "Attachment " + ref.ID.String() + " has no uploaded file."})
				return nil, nil, false
			}
		}
	}
	return b, files, true
}

func (s *Server) createMessage(w http.ResponseWriter, r *http.Request) {
	c := s.channels[r.PathValue("channel")]
	if c == nil {
		apiError(w, http.StatusNotFound, codeUnknownChannel, "Unknown Channel")
		return
	}
	var b messageBody
	var files []Attachment
	ok := false
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		b, files, ok = readUpload(w, r)
	} else {
		b, ok = readBody(w, r)
	}
	if !ok {
		return
	}
	content, rows, ok := parseMessage(w, b)
	if !ok {
		return
	}
	if content == "" && len(rows) == 0 && len(files) == 0 && !b.has("embeds") && !b.has("sticker_ids") {
		apiError(w, http.StatusBadRequest, codeEmptyMessage, "Cannot send an empty message")
		return
	}
	if c.guildID == "" && s.userLocked(c.userID).dmsClosed {
		apiError(w, http.StatusForbidden, CodeCannotDM, "Cannot send messages to this user")
		return
	}
	var nonce string
	if b.has("nonce") {
		raw := strings.Trim(string(b["nonce"]), `"`)
		if len(raw) > 25 {
			formError(w, formErrors{"nonce": "Must be 25 or fewer in length."})
			return
		}
		nonce = raw
	}
	var enforce bool
	if b.has("enforce_nonce") {
		_ = json.Unmarshal(b["enforce_nonce"], &enforce)
	}
	if enforce && nonce != "" {
		for _, m := range c.msgs {
			if m.Bot && m.Nonce == nonce && time.Since(m.Created) < nonceWindow {
				writeJSON(w, http.StatusOK, s.messageJSON(m))
				return
			}
		}
	}
	m := &Message{AuthorID: s.opt.AppID, Bot: true, Content: content, Rows: rows, Nonce: nonce, Flags: b.int("flags") & 4, Attachments: files}
	s.addMessageLocked(c, m)
	if c.guildID == "" && s.session != nil {
		// A bot with DIRECT_MESSAGES gets its own DMs back as events.
		_, _ = s.dispatchLocked("MESSAGE_CREATE", s.messageJSON(m))
	}
	writeJSON(w, http.StatusOK, s.messageJSON(m))
}

// applyEdit changes a message's content and components as far as the body
// sets them. It writes the error answer and returns false on a problem.
func applyEdit(w http.ResponseWriter, m *Message, b messageBody) bool {
	content, rows, ok := parseMessage(w, b)
	if !ok {
		return false
	}
	if _, present := b["content"]; present {
		m.Content = content
	}
	if _, present := b["components"]; present {
		if rows == nil {
			rows = []Component{}
		}
		m.Rows = rows
	}
	if m.Content == "" && len(m.Rows) == 0 && m.Flags&FlagLoading == 0 {
		apiError(w, http.StatusBadRequest, codeEmptyMessage, "Cannot send an empty message")
		return false
	}
	m.Edits++
	return true
}

func (s *Server) editMessage(w http.ResponseWriter, r *http.Request) {
	m := s.messages[r.PathValue("message")]
	if m == nil || m.ChannelID != r.PathValue("channel") {
		apiError(w, http.StatusNotFound, codeUnknownMessage, "Unknown Message")
		return
	}
	if !m.Bot {
		apiError(w, http.StatusForbidden, codeNotAuthor, "Cannot edit a message authored by another user")
		return
	}
	b, ok := readBody(w, r)
	if !ok {
		return
	}
	saved := copyMessage(m)
	if !applyEdit(w, m, b) {
		m.Content, m.Rows = saved.Content, saved.Rows
		return
	}
	writeJSON(w, http.StatusOK, s.messageJSON(m))
}

func (s *Server) callback(w http.ResponseWriter, r *http.Request) {
	in := s.interactions[r.PathValue("interaction")]
	if in == nil || in.Token != r.PathValue("token") {
		apiError(w, http.StatusNotFound, codeUnknownInteraction, "Unknown interaction")
		return
	}
	if in.Acked {
		apiError(w, http.StatusBadRequest, codeAlreadyAcked, "Interaction has already been acknowledged.")
		return
	}
	if time.Since(in.Dispatched) > s.opt.AckDeadline {
		in.Late = true
		apiError(w, http.StatusNotFound, codeUnknownInteraction, "Unknown interaction")
		return
	}
	b, ok := readBody(w, r)
	if !ok {
		return
	}
	var typ int
	if b.has("type") {
		_ = json.Unmarshal(b["type"], &typ)
	}
	data := messageBody{}
	if b.has("data") {
		if err := json.Unmarshal(b["data"], &data); err != nil {
			formError(w, formErrors{"data": "Must be an object."})
			return
		}
	}
	c := s.channels[in.ChannelID]
	flags := data.int("flags") & FlagEphemeral
	switch typ {
	case CallbackMessage:
		content, rows, ok := parseMessage(w, data)
		if !ok {
			return
		}
		if content == "" && len(rows) == 0 {
			apiError(w, http.StatusBadRequest, codeEmptyMessage, "Cannot send an empty message")
			return
		}
		m := &Message{AuthorID: s.opt.AppID, Bot: true, Content: content, Rows: rows, Flags: flags, Interaction: in.ID}
		s.addMessageLocked(c, m)
		in.Response = m.ID
	case CallbackDeferredMessage:
		m := &Message{AuthorID: s.opt.AppID, Bot: true, Flags: flags | FlagLoading, Interaction: in.ID}
		s.addMessageLocked(c, m)
		in.Response = m.ID
	case CallbackDeferredUpdate, CallbackUpdateMessage:
		if in.Type != InteractionComponent {
			formError(w, formErrors{"type": "Only component interactions can update their message."})
			return
		}
		m := s.messages[in.MessageID]
		if typ == CallbackUpdateMessage {
			saved := copyMessage(m)
			if !applyEdit(w, m, data) {
				m.Content, m.Rows = saved.Content, saved.Rows
				return
			}
		}
		in.Response = m.ID
	default:
		formError(w, formErrors{"type": fmt.Sprintf("Value must be one of {4, 5, 6, 7}, got %d.", typ)})
		return
	}
	in.Acked = true
	in.AckType = typ
	in.AckedAt = time.Now()
	w.WriteHeader(http.StatusNoContent)
}

// webhookInteraction finds the acknowledged interaction a webhook token
// belongs to, or writes the error answer.
func (s *Server) webhookInteraction(w http.ResponseWriter, r *http.Request) *Interaction {
	if r.PathValue("app") != s.opt.AppID {
		apiError(w, http.StatusNotFound, codeUnknownWebhook, "Unknown Webhook")
		return nil
	}
	for _, in := range s.interactions {
		if in.Token == r.PathValue("token") {
			if !in.Acked {
				apiError(w, http.StatusNotFound, codeUnknownWebhook, "Unknown Webhook")
				return nil
			}
			return in
		}
	}
	apiError(w, http.StatusNotFound, codeUnknownWebhook, "Unknown Webhook")
	return nil
}

func (s *Server) original(w http.ResponseWriter, r *http.Request) (*Interaction, *Message) {
	in := s.webhookInteraction(w, r)
	if in == nil {
		return nil, nil
	}
	m := s.messages[in.Response]
	if m == nil {
		apiError(w, http.StatusNotFound, codeUnknownMessage, "Unknown Message")
		return nil, nil
	}
	return in, m
}

func (s *Server) getOriginal(w http.ResponseWriter, r *http.Request) {
	if _, m := s.original(w, r); m != nil {
		writeJSON(w, http.StatusOK, s.messageJSON(m))
	}
}

func (s *Server) editOriginal(w http.ResponseWriter, r *http.Request) {
	_, m := s.original(w, r)
	if m == nil {
		return
	}
	b, ok := readBody(w, r)
	if !ok {
		return
	}
	saved := copyMessage(m)
	flags := m.Flags
	m.Flags &^= FlagLoading
	if !applyEdit(w, m, b) {
		m.Content, m.Rows, m.Flags = saved.Content, saved.Rows, flags
		return
	}
	writeJSON(w, http.StatusOK, s.messageJSON(m))
}

func (s *Server) deleteOriginal(w http.ResponseWriter, r *http.Request) {
	in, m := s.original(w, r)
	if m == nil {
		return
	}
	c := s.channels[m.ChannelID]
	c.msgs = slices.DeleteFunc(c.msgs, func(x *Message) bool { return x == m })
	delete(s.messages, m.ID)
	in.Response = ""
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) followup(w http.ResponseWriter, r *http.Request) {
	in := s.webhookInteraction(w, r)
	if in == nil {
		return
	}
	b, ok := readBody(w, r)
	if !ok {
		return
	}
	content, rows, ok := parseMessage(w, b)
	if !ok {
		return
	}
	if content == "" && len(rows) == 0 {
		apiError(w, http.StatusBadRequest, codeEmptyMessage, "Cannot send an empty message")
		return
	}
	var m *Message
	if orig := s.messages[in.Response]; orig != nil && in.AckType == CallbackDeferredMessage && orig.Flags&FlagLoading != 0 {
		// The first followup after a deferred response replaces the
		// "thinking" message, as on Discord.
		m = orig
		m.Flags &^= FlagLoading
		m.Content, m.Rows = content, rows
		m.Edits++
	} else {
		m = &Message{AuthorID: s.opt.AppID, Bot: true, Content: content, Rows: rows, Flags: b.int("flags") & FlagEphemeral, Interaction: in.ID}
		s.addMessageLocked(s.channels[in.ChannelID], m)
		in.Followups = append(in.Followups, m.ID)
	}
	if r.URL.Query().Get("wait") == "true" {
		writeJSON(w, http.StatusOK, s.messageJSON(m))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

var commandName = regexp.MustCompile(`^[-_\p{Ll}\p{N}\p{Lo}]{1,32}$`)

// localeCode is the shape of Discord's locales ("de", "en-US", "es-419").
var localeCode = regexp.MustCompile(`^[a-z]{2}(-[A-Z]{2}|-419)?$`)

func (s *Server) putCommands(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("app") != s.opt.AppID {
		apiError(w, http.StatusForbidden, codeMissingAccess, "Missing Access")
		return
	}
	var cmds []Command
	if err := json.NewDecoder(r.Body).Decode(&cmds); err != nil {
		formError(w, formErrors{"": "Must be an array of commands."})
		return
	}
	f := formErrors{}
	if len(cmds) > 100 {
		f.add("", "Must be 100 or fewer in length.")
	}
	guild := r.PathValue("guild")
	names := map[string]bool{}
	for i, c := range cmds {
		p := strconv.Itoa(i)
		if !commandName.MatchString(c.Name) {
			f.add(p+".name", "Command name is invalid")
		}
		if names[c.Name] {
			f.add(p+".name", "Application command names must be unique")
		}
		names[c.Name] = true
		if c.Type == 0 || c.Type == 1 {
			if n := runes(c.Description); n < 1 || n > 100 {
				f.add(p+".description", "Must be between 1 and 100 in length.")
			}
			for loc, d := range c.DescriptionLocalizations {
				if !localeCode.MatchString(loc) {
					f.add(p+".description_localizations."+loc, "Invalid locale")
				}
				if n := runes(d); n < 1 || n > 100 {
					f.add(p+".description_localizations."+loc, "Must be between 1 and 100 in length.")
				}
			}
		}
		if len(c.Options) > 25 {
			f.add(p+".options", "Must be 25 or fewer in length.")
		}
		optional := false
		for j, o := range c.Options {
			op := p + ".options." + strconv.Itoa(j)
			if !commandName.MatchString(o.Name) {
				f.add(op+".name", "Command name is invalid")
			}
			if n := runes(o.Description); n < 1 || n > 100 {
				f.add(op+".description", "Must be between 1 and 100 in length.")
			}
			if o.Type < 1 || o.Type > 11 {
				f.add(op+".type", "Value must be one of 1 to 11.")
			}
			if o.Required && optional {
				f.add(op+".required", "Required options must be placed before non-required options")
			}
			optional = optional || !o.Required
		}
	}
	if len(f) > 0 {
		formError(w, f)
		return
	}
	old := s.commands[guild]
	for i := range cmds {
		cmds[i].AppID = s.opt.AppID
		cmds[i].GuildID = guild
		cmds[i].Version = s.newID()
		cmds[i].ID = ""
		for _, o := range old {
			if o.Name == cmds[i].Name {
				cmds[i].ID = o.ID
			}
		}
		if cmds[i].ID == "" {
			cmds[i].ID = s.newID()
		}
		if cmds[i].Type == 0 {
			cmds[i].Type = 1
		}
	}
	s.commands[guild] = cmds
	writeJSON(w, http.StatusOK, cmds)
}

func (s *Server) getCommands(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("app") != s.opt.AppID {
		apiError(w, http.StatusForbidden, codeMissingAccess, "Missing Access")
		return
	}
	cmds := s.commands[r.PathValue("guild")]
	if cmds == nil {
		cmds = []Command{}
	}
	writeJSON(w, http.StatusOK, cmds)
}
