package main

import (
	"strings"
	"testing"
)

// Crisis language during a human takeover, end to end through Telegram:
// the staff writing with the patient see the message in their group at
// once, and the patient gets the crisis resources from the bot.
func TestServeCrisisDuringTakeover(t *testing.T) {
	useRedis(t)
	fake := serveStaff(t, "10m")

	const chat = 4545
	_, id := crisisReferral(t, fake, chat)
	fake.PushTextAs(staffGroup, staffTG, "Alex", "/takeover "+id)
	eventually(t, "the patient told", func() bool {
		for _, m := range fake.Messages(chat) {
			if strings.Contains(m.Text, "has joined this conversation") {
				return true
			}
		}
		return false
	})
	n := len(fake.Messages(chat))
	fake.PushText(chat, "I have the pills in front of me, I am going to kill myself tonight")
	eventually(t, "the message in the staff group", func() bool {
		for _, m := range fake.Messages(staffGroup) {
			if strings.Contains(m.Text, "going to kill myself tonight") && strings.Contains(m.Text, "Patient of referral "+id) {
				return true
			}
		}
		return false
	})
	eventually(t, "the crisis resources at the patient", func() bool {
		ms := fake.Messages(chat)
		for _, m := range ms[min(n, len(ms)):] {
			if strings.Contains(m.Text, "741741") {
				return true
			}
		}
		return false
	})
}
