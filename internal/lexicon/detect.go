package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
	var counts [64]int
	words := 0
	// One pass over the runes, each word lower-cased into a reused buffer and
	// looked up once for every language: splitting the text into strings and
	// looking each up in every language's list cost more than most rules.
	var buf [64]byte
	word := buf[:0]
	inWord := false
	flush := func() {
		if !inWord {
			return
		}
		words++
		if len(word) <= s.stop.maxKey {
			if langs := s.stop.langs[string(word)]; langs != 0 {
				for i := range s.stop.order {
					if langs&(1<<i) != 0 {
						counts[i]++
					}
				}
			}
		}
		word, inWord = word[:0], false
	}
	for _, r := range text {
		if !unicode.IsLetter(r) {
			flush()
			continue
		}
		inWord = true
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			word = append(word, byte(r))
		} else {
			word = utf8.AppendRune(word, unicode.ToLower(r))
		}
	}
	flush()
	best := ""
	bestN := 0
	for i, l := range s.stop.order {
		if counts[i] > bestN {
			best, bestN = l, counts[i]
		}
	}
	if float64(bestN) < minStopwordShare*float64(words) {
		return ""
	}
	return best
}

// stopwordIndex maps every language's stop words to the languages that list
// them, so Detect looks a word up once.
type stopwordIndex struct {
	// order holds the languages with a stop-word list, sorted; bit i of a
	// langs value stands for order[i].
	order  []string
	langs  map[string]uint64
	maxKey int
}

func (s *Set) buildStopwordIndex() {
	idx := stopwordIndex{langs: map[string]uint64{}}
	for _, lang := range s.Languages() {
		l := s.packs[lang].List("stopwords")
		if l.Len() == 0 || len(idx.order) == 64 {
			continue
		}
		bit := uint64(1) << len(idx.order)
		idx.order = append(idx.order, lang)
		for _, e := range l.Entries {
			key := strings.ToLower(e.Phrase)
			idx.langs[key] |= bit
			idx.maxKey = max(idx.maxKey, len(key))
		}
	}
	s.stop = idx
}
