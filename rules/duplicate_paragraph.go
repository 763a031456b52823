package rules

import (
	"strings"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// RepeatedParagraph finds a paragraph (a line of text) repeated verbatim or
// nearly in the same article.
var RepeatedParagraph = &rule.Rule{
	ID:       "duplicate/repeated-paragraph",
	Title:    "paragraph repeated in the article",
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: "A paragraph (a line of eight words or more) that repeats an earlier line of the same article, exactly after folding case, white space and punctuation (fixed by deleting the later copy), or nearly (word-set similarity of 0.9 or more; the fix is offered for review only). Short lines and lines that recur three times or more are the article's own structure (a meal plan's \"Eat every 2–3 hours\", an interview's repeated question), not a scraper's copy, and are left alone.",
		Why:  "Repeated paragraphs come from scrapers that capture a teaser and the body, or a caption and the text; they double-count the text in any corpus statistic.",
		Bad:  "Putin Tiba di Pyongyang\n\nKedua negara bekerja bersama membangun front persatuan yang baru.\n\nKorea Utara mengumumkan kunjungan Putin.\n\nKedua negara bekerja bersama membangun front persatuan yang baru.\n",
		Good: "Putin Tiba di Pyongyang\n\nKedua negara bekerja bersama membangun front persatuan yang baru.\n\nKorea Utara mengumumkan kunjungan Putin.\n",
		Lang: "id",
	},
	Run: runRepeatedParagraph,
	Options: []rule.Option{
		{Name: "min-words", Kind: rule.IntOption, Default: minParagraphWords, Min: 1, Max: 1000,
			Doc: "lines shorter than this many words are labels or headings, never reported"},
		{Name: "near-similarity", Kind: rule.FloatOption, Default: 0.9, Min: 0.5, Max: 1,
			Doc: "word-set similarity (0.5 to 1) from which a line nearly repeats an earlier one"},
	},
}

// maxNearLines bounds the pairwise near-duplicate comparison in one article.
const maxNearLines = 400

// minParagraphWords is the length below which a repeated line is a label or a
// heading rather than a paragraph.
const minParagraphWords = 8

func runRepeatedParagraph(p *rule.Pass) {
	d := p.Doc
	minWords, nearSim := p.IntOption("min-words"), p.FloatOption("near-similarity")
	t := titleLine(p)
	head := ""
	if t >= 0 {
		head = normalizedTitle(p, d.LineText(t))
	}
	type seenLine struct {
		line  int
		words map[string]bool
	}
	norm := make([]string, len(d.Lines))
	count := map[string]int{}
	for i := range d.Lines {
		if ls := trimmedLine(d, i); ls.Len() > 0 {
			norm[i] = normalizedTitle(p, d.Slice(ls))
			count[norm[i]]++
		}
	}
	first := map[string]int{}
	var seen []seenLine
	for i := range d.Lines {
		ls := trimmedLine(d, i)
		n := norm[i]
		if n == "" || wordCount(n) < minWords || count[n] >= 3 {
			continue // a label, a heading, or structure the article repeats on purpose
		}
		if n == head || strings.HasPrefix(n, head+" ") && head != "" || lineIsWidget(p, i) {
			continue // the headline's copies are duplicate/repeated-headline's
		}
		if j, ok := first[n]; ok {
			p.ReportFinding(finding.Finding{Span: ls, Message: "paragraph repeats line " + itoa(j+1) + ": " + quote(d.Slice(ls)),
				Fixes: []finding.Fix{deleteLineFix(d, i)}, Related: []finding.Location{{Span: trimmedLine(d, j), Message: "first copy"}}})
			continue
		}
		first[n] = i
		if len(seen) >= maxNearLines {
			continue
		}
		ws := wordSet(n)
		for _, s := range seen {
			if !canBeSimilar(len(ws), len(s.words), nearSim) {
				continue
			}
			if sim := jaccard(ws, s.words); sim >= nearSim {
				fix := deleteLineFix(d, i)
				fix.Safe = false
				p.ReportFinding(finding.Finding{Span: ls, Message: "paragraph nearly repeats line " + itoa(s.line+1) + " (similarity " + percent(sim) + ")",
					Fixes: []finding.Fix{fix}, Related: []finding.Location{{Span: trimmedLine(d, s.line), Message: "similar paragraph"}}})
				break
			}
		}
		seen = append(seen, seenLine{line: i, words: ws})
	}
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// canBeSimilar reports whether word sets of sizes a and b can reach a
// similarity of threshold: the intersection is at most the smaller and the
// union at least the larger, so the ratio of the sizes bounds it (and float
// division keeps that order). It spares most pairs of paragraphs the
// comparison.
func canBeSimilar(a, b int, threshold float64) bool {
	return max(a, b) == 0 || float64(min(a, b))/float64(max(a, b)) >= threshold
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}
