package redisconn

import "strings"

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
