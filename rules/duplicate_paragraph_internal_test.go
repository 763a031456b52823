package rules

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// repeated-paragraph counts the words of long lines only as far as it needs,
// finds the first line with a folding in its own table instead of a map, and
// reads a line's bloom bits only when it is compared; these tests pin it to
// the rule as it was (runRepeatedParagraphBefore, kept below verbatim).

func TestHasFoldedWords(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	for range 3000 {
		var b strings.Builder
		for range r.IntN(3000) {
			if r.IntN(6) == 0 {
				b.WriteByte(' ')
			} else {
				b.WriteByte('a' + byte(r.IntN(3)))
			}
		}
		s := b.String()
		if s == "" {
			continue
		}
		for _, n := range []int{1, 2, 7, 8, 9, 60, 90, 100, 101, 400, 1000} {
			if got, want := hasFoldedWords(s, n), foldedWordCount(s) >= n; got != want {
				t.Fatalf("%d bytes, %d words, at least %d: %v, want %v", len(s), foldedWordCount(s), n, got, want)
			}
		}
	}
}

// paragraphPieces make articles whose lines repeat, exactly, nearly, in other
// capitals and spaces, three times or more, next to short lines.
func paragraphPieces() []string {
	base := []string{
		"Kedua negara bekerja bersama membangun front persatuan yang baru",
		"Korea Utara mengumumkan kunjungan Putin ke Pyongyang pekan ini bersama delegasi",
		"Pemain Persija Jakarta berlatih keras menjelang laga melawan Persib Bandung",
		"Harga cabai naik tajam di pasar tradisional Jakarta sepanjang bulan ini",
	}
	var ps []string
	for _, l := range base {
		ps = append(ps, l, strings.ToUpper(l), l+" juga", l+" lagi kemarin", strings.ReplaceAll(l, " ", "  "), l+".", "\u00a0"+l)
	}
	return append(ps, "Putin Tiba di Pyongyang", "Baca juga: Harga cabai naik", "Eat every 2-3 hours", "ADVERTISEMENT", "a b", "")
}

// randomArticle joins lines drawn from ps, now and then a flattened
// article (many of them on one line) among them.
func randomArticle(r *rand.Rand, ps []string) string {
	var b strings.Builder
	for range r.IntN(30) {
		if r.IntN(20) == 0 {
			for range 20 + r.IntN(200) {
				b.WriteString(ps[r.IntN(len(ps))])
				b.WriteString(". ")
			}
		} else {
			b.WriteString(ps[r.IntN(len(ps))])
		}
		b.WriteString([]string{"\n", "\n\n", "\r\n", " \n"}[r.IntN(4)])
	}
	return b.String()
}

// paragraphFindings runs one version of the rule on text and returns its
// findings, printed.
func paragraphFindings(packs *lexicon.Set, run func(*rule.Pass), text string) []string {
	d := document.Parse("a.txt", []byte(text))
	d.Lang = packs.Detect(d.Text)
	pack := packs.Pack(d.Lang)
	d.Segment(pack.Abbreviations())
	var out []string
	run(rule.NewPass(RepeatedParagraph, d, packs, pack, func(string, rule.Fact) {}, func(f finding.Finding) {
		out = append(out, fmt.Sprintf("%+v", f))
	}))
	return out
}

func TestRepeatedParagraphAsBefore(t *testing.T) {
	files, packs := linttest.BenchSetup(t)
	r := rand.New(rand.NewPCG(2, 4))
	ps := paragraphPieces()
	var texts []string
	for _, f := range files {
		texts = append(texts, f.Text)
	}
	for range 3000 {
		texts = append(texts, randomArticle(r, ps))
	}
	findings := 0
	for _, text := range texts {
		got, want := paragraphFindings(packs, runRepeatedParagraph, text), paragraphFindings(packs, runRepeatedParagraphBefore, text)
		if !slices.Equal(got, want) {
			t.Fatalf("%q:\n%v\nwas\n%v", text, got, want)
		}
		findings += len(got)
	}
	if findings < 1000 {
		t.Fatalf("only %d findings: the texts do not repeat enough", findings)
	}
	t.Logf("%d texts, %d findings", len(texts), findings)
}

// runRepeatedParagraphBefore is runRepeatedParagraph as it was before it
// counted words as far as needed, kept its own table of foldings and read
// bloom bits only for lines it compares.
func runRepeatedParagraphBefore(p *rule.Pass) {
	d := p.Doc
	minWords, nearSim := p.IntOption("min-words"), p.FloatOption("near-similarity")
	t := titleLine(p)
	head := ""
	if t >= 0 {
		head = foldedLine(p, t)
	}
	// Each line long enough to compare, folded, with the line that has its
	// folding first (its own, or an earlier one); that line counts the lines
	// with the folding and holds the first of them reported on.
	lines := make([]repeatLine, len(d.Lines))
	firstWith := map[string]int32{}
	foldings := 0 // lines with a folding of their own: the most seen can hold
	for i := range d.Lines {
		l := &lines[i]
		l.same, l.first = -1, -1
		ls := trimmedLine(d, i)
		if ls.Len() == 0 {
			continue
		}
		n := foldedTrimmedLine(p, i, ls)
		if n == "" || foldedWordCount(n) < minWords {
			continue // a label or a heading
		}
		l.text = n
		j, ok := firstWith[n]
		if !ok {
			j = int32(i)
			firstWith[n] = j
			foldings++
		}
		l.same = j
		lines[j].count++
	}
	// One allocation for the lines compared, not a slice grown by doubling
	// (a paragraph is 80 bytes).
	seen := make([]paragraph, 0, min(foldings, maxNearLines))
	var sets wordSets
	for i := range d.Lines {
		if lines[i].same < 0 {
			continue
		}
		n, tx := lines[i].text, &lines[lines[i].same]
		if tx.count >= 3 {
			continue // structure the article repeats on purpose
		}
		if n == head || extendsFolded(n, head) && head != "" || lineIsWidget(p, i) {
			continue // the headline's copies are duplicate/repeated-headline's
		}
		ls := trimmedLine(d, i)
		if j := tx.first; j >= 0 {
			p.ReportFinding(finding.Finding{Span: ls, Message: "paragraph repeats line " + itoa(j+1) + ": " + quote(d.Slice(ls)),
				Fixes: []finding.Fix{deleteLineFix(d, i)}, Related: []finding.Location{{Span: trimmedLine(d, j), Message: "first copy"}}})
			continue
		}
		tx.first = i
		if len(seen) >= maxNearLines {
			continue
		}
		cur := paragraph{line: i, text: n, words: foldedWordCount(n), bloom: wordBloom(n)}
		for k := range seen {
			s := &seen[k]
			if !mayBeSimilar(&cur, s, nearSim) {
				continue
			}
			sets.build(&cur)
			sets.build(s)
			if !canBeSimilar(cur.set.len(), s.set.len(), nearSim) {
				continue
			}
			if sim := sets.jaccard(cur.set, s.set); sim >= nearSim {
				fix := deleteLineFix(d, i)
				fix.Safe = false
				p.ReportFinding(finding.Finding{Span: ls, Message: "paragraph nearly repeats line " + itoa(s.line+1) + " (similarity " + percent(sim) + ")",
					Fixes: []finding.Fix{fix}, Related: []finding.Location{{Span: trimmedLine(d, s.line), Message: "similar paragraph"}}})
				break
			}
		}
		seen = append(seen, cur)
	}
}
