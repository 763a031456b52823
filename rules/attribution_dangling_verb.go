package rules

import (
	"strings"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// DanglingAttribution finds an attribution verb with nothing attributed: "Dia
// juga berkata." standing alone.
var DanglingAttribution = &rule.Rule{
	ID:            "attribution/dangling-verb",
	Title:         "attribution verb with nothing attributed",
	NeedsLanguage: true,
	Severity:      finding.Info,
	Doc: rule.Doc{
		What: `A short sentence that is only a speaker and an attribution verb — "Dia juga berkata.", "He added." — with no quote or statement after it: what was said was lost.`,
		Why:  "The sentence promises a statement the text does not hold; usually a quote was cut by the scraper.",
		Bad:  "Kerja sama itu harus menjadi perhatian dunia. Dia juga berkata.\n",
		Good: "Kerja sama itu harus menjadi perhatian dunia. Dia juga berkata bahwa dunia harus waspada.\n",
		Lang: "id",
	},
	Run: func(p *rule.Pass) {
		d := p.Doc
		verbs := p.Pack.List("attribution-verbs")
		pronouns := p.Pack.List("pronouns")
		mayBePronoun := wordFilterOf(pronouns)
		for _, s := range d.Sentences() {
			text := d.Slice(s)
			if !strings.HasSuffix(text, ".") {
				continue
			}
			// The first word is read first: few sentences open with a
			// pronoun, and counting the words of every sentence cost more.
			if start, end, ascii, ok := nextWordFast(d.Text, s.Start, s.End); !ok || !mayBePronoun.may(d.Text[start:end], ascii) {
				continue
			}
			if n := countWordsFast(d.Text, s, 5); n < 2 || n > 4 {
				continue // counted first: splitting every sentence into words cost more than the rule
			}
			// Looked for in the short sentences only: three searches for a
			// non-ASCII mark over every sentence were most of the rule.
			if strings.ContainsAny(text, "“”\"") {
				continue
			}
			ws := d.Words(s)
			first, last := d.Slice(ws[0]), d.Slice(ws[len(ws)-1])
			if !pronouns.Contains(first) || !verbs.Contains(last) {
				continue
			}
			p.Report(s, "attribution "+quote(text)+" with nothing attributed: the statement is missing, restore what was said")
		}
	},
}
