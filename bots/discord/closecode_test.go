package discord

import (
	"bytes"
	"context"
	"encoding/binary"
	"net"
	"testing"
	"time"

	"github.com/kapbot/kapbot/bots/discord/discordtest"
	"github.com/kapbot/kapbot/internal/runner"
)

// recConn records what is written through it.
type recConn struct {
	net.Conn
	buf bytes.Buffer
}

func (r *recConn) Write(b []byte) (int, error) { return r.buf.Write(b) }

// frame builds a client frame: FIN, opcode, masked payload.
func frame(op byte, payload []byte) []byte {
	key := [4]byte{0x11, 0x22, 0x33, 0x44}
	b := []byte{0x80 | op}
	switch n := len(payload); {
	case n < 126:
		b = append(b, 0x80|byte(n))
	default:
		b = append(b, 0x80|126, byte(n>>8), byte(n))
	}
	b = append(b, key[:]...)
	for i, p := range payload {
		b = append(b, p^key[i%4])
	}
	return b
}

func closeCode(t *testing.T, f []byte) uint16 {
	t.Helper()
	h, _, ok := frameHeader(f)
	if !ok || f[0]&0x0f != 8 {
		t.Fatalf("not a close frame: % x", f)
	}
	key := f[h-4 : h]
	return binary.BigEndian.Uint16([]byte{f[h] ^ key[0], f[h+1] ^ key[1]})
}

func TestCloseCodeKeepsSessionResumable(t *testing.T) {
	t.Parallel()
	normal := frame(8, []byte{0x03, 0xe8}) // 1000
	data := bytes.Repeat([]byte{0x88, 0x82}, 100)
	cases := []struct {
		name   string
		ending bool
		writes [][]byte
		want   uint16
	}{
		{"reconnect", false, [][]byte{normal}, closeResumable},
		{"shutdown", true, [][]byte{normal}, 1000},
		{"after a data frame split across writes", false, [][]byte{frame(1, data)[:50], append(frame(1, data)[50:], normal...)}, closeResumable},
		{"another code is left alone", false, [][]byte{frame(8, []byte{0x0f, 0xa4})}, 4004},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recConn{}
			c := &closeCodeConn{Conn: rec, ending: func() bool { return tc.ending }, frames: true}
			var sent []byte
			for _, w := range tc.writes {
				orig := bytes.Clone(w)
				if n, err := c.Write(w); n != len(w) || err != nil {
					t.Fatalf("Write: %d, %v", n, err)
				}
				if !bytes.Equal(w, orig) {
					t.Fatal("the caller's buffer was changed")
				}
				sent = append(sent, w...)
			}
			got := rec.buf.Bytes()
			if len(got) != len(sent) {
				t.Fatalf("wrote %d bytes, want %d", len(got), len(sent))
			}
			last := got[len(got)-len(tc.writes[len(tc.writes)-1]):]
			if len(tc.writes) > 1 {
				last = got[len(got)-len(normal):]
				if !bytes.Equal(got[:len(got)-len(normal)], sent[:len(sent)-len(normal)]) {
					t.Fatal("a data frame was changed")
				}
			}
			if code := closeCode(t, last); code != tc.want {
				t.Fatalf("close code %d, want %d", code, tc.want)
			}
		})
	}
}

// A zombied gateway connection (no heartbeat ACKs) makes discordgo close
// and reconnect; the session is RESUMEd, not started anew, and a press made
// meanwhile reaches the handler.
func TestStalledConnectionResumes(t *testing.T) {
	t.Parallel()
	h := start(t, discordtest.Options{HeartbeatInterval: 50 * time.Millisecond, Logf: t.Logf}, Config{}, func(h *harness, ctx context.Context, in runner.Inbound) error {
		if in.Input.Command != nil {
			return h.send(ctx, in.Patient, question(1, "Ready?", "Yes", "No"))
		}
		return nil
	})
	if _, err := h.fake.SlashCommand(patientA, "", "intake", nil); err != nil {
		t.Fatal(err)
	}
	msgs := h.waitBot(patientA, 1)
	h.waitEvents(1)
	h.fake.StallHeartbeats()
	d, err := h.fake.PressButton(patientA, msgs[0].ID, "a:1:no")
	if err != nil {
		t.Fatal(err)
	}
	if !discordtest.Wait(30*time.Second, func() bool { return h.fake.Resumes() == 1 }) {
		t.Fatalf("no RESUME (identifies %d)", h.fake.Identifies())
	}
	ev := h.waitEvents(2)
	if ev[1].ID != "dc:i:"+d.ID {
		t.Fatalf("after the reconnect the handler got %v", ev[1].ID)
	}
	if n := h.fake.Identifies(); n != 1 {
		t.Fatalf("%d IDENTIFYs: the session was not resumed", n)
	}
}

// When a RESUME is refused and the bot starts a new gateway session, the
// reasker is called once, with the new session's id, so that patients are
// told again what the bot waits for.
func TestNewSessionReasks(t *testing.T) {
	t.Parallel()
	h := start(t, discordtest.Options{}, Config{}, nil)
	tags := make(chan string, 4)
	h.ch.SetReasker(func(_ context.Context, tag string) { tags <- tag })
	if !discordtest.Wait(30*time.Second, h.fake.Ready) {
		t.Fatal("not ready")
	}
	h.fake.Drop() // resumable: no reask
	if !discordtest.Wait(30*time.Second, func() bool { return h.fake.Resumes() == 1 && h.fake.Ready() }) {
		t.Fatal("no RESUME")
	}
	h.fake.EndSession()
	if !discordtest.Wait(30*time.Second, func() bool { return h.fake.Identifies() == 2 }) {
		t.Fatal("no new session")
	}
	select {
	case tag := <-tags:
		if tag == "" {
			t.Fatal("empty tag")
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the reasker was not called after the new session")
	}
	select {
	case tag := <-tags:
		t.Fatalf("called again (%q)", tag)
	case <-time.After(200 * time.Millisecond):
	}
}
