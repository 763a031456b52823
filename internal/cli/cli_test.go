package cli_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/cli"
	"github.com/corpuslint/corpuslint/rules"
)

// e2eDir holds the fixtures of these tests; samplesDir the repository's samples.
const (
	e2eDir     = "../../testdata/e2e"
	samplesDir = "../../testdata/samples"
)

// The fixtures, all in e2eDir.
const (
	// withFindings has six warnings, every one with a safe fix.
	withFindings = "harga-cabai.txt"
	// withFindingsFixed is withFindings after --fix.
	withFindingsFixed = "harga-cabai.fixed"
	// cleanArticle has no findings.
	cleanArticle = "ruang-baca.txt"
	// infoOnly has one info finding (a trailing space) and nothing else.
	infoOnly = "catatan-info.txt"
	// errorLevel has one error finding (mojibake).
	errorLevel = "mojibake.txt"
)

// withFindingsRules are the rules withFindings breaks, each once.
var withFindingsRules = []string{
	"artifact/bare-domain",
	"artifact/title-suffix",
	"duplicate/repeated-headline",
	"artifact/cut-dateline",
	"artifact/read-more",
	"punctuation/missing-space",
}

// result is what one run of the command line produced.
type result struct {
	code           int
	stdout, stderr string
}

// run calls cli.Run with args and stdin, capturing both output streams.
func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cli.Run(context.Background(), args, cli.Env{
		Stdin:  strings.NewReader(stdin),
		Stdout: &stdout,
		Stderr: &stderr,
		// Tests run in GitHub Actions too: never write to the job's own
		// summary or outputs.
		Getenv: func(string) string { return "" },
	})
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// fixture returns the bytes of a fixture of e2eDir.
func fixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(e2eDir, name))
	require.NoError(t, err)
	return data
}

// fixturePath returns the path of a fixture of e2eDir, checking it exists.
func fixturePath(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(e2eDir, name)
	_, err := os.Stat(p)
	require.NoError(t, err)
	return p
}

// writeFile writes data to dir/name with mode (set after creation, so the
// umask does not change it) and returns the path.
func writeFile(t *testing.T, dir, name string, data []byte, mode os.FileMode) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, data, mode))
	require.NoError(t, os.Chmod(p, mode))
	return p
}

// lines splits s into lines without their ends, dropping a final empty one.
func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// linesNaming returns the lines of s that contain name.
func linesNaming(s, name string) []string {
	var out []string
	for _, l := range lines(s) {
		if strings.Contains(l, name) {
			out = append(out, l)
		}
	}
	return out
}

// ruleTags returns the rule IDs of text output's finding lines, in order.
func ruleTags(stdout string) []string {
	var ids []string
	for _, l := range lines(stdout) {
		if strings.HasPrefix(l, "\t") || !strings.HasSuffix(l, "]") {
			continue
		}
		if i := strings.LastIndex(l, " ["); i >= 0 {
			ids = append(ids, l[i+2:len(l)-1])
		}
	}
	return ids
}

