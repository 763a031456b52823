// Package document turns the bytes of one article file into the model rules read:
// its byte-order mark and line-end style, lines, paragraphs, sentences, words and
// headline. Every position is a byte offset into Text; conversion to lines and
// columns lives in position.go.
package document

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// LineEnding is the line-end style of a file.
type LineEnding int

// The line-end styles. A file with no line end at all is LF.
const (
	LF LineEnding = iota
	CRLF
	CR
)

// String returns the escape form of the line end.
func (e LineEnding) String() string {
	switch e {
	case CRLF:
		return `\r\n`
	case CR:
		return `\r`
	}
	return `\n`
}

// Bytes returns the line end itself.
func (e LineEnding) Bytes() string {
	switch e {
	case CRLF:
		return "\r\n"
	case CR:
		return "\r"
	}
	return "\n"
}

// Line is one line of the text. Span excludes the line end; Full includes it.
type Line struct {
	finding.Span
	// Full runs from the line's start to the start of the next line.
	Full finding.Span
}

// Paragraph is a run of non-blank lines between blank lines (or the file's ends).
type Paragraph struct {
	finding.Span
	// FirstLine and LastLine are indexes into Document.Lines.
	FirstLine, LastLine int
}

// Document is one article file.
type Document struct {
	// Path is the file's name as given on the command line ("-" for standard input).
	Path string
	// Text is the file's content after any UTF-8 byte-order mark, unchanged otherwise.
	Text string
	// BOM records whether the file started with a UTF-8 byte-order mark.
	BOM bool
	// LineEnding is the file's line-end style (the most frequent one).
	LineEnding LineEnding
	// Lines holds every line, including blank ones.
	Lines []Line
	// Paragraphs holds the blank-line separated blocks.
	Paragraphs []Paragraph
	// InvalidUTF8 lists the runs of bytes that are not valid UTF-8.
	InvalidUTF8 []finding.Span
	// Lang is the language pack chosen for the article ("id", "en"); set by the engine.
	Lang string

	sentences []finding.Span
	segmented bool
	// asciiEnd is the length of the text's longest ASCII prefix (0 when
	// unknown): up to there a byte is one code point and one UTF-16 unit.
	asciiEnd int
	posCache posCache
	memo     map[any]any
}

// Memo returns the value stored under key for this document, calling build to
// compute it the first time. Rules share what they derive from the text (the
// headline's index, normalised lines) through it, so a view several rules read
// is computed once per document. Keys should be values of an unexported type
// of the package that uses them, as with context.Context. Like the rest of a
// Document, it is not safe for concurrent use.
func (d *Document) Memo(key any, build func() any) any {
	if v, ok := d.memo[key]; ok {
		return v
	}
	v := build()
	if d.memo == nil {
		d.memo = map[any]any{}
	}
	d.memo[key] = v
	return v
}

// BOMBytes is the UTF-8 encoding of U+FEFF.
const BOMBytes = "\xef\xbb\xbf"

// IsBinary reports whether data looks like a binary file rather than text: it holds
// a NUL byte in its first 8 KiB, as git and grep judge.
func IsBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	return bytes.IndexByte(head, 0) >= 0
}

// Parse builds the document model of one file's bytes. It never fails: invalid
// UTF-8 is recorded in InvalidUTF8 for the encoding rules to report.
func Parse(path string, data []byte) *Document {
	return ParseString(path, string(data))
}

// ParseString is Parse for a file's content already held as a string: the
// engine reads a file once and parses it without copying it again.
func ParseString(path, text string) *Document {
	d := &Document{Path: path}
	if len(text) >= 3 && text[:3] == BOMBytes {
		d.BOM = true
		text = text[3:]
	}
	d.Text = text
	d.scanLines()
	d.scanParagraphs()
	d.scanInvalid()
	return d
}

