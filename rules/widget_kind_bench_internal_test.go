package rules

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// BenchmarkWidgetKinds finds the widget kind of every line of the benchmark
// corpus (linttest.BenchCorpus) afresh: BenchmarkRule keeps each document's
// answers between its iterations, so it does not show their cost, which the
// first of four rules to ask pays in a run.
//
//	go test ./rules -run '^$' -bench BenchmarkWidgetKinds -benchmem
func BenchmarkWidgetKinds(b *testing.B) {
	files, packs := linttest.BenchSetup(b)
	var passes []*rule.Pass
	for _, p := range linttest.Parse(files, packs) {
		passes = append(passes, rule.NewPass(WidgetLine, p.Doc, packs, p.Pack, func(string, rule.Fact) {}, func(finding.Finding) {}))
	}
	b.SetBytes(linttest.Size(files))
	b.ReportAllocs()
	widgets := 0
	for b.Loop() {
		widgets = 0
		for _, p := range passes {
			find := newWidgetKindFinder(p) // once per document, as lineWidgetKinds
			for i := range p.Doc.Lines {
				if find.kind(p.Doc.Slice(trimmedLine(p.Doc, i))) != "" {
					widgets++
				}
			}
		}
	}
	b.ReportMetric(float64(widgets), "widget-lines")
}
