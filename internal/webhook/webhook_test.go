package webhook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/seal"
)

func TestMain(m *testing.M) { redistest.Main(m) }

func TestValidateURL(t *testing.T) {
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"https://records.example/hook", true},
		{"http://localhost:9000/hook", true},
		{"http://127.0.0.1:9000/hook", true},
		{"http://[::1]:9000/hook", true},
		{"http://records.example/hook", false},
		{"ftp://records.example/hook", false},
		{"/relative", false},
	} {
		err := ValidateURL(tc.url)
		if (err == nil) != tc.ok {
			t.Errorf("%s: %v", tc.url, err)
		}
		if !tc.ok && strings.HasPrefix(tc.url, "http://records") && !errors.Is(err, ErrInsecureURL) {
			t.Errorf("%s: %v, want ErrInsecureURL", tc.url, err)
		}
	}
	if _, err := NewWorker(nil, "p", seal.NewRandom(), Config{URL: "http://records.example/x", Secret: []byte("s")}); !errors.Is(err, ErrInsecureURL) {
		t.Errorf("NewWorker: %v", err)
	}
	if _, err := NewWorker(nil, "p", seal.NewRandom(), Config{URL: "https://records.example/x"}); !errors.Is(err, ErrNoSecret) {
		t.Errorf("NewWorker without secret: %v", err)
	}
}

func TestSignVerify(t *testing.T) {
	s := Sign([]byte("k"), "1700000000", []byte(`{"a":1}`))
	// HMAC-SHA256("k", `1700000000.{"a":1}`), computed with openssl dgst -sha256 -hmac k.
	if s != "sha256=1b6ad1bc9bf48c52ce01939866d5877c6cc4e87ddad27e16673cb8c4964394a3" {
		t.Errorf("Sign = %s, want the openssl value", s)
	}
	if !strings.HasPrefix(s, "sha256=") || len(s) != 7+64 || !Verify([]byte("k"), "1700000000", []byte(`{"a":1}`), s) ||
		Verify([]byte("k"), "1700000000", []byte(`{"a":2}`), s) || Verify([]byte("k"), "1700000001", []byte(`{"a":1}`), s) {
		t.Fatal(s)
	}
	now := time.Unix(1700000000, 0)
	if err := VerifyRequest([]byte("k"), "1700000000", []byte(`{"a":1}`), s, now.Add(time.Minute), 5*time.Minute); err != nil {
		t.Error(err)
	}
	if err := VerifyRequest([]byte("k"), "1700000000", []byte(`{"a":1}`), s, now.Add(time.Hour), 5*time.Minute); !errors.Is(err, ErrStale) {
		t.Errorf("an hour later: %v, want ErrStale", err)
	}
	// A replay with a fresh timestamp and the old signature.
	if err := VerifyRequest([]byte("k"), "1700003600", []byte(`{"a":1}`), s, now.Add(time.Hour), 5*time.Minute); !errors.Is(err, ErrBadSignature) {
		t.Errorf("changed timestamp: %v, want ErrBadSignature", err)
	}
}

// receiver is a records system that fails at random: 500s, answers too
// late for the client's timeout (after taking the event), and, once, the
// death of worker A in the middle of a delivery.
type receiver struct {
	t       *testing.T
	secret  []byte
	mu      sync.Mutex
	rnd     *rand.Rand
	got     map[string]int // event id -> deliveries taken
	bodies  map[string]string
	fromA   int
	killA   func()
	killAt  int
	killed  chan struct{}
	badSigs int
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	id := r.Header.Get(HeaderEventID)
	if VerifyRequest(rc.secret, r.Header.Get(HeaderTimestamp), body, r.Header.Get(HeaderSignature), time.Now(), time.Minute) != nil {
		rc.mu.Lock()
		rc.badSigs++
		rc.mu.Unlock()
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	rc.mu.Lock()
	if r.Header.Get("X-Test-Worker") == "A" {
		rc.fromA++
		if rc.fromA == rc.killAt {
			// Taken, then the worker dies before it hears back.
			rc.got[id]++
			rc.bodies[id] = string(body)
			rc.mu.Unlock()
			rc.killA()
			<-r.Context().Done()
			close(rc.killed)
			return
		}
	}
	roll := rc.rnd.IntN(10)
	if roll < 3 { // refused
		rc.mu.Unlock()
		http.Error(w, "busy", http.StatusInternalServerError)
		return
	}
	rc.got[id]++
	rc.bodies[id] = string(body)
	rc.mu.Unlock()
	if roll == 3 { // taken, but the answer comes too late
		time.Sleep(150 * time.Millisecond)
	}
	w.WriteHeader(http.StatusNoContent)
}

type tagged struct {
	name string
	next http.RoundTripper
}

func (tg tagged) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("X-Test-Worker", tg.name)
	return tg.next.RoundTrip(r)
}