func (d *Document) scanLines() {
	if strings.IndexByte(d.Text, '\r') < 0 {
		d.Lines, d.LineEnding = splitLF(d.Text), LF
		return
	}
	d.Lines, d.LineEnding = splitAnyEnding(d.Text)
}

// splitLF is splitAnyEnding for a text with only LF line ends (the usual
// case), its line ends found with IndexByte.
func splitLF(t string) []Line {
	lines := make([]Line, 0, strings.Count(t, "\n")+1)
	start := 0
	for {
		i := strings.IndexByte(t[start:], '\n')
		if i < 0 {
			break
		}
		end := start + i
		lines = append(lines, Line{Span: finding.Span{Start: start, End: end}, Full: finding.Span{Start: start, End: end + 1}})
		start = end + 1
	}
	if start < len(t) || len(lines) == 0 {
		lines = append(lines, Line{Span: finding.Span{Start: start, End: len(t)}, Full: finding.Span{Start: start, End: len(t)}})
	}
	return lines
}

// splitAnyEnding splits t into lines ended by LF, CRLF or CR, and returns
// the line ending most of them use.
func splitAnyEnding(t string) (lines []Line, eol LineEnding) {
	var nLF, nCRLF, nCR int
	start := 0
	lines = make([]Line, 0, strings.Count(t, "\n")+1)
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c != '\n' && c != '\r' {
			continue
		}
		end := i
		next := i + 1
		if c == '\r' && i+1 < len(t) && t[i+1] == '\n' {
			next = i + 2
			nCRLF++
		} else if c == '\r' {
			nCR++
		} else {
			nLF++
		}
		lines = append(lines, Line{Span: finding.Span{Start: start, End: end}, Full: finding.Span{Start: start, End: next}})
		start = next
		i = next - 1
	}
	if start < len(t) || len(lines) == 0 {
		lines = append(lines, Line{Span: finding.Span{Start: start, End: len(t)}, Full: finding.Span{Start: start, End: len(t)}})
	}
	switch {
	case nCRLF > nLF && nCRLF >= nCR:
		eol = CRLF
	case nCR > nLF && nCR > nCRLF:
		eol = CR
	default:
		eol = LF
	}
	return lines, eol
}

func (d *Document) scanParagraphs() {
	first := -1
	for i, l := range d.Lines {
		blank := IsBlank(d.Text[l.Start:l.End])
		if !blank && first < 0 {
			first = i
		}
		if blank && first >= 0 {
			d.addParagraph(first, i-1)
			first = -1
		}
	}
	if first >= 0 {
		d.addParagraph(first, len(d.Lines)-1)
	}
}

func (d *Document) addParagraph(first, last int) {
	if d.Paragraphs == nil {
		// One allocation: blank lines separate the paragraphs, so the
		// lines from first on hold at most half as many again.
		d.Paragraphs = make([]Paragraph, 0, (len(d.Lines)-first+1)/2)
	}
	d.Paragraphs = append(d.Paragraphs, Paragraph{
		Span:      finding.Span{Start: d.Lines[first].Start, End: d.Lines[last].End},
		FirstLine: first, LastLine: last,
	})
}

// scanInvalid finds the text's ASCII prefix and its invalid UTF-8: an
// ASCII text (most articles in Indonesian and English) is valid without
// another look.
func (d *Document) scanInvalid() {
	d.asciiEnd = asciiPrefix(d.Text)
	if d.asciiEnd < len(d.Text) && !utf8.ValidString(d.Text[d.asciiEnd:]) {
		d.InvalidUTF8 = invalidRuns(d.Text)
	}
}

