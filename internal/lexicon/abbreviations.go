package lexicon

import (
	"strings"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
)

// Abbreviations returns what the sentence segmenter asks the pack
// (document.Abbreviations): the same answers as IsAbbreviation, but a token
// that cannot be an abbreviation, as nearly every word before a period is
// ("kata." at a sentence's end), is ruled out by two table reads instead of
// two map lookups. The tables are built once per run and kept with the list.
// A nil pack, or one with no abbreviations, gives nil: no token is one.
func (p *Pack) Abbreviations() document.Abbreviations {
	l := p.List("abbreviations")
	if l.Len() == 0 {
		return nil
	}
	// A non-empty list belongs to this pack alone (Add replaces a list it
	// adds to), so the filter kept with it may answer through p.
	return l.Derived(abbreviationFilterKey{}, func(l *List) any { return newAbbreviationFilter(p, l) }).(*abbreviationFilter)
}

type abbreviationFilterKey struct{}

// abbreviationFilter answers IsAbbreviation for a pack, ruling out most ASCII
// tokens first. Lookup lower-cases an ASCII token byte for byte (lowerASCII
// does as appendLowerASCII), so its key has the token's length, and its first
// and last but one bytes (the last is the period) lower-cased: an entry whose
// key differs in one of these cannot be it. byFirst[c] has bit n set when a
// key of n bytes starts with c, byPenult[c] when one has c before its last
// byte.
type abbreviationFilter struct {
	pack              *Pack
	byFirst, byPenult [utf8.RuneSelf]uint64
}

func newAbbreviationFilter(p *Pack, l *List) *abbreviationFilter {
	f := &abbreviationFilter{pack: p}
	for _, e := range l.Entries {
		// The key Lookup stores the entry under. A key that is not
		// ASCII is never an ASCII token's, which is all the tables
		// rule on.
		key := strings.ToLower(e.Phrase)
		if n := len(key); n > 0 && n < 64 && isASCII(key) {
			f.byFirst[key[0]] |= 1 << n
			f.byPenult[key[max(n-2, 0)]] |= 1 << n
		}
	}
	return f
}

// IsAbbreviation is p.IsAbbreviation(token).
func (f *abbreviationFilter) IsAbbreviation(token string) bool {
	if n := len(token); n > 0 && n < 64 && isASCII(token) {
		bit := uint64(1) << n
		if f.byFirst[lowerASCII(token[0])]&bit == 0 || f.byPenult[lowerASCII(token[max(n-2, 0)])]&bit == 0 {
			return false
		}
	}
	return f.pack.IsAbbreviation(token)
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	var or byte
	for i := 0; i < len(s); i++ {
		or |= s[i]
	}
	return or < utf8.RuneSelf
}
