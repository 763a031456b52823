package rules

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// ReadMore finds "read also" widgets: "Baca juga: …", "READ  <headline>",
// "Simak juga Video '…'", as lines and inline in flattened articles, and detik's
// video widget, its title printed twice before the editor code.
var ReadMore = &rule.Rule{
	ID:       "artifact/read-more",
	Title:    "read-also widget left in the text",
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: `A "read also" or video widget that the scraper kept: "Baca juga: <another headline>", "READ  <headline>", "Simak juga Video '…'", "Related: …", on a line of its own or inline in an article flattened to one line; and detik's video widget in a flattened article, its title printed twice before the editor code ("Video: T Video: T (nds/krs)"). Inline, the other article's headline ends where a marker says so (the next widget, the editor code, a paragraph gap, the line end: a safe fix) or where the article's next sentence is recognised (Title Case, sentence openers, the article's names: a fix offered for review).`,
		Why:  "The headline belongs to another article: left in, it breaks the text and teaches a model that articles end mid-thought with someone else's headline.",
		Bad:  "Korea Utara mengumumkan kunjungan Putin.\n\nBaca Juga: Pratama Arhan Resmi Gabung Klub Liga 1 Korea Suwon FC\n\nKedua negara bekerja bersama.\n",
		Good: "Korea Utara mengumumkan kunjungan Putin.\n\nKedua negara bekerja bersama.\n",
		Lang: "id",
	},
	Run: runReadMore,
}

func runReadMore(p *rule.Pass) {
	d := p.Doc
	for _, w := range readMoreWidgets(p) {
		q := quote(d.Slice(w.span))
		if w.line >= 0 {
			p.Report(w.span, "read-also widget "+q+" left by the scraper", deleteLineFix(d, w.line))
			continue
		}
		fix := finding.Fix{Message: "delete " + q, Edits: []finding.Edit{removeInlineEdit(d.Text, w.in, w.span)}, Safe: w.sure}
		if w.video.Len() > 0 {
			p.Report(w.span, "video widget "+quote(d.Slice(w.video))+" left by the scraper (its title printed twice)", fix)
			continue
		}
		p.Report(w.span, "read-also widget "+q+" left inside the text", fix)
	}
}

// readMoreWidget is a read-also widget found in the text: a whole line (line
// is its index) or inline (line is -1; sure is false when the end of the other
// article's headline was guessed from capitalisation).
type readMoreWidget struct {
	span  finding.Span
	in    finding.Span // the trimmed line the widget stands in
	line  int
	sure  bool
	video finding.Span // detik's video widget: its title, printed twice in span
}

// readMoreWidgets returns the read-also widgets of the document, in order. The
// attribution rules use it too, to leave another article's headline alone.
// Only the lines that hold a read-more phrase (found in one scan of the text,
// lineMatches) or detik's editor code (where its video widget ends) are looked at.
func readMoreWidgets(p *rule.Pass) []readMoreWidget {
	d := p.Doc
	matches := widgetPhrases(p, "read-more")
	codes := editorCodeLines(d)
	var out []readMoreWidget
	for len(matches) > 0 || len(codes) > 0 {
		i := len(d.Lines)
		if len(matches) > 0 {
			i = matches[0].line
		}
		if len(codes) > 0 && codes[0].line < i {
			i = codes[0].line
		}
		ls := trimmedLine(d, i)
		var ms []lexicon.Match // line i's matches, offsets in the trimmed line
		for len(matches) > 0 && matches[0].line == i {
			m := matches[0].Match
			m.Start -= ls.Start
			m.End -= ls.Start
			ms = append(ms, m)
			matches = matches[1:]
		}
		code := -1 // the first editor code in line i
		if len(codes) > 0 && codes[0].line == i {
			code = codes[0].at
			codes = codes[1:]
		}
		line := d.Slice(ls)
		if e, rest := readMorePrefix(ms, line); e != nil && wordCount(rest) <= 30 && !hasInnerSentence(rest) {
			out = append(out, readMoreWidget{span: ls, in: ls, line: i, sure: true})
			continue
		}
		out = append(out, inlineReadMore(p, ms, ls)...)
		if code >= 0 {
			if v, ok := videoWidget(d.Text, ls, code); ok {
				out = append(out, v)
			}
		}
	}
	return out
}

// editorCodeLine is the first editor code of a line: its line and offset.
type editorCodeLine struct{ line, at int }

