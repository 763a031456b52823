package rules

// Several scans read a text eight bytes at a time as one number and test the
// eight bytes together (SWAR). What they share is here.

const (
	oneBytes  = 0x0101010101010101 // each byte's lowest bit
	highBytes = 0x8080808080808080 // each byte's top bit
	lowBytes  = 0x7f7f7f7f7f7f7f7f // each byte's bits below the top one
)

// littleEndian64 returns s[i:i+8] as one number, s[i] in its lowest byte.
func littleEndian64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// bigEndian64 returns s[i:i+8] as one number, s[i] in its highest byte.
func bigEndian64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[7]) | uint64(s[6])<<8 | uint64(s[5])<<16 | uint64(s[4])<<24 |
		uint64(s[3])<<32 | uint64(s[2])<<40 | uint64(s[1])<<48 | uint64(s[0])<<56
}

// zeroBytes marks with its top bit each zero byte of v; a byte above a zero
// byte may be marked too, never one below the lowest zero byte, so the
// lowest mark is exact.
func zeroBytes(v uint64) uint64 { return (v - oneBytes) &^ v & highBytes }
