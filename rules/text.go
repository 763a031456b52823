package rules

import (
	"math/bits"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/findingtext"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// quote shows text in a message (findingtext.Quote).
func quote(s string) string { return findingtext.Quote(s) }

// deleteLineFix is the fix that deletes line i of the document.
func deleteLineFix(d *document.Document, i int) finding.Fix { return findingtext.DeleteLineFix(d, i) }

// deleteLinesFix deletes lines first..last.
func deleteLinesFix(d *document.Document, first, last int) finding.Fix {
	msg := "delete the lines " + quote(d.LineText(first)) + " to " + quote(d.LineText(last))
	if first == last {
		msg = "delete the line " + quote(d.LineText(first))
	}
	return finding.Fix{Message: msg, Edits: []finding.Edit{d.DeleteLinesEdit(first, last)}, Safe: true}
}

// removeInlineEdit deletes text[s] inside a line with the white space that would
// be left doubled, so one space remains between the words around it (none at
// the line's ends). It takes the white space after the span when there is white
// space on both sides, so the removals of two neighbouring widgets touch
// instead of overlapping.
func removeInlineEdit(text string, line finding.Span, s finding.Span) finding.Edit {
	after := skipHSpace(text, s.End, line.End)
	before := s.Start
	for before > line.Start {
		r, n := utf8.DecodeLastRuneInString(text[:before])
		if !isSpaceRune(r) {
			break
		}
		before -= n
	}
	switch {
	case before == line.Start || before < s.Start && after < line.End:
		// At the line's start, or between spaces: take the spaces after.
		return finding.Edit{Span: finding.Span{Start: s.Start, End: after}}
	case after == line.End:
		// At the line's end: take the spaces before.
		return finding.Edit{Span: finding.Span{Start: before, End: after}}
	}
	return finding.Edit{Span: s}
}

func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u2009' || r == '\u202f' || r == '\u3000'
}

func isHSpace(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isSpaceRune(r)
}

// hSpaceAt reports whether the character at offset i of text is horizontal
// white space (isSpaceRune), and its length in bytes; ASCII without decoding.
func hSpaceAt(text string, i int) (space bool, size int) {
	if c := text[i]; c < utf8.RuneSelf {
		return c == ' ' || c == '\t', 1
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	return isSpaceRune(r), size
}

func spaceLen(text string, i int) int {
	_, n := utf8.DecodeRuneInString(text[i:])
	return n
}

// skipHSpace returns the offset of the first character at or after i, and
// before end, that is not horizontal white space (isSpaceRune), or end.
func skipHSpace(t string, i, end int) int {
	for i < end && isHSpace(t, i) {
		i += spaceLen(t, i)
	}
	return i
}

// trimSpan narrows s to exclude white space at both ends.
func trimSpan(text string, s finding.Span) finding.Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		s.End -= n
	}
	return s
}

// trimmedLine returns line i's span without surrounding white space.
func trimmedLine(d *document.Document, i int) finding.Span {
	return trimSpan(d.Text, d.Lines[i].Span)
}

// lastRune returns the last character of s (utf8.RuneError when s is empty).
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// endsSentence reports whether s, trimmed, ends as a sentence or a credit does
// (".", "!", "?", a closing quote or parenthesis).
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\u00a0")
	if s == "" {
		return true
	}
	switch s[len(s)-1] {
	case '.', '!', '?', '"', ')', ']':
		return true
	}
	for _, q := range []string{"”", "’", "»"} {
		if len(s) >= len(q) && s[len(s)-len(q):] == q {
			return true
		}
	}
	return false
}

// hasPrefixFoldASCII reports whether s starts with prefix, ignoring ASCII
// case; prefix is lower-case.
func hasPrefixFoldASCII(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for j := 0; j < len(prefix); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[j] {
			return false
		}
	}
	return true
}

// containsFoldASCII reports whether s contains sub, ignoring ASCII case,
// without lower-casing a copy of s; sub is lower-case and short.
func containsFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if hasPrefixFoldASCII(s[i:], sub) {
			return true
		}
	}
	return false
}

