package rules

import (
	"slices"
	"strings"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// InlineWidget finds widget text inside running text: "SCROLL TO CONTINUE WITH
// CONTENT", "ADVERTISEMENT" and detik's "[Gambas:…]" embeds.
var InlineWidget = &rule.Rule{
	ID:       "artifact/inline-widget",
	Title:    "widget text or embed placeholder inside the text",
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: `Widget text that a scraper left in the middle of running text, typical of articles flattened to one line: "SCROLL TO CONTINUE WITH CONTENT", "ADVERTISEMENT", and embed placeholders such as "[Gambas:Video 20detik]".`,
		Why:  "It splits sentences in two and is the same in every article of a site.",
		Bad:  "Rashford dipinjamkan MU ke Barcelona. SCROLL TO CONTINUE WITH CONTENT Bersama Barcelona, ia menemukan performanya.\n",
		Good: "Rashford dipinjamkan MU ke Barcelona. Bersama Barcelona, ia menemukan performanya.\n",
		Lang: "id",
	},
	Run: runInlineWidget,
}

// embedOpen opens detik's embed placeholder, "[Gambas:Video 20detik]"; the
// placeholder runs to the next "]".
const embedOpen = "[Gambas:"

func runInlineWidget(p *rule.Pass) {
	d := p.Doc
	widgets := p.Packs.Union("inline-widgets")
	for i := range d.Lines {
		ls := trimmedLine(d, i)
		if ls.Len() == 0 || lineIsWidget(p, i) {
			continue // a widget alone on its line is artifact/widget-line's
		}
		line := d.Slice(ls)
		var spans []finding.Span
		for _, m := range widgets.FindAll(line) {
			if line[m.Start:m.End] == m.Entry.Phrase { // same capitals only
				spans = append(spans, finding.Span{Start: ls.Start + m.Start, End: ls.Start + m.End})
			}
		}
		for off := 0; ; {
			j := strings.Index(line[off:], embedOpen)
			if j < 0 {
				break
			}
			k := strings.IndexByte(line[off+j:], ']')
			if k < 0 || k > 200 {
				break
			}
			spans = append(spans, finding.Span{Start: ls.Start + off + j, End: ls.Start + off + j + k + 1})
			off += j + k + 1
		}
		slices.SortFunc(spans, func(a, b finding.Span) int { return a.Start - b.Start })
		for _, s := range spans {
			if s == ls {
				p.Report(s, "embed placeholder "+quote(d.Slice(s))+" left by the scraper", deleteLineFix(d, i))
				continue
			}
			p.Report(s, "widget text "+quote(d.Slice(s))+" left inside the text",
				finding.Fix{Message: "delete " + quote(d.Slice(s)), Edits: []finding.Edit{removeInlineEdit(d.Text, ls, s)}, Safe: true})
		}
	}
}
