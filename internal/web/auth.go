package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/audit"
	"github.com/kapbot/kapbot/internal/flow"
)

// Cookie names. The session cookie is HttpOnly, Secure and SameSite=Strict;
// the pre-sign-in cookie carries the sign-in form's CSRF token.
const (
	SessionCookie = "kapbot_session"
	preCookie     = "kapbot_signin"
)

// ErrNotStaff is returned by Link for someone not on clinic.yaml's staff
// list.
var ErrNotStaff = errors.New("web: not on the clinic's staff list")

// link is what a sign-in token stands for, stored under its hash.
type link struct {
	Staff string    `json:"staff"` // "telegram:<user id>" or "discord:<user id>"
	At    time.Time `json:"at"`
}

// session is a signed-in staff member, stored under the hash of the
// cookie's value. It holds no patient data.
type session struct {
	Staff   string    `json:"staff"`
	Created time.Time `json:"created"`
	CSRF    string    `json:"csrf"`
	Flash   string    `json:"flash,omitempty"` // the last action's answer, shown once
	key     string
	member  flow.StaffMember
}

func (s *Server) linkKey(hash string) string    { return s.cfg.Prefix + ":web:link:" + hash }
func (s *Server) sessionKey(hash string) string { return s.cfg.Prefix + ":web:session:" + hash }

func token() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

func hashOf(tok string) string {
	sum := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(sum[:])
}

// Link makes a one-time sign-in link for the staff member with platform
// identity staff ("telegram:<user id>" or "discord:<user id>"): valid for
// the link lifetime, once. Only the token's hash is stored. It returns
// ErrNotStaff for someone not on the staff list, or a storage error.
func (s *Server) Link(ctx context.Context, staff string) (string, error) {
	m, ok := s.member(ctx, staff)
	if !ok {
		return "", ErrNotStaff
	}
	tok := token()
	data, _ := json.Marshal(link{Staff: staff, At: s.cfg.Now()})
	if err := s.cfg.Redis.Set(ctx, s.linkKey(hashOf(tok)), data, s.cfg.LinkTTL).Err(); err != nil {
		return "", fmt.Errorf("web: store sign-in link: %w", err)
	}
	s.record(ctx, actor(staff, m.Name), "web.link", "")
	return s.cfg.BaseURL + "/signin?t=" + tok, nil
}

// member finds the staff member of identity in the current clinic.yaml.
func (s *Server) member(ctx context.Context, identity string) (flow.StaffMember, bool) {
	cl, err := s.cfg.Clinic(ctx)
	if err != nil || cl == nil {
		return flow.StaffMember{}, false
	}
	channel, id, ok := strings.Cut(identity, ":")
	if !ok || id == "" {
		return flow.StaffMember{}, false
	}
	for _, m := range cl.Staff {
		if (channel == "telegram" && m.Telegram == id) || (channel == "discord" && m.Discord == id) {
			return m, true
		}
	}
	return flow.StaffMember{}, false
}

func actor(identity, name string) string { return audit.ActorName("web:"+identity, name) }

// record writes an audit entry, best effort (the view is still answered,
// as the chat desk does: the staff member may be handling an emergency).
func (s *Server) record(ctx context.Context, who, action, target string) {
	if err := s.cfg.Audit.Record(ctx, audit.Entry{Actor: who, Action: action, Target: target}); err != nil {
		s.cfg.Log.Warn("web: audit entry not recorded", "action", action, "err", err)
	}
}

func (s *Server) setCookie(w http.ResponseWriter, name, value string, maxAge time.Duration) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: int(maxAge / time.Second),
		HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode})
}

func (s *Server) clearCookie(w http.ResponseWriter, name string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode})
}

// signinPage shows the sign-in button for a link. It does not use the
// link: chat apps fetch links for previews, and a GET that signed in would
// spend it. A link unknown or expired is refused here already.
func (s *Server) signinPage(w http.ResponseWriter, r *http.Request) {
	tok := r.URL.Query().Get("t")
	var l link
	ok := false
	if tok != "" {
		if data, err := s.cfg.Redis.Get(r.Context(), s.linkKey(hashOf(tok))).Bytes(); err == nil && json.Unmarshal(data, &l) == nil {
			ok = true
		}
	}
	if !ok {
		s.page(w, r, http.StatusForbidden, "signin", nil, pageData{Title: "Sign-in link not valid", Data: signinData{}})
		return
	}
	m, _ := s.member(r.Context(), l.Staff)
	pre := token()
	s.setCookie(w, preCookie, pre, s.cfg.LinkTTL)
	s.page(w, r, http.StatusOK, "signin", nil, pageData{Title: "Sign in", Data: signinData{Valid: true, Token: tok, Name: m.Name}, CSRF: pre})
}

type signinData struct {
	Valid bool
	Token string
	Name  string
}