func TestExitCodes(t *testing.T) {
	t.Run("clean file exits 0 with no output", func(t *testing.T) {
		r := run(t, "", fixturePath(t, cleanArticle))
		assert.Equal(t, cli.ExitClean, r.code, "stderr: %s", r.stderr)
		assert.Empty(t, r.stdout)
		assert.Empty(t, r.stderr)
	})
	t.Run("the repository's clean sample exits 0", func(t *testing.T) {
		r := run(t, "", filepath.Join(samplesDir, "clean-en.txt"))
		assert.Equal(t, cli.ExitClean, r.code, "stdout: %s\nstderr: %s", r.stdout, r.stderr)
		assert.Empty(t, r.stdout)
	})
	t.Run("file with findings exits 1 and reports them", func(t *testing.T) {
		path := fixturePath(t, withFindings)
		r := run(t, "", path)
		assert.Equal(t, cli.ExitFindings, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, withFindingsRules, ruleTags(r.stdout))
		assert.True(t, strings.HasPrefix(r.stdout, path+":1:1: warning: "), "stdout: %s", r.stdout)
		assert.Contains(t, r.stderr, "6 findings (0 error, 6 warning, 0 info) in 1 file")
	})
	t.Run("the repository's broken sample exits 1", func(t *testing.T) {
		r := run(t, "", filepath.Join(samplesDir, "berita-rusak.txt"))
		assert.Equal(t, cli.ExitFindings, r.code)
		assert.NotEmpty(t, r.stdout)
	})
	t.Run("--fail-level error on warnings only exits 0 but still reports", func(t *testing.T) {
		r := run(t, "", "--fail-level", "error", fixturePath(t, withFindings))
		assert.Equal(t, cli.ExitClean, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, withFindingsRules, ruleTags(r.stdout))
	})
	t.Run("--fail-level error on an error finding exits 1", func(t *testing.T) {
		r := run(t, "", "--fail-level", "error", fixturePath(t, errorLevel))
		assert.Equal(t, cli.ExitFindings, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, []string{"encoding/mojibake"}, ruleTags(r.stdout))
		assert.Contains(t, r.stdout, ": error: ")
	})
	t.Run("info finding: default fail level exits 0, --fail-level info exits 1", func(t *testing.T) {
		path := fixturePath(t, infoOnly)
		r := run(t, "", path)
		assert.Equal(t, cli.ExitClean, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, []string{"punctuation/trailing-space"}, ruleTags(r.stdout))
		assert.Contains(t, r.stdout, ": info: ")

		r = run(t, "", "--fail-level", "info", path)
		assert.Equal(t, cli.ExitFindings, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, []string{"punctuation/trailing-space"}, ruleTags(r.stdout))

		r = run(t, "", "--fail-level=info", fixturePath(t, cleanArticle))
		assert.Equal(t, cli.ExitClean, r.code, "a clean file stays clean at --fail-level info")
	})
	t.Run("unknown --fail-level exits 2", func(t *testing.T) {
		r := run(t, "", "--fail-level", "fatal", fixturePath(t, withFindings))
		assert.Equal(t, cli.ExitError, r.code)
		assert.Contains(t, r.stderr, "--fail-level")
		assert.Empty(t, r.stdout)
	})
	t.Run("unknown flag exits 2", func(t *testing.T) {
		r := run(t, "", "--no-such-flag", fixturePath(t, withFindings))
		assert.Equal(t, cli.ExitError, r.code)
		assert.Contains(t, r.stderr, "no-such-flag")
		assert.Empty(t, r.stdout)
	})
	t.Run("unknown --format exits 2 naming it", func(t *testing.T) {
		r := run(t, "", "--format", "yaml-ish", fixturePath(t, withFindings))
		assert.Equal(t, cli.ExitError, r.code)
		assert.Contains(t, r.stderr, `"yaml-ish"`)
		assert.Contains(t, r.stderr, "--format")
		assert.Empty(t, r.stdout)
	})
	t.Run("--enable of an unknown rule exits 2 naming it", func(t *testing.T) {
		r := run(t, "", "--enable", "nosuch/rule", fixturePath(t, withFindings))
		assert.Equal(t, cli.ExitError, r.code)
		assert.Contains(t, r.stderr, `"nosuch/rule"`)
		assert.Empty(t, r.stdout)
	})
	t.Run("--disable of an unknown rule exits 2", func(t *testing.T) {
		r := run(t, "", "--disable", "artifact/nosuch", fixturePath(t, withFindings))
		assert.Equal(t, cli.ExitError, r.code)
		assert.Contains(t, r.stderr, `"artifact/nosuch"`)
	})
	t.Run("--disable of a known rule removes its finding", func(t *testing.T) {
		r := run(t, "", "--disable", "artifact/bare-domain,artifact/read-more", fixturePath(t, withFindings))
		assert.Equal(t, cli.ExitFindings, r.code)
		assert.Equal(t, []string{
			"artifact/title-suffix", "duplicate/repeated-headline", "artifact/cut-dateline", "punctuation/missing-space",
		}, ruleTags(r.stdout))
	})
	t.Run("no paths exits 2 with the usage", func(t *testing.T) {
		r := run(t, "")
		assert.Equal(t, cli.ExitError, r.code)
		assert.Contains(t, r.stderr, "usage: corpuslint")
		assert.Empty(t, r.stdout)
	})
	t.Run("--fix with --diff exits 2 and writes nothing", func(t *testing.T) {
		original := fixture(t, withFindings)
		path := writeFile(t, t.TempDir(), "a.txt", original, 0o644)
		r := run(t, "", "--fix", "--diff", path)
		assert.Equal(t, cli.ExitError, r.code)
		assert.Contains(t, r.stderr, "--fix and --diff")
		assert.Empty(t, r.stdout)
		got, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.Equal(t, original, got, "the file must not change")
	})
	t.Run("--jobs 0 exits 2", func(t *testing.T) {
		r := run(t, "", "--jobs", "0", fixturePath(t, withFindings))
		assert.Equal(t, cli.ExitError, r.code)
		assert.Contains(t, r.stderr, "--jobs")
	})
	t.Run("-h exits 0 with the usage", func(t *testing.T) {
		r := run(t, "", "-h")
		assert.Equal(t, cli.ExitClean, r.code)
		assert.Contains(t, r.stderr, "usage: corpuslint")
	})
}

