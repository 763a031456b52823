package rules

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/linttest"
)

// BenchmarkFoldLines folds every line of every document of the benchmark
// corpus (foldLines: the memo four duplicate rules share), a fresh folding
// each pass: MB/s of article text.
func BenchmarkFoldLines(b *testing.B) {
	files, _ := linttest.BenchCorpus(b)
	docs := make([]*document.Document, len(files))
	for i, f := range files {
		docs[i] = document.Parse(f.Path, []byte(f.Text))
	}
	b.SetBytes(linttest.Size(files))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			foldLines(d)
		}
	}
}
