package discord

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/kapbot/kapbot/internal/runner"
)

func TestAPIBase(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in, want string
		bad      bool
	}{
		{"", "https://discord.com/api/v10", false},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080/api/v10", false},
		{"http://127.0.0.1:8080/", "http://127.0.0.1:8080/api/v10", false},
		{"http://127.0.0.1:8080/api", "http://127.0.0.1:8080/api/v10", false},
		{"http://127.0.0.1:8080/api/v10", "http://127.0.0.1:8080/api/v10", false},
		{"http://127.0.0.1:8080/api/v10/", "http://127.0.0.1:8080/api/v10", false},
		{"http://127.0.0.1:8080/api/v9", "http://127.0.0.1:8080/api/v9", false},
		{"https://proxy.example/discord/api/v10", "https://proxy.example/discord/api/v10", false},
		{"ftp://host", "", true},
		{"127.0.0.1:8080", "", true},
		{"http://host/api/v10?x=1", "", true},
		{"http://user:pw@host", "", true},
	}
	for _, tc := range cases {
		got, err := apiBase(tc.in)
		if tc.bad {
			if err == nil {
				t.Errorf("apiBase(%q) = %v, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || got.String() != tc.want {
			t.Errorf("apiBase(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
		}
	}
}

// recorder answers every request with a canned response and records the
// URL it was sent to.
type recorder struct {
	urls []string
	resp func() *http.Response
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.urls = append(r.urls, req.URL.String())
	if r.resp != nil {
		return r.resp(), nil
	}
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader("{}"))}, nil
}

func TestTransportRewritesDiscordURLs(t *testing.T) {
	t.Parallel()
	base, _ := apiBase("http://127.0.0.1:9999/api/v10")
	rec := &recorder{}
	tr := &apiTransport{base: base, next: rec}
	cases := []struct{ in, want string }{
		{discordgo.EndpointGatewayBot, "http://127.0.0.1:9999/api/v10/gateway/bot"},
		{discordgo.EndpointUser("@me"), "http://127.0.0.1:9999/api/v10/users/@me"},
		{discordgo.EndpointChannelMessages("123"), "http://127.0.0.1:9999/api/v10/channels/123/messages"},
		{discordgo.EndpointWebhookMessage("1", "tok.en", "@original"), "http://127.0.0.1:9999/api/v10/webhooks/1/tok.en/messages/@original"},
		{"https://discord.com/api/v10/users/@me", "http://127.0.0.1:9999/api/v10/users/@me"},
		{"https://discord.com/api/users/@me?x=1", "http://127.0.0.1:9999/api/v10/users/@me?x=1"},
		{"https://cdn.discordapp.com/avatars/1/2.png", "https://cdn.discordapp.com/avatars/1/2.png"},
		{"https://discord.com/api/voice/regions", "http://127.0.0.1:9999/api/v10/voice/regions"},
		{"https://discord.com/developers", "https://discord.com/developers"},
	}
	for _, tc := range cases {
		req, _ := http.NewRequest(http.MethodGet, tc.in, nil)
		if _, err := tr.RoundTrip(req); err != nil {
			t.Fatal(err)
		}
		if got := rec.urls[len(rec.urls)-1]; got != tc.want {
			t.Errorf("%s went to %s, want %s", tc.in, got, tc.want)
		}
		if req.URL.String() != tc.in {
			t.Errorf("the caller's request was modified: %s", req.URL)
		}
	}
}

