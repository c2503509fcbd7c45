package telegramtest

import (
	"fmt"
	"strconv"
	"time"

	"github.com/go-telegram/bot/models"
)

// Group chats (negative ids) have several members. PushTextAs and PressAs
// act as one of them; PushText and Press act as the default member 4242.

// member is the user with id writing in chat c.
func (c *chat) member(id int64, name string) models.User {
	if name == "" {
		name = "User " + strconv.FormatInt(id, 10)
	}
	return models.User{ID: id, FirstName: name, LanguageCode: c.lang}
}

// PushTextAs queues a text message from user (id and first name) in
// chatID, usually a group, and returns its update id.
func (s *Server) PushTextAs(chatID, userID int64, name, text string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chatLocked(chatID)
	c.nextMsg++
	from := c.member(userID, name)
	m := &models.Message{ID: c.nextMsg, From: &from, Date: int(time.Now().Unix()), Chat: c.model(), Text: text}
	c.msgs = append(c.msgs, &message{Message: Message{ID: m.ID, Text: m.Text}})
	return s.queueLocked(&models.Update{Message: m})
}

// PressAs queues a callback query of user (id and first name) pressing the
// button with data on the bot's message messageID in chatID, and returns
// the query id (for Answer). It fails if the message has no such button now.
func (s *Server) PressAs(chatID, userID int64, name string, messageID int, data string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chats[chatID]
	if c == nil {
		return "", fmt.Errorf("telegramtest: no chat %d", chatID)
	}
	m := c.find(messageID)
	if m == nil || !m.fromBot {
		return "", fmt.Errorf("telegramtest: chat %d has no bot message %d", chatID, messageID)
	}
	found := false
	for _, row := range m.Keyboard {
		for _, b := range row {
			found = found || b.Data == data
		}
	}
	if !found {
		return "", fmt.Errorf("telegramtest: message %d in chat %d has no button %q", messageID, chatID, data)
	}
	s.nextQuery++
	id := fmt.Sprintf("cbq%d", 7000000+s.nextQuery)
	s.queries[id] = &query{}
	cq := &models.CallbackQuery{
		ID:           id,
		From:         c.member(userID, name),
		Message:      models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage, Message: s.modelLocked(c, m)},
		ChatInstance: "ci" + strconv.FormatInt(chatID, 10),
		Data:         data,
	}
	s.queueLocked(&models.Update{CallbackQuery: cq})
	return id, nil
}

// PushReplyAs queues a text message from user in chatID replying to
// message replyTo (the bot's, as Telegram marks it), and returns its
// update id.
func (s *Server) PushReplyAs(chatID, userID int64, name string, replyTo int, text string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chatLocked(chatID)
	c.nextMsg++
	from := c.member(userID, name)
	botUser := s.botUser()
	m := &models.Message{ID: c.nextMsg, From: &from, Date: int(time.Now().Unix()), Chat: c.model(), Text: text,
		ReplyToMessage: &models.Message{ID: replyTo, From: &botUser, Chat: c.model()}}
	c.msgs = append(c.msgs, &message{Message: Message{ID: m.ID, Text: m.Text}})
	return s.queueLocked(&models.Update{Message: m})
}
