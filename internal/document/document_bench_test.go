package document_test

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/linttest"
)

// The document model's benchmarks run over the benchmark corpus (see
// linttest.BenchCorpus):
//
//	go test ./internal/document -run '^$' -bench . -benchmem

func BenchmarkParse(b *testing.B) {
	files, _ := linttest.BenchCorpus(b)
	data := make([][]byte, len(files))
	for i, f := range files {
		data[i] = []byte(f.Text)
	}
	b.SetBytes(linttest.Size(files))
	b.ReportAllocs()
	for b.Loop() {
		for i, f := range files {
			document.Parse(f.Path, data[i])
		}
	}
}

func BenchmarkSegment(b *testing.B) {
	files, packs := linttest.BenchSetup(b)
	data := make([][]byte, len(files))
	abbrOf := make([]document.Abbreviations, len(files))
	for i, f := range files {
		data[i] = []byte(f.Text)
		// As the engine asks: the pack's abbreviation filter.
		abbrOf[i] = packs.Pack(packs.Detect(f.Text)).Abbreviations()
	}
	b.SetBytes(linttest.Size(files))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		docs := make([]*document.Document, len(files))
		for i, f := range files {
			docs[i] = document.Parse(f.Path, data[i])
		}
		b.StartTimer()
		for i, d := range docs {
			d.Segment(abbrOf[i])
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	files, packs := linttest.BenchSetup(b)
	b.SetBytes(linttest.Size(files))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			packs.Detect(f.Text)
		}
	}
}

// BenchmarkPosition resolves a position every 64 bytes of each article, in
// order, as findings are resolved.
func BenchmarkPosition(b *testing.B) {
	files, _ := linttest.BenchCorpus(b)
	docs := make([]*document.Document, len(files))
	for i, f := range files {
		docs[i] = document.Parse(f.Path, []byte(f.Text))
	}
	b.SetBytes(linttest.Size(files))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			for off := 0; off < len(d.Text); off += 64 {
				d.Position(off)
			}
		}
	}
}
