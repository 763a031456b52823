package rules_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/rules"
)

// BenchmarkRule runs each rule alone over the benchmark corpus (see
// linttest.BenchCorpus), parsed and segmented beforehand, so each sub-benchmark
// measures the rule's own cost in MB/s of article text:
//
//	go test ./rules -run '^$' -bench BenchmarkRule -benchmem
func BenchmarkRule(b *testing.B) {
	files, packs := linttest.BenchSetup(b)
	docs := linttest.Parse(files, packs)
	size := linttest.Size(files)
	var findings int
	report := func(finding.Finding) { findings++ }
	export := func(string, rule.Fact) {}
	for _, rl := range rules.All() {
		b.Run(rl.ID, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			findings = 0
			for b.Loop() {
				for _, p := range docs {
					if rl.NeedsLanguage && p.Pack == nil {
						continue
					}
					pass := rule.NewPass(rl, p.Doc, packs, p.Pack, export, report)
					if rl.Run != nil {
						rl.Run(pass)
					}
					if rl.Collect != nil {
						rl.Collect(pass)
					}
				}
			}
			b.ReportMetric(float64(findings)/float64(b.N), "findings/op")
		})
	}
}

// BenchmarkRuleSingleLine runs each rule alone over one article flattened to a
// single line of 256 KB, 512 KB, 1 MB and 2 MB (the benchmark corpus's files,
// line breaks replaced by spaces, joined and repeated), so the MB/s of the sizes
// show how each rule grows: equal MB/s across sizes is linear growth, MB/s
// halving as the size doubles is quadratic.
//
//	go test ./rules -run '^$' -bench 'BenchmarkRuleSingleLine' -benchtime 1x
func BenchmarkRuleSingleLine(b *testing.B) {
	files, packs := linttest.BenchSetup(b)
	var flat strings.Builder
	for _, f := range files {
		flat.WriteString(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(f.Text))
		flat.WriteByte(' ')
	}
	for _, size := range []int{256 << 10, 512 << 10, 1 << 20, 2 << 20} {
		text := singleLine(flat.String(), size)
		d := document.Parse("single.txt", []byte(text))
		d.Lang = packs.Detect(d.Text)
		pack := packs.Pack(d.Lang)
		d.Segment(pack)
		for _, rl := range rules.All() {
			if rl.NeedsLanguage && pack == nil {
				continue
			}
			b.Run(rl.ID+"/"+strconv.Itoa(size>>10)+"KB", func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				report := func(finding.Finding) {}
				export := func(string, rule.Fact) {}
				for b.Loop() {
					pass := rule.NewPass(rl, d, packs, pack, export, report)
					if rl.Run != nil {
						rl.Run(pass)
					}
					if rl.Collect != nil {
						rl.Collect(pass)
					}
				}
			})
		}
	}
}

// singleLine repeats flat up to size bytes, cut after a space so the text
// stays valid UTF-8, and ends it with one line break.
func singleLine(flat string, size int) string {
	text := strings.Repeat(flat, size/len(flat)+1)[:size]
	if i := strings.LastIndexByte(text, ' '); i > 0 {
		text = text[:i]
	}
	return text + "\n"
}
