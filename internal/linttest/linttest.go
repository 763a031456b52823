// Package linttest runs rules over in-memory articles for tests: findings in the
// text format and the text --fix would write.
package linttest

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/report"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// File is one article of a test run.
type File struct {
	Path string
	Text string
}

// Run checks files with rules (language lang, "" to detect) and returns the
// findings.
func Run(t testing.TB, rules []*rule.Rule, lang string, files ...File) []finding.Finding {
	t.Helper()
	return RunJobs(t, rules, lang, 2, files...)
}

// RunJobs is Run with jobs files checked at once.
func RunJobs(t testing.TB, rules []*rule.Rule, lang string, jobs int, files ...File) []finding.Finding {
	t.Helper()
	res := run(t, rules, lang, engine.Report, jobs, files, nil)
	return res.Findings
}

// Text renders findings in the text format, without colour.
func Text(t testing.TB, fs []finding.Finding) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, report.Write(&b, "text", &report.Input{Findings: fs}))
	return b.String()
}

// Fix returns the text --fix writes for one article (the text itself when no
// fix applies) and the findings that remain.
func Fix(t testing.TB, rules []*rule.Rule, lang string, f File) (string, *engine.Result) {
	t.Helper()
	var out fixedText
	res := run(t, rules, lang, engine.Fix, 2, []File{f}, &out)
	if !out.written {
		return f.Text, res
	}
	// Written, even if empty: a fix may delete the whole article.
	return out.String(), res
}

// fixedText holds the text the engine writes for standard input, and whether
// it wrote any: it writes only when a fix changed the text.
type fixedText struct {
	bytes.Buffer
	written bool
}

// Write implements io.Writer.
func (w *fixedText) Write(p []byte) (int, error) {
	w.written = true
	return w.Buffer.Write(p)
}

func run(t testing.TB, rules []*rule.Rule, lang string, mode engine.Mode, jobs int, files []File, stdout io.Writer) *engine.Result {
	t.Helper()
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	var inputs []engine.Input
	for _, f := range files {
		inputs = append(inputs, engine.Input{Path: f.Path, Data: []byte(f.Text)})
	}
	opts := engine.Options{Rules: rules, Lexicons: packs, Lang: lang, Jobs: jobs, Mode: mode}
	if stdout != nil {
		opts.Stdout = stdout
	}
	res, err := engine.Run(context.Background(), opts, inputs)
	require.NoError(t, err)
	require.Empty(t, res.Errors)
	return res
}
