package changed

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/gittest"
)

// newLines lists the lines 1..n of path that Lines reports as new.
func newLines(l *Lines, path string, n int) []int {
	var out []int
	for i := 1; i <= n; i++ {
		if l.Touches(path, i, i) {
			out = append(out, i)
		}
	}
	return out
}

func TestSinceTrackedFile(t *testing.T) {
	r := gittest.New(t)
	p := r.Write("news/a.txt", "one\ntwo\nthree\nfour\nfive\n")
	r.Write("news/same.txt", "unchanged\n")
	base := r.Commit("base")
	r.Write("news/a.txt", "one\ntwo\nTHREE\nfour\nfive\nsix\n")

	l, err := Since(context.Background(), base, []string{p, filepath.Join(r.Dir, "news/same.txt")})
	require.NoError(t, err)
	assert.Equal(t, []int{3, 6}, newLines(l, p, 7), "the changed line and the added one")
	assert.True(t, l.AnyNew(p))
	assert.False(t, l.AnyNew(filepath.Join(r.Dir, "news/same.txt")), "a tracked file without changes has no new line")
	assert.True(t, l.Touches(p, 1, 3), "a range touching a new line")
	assert.False(t, l.Touches(p, 4, 5))
	assert.False(t, l.Touches(filepath.Join(r.Dir, "elsewhere.txt"), 1, 1), "a file never asked about")
}

func TestSinceCommittedAndStagedChangesCount(t *testing.T) {
	r := gittest.New(t)
	p := r.Write("a.txt", "one\ntwo\nthree\n")
	base := r.Commit("base")
	r.Write("a.txt", "one\nTWO\nthree\n")
	r.Commit("second")
	r.Write("a.txt", "one\nTWO\nTHREE\n")
	r.Git("add", "a.txt")
	q := r.Write("staged-new.txt", "x\ny\n")
	r.Git("add", "staged-new.txt")

	l, err := Since(context.Background(), base, []string{p, q})
	require.NoError(t, err)
	assert.Equal(t, []int{2, 3}, newLines(l, p, 3))
	assert.Equal(t, []int{1, 2}, newLines(l, q, 2), "a file added since REV is new throughout")
}

func TestSinceUntrackedFileIsAllNew(t *testing.T) {
	r := gittest.New(t)
	r.Write("a.txt", "one\n")
	base := r.Commit("base")
	p := r.Write("new/b.txt", "fresh\nlines\n")
	l, err := Since(context.Background(), base, []string{p})
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2, 3}, newLines(l, p, 3))
	assert.True(t, l.AnyNew(p))
}

func TestSinceRenamedFile(t *testing.T) {
	r := gittest.New(t)
	body := "line one of a long enough article\nline two of it\nline three of it\nline four of it\n"
	r.Write("old.txt", body)
	r.Write("moved-and-edited-before.txt", body+"five\n")
	base := r.Commit("base")
	r.Git("mv", "old.txt", "renamed.txt")
	r.Git("mv", "moved-and-edited-before.txt", "moved-and-edited.txt")
	edited := r.Write("moved-and-edited.txt", strings.Replace(body+"five\n", "line two of it", "line 2 of it", 1))
	r.Commit("rename")

	renamed := filepath.Join(r.Dir, "renamed.txt")
	l, err := Since(context.Background(), base, []string{renamed, edited})
	require.NoError(t, err)
	assert.Empty(t, newLines(l, renamed, 5), "a moved file brings no new lines")
	assert.Equal(t, []int{2}, newLines(l, edited, 6), "a moved file keeps its edits")
}

func TestSinceCRLF(t *testing.T) {
	r := gittest.New(t)
	p := r.Write("crlf.txt", "one\r\ntwo\r\nthree\r\n")
	base := r.Commit("base")
	r.Write("crlf.txt", "one\r\nTWO\r\nthree\r\n")
	l, err := Since(context.Background(), base, []string{p})
	require.NoError(t, err)
	assert.Equal(t, []int{2}, newLines(l, p, 3))
}

func TestSinceLoneCRLinesCountAsCorpuslintCountsThem(t *testing.T) {
	r := gittest.New(t)
	// Git sees two lines; corpuslint sees four (a lone CR ends a line).
	p := r.Write("cr.txt", "\xef\xbb\xbfa\rb\nc\rd\n")
	base := r.Commit("base")
	r.Write("cr.txt", "\xef\xbb\xbfa\rb\nc\rD\n")
	l, err := Since(context.Background(), base, []string{p})
	require.NoError(t, err)
	assert.Equal(t, []int{3, 4}, newLines(l, p, 5), "git's line 2 is corpuslint's lines 3 and 4")
}