func TestEveryEventDeliveredExactlyOnceAfterDeduplication(t *testing.T) {
	c, prefix := redistest.New(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	sealer := seal.NewRandom()
	secret := []byte("test-secret")
	ctxA, killA := context.WithCancel(ctx)
	rc := &receiver{t: t, secret: secret, rnd: rand.New(rand.NewPCG(7, 9)), got: map[string]int{}, bodies: map[string]string{},
		killA: killA, killAt: 5, killed: make(chan struct{})}
	srv := httptest.NewServer(rc)
	defer srv.Close()

	sink := NewSink(prefix, sealer)
	want := map[string]string{}
	add := func(from, to int) {
		for i := from; i < to; i++ {
			id := fmt.Sprintf("ref%02d/created", i)
			body := fmt.Sprintf(`{"id":%q,"type":"referral.created","n":%d}`, id, i)
			stream, values := sink.Entry(id, []byte(body))
			if err := c.XAdd(ctx, &redis.XAddArgs{Stream: stream, Values: values}).Err(); err != nil {
				t.Fatal(err)
			}
			want[id] = body
		}
	}
	// Sealed at rest.
	add(0, 1)
	raw, _ := c.XRange(ctx, Stream(prefix), "-", "+").Result()
	if strings.Contains(raw[0].Values["d"].(string), "referral.created") {
		t.Fatal("event body stored in the clear")
	}
	add(1, 30)

	worker := func(name string, wctx context.Context) *sync.WaitGroup {
		w, err := NewWorker(c, prefix, sealer, Config{URL: srv.URL, Secret: secret, Consumer: name,
			Client:     &http.Client{Timeout: 100 * time.Millisecond, Transport: tagged{name, http.DefaultTransport}},
			MinBackoff: 5 * time.Millisecond, MaxBackoff: 40 * time.Millisecond, ClaimIdle: 300 * time.Millisecond, Block: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		wg.Add(1)
		go func() { defer wg.Done(); w.Run(wctx) }()
		return &wg
	}
	wa := worker("A", ctxA)
	select {
	case <-rc.killed:
	case <-ctx.Done():
		t.Fatal("worker A never reached its fifth delivery")
	}
	wa.Wait()
	ctxB, stopB := context.WithCancel(ctx)
	wb := worker("B", ctxB)
	add(30, 60)

	for {
		rc.mu.Lock()
		n := len(rc.got)
		rc.mu.Unlock()
		pending, _ := c.XPending(ctx, Stream(prefix), "webhook").Result()
		if n == len(want) && pending != nil && pending.Count == 0 {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("received %d of %d events", n, len(want))
		}
		time.Sleep(20 * time.Millisecond)
	}
	stopB()
	wb.Wait()

	rc.mu.Lock()
	defer rc.mu.Unlock()
	dups := 0
	for id, body := range want {
		if rc.got[id] == 0 || rc.bodies[id] != body {
			t.Errorf("event %s: taken %d times, body %q", id, rc.got[id], rc.bodies[id])
		}
		dups += rc.got[id] - 1
	}
	if len(rc.got) != len(want) || rc.badSigs != 0 {
		t.Errorf("got %d distinct events (want %d), %d bad signatures", len(rc.got), len(want), rc.badSigs)
	}
	// The killed delivery and the late answers were redelivered: the
	// receiver saw duplicates, which the event id lets it drop.
	if dups == 0 {
		t.Error("no duplicates: the failures under test did not happen")
	}
	// Delivered entries are removed from the stream (they hold health data).
	if n, _ := c.XLen(ctx, Stream(prefix)).Result(); n != 0 {
		t.Errorf("%d entries left in the stream", n)
	}
}