// assertOneErrorLine checks that exactly one stderr line names path, that it
// has the form "corpuslint: PATH: REASON" and that the reason holds want.
func assertOneErrorLine(t *testing.T, stderr, path, want string) {
	t.Helper()
	named := linesNaming(stderr, path)
	require.Len(t, named, 1, "stderr lines naming %s:\n%s", path, stderr)
	assert.True(t, strings.HasPrefix(named[0], "corpuslint: "+path+": "), "line: %q", named[0])
	assert.Contains(t, named[0], want)
}

func TestInputErrors(t *testing.T) {
	// each case makes the bad input in dir and returns the path to pass and
	// the path the error line must name.
	cases := []struct {
		name   string
		make   func(t *testing.T, dir string) (arg, named string)
		reason string
	}{
		{
			name: "path that does not exist",
			make: func(t *testing.T, dir string) (string, string) {
				p := filepath.Join(dir, "missing.txt")
				return p, p
			},
			reason: "no such file or directory",
		},
		{
			name: "binary file holding NUL bytes",
			make: func(t *testing.T, dir string) (string, string) {
				p := writeFile(t, dir, "binary.txt", []byte("Judul\n\nteks\x00\x00\x01\x02 biner\n"), 0o644)
				return p, p
			},
			reason: "binary file",
		},
		{
			name: "file without read permission",
			make: func(t *testing.T, dir string) (string, string) {
				p := writeFile(t, dir, "locked.txt", fixture(t, cleanArticle), 0o000)
				if f, err := os.Open(p); err == nil {
					f.Close()
					t.Skip("chmod 000 does not stop this user (root) from reading; the dangling symlink case covers unreadable input")
				}
				return p, p
			},
			reason: "permission denied",
		},
		{
			name: "dangling symlink x.txt inside a walked directory",
			make: func(t *testing.T, dir string) (string, string) {
				walked := filepath.Join(dir, "walked")
				require.NoError(t, os.MkdirAll(walked, 0o755))
				link := filepath.Join(walked, "x.txt")
				require.NoError(t, os.Symlink(filepath.Join(dir, "gone.txt"), link))
				// A readable file beside it must still be checked.
				writeFile(t, walked, "y.txt", fixture(t, withFindings), 0o644)
				return walked, link
			},
			reason: "no such file or directory",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			arg, named := c.make(t, dir)
			good := writeFile(t, dir, "good.txt", fixture(t, withFindings), 0o644)

			r := run(t, "", arg, good)
			assert.Equal(t, cli.ExitError, r.code, "stdout: %s\nstderr: %s", r.stdout, r.stderr)
			assertOneErrorLine(t, r.stderr, named, c.reason)
			// The other file is still checked and reported.
			assert.Contains(t, r.stdout, good+":1:1: warning: ")
			assert.Subset(t, ruleTags(r.stdout), withFindingsRules)
			assert.NotContains(t, r.stdout, named+":", "no findings for the bad input")

			// The same in JSON: the error is listed and findings still there.
			r = run(t, "", "--format", "json", arg, good)
			assert.Equal(t, cli.ExitError, r.code)
			assertOneErrorLine(t, r.stderr, named, c.reason)
			var doc struct {
				Findings []struct{ Rule, Path string }
				Errors   []struct{ Path, Message string }
			}
			require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc), r.stdout)
			require.Len(t, doc.Errors, 1)
			assert.Equal(t, named, doc.Errors[0].Path)
			assert.Contains(t, doc.Errors[0].Message, c.reason)
			assert.NotEmpty(t, doc.Findings)
			for _, f := range doc.Findings {
				assert.NotEqual(t, named, f.Path)
			}
		})
	}

	t.Run("clean file with a bad input still exits 2", func(t *testing.T) {
		dir := t.TempDir()
		clean := writeFile(t, dir, "clean.txt", fixture(t, cleanArticle), 0o644)
		missing := filepath.Join(dir, "nope.txt")
		r := run(t, "", missing, clean)
		assert.Equal(t, cli.ExitError, r.code)
		assertOneErrorLine(t, r.stderr, missing, "no such file or directory")
		assert.Empty(t, r.stdout)
	})

	t.Run("empty file gets a note and does not make the exit code 2", func(t *testing.T) {
		dir := t.TempDir()
		empty := writeFile(t, dir, "empty.txt", nil, 0o644)
		clean := writeFile(t, dir, "clean.txt", fixture(t, cleanArticle), 0o644)

		r := run(t, "", empty, clean)
		assert.Equal(t, cli.ExitClean, r.code, "stderr: %s", r.stderr)
		assertOneErrorLine(t, r.stderr, empty, "empty file")
		assert.Empty(t, r.stdout)

		r = run(t, "", empty)
		assert.Equal(t, cli.ExitClean, r.code, "an empty file alone is not an error")
		assertOneErrorLine(t, r.stderr, empty, "empty file")

		findings := writeFile(t, dir, "findings.txt", fixture(t, withFindings), 0o644)
		r = run(t, "", empty, findings)
		assert.Equal(t, cli.ExitFindings, r.code, "findings still decide the exit code")
		assertOneErrorLine(t, r.stderr, empty, "empty file")
	})
}

