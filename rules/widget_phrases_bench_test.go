package rules

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/rule"
)

// BenchmarkWidgetPhraseRules runs read-more, inline-widget, syndication-note
// and bare-domain on documents parsed afresh for every iteration (see
// benchFresh): the first three share a scan of each document through its
// memo, which BenchmarkRule, reusing its documents, pays for only once.
// artifact/widget-line runs first, untimed, as in the engine, where the widget
// kinds inline-widget asks about are found for it (that code belongs to the
// widget-line rules).
//
//	go test ./rules -run '^$' -bench BenchmarkWidgetPhraseRules -benchmem
func BenchmarkWidgetPhraseRules(b *testing.B) {
	var group []*rule.Rule
	for _, rl := range All() {
		switch rl.ID {
		case "artifact/bare-domain", "artifact/inline-widget", "artifact/read-more", "artifact/syndication-note":
			group = append(group, rl)
		}
	}
	if len(group) != 4 {
		b.Fatal("rules missing from the registry")
	}
	benchFresh(b, group, func(p *rule.Pass) {
		p.Rule = WidgetLine
		WidgetLine.Run(p)
	})
}
