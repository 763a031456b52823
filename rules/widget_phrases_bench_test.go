//go:build unix

package rules

import (
	"runtime"
	"testing"
	"time"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// BenchmarkWidgetPhraseRules runs read-more, inline-widget, syndication-note and
// bare-domain over the benchmark corpus on documents parsed afresh for every
// iteration (untimed): the first three share a scan of each document through
// its memo, which BenchmarkRule, reusing its documents, pays for only once.
// Each rule alone pays for the scan; "all" runs the four one after the other,
// sharing it as in the engine. artifact/widget-line runs first, untimed, as in
// the engine, where the widget kinds inline-widget asks about are found for it
// (that code belongs to the widget-line rules). cpu-ms/op is the process's
// CPU time of the timed part (see cpuTime).
//
//	go test ./rules -run '^$' -bench BenchmarkWidgetPhraseRules -benchmem
func BenchmarkWidgetPhraseRules(b *testing.B) {
	files, from := linttest.BenchCorpus(b)
	b.Logf("corpus: %d files, %d bytes from %s", len(files), linttest.Size(files), from)
	packs, err := lexicon.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	var group []*rule.Rule
	var widgetLine *rule.Rule
	for _, rl := range All() {
		switch rl.ID {
		case "artifact/bare-domain", "artifact/inline-widget", "artifact/read-more", "artifact/syndication-note":
			group = append(group, rl)
		case "artifact/widget-line":
			widgetLine = rl
		}
	}
	if len(group) != 4 || widgetLine == nil {
		b.Fatal("rules missing from the registry")
	}
	type parsed struct {
		doc  *document.Document
		pack *lexicon.Pack
	}
	var findings int
	report := func(finding.Finding) { findings++ }
	export := func(string, rule.Fact) {}
	parse := func() []parsed {
		docs := make([]parsed, len(files))
		for i, f := range files {
			d := document.Parse(f.Path, []byte(f.Text))
			d.Lang = packs.Detect(d.Text)
			pack := packs.Pack(d.Lang)
			d.Segment(pack)
			docs[i] = parsed{d, pack}
			widgetLine.Run(rule.NewPass(widgetLine, d, packs, pack, export, func(finding.Finding) {}))
		}
		return docs
	}
	run := func(b *testing.B, rls []*rule.Rule) {
		b.SetBytes(linttest.Size(files))
		b.ReportAllocs()
		findings = 0
		var cpu time.Duration
		for b.Loop() {
			b.StopTimer()
			docs := parse()
			runtime.GC() // the parse's garbage is not the rules' cost
			before := cpuTime()
			b.StartTimer()
			for _, rl := range rls {
				for _, p := range docs {
					rl.Run(rule.NewPass(rl, p.doc, packs, p.pack, export, report))
				}
			}
			b.StopTimer()
			cpu += cpuTime() - before
			b.StartTimer()
		}
		b.ReportMetric(float64(findings)/float64(b.N), "findings/op")
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
	for _, rl := range group {
		b.Run(rl.ID, func(b *testing.B) { run(b, []*rule.Rule{rl}) })
	}
	b.Run("all", func(b *testing.B) { run(b, group) })
}
