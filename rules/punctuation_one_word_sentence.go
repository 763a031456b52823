package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// OneWordSentence finds a sentence of one capitalised word between two
// sentences: "tulis KCNA. Rusia. Hubungan kedua negara". Optional: off by default.
var OneWordSentence = &rule.Rule{
	ID:            "punctuation/one-word-sentence",
	Title:         "sentence of a single word between two sentences",
	NeedsLanguage: true,
	Optional:      true,
	Severity:      finding.Info,
	Doc: rule.Doc{
		What: `A capitalised word standing alone between two periods inside a paragraph — "tulis KCNA. Rusia. Hubungan kedua negara …" — where a split left a fragment of a name or phrase. Abbreviations, initials, numbers, list items, connectors ("Meanwhile.", connector-period's) and one-word replies ("Ya.", "Tidak.", "Yes.") are left alone. Off by default: enable it by name.`,
		Why:  "A one-word sentence in news prose is nearly always a fragment cut off by a stray period; it has no fix an editor could apply blind.",
		Bad:  "Kerja sama militer itu diumumkan, tulis KCNA. Rusia. Hubungan kedua negara terus menguat.\n",
		Good: "Kerja sama militer itu diumumkan, tulis KCNA. Hubungan Rusia dan Korea Utara terus menguat.\n",
		Lang: "id",
	},
	Run: func(p *rule.Pass) {
		t := p.Doc.Text
		replies := p.Pack.List("one-word-replies")
		periodSites(p.Doc, func(s periodSite) {
			// s.next must be followed straight away by ". " and a capitalised word.
			end := s.nextStart + len(s.next)
			if end+2 >= len(t) || t[end] != '.' || !isHSpace(t, end+1) {
				return
			}
			after := t[skipHSpace(t, end+1, len(t)):]
			if !isUpperStart(after) || !isUpperStart(s.next) || utf8.RuneCountInString(s.next) < 2 || strings.Contains(s.next, "-") {
				return
			}
			for _, r := range s.next {
				if !unicode.IsLetter(r) {
					return
				}
			}
			prev := s.prev
			if prev == "" || p.Pack.IsAbbreviation(prev+".") || document.IsInitial(prev) || p.Pack.IsAbbreviation(s.next+".") ||
				isAcronym(s.next) || replies.Contains(s.next) || p.Pack.List("connectors").Contains(s.next) || strings.IndexFunc(prev, unicode.IsDigit) >= 0 {
				return
			}
			p.Report(finding.Span{Start: s.nextStart, End: end + 1}, "one-word sentence "+quote(s.next+".")+" between two sentences: a fragment cut off by a period?")
		})
	},
}