// isUpperStart reports whether s starts with an upper-case letter.
func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isLowerWord reports whether s starts with a lower-case letter and holds no
// capital later on (so "iPhone" and "eFishery" are not plain lower-case words).
func isLowerWord(s string) bool {
	first := true
	for _, r := range s {
		if first {
			if !unicode.IsLower(r) {
				return false
			}
			first = false
			continue
		}
		if unicode.IsUpper(r) {
			return false
		}
	}
	return !first
}

// wordCount counts the white-space separated fields of s, as
// len(strings.Fields(s)) would, without building them.
func wordCount(s string) int { return countWords(s, len(s)) }

// countWords counts the white-space separated fields of s, stopping at limit.
func countWords(s string, limit int) int {
	n := 0
	inField := false
	for i := 0; i < len(s) && n < limit; {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			inField = false
		} else if !inField {
			inField = true
			n++
		}
	}
	return n
}

// asciiSpace holds the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// lineIsWidget reports whether line i is site furniture from the widget-lines list.
func lineIsWidget(p *rule.Pass, i int) bool { return lineWidgetKinds(p).of(p, i) != "" }

// widgetKinds holds the kinds of a document's lines as widget lines, each
// found once: four rules ask about every line, and the line patterns are
// regular expressions.
type widgetKinds struct {
	kind  []string
	known []bool
	find  widgetKindFinder
}

// lineWidgetKinds returns the document's widgetKinds.
func lineWidgetKinds(p *rule.Pass) *widgetKinds {
	return p.Doc.Memo(widgetKindKey{}, func() any {
		return &widgetKinds{kind: make([]string, len(p.Doc.Lines)), known: make([]bool, len(p.Doc.Lines)), find: newWidgetKindFinder(p)}
	}).(*widgetKinds)
}

// of returns the kind of line i as a widget line ("nav", "share", …) or "".
func (k *widgetKinds) of(p *rule.Pass, i int) string {
	if !k.known[i] {
		k.kind[i] = k.find.kind(p.Doc.Slice(trimmedLine(p.Doc, i)))
		k.known[i] = true
	}
	return k.kind[i]
}

// widgetKindKey is the key of a document's widgetKinds.
type widgetKindKey struct{}

// holdScan is how much of a line findWidgetKind counts letters in first: a
// line of running text holds more than any widget line within it.
const holdScan = 128

// findWidgetKind returns the kind of line, trimmed, as a widget line ("nav",
// "share", …) or "".
func findWidgetKind(p *rule.Pass, line string) string { return newWidgetKindFinder(p).kind(line) }

// widgetKindFinder holds the lists findWidgetKind reads, looked up once per
// document instead of once per line (a map lookup by name each).
type widgetKindFinder struct {
	list     *lexicon.List
	maxKey   int // longestKey(list)
	patterns *lexicon.LinePattern
}

func newWidgetKindFinder(p *rule.Pass) widgetKindFinder {
	list := p.Packs.Union("widget-lines")
	return widgetKindFinder{list: list, maxKey: longestKey(list), patterns: p.Packs.Union("widget-patterns").LinePattern()}
}

// longestKeyKey is the key of a list's longestKey (List.Derived).
type longestKeyKey struct{}

// longestKey returns the length in bytes of list's longest entry, lower-cased,
// as List.MayHold counts it, found once per run.
func longestKey(list *lexicon.List) int {
	return list.Derived(longestKeyKey{}, func(l *lexicon.List) any {
		n := 0
		for _, e := range l.Entries {
			n = max(n, len(strings.ToLower(e.Phrase)))
		}
		return n
	}).(int)
}

// mayHoldKey is list.MayHold(s) for the list whose longestKey is maxKey:
// false when s is longer than maxKey and holds more than maxKey ASCII letters
// and digits. It counts them eight bytes at a time (alnumBytes): MayHold,
// byte by byte, was a third of the widget kinds' time, on the running text
// of every line.
func mayHoldKey(s string, maxKey int) bool {
	if len(s) <= maxKey {
		return true
	}
	n, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if n += alnumBytes(x); n > maxKey {
			return false
		}
	}
	for ; i < len(s); i++ {
		if asciiAlnum(s[i]) {
			n++
		}
	}
	return n <= maxKey
}

