package lexicon

import (
	"fmt"
	"regexp"
	"strings"
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
	alts := make([]string, len(l.Entries))
	for i := range l.Entries {
		alts[i] = "(" + patternRegexp(l.Entries[i].Phrase) + ")"
		lp.entries = append(lp.entries, &l.Entries[i])
	}
	re, err := regexp.Compile(`^(?i:` + strings.Join(alts, "|") + `)[\s:.]*$`)
	if err != nil {
		lp.err = fmt.Errorf("list %s: %w", l.Name, err)
		return lp
	}
	lp.re = re
	return lp
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
