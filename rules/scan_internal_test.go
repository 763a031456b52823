package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPrintableASCII8 compares the word-at-a-time test with a byte loop for
// every byte value at every position of a printable word.
func TestPrintableASCII8(t *testing.T) {
	for pos := 0; pos < 8; pos++ {
		for c := 0; c < 256; c++ {
			b := []byte("abcdefgh")
			b[pos] = byte(c)
			want := true
			for _, x := range b {
				if x < 0x20 || x > 0x7e {
					want = false
				}
			}
			require.Equalf(t, want, printableASCII8(string(b)), "byte %#x at %d", c, pos)
		}
	}
	require.True(t, printableASCII8(" ~ ~ ~ ~"))
	require.False(t, printableASCII8("\x00\x00\x00\x00\x00\x00\x00\x00"))
	require.False(t, printableASCII8("\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f"))
}

// TestNeedleScan finds every occurrence of any needle, in order, as a naive
// search at every offset does.
func TestNeedleScan(t *testing.T) {
	text := "a  b\tc\u00a0d  \t e\u3000\u3000f.g ,h"
	needles := []string{"  ", "\t", "\u00a0", "\u3000", " ,"}
	var want, got []int
	for i := range len(text) {
		for _, n := range needles {
			if strings.HasPrefix(text[i:], n) {
				want = append(want, i)
				break
			}
		}
	}
	s := newNeedleScan(text, needles)
	for pos := 0; ; {
		k, which := s.from(pos)
		if k < 0 {
			break
		}
		require.True(t, strings.HasPrefix(text[k:], needles[which]))
		got = append(got, k)
		pos = k + 1
	}
	require.Equal(t, want, got)
}