func TestStdin(t *testing.T) {
	t.Run("- reads standard input and reports path -", func(t *testing.T) {
		r := run(t, string(fixture(t, withFindings)), "-")
		assert.Equal(t, cli.ExitFindings, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, withFindingsRules, ruleTags(r.stdout))
		for _, l := range lines(r.stdout) {
			if !strings.HasPrefix(l, "\t") {
				assert.True(t, strings.HasPrefix(l, "-:"), "finding line %q", l)
			}
		}

		r = run(t, string(fixture(t, withFindings)), "--format", "json", "-")
		var doc struct{ Findings []struct{ Path string } }
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc))
		require.Len(t, doc.Findings, len(withFindingsRules))
		for _, f := range doc.Findings {
			assert.Equal(t, "-", f.Path)
		}
	})
	t.Run("clean standard input exits 0", func(t *testing.T) {
		r := run(t, string(fixture(t, cleanArticle)), "-")
		assert.Equal(t, cli.ExitClean, r.code)
		assert.Empty(t, r.stdout)
	})
	t.Run("--fix - prints the fixed text to stdout", func(t *testing.T) {
		r := run(t, string(fixture(t, withFindings)), "--fix", "-")
		assert.Equal(t, cli.ExitClean, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, string(fixture(t, withFindingsFixed)), r.stdout)
		assert.Contains(t, r.stderr, "6 fixes applied, 0 skipped")
	})
	t.Run("--fix - prints text with nothing to fix unchanged", func(t *testing.T) {
		// A filter must not swallow its input: "corpuslint --fix - <a >b"
		// must leave b equal to a when a is clean.
		clean := string(fixture(t, cleanArticle))
		r := run(t, clean, "--fix", "-")
		assert.Equal(t, cli.ExitClean, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, clean, r.stdout)
		assert.NotContains(t, r.stderr, "applied")

		// A finding without a fix: the text comes back as it was, and the
		// finding still sets the exit code (it is not printed: stdout holds the text).
		vague := "Jalan Desa Rusak Belum Diperbaiki\n\nPara pengamat menilai perbaikan jalan di Desa Sukamaju sudah lama tertunda.\n"
		r = run(t, vague, "--fix", "-")
		assert.Equal(t, cli.ExitFindings, r.code, "stderr: %s", r.stderr)
		assert.Equal(t, vague, r.stdout)
	})
	t.Run("--fix - whose fixes delete everything prints nothing", func(t *testing.T) {
		r := run(t, "kabarkota.id\n", "--fix", "-")
		assert.Equal(t, cli.ExitClean, r.code, "stderr: %s", r.stderr)
		assert.Empty(t, r.stdout)
		assert.Contains(t, r.stderr, "1 fix applied")
	})
}

// rdjsonLine is the part of an rdjsonl line these tests read.
type rdjsonLine struct {
	Message  string `json:"message"`
	Location struct {
		Path  string `json:"path"`
		Range struct {
			Start struct{ Line, Column int } `json:"start"`
			End   struct{ Line, Column int } `json:"end"`
		} `json:"range"`
	} `json:"location"`
	Severity string `json:"severity"`
	Code     struct {
		Value string `json:"value"`
	} `json:"code"`
}

