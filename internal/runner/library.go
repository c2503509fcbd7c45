package runner

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/store"
)

// Bundles is where published flow bundles are read from. *store.Store
// implements it.
type Bundles interface {
	Current(ctx context.Context) (string, error)
	Bundle(ctx context.Context, version string) (map[string][]byte, error)
}

// ErrNothingPublished means no flow bundle has been pushed yet.
var ErrNothingPublished = errors.New("no flows published: run `kapbot flows push flows/` first")

// Library compiles published bundles on demand and keeps their engines. A
// session runs on the bundle it started with; new sessions use the current
// one, which is re-read at most every Refresh, so replicas pick up a newly
// pushed bundle without a restart.
type Library struct {
	src      Bundles
	screener func(*flow.Bundle) (engine.Screener, error)
	refresh  time.Duration
	now      func() time.Time

	mu      sync.Mutex
	engines map[string]*engine.Engine
	current string
	checked time.Time
}

// LibraryOption configures a Library.
type LibraryOption func(*Library)

// WithScreenerFor builds the screener of each bundle (crisis and medical
// question detection with the clinic's own phrases).
func WithScreenerFor(f func(*flow.Bundle) (engine.Screener, error)) LibraryOption {
	return func(l *Library) { l.screener = f }
}

// WithRefresh sets how often the current version is re-read (default 2s).
func WithRefresh(d time.Duration) LibraryOption { return func(l *Library) { l.refresh = d } }

// NewLibrary returns a library reading from src.
func NewLibrary(src Bundles, opts ...LibraryOption) *Library {
	l := &Library{src: src, refresh: 2 * time.Second, now: time.Now, engines: map[string]*engine.Engine{}}
	for _, o := range opts {
		o(l)
	}
	return l
}

// For returns the engine a session runs on: its own bundle while it is active,
// else the current one.
func (l *Library) For(ctx context.Context, st engine.State) (*engine.Engine, error) {
	if st.Bundle != "" && (st.Status == engine.Active || st.Status == engine.Paused || st.Status == engine.Takeover) {
		return l.Version(ctx, st.Bundle)
	}
	return l.Current(ctx)
}

// Current returns the engine of the current bundle.
func (l *Library) Current(ctx context.Context) (*engine.Engine, error) {
	l.mu.Lock()
	v, fresh := l.current, l.now().Sub(l.checked) < l.refresh
	l.mu.Unlock()
	if !fresh || v == "" {
		cur, err := l.src.Current(ctx)
		if errors.Is(err, store.ErrNotFound) {
			return nil, ErrNothingPublished
		}
		if err != nil {
			return nil, fmt.Errorf("read current flows: %w", err)
		}
		l.mu.Lock()
		l.current, l.checked, v = cur, l.now(), cur
		l.mu.Unlock()
	}
	return l.Version(ctx, v)
}

// Version returns the engine of one bundle version, compiling it once.
func (l *Library) Version(ctx context.Context, v string) (*engine.Engine, error) {
	l.mu.Lock()
	e := l.engines[v]
	l.mu.Unlock()
	if e != nil {
		return e, nil
	}
	src, err := l.src.Bundle(ctx, v)
	if err != nil {
		return nil, fmt.Errorf("read flows %s: %w", v, err)
	}
	b, probs := flow.Compile(src)
	if err := probs.Err(); err != nil {
		return nil, fmt.Errorf("compile published flows %s: %w", v, err)
	}
	if b.Version != v {
		return nil, fmt.Errorf("published flows %s hash to %s: the stored copy is damaged", v, b.Version)
	}
	var opts []engine.EngineOption
	if l.screener != nil {
		s, err := l.screener(b)
		if err != nil {
			return nil, fmt.Errorf("safety rules of flows %s: %w", v, err)
		}
		opts = append(opts, engine.WithScreener(s))
	}
	e, err = engine.New(b, opts...)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	l.engines[v] = e
	l.mu.Unlock()
	return e, nil
}
