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

// BenchmarkWidgetPhraseRules runs read-more, inline-widget, syndication-note and
// bare-domain together over the benchmark corpus, on documents parsed afresh
// for every pass (outside the timer): the rules share a scan of each document
// through its memo, which BenchmarkRule, reusing its documents, counts only
// once. artifact/widget-line runs first, untimed, as in the engine, where it
// finds the lines' widget kinds that inline-widget asks for.
//
//	go test ./rules -run '^$' -bench BenchmarkWidgetPhraseRules -benchmem
func BenchmarkWidgetPhraseRules(b *testing.B) {
	files, from := linttest.BenchCorpus(b)
	b.Logf("corpus: %d files, %d bytes from %s", len(files), linttest.Size(files), from)
	packs, err := lexicon.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	var timed []*rule.Rule
	var warm *rule.Rule
	for _, rl := range rules.All() {
		switch rl.ID {
		case "artifact/read-more", "artifact/inline-widget", "artifact/syndication-note", "artifact/bare-domain":
			timed = append(timed, rl)
		case "artifact/widget-line":
			warm = rl
		}
	}
	if len(timed) != 4 || warm == nil {
		b.Fatal("rules missing from the registry")
	}
	report := func(finding.Finding) {}
	export := func(string, rule.Fact) {}
	type parsed struct {
		doc  *document.Document
		pack *lexicon.Pack
	}
	docs := make([]parsed, len(files))
	b.SetBytes(linttest.Size(files))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		for i, f := range files {
			d := document.Parse(f.Path, []byte(f.Text))
			d.Lang = packs.Detect(d.Text)
			pack := packs.Pack(d.Lang)
			d.Segment(pack)
			docs[i] = parsed{d, pack}
			warm.Run(rule.NewPass(warm, d, packs, pack, export, report))
		}
		b.StartTimer()
		for _, rl := range timed {
			for _, p := range docs {
				rl.Run(rule.NewPass(rl, p.doc, packs, p.pack, export, report))
			}
		}
	}
}
