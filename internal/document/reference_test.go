package document

// The implementations before the fast paths, kept as the reference the
// differential tests in fast_test.go compare the fast ones with: the output
// of the linter must not change by a byte.

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
)

func refAppendSentences(out []finding.Span, text string, p finding.Span, abbr Abbreviations) []finding.Span {
	start := p.Start
	// skip leading space
	for start < p.End {
		r, n := utf8.DecodeRuneInString(text[start:])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	i := start
	for i < p.End {
		r, n := utf8.DecodeRuneInString(text[i:p.End])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		end := i + n
		// runs of terminal marks: "?!", "..."
		for end < p.End {
			r2, n2 := utf8.DecodeRuneInString(text[end:p.End])
			if r2 != '.' && r2 != '!' && r2 != '?' && r2 != '…' {
				break
			}
			end += n2
		}
		for end < p.End {
			r2, n2 := utf8.DecodeRuneInString(text[end:p.End])
			if !isClosing(r2) {
				break
			}
			end += n2
		}
		if !refIsBoundary(text[:p.End], i, end, abbr) {
			i = end
			continue
		}
		out = append(out, finding.Span{Start: start, End: end})
		// skip the space to the next sentence
		j := end
		for j < p.End {
			r2, n2 := utf8.DecodeRuneInString(text[j:p.End])
			if !unicode.IsSpace(r2) {
				break
			}
			j += n2
		}
		start, i = j, j
	}
	if start < p.End {
		e := p.End
		for e > start {
			r, n := utf8.DecodeLastRuneInString(text[start:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= n
		}
		if e > start {
			out = append(out, finding.Span{Start: start, End: e})
		}
	}
	return out
}

func refIsBoundary(text string, mark, end int, abbr Abbreviations) bool {
	if end >= len(text) {
		return true
	}
	r, n := utf8.DecodeRuneInString(text[end:])
	if !unicode.IsSpace(r) {
		return false
	}
	j := end + n
	for j < len(text) {
		r2, n2 := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(r2) {
			break
		}
		j += n2
	}
	if j >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !isOpening(next) {
		return false
	}
	if text[mark] != '.' || (mark+1 < len(text) && text[mark+1] == '.') {
		return true
	}
	tok := refTokenBefore(text, mark)
	if tok == "" {
		return true
	}
	if abbr != nil && abbr.IsAbbreviation(tok+".") {
		return false
	}
	if refIsInitial(tok) {
		return false
	}
	return true
}

func refTokenBefore(text string, end int) string {
	i := end
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) || isOpening(r) && r != '-' {
			break
		}
		i -= n
	}
	return text[i:end]
}

func refIsInitial(tok string) bool {
	parts := strings.Split(tok, ".")
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(p)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func refNextWord(text string, i, end int) (Word, bool) {
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !refIsWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		for i < end {
			r2, n2 := utf8.DecodeRuneInString(text[i:end])
			if refIsWordRune(r2) {
				i += n2
				continue
			}
			if r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.' {
				r3, _ := utf8.DecodeRuneInString(text[i+n2 : end])
				if i+n2 < end && refIsWordRune(r3) {
					i += n2
					continue
				}
			}
			break
		}
		return Word{Start: start, End: i}, true
	}
	return Word{}, false
}

func refIsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func refIsBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			return false
		}
	}
	return true
}

// refCountUnits is countUnits before its eight-byte ASCII path.
func refCountUnits(s string) (runes, units int) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			runes++
			units++
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		runes++
		if l := utf16.RuneLen(r); l > 0 {
			units += l
		} else {
			units++
		}
		i += n
	}
	return runes, units
}

// refASCIIPrefix is asciiPrefix one byte at a time.
func refASCIIPrefix(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return i
		}
	}
	return len(s)
}

// refPosition is Position without its cache, its line search or the ASCII
// prefix: the line found by walking, its code points counted one by one.
func refPosition(d *Document, off int) Position {
	off = min(max(off, 0), len(d.Text))
	li := 0
	for li+1 < len(d.Lines) && d.Lines[li+1].Start <= off {
		li++
	}
	line := d.Lines[li]
	end := min(off, line.End)
	runes, units := refCountUnits(d.Text[line.Start:end])
	return Position{Offset: off, Line: li + 1, Column: end - line.Start + 1, RuneColumn: runes + 1, UTF16Column: units + 1}
}

// refPositioner is Position before the ASCII prefix: its cache, which counts
// on from the last conversion on the same line (so an offset inside a rune
// can shift the columns of the next ones), with refCountUnits.
type refPositioner struct {
	d     *Document
	cache posCache
}

func (p *refPositioner) position(off int) Position {
	d := p.d
	off = min(max(off, 0), len(d.Text))
	li := d.LineIndex(off)
	line := d.Lines[li]
	end := min(off, line.End)
	var runes, units int
	if c := p.cache; c.valid && c.line == li && c.off <= end {
		r, u := refCountUnits(d.Text[c.off:end])
		runes, units = c.runes+r, c.units+u
	} else if c.valid && c.line == li && c.off-end < end-line.Start {
		r, u := refCountUnits(d.Text[end:c.off])
		runes, units = c.runes-r, c.units-u
	} else {
		runes, units = refCountUnits(d.Text[line.Start:end])
	}
	p.cache = posCache{valid: true, line: li, off: end, runes: runes, units: units}
	return Position{Offset: off, Line: li + 1, Column: end - line.Start + 1, RuneColumn: runes + 1, UTF16Column: units + 1}
}
