package lexicon

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// placeholder returns the regular expression for a slot of a line pattern.
// Everything else in a pattern is literal text, compared ignoring case, any run
// of white space matching any run of white space.
func placeholder(name string) (string, bool) {
	switch name {
	case "<n>": // a small number: "2 dari 3 halaman"
		return `\d{1,3}`, true
	case "<year>":
		return `(?:19|20)\d{2}`, true
	case "<date>":
		// day, month and year, an optional weekday before and time after:
		// "Senin, 12 Maret 2024 10:15 WIB", "March 12, 2024", "12/03/2024"
		return `(?:\pL+,?\s+)?(?:\d{1,2}[\s/.-]+(?:\pL{3,9}\.?|\d{1,2})[\s/.-]+\d{2,4}|\pL{3,9}\.?\s+\d{1,2},?\s+\d{4})(?:,?\s*(?:pukul\s+|at\s+)?\d{1,2}[:.]\d{2}(?:\s*\pL{2,4}\.?)?)?`, true
	case "<name>": // one to four words: a person or an account ("admin", "Dewi Lestari")
		return `\pL[\pL\pN.'’-]*(?:\s+\pL[\pL\pN.'’-]*){0,3}`, true
	case "<site>": // one to three words or a domain: a site or an app ("Kompas.com+")
		return `[\pL\pN][\pL\pN.+&'’-]*(?:\s+[\pL\pN][\pL\pN.+&'’-]*){0,2}`, true
	case "<text>": // any text on the line
		return `.{1,250}?`, true
	case "<rest>": // optionally, more words after a space
		return `(?:\s.{1,250}?)?`, true
	}
	return "", false
}

// LinePattern matches whole lines against a list whose entries are line
// patterns: literal text with placeholders (<n>, <year>, <date>, <name>,
// <site>, <text>, <rest>).
//
// Each pattern is its own regular expression, compiled the first time a line
// could match it: a line is tried only against the patterns whose first
// letter it starts with (or that start with a slot), whose literal text at
// their start and end it starts and ends with, and whose literal words (and
// a digit, for <n>, <year> and <date>) it holds, in the list's order, so most
// lines are tried against none and a
// run on a few files compiles few expressions. (One expression of every
// pattern cost about 15 ms to compile, half of a run's start-up.) The first
// pattern in the list's order that matches wins, as it did in that single
// expression of alternatives.
type LinePattern struct {
	entries []*Entry
	pats    []linePattern
	// byFirst holds, for the folded first letter of a pattern's literal
	// text, the patterns starting with it and those starting with a slot,
	// in the list's order; loose holds those starting with a slot alone.
	byFirst map[rune][]int
	loose   []int
	// asciiFirst is byFirst for an ASCII first letter (folded), read
	// without a map lookup; asciiKnown tells which of them byFirst holds.
	asciiFirst [utf8.RuneSelf][]int
	asciiKnown [utf8.RuneSelf]bool
}

// linePattern is one entry's expression, compiled on first use.
type linePattern struct {
	source string
	// words are the ASCII pieces of the pattern's literal text (between
	// slots and spaces), lower-cased: a line matching the pattern holds
	// every one of them, in any case (other pieces are not used to rule
	// lines out).
	words [][]byte
	// digit reports that the pattern has a slot that needs an ASCII digit
	// (<n>, <year>, <date>): a line without one cannot match it.
	digit bool
	// lead and tail are, folded (foldRune), the literal text the pattern
	// starts with and the literal text it ends with without the colons,
	// periods and white space at its end (none when it starts or ends with
	// a slot): a matching line starts with lead and, without the colons,
	// periods and white space at its end, ends with tail. Comparing a few
	// runes at a line's ends rules most lines out before words are looked
	// for in the whole line.
	lead, tail []rune
	// digitFields, when not 0, is how many of a matching line's first
	// words hold an ASCII digit at least (at most maxDigitFields): the
	// pattern starts with a slot that starts with one (<n>, <year>) or has
	// one in its first three words (<date>: "Senin, 12 Maret 2024",
	// "Senin, Maret 12, 2024").
	digitFields int
	once        sync.Once
	re          *regexp.Regexp
	err         error
}

