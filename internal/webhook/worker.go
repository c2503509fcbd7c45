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
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/backoff"
	"github.com/kapbot/kapbot/internal/seal"
)

// Config is a Worker's settings. URL and Secret are required.
type Config struct {
	URL        string
	Secret     []byte
	Group      string        // consumer group (default "webhook")
	Consumer   string        // this worker's name in the group (default: random)
	Client     *http.Client  // default: 10 s timeout; the worker never follows its redirects
	MinBackoff time.Duration // first retry delay (default 1 s)
	MaxBackoff time.Duration // longest retry delay (default 5 min)
	ClaimIdle  time.Duration // pending entries idle this long are taken over (default 2 min)
	Block      time.Duration // how long one read waits for new entries (default 5 s)
	// MaxAttempts is how many failed attempts move an event to the
	// dead-letter stream (default 300: with the default backoff, about a
	// day, so that a receiver's outage of some hours dead-letters nothing;
	// Requeue puts dead letters back).
	MaxAttempts int
	// Concurrency is how many referrals' events are posted at once
	// (default 4). Events of one referral are always posted one at a time.
	Concurrency int
	Metrics     *Metrics // nil: no metrics
	Logger      *slog.Logger
}

// DefaultMaxAttempts is Config.MaxAttempts when it is not set.
const DefaultMaxAttempts = 300

// Metrics are the worker's Prometheus series. No label names a patient or
// a referral.
type Metrics struct {
	delivered prometheus.Counter
	failed    prometheus.Counter
	dead      prometheus.Counter
}

// NewMetrics registers the worker's series with reg:
// kapbot_webhook_delivered_total, kapbot_webhook_failed_attempts_total and
// kapbot_webhook_dead_letters_total.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		delivered: prometheus.NewCounter(prometheus.CounterOpts{Name: "kapbot_webhook_delivered_total", Help: "Webhook events the receiver took (2xx)."}),
		failed:    prometheus.NewCounter(prometheus.CounterOpts{Name: "kapbot_webhook_failed_attempts_total", Help: "Webhook delivery attempts that failed (error, timeout, non-2xx, redirect)."}),
		dead:      prometheus.NewCounter(prometheus.CounterOpts{Name: "kapbot_webhook_dead_letters_total", Help: "Webhook events moved to the dead-letter stream after their last attempt."}),
	}
	reg.MustRegister(m.delivered, m.failed, m.dead)
	return m
}

func (m *Metrics) inc(c func(*Metrics) prometheus.Counter) {
	if m != nil {
		c(m).Inc()
	}
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
// answered. Per-referral order holds for the events one worker holds; with
// several workers, the sequence numbers in event ids ("/status/<n>",
// "/note/<n>") let the receiver order them.
type Worker struct {
	rdb  redisAPI
	sink *Sink
	dead string
	cfg  Config
	log  *slog.Logger
}

// ErrNoSecret: the webhook has no signing secret.
var ErrNoSecret = errors.New("webhook: no signing secret")

// NewWorker returns a worker of the stream under prefix. It returns
// ErrInsecureURL (or another URL error) or ErrNoSecret.
func NewWorker(c redis.UniversalClient, prefix string, sealer *seal.Sealer, cfg Config) (*Worker, error) {
	w, err := newWorker(c, NewSink(prefix, sealer), cfg)
	if err != nil {
		return nil, err
	}
	w.dead = DeadStream(prefix)
	return w, nil
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
	// Never follow a redirect: the body holds health data and the
	// signature would vouch for it at another host. A copy, so the
	// caller's client is left as it was.
	client := *cfg.Client
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	cfg.Client = &client
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
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = DefaultMaxAttempts
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 4
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Worker{rdb: rdb, sink: sink, dead: sink.stream + ":dead", cfg: cfg, log: log}, nil
}

// item is one event the worker holds.
type item struct {
	entry     string // stream entry id
	event     string // event id
	body      []byte
	sealed    string
	attempts  int
	notBefore time.Time
}

// queue is the held events of one referral, oldest first; the head is the
// only one posted.
type queue struct {
	items []*item
	busy  bool
}

// outcome is the end of one attempt.
type outcome struct {
	ref  string
	it   *item
	done bool // delivered, dead-lettered or gone: drop it
}

// maxHeld is how many events the worker holds in memory before it stops
// reading more.
const maxHeld = 1024

// Run delivers events until ctx ends; it returns nil then. An event being
// delivered when ctx ends stays pending and is delivered later (by this
// worker's successor or another). Redis errors are logged and retried; when
// the consumer group (or the whole stream) disappears, it is created again.
func (w *Worker) Run(ctx context.Context) error {
	w.ensureGroup(ctx)
	in := make(chan []redis.XMessage)
	reset := make(chan struct{}, 1)
	var held atomic.Int64 // events the dispatcher holds, for the reader
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		w.read(ctx, in, reset, &held)
	}()
	w.dispatch(ctx, in, reset, &held)
	<-readerDone
	return nil
}

