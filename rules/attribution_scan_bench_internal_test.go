package rules

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/linttest"
)

// BenchmarkPhraseFilterFirst times the vague-sources' filter over the
// benchmark corpus.
func BenchmarkPhraseFilterFirst(b *testing.B) {
	files, _ := linttest.BenchSetup(b)
	packs, err := lexicon.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	f := newPhraseFilter(packs.Pack("id").List("vague-sources"))
	b.SetBytes(linttest.Size(files))
	n := 0
	for b.Loop() {
		for _, file := range files {
			if f.first(file.Text) >= 0 {
				n++
			}
		}
	}
}

// BenchmarkQuoteUnits times quoteUnits over the benchmark corpus.
func BenchmarkQuoteUnits(b *testing.B) {
	files, _ := linttest.BenchSetup(b)
	var docs []*document.Document
	for _, file := range files {
		docs = append(docs, document.ParseString("t.txt", file.Text))
	}
	b.SetBytes(linttest.Size(files))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			quoteUnits(d)
		}
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
