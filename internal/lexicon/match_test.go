package lexicon

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// naiveMatches is the definition the matcher implements: from each position,
// the longest pattern that starts there (the first listed among equals),
// ASCII case ignored; after a match, the search goes on at its end.
func naiveMatches(patterns []string, text string) [][3]int {
	var out [][3]int
	for i := 0; i < len(text); {
		best, bestEnd := -1, -1
		for k, p := range patterns {
			if len(p) > len(text)-i || !strings.EqualFold(text[i:i+len(p)], p) || i+len(p) <= bestEnd {
				continue
			}
			if !asciiOnlyFold(text[i:i+len(p)], p) {
				continue
			}
			best, bestEnd = k, i+len(p)
		}
		if best < 0 {
			i++
			continue
		}
		out = append(out, [3]int{i, bestEnd, best})
		i = bestEnd
	}
	return out
}

// asciiOnlyFold reports whether a and b are equal ignoring ASCII case only.
func asciiOnlyFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func matcherMatches(m *matcher, text string) [][3]int {
	var out [][3]int
	m.each(text, func(s, e, p int) bool { out = append(out, [3]int{s, e, p}); return true })
	return out
}

func TestMatcherLeftmostLongest(t *testing.T) {
	pats := []string{"he", "she", "hers", "para ahli", "ahli", "é", "he"}
	m := newMatcher(pats)
	// "She" is one match: no "he" inside it (the Aho-Corasick library this
	// replaced reported both, overlapping).
	assert.Equal(t, [][3]int{{0, 3, 1}, {5, 7, 0}}, matcherMatches(m, "Shenzhen"))
	assert.Equal(t, [][3]int{{0, 4, 2}}, matcherMatches(m, "HERS"))
	assert.Equal(t, [][3]int{{0, 9, 3}}, matcherMatches(m, "Para Ahli"))
	// Only ASCII case is ignored.
	assert.Equal(t, [][3]int{{1, 3, 5}}, matcherMatches(m, "xéÉ"))
}

func TestMatcherAgainstDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := "abAB é"
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 2000 {
		var pats []string
		for range 1 + rng.IntN(6) {
			pats = append(pats, strings.ToLower(word(1+rng.IntN(4))))
		}
		text := word(rng.IntN(40))
		assert.Equal(t, naiveMatches(pats, text), matcherMatches(newMatcher(pats), text), "patterns %q, text %q", pats, text)
	}
}
