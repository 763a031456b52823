package lexicon

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
)

// naiveMatches is the definition the matcher implements: from each position
// on a word boundary, the longest pattern that starts there and ends on a word
// boundary (the first listed among equals), ASCII case ignored; after a match,
// the search goes on at its end. Word boundaries are checked here with the
// runes themselves, not with the matcher's helpers.
func naiveMatches(patterns []string, text string) [][3]int {
	var out [][3]int
	for i := 0; i < len(text); {
		best, bestEnd := -1, -1
		for k, p := range patterns {
			if len(p) > len(text)-i || !strings.EqualFold(text[i:i+len(p)], p) || i+len(p) <= bestEnd {
				continue
			}
			if !naiveBoundary(text, i) || !naiveBoundary(text, i+len(p)) {
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

// naiveBoundary reports whether offset i of text is not inside a word: the
// runes on its two sides are not both letters, digits or combining marks.
func naiveBoundary(text string, i int) bool {
	if i == 0 || i == len(text) {
		return true
	}
	before := []rune(text[:i])
	after := []rune(text[i:])
	inWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) }
	return !inWord(before[len(before)-1]) || !inWord(after[0])
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
	assert.Equal(t, [][3]int{{0, 3, 1}, {5, 7, 0}}, matcherMatches(m, "She: he"))
	assert.Equal(t, [][3]int{{0, 4, 2}}, matcherMatches(m, "HERS"))
	assert.Equal(t, [][3]int{{0, 9, 3}}, matcherMatches(m, "Para Ahli"))
	// Only whole words: nothing inside "Shenzhen".
	assert.Empty(t, matcherMatches(m, "Shenzhen"))
	// Only ASCII case is ignored.
	assert.Equal(t, [][3]int{{2, 4, 5}}, matcherMatches(m, "x é É"))
}

// A longer pattern that would end inside a word does not hide a shorter one
// ending on a boundary: the reviewer's examples, where FindAll found nothing.
func TestMatcherLongerNearMatch(t *testing.T) {
	for _, c := range []struct {
		pats       []string
		text, want string
	}{
		{[]string{"banyak orang", "banyak orang bilang"}, "Banyak orang bilangnya begitu.", "Banyak orang"},
		{[]string{"dilansir", "dilansir dari"}, "Dilansir darinya, kabar itu benar.", "Dilansir"},
		{[]string{"reported by", "reported"}, "It was reported bystanders fled.", "reported"},
		{[]string{"banyak orang", "banyak orang bilang"}, "Banyak orang bilang begitu.", "Banyak orang bilang"},
	} {
		m := newMatcher(c.pats)
		got := matcherMatches(m, c.text)
		if assert.Len(t, got, 1, "%q in %q", c.pats, c.text) {
			assert.Equal(t, c.want, c.text[got[0][0]:got[0][1]])
		}
	}
}

func TestMatcherAgainstDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	// Letters in both cases, word ends (space, period, hyphen), a
	// non-ASCII letter, a combining acute accent (inside a word, as in
	// "cafe\u0301") and the halves of "é" alone (invalid UTF-8).
	alphabet := []string{"a", "b", "A", "B", " ", ".", "-", "é", "\u0301", "\xc3", "\xa9"}
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 4000 {
		var pats []string
		for range 1 + rng.IntN(6) {
			pats = append(pats, strings.ToLower(word(1+rng.IntN(4))))
		}
		text := word(rng.IntN(40))
		assert.Equal(t, naiveMatches(pats, text), matcherMatches(newMatcher(pats), text), "patterns %q, text %q", pats, text)
	}
}

// A combining mark belongs to its word, as document.Words has it: "cafe"
// is no whole word of "cafe\u0301s" nor of "cafe\u0301".
func TestMatcherCombiningMarkIsInsideTheWord(t *testing.T) {
	m := newMatcher([]string{"cafe"})
	assert.Empty(t, matcherMatches(m, "cafe\u0301 itu"))
	assert.Equal(t, [][3]int{{0, 4, 0}}, matcherMatches(m, "cafe itu"))
}
