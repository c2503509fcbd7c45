package telegram

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// secretHeader carries the webhook secret in Telegram's requests.
const secretHeader = "X-Telegram-Bot-Api-Secret-Token"

// WebhookHandler returns the http.Handler for Telegram's webhook requests. It
// answers 401 unless the secret header matches Config.WebhookSecret
// (compared in constant time), 413 for a body over 1 MiB, 400 for one that is
// not an update, and 200 only after the handler returned nil for the update;
// 500 otherwise, so that Telegram delivers it again. Updates of one chat are
// handled one at a time.
func (c *Channel) WebhookHandler() http.Handler {
	return http.HandlerFunc(c.serveWebhook)
}

func (c *Channel) serveWebhook(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	got := r.Header.Get(secretHeader)
	if c.cfg.WebhookSecret == "" || subtle.ConstantTimeCompare([]byte(got), []byte(c.cfg.WebhookSecret)) != 1 {
		c.log.Warn("telegram: webhook request with a wrong secret", "remote", r.RemoteAddr)
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if c.handle == nil {
		http.Error(w, "no handler", http.StatusServiceUnavailable)
		return
	}
	var u models.Update
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, c.opt.maxBody))
	if err := dec.Decode(&u); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "not an update", http.StatusBadRequest) // the error could quote the body
		return
	}
	unlock := c.locks.lock(routeKey(&u))
	err := c.process(r.Context(), &u, &procState{})
	unlock()
	if err != nil {
		if r.Context().Err() == nil {
			c.log.Warn("telegram: handler failed; Telegram will deliver again", "update", u.ID, "err", err)
		}
		http.Error(w, "not processed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// runWebhook serves the webhook until ctx ends. The webhook stays set on exit,
// so Telegram keeps the updates that arrive meanwhile.
func (c *Channel) runWebhook(ctx context.Context) error {
	ln := c.opt.listener
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", c.cfg.WebhookListen); err != nil {
			return fmt.Errorf("telegram webhook: %w", err)
		}
	}
	path := "/"
	if u, err := url.Parse(c.cfg.WebhookURL); err == nil && u.Path != "" {
		path = u.Path
	}
	mux := http.NewServeMux()
	mux.Handle(path, c.WebhookHandler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	err := c.retry(ctx, "setWebhook", func(ctx context.Context) error {
		_, err := c.bot.SetWebhook(ctx, &bot.SetWebhookParams{
			URL:            c.cfg.WebhookURL,
			SecretToken:    c.cfg.WebhookSecret,
			AllowedUpdates: allowedUpdates,
		})
		return err
	})
	if err == nil {
		select {
		case <-ctx.Done():
		case err = <-served:
			err = fmt.Errorf("telegram webhook: %w", err)
		}
	}
	shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if srv.Shutdown(shut) != nil {
		_ = srv.Close()
	}
	return c.runErr(ctx, err)
}

// chatLocks serialises the handling of one chat's updates.
type chatLocks struct {
	mu sync.Mutex
	m  map[int64]*chatLock
}

type chatLock struct {
	mu   sync.Mutex
	refs int
}

// lock locks chat and returns its unlock.
func (l *chatLocks) lock(chat int64) func() {
	l.mu.Lock()
	if l.m == nil {
		l.m = map[int64]*chatLock{}
	}
	cl := l.m[chat]
	if cl == nil {
		cl = &chatLock{}
		l.m[chat] = cl
	}
	cl.refs++
	l.mu.Unlock()
	cl.mu.Lock()
	return func() {
		cl.mu.Unlock()
		l.mu.Lock()
		if cl.refs--; cl.refs == 0 {
			delete(l.m, chat)
		}
		l.mu.Unlock()
	}
}
