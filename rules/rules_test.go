package rules_test

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/rules"
)

var update = flag.Bool("update", false, "rewrite the expected findings and fixed texts under testdata/rules")

func TestRegistry(t *testing.T) {
	all := rules.All()
	require.NotEmpty(t, all)
	seen := map[string]bool{}
	var ids []string
	for _, r := range all {
		require.NoError(t, r.Validate())
		assert.False(t, seen[r.ID], "duplicate rule ID %s", r.ID)
		seen[r.ID] = true
		ids = append(ids, r.ID)
		assert.False(t, strings.HasSuffix(r.Title, "."), "%s: title ends with a period", r.ID)
	}
	assert.True(t, sort.StringsAreSorted(ids), "rules.All must be sorted by ID: %v", ids)
}

// TestDocExamples runs every rule's documented examples: the bad example must
// trigger the rule, its safe fixes must turn it into the good example (or, for a
// rule without a fix, the good example must be clean).
func TestDocExamples(t *testing.T) {
	for _, r := range rules.All() {
		t.Run(r.ID, func(t *testing.T) {
			one := []*rule.Rule{r}
			if r.IsCorpus() {
				earlier := r.Doc.Earlier
				if earlier == "" {
					earlier = r.Doc.Bad
				}
				twice := linttest.Run(t, one, r.Doc.Lang, linttest.File{Path: "a.txt", Text: earlier}, linttest.File{Path: "b.txt", Text: r.Doc.Bad})
				require.Len(t, twice, 1, "the bad example after the earlier file must be reported once, on the later file")
				assert.Equal(t, "b.txt", twice[0].Path)
				clean := linttest.Run(t, one, r.Doc.Lang, linttest.File{Path: "a.txt", Text: earlier}, linttest.File{Path: "b.txt", Text: r.Doc.Good})
				assert.Empty(t, clean, "the good example beside the bad one must be clean")
				return
			}
			bad := linttest.Run(t, one, r.Doc.Lang, linttest.File{Path: "bad.txt", Text: r.Doc.Bad})
			require.NotEmpty(t, bad, "the bad example must trigger %s", r.ID)
			if r.FixSafe {
				fixed, _ := linttest.Fix(t, one, r.Doc.Lang, linttest.File{Path: "-", Text: r.Doc.Bad})
				assert.Equal(t, r.Doc.Good, fixed, "fixing the bad example must give the good one")
			}
			good := linttest.Run(t, one, r.Doc.Lang, linttest.File{Path: "good.txt", Text: r.Doc.Good})
			assert.Empty(t, good, "the good example must not trigger %s:\n%s", r.ID, linttest.Text(t, good))
		})
	}
}

// TestGolden runs each rule over its cases in testdata/rules/<category>/<name>/:
// <case>.txt is the input, <case>.findings the expected findings in the text
// format, <case>.txt.golden the text after --fix. Cases named ok-*.txt must
// produce nothing. -update rewrites the expectations.
func TestGolden(t *testing.T) {
	for _, r := range rules.All() {
		dir := filepath.Join("..", "testdata", "rules", filepath.FromSlash(r.ID))
		cases, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		if !r.IsCorpus() {
			assert.NotEmpty(t, cases, "%s has no test cases in %s", r.ID, dir)
		}
		for _, c := range cases {
			name := filepath.Base(c)
			t.Run(r.ID+"/"+name, func(t *testing.T) {
				data, err := os.ReadFile(c)
				require.NoError(t, err)
				lang := ""
				if strings.Contains(name, ".en.") || strings.HasSuffix(name, "-en.txt") {
					lang = "en"
				}
				one := []*rule.Rule{r}
				fs := linttest.Run(t, one, lang, linttest.File{Path: name, Text: string(data)})
				got := linttest.Text(t, fs)
				if strings.HasPrefix(name, "ok-") {
					assert.Empty(t, got, "an ok- case must produce nothing")
					return
				}
				require.NotEmpty(t, fs, "a case that is not ok- must produce findings")
				fixed, res := linttest.Fix(t, one, lang, linttest.File{Path: "-", Text: string(data)})
				golden(t, strings.TrimSuffix(c, ".txt")+".findings", got)
				golden(t, c+".golden", fixed)
				// Fixes round-trip: what --fix leaves has no finding a fix could resolve.
				again, _ := linttest.Fix(t, one, lang, linttest.File{Path: "-", Text: fixed})
				assert.Equal(t, fixed, again, "a second --fix must change nothing")
				for _, s := range res.Fixes {
					assert.Empty(t, s.Skipped, "no fix may be skipped on one rule's own findings")
				}
			})
		}
	}
}

// TestGoldenCorpus runs each corpus rule over its multi-file cases, the folders
// in testdata/rules/<category>/<name>/: every *.txt of <case>/ is one file of a
// corpus and <case>.findings the expected findings; folders named ok-* must
// produce nothing. The findings must not depend on the order the files are
// given in nor on how many are checked at once.
func TestGoldenCorpus(t *testing.T) {
	for _, r := range rules.All() {
		if !r.IsCorpus() {
			continue
		}
		dir := filepath.Join("..", "testdata", "rules", filepath.FromSlash(r.ID))
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			name := e.Name()
			t.Run(r.ID+"/"+name, func(t *testing.T) {
				paths, err := filepath.Glob(filepath.Join(dir, name, "*.txt"))
				require.NoError(t, err)
				require.NotEmpty(t, paths)
				var files []linttest.File
				for _, p := range paths {
					data, err := os.ReadFile(p)
					require.NoError(t, err)
					files = append(files, linttest.File{Path: name + "/" + filepath.Base(p), Text: string(data)})
				}
				one := []*rule.Rule{r}
				got := linttest.Text(t, linttest.Run(t, one, "", files...))
				reversed := slices.Clone(files)
				slices.Reverse(reversed)
				assert.Equal(t, got, linttest.Text(t, linttest.Run(t, one, "", reversed...)), "the findings depend on the order of the files")
				assert.Equal(t, got, linttest.Text(t, linttest.RunJobs(t, one, "", 1, reversed...)), "the findings depend on the number of jobs")
				if strings.HasPrefix(name, "ok-") {
					assert.Empty(t, got, "an ok- case must produce nothing")
					return
				}
				require.NotEmpty(t, got, "a case that is not ok- must produce findings")
				golden(t, filepath.Join(dir, name+".findings"), got)
			})
		}
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing %s: run go test ./rules -update and review the diff", path)
	assert.Equal(t, string(want), got, "%s differs", path)
}
