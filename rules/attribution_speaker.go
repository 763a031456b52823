package rules

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// speakers recognises attribution — an attribution verb in the shape news uses
// to name who spoke — with one language's lists. The attribution-verbs list says
// for each verb which shape it needs (its first field):
//
//   - none: the verb attributes wherever it stands ("mengatakan", "menurut",
//     "said", "according to");
//   - "speaker-after": a bare verb that is also an everyday word ("jelas" is
//     "clear", "lanjut" "further", "kata" "word") attributes only right after a
//     closing quote or when a speaker follows it: a capitalised name, a pronoun
//     or a speaker word ("kata Kim", "ujar dia", "ucap sang kapten");
//   - "speaker-either": the same, or with the speaker just before it ("Smith
//     notes", "she continued");
//   - "clause": a -nya form ("jelasnya", "tambahnya") attributes after a closing
//     quote or set off by a comma or colon (", tegasnya.").
type speakers struct {
	verbs    *lexicon.List
	pronouns *lexicon.List
	// leads are words that introduce a speaker without a capital: "sang", "salah".
	leads *lexicon.List
	// filter is the verbs' wordFilter, built once per run with the list.
	filter *wordFilter
}

func newSpeakers(p *rule.Pass) speakers {
	verbs := p.Pack.List("attribution-verbs")
	return speakers{verbs: verbs, pronouns: p.Pack.List("pronouns"), leads: p.Pack.List("speaker-leads"), filter: wordFilterOf(verbs)}
}

// quoteSpan is a pair of marks and the text between them.
type quoteSpan struct {
	open, close int // offsets of the marks
	end         int // offset after the closing mark
}

// inner returns the quoted text, without the marks.
func (q quoteSpan) inner(text string) string {
	_, n := utf8.DecodeRuneInString(text[q.open:])
	return text[q.open+n : q.close]
}

// findQuotes returns the paired quotes of text[s]: “…” and "…" pairs, and the
// mixed pairs scraped text is full of: “…" and "…”. A straight mark that
// looks like a closer (after a word, before a space or punctuation) closes a
// curly opener; a curly closer closes a straight opener.
//
// It jumps from mark to mark (nextQuoteMark) instead of decoding every rune:
// most paragraphs hold no quote at all.
func findQuotes(text string, s finding.Span) []quoteSpan {
	q := quotePairing{open: -1}
	var marks quoteMarks
	for i := s.Start; i < s.End; {
		r, at, n := marks.next(text, i, s.End)
		if n == 0 {
			break
		}
		q.mark(text, s, r, at, n)
		i = at + n
	}
	return q.out
}

// quotePairing pairs quote marks into quotes as findQuotes meets them.
type quotePairing struct {
	open  int  // the open mark's offset, -1 for none
	curly bool // the open mark is “
	out   []quoteSpan
}

// mark takes the rune r of n bytes at offset i of text (in span s); runes
// other than quote marks change nothing.
func (q *quotePairing) mark(text string, s finding.Span, r rune, i, n int) {
	switch {
	case r == '“':
		q.open, q.curly = i, true
	case r == '”' && q.open >= 0:
		q.out = append(q.out, quoteSpan{open: q.open, close: i, end: i + n})
		q.open = -1
	case r == '"' && q.open >= 0 && (!q.curly || looksClosing(text, s, i)):
		q.out = append(q.out, quoteSpan{open: q.open, close: i, end: i + n})
		q.open = -1
	case r == '"' && q.open < 0:
		q.open, q.curly = i, false
	}
}

// quoteMarks finds the quote marks of a text one after the other: the next
// '"' and the next 0xE2 byte (the lead byte of “ and ”) are each found with
// strings.IndexByte and kept until passed. A '"' byte is always the rune '"'
// and a 0xE2 byte always starts a rune in UTF-8, so this finds the marks a
// rune-by-rune decoding of the text would.
type quoteMarks struct {
	straight, curly int // offsets of the next '"' and 0xE2 found; -1: none left
	started         bool
}

