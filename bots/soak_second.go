//go:build soak

package main

import (
	"fmt"
	"os"
	"time"

	"github.com/kapbot/kapbot/bots/telegram"
)

// envSoakSecond is read only by a binary built with the soak tag (TestSoak
// builds one): the length of one Telegram second, shortened together with
// the fake Bot API's (telegramtest.WithSecond), so that a soak of
// thousands of patients keeps the shape of Telegram's limits (30 messages
// a second for the bot, one a second per chat) on a faster clock. A
// production build has no such setting.
const envSoakSecond = "KAPBOT_SOAK_TELEGRAM_SECOND"

func init() {
	v := os.Getenv(envSoakSecond)
	if v == "" {
		return
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		fmt.Fprintf(os.Stderr, "%s=%q: want a duration such as 50ms\n", envSoakSecond, v)
		os.Exit(2)
	}
	telegramOptions = append(telegramOptions, telegram.WithSecond(d))
}