// asciiPrefix returns the length of the longest prefix of s that is ASCII,
// reading 32 bytes at a time (as fast as utf8.ValidString's ASCII path).
func asciiPrefix(s string) int {
	rest := s // shrinking, so that the loads need no bounds checks
	for len(rest) >= 32 && (load8(rest, 0)|load8(rest, 8)|load8(rest, 16)|load8(rest, 24))&highBits == 0 {
		rest = rest[32:]
	}
	i := len(s) - len(rest)
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// invalidRuns returns the runs of bytes of t that are not UTF-8.
func invalidRuns(t string) (out []finding.Span) {
	for i := 0; i < len(t); {
		if t[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if r == utf8.RuneError && n == 1 {
			j := i + 1
			for j < len(t) {
				r2, n2 := utf8.DecodeRuneInString(t[j:])
				if r2 != utf8.RuneError || n2 != 1 {
					break
				}
				j++
			}
			out = append(out, finding.Span{Start: i, End: j})
			i = j
			continue
		}
		i += n
	}
	return out
}

// IsBlank reports whether s holds nothing but white space (non-breaking spaces count).
func IsBlank(s string) bool {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		if !asciiSpace[s[i]] {
			return false
		}
		i++
	}
	for _, r := range s[i:] {
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			return false
		}
	}
	return true
}

// Slice returns the text a span covers.
func (d *Document) Slice(s finding.Span) string { return d.Text[s.Start:s.End] }

// LineText returns line i without its line end.
func (d *Document) LineText(i int) string { return d.Text[d.Lines[i].Start:d.Lines[i].End] }

// IsBlankLine reports whether line i holds only white space.
func (d *Document) IsBlankLine(i int) bool { return IsBlank(d.LineText(i)) }

// Headline returns the index of the first non-blank line, or -1 for an empty article.
func (d *Document) Headline() int {
	for i := range d.Lines {
		if !d.IsBlankLine(i) {
			return i
		}
	}
	return -1
}

// NonBlankLines returns the indexes of the lines that hold text.
func (d *Document) NonBlankLines() []int {
	var out []int
	for i := range d.Lines {
		if !d.IsBlankLine(i) {
			out = append(out, i)
		}
	}
	return out
}

// Flattened reports whether the article was flattened to one long line, as some
// scrapers store it, so that line-based rules must look inside the line.
func (d *Document) Flattened() bool {
	return len(d.Paragraphs) == 1 && d.Paragraphs[0].FirstLine == d.Paragraphs[0].LastLine && d.Paragraphs[0].Len() > 600
}

// LineIndex returns the index of the line holding byte offset off.
func (d *Document) LineIndex(off int) int {
	lo, hi := 0, len(d.Lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.Lines[mid].Start <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// DeleteLineEdit returns the edit that deletes line i with its line end, and also
// one adjacent blank line when the deletion would otherwise leave two blank lines
// in a row (or a blank line at the start or end of the text), so that paragraphs
// stay separated by exactly one blank line.
func (d *Document) DeleteLineEdit(i int) finding.Edit {
	return d.DeleteLinesEdit(i, i)
}

// DeleteLinesEdit is DeleteLineEdit for the lines first..last. Deleting the
// text's last lines also takes every blank line before them, and the line end
// before those when the text had no final line end, so the text ends as it did.
func (d *Document) DeleteLinesEdit(first, last int) finding.Edit {
	span := finding.Span{Start: d.Lines[first].Full.Start, End: d.Lines[last].Full.End}
	prevBlank := first > 0 && d.IsBlankLine(first-1)
	atStart := first == 0
	nextBlank := last+1 < len(d.Lines) && d.IsBlankLine(last+1)
	atEnd := last+1 >= len(d.Lines)
	switch {
	case nextBlank && (prevBlank || atStart):
		span.End = d.Lines[last+1].Full.End
	case atEnd && !atStart:
		// The last non-blank line before the deleted ones.
		k := first - 1
		for k >= 0 && d.IsBlankLine(k) {
			k--
		}
		switch {
		case k < 0:
			span.Start = 0
		case d.Lines[last].Full.End == d.Lines[last].End:
			// No final line end: the text now ends where line k's text does.
			span.Start = d.Lines[k].End
		default:
			span.Start = d.Lines[k].Full.End
		}
	}
	return finding.Edit{Span: span}
}
