package rules_test

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/rules"
)

// benchArticles lists the corpus sizes BenchmarkCorpusFacts runs.
var benchArticles = flag.String("articles", "10000,100000", "BenchmarkCorpusFacts: comma-separated numbers of generated articles")

// genCorpus returns n short generated articles: a headline and a body of 40
// words from a 20,000-word vocabulary; every 500th article repeats the body of
// the one 250 before it with its last word changed.
func genCorpus(n int) []engine.Input {
	r := rand.New(rand.NewPCG(11, uint64(n)))
	bodies := make([][]string, n)
	inputs := make([]engine.Input, n)
	for i := range n {
		ws := make([]string, 40)
		for j := range ws {
			ws[j] = fmt.Sprintf("kata%d", r.IntN(20000))
		}
		if i%500 == 499 {
			copy(ws, bodies[i-250])
			ws[39] = "berubah"
		}
		bodies[i] = ws
		text := fmt.Sprintf("Judul berita nomor %d\n\n%s.\n", i, strings.Join(ws, " "))
		inputs[i] = engine.Input{Path: fmt.Sprintf("a/%07d.txt", i), Data: []byte(text)}
	}
	return inputs
}

// BenchmarkCorpusFacts runs duplicate/near-duplicate alone through the engine
// over a generated corpus and reports the heap held per article at the start
// of phase two (facts-B/article): every file's fact and the engine's per-file
// result, beyond the inputs themselves. The index the rule then builds is
// measured by internal/minhash's BenchmarkIndex. It fails unless exactly the
// planted near copies are found. Run with
//
//	go test ./rules -run '^$' -bench CorpusFacts -benchtime 1x
//
// and for other sizes (a million takes about a minute and 1.5 GB, most of it
// the generated inputs)
//
//	go test ./rules -run '^$' -bench CorpusFacts -benchtime 1x -args -articles 10000,100000,1000000
func BenchmarkCorpusFacts(b *testing.B) {
	packs, err := lexicon.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	var sizes []int
	for _, s := range strings.Split(*benchArticles, ",") {
		n, err := strconv.Atoi(s)
		if err != nil || n < 500 {
			b.Fatalf("-articles: %q is not a number of articles (500 or more)", s)
		}
		sizes = append(sizes, n)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			for range b.N {
				inputs := genCorpus(n)
				var before, phaseTwo runtime.MemStats
				near := *rules.NearDuplicate
				first := true
				near.Corpus = func(p *rule.CorpusPass) {
					if first {
						first = false
						runtime.GC()
						runtime.ReadMemStats(&phaseTwo)
					}
					rules.NearDuplicate.Corpus(p)
				}
				runtime.GC()
				runtime.ReadMemStats(&before)
				opts := engine.Options{Rules: []*rule.Rule{&near}, Lexicons: packs, Lang: "id"}
				res, err := engine.Run(context.Background(), opts, inputs)
				if err != nil {
					b.Fatal(err)
				}
				found := 0
				for _, f := range res.Findings {
					if f.Rule == near.ID {
						found++
					}
				}
				if found != n/500 {
					b.Fatalf("found %d near copies, planted %d", found, n/500)
				}
				b.ReportMetric(float64(phaseTwo.HeapAlloc-before.HeapAlloc)/float64(n), "facts-B/article")
				runtime.KeepAlive(inputs)
			}
		})
	}
}

// BenchmarkDuplicateRules measures what the duplicate rules' phase one (each
// file's Run and Collect) adds to a run: on documents parsed afresh in every
// iteration, so that what they share through Document.Memo (the folded lines,
// the body) is built once per document and counted, as in the engine
// (BenchmarkRule keeps the documents, and with them those memos, between
// iterations). Both sub-benchmarks parse and run artifact/widget-line, which
// in a run classifies every line as site furniture or not before the
// duplicate rules ask; "duplicate" then runs the duplicate rules, and the
// difference of the two is their cost:
//
//	go test ./rules -run '^$' -bench DuplicateRules -count 5
func BenchmarkDuplicateRules(b *testing.B) {
	files, packs := linttest.BenchSetup(b)
	langs := make([]string, len(files))
	for i, f := range files {
		langs[i] = packs.Detect(f.Text)
	}
	var base, dup []*rule.Rule
	for _, rl := range rules.All() {
		switch {
		case rl.ID == "artifact/widget-line":
			base = append(base, rl)
		case strings.HasPrefix(rl.ID, "duplicate/"):
			dup = append(dup, rl)
		}
	}
	report := func(finding.Finding) {}
	export := func(string, rule.Fact) {}
	for _, set := range []struct {
		name  string
		rules []*rule.Rule
	}{{"widget-line", base}, {"duplicate", append(base, dup...)}} {
		b.Run(set.name, func(b *testing.B) {
			b.SetBytes(linttest.Size(files))
			for b.Loop() {
				for i, f := range files {
					d := document.Parse(f.Path, []byte(f.Text))
					d.Lang = langs[i]
					pack := packs.Pack(d.Lang)
					for _, rl := range set.rules {
						pass := rule.NewPass(rl, d, packs, pack, export, report)
						if rl.Run != nil {
							rl.Run(pass)
						}
						if rl.Collect != nil {
							rl.Collect(pass)
						}
					}
				}
			}
		})
	}
}
