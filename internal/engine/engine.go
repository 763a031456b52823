// Package engine runs rules over article files: phase one reads each file once,
// in parallel, runs the per-file rules and the corpus rules' Collect, resolves
// positions and applies or diffs fixes, then drops the text; after a barrier,
// phase two lets corpus rules report from the facts alone. Output order is
// deterministic: path, then position, then rule.
package engine

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"sync"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// Input is one file to check. Data, when non-nil, is the file's content (standard
// input); otherwise the file is read from Path.
type Input struct {
	Path string
	Data []byte
}

// Mode says what to do with fixes.
type Mode int

// The fix modes.
const (
	// Report only.
	Report Mode = iota
	// Fix applies safe fixes and writes files.
	Fix
	// Diff computes what Fix would change without writing.
	Diff
)

// Options configures a run.
type Options struct {
	// Rules are the enabled rules, in registry order.
	Rules []*rule.Rule
	// Lexicons are the language packs.
	Lexicons *lexicon.Set
	// Lang forces a language ("id", "en"); "" or "auto" detects it per article.
	Lang string
	// Jobs is the number of files checked at once; 0 means the core count.
	Jobs int
	// Mode says whether fixes are reported, applied or diffed.
	Mode Mode
	// Severity overrides rules' default severities, by rule ID.
	Severity map[string]finding.Severity
	// Stdout receives fixed text of standard input in Fix mode.
	Stdout io.Writer
	// ProfileFor, when set, gives each file its own rules, severities, options
	// and language (configuration's per-path overrides); Rules must then hold
	// every rule any profile uses, and Lang and Severity are ignored. It is
	// called once per file from several goroutines.
	ProfileFor func(path string) *Profile
	// Drop, when set, reports whether a finding is ignored by configuration;
	// text is the text the finding covers ("" for corpus findings). Dropped
	// findings are neither reported nor fixed. Called from several goroutines.
	Drop func(f *finding.Finding, text string) bool
}

// Profile is what applies to one file: the rules that run on it, in registry
// order, their severities and options, and its language.
type Profile struct {
	Rules []*rule.Rule
	// Severity overrides rules' default severities, by rule ID.
	Severity map[string]finding.Severity
	// Options holds the rules' checked options, by rule ID.
	Options map[string]map[string]any
	// Lang forces a language; "" or "auto" detects it per article.
	Lang string
}

// profile returns the profile of the file at path.
func (o *Options) profile(path string) *Profile {
	if o.ProfileFor != nil {
		return o.ProfileFor(path)
	}
	return &Profile{Rules: o.Rules, Severity: o.Severity, Lang: o.Lang}
}

// has reports whether the profile runs the rule.
func (p *Profile) has(r *rule.Rule) bool {
	for _, x := range p.Rules {
		if x == r {
			return true
		}
	}
	return false
}

// FileError is a file that could not be checked (or fixed), with the reason.
type FileError struct {
	Path    string
	Message string
}

// Error implements error.
func (e FileError) Error() string { return e.Path + ": " + e.Message }

// FileNote is a remark about a file that is not an error (an empty file).
type FileNote = FileError

// FixReport says what --fix or --diff did to one file.
type FixReport struct {
	Path string
	// Applied is the number of findings whose fix went in.
	Applied int
	// Skipped lists findings whose fix did not, with the reason.
	Skipped []SkippedFix
	// Diff is the annotated unified diff (Diff mode), empty when nothing changes.
	Diff string
}

// SkippedFix is a fix that was not applied.
type SkippedFix struct {
	Finding finding.Finding
	Reason  string
}

// Result is everything a run produced, in deterministic order.
type Result struct {
	Findings []finding.Finding
	Errors   []FileError
	Notes    []FileNote
	Fixes    []FixReport
	// Files is the number of files checked.
	Files int
}

// fileResult is phase one's output for one file.
type fileResult struct {
	path     string
	profile  *Profile
	checked  bool
	findings []finding.Finding
	facts    map[string][]rule.OwnFact // rule ID -> facts in export order
	err      *FileError
	note     *FileNote
	fix      *FixReport
}

// Run checks inputs with opts.
func Run(ctx context.Context, opts Options, inputs []Input) (*Result, error) {
	if opts.Lexicons == nil {
		return nil, fmt.Errorf("engine: no language packs")
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	results := make([]fileResult, len(inputs))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < jobs && w < len(inputs); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results[i] = checkFile(opts, inputs[i])
			}
		}()
	}
feed:
	for i := range inputs {
		select {
		case work <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	res := &Result{}
	store := newFactStore()
	for i := range results {
		r := &results[i]
		if r.err != nil {
			res.Errors = append(res.Errors, *r.err)
		}
		if r.note != nil {
			res.Notes = append(res.Notes, *r.note)
		}
		if r.fix != nil {
			res.Fixes = append(res.Fixes, *r.fix)
		}
		if r.checked {
			res.Files++
		}
		res.Findings = append(res.Findings, r.findings...)
		for id, facts := range r.facts {
			for _, f := range facts {
				store.add(id, f.Key, f.Fact)
			}
		}
	}
	store.sort()

	// Phase two: corpus rules report from the facts.
	for _, rl := range opts.Rules {
		if !rl.IsCorpus() {
			continue
		}
		facts := store.view(rl.ID)
		shared := &rule.Shared{}
		for i := range results {
			r := &results[i]
			if !r.checked || !r.profile.has(rl) {
				continue
			}
			report := func(f finding.Finding) {
				applySeverity(r.profile, &f)
				if opts.Drop != nil && opts.Drop(&f, "") {
					return
				}
				res.Findings = append(res.Findings, f)
			}
			pass := rule.NewCorpusPass(rl, r.path, r.facts[rl.ID], facts, report)
			pass.Shared = shared
			rl.Corpus(pass)
		}
	}
	SortFindings(res.Findings)
	sort.SliceStable(res.Errors, func(a, b int) bool { return res.Errors[a].Path < res.Errors[b].Path })
	sort.SliceStable(res.Notes, func(a, b int) bool { return res.Notes[a].Path < res.Notes[b].Path })
	sort.SliceStable(res.Fixes, func(a, b int) bool { return res.Fixes[a].Path < res.Fixes[b].Path })
	return res, nil
}

// SortFindings orders findings by path, position, rule, end and message.
func SortFindings(fs []finding.Finding) {
	sort.SliceStable(fs, func(a, b int) bool {
		x, y := &fs[a], &fs[b]
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		if x.Span.Start != y.Span.Start {
			return x.Span.Start < y.Span.Start
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		if x.Span.End != y.Span.End {
			return x.Span.End < y.Span.End
		}
		return x.Message < y.Message
	})
}

func applySeverity(p *Profile, f *finding.Finding) {
	if s, ok := p.Severity[f.Rule]; ok {
		f.Severity = s
	}
}

// readInput returns the bytes of in.
func readInput(in Input) ([]byte, error) {
	if in.Data != nil {
		return in.Data, nil
	}
	return os.ReadFile(in.Path)
}