func (w *Worker) ensureGroup(ctx context.Context) {
	for ctx.Err() == nil {
		err := w.rdb.XGroupCreateMkStream(ctx, w.sink.stream, w.cfg.Group, "0").Err()
		if err == nil || strings.Contains(err.Error(), "BUSYGROUP") {
			return
		}
		w.log.Warn("webhook: create group", "err", err)
		sleep(ctx, w.cfg.MinBackoff)
	}
}

func isNoGroup(err error) bool { return err != nil && strings.Contains(err.Error(), "NOGROUP") }

// read feeds the dispatcher: entries another (dead) worker left pending,
// then new ones.
func (w *Worker) read(ctx context.Context, in chan<- []redis.XMessage, reset chan<- struct{}, held *atomic.Int64) {
	stream := w.sink.stream
	claimFrom := "0-0"
	failed := func(what string, err error) {
		if ctx.Err() != nil {
			return
		}
		if isNoGroup(err) {
			w.log.Warn("webhook: consumer group gone; creating it again", "op", what)
			w.ensureGroup(ctx)
			claimFrom = "0-0"
			select {
			case reset <- struct{}{}:
			default:
			}
			return
		}
		w.log.Warn("webhook: "+what, "err", err)
		sleep(ctx, w.cfg.MinBackoff)
	}
	send := func(msgs []redis.XMessage) bool {
		select {
		case in <- msgs:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for ctx.Err() == nil {
		if held.Load() >= maxHeld {
			sleep(ctx, w.cfg.MinBackoff)
			continue
		}
		msgs, next, err := w.rdb.XAutoClaim(ctx, &redis.XAutoClaimArgs{
			Stream: stream, Group: w.cfg.Group, Consumer: w.cfg.Consumer, MinIdle: w.cfg.ClaimIdle, Start: claimFrom, Count: 16,
		}).Result()
		if err != nil {
			failed("claim", err)
			continue
		}
		claimFrom = next
		if claimFrom == "" {
			claimFrom = "0-0"
		}
		if len(msgs) > 0 {
			if !send(msgs) {
				return
			}
			continue
		}
		streams, err := w.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{
			Group: w.cfg.Group, Consumer: w.cfg.Consumer, Streams: []string{stream, ">"}, Count: 16, Block: w.cfg.Block,
		}).Result()
		if errors.Is(err, redis.Nil) {
			continue
		}
		if err != nil {
			failed("read", err)
			continue
		}
		for _, s := range streams {
			if len(s.Messages) > 0 && !send(s.Messages) {
				return
			}
		}
	}
}

// dispatch holds the events read, in per-referral queues, and posts the
// head of each queue that is due, at most Concurrency at once.
func (w *Worker) dispatch(ctx context.Context, in <-chan []redis.XMessage, reset <-chan struct{}, held *atomic.Int64) {
	queues := map[string]*queue{}
	known := map[string]bool{} // entry ids held
	results := make(chan outcome)
	inflight := 0
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	refresh := time.NewTicker(max(w.cfg.ClaimIdle/3, 10*time.Millisecond))
	defer refresh.Stop()
	setHeld := func() { held.Store(int64(len(known))) }
	for {
		// Start what is due; find when the next one is.
		now := time.Now()
		var next time.Time
		for ref, q := range queues {
			if q.busy || len(q.items) == 0 {
				continue
			}
			it := q.items[0]
			if it.notBefore.After(now) {
				if next.IsZero() || it.notBefore.Before(next) {
					next = it.notBefore
				}
				continue
			}
			if inflight >= w.cfg.Concurrency {
				continue
			}
			q.busy = true
			inflight++
			go func() { results <- w.attempt(ctx, ref, it) }()
		}
		wait := time.Hour
		if !next.IsZero() {
			wait = max(time.Until(next), time.Millisecond)
		}
		timer.Reset(wait)
		select {
		case <-ctx.Done():
			for inflight > 0 {
				<-results
				inflight--
			}
			return
		case msgs := <-in:
			for _, m := range msgs {
				if known[m.ID] {
					continue
				}
				it := w.open(m)
				if it == nil {
					continue
				}
				known[m.ID] = true
				ref := ReferralOf(it.event)
				q := queues[ref]
				if q == nil {
					q = &queue{}
					queues[ref] = q
				}
				q.insert(it)
			}
			setHeld()
		case o := <-results:
			inflight--
			q := queues[o.ref]
			if q == nil { // dropped by a reset while it was posted
				delete(known, o.it.entry)
				setHeld()
				continue
			}
			q.busy = false
			if o.done {
				q.items = q.items[1:]
				delete(known, o.it.entry)
				if len(q.items) == 0 {
					delete(queues, o.ref)
				}
				setHeld()
			}
		case <-reset:
			// The group (or the stream) was created again: what we hold
			// is no longer pending anywhere; it is read again if it exists.
			for ref, q := range queues {
				keep := 0
				if q.busy {
					keep = 1 // being posted: its outcome comes back
				}
				for _, it := range q.items[keep:] {
					delete(known, it.entry)
				}
				q.items = q.items[:keep]
				if keep == 0 {
					delete(queues, ref)
				}
			}
			setHeld()
		case <-refresh.C:
			// Keep the idle time of held entries low so no other worker
			// takes them over while they wait behind their referral's head.
			var ids []string
			for id := range known {
				ids = append(ids, id)
			}
			if len(ids) > 0 {
				w.rdb.XClaimJustID(ctx, &redis.XClaimArgs{Stream: w.sink.stream, Group: w.cfg.Group, Consumer: w.cfg.Consumer, Messages: ids})
			}
		case <-timer.C:
		}
	}
}

// insert puts it in stream order (entries claimed from a dead worker can
// arrive after newer ones), never before a head being posted.
func (q *queue) insert(it *item) {
	i := len(q.items)
	for i > 0 && entryLess(it.entry, q.items[i-1].entry) && !(i-1 == 0 && q.busy) {
		i--
	}
	q.items = append(q.items, nil)
	copy(q.items[i+1:], q.items[i:])
	q.items[i] = it
}

// entryLess orders stream entry ids ("<ms>-<seq>").
func entryLess(a, b string) bool {
	am, as, _ := strings.Cut(a, "-")
	bm, bs, _ := strings.Cut(b, "-")
	ai, _ := strconv.ParseUint(am, 10, 64)
	bi, _ := strconv.ParseUint(bm, 10, 64)
	if ai != bi {
		return ai < bi
	}
	aj, _ := strconv.ParseUint(as, 10, 64)
	bj, _ := strconv.ParseUint(bs, 10, 64)
	return aj < bj
}

// open unseals an entry; an entry that cannot be opened is left pending (a
// worker with the right key may deliver it) and nil returned.
func (w *Worker) open(m redis.XMessage) *item {
	id, _ := m.Values["id"].(string)
	sealed, _ := m.Values["d"].(string)
	body, err := w.sink.open(id, sealed)
	if err != nil {
		w.log.Error("webhook: cannot open event; left pending", "entry", m.ID, "event", id, "err", err)
		return nil
	}
	return &item{entry: m.ID, event: id, body: body, sealed: sealed}
}

// attempt posts it once. Before posting it claims the entry again, which
// also tells whether it still exists (an erasure deletes the queued events
// of the patient): a deleted entry is dropped unsent.
func (w *Worker) attempt(ctx context.Context, ref string, it *item) outcome {
	o := outcome{ref: ref, it: it}
	ids, err := w.rdb.XClaimJustID(ctx, &redis.XClaimArgs{Stream: w.sink.stream, Group: w.cfg.Group, Consumer: w.cfg.Consumer, Messages: []string{it.entry}}).Result()
	if err != nil {
		if ctx.Err() == nil {
			w.log.Warn("webhook: claim before delivery", "event", it.event, "err", err)
			it.notBefore = time.Now().Add(w.cfg.MinBackoff)
		}
		return o
	}
	if len(ids) == 0 {
		w.log.Info("webhook: event gone from the stream (erased); not sent", "event", it.event)
		o.done = true
		return o
	}
	status, err := w.post(ctx, it.event, it.body)
	if ctx.Err() != nil {
		return o // stays pending
	}
	if err == nil && status >= 200 && status < 300 {
		w.cfg.Metrics.inc(func(m *Metrics) prometheus.Counter { return m.delivered })
		_, err := w.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
			p.XAck(ctx, w.sink.stream, w.cfg.Group, it.entry)
			p.XDel(ctx, w.sink.stream, it.entry)
			return nil
		})
		if err != nil {
			// Delivered but still pending: it will be delivered again, which the receiver de-duplicates.
			w.log.Warn("webhook: ack", "event", it.event, "err", err)
		}
		o.done = true
		return o
	}
	w.cfg.Metrics.inc(func(m *Metrics) prometheus.Counter { return m.failed })
	it.attempts++
	why := ""
	if err != nil {
		why = redactURL(err)
	} else {
		why = "status " + strconv.Itoa(status)
	}
	if it.attempts >= w.cfg.MaxAttempts {
		_, derr := w.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
			p.XAdd(ctx, &redis.XAddArgs{Stream: w.dead, MaxLen: DeadMax, Approx: true, Values: []any{
				"id", it.event, "d", it.sealed, "entry", it.entry, "attempts", it.attempts, "last", why, "at", time.Now().UTC().Format(time.RFC3339)}})
			p.XAck(ctx, w.sink.stream, w.cfg.Group, it.entry)
			p.XDel(ctx, w.sink.stream, it.entry)
			return nil
		})
		if derr == nil {
			w.cfg.Metrics.inc(func(m *Metrics) prometheus.Counter { return m.dead })
			w.log.Error("webhook: event moved to the dead-letter stream", "event", it.event, "attempts", it.attempts, "last", why)
			o.done = true
			return o
		}
		w.log.Warn("webhook: dead-letter", "event", it.event, "err", derr)
	}
	d := w.backoff(it.attempts - 1)
	it.notBefore = time.Now().Add(d)
	if err != nil {
		w.log.Warn("webhook: delivery failed", "event", it.event, "attempt", it.attempts, "retry_in", d, "err", why)
	} else {
		w.log.Warn("webhook: delivery refused", "event", it.event, "attempt", it.attempts, "retry_in", d, "status", status)
	}
	return o
}

