package rules

import (
	"runtime"
	"testing"
	"time"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// benchFresh runs a group of rules over the benchmark corpus on documents
// parsed afresh for every iteration (parsing untimed), so that what a rule
// keeps in Document.Memo is paid for on every pass, as in the engine, and not
// once for the whole benchmark as in BenchmarkRule: one sub-benchmark per
// rule, and "all" running the group one rule after the other on the same
// documents, sharing their memos as the engine does. prepare, when not nil,
// runs untimed on each parsed document (to fill the memos of other groups'
// rules, which the engine fills before). cpu-ms/op is
// the process's CPU time of the timed part (the machine is shared: wall times
// move by a factor of two).
func benchFresh(b *testing.B, group []*rule.Rule, prepare func(p *rule.Pass)) {
	files, packs := linttest.BenchSetup(b)
	var findings int
	report := func(finding.Finding) { findings++ }
	export := func(string, rule.Fact) {}
	parse := func() []linttest.Parsed {
		docs := linttest.Parse(files, packs)
		if prepare != nil {
			for _, p := range docs {
				prepare(rule.NewPass(group[0], p.Doc, packs, p.Pack, export, func(finding.Finding) {}))
			}
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
			before := linttest.CPUTime()
			b.StartTimer()
			for _, rl := range rls {
				for _, p := range docs {
					if p.Pack == nil && rl.NeedsLanguage {
						continue
					}
					rl.Run(rule.NewPass(rl, p.Doc, packs, p.Pack, export, report))
				}
			}
			b.StopTimer()
			cpu += linttest.CPUTime() - before
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
