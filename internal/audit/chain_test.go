package audit

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kapbot/kapbot/internal/redistest"
	"github.com/kapbot/kapbot/internal/seal"
)

// chain records n entries and returns the log and its stream entries.
func chain(t *testing.T, n int) (*Log, redis.UniversalClient, string, []redis.XMessage) {
	t.Helper()
	c, prefix := redistest.New(t)
	ctx := context.Background()
	l := New(c, prefix, seal.NewRandom())
	for i := range n {
		if err := l.Record(ctx, Entry{Actor: "alice", Action: "export", Target: fmt.Sprintf("n=%d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	msgs, _ := c.XRange(ctx, prefix+":audit", "-", "+").Result()
	if len(msgs) != n {
		t.Fatalf("%d entries", len(msgs))
	}
	rep, err := l.Verify(ctx)
	if err != nil || !rep.OK() || rep.Last != int64(n) {
		t.Fatalf("untouched log: %+v %v", rep, err)
	}
	return l, c, prefix + ":audit", msgs
}

// problems verifies and returns "kind@entry" for each problem.
func problems(t *testing.T, l *Log) []string {
	t.Helper()
	rep, err := l.Verify(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range rep.Problems {
		out = append(out, p.Kind+"@"+p.Entry)
	}
	return out
}

// rewrite replaces the stream with msgs, keeping their ids, as someone
// with write access to Redis could.
func rewrite(t *testing.T, c redis.UniversalClient, key string, msgs []redis.XMessage) {
	ctx := context.Background()
	c.Del(ctx, key)
	for _, m := range msgs {
		if err := c.XAdd(ctx, &redis.XAddArgs{Stream: key, ID: m.ID, Values: m.Values}).Err(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestVerifyFindsDeletedEntry(t *testing.T) {
	l, c, key, msgs := chain(t, 5)
	c.XDel(context.Background(), key, msgs[2].ID)
	if got := problems(t, l); len(got) != 1 || got[0] != ProblemDeleted+"@"+msgs[3].ID {
		t.Fatalf("problems %v, want deleted@%s", got, msgs[3].ID)
	}
}

func TestVerifyFindsDeletedLastEntries(t *testing.T) {
	l, c, key, msgs := chain(t, 5)
	c.XDel(context.Background(), key, msgs[3].ID, msgs[4].ID)
	rep, _ := l.Verify(context.Background())
	if len(rep.Problems) != 1 || rep.Problems[0].Kind != ProblemDeleted || !strings.Contains(rep.Problems[0].Detail, msgs[2].ID) {
		t.Fatalf("problems %+v", rep.Problems)
	}
}

func TestVerifyFindsReplayedEntry(t *testing.T) {
	l, c, key, msgs := chain(t, 4)
	id, err := c.XAdd(context.Background(), &redis.XAddArgs{Stream: key, Values: msgs[1].Values}).Result()
	if err != nil {
		t.Fatal(err)
	}
	got := problems(t, l)
	if len(got) != 1 || got[0] != ProblemReplayed+"@"+id {
		t.Fatalf("problems %v, want replayed@%s", got, id)
	}
	// A replay in the middle (the stream rewritten around it) too.
	l2, c2, key2, msgs2 := chain(t, 4)
	dup := redis.XMessage{Values: msgs2[0].Values}
	order := []redis.XMessage{msgs2[0], msgs2[1], msgs2[2], dup, msgs2[3]}
	for i := range order {
		order[i].ID = fmt.Sprintf("%d-1", i+1)
	}
	dup.ID = order[3].ID
	rewrite(t, c2, key2, order)
	if got := problems(t, l2); len(got) != 1 || got[0] != ProblemReplayed+"@"+dup.ID {
		t.Fatalf("problems %v, want replayed@%s", got, dup.ID)
	}
}

func TestVerifyFindsEditedEntry(t *testing.T) {
	l, c, key, msgs := chain(t, 4)
	d := []byte(msgs[2].Values["d"].(string))
	d[len(d)/2] ^= 1
	msgs[2].Values = map[string]any{"d": string(d)}
	rewrite(t, c, key, msgs)
	if got := problems(t, l); len(got) != 1 || got[0] != ProblemEdited+"@"+msgs[2].ID {
		t.Fatalf("problems %v, want edited@%s", got, msgs[2].ID)
	}
	// An entry sealed under another key (someone with another install's key).
	l2, c2, key2, msgs2 := chain(t, 3)
	forged := New(c2, "elsewhere", seal.NewRandom())
	forged.key = key2
	forged.head = key2 + ":{" + key2 + "}:forged" // its own head, in the stream's cluster slot
	forged.Record(context.Background(), Entry{Actor: "mallory", Action: "export"})
	last, _ := c2.XRevRangeN(context.Background(), key2, "+", "-", 1).Result()
	got := problems(t, l2)
	if len(got) == 0 || got[0] != ProblemEdited+"@"+last[0].ID {
		t.Fatalf("forged entry: %v (entries %d)", got, len(msgs2))
	}
}

func TestTrimKeepsChainVerifiable(t *testing.T) {
	l, c, key, msgs := chain(t, 10)
	ctx := context.Background()
	n, err := l.Trim(ctx, 4)
	if err != nil || n != 6 {
		t.Fatalf("trim: %d %v", n, err)
	}
	rep, _ := l.Verify(ctx)
	if !rep.OK() || rep.TrimmedTo != 6 || rep.Entries != 4 {
		t.Fatalf("after trim: %+v", rep)
	}
	// Deleting the first kept entry is still seen.
	c.XDel(ctx, key, msgs[6].ID)
	if got := problems(t, l); len(got) != 1 || got[0] != ProblemDeleted+"@"+msgs[7].ID {
		t.Fatalf("problems %v", got)
	}
}

func TestConcurrentRecordsFormOneChain(t *testing.T) {
	c, prefix := redistest.New(t)
	ctx := context.Background()
	sealer := seal.NewRandom()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := New(c, prefix, sealer) // one per "process"
			for i := range 10 {
				if err := l.Record(ctx, Entry{Actor: fmt.Sprintf("w%d", w), Action: "export", Target: fmt.Sprint(i)}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	rep, err := New(c, prefix, sealer).Verify(ctx)
	if err != nil || !rep.OK() || rep.Last != 40 || rep.Entries != 40 {
		t.Fatalf("%+v %v", rep, err)
	}
}

func TestValidActor(t *testing.T) {
	for name, ok := range map[string]bool{
		"alice":                            true,
		"Dr. Alex Example":                 true,
		"telegram:111 (Zoë)":               true,
		"":                                 false,
		"   ":                              false,
		"alice\n2026-11-03T09:00:00Z  bob": false,
		"alice\r":                          false,
		"\x1b[2Jalice":                     false,
		"ali\u202ece":                      false,
		strings.Repeat("a", 129):           false,
		"bad\xffutf8":                      false,
	} {
		if err := ValidActor(name); (err == nil) != ok {
			t.Errorf("ValidActor(%q) = %v", name, err)
		}
	}
	c, prefix := redistest.New(t)
	l := New(c, prefix, seal.NewRandom(), WithClock(func() time.Time { return time.Unix(0, 0) }))
	if err := l.Record(context.Background(), Entry{Actor: "a\nb", Action: "export"}); err != ErrBadActor {
		t.Fatalf("Record with a newline in the actor: %v", err)
	}
}

func TestActorNamePassesValidActor(t *testing.T) {
	for _, name := range []string{"", "Alex", "Al\nex\x1b[2J", "\t", strings.Repeat("ж", 300), "a\u202eb"} {
		a := ActorName("telegram:111", name)
		if err := ValidActor(a); err != nil || !strings.HasPrefix(a, "telegram:111") {
			t.Errorf("ActorName(%q) = %q: %v", name, a, err)
		}
	}
	if a := ActorName("telegram:111", "Alex"); a != "telegram:111 (Alex)" {
		t.Errorf("%q", a)
	}
}
