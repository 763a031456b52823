package linttest

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/lexicon"
)

// Parsed is an article parsed, its language detected and segmented, as the
// engine hands it to the rules.
type Parsed struct {
	Doc  *document.Document
	Pack *lexicon.Pack // nil when no pack has the article's language
}

// Parse parses, detects and segments every file as the engine does, for
// benchmarks that run rules without the engine.
func Parse(files []File, packs *lexicon.Set) []Parsed {
	docs := make([]Parsed, len(files))
	for i, f := range files {
		d := document.Parse(f.Path, []byte(f.Text))
		d.Lang = packs.Detect(d.Text)
		pack := packs.Pack(d.Lang)
		d.Segment(pack.Abbreviations())
		docs[i] = Parsed{d, pack}
	}
	return docs
}

// BenchSetup returns the benchmark corpus (BenchCorpus), logged with its size
// and origin, and the embedded language packs: what every benchmark over
// articles starts with.
func BenchSetup(b testing.TB) ([]File, *lexicon.Set) {
	b.Helper()
	files, from := BenchCorpus(b)
	b.Logf("corpus: %d files, %d bytes from %s", len(files), Size(files), from)
	packs, err := lexicon.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	return files, packs
}