// next returns the first of “, ” and " in text[i:end], its offset and its
// length in bytes; n is 0 when there is none. Calls must come with i not
// decreasing and the same text and end.
func (m *quoteMarks) next(text string, i, end int) (r rune, at, n int) {
	if !m.started {
		m.started = true
		m.straight = indexByteFrom(text, i, end, '"')
		m.curly = indexByteFrom(text, i, end, 0xE2)
	}
	for {
		if m.straight >= 0 && m.straight < i {
			m.straight = indexByteFrom(text, i, end, '"')
		}
		if m.curly >= 0 && m.curly < i {
			m.curly = indexByteFrom(text, i, end, 0xE2)
		}
		switch {
		case m.straight < 0 && m.curly < 0:
			return 0, end, 0
		case m.curly < 0 || m.straight >= 0 && m.straight < m.curly:
			return '"', m.straight, 1
		}
		c := m.curly
		if c+3 <= end && text[c+1] == 0x80 && (text[c+2] == 0x9C || text[c+2] == 0x9D) {
			if text[c+2] == 0x9C {
				return '“', c, 3
			}
			return '”', c, 3
		}
		i = c + 1 // another rune of the General Punctuation block: ’, —, …
	}
}

// indexByteFrom returns the offset of the first c in text[i:end], or -1.
func indexByteFrom(text string, i, end int, c byte) int {
	if k := strings.IndexByte(text[i:end], c); k >= 0 {
		return i + k
	}
	return -1
}

// looksClosing reports whether the straight mark at i follows a non-space and
// is followed by a space, punctuation or the end.
func looksClosing(text string, s finding.Span, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[s.Start:i])
	after, _ := utf8.DecodeRuneInString(text[i+1 : s.End])
	return i > s.Start && !unicode.IsSpace(before) && (i+1 >= s.End || !unicode.IsLetter(after) && !unicode.IsDigit(after))
}

// masked is a stretch of text with the words inside its quotes blanked, so a
// verb inside a quote never counts as attribution, while offsets still match.
type masked struct {
	text string
	// ends holds, in order, the offsets just after each closing mark (offsets
	// into the stretch maskQuotes was given, of which text starts at base), and
	// sentence whether that quote ended with sentence punctuation.
	ends     []int
	sentence []bool
	base     int
}

// maskQuotes blanks the inside of every quote of text[s] but the quote's last
// punctuation mark. A stretch with no quote is not copied.
func maskQuotes(text string, s finding.Span) masked {
	var mk quoteMasker
	return mk.mask(text, s)
}

// quoteMasker masks stretches of text as maskQuotes does, into a buffer it
// keeps: a rule that masks many stretches of a document, reading each once,
// allocates the buffer once instead of once a stretch. What mask returns is
// valid only until the masker's next mask.
type quoteMasker struct {
	buf      []byte
	ends     []int
	sentence []bool
}

// mask returns maskQuotes(text, s), held in mk's buffers.
func (mk *quoteMasker) mask(text string, s finding.Span) masked {
	var m masked
	quotes := findQuotes(text, s)
	if len(quotes) == 0 {
		m.text = text[s.Start:s.End]
		return m
	}
	if cap(mk.buf) < s.Len() {
		mk.buf = make([]byte, 0, s.Len())
	}
	b := mk.buf[:0]
	m.ends, m.sentence = mk.ends[:0], mk.sentence[:0]
	at := s.Start // copied up to here
	for _, q := range quotes {
		inner := q.inner(text)
		last, n := utf8.DecodeLastRuneInString(inner)
		keep := 0
		if unicode.IsPunct(last) {
			keep = n
		}
		from := q.close - len(inner)
		b = append(b, text[at:from]...)
		for n := q.close - keep - from; n > 0; n -= len(blanks) {
			b = append(b, blanks[:min(n, len(blanks))]...)
		}
		at = q.close - keep
		m.ends = append(m.ends, q.end-s.Start)
		m.sentence = append(m.sentence, strings.ContainsRune(".!?", last))
	}
	b = append(b, text[at:s.End]...)
	mk.buf, mk.ends, mk.sentence = b, m.ends, m.sentence
	// The buffer is written again only by the next mask, when m is no
	// longer read.
	m.text = unsafe.String(unsafe.SliceData(b), len(b))
	return m
}

