package discord

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/kapbot/kapbot/internal/backoff"
	"github.com/kapbot/kapbot/internal/catalog"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/keyqueue"
	"github.com/kapbot/kapbot/internal/runner"
)

// job is one patient event waiting for the patient's worker.
type job struct {
	inbound []runner.Inbound             // handed to the handler in order
	acked   <-chan struct{}              // closed once the interaction's acknowledgement was tried
	before  func()                       // runs after the ack, before the handler
	after   func(context.Context, error) // runs with the handler's result
	// notice, if set, asks the runner to answer a press on a closed
	// question with a notice rather than a DM, and shows it.
	notice func(ctx context.Context, text string)
}

// pendingAck is a slash command used in a server whose deferred answer
// waits for the outcome of the first DM.
type pendingAck struct {
	i    *discordgo.Interaction
	once sync.Once
}

// enqueue queues j for the user's worker, starting the worker if needed.
// Events of one user thus run one at a time, in gateway order.
func (c *Channel) enqueue(userID string, j job) {
	switch c.queues.Push(userID, j) {
	case keyqueue.Full:
		c.log.Warn("discord patient queue full; event dropped", "user", runner.LogID("dc:"+userID))
	case keyqueue.Refused:
		c.log.Warn("discord channel shutting down; event dropped", "user", runner.LogID("dc:"+userID))
	}
}

func (c *Channel) process(j job) {
	if j.acked != nil {
		<-j.acked
	}
	if j.before != nil {
		j.before()
	}
	err := c.deliver(j.inbound, j.notice)
	if j.after != nil {
		j.after(c.work, err)
	}
}

// deliver hands the events to the handler in order, each up to the handler
// attempts.
func (c *Channel) deliver(ins []runner.Inbound, notice func(context.Context, string)) error {
	for _, in := range ins {
		for attempt := 1; ; attempt++ {
			ctx, n := c.work, (*runner.Notice)(nil)
			if notice != nil {
				ctx, n = runner.WithNotice(ctx)
			}
			err := c.handle(ctx, in)
			if err == nil {
				if n != nil && n.Text() != "" {
					notice(c.work, n.Text())
				}
				break
			}
			if runner.Permanent(err) {
				// It would fail the same way on every attempt.
				c.log.Error("discord event not handled; dropped", "id", in.ID, "error", err)
				break
			}
			if c.work.Err() != nil || attempt >= c.opt.handlerTries {
				c.log.Error("discord event not handled", "id", in.ID, "attempts", attempt, "error", err)
				return err
			}
			if backoff.Sleep(c.work, c.backoff().Delay(attempt)) != nil {
				return err
			}
		}
	}
	return nil
}

// eventTime is when Discord created the event, from its snowflake id, so a
// redelivered event carries the same input; the clock if the id is odd.
func (c *Channel) eventTime(id string) time.Time {
	if t, err := discordgo.SnowflakeTimestamp(id); err == nil && t.Year() >= 2015 {
		return t
	}
	return c.opt.now()
}

// locale turns Discord's client locale ("en-US", "de") into a language.
func locale(l discordgo.Locale) string {
	lang, _, _ := strings.Cut(string(l), "-")
	return strings.ToLower(lang)
}

func interactionUser(i *discordgo.Interaction) *discordgo.User {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User
	}
	return i.User
}

func (c *Channel) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	i := ic.Interaction
	u := interactionUser(i)
	if u == nil || u.Bot || !isSnowflake(u.ID) {
		return
	}
	if d := c.staffDesk(); d != nil {
		switch {
		case i.Type == discordgo.InteractionApplicationCommand && isStaffCommand(i.ApplicationCommandData().Name):
			c.onStaffCommand(i, u, d)
			return
		case i.Type == discordgo.InteractionMessageComponent && strings.HasPrefix(i.MessageComponentData().CustomID, "r:"):
			c.onStaffPress(i, u, d)
			return
		}
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		c.onCommand(i, u)
	case discordgo.InteractionMessageComponent:
		c.onComponent(i, u)
	}
}