// editorCodeLines returns the first editor code ("(nds/krs)", editorCodeExpr)
// of each line that holds one, in order.
func editorCodeLines(d *document.Document) []editorCodeLine {
	var out []editorCodeLine
	t := d.Text
	for off := 0; ; {
		j := strings.IndexByte(t[off:], '(')
		if j < 0 {
			return out
		}
		at := off + j
		n := editorCodeAt(t[at:])
		if n < 0 {
			off = at + 1
			continue
		}
		if i := d.LineIndex(at); len(out) == 0 || out[len(out)-1].line != i {
			out = append(out, editorCodeLine{line: i, at: at})
		}
		off = at + n
	}
}

// editorCodeAt returns the length of the editor code s starts with
// (editorCodeExpr: "(" then two to four runs of two to five letters a-z
// separated by "/", then ")"), or -1. It is the expression's test written out:
// the runs are maximal, so there is one way to read s.
func editorCodeAt(s string) int {
	if s == "" || s[0] != '(' {
		return -1
	}
	runs := 0
	for i := 1; ; {
		j := i
		for j < len(s) && 'a' <= s[j] && s[j] <= 'z' {
			j++
		}
		if n := j - i; n < 2 || n > 5 || j == len(s) {
			return -1
		}
		runs++
		switch {
		case s[j] == ')' && runs >= 2:
			return j + 1
		case s[j] == '/' && runs < 4:
			i = j + 1
		default:
			return -1
		}
	}
}

// isEditorCodeWord reports whether w is an editor code and nothing else.
func isEditorCodeWord(w string) bool { return editorCodeAt(w) == len(w) }

// videoWidget finds detik's video widget in a flattened line ls, whose first
// editor code starts at c: the video's title printed twice right before the
// editor code, "… Video: T Video: T (nds/krs)". The repetition marks both
// ends, so deleting it is safe.
func videoWidget(text string, ls finding.Span, c int) (readMoreWidget, bool) {
	from := c - 2000 // a title is short: look back a bounded stretch only
	if from < ls.Start {
		from = ls.Start
	}
	if !lastWordRepeated(text, from, c) {
		return readMoreWidget{}, false
	}
	return videoWidgetIn(text, ls, from, c)
}

// videoWidgetIn is videoWidget on the words of text[from:c].
func videoWidgetIn(text string, ls finding.Span, from, c int) (readMoreWidget, bool) {
	// The words before the code as headlineWords splits them; only the
	// last 2*30 can be a title printed twice.
	var last lastWords
	if utf8.ValidString(text[from:c]) {
		last.scanBack(text, from, c)
	} else {
		last.scan(text, from, c)
	}
	ws, count := last.words(), last.count
	if from > ls.Start && count > 0 {
		count-- // a word cut by the look-back window
		if len(ws) > count {
			ws = ws[1:]
		}
	}
	if len(ws) > 2*30 {
		ws = ws[len(ws)-2*30:]
	}
	n := len(ws)
	for half := min(count/2, 30); half >= 2; half-- {
		k := n - 2*half
		if !sameWords(text, ws[k:k+half], ws[k+half:n]) {
			continue
		}
		core := headlineCore(text[ws[k].Start:ws[k].End])
		if r, _ := utf8.DecodeRuneInString(core); !isUpperStart(core) && !unicode.IsDigit(r) {
			break
		}
		title := finding.Span{Start: ws[k].Start, End: ws[n-half-1].End}
		return readMoreWidget{span: finding.Span{Start: ws[k].Start, End: ws[n-1].End}, in: ls, line: -1, sure: true, video: title}, true
	}
	return readMoreWidget{}, false
}

// lastWordRepeated reports whether the last word of text[from:c] may be
// found again before it there: a title printed twice ends with the same word
// twice. It answers false only for an ASCII last word after an ASCII space
// that text[from:c] holds nowhere else (most lines that end with an editor
// code), where splitting 2000 bytes into words would be wasted: the other
// word would be a substring of what precedes. ASCII bytes split words the
// same way read backwards or forwards, whatever the bytes around them.
func lastWordRepeated(text string, from, c int) bool {
	i := c
	for i > from && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	end := i
	for i > from && text[i-1] != ' ' && text[i-1] != '\t' {
		if text[i-1] >= utf8.RuneSelf {
			return true
		}
		i--
	}
	if i == end || i == from {
		return true
	}
	return strings.Contains(text[from:i], text[i:end])
}