func TestFormats(t *testing.T) {
	path := fixturePath(t, withFindings)
	known := map[string]bool{}
	for _, r := range rules.All() {
		known[r.ID] = true
	}

	t.Run("json", func(t *testing.T) {
		r := run(t, "", "--format", "json", path)
		assert.Equal(t, cli.ExitFindings, r.code)
		var doc struct {
			Version  string
			Files    int
			Findings []struct {
				Rule, Path, Severity, Message string
				Range                         struct {
					Start struct{ Line, Column int }
				}
			}
			Errors []json.RawMessage
		}
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc), r.stdout)
		assert.Equal(t, 1, doc.Files)
		assert.Empty(t, doc.Errors)
		var ids []string
		for _, f := range doc.Findings {
			ids = append(ids, f.Rule)
			assert.Equal(t, path, f.Path)
			assert.Equal(t, "warning", f.Severity)
			assert.NotEmpty(t, f.Message)
		}
		assert.Equal(t, withFindingsRules, ids)
		last := doc.Findings[len(doc.Findings)-1]
		assert.Equal(t, 11, last.Range.Start.Line)
		assert.Equal(t, 109, last.Range.Start.Column)
		assert.NotContains(t, r.stderr, "findings (", "no text summary with --format json")
	})
	t.Run("json of a clean file has an empty findings list", func(t *testing.T) {
		r := run(t, "", "--format", "json", fixturePath(t, cleanArticle))
		assert.Equal(t, cli.ExitClean, r.code)
		var doc map[string]any
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc))
		assert.Equal(t, []any{}, doc["findings"])
	})
	t.Run("rdjsonl", func(t *testing.T) {
		r := run(t, "", "--format", "rdjsonl", path)
		assert.Equal(t, cli.ExitFindings, r.code)
		var got []rdjsonLine
		sc := bufio.NewScanner(strings.NewReader(r.stdout))
		for sc.Scan() {
			var l rdjsonLine
			require.NoError(t, json.Unmarshal(sc.Bytes(), &l), "line %q", sc.Text())
			got = append(got, l)
		}
		require.NoError(t, sc.Err())
		require.Len(t, got, len(withFindingsRules), r.stdout)
		for i, l := range got {
			assert.True(t, known[l.Code.Value], "code.value %q is not a rule ID", l.Code.Value)
			assert.Equal(t, withFindingsRules[i], l.Code.Value)
			assert.Equal(t, path, l.Location.Path)
			assert.GreaterOrEqual(t, l.Location.Range.Start.Line, 1)
			assert.GreaterOrEqual(t, l.Location.Range.Start.Column, 1, "columns are 1-based")
		}
		// The domain on the first line starts at line 1, column 1; the
		// missing space is after "hujan." at column 109 of line 11.
		assert.Equal(t, 1, got[0].Location.Range.Start.Line)
		assert.Equal(t, 1, got[0].Location.Range.Start.Column)
		assert.Equal(t, 13, got[0].Location.Range.End.Column, "end column of “kabarkota.id”")
		assert.Equal(t, 11, got[5].Location.Range.Start.Line)
		assert.Equal(t, 109, got[5].Location.Range.Start.Column)
	})
	t.Run("sarif", func(t *testing.T) {
		r := run(t, "", "--format", "sarif", path)
		assert.Equal(t, cli.ExitFindings, r.code)
		var doc struct {
			Version string
			Runs    []struct {
				Results []struct {
					RuleID string `json:"ruleId"`
				}
			}
		}
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc), r.stdout)
		assert.Equal(t, "2.1.0", doc.Version)
		require.Len(t, doc.Runs, 1)
		var ids []string
		for _, res := range doc.Runs[0].Results {
			ids = append(ids, res.RuleID)
		}
		assert.Equal(t, withFindingsRules, ids)
	})
	t.Run("github", func(t *testing.T) {
		r := run(t, "", "--format", "github", path)
		assert.Equal(t, cli.ExitFindings, r.code)
		assert.Contains(t, r.stdout, "::warning ")
	})
}