// maskWindow returns maskQuotes(text, u).slice(w.Start-u.Start, w.End-u.Start)
// for w inside u and quotes the quotes of u (findQuotes(text, u)), masking
// only w: a window of a long stretch costs a copy of the window, not of the
// stretch, and no copy at all when no quote's blanks reach into it. The
// result is held in mk's buffers, as mask's.
func (mk *quoteMasker) maskWindow(text string, u finding.Span, quotes []quoteSpan, w finding.Span) masked {
	m := masked{text: text[w.Start:w.End], base: w.Start - u.Start}
	if len(quotes) == 0 {
		return m
	}
	m.ends, m.sentence = mk.ends[:0], mk.sentence[:0]
	b := mk.buf[:0]
	copied := false
	at := w.Start // copied up to here
	// The quotes before the window (blanks and end before it) are passed
	// over with a binary search: a long stretch has many windows.
	first := sort.Search(len(quotes), func(i int) bool { return quotes[i].end > w.Start })
	for _, q := range quotes[first:] {
		if q.open >= w.End {
			break // its blanks and its end lie after the window
		}
		inner := q.inner(text)
		last, n := utf8.DecodeLastRuneInString(inner)
		keep := 0
		if unicode.IsPunct(last) {
			keep = n
		}
		if from, to := max(q.close-len(inner), at), min(q.close-keep, w.End); from < to {
			if !copied {
				if cap(b) < w.Len() {
					b = make([]byte, 0, w.Len())
				}
				copied = true
			}
			b = append(b, text[at:from]...)
			for n := to - from; n > 0; n -= len(blanks) {
				b = append(b, blanks[:min(n, len(blanks))]...)
			}
			at = to
		}
		if q.end <= w.End {
			m.ends = append(m.ends, q.end-u.Start)
			m.sentence = append(m.sentence, strings.ContainsRune(".!?", last))
		}
	}
	mk.ends, mk.sentence = m.ends, m.sentence
	if copied {
		b = append(b, text[at:w.End]...)
		mk.buf = b
		m.text = unsafe.String(unsafe.SliceData(b), len(b))
	}
	return m
}

// blanks is what maskQuotes writes over a quote's words, a piece at a time.
const blanks = "                                                                " +
	"                                                                "

// slice returns the masked text of [from, to), offsets relative to the
// stretch maskQuotes was given. It copies nothing, so a long stretch can be
// read a window at a time.
func (m masked) slice(from, to int) masked {
	lo := sort.SearchInts(m.ends, m.base+from+1) // ends after from
	hi := sort.SearchInts(m.ends, m.base+to+1)   // up to to
	return masked{text: m.text[from:to], ends: m.ends[lo:hi], sentence: m.sentence[lo:hi], base: m.base + from}
}

// closedAt reports whether a closing mark ends just before offset i of the
// masked text, and whether its quote ended with sentence punctuation.
func (m masked) closedAt(i int) (sentence, ok bool) {
	k := sort.SearchInts(m.ends, m.base+i)
	if k < len(m.ends) && m.ends[k] == m.base+i {
		return m.sentence[k], true
	}
	return false, false
}

