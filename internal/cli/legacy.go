package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/corpuslint/corpuslint/internal/baseline"
	"github.com/corpuslint/corpuslint/internal/changed"
	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/finding"
)

// checkLegacyFlags rejects combinations of --new-from-rev, --baseline and
// --write-baseline that have no clear meaning.
func checkLegacyFlags(o options) error {
	legacy := o.newFromRev != "" || o.baseline != "" || o.writeBaseline != ""
	switch {
	case legacy && (o.fix || o.diff):
		return errors.New("--new-from-rev, --baseline and --write-baseline choose which findings to report; they do not go with --fix or --diff")
	case o.baseline != "" && o.writeBaseline != "":
		return errors.New("--baseline and --write-baseline do not go together: --write-baseline records every finding of the run")
	}
	return nil
}

// legacyView narrows a run's findings to the new ones, for corpora that
// already hold many: those on lines changed since a revision, and those a
// baseline does not record.
type legacyView struct {
	lines *changed.Lines
	base  *baseline.File
}

// prepareLegacy reads git and the baseline before any file is linted, so a
// bad revision or baseline fails at once.
func prepareLegacy(ctx context.Context, o options, files []string) (*legacyView, error) {
	var v legacyView
	if o.newFromRev != "" {
		if slices.Contains(files, "-") {
			return nil, errors.New("--new-from-rev: standard input has no git history; name the files")
		}
		lines, err := changed.Since(ctx, o.newFromRev, files)
		if err != nil {
			return nil, fmt.Errorf("--new-from-rev: %w", err)
		}
		v.lines = lines
	}
	if o.baseline != "" {
		b, err := baseline.Read(o.baseline)
		if err != nil {
			return nil, err
		}
		v.base = b
	}
	return &v, nil
}

// apply narrows res.Findings, or, with --write-baseline, records them and
// reports true: the run then prints no findings.
func (v *legacyView) apply(o options, res *engine.Result, read baseline.ReadFunc, stderr io.Writer) (wrote bool, err error) {
	if v.lines != nil {
		res.Findings = slices.DeleteFunc(res.Findings, func(f finding.Finding) bool {
			return !onNewLines(v.lines, &f)
		})
	}
	if v.base == nil && o.writeBaseline == "" {
		return false, nil
	}
	name := o.baseline
	if o.writeBaseline != "" {
		name = o.writeBaseline
	}
	fp, err := baseline.NewFingerprints(name, read)
	if err != nil {
		return false, err
	}
	if v.base != nil {
		res.Findings, err = fp.New(v.base, res.Findings)
		return false, err
	}
	b, err := fp.Build(res.Findings)
	if err != nil {
		return false, err
	}
	if err := baseline.Write(o.writeBaseline, b); err != nil {
		return false, err
	}
	fmt.Fprintf(stderr, "corpuslint: wrote %d %s to the baseline %s\n", len(res.Findings), plural(len(res.Findings), "finding", "findings"), o.writeBaseline)
	return true, nil
}

// onNewLines reports whether a finding touches a line added or changed since
// the revision. A range ending at column 1 ends before its last line. A
// whole-file finding counts as new when its file has any new line.
func onNewLines(lines *changed.Lines, f *finding.Finding) bool {
	if f.Range.IsZero() {
		return lines.AnyNew(f.Path)
	}
	first, last := f.Range.Start.Line, f.Range.End.Line
	if last > first && f.Range.End.Column == 1 {
		last--
	}
	return lines.Touches(f.Path, first, last)
}