func TestRuleDocs(t *testing.T) {
	t.Run("--list-rules lists every rule", func(t *testing.T) {
		r := run(t, "", "--list-rules")
		assert.Equal(t, cli.ExitClean, r.code)
		assert.Empty(t, r.stderr)
		table, langs, ok := strings.Cut(r.stdout, "\n\n")
		require.True(t, ok, "a blank line between the rules and the languages")
		first := map[string]bool{}
		for _, l := range lines(table)[1:] {
			first[strings.Fields(l)[0]] = true
		}
		all := rules.All()
		require.NotEmpty(t, all)
		for _, rl := range all {
			assert.True(t, first[rl.ID], "rule %s not listed", rl.ID)
		}
		assert.Len(t, lines(table), len(all)+1, "a header and one line a rule")
		assert.Equal(t, "languages: en, id\n", langs)
	})
	t.Run("--explain artifact/read-more prints its doc", func(t *testing.T) {
		var rl = rules.All()[0]
		for _, x := range rules.All() {
			if x.ID == "artifact/read-more" {
				rl = x
			}
		}
		require.Equal(t, "artifact/read-more", rl.ID)
		r := run(t, "", "--explain", "artifact/read-more")
		assert.Equal(t, cli.ExitClean, r.code)
		assert.True(t, strings.HasPrefix(r.stdout, "artifact/read-more: "+rl.Title+"\n"), r.stdout)
		assert.Contains(t, r.stdout, rl.Doc.What)
		assert.Contains(t, r.stdout, rl.Doc.Why)
		assert.Contains(t, r.stdout, "Bad:\n")
		assert.Contains(t, r.stdout, "Good:\n")
	})
	t.Run("--explain of an unknown rule exits 2", func(t *testing.T) {
		r := run(t, "", "--explain", "nosuch")
		assert.Equal(t, cli.ExitError, r.code)
		assert.Contains(t, r.stderr, `"nosuch"`)
		assert.Empty(t, r.stdout)
	})
	t.Run("--version", func(t *testing.T) {
		r := run(t, "", "--version")
		assert.Equal(t, cli.ExitClean, r.code)
		assert.True(t, strings.HasPrefix(r.stdout, "corpuslint "), r.stdout)
		assert.Equal(t, "corpuslint "+cli.Version+"\n", r.stdout)
	})
}

// corpusDir builds a directory of articles, some copies of others so the
// corpus rules report too, and returns it.
func corpusDir(t *testing.T) string {
	dir := t.TempDir()
	findings := fixture(t, withFindings)
	clean := fixture(t, cleanArticle)
	for i, name := range []string{"a.txt", "b/c.txt", "b/d.txt", "e/f/g.txt", "h.txt", "i.txt", "j.txt", "z.txt"} {
		data := findings
		switch i % 3 {
		case 1:
			data = clean
		case 2:
			data = fixture(t, infoOnly)
		}
		writeFile(t, dir, name, data, 0o644)
	}
	writeFile(t, dir, "k/mojibake.txt", fixture(t, errorLevel), 0o644)
	writeFile(t, dir, "not-an-article.md", findings, 0o644)
	return dir
}

func TestDeterministicOutput(t *testing.T) {
	dir := corpusDir(t)
	for _, format := range []string{"text", "json", "rdjsonl", "sarif"} {
		t.Run(format, func(t *testing.T) {
			base := run(t, "", "--format", format, "--jobs", "1", dir)
			require.Equal(t, cli.ExitFindings, base.code, base.stderr)
			require.NotEmpty(t, base.stdout)
			assert.Contains(t, base.stdout, "duplicate/same-body", "corpus rules took part")
			assert.NotContains(t, base.stdout, "not-an-article.md", "only *.txt is walked")
			for i := 0; i < 5; i++ {
				r := run(t, "", "--format", format, "--jobs", "4", dir)
				require.Equal(t, base.stdout, r.stdout, "--jobs 4 run %d differs from --jobs 1", i)
				require.Equal(t, base.stderr, r.stderr)
				require.Equal(t, base.code, r.code)
			}
		})
	}
}

