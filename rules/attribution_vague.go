package rules

import (
	"strings"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// VagueSource finds claims that rest on unnamed people: "Para ahli berasumsi",
// "Orang dalam mencurigai", "kabarnya", "It is widely believed".
var VagueSource = &rule.Rule{
	ID:            "attribution/vague-source",
	Title:         "claim attributed to unnamed or vague sources",
	NeedsLanguage: true,
	Severity:      finding.Warning,
	Doc: rule.Doc{
		What: `A vague group making a claim ("Para ahli berasumsi", "Orang dalam mencurigai", "Berbagai negara menuduh", "Critics say") or a hedge that rests on nobody ("kabarnya", "dikabarkan", "It is widely believed", "reportedly"). Groups are reported only when a verb of claiming follows; hedges wherever they stand. Hedges are info, claims warnings.`,
		Why:  "Editors must know who stands behind a claim; vague sourcing is how rumour passes for news.",
		Bad:  "Para ahli berasumsi bahwa Putin dan Kim akan membahas senjata.\n",
		Good: "Menurut analis RAND, Bruce Bennett, Putin dan Kim akan membahas senjata.\n",
		Lang: "id",
	},
	Run: runVagueSource,
}

func runVagueSource(p *rule.Pass) {
	d := p.Doc
	verbs := p.Pack.List("claim-verbs")
	for _, m := range p.Pack.List("vague-sources").FindAll(d.Text) {
		span := finding.Span{Start: m.Start, End: m.End}
		sev := finding.Warning
		if m.Entry.Field(0) == "info" {
			sev = finding.Info
		}
		phrase := d.Text[m.Start:m.End]
		msg := "vague source " + quote(phrase) + ": name who says so, or drop the claim"
		if m.Entry.Field(1) == "subject" {
			// only with a verb of claiming within three words after it
			words := document.Words(d.Text, finding.Span{Start: m.End, End: min(len(d.Text), m.End+120)})
			found := false
			for k := 0; k < len(words) && k < 3; k++ {
				w := d.Slice(words[k])
				if verbs.Contains(w) {
					span.End = words[k].End
					found = true
					break
				}
				if strings.ContainsAny(d.Text[m.End:words[k].Start], ".,;:!?\n\"“”") {
					break
				}
			}
			if !found {
				continue
			}
			msg = "claim rests on a vague source " + quote(d.Slice(span)) + ": name who says so"
		} else {
			msg = "hedge " + quote(phrase) + " rests on nobody: name the source"
		}
		p.ReportFinding(finding.Finding{Span: span, Message: msg, Severity: sev})
	}
}
