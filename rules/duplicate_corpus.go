package rules

import (
	"github.com/zeebo/xxh3"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// subjectKey hashes a normalised subject so facts stay small whatever its
// length: 12 bytes of its sum (see sumOf), raw (a key is never shown), after
// a prefix naming what was hashed. The engine keeps one key a distinct
// subject.
func subjectKey(prefix, s string) string {
	return keyOfSum(prefix, xxh3.HashString128(s).Bytes())
}

// keyOfSum is subjectKey for a subject whose sum is known.
func keyOfSum(prefix string, h [16]byte) string {
	return prefix + string(h[:12])
}

// sumOf is the 128-bit XXH3 hash of b, which keys facts and tells exact
// copies apart. Keys live only while a run does and are never shown, so a
// fast hash does: two distinct subjects share the 96 bits of a key with a
// chance of about one in 10^13 in a corpus of a million articles.
// (SHA-256, which keyed them first, was 3% of a run's CPU for nothing.)
func sumOf(b []byte) [16]byte { return xxh3.Hash128(b).Bytes() }

// reportLaterCopies is phase two of the corpus duplicate rules: for each fact
// this file exported, if an earlier file (in path order) exported the same key,
// report here with a related location at the first.
func reportLaterCopies(p *rule.CorpusPass, what string) {
	for _, own := range p.Own {
		// Only the count and the first fact matter: the others are not built.
		if p.FactCount(own.Key) < 2 {
			continue
		}
		first := p.FactAt(own.Key, 0)
		if first.Path == p.Path {
			continue
		}
		p.Report(finding.Finding{
			Span:    own.Span,
			Range:   own.Range,
			Message: what + " as " + first.Path + " (line " + itoa(first.Range.Start.Line) + ")",
			Related: []finding.Location{{Path: first.Path, Span: first.Span, Range: first.Range, Message: "first copy"}},
		})
	}
}

// SameHeadline finds the same headline in two files of a corpus.
var SameHeadline = &rule.Rule{
	ID:       "duplicate/same-headline",
	Title:    "same headline as another file of the corpus",
	Severity: finding.Warning,
	Doc: rule.Doc{
		What: "Two files whose headlines are the same after folding case, white space, punctuation, site suffixes and source credits. Reported on every later file in path order, pointing at the first; there is no fix, because which copy to keep is an editor's call. A file of one line (a body flattened without its headline) has no headline to compare; duplicate/same-body compares it.",
		Why:  "The same story scraped twice, or two stories under one headline, both distort a corpus.",
		Bad:  "Putin Tiba di Pyongyang\n\nPresiden Rusia tiba pada Rabu.\n",
		Good: "Kim Sambut Putin di Bandara\n\nPresiden Rusia tiba pada Rabu.\n",
		Lang: "id",
	},
	Collect: func(p *rule.Pass) {
		t := titleLine(p)
		if t < 0 || nonBlankLine(p.Doc, nonBlankLine(p.Doc, 0)+1) < 0 {
			return // a file flattened to one line has no headline line, only a body
		}
		n := foldedLine(p, t)
		if wordCount(n) < 3 {
			return
		}
		p.ExportFact(subjectKey("h", n), trimmedLine(p.Doc, t), nil)
	},
	Corpus:     func(p *rule.CorpusPass) { reportLaterCopies(p, "same headline") },
	PriorFacts: true, // reportLaterCopies looks back only
}

// minBodyWords is the length below which a body is too short to call two files
// the same article.
const minBodyWords = 20

// body is an article's folded body (see articleBody) with its sum (sumOf),
// which duplicate/same-body keys its fact by and duplicate/near-duplicate
// tells exact copies by.
type body struct {
	text  string
	sum   [16]byte
	first finding.Span // the body's first line, trimmed
	ok    bool         // false for a body of fewer than minBodyWords words
}

// bodyKey is the key under which articleBody keeps its answer for a document:
// two rules read the body of every article.
type bodyKey struct{}

// articleBody returns the article's body, everything after the headline line,
// folded as headlines are (case, white space and line breaks, punctuation), with
// the span of its first line, built and hashed once per document. A file
// flattened to one line is all body.
func articleBody(p *rule.Pass) body {
	return p.Doc.Memo(bodyKey{}, func() any { return buildBody(p) }).(body)
}

func buildBody(p *rule.Pass) body {
	d := p.Doc
	first := nonBlankLine(d, 0)
	if first < 0 {
		return body{}
	}
	from := 0
	if second := nonBlankLine(d, first+1); second >= 0 {
		from = second
	}
	// The non-empty foldings of the lines from the body's first on, joined by
	// spaces, are the end of the document's folded text.
	f := folded(p)
	at := len(f.text)
	for i := from; i < len(d.Lines); i++ {
		if f.end[i] > f.start[i] {
			at = f.start[i]
			break
		}
	}
	text := f.text[at:]
	if foldedWordCount(text) < minBodyWords {
		return body{}
	}
	return body{text: text, sum: sumOf(f.bytes[at:]), ok: true,
		first: trimSpan(d.Text, finding.Span{Start: d.Lines[from].Start, End: d.Lines[from].End})}
}

// nonBlankLine returns the index of the first line at or after i that is not
// blank, or -1.
func nonBlankLine(d *document.Document, i int) int {
	for ; i < len(d.Lines); i++ {
		if !d.IsBlankLine(i) {
			return i
		}
	}
	return -1
}

// SameBody finds two files whose bodies are identical.
var SameBody = &rule.Rule{
	ID:       "duplicate/same-body",
	Title:    "same article body as another file of the corpus",
	Severity: finding.Warning,
	Doc: rule.Doc{
		What: "Two files whose bodies (everything after the headline, with case, white space and punctuation folded) are identical, whatever their headlines. Reported on every later file in path order; no fix.",
		Why:  "Exact duplicates under different headlines are the commonest leak between a corpus's training and test splits.",
		Bad:  "Putin Tiba di Pyongyang\n\nPresiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari untuk kunjungan pertamanya ke Korea Utara dalam 24 tahun. Ia disambut langsung oleh Kim Jong Un di bandara.\n",
		Good: "Putin Tiba di Pyongyang\n\nKim Jong Un menyambut Presiden Rusia Vladimir Putin di bandara Pyongyang pada Rabu dini hari. Kedua pemimpin kemudian menuju Istana Kumsusan untuk upacara resmi dan pembicaraan tertutup.\n",
		Lang: "id",
	},
	Collect: func(p *rule.Pass) {
		b := articleBody(p)
		if !b.ok {
			return
		}
		p.ExportFact(keyOfSum("b", b.sum), b.first, nil)
	},
	Corpus:     func(p *rule.CorpusPass) { reportLaterCopies(p, "same body") },
	PriorFacts: true, // reportLaterCopies looks back only
}
