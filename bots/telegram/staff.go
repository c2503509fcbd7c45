package telegram

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/kapbot/kapbot/internal/runner"
)

// The staff side: referral notifications are posted to clinic group chats
// (clinic.yaml destinations), and what happens there, commands typed in
// such a chat and presses of staff buttons ("r:..." callback data)
// anywhere, is staff business, never the patient engine's. Before the
// StaffDesk sees an event, both checks hold: it comes from a staff chat
// (clinic.yaml destinations) and from a person on the staff list
// (runner.StaffAllowed); anything else is refused here, and the raw user id
// never logged.

var _ runner.StaffSender = (*Channel)(nil)

// staffApology is shown when the desk failed (storage unavailable).
const staffApology = "Sorry, that did not work just now. Please try again in a moment."

// Refusals of staff actions.
const (
	textStaffElsewhere = "Staff buttons and commands work only in the clinic's staff group."
	textStaffNotUser   = "Sorry, only the clinic's care team listed in clinic.yaml can act on referrals."
)

// maxAnswerText is Telegram's limit on a callback query answer's text.
const maxAnswerText = 200

// SetStaffDesk routes staff events to d. Call it before Run.
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

// SendStaff posts m to the group chat dest and returns the message id; it
// implements runner.StaffSender. The text is sent literally (escaped) and
// cut to fit one message.
func (c *Channel) SendStaff(ctx context.Context, dest string, m runner.StaffMessage) (string, error) {
	chat, err := strconv.ParseInt(dest, 10, 64)
	if err != nil || chat == 0 {
		return "", fmt.Errorf("%w: not a Telegram chat id", ErrRejected)
	}
	params := &bot.SendMessageParams{ChatID: chat, Text: staffHTML(m.Text), ParseMode: models.ParseModeHTML}
	if kb := staffKeyboard(m.Buttons); len(kb.InlineKeyboard) > 0 {
		params.ReplyMarkup = kb
	}
	var id int
	st := step{method: "sendMessage", run: func(ctx context.Context) (*models.Message, error) {
		return c.bot.SendMessage(ctx, params)
	}, sent: func(msg *models.Message) { id = msg.ID }}
	if err := c.send.do(ctx, chat, []step{st}); err != nil {
		return "", err
	}
	return strconv.Itoa(id), nil
}

// EditStaff replaces the text and buttons of a staff message.
func (c *Channel) EditStaff(ctx context.Context, dest, msgID string, m runner.StaffMessage) error {
	chat, err := strconv.ParseInt(dest, 10, 64)
	if err != nil || chat == 0 {
		return fmt.Errorf("%w: not a Telegram chat id", ErrRejected)
	}
	id, err := strconv.Atoi(msgID)
	if err != nil {
		return fmt.Errorf("%w: not a Telegram message id", ErrRejected)
	}
	params := &bot.EditMessageTextParams{ChatID: chat, MessageID: id, Text: staffHTML(m.Text), ParseMode: models.ParseModeHTML,
		ReplyMarkup: staffKeyboard(m.Buttons)}
	return c.send.do(ctx, chat, []step{{method: "editMessageText", run: func(ctx context.Context) (*models.Message, error) {
		return c.bot.EditMessageText(ctx, params)
	}}})
}

// staffHTML escapes a staff text, cut to one message.
func staffHTML(s string) string {
	if textLen(s) > MaxText {
		s = s[:prefixFitting(s, MaxText-1)] + "…"
	}
	return escape(s)
}

func staffKeyboard(bs []runner.StaffButton) *models.InlineKeyboardMarkup {
	row := []models.InlineKeyboardButton{}
	for _, b := range bs {
		row = append(row, models.InlineKeyboardButton{Text: b.Label, CallbackData: b.Data})
	}
	kb := &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{}}
	if len(row) > 0 {
		kb.InlineKeyboard = append(kb.InlineKeyboard, row)
	}
	return kb
}