// ack acknowledges an interaction in the background, at once and whatever
// the patient's queue holds, and returns a channel closed when done.
func (c *Channel) ack(i *discordgo.Interaction, resp *discordgo.InteractionResponse) <-chan struct{} {
	done := make(chan struct{})
	run := func() {
		defer close(done)
		ctx, cancel := context.WithTimeout(c.work, c.opt.ackTimeout)
		defer cancel()
		err := c.retry(ctx, "acknowledge interaction", func(o ...discordgo.RequestOption) error {
			return c.s.InteractionRespond(i, resp, o...)
		})
		if err != nil && code(err) != codeAlreadyAcked {
			c.log.Warn("discord interaction not acknowledged", "interaction", i.ID, "error", err)
		}
	}
	if !c.goTracked(run) {
		close(done)
	}
	return done
}

func (c *Channel) onCommand(i *discordgo.Interaction, u *discordgo.User) {
	data := i.ApplicationCommandData()
	sc, ok := c.cmds.lookup(data.Name)
	if !ok {
		c.log.Warn("discord unknown slash command", "name", data.Name)
		c.ack(i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: c.opt.catalog.Text(catalog.Help, locale(i.Locale)), Flags: discordgo.MessageFlagsEphemeral},
		})
		return
	}
	cmd := engine.Command{Name: sc.Command, Arg: sc.Arg}
	if sc.Option != "" {
		for _, o := range data.Options {
			if o.Name == sc.Option && o.Type == discordgo.ApplicationCommandOptionString {
				cmd.Arg = strings.TrimSpace(o.StringValue())
			}
		}
	}
	guild := i.GuildID != ""
	resp := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource, Data: &discordgo.InteractionResponseData{}}
	if guild {
		resp.Data.Flags = discordgo.MessageFlagsEphemeral
	}
	lang := locale(i.Locale)
	in := runner.Inbound{
		ID:      "dc:i:" + i.ID,
		Patient: "dc:" + u.ID,
		Locale:  lang,
		Input:   engine.Input{Now: c.eventTime(i.ID), Command: &cmd},
	}
	p := &pendingAck{i: i}
	j := job{inbound: []runner.Inbound{in}, acked: c.ack(i, resp)}
	if guild {
		j.before = func() {
			c.mu.Lock()
			old := c.pending[u.ID]
			c.pending[u.ID] = p
			c.mu.Unlock()
			if old != nil {
				c.finish(old, c.dmText(old, catalog.DMSent))
			}
		}
	}
	j.after = func(ctx context.Context, err error) {
		if err != nil {
			c.unpend(u.ID, p)
			c.finish(p, c.opt.catalog.Text(catalog.Unavailable, lang))
			return
		}
		if !guild {
			c.finish(p, textDMAck)
			return
		}
		// The runner may deliver after the handler returns: give the first
		// DM some time to settle what the answer says.
		c.goTracked(func() {
			t := time.NewTimer(c.opt.dmGrace)
			defer t.Stop()
			select {
			case <-t.C:
			case <-ctx.Done():
			}
			c.unpend(u.ID, p)
			c.finish(p, c.dmText(p, catalog.DMSent))
		})
	}
	c.enqueue(u.ID, j)
}

// unpend forgets p as the user's pending command, if it still is.
func (c *Channel) unpend(userID string, p *pendingAck) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pending[userID] == p {
		delete(c.pending, userID)
	}
}

// resolvePending settles the user's pending server command, if any, with
// the catalogue text key in the command's language: Send calls it on the
// first DM's outcome.
func (c *Channel) resolvePending(userID, key string) {
	c.mu.Lock()
	p := c.pending[userID]
	delete(c.pending, userID)
	c.mu.Unlock()
	if p != nil {
		c.finish(p, c.dmText(p, key))
	}
}

