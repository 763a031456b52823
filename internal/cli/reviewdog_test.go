package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/cli"
	"github.com/corpuslint/corpuslint/internal/gittest"
)

// These tests feed our rdjsonl to the real reviewdog (v0.21.0, installed by
// .ci/run with go install). Without it they skip, unless
// CORPUSLINT_REQUIRE_CLIENTS=1 makes them fail.

// reviewdog runs the reviewdog binary in dir with rdjsonl on its standard
// input and returns its standard output.
func reviewdog(t *testing.T, bin, dir, rdjsonl string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"-f=rdjsonl"}, args...)...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(rdjsonl)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "reviewdog %v: %s", args, stderr.String())
	return stdout.String()
}

// diagnostics decodes rdjsonl into one map per line.
func diagnostics(t *testing.T, rdjsonl string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, l := range lines(rdjsonl) {
		var d map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &d), l)
		out = append(out, d)
	}
	return out
}

// dropEmptyText removes "text": "" from suggestions: protobuf's JSON leaves
// empty strings out, so a deletion comes back from reviewdog without it.
func dropEmptyText(ds []map[string]any) {
	for _, d := range ds {
		ss, _ := d["suggestions"].([]any)
		for _, s := range ss {
			if m := s.(map[string]any); m["text"] == "" {
				delete(m, "text")
			}
		}
	}
}

// rdCorpus is a git repository whose corpus/ holds the samples and the
// end-to-end fixtures, committed, and the rdjsonl of linting it.
func rdCorpus(t *testing.T) (*gittest.Repo, string) {
	t.Helper()
	r := gittest.New(t)
	for _, name := range []string{withFindings, cleanArticle, infoOnly, errorLevel, "mojibake-campur.txt"} {
		r.Write("corpus/"+name, string(article(t, name)))
	}
	samples, err := filepath.Glob(filepath.Join(e2eAbs, "..", "samples", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, samples)
	for _, p := range samples {
		r.Write("corpus/samples/"+filepath.Base(p), string(mustRead(t, p)))
	}
	r.Commit("corpus")
	t.Chdir(r.Dir)
	res := run(t, "", "--format", "rdjsonl", "--fail-level", "error", "corpus")
	require.Contains(t, []int{0, 1}, res.code, res.stderr)
	return r, res.stdout
}

func TestReviewdogReadsEveryDiagnostic(t *testing.T) {
	bin := gittest.RequireClient(t, "reviewdog")
	r, ours := rdCorpus(t)
	sent := diagnostics(t, ours)
	require.Greater(t, len(sent), 15, "enough findings to mean something")
	withSuggestions := 0
	for _, d := range sent {
		if d["suggestions"] != nil {
			withSuggestions++
		}
	}
	require.Greater(t, withSuggestions, 10)
	t.Logf("%d diagnostics, %d with suggestions", len(sent), withSuggestions)

	// The local reporter prints each diagnostic it kept: all of them.
	local := reviewdog(t, bin, r.Dir, ours, "-reporter=local", "-filter-mode=nofilter")
	assert.ElementsMatch(t, lines(ours), lines(local), "every finding comes through the local reporter")

	// The rdjsonl reporter prints what reviewdog parsed: positions, ranges,
	// suggestions, codes and related locations, field for field.
	parsed := diagnostics(t, reviewdog(t, bin, r.Dir, ours, "-reporter=rdjsonl", "-filter-mode=nofilter"))
	dropEmptyText(sent)
	require.Len(t, parsed, len(sent))
	for i := range sent {
		assert.Equal(t, sent[i], parsed[i], "diagnostic %d survives reviewdog's parser whole", i)
	}
}

// lineKeys lists "path:line" for each diagnostic, sorted.
func lineKeys(ds []map[string]any) []string {
	var out []string
	for _, d := range ds {
		loc := d["location"].(map[string]any)
		line := 0.0
		if rg, ok := loc["range"].(map[string]any); ok {
			line = rg["start"].(map[string]any)["line"].(float64)
		}
		out = append(out, fmt.Sprintf("%s:%d|%s", loc["path"], int(line), d["code"].(map[string]any)["value"]))
	}
	sort.Strings(out)
	return out
}

// mustRead returns the bytes of a file.
func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return data
}

