package runner_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/kapbot/kapbot/flows"
	"github.com/kapbot/kapbot/internal/engine"
	"github.com/kapbot/kapbot/internal/flow"
	"github.com/kapbot/kapbot/internal/pseudo"
	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/runner"
	"github.com/kapbot/kapbot/internal/seal"
	"github.com/kapbot/kapbot/internal/store"
)

// lastPrompt keeps the last message with choices sent to each patient.
type lastPrompt struct {
	mu   sync.Mutex
	last map[string]engine.Message
}

func (l *lastPrompt) Send(_ context.Context, p string, m engine.Message) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.last[p] = m
	return nil
}

// TestMemoryPerSession walks the sample intake flow to its end and checks
// that a stored session (state and remembered message ids) stays within
// 2.5 KB of Redis memory at every step. (2 KB until the health checklist grew
// to 25 questions, whose answers the session holds until it is scored, and
// the intake went on after a crisis answer: about 2.1 KB on the longest walk.)
func TestMemoryPerSession(t *testing.T) {
	if redistest.Kind() == redistest.KindMiniredis {
		t.Skip("MEMORY USAGE needs a real redis-server")
	}
	// "low" answers No and the first option: the shortest intake; "high"
	// picks the third option: the full PHQ-9 and GAD-7 run too.
	for _, policy := range []string{"low", "high"} {
		t.Run(policy, func(t *testing.T) { walkIntake(t, policy) })
	}
}

func walkIntake(t *testing.T, policy string) {
	client, prefix := redistest.New(t)
	st := store.New(client, prefix, seal.NewRandom())
	b, probs, err := flow.LoadFS(flows.FS)
	if err != nil || probs.Err() != nil {
		t.Fatalf("sample flows: %v %v", err, probs.Err())
	}
	ctx := context.Background()
	if err := st.Publish(ctx, b.Version, b.Sources); err != nil {
		t.Fatal(err)
	}
	rec := &lastPrompt{last: map[string]engine.Message{}}
	r := runner.New(st, runner.NewLibrary(st))
	r.Register("t", rec)
	const p = "t:1"
	base := prefix + ":u:{" + pseudo.Default().Name(p) + "}:"
	keys := []string{base + "s", base + "d", base + "i", base + "n"} // state, applied ids (:d; :i before), sealed id
	worst := int64(0)
	for i := 0; i < 150; i++ {
		in := engine.Input{Command: &engine.Command{Name: engine.CmdStart, Arg: "kap-intake"}}
		if i > 0 {
			m := rec.last[p]
			switch {
			case len(m.Choices) == 0:
				in = engine.Input{Text: "I hope to feel less stuck and to reconnect with my family and friends."}
			default:
				pick := m.Choices[0].Value
				if policy == "high" && len(m.Choices) > 2 {
					pick = m.Choices[2].Value
				}
				for _, c := range m.Choices {
					if c.Label == "All correct" {
						pick = c.Value // a review: confirm, or the walk never ends
						break
					}
					if policy == "high" && len(m.Choices) > 2 {
						continue
					}
					if c.Label == "No" || c.Label == "All correct" {
						pick = c.Value
					}
					if strings.Contains(strings.ToLower(m.Text), "agree") && c.Label == "Yes" {
						pick = c.Value
						break
					}
				}
				in = engine.Input{Press: &engine.Press{Seq: m.Seq, Value: pick}}
			}
		}
		if err := r.Handle(ctx, runner.Inbound{ID: fmt.Sprint("m", i), Patient: p, Input: in}); err != nil {
			t.Fatal(err)
		}
		total := int64(0)
		for _, k := range keys {
			n, err := client.MemoryUsage(ctx, k).Result()
			if err == nil {
				total += n
			}
		}
		worst = max(worst, total)
		sess, _ := st.Load(ctx, p)
		state, _ := runner.DecodeState(sess.Data)
		if state.Status == engine.Ended {
			t.Logf("intake ended after %d inputs with %d results; largest session %d bytes of Redis memory", i, len(state.Results), worst)
			if min := map[string]int{"low": 5, "high": 3}[policy]; len(state.Results) < min {
				t.Fatalf("only %d questionnaires ran; the walk did not cover the intake", len(state.Results))
			}
			if worst > 2560 { // 2048 before the sealed patient id (:n, about 170 bytes) and the 25-question checklist
				t.Fatalf("a session took %d bytes of Redis memory, want at most 2560", worst)
			}
			return
		}
	}
	t.Fatal("intake did not end")
}
