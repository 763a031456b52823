package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"unsafe"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/internal/source"
)

// maxFixPasses bounds how often --fix re-checks and fixes a file: a fix can
// make room for another (a conflicting fix, or a finding that a fix revealed),
// so fixes are applied until the text settles, as ESLint does.
const maxFixPasses = 10

// checkFile is phase one for one file.
func checkFile(opts Options, in Input) (r fileResult) {
	r.path = in.Path
	r.profile = opts.ProfileFor(in.Path) // Run always sets it
	data, err := readInput(in)
	if err != nil {
		r.err = &FileError{Path: in.Path, Message: describeReadError(err)}
		return r
	}
	if document.IsBinary(data) {
		r.err = &FileError{Path: in.Path, Message: "binary file (it holds NUL bytes), not an article; not checked"}
		return r
	}
	r.checked = true
	r.size = int64(len(data))
	if len(data) == 0 {
		r.note = &FileNote{Path: in.Path, Message: "empty file, nothing to check"}
		return r
	}
	defer func() {
		// A rule must never take the whole run down: report the file instead.
		if p := recover(); p != nil {
			r.findings, r.facts = nil, nil
			r.err = &FileError{Path: in.Path, Message: fmt.Sprintf("internal error while checking: %v\n%s", p, debug.Stack())}
		}
	}()
	var doc *document.Document
	if in.Data == nil {
		// The bytes were read here and are never written to: the text
		// can share them instead of being a copy.
		doc = document.ParseString(in.Path, unsafe.String(unsafe.SliceData(data), len(data)))
	} else {
		doc = document.Parse(in.Path, data)
	}
	lang := r.profile.Lang
	if lang == "" || lang == "auto" {
		lang = opts.Lexicons.Detect(doc.Text)
	}
	r.findings, r.facts = lint(opts, r.profile, doc, lang)
	if opts.Mode != Report {
		applyFixes(opts, r.profile, in, data, doc, lang, &r)
	}
	return r
}

// lint runs the rules over one document: the per-file rules' findings, with
// positions resolved, and the corpus rules' facts.
func lint(opts Options, prof *Profile, doc *document.Document, lang string) ([]finding.Finding, map[string][]rule.OwnFact) {
	pack := opts.Lexicons.Pack(lang) // nil for an article in no known language
	doc.Lang = lang
	doc.Segment(pack.Abbreviations()) // nil for no language
	var findings []finding.Finding
	var facts map[string][]rule.OwnFact
	eol := doc.LineEnding.Bytes()
	report := func(f finding.Finding) {
		// The finding is built in its place in findings, not in a copy of
		// its own on the heap (Drop and Resolve take its address).
		if findings == nil {
			findings = make([]finding.Finding, 0, 8)
		}
		findings = append(findings, f)
		g := &findings[len(findings)-1]
		applySeverity(prof, g)
		if opts.Drop != nil && opts.Drop(g, doc.Slice(g.Span)) {
			*g = finding.Finding{}
			findings = findings[:len(findings)-1]
			return
		}
		for i := range g.Fixes {
			for j := range g.Fixes[i].Edits {
				g.Fixes[i].Edits[j].New = fix.NormalizeNewlines(g.Fixes[i].Edits[j].New, eol)
			}
		}
		doc.Resolve(g)
	}
	// One pass and one export function serve every rule in turn (a rule
	// keeps neither after its Run or Collect returns): not two allocations
	// per rule and file.
	var id string
	export := func(key string, f rule.Fact) {
		if facts == nil {
			facts = map[string][]rule.OwnFact{}
		}
		facts[id] = append(facts[id], rule.OwnFact{Key: key, Fact: f})
	}
	pass := rule.NewPass(nil, doc, opts.Lexicons, pack, export, report)
	for _, rl := range prof.Rules {
		if rl.NeedsLanguage && pack == nil {
			continue
		}
		id = rl.ID
		pass.Rule = rl
		pass.Options = prof.Options[rl.ID]
		pass.RunOptions = prof.Options
		if rl.Run != nil {
			rl.Run(pass)
		}
		if rl.Collect != nil {
			rl.Collect(pass)
		}
	}
	if len(findings) == 0 {
		findings = nil // every finding dropped
	}
	return findings, facts
}

