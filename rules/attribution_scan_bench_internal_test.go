package rules

import (
	"math/bits"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/linttest"
)

// firstBy8 is phraseFilter.first as it was before it held sixteen bytes:
// the four bytes after each word start were read from the text again.
func (f *phraseFilter) firstBy8(text string) int {
	if f.every || f.startsEntry(text, 0) {
		return 0
	}
	i := 0
	for ; i+8 <= len(text); i += 8 {
		x := littleEndian64(text, i)
		m := nonWordBytes(x)
		for m &^= m >> 8; m != 0; m &= m - 1 {
			p := i + bits.TrailingZeros64(m)/8 + 1
			if p+4 > len(text) {
				break
			}
			if h := prefixHash(text[p:]); f.bits[h/64]&(1<<(h%64)) != 0 && f.startsEntry(text, p) {
				return p
			}
		}
	}
	for ; i < len(text); i++ {
		if !isASCIIWordByte(text[i]) && f.startsEntry(text, i+1) {
			return i + 1
		}
	}
	return -1
}

// BenchmarkPhraseFilterFirst times the vague-sources' filter over the
// benchmark corpus, now and before.
func BenchmarkPhraseFilterFirst(b *testing.B) {
	files, _ := linttest.BenchSetup(b)
	packs, err := lexicon.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	f := newPhraseFilter(packs.Pack("id").List("vague-sources"))
	for _, c := range []struct {
		name  string
		first func(string) int
	}{{"before", f.firstBy8}, {"now", f.first}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(linttest.Size(files))
			n := 0
			for b.Loop() {
				for _, file := range files {
					if c.first(file.Text) >= 0 {
						n++
					}
				}
			}
		})
	}
}

// quoteUnitsBefore is quoteUnits as it was before: its slice grown from
// nothing, and each line's end trimmed and decoded the Unicode way.
func quoteUnitsBefore(d *document.Document) []finding.Span {
	var out []finding.Span
	for _, para := range d.Paragraphs {
		if para.FirstLine == para.LastLine || isHardWrappedBefore(d, para) {
			out = append(out, para.Span)
			continue
		}
		for i := para.FirstLine; i <= para.LastLine; i++ {
			if !d.IsBlankLine(i) {
				out = append(out, d.Lines[i].Span)
			}
		}
	}
	return out
}

func isHardWrappedBefore(d *document.Document, para document.Paragraph) bool {
	open := 0
	for i := para.FirstLine; i < para.LastLine; i++ {
		line := strings.TrimRightFunc(d.LineText(i), unicode.IsSpace)
		last, _ := utf8.DecodeLastRuneInString(line)
		if !strings.ContainsRune(".!?…\"”’)", last) {
			open++
		}
	}
	return 2*open > para.LastLine-para.FirstLine
}

// BenchmarkQuoteUnits times quoteUnits, now and before, over the
// benchmark corpus.
func BenchmarkQuoteUnits(b *testing.B) {
	files, _ := linttest.BenchSetup(b)
	var docs []*document.Document
	for _, file := range files {
		docs = append(docs, document.ParseString("t.txt", file.Text))
	}
	for _, c := range []struct {
		name  string
		units func(*document.Document) []finding.Span
	}{{"before", quoteUnitsBefore}, {"now", quoteUnits}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(linttest.Size(files))
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range docs {
					c.units(d)
				}
			}
		})
	}
}

// BenchmarkFindAllNear times finding the vague phrases of the benchmark
// corpus's articles that hold a candidate, on windows around the filter's
// offsets (now) and from the first offset to the end (before).
func BenchmarkFindAllNear(b *testing.B) {
	files, _ := linttest.BenchSetup(b)
	packs, err := lexicon.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	list := packs.Pack("id").List("vague-sources")
	f := phraseFilterOf(list)
	for _, c := range []struct {
		name string
		find func(*lexicon.List, string, int) []lexicon.Match
	}{{"before", findAllFrom}, {"now", findAllNear}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(linttest.Size(files))
			for b.Loop() {
				for _, file := range files {
					if first := f.first(file.Text); first >= 0 {
						c.find(list, file.Text, first)
					}
				}
			}
		})
	}
}
