package discord

import (
	"context"
	"crypto/tls"
	"encoding/binary"
	"net"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"

	"github.com/gorilla/websocket"
)

// Keeping the gateway session resumable.
//
// discordgo v0.29.0 closes the gateway websocket with code 1000 (normal
// closure) whenever it reconnects after a read error or a missed heartbeat
// ACK, and then tries to RESUME. Discord ends a session closed with 1000 or
// 1001, so that RESUME is refused, the bot IDENTIFYs anew, and every event of
// the gap (a patient's press, a DM) is lost. Discord asks clients to close
// with another code when they mean to resume.
//
// resumableDialer wraps the websocket dialer's connections so that a close
// frame the client sends with code 1000 goes out with closeResumable instead,
// unless the channel itself is shutting down (ending). It works on the
// frames as gorilla/websocket writes them (a control frame is one Write) and
// passes everything else through unchanged. For wss it does the TLS
// handshake itself (gorilla then writes plaintext frames through it); when a
// proxy serves the gateway URL the dialer is left as it is.

// closeResumable is the close code that keeps the session resumable: 4000,
// Discord's "unknown error, reconnect".
const closeResumable = 4000

// gatewayProbe is the URL checked against the dialer's proxy.
var gatewayProbe = &url.URL{Scheme: "https", Host: "gateway.discord.gg"}

// resumableDialer returns a copy of d whose connections rewrite the client's
// close code 1000 to closeResumable while ending reports false.
func resumableDialer(d *websocket.Dialer, ending func() bool) *websocket.Dialer {
	out := *d
	if d.Proxy != nil {
		if p, err := d.Proxy(&http.Request{URL: gatewayProbe}); err != nil || p != nil {
			return d
		}
	}
	if d.NetDial != nil || d.NetDialTLSContext != nil {
		return d // a custom dial the wrapper cannot see through
	}
	dial := d.NetDialContext
	if dial == nil {
		var nd net.Dialer
		dial = nd.DialContext
	}
	out.NetDialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := dial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		return &closeCodeConn{Conn: c, ending: ending}, nil
	}
	out.NetDialTLSContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		raw, err := dial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		cfg := &tls.Config{}
		if d.TLSClientConfig != nil {
			cfg = d.TLSClientConfig.Clone()
		}
		if cfg.ServerName == "" {
			host, _, err := net.SplitHostPort(addr)
			if err != nil {
				host = addr
			}
			cfg.ServerName = host
		}
		tc := tls.Client(raw, cfg)
		if err := tc.HandshakeContext(ctx); err != nil {
			raw.Close()
			return nil, err
		}
		return &closeCodeConn{Conn: tc, ending: ending}, nil
	}
	return &out
}

// closeCodeConn rewrites close frames written through it, as described
// above. It follows the frame boundaries across Writes.
type closeCodeConn struct {
	net.Conn
	ending func() bool

	mu     sync.Mutex
	frames bool  // the HTTP upgrade is over: writes are frames
	rest   int64 // payload bytes of the current frame still to come
	lost   bool  // a header was cut across Writes: stop looking
}

// Read marks the end of the upgrade: the client reads the server's answer
// before it writes any frame.
func (c *closeCodeConn) Read(b []byte) (int, error) {
	c.mu.Lock()
	c.frames = true
	c.mu.Unlock()
	return c.Conn.Read(b)
}

func (c *closeCodeConn) Write(b []byte) (int, error) {
	c.mu.Lock()
	out := b
	i := 0
	for i < len(b) && c.frames && !c.lost {
		if c.rest > 0 {
			n := min(c.rest, int64(len(b)-i))
			i += int(n)
			c.rest -= n
			continue
		}
		h, plen, ok := frameHeader(b[i:])
		if !ok {
			c.lost = true
			break
		}
		op := b[i] & 0x0f
		masked := b[i+1]&0x80 != 0
		avail := int64(len(b) - i - h)
		if op == websocket.CloseMessage && plen >= 2 && avail >= 2 && !c.ending() {
			var key [4]byte
			if masked {
				copy(key[:], b[i+h-4:i+h])
			}
			code := binary.BigEndian.Uint16([]byte{b[i+h] ^ key[0], b[i+h+1] ^ key[1]})
			if code == websocket.CloseNormalClosure {
				if &out[0] == &b[0] {
					out = append([]byte(nil), b...) // never change the caller's buffer
				}
				binary.BigEndian.PutUint16(out[i+h:], closeResumable)
				out[i+h] ^= key[0]
				out[i+h+1] ^= key[1]
			}
		}
		n := min(plen, avail)
		i += h + int(n)
		c.rest = plen - n
	}
	c.mu.Unlock()
	n, err := c.Conn.Write(out)
	return min(n, len(b)), err
}

// frameHeader reads a websocket frame header at the start of b: its length
// (with the masking key) and the payload length. ok is false when b holds
// less than a whole header.
func frameHeader(b []byte) (h int, plen int64, ok bool) {
	if len(b) < 2 {
		return 0, 0, false
	}
	h = 2
	switch l := b[1] & 0x7f; l {
	case 126:
		if len(b) < 4 {
			return 0, 0, false
		}
		plen, h = int64(binary.BigEndian.Uint16(b[2:4])), 4
	case 127:
		if len(b) < 10 {
			return 0, 0, false
		}
		plen, h = int64(binary.BigEndian.Uint64(b[2:10])), 10
	default:
		plen = int64(l)
	}
	if b[1]&0x80 != 0 {
		h += 4
	}
	return h, plen, len(b) >= h
}

// endingFlag is set when the channel closes the gateway for good.
type endingFlag struct{ atomic.Bool }

func (f *endingFlag) get() bool { return f.Load() }
