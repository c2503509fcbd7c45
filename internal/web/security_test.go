package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/referral"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/seal"
)

func TestSecurityHeadersOnEveryPage(t *testing.T) {
	h := newHarness(t)
	id := h.emergency("test:ann")
	c := h.staffClient(alex)
	for _, path := range []string{"/", "/referrals/" + id, "/referrals/" + id + "/timeline", "/live", "/signin?t=nope", "/simulator"} {
		res := c.get(path)
		hd := res.Header
		csp := hd.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe") || strings.Contains(csp, "*") {
			t.Errorf("%s: CSP %q allows unsafe or any source", path, csp)
		}
		if hd.Get("X-Content-Type-Options") != "nosniff" || hd.Get("Referrer-Policy") != "no-referrer" || hd.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: headers %v", path, hd)
		}
		if hd.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Cache-Control %q, want no-store", path, hd.Get("Cache-Control"))
		}
	}
	// Pages hold no inline script or style that the CSP would have to allow.
	page := c.get("/referrals/" + id).body
	if strings.Contains(page, "<script>") || strings.Contains(page, "style=") || strings.Contains(page, "<style") || strings.Contains(page, " on") && strings.Contains(page, "onclick") {
		t.Error("a page has inline script or style")
	}
}

func TestSessionCookieFlags(t *testing.T) {
	h := newHarness(t)
	c := h.client()
	res := c.signIn(h.link(alex))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", res.StatusCode)
	}
	var sess *http.Cookie
	for _, k := range res.Cookies() {
		if k.Name == SessionCookie {
			sess = k
		}
	}
	if sess == nil {
		t.Fatal("no session cookie")
	}
	if !sess.HttpOnly || !sess.Secure || sess.SameSite != http.SameSiteStrictMode || sess.Path != "/" || sess.Domain != "" {
		t.Fatalf("session cookie %+v: want HttpOnly, Secure, SameSite=Strict, Path=/, no Domain", sess)
	}
	if len(sess.Value) < 40 {
		t.Fatalf("session id %d characters: too short to be unguessable", len(sess.Value))
	}
	// Only a hash of the session id is stored: the id is in no key or value.
	keys := h.keys(h.w.cfg.Prefix + ":web:*")
	if len(keys) == 0 {
		t.Fatal("no session stored")
	}
	for _, k := range keys {
		v, _ := h.w.cfg.Redis.Get(context.Background(), k).Result()
		if strings.Contains(k, sess.Value) || strings.Contains(v, sess.Value) {
			t.Fatalf("the session id is stored in clear under %s", k)
		}
	}
}

func TestCSRFTokenRequiredOnEveryPost(t *testing.T) {
	h := newHarness(t)
	id := h.emergency("test:ann")
	c := h.staffClient(alex)
	for _, tc := range []struct {
		path string
		form url.Values
	}{
		{"/referrals/" + id + "/status", url.Values{"status": {"acknowledged"}}},
		{"/referrals/" + id + "/note", url.Values{"text": {"forged note"}}},
		{"/referrals/" + id + "/takeover", url.Values{}},
		{"/signout", url.Values{}},
	} {
		for _, token := range []string{"", "wrong" + c.csrf[5:]} {
			tc.form.Set("csrf", token)
			if res := c.do("POST", tc.path, tc.form); res.StatusCode != http.StatusForbidden {
				t.Errorf("POST %s with csrf %q: %d, want 403", tc.path, token, res.StatusCode)
			}
		}
	}
	r, err := h.refs.Store().Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status() != referral.StatusNew || len(r.Notes) != 0 || r.Takeover != nil {
		t.Fatalf("a forged POST changed the referral: status %s, %d notes, takeover %v", r.Status(), len(r.Notes), r.Takeover)
	}
	if res := c.get("/"); res.StatusCode != http.StatusOK {
		t.Fatalf("a forged sign-out ended the session: %d", res.StatusCode)
	}
	// With the token the same action works.
	if res := c.post("/referrals/"+id+"/status", url.Values{"status": {"acknowledged"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("acknowledge with token: %d", res.StatusCode)
	}
}

func TestSignInFormNeedsItsOwnToken(t *testing.T) {
	h := newHarness(t)
	link := h.link(alex)
	u, _ := url.Parse(link)
	c := h.client()
	// A form posted from elsewhere (no pre-sign-in cookie) is refused and
	// leaves the link unused.
	res := c.do("POST", "/signin", url.Values{"t": {u.Query().Get("t")}, "csrf": {"x"}})
	if res.StatusCode != http.StatusForbidden || c.cookies[SessionCookie] != nil {
		t.Fatalf("sign-in without the form's token: %d", res.StatusCode)
	}
	if res := c.signIn(link); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the link was spent by a refused attempt: %d", res.StatusCode)
	}
}

func TestSignInLinkWorksOnce(t *testing.T) {
	h := newHarness(t)
	link := h.link(alex)
	// A link preview (a GET) does not spend it.
	if res := h.client().get(link); res.StatusCode != http.StatusOK {
		t.Fatalf("GET of the link: %d", res.StatusCode)
	}
	if res := h.client().signIn(link); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("first use: %d", res.StatusCode)
	}
	c := h.client()
	if res := c.get(link); res.StatusCode != http.StatusForbidden {
		t.Fatalf("GET of a used link: %d, want 403", res.StatusCode)
	}
	// Even with a sign-in form fetched before the first use.
	c2 := h.client()
	c2.get(h.link(sam)) // any valid form for its pre-sign-in token
	u, _ := url.Parse(link)
	res := c2.post("/signin", url.Values{"t": {u.Query().Get("t")}})
	if res.StatusCode != http.StatusForbidden || c2.cookies[SessionCookie] != nil {
		t.Fatalf("second use of a link: %d", res.StatusCode)
	}
	// The link is bound to its staff member, and stored only hashed.
	keys := h.keys(h.w.cfg.Prefix + ":web:link:*")
	if len(keys) == 0 {
		t.Fatal("no link stored")
	}
	for _, k := range keys {
		if strings.Contains(k, u.Query().Get("t")) {
			t.Fatal("a link token is stored in clear")
		}
	}
}