func (w *Worker) post(ctx context.Context, id string, body []byte) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.cfg.URL, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "kapbot-webhook/1")
	req.Header.Set(HeaderEventID, id)
	req.Header.Set(HeaderTimestamp, ts)
	req.Header.Set(HeaderSignature, Sign(w.cfg.Secret, ts, body))
	resp, err := w.cfg.Client.Do(req)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	return resp.StatusCode, nil
}

// backoff is the delay after the attempt-th failure: MinBackoff doubled
// each time up to MaxBackoff, less up to 20% jitter.
func (w *Worker) backoff(attempt int) time.Duration {
	return backoff.Policy{First: w.cfg.MinBackoff, Longest: w.cfg.MaxBackoff, Jitter: 0.2}.Delay(attempt + 1)
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

func sleep(ctx context.Context, d time.Duration) { _ = backoff.Sleep(ctx, d) }

// Requeue moves every event of the dead-letter stream under prefix back to
// the events stream, oldest first, for the workers to deliver again (after
// the receiver was fixed). Each move is one transaction, so an event is
// never lost nor doubled in Redis. It returns how many it moved, or a
// wrapped Redis error (run it again).
func Requeue(ctx context.Context, c redis.UniversalClient, prefix string) (int, error) {
	stream, dead := Stream(prefix), DeadStream(prefix)
	moved := 0
	for {
		msgs, err := c.XRangeN(ctx, dead, "-", "+", 100).Result()
		if err != nil {
			return moved, fmt.Errorf("webhook: requeue: %w", err)
		}
		if len(msgs) == 0 {
			return moved, nil
		}
		for _, m := range msgs {
			id, _ := m.Values["id"].(string)
			d, _ := m.Values["d"].(string)
			_, err := c.TxPipelined(ctx, func(p redis.Pipeliner) error {
				if id != "" && d != "" {
					p.XAdd(ctx, &redis.XAddArgs{Stream: stream, Values: []any{"id", id, "d", d}})
				}
				p.XDel(ctx, dead, m.ID)
				return nil
			})
			if err != nil {
				return moved, fmt.Errorf("webhook: requeue: %w", err)
			}
			moved++
		}
	}
}