// sameWords reports whether the words a and b of text are the same, word for word.
func sameWords(text string, a, b []finding.Span) bool {
	for i := range a {
		if text[a[i].Start:a[i].End] != text[b[i].Start:b[i].End] {
			return false
		}
	}
	return true
}

// lastWords holds the last words of a stretch of text, as headlineWords
// splits it, and how many words the stretch holds: the words before an editor
// code, without building them all.
type lastWords struct {
	ring  [64]finding.Span // the last words, the i-th word at ring[i%64]
	count int
	buf   [lastWordsKept]finding.Span
}

// lastWordsKept is how many words lastWords keeps: a title printed twice, of
// at most 30 words, and the word before it that may have been cut.
const lastWordsKept = 2*30 + 1

// scan finds the words of text[from:limit]: runs of characters other than
// horizontal white space (isSpaceRune), decoded from from on.
func (l *lastWords) scan(text string, from, limit int) {
	start := -1 // the start of the word being read, -1 between words
	i := from
	for i < limit {
		space, size := hSpaceAt(text, i)
		switch {
		case space && start >= 0:
			l.add(start, i)
			start = -1
		case !space && start < 0:
			start = i
		}
		i += size
	}
	if start >= 0 {
		l.add(start, i) // i passes limit when a character runs past it
	}
}

// scanBack finds the same last words as scan when text[from:limit] is valid
// UTF-8 (then its characters read backwards are those read forwards), reading
// from limit back only as far as they go: lastWordsKept+1 words, and count
// tells only that there are more than lastWordsKept.
func (l *lastWords) scanBack(text string, from, limit int) {
	var rev [lastWordsKept + 1]finding.Span // the words, last first
	n := 0
	i := limit
	for n < len(rev) {
		for i > from { // the spaces before the word; ASCII bytes inline
			if c := text[i-1]; c < utf8.RuneSelf {
				if c != ' ' && c != '\t' {
					break
				}
				i--
				continue
			}
			size, space := spaceBefore(text, from, i)
			if !space {
				break
			}
			i -= size
		}
		if i == from {
			break
		}
		end := i
		for i > from { // the word
			if c := text[i-1]; c < utf8.RuneSelf {
				if c == ' ' || c == '\t' {
					break
				}
				i--
				continue
			}
			size, space := spaceBefore(text, from, i)
			if space {
				break
			}
			i -= size
		}
		rev[n] = finding.Span{Start: i, End: end}
		n++
	}
	for k := range n {
		l.ring[(n-1-k)%len(l.ring)] = rev[k]
	}
	l.count = n
}

// spaceBefore returns the size of the character of text[from:i] that ends at
// i, and whether it is horizontal white space (isSpaceRune).
func spaceBefore(text string, from, i int) (int, bool) {
	if c := text[i-1]; c < utf8.RuneSelf {
		return 1, c == ' ' || c == '\t'
	}
	r, size := utf8.DecodeLastRuneInString(text[from:i])
	return size, isSpaceRune(r)
}

func (l *lastWords) add(start, end int) {
	l.ring[l.count%len(l.ring)] = finding.Span{Start: start, End: end}
	l.count++
}

// words returns the last lastWordsKept words (or all), in order.
func (l *lastWords) words() []finding.Span {
	n := min(l.count, lastWordsKept)
	for k := 0; k < n; k++ {
		l.buf[k] = l.ring[(l.count-n+k)%len(l.ring)]
	}
	return l.buf[:n]
}

// readMorePrefix reports whether a line opens with a read-more phrase as a
// widget does, and returns what follows it; ms are the line's matches of the
// read-more list.
func readMorePrefix(ms []lexicon.Match, line string) (*lexicon.Entry, string) {
	for _, m := range ms {
		if m.Start != 0 {
			break
		}
		if e, rest, ok := widgetAfter(m, line); ok {
			return e, rest
		}
	}
	return nil, ""
}

