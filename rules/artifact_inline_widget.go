package rules

import (
	"slices"
	"strings"

	"github.com/corpuslint/corpuslint/internal/document"
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
	ms := widgetPhrases(p, "inline-widgets")
	for _, i := range inlineWidgetLines(d, ms) {
		for len(ms) > 0 && ms[0].line < i {
			ms = ms[1:]
		}
		ls := trimmedLine(d, i)
		if ls.Len() == 0 || lineIsWidget(p, i) {
			continue // a widget alone on its line is artifact/widget-line's
		}
		line := d.Slice(ls)
		var spans []finding.Span
		for ; len(ms) > 0 && ms[0].line == i; ms = ms[1:] {
			if m := ms[0]; d.Text[m.Start:m.End] == m.Entry.Phrase { // same capitals only
				spans = append(spans, m.span())
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
			q := quote(d.Slice(s))
			if s == ls {
				p.Report(s, "embed placeholder "+q+" left by the scraper", deleteLineFix(d, i))
				continue
			}
			p.Report(s, "widget text "+q+" left inside the text",
				finding.Fix{Message: "delete " + q, Edits: []finding.Edit{removeInlineEdit(d.Text, ls, s)}, Safe: true})
		}
	}
}

// inlineWidgetLines returns the lines that may hold a widget, in order: those
// where ms, the matches of the inline-widgets list, hold one in its own
// capitals (a widget is reported only where it is written so), and those
// holding embedOpen.
func inlineWidgetLines(d *document.Document, ms []lineMatch) []int {
	var lines []int
	for _, m := range ms {
		if d.Text[m.Start:m.End] == m.Entry.Phrase {
			lines = append(lines, m.line)
		}
	}
	t := d.Text
	for off := 0; off < len(t); {
		j := strings.Index(t[off:], embedOpen)
		if j < 0 {
			break
		}
		i := d.LineIndex(off + j)
		lines = append(lines, i)
		off = d.Lines[i].Full.End
	}
	slices.Sort(lines)
	return slices.Compact(lines)
}
