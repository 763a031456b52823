package lexicon

import (
	"fmt"
	"regexp"
	"strings"
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
type LinePattern struct {
	re      *regexp.Regexp
	entries []*Entry
	err     error
	// first holds the lower-cased ASCII bytes a line matching a pattern
	// that starts with literal text can start with. A line starting with
	// another ASCII byte can only match the patterns that start with a slot
	// (or a letter that case-folds to ASCII): loose, a regular expression of
	// those alone, is tried instead of every pattern.
	first [utf8.RuneSelf]bool
	loose *LinePattern
}

// LinePattern returns the list's entries compiled as whole-line patterns. It
// compiles them once, on first use.
func (l *List) LinePattern() *LinePattern {
	if l == nil {
		return &LinePattern{}
	}
	l.patternOnce.Do(func() { l.pattern = compileLinePattern(l) })
	return l.pattern
}

func compileLinePattern(l *List) *LinePattern {
	lp := &LinePattern{}
	if len(l.Entries) == 0 {
		return lp
	}
	var loose []*Entry
	for i := range l.Entries {
		lp.entries = append(lp.entries, &l.Entries[i])
		if !lp.noteFirst(l.Entries[i].Phrase) {
			loose = append(loose, &l.Entries[i])
		}
	}
	if lp.err = lp.compile(l.Name); lp.err != nil {
		return lp
	}
	lp.loose = &LinePattern{entries: loose}
	if len(loose) > 0 {
		lp.err = lp.loose.compile(l.Name)
	}
	return lp
}

// compile builds the regular expression of lp's entries, in order.
func (lp *LinePattern) compile(list string) error {
	alts := make([]string, len(lp.entries))
	for i, e := range lp.entries {
		alts[i] = "(" + patternRegexp(e.Phrase) + ")"
	}
	re, err := regexp.Compile(`^(?i:` + strings.Join(alts, "|") + `)[\s:.]*$`)
	if err != nil {
		return fmt.Errorf("list %s: %w", list, err)
	}
	lp.re = re
	return nil
}

// noteFirst records what a line matching pattern p can start with, and
// reports false when that is not one known character (a slot first).
func (lp *LinePattern) noteFirst(p string) bool {
	if p == "" || p[0] == '<' || p[0] == ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p)
	if r < utf8.RuneSelf {
		lp.first[unicode.ToLower(r)] = true
		return true
	}
	// A non-ASCII first letter matches only lines starting with a non-ASCII
	// byte (which always get the whole expression), unless case folding
	// links it to an ASCII letter (K, the Kelvin sign).
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < utf8.RuneSelf {
			return false
		}
	}
	return true
}

// patternRegexp turns one line pattern into a regular expression without groups.
func patternRegexp(p string) string {
	var b strings.Builder
	for p != "" {
		if p[0] == '<' {
			if j := strings.IndexByte(p, '>'); j > 0 {
				if re, ok := placeholder(p[:j+1]); ok {
					b.WriteString(re)
					p = p[j+1:]
					continue
				}
			}
		}
		if p[0] == ' ' {
			b.WriteString(`\s+`)
			p = strings.TrimLeft(p, " ")
			continue
		}
		j := strings.IndexAny(p[1:], "< ")
		if j < 0 {
			j = len(p) - 1
		}
		b.WriteString(regexp.QuoteMeta(p[:j+1]))
		p = p[j+1:]
	}
	return b.String()
}

// Err reports a pattern that did not compile.
func (lp *LinePattern) Err() error { return lp.err }

// Match returns the entry whose pattern matches the whole of line (trailing
// colons, periods and white space allowed), or nil.
func (lp *LinePattern) Match(line string) *Entry {
	if lp == nil || lp.re == nil {
		return nil
	}
	if lp.loose != nil && line != "" && line[0] < utf8.RuneSelf && !lp.first[unicode.ToLower(rune(line[0]))] {
		return lp.loose.Match(line)
	}
	m := lp.re.FindStringSubmatchIndex(line)
	if m == nil {
		return nil
	}
	for i := range lp.entries {
		if m[2*(i+1)] >= 0 {
			return lp.entries[i]
		}
	}
	return nil
}
