//go:build unix

package rules

import (
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// BenchmarkAttributionFresh runs the attribution rules over the benchmark
// corpus on documents parsed afresh for every iteration (parsing untimed), so
// that what a rule keeps in Document.Memo is paid for on every pass, as in
// the engine, and not once for the whole benchmark as in BenchmarkRule. "all"
// runs the four rules one after the other on the same documents, sharing
// their memos as the engine does (the memos of other groups' rules, such as
// the headline's line, are filled beforehand). cpu-ms/op is the process's CPU time of the
// timed part (the machine is shared: wall times move by a factor of two).
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
	for _, rl := range All() {
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
			if pack != nil {
				// The headline's line is found once for several rules of
				// other groups: not this group's cost.
				titleLine(rule.NewPass(NoSource, d, packs, pack, func(string, rule.Fact) {}, func(finding.Finding) {}))
			}
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
		var cpu time.Duration
		for b.Loop() {
			b.StopTimer()
			docs := parse()
			runtime.GC() // the parse's garbage is not the rules' cost
			before := cpuTime()
			b.StartTimer()
			for _, rl := range rls {
				for _, p := range docs {
					if p.pack == nil {
						continue
					}
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

// cpuTime returns the CPU time (user and system) the process has used: on a
// machine shared with other work it moves far less than wall time.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
