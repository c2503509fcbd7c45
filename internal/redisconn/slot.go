package redisconn

import (
	"context"
	"strings"
)

// Slot returns the Redis Cluster hash slot of key (0-16383): CRC16 (XMODEM)
// of its hash tag, the part between the first '{' and the next '}' when
// that part is not empty, else of the whole key. Keys that one script or
// transaction touches must share a slot.
func Slot(key string) int {
	if i := strings.IndexByte(key, '{'); i >= 0 {
		if j := strings.IndexByte(key[i+1:], '}'); j > 0 {
			key = key[i+1 : i+1+j]
		}
	}
	var crc uint16
	for k := 0; k < len(key); k++ {
		crc ^= uint16(key[k]) << 8
		for range 8 {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x1021
			} else {
				crc <<= 1
			}
		}
	}
	return int(crc) % 16384
}

// singleNodeKey marks a context (WithSingleNode).
type singleNodeKey struct{}

// WithSingleNode returns ctx marked as carrying a transaction whose keys
// may lie in several cluster slots, which its caller sends only to a
// single node (one Redis, or Sentinel's master), never to a Redis Cluster:
// the store's group commit over many patients (package store). Tests'
// slot checks (package redistest) let such transactions pass, as they let
// a script declaring allow-cross-slot-keys pass.
func WithSingleNode(ctx context.Context) context.Context {
	return context.WithValue(ctx, singleNodeKey{}, true)
}

// SingleNode reports whether ctx was marked by WithSingleNode.
func SingleNode(ctx context.Context) bool {
	v, _ := ctx.Value(singleNodeKey{}).(bool)
	return v
}