func TestSignInLinkExpires(t *testing.T) {
	h := newHarness(t)
	link := h.link(alex)
	c := h.client()
	c.get(link)
	h.later(DefaultLinkTTL + time.Second)
	u, _ := url.Parse(link)
	if res := c.post("/signin", url.Values{"t": {u.Query().Get("t")}}); res.StatusCode != http.StatusForbidden || c.cookies[SessionCookie] != nil {
		t.Fatalf("expired link: %d, want 403", res.StatusCode)
	}
	// Redis forgets it too.
	ttl, _ := h.w.cfg.Redis.TTL(context.Background(), h.w.linkKey(hashOf(h.link(alex)[len(h.srv.URL)+len("/signin?t="):]))).Result()
	if ttl <= 0 || ttl > DefaultLinkTTL {
		t.Fatalf("link TTL %v, want within %v", ttl, DefaultLinkTTL)
	}
}

func TestSessionTimeouts(t *testing.T) {
	h := newHarness(t)
	c := h.staffClient(alex)
	h.later(DefaultAbsolute + time.Minute)
	if res := c.get("/"); res.StatusCode != http.StatusForbidden {
		t.Fatalf("after the absolute timeout: %d, want 403", res.StatusCode)
	}
	c = h.staffClient(alex)
	ttl, _ := h.w.cfg.Redis.TTL(context.Background(), h.w.sessionKey(hashOf(c.cookies[SessionCookie].Value))).Result()
	if ttl <= 0 || ttl > DefaultIdle {
		t.Fatalf("session TTL %v, want the idle timeout %v", ttl, DefaultIdle)
	}
}

func TestSignOutEndsTheSession(t *testing.T) {
	h := newHarness(t)
	c := h.staffClient(alex)
	old := *c.cookies[SessionCookie]
	if res := c.post("/signout", nil); res.StatusCode != http.StatusOK || !strings.Contains(res.body, "Signed out") {
		t.Fatalf("sign-out: %d", res.StatusCode)
	}
	c.cookies[SessionCookie] = &old // a copy of the cookie kept elsewhere
	if res := c.get("/"); res.StatusCode != http.StatusForbidden {
		t.Fatalf("old session after sign-out: %d, want 403", res.StatusCode)
	}
}

func TestNonStaffRefused(t *testing.T) {
	h := newHarness(t)
	id := h.emergency("test:ann")
	if _, err := h.w.Link(context.Background(), "telegram:999"); err != ErrNotStaff {
		t.Fatalf("link for a non-staff user: %v", err)
	}
	// Signed out: nothing is shown.
	anon := h.client()
	for _, p := range []string{"/", "/referrals/" + id, "/referrals/" + id + "/fhir", "/live"} {
		if res := anon.get(p); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusUnauthorized || strings.Contains(res.body, "kill") {
			t.Errorf("GET %s signed out: %d", p, res.StatusCode)
		}
	}
	// /weblogin from someone not on the staff list, or outside a staff
	// destination, makes no link.
	d := Desk(referral.NewDesk(h.refs), h.w)
	dest := h.clinic.Destinations[0]
	for _, in := range []runner.StaffInput{
		{Channel: dest.Channel, Dest: dest.ID, User: "999", Command: "weblogin"},
		{Channel: dest.Channel, Dest: "12345", User: "111111111", Command: "weblogin"},
	} {
		rep, err := d.HandleStaff(context.Background(), in)
		if err != nil || !rep.Refused || strings.Contains(rep.Text, "http") {
			t.Errorf("/weblogin %+v: %+v %v", in, rep, err)
		}
	}
	rep, err := d.HandleStaff(context.Background(), runner.StaffInput{Channel: dest.Channel, Dest: dest.ID, User: "111111111", Command: "weblogin"})
	if err != nil || rep.Refused || !strings.Contains(rep.Text, h.srv.URL+"/signin?t=") {
		t.Fatalf("/weblogin by staff: %+v %v", rep, err)
	}
	// A staff member taken off clinic.yaml loses the session and links
	// made before.
	c := h.staffClient(sam)
	link := h.link(sam)
	h.mu.Lock()
	h.clinic.Staff = h.clinic.Staff[:1]
	h.mu.Unlock()
	if res := c.get("/referrals/" + id); res.StatusCode != http.StatusForbidden {
		t.Fatalf("removed staff member's session: %d, want 403", res.StatusCode)
	}
	if res := h.client().signIn(link); res.StatusCode != http.StatusForbidden {
		t.Fatalf("removed staff member's link: %d, want 403", res.StatusCode)
	}
}

