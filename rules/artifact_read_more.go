package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
		if w.line >= 0 {
			p.Report(w.span, "read-also widget "+quote(d.Slice(w.span))+" left by the scraper", deleteLineFix(d, w.line))
			continue
		}
		fix := finding.Fix{Message: "delete " + quote(d.Slice(w.span)), Edits: []finding.Edit{removeInlineEdit(d.Text, w.in, w.span)}, Safe: w.sure}
		if w.video.Len() > 0 {
			p.Report(w.span, "video widget "+quote(d.Slice(w.video))+" left by the scraper (its title printed twice)", fix)
			continue
		}
		p.Report(w.span, "read-also widget "+quote(d.Slice(w.span))+" left inside the text", fix)
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
func readMoreWidgets(p *rule.Pass) []readMoreWidget {
	d := p.Doc
	list := p.Packs.Union("read-more")
	var out []readMoreWidget
	for i := range d.Lines {
		ls := trimmedLine(d, i)
		if ls.Len() == 0 {
			continue
		}
		line := d.Slice(ls)
		if e, rest := readMorePrefix(list, line); e != nil && wordCount(rest) <= 30 && !hasInnerSentence(rest) {
			out = append(out, readMoreWidget{span: ls, in: ls, line: i, sure: true})
			continue
		}
		out = append(out, inlineReadMore(p, list, ls)...)
		if v, ok := videoWidget(d.Text, ls); ok {
			out = append(out, v)
		}
	}
	return out
}

// videoWidget finds detik's video widget in a flattened line ls: the video's
// title printed twice right before the editor code, "… Video: T Video: T
// (nds/krs)". The repetition marks both ends, so deleting it is safe.
func videoWidget(text string, ls finding.Span) (readMoreWidget, bool) {
	if m := editorCodeInLine().FindStringIndex(text[ls.Start:ls.End]); m != nil {
		c := ls.Start + m[0]
		from := c - 2000 // a title is short: look back a bounded stretch only
		if from < ls.Start {
			from = ls.Start
		}
		ws, _ := splitHeadlineWords(text, from, c, 1<<30)
		if from > ls.Start && len(ws) > 0 {
			ws = ws[1:] // a word cut by the look-back window
		}
		n := len(ws)
		for half := min(n/2, 30); half >= 2; half-- {
			if !videoWidgetAt(ws, n-2*half, n) {
				continue
			}
			first := ws[n-2*half]
			if r, _ := utf8.DecodeRuneInString(first.core); !isUpperStart(first.core) && !unicode.IsDigit(r) {
				break
			}
			title := finding.Span{Start: first.start, End: ws[n-half-1].end}
			return readMoreWidget{span: finding.Span{Start: first.start, End: ws[n-1].end}, in: ls, line: -1, sure: true, video: title}, true
		}
	}
	return readMoreWidget{}, false
}

