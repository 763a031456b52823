package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// Abbreviations tells the sentence segmenter which words end with a period that
// does not end a sentence. The token passed includes its final period ("Jl.",
// "U.S.", "dkk.").
type Abbreviations interface {
	IsAbbreviation(token string) bool
}

// Segment splits every paragraph into sentences, knowing abbr's abbreviations,
// initials ("J. R. R. Tolkien"), decimals and times (3.5, 10.30), thousands (1.500)
// and domains (Kompas.com). It is computed once; later calls return the same spans.
func (d *Document) Segment(abbr Abbreviations) []finding.Span {
	if d.segmented {
		return d.sentences
	}
	d.segmented = true
	for _, p := range d.Paragraphs {
		d.sentences = appendSentences(d.sentences, d.Text, p.Span, abbr)
	}
	return d.sentences
}

// Sentences returns the spans Segment computed (nil before it ran).
func (d *Document) Sentences() []finding.Span { return d.sentences }

// SentenceAt returns the sentence holding byte offset off, or the zero span.
func (d *Document) SentenceAt(off int) finding.Span {
	lo, hi := 0, len(d.sentences)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.sentences[mid].End <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(d.sentences) && d.sentences[lo].Start <= off {
		return d.sentences[lo]
	}
	return finding.Span{}
}

// ParagraphAt returns the index of the paragraph holding byte offset off, or -1.
func (d *Document) ParagraphAt(off int) int {
	lo, hi := 0, len(d.Paragraphs)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.Paragraphs[mid].End < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(d.Paragraphs) && d.Paragraphs[lo].Start <= off {
		return lo
	}
	return -1
}

func isClosing(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»', '›':
		return true
	}
	return false
}

func isOpening(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '«', '‹', '-', '–', '—':
		return true
	}
	return false
}

// appendSentences segments text[p.Start:p.End].
func appendSentences(out []finding.Span, text string, p finding.Span, abbr Abbreviations) []finding.Span {
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
		if !IsBoundary(text[:p.End], i, end, abbr) {
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

// IsBoundary reports whether the terminal mark at text[mark] (running, with any
// closing quotes or brackets, to text[end]) ends a sentence: it must be followed by
// white space and a word that can start one (a capital, a digit or an opening
// mark), or by the end of text, and the mark must not belong to an abbreviation,
// an initial or a number.
func IsBoundary(text string, mark, end int, abbr Abbreviations) bool {
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
	tok := TokenBefore(text, mark)
	if tok == "" {
		return true
	}
	if abbr != nil && abbr.IsAbbreviation(tok+".") {
		return false
	}
	if IsInitial(tok) {
		return false
	}
	return true
}

// TokenBefore returns the run of non-space characters that ends at text[end],
// without leading opening quotes or brackets: for "kata (Jl." it returns "Jl".
func TokenBefore(text string, end int) string {
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

// IsInitial reports whether tok is a single capital letter, or dotted capitals such
// as "U.S" or "J.R" (the final period is not part of tok).
func IsInitial(tok string) bool {
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

// Word is a token of letters and digits, with inner hyphens, apostrophes and
// periods ("Korea-Rusia", "Kompas.com", "10.30") kept inside it.
type Word = finding.Span

// Words returns the words of text[s.Start:s.End] as spans of the document.
func (d *Document) Words(s finding.Span) []Word { return Words(d.Text, s) }

// Words returns the words of text[s.Start:s.End].
func Words(text string, s finding.Span) []Word {
	var out []Word
	for i := s.Start; ; {
		w, ok := nextWord(text, i, s.End)
		if !ok {
			return out
		}
		out = append(out, w)
		i = w.End
	}
}

// CountWords counts the words Words would return, up to limit, without
// building them.
func CountWords(text string, s finding.Span, limit int) int {
	n := 0
	for i := s.Start; n < limit; n++ {
		w, ok := nextWord(text, i, s.End)
		if !ok {
			break
		}
		i = w.End
	}
	return n
}

// nextWord returns the first word of text[i:end].
func nextWord(text string, i, end int) (Word, bool) {
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !IsWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		for i < end {
			r2, n2 := utf8.DecodeRuneInString(text[i:end])
			if IsWordRune(r2) {
				i += n2
				continue
			}
			if r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.' {
				r3, _ := utf8.DecodeRuneInString(text[i+n2 : end])
				if i+n2 < end && IsWordRune(r3) {
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

// IsWordRune reports whether r belongs inside a word.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
