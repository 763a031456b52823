package rules

import (
	"strings"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// BareDomain finds a site's domain standing alone on a line ("bdadinfo.com").
var BareDomain = &rule.Rule{
	ID:       "artifact/bare-domain",
	Title:    "site domain alone on a line",
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: `A line holding nothing but a domain name, such as "bdadinfo.com": the site's logo or header text captured with the article.`,
		Why:  "It names the site, not the news, and often lands above the headline, where tools take it for the title.",
		Bad:  "bdadinfo.com\n\nPutin Siap Kunjungi Pyongyang\n\nKorea Utara mengumumkan kunjungan Putin.\n",
		Good: "Putin Siap Kunjungi Pyongyang\n\nKorea Utara mengumumkan kunjungan Putin.\n",
		Lang: "id",
	},
	Run: func(p *rule.Pass) {
		d := p.Doc
		for i := range d.Lines {
			if strings.IndexByte(d.LineText(i), '.') < 0 {
				continue // a domain has a dot: most lines are ruled out before trimming
			}
			ls := trimmedLine(d, i)
			if ls.Len() > 0 && isBareDomain(d.Slice(ls)) && !isFieldValue(d, i) {
				p.Report(ls, "site domain "+quote(d.Slice(ls))+" alone on a line", deleteLineFix(d, i))
			}
		}
	},
}

// isFieldValue reports whether line i sits right under a label line, with no
// blank line between ("Ticketing" or "Website:" and then "www.example.com"): the
// domain is then the label's value, written by the author, not the site's logo.
func isFieldValue(d *document.Document, i int) bool {
	if i == 0 || d.IsBlankLine(i-1) {
		return false
	}
	label := d.Slice(trimmedLine(d, i-1))
	return strings.HasSuffix(label, ":") || wordCount(label) <= 2 && !endsSentence(label) && !isBareDomain(label)
}
