package rules

import (
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// ConjunctionAfterPeriod finds a sentence that opens with a conjunction which
// joins clauses: "Korea Utara. Dan sebaliknya". Optional: off by default.
var ConjunctionAfterPeriod = &rule.Rule{
	ID:            "punctuation/conjunction-after-period",
	Title:         "sentence opening with a joining conjunction after a period",
	NeedsLanguage: true,
	Optional:      true,
	Severity:      finding.Info,
	Doc: rule.Doc{
		What: `A period followed by a capitalised conjunction that joins two parts of one sentence ("Dan", "Serta", "Sehingga"): "… kepada Korea Utara. Dan sebaliknya …". The words are data per language (sentence-conjunctions). The fix offered (remove the period, lower the conjunction) is not applied unattended. Off by default: enable it by name.`,
		Why:  "Standard Indonesian does not open a sentence with these conjunctions; after a period one usually marks a sentence split in two by translation or scraping.",
		Bad:  "Rusia memasok teknologi satelit kepada Korea Utara. Dan sebaliknya, Pyongyang mengirim amunisi.\n",
		Good: "Rusia memasok teknologi satelit kepada Korea Utara dan sebaliknya, Pyongyang mengirim amunisi.\n",
		Lang: "id",
	},
	Run: func(p *rule.Pass) {
		list := p.Pack.List("sentence-conjunctions")
		if list.Len() == 0 {
			return
		}
		periodSites(p.Doc, func(s periodSite) {
			if s.prev == "" || !isUpperStart(s.next) || !list.Contains(s.next) || p.Pack.IsAbbreviation(s.prev+".") {
				return
			}
			last, _ := utf8.DecodeLastRuneInString(s.prev)
			if !unicode.IsLetter(last) || isUpperStart(wordAfter(p.Doc.Text, skipHSpace(p.Doc.Text, s.nextStart+len(s.next), len(p.Doc.Text)))) {
				return // "Dan Brown": a name
			}
			r, n := utf8.DecodeRuneInString(s.next)
			fix := removePeriodFix(p.Doc, s, "join the sentences: "+quote(lastWord(s.prev)+" "+string(unicode.ToLower(r))+s.next[n:]))
			fix.Safe = false
			fix.Edits = append(fix.Edits, finding.Edit{Span: finding.Span{Start: s.nextStart, End: s.nextStart + n}, New: string(unicode.ToLower(r))})
			p.Report(finding.Span{Start: s.dot, End: s.nextStart + len(s.next)}, "sentence opens with the conjunction "+quote(s.next)+" after a period: one sentence split in two?", fix)
		})
	},
}
