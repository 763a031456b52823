package engine_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// doubleSpaceRule reports every "  " with a safe fix to one space; before
// reporting, it calls touch (once per run), which lets a test change the file
// on disk between the engine's reading and writing it.
func doubleSpaceRule(touch func()) *rule.Rule {
	return &rule.Rule{
		ID: "punctuation/test-double-space", Title: "double space", Severity: finding.Warning, FixSafe: true,
		Run: func(p *rule.Pass) {
			if touch != nil {
				touch()
				touch = nil
			}
			text := p.Doc.Text
			for i := strings.Index(text, "  "); i >= 0; {
				span := finding.Span{Start: i, End: i + 2}
				p.Report(span, "double space", finding.Fix{Message: "one space", Safe: true, Edits: []finding.Edit{{Span: span, New: " "}}})
				j := strings.Index(text[i+2:], "  ")
				if j < 0 {
					break
				}
				i += 2 + j
			}
		},
	}
}

// A fixed text that cannot be written is no fix: the run reports the write
// error as the file's error, counts no fix applied, and keeps the findings of
// the text still on disk. (The file is changed behind the engine's back, which
// makes fix.WriteFile refuse whoever runs the test, root included.)
func TestFailedFixWriteKeepsTheFindings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	original := "Judul\n\nSatu  dua  tiga.\n"
	require.NoError(t, os.WriteFile(path, []byte(original), 0o644))
	meddled := original + "Tambahan.\n"
	touch := func() { require.NoError(t, os.WriteFile(path, []byte(meddled), 0o644)) }
	res := run(t, engine.Options{Rules: []*rule.Rule{doubleSpaceRule(touch)}, Jobs: 1, Mode: engine.Fix}, []engine.Input{{Path: path}})

	require.Len(t, res.Errors, 1)
	assert.Equal(t, path, res.Errors[0].Path)
	assert.Contains(t, res.Errors[0].Message, "changed since it was read")
	require.Len(t, res.Fixes, 1)
	assert.Zero(t, res.Fixes[0].Applied, "nothing was written, so no fix went in")
	assert.Len(t, res.Findings, 2, "the findings of the text on disk stay")
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, meddled, string(got))

	// The same run on an untouched file writes it and reports what is left.
	require.NoError(t, os.WriteFile(path, []byte(original), 0o644))
	res = run(t, engine.Options{Rules: []*rule.Rule{doubleSpaceRule(nil)}, Jobs: 1, Mode: engine.Fix}, []engine.Input{{Path: path}})
	assert.Empty(t, res.Errors)
	assert.Equal(t, 2, res.Fixes[0].Applied)
	assert.Empty(t, res.Findings)
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

// Standard input's fixed text that cannot be written is no fix either.
func TestFailedFixOutputKeepsTheFindings(t *testing.T) {
	in := []engine.Input{{Path: "-", Data: []byte("Judul\n\nSatu  dua.\n")}}
	res := run(t, engine.Options{Rules: []*rule.Rule{doubleSpaceRule(nil)}, Jobs: 1, Mode: engine.Fix, Stdout: failingWriter{}}, in)
	require.Len(t, res.Errors, 1)
	assert.Contains(t, res.Errors[0].Message, "writing fixed text")
	assert.Zero(t, res.Fixes[0].Applied)
	assert.Len(t, res.Findings, 1)
}

// A diff names a file so that git apply can take it: relative to the working
// directory, cleaned, when the file is under it; by its absolute path
// (written without the leading slash) when it is not, never with "..".
func TestDiffNamesTheFileForGitApply(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"wd/d", "other"} {
		require.NoError(t, os.MkdirAll(filepath.Join(root, d), 0o755))
	}
	t.Chdir(filepath.Join(root, "wd"))
	text := "Judul\n\nSatu  dua.\n"
	abs := func(p string) string { return strings.TrimPrefix(filepath.ToSlash(filepath.Join(root, p)), "/") }
	for given, want := range map[string]string{
		"./d//a.txt":                         "d/a.txt",
		"d/../d/a.txt":                       "d/a.txt",
		filepath.Join(root, "wd", "d/a.txt"): "d/a.txt",
		"../other/b.txt":                     abs("other/b.txt"),
		"d/../../other/b.txt":                abs("other/b.txt"),
		filepath.Join(root, "other/b.txt"):   abs("other/b.txt"),
	} {
		require.NoError(t, os.WriteFile(given, []byte(text), 0o644))
		res := run(t, engine.Options{Rules: []*rule.Rule{doubleSpaceRule(nil)}, Jobs: 1, Mode: engine.Diff}, []engine.Input{{Path: given}})
		require.Len(t, res.Fixes, 1)
		assert.Contains(t, res.Fixes[0].Diff, "--- a/"+want+"\n+++ b/"+want+"\n", "for %s", given)
	}
}
