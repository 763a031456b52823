package lexicon

import (
	"strings"
	"unicode"
)

// detectWindow is how much of an article language detection reads.
const detectWindow = 16 << 10

// Detect returns the language whose "stopwords" list matches the most words of the
// start of text. Ties and texts with no stop words at all go to the first language
// in sorted order that has a stop-word list.
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
	bestN := -1
	for i, l := range langs {
		if s.packs[l].List("stopwords").Len() == 0 {
			continue
		}
		if counts[i] > bestN {
			best, bestN = l, counts[i]
		}
	}
	return best
}
