package rules

import (
	"strings"
	"unicode"

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
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

func runRepeatedHeadline(p *rule.Pass) {
	d := p.Doc
	t := titleLine(p)
	if t < 0 {
		return
	}
	head := normalizeTitle(d.LineText(t))
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
		n := normalizeTitle(d.Slice(ls))
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
