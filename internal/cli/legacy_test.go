package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/gittest"
)

// e2eAbs is e2eDir as an absolute path: these tests change directory.
var e2eAbs, _ = filepath.Abs(e2eDir)

// article returns the bytes of a fixture of e2eDir, wherever the test runs.
func article(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(e2eAbs, name))
	require.NoError(t, err)
	return data
}

// newWidget is a read-also line none of the fixtures holds.
const newWidget = "Baca Juga: Pasar Murah Digelar di Lima Kecamatan"

// corpusRepo is a git repository holding a committed copy of the fixture with
// findings and of the clean one, in corpus/; it returns the repository and the
// base commit.
func corpusRepo(t *testing.T, eol string) (*gittest.Repo, string) {
	t.Helper()
	r := gittest.New(t)
	r.Write("corpus/"+withFindings, strings.ReplaceAll(string(article(t, withFindings)), "\n", eol))
	r.Write("corpus/"+cleanArticle, strings.ReplaceAll(string(article(t, cleanArticle)), "\n", eol))
	return r, r.Commit("corpus as scraped")
}

// insertAfterLine inserts text as new lines after line n (1-based) of the
// file, keeping its line ends.
func insertAfterLine(t *testing.T, path string, n int, text string) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	eol := "\n"
	if strings.Contains(string(data), "\r\n") {
		eol = "\r\n"
	}
	ls := strings.SplitAfter(string(data), eol)
	out := strings.Join(ls[:n], "") + strings.ReplaceAll(text, "\n", eol) + strings.Join(ls[n:], "")
	require.NoError(t, os.WriteFile(path, []byte(out), 0o644))
}

func TestNewFromRev(t *testing.T) {
	for name, eol := range map[string]string{"LF": "\n", "CRLF": "\r\n"} {
		t.Run(name, func(t *testing.T) {
			r, base := corpusRepo(t, eol)
			t.Chdir(r.Dir)

			res := run(t, "", "--new-from-rev", base, "corpus")
			assert.Equal(t, 0, res.code, "nothing changed since the base: %s", res.stdout+res.stderr)
			assert.Empty(t, res.stdout)

			// A widget added to the clean article, after its first paragraph;
			// and an untracked copy of the article with findings.
			insertAfterLine(t, filepath.Join(r.Dir, "corpus", cleanArticle), 4, newWidget+"\n\n")
			r.Write("corpus/new/copy.txt", string(article(t, withFindings)))

			res = run(t, "", "--new-from-rev", base, "corpus")
			assert.Equal(t, 1, res.code, res.stderr)
			assert.Equal(t, []string{"corpus/" + cleanArticle + ":5:1:"}, prefixes(linesNaming(res.stdout, cleanArticle)), "only the added line of the tracked file")
			// The copy has the article's six findings and two more: it
			// duplicates the article's headline and body.
			copyRules := append(append([]string(nil), withFindingsRules...), "duplicate/same-body", "duplicate/same-headline")
			assert.ElementsMatch(t, copyRules, ruleTags(strings.Join(findingLines(res.stdout, "corpus/new/copy.txt:"), "\n")), "an untracked file is new throughout")
			assert.Empty(t, findingLines(res.stdout, "corpus/"+withFindings), "the untouched article's findings are old")

			// The same, with absolute paths, from another directory.
			t.Chdir(t.TempDir())
			abs := run(t, "", "--new-from-rev", base, filepath.Join(r.Dir, "corpus"))
			assert.Equal(t, 1, abs.code)
			assert.Len(t, lines(abs.stdout), len(lines(res.stdout)))
		})
	}
}

