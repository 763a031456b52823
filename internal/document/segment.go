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
	if len(d.Paragraphs) == 0 {
		return nil
	}
	d.sentences = make([]finding.Span, 0, sentenceEstimate(d.Text, len(d.Paragraphs)))
	marks := newMarkFinder(d.Text)
	for _, p := range d.Paragraphs {
		d.sentences = appendSentences(d.sentences, d.Text, p.Span, abbr, &marks)
	}
	return d.sentences
}

// sentenceEstimate returns the capacity to give the sentences of a text of
// that many paragraphs: one every 64 bytes, and one more for each paragraph's
// last. News sentences run 70 to 200 bytes, so this is one allocation for
// nearly every article (counting the periods first costs more than the
// rare slice that grows).
func sentenceEstimate(text string, paragraphs int) int {
	return len(text)/64 + paragraphs
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

// markFinder finds the terminal marks ('.', '!', '?', '…') of a text in
// order, with vectorised byte searches instead of a loop over its runes. None
// of the marks' bytes is a UTF-8 continuation byte, so it stops everywhere a
// rune-by-rune scan would. The period, by far the most frequent, is searched
// for on its own; the rare marks' next occurrences are remembered, so the text
// is searched about once for each of them. One finder serves every paragraph
// of a text, in order.
type markFinder struct {
	text string
	// The offset of the next '.', '!', '?' and '…' at or after the last
	// search for it (len(text) for none), or -1 before the first search;
	// rare is the least of the last three.
	dot, bang, question, ellipsis, rare int
}

func newMarkFinder(text string) markFinder {
	return markFinder{text: text, dot: -1, bang: -1, question: -1, ellipsis: -1, rare: -1}
}

// find returns the offset of the first terminal mark at or after i, or
// len(text) when there is none.
func (m *markFinder) find(i int) int {
	if m.dot < i {
		m.dot = indexFrom(m.text, i, ".")
	}
	if m.rare < i {
		if m.bang < i {
			m.bang = indexFrom(m.text, i, "!")
		}
		if m.question < i {
			m.question = indexFrom(m.text, i, "?")
		}
		if m.ellipsis < i {
			m.ellipsis = indexFrom(m.text, i, "…")
		}
		m.rare = min(m.bang, m.question, m.ellipsis)
	}
	return min(m.dot, m.rare)
}

// indexFrom returns the offset of the first mark in text at or after i, or
// len(text) when there is none.
func indexFrom(text string, i int, mark string) int {
	var j int
	if len(mark) == 1 {
		j = strings.IndexByte(text[i:], mark[0])
	} else {
		j = strings.Index(text[i:], mark)
	}
	if j < 0 {
		return len(text)
	}
	return i + j
}

// terminalLen returns the length of the terminal mark ('.', '!', '?', '…') at
// text[i:end], or 0 when there is none.
func terminalLen(text string, i, end int) int {
	switch text[i] {
	case '.', '!', '?':
		return 1
	case 0xE2:
		if i+2 < end && text[i+1] == 0x80 && text[i+2] == 0xA6 {
			return 3
		}
	}
	return 0
}

// decodeRune is utf8.DecodeRuneInString(text[i:end]) with an ASCII fast path.
func decodeRune(text string, i, end int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:end])
}

