package webhook

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/seal"
)

// Config is a Worker's settings. URL and Secret are required.
type Config struct {
	URL        string
	Secret     []byte
	Group      string        // consumer group (default "webhook")
	Consumer   string        // this worker's name in the group (default: random)
	Client     *http.Client  // default: 10 s timeout
	MinBackoff time.Duration // first retry delay (default 1 s)
	MaxBackoff time.Duration // longest retry delay (default 5 min)
	ClaimIdle  time.Duration // pending entries idle this long are taken over (default 2 min)
	Block      time.Duration // how long one read waits for new entries (default 5 s)
	Logger     *slog.Logger
}

// redisAPI is the part of go-redis the worker uses.
type redisAPI interface {
	XGroupCreateMkStream(ctx context.Context, stream, group, start string) *redis.StatusCmd
	XReadGroup(ctx context.Context, a *redis.XReadGroupArgs) *redis.XStreamSliceCmd
	XAutoClaim(ctx context.Context, a *redis.XAutoClaimArgs) *redis.XAutoClaimCmd
	XClaimJustID(ctx context.Context, a *redis.XClaimArgs) *redis.StringSliceCmd
	TxPipelined(ctx context.Context, fn func(redis.Pipeliner) error) ([]redis.Cmder, error)
}

var _ redisAPI = (redis.UniversalClient)(nil)

// Worker delivers the events of the stream to the URL. Several workers (in
// one or several processes) may share a group; each event is delivered by
// one of them, again by another if that one dies before the receiver
// answered.
type Worker struct {
	rdb  redisAPI
	sink *Sink
	cfg  Config
	log  *slog.Logger
}

// ErrNoSecret: the webhook has no signing secret.
var ErrNoSecret = errors.New("webhook: no signing secret")

// NewWorker returns a worker of the stream under prefix. It returns
// ErrInsecureURL (or another URL error) or ErrNoSecret.
func NewWorker(c redis.UniversalClient, prefix string, sealer *seal.Sealer, cfg Config) (*Worker, error) {
	return newWorker(c, NewSink(prefix, sealer), cfg)
}

func newWorker(rdb redisAPI, sink *Sink, cfg Config) (*Worker, error) {
	if err := ValidateURL(cfg.URL); err != nil {
		return nil, err
	}
	if len(cfg.Secret) == 0 {
		return nil, ErrNoSecret
	}
	if cfg.Group == "" {
		cfg.Group = "webhook"
	}
	if cfg.Consumer == "" {
		b := make([]byte, 6)
		rand.Read(b)
		cfg.Consumer = "w-" + hex.EncodeToString(b)
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: 10 * time.Second}
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = time.Second
	}
	if cfg.MaxBackoff < cfg.MinBackoff {
		cfg.MaxBackoff = max(5*time.Minute, cfg.MinBackoff)
	}
	if cfg.ClaimIdle <= 0 {
		cfg.ClaimIdle = 2 * time.Minute
	}
	if cfg.Block <= 0 {
		cfg.Block = 5 * time.Second
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Worker{rdb: rdb, sink: sink, cfg: cfg, log: log}, nil
}

