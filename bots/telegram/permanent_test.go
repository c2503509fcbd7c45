package telegram

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/store"
)

// An update whose handling fails for good (stored data that cannot be
// opened) is not retried: it is dropped, and the chat goes on.
func TestPermanentHandlerErrorNotRetried(t *testing.T) {
	s := newFake(t)
	rec := newRecorder(func(ctx context.Context, in runner.Inbound, n int) error {
		if in.Input.Text == "first" {
			return fmt.Errorf("load session: %w", store.ErrUnreadable)
		}
		return nil
	})
	run(t, newChannel(t, s, rec.handle))
	s.PushText(3, "first")
	last := s.PushText(3, "second")
	waitFor(t, "offset past both", func() bool { return s.Confirmed() >= last })
	time.Sleep(50 * time.Millisecond) // a retry would come within the backoff
	var got []string
	for _, in := range rec.calls() {
		got = append(got, in.Input.Text)
	}
	if want := []string{"first", "second"}; !slices.Equal(got, want) {
		t.Fatalf("calls = %v, want %v (no retry of a permanent failure)", got, want)
	}
}
