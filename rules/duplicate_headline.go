package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
func normalizeTitle(s string) string {
	s = strings.TrimSpace(s)
	if n := creditLen(s); n > 0 {
		s = strings.TrimSpace(s[:len(s)-n])
	}
	if n := siteSuffixLen(s); n > 0 {
		s = s[:len(s)-n]
	}
	// One pass, ASCII without decoding: this runs on every line of every
	// article, for three rules.
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				space = true
				continue
			}
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

func runRepeatedHeadline(p *rule.Pass) {
	d := p.Doc
	t := titleLine(p)
	if t < 0 {
		return
	}
	head := normalizedTitle(p, d.LineText(t))
	if wordCount(head) < 3 {
		return
	}
	headSpan := trimmedLine(d, t)
	related := []finding.Location{{Span: headSpan, Message: "the headline"}}
	for i := t + 1; i < len(d.Lines); i++ {
		ls := trimmedLine(d, i)
		if ls.Len() == 0 {
			continue
		}
		n := normalizedTitle(p, d.Slice(ls))
		switch {
		case n == head:
			p.ReportFinding(finding.Finding{Span: ls, Message: "the headline is repeated: " + quote(d.Slice(ls)),
				Fixes: []finding.Fix{deleteLineFix(d, i)}, Related: related})
		case strings.HasPrefix(n, head+" ") && wordCount(n) <= 3*wordCount(head):
			fix := deleteLineFix(d, i)
			fix.Safe = false // the extension may carry words worth keeping
			p.ReportFinding(finding.Finding{Span: ls, Message: "line repeats the whole headline and extends it: " + quote(d.Slice(ls)),
				Fixes: []finding.Fix{fix}, Related: related})
		}
	}
}