func TestSinceRelativePathsAndSubdirectories(t *testing.T) {
	r := gittest.New(t)
	r.Write("corpus/day1/a.txt", "one\ntwo\n")
	base := r.Commit("base")
	r.Write("corpus/day1/a.txt", "one\nTWO\n")
	t.Chdir(filepath.Join(r.Dir, "corpus"))

	l, err := Since(context.Background(), base, []string{"day1/a.txt"})
	require.NoError(t, err)
	assert.Equal(t, []int{2}, newLines(l, "day1/a.txt", 2))
	assert.Equal(t, []int{2}, newLines(l, "./day1/../day1/a.txt", 2), "the same file named another way")
	assert.Equal(t, []int{2}, newLines(l, filepath.Join(r.Dir, "corpus/day1/a.txt"), 2), "and by its absolute path")
}

func TestSinceTwoRepositories(t *testing.T) {
	r1, r2 := gittest.New(t), gittest.New(t)
	p1 := r1.Write("a.txt", "one\n")
	p2 := r2.Write("b.txt", "one\n")
	r1.Commit("base")
	r2.Commit("base")
	r1.Write("a.txt", "ONE\n")
	l, err := Since(context.Background(), "HEAD", []string{p1, p2})
	require.NoError(t, err)
	assert.Equal(t, []int{1}, newLines(l, p1, 1))
	assert.Empty(t, newLines(l, p2, 1))
}

func TestSinceErrors(t *testing.T) {
	r := gittest.New(t)
	p := r.Write("a.txt", "one\n")
	r.Commit("base")

	_, err := Since(context.Background(), "no-such-branch", []string{p})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `revision "no-such-branch" is not a commit in the repository`)

	_, err = Since(context.Background(), "--output=/tmp/x", []string{p})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is not a git revision", "a revision can never become a git option")

	outside := t.TempDir()
	q := filepath.Join(outside, "b.txt")
	require.NoError(t, os.WriteFile(q, []byte("x\n"), 0o644))
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(outside))
	_, err = Since(context.Background(), "HEAD", []string{q})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is not in a git repository")
}

func TestParseDiff(t *testing.T) {
	diff := "diff --git a/x.txt b/x.txt\n" +
		"--- a/x.txt\n" +
		"+++ b/x.txt\n" +
		"@@ -2 +2 @@\n" +
		"-old\n" +
		"+new\n" +
		"@@ -5,0 +6,2 @@ context\n" +
		"++++ b/looks-like-a-header.txt\n" +
		"+@@ -1 +1,99 @@\n" +
		"@@ -9,2 +10,0 @@\n" +
		"-gone\n" +
		"-gone too\n" +
		"\\ No newline at end of file\n" +
		"diff --git \"a/caf\\303\\251 \\\"x\\\".txt\" \"b/caf\\303\\251 \\\"x\\\".txt\"\n" +
		"--- \"a/caf\\303\\251 \\\"x\\\".txt\"\n" +
		"+++ \"b/caf\\303\\251 \\\"x\\\".txt\"\n" +
		"@@ -1 +1 @@\n" +
		"-a\n" +
		"+b\n" +
		"diff --git a/deleted.txt b/deleted.txt\n" +
		"--- a/deleted.txt\n" +
		"+++ /dev/null\n" +
		"@@ -1 +0,0 @@\n" +
		"-bye\n"
	files, err := parseDiff([]byte(diff))
	require.NoError(t, err)
	assert.Equal(t, map[string]map[int]bool{
		"x.txt":          {2: true, 6: true, 7: true},
		"café \"x\".txt": {1: true},
	}, files)

	_, err = parseDiff([]byte("+++ b/x\n@@ -1 +a @@\n"))
	assert.ErrorContains(t, err, "malformed hunk header")
}

func TestLookupByThePathGivenThenByKey(t *testing.T) {
	r := gittest.New(t)
	p := r.Write("news/a.txt", "one\ntwo\n")
	base := r.Commit("base")
	r.Write("news/a.txt", "one\nTWO\n")
	l, err := Since(context.Background(), base, []string{p})
	require.NoError(t, err)
	// Another spelling of the same file is found by its key.
	other := filepath.Join(r.Dir, "news", "..", "news", "a.txt")
	assert.Equal(t, []int{2}, newLines(l, other, 2))
	// The path as given is answered from the index, without resolving it
	// again: the answer holds even once its folder is gone.
	require.NoError(t, os.RemoveAll(filepath.Join(r.Dir, "news")))
	assert.Equal(t, []int{2}, newLines(l, p, 2))
	assert.True(t, l.AnyNew(p))
}
