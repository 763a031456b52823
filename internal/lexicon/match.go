package lexicon

import (
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
)

// matcher finds the leftmost-longest, non-overlapping whole-word occurrences
// of a set of patterns in a text, ignoring ASCII case. It is a trie over byte classes,
// walked from each byte that can start a pattern: the lists are short words
// and phrases, so a walk ends within a few bytes, and the trie's flat table is
// built in microseconds, where a general Aho-Corasick automaton took
// milliseconds to build at every start and scanned several times slower
// (bench/README.md).
type matcher struct {
	// class maps a byte to its class, 0 for a byte no pattern holds;
	// upper-case ASCII shares the class of its lower case.
	class  [256]uint8
	nclass int
	// next holds, for state s and class c, next[s*nclass+c]: the state after
	// reading a byte of class c, 0 for none. State 1 is the root.
	next []int32
	// pattern holds, for each state, 1 + the index of the pattern ending there
	// (the first added, for duplicates), or 0.
	pattern []int32
	// start marks the bytes some pattern starts with.
	start [256]bool
}

// rootState is the trie's root; state 0 means "no transition".
const rootState = 1

// newMatcher builds the matcher of patterns, which must be non-empty and in
// lower case as far as ASCII goes. Classes fit a byte: there are at most 256
// bytes.
func newMatcher(patterns []string) *matcher {
	m := &matcher{}
	seen := [256]bool{}
	for _, p := range patterns {
		for i := 0; i < len(p); i++ {
			seen[lowerASCII(p[i])] = true
		}
	}
	n := 1 // class 0: bytes of no pattern
	for b := range 256 {
		if seen[b] {
			m.class[b] = uint8(n)
			n++
		}
	}
	for b := 'A'; b <= 'Z'; b++ {
		m.class[b] = m.class[b+'a'-'A']
	}
	m.nclass = n
	bound := 2 // states 0 (none) and 1 (the root), then one per pattern byte at most
	for _, p := range patterns {
		bound += len(p)
	}
	m.next = make([]int32, 2*n, bound*n)
	m.pattern = make([]int32, 2, bound)
	for idx, p := range patterns {
		s := int32(rootState)
		for i := 0; i < len(p); i++ {
			c := int(m.class[p[i]])
			t := m.next[int(s)*n+c]
			if t == 0 {
				t = int32(len(m.pattern))
				m.next[int(s)*n+c] = t
				m.next = append(m.next, make([]int32, n)...)
				m.pattern = append(m.pattern, 0)
			}
			s = t
		}
		if m.pattern[s] == 0 {
			m.pattern[s] = int32(idx + 1)
		}
	}
	for b := range 256 {
		if c := m.class[b]; c != 0 && m.next[rootState*n+int(c)] != 0 {
			m.start[b] = true
		}
	}
	return m
}

// each calls yield with the start, end and pattern index of every
// leftmost-longest, non-overlapping whole-word match in text, in order, until
// yield returns false. A match starts and ends on word boundaries (see
// boundaryBefore and boundaryAfter): a walk starts only at a boundary and
// records an end only at one, so a longer pattern that would end inside a
// word ("banyak orang bilang" in "bilangnya") does not hide a shorter one that
// ends on a boundary ("banyak orang").
//
// The scan goes word by word: the offsets inside a run of word runes are not
// boundaries, so after the run's first rune it skips to the run's end (ASCII
// bytes through a table, other runes decoded once), and a non-word rune is
// stepped over whole.
func (m *matcher) each(text string, yield func(start, end, pattern int) bool) {
	for i := 0; i < len(text); {
		c := text[i]
		word, size := asciiWord[c], 1
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			word = document.IsWordRune(r)
		}
		// A non-word rune is always on a boundary; a word rune is when the
		// rune before it is not a word rune.
		if m.start[c] && (!word || boundaryBefore(text, i)) {
			if end, pat := m.walk(text, i); end >= 0 {
				if !yield(i, end, pat) {
					return
				}
				i = end
				continue
			}
		}
		if !word {
			i += size
			continue
		}
		i = skipWord(text, i+size)
	}
}

// walk follows the trie from offset i and returns the end and pattern of the
// longest pattern that starts there and ends on a word boundary, or -1.
func (m *matcher) walk(text string, i int) (end, pat int) {
	n := m.nclass
	s := int32(rootState)
	end = -1
	for j := i; j < len(text); j++ {
		c := m.class[text[j]]
		if c == 0 {
			break
		}
		if s = m.next[int(s)*n+int(c)]; s == 0 {
			break
		}
		if p := m.pattern[s]; p != 0 && boundaryAfter(text, j+1) {
			end, pat = j+1, int(p-1)
		}
	}
	return end, pat
}

// skipWord returns the offset of the first rune at or after i that is not a
// word rune (letter, digit or combining mark), or len(text).
func skipWord(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !document.IsWordRune(r) {
			return i
		}
		i += size
	}
	return i
}

// asciiWord marks the ASCII bytes that are word runes: letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	return t
}()

func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}
