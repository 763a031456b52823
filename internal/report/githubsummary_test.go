package report

import (
	"bytes"
	"errors"
	htmlstd "html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// sources serves file contents by path, as the command line's Source does.
func sources(files map[string]string) func(string) ([]byte, error) {
	return func(path string) ([]byte, error) {
		if text, ok := files[path]; ok {
			return []byte(text), nil
		}
		return nil, os.ErrNotExist
	}
}

// renderMarkdown renders the summary as GitHub does: GitHub-flavoured
// Markdown with its HTML (details, summary) kept.
func renderMarkdown(t *testing.T, md string) string {
	t.Helper()
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	require.NoError(t, gm.Convert([]byte(md), &out))
	return out.String()
}

func TestGitHubSummaryGolden(t *testing.T) {
	in := sampleInput(t)
	in.Source = sources(map[string]string{pathA: textA, pathB: textB})
	got := GitHubSummary(in)
	golden := filepath.Join(goldenDir, "golden.github-summary.md")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./internal/report -update to create it")
	assert.Equal(t, string(want), got)

	page := renderMarkdown(t, got)
	assert.Equal(t, 1, strings.Count(page, "<details>"), "one section a file with fixes: only news/a.txt has any")
	assert.Equal(t, 3, strings.Count(page, `<pre><code class="language-diff">`))
}

func TestGitHubSummaryArticleTextCannotBreakTheMarkdown(t *testing.T) {
	hostile := "</details></summary><script>alert(1)</script> | x | y |\n## heading\n```\n**bold** _it_ [link](https://evil.example) ![img](https://evil.example/i.png) &amp; $x^2$ @octocat <!-- :tada: ~~s~~ \\\r\x1b[2J\xff"
	text := "Judul\n" + hostile + " ke. Moskow\n````\nakhir\n"
	fixAt := strings.Index(text, "ke. Moskow")
	path := "news/" + hostile + ".txt"
	in := &Input{
		Files:  2,
		Errors: []FileError{{Path: "bad|" + hostile, Message: hostile}},
		Findings: []finding.Finding{
			{Rule: "punctuation/period-after-function-word", Path: path, Severity: finding.Warning, Message: "period after “ke” " + hostile,
				Range: finding.Range{Start: finding.Position{Line: 2, Column: 1, RuneColumn: 1}, End: finding.Position{Line: 2, Column: 5, RuneColumn: 5}},
				Fixes: []finding.Fix{{Message: `replace "ke. Moskow" with "ke Moskow" ` + hostile, Safe: true,
					Edits: []finding.Edit{{Span: finding.Span{Start: fixAt + 2, End: fixAt + 3}}}}}},
			{Rule: "encoding/html-tag", Path: path, Severity: finding.Error, Message: hostile,
				Fixes: []finding.Fix{{Message: "delete " + hostile, Edits: []finding.Edit{{Span: finding.Span{Start: 6, End: len(text) - 6}}}}}},
		},
		Source: sources(map[string]string{path: text}),
	}
	md := GitHubSummary(in)
	page := renderMarkdown(t, md)
	for _, bad := range []string{"<script", "<img", "<del>", "<!--", `href="https://evil`, "\x1b", "\r"} {
		assert.NotContains(t, page, bad)
	}
	assert.Equal(t, 1, strings.Count(page, "<strong>"), "only the totals line is bold")
	assert.Equal(t, 1, strings.Count(page, "<em>"), "only the note on the unsafe fix is in italics")
	assert.Equal(t, 1, strings.Count(page, "<h2>"), "article text starts no heading")
	assert.Equal(t, 1, strings.Count(page, "<details>"))
	assert.Equal(t, 1, strings.Count(page, "</details>"))
	assert.Equal(t, 1, strings.Count(page, "<summary>"))
	// Two categories, two rules, two findings: 6 header cells each table and
	// 5 in the findings table; a | in article text adds none.
	assert.Equal(t, 3+2+2+2, strings.Count(page, "<tr>"))
	assert.Equal(t, 6*2+6*2+5*2, strings.Count(page, "<td"))
	assert.Equal(t, 2, strings.Count(page, `<pre><code class="language-diff">`), "each fix's diff is one code block")
	assert.Contains(t, page, "-"+htmlstd.EscapeString(strings.Split(hostile, "\n")[0])+"\n", "the diff shows the line as it is")
	assert.Contains(t, page, "\n-```\n", "a fence inside the article stays inside the block")
	assert.Contains(t, page, "\n-````\n</code></pre>")
}

func TestGitHubSummaryStaysUnderOneMiB(t *testing.T) {
	line := strings.Repeat("Harga beras naik lagi di pasar. ", 500) // one long flattened line
	files := map[string]string{}
	in := &Input{Files: 300}
	for i := range 300 {
		path := "news/" + strings.Repeat("x", 100) + string(rune('a'+i%26)) + strings.Repeat("y", i) + ".txt"
		files[path] = line + "\n"
		for j := range 100 {
			at := 100 + j*50
			in.Findings = append(in.Findings, finding.Finding{
				Rule: "punctuation/space-before-punctuation", Path: path, Severity: finding.Severity(1 + j%3),
				Message: strings.Repeat("long message ", 40),
				Range:   finding.Range{Start: finding.Position{Line: 1, Column: at + 1, RuneColumn: at + 1}, End: finding.Position{Line: 1, Column: at + 2, RuneColumn: at + 2}},
				Fixes:   []finding.Fix{{Message: "delete it", Safe: true, Edits: []finding.Edit{{Span: finding.Span{Start: at, End: at + 1}}}}},
			})
		}
	}
	in.Source = sources(files)
	md := GitHubSummary(in)
	assert.Less(t, len(md), 1<<20)
	assert.Contains(t, md, "_500 of 30000 findings shown, the most severe first")
	assert.Contains(t, md, "suggested fixes shown; corpuslint --diff prints all")
	assert.NotContains(t, md, strings.Repeat("Harga beras naik lagi di pasar. ", 10), "long lines show a window around the edit")
	page := renderMarkdown(t, md)
	assert.Equal(t, strings.Count(page, "<details>"), strings.Count(page, "</details>"), "no section is cut in half")
}

func TestFixDiff(t *testing.T) {
	text := "satu\nBaca Juga: dua\ntiga ke. Moskow\n"
	del := finding.Edit{Span: finding.Span{Start: 5, End: 20}}
	assert.Equal(t, "-Baca Juga: dua\n", fixDiff([]byte(text), &finding.Fix{Edits: []finding.Edit{del}}))
	rep := finding.Edit{Span: finding.Span{Start: 27, End: 28}}
	assert.Equal(t, "-tiga ke. Moskow\n+tiga ke Moskow\n", fixDiff([]byte(text), &finding.Fix{Edits: []finding.Edit{rep}}))
	ins := finding.Edit{Span: finding.Span{Start: 4, End: 4}, New: "."}
	assert.Equal(t, "-satu\n+satu.\n", fixDiff([]byte("\ufeff"+text), &finding.Fix{Edits: []finding.Edit{ins}}), "offsets count after the BOM")
	crlf := "satu ,dua\r\n"
	assert.Equal(t, "-satu ,dua\\r\n+satu, dua\\r\n", fixDiff([]byte(crlf), &finding.Fix{Edits: []finding.Edit{{Span: finding.Span{Start: 4, End: 6}, New: ", "}}}))
	assert.Empty(t, fixDiff([]byte("short"), &finding.Fix{Edits: []finding.Edit{rep}}), "a file that no longer matches gets no diff")
	assert.Empty(t, fixDiff(nil, &finding.Fix{Edits: []finding.Edit{rep}}))

	// Several edits, given in any order, on a long line: a window around them.
	long := strings.Repeat("x", 200) + " a ,b ,c " + strings.Repeat("y", 200)
	at := strings.Index(long, " ,b")
	e1 := finding.Edit{Span: finding.Span{Start: at, End: at + 2}, New: ", "}
	e2 := finding.Edit{Span: finding.Span{Start: at + 3, End: at + 5}, New: ", "}
	// diffContext bytes either side: "x… a" before the first edit, "c y…" after the last.
	x, y := strings.Repeat("x", diffContext-2), strings.Repeat("y", diffContext-2)
	want := "-…" + x + " a ,b ,c " + y + "…\n" + "+…" + x + " a, b, c " + y + "…\n"
	assert.Equal(t, want, fixDiff([]byte(long), &finding.Fix{Edits: []finding.Edit{e2, e1}}))
	// Edits --fix would refuse get no diff.
	overlap := finding.Edit{Span: finding.Span{Start: at + 1, End: at + 4}, New: "-"}
	assert.Empty(t, fixDiff([]byte(long), &finding.Fix{Edits: []finding.Edit{e1, overlap}}), "overlapping edits")
	assert.Empty(t, fixDiff([]byte(text), &finding.Fix{Edits: []finding.Edit{{Span: finding.Span{Start: 6, End: 5}}}}), "an edit ending before it starts")
	assert.Empty(t, fixDiff([]byte(text), &finding.Fix{Edits: []finding.Edit{{Span: finding.Span{Start: -1, End: 2}}}}), "an edit before the text")
}

func TestWriteGitHubEnvironment(t *testing.T) {
	in := sampleInput(t)
	t.Run("outside Actions nothing is written and nothing panics", func(t *testing.T) {
		require.NotPanics(t, func() {
			require.NoError(t, WriteGitHubEnvironment(in, func(string) string { return "" }))
		})
	})
	t.Run("summary and outputs", func(t *testing.T) {
		dir := t.TempDir()
		env := map[string]string{envOutput: filepath.Join(dir, "output"), envStepSummary: filepath.Join(dir, "summary")}
		require.NoError(t, os.WriteFile(env[envStepSummary], []byte("earlier step\n"), 0o644))
		require.NoError(t, WriteGitHubEnvironment(in, func(k string) string { return env[k] }))
		out, err := os.ReadFile(env[envOutput])
		require.NoError(t, err)
		assert.Equal(t, "findings<<_GitHubActionsFileCommandDelimeter_\n6\n_GitHubActionsFileCommandDelimeter_\n"+
			"files<<_GitHubActionsFileCommandDelimeter_\n3\n_GitHubActionsFileCommandDelimeter_\n"+
			"errors<<_GitHubActionsFileCommandDelimeter_\n1\n_GitHubActionsFileCommandDelimeter_\n", string(out))
		summary, err := os.ReadFile(env[envStepSummary])
		require.NoError(t, err)
		assert.Equal(t, "earlier step\n"+GitHubSummary(in)+"\n", string(summary), "appended, as the runner expects")
	})
	t.Run("an unwritable file is an error naming it", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "no-such-dir", "summary")
		err := WriteGitHubEnvironment(in, func(k string) string {
			if k == envStepSummary {
				return bad
			}
			return ""
		})
		require.Error(t, err)
		assert.Contains(t, err.Error(), bad)
		assert.True(t, errors.Is(err, os.ErrNotExist))
	})
}

func TestGitHubSummaryNoFindings(t *testing.T) {
	assert.Equal(t, "## corpuslint\n\nNo findings in 2 files checked.\n", GitHubSummary(&Input{Files: 2}))
	md := GitHubSummary(&Input{Files: 1, Errors: []FileError{{Path: "a.txt", Message: "binary file"}}})
	assert.Equal(t, "## corpuslint\n\nNo findings in 1 file checked, 1 could not be checked.\n\n### Files that could not be checked\n\n- a.txt: binary file\n", md)
}
