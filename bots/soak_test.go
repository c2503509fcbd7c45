//go:build soak

package main

import (
	"context"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/bots/discord/discordtest"
	"github.com/kapbot/kapbot/bots/telegram/telegramtest"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/runner"
)

var (
	soakPatients  = flag.Int("soak.patients", 300, "patients in TestSoak (or KAPBOT_SOAK_PATIENTS)")
	soakReplicas  = flag.Int("soak.replicas", 3, "serve processes in TestSoak")
	soakKillEvery = flag.Duration("soak.kill", 3*time.Second, "how often TestSoak kills a serve")
	soakDupEvery  = flag.Int("soak.dup", 10, "one answer in this many is redelivered by the fake platform (0: none)")
	soakDeadline  = flag.Duration("soak.deadline", 40*time.Minute, "how long a patient may take")
	soakDiscord   = flag.Float64("soak.discord", 0.1, "share of the patients on Discord (0 to 1)")
	soakFlow      = flag.String("soak.flow", "kap-intake", "the flow every patient goes through (/start FLOW)")
	soakSecond    = flag.Duration("soak.second", 100*time.Millisecond, "one Telegram second, for the fake Bot API and the serves alike (Telegram's limits keep their shape on a faster clock)")
	soakPoll      = flag.Duration("soak.poll", 200*time.Millisecond, "how often a patient looks at their chat")
	soakRetype    = flag.Duration("soak.retype", 20*time.Second, "how long a Discord patient waits for a reply to a direct message before typing it again")
)

