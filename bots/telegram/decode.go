package telegram

import (
	"strconv"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/runner"
)

// botCommands is the command menu set with setMyCommands: English UI labels.
// /safe is left out: it is offered only after a safety pause.
var botCommands = []models.BotCommand{
	{Command: "start", Description: "Start or resume the conversation"},
	{Command: "help", Description: "What this bot can do"},
	{Command: "restart", Description: "Start again from the beginning"},
	{Command: "stop", Description: "Stop the conversation"},
	{Command: "language", Description: "Change the language"},
	{Command: "forget", Description: "Erase what you told me"},
	{Command: "appointments", Description: "Your appointments with the clinic"},
	{Command: "reminders", Description: "Reminders: /reminders off or /reminders on"},
}

// commands maps the command names a patient can type to the engine's.
var commands = map[string]engine.CommandName{
	"start":    engine.CmdStart,
	"help":     engine.CmdHelp,
	"restart":  engine.CmdRestart,
	"stop":     engine.CmdStop,
	"language": engine.CmdLanguage,
	"forget":   engine.CmdForget,
	"safe":     engine.CmdSafe,
	// Reminders (clinic.yaml schedules:).
	"appointments": engine.CmdAppointments,
	"reminders":    engine.CmdReminders,
}

// event is an update decoded for the handler, with what the channel needs to
// finish it: the callback query to answer and the message to edit.
type event struct {
	in    runner.Inbound
	chat  int64
	query string // callback query id, "" for a message
	press byte   // dataAnswer, dataToggle or dataDone for a button; 0 otherwise
	data  string // the button's callback data
	msg   int    // the message the button is on; 0 when inaccessible
	text  string // that message's text, as Telegram shows it
	kb    *models.InlineKeyboardMarkup
}

// routeKey is the chat an update belongs to, for ordering; 0 when none.
func routeKey(u *models.Update) int64 {
	switch {
	case u.Message != nil:
		return u.Message.Chat.ID
	case u.CallbackQuery != nil:
		if m := u.CallbackQuery.Message.Message; m != nil {
			return m.Chat.ID
		}
		if m := u.CallbackQuery.Message.InaccessibleMessage; m != nil && m.Chat.ID != 0 {
			return m.Chat.ID
		}
		return u.CallbackQuery.From.ID
	}
	return 0
}

// decode maps an update to an event. handle is false for what the channel
// ignores: other update kinds, messages outside private chats (patients talk
// to the bot alone; groups are for clinic notifications) and buttons whose
// data the channel did not draw. An ignored callback query still has
// ev.query set, so that it is answered.
func decode(u *models.Update, botName string, now time.Time) (ev event, handle bool) {
	switch {
	case u.Message != nil:
		m := u.Message
		if m.Chat.Type != models.ChatTypePrivate {
			return ev, false
		}
		ev.chat = m.Chat.ID
		ev.in = runner.Inbound{
			ID:      "tg:m:" + strconv.FormatInt(m.Chat.ID, 10) + ":" + strconv.Itoa(m.ID),
			Patient: patientID(m.Chat.ID),
			Input:   parseText(m.Text, botName),
		}
		if m.From != nil {
			ev.in.Locale = locale(m.From.LanguageCode)
		}
	case u.CallbackQuery != nil:
		q := u.CallbackQuery
		ev.query = q.ID
		ev.chat = routeKey(u)
		if m := q.Message.Message; m != nil {
			if m.Chat.Type != models.ChatTypePrivate {
				return ev, false
			}
			ev.msg, ev.text, ev.kb = m.ID, m.Text, m.ReplyMarkup
		}
		press, kind, ok := parseData(q.Data)
		if !ok || ev.chat == 0 {
			return ev, false
		}
		ev.press, ev.data = kind, q.Data
		ev.in = runner.Inbound{
			ID:      "tg:cb:" + q.ID,
			Patient: patientID(ev.chat),
			Locale:  locale(q.From.LanguageCode),
			Input:   engine.Input{Press: &press},
		}
	default:
		return ev, false
	}
	ev.in.Input.Now = now
	return ev, true
}

func patientID(chat int64) string { return "tg:" + strconv.FormatInt(chat, 10) }

// parsePatient returns the chat of a patient id "tg:<chat id>".
func parsePatient(patient string) (int64, bool) {
	rest, ok := strings.CutPrefix(patient, "tg:")
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil && id != 0
}

// parseText maps a message text to an input: a known command ("/cmd",
// "/cmd@thisbot", with an argument after a space) or plain text. A command
// addressed to another bot, or unknown, is plain text. A message without text
// (a sticker, a photo) gives Text "", which the engine answers as not text.
func parseText(text, botName string) engine.Input {
	if !strings.HasPrefix(text, "/") {
		return engine.Input{Text: text}
	}
	head, arg, _ := strings.Cut(strings.TrimSpace(text[1:]), " ")
	if i := strings.IndexAny(head, "\n\t"); i >= 0 { // "/start\nmore"
		head, arg = head[:i], head[i+1:]+" "+arg
	}
	name, to, addressed := strings.Cut(head, "@")
	if addressed && botName != "" && !strings.EqualFold(to, botName) {
		return engine.Input{Text: text}
	}
	cmd, ok := commands[strings.ToLower(name)]
	if !ok {
		return engine.Input{Text: text}
	}
	return engine.Input{Command: &engine.Command{Name: cmd, Arg: strings.TrimSpace(arg)}}
}

// parseData reads callback data the channel drew: "a:<seq>:<value>",
// "m:<seq>:<value>" or "d:<seq>".
func parseData(data string) (engine.Press, byte, bool) {
	if len(data) < 3 || data[1] != ':' {
		return engine.Press{}, 0, false
	}
	kind := data[0]
	rest := data[2:]
	switch kind {
	case dataAnswer, dataToggle:
		s, v, ok := strings.Cut(rest, ":")
		seq, err := strconv.Atoi(s)
		if !ok || err != nil {
			return engine.Press{}, 0, false
		}
		if kind == dataToggle && v == "" {
			return engine.Press{}, 0, false
		}
		return engine.Press{Seq: seq, Value: v}, kind, true
	case dataDone:
		seq, err := strconv.Atoi(rest)
		if err != nil {
			return engine.Press{}, 0, false
		}
		return engine.Press{Seq: seq}, kind, true
	}
	return engine.Press{}, 0, false
}

// locale reduces an IETF language tag ("pt-br") to its two-letter language
// ("pt"); "" when there is none.
func locale(code string) string {
	lang, _, _ := strings.Cut(strings.ToLower(code), "-")
	if len(lang) != 2 || lang[0] < 'a' || lang[0] > 'z' || lang[1] < 'a' || lang[1] > 'z' {
		return ""
	}
	return lang
}