// staffEvent decodes u when it belongs to the staff side: a press of a
// staff button, or a message in a staff chat. handled is false for
// everything else (the patient path). in.Command and in.Press are both
// empty for staff chat chatter, which is ignored.
func (c *Channel) staffEvent(u *models.Update) (in runner.StaffInput, query string, handled bool) {
	d := c.staffDesk()
	if d == nil {
		return in, "", false
	}
	in.Channel = "telegram"
	switch {
	case u.CallbackQuery != nil:
		q := u.CallbackQuery
		chat := routeKey(u)
		if !strings.HasPrefix(q.Data, "r:") && !d.IsStaffDest("telegram", strconv.FormatInt(chat, 10)) {
			return in, "", false
		}
		in.Dest = strconv.FormatInt(chat, 10)
		in.User, in.Name = strconv.FormatInt(q.From.ID, 10), displayName(q.From)
		in.Press = q.Data
		if m := q.Message.Message; m != nil {
			in.MessageID = strconv.Itoa(m.ID)
		}
		return in, q.ID, true
	case u.Message != nil:
		m := u.Message
		if m.Chat.Type == models.ChatTypePrivate || !d.IsStaffDest("telegram", strconv.FormatInt(m.Chat.ID, 10)) {
			return in, "", false
		}
		in.Dest = strconv.FormatInt(m.Chat.ID, 10)
		if m.From != nil {
			in.User, in.Name = strconv.FormatInt(m.From.ID, 10), displayName(*m.From)
		}
		in.MessageID = strconv.Itoa(m.ID)
		text := strings.TrimSpace(m.Text)
		if !strings.HasPrefix(text, "/") {
			// A reply to one of the bot's messages may be for a patient
			// whose conversation is taken over (the desk decides).
			if r := m.ReplyToMessage; r != nil && text != "" && (r.From == nil || r.From.IsBot) {
				in.Command, in.Args, in.ReplyTo = "reply", text, strconv.Itoa(r.ID)
			}
			return in, "", true
		}
		head, args, _ := strings.Cut(text[1:], " ")
		if i := strings.IndexAny(head, "\n\t"); i >= 0 {
			head, args = head[:i], head[i+1:]+" "+args
		}
		name, to, addressed := strings.Cut(head, "@")
		if addressed && c.name() != "" && !strings.EqualFold(to, c.name()) {
			return in, "", true // a command for another bot in the group
		}
		in.Command, in.Args = strings.ToLower(name), strings.TrimSpace(args)
		return in, "", true
	}
	return in, "", false
}

func displayName(u models.User) string {
	n := strings.TrimSpace(u.FirstName + " " + u.LastName)
	if n == "" {
		n = u.Username
	}
	return n
}

// processStaff hands a staff event to the desk and answers: a press with a
// short callback answer, a command with a message in the chat. A desk
// failure is answered with an apology and not retried (the person can
// press again); it returns an error only when ctx ended.
func (c *Channel) processStaff(ctx context.Context, in runner.StaffInput, query string, st *procState) error {
	if in.Command == "" && in.Press == "" {
		return nil
	}
	var rep runner.StaffReply
	var err error
	if ok, why := runner.StaffAllowed(c.staffDesk(), in); !ok {
		c.log.Info("telegram: staff action refused", "reason", "not from a staff "+why, "user", runner.LogID("tg:"+in.User))
		rep = runner.StaffReply{Text: textStaffNotUser, Refused: true}
		if why == "destination" {
			rep.Text = textStaffElsewhere
		}
	} else {
		rep, err = c.staffDesk().HandleStaff(ctx, in)
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c.log.Warn("telegram: staff action failed", "err", err)
		rep = runner.StaffReply{Text: staffApology}
	}
	if query != "" {
		if !st.answered {
			c.answerWith(ctx, query, cutRunes(rep.Text, maxAnswerText))
			st.answered = true
		}
		return nil
	}
	if strings.TrimSpace(rep.Text) == "" {
		return nil
	}
	if _, err := c.SendStaff(ctx, in.Dest, runner.StaffMessage{Text: rep.Text}); err != nil && ctx.Err() == nil {
		c.log.Warn("telegram: staff reply not sent", "chat", in.Dest, "err", err)
	}
	return nil
}

func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

var _ runner.StaffPhotoSender = (*Channel)(nil)

// maxCaption is Telegram's limit on a photo caption, in characters.
const maxCaption = 1024

// SendStaffPhoto uploads the PNG image to the group chat dest (sendPhoto)
// with caption, and returns the message id; it implements
// runner.StaffPhotoSender.
func (c *Channel) SendStaffPhoto(ctx context.Context, dest string, png []byte, caption string) (string, error) {
	chat, err := strconv.ParseInt(dest, 10, 64)
	if err != nil || chat == 0 {
		return "", fmt.Errorf("%w: not a Telegram chat id", ErrRejected)
	}
	var id int
	st := step{method: "sendPhoto", run: func(ctx context.Context) (*models.Message, error) {
		// A fresh reader per attempt: a retry uploads the whole image.
		return c.bot.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: chat, Caption: escape(cutRunes(caption, maxCaption-50)), ParseMode: models.ParseModeHTML,
			Photo: &models.InputFileUpload{Filename: "course.png", Data: bytes.NewReader(png)}})
	}, sent: func(msg *models.Message) { id = msg.ID }}
	if err := c.send.do(ctx, chat, []step{st}); err != nil {
		return "", err
	}
	return strconv.Itoa(id), nil
}
