package rules_test

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/rules"
)

// BenchmarkAttributionFresh runs the attribution rules over the benchmark
// corpus on documents parsed afresh for every iteration (parsing untimed), so
// that what a rule keeps in Document.Memo is paid for on every pass, as in
// the engine, and not once for the whole benchmark as in BenchmarkRule. "all"
// runs the four rules one after the other on the same documents, sharing
// their memos as the engine does.
//
//	go test ./rules -run '^$' -bench BenchmarkAttributionFresh -benchmem
func BenchmarkAttributionFresh(b *testing.B) {
	files, from := linttest.BenchCorpus(b)
	b.Logf("corpus: %d files, %d bytes from %s", len(files), linttest.Size(files), from)
	packs, err := lexicon.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	var group []*rule.Rule
	for _, rl := range rules.All() {
		if strings.HasPrefix(rl.ID, "attribution/") {
			group = append(group, rl)
		}
	}
	type parsed struct {
		doc  *document.Document
		pack *lexicon.Pack
	}
	parse := func() []parsed {
		docs := make([]parsed, len(files))
		for i, f := range files {
			d := document.Parse(f.Path, []byte(f.Text))
			d.Lang = packs.Detect(d.Text)
			pack := packs.Pack(d.Lang)
			d.Segment(pack)
			docs[i] = parsed{d, pack}
		}
		return docs
	}
	size := linttest.Size(files)
	var findings int
	report := func(finding.Finding) { findings++ }
	export := func(string, rule.Fact) {}
	run := func(b *testing.B, rls []*rule.Rule) {
		b.SetBytes(size)
		b.ReportAllocs()
		findings = 0
		for b.Loop() {
			b.StopTimer()
			docs := parse()
			b.StartTimer()
			for _, rl := range rls {
				for _, p := range docs {
					if p.pack == nil {
						continue
					}
					rl.Run(rule.NewPass(rl, p.doc, packs, p.pack, export, report))
				}
			}
		}
		b.ReportMetric(float64(findings)/float64(b.N), "findings/op")
	}
	for _, rl := range group {
		b.Run(rl.ID, func(b *testing.B) { run(b, []*rule.Rule{rl}) })
	}
	b.Run("all", func(b *testing.B) { run(b, group) })
}
