package rules

import (
	"strings"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// CutDateline finds a paragraph that opens with "- " because the scraper cut
// the dateline ("Jakarta - ") in front of it.
var CutDateline = &rule.Rule{
	ID:       "artifact/cut-dateline",
	Title:    "stray dash where a dateline was cut",
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: `A lead paragraph that starts with a dash and a space ("- Korea Utara telah …") where the scraper removed the dateline ("Jakarta - ", "SEOUL (AP) — ") but kept its dash. Only the article's first paragraphs are looked at; lists (several paragraphs starting with a dash), embedded tweets' signatures ("— Name (@handle) date") and dialogue dashes in articles of no known language are left alone.`,
		Why:  "The dash makes the lead paragraph look like a list item and is noise in the corpus.",
		Bad:  "Putin Siap Kunjungi Pyongyang\n\n- Korea Utara telah mengumumkan kunjungan Putin.\n",
		Good: "Putin Siap Kunjungi Pyongyang\n\nKorea Utara telah mengumumkan kunjungan Putin.\n",
		Lang: "id",
	},
	Run: runCutDateline,
	Options: []rule.Option{
		{Name: "lead-paragraphs", Kind: rule.IntOption, Default: leadParagraphs, Min: 1, Max: 100,
			Doc: "how many paragraphs from the top a cut dateline is looked for"},
	},
}

func dashPrefix(s string) int {
	for _, d := range []string{"- ", "– ", "— "} {
		if strings.HasPrefix(s, d) && len(s) > len(d) && isUpperStart(strings.TrimLeft(s[len(d):], " ")) {
			return len(d)
		}
	}
	return 0
}

// leadParagraphs is how far into an article a cut dateline can stand: after the
// site's name, the headline and its copies, at the lead.
const leadParagraphs = 5

func runCutDateline(p *rule.Pass) {
	d := p.Doc
	paras := d.Paragraphs
	lead := p.IntOption("lead-paragraphs")
	for k, para := range paras {
		if k >= lead {
			break
		}
		s := trimSpan(d.Text, para.Span)
		n := dashPrefix(d.Slice(s))
		if n == 0 {
			continue
		}
		text := d.Slice(s)
		if strings.Contains(text, "(@") {
			continue // "— Name (@handle) October 9, 2018": an embedded tweet's signature
		}
		if d.Lang == "" && strings.HasPrefix(text, "—") {
			continue // a dialogue dash, in a language we do not know
		}
		// Neighbours starting with a dash make it a list.
		if k > 0 && dashPrefix(d.Slice(trimSpan(d.Text, paras[k-1].Span))) > 0 ||
			k+1 < len(paras) && dashPrefix(d.Slice(trimSpan(d.Text, paras[k+1].Span))) > 0 {
			continue
		}
		if wordCount(d.LineText(para.FirstLine)) < 6 {
			continue // a short dash line is more likely a list or a caption
		}
		end := s.Start + n
		for end < s.End && d.Text[end] == ' ' {
			end++
		}
		span := finding.Span{Start: s.Start, End: end}
		p.Report(finding.Span{Start: s.Start, End: s.Start + 1}, "paragraph starts with a stray dash where the dateline was cut",
			finding.Fix{Message: "delete the leading " + quote(d.Slice(span)), Edits: []finding.Edit{{Span: span}}, Safe: true})
	}
}
