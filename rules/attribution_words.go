package rules

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
)

// countWordsFast counts the words document.Words would return of
// text[s.Start:s.End], up to limit, as document.CountWords does.
func countWordsFast(text string, s finding.Span, limit int) int {
	n := 0
	for i := s.Start; n < limit; n++ {
		_, end, _, ok := nextWordFast(text, i, s.End)
		if !ok {
			break
		}
		i = end
	}
	return n
}

// nextWordFast returns the first word of text[i:end] as document.Words finds
// it (letters, digits and combining marks, joined across a single "-", "'",
// "’" or "." between two of them), and whether the word is all ASCII. It
// reads ASCII bytes without decoding them: the attribution rules read whole
// paragraphs and articles word by word.
func nextWordFast(text string, i, end int) (start, stop int, ascii, ok bool) {
	for i < end {
		if c := text[i]; c < utf8.RuneSelf {
			if isASCIIWordByte(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		if document.IsWordRune(r) {
			break
		}
		i += n
	}
	if i >= end {
		return 0, 0, false, false
	}
	start, ascii = i, true
	for i < end {
		// Eight bytes at a time to the first one that is no ASCII letter
		// or digit: most words are ASCII and end at a space.
		for i+8 <= end {
			if m := nonWordBytes(littleEndian64(text, i)); m != 0 {
				i += bits.TrailingZeros64(m) / 8
				break
			}
			i += 8
		}
		if i >= end {
			break
		}
		if c := text[i]; c < utf8.RuneSelf {
			if isASCIIWordByte(c) {
				i++
				continue
			}
			if (c == '-' || c == '\'' || c == '.') && i > start && wordRuneAt(text, i+1, end) {
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		if document.IsWordRune(r) || i > start && r == '’' && wordRuneAt(text, i+n, end) {
			ascii = false
			i += n
			continue
		}
		break
	}
	return start, i, ascii, true
}

// wordRuneAt reports whether a word rune starts at text[i] (before end).
func wordRuneAt(text string, i, end int) bool {
	if i >= end {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return isASCIIWordByte(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return document.IsWordRune(r)
}

// isASCIIWordByte reports whether a byte is an ASCII word rune: a letter or
// a digit.
func isASCIIWordByte(c byte) bool {
	return (c|0x20)-'a' < 26 || c-'0' < 10
}

// wordFilter rules out most words before a list is asked for them: the
// length and the first two and last two letters of each entry, lower-cased,
// hash to one bit of a small table, and an ASCII word whose bit is clear is
// no entry. (Indonesian attribution verbs share their first and last letters
// and length with too many words to tell them apart by those alone.)
type wordFilter struct {
	bits [filterBits / 64]uint64
	// every is set when an entry is not ASCII: every word is then asked for.
	every bool
	// multi holds the entries of several words, lower-cased.
	multi []string
}

// filterBits is the size of a wordFilter's table: a few hundred entries set
// a few percent of it.
const filterBits = 1 << 11

func newWordFilter(list *lexicon.List) *wordFilter {
	f := &wordFilter{}
	for _, e := range list.Entries {
		p := e.Phrase
		switch {
		case p != "" && isASCII(p) && strings.IndexByte(p, ' ') < 0:
			h := shapeHash(p)
			f.bits[h/64] |= 1 << (h % 64)
		case strings.IndexByte(p, ' ') >= 0:
			f.multi = append(f.multi, strings.ToLower(p))
		default:
			f.every = true
		}
	}
	return f
}

// shapeHash hashes the length and the first two and last two bytes of s
// (not empty), lower-cased as ASCII, into an index of a wordFilter's table.
func shapeHash(s string) uint32 {
	n := len(s)
	x := uint64(n)<<32 | uint64(lowerASCII(s[0]))<<24 | uint64(lowerASCII(s[min(1, n-1)]))<<16 |
		uint64(lowerASCII(s[max(0, n-2)]))<<8 | uint64(lowerASCII(s[n-1]))
	return uint32((x * 0x9e3779b97f4a7c15) >> (64 - 11))
}

// may reports whether word w (ascii: all of it is ASCII) can be an entry.
func (f *wordFilter) may(w string, ascii bool) bool {
	if f.every || !ascii {
		return true // looked up the Unicode way
	}
	h := shapeHash(w)
	return f.bits[h/64]&(1<<(h%64)) != 0
}

// wordFilterKey keys a list's wordFilter among what is derived from it.
type wordFilterKey struct{}

// wordFilterOf returns the wordFilter of list, built once per run (the lists
// do not change during one) instead of once per article.
func wordFilterOf(list *lexicon.List) *wordFilter {
	return list.Derived(wordFilterKey{}, func(l *lexicon.List) any { return newWordFilter(l) }).(*wordFilter)
}

// indexFoldASCII returns the offset of the first occurrence of p (lower-case)
// in s ignoring ASCII case, or -1.
func indexFoldASCII(s, p string) int {
	if p == "" {
		return 0
	}
	for i := 0; i+len(p) <= len(s); i++ {
		k := strings.IndexByte(s[i:len(s)-len(p)+1], p[0])
		if u := upperASCII(p[0]); u != p[0] {
			if ku := strings.IndexByte(s[i:len(s)-len(p)+1], u); ku >= 0 && (k < 0 || ku < k) {
				k = ku
			}
		}
		if k < 0 {
			return -1
		}
		i += k
		if equalFoldASCII(s[i:i+len(p)], p) {
			return i
		}
	}
	return -1
}

// equalFoldASCII reports whether s equals p (lower-case) ignoring ASCII case.
func equalFoldASCII(s, p string) bool {
	for i := 0; i < len(p); i++ {
		if lowerASCII(s[i]) != p[i] {
			return false
		}
	}
	return true
}

// upperASCII upper-cases an ASCII letter and leaves any other byte alone.
func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// phraseFilter tells, in one pass over a text, that a list has no match in
// it: a match is an entry written out (ASCII case ignored, as the matcher
// ignores it) on a word boundary, so a text that holds none of the entries
// after a byte that is no letter or digit has none. The four bytes after such
// a byte are hashed, and when their bit is set checked against the entries.
// Most articles hold no vague phrase; the list's matcher cost several times
// as much to say so.
type phraseFilter struct {
	bits [prefixBits / 64]uint64
	// entries holds each entry with the hash of its first four bytes.
	entries []hashedPhrase
	// every is set when an entry is shorter than four bytes, not ASCII or
	// starts with no letter or digit: the filter then rules out nothing.
	every bool
	// longest is the length of the longest entry, in bytes.
	longest int
}

type hashedPhrase struct {
	hash   uint32
	phrase string
}

// prefixBits is the size of a phraseFilter's table.
const prefixBits = 1 << 12

// phraseFilterKey keys a list's phraseFilter among what is derived from it.
type phraseFilterKey struct{}

// phraseFilterOf returns the phraseFilter of list, built once per run.
func phraseFilterOf(list *lexicon.List) *phraseFilter {
	return list.Derived(phraseFilterKey{}, func(l *lexicon.List) any { return newPhraseFilter(l) }).(*phraseFilter)
}

func newPhraseFilter(list *lexicon.List) *phraseFilter {
	f := &phraseFilter{entries: make([]hashedPhrase, 0, len(list.Entries))}
	for _, e := range list.Entries {
		p := e.Phrase
		if len(p) < 4 || !isASCII(p) || !isASCIIWordByte(p[0]) {
			f.every = true
			return f
		}
		h := prefixHash(p)
		f.bits[h/64] |= 1 << (h % 64)
		f.longest = max(f.longest, len(p))
		f.entries = append(f.entries, hashedPhrase{h, p})
	}
	return f
}

// prefixHash folds the first four bytes of s into an index of the table.
// Setting bit 0x20 of each byte lower-cases ASCII letters (and folds a few
// other bytes together, which the check against the entries sorts out).
func prefixHash(s string) uint32 {
	return prefixHashWord(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// prefixHashWord is prefixHash of the four bytes of w, the first lowest.
func prefixHashWord(w uint32) uint32 {
	return ((w | 0x20202020) * 0x9e3779b1) >> (32 - 12)
}

// mayMatch reports whether text may hold a match of the list: it holds one of
// its entries, ignoring ASCII case, at its start or after a byte that is no
// ASCII letter or digit (a match starts on a word boundary, and an entry with
// a letter or digit).
func (f *phraseFilter) mayMatch(text string) bool { return f.first(text) >= 0 }

// first returns the first offset where mayMatch finds an entry (0 when the
// filter rules out nothing), or -1: no match of the list starts before it.
// Eight bytes are read at a time to find the bytes after which an entry may
// start.
func (f *phraseFilter) first(text string) int {
	if f.every || f.startsEntry(text, 0) {
		return 0
	}
	i := 0
	// Sixteen bytes are held in x and y, so the four bytes after a byte of
	// x are taken from the two without reading the text again.
	if len(text) >= 16 {
		for y := littleEndian64(text, 0); i+16 <= len(text); i += 8 {
			x := y
			y = littleEndian64(text, i+8)
			m := nonWordBytes(x)
			for m &^= m >> 8; m != 0; m &= m - 1 {
				// bit 8k+7 marks byte k: the entry would start at byte
				// k+1, shift bits into x (64 takes all of y).
				shift := uint(bits.TrailingZeros64(m)) + 1
				h := prefixHashWord(uint32(x>>shift | y<<(64-shift)))
				if f.bits[h/64]&(1<<(h%64)) != 0 && f.startsEntry(text, i+int(shift/8)) {
					return i + int(shift/8)
				}
			}
		}
	}
	for ; i+8 <= len(text); i += 8 {
		x := littleEndian64(text, i)
		// A byte followed by another that is no letter or digit starts no
		// entry after it (", ", ". "): only the last of the eight is
		// kept whatever follows.
		m := nonWordBytes(x)
		for m &^= m >> 8; m != 0; m &= m - 1 {
			p := i + bits.TrailingZeros64(m)/8 + 1
			if p+4 > len(text) {
				break
			}
			if h := prefixHash(text[p:]); f.bits[h/64]&(1<<(h%64)) != 0 && f.startsEntry(text, p) {
				return p
			}
		}
	}
	for ; i < len(text); i++ {
		if !isASCIIWordByte(text[i]) && f.startsEntry(text, i+1) {
			return i + 1
		}
	}
	return -1
}

// findAllFiltered returns list.FindAll(text), the list's phraseFilter
// telling first whether there is any and from where to look.
func findAllFiltered(list *lexicon.List, text string) []lexicon.Match {
	first := phraseFilterOf(list).first(text)
	if first < 0 {
		return nil
	}
	return findAllNear(list, text, first)
}

// findAllNear returns list.FindAll(text) when no match starts before offset
// first (as phraseFilter.first tells), running the matcher only on windows
// around the offsets the list's phraseFilter finds, not on the whole text
// after first. A window starts after the last ASCII byte that is no letter
// or digit before its first offset (as findAllFrom's), and ends longest +
// utf8.UTFMax bytes after its last one: a match starting there ends within
// longest bytes, and the rune after it, which the matcher reads to tell a
// word boundary, within utf8.UTFMax more. Windows closer than that are
// joined. Every match starts at an offset the filter finds, so the matcher
// reads the text between windows as it would the whole text: it passes
// through an ASCII byte that is no letter or digit one byte at a time,
// unless a match covers it, and no match reaches into the next window.
func findAllNear(list *lexicon.List, text string, first int) []lexicon.Match {
	f := phraseFilterOf(list)
	if f.every {
		return findAllFrom(list, text, first)
	}
	reach := f.longest + utf8.UTFMax
	var out []lexicon.Match
	for c := first; c >= 0; {
		from := wordRunStart(text, c)
		end, next := c+reach, -1
		for end < len(text) {
			n := f.first(text[c+1:])
			if n < 0 {
				break
			}
			n += c + 1
			if wordRunStart(text, n) >= end {
				next = n
				break
			}
			c, end = n, n+reach
		}
		out = append(out, findAllFrom(list, text[:min(end, len(text))], from)...)
		c = next
	}
	return out
}

// wordRunStart returns the offset after the last ASCII byte of text before
// i that is no letter or digit, or 0.
func wordRunStart(text string, i int) int {
	for i > 0 && (text[i-1] >= utf8.RuneSelf || isASCIIWordByte(text[i-1])) {
		i--
	}
	return i
}

// findAllFrom returns list.FindAll(text) when no match starts before offset
// from (as phraseFilter.first tells): the matcher reads text only from the
// last ASCII byte that is no letter or digit before from. The matcher goes
// through such a byte one byte at a time and on a word boundary, so it reads
// the text after it as it reads a text that starts there.
func findAllFrom(list *lexicon.List, text string, from int) []lexicon.Match {
	for from > 0 && (text[from-1] >= utf8.RuneSelf || isASCIIWordByte(text[from-1])) {
		from--
	}
	ms := list.FindAll(text[from:])
	for i := range ms {
		ms[i].Start += from
		ms[i].End += from
	}
	return ms
}

// startsEntry reports whether one of the entries starts at text[i], ignoring
// ASCII case.
func (f *phraseFilter) startsEntry(text string, i int) bool {
	if i+4 > len(text) {
		return false
	}
	h := prefixHash(text[i:])
	if f.bits[h/64]&(1<<(h%64)) == 0 {
		return false
	}
	for _, e := range f.entries {
		if e.hash == h && i+len(e.phrase) <= len(text) && foldEqualASCII(text[i:i+len(e.phrase)], e.phrase) {
			return true
		}
	}
	return false
}

// nonWordBytes returns 0x80 in each byte of x (eight bytes of text) that is no
// ASCII letter or digit, and 0 in the others. No byte's sum carries into the
// next: each is at most 0x7f before a constant below 0x80 is added.
func nonWordBytes(x uint64) uint64 {
	ascii := ^x & highBytes
	y := x &^ highBytes
	l := y | 0x20*oneBytes // ASCII letters lower-cased
	letter := (l + (0x80-'a')*oneBytes) & ^(l + (0x7f-'z')*oneBytes) & highBytes
	digit := (y + (0x80-'0')*oneBytes) & ^(y + (0x7f-'9')*oneBytes) & highBytes
	return ^(ascii & (letter | digit)) & highBytes
}

// foldEqualASCII reports whether a and b (of one length) are equal ignoring
// ASCII case.
func foldEqualASCII(a, b string) bool {
	for i := 0; i < len(b); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}