// applyFixes merges the findings' safe fixes, applies them, checks the result
// again and repeats until the text settles (at most maxFixPasses times), then
// writes (Fix) or diffs (Diff) the result. After --fix the findings and facts
// kept are the final text's, so what is reported points into the fixed file;
// --diff writes nothing and keeps the original's.
func applyFixes(opts Options, prof *Profile, in Input, data []byte, doc *document.Document, lang string, r *fileResult) {
	bom := ""
	if doc.BOM {
		bom = document.BOMBytes
	}
	rep := &FixReport{Path: in.Path}
	r.fix = rep
	original := doc.Text
	originalFindings, originalFacts := r.findings, r.facts
	var notes []fix.Note
	for pass := 1; ; pass++ {
		SortFindings(r.findings)
		plan := fix.Merge(len(doc.Text), r.findings)
		if len(plan.Edits) == 0 || pass > maxFixPasses {
			for _, s := range plan.Skipped {
				if !s.Subsumed {
					rep.Skipped = append(rep.Skipped, SkippedFix{Finding: r.findings[s.Index], Reason: s.Reason})
				}
			}
			if len(plan.Edits) > 0 {
				for _, i := range plan.Applied {
					rep.Skipped = append(rep.Skipped, SkippedFix{Finding: r.findings[i], Reason: fmt.Sprintf("the text was still changing after %d passes of fixes", maxFixPasses)})
				}
			}
			break
		}
		newText, err := fix.Apply(doc.Text, plan.Edits)
		if err != nil {
			r.err = &FileError{Path: in.Path, Message: "fixes not applied: " + err.Error()}
			return
		}
		if newText == doc.Text {
			break
		}
		rep.Applied += len(plan.Applied)
		if pass == 1 {
			// Later passes' line numbers are of intermediate texts; the
			// first pass's say where the original needed fixing.
			for _, i := range plan.Applied {
				f := r.findings[i]
				notes = append(notes, fix.Note{Line: f.Range.Start.Line, Rule: f.Rule, Message: f.Message})
			}
		}
		doc = document.ParseString(in.Path, bom+newText)
		r.findings, r.facts = lint(opts, prof, doc, lang)
	}
	if opts.Mode == Diff {
		// Nothing is written: the file keeps its findings.
		r.findings, r.facts = originalFindings, originalFacts
	}
	if doc.Text == original {
		return
	}
	switch opts.Mode {
	case Diff:
		rep.Diff = fix.Diff(patchPath(in.Path), bom+original, bom+doc.Text, notes)
	case Fix:
		// A fixed text that could not be written changed nothing: the file
		// keeps its findings, and no fix counts as applied.
		failed := func(reason string) {
			r.err = &FileError{Path: in.Path, Message: reason}
			r.findings, r.facts = originalFindings, originalFacts
			rep.Applied, rep.Skipped = 0, nil
		}
		content := []byte(bom + doc.Text)
		if in.Data != nil {
			if opts.Stdout != nil {
				if _, err := opts.Stdout.Write(content); err != nil {
					failed("writing fixed text: " + err.Error())
				}
			}
			return
		}
		if err := fix.WriteFile(in.Path, data, content); err != nil {
			failed(strings.TrimPrefix(err.Error(), in.Path+": "))
		}
	}
}

// describeReadError turns an error from reading a file into a short reason.
func describeReadError(err error) string {
	if errors.Is(err, fs.ErrPermission) {
		return source.Reason(err) + " (cannot read the file)"
	}
	return source.Reason(err)
}

// patchPath is the name a diff gives a file, cleaned ("./d//a.txt" is
// "d/a.txt", "d/../a.txt" is "a.txt"): relative to the working directory when
// the file is under it, so that git apply run there finds it; otherwise its
// absolute path, which the diff writes without the leading slash (as git diff
// --no-index does), so that git apply run from / finds it. A name climbing out
// of the working directory ("../x.txt") is never written: git apply refuses it.
func patchPath(path string) string {
	clean := filepath.Clean(path)
	if !filepath.IsAbs(clean) && !climbs(clean) {
		return filepath.ToSlash(clean)
	}
	abs, err := filepath.Abs(clean)
	if err != nil {
		return filepath.ToSlash(clean)
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil && !climbs(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(abs)
}

// climbs reports whether the clean relative path rel leaves its directory.
func climbs(rel string) bool {
	return rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
