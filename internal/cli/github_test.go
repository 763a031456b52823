package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/cli"
)

// runInActions runs the command line as a GitHub Actions step would, with
// the runner's environment files in a temporary folder.
func runInActions(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cli.Run(context.Background(), args, cli.Env{
		Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(k string) string { return env[k] },
	})
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

func TestGitHubFormatInActions(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{
		"GITHUB_ACTIONS":      "true",
		"GITHUB_OUTPUT":       filepath.Join(dir, "output"),
		"GITHUB_STEP_SUMMARY": filepath.Join(dir, "summary"),
	}
	r := runInActions(t, env, "--format", "github", fixturePath(t, withFindings), fixturePath(t, cleanArticle))
	assert.Equal(t, cli.ExitFindings, r.code, r.stderr)

	annotations := lines(r.stdout)
	require.Len(t, annotations, len(withFindingsRules))
	for _, a := range annotations {
		assert.True(t, strings.HasPrefix(a, "::warning "), a)
		assert.Contains(t, a, "file="+fixturePath(t, withFindings)+",")
		assert.Contains(t, a, " — suggested fix: ", "every finding of the fixture has a fix, said in words")
	}

	out, err := os.ReadFile(env["GITHUB_OUTPUT"])
	require.NoError(t, err)
	assert.Contains(t, string(out), "findings<<_GitHubActionsFileCommandDelimeter_\n6\n")
	assert.Contains(t, string(out), "files<<_GitHubActionsFileCommandDelimeter_\n2\n")
	assert.Contains(t, string(out), "errors<<_GitHubActionsFileCommandDelimeter_\n0\n")

	summary, err := os.ReadFile(env["GITHUB_STEP_SUMMARY"])
	require.NoError(t, err)
	assert.Contains(t, string(summary), "**6 findings (0 error, 6 warning, 0 info)** in 2 files checked.")
	assert.Equal(t, len(withFindingsRules), strings.Count(string(summary), "```diff\n"), "each fix as a diff read from the file")
}

func TestGitHubFormatOutsideActionsWritesNoFiles(t *testing.T) {
	r := runInActions(t, map[string]string{}, "--format", "github", fixturePath(t, withFindings))
	assert.Equal(t, cli.ExitFindings, r.code)
	assert.Len(t, lines(r.stdout), len(withFindingsRules))
	assert.Empty(t, r.stderr)
}

func TestGitHubFormatUnwritableOutputIsAnError(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "missing", "output")
	r := runInActions(t, map[string]string{"GITHUB_OUTPUT": bad}, "--format", "github", fixturePath(t, cleanArticle))
	assert.Equal(t, cli.ExitError, r.code)
	assert.Contains(t, r.stderr, bad)
}
