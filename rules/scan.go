package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNeedles is how many needles a needleScan can look for at once.
const maxNeedles = 8

// needleScan finds, in order, the occurrences of any of a few short needles in
// a text. Each needle is searched with strings.Index, which is vectorised, and
// its next occurrence is kept until the scan passes it: a rule that needs a
// few rare bytes or byte pairs reads the text at memory speed instead of
// decoding it character by character. It does not allocate.
type needleScan struct {
	text    string
	needles []string
	next    [maxNeedles]int // next occurrence of each needle at or after the last position asked, len(text) for none, -1 not yet searched
}

// newNeedleScan returns a scan of text for needles (at most maxNeedles, none
// empty).
func newNeedleScan(text string, needles []string) needleScan {
	if len(needles) > maxNeedles {
		panic("needleScan: too many needles")
	}
	s := needleScan{text: text, needles: needles}
	for k := range needles {
		s.next[k] = -1
	}
	return s
}

// from returns the offset of the first occurrence of any needle that starts
// at or after pos, and the needle's index, or -1 when there is none. Calls
// must not go back: pos never less than in an earlier call.
func (s *needleScan) from(pos int) (int, int) {
	best, which := len(s.text), -1
	for k, n := range s.needles {
		if s.next[k] < pos {
			if pos > len(s.text) {
				s.next[k] = len(s.text)
			} else if j := strings.Index(s.text[pos:], n); j < 0 {
				s.next[k] = len(s.text)
			} else {
				s.next[k] = pos + j
			}
		}
		if s.next[k] < best {
			best, which = s.next[k], k
		}
	}
	if which < 0 {
		return -1, -1
	}
	return best, which
}

// skipHSpaceASCII is skipHSpace with a fast path for the common case, a
// character that is neither a space nor a tab nor any other multi-byte space.
func skipHSpaceASCII(t string, i, end int) int {
	for i < end {
		switch c := t[i]; {
		case c == ' ' || c == '\t':
			i++
		case c < utf8.RuneSelf:
			return i
		default:
			return skipHSpace(t, i, end)
		}
	}
	return i
}

// upperStart is isUpperStart with a fast path for ASCII.
func upperStart(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return 'A' <= s[0] && s[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
