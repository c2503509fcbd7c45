package main

import (
	"log/slog"
	"strings"
	"testing"
)

// A bad value of a rate-limit setting stops serve with a message naming
// the setting; good ones are taken.
func TestRateLimitSettings(t *testing.T) {
	for _, tc := range []struct{ key, value, want string }{
		{envRateLimits, "both", envRateLimits},
		{envDiscordGlobal, "0", envDiscordGlobal},
		{envTelegramGlobal, "fast", envTelegramGlobal},
	} {
		t.Run(tc.key, func(t *testing.T) {
			t.Setenv(tc.key, tc.value)
			_, err := newSharedLimits(Config{}, &backend{prefix: "p"}, slog.New(slog.DiscardHandler), nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("%s=%s: %v; want an error naming %s", tc.key, tc.value, err, tc.want)
			}
		})
	}
	t.Setenv(envRateLimits, "local")
	t.Setenv(envDiscordGlobal, "500")
	t.Setenv(envTelegramGlobal, "100")
	l, err := newSharedLimits(Config{}, &backend{prefix: "p"}, slog.New(slog.DiscardHandler), nil)
	if err != nil {
		t.Fatal(err)
	}
	if l.rdb != nil || l.telegram != 100 || l.discord.Rate != 400 || l.discord.Window != 450 {
		t.Fatalf("local, Discord 500, Telegram 100: got shared=%v telegram=%v discord rate=%v window=%v", l.rdb != nil, l.telegram, l.discord.Rate, l.discord.Window)
	}
}
