package engine_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/rules"
)

// BenchmarkEngine runs every default rule over the benchmark corpus (see
// linttest.BenchCorpus) held in memory, as the command line does without the
// file reads and the output, with 1 and 2 jobs:
//
//	go test ./internal/engine -run '^$' -bench BenchmarkEngine -benchmem
func BenchmarkEngine(b *testing.B) {
	files, packs := linttest.BenchSetup(b)
	enabled := defaultRules()
	inputs := make([]engine.Input, len(files))
	for i, f := range files {
		inputs[i] = engine.Input{Path: f.Path, Data: []byte(f.Text)}
	}
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			b.SetBytes(linttest.Size(files))
			b.ReportAllocs()
			var findings int
			for b.Loop() {
				res, err := engine.Run(context.Background(), engine.Options{Rules: enabled, Lexicons: packs, Jobs: jobs}, inputs)
				if err != nil {
					b.Fatal(err)
				}
				findings = len(res.Findings)
			}
			b.ReportMetric(float64(findings), "findings")
		})
	}
}

// BenchmarkEmbedded measures loading the language packs, the bulk of start-up.
func BenchmarkEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lexicon.Embedded(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStartup measures, in process, what a run on one small article costs
// before and around checking it: loading the language packs, building the
// lists and line patterns the rules reach, and checking the article with every
// default rule. (The rules' own regular expressions are compiled once per
// process, so only the first iteration pays for them: the command-line
// benchmark in cmd/corpuslint measures a real start.) Profile it with
//
//	go test ./internal/engine -run '^$' -bench Startup -cpuprofile cpu.out && go tool pprof -top -cum cpu.out
func BenchmarkStartup(b *testing.B) {
	data, err := os.ReadFile("../../testdata/samples/clean-en.txt")
	if err != nil {
		b.Fatal(err)
	}
	enabled := defaultRules()
	b.ReportAllocs()
	for b.Loop() {
		packs, err := lexicon.Embedded()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := engine.Run(context.Background(), engine.Options{Rules: enabled, Lexicons: packs, Jobs: 1}, []engine.Input{{Path: "clean-en.txt", Data: data}}); err != nil {
			b.Fatal(err)
		}
	}
}

// defaultRules returns the rules a run without configuration enables.
func defaultRules() []*rule.Rule {
	var enabled []*rule.Rule
	for _, r := range rules.All() {
		if !r.Optional {
			enabled = append(enabled, r)
		}
	}
	return enabled
}