// soakBinary builds the program with the soak tag, which adds the
// KAPBOT_SOAK_TELEGRAM_SECOND setting (soak_second.go).
var soakBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "kapbot-soak-bin")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "kapbot")
	out, err := exec.Command("go", "build", "-tags", "soak", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// TestSoak (go test -tags soak -run Soak ./bots, minutes; not in the
// default run) sends many patients through the whole intake (kap-intake:
// every question, buttons and typed answers) at once through several
// `kapbot serve` replicas, most of them on the fake Bot API and a share on
// the fake Discord (gateway and REST). The fakes answer 5% of the calls
// with a 429 and redeliver one answer in ten (Telegram under a new update
// id, Discord as the same gateway event again). The test SIGKILLs a serve
// every few seconds (every other time the one polling Telegram, every
// sixth time the one holding the Discord gateway, else any; one process
// often holds both) and starts a fresh one. On a Redis Cluster
// (KAPBOT_TEST_REDIS_CLUSTER) it also makes a replica take over its master
// (CLUSTER FAILOVER), SIGKILLs a master (its replica is promoted by the
// cluster, and the killed node, restarted, rejoins as a replica), and
// SIGKILLs a master with AOF on (appendfsync always) and restarts it at
// once from its AOF. It prints the answers sent, applied, doubled and
// lost, the unfinished patients and the p50 and p99 time from an answer to
// the next message; it fails on any doubled or lost answer or an
// unfinished patient, and then describes the chats of some of them.
//
// A Discord patient acts as a person on Discord does: a press that Discord
// shows as failed (not acknowledged within 3 s, e.g. sent while the
// gateway changes hands), or left without a reply for a while with the
// question's buttons still there, is pressed again, and a direct message
// left without a reply for a while (Discord does not deliver it again to a
// new gateway session) is typed again; both are counted apart. (Telegram
// delivers again what was not confirmed, so its patients never repeat.)
func TestSoak(t *testing.T) {
	bin, err := soakBinary()
	if err != nil {
		t.Fatal(err)
	}
	useRedis(t)
	pushSamples(t)
	tg := telegramtest.NewServer(telegramtest.WithSecond(*soakSecond), telegramtest.WithFlaky429(0.05, 15))
	t.Cleanup(tg.Close)
	n := *soakPatients
	if v := os.Getenv("KAPBOT_SOAK_PATIENTS"); v != "" {
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			t.Fatalf("KAPBOT_SOAK_PATIENTS=%q: want a number of patients", v)
		}
	}
	nDiscord := int(math.Round(float64(n) * *soakDiscord))
	env := append(os.Environ(), "TELEGRAM_TOKEN="+telegramtest.DefaultToken, "TELEGRAM_API_URL="+tg.URL,
		"KAPBOT_LISTEN=127.0.0.1:0", "KAPBOT_LOG_LEVEL=warn", "KAPBOT_LEASE_TTL=3s",
		envSoakSecond+"="+soakSecond.String())
	var dc *discordtest.Server
	if nDiscord > 0 {
		dc = discordtest.New(t, discordtest.Options{GlobalLimit: 50, Flaky429: 0.05, Seed: 15})
		env = append(env, "DISCORD_TOKEN="+dc.Token(), "DISCORD_API_URL="+dc.URL())
	} else {
		env = append(env, "DISCORD_TOKEN=")
	}
	be, err := configFromEnv().open(context.Background(), false, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	defer be.Close()
	rs := newReplicaSet(t, bin, env, *soakReplicas)
	if dc != nil {
		within(t, "the Discord gateway and commands", func() bool { return dc.Ready() && len(dc.Commands("")) > 0 })
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var kills, tgKills, dcKills atomic.Int64
	chaos := make(chan struct{})
	go func() { // serves killed, one every soakKillEvery
		defer close(chaos)
		tick := time.NewTicker(*soakKillEvery)
		defer tick.Stop()
		for i := 1; ; i++ {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			victim := 0
			switch {
			case i%2 == 1:
				victim = leasePID(be, "telegram")
			case i%6 == 2 && dc != nil:
				victim = leasePID(be, "discord")
			}
			if pids := rs.pids(); victim == 0 && len(pids) > 0 {
				victim = pids[rand.IntN(len(pids))]
			}
			tgHolder, dcHolder := leasePID(be, "telegram"), leasePID(be, "discord")
			if rs.kill(victim) {
				kills.Add(1)
				if victim == tgHolder {
					tgKills.Add(1)
				}
				if victim == dcHolder {
					dcKills.Add(1)
				}
			}
			rs.start()
		}
	}()
	var redisLog []string
	redisDone := make(chan struct{})
	go func() { // Redis faults, on a cluster
		defer close(redisDone)
		if cc, ok := be.client.(*redis.ClusterClient); ok {
			redisLog = clusterFaults(ctx, t, cc)
		}
	}()

	var st soakStats
	patients := make([]*soakPatient, n)
	for i := range n {
		var p soakPlatform
		if i < nDiscord {
			p = &discordPatient{fake: dc, user: fmt.Sprintf("31%016d", i)}
		} else {
			p = &telegramPatient{fake: tg, chat: int64(500000 + i)}
		}
		patients[i] = &soakPatient{plat: p, be: be, stats: &st, rnd: rand.New(rand.NewPCG(uint64(i), 7)), exp: map[string]string{}}
	}
	var wg sync.WaitGroup
	var done atomic.Int64
	began := time.Now()
	deadline := began.Add(*soakDeadline)
	for _, p := range patients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.finished = p.run(deadline)
			done.Add(1)
		}()
		time.Sleep(time.Millisecond) // not all in the same instant
	}
	progress := make(chan struct{})
	go func() { // a line a minute, for a run of many minutes
		tick := time.NewTicker(time.Minute)
		defer tick.Stop()
		for {
			select {
			case <-progress:
				return
			case <-tick.C:
				t.Logf("soak: after %v: %d of %d patients done, %d answers sent", time.Since(began).Round(time.Second), done.Load(), n, st.sent.Load())
			}
		}
	}()
	wg.Wait()
	close(progress)
	took := time.Since(began)
	cancel()
	<-chaos
	<-redisDone
	// Let the last writes settle, then read every patient.
	time.Sleep(2 * time.Second)
	views := exportView(t)
	var applied, doubled, lost, open int
	var bad []string
	for _, p := range patients {
		v := views[p.plat.id()]
		ended := p.finished && v.Status == "ended"
		a, d, l, why := p.check(v, ended)
		applied += a
		doubled += d
		lost += l
		if !ended {
			open++
			why = append(why, fmt.Sprintf("unfinished: status %q at %q", v.Status, v.At))
		} else {
			applied += p.confirmed
		}
		if len(why) > 0 {
			bad = append(bad, p.plat.id()+": "+strings.Join(why, "; ")+"\n"+p.plat.describe())
		}
	}
	st.mu.Lock()
	lat := slices.Clone(st.lat)
	st.mu.Unlock()
	slices.Sort(lat)
	pct := func(q float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(q*float64(len(lat))))].Round(time.Millisecond)
	}
	t.Logf("soak: %d patients (%d on Telegram, %d on Discord) through %q, %d serve replicas, in %v", n, n-nDiscord, nDiscord, *soakFlow, *soakReplicas, took.Round(time.Second))
	t.Logf("soak: serve SIGKILLed %d times (%d times the Telegram poller, %d times the Discord gateway holder)", kills.Load(), tgKills.Load(), dcKills.Load())
	for _, l := range redisLog {
		t.Logf("soak: redis: %s", l)
	}
	t.Logf("soak: answers sent %d (%d redelivered by the fakes; on Discord %d presses made again after a failed interaction, %d messages typed again), applied %d, doubled %d, lost %d, unfinished %d patients",
		st.sent.Load(), st.dups.Load(), st.repressed.Load(), st.retyped.Load(), applied, doubled, lost, open)
	t.Logf("soak: answer to next message p50 %v, p99 %v (%d samples, looked every %v)", pct(0.50), pct(0.99), len(lat), *soakPoll)
	tgst := tg.Stats()
	t.Logf("soak: Telegram fake: %v", tgst)
	t.Logf("soak: Telegram 429s: %d, of which %d injected at random, %d for the bot's limits", tgst.TooManyRequests, tgst.Flaky, tgst.TooManyRequests-tgst.Flaky)
	if dc != nil {
		t.Logf("soak: Discord fake: %d gateway identifies, %d resumes, %d global 429s, %d random 429s, %d violations, %d interactions not acknowledged in time",
			dc.Identifies(), dc.Resumes(), dc.Global429s(), dc.Flaky429s(), len(dc.Violations()), len(dc.Unacknowledged()))
		for i, v := range dc.Violations() {
			if i == 5 {
				break
			}
			t.Logf("soak: Discord violation: %s", v)
		}
	}
	if doubled != 0 || lost != 0 || open != 0 {
		for i, b := range bad {
			if i == 5 {
				t.Logf("... and %d more", len(bad)-5)
				break
			}
			t.Log(b)
		}
		t.Fatalf("doubled %d, lost %d, unfinished %d", doubled, lost, open)
	}
}

