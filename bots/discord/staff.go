package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/kapbot/kapbot/internal/runner"
)

// The staff side: referral notifications are posted to the clinic's staff
// channels (clinic.yaml destinations) with buttons, and staff act with those
// buttons (custom id "r:...") and the slash commands /referrals,
// /referral, /status, /note, /takeover, /say and /handback, used in a
// staff channel. All of it goes to
// the StaffDesk, never to the patient engine; answers to staff are
// ephemeral, so only the person who acted sees them.

var _ runner.StaffSender = (*Channel)(nil)

const (
	textStaffApology = "Sorry, that did not work just now. Please try again in a moment."
	textStaffOnly    = "Staff commands work in the clinic's staff channel only."
	textStaffNotUser = "Sorry, only the clinic's care team listed in clinic.yaml can act on referrals."
)

// staffCommands are the slash commands of the staff side: name, description
// and string options (all required).
var staffCommands = []struct {
	Name, Description string
	Options           [][2]string // name, description
}{
	{"referrals", "Staff: list the open referrals", nil},
	{"referral", "Staff: show one referral", [][2]string{{"id", "Referral id"}}},
	{"status", "Staff: change a referral's status", [][2]string{{"id", "Referral id"}, {"status", "acknowledged, contacted or closed"}}},
	{"note", "Staff: add a note to a referral", [][2]string{{"id", "Referral id"}, {"text", "The note"}}},
	{"takeover", "Staff: write with the patient of a referral (the questions wait)", [][2]string{{"id", "Referral id"}}},
	{"say", "Staff: send a message to the patient you took over", [][2]string{{"id", "Referral id"}, {"text", "Your message"}}},
	{"handback", "Staff: hand the conversation back to the questions", [][2]string{{"id", "Referral id"}}},
	{"weblogin", "Staff: a one-time sign-in link to the web view (only you see it)", nil},
}

func isStaffCommand(name string) bool {
	for _, c := range staffCommands {
		if c.Name == name {
			return true
		}
	}
	return false
}

// staffAppCommands returns the staff commands in Discord's form: usable in
// servers only.
func staffAppCommands(global bool) []*discordgo.ApplicationCommand {
	var out []*discordgo.ApplicationCommand
	for _, c := range staffCommands {
		ac := &discordgo.ApplicationCommand{Name: c.Name, Description: c.Description, Type: discordgo.ChatApplicationCommand}
		if global {
			ctx := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
			ac.Contexts = &ctx
		}
		for _, o := range c.Options {
			ac.Options = append(ac.Options, &discordgo.ApplicationCommandOption{
				Type: discordgo.ApplicationCommandOptionString, Name: o[0], Description: o[1], Required: true})
		}
		out = append(out, ac)
	}
	return out
}

// SetStaffDesk routes staff events to d and registers the staff slash
// commands. Call it before Run.
func (c *Channel) SetStaffDesk(d runner.StaffDesk) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.desk = d
}

func (c *Channel) staffDesk() runner.StaffDesk {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.desk
}

// staffContent is a staff text drawn literally and cut to one message.
func staffContent(s string) string {
	n := utf8.RuneCountInString(s)
	for {
		out := EscapeMarkdown(truncate(s, n))
		if utf8.RuneCountInString(out) <= maxContent {
			return out
		}
		n -= 100
	}
}