// dmText is the catalogue text key in the language of p's command (the
// patient's Discord client locale).
func (c *Channel) dmText(p *pendingAck, key string) string {
	return c.opt.catalog.Text(key, locale(p.i.Locale))
}

// finish settles p with text: the first text wins, and the deferred answer
// is edited to it in the background.
func (c *Channel) finish(p *pendingAck, text string) {
	first := false
	p.once.Do(func() { first = true })
	if !first {
		return
	}
	edit := func() {
		ctx, cancel := context.WithTimeout(c.work, 30*time.Second)
		defer cancel()
		err := c.retry(ctx, "edit interaction answer", func(o ...discordgo.RequestOption) error {
			_, err := c.s.InteractionResponseEdit(p.i, &discordgo.WebhookEdit{Content: &text}, o...)
			return err
		})
		if err != nil {
			c.log.Warn("discord interaction answer not edited", "interaction", p.i.ID, "error", err)
		}
	}
	if !c.goTracked(edit) {
		edit()
	}
}

func (c *Channel) onComponent(i *discordgo.Interaction, u *discordgo.User) {
	data := i.MessageComponentData()
	p, ok := decodePress(data.CustomID, data.Values)
	if !ok {
		// Not one of ours: acknowledge so Discord shows no failure.
		c.ack(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate})
		return
	}
	c.mu.Lock()
	latest, known := c.latest[u.ID]
	c.mu.Unlock()
	stale := known && p.seq < latest

	var content string
	if i.Message != nil {
		content = i.Message.Content
		if i.Message.ChannelID != "" && i.GuildID == "" {
			c.rememberDM(u.ID, i.Message.ChannelID)
		}
	}
	shown := content
	if !stale {
		shown = answered(content, pressedLabels(i.Message, data.CustomID, data.Values))
	}
	// Answered or stale, the message loses its components: a question is
	// answered once, and an old one cannot be answered at all. A stale
	// press loses them in its acknowledgement (type 7). An answer is
	// acknowledged at once without a change (type 6), and its question
	// loses its components and shows the answer only once the answer is
	// applied (closeAnswered, after the handler): Discord does not deliver
	// an acknowledged interaction again, so a process that died between
	// the acknowledgement and the commit would otherwise leave the patient
	// a question without buttons, its answer never applied. A second press
	// on a question this channel has just marked answered (a double click
	// that arrives after the next question) leaves the message as it is
	// (type 6): the press's snapshot of it predates the mark.
	resp := &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseUpdateMessage,
		Data: &discordgo.InteractionResponseData{
			Content:         shown,
			Components:      []discordgo.MessageComponent{},
			AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
		},
	}
	closeAnswered := false
	if i.Message != nil {
		c.mu.Lock()
		switch {
		case !stale:
			c.marked[u.ID] = i.Message.ID
			resp = &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}
			closeAnswered = true
		case c.marked[u.ID] == i.Message.ID:
			resp = &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}
		}
		c.mu.Unlock()
	}
	lang := locale(i.Locale)
	now := c.eventTime(i.ID)
	var ins []runner.Inbound
	add := func(id, value string) {
		ins = append(ins, runner.Inbound{
			ID: id, Patient: "dc:" + u.ID, Locale: lang,
			Input: engine.Input{Now: now, Press: &engine.Press{Seq: p.seq, Value: value}},
		})
	}
	if len(p.values) == 1 && !p.done {
		add("dc:i:"+i.ID, p.values[0])
	} else {
		for k, v := range p.values {
			add("dc:i:"+i.ID+":"+strconv.Itoa(k), v)
		}
		if p.done {
			add("dc:i:"+i.ID+":done", "")
		}
	}
	j := job{inbound: ins, acked: c.ack(i, resp)}
	// A stale or double press: the press is acknowledged already (the
	// update above); the catalogue's text follows as an ephemeral reply
	// only the patient sees, never as a DM.
	var noticed sync.Once
	j.notice = func(ctx context.Context, text string) {
		noticed.Do(func() {
			if e := c.retry(ctx, "send notice", func(o ...discordgo.RequestOption) error {
				_, err := c.s.FollowupMessageCreate(i, false, &discordgo.WebhookParams{Content: text, Flags: discordgo.MessageFlagsEphemeral}, o...)
				return err
			}); e != nil {
				c.log.Warn("discord notice not sent", "interaction", i.ID, "error", e)
			}
		})
	}
	j.after = func(ctx context.Context, err error) {
		if err == nil && closeAnswered {
			// The answer is applied: the question shows it and loses its
			// components (an edit through the interaction's webhook, which
			// Discord's global limit leaves out).
			empty := []discordgo.MessageComponent{}
			edit := &discordgo.WebhookEdit{Content: &shown, Components: &empty,
				AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}}
			if e := c.retry(ctx, "close question", func(o ...discordgo.RequestOption) error {
				_, err := c.s.InteractionResponseEdit(i, edit, o...)
				return err
			}); e != nil {
				c.log.Warn("discord answered question not closed", "interaction", i.ID, "error", e)
			}
			return
		}
		if err == nil || stale || i.Message == nil {
			return
		}
		// The answer was not taken: the question kept its components;
		// say so.
		text := c.opt.catalog.Text(catalog.Unavailable, lang)
		if e := c.retry(ctx, "send followup", func(o ...discordgo.RequestOption) error {
			_, err := c.s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: text}, o...)
			return err
		}); e != nil {
			c.log.Warn("discord followup not sent", "interaction", i.ID, "error", e)
		}
	}
	c.enqueue(u.ID, j)
}

