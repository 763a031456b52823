package cli_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/cli"
)

const bom = "\uFEFF"

// untouchedLines are the 1-based lines of withFindings that no finding or
// fix covers (checked by TestUntouchedLinesAreUncovered); --fix must keep
// them byte for byte, with their line ends.
var untouchedLines = []int{13, 15}

// toCRLF turns every LF line end of s into CRLF.
func toCRLF(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// lineOf returns line n (1-based) of s with its line end.
func lineOf(t *testing.T, s string, n int) string {
	t.Helper()
	all := strings.SplitAfter(s, "\n")
	require.Less(t, n-1, len(all))
	return all[n-1]
}

// variant is a form of withFindings on disk and what --fix must make of it.
type variant struct {
	name        string
	content     string
	fixed       string
	lineEnd     string
	mode        os.FileMode
	bomExpected bool
}

func variants(t *testing.T) []variant {
	orig := string(fixture(t, withFindings))
	golden := string(fixture(t, withFindingsFixed))
	return []variant{
		{name: "LF", content: orig, fixed: golden, lineEnd: "\n", mode: 0o640},
		{name: "CRLF", content: toCRLF(orig), fixed: toCRLF(golden), lineEnd: "\r\n", mode: 0o640},
		{name: "BOM", content: bom + orig, fixed: bom + golden, lineEnd: "\n", mode: 0o600, bomExpected: true},
		{name: "BOM and CRLF", content: bom + toCRLF(orig), fixed: bom + toCRLF(golden), lineEnd: "\r\n", mode: 0o644, bomExpected: true},
	}
}

func TestGoldenIsWhatTheFixesSay(t *testing.T) {
	// The golden was written by hand; check it against the fixture line by
	// line, so that a wrong golden cannot pass unnoticed.
	orig := lines(string(fixture(t, withFindings)))
	golden := lines(string(fixture(t, withFindingsFixed)))
	require.Len(t, orig, 15)
	want := []string{
		// 1-2: the domain line and its blank line go.
		// 3: the headline loses " - Kabar Kota"; 4-5: the repeated headline goes.
		strings.TrimSuffix(orig[2], " - Kabar Kota"),
		orig[5],
		// 7: the stray dash goes.
		strings.TrimPrefix(orig[6], "- "),
		// 8-9: the read-more line goes with a blank line.
		orig[7],
		// 11: a space after "hujan.".
		strings.Replace(orig[10], "hujan.Pembeli", "hujan. Pembeli", 1),
		orig[11], orig[12], orig[13], orig[14],
	}
	assert.Equal(t, want, golden)
}

func TestUntouchedLinesAreUncovered(t *testing.T) {
	r := run(t, "", "--format", "json", fixturePath(t, withFindings))
	var doc struct {
		Findings []struct {
			Rule  string
			Range struct{ Start, End struct{ Line, Column int } }
			Fixes []struct {
				Edits []struct {
					Range struct{ Start, End struct{ Line, Column int } }
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc))
	require.NotEmpty(t, doc.Findings)
	covered := map[int]bool{}
	mark := func(start, end struct{ Line, Column int }) {
		last := end.Line
		if end.Column == 1 && end.Line > start.Line {
			last-- // ends at the start of the next line
		}
		for l := start.Line; l <= last; l++ {
			covered[l] = true
		}
	}
	for _, f := range doc.Findings {
		mark(f.Range.Start, f.Range.End)
		for _, fx := range f.Fixes {
			for _, e := range fx.Edits {
				mark(e.Range.Start, e.Range.End)
			}
		}
	}
	for _, l := range untouchedLines {
		assert.False(t, covered[l], "line %d is covered by a finding", l)
	}
}

func TestFix(t *testing.T) {
	for _, v := range variants(t) {
		t.Run(v.name, func(t *testing.T) {
			dir := t.TempDir()
			path := writeFile(t, dir, "berita.txt", []byte(v.content), v.mode)
			other := writeFile(t, dir, "lain.txt", fixture(t, cleanArticle), 0o644)

			r := run(t, "", "--fix", path, other)
			assert.Equal(t, cli.ExitClean, r.code, "every finding is fixed; stdout: %s\nstderr: %s", r.stdout, r.stderr)
			assert.Empty(t, r.stdout, "no findings left to report")
			assert.Contains(t, r.stderr, "corpuslint: 6 fixes applied, 0 skipped")

			gotBytes, err := os.ReadFile(path)
			require.NoError(t, err)
			got := string(gotBytes)
			assert.Equal(t, v.fixed, got, "fixed text differs from the golden")

			info, err := os.Stat(path)
			require.NoError(t, err)
			assert.Equal(t, v.mode, info.Mode().Perm(), "file mode kept")
			assert.True(t, info.Mode().IsRegular())

			assert.Equal(t, v.bomExpected, strings.HasPrefix(got, bom), "byte-order mark kept (and not added)")
			assert.Equal(t, boolInt(v.bomExpected), strings.Count(got, bom), "no BOM doubled or added")

			// Line ends: every one of the result is the file's.
			if v.lineEnd == "\r\n" {
				assert.Equal(t, strings.Count(got, "\n"), strings.Count(got, "\r\n"), "a line end is not CRLF")
			} else {
				assert.NotContains(t, got, "\r")
			}
			assert.Equal(t, strings.Count(v.fixed, "\n"), strings.Count(got, "\n"), "number of lines")

			// Lines no finding covers are unchanged byte for byte, in order.
			content := strings.TrimPrefix(v.content, bom)
			result := strings.TrimPrefix(got, bom)
			at := 0
			for _, n := range untouchedLines {
				want := lineOf(t, content, n)
				require.True(t, strings.HasSuffix(want, v.lineEnd))
				i := strings.Index(result[at:], want)
				require.GreaterOrEqual(t, i, 0, "untouched line %d %q missing from the result", n, want)
				at += i + len(want)
			}

			// The other file had nothing to fix and is not rewritten.
			otherGot, err := os.ReadFile(other)
			require.NoError(t, err)
			assert.Equal(t, fixture(t, cleanArticle), otherGot)

			// A second run changes nothing and applies nothing.
			before := gotBytes
			r = run(t, "", "--fix", path, other)
			assert.Equal(t, cli.ExitClean, r.code, "stderr: %s", r.stderr)
			assert.Empty(t, r.stdout)
			assert.NotContains(t, r.stderr, "applied")
			assert.Empty(t, r.stderr)
			after, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, before, after, "a second --fix changed the file")
			info, err = os.Stat(path)
			require.NoError(t, err)
			assert.Equal(t, v.mode, info.Mode().Perm())

			// No temporary files left behind.
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			assert.ElementsMatch(t, []string{"berita.txt", "lain.txt"}, names)
		})
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestFixKeepsUnfixableFindings(t *testing.T) {
	// The repository's sample has a vague-source finding with no fix: after
	// --fix it is still reported and still fails the run.
	data, err := os.ReadFile(filepath.Join(samplesDir, "berita-rusak.txt"))
	require.NoError(t, err)
	path := writeFile(t, t.TempDir(), "berita-rusak.txt", data, 0o644)
	r := run(t, "", "--fix", path)
	assert.Equal(t, cli.ExitFindings, r.code)
	assert.Equal(t, []string{"attribution/vague-source"}, ruleTags(r.stdout))
	assert.Contains(t, r.stderr, "fixes applied")
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.NotEqual(t, data, got)
	assert.NotContains(t, string(got), "Baca Juga")
	assert.NotContains(t, string(got), "portalkabar.com")
}

// gitApply applies patch to a git repository holding name with content and
// returns the file's text afterwards.
func gitApply(t *testing.T, git, name, content, patch string) string {
	t.Helper()
	repo := t.TempDir()
	home := t.TempDir()
	env := append(os.Environ(),
		"HOME="+home, "XDG_CONFIG_HOME="+home, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+filepath.Join(home, "gitconfig"),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
	)
	gitRun := func(args ...string) {
		t.Helper()
		cmd := exec.Command(git, append([]string{"-c", "core.autocrlf=false", "-c", "core.safecrlf=false"}, args...)...)
		cmd.Dir = repo
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "git %s: %s", strings.Join(args, " "), out)
	}
	gitRun("init", "-q")
	writeFile(t, repo, name, []byte(content), 0o644)
	gitRun("add", "--", name)
	gitRun("commit", "-q", "-m", "original")
	patchPath := filepath.Join(home, "fix.patch")
	require.NoError(t, os.WriteFile(patchPath, []byte(patch), 0o644))
	gitRun("apply", "--check", patchPath)
	gitRun("apply", patchPath)
	got, err := os.ReadFile(filepath.Join(repo, name))
	require.NoError(t, err)
	return string(got)
}

func TestDiff(t *testing.T) {
	const name = "news/harga-cabai.txt"
	for _, v := range variants(t) {
		t.Run(v.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir) // paths in the diff headers are relative, as a user types them
			writeFile(t, dir, name, []byte(v.content), v.mode)

			r := run(t, "", "--diff", name)
			assert.Equal(t, cli.ExitFindings, r.code, "the findings are still there; stderr: %s", r.stderr)
			patch := r.stdout

			// Not written.
			got, err := os.ReadFile(name)
			require.NoError(t, err)
			assert.Equal(t, v.content, string(got), "--diff must not write the file")

			assert.Contains(t, patch, "--- a/"+name+"\n+++ b/"+name+"\n")
			assert.Equal(t, 1, strings.Count(patch, "--- a/"), "one file header")
			assert.Contains(t, patch, "\n@@ -1,")
			for _, id := range withFindingsRules {
				assert.Contains(t, patch, "# "+id+":", "note for %s", id)
			}
			assert.Contains(t, patch, "\n-"+lineOf(t, v.content, 1), "the domain line, with any BOM, removed")
			assert.Contains(t, patch, "+Siti Aminah, pedagang sayur di blok B, mengatakan pasokan dari Brebes berkurang karena panen terganggu hujan. Pembeli")
			// Untouched lines at most appear as context.
			for _, n := range untouchedLines {
				l := strings.TrimSuffix(lineOf(t, strings.TrimPrefix(v.content, bom), n), v.lineEnd)
				assert.NotContains(t, patch, "\n-"+l)
				assert.NotContains(t, patch, "\n+"+l)
			}

			// What --fix writes, on a copy.
			fixDir := t.TempDir()
			fixPath := writeFile(t, fixDir, "copy.txt", []byte(v.content), v.mode)
			fr := run(t, "", "--fix", fixPath)
			require.Equal(t, cli.ExitClean, fr.code, fr.stderr)
			fixed, err := os.ReadFile(fixPath)
			require.NoError(t, err)
			require.Equal(t, v.fixed, string(fixed))

			git, err := exec.LookPath("git")
			if err != nil {
				t.Skip("git not on PATH: cannot apply the diff")
			}
			applied := gitApply(t, git, name, v.content, patch)
			assert.Equal(t, string(fixed), applied, "git apply of --diff differs from what --fix writes")
		})
	}

	t.Run("clean file gives an empty diff", func(t *testing.T) {
		path := writeFile(t, t.TempDir(), "clean.txt", fixture(t, cleanArticle), 0o644)
		r := run(t, "", "--diff", path)
		assert.Equal(t, cli.ExitClean, r.code)
		assert.Empty(t, r.stdout)
		assert.Empty(t, r.stderr)
	})
	t.Run("standard input", func(t *testing.T) {
		r := run(t, string(fixture(t, withFindings)), "--diff", "-")
		assert.Equal(t, cli.ExitFindings, r.code)
		assert.Contains(t, r.stdout, "--- a/-\n+++ b/-\n")
		assert.Contains(t, r.stdout, "# artifact/read-more:")
	})
}

// Mojibake runs hold bytes that other rules would also claim (a C1 control, a
// no-break space, a soft hyphen inside the run). With every rule on, one --fix
// run must repair them with no skipped fix, and a second run change nothing.
func TestFixMojibakeSettlesInOneRun(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mojibake-campur.txt")
	require.NoError(t, os.WriteFile(path, fixture(t, "mojibake-campur.txt"), 0o644))
	r := run(t, "", "--fix", path)
	assert.NotContains(t, r.stderr, "not applied")
	once, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(once), "PT MÀM Energindo")
	assert.Contains(t, string(once), "(改革开放)")
	assert.Contains(t, string(once), "35°C")
	assert.NotContains(t, string(once), "\u2060")
	r = run(t, "", "--fix", path)
	assert.NotContains(t, r.stderr, "applied")
	twice, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(once), string(twice))
}

