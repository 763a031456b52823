package rules_test

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/rules"
)

// BenchmarkRule runs each rule alone over the benchmark corpus (see
// linttest.BenchCorpus), parsed and segmented beforehand, so each sub-benchmark
// measures the rule's own cost in MB/s of article text:
//
//	go test ./rules -run '^$' -bench BenchmarkRule -benchmem
func BenchmarkRule(b *testing.B) {
	files, from := linttest.BenchCorpus(b)
	b.Logf("corpus: %d files, %d bytes from %s", len(files), linttest.Size(files), from)
	packs, err := lexicon.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	type parsed struct {
		doc  *document.Document
		pack *lexicon.Pack
	}
	docs := make([]parsed, len(files))
	for i, f := range files {
		d := document.Parse(f.Path, []byte(f.Text))
		d.Lang = packs.Detect(d.Text)
		pack := packs.Pack(d.Lang)
		d.Segment(pack)
		docs[i] = parsed{d, pack}
	}
	size := linttest.Size(files)
	var findings int
	report := func(finding.Finding) { findings++ }
	export := func(string, rule.Fact) {}
	for _, rl := range rules.All() {
		b.Run(rl.ID, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			findings = 0
			for b.Loop() {
				for _, p := range docs {
					if rl.NeedsLanguage && p.pack == nil {
						continue
					}
					pass := rule.NewPass(rl, p.doc, packs, p.pack, export, report)
					if rl.Run != nil {
						rl.Run(pass)
					}
					if rl.Collect != nil {
						rl.Collect(pass)
					}
				}
			}
			b.ReportMetric(float64(findings)/float64(b.N), "findings/op")
		})
	}
}