// soakStats are the counts all patients add to.
type soakStats struct {
	sent, dups, repressed, retyped atomic.Int64
	mu                             sync.Mutex
	lat                            []time.Duration
}

// soakButton is one answer a message offers: a button, or an option of a
// select menu (Discord).
type soakButton struct {
	id    string // callback data or custom id
	seq   int    // the prompt's number, from the id
	value string
	menu  bool // an option of the select menu id
}

// soakMsg is one message from the bot.
type soakMsg struct {
	id      string
	text    string
	buttons []soakButton
}

// soakPlatform is a patient's side of one platform's fake.
type soakPlatform interface {
	id() string
	begin(flow string) (string, error)
	messages() []soakMsg
	press(m soakMsg, b soakButton) (string, error)
	say(text string) (string, error)
	// redeliver has the platform deliver the action with id again.
	redeliver(action string)
	// failed reports whether the platform shows the action as failed (a
	// Discord interaction not acknowledged in time).
	failed(action string) bool
	// impatient reports whether the patient answers again when nothing
	// happens for long (Discord, where an answer can be lost).
	impatient() bool
	describe() string
}

// seqOf reads the prompt number of a button's data "kind:seq:value".
func seqOf(data string) (int, string) {
	parts := strings.SplitN(data, ":", 3)
	if len(parts) < 2 {
		return -1, ""
	}
	seq, err := strconv.Atoi(parts[1])
	if err != nil {
		return -1, ""
	}
	if len(parts) == 3 {
		return seq, parts[2]
	}
	return seq, ""
}

