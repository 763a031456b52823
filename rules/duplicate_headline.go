package rules

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/asciifold"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// RepeatedHeadline finds the headline repeated in its own article: on the next
// lines, in a caption, or as a subtitle that starts with the whole headline.
var RepeatedHeadline = &rule.Rule{
	ID:       "duplicate/repeated-headline",
	Title:    "headline repeated in the article",
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: `A line that repeats the headline — exactly, or after folding case, white space, quotes, punctuation, a site suffix (" - News") and a parenthesised source — or that starts with the whole headline and extends it (a copied subtitle). The fix deletes the later copy and keeps the first.`,
		Why:  "Page titles, og:title and image alt text all carry the headline; a scraper that keeps them repeats it, which inflates the headline's weight in any model trained on the text.",
		Bad:  "Putin mengatakan Rusia dan Korea Utara akan saling membantu\n\nPutin mengatakan Rusia dan Korea Utara akan saling membantu\n\nVladimir Putin meningkatkan hubungan.\n",
		Good: "Putin mengatakan Rusia dan Korea Utara akan saling membantu\n\nVladimir Putin meningkatkan hubungan.\n",
		Lang: "id",
	},
	Run: runRepeatedHeadline,
}

// normalizeTitle folds a headline for comparison: lower case, no site suffix,
// no parenthesised source, quotes and punctuation dropped, white space folded.
// The result holds only letters, digits and single spaces between words.
func normalizeTitle(s string) string { return string(appendFoldedTitle(nil, s)) }

// appendFoldedTitle appends normalizeTitle(s) to b.
func appendFoldedTitle(b []byte, s string) []byte {
	s = strings.TrimSpace(s)
	if n := creditLen(s); n > 0 {
		s = strings.TrimSpace(s[:len(s)-n])
	}
	if n := siteSuffixLen(s); n > 0 {
		s = s[:len(s)-n]
	}
	// One pass, ASCII through a table without decoding: this runs on every
	// line of every article. A separator is written as a space unless one
	// is already there or nothing is; a space left at the end goes.
	start := len(b)
	b = slices.Grow(b, len(s))
	n, out := len(b), b[:cap(b)]
	space := 1 // 1 at the start or after a space, where a separator adds nothing
	for i := 0; i < len(s); {
		// Long ASCII stretches in vector registers where the processor has
		// them; the loop below folds what they leave, byte by byte.
		read, written, sp := asciifold.Prefix(out[n:], s[i:], space == 1)
		i, n, space = i+read, n+written, b2i(sp)
		for ; i < len(s); i++ {
			o := foldASCII[s[i]]
			if o == 0 {
				break // not ASCII
			}
			// Without a branch: written always, kept unless a second space.
			out[n] = o
			isSpace := b2i(o == ' ')
			n += 1 - isSpace&space
			space = isSpace
		}
		if i == len(s) {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if space == 1 {
				continue
			}
			r = ' '
		}
		space = b2i(r == ' ')
		b = utf8.AppendRune(out[:n], r)
		b = slices.Grow(b, len(s)-i)
		n, out = len(b), b[:cap(b)]
	}
	if n > start && out[n-1] == ' ' {
		n--
	}
	return out[:n]
}

// extendsFolded reports whether the folded line n starts with the folded
// line head and goes on with more words: strings.HasPrefix(n, head+" ")
// without building head+" ".
func extendsFolded(n, head string) bool {
	return len(n) > len(head) && n[len(head)] == ' ' && n[:len(head)] == head
}

// b2i is 1 for true and 0 for false (compiled without a branch).
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// foldASCII maps each ASCII byte to what appendFoldedTitle writes for it: a
// lower-case letter or a digit, or a space for anything else; 0 for the bytes
// that are not ASCII.
var foldASCII = func() (t [256]byte) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c + 'a' - 'A')
		default:
			t[c] = ' '
		}
	}
	return t
}()

func runRepeatedHeadline(p *rule.Pass) {
	d := p.Doc
	t := titleLine(p)
	if t < 0 {
		return
	}
	head := foldedLine(p, t)
	headWords := foldedWordCount(head)
	if headWords < 3 {
		return
	}
	headSpan := trimmedLine(d, t)
	related := []finding.Location{{Span: headSpan, Message: "the headline"}}
	for i := t + 1; i < len(d.Lines); i++ {
		ls := trimmedLine(d, i)
		if ls.Len() == 0 {
			continue
		}
		n := foldedTrimmedLine(p, i, ls)
		switch {
		case n == head:
			p.ReportFinding(finding.Finding{Span: ls, Message: "the headline is repeated: " + quote(d.Slice(ls)),
				Fixes: []finding.Fix{deleteLineFix(d, i)}, Related: related})
		case extendsFolded(n, head) && foldedWordCount(n) <= 3*headWords:
			fix := deleteLineFix(d, i)
			fix.Safe = false // the extension may carry words worth keeping
			p.ReportFinding(finding.Finding{Span: ls, Message: "line repeats the whole headline and extends it: " + quote(d.Slice(ls)),
				Fixes: []finding.Fix{fix}, Related: related})
		}
	}
}