// signin spends a link and starts a session: the link must exist (not
// used, not expired), its staff member still be on the staff list, and the
// form carry the pre-sign-in cookie's token.
func (s *Server) signin(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, err := r.Cookie(preCookie)
	if err != nil || c.Value == "" || !same(c.Value, r.PostFormValue("csrf")) {
		s.refuse(w, r, http.StatusForbidden, "The sign-in form expired or came from elsewhere. Open the link from the chat again.")
		return
	}
	data, err := s.cfg.Redis.GetDel(ctx, s.linkKey(hashOf(r.PostFormValue("t")))).Bytes()
	if errors.Is(err, redis.Nil) {
		s.refuse(w, r, http.StatusForbidden, "This sign-in link was used already or has expired. Send /weblogin in the staff chat for a new one.")
		return
	}
	if err != nil {
		s.fail(w, r, "read sign-in link", err)
		return
	}
	var l link
	if json.Unmarshal(data, &l) != nil || s.cfg.Now().Sub(l.At) > s.cfg.LinkTTL {
		s.refuse(w, r, http.StatusForbidden, "This sign-in link was used already or has expired. Send /weblogin in the staff chat for a new one.")
		return
	}
	m, ok := s.member(ctx, l.Staff)
	if !ok {
		s.refuse(w, r, http.StatusForbidden, "Only the clinic's care team listed in clinic.yaml can sign in.")
		return
	}
	sid := token()
	sess := session{Staff: l.Staff, Created: s.cfg.Now(), CSRF: token()}
	raw, _ := json.Marshal(sess)
	if err := s.cfg.Redis.Set(ctx, s.sessionKey(hashOf(sid)), raw, s.cfg.Idle).Err(); err != nil {
		s.fail(w, r, "store session", err)
		return
	}
	s.clearCookie(w, preCookie)
	s.setCookie(w, SessionCookie, sid, s.cfg.Absolute)
	s.record(ctx, actor(l.Staff, m.Name), "web.signin", "")
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func same(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// current returns the request's session, or nil when there is none, it
// timed out, or its staff member left the staff list. It refreshes the
// idle timeout, except for the referral list's polls: a list left open on
// an unattended screen must still time out.
func (s *Server) current(r *http.Request) (*session, error) {
	c, err := r.Cookie(SessionCookie)
	if err != nil || c.Value == "" {
		return nil, nil
	}
	ctx := r.Context()
	key := s.sessionKey(hashOf(c.Value))
	data, err := s.cfg.Redis.Get(ctx, key).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("web: read session: %w", err)
	}
	var sess session
	if json.Unmarshal(data, &sess) != nil {
		return nil, nil
	}
	if s.cfg.Now().Sub(sess.Created) > s.cfg.Absolute {
		s.cfg.Redis.Del(ctx, key)
		return nil, nil
	}
	m, ok := s.member(ctx, sess.Staff)
	if !ok {
		s.cfg.Redis.Del(ctx, key)
		return nil, nil
	}
	sess.key, sess.member = key, m
	if r.URL.Path == livePath {
		return &sess, nil
	}
	if err := s.cfg.Redis.Expire(ctx, key, s.cfg.Idle).Err(); err != nil {
		return nil, fmt.Errorf("web: refresh session: %w", err)
	}
	return &sess, nil
}

// save stores sess again (its flash), keeping the idle timeout.
func (s *Server) save(ctx context.Context, sess *session) {
	raw, _ := json.Marshal(sess)
	s.cfg.Redis.Set(ctx, sess.key, raw, s.cfg.Idle)
}

// flash returns and clears the session's flash.
func (s *Server) flash(ctx context.Context, sess *session) string {
	f := sess.Flash
	if f != "" {
		sess.Flash = ""
		s.save(ctx, sess)
	}
	return f
}

// who names the session's staff member in the audit log.
func (sess *session) who() string { return actor(sess.Staff, sess.member.Name) }

type staffHandler func(w http.ResponseWriter, r *http.Request, sess *session)

// staff lets only signed-in staff through; a POST must also carry the
// session's CSRF token. Others get the sign-in explanation (403).
func (s *Server) staff(h staffHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess, err := s.current(r)
		if err != nil {
			s.fail(w, r, "session", err)
			return
		}
		if sess == nil {
			s.clearCookie(w, SessionCookie)
			if r.URL.Path == livePath {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			s.page(w, r, http.StatusForbidden, "signedout", nil, pageData{Title: "Please sign in"})
			return
		}
		if r.Method == http.MethodPost && !same(sess.CSRF, r.PostFormValue("csrf")) {
			s.refuse(w, r, http.StatusForbidden, "This form expired or came from elsewhere; nothing was changed. Reload the page and try again.")
			return
		}
		h(w, r, sess)
	}
}

// signout ends the session.
func (s *Server) signout(w http.ResponseWriter, r *http.Request, sess *session) {
	s.cfg.Redis.Del(r.Context(), sess.key)
	s.clearCookie(w, SessionCookie)
	s.record(r.Context(), sess.who(), "web.signout", "")
	s.page(w, r, http.StatusOK, "signedout", nil, pageData{Title: "Signed out", Data: true})
}
