package rules

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/rule"
)

// BenchmarkAttributionFresh runs the attribution rules on documents parsed
// afresh for every iteration (see benchFresh); the headline's line, which
// rules of other groups find first in a run, is found beforehand.
//
//	go test ./rules -run '^$' -bench BenchmarkAttributionFresh -benchmem
func BenchmarkAttributionFresh(b *testing.B) {
	var group []*rule.Rule
	for _, rl := range All() {
		if strings.HasPrefix(rl.ID, "attribution/") {
			group = append(group, rl)
		}
	}
	benchFresh(b, group, func(p *rule.Pass) {
		if p.Pack != nil {
			titleLine(p)
		}
	})
}