// findingLines returns the finding lines of text output that start with prefix.
func findingLines(stdout, prefix string) []string {
	var out []string
	for _, l := range lines(stdout) {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return out
}

// prefixes keeps the "path:line:col:" of text-format finding lines.
func prefixes(ls []string) []string {
	var out []string
	for _, l := range ls {
		parts := strings.SplitN(l, ":", 4)
		if len(parts) == 4 {
			out = append(out, strings.Join(parts[:3], ":")+":")
		}
	}
	return out
}

func TestNewFromRevEditedLine(t *testing.T) {
	r, base := corpusRepo(t, "\n")
	t.Chdir(r.Dir)
	p := filepath.Join("corpus", withFindings)
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	// Line 11 gains a second missing space; line 9's widget is untouched.
	edited := strings.Replace(string(data), "belanja.", "belanja.Harga naik.", 1)
	require.NoError(t, os.WriteFile(p, []byte(edited), 0o644))

	res := run(t, "", "--new-from-rev", base, p)
	assert.Equal(t, 1, res.code)
	got := prefixes(lines(res.stdout))
	require.NotEmpty(t, got)
	for _, g := range got {
		assert.Equal(t, "corpus/"+withFindings+":11:", g[:len(g)-len(strings.Split(g, ":")[2])-1], "every finding is on the edited line 11")
	}
	assert.Len(t, got, 2, "the old and the new missing space of line 11: the line changed")
}

func TestNewFromRevRenamedFile(t *testing.T) {
	r, base := corpusRepo(t, "\n")
	r.Git("mv", "corpus/"+withFindings, "corpus/renamed.txt")
	r.Commit("rename")
	t.Chdir(r.Dir)
	res := run(t, "", "--new-from-rev", base, "corpus")
	assert.Equal(t, 0, res.code, "a renamed article brings no new findings: %s", res.stdout)
}

func TestNewFromRevErrors(t *testing.T) {
	r, _ := corpusRepo(t, "\n")
	t.Chdir(r.Dir)

	res := run(t, "", "--new-from-rev", "no-such-rev", "corpus")
	assert.Equal(t, 2, res.code)
	assert.Contains(t, res.stderr, `corpuslint: --new-from-rev: revision "no-such-rev" is not a commit in the repository`)
	assert.Empty(t, res.stdout)

	outside := t.TempDir()
	writeFile(t, outside, "a.txt", article(t, withFindings), 0o644)
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(outside))
	res = run(t, "", "--new-from-rev", "HEAD", outside)
	assert.Equal(t, 2, res.code)
	assert.Contains(t, res.stderr, "is not in a git repository")

	res = run(t, "x", "--new-from-rev", "HEAD", "-")
	assert.Equal(t, 2, res.code)
	assert.Contains(t, res.stderr, "standard input has no git history")

	res = run(t, "", "--new-from-rev", "HEAD", "--fix", "corpus")
	assert.Equal(t, 2, res.code)
	assert.Contains(t, res.stderr, "do not go with --fix or --diff")
}

func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, dir, "corpus/"+withFindings, article(t, withFindings), 0o644)
	writeFile(t, dir, "corpus/"+cleanArticle, article(t, cleanArticle), 0o644)

	res := run(t, "", "--write-baseline", "corpuslint-baseline.json", "corpus")
	assert.Equal(t, 0, res.code, "writing a baseline accepts today's findings: %s", res.stderr)
	assert.Empty(t, res.stdout)
	assert.Contains(t, res.stderr, "corpuslint: wrote 6 findings to the baseline corpuslint-baseline.json")
	data, err := os.ReadFile("corpuslint-baseline.json")
	require.NoError(t, err)
	assert.Contains(t, string(data), `"version": 1`)
	assert.Contains(t, string(data), `"path": "corpus/harga-cabai.txt"`)

	res = run(t, "", "--baseline", "corpuslint-baseline.json", "corpus")
	assert.Equal(t, 0, res.code, "nothing new: %s", res.stdout)

	// Lines move (a paragraph added at the top of the body) and one widget is
	// new.
	p := filepath.Join("corpus", withFindings)
	insertAfterLine(t, p, 6, "Paragraf tambahan di atas.\n\n")
	insertAfterLine(t, p, 14, newWidget+"\n\n")
	res = run(t, "", "--baseline", "corpuslint-baseline.json", "corpus")
	assert.Equal(t, 1, res.code)
	require.Len(t, lines(res.stdout), 2, "one finding with its fix line: %s", res.stdout)
	assert.Contains(t, res.stdout, newWidget)

	// From inside the corpus, naming the baseline from there.
	t.Chdir(filepath.Join(dir, "corpus"))
	inner := run(t, "", "--baseline", "../corpuslint-baseline.json", ".")
	assert.Equal(t, 1, inner.code)
	assert.Len(t, lines(inner.stdout), 2)
}

func TestBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, dir, "a.txt", article(t, withFindings), 0o644)
	writeFile(t, dir, "v9.json", []byte(`{"version": 9, "tool": "corpuslint", "findings": []}`), 0o644)
	writeFile(t, dir, "junk.json", []byte("Baca Juga\n"), 0o644)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--baseline", "missing.json", "a.txt"}, "corpuslint: baseline missing.json: no such file or directory"},
		{[]string{"--baseline", "v9.json", "a.txt"}, "corpuslint: baseline v9.json: version 9 is not supported"},
		{[]string{"--baseline", "junk.json", "a.txt"}, "corpuslint: baseline junk.json: not a corpuslint baseline (JSON)"},
		{[]string{"--baseline", "v9.json", "--write-baseline", "b.json", "a.txt"}, "--baseline and --write-baseline do not go together"},
		{[]string{"--write-baseline", "no/such/dir/b.json", "a.txt"}, "corpuslint: baseline no/such/dir/b.json:"},
		{[]string{"--baseline", "v9.json", "--diff", "a.txt"}, "do not go with --fix or --diff"},
	}
	for _, tt := range tests {
		res := run(t, "", tt.args...)
		assert.Equal(t, 2, res.code, tt.args)
		assert.Contains(t, res.stderr, tt.want, tt.args)
		assert.Empty(t, res.stdout, tt.args)
	}
}

func TestBaselineWithNewFromRev(t *testing.T) {
	r, base := corpusRepo(t, "\n")
	t.Chdir(r.Dir)
	res := run(t, "", "--write-baseline", "baseline.json", "corpus")
	require.Equal(t, 0, res.code, res.stderr)
	r.Write("corpus/new.txt", string(article(t, withFindings)))
	// Findings in the new file are new since the revision, and the baseline
	// records text only for harga-cabai.txt: both filters keep them.
	res = run(t, "", "--new-from-rev", base, "--baseline", "baseline.json", "--format", "json", "corpus")
	assert.Equal(t, 1, res.code)
	var doc struct {
		Findings []struct{ Path string } `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &doc))
	// The copy's own six, and its two duplicates of the article.
	require.Len(t, doc.Findings, len(withFindingsRules)+2)
	for _, f := range doc.Findings {
		assert.Equal(t, "corpus/new.txt", f.Path)
	}
}

// A file that could not be checked has no findings in the run: a baseline
// written from it would report them all as new later, so none is written.
func TestWriteBaselineRefusesWhenFilesFailed(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, dir, "corpus/a.txt", article(t, withFindings), 0o644)
	writeFile(t, dir, "corpus/binary.txt", []byte("Judul\n\nteks\x00\x00\x01\x02 biner\n"), 0o644)
	writeFile(t, dir, "old.json", []byte("kept\n"), 0o644)

	res := run(t, "", "--write-baseline", "b.json", "corpus")
	assert.Equal(t, 2, res.code)
	assert.Empty(t, res.stdout)
	assert.Contains(t, res.stderr, "corpuslint: --write-baseline: b.json not written: 1 file could not be checked (corpus/binary.txt)")
	assert.NotContains(t, res.stderr, "wrote")
	assert.NoFileExists(t, "b.json")

	// An existing baseline is left as it was.
	res = run(t, "", "--write-baseline", "old.json", "corpus", "corpus/missing.txt")
	assert.Equal(t, 2, res.code)
	assert.Contains(t, res.stderr, "old.json not written: 2 files could not be checked (")
	data, err := os.ReadFile("old.json")
	require.NoError(t, err)
	assert.Equal(t, "kept\n", string(data))
}
