package rules

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/linttest"
)

// BenchmarkFoldLines folds every line of every document of the benchmark
// corpus (foldLines: the memo four duplicate rules share), a fresh folding
// each pass: MB/s of article text.
//
//	go test ./rules -run '^$' -bench BenchmarkFoldLines
func BenchmarkFoldLines(b *testing.B) {
	files, packs := linttest.BenchSetup(b)
	docs := linttest.Parse(files, packs)
	b.SetBytes(linttest.Size(files))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range docs {
			foldLines(p.Doc)
		}
	}
}