func TestFlagsAfterPaths(t *testing.T) {
	dir := corpusDir(t)
	t.Run("dir --format json", func(t *testing.T) {
		r := run(t, "", dir, "--format", "json")
		assert.Equal(t, cli.ExitFindings, r.code, r.stderr)
		var doc struct {
			Files    int
			Findings []struct{ Path string }
		}
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc), r.stdout)
		assert.Equal(t, 9, doc.Files)
		assert.NotEmpty(t, doc.Findings)
	})
	t.Run("flags before, between and after paths", func(t *testing.T) {
		a := fixturePath(t, withFindings)
		b := fixturePath(t, errorLevel)
		r := run(t, "", "--format", "text", a, "--fail-level", "error", b, "--disable=encoding")
		assert.Equal(t, cli.ExitClean, r.code, "mojibake disabled, warnings below the fail level: %s", r.stdout)
		assert.Equal(t, withFindingsRules, ruleTags(r.stdout))
	})
	t.Run("-- ends the flags", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "--format", fixture(t, withFindings), 0o644)
		t.Chdir(dir)
		r := run(t, "", "--fail-level", "info", "--", "--format")
		assert.Equal(t, cli.ExitFindings, r.code, r.stderr)
		assert.True(t, strings.HasPrefix(r.stdout, "--format:1:1: "), r.stdout)
	})
	t.Run("after --, a path that looks like a flag is a path", func(t *testing.T) {
		dir := t.TempDir()
		article := fixture(t, withFindings)
		writeFile(t, dir, "a.txt", article, 0o644)
		writeFile(t, dir, "--fix", article, 0o644)
		t.Chdir(dir)
		r := run(t, "", "--", "a.txt", "--fix")
		assert.Equal(t, cli.ExitFindings, r.code, r.stderr)
		assert.Equal(t, article, mustRead(t, filepath.Join(dir, "a.txt")), "--fix after -- fixed nothing")
		assert.Contains(t, r.stdout, "--fix:1:1: ")
	})
}

// With --fix on standard input, stdout is the fixed text alone, whatever the
// format: the remaining findings go to standard error.
func TestFixStdinKeepsStdoutPure(t *testing.T) {
	in := string(fixture(t, "harga-cabai.txt"))
	want := string(fixture(t, "harga-cabai.fixed"))
	for _, format := range []string{"text", "json", "rdjsonl"} {
		r := run(t, in, "--fix", "--format", format, "-")
		assert.Equal(t, want, r.stdout, "format %s", format)
	}
	r := run(t, in, "--fix", "--format", "json", "-")
	assert.Contains(t, r.stderr, `"findings"`, "the remaining findings are reported on standard error")
}

func TestDiffSummarySaysNothingWasWritten(t *testing.T) {
	r := run(t, "", "--diff", filepath.Join(e2eDir, "harga-cabai.txt"))
	assert.Contains(t, r.stderr, "would be applied")
	assert.NotContains(t, r.stderr, "fixes applied")
}

func TestNoPathsSaysSo(t *testing.T) {
	r := run(t, "")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "no paths given")
}

// An article in neither pack's language gets no rule that reads a language
// pack ("2 ст. л. оливкового" is no split sentence), but the others still run.
func TestArticleInNoKnownLanguage(t *testing.T) {
	r := run(t, "", "--format", "json", filepath.Join(e2eDir, "resep-ru.txt"))
	var out struct {
		Findings []struct{ Rule string } `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &out), r.stderr)
	var rules []string
	for _, f := range out.Findings {
		rules = append(rules, f.Rule)
	}
	assert.Equal(t, []string{"punctuation/irregular-space"}, rules)
	// Forcing a language runs the language rules again.
	r = run(t, "", "--lang", "en", filepath.Join(e2eDir, "resep-ru.txt"))
	assert.Contains(t, r.stdout, "punctuation/period-before-lowercase")
}

// --cpuprofile writes a CPU profile of the run (gzipped protocol buffers,
// as go tool pprof reads them) and changes nothing else; a profile that
// cannot be written is a usage error naming the file.
func TestCPUProfile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cpu.pprof")
	plain := run(t, "", fixturePath(t, withFindings))
	profiled := run(t, "", "--cpuprofile", path, fixturePath(t, withFindings))
	assert.Equal(t, plain, profiled)
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	z, err := gzip.NewReader(f)
	require.NoError(t, err, "a profile is gzipped")
	data, err := io.ReadAll(z)
	require.NoError(t, err)
	assert.Contains(t, string(data), "nanoseconds", "a CPU profile's sample unit")

	missing := filepath.Join(t.TempDir(), "no", "such", "folder", "cpu.pprof")
	r := run(t, "", "--cpuprofile", missing, fixturePath(t, withFindings))
	assert.Equal(t, cli.ExitError, r.code)
	assert.Contains(t, r.stderr, "--cpuprofile: ")
	assert.Contains(t, r.stderr, missing)
	assert.Empty(t, r.stdout)
}