// LinePattern returns the list's entries as whole-line patterns. It prepares
// them once, on first use, and compiles each one when a line first needs it.
func (l *List) LinePattern() *LinePattern {
	if l == nil {
		return &LinePattern{}
	}
	l.patternOnce.Do(func() { l.pattern = newLinePattern(l) })
	return l.pattern
}

func newLinePattern(l *List) *LinePattern {
	lp := &LinePattern{
		entries: make([]*Entry, len(l.Entries)),
		pats:    make([]linePattern, len(l.Entries)),
		byFirst: map[rune][]int{},
	}
	var firsts []rune
	first := make([]rune, len(l.Entries))
	for i := range l.Entries {
		lp.entries[i] = &l.Entries[i]
		p := &lp.pats[i]
		first[i] = -1
		p.source = `^(?i:` + patternRegexp(l.Entries[i].Phrase) + `)[\s:.]*$`
		toks := patternTokens(l.Entries[i].Phrase)
		if len(toks) > 0 && toks[0].kind == literalToken {
			p.lead = foldedRunes(toks[0].text)
		}
		if len(toks) > 0 && toks[0].kind == slotToken {
			switch toks[0].text {
			case "<n>", "<year>":
				p.digitFields = 1
			case "<date>":
				p.digitFields = maxDigitFields
			}
		}
		if len(toks) > 0 && toks[len(toks)-1].kind == literalToken {
			p.tail = foldedRunes(strings.TrimRightFunc(toks[len(toks)-1].text, isLineEnd))
		}
		for j, t := range toks {
			if t.kind == slotToken && digitSlot(t.text) {
				p.digit = true
			}
			if t.kind != literalToken {
				continue
			}
			if j == 0 {
				r, _ := utf8.DecodeRuneInString(t.text)
				first[i] = foldRune(r)
			}
			if w, ok := appendLowerASCII(nil, t.text); ok {
				p.words = append(p.words, w)
			}
		}
		if first[i] < 0 {
			lp.loose = append(lp.loose, i)
		} else if _, seen := lp.byFirst[first[i]]; !seen {
			lp.byFirst[first[i]] = nil
			firsts = append(firsts, first[i])
		}
	}
	for _, f := range firsts {
		var idx []int
		for i := range lp.pats {
			if first[i] == f || first[i] < 0 {
				idx = append(idx, i)
			}
		}
		lp.byFirst[f] = idx
		if f < utf8.RuneSelf {
			lp.asciiFirst[f], lp.asciiKnown[f] = idx, true
		}
	}
	return lp
}

// maxDigitFields is the most words a pattern's first digit may stand in.
const maxDigitFields = 3

// isLineEnd reports whether r may end a line after a pattern's text: a
// colon, a period or white space (the patterns allow [\s:.]* after their
// text; a key made with Fields has its white space as spaces).
func isLineEnd(r rune) bool { return r == ':' || r == '.' || unicode.IsSpace(r) }

// foldedRunes returns the runes of s folded (foldRune).
func foldedRunes(s string) []rune {
	var out []rune
	for _, r := range s {
		out = append(out, foldRune(r))
	}
	return out
}

// trimLineEnd is strings.TrimRightFunc(s, isLineEnd), ASCII read first.
func trimLineEnd(s string) string {
	for len(s) > 0 {
		c := s[len(s)-1]
		if c >= utf8.RuneSelf {
			return strings.TrimRightFunc(s, isLineEnd)
		}
		if c != ':' && c != '.' && !asciiSpace(c) {
			return s
		}
		s = s[:len(s)-1]
	}
	return s
}

// asciiSpace reports whether the ASCII byte c is white space (unicode.IsSpace).
func asciiSpace(c byte) bool {
	return c == ' ' || '\t' <= c && c <= '\r'
}

