package lexicon

import (
	"math/bits"
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
	// One pass over the bytes. A word of ASCII letters (most words) is
	// lower-cased and packed into an integer as it is read, and looked up
	// once for every language in a small table; a word with other letters
	// is lower-cased rune by rune into a buffer. Splitting the text into
	// strings and looking each up in every language's list cost more than
	// most rules; hashing each word as a string, half of what was left.
	maxKey := s.stop.maxKey
	var buf [64]byte
	for i := 0; i < len(text); {
		// Skip to the next letter (or non-ASCII byte), eight bytes at a
		// time where eight are left.
		if i+8 <= len(text) {
			v := load8(text, i)
			m := asciiLetters(v) | v&highBits
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		} else if c := text[i]; c < utf8.RuneSelf && asciiLetterLower[c] == 0 {
			i++
			continue
		}
		// A word starts at i: its ASCII letters first, eight at a time
		// while they last; the first eight, lower-cased, are its packed
		// form.
		start := i
		var packed uint64
		for i+8 <= len(text) {
			v := load8(text, i)
			other := ^asciiLetters(v) & highBits
			if other == 0 {
				if i == start {
					packed = v | lowerBits
				}
				i += 8
				continue
			}
			k := bits.TrailingZeros64(other) >> 3
			if i == start {
				packed = (v | lowerBits) & (1<<(8*k) - 1)
			}
			i += k
			break
		}
		for i < len(text) {
			// The last bytes of the text, one at a time.
			l := asciiLetterLower[text[i]]
			if l == 0 {
				break
			}
			if n := i - start; n < 8 {
				packed |= uint64(l) << (8 * n)
			}
			i++
		}
		var word []byte
		if i < len(text) && text[i] >= utf8.RuneSelf {
			// Other letters may follow: the rest of the word rune by
			// rune, keeping at most maxKey+1 bytes (a longer word is no
			// stop word).
			word = lowerASCIILetters(buf[:0], text[start:min(i, start+maxKey+1)])
			for i < len(text) {
				if c := text[i]; c < utf8.RuneSelf {
					l := asciiLetterLower[c]
					if l == 0 {
						break
					}
					if len(word) <= maxKey {
						word = append(word, l)
					}
					i++
					continue
				}
				r, n := utf8.DecodeRuneInString(text[i:])
				if !unicode.IsLetter(r) {
					break
				}
				if len(word) <= maxKey {
					word = utf8.AppendRune(word, unicode.ToLower(r))
				}
				i += n
			}
			if i == start {
				// Not a letter after all: step over the rune.
				_, n := utf8.DecodeRuneInString(text[i:])
				i += n
				continue
			}
		} else if n := i - start; n <= 8 {
			words++
			s.stop.count(&counts, s.stop.short.lookup(packed))
			continue
		} else if n > maxKey {
			words++
			continue
		} else {
			word = lowerASCIILetters(buf[:0], text[start:i])
		}
		words++
		switch {
		case len(word) > maxKey:
		case len(word) <= 8:
			s.stop.count(&counts, s.stop.short.lookup(pack8(word)))
		default:
			s.stop.count(&counts, s.stop.langs[string(word)])
		}
	}
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
	// short holds the stop words of at most eight bytes (all of them in
	// today's packs) packed into integers: a probe of a small table instead
	// of hashing a string, which was half of Detect's time.
	short packedTable
}

// pack8 packs a word of one to eight bytes into an integer, its first byte
// lowest. No byte of a word is 0, so distinct words give distinct integers.
func pack8(w []byte) uint64 {
	var k uint64
	for i, b := range w {
		k |= uint64(b) << (8 * i)
	}
	return k
}

// packedTable maps packed words to language bits: open addressing with
// linear probing, 0 marking an empty slot (no word packs to 0).
type packedTable struct {
	keys, vals []uint64
	shift      uint
}

// slot returns where key's probe starts.
func (t *packedTable) slot(key uint64) int {
	return int((key * 0x9E3779B97F4A7C15) >> t.shift)
}

// lookup returns key's language bits, 0 for none.
func (t *packedTable) lookup(key uint64) uint64 {
	if len(t.keys) == 0 || key == 0 {
		return 0
	}
	mask := len(t.keys) - 1
	for i := t.slot(key); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case key:
			return t.vals[i]
		case 0:
			return 0
		}
	}
}

// build fills the table with the entries of m whose keys have one to eight
// bytes.
func (t *packedTable) build(m map[string]uint64) {
	n := 0
	for k := range m {
		if 0 < len(k) && len(k) <= 8 {
			n++
		}
	}
	bits := uint(6)
	for 1<<bits < 2*n {
		bits++
	}
	t.keys, t.vals, t.shift = make([]uint64, 1<<bits), make([]uint64, 1<<bits), 64-bits
	mask := len(t.keys) - 1
	for k, v := range m {
		if len(k) == 0 || len(k) > 8 {
			continue
		}
		key := pack8([]byte(k))
		i := t.slot(key)
		for t.keys[i] != 0 {
			i = (i + 1) & mask
		}
		t.keys[i], t.vals[i] = key, v
	}
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
	idx.short.build(idx.langs)
	s.stop = idx
}

// count adds one to the counts of the languages whose bits are set in langs.
func (idx *stopwordIndex) count(counts *[64]int, langs uint64) {
	for k := 0; langs != 0; k++ {
		if langs&1 != 0 {
			counts[k]++
		}
		langs >>= 1
	}
}

// lowerASCIILetters appends the ASCII letters s, lower-cased, to b.
func lowerASCIILetters(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		b = append(b, asciiLetterLower[s[i]])
	}
	return b
}

// Masks for reading eight bytes at once.
const (
	highBits  = 0x8080808080808080 // each byte's top bit
	lowBits   = 0x7F7F7F7F7F7F7F7F // each byte's other bits
	lowerBits = 0x2020202020202020 // the bit that lower-cases an ASCII letter
	oneBits   = 0x0101010101010101
)

// load8 returns s[i:i+8] as a little-endian integer (one load).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// asciiLetters returns the top bit of each byte of v that is an ASCII
// letter. No byte's sum carries into the next: each is exact.
func asciiLetters(v uint64) uint64 {
	x := (v | lowerBits) & lowBits
	atLeastA := x + oneBits*(0x80-'a')
	pastZ := x + oneBits*(0x7F-'z')
	return atLeastA &^ pastZ &^ v & highBits
}

// asciiLetterLower maps each ASCII letter to its lower case, every other
// byte to 0.
var asciiLetterLower = func() (t [256]byte) {
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()
