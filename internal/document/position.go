package document

import (
	"github.com/corpuslint/corpuslint/internal/finding"
	"unicode/utf16"
	"unicode/utf8"
)

// Position is finding.Position: a byte offset as a line and columns in bytes,
// code points and UTF-16 units.
type Position = finding.Position

// Position converts a byte offset of Text (clamped to the text) to a Position. An
// offset at a line's end or on its line end counts as that line's last column + 1.
func (d *Document) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(d.Text) {
		off = len(d.Text)
	}
	li := d.LineIndex(off)
	line := d.Lines[li]
	end := off
	if end > line.End {
		end = line.End
	}
	if end < line.End && !utf8.RuneStart(d.Text[end]) {
		// An offset inside a character (no built-in rule gives one) is
		// counted from the line's start, and not remembered: counting from
		// or back to it would split the character differently each time.
		runes, units := d.unitsBetween(line.Start, end)
		return Position{Offset: off, Line: li + 1, Column: end - line.Start + 1, RuneColumn: runes + 1, UTF16Column: units + 1}
	}
	var runes, units int
	// Findings are converted roughly in offset order (start, end, then the
	// edits just before): counting from the last conversion on the same line,
	// forwards or backwards, keeps a 20 MB single-line article linear.
	if c := d.posCache; c.valid && c.line == li && c.off <= end {
		r, u := d.unitsBetween(c.off, end)
		runes, units = c.runes+r, c.units+u
	} else if c.valid && c.line == li && c.off-end < end-line.Start {
		r, u := d.unitsBetween(end, c.off)
		runes, units = c.runes-r, c.units-u
	} else {
		runes, units = d.unitsBetween(line.Start, end)
	}
	// Field by field: a struct literal is built on the stack and copied in
	// sixteen-byte moves that wait for its eight-byte stores to land.
	c := &d.posCache
	c.valid, c.line, c.off, c.runes, c.units = true, li, end, runes, units
	return Position{Offset: off, Line: li + 1, Column: end - line.Start + 1, RuneColumn: runes + 1, UTF16Column: units + 1}
}

// Range resolves a span to positions.
func (d *Document) Range(s finding.Span) finding.Range {
	return finding.Range{Start: d.Position(s.Start), End: d.Position(s.End)}
}

// Resolve fills in the Range of f, of its fixes' edits and of related locations in
// the same file. Findings about the whole file (an empty span at 0 in an empty
// text) keep a zero range.
func (d *Document) Resolve(f *finding.Finding) {
	if f.Range.IsZero() {
		f.Range = d.Range(f.Span)
	}
	for i := range f.Fixes {
		for j := range f.Fixes[i].Edits {
			e := &f.Fixes[i].Edits[j]
			e.Range = d.Range(e.Span)
		}
	}
	for i := range f.Related {
		if f.Related[i].Path == "" || f.Related[i].Path == d.Path {
			f.Related[i].Path = d.Path
			if f.Related[i].Range.IsZero() {
				f.Related[i].Range = d.Range(f.Related[i].Span)
			}
		}
	}
}

// posCache remembers the last conversion. A Document is not safe for concurrent use.
type posCache struct {
	valid                   bool
	line, off, runes, units int
}

// unitsBetween is countUnits(d.Text[from:to]), without reading the part in
// the text's ASCII prefix, where each byte is one of each.
func (d *Document) unitsBetween(from, to int) (runes, units int) {
	if from < d.asciiEnd {
		ascii := min(to, d.asciiEnd) - from
		runes, units = countUnits(d.Text[from+ascii : to])
		return ascii + runes, ascii + units
	}
	return countUnits(d.Text[from:to])
}

// countUnits counts the code points and UTF-16 code units of s. Each invalid byte
// counts as one of each, as a decoder replacing it with U+FFFD would.
func countUnits(s string) (runes, units int) {
	for i := 0; i < len(s); {
		// Sixteen, then eight, ASCII bytes at once, each eight read in
		// one load: a fact or a finding at the end of a long paragraph
		// counts the whole line.
		if i+16 <= len(s) && (load8(s, i)|load8(s, i+8))&highBits == 0 {
			runes += 16
			units += 16
			i += 16
			continue
		}
		if i+8 <= len(s) && load8(s, i)&highBits == 0 {
			runes += 8
			units += 8
			i += 8
			continue
		}
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

// highBits has the top bit of each of eight bytes: a word of eight bytes
// is ASCII when it has none of them.
const highBits = 0x8080808080808080

// load8 returns s[i:i+8] as a little-endian integer (one load).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
