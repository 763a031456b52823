package rules

import (
	"slices"
	"strings"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
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
		What: `A vague group making a claim ("Para ahli berasumsi", "Orang dalam mencurigai", "Berbagai negara menuduh", "Critics say") or a hedge that rests on nobody ("kabarnya", "dikabarkan", "It is widely believed", "reportedly"). Groups are reported only when a verb of claiming follows; hedges wherever they stand, unless their sentence names the source after all ("seperti dikabarkan oleh Daily Star", "officers reportedly found it, Harris said") or the word has another sense there ("lama tak terdengar kabarnya", his news). Words inside a direct quote are the speaker's, not the writer's claim, and are left alone. Hedges are info, claims warnings.`,
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
	sp := newSpeakers(p)
	notVague := p.Pack.List("not-vague").FindAll(d.Text)
	var quoted []quoteSpan
	for _, para := range d.Paragraphs {
		quoted = append(quoted, findQuotes(d.Text, para.Span)...)
	}
	for _, m := range p.Pack.List("vague-sources").FindAll(d.Text) {
		span := finding.Span{Start: m.Start, End: m.End}
		if slices.ContainsFunc(notVague, func(n lexicon.Match) bool { return n.Start <= m.Start && m.End <= n.End }) {
			continue // "lama tak terdengar kabarnya": his news, not hearsay
		}
		if slices.ContainsFunc(quoted, func(q quoteSpan) bool { return q.open < m.Start && m.End <= q.close }) {
			continue // a speaker's own words: the quote is attributed, not the writer's claim
		}
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
			if namesSource(d, sp, m) {
				continue
			}
			msg = "hedge " + quote(phrase) + " rests on nobody: name the source"
		}
		p.ReportFinding(finding.Finding{Span: span, Message: msg, Severity: sev})
	}
}

// namesSource reports whether a hedge's sentence names its source after all:
// the hedge is followed by "oleh"/"by" ("seperti dikabarkan oleh Daily Star"),
// or a named speaker stands next to an attribution verb in the sentence
// ("officers reportedly located marijuana, Harris said").
func namesSource(d *document.Document, sp speakers, m lexicon.Match) bool {
	after := strings.Fields(d.Text[m.End:min(len(d.Text), m.End+20)])
	if len(after) > 0 && slices.Contains([]string{"oleh", "by"}, strings.ToLower(after[0])) {
		return true
	}
	s := d.SentenceAt(m.Start)
	if s.Len() == 0 {
		return false
	}
	mk := maskQuotes(d.Text, s)
	words := document.Words(mk.text, finding.Span{Start: 0, End: len(mk.text)})
	for k, w := range words {
		if !sp.verbs.Contains(mk.text[w.Start:w.End]) {
			continue
		}
		if k > 0 && isUpperStart(mk.text[words[k-1].Start:words[k-1].End]) && sp.speakerBefore(mk.text, words, k) {
			return true
		}
		if k+1 < len(words) && isUpperStart(mk.text[words[k+1].Start:words[k+1].End]) && sp.speakerAfter(mk.text, w) {
			return true
		}
	}
	return false
}
