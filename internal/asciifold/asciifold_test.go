package asciifold

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// reference is the byte loop Prefix stands in for (appendFoldedTitle's): it
// folds src's ASCII prefix into dst.
func reference(dst []byte, src string, space bool) (read, written int, spaceAfter bool) {
	for ; read < len(src) && src[read] < utf8.RuneSelf; read++ {
		c := src[read]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			if space {
				continue
			}
			c = ' '
		}
		dst[written] = c
		written++
		space = c == ' '
	}
	return read, written, space
}

func check(t *testing.T, src string, space bool) {
	t.Helper()
	got := make([]byte, len(src)+8)
	want := make([]byte, len(src)+8)
	for i := range got {
		got[i], want[i] = 0xAA, 0xAA
	}
	r, w, s := Prefix(got[:len(src)], src, space)
	// Prefix may leave the work to the caller: the caller's loop then does it.
	if r < len(src) && src[r] < utf8.RuneSelf {
		if r != 0 || w != 0 || s != space || hasVector && len(src) >= minVector {
			t.Fatalf("%q (space %v): stopped at %d before an ASCII byte", src, space, r)
		}
		r, w, s = reference(got[:len(src)], src, space)
	}
	wr, ww, ws := reference(want[:len(src)], src, space)
	if r != wr || w != ww || s != ws || string(got) != string(want) {
		t.Fatalf("%q (space %v): read %d wrote %d %q space %v; want %d %d %q %v",
			src, space, r, w, got[:w], s, wr, ww, want[:ww], ws)
	}
}

func TestPrefixIsTheByteLoop(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabets := []string{
		"aZ09 .-,'\"()\t\n{`@/[:", // the edges of each class
		"ab cd",
	}
	for n := range 300 {
		for range 40 {
			b := make([]byte, n)
			mode := r.IntN(4)
			for i := range b {
				switch mode {
				case 0:
					b[i] = byte(r.IntN(128))
				case 1:
					a := alphabets[r.IntN(len(alphabets))]
					b[i] = a[r.IntN(len(a))]
				case 2:
					b[i] = byte(r.IntN(256)) // bytes that are not ASCII stop it
				default:
					b[i] = "Ab1 "[r.IntN(4)]
					if r.IntN(100) == 0 {
						b[i] = 0x80 + byte(r.IntN(128))
					}
				}
			}
			check(t, string(b), r.IntN(2) == 0)
		}
	}
	// Every byte at every position of a 64-byte step and its neighbours.
	for c := range 256 {
		for at := range 130 {
			b := []byte("Presiden RUSIA tiba 2024, kunjungan -- pertama ke Korea Utara!! Ia disambut Kim (Jong Un) di bandara; lalu ke Istana.")
			b = append(b, b...)
			b[at] = byte(c)
			check(t, string(b), at%2 == 0)
			check(t, string(b[at:]), true)
		}
	}
}