// widgetAfter checks what follows a read-more phrase match m in text and returns
// the rest of the text after its separator.
func widgetAfter(m lexicon.Match, text string) (*lexicon.Entry, string, bool) {
	e := m.Entry
	rest := text[m.End:]
	flag := e.Field(0)
	if flag == "gap" && text[m.Start:m.End] != e.Phrase {
		return nil, "", false
	}
	trimmed := strings.TrimLeft(rest, " \t\u00a0")
	colon := strings.HasPrefix(trimmed, ":")
	switch flag {
	case "colon":
		if !colon {
			return nil, "", false
		}
	case "colon-or-capitals":
		if !colon && text[m.Start:m.End] != strings.ToUpper(e.Phrase) {
			return nil, "", false
		}
	case "gap":
		if !colon && !strings.HasPrefix(rest, "\u00a0") && !strings.HasPrefix(rest, "  ") {
			return nil, "", false
		}
	}
	after := strings.TrimLeft(strings.TrimPrefix(trimmed, ":"), " \t\u00a0-–—")
	if !colon && after != "" {
		r, _ := utf8.DecodeRuneInString(after)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("'\"“‘[", r) {
			return nil, "", false
		}
	}
	return e, after, true
}

// hasInnerSentence reports whether s holds a sentence end followed by more text,
// which a headline does not.
func hasInnerSentence(s string) bool {
	for _, sep := range []string{". ", "! ", "? "} {
		if i := strings.Index(s, sep); i >= 0 && i+2 < len(s) {
			if j := strings.LastIndexByte(s[:i], ' '); j >= 0 && strings.Contains(s[j+1:i], ".") {
				continue // an abbreviation or initial inside the headline
			}
			return true
		}
	}
	return false
}

// inlineReadMore finds read-more widgets inside the line ls of running text,
// where the end of the other article's headline must be guessed; ms are the
// line's matches of the read-more list.
func inlineReadMore(p *rule.Pass, ms []lexicon.Match, ls finding.Span) []readMoreWidget {
	var out []readMoreWidget
	d := p.Doc
	line := d.Slice(ls)
	for _, m := range ms {
		if m.Start == 0 {
			continue
		}
		e, _, ok := widgetAfter(m, line)
		if !ok {
			continue
		}
		needsColon := e.Field(0) == "" || e.Field(0) == "colon-or-capitals"
		if needsColon && !strings.HasPrefix(strings.TrimLeft(line[m.End:], " \u00a0"), ":") {
			continue // inline, a colon is required: "Baca juga buku itu" is prose
		}
		// The widget starts a sentence of its own, or is a capitalised phrase
		// with its colon ("… 1m13.385s Baca juga: F1 GP …"): scraped tables and
		// lists give no sentence end before it, but prose never writes that.
		before := strings.TrimRight(line[:m.Start], " \t\u00a0")
		colon := strings.HasPrefix(strings.TrimLeft(line[m.End:], " \t\u00a0"), ":")
		if before != "" && !(colon && isUpperStart(line[m.Start:m.End])) {
			r, _ := utf8.DecodeLastRuneInString(before)
			if !strings.ContainsRune(".!?\"”)]", r) && !endsUpper(before) {
				continue
			}
		}
		start := ls.Start + m.Start
		h := headlineEnd(p, d.Text, ls.Start+m.End, ls.End)
		out = append(out, readMoreWidget{span: finding.Span{Start: start, End: h.end}, in: ls, line: -1, sure: h.sure})
	}
	return out
}

// endsUpper reports whether the last character of s is a capital letter (a
// label or a word in capitals before an inline widget).
func endsUpper(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsUpper(r)
}

// Limits of the headline guess. A detik or Kompas headline has 3 to 13 words
// (the hand-checked inline widgets of shared/corpus/real); an end found at a
// marker is taken as certain only up to sureHeadlineWords.
const (
	minHeadlineWords  = 3
	maxHeadlineWords  = 24
	sureHeadlineWords = 14
	scanHeadlineWords = 60
)

