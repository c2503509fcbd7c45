package keyqueue

import (
	"slices"
	"sync"
	"testing"
	"time"
)

// TestOrderPerKeyConcurrencyAcrossKeys checks that one key's items run one at
// a time in order while another key's run beside them.
func TestOrderPerKeyConcurrencyAcrossKeys(t *testing.T) {
	var mu sync.Mutex
	got := map[string][]int{}
	busy := map[string]bool{}
	release := make(chan struct{})
	var wg sync.WaitGroup
	q := New(func(k string, v int) bool {
		defer wg.Done()
		mu.Lock()
		if busy[k] {
			t.Errorf("two items of %s at once", k)
		}
		busy[k] = true
		mu.Unlock()
		if k == "a" && v == 0 {
			<-release // a's first item waits until b has run: keys are concurrent
		}
		mu.Lock()
		busy[k] = false
		got[k] = append(got[k], v)
		mu.Unlock()
		return true
	}, nil, 0)
	wg.Add(6)
	for i := range 3 {
		q.Push("a", i)
	}
	for i := range 3 {
		q.Push("b", i)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		mu.Lock()
		n := len(got["b"])
		mu.Unlock()
		if n == 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("key b waited for key a")
		}
		time.Sleep(time.Millisecond)
	}
	close(release)
	wg.Wait()
	if !slices.Equal(got["a"], []int{0, 1, 2}) || !slices.Equal(got["b"], []int{0, 1, 2}) {
		t.Fatalf("order: %v", got)
	}
}

// TestLimitRefuseAndStop checks the bound per key, a refused worker, and that
// a worker told to stop leaves the rest unrun.
func TestLimitRefuseAndStop(t *testing.T) {
	hold := make(chan struct{})
	started := make(chan struct{}, 10)
	ran := make(chan int, 10)
	q := New(func(_ string, v int) bool {
		started <- struct{}{}
		<-hold
		ran <- v
		return v != 1
	}, nil, 2)
	if q.Push("k", 0) != Queued {
		t.Fatal("first push not queued")
	}
	<-started // 0 is taken off the queue and runs (held)
	if q.Push("k", 1) != Queued || q.Push("k", 2) != Queued {
		t.Fatal("pushes within the limit not queued")
	}
	// 0 runs (held); 1 and 2 wait: the bound of 2 is reached.
	if r := q.Push("k", 3); r != Full {
		t.Fatalf("push over the limit: %v, want Full", r)
	}
	close(hold)
	if a, b := <-ran, <-ran; a != 0 || b != 1 {
		t.Fatalf("ran %d, %d", a, b)
	}
	select {
	case v := <-ran:
		t.Fatalf("item %d ran after run said stop", v)
	case <-time.After(50 * time.Millisecond):
	}
	refuse := New(func(string, int) bool { return true }, func(func()) bool { return false }, 0)
	if r := refuse.Push("k", 0); r != Refused {
		t.Fatalf("refused spawn: %v", r)
	}
	if len(refuse.items) != 0 {
		t.Fatal("a refused key keeps its queue")
	}
}
