package engine_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/rules"
)

// countRule is a corpus rule that reports, on every file, how many files had
// exported its fact by the time phase two ran for it.
func countRule(prior bool) *rule.Rule {
	return &rule.Rule{
		ID: "duplicate/count", Title: "count", Severity: finding.Info, PriorFacts: prior,
		Collect: func(p *rule.Pass) { p.ExportFact("k", finding.Span{}, nil) },
		Corpus: func(p *rule.CorpusPass) {
			var paths []string
			for _, f := range p.Facts("k") {
				paths = append(paths, f.Path)
			}
			p.Report(finding.Finding{Message: strings.Join(paths, ",")})
		},
	}
}

func inputs(n int) []engine.Input {
	var in []engine.Input
	// Given in reverse: the engine finishes files in path order whatever
	// order they come in.
	for i := n - 1; i >= 0; i-- {
		in = append(in, engine.Input{Path: fmt.Sprintf("f%03d.txt", i), Data: []byte(fmt.Sprintf("Judul %d\n\nIsi berita  yang ke-%d .\n", i, i))})
	}
	return in
}

func run(t *testing.T, opts engine.Options, in []engine.Input) *engine.Result {
	t.Helper()
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	opts.Lexicons = packs
	res, err := engine.Run(context.Background(), opts, in)
	require.NoError(t, err)
	return res
}

// lookingBack is the registry without the corpus rules that need every
// file's facts, so the engine streams.
func lookingBack() []*rule.Rule {
	var out []*rule.Rule
	for _, r := range rules.All() {
		if !r.IsCorpus() || r.PriorFacts {
			out = append(out, r)
		}
	}
	return out
}

func TestEmitHandsOverFilesInPathOrder(t *testing.T) {
	for name, all := range map[string][]*rule.Rule{"held for phase two": rules.All(), "streamed": lookingBack()} {
		t.Run(name, func(t *testing.T) { testEmit(t, all) })
	}
}

func testEmit(t *testing.T, all []*rule.Rule) {
	// More files than phase two takes at a time, so that held files go
	// through it in several batches.
	const n = 100
	want := run(t, engine.Options{Rules: all, Jobs: 2}, inputs(n))
	require.NotEmpty(t, want.Findings)
	for _, jobs := range []int{1, 2} {
		var got []finding.Finding
		var paths []string
		res := run(t, engine.Options{Rules: all, Jobs: jobs, Emit: func(fs []finding.Finding, rendered []byte) error {
			for _, f := range fs {
				assert.Equal(t, fs[0].Path, f.Path, "one file at a time")
			}
			assert.Nil(t, rendered, "nothing is rendered without Render")
			paths = append(paths, fs[0].Path)
			got = append(got, fs...)
			return nil
		}}, inputs(n))
		assert.Empty(t, res.Findings, "emitted findings are not kept")
		assert.Equal(t, n, res.Files)
		assert.Equal(t, want.Findings, got)
		assert.IsIncreasing(t, paths)
	}
}

// renderFindings renders findings one line each, after what dst holds.
func renderFindings(dst []byte, fs []finding.Finding) ([]byte, error) {
	for _, f := range fs {
		dst = fmt.Appendf(dst, "%s:%d:%d %s %s\n", f.Path, f.Span.Start, f.Span.End, f.Rule, f.Message)
	}
	return dst, nil
}

// With Render, Emit gets each file's findings with their rendering, which
// the engine may have made on another goroutine, in a buffer it reuses.
func TestEmitGetsWhatRenderMade(t *testing.T) {
	for name, all := range map[string][]*rule.Rule{"held for phase two": rules.All(), "streamed": lookingBack()} {
		for _, jobs := range []int{1, 2, 3} {
			for heldName, held := range map[string]int{"in memory": 0, "on disk": -1} {
				t.Run(fmt.Sprintf("%s jobs=%d %s", name, jobs, heldName), func(t *testing.T) {
					want := run(t, engine.Options{Rules: all, Jobs: 1}, inputs(100))
					require.NotEmpty(t, want.Findings)
					var got []finding.Finding
					var files int
					res := run(t, engine.Options{Rules: all, Jobs: jobs, HeldInMemory: held, Render: renderFindings, Emit: func(fs []finding.Finding, rendered []byte) error {
						files++
						wantRendered, _ := renderFindings(nil, fs)
						assert.Equal(t, string(wantRendered), string(rendered), fs[0].Path)
						got = append(got, fs...)
						return nil
					}}, inputs(100))
					assert.Empty(t, res.Findings)
					assert.Equal(t, want.Findings, got)
					assert.Greater(t, files, 40)
				})
			}
		}
	}
}

// A failing Render stops the run with its error, and nothing is emitted after.
func TestRenderErrorStopsTheRun(t *testing.T) {
	boom := errors.New("cannot render")
	for _, jobs := range []int{1, 2} {
		packs, err := lexicon.Embedded()
		require.NoError(t, err)
		emitted := 0
		_, err = engine.Run(context.Background(), engine.Options{Rules: rules.All(), Lexicons: packs, Jobs: jobs,
			Render: func(dst []byte, fs []finding.Finding) ([]byte, error) {
				if fs[0].Path == "f050.txt" {
					return dst, boom
				}
				return renderFindings(dst, fs)
			},
			Emit: func(fs []finding.Finding, _ []byte) error {
				assert.Less(t, fs[0].Path, "f050.txt")
				emitted++
				return nil
			}}, inputs(100))
		require.ErrorIs(t, err, boom)
		assert.Positive(t, emitted)
	}
}

