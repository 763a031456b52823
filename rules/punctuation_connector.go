package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// ConnectorPeriod finds a sentence connector cut off by a period:
// "Sementara itu. Kim menyebut" for "Sementara itu, Kim menyebut".
var ConnectorPeriod = &rule.Rule{
	ID:            "punctuation/connector-period",
	Title:         "sentence connector cut off by a period",
	NeedsLanguage: true,
	Severity:      finding.Warning,
	FixSafe:       true,
	Doc: rule.Doc{
		What: `A connector that opens a sentence ("Sementara itu", "Selain itu", "Meanwhile") followed by a period instead of a comma: "Sementara itu. Kim menyebut …". The fix writes the comma.`,
		Why:  "The connector alone is not a sentence; the period splits it from the clause it introduces.",
		Bad:  "Putin memuji Vietnam. Sementara itu. Kim menyebut aliansi itu penting.\n",
		Good: "Putin memuji Vietnam. Sementara itu, Kim menyebut aliansi itu penting.\n",
		Lang: "id",
	},
	Run: func(p *rule.Pass) {
		d := p.Doc
		list := p.Pack.List("connectors")
		for _, l := range d.Lines {
			line := d.Text[l.Start:l.End]
			for _, m := range list.FindAll(line) {
				if m.End >= len(line) || line[m.End] != '.' || !isUpperStart(line[m.Start:]) {
					continue
				}
				// it must open a sentence: line start, or after . ! ? and quotes
				before := strings.TrimRight(line[:m.Start], " \t\u00a0\"”’")
				if before != "" {
					r, _ := utf8.DecodeLastRuneInString(before)
					if !strings.ContainsRune(".!?", r) {
						continue
					}
				}
				after := line[skipHSpace(line, m.End+1, len(line)):]
				if after == "" || !isUpperStart(after) {
					continue
				}
				dot := l.Start + m.End
				next := l.Start + len(line) - len(after)
				edits := []finding.Edit{{Span: finding.Span{Start: dot, End: dot + 1}, New: ","}}
				if next > dot+2 {
					edits = append(edits, finding.Edit{Span: finding.Span{Start: dot + 1, End: next}, New: " "})
				}
				// A stop word after the comma no longer opens a sentence: "Meanwhile, the".
				w := wordAfter(d.Text, next)
				if r, n := utf8.DecodeRuneInString(w); n < len(w) && w != "I" && isLowerWord(strings.ToLower(w)) &&
					p.Pack.List("stopwords").Contains(strings.ToLower(w)) {
					edits = append(edits, finding.Edit{Span: finding.Span{Start: next, End: next + n}, New: string(unicode.ToLower(r))})
				}
				p.Report(finding.Span{Start: l.Start + m.Start, End: dot + 1}, "connector "+quote(line[m.Start:m.End])+" is cut off by a period; it takes a comma",
					finding.Fix{Message: "replace the period with a comma: " + quote(line[m.Start:m.End]+","), Edits: edits, Safe: true})
			}
		}
	},
}
