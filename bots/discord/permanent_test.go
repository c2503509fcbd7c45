package discord

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/discord/discordtest"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/store"
)

// An event whose handling fails for good (stored data that cannot be
// opened) is offered to the handler once, not once per handler attempt.
func TestPermanentHandlerErrorNotRetried(t *testing.T) {
	t.Parallel()
	h := start(t, discordtest.Options{}, Config{}, func(h *harness, ctx context.Context, in runner.Inbound) error {
		return fmt.Errorf("load session: %w", store.ErrUnreadable)
	}, WithHandlerRetry(5))
	if _, err := h.fake.SlashCommand(patientA, guild, "intake", nil); err != nil {
		t.Fatal(err)
	}
	h.waitEvents(1)
	time.Sleep(500 * time.Millisecond) // retries would come within the backoff
	if n := len(h.got()); n != 1 {
		t.Fatalf("handler called %d times, want 1 (no retry of a permanent failure)", n)
	}
	if !strings.Contains(h.logs.String(), "dropped") {
		t.Errorf("the dropped event was not logged:\n%s", h.logs.String())
	}
}
