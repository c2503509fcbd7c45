package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kapbot/kapbot/flows"
	"github.com/kapbot/kapbot/internal/audit"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/seal"
	"github.com/kapbot/kapbot/internal/store"
)

func TestMain(m *testing.M) { redistest.Main(m) }

// Staff of the sample clinic.yaml.
const (
	alex = "telegram:111111111" // Dr. Alex Example
	sam  = "telegram:333333333" // Sam Example (nurse)
)

// harness is the web view over the sample flows, a runner whose patients
// talk through a recording channel, and a real Redis.
type harness struct {
	t      *testing.T
	w      *Server
	srv    *httptest.Server
	rt     *runner.Runner
	refs   *referral.Notifier
	st     *store.Store
	audit  *audit.Log
	sent   *recorder
	mu     sync.Mutex
	clinic *flow.Clinic
	seq    int
	offset time.Duration // added to the web view's clock
}

// later moves the web view's clock on by d.
func (h *harness) later(d time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.offset += d
}

// recorder is the patients' channel ("test:<name>"): it keeps what they
// were sent.
type recorder struct {
	mu   sync.Mutex
	msgs map[string][]engine.Message
}

func (r *recorder) Send(_ context.Context, patient string, m engine.Message) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs[patient] = append(r.msgs[patient], m)
	return nil
}

func (r *recorder) all(patient string) []engine.Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]engine.Message(nil), r.msgs[patient]...)
}

func sampleBundle(t testing.TB) *flow.Bundle {
	b, probs, err := flow.LoadFS(flows.FS)
	if err != nil || probs.Err() != nil {
		t.Fatalf("sample flows: %v %v", err, probs)
	}
	return b
}