func TestReviewdogDiffFilterAgreesWithNewFromRev(t *testing.T) {
	bin := gittest.RequireClient(t, "reviewdog")
	r, all := rdCorpus(t)
	// A widget inside the clean article, a new missing space on a line of the
	// article with findings, and a new file announced to git (intent to add).
	insertAfterLine(t, filepath.Join(r.Dir, "corpus", cleanArticle), 2, newWidget+"\n\n")
	p := filepath.Join(r.Dir, "corpus", withFindings)
	data := string(mustRead(t, p))
	r.Write("corpus/"+withFindings, strings.Replace(data, "belanja.", "belanja.Harga naik.", 1))
	r.Write("corpus/baru.txt", "Judul Baru\n\nIsi berita baru.\n\n"+newWidget+"\n")
	r.Git("add", "-N", "corpus/baru.txt")

	res := run(t, "", "--format", "rdjsonl", "--fail-level", "error", "corpus")
	require.Contains(t, []int{0, 1}, res.code, res.stderr)
	now := res.stdout
	require.Greater(t, len(lines(now)), len(lines(all)), "the edits add findings")

	filtered := reviewdog(t, bin, r.Dir, now, "-reporter=local", "-diff=git diff")
	ours := run(t, "", "--format", "rdjsonl", "--fail-level", "error", "--new-from-rev", "HEAD", "corpus")
	require.Contains(t, []int{0, 1}, ours.code, ours.stderr)

	got := lineKeys(diagnostics(t, filtered))
	assert.Equal(t, lineKeys(diagnostics(t, ours.stdout)), got, "reviewdog's diff filter and --new-from-rev keep the same findings")
	t.Logf("%d findings, %d on changed lines: %v", len(lines(now)), len(got), got)
	assert.Less(t, len(got), len(lines(now)), "the filter dropped the old findings")
	assert.Contains(t, got, "corpus/"+cleanArticle+":3|artifact/read-more")
	assert.Contains(t, got, "corpus/baru.txt:5|artifact/read-more")
	for _, k := range got {
		if strings.HasPrefix(k, "corpus/"+withFindings+":") {
			assert.True(t, strings.HasPrefix(k, "corpus/"+withFindings+":11|"), "only the edited line: %s", k)
		}
	}
}

// The rdjsonl report streamed (file by file, given the whole registry) is the
// report printed at the end (given the rules the run used), built-in and
// user rules alike: --baseline takes the second path.
func TestRDJSONLStreamedOrNotIsTheSame(t *testing.T) {
	cfg := "patterns:\n  - id: artifact/site-promo\n    kind: existence\n    phrases: [\"Baca Juga\"]\n"
	project(t, cfg, map[string]string{"a.txt": string(fixture(t, withFindings)), "clean.txt": string(fixture(t, cleanArticle))})
	r := run(t, "", "--write-baseline", "base.json", "clean.txt")
	require.Equal(t, cli.ExitClean, r.code, r.stderr)

	streamed := run(t, "", "--format", "rdjsonl", "a.txt")
	printed := run(t, "", "--format", "rdjsonl", "--baseline", "base.json", "a.txt")
	require.Equal(t, cli.ExitFindings, streamed.code, streamed.stderr)
	assert.Equal(t, streamed.stdout, printed.stdout)
	assert.Contains(t, streamed.stdout, `"code":{"value":"artifact/site-promo","url":"https://github.com/corpuslint/corpuslint/blob/main/README.md#configuration"}`)
	assert.Contains(t, streamed.stdout, `"code":{"value":"artifact/bare-domain","url":"https://github.com/corpuslint/corpuslint/blob/main/README.md#artifactbare-domain"}`)
}
