package main

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a strings.Builder safe to read while a command writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// webGet fetches path with the session cookie (by hand: Go's cookie jar
// keeps Secure cookies off http) and no redirects followed.
func webGet(t *testing.T, method, u string, form url.Values, cookies map[string]string) (*http.Response, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, u, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	res, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	for _, c := range res.Cookies() {
		cookies[c.Name] = c.Value
	}
	return res, string(b)
}

var csrfValue = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// The demo starts the web view and prints a sign-in link; a referral made
// in the terminal chat is in the web view's list.
func TestDemoOpensTheWebView(t *testing.T) {
	t.Setenv("REDIS_URL", "redis://127.0.0.1:1/0") // the demo must ignore it
	t.Setenv("KAPBOT_DATA_KEY", "")
	t.Setenv("KAPBOT_KEY_FILE", filepath.Join(t.TempDir(), "k"))
	t.Setenv("KAPBOT_WEB_LISTEN", "127.0.0.1:0")
	t.Setenv("KAPBOT_WEB_URL", "")
	t.Chdir("..")
	in, typed := io.Pipe()
	var out, errw lockedBuffer
	done := make(chan int, 1)
	go func() { done <- run(context.Background(), []string{"demo"}, in, &out, &errw) }()
	defer func() {
		typed.Close()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Error("the demo did not end")
		}
	}()
	var link string
	if err := waitFor(60*time.Second, func() bool { link = signinLink.FindString(errw.String()); return link != "" }); err != nil {
		t.Fatalf("no sign-in link printed:\n%s", errw.String())
	}
	if !strings.Contains(errw.String(), "sign in as Dr. Alex Example") {
		t.Fatalf("the link does not say who signs in:\n%s", errw.String())
	}
	cookies := map[string]string{}
	res, page := webGet(t, "GET", link, nil, cookies)
	m := csrfValue.FindStringSubmatch(page)
	if res.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("sign-in page: %d\n%s", res.StatusCode, page)
	}
	base := strings.Split(link, "/signin")[0]
	u, _ := url.Parse(link)
	if res, _ := webGet(t, "POST", base+"/signin", url.Values{"t": {u.Query().Get("t")}, "csrf": {m[1]}}, cookies); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in: %d", res.StatusCode)
	}
	io.WriteString(typed, "I want to kill myself\n")
	if err := waitFor(60*time.Second, func() bool {
		_, list := webGet(t, "GET", base+"/live", nil, cookies)
		return strings.Contains(list, "unack")
	}); err != nil {
		t.Fatal("the demo's emergency referral is not in the web view's list")
	}
}

// kapbot web --link prints a sign-in link for a staff member, and refuses
// anyone else.
func TestWebCommandLink(t *testing.T) {
	useRedis(t)
	pushSamples(t)
	code, out, errw := kapbot(t, "", "web", "--listen", "127.0.0.1:0", "--link", "telegram:111111111")
	if code != 0 || !signinLink.MatchString(out) {
		t.Fatalf("web --link: %d\n%s%s", code, out, errw)
	}
	code, out, errw = kapbot(t, "", "web", "--listen", "127.0.0.1:0", "--link", "telegram:999")
	if code != 2 || signinLink.MatchString(out) || !strings.Contains(errw, "staff member") {
		t.Fatalf("web --link for a non-staff user: %d\n%s%s", code, out, errw)
	}
}