func newHarness(t *testing.T, opts ...func(*Config)) *harness {
	t.Helper()
	ctx := context.Background()
	c, prefix := redistest.New(t)
	sealer := seal.NewRandom()
	st := store.New(c, prefix, sealer)
	b := sampleBundle(t)
	if err := st.Publish(ctx, b.Version, b.Sources); err != nil {
		t.Fatal(err)
	}
	lib := runner.NewLibrary(st, runner.WithScreenerFor(runner.SafetyScreener))
	e, err := lib.Current(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cl := *e.Bundle().Clinic
	cl.Staff = append([]flow.StaffMember(nil), cl.Staff...)
	h := &harness{t: t, st: st, clinic: &cl, sent: &recorder{msgs: map[string][]engine.Message{}}}
	clinic := func(context.Context) (*flow.Clinic, error) {
		h.mu.Lock()
		defer h.mu.Unlock()
		c := *h.clinic
		return &c, nil
	}
	history := func(ctx context.Context, patient string) ([]runner.Record, error) {
		raw, err := st.Records(ctx, patient)
		if err != nil {
			return nil, err
		}
		var out []runner.Record
		for _, r := range raw {
			if rec, err := runner.DecodeRecord(r); err == nil {
				out = append(out, rec)
			}
		}
		return out, nil
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	h.refs = referral.NewNotifier(referral.NewStore(c, prefix, sealer), clinic, st, referral.WithLogger(log),
		referral.WithBundles(func(ctx context.Context, v string) (*flow.Bundle, error) { return e.Bundle(), nil }),
		referral.WithHistory(history))
	h.rt = runner.New(st, lib, runner.WithLogger(log), runner.WithReferrer(h.refs))
	h.rt.Register("test", h.sent)
	h.audit = audit.New(c, prefix, sealer)
	cfg := Config{Redis: c, Prefix: prefix, Desk: referral.NewDesk(h.refs, referral.WithPatients(h.rt)), Clinic: clinic,
		Bundle:  func(context.Context) (*flow.Bundle, error) { return e.Bundle(), nil },
		Engine:  func(ctx context.Context) (*engine.Engine, error) { return lib.Current(ctx) },
		History: history, Audit: h.audit,
		State: func(ctx context.Context, patient string) (engine.State, error) {
			sess, err := st.Load(ctx, patient)
			if err != nil || sess.Data == nil {
				return engine.State{}, err
			}
			return runner.DecodeState(sess.Data)
		}, Log: log, Poll: 200 * time.Millisecond,
		Now: func() time.Time {
			h.mu.Lock()
			defer h.mu.Unlock()
			return time.Now().Add(h.offset)
		}}
	for _, o := range opts {
		o(&cfg)
	}
	h.srv = httptest.NewServer(nil)
	if cfg.BaseURL == "" {
		cfg.BaseURL = h.srv.URL
	}
	h.w, err = New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h.srv.Config.Handler = h.w
	t.Cleanup(h.srv.Close)
	return h
}

// say sends text as patient (starting the default flow first when new).
func (h *harness) say(patient, text string) {
	h.t.Helper()
	h.seq++
	in := runner.Inbound{ID: fmt.Sprintf("%s:%d", patient, h.seq), Patient: patient, Input: engine.Input{Now: time.Now(), Text: text}}
	if text == "/start" {
		in.Input = engine.Input{Now: time.Now(), Command: &engine.Command{Name: engine.CmdStart}}
	}
	if err := h.rt.Handle(context.Background(), in); err != nil {
		h.t.Fatal(err)
	}
	h.refs.Wait()
}

// emergency makes patient send a crisis message and returns the id of
// their emergency referral.
func (h *harness) emergency(patient string) string {
	h.t.Helper()
	h.say(patient, "/start")
	h.say(patient, "I want to kill myself tonight")
	open, err := h.refs.Store().Open(context.Background())
	if err != nil {
		h.t.Fatal(err)
	}
	for _, r := range open {
		if r.Patient == patient && r.Priority == flow.Emergency {
			return r.ID
		}
	}
	h.t.Fatalf("no emergency referral for %s", patient)
	return ""
}

// client is a browser stand-in: it keeps the session cookie by hand (Go's
// cookie jar does not send Secure cookies over http) and follows no
// redirects.
type client struct {
	h       *harness
	cookies map[string]*http.Cookie
	csrf    string
}

func (h *harness) client() *client { return &client{h: h, cookies: map[string]*http.Cookie{}} }

type response struct {
	*http.Response
	body string
}

func (c *client) do(method, path string, form url.Values) response {
	c.h.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	u := path
	if !strings.HasPrefix(u, "http") {
		u = c.h.srv.URL + path
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		c.h.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for _, k := range c.cookies {
		req.AddCookie(&http.Cookie{Name: k.Name, Value: k.Value})
	}
	cl := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := cl.Do(req)
	if err != nil {
		c.h.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	for _, k := range res.Cookies() {
		if k.MaxAge < 0 {
			delete(c.cookies, k.Name)
		} else {
			c.cookies[k.Name] = k
		}
	}
	if m := csrfField.FindStringSubmatch(string(b)); m != nil {
		c.csrf = m[1]
	}
	return response{res, string(b)}
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (c *client) get(path string) response { return c.do("GET", path, nil) }

// post sends form with the page's CSRF token added.
func (c *client) post(path string, form url.Values) response {
	if form == nil {
		form = url.Values{}
	}
	if _, set := form["csrf"]; !set {
		form.Set("csrf", c.csrf)
	}
	return c.do("POST", path, form)
}

// link makes a sign-in link for staff.
func (h *harness) link(staff string) string {
	h.t.Helper()
	l, err := h.w.Link(context.Background(), staff)
	if err != nil {
		h.t.Fatal(err)
	}
	return l
}

// signIn opens link and presses Sign in.
func (c *client) signIn(link string) response {
	c.h.t.Helper()
	page := c.get(link)
	if page.StatusCode != http.StatusOK {
		return page
	}
	u, _ := url.Parse(link)
	return c.post("/signin", url.Values{"t": {u.Query().Get("t")}})
}

// staffClient is a client signed in as staff.
func (h *harness) staffClient(staff string) *client {
	h.t.Helper()
	c := h.client()
	if res := c.signIn(h.link(staff)); res.StatusCode != http.StatusSeeOther {
		h.t.Fatalf("sign-in: %d %s", res.StatusCode, res.body)
	}
	c.get("/") // for the CSRF token
	return c
}

// keys lists the keys matching pattern, on every node of a cluster.
func (h *harness) keys(pattern string) []string {
	h.t.Helper()
	var out []string
	if err := store.ScanEach(context.Background(), h.w.cfg.Redis, pattern, 100, func(ks []string) error {
		out = append(out, ks...)
		return nil
	}); err != nil {
		h.t.Fatal(err)
	}
	return out
}
