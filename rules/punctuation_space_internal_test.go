package rules

import (
	"slices"
	"testing"
)

// TestNextSpaceThenPunctKeepsEveryCandidate checks the eight-place scan of
// space-before-punctuation against a byte loop, for every pair of byte values
// at every position of texts of 10 to 12 bytes (so that pairs fall in the
// eight-byte steps, across them and in the bytes after them), among
// neighbours that are themselves candidates, marks, spaces or neither, and
// that every place where a space or a tab stands before a mark is kept.
func TestNextSpaceThenPunctKeepsEveryCandidate(t *testing.T) {
	var buf [12]byte
	var got, want []int
	for _, n := range []int{10, 12} {
		for _, fill := range []byte{'a', ' ', '.', 0xE2, '\t'} {
			for pos := 1; pos < n; pos++ {
				for a := 0; a < 256; a++ {
					for b := 0; b < 256; b++ {
						for i := range buf {
							buf[i] = fill
						}
						buf[pos-1], buf[pos] = byte(a), byte(b)
						text := string(buf[:n])
						got = got[:0]
						for i := nextSpaceThenPunct(text, 1); i < len(text); i = nextSpaceThenPunct(text, i+1) {
							got = append(got, i)
						}
						want = want[:0]
						for i := 1; i < len(text); i++ {
							prev, c := text[i-1], text[i]
							if (prev <= 0x20 || prev >= 0x80) && (c == '!' || ',' <= c && c <= '/' || ':' <= c && c <= '?') {
								want = append(want, i)
							}
							if spacePunctMark[c] && isHSpaceBefore(text, i) && !slices.Contains(want, i) {
								t.Fatalf("%q: mark at %d left out", text, i)
							}
						}
						if !slices.Equal(got, want) {
							t.Fatalf("%q: got %v, want %v", text, got, want)
						}
					}
				}
			}
		}
	}
}