func TestTransportCompletesRateLimits(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name       string
		header     http.Header
		body       string
		wantRetry  float64
		wantGlobal bool
	}{
		{"json body only", http.Header{}, `{"message":"slow","retry_after":0.25,"global":false}`, 0.251, false},
		{"Retry-After header only, text body", http.Header{"Retry-After": {"2"}}, "error code: 1015", 2.001, false},
		// Retry-After is whole seconds: the body's retry_after is exact.
		{"body beats the rounded header", http.Header{"Retry-After": {"1"}}, `{"retry_after":0.1}`, 0.101, false},
		{"a longer bucket reset wins", http.Header{"Retry-After": {"1"}, "X-Ratelimit-Reset-After": {"0.3"}}, `{"retry_after":0.1}`, 0.302, false},
		{"global in body", http.Header{"Retry-After": {"1"}}, `{"retry_after":0.5,"global":true}`, 0.501, true},
		{"global in header", http.Header{"X-Ratelimit-Global": {"true"}}, `{"retry_after":0.5}`, 0.501, true},
		{"nothing given", http.Header{}, ``, 1.001, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp := &http.Response{StatusCode: http.StatusTooManyRequests, Header: tc.header, Body: io.NopCloser(strings.NewReader(tc.body))}
			fixRateLimit(resp)
			data, _ := io.ReadAll(resp.Body)
			var body struct {
				RetryAfter float64 `json:"retry_after"`
				Global     bool    `json:"global"`
			}
			if err := json.Unmarshal(data, &body); err != nil {
				t.Fatalf("body %q: %v", data, err)
			}
			if body.RetryAfter != tc.wantRetry || body.Global != tc.wantGlobal {
				t.Errorf("body %s, want retry_after %v global %v", data, tc.wantRetry, tc.wantGlobal)
			}
			if got := resp.Header.Get("X-RateLimit-Reset-After"); got == "" {
				t.Error("no X-RateLimit-Reset-After")
			}
			if tc.wantGlobal != (resp.Header.Get("X-RateLimit-Global") == "true") {
				t.Errorf("X-RateLimit-Global %q", resp.Header.Get("X-RateLimit-Global"))
			}
			if !tc.wantGlobal && resp.Header.Get("X-RateLimit-Remaining") != "0" {
				t.Errorf("X-RateLimit-Remaining %q", resp.Header.Get("X-RateLimit-Remaining"))
			}
			// What discordgo makes of it.
			var tmr discordgo.TooManyRequests
			if err := json.Unmarshal(data, &tmr); err != nil || tmr.RetryAfter < time.Duration(tc.wantRetry*float64(time.Second))-time.Millisecond {
				t.Errorf("discordgo reads retry_after %v, %v", tmr.RetryAfter, err)
			}
		})
	}
	ok := &http.Response{StatusCode: 200, Header: http.Header{"X-Ratelimit-Reset-After": {"0.1234"}}, Body: io.NopCloser(strings.NewReader("{}"))}
	fixRateLimit(ok)
	if got := ok.Header.Get("X-RateLimit-Reset-After"); got != "0.125" {
		t.Errorf("Reset-After rounded to %s, want 0.125", got)
	}
}

func TestClassify(t *testing.T) {
	t.Parallel()
	rest := func(status, code int) error {
		return &discordgo.RESTError{Response: &http.Response{StatusCode: status}, Message: &discordgo.APIErrorMessage{Code: code}, ResponseBody: []byte(`{"secret":"body"}`)}
	}
	_, netErr := (&http.Client{Transport: failing{}}).Get("http://127.0.0.1:1/webhooks/1/tok.en")
	cases := []struct {
		name      string
		err       error
		is        error
		transient bool
	}{
		{"dms closed", rest(403, 50007), runner.ErrBlocked, false},
		{"bad token", rest(401, 0), ErrBadToken, false},
		{"bad request", rest(400, 50035), ErrRejected, false},
		{"server error", rest(503, 0), ErrUnavailable, true},
		{"rate limited", rest(429, 0), ErrUnavailable, true},
		{"network", netErr, ErrUnavailable, true},
	}
	for _, tc := range cases {
		err, transient, _ := classify("send message", tc.err)
		if !errors.Is(err, tc.is) || transient != tc.transient {
			t.Errorf("%s: %v (transient %v), want %v (transient %v)", tc.name, err, transient, tc.is, tc.transient)
		}
		if s := err.Error(); strings.Contains(s, "secret") || strings.Contains(s, "tok.en") {
			t.Errorf("%s: error text leaks: %s", tc.name, s)
		}
	}
}

type failing struct{}

func (failing) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("connection refused")
}

// stalling is a RoundTripper that holds every request started before
// release until then (a stalled process or network), and notes when each
// request reached it as late as possible: just before its answer.
type stalling struct {
	release  time.Time
	mu       sync.Mutex
	arrivals []time.Time
}

func (s *stalling) RoundTrip(*http.Request) (*http.Response, error) {
	time.Sleep(time.Until(s.release))
	s.mu.Lock()
	s.arrivals = append(s.arrivals, time.Now())
	s.mu.Unlock()
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader("{}"))}, nil
}

// Requests paced by the global limiter that reach Discord bunched (here all
// those of the first 700 ms at once) still never make more than Discord's 50
// within any second: the limiter counts the requests in flight.
func TestGlobalLimitHoldsWhenRequestsBunch(t *testing.T) {
	t.Parallel()
	base, _ := apiBase("http://127.0.0.1:9999/api/v10")
	next := &stalling{release: time.Now().Add(700 * time.Millisecond)}
	tr := &apiTransport{base: base, next: next, global: newGlobalLimit()}
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				req, _ := http.NewRequest(http.MethodPost, discordgo.EndpointChannelMessages("123"), nil)
				if _, err := tr.RoundTrip(req); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	a := next.arrivals
	slices.SortFunc(a, func(x, y time.Time) int { return x.Compare(y) })
	most := 0
	for i := range a {
		j := i
		for j < len(a) && a[j].Sub(a[i]) < time.Second {
			j++
		}
		most = max(most, j-i)
	}
	if len(a) != 100 || most > 50 {
		t.Fatalf("%d requests, up to %d within one second; want 100, at most 50", len(a), most)
	}
	t.Logf("up to %d requests within one second", most)
}