// alnumBytes returns how many of the eight bytes of x are ASCII letters or
// digits. Each test is on a byte's low seven bits, where adding a constant
// below 0x81 carries into no other byte: b+0x80-lo has its high bit set when
// b ≥ lo, b+0x7f-hi when b > hi. Bytes of 0x80 and above are left out.
func alnumBytes(x uint64) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	y := x &^ high
	l := y | 0x20*ones // an upper-case letter as its lower case (no other byte lands on one)
	letter := (l + (0x80-'a')*ones) &^ (l + (0x7f-'z')*ones)
	digit := (y + (0x80-'0')*ones) &^ (y + (0x7f-'9')*ones)
	return bits.OnesCount64((letter | digit) & high &^ x)
}

// kind is findWidgetKind.
func (f widgetKindFinder) kind(line string) string {
	list, patterns := f.list, f.patterns
	// Most lines are running text: longer than any widget line, and without
	// the literal text at their ends, the words and the digits of the
	// patterns their first letter selects. Building the key would be wasted
	// on them.
	mayHold := mayHoldKey(line[:min(len(line), holdScan)], f.maxKey) && (len(line) <= holdScan || list.MayHold(line))
	// Patterns are tried on keys of 40 words or fewer, and the key may lose
	// the line's last word (a lone ":" or ".").
	mayMatch := patterns.MayMatch(line) && countWords(line, 42) <= 41
	if !mayHold && !mayMatch {
		return ""
	}
	key := strings.TrimRight(fieldsJoined(line), ":.")
	if key == "" {
		return ""
	}
	if mayHold {
		if e := list.Lookup(key); e != nil {
			return e.Field(0)
		}
		if e := list.Lookup(key + ":"); e != nil {
			return e.Field(0)
		}
		if e := list.Lookup(line); e != nil {
			return e.Field(0)
		}
	}
	if mayMatch && countWords(key, 41) <= 40 {
		if e := patterns.Match(key); e != nil {
			return e.Field(0)
		}
	}
	return ""
}

// fieldsJoined returns line's words (unicode.IsSpace, as strings.Fields)
// joined by single spaces: line itself, without a copy, when it is ASCII with
// single spaces between its words and none at its ends (most lines).
func fieldsJoined(line string) string {
	prev := byte(' ') // a space before the line: one at its start is not single
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c >= utf8.RuneSelf || c != ' ' && asciiSpace[c] || c == ' ' && prev == ' ' {
			return strings.Join(strings.Fields(line), " ")
		}
		prev = c
	}
	if prev == ' ' {
		return strings.Join(strings.Fields(line), " ")
	}
	return line
}

// titleLine returns the index of the article's headline: the first non-blank
// line that is not site furniture (a bare domain or a widget line), or -1.
func titleLine(p *rule.Pass) int {
	return p.Doc.Memo(titleLineKey{}, func() any { return findTitleLine(p) }).(int)
}

// foldedLines is every line of a document folded by normalizeTitle, built
// once per document in one string: four rules compare folded lines, and the
// article body is their concatenation.
type foldedLines struct {
	// text is the lines' non-empty foldings joined by single spaces, in line
	// order; bytes is the same bytes (text shares them), to hash without a
	// copy. Neither is ever written to.
	text  string
	bytes []byte
	// Line i's folding is text[start[i]:end[i]].
	start, end []int
}

// foldedKey is the key of a document's foldedLines.
type foldedKey struct{}

// folded returns the document's foldedLines.
func folded(p *rule.Pass) *foldedLines {
	return p.Doc.Memo(foldedKey{}, func() any { return foldLines(p.Doc) }).(*foldedLines)
}