// Run delivers events until ctx ends; it returns nil then. An event being
// delivered when ctx ends stays pending and is delivered later (by this
// worker's successor or another). Redis errors are logged and retried.
func (w *Worker) Run(ctx context.Context) error {
	stream := w.sink.stream
	for ctx.Err() == nil {
		err := w.rdb.XGroupCreateMkStream(ctx, stream, w.cfg.Group, "0").Err()
		if err == nil || strings.Contains(err.Error(), "BUSYGROUP") {
			break
		}
		w.log.Warn("webhook: create group", "err", err)
		sleep(ctx, w.cfg.MinBackoff)
	}
	claimFrom := "0-0"
	for ctx.Err() == nil {
		// Entries another (dead) worker left pending, then new ones.
		msgs, next, err := w.rdb.XAutoClaim(ctx, &redis.XAutoClaimArgs{
			Stream: stream, Group: w.cfg.Group, Consumer: w.cfg.Consumer, MinIdle: w.cfg.ClaimIdle, Start: claimFrom, Count: 16,
		}).Result()
		if err != nil {
			if ctx.Err() == nil {
				w.log.Warn("webhook: claim", "err", err)
				sleep(ctx, w.cfg.MinBackoff)
			}
			continue
		}
		claimFrom = next
		if claimFrom == "" {
			claimFrom = "0-0"
		}
		for _, m := range msgs {
			w.deliver(ctx, m)
		}
		if len(msgs) > 0 {
			continue
		}
		streams, err := w.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{
			Group: w.cfg.Group, Consumer: w.cfg.Consumer, Streams: []string{stream, ">"}, Count: 16, Block: w.cfg.Block,
		}).Result()
		if errors.Is(err, redis.Nil) {
			continue
		}
		if err != nil {
			if ctx.Err() == nil {
				w.log.Warn("webhook: read", "err", err)
				sleep(ctx, w.cfg.MinBackoff)
			}
			continue
		}
		for _, s := range streams {
			for _, m := range s.Messages {
				w.deliver(ctx, m)
			}
		}
	}
	return nil
}

// deliver posts one entry until the receiver takes it (then acknowledges
// and deletes it) or ctx ends (then it stays pending).
func (w *Worker) deliver(ctx context.Context, m redis.XMessage) {
	id, _ := m.Values["id"].(string)
	sealed, _ := m.Values["d"].(string)
	body, err := w.sink.open(id, sealed)
	if err != nil {
		// Left pending: a worker with the right key may deliver it.
		w.log.Error("webhook: cannot open event; left pending", "entry", m.ID, "event", id, "err", err)
		return
	}
	for attempt := 0; ctx.Err() == nil; attempt++ {
		if attempt > 0 {
			// Still ours: reset the idle time so no one takes it over while we retry.
			w.rdb.XClaimJustID(ctx, &redis.XClaimArgs{Stream: w.sink.stream, Group: w.cfg.Group, Consumer: w.cfg.Consumer, Messages: []string{m.ID}})
		}
		status, err := w.post(ctx, id, body)
		if err == nil && status >= 200 && status < 300 {
			_, err := w.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
				p.XAck(ctx, w.sink.stream, w.cfg.Group, m.ID)
				p.XDel(ctx, w.sink.stream, m.ID)
				return nil
			})
			if err != nil {
				// Delivered but still pending: it will be delivered again, which the receiver de-duplicates.
				w.log.Warn("webhook: ack", "event", id, "err", err)
			}
			return
		}
		d := w.backoff(attempt)
		if err != nil {
			w.log.Warn("webhook: delivery failed", "event", id, "attempt", attempt+1, "retry_in", d, "err", redactURL(err))
		} else {
			w.log.Warn("webhook: delivery refused", "event", id, "attempt", attempt+1, "retry_in", d, "status", status)
		}
		sleep(ctx, d)
	}
}

func (w *Worker) post(ctx context.Context, id string, body []byte) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.cfg.URL, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "kapbot-webhook/1")
	req.Header.Set(HeaderEventID, id)
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(time.Now().Unix(), 10))
	req.Header.Set(HeaderSignature, Sign(w.cfg.Secret, body))
	resp, err := w.cfg.Client.Do(req)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	return resp.StatusCode, nil
}

// backoff is the delay after the attempt-th failure: MinBackoff doubled
// each time up to MaxBackoff, with up to 20% jitter.
func (w *Worker) backoff(attempt int) time.Duration {
	d := w.cfg.MinBackoff
	for i := 0; i < attempt && d < w.cfg.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, w.cfg.MaxBackoff)
	return d + time.Duration(mrand.Int64N(int64(d)/5+1))
}

// redactURL keeps an HTTP error from quoting the URL (it may carry a token).
func redactURL(err error) string {
	var ue interface{ Unwrap() error }
	if errors.As(err, &ue) {
		if inner := ue.Unwrap(); inner != nil {
			return inner.Error()
		}
	}
	return fmt.Sprint(err)
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
