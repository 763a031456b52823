// Package asciifold folds the ASCII stretches of a text the way duplicate
// rules compare headlines and bodies: letters to lower case, digits kept,
// every other ASCII byte to a separating space, never two spaces in a row.
// It does with vector instructions, where the processor has them, what a
// byte loop does elsewhere; callers keep that loop and call Prefix first.
package asciifold

// Prefix folds the longest prefix of src that holds only ASCII bytes into
// dst, which must be at least as long as src, and returns how many bytes of
// src it read, how many it wrote to dst, and whether the last byte it wrote
// was a space (space if it wrote nothing). space says whether what precedes
// dst's first byte is a space, or nothing: a non-alphanumeric byte then
// writes nothing, as it writes nothing after a space.
//
// Where no vector code is written for the machine it reads nothing, writes
// nothing and returns space: the caller's own loop folds everything.
func Prefix(dst []byte, src string, space bool) (read, written int, spaceAfter bool) {
	if len(src) < minVector || !hasVector {
		return 0, 0, space
	}
	_ = dst[len(src)-1] // the vector code writes at most len(src) bytes
	r, w, s := prefix(&dst[0], src, b2u(space))
	return r, w, s != 0
}

// minVector is the length under which a call to the vector code costs more
// than the byte loop it spares.
const minVector = 16

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