func (c *Channel) onMessage(_ *discordgo.Session, mc *discordgo.MessageCreate) {
	m := mc.Message
	if m == nil || m.Author == nil || m.Author.Bot || m.Author.System || m.GuildID != "" || m.WebhookID != "" {
		return
	}
	if m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return
	}
	c.mu.Lock()
	self := m.Author.ID == c.botID
	c.mu.Unlock()
	if self || !isSnowflake(m.Author.ID) {
		return
	}
	c.rememberDM(m.Author.ID, m.ChannelID)
	patient := "dc:" + m.Author.ID
	if strings.TrimSpace(m.Content) == "" {
		if len(m.Attachments) > 0 || len(m.StickerItems) > 0 || len(m.Embeds) > 0 {
			// Not text: say so without bothering the engine.
			c.enqueue(m.Author.ID, job{after: func(ctx context.Context, _ error) {
				text := c.opt.catalog.Text(catalog.NotText)
				if err := c.Send(ctx, patient, engine.Message{Kind: engine.FromCatalog, Key: catalog.NotText, Text: text}); err != nil {
					c.log.Warn("discord reply not sent", "user", runner.LogID("dc:"+m.Author.ID), "error", err)
				}
			}})
		}
		return
	}
	input := engine.Input{Now: c.eventTime(m.ID), Text: m.Content}
	if cmd, ok := c.cmds.typed(m.Content); ok {
		input = engine.Input{Now: input.Now, Command: cmd}
	}
	in := runner.Inbound{ID: "dc:m:" + m.ID, Patient: patient, Input: input}
	c.enqueue(m.Author.ID, job{inbound: []runner.Inbound{in}, after: func(ctx context.Context, err error) {
		if err == nil {
			return
		}
		text := c.opt.catalog.Text(catalog.Unavailable)
		if err := c.Send(ctx, patient, engine.Message{Kind: engine.FromCatalog, Key: catalog.Unavailable, Text: text}); err != nil {
			c.log.Warn("discord reply not sent", "user", runner.LogID("dc:"+m.Author.ID), "error", err)
		}
	}})
}
