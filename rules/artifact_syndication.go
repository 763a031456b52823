package rules

import (
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// SyndicationNote finds the note a syndicated article ends with: "Artikel ini
// telah tayang di Kompas.com dengan judul …", on its own line or at the end of
// an article flattened to one line.
var SyndicationNote = &rule.Rule{
	ID:       "artifact/syndication-note",
	Title:    "note that the article first appeared elsewhere",
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: `The note a republished article carries, "Artikel ini telah tayang di Kompas.com dengan judul …" or "This article originally appeared on …", with the original headline and link that follow it to the end of the line.`,
		Why:  "It is the partner site's furniture: it repeats another headline and a link, and the same note closes thousands of articles.",
		Bad:  "Harga cabai turun di Pasar Minggu. Artikel ini telah tayang di Kompas.com dengan judul \"Harga Cabai Turun\"\n",
		Good: "Harga cabai turun di Pasar Minggu.\n",
		Lang: "id",
	},
	Run: runSyndicationNote,
}

// maxNoteWords bounds what may follow a syndication phrase: a headline and a link.
const maxNoteWords = 45

func runSyndicationNote(p *rule.Pass) {
	matches := widgetPhrases(p, "syndication") // the lines that hold a syndication phrase
	for len(matches) > 0 {
		i := matches[0].line
		n := 1
		for n < len(matches) && matches[n].line == i {
			n++
		}
		lineNote(p, i, matches[:n])
		matches = matches[n:]
	}
}

// lineNote reports the syndication note of line i, if one of ms, the line's
// matches of the syndication list, opens one.
func lineNote(p *rule.Pass, i int, ms []lineMatch) {
	d := p.Doc
	ls := trimmedLine(d, i)
	line := d.Slice(ls)
	for _, lm := range ms {
		m := lm.Match
		m.Start -= ls.Start
		m.End -= ls.Start
		if !isUpperStart(line[m.Start:m.End]) {
			continue // "… dan artikel ini telah tayang di …" is a sentence about it
		}
		if m.Start > 0 && !endsSentence(line[:m.Start]) {
			continue
		}
		rest := line[m.End:]
		span := finding.Span{Start: ls.Start + m.Start, End: ls.End}
		msg := "syndication note " + quote(d.Slice(span)) + " left by the scraper"
		if wordCount(rest) > maxNoteWords {
			p.Report(finding.Span{Start: ls.Start + m.Start, End: ls.Start + m.End}, msg)
			return
		}
		if m.Start == 0 {
			p.Report(span, msg, deleteLineFix(d, i))
			return
		}
		p.Report(span, msg, finding.Fix{Message: "delete " + quote(d.Slice(span)), Edits: []finding.Edit{removeInlineEdit(d.Text, ls, span)}, Safe: true})
		return
	}
}
