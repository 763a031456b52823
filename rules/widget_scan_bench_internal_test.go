package rules

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/linttest"
)

// BenchmarkWidgetPhraseScan runs the widget lists' shared scan
// (phraseTable.lineMatches) over every document of the benchmark corpus
// (linttest.BenchCorpus), the work the first of the rules that ask for
// widgetPhrases pays for in a run.
//
//	go test ./rules -run '^$' -bench BenchmarkWidgetPhraseScan -benchmem
func BenchmarkWidgetPhraseScan(b *testing.B) {
	files, packs := linttest.BenchSetup(b)
	docs := linttest.Parse(files, packs)
	var lists []*lexicon.List
	for _, n := range widgetPhraseLists {
		lists = append(lists, packs.Union(n))
	}
	table := newPhraseTable(lists)
	b.SetBytes(linttest.Size(files))
	b.ReportAllocs()
	found := 0
	for b.Loop() {
		found = 0
		for _, p := range docs {
			for _, ms := range table.lineMatches(p.Doc) {
				found += len(ms)
			}
		}
	}
	b.ReportMetric(float64(found), "matches")
}