func staffComponents(bs []runner.StaffButton) []discordgo.MessageComponent {
	if len(bs) == 0 {
		return []discordgo.MessageComponent{}
	}
	var row []discordgo.MessageComponent
	for _, b := range bs {
		style := discordgo.SecondaryButton
		if strings.HasPrefix(b.Data, "r:ack:") {
			style = discordgo.PrimaryButton
		}
		row = append(row, discordgo.Button{Label: truncate(b.Label, maxButtonLabel), Style: style, CustomID: b.Data})
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// SendStaff posts m to the staff channel dest and returns the message id;
// it implements runner.StaffSender. The post carries a nonce Discord
// enforces, so a retry after a lost answer does not post it twice.
func (c *Channel) SendStaff(ctx context.Context, dest string, m runner.StaffMessage) (string, error) {
	if !isSnowflake(dest) {
		return "", fmt.Errorf("%w: not a Discord channel id", ErrRejected)
	}
	body := messageCreate{
		Content:         staffContent(m.Text),
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
		Nonce:           nonce(),
		EnforceNonce:    true,
	}
	if len(m.Buttons) > 0 {
		body.Components = staffComponents(m.Buttons)
	}
	url := discordgo.EndpointChannelMessages(dest)
	var resp []byte
	err := c.retry(ctx, "send staff message", func(o ...discordgo.RequestOption) (err error) {
		resp, err = c.s.RequestWithBucketID(http.MethodPost, url, body, url, o...)
		return err
	})
	if err != nil {
		return "", err
	}
	var msg discordgo.Message
	if err := json.Unmarshal(resp, &msg); err != nil || msg.ID == "" {
		return "", fmt.Errorf("%w: unreadable answer to a staff message", ErrUnavailable)
	}
	return msg.ID, nil
}

var _ runner.StaffPhotoSender = (*Channel)(nil)

// photoCreate is the payload_json of a message with an uploaded file.
type photoCreate struct {
	messageCreate
	Attachments []photoAttachment `json:"attachments"`
}

type photoAttachment struct {
	ID       int    `json:"id"`
	Filename string `json:"filename"`
}

// SendStaffPhoto posts the PNG image with caption to the staff channel
// dest, as Discord takes files: multipart/form-data with the message in
// "payload_json" and the image in "files[0]". It implements
// runner.StaffPhotoSender. The post carries an enforced nonce, so a retry
// after a lost answer does not post it twice.
func (c *Channel) SendStaffPhoto(ctx context.Context, dest string, png []byte, caption string) (string, error) {
	if !isSnowflake(dest) {
		return "", fmt.Errorf("%w: not a Discord channel id", ErrRejected)
	}
	const name = "chart.png"
	payload := photoCreate{
		messageCreate: messageCreate{
			Content:         staffContent(caption),
			AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
			Nonce:           nonce(),
			EnforceNonce:    true,
		},
		Attachments: []photoAttachment{{ID: 0, Filename: name}},
	}
	url := discordgo.EndpointChannelMessages(dest)
	var resp []byte
	err := c.retry(ctx, "send staff chart", func(o ...discordgo.RequestOption) error {
		// A fresh body per attempt: the reader is used up by a send.
		ctype, body, err := discordgo.MultipartBodyWithJSON(payload, []*discordgo.File{{Name: name, ContentType: "image/png", Reader: bytes.NewReader(png)}})
		if err != nil {
			return fmt.Errorf("%w: encode the chart upload: %v", ErrRejected, err)
		}
		resp, err = c.s.RequestRaw(http.MethodPost, url, ctype, body, url, 0, o...)
		return err
	})
	if err != nil {
		return "", err
	}
	var msg discordgo.Message
	if err := json.Unmarshal(resp, &msg); err != nil || msg.ID == "" {
		return "", fmt.Errorf("%w: unreadable answer to a staff chart", ErrUnavailable)
	}
	return msg.ID, nil
}

// EditStaff replaces the text and buttons of a staff message.
func (c *Channel) EditStaff(ctx context.Context, dest, msgID string, m runner.StaffMessage) error {
	content := staffContent(m.Text)
	comps := staffComponents(m.Buttons)
	edit := &discordgo.MessageEdit{ID: msgID, Channel: dest, Content: &content, Components: &comps,
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}}
	return c.retry(ctx, "edit staff message", func(o ...discordgo.RequestOption) error {
		_, err := c.s.ChannelMessageEditComplex(edit, o...)
		return err
	})
}

func staffInput(i *discordgo.Interaction, u *discordgo.User) runner.StaffInput {
	in := runner.StaffInput{Channel: "discord", Dest: i.ChannelID, User: u.ID, Name: u.GlobalName}
	if in.Name == "" {
		in.Name = u.Username
	}
	if i.Member != nil {
		in.Roles = i.Member.Roles
	}
	return in
}

// onStaffPress handles a press of a staff button: acknowledged at once
// (the message stays; the desk edits it), then the desk's answer is shown
// to the presser alone.
func (c *Channel) onStaffPress(i *discordgo.Interaction, u *discordgo.User, d runner.StaffDesk) {
	in := staffInput(i, u)
	in.Press = i.MessageComponentData().CustomID
	if i.Message != nil {
		in.MessageID = i.Message.ID
	}
	acked := c.ack(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate})
	c.goTracked(func() {
		<-acked
		text := c.staffReply(d, in)
		ctx, cancel := context.WithTimeout(c.work, 30*time.Second)
		defer cancel()
		if err := c.retry(ctx, "answer staff press", func(o ...discordgo.RequestOption) error {
			_, err := c.s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: staffContent(text), Flags: discordgo.MessageFlagsEphemeral,
				AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}}, o...)
			return err
		}); err != nil {
			c.log.Warn("discord staff answer not sent", "interaction", i.ID, "error", err)
		}
	})
}

// onStaffCommand handles a staff slash command: deferred (ephemeral) at
// once, then answered with the desk's reply.
func (c *Channel) onStaffCommand(i *discordgo.Interaction, u *discordgo.User, d runner.StaffDesk) {
	in := staffInput(i, u)
	data := i.ApplicationCommandData()
	in.Command = data.Name
	in.MessageID = i.ID // the interaction: one staff event
	var args []string
	for _, o := range data.Options {
		if o.Type == discordgo.ApplicationCommandOptionString {
			args = append(args, strings.TrimSpace(o.StringValue()))
		}
	}
	in.Args = strings.Join(args, " ")
	acked := c.ack(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}})
	c.goTracked(func() {
		<-acked
		text := textStaffOnly
		if i.GuildID != "" {
			text = c.staffReply(d, in)
		}
		content := staffContent(text)
		ctx, cancel := context.WithTimeout(c.work, 30*time.Second)
		defer cancel()
		if err := c.retry(ctx, "answer staff command", func(o ...discordgo.RequestOption) error {
			_, err := c.s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &content,
				AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}}, o...)
			return err
		}); err != nil {
			c.log.Warn("discord staff answer not sent", "interaction", i.ID, "error", err)
		}
	})
}

// staffReply runs the desk and returns the text to show. Presses and
// commands count only from a staff channel and from a person on the staff
// list (runner.StaffAllowed), both checked before the desk sees them; a
// refusal logs no raw user id.
func (c *Channel) staffReply(d runner.StaffDesk, in runner.StaffInput) string {
	if ok, why := runner.StaffAllowed(d, in); !ok {
		c.log.Info("discord staff action refused", "reason", "not from a staff "+why, "user", runner.LogID("dc:"+in.User))
		if why == "destination" {
			return textStaffOnly
		}
		return textStaffNotUser
	}
	ctx, cancel := context.WithTimeout(c.work, time.Minute)
	defer cancel()
	rep, err := d.HandleStaff(ctx, in)
	if err != nil {
		c.log.Warn("discord staff action failed", "error", err)
		return textStaffApology
	}
	if strings.TrimSpace(rep.Text) == "" {
		return "✓"
	}
	return rep.Text
}