// readMorePrefix reports whether line opens with a read-more phrase as a widget
// does, and returns what follows it.
func readMorePrefix(list *lexicon.List, line string) (*lexicon.Entry, string) {
	for _, m := range list.FindAll(line) {
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

// inlineReadMore finds read-more widgets inside a line of running text,
// where the end of the other article's headline must be guessed.
func inlineReadMore(p *rule.Pass, list *lexicon.List, ls finding.Span) []readMoreWidget {
	var out []readMoreWidget
	d := p.Doc
	line := d.Slice(ls)
	for _, m := range list.FindAll(line) {
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

// listMarker matches a numbered list item's marker: "2.".
var listMarker = lazyRegexp(`^[0-9]{1,2}\.$`)

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

// splitHeadlineWords splits text[from:limit] into at most n words. done reports
// that the words reach limit.
func splitHeadlineWords(text string, from, limit, n int) (ws []headlineWord, done bool) {
	i := from
	for len(ws) < n {
		spaces := 0
		for i < limit && isHSpace(text, i) {
			i += spaceLen(text, i)
			spaces++
		}
		if i >= limit {
			return ws, true
		}
		j := i
		for j < limit && !isHSpace(text, j) {
			_, size := utf8.DecodeRuneInString(text[j:])
			j += size
		}
		w := text[i:j]
		ws = append(ws, headlineWord{start: i, end: j, text: w, core: strings.Trim(w, "\"'“”‘’()[]:,;?!."), gap: spaces >= 2 && len(ws) > 0})
		i = j
	}
	return ws, skipHSpace(text, i, limit) >= limit
}

// videoWidgetAt reports whether the words from k up to stop are one title
// printed twice: detik's video widget, "Video: T Video: T (nds/krs)".
func videoWidgetAt(ws []headlineWord, k, stop int) bool {
	n := stop - k
	if n < 4 || n%2 != 0 {
		return false
	}
	half := n / 2
	for i := 0; i < half; i++ {
		if ws[k+i].text != ws[k+half+i].text {
			return false
		}
	}
	return true
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
	ws, done := splitHeadlineWords(text, i, limit, scanHeadlineWords)
	stop := len(ws) // the first editor code, where detik's article text ends
	for k, w := range ws {
		if editorCodeWord().MatchString(w.text) {
			stop = k
			break
		}
	}
	atEnd := stop < len(ws) || done
	widgets := p.Packs.Union("inline-widgets")
	readMore := p.Packs.Union("read-more")
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
		w := ws[k]
		if !isUpperStart(w.core) || strings.HasSuffix(ws[k-1].text, ":") {
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
		for j := k + 1; j < len(ws) && j <= k+6 && !ws[j].gap; j++ {
			r, _ := utf8.DecodeRuneInString(ws[j].core)
			if j <= k+3 && (j == k+1 && unicode.IsLower(r) || lowerContent(ws[j])) {
				return true
			}
			// "Dilansir dari laman resmi klub, pertandingan …": an opening phrase closed by a comma.
			if phrase && strings.HasSuffix(ws[j].text, ",") {
				return true
			}
		}
		return false
	}
	endBefore := func(k int) int {
		if k == 0 {
			return i
		}
		return ws[k-1].end
	}
	lastQ := -1 // the last word ending with "?" or "!" that the headline went on after
	// soft ends the headline before word k, the start of the article's next
	// sentence; a sentence that starts at most two words after a "?" or "!"
	// means those words were not the headline's ("… Paruh Musim? Sikap Teco
	// dari awal …").
	soft := func(k int) headlineGuess {
		if lastQ >= 0 && k-lastQ-1 <= 2 {
			return headlineGuess{end: ws[lastQ].end}
		}
		return headlineGuess{end: endBefore(k)}
	}
	for k, w := range ws {
		marked := k == stop || w.gap || startsWithEntry(widgets, text[w.start:limit]) ||
			strings.HasPrefix(w.text, embedOpen) || k > 0 && startsWithFold(readMore, text[w.start:limit]) ||
			atEnd && videoWidgetAt(ws, k, stop)
		if marked {
			return headlineGuess{end: endBefore(k), sure: lastQ < 0 && k <= sureHeadlineWords}
		}
		if k >= maxHeadlineWords {
			return headlineGuess{end: endBefore(k)}
		}
		if k > 0 {
			r, _ := utf8.DecodeRuneInString(w.text)
			quoteOpen := strings.ContainsRune("\"“", r) && !strings.ContainsAny(w.text[1:], "\"”")
			if quoteOpen || listMarker().MatchString(w.text) || opensSentence(k) {
				return soft(k)
			}
			if lowerContent(w) {
				// A headline has three words or more: a lower-case word
				// before that is the headline's own ("Ternyata ini Alasan …").
				if b := sentenceStart(p.Doc.Text, ws, k, isSmall, openers, roles); b >= minHeadlineWords {
					return soft(b)
				}
			}
		}
		last := strings.TrimRight(w.text, "'\"’”")
		if strings.HasSuffix(last, "?") || strings.HasSuffix(last, "!") {
			// "Sial! Persib Kalah di Menit Akhir …": a headline may go on after its
			// exclamation, when Title Case words follow.
			if k+1 < len(ws) {
				next := ws[k+1]
				goesOn := isUpperStart(next.core) && !openers.Contains(next.core) && (k+2 >= len(ws) || !lowerContent(ws[k+2]))
				if !goesOn {
					return headlineGuess{end: w.end}
				}
				lastQ = k
			}
			continue
		}
		if strings.HasSuffix(w.text, ".") && !strings.HasSuffix(w.text, "...") && !p.Pack.IsAbbreviation(w.text) && !isNumberWord(w.core) {
			if lastQ >= 0 {
				return headlineGuess{end: ws[lastQ].end}
			}
			return headlineGuess{end: w.end}
		}
	}
	if len(ws) == 0 {
		return headlineGuess{end: i, sure: true}
	}
	return headlineGuess{end: ws[len(ws)-1].end, sure: done && lastQ < 0 && len(ws) <= sureHeadlineWords}
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
	b := q - 1
	tail := strings.TrimRight(last.text, ",.;:")
	for c := r; c < q-1; c++ {
		name := strings.TrimSpace(doc[ws[c].start:last.start]) + " " + tail
		if strings.Count(nearby(doc, last.start, nameReach), name) >= 2 {
			b = c
			break
		}
	}
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

// isNumberWord reports whether s is made of digits and separators: "12.12".
func isNumberWord(s string) bool {
	return s != "" && strings.Trim(s, "0123456789.,") == ""
}

// startsWithFold reports whether s starts with one of list's phrases, ignoring
// case, followed by a word boundary (the character after it, decoded whole, is
// not a letter: "Baca juga\u00a0:" starts with "Baca juga"). The lists it is
// given are a few dozen short phrases: comparing the first byte first makes the
// scan cheaper than building lookup keys for every prefix of s.
func startsWithFold(list *lexicon.List, s string) bool {
	if s == "" {
		return false
	}
	c := lowerASCII(s[0])
	for _, e := range list.Entries {
		n := len(e.Phrase)
		if len(s) < n || lowerASCII(e.Phrase[0]) != c || !strings.EqualFold(s[:n], e.Phrase) {
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
// same capitals. It looks only at the start of s, so callers stay linear.
func startsWithEntry(list *lexicon.List, s string) bool {
	for _, e := range list.Entries {
		if len(s) >= len(e.Phrase) && s[0] == e.Phrase[0] && strings.HasPrefix(s, e.Phrase) {
			return true
		}
	}
	return false
}

// nameReach is how far either side of a headline's end a name is looked for
// again: the article around it, never megabytes of a flattened corpus.
const nameReach = 64 << 10

// nearby returns doc within reach bytes either side of offset at (a name
// starts with a letter, so a cut inside a rune cannot make a match).
func nearby(doc string, at, reach int) string {
	return doc[max(0, at-reach):min(len(doc), at+reach)]
}
