package document

import (
	"unicode/utf16"
	"unicode/utf8"
)

// Position is a byte offset expressed as a 1-based line and 1-based columns in the
// three units clients count in: UTF-8 bytes (reviewdog, LSP with utf-8), Unicode
// code points (GitHub annotations, text output, SARIF's default) and UTF-16 code
// units (SARIF "utf16CodeUnits", LSP's default).
type Position struct {
	Offset     int `json:"offset"`
	Line       int `json:"line"`
	ByteColumn int `json:"column"`
	RuneColumn int `json:"runeColumn"`
	UTF16Col   int `json:"utf16Column"`
}

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
	from, runes, units := line.Start, 0, 0
	// Findings are usually converted in offset order; counting on from the last
	// conversion on the same line keeps a 20 MB single-line article linear.
	if c := d.posCache; c.valid && c.line == li && c.off <= end {
		from, runes, units = c.off, c.runes, c.units
	}
	r, u := countUnits(d.Text[from:end])
	runes += r
	units += u
	d.posCache = posCache{valid: true, line: li, off: end, runes: runes, units: units}
	return Position{Offset: off, Line: li + 1, ByteColumn: end - line.Start + 1, RuneColumn: runes + 1, UTF16Col: units + 1}
}

// posCache remembers the last conversion. A Document is not safe for concurrent use.
type posCache struct {
	valid                   bool
	line, off, runes, units int
}

// countUnits counts the code points and UTF-16 code units of s. Each invalid byte
// counts as one of each, as a decoder replacing it with U+FFFD would.
func countUnits(s string) (runes, units int) {
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