func foldLines(d *document.Document) *foldedLines {
	start, end := make([]int, len(d.Lines)), make([]int, len(d.Lines))
	b := make([]byte, 0, len(d.Text))
	for i := range d.Lines {
		n := len(b)
		if n > 0 {
			b = append(b, ' ')
		}
		from := len(b)
		if b = appendFoldedTitle(b, d.LineText(i)); len(b) == from {
			b = b[:n] // an empty folding takes no separator
			from = n
		}
		start[i], end[i] = from, len(b)
	}
	// b is never written to again: text shares its bytes instead of being a
	// copy of a whole article.
	return &foldedLines{text: unsafe.String(unsafe.SliceData(b), len(b)), bytes: b, start: start, end: end}
}

// line returns line i folded: normalizeTitle(d.LineText(i)).
func (f *foldedLines) line(i int) string { return f.text[f.start[i]:f.end[i]] }

// foldedLine returns normalizeTitle(p.Doc.LineText(i)), computed once per
// document.
func foldedLine(p *rule.Pass, i int) string { return folded(p).line(i) }

// foldedTrimmedLine returns normalizeTitle(p.Doc.Slice(ls)) for line i and
// ls its trimmedLine: foldedLine, unless trimming took a zero-width space or
// a byte-order mark off the line's ends.
func foldedTrimmedLine(p *rule.Pass, i int, ls finding.Span) string {
	d := p.Doc
	if ls.Len() == len(strings.TrimSpace(d.LineText(i))) {
		return foldedLine(p, i)
	}
	return normalizeTitle(d.Slice(ls))
}

// foldedWordCount is wordCount for folded text: its words are separated by
// single spaces.
func foldedWordCount(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, " ") + 1
}

// titleLineKey is the key under which titleLine keeps its answer for a
// document: five rules ask for it.
type titleLineKey struct{}

func findTitleLine(p *rule.Pass) int {
	for i := range p.Doc.Lines {
		if p.Doc.IsBlankLine(i) {
			continue
		}
		t := p.Doc.Slice(trimmedLine(p.Doc, i))
		// A domain holds no space: the test spares lower-casing a whole
		// flattened article.
		if !strings.ContainsAny(t, " \t") && isBareDomain(t) || lineIsWidget(p, i) {
			continue
		}
		return i
	}
	return -1
}

// isFileExtension reports whether ext is a file-name ending that looks like a
// top-level domain but names a document or a page ("laporan.pdf", "index.html").
func isFileExtension(ext string) bool {
	switch ext {
	case "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "csv", "rtf", "odt", "zip", "rar",
		"jpg", "jpeg", "png", "gif", "webp", "svg", "mp3", "mp4", "mov", "avi", "htm", "html", "php",
		"aspx", "exe", "apk", "json", "xml":
		return true
	}
	return false
}

// isBareDomain reports whether s is only a domain name such as "bdadinfo.com".
func isBareDomain(s string) bool {
	// A domain holds a dot and no white space: lower-casing and the prefixes
	// trimmed below add no dot and take no space or tab away, so most lines of
	// text are ruled out without a lower-cased copy.
	if strings.ContainsAny(s, " \t") || strings.IndexByte(s, '.') < 0 {
		return false
	}
	return isDomainShape(s)
}

// isDomainShape is isBareDomain without its quick rejection: labels of
// letters, digits and hyphens, a top-level domain of 2 to 6 letters, after an
// optional scheme and "www.".
func isDomainShape(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(s), "https://"), "http://"), "www.")
	s = strings.TrimSuffix(s, "/")
	if len(s) < 4 || strings.ContainsAny(s, " \t/") {
		return false
	}
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return false
	}
	for _, part := range parts {
		if part == "" {
			return false
		}
		for _, r := range part {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				return false
			}
		}
	}
	tld := parts[len(parts)-1]
	if isFileExtension(tld) {
		return false // "laporan.pdf" is a file name, not a site
	}
	return len(tld) >= 2 && len(tld) <= 6 && !strings.ContainsAny(tld, "0123456789")
}

// lazyRegexp returns a function that compiles expr on its first call and
// returns the same expression after: a rule's expressions cost nothing at
// start-up, and a run whose articles never reach one (no '<' for the tag
// pattern, no trigger for a photo credit) never compiles it.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