// in reports whether the masked text holds attribution.
//
// The words are split with an ASCII fast path in one pass, a word is looked
// up only when the verbs' wordFilter lets it through, and the verbs of
// several words ("according to") are looked for only in a stretch that holds
// one of them, ignoring ASCII case, as a match must.
func (sp speakers) in(m masked) bool {
	filter := sp.filter
	for _, p := range filter.multi {
		if indexFoldASCII(m.text, p) < 0 {
			continue
		}
		for _, e := range sp.verbs.FindAll(m.text) {
			if strings.Contains(e.Entry.Phrase, " ") { // "according to", "pointed out"
				return true
			}
		}
		break
	}
	// One pass over the words, keeping the last four: a verb's tests read
	// at most the three words before it (afterQuote, speakerBefore), so
	// they are given those as the words, the verb last.
	var window [4]finding.Span
	n := 0
	for i := 0; ; {
		start, end, ascii, ok := nextWordFast(m.text, i, len(m.text))
		if !ok {
			return false
		}
		i = end
		w := finding.Span{Start: start, End: end}
		word := m.text[start:end]
		if dot := strings.IndexByte(word, '.'); dot > 0 {
			w.End = w.Start + dot // "sebutnya.Ciptadana": two sentences glued
			word = word[:dot]
		}
		if n == len(window) {
			copy(window[:], window[1:])
			n--
		}
		window[n] = w
		n++
		if !filter.may(word, ascii) {
			continue
		}
		e := sp.verbs.Lookup(word)
		if e == nil {
			continue
		}
		words, k := window[:n], n-1
		shape := e.Field(0)
		switch {
		case shape == "":
			return true
		case sp.afterQuote(m, words, k):
			return true
		case shape == "clause" && sp.setOff(m.text, w):
			return true
		case (shape == "speaker-after" || shape == "speaker-either") && sp.speakerAfter(m.text, w):
			return true
		case shape == "speaker-either" && sp.speakerBefore(m.text, words, k):
			return true
		}
	}
}

// afterQuote reports whether word k follows a closing quote mark with at most
// three words between (",” kata Kim", "?” asked Smith", ",” the mayor added").
// After a quote that ended a sentence (“… kami.”) a capitalised word starts a
// new sentence, so it is no attribution.
func (sp speakers) afterQuote(m masked, words []finding.Span, k int) bool {
	i := words[k].Start
	between := 0
	for {
		for i > 0 {
			r, n := utf8.DecodeLastRuneInString(m.text[:i])
			if !unicode.IsSpace(r) {
				break
			}
			i -= n
		}
		if sentenceEnd, ok := m.closedAt(i); ok {
			next := words[k-between]
			return !sentenceEnd || !isUpperStart(m.text[next.Start:next.End])
		}
		if between == 3 || k-between-1 < 0 || words[k-between-1].End != i {
			return false
		}
		between++
		i = words[k-between].Start
	}
}

// setOff reports whether w stands after a comma or before a comma, colon or
// sentence end: ", ujarnya." or "Menurutnya, …".
func (sp speakers) setOff(text string, w finding.Span) bool {
	before := strings.TrimRightFunc(text[:w.Start], unicode.IsSpace)
	after := strings.TrimLeftFunc(text[w.End:], unicode.IsSpace)
	return strings.HasSuffix(before, ",") || strings.HasPrefix(after, ",") || strings.HasPrefix(after, ":") ||
		strings.HasPrefix(after, ".") || after == ""
}

// speakerAfter reports whether a speaker follows w after white space alone: a
// capitalised word, a pronoun or a speaker lead ("kata Kim", "ujar dia").
func (sp speakers) speakerAfter(text string, w finding.Span) bool {
	rest := text[w.End:]
	trimmed := strings.TrimLeft(rest, " \t\u00a0")
	if trimmed == rest || trimmed == "" {
		return false
	}
	next := document.Words(trimmed, finding.Span{Start: 0, End: len(trimmed)})
	if len(next) == 0 || next[0].Start != 0 {
		return false
	}
	word := trimmed[:next[0].End]
	return isUpperStart(word) || sp.pronouns.Contains(word) || sp.leads.Contains(word)
}

// speakerBefore reports whether a pronoun or a capitalised word that does not
// start its sentence stands right before word k: "she continued", "Smith notes".
func (sp speakers) speakerBefore(text string, words []finding.Span, k int) bool {
	if k == 0 {
		return false
	}
	prev := words[k-1]
	if strings.TrimLeft(text[prev.End:words[k].Start], " \t\u00a0") != "" {
		return false
	}
	word := text[prev.Start:prev.End]
	if sp.pronouns.Contains(word) {
		return true
	}
	if !isUpperStart(word) || k < 2 {
		return false
	}
	gap := text[words[k-2].End:prev.Start]
	return !strings.ContainsAny(gap, ".!?\n")
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
