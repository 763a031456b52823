package lexicon

import (
	"strings"
	"unicode"
)

// detectWindow is how much of an article language detection reads.
const detectWindow = 16 << 10

// minStopwordShare is the share of an article's words that must be stop words of
// a language for the article to count as written in it: running text in any
// of the packs' languages is far above it (a third or more), text in another
// language is near zero.
const minStopwordShare = 0.05

// Detect returns the language whose "stopwords" list matches the most words of the
// start of text, ties going to the first language in sorted order; "" when the
// text is in none of the packs' languages (or has no words).
func (s *Set) Detect(text string) string {
	if len(text) > detectWindow {
		text = text[:detectWindow]
	}
	langs := s.Languages()
	counts := make([]int, len(langs))
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	for _, w := range words {
		w = strings.ToLower(w)
		for i, l := range langs {
			if s.packs[l].List("stopwords").Contains(w) {
				counts[i]++
			}
		}
	}
	best := ""
	bestN := 0
	for i, l := range langs {
		if s.packs[l].List("stopwords").Len() == 0 {
			continue
		}
		if counts[i] > bestN {
			best, bestN = l, counts[i]
		}
	}
	if float64(bestN) < minStopwordShare*float64(len(words)) {
		return ""
	}
	return best
}
