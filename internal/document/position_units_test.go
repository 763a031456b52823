package document

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// countUnitsOneByOne is countUnits without its eight-byte ASCII step: one
// code point at a time, as the doc comment defines it.
func countUnitsOneByOne(s string) (runes, units int) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		runes++
		if l := utf16.RuneLen(r); l > 0 {
			units += l
		} else {
			units++
		}
		i += n
	}
	return runes, units
}

func TestCountUnitsMatchesOneByOne(t *testing.T) {
	pieces := []string{"a", "bc", "defgh", " ", "\t", "é", "中", "\U0001F600", "\xff", "\xe2\x80", "ijklmnopq", "\ufffd"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 50000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		runes, units := countUnits(s)
		wantRunes, wantUnits := countUnitsOneByOne(s)
		if runes != wantRunes || units != wantUnits {
			t.Fatalf("countUnits(%q) = %d, %d; want %d, %d", s, runes, units, wantRunes, wantUnits)
		}
	}
}