// isSpace is unicode.IsSpace with an ASCII fast path.
func isSpace(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

// asciiSpace marks the ASCII characters unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// skipSpace returns the first offset at or after i (and before end) that
// does not start a white-space rune.
func skipSpace(text string, i, end int) int {
	for i < end {
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !isSpace(r) {
			break
		}
		i += n
	}
	return i
}

// appendSentences appends the sentences of text[p.Start:p.End] to out. It
// looks only at the terminal marks, which marks finds in text (at or after
// p.Start: the paragraphs are segmented in order): the text between them is
// not decoded.
func appendSentences(out []finding.Span, text string, p finding.Span, abbr Abbreviations, marks *markFinder) []finding.Span {
	start := skipSpace(text, p.Start, p.End)
	i := start
	for i < p.End {
		i = marks.find(i)
		if i >= p.End {
			break
		}
		end := i + terminalLen(text, i, p.End)
		// runs of terminal marks: "?!", "..."
		for end < p.End {
			n2 := terminalLen(text, end, p.End)
			if n2 == 0 {
				break
			}
			end += n2
		}
		for end < p.End {
			r2, n2 := decodeRune(text, end, p.End)
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
		j := skipSpace(text, end, p.End)
		start, i = j, j
	}
	if start < p.End {
		e := p.End
		for e > start {
			r, n := utf8.DecodeLastRuneInString(text[start:e])
			if !isSpace(r) {
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
	j := end + 1 // after the usual ASCII space
	if c := text[end]; c >= utf8.RuneSelf {
		r, n := utf8.DecodeRuneInString(text[end:])
		if !isSpace(r) {
			return false
		}
		j = end + n
	} else if !asciiSpace[c] {
		return false
	}
	j = skipSpace(text, j, len(text))
	if j >= len(text) {
		return true
	}
	if c := text[j]; c < utf8.RuneSelf {
		if !asciiSentenceStart[c] {
			return false
		}
	} else if next, _ := utf8.DecodeRuneInString(text[j:]); !unicode.IsUpper(next) && !unicode.IsDigit(next) && !isOpening(next) {
		return false
	}
	if text[mark] != '.' || (mark+1 < len(text) && text[mark+1] == '.') {
		return true
	}
	tok := TokenBefore(text, mark)
	if tok == "" {
		return true
	}
	// tok and its period, as a slice of the text: no concatenation.
	if abbr != nil && abbr.IsAbbreviation(text[mark-len(tok):mark+1]) {
		return false
	}
	if IsInitial(tok) {
		return false
	}
	return true
}

// asciiSentenceStart marks the ASCII characters that can start a sentence:
// capitals, digits and opening marks.
var asciiSentenceStart = func() (t [utf8.RuneSelf]bool) {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		t[c] = 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || isOpening(c)
	}
	return t
}()

// TokenBefore returns the run of non-space characters that ends at text[end],
// without leading opening quotes or brackets: for "kata (Jl." it returns "Jl".
func TokenBefore(text string, end int) string {
	i := end
	for i > 0 {
		if c := text[i-1]; c < utf8.RuneSelf {
			if asciiTokenStop[c] {
				break
			}
			i--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if isSpace(r) || isOpening(r) && r != '-' {
			break
		}
		i -= n
	}
	return text[i:end]
}

// asciiTokenStop marks the ASCII characters TokenBefore stops at: white
// space and the opening marks but the hyphen.
var asciiTokenStop = func() (t [utf8.RuneSelf]bool) {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		t[c] = isSpace(c) || isOpening(c) && c != '-'
	}
	return t
}()

// IsInitial reports whether tok is a single capital letter, or dotted capitals such
// as "U.S" or "J.R" (the final period is not part of tok).
func IsInitial(tok string) bool {
	// The usual token, a word starting with two ASCII characters, is not
	// one: its first part is longer than one rune.
	if len(tok) > 1 && tok[0] < utf8.RuneSelf && tok[1] != '.' {
		return false
	}
	for {
		part, rest, more := strings.Cut(tok, ".")
		// One rune exactly (an invalid byte counts as one, as
		// utf8.RuneCountInString counts it), and a capital.
		r, n := utf8.DecodeRuneInString(part)
		if n == 0 || n != len(part) || !unicode.IsUpper(r) {
			return false
		}
		if !more {
			return true
		}
		tok = rest
	}
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
		if out == nil {
			// About one word in every six bytes of news text: one
			// allocation instead of a growing slice's several.
			out = make([]Word, 0, (s.End-w.Start)/6+2)
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
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:end]); !isWordRuneSlow(r) {
			i += n
			continue
		}
		start := i
		for i < end {
			c := text[i]
			if c < utf8.RuneSelf && asciiWord[c] {
				i++
				continue
			}
			r2, n2 := decodeRune(text, i, end)
			if c >= utf8.RuneSelf && isWordRuneSlow(r2) {
				i += n2
				continue
			}
			if r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.' {
				if i+n2 < end {
					if r3, _ := decodeRune(text, i+n2, end); IsWordRune(r3) {
						i += n2
						continue
					}
				}
			}
			break
		}
		return Word{Start: start, End: i}, true
	}
	return Word{}, false
}

// asciiWord marks the ASCII characters that belong inside a word: letters and
// digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// IsWordRune reports whether r belongs inside a word.
func IsWordRune(r rune) bool {
	if 0 <= r && r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordRuneSlow(r)
}

// isWordRuneSlow is IsWordRune for a rune outside ASCII.
func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
