// Package web is the care team's referral desk in a browser: the open
// referrals (unacknowledged emergencies on top), one referral with its
// clinician summary, questionnaire results, course charts, notes, status
// history and takeover conversation, a patient's timeline, the actions of
// the chat desk (acknowledge, close, note, take over, export as FHIR), and
// a flow simulator that runs on a throwaway session.
//
// Staff sign in without passwords: /weblogin in a staff destination (Desk)
// answers with a one-time link bound to that staff member of clinic.yaml.
// Sessions live in Redis with idle and absolute timeouts; every POST
// carries a CSRF token; every response has a strict Content-Security-Policy
// and patient pages are never cached. Every view and action is recorded in
// the audit log. Pages are server-rendered with html/template; the only
// script (static/app.js) polls the referral list.
//
// Patient data is never put in a URL, a log line or an error: pages are
// addressed by referral id.
package web

import (
	"context"
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/audit"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/runner"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Default lifetimes.
const (
	DefaultLinkTTL  = 10 * time.Minute // a sign-in link
	DefaultIdle     = 30 * time.Minute // a session without a request
	DefaultAbsolute = 12 * time.Hour   // a session however busy
)

// Config is what the web view runs on. Redis, Desk, Clinic and Audit are
// required.
type Config struct {
	Redis  redis.UniversalClient
	Prefix string // of every Redis key, as the rest of kapbot's
	// Desk performs staff actions (the chat desk's, see referral.Desk.Act)
	// and gives the referral store.
	Desk *referral.Desk
	// Clinic is the current clinic.yaml: its staff list says who may sign
	// in, checked again at every request.
	Clinic func(ctx context.Context) (*flow.Clinic, error)
	// Bundle is the current flows (questionnaire labels, charts, the
	// simulator); may be nil.
	Bundle func(ctx context.Context) (*flow.Bundle, error)
	// History is a patient's records (results, referrals, finished flows),
	// oldest first; may be nil.
	History func(ctx context.Context, patient string) ([]runner.Record, error)
	// State is a patient's conversation state (their appointments, for the
	// timeline); may be nil.
	State func(ctx context.Context, patient string) (engine.State, error)
	// Engine is the current flows' engine, for the flow simulator (nil:
	// no simulator).
	Engine func(ctx context.Context) (*engine.Engine, error)
	Audit  audit.Recorder
	// BaseURL is where staff reach the web view ("https://desk.example"),
	// used in sign-in links.
	BaseURL  string
	FHIRBase string // KAPBOT_FHIR_BASE for exports ("" = export's default)
	Log      *slog.Logger
	Now      func() time.Time
	Location *time.Location // of the times shown (nil: UTC)
	LinkTTL  time.Duration  // 0: DefaultLinkTTL
	Idle     time.Duration  // 0: DefaultIdle
	Absolute time.Duration  // 0: DefaultAbsolute
	// Poll is how often the referral list asks for changes (0: 3s).
	Poll time.Duration
}

// Server is the web view. It is an http.Handler.
type Server struct {
	cfg   Config
	store *referral.Store
	tmpl  map[string]*template.Template
	mux   *http.ServeMux
	sims  *simulations
}

// New returns the web view of cfg. It returns an error when a required
// part is missing.
func New(cfg Config) (*Server, error) {
	if cfg.Redis == nil || cfg.Desk == nil || cfg.Clinic == nil || cfg.Audit == nil {
		return nil, errors.New("web: Redis, Desk, Clinic and Audit are required")
	}
	if cfg.Prefix == "" {
		cfg.Prefix = "kapbot"
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.LinkTTL <= 0 {
		cfg.LinkTTL = DefaultLinkTTL
	}
	if cfg.Idle <= 0 {
		cfg.Idle = DefaultIdle
	}
	if cfg.Absolute <= 0 {
		cfg.Absolute = DefaultAbsolute
	}
	if cfg.Poll <= 0 {
		cfg.Poll = 3 * time.Second
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	s := &Server{cfg: cfg, store: cfg.Desk.Notifier().Store(), mux: http.NewServeMux(), sims: newSimulations()}
	var err error
	if s.tmpl, err = parseTemplates(cfg.Location); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	static, _ := fs.Sub(staticFS, "static")
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.HandleFunc("GET /signin", s.signinPage)
	s.mux.HandleFunc("POST /signin", s.signin)
	s.mux.HandleFunc("POST /signout", s.staff(s.signout))
	s.mux.HandleFunc("GET /{$}", s.staff(s.list))
	s.mux.HandleFunc("GET "+livePath, s.staff(s.live))
	s.mux.HandleFunc("GET /referrals/{id}", s.staff(s.referralPage))
	s.mux.HandleFunc("GET /referrals/{id}/timeline", s.staff(s.timeline))
	s.mux.HandleFunc("GET /referrals/{id}/chart/{q}", s.staff(s.chart))
	s.mux.HandleFunc("GET /referrals/{id}/fhir", s.staff(s.fhir))
	s.mux.HandleFunc("POST /referrals/{id}/{action}", s.staff(s.act))
	s.mux.HandleFunc("GET /simulator", s.staff(s.simList))
	s.mux.HandleFunc("GET /simulator/{flow}", s.staff(s.simPage))
	s.mux.HandleFunc("POST /simulator/{flow}", s.staff(s.simSend))
}

// livePath is where the referral list's script polls for its rows.
const livePath = "/live"

// ServeHTTP sets the security headers of every response and routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
	if strings.HasPrefix(s.cfg.BaseURL, "https://") {
		h.Set("Strict-Transport-Security", "max-age=31536000")
	}
	if r.Method == http.MethodPost && r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		// Browsers say where a request comes from; a form posted from
		// another site is refused before anything else (the CSRF token
		// would refuse it too).
		http.Error(w, "Forms are accepted from this site only.", http.StatusForbidden)
		return
	}
	if !strings.HasPrefix(r.URL.Path, "/static/") {
		// Patient pages, and every page that names a staff member.
		h.Set("Cache-Control", "no-store")
	}
	s.mux.ServeHTTP(w, r)
}

// csp allows only the web view's own scripts, styles and images: no
// inline script or style, no third party, no framing, forms to itself only.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// Serve runs the web view on ln until ctx ends, then shuts it down
// within 5 seconds. It returns the server's error, or nil after ctx ended.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: 60 * time.Second}
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	err := srv.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		<-done
		return nil
	}
	return err
}
