package store

import (
	"context"
	"crypto/rand"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/kapbot/kapbot/internal/redistest"
)

// BenchmarkCommit measures message throughput: 64 patients commit in
// parallel, each commit writing a 1 KB state and one outbox job, against a
// real Redis (the redis-server that redistest starts, or REDIS_URL):
//
//	go test ./internal/store -run '^$' -bench BenchmarkCommit -benchtime 5s
func BenchmarkCommit(b *testing.B) {
	if redistest.Kind() == redistest.KindMiniredis {
		b.Skip("needs a real Redis: install redis-server or set REDIS_URL")
	}
	f := newFixture(b)
	ctx := context.Background()
	const patients = 64
	state := make([]byte, 1024)
	rand.Read(state)
	job := []byte(`{"send":{"kind":"question","text":"..."}}`)

	// At least one goroutine per patient.
	procs := runtime.GOMAXPROCS(0)
	b.SetParallelism((patients + procs - 1) / procs)
	var goroutines atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		g := goroutines.Add(1) - 1
		patient := fmt.Sprintf("tg:%d", g%patients)
		var version int64
		for i := 0; pb.Next(); i++ {
			c := Commit{InboundID: fmt.Sprintf("m:%d:%d", g, i), Data: state, Outbox: [][]byte{job}}
			for {
				c.Expect = version
				out, err := f.store.Commit(ctx, patient, c)
				if err != nil {
					b.Error(err)
					return
				}
				version = out.Version
				if !out.Conflict { // two goroutines may share a patient
					break
				}
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}
