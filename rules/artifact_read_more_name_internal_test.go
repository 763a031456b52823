package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// repeatedNameStartBefore is the search sentenceStart made before
// repeatedNameStart: every name from the longest, the first held twice wins.
func repeatedNameStartBefore(doc string, ws []headlineWord, r, q int) int {
	last := ws[q-1]
	b := q - 1
	tail := strings.TrimRight(last.text, ",.;:")
	for c := r; c < q-1; c++ {
		name := strings.TrimSpace(doc[ws[c].start:last.start]) + " " + tail
		if holdsTwice(nearby(doc, last.start, nameReach), name) {
			b = c
			break
		}
	}
	return b
}

// TestRepeatedNameStartAsBefore: trying the names from the shortest finds the
// start the search from the longest found, for every run of words of texts
// that repeat names (whole or in part, with other spaces and punctuation
// between their words, white space TrimSpace knows and the word split does
// not, bytes that are not UTF-8).
func TestRepeatedNameStartAsBefore(t *testing.T) {
	pieces := []string{
		"Real", "Madrid", "Real Madrid", "Bruno", "Moreira", "Bruno Moreira", "Teco", "Cugurra",
		"Pelatih", "Bali", "United", "Bali United", "mengaku", "yang", "dan",
		" ", " ", " ", "  ", "\t", "\u00a0", "\v", "\u0085", "\r", "\u2003",
		",", ".", ":", ";", ", ", ". ", "\xff", "\xe2\x80",
	}
	r := rand.New(rand.NewPCG(7, 11))
	runs := 0
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(40) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		doc := b.String()
		var h headlineWords
		h.init(doc, 0, len(doc))
		for k := 0; k < h.n; k++ {
			h.word(k)
		}
		ws := h.words()
		for q := 2; q < len(ws); q++ {
			for lo := 1; lo <= q-1; lo++ {
				runs++
				if got, want := repeatedNameStart(doc, ws, lo, q), repeatedNameStartBefore(doc, ws, lo, q); got != want {
					t.Fatalf("%q, words %d to %d: start %d, was %d", doc, lo, q, got, want)
				}
			}
		}
	}
	if runs < 100000 {
		t.Fatalf("only %d runs of words tried", runs)
	}
}
