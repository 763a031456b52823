package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime/debug"
	"strings"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// checkFile is phase one for one file.
func checkFile(opts Options, in Input) (r fileResult) {
	r.path = in.Path
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
	if len(data) == 0 {
		r.note = &FileNote{Path: in.Path, Message: "empty file, nothing to check"}
		return r
	}
	doc := document.Parse(in.Path, data)
	lang := opts.Lang
	if lang == "" || lang == "auto" {
		lang = opts.Lexicons.Detect(doc.Text)
	}
	pack := opts.Lexicons.Pack(lang) // nil for an article in no known language
	doc.Lang = lang
	doc.Segment(pack)

	defer func() {
		// A rule must never take the whole run down: report the file instead.
		if p := recover(); p != nil {
			r.findings = nil
			r.err = &FileError{Path: in.Path, Message: fmt.Sprintf("internal error while checking: %v\n%s", p, debug.Stack())}
		}
	}()

	eol := doc.LineEnding.Bytes()
	report := func(f finding.Finding) {
		applySeverity(opts, &f)
		for i := range f.Fixes {
			for j := range f.Fixes[i].Edits {
				f.Fixes[i].Edits[j].New = fix.NormalizeNewlines(f.Fixes[i].Edits[j].New, eol)
			}
		}
		doc.Resolve(&f)
		r.findings = append(r.findings, f)
	}
	for _, rl := range opts.Rules {
		if rl.NeedsLanguage && pack == nil {
			continue
		}
		id := rl.ID
		export := func(key string, f rule.Fact) {
			if r.facts == nil {
				r.facts = map[string][]rule.OwnFact{}
			}
			r.facts[id] = append(r.facts[id], rule.OwnFact{Key: key, Fact: f})
		}
		pass := rule.NewPass(rl, doc, opts.Lexicons, pack, export, report)
		if rl.Run != nil {
			rl.Run(pass)
		}
		if rl.Collect != nil {
			rl.Collect(pass)
		}
	}
	if opts.Mode != Report {
		applyFixes(opts, in, data, doc, &r)
	}
	return r
}

// applyFixes merges the findings' safe fixes and writes (Fix) or diffs (Diff) the
// result. Fixed findings leave the report; skipped fixes are listed with reasons.
func applyFixes(opts Options, in Input, data []byte, doc *document.Document, r *fileResult) {
	SortFindings(r.findings)
	plan := fix.Merge(len(doc.Text), r.findings)
	rep := &FixReport{Path: in.Path}
	r.fix = rep
	gone := map[int]bool{}
	for _, i := range plan.Applied {
		gone[i] = true
	}
	for _, s := range plan.Skipped {
		if s.Subsumed {
			gone[s.Index] = true
			continue
		}
		rep.Skipped = append(rep.Skipped, SkippedFix{Finding: r.findings[s.Index], Reason: s.Reason})
	}
	rep.Applied = len(plan.Applied)
	if len(plan.Edits) == 0 {
		return
	}
	newText, err := fix.Apply(doc.Text, plan.Edits)
	if err != nil {
		r.err = &FileError{Path: in.Path, Message: "fixes not applied: " + err.Error()}
		return
	}
	if newText == doc.Text {
		return
	}
	bom := ""
	if doc.BOM {
		bom = document.BOMBytes
	}
	switch opts.Mode {
	case Diff:
		var notes []fix.Note
		for _, i := range plan.Applied {
			f := r.findings[i]
			notes = append(notes, fix.Note{Line: f.Range.Start.Line, Rule: f.Rule, Message: f.Message})
		}
		rep.Diff = fix.Diff(in.Path, bom+doc.Text, bom+newText, notes)
		return
	case Fix:
		content := []byte(bom + newText)
		if in.Data != nil {
			if opts.Stdout != nil {
				if _, err := opts.Stdout.Write(content); err != nil {
					r.err = &FileError{Path: in.Path, Message: "writing fixed text: " + err.Error()}
					return
				}
			}
		} else if err := fix.WriteFile(in.Path, data, content); err != nil {
			r.err = &FileError{Path: in.Path, Message: strings.TrimPrefix(err.Error(), in.Path+": ")}
			return
		}
		kept := r.findings[:0]
		for i, f := range r.findings {
			if !gone[i] {
				kept = append(kept, f)
			}
		}
		r.findings = kept
	}
}

// describeReadError turns an error from reading a file into a short reason.
func describeReadError(err error) string {
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied (cannot read the file)"
	case errors.As(err, &pe):
		return pe.Err.Error()
	}
	return err.Error()
}