// isListMarker reports whether w is a numbered list item's marker: one or two
// digits and a period, "2.".
func isListMarker(w string) bool {
	n := len(w) - 1
	if n < 1 || n > 2 || w[n] != '.' {
		return false
	}
	for i := 0; i < n; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// headlineWord is one word after an inline read-more phrase.
type headlineWord struct {
	start, end int    // byte offsets in the document
	text       string // the word as written
	core       string // the word without surrounding punctuation
	gap        bool   // two or more spaces before it: paragraphs joined (Kompas)
}

// headlineGuess is where the other article's headline ends.
type headlineGuess struct {
	end  int  // byte offset of the headline's end
	sure bool // the end is marked: a widget, an editor code, a paragraph gap, the line end
}

// headlineWords holds the words of text[from:limit], at most scanHeadlineWords
// of them, split at horizontal white space (isSpaceRune). One pass finds where
// they are; a word is built when headlineEnd asks for it: a headline usually
// ends a few words into the ones it may look at.
type headlineWords struct {
	text  string
	spans [scanHeadlineWords]finding.Span
	gaps  uint64 // bit k: two or more spaces before word k (k > 0)
	n     int    // how many words there are
	stop  int    // the index of the first editor code among them, or n
	done  bool   // the words reach limit
	// built holds the words built so far, nb of them. It is an array, not a
	// slice of the caller's: a slice stored in h moved the caller's array to
	// the heap on every call of headlineEnd.
	built [scanHeadlineWords]headlineWord
	nb    int
}

// newHeadlineWords finds the words of text[from:limit] and the first editor
// code among them.
func newHeadlineWords(text string, from, limit int) *headlineWords {
	h := &headlineWords{}
	h.init(text, from, limit)
	return h
}

// init sets h to the words of text[from:limit], as newHeadlineWords, none of
// them built yet.
func (h *headlineWords) init(text string, from, limit int) {
	h.text, h.stop, h.nb, h.n, h.gaps = text, -1, 0, 0, 0
	start := -1 // the start of the word being read, -1 between words
	spaces := 0 // the spaces before it
	i := from
	h.done = true
scan:
	for i < limit {
		if start >= 0 { // inside a word: its ASCII bytes at once
			if i = wordASCIIEnd(text, i, limit); i == limit {
				break
			}
		}
		space, size := hSpaceAt(text, i)
		switch {
		case space && start >= 0:
			h.add(start, i)
			start, spaces = -1, 1
		case space:
			spaces++
		case start < 0:
			if h.n == len(h.spans) {
				h.done = false // all the words kept, and more after them
				break scan
			}
			if spaces >= 2 && h.n > 0 {
				h.gaps |= 1 << h.n
			}
			start = i
		}
		i += size
	}
	if start >= 0 {
		h.add(start, i) // i passes limit when a character runs past it
	}
	if h.stop < 0 {
		h.stop = h.n
	}
}

// wordASCIIEnd returns the first offset at or after i, and before limit,
// of a space, a tab or a byte outside ASCII, or limit: where a word's ASCII
// bytes end. It reads eight bytes at once while eight are left; the lowest
// byte the test marks is exact (a false mark, from a borrow, only ever
// follows a true one).
func wordASCIIEnd(text string, i, limit int) int {
	for i+8 <= limit {
		v := littleEndian64(text, i)
		m := zeroBytes(v^(oneBytes*' ')) | zeroBytes(v^(oneBytes*'\t')) | v&highBytes
		if m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < limit && text[i] < utf8.RuneSelf && text[i] != ' ' && text[i] != '\t' {
		i++
	}
	return i
}

// add adds the word text[start:end], the next one, and notes the first editor code.
func (h *headlineWords) add(start, end int) {
	if w := h.text[start:end]; h.stop < 0 && w[0] == '(' && isEditorCodeWord(w) {
		h.stop = h.n
	}
	h.spans[h.n] = finding.Span{Start: start, End: end}
	h.n++
}

// word returns word k (k < h.n).
func (h *headlineWords) word(k int) headlineWord {
	for h.nb <= k {
		j := h.nb
		s := h.spans[j]
		w := h.text[s.Start:s.End]
		h.built[j] = headlineWord{start: s.Start, end: s.End, text: w, core: headlineCore(w), gap: h.gaps&(1<<j) != 0}
		h.nb++
	}
	return h.built[k]
}

// words returns the words built so far.
func (h *headlineWords) words() []headlineWord { return h.built[:h.nb] }

// titleTwice reports whether the words from k up to stop are one title
// printed twice: detik's video widget, "Video: T Video: T (nds/krs)".
func (h *headlineWords) titleTwice(k, stop int) bool {
	n := stop - k
	if n < 4 || n%2 != 0 {
		return false
	}
	half := n / 2
	for i := 0; i < half; i++ {
		a, b := h.spans[k+i], h.spans[k+half+i]
		if h.text[a.Start:a.End] != h.text[b.Start:b.End] {
			return false
		}
	}
	return true
}

// headlineCore returns w without the punctuation around it:
// strings.Trim(w, "\"'“”‘’()[]:,;?!."), without the cost of a cut set outside ASCII.
func headlineCore(w string) string {
	i := 0
	for i < len(w) {
		if c := w[i]; c < utf8.RuneSelf {
			if !isCorePunct(rune(c)) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if !isCorePunct(r) {
			break
		}
		i += size
	}
	j := len(w)
	for j > i {
		if c := w[j-1]; c < utf8.RuneSelf {
			if !isCorePunct(rune(c)) {
				break
			}
			j--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(w[i:j])
		if !isCorePunct(r) {
			break
		}
		j -= size
	}
	return w[i:j]
}

// isCorePunct reports whether r is punctuation headlineCore trims.
func isCorePunct(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '(', ')', '[', ']', ':', ',', ';', '?', '!', '.':
		return true
	}
	return false
}

// headlineEnd guesses where the headline that starts after a read-more phrase at
// from ends. Certain ends are the line end, another widget ("ADVERTISEMENT",
// "[Gambas:…]", another "Baca juga"), detik's editor code "(nds/krs)" or its
// repeated video title, and two spaces where Kompas joined paragraphs. Otherwise
// the article's next sentence is recognised: a lower-case word that a Title Case
// headline would not hold, a capitalised sentence opener ("Menurut", "Dilansir"),
// an opening quote, a numbered list item; the capitalised words before such a
// lower-case word are split between headline and sentence by the longest name the
// article repeats ("… Pemain Terbaik Pekan Ini | Bruno Moreira mengaku …").
func headlineEnd(p *rule.Pass, text string, from, limit int) headlineGuess {
	i := skipHSpace(text, from, limit)
	if i < limit && text[i] == ':' {
		i++
	}
	var ws headlineWords // on the stack: headlineEnd runs for every inline widget
	ws.init(text, i, limit)
	stop := ws.stop // the first editor code, where detik's article text ends
	atEnd := stop < ws.n || ws.done
	widgets := entriesByFirstByte(p.Packs.Union("inline-widgets"))
	readMore := entriesByFirstByte(p.Packs.Union("read-more"))
	// Headlines mix languages ("Jakarta Festival of Speed"), and a flattened
	// article full of names may be detected as another language: use every pack.
	small := p.Packs.Union("cannot-end")
	smallTitle := p.Packs.Union("headline-small-words")
	openers := p.Packs.Union("headline-openers")
	roles := p.Packs.Union("speaker-leads") // "pelatih", "ketua", "presiden" …
	isSmall := func(s string) bool { return small.Contains(s) || smallTitle.Contains(s) }
	// lowerContent: a lower-case word a Title Case headline would not hold.
	lowerContent := func(w headlineWord) bool {
		return w.core != "" && isLowerWord(w.core) && !isSmall(w.core) && !strings.HasSuffix(w.text, "...") && !strings.HasSuffix(w.text, "…")
	}
	opensSentence := func(k int) bool {
		w := ws.word(k)
		if !isUpperStart(w.core) || strings.HasSuffix(ws.word(k-1).text, ":") {
			return false
		}
		// An adverb ending in "-nya," opens a sentence too: "Sayangnya, Bali
		// United gagal …" (but "Persija Pemenangnya, Persib Kedua" is a headline).
		adverb := strings.HasSuffix(w.text, "nya,")
		if !adverb && !openers.Contains(w.core) {
			return false
		}
		if !adverb && strings.HasSuffix(w.text, ",") {
			return true
		}
		phrase := !adverb && openers.Lookup(w.core).Field(0) == "phrase"
		for j := k + 1; j < ws.n && j <= k+6 && !ws.word(j).gap; j++ {
			r, _ := utf8.DecodeRuneInString(ws.word(j).core)
			if j <= k+3 && (j == k+1 && unicode.IsLower(r) || lowerContent(ws.word(j))) {
				return true
			}
			// "Dilansir dari laman resmi klub, pertandingan …": an opening phrase closed by a comma.
			if phrase && strings.HasSuffix(ws.word(j).text, ",") {
				return true
			}
		}
		return false
	}
	endBefore := func(k int) int {
		if k == 0 {
			return i
		}
		return ws.word(k - 1).end
	}
	lastQ := -1 // the last word ending with "?" or "!" that the headline went on after
	// soft ends the headline before word k, the start of the article's next
	// sentence; a sentence that starts at most two words after a "?" or "!"
	// means those words were not the headline's ("… Paruh Musim? Sikap Teco
	// dari awal …").
	soft := func(k int) headlineGuess {
		if lastQ >= 0 && k-lastQ-1 <= 2 {
			return headlineGuess{end: ws.word(lastQ).end}
		}
		return headlineGuess{end: endBefore(k)}
	}
	for k := 0; k < ws.n; k++ {
		w := ws.word(k)
		marked := k == stop || w.gap || startsWithEntry(widgets, text[w.start:limit]) ||
			strings.HasPrefix(w.text, embedOpen) || k > 0 && startsWithFold(readMore, text[w.start:limit]) ||
			atEnd && ws.titleTwice(k, stop)
		if marked {
			return headlineGuess{end: endBefore(k), sure: lastQ < 0 && k <= sureHeadlineWords}
		}
		if k >= maxHeadlineWords {
			return headlineGuess{end: endBefore(k)}
		}
		if k > 0 {
			r, _ := utf8.DecodeRuneInString(w.text)
			quoteOpen := strings.ContainsRune("\"“", r) && !strings.ContainsAny(w.text[1:], "\"”")
			if quoteOpen || isListMarker(w.text) || opensSentence(k) {
				return soft(k)
			}
			if lowerContent(w) {
				// A headline has three words or more: a lower-case word
				// before that is the headline's own ("Ternyata ini Alasan …").
				if b := sentenceStart(p.Doc.Text, ws.words(), k, isSmall, openers, roles); b >= minHeadlineWords {
					return soft(b)
				}
			}
		}
		last := strings.TrimRight(w.text, "'\"’”")
		if strings.HasSuffix(last, "?") || strings.HasSuffix(last, "!") {
			// "Sial! Persib Kalah di Menit Akhir …": a headline may go on after its
			// exclamation, when Title Case words follow.
			if k+1 < ws.n {
				next := ws.word(k + 1)
				goesOn := isUpperStart(next.core) && !openers.Contains(next.core) && (k+2 >= ws.n || !lowerContent(ws.word(k+2)))
				if !goesOn {
					return headlineGuess{end: w.end}
				}
				lastQ = k
			}
			continue
		}
		if strings.HasSuffix(w.text, ".") && !strings.HasSuffix(w.text, "...") && !p.Pack.IsAbbreviation(w.text) && !isNumberWord(w.core) {
			if lastQ >= 0 {
				return headlineGuess{end: ws.word(lastQ).end}
			}
			return headlineGuess{end: w.end}
		}
	}
	if ws.n == 0 {
		return headlineGuess{end: i, sure: true}
	}
	return headlineGuess{end: ws.word(ws.n - 1).end, sure: ws.done && lastQ < 0 && ws.n <= sureHeadlineWords}
}

// sentenceStart returns the index of the word that opens the article's sentence
// before the lower-case word at q. Small words right before q belong to the
// sentence ("Persija yang bermain"); a capitalised small word or opener opens
// it ("Yang menarik", "Kini Teco Cugurra akan"); otherwise the capitalised
// run before q is split where the longest tail of it that the article repeats
// begins (a name such as "Real Madrid"), else before its last word.
func sentenceStart(doc string, ws []headlineWord, q int, isSmall func(string) bool, openers, roles *lexicon.List) int {
	for q-1 >= 1 && isLowerWord(ws[q-1].core) && isSmall(ws[q-1].core) {
		q--
	}
	last := ws[q-1]
	named := func(w headlineWord) bool {
		r, _ := utf8.DecodeRuneInString(w.core)
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	if !named(last) {
		return q
	}
	if isSmall(last.core) && isUpperStart(last.core) {
		return q - 1
	}
	r := q - 1
	for r-1 >= 1 {
		w := ws[r-1]
		if !named(w) || isSmall(w.core) || strings.ContainsAny(w.text[len(w.text)-1:], ",:;?!") {
			break
		}
		r--
	}
	if r == q-1 && strings.HasSuffix(last.text, ",") {
		return q - 1 // "Awalnya, semua pemain …"
	}
	for b := r; b < q; b++ {
		if b > 0 && openers.Contains(ws[b].core) && isUpperStart(ws[b].core) {
			return b
		}
	}
	b := repeatedNameStart(doc, ws, r, q)
	// A one-word subject after its role: "Pelatih Persija meminta …".
	if b == q-1 && b-1 >= r && b-1 >= 1 && isUpperStart(ws[b-1].core) && roles.Contains(ws[b-1].core) {
		b--
	}
	// A role and its comma before the name open the sentence with it: "Pelatih
	// Bali United, Teco Cugurra menyebut …".
	if r-1 >= 1 && strings.HasSuffix(ws[r-1].text, ",") {
		for c := r - 1; c >= 1 && c >= r-4 && named(ws[c]); c-- {
			if roles.Contains(ws[c].core) && isUpperStart(ws[c].core) {
				return c
			}
		}
	}
	return b
}

// repeatedNameStart returns the first c in [r, q-1) where the name from word c
// to word q-1 (the words up to q-1 as written, then q-1 without its trailing
// ",.;:") is held twice by the article around it, or q-1 when none is. The
// name from c+1 is a suffix of the name from c, so two copies of the one hold
// two copies of the other: the names held twice are those from some c on, and
// the names are tried from the shortest, which spares searching 128 KB for
// every longer name when (as mostly) even the shortest is not held twice.
func repeatedNameStart(doc string, ws []headlineWord, r, q int) int {
	last := ws[q-1]
	tail := strings.TrimRight(last.text, ",.;:")
	around := nearby(doc, last.start, nameReach)
	b := q - 1
	for c := q - 2; c >= r; c-- {
		if !holdsTwice(around, strings.TrimSpace(doc[ws[c].start:last.start])+" "+tail) {
			break
		}
		b = c
	}
	return b
}

// holdsTwice reports whether strings.Count(s, sub) >= 2 for a non-empty
// sub, stopping at the second occurrence instead of counting them all.
func holdsTwice(s, sub string) bool {
	i := strings.Index(s, sub)
	return i >= 0 && strings.Contains(s[i+len(sub):], sub)
}

// isNumberWord reports whether s is made of digits and separators: "12.12".
func isNumberWord(s string) bool {
	return s != "" && strings.Trim(s, "0123456789.,") == ""
}

// startsWithFold reports whether s starts with one of list's phrases, ignoring
// case, followed by a word boundary (the character after it, decoded whole, is
// not a letter: "Baca juga\u00a0:" starts with "Baca juga"). The lists it is
// given are a few dozen short phrases: only those whose first byte is s's
// (ASCII case ignored, see entriesByFirstByte) are compared, which is cheaper
// than building lookup keys for every prefix of s.
func startsWithFold(list *firstByteEntries, s string) bool {
	if s == "" {
		return false
	}
	for _, e := range list.fold[lowerASCII(s[0])] {
		n := len(e.Phrase)
		if len(s) < n || !strings.EqualFold(s[:n], e.Phrase) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[n:]); n == len(s) || !unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// lowerASCII lower-cases an ASCII letter and leaves any other byte alone.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// startsWithEntry reports whether s starts with one of list's phrases, in the
// same capitals (only those with s's first byte are compared, see
// entriesByFirstByte). It looks only at the start of s, so callers stay
// linear.
func startsWithEntry(list *firstByteEntries, s string) bool {
	if s == "" {
		return false
	}
	for _, e := range list.exact[s[0]] {
		if strings.HasPrefix(s, e.Phrase) {
			return true
		}
	}
	return false
}

// firstByteEntries holds a list's entries by their first byte: as written
// (exact) and with ASCII case ignored (fold, under the lower-cased byte).
// headlineEnd asks whether each word of a headline opens one of them.
type firstByteEntries struct {
	exact, fold [256][]*lexicon.Entry
}

// firstByteEntriesKey keys a list's firstByteEntries among what is derived
// from it.
type firstByteEntriesKey struct{}

// entriesByFirstByte returns list's entries by their first byte, made once
// per run.
func entriesByFirstByte(list *lexicon.List) *firstByteEntries {
	return list.Derived(firstByteEntriesKey{}, func(l *lexicon.List) any {
		t := &firstByteEntries{}
		for i := range l.Entries {
			e := &l.Entries[i]
			if e.Phrase == "" {
				continue // starts no text with a first byte (and s == "" is ruled out)
			}
			t.exact[e.Phrase[0]] = append(t.exact[e.Phrase[0]], e)
			c := lowerASCII(e.Phrase[0])
			t.fold[c] = append(t.fold[c], e)
		}
		return t
	}).(*firstByteEntries)
}

// nameReach is how far either side of a headline's end a name is looked for
// again: the article around it, never megabytes of a flattened corpus.
const nameReach = 64 << 10

// nearby returns doc within reach bytes either side of offset at (a name
// starts with a letter, so a cut inside a rune cannot make a match).
func nearby(doc string, at, reach int) string {
	return doc[max(0, at-reach):min(len(doc), at+reach)]
}
