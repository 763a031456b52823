package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// UnattributedQuote finds a direct quote of a full sentence with nobody said to
// have spoken it.
var UnattributedQuote = &rule.Rule{
	ID:            "attribution/unattributed-quote",
	Title:         "direct quote with no speaker",
	NeedsLanguage: true,
	Severity:      finding.Warning,
	Doc: rule.Doc{
		What: `A direct quote of a full sentence — five words or more opening with a capital, or ending with sentence punctuation inside the marks — with no attribution verb ("kata", "ujarnya", "menurut", "said", "according to" …) in its sentence, its paragraph or the paragraph before. Quotes of one to four words are scare quotes, not quotes.`,
		Why:  "A quote nobody said is an invented quote as far as a reader can tell.",
		Bad:  "Kunjungan itu berlangsung singkat.\n\n“Kami akan membalas setiap serangan dengan kekuatan penuh.”\n",
		Good: "Kunjungan itu berlangsung singkat.\n\n“Kami akan membalas setiap serangan dengan kekuatan penuh,” kata Kim.\n",
		Lang: "id",
	},
	Run: runUnattributedQuote,
	Options: []rule.Option{
		{Name: "min-words", Kind: rule.IntOption, Default: 5, Min: 1, Max: 100,
			Doc: "a quote opening with a capital is a full sentence from this many words (shorter ones are scare quotes unless they end with . ! or ?)"},
	},
}

// quoteSpan is a pair of marks and the text between them.
type quoteSpan struct {
	open, close int // offsets of the marks
	end         int // offset after the closing mark
}

// findQuotes returns the paired quotes of text[s]: “…” and "…" pairs.
func findQuotes(text string, s finding.Span) []quoteSpan {
	var out []quoteSpan
	open := -1
	straight := -1
	for i := s.Start; i < s.End; {
		r, n := utf8.DecodeRuneInString(text[i:s.End])
		switch r {
		case '“':
			open = i
		case '”':
			if open >= 0 {
				out = append(out, quoteSpan{open: open, close: i, end: i + n})
				open = -1
			}
		case '"':
			if straight < 0 {
				straight = i
			} else {
				out = append(out, quoteSpan{open: straight, close: i, end: i + n})
				straight = -1
			}
		}
		i += n
	}
	return out
}

// isFullQuote reports whether the quoted text is a full sentence or more.
func isFullQuote(inner string, minWords int) bool {
	inner = strings.TrimSpace(inner)
	if inner == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(inner)
	if strings.ContainsRune(".!?", last) && wordCount(inner) >= 2 {
		return true
	}
	first, _ := utf8.DecodeRuneInString(inner)
	return wordCount(inner) >= minWords && unicode.IsUpper(first)
}

// hasAttribution reports whether text holds an attribution verb.
func hasAttribution(verbs *lexicon.List, text string) bool {
	for _, w := range document.Words(text, finding.Span{Start: 0, End: len(text)}) {
		if verbs.Contains(text[w.Start:w.End]) {
			return true
		}
	}
	for _, m := range verbs.FindAll(text) { // multi-word entries: "according to"
		if strings.Contains(m.Entry.Phrase, " ") {
			return true
		}
	}
	return false
}

// contextWindow bounds how far around a quote attribution is looked for in a
// long paragraph (an article flattened to one line).
const contextWindow = 600

func runUnattributedQuote(p *rule.Pass) {
	d := p.Doc
	verbs := p.Pack.List("attribution-verbs")
	minWords := p.IntOption("min-words")
	for k, para := range d.Paragraphs {
		for _, q := range findQuotes(d.Text, para.Span) {
			inner := d.Text[q.open+len(string(firstRune(d.Text[q.open:]))) : q.close]
			if !isFullQuote(inner, minWords) {
				continue
			}
			// Outside the quote: the rest of the paragraph, and the paragraph before.
			from, to := para.Start, para.End
			if para.Len() > 2*contextWindow {
				from = max(para.Start, q.open-contextWindow)
				to = min(para.End, q.end+contextWindow/2)
			}
			ctx := d.Text[from:q.open] + " " + d.Text[q.end:to]
			if k > 0 && para.Len() <= 2*contextWindow {
				ctx += " " + d.Slice(d.Paragraphs[k-1].Span)
			}
			if hasAttribution(verbs, stripQuotes(ctx)) {
				continue
			}
			span := finding.Span{Start: q.open, End: q.end}
			p.Report(span, "quote of "+itoa(wordCount(inner))+" words with no speaker: say who said it")
		}
	}
}

// stripQuotes blanks out quoted text so a verb inside another quote does not
// count as attribution.
func stripQuotes(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch r {
		case '“':
			in = true
			continue
		case '”':
			in = false
			continue
		}
		if !in {
			b.WriteRune(r)
		}
	}
	return b.String()
}

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
		for _, s := range d.Sentences() {
			text := d.Slice(s)
			if !strings.HasSuffix(text, ".") || strings.ContainsAny(text, "“”\"") {
				continue
			}
			ws := d.Words(s)
			if len(ws) < 2 || len(ws) > 4 {
				continue
			}
			first, last := d.Slice(ws[0]), d.Slice(ws[len(ws)-1])
			if !pronouns.Contains(first) || !verbs.Contains(last) {
				continue
			}
			p.Report(s, "attribution "+quote(text)+" with nothing attributed: the statement is missing")
		}
	},
}