// --diff on an absolute path under the working directory names the file
// relative to it, so git apply run there applies the patch.
func TestDiffAbsolutePathIsRelativeToWorkingDirectory(t *testing.T) {
	data := fixture(t, "harga-cabai.txt")
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "corpus"), 0o755))
	path := filepath.Join(dir, "corpus", "harga-cabai.txt")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	r := run(t, "", "--diff", path)
	assert.Contains(t, r.stdout, "--- a/corpus/harga-cabai.txt\n+++ b/corpus/harga-cabai.txt\n")
	assert.NotContains(t, r.stdout, "a//")
}

// A fix can reveal a finding for another rule: removing the space in "ke ."
// leaves "ke." before a capital, a period after a word that cannot end a
// sentence. --fix re-checks the text until it settles, so one run is enough.
func TestFixChainSettlesInOneRun(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rantai.txt")
	text := "Pasokan Senjata Dikirim\n\nPasokan senjata itu dikirim ke . Moskow pada Senin malam.\n"
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	r := run(t, "", "--fix", path)
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "Pasokan Senjata Dikirim\n\nPasokan senjata itu dikirim ke Moskow pada Senin malam.\n", string(got), r.stderr)
	assert.Contains(t, r.stderr, "2 fixes applied")
}

// What --fix reports afterwards is about the fixed file: its lines, not the
// original's.
func TestFindingsAfterFixPointIntoFixedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "berita.txt")
	sample, err := os.ReadFile(filepath.Join(samplesDir, "berita-rusak.txt"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, sample, 0o644))
	r := run(t, "", "--fix", "--format", "json", path)
	var out struct {
		Findings []struct {
			Rule  string
			Range struct{ Start struct{ Line int } }
			Span  struct{ Start, End int }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out), r.stderr)
	require.NotEmpty(t, out.Findings, "the fixture keeps findings that have no fix")
	fixed, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.NotEqual(t, string(sample), string(fixed), "the sample has fixes to apply")
	lines := strings.Split(string(fixed), "\n")
	for _, f := range out.Findings {
		require.LessOrEqual(t, f.Span.End, len(fixed), "%s points past the end of the fixed file", f.Rule)
		line := f.Range.Start.Line
		require.GreaterOrEqual(t, line, 1)
		require.LessOrEqual(t, line, len(lines))
		start := strings.Count(string(fixed[:f.Span.Start]), "\n") + 1
		assert.Equal(t, start, line, "%s: the line must be the fixed file's", f.Rule)
	}
}