func TestPriorFactsSeeEarlierFilesOnly(t *testing.T) {
	in := inputs(3)
	res := run(t, engine.Options{Rules: []*rule.Rule{countRule(true)}, Jobs: 2}, in)
	var msgs []string
	for _, f := range res.Findings {
		msgs = append(msgs, f.Path+": "+f.Message)
	}
	assert.Equal(t, []string{"f000.txt: f000.txt", "f001.txt: f000.txt,f001.txt", "f002.txt: f000.txt,f001.txt,f002.txt"}, msgs)

	// A corpus rule that makes no such promise sees every file's facts.
	res = run(t, engine.Options{Rules: []*rule.Rule{countRule(false)}, Jobs: 2}, in)
	msgs = nil
	for _, f := range res.Findings {
		msgs = append(msgs, f.Message)
	}
	all := "f000.txt,f001.txt,f002.txt"
	assert.Equal(t, []string{all, all, all}, msgs)
}

func TestProgressCountsEveryFile(t *testing.T) {
	var files, findings int
	var bytes int64
	in := inputs(25)
	res := run(t, engine.Options{Rules: rules.All(), Jobs: 2, Progress: func(size int64, n int) {
		files++
		bytes += size
		findings += n
	}}, in)
	var total int64
	for _, i := range in {
		total += int64(len(i.Data))
	}
	assert.Equal(t, 25, files)
	assert.Equal(t, total, bytes)
	assert.Equal(t, len(res.Findings), findings)
}

func TestEmitErrorStopsTheRun(t *testing.T) {
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	boom := errors.New("broken pipe")
	calls := 0
	_, err = engine.Run(context.Background(), engine.Options{Rules: rules.All(), Lexicons: packs, Jobs: 2, Emit: func([]finding.Finding, []byte) error {
		calls++
		return boom
	}}, inputs(200))
	require.ErrorIs(t, err, boom)
	assert.Equal(t, 1, calls, "nothing is emitted after a failure")
}

// Findings held for phase two, in memory or on disk, come back as they went:
// a run that must wait for every file (a corpus rule without PriorFacts)
// reports what a streamed run reports.
func TestHeldFindingsComeBackIntact(t *testing.T) {
	// More files than phase two takes at a time, so that batches mix files
	// held in memory and on disk.
	in := inputs(100)
	streamed := run(t, engine.Options{Rules: lookingBack(), Jobs: 2}, in)
	require.NotEmpty(t, streamed.Findings)
	for name, held := range map[string]int{"in memory": 0, "on disk": -1, "the first half in memory": len(streamed.Findings) / 2} {
		t.Run(name, func(t *testing.T) {
			res := run(t, engine.Options{Rules: append(lookingBack(), countRule(false)), Jobs: 2, HeldInMemory: held}, in)
			var kept []finding.Finding
			for _, f := range res.Findings {
				if f.Rule != "duplicate/count" {
					kept = append(kept, f)
				}
			}
			assert.Equal(t, streamed.Findings, kept)
		})
	}
}

// A corpus rule that panics in phase two takes down neither the run nor the
// other files: the file it panicked on is reported as an error, without
// findings, whether phase two streams or waits for every file.
func TestPanicInCorpusRuleIsTheFilesError(t *testing.T) {
	for _, prior := range []bool{true, false} {
		t.Run(fmt.Sprintf("PriorFacts %v", prior), func(t *testing.T) {
			counting := countRule(prior)
			boom := &rule.Rule{
				ID: "duplicate/boom", Title: "boom", Severity: finding.Info, PriorFacts: prior,
				Collect: func(p *rule.Pass) {},
				Corpus: func(p *rule.CorpusPass) {
					if p.Path == "f001.txt" {
						panic("boom")
					}
				},
			}
			res := run(t, engine.Options{Rules: []*rule.Rule{counting, boom}, Jobs: 2}, inputs(3))
			require.Len(t, res.Errors, 1)
			assert.Equal(t, "f001.txt", res.Errors[0].Path)
			assert.Contains(t, res.Errors[0].Message, "internal error in duplicate/boom")
			var paths []string
			for _, f := range res.Findings {
				paths = append(paths, f.Path)
			}
			assert.Equal(t, []string{"f000.txt", "f002.txt"}, paths)
		})
	}
}

// Phase two of held files runs on several goroutines: whatever the number of
// jobs and wherever the findings waited, the findings come out the same and
// in path order.
func TestHeldPhaseTwoSameOnAnyNumberOfJobs(t *testing.T) {
	// Every article's body stands in four files, so the corpus rules report.
	var in []engine.Input
	for i := range 60 {
		body := fmt.Sprintf("Warga desa ke-%d menanam padi di sawah yang baru dibuka pada musim hujan tahun ini. Hasil panen diperkirakan naik.", i%15)
		in = append(in, engine.Input{Path: fmt.Sprintf("f%03d.txt", i), Data: []byte(fmt.Sprintf("Judul %d\n\n%s\n", i, body))})
	}
	want := run(t, engine.Options{Rules: rules.All(), Jobs: 1}, in)
	require.NotEmpty(t, want.Findings)
	require.True(t, slices.ContainsFunc(want.Findings, func(f finding.Finding) bool { return f.Rule == "duplicate/same-body" }),
		"a corpus rule reports in phase two")
	for _, jobs := range []int{2, 3, 8} {
		for name, held := range map[string]int{"in memory": 0, "on disk": -1} {
			t.Run(fmt.Sprintf("jobs=%d %s", jobs, name), func(t *testing.T) {
				res := run(t, engine.Options{Rules: rules.All(), Jobs: jobs, HeldInMemory: held}, in)
				assert.Equal(t, want.Findings, res.Findings)
				assert.Equal(t, want.Errors, res.Errors)
			})
		}
	}
}