type telegramPatient struct {
	fake *telegramtest.Server
	chat int64
}

func (p *telegramPatient) id() string { return fmt.Sprint("tg:", p.chat) }

func (p *telegramPatient) begin(flow string) (string, error) {
	return strconv.FormatInt(p.fake.PushText(p.chat, "/start "+flow), 10), nil
}

func (p *telegramPatient) messages() []soakMsg {
	var out []soakMsg
	for _, m := range p.fake.Messages(p.chat) {
		sm := soakMsg{id: strconv.Itoa(m.ID), text: m.Text}
		for _, row := range m.Keyboard {
			for _, k := range row {
				seq, v := seqOf(k.Data)
				sm.buttons = append(sm.buttons, soakButton{id: k.Data, seq: seq, value: v})
			}
		}
		out = append(out, sm)
	}
	return out
}

func (p *telegramPatient) press(m soakMsg, b soakButton) (string, error) {
	id, _ := strconv.Atoi(m.id)
	upd, err := p.fake.Press(p.chat, id, b.id)
	return strconv.FormatInt(upd, 10), err
}

func (p *telegramPatient) say(text string) (string, error) {
	return strconv.FormatInt(p.fake.PushText(p.chat, text), 10), nil
}

func (p *telegramPatient) redeliver(action string) {
	upd, _ := strconv.ParseInt(action, 10, 64)
	p.fake.Duplicate(upd)
}

func (p *telegramPatient) failed(string) bool { return false }

func (p *telegramPatient) impatient() bool { return false }

func (p *telegramPatient) describe() string { return describeChat(p.fake, p.chat) }

type discordPatient struct {
	fake *discordtest.Server
	user string
	mu   sync.Mutex
	seqs map[string]int64 // action id -> gateway sequence, for redelivery
}

func (p *discordPatient) id() string { return "dc:" + p.user }