func TestOtherClinicsAndErasedReferralsAreNotFound(t *testing.T) {
	h := newHarness(t)
	id := h.emergency("test:ann")
	c := h.staffClient(alex)
	if res := c.get("/referrals/" + id); res.StatusCode != http.StatusOK {
		t.Fatalf("own referral: %d", res.StatusCode)
	}
	// Another clinic's referral: another deployment's prefix in the same
	// Redis.
	oc, oprefix := redistest.New(t)
	other := referral.NewStore(oc, oprefix, seal.NewRandom())
	foreign := &referral.Referral{ID: "0badc0de", Source: "x#0", Patient: "test:zed", Priority: flow.Emergency, Trigger: "crisis:en/x",
		Created: time.Now(), History: []referral.Change{{Status: referral.StatusNew, At: time.Now()}}}
	if _, err := other.Create(context.Background(), foreign, time.Time{}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/referrals/0badc0de", "/referrals/0badc0de/timeline", "/referrals/0badc0de/fhir"} {
		if res := c.get(p); res.StatusCode != http.StatusNotFound {
			t.Errorf("another clinic's %s: %d, want 404", p, res.StatusCode)
		}
	}
	if res := c.post("/referrals/0badc0de/note", url.Values{"text": {"x"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("note on another clinic's referral: %d, want 404", res.StatusCode)
	}
	if strings.Contains(c.get("/").body, "0badc0de") {
		t.Error("another clinic's referral is listed")
	}
	// An erased patient's referral.
	if _, err := h.refs.Erase(context.Background(), "test:ann", "test"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/referrals/" + id, "/referrals/" + id + "/timeline", "/referrals/" + id + "/fhir"} {
		if res := c.get(p); res.StatusCode != http.StatusNotFound || strings.Contains(res.body, "kill") {
			t.Errorf("erased %s: %d, want 404", p, res.StatusCode)
		}
	}
	if res := c.post("/referrals/"+id+"/status", url.Values{"status": {"acknowledged"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("acknowledge an erased referral: %d, want 404", res.StatusCode)
	}
	if strings.Contains(c.get("/").body, id) {
		t.Error("an erased referral is listed")
	}
}

// The open list's polls do not keep a session alive: an unattended screen
// still times out.
func TestPollsDoNotRefreshTheIdleTimeout(t *testing.T) {
	h := newHarness(t)
	c := h.staffClient(alex)
	key := h.w.sessionKey(hashOf(c.cookies[SessionCookie].Value))
	ctx := context.Background()
	h.w.cfg.Redis.Expire(ctx, key, 100*time.Second)
	if res := c.get("/live"); res.StatusCode != http.StatusOK {
		t.Fatalf("poll: %d", res.StatusCode)
	}
	if ttl, _ := h.w.cfg.Redis.TTL(ctx, key).Result(); ttl > 100*time.Second {
		t.Fatalf("a poll refreshed the idle timeout to %v", ttl)
	}
	c.get("/")
	if ttl, _ := h.w.cfg.Redis.TTL(ctx, key).Result(); ttl <= 100*time.Second {
		t.Fatalf("a page view did not refresh the idle timeout (%v)", ttl)
	}
	// Once it timed out, the poll says so and the page reloads to the
	// sign-in text.
	h.w.cfg.Redis.Del(ctx, key)
	if res := c.get("/live"); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("poll after the timeout: %d, want 401", res.StatusCode)
	}
}

// A POST a browser marks as cross-site is refused even with a valid token.
func TestCrossSitePostRefused(t *testing.T) {
	h := newHarness(t)
	id := h.emergency("test:ann")
	c := h.staffClient(alex)
	req, _ := http.NewRequest("POST", h.srv.URL+"/referrals/"+id+"/note", strings.NewReader(url.Values{"text": {"x"}, "csrf": {c.csrf}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.AddCookie(&http.Cookie{Name: SessionCookie, Value: c.cookies[SessionCookie].Value})
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site POST: %d, want 403", res.StatusCode)
	}
	if r, _ := h.refs.Store().Get(context.Background(), id); len(r.Notes) != 0 {
		t.Fatal("a cross-site POST added a note")
	}
}

// Behind TLS, browsers are told to keep to https.
func TestHSTSBehindTLS(t *testing.T) {
	h := newHarness(t)
	if res := h.client().get("/"); res.Header.Get("Strict-Transport-Security") != "" {
		t.Fatal("HSTS on plain http")
	}
	h = newHarness(t, func(c *Config) { c.BaseURL = "https://desk.example" })
	if res := h.client().get("/"); !strings.Contains(res.Header.Get("Strict-Transport-Security"), "max-age=") {
		t.Fatal("no HSTS with an https address")
	}
}