// hasFoldedPrefix reports whether s starts with the runes of prefix, each
// rune of s folded (foldRune).
func hasFoldedPrefix(s string, prefix []rune) bool {
	for _, want := range prefix {
		if s != "" && s[0] < utf8.RuneSelf { // ASCII: foldRune lower-cases it
			c := rune(s[0])
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != want {
				return false
			}
			s = s[1:]
			continue
		}
		r, n := utf8.DecodeRuneInString(s)
		if n == 0 || foldRune(r) != want {
			return false
		}
		s = s[n:]
	}
	return true
}

// hasFoldedSuffix reports whether s ends with the runes of suffix, each rune
// of s folded (foldRune).
func hasFoldedSuffix(s string, suffix []rune) bool {
	for k := len(suffix) - 1; k >= 0; k-- {
		r, n := utf8.DecodeLastRuneInString(s)
		if n == 0 || foldRune(r) != suffix[k] {
			return false
		}
		s = s[:len(s)-n]
	}
	return true
}

// holdsDigit reports whether s holds an ASCII digit.
func holdsDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i]-'0' < 10 {
			return true
		}
	}
	return false
}

// digitField returns the number, from 1, of the first of s's first n white
// space separated words that holds an ASCII digit, or 0 when none does.
func digitField(s string, n int) int {
	field, inField := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace(c)
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			inField = false
			continue
		}
		if !inField {
			if field == n {
				return 0
			}
			inField = true
			field++
		}
		if c-'0' < 10 {
			return field
		}
		if c < utf8.RuneSelf {
			// The rest of an ASCII word, read without the checks above.
			for i < len(s) && s[i] < utf8.RuneSelf && !asciiSpace(s[i]) {
				if s[i]-'0' < 10 {
					return field
				}
				i++
			}
		}
	}
	return 0
}

// digitSlot reports whether every text the slot matches holds an ASCII digit
// (\d): the expressions of <n> and <year> are digits, and both forms of
// <date> have its day or year in digits.
func digitSlot(name string) bool {
	return name == "<n>" || name == "<year>" || name == "<date>"
}

// tokenKind tells the parts of a line pattern apart.
type tokenKind int

const (
	literalToken tokenKind = iota // text compared ignoring case
	spaceToken                    // a run of spaces: any run of white space
	slotToken                     // a placeholder
)

// patternToken is one part of a line pattern.
type patternToken struct {
	kind   tokenKind
	text   string // the pattern's text of the part
	regexp string // a slot's regular expression
}

// patternTokens splits a line pattern into literal text, spaces and slots. A
// '<' that starts no known slot is literal text.
func patternTokens(p string) []patternToken {
	var out []patternToken
	for p != "" {
		if p[0] == '<' {
			if j := strings.IndexByte(p, '>'); j > 0 {
				if re, ok := placeholder(p[:j+1]); ok {
					out = append(out, patternToken{kind: slotToken, text: p[:j+1], regexp: re})
					p = p[j+1:]
					continue
				}
			}
		}
		if p[0] == ' ' {
			rest := strings.TrimLeft(p, " ")
			out = append(out, patternToken{kind: spaceToken, text: p[:len(p)-len(rest)]})
			p = rest
			continue
		}
		j := strings.IndexAny(p[1:], "< ")
		if j < 0 {
			j = len(p) - 1
		}
		out = append(out, patternToken{kind: literalToken, text: p[:j+1]})
		p = p[j+1:]
	}
	return out
}

// patternRegexp turns one line pattern into a regular expression without groups.
func patternRegexp(p string) string {
	var b strings.Builder
	for _, t := range patternTokens(p) {
		switch t.kind {
		case slotToken:
			b.WriteString(t.regexp)
		case spaceToken:
			b.WriteString(`\s+`)
		default:
			b.WriteString(regexp.QuoteMeta(t.text))
		}
	}
	return b.String()
}

// foldRune returns the representative of r's case-folding orbit (the runes a
// case-insensitive regular expression takes for r): the lower case of an
// ASCII letter, otherwise the orbit's smallest rune.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	if m < utf8.RuneSelf && 'A' <= m && m <= 'Z' {
		m += 'a' - 'A'
	}
	return m
}