func (p *discordPatient) note(d discordtest.Dispatch, err error) (string, error) {
	if err != nil {
		return "", err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.seqs == nil {
		p.seqs = map[string]int64{}
	}
	p.seqs[d.ID] = d.Seq
	return d.ID, nil
}

func (p *discordPatient) begin(flow string) (string, error) {
	return p.note(p.fake.DM(p.user, "/start "+flow))
}

func (p *discordPatient) messages() []soakMsg {
	var out []soakMsg
	for _, m := range p.fake.BotMessages(p.user) {
		sm := soakMsg{id: m.ID, text: m.Content}
		for _, b := range m.Buttons() {
			seq, v := seqOf(b.CustomID)
			sm.buttons = append(sm.buttons, soakButton{id: b.CustomID, seq: seq, value: v})
		}
		for _, s := range m.Selects() {
			seq, _ := seqOf(s.CustomID)
			for _, o := range s.Options {
				sm.buttons = append(sm.buttons, soakButton{id: s.CustomID, seq: seq, value: o.Value, menu: true})
			}
		}
		out = append(out, sm)
	}
	return out
}

func (p *discordPatient) press(m soakMsg, b soakButton) (string, error) {
	if b.menu {
		return p.note(p.fake.SelectMenu(p.user, m.id, b.id, []string{b.value}))
	}
	return p.note(p.fake.PressButton(p.user, m.id, b.id))
}

func (p *discordPatient) say(text string) (string, error) { return p.note(p.fake.DM(p.user, text)) }

func (p *discordPatient) redeliver(action string) {
	p.mu.Lock()
	seq := p.seqs[action]
	p.mu.Unlock()
	p.fake.Redeliver(seq)
}

func (p *discordPatient) failed(action string) bool {
	i, ok := p.fake.Interaction(action)
	return ok && (i.Late || (!i.Acked && time.Since(i.Dispatched) > 3500*time.Millisecond))
}

func (p *discordPatient) impatient() bool { return true }

func (p *discordPatient) describe() string {
	var b strings.Builder
	for _, m := range p.fake.Messages(p.user) {
		fmt.Fprintf(&b, "  %s bot=%v components=%d: %.50q\n", m.ID, m.Bot, len(m.Buttons())+len(m.Selects()), m.Content)
	}
	return b.String()
}

// soakTexts are the typed answers of the intake's questions without
// buttons, by place.
var soakTexts = map[string]string{
	"contra/age":       "34",
	"contra/medicines": "none",
	"intentions":       "I hope to feel less stuck and more like myself again.",
}

// soakPatient plays one patient: it answers every question of the flow,
// reading which question the bot waits on from the session (as the
// patient reads it on the screen), and keeps what it answered where.
type soakPatient struct {
	plat      soakPlatform
	be        *backend
	stats     *soakStats
	rnd       *rand.Rand
	exp       map[string]string // place -> the answer given there last
	confirmed int               // reviews confirmed ("ok")
	finished  bool
}

// choose picks the answer among the offered values: consent is given, a
// review is confirmed, risk questions (yes/no) are answered no and PHQ-9's
// item 9 "not at all", so the intake takes its full route to the end
// without a crisis; any other question gets a random answer.
func (p *soakPatient) choose(place string, bs []soakButton) soakButton {
	has := func(v string) (soakButton, bool) {
		for _, b := range bs {
			if b.value == v {
				return b, true
			}
		}
		return soakButton{}, false
	}
	if place == "consent" {
		if b, ok := has("yes"); ok {
			return b
		}
	}
	for _, v := range []string{"ok", "no"} {
		if b, ok := has(v); ok {
			return b
		}
	}
	if strings.HasSuffix(place, "/q9") {
		if b, ok := has("0"); ok {
			return b
		}
	}
	var real []soakButton
	for _, b := range bs {
		if b.value != "" {
			real = append(real, b)
		}
	}
	if len(real) == 0 {
		return bs[0]
	}
	return real[p.rnd.IntN(len(real))]
}

// run plays the patient until the session ends or deadline, and reports
// whether it ended.
func (p *soakPatient) run(deadline time.Time) bool {
	var action string // the last answer's id on the platform
	var acted time.Time
	var actedSeq int
	var actPress *struct {
		m soakMsg
		b soakButton
	}
	var actText string
	for {
		var err error
		if action, err = p.plat.begin(*soakFlow); err == nil {
			break
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(time.Second) // no gateway session yet
	}
	acted, actedSeq = time.Now(), -1
	answered := map[int]bool{}
	seen, loaded := 0, -1
	for time.Now().Before(deadline) {
		msgs := p.plat.messages()
		if len(msgs) > seen {
			if !acted.IsZero() {
				p.stats.mu.Lock()
				p.stats.lat = append(p.stats.lat, time.Since(acted))
				p.stats.mu.Unlock()
				acted = time.Time{}
			}
			seen = len(msgs)
		}
		if !acted.IsZero() && actPress != nil && (p.plat.failed(action) || p.plat.impatient() && time.Since(acted) > *soakRetype) {
			// Discord shows "This interaction failed", or nothing happened
			// for a long while and the question still has its buttons:
			// press again.
			if st, ok := p.state(); ok && st.Seq == actedSeq {
				if a, err := p.plat.press(actPress.m, actPress.b); err == nil {
					p.stats.repressed.Add(1)
					action, acted = a, time.Now()
				}
			}
		}
		if !acted.IsZero() && actText != "" && p.plat.impatient() && time.Since(acted) > *soakRetype {
			if st, ok := p.state(); ok && st.Seq == actedSeq {
				if a, err := p.plat.say(actText); err == nil {
					p.stats.retyped.Add(1)
					action, acted = a, time.Now()
				}
			}
		}
		if seen != loaded && len(msgs) > 0 {
			st, ok := p.state()
			if ok {
				loaded = seen
			}
			if ok && st.Status == engine.Ended {
				return true
			}
			if ok && st.Status == engine.Active && !answered[st.Seq] {
				place := engine.Place(st)
				var q *soakMsg
				for i := len(msgs) - 1; i >= 0 && q == nil; i-- {
					for _, b := range msgs[i].buttons {
						if b.seq == st.Seq {
							q = &msgs[i]
							break
						}
					}
				}
				text, typed := soakTexts[place]
				switch {
				case q != nil:
					b := p.choose(place, q.buttons)
					a, err := p.plat.press(*q, b)
					if err != nil {
						loaded = -1 // look again
						break
					}
					answered[st.Seq] = true
					if b.value == "ok" {
						// A review confirmed: no answer is recorded, the
						// flow goes on (it must end to count).
						p.confirmed++
					} else {
						p.exp[place] = b.value
					}
					action, acted, actedSeq, actText = a, time.Now(), st.Seq, ""
					actPress = &struct {
						m soakMsg
						b soakButton
					}{*q, b}
				case typed && len(msgs[len(msgs)-1].buttons) == 0:
					a, err := p.plat.say(text)
					if err != nil {
						loaded = -1
						break
					}
					answered[st.Seq] = true
					p.exp[place] = text
					action, acted, actedSeq, actText, actPress = a, time.Now(), st.Seq, text, nil
				default:
					loaded = -1 // the question is not on screen yet
				}
				if answered[st.Seq] {
					p.stats.sent.Add(1)
					if *soakDupEvery > 0 && p.rnd.IntN(*soakDupEvery) == 0 {
						p.plat.redeliver(action)
						p.stats.dups.Add(1)
					}
				}
			}
		}
		time.Sleep(*soakPoll)
	}
	return false
}

// state reads the patient's session as the bot last committed it.
func (p *soakPatient) state() (engine.State, bool) {
	sess, err := p.be.store.Load(context.Background(), p.plat.id())
	if err != nil {
		return engine.State{}, false
	}
	st, err := runner.DecodeState(sess.Data)
	return st, err == nil
}

// soakValue writes a stored answer as the patient gave it.
func soakValue(v any) string {
	switch v := v.(type) {
	case bool:
		if v {
			return "yes"
		}
		return "no"
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	default:
		return fmt.Sprint(v)
	}
}

// check compares what the patient answered with what the session holds:
// applied counts the answers found where they were given; doubled a
// questionnaire or question recorded twice, or an answer where the patient
// gave none or gave another; lost an answer given and not found. Of a
// patient who did not finish (ended false), the answers to a questionnaire
// still in progress are not counted: the session holds them in its frame
// until the questionnaire ends.
func (p *soakPatient) check(v SessionView, ended bool) (applied, doubled, lost int, why []string) {
	got := map[string]string{}
	seen := map[string]int{}
	for _, r := range v.Results {
		name := cmpOr(r.Name, r.Questionnaire)
		if seen[name]++; seen[name] > 1 {
			doubled++
			why = append(why, "result "+name+" twice")
		}
		for item, val := range r.Items {
			got[name+"/"+item] = soakValue(val)
		}
	}
	for _, a := range v.Answered {
		if seen[a.Step]++; seen[a.Step] > 1 {
			doubled++
			why = append(why, "answer "+a.Step+" twice")
		}
		got[a.Step] = soakValue(a.Value)
	}
	for place, want := range p.exp {
		g, ok := got[place]
		step, _, inQ := strings.Cut(place, "/")
		switch {
		case !ok && !ended && inQ && seen[step] == 0:
			// in progress
		case !ok:
			lost++
			why = append(why, fmt.Sprintf("%s: %q lost", place, want))
		case g != want:
			doubled++
			why = append(why, fmt.Sprintf("%s: holds %q, the patient answered %q", place, g, want))
		default:
			applied++
		}
	}
	for place, g := range got {
		if _, ok := p.exp[place]; !ok {
			doubled++
			why = append(why, fmt.Sprintf("%s: holds %q, the patient gave no answer there", place, g))
		}
	}
	return applied, doubled, lost, why
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// leasePID returns the pid of the serve holding the lease named name
// (telegram, discord), or 0 when none does now.
func leasePID(be *backend, name string) int {
	v, err := be.client.Get(context.Background(), be.prefix+":lease:"+name).Result()
	if err != nil {
		return 0
	}
	parts := strings.Split(v, ":")
	if len(parts) < 3 {
		return 0
	}
	pid, _ := strconv.Atoi(parts[len(parts)-2])
	return pid
}