// appendFolded appends s with every rune folded (foldRune) to dst. Invalid
// bytes become U+FFFD, as the regular expressions read them.
func appendFolded(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, foldRune(r))
		i += n
	}
	return dst
}

// compiled returns pattern i's regular expression, compiling it on first use.
func (lp *LinePattern) compiled(i int) (*regexp.Regexp, error) {
	p := &lp.pats[i]
	p.once.Do(func() {
		p.re, p.err = regexp.Compile(p.source)
		if p.err != nil {
			p.err = fmt.Errorf("line pattern %q: %w", lp.entries[i].Phrase, p.err)
		}
	})
	return p.re, p.err
}

// Err reports a pattern that does not compile (compiling every pattern).
func (lp *LinePattern) Err() error {
	if lp == nil {
		return nil
	}
	for i := range lp.pats {
		if _, err := lp.compiled(i); err != nil {
			return err
		}
	}
	return nil
}

// Match returns the entry whose pattern matches the whole of line (trailing
// colons, periods and white space allowed), or nil. When several do, the
// first in the list's order wins. A pattern that does not compile matches
// nothing.
func (lp *LinePattern) Match(line string) *Entry {
	var found *Entry
	lp.candidates(line, func(i int) bool {
		if re, _ := lp.compiled(i); re != nil && re.MatchString(line) {
			found = lp.entries[i]
			return false
		}
		return true
	})
	return found
}

// MayMatch reports whether Match could find an entry for line or for line
// with its runs of white space (unicode.IsSpace) made single spaces, the
// white space at its ends removed, and colons and periods at its end
// trimmed: false when no pattern that its first letter selects finds its
// literal words, and a digit if its slots need one, in line. It tries no
// regular expression, and spares the caller building that key for most
// lines of running text.
func (lp *LinePattern) MayMatch(line string) bool {
	may := false
	lp.candidates(strings.TrimLeftFunc(line, unicode.IsSpace), func(int) bool {
		may = true
		return false
	})
	return may
}

// candidates calls try with each pattern, in the list's order, whose first
// letter is line's (or that starts with a slot), whose literal text at its
// ends is line's (lead, tail), and whose literal words, and a digit where its
// slots need one, line holds, until try returns false.
func (lp *LinePattern) candidates(line string, try func(i int) bool) {
	if lp == nil || len(lp.pats) == 0 {
		return
	}
	var cands []int
	var ok bool
	if line != "" && line[0] < utf8.RuneSelf {
		f := foldRune(rune(line[0]))
		cands, ok = lp.asciiFirst[f], lp.asciiKnown[f]
	} else {
		r, _ := utf8.DecodeRuneInString(line)
		cands, ok = lp.byFirst[foldRune(r)]
	}
	if !ok || line == "" {
		cands = lp.loose
	}
	if len(cands) == 0 {
		return
	}
	var buf [256]byte
	var folded []byte          // line folded, once needed
	digit := -1                // whether line holds an ASCII digit, once known
	leadDigit := -1            // digitField(line, maxDigitFields), once known
	end, endKnown := "", false // line without its line ends (isLineEnd), once needed
next:
	for _, i := range cands {
		p := &lp.pats[i]
		if !hasFoldedPrefix(line, p.lead) {
			continue
		}
		if len(p.tail) > 0 {
			if !endKnown {
				end, endKnown = trimLineEnd(line), true
			}
			if !hasFoldedSuffix(end, p.tail) {
				continue
			}
		}
		if p.digitFields > 0 {
			if leadDigit < 0 {
				leadDigit = digitField(line, maxDigitFields)
			}
			if leadDigit == 0 || leadDigit > p.digitFields {
				continue
			}
		}
		if p.digit {
			if digit < 0 {
				digit = 0
				if holdsDigit(line) {
					digit = 1
				}
			}
			if digit == 0 {
				continue
			}
		}
		if folded == nil && len(p.words) > 0 {
			folded = appendFolded(buf[:0], line)
		}
		for _, w := range p.words {
			if !bytes.Contains(folded, w) {
				continue next
			}
		}
		if !try(i) {
			return
		}
	}
}
