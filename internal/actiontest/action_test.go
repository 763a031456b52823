package actiontest

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/gittest"
	"github.com/corpuslint/corpuslint/internal/linttest"
)

// binDir is where the action's build step puts corpuslint (and its reviewdog
// step reviewdog), under RUNNER_TEMP.
const binDir = "corpuslint-action"

// The fixtures the simulated repository holds (from testdata/e2e): one
// article with six warnings, each with a safe fix, and one clean article.
const (
	withFindings = "harga-cabai.txt"
	clean        = "ruang-baca.txt"
	findingsIn   = 6
)

// built is corpuslint as the action's own build step built it, once for all
// tests.
var built struct {
	once sync.Once
	dir  string // a RUNNER_TEMP holding binDir/corpuslint
}

// sharedTemp holds the build; TestMain removes it.
var sharedTemp string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "actiontest-")
	if err != nil {
		panic(err)
	}
	sharedTemp = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// corpuslint runs the action's build step (go build from the action's source)
// the first time it is called, and returns the binary it built.
func corpuslint(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		root := linttest.RepoRoot(t)
		r := &runner{root: root, workspace: t.TempDir(), temp: sharedTemp, only: map[string]bool{"build": true}}
		res := r.run(t, loadAction(t, root))
		require.Empty(t, res.failed, "the build step failed: %s", res.stderr)
		require.Equal(t, []string{"build"}, res.ran)
		built.dir = sharedTemp
	})
	bin := filepath.Join(built.dir, binDir, "corpuslint")
	_, err := os.Stat(bin)
	require.NoError(t, err, "the build step left no binary at $RUNNER_TEMP/%s/corpuslint", binDir)
	return bin
}

// copyFile copies src to dst with mode.
func copyFile(t *testing.T, src, dst string, mode os.FileMode) {
	t.Helper()
	data, err := os.ReadFile(src)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(dst), 0o755))
	require.NoError(t, os.WriteFile(dst, data, mode))
}

// newRunner prepares a job: a workspace holding articles/ with the fixtures
// and a RUNNER_TEMP where the build step's binary is put (the step itself is
// replaced by that copy). bin is the corpuslint to use (a stub, or "" for the
// one the build step built).
func newRunner(t *testing.T, bin string, inputs map[string]string) *runner {
	t.Helper()
	root := linttest.RepoRoot(t)
	if bin == "" {
		bin = corpuslint(t)
	}
	ws := t.TempDir()
	for _, f := range []string{withFindings, clean} {
		copyFile(t, filepath.Join(root, "testdata", "e2e", f), filepath.Join(ws, "articles", f), 0o644)
	}
	temp := t.TempDir()
	return &runner{
		root: root, workspace: ws, temp: temp, inputs: inputs,
		event: map[string]any{},
		replace: map[string]func(*runner) error{
			"build": func(r *runner) error {
				copyFile(t, bin, filepath.Join(r.temp, binDir, "corpuslint"), 0o755)
				return nil
			},
		},
	}
}

// annotations returns the workflow commands among the lines of out.
func annotations(out string) []string {
	var cmds []string
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "::") {
			cmds = append(cmds, sc.Text())
		}
	}
	return cmds
}

func TestActionDeclaresWhatItUses(t *testing.T) {
	a := loadAction(t, linttest.RepoRoot(t))
	require.NotEmpty(t, a.Runs.Steps)
	setup := a.Runs.Steps[0]
	assert.True(t, strings.HasPrefix(setup.Uses, "actions/setup-go@"), "Go is set up first")
	assert.Equal(t, "${{ github.action_path }}/go.mod", setup.With["go-version-file"], "the Go of the action's own go.mod")
	assert.Equal(t, "true", setup.With["cache"])

	var all strings.Builder
	for _, s := range a.Runs.Steps {
		for _, v := range s.Env {
			all.WriteString(v + "\n")
		}
		all.WriteString(s.If + "\n")
	}
	for name := range a.Inputs {
		assert.Contains(t, all.String(), "inputs."+name, "input %s reaches a step", name)
	}
	for _, name := range []string{"paths", "config", "fail-level", "reporter", "only-changed", "reviewdog-version"} {
		assert.Contains(t, a.Inputs, name)
	}
	for _, name := range []string{"findings", "files", "errors", "sarif-file"} {
		assert.Equal(t, "${{ steps.lint.outputs."+name+" }}", a.Outputs[name].Value)
	}
	assert.Equal(t, "annotations", a.Inputs["reporter"].Default)
	assert.Equal(t, "v0.21.0", a.Inputs["reviewdog-version"].Default)
}

func TestActionAnnotations(t *testing.T) {
	r := newRunner(t, "", map[string]string{"paths": "articles"})
	res := r.run(t, loadAction(t, r.root))

	assert.Equal(t, "lint", res.failed, "findings at the default fail level fail the step")
	assert.Equal(t, 1, res.exitCode, res.stderr)
	assert.Equal(t, []string{"build", "lint"}, res.ran, "no reviewdog for annotations")
	cmds := annotations(res.stdout)
	require.Len(t, cmds, findingsIn, res.stdout)
	for _, c := range cmds {
		assert.True(t, strings.HasPrefix(c, "::warning "), c)
		assert.Contains(t, c, "file=articles/"+withFindings+",")
		assert.Contains(t, c, " — suggested fix: ")
	}
	assert.Equal(t, map[string]string{"findings": "6", "files": "2", "errors": "0", "sarif-file": ""}, res.outputs)
	assert.Contains(t, res.summary, "## corpuslint\n")
	assert.Contains(t, res.summary, "**6 findings (0 error, 6 warning, 0 info)** in 2 files checked.")
	assert.Equal(t, findingsIn, strings.Count(res.summary, "```diff\n"))
}

func TestActionFailLevel(t *testing.T) {
	r := newRunner(t, "", map[string]string{"paths": "articles/" + withFindings, "fail-level": "error"})
	res := r.run(t, loadAction(t, r.root))
	assert.Empty(t, res.failed, "warnings are below fail-level error: %s", res.stderr)
	assert.Len(t, annotations(res.stdout), findingsIn)
	assert.Equal(t, "6", res.outputs["findings"])
	assert.Equal(t, "1", res.outputs["files"])
}

func TestActionSARIF(t *testing.T) {
	r := newRunner(t, "", map[string]string{"paths": "articles", "reporter": "sarif", "fail-level": "error"})
	res := r.run(t, loadAction(t, r.root))
	require.Empty(t, res.failed, res.stderr)
	assert.Empty(t, annotations(res.stdout), "code scanning shows the alerts, not annotations")
	sarif := res.outputs["sarif-file"]
	require.Equal(t, filepath.Join(r.temp, "corpuslint.sarif"), sarif)
	data, err := os.ReadFile(sarif)
	require.NoError(t, err)
	var doc struct {
		Version string
		Runs    []struct{ Results []json.RawMessage }
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	assert.Equal(t, "2.1.0", doc.Version)
	require.Len(t, doc.Runs, 1)
	assert.Len(t, doc.Runs[0].Results, findingsIn)
	assert.Equal(t, "6", res.outputs["findings"])
	assert.Contains(t, res.summary, "**6 findings")
}

func TestActionPRReview(t *testing.T) {
	r := newRunner(t, "", map[string]string{"paths": "articles", "reporter": "pr-review"})
	record := t.TempDir()
	// reviewdog itself is tested in CI against the real binary; here a stub
	// records how the action calls it.
	reviewdogStub(r, record)
	res := r.run(t, loadAction(t, r.root))

	assert.Equal(t, []string{"build", "reviewdog", "lint"}, res.ran)
	assert.Equal(t, "lint", res.failed, "findings at the fail level still fail the step")
	assert.Empty(t, annotations(res.stdout), "the review shows the findings, not annotations")
	args, err := os.ReadFile(filepath.Join(record, "args"))
	require.NoError(t, err, "reviewdog was not called: %s", res.stderr)
	assert.Equal(t, "-f=rdjsonl\n-name=corpuslint\n-reporter=github-pr-review\n-filter-mode=added\n", string(args))
	token, err := os.ReadFile(filepath.Join(record, "token"))
	require.NoError(t, err)
	assert.Equal(t, "test-token", string(token), "github-token defaults to github.token")
	stdin, err := os.ReadFile(filepath.Join(record, "stdin"))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(stdin)), "\n")
	require.Len(t, lines, findingsIn)
	for _, l := range lines {
		var d struct {
			Suggestions []json.RawMessage
		}
		require.NoError(t, json.Unmarshal([]byte(l), &d), l)
		assert.NotEmpty(t, d.Suggestions, "each finding carries its fix as a suggested change")
	}
	assert.Equal(t, "6", res.outputs["findings"])
}

// argStub is a corpuslint that records its arguments, one a line.
func argStub(t *testing.T, record string) string {
	t.Helper()
	stub := filepath.Join(t.TempDir(), "corpuslint")
	require.NoError(t, os.WriteFile(stub, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" >> '"+record+"'\n"), 0o755))
	return stub
}

func TestActionPassesInputsAsArguments(t *testing.T) {
	gittest.RequireGit(t)
	record := filepath.Join(t.TempDir(), "args")
	r := newRunner(t, argStub(t, record), map[string]string{
		"paths":        "articles/a.txt  $(touch pwned)\n-x.txt;touch pwned2 `touch pwned3` articles/*.txt",
		"config":       "corpus lint.yml",
		"only-changed": "true",
	})
	base := gittest.Init(t, r.workspace).Commit("base")
	r.event = map[string]any{"pull_request": map[string]any{"base": map[string]any{"sha": base}}}
	res := r.run(t, loadAction(t, r.root))
	require.Empty(t, res.failed, res.stderr)

	got, err := os.ReadFile(record)
	require.NoError(t, err)
	assert.Equal(t, strings.Join([]string{
		"--format", "github", "--config", "corpus lint.yml", "--new-from-rev", base,
		"--", "articles/a.txt", "$(touch", "pwned)", "-x.txt;touch", "pwned2", "`touch", "pwned3`", "articles/*.txt",
	}, "\n")+"\n", string(got))
	for _, f := range []string{"pwned", "pwned2", "pwned3"} {
		assert.NoFileExists(t, filepath.Join(r.workspace, f), "an input became shell code")
	}
}

func TestActionOnlyChangedOnAPush(t *testing.T) {
	record := filepath.Join(t.TempDir(), "args")
	r := newRunner(t, argStub(t, record), map[string]string{"only-changed": "true"})
	r.event = map[string]any{"before": strings.Repeat("0", 40)} // a new branch
	res := r.run(t, loadAction(t, r.root))
	require.Empty(t, res.failed, res.stderr)
	assert.Contains(t, res.stdout, "::notice title=corpuslint::only-changed: this event names no base commit; every line is checked")
	got, err := os.ReadFile(record)
	require.NoError(t, err)
	assert.NotContains(t, string(got), "--new-from-rev")
}

func TestActionOnlyChangedWithoutTheBaseCommit(t *testing.T) {
	gittest.RequireGit(t)
	record := filepath.Join(t.TempDir(), "args")
	r := newRunner(t, argStub(t, record), map[string]string{"only-changed": "true"})
	gittest.Init(t, r.workspace)
	missing := strings.Repeat("ab", 20)
	r.event = map[string]any{"before": missing}
	res := r.run(t, loadAction(t, r.root))
	assert.Equal(t, "lint", res.failed)
	assert.Equal(t, 2, res.exitCode)
	assert.Contains(t, res.stdout, "::error title=corpuslint::only-changed: the base commit "+missing+" is not in the checkout; check out with actions/checkout and fetch-depth: 0")
	assert.NoFileExists(t, record, "corpuslint did not run")
}

func TestActionRejectsBadInputs(t *testing.T) {
	for _, tt := range []struct {
		inputs map[string]string
		want   string
	}{
		{map[string]string{"reporter": "email"}, "::error title=corpuslint::reporter must be annotations, pr-review or sarif"},
		{map[string]string{"only-changed": "yes\n::error::injected"}, "::error title=corpuslint::only-changed must be true or false"},
	} {
		record := filepath.Join(t.TempDir(), "args")
		r := newRunner(t, argStub(t, record), tt.inputs)
		res := r.run(t, loadAction(t, r.root))
		assert.Equal(t, "lint", res.failed)
		assert.Equal(t, 2, res.exitCode)
		assert.Equal(t, []string{tt.want}, annotations(res.stdout), "the input value is not echoed into a command")
	}
	t.Run("reviewdog-version", func(t *testing.T) {
		r := newRunner(t, argStub(t, filepath.Join(t.TempDir(), "args")), map[string]string{"reporter": "pr-review", "reviewdog-version": "latest; curl evil"})
		res := r.run(t, loadAction(t, r.root))
		assert.Equal(t, "reviewdog", res.failed)
		assert.Equal(t, []string{"::error title=corpuslint::reviewdog-version must be a release tag such as v0.21.0"}, annotations(res.stdout))
	})
}

// mustJSON encodes v.
func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	return data
}

func TestActionScriptsPassShellcheck(t *testing.T) {
	shellcheck := gittest.RequireClient(t, "shellcheck")
	a := loadAction(t, linttest.RepoRoot(t))
	for _, s := range a.Runs.Steps {
		if s.Run == "" {
			continue
		}
		script := filepath.Join(t.TempDir(), "step.sh")
		require.NoError(t, os.WriteFile(script, []byte(s.Run), 0o644))
		out, err := exec.Command(shellcheck, "--shell=bash", "--severity=style", script).CombinedOutput()
		assert.NoError(t, err, "step %s:\n%s", s.ID, out)
	}
}

func TestActionOnlyChangedReportsTheChangedLines(t *testing.T) {
	gittest.RequireGit(t)
	r := newRunner(t, "", map[string]string{"paths": "articles", "only-changed": "true"})
	repo := gittest.Init(t, r.workspace)
	base := repo.Commit("base: the article with six findings")
	// The pull request adds one line with one new finding (a space before a
	// comma) to the clean article.
	cleanPath := filepath.Join(r.workspace, "articles", clean)
	data, err := os.ReadFile(cleanPath)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(cleanPath, append(data, []byte("\nMenurut warga , harga naik lagi.\n")...), 0o644))
	repo.Commit("pull request")
	r.event = map[string]any{"pull_request": map[string]any{"base": map[string]any{"sha": base}}}

	res := r.run(t, loadAction(t, r.root))
	assert.Equal(t, "lint", res.failed, "the new warning fails the check: %s", res.stderr)
	assert.Equal(t, 1, res.exitCode)
	cmds := annotations(res.stdout)
	require.Len(t, cmds, 1, res.stdout+res.stderr)
	assert.True(t, strings.HasPrefix(cmds[0], "::warning col=14,endColumn=16,endLine=7,file=articles/"+clean+",line=7,title=punctuation/space-before-punctuation::"), cmds[0])
	assert.Equal(t, map[string]string{"findings": "1", "files": "2", "errors": "0", "sarif-file": ""}, res.outputs)
}

func TestActionLeavesTheFailLevelToTheConfiguration(t *testing.T) {
	r := newRunner(t, "", map[string]string{"paths": "articles"})
	require.NoError(t, os.WriteFile(filepath.Join(r.workspace, ".corpuslint.yaml"), []byte("fail-level: error\n"), 0o644))
	res := r.run(t, loadAction(t, r.root))
	assert.Empty(t, res.failed, "the repository's fail-level: error holds when the input is empty: %s", res.stderr)
	assert.Equal(t, "6", res.outputs["findings"])

	r = newRunner(t, "", map[string]string{"paths": "articles", "fail-level": "warning"})
	require.NoError(t, os.WriteFile(filepath.Join(r.workspace, ".corpuslint.yaml"), []byte("fail-level: error\n"), 0o644))
	res = r.run(t, loadAction(t, r.root))
	assert.Equal(t, "lint", res.failed, "the input overrides the file")
}

func TestActionConfigInput(t *testing.T) {
	r := newRunner(t, "", map[string]string{"paths": "articles", "config": "lint/no-artifacts.yaml"})
	require.NoError(t, os.MkdirAll(filepath.Join(r.workspace, "lint"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(r.workspace, "lint", "no-artifacts.yaml"), []byte("disable: [artifact]\n"), 0o644))
	res := r.run(t, loadAction(t, r.root))
	cmds := annotations(res.stdout)
	require.NotEmpty(t, cmds, res.stderr)
	assert.Less(t, len(cmds), findingsIn)
	for _, c := range cmds {
		assert.NotContains(t, c, "title=artifact/", "the configuration given disabled the artifact rules")
	}
	assert.Equal(t, strconv.Itoa(len(cmds)), res.outputs["findings"])

	t.Run("a missing file is an input error", func(t *testing.T) {
		r := newRunner(t, "", map[string]string{"paths": "articles", "config": "no/such.yaml"})
		res := r.run(t, loadAction(t, r.root))
		assert.Equal(t, "lint", res.failed)
		assert.Equal(t, 2, res.exitCode)
		assert.Contains(t, res.stderr, "no/such.yaml")
	})
}

func TestActionOnlyChangedComparesWithTheMergeBase(t *testing.T) {
	gittest.RequireGit(t)
	record := filepath.Join(t.TempDir(), "args")
	r := newRunner(t, argStub(t, record), map[string]string{"only-changed": "true"})
	repo := gittest.Init(t, r.workspace)
	repo.Git("symbolic-ref", "HEAD", "refs/heads/main")
	fork := repo.Commit("fork point")
	repo.Git("checkout", "-qb", "pr")
	repo.Write("articles/new.txt", "Baru.\n")
	repo.Commit("pull request")
	repo.Git("checkout", "-q", "main")
	repo.Write("articles/later.txt", "Nanti.\n")
	base := repo.Commit("the base moves on")
	repo.Git("checkout", "-q", "pr") // the pull request's head, not a merge
	r.event = map[string]any{"pull_request": map[string]any{"base": map[string]any{"sha": base}}}
	res := r.run(t, loadAction(t, r.root))
	require.Empty(t, res.failed, res.stderr)
	got, err := os.ReadFile(record)
	require.NoError(t, err)
	assert.Contains(t, string(got), "--new-from-rev\n"+fork+"\n", "lines the base changed since the fork are not the pull request's")
}

// reviewdogStub replaces the reviewdog step with a reviewdog that records its
// arguments, its standard input and the token it was given into record.
func reviewdogStub(r *runner, record string) {
	r.replace["reviewdog"] = func(r *runner) error {
		stub := "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$RECORD/args\"\ncat > \"$RECORD/stdin\"\nprintf '%s' \"$REVIEWDOG_GITHUB_API_TOKEN\" > \"$RECORD/token\"\n"
		return os.WriteFile(filepath.Join(r.temp, binDir, "reviewdog"), []byte(stub), 0o755)
	}
	if r.extraEnv == nil {
		r.extraEnv = map[string]string{}
	}
	r.extraEnv["RECORD"] = record
}

// twoRunStub is a corpuslint that exits 1 for --format github (findings) and
// second for any other format (the SARIF or rdjsonl run), printing a message
// on standard error when that is above 1, and appends its environment to
// record/env.
func twoRunStub(t *testing.T, record string, second int) string {
	t.Helper()
	stub := filepath.Join(t.TempDir(), "corpuslint")
	script := "#!/bin/sh\nenv >> '" + record + "/env'\n" +
		"case \" $* \" in *' --format github '*) exit 1 ;; esac\n" +
		"if [ " + strconv.Itoa(second) + " -gt 1 ]; then echo 'corpuslint: articles: the second run broke' >&2; fi\n" +
		"exit " + strconv.Itoa(second) + "\n"
	require.NoError(t, os.WriteFile(stub, []byte(script), 0o755))
	return stub
}

func TestActionFailedSecondRun(t *testing.T) {
	for _, reporter := range []string{"sarif", "pr-review"} {
		t.Run(reporter, func(t *testing.T) {
			record := t.TempDir()
			r := newRunner(t, twoRunStub(t, record, 2), map[string]string{"paths": "articles", "reporter": reporter})
			reviewdogStub(r, record)
			res := r.run(t, loadAction(t, r.root))
			assert.Equal(t, "lint", res.failed)
			assert.Equal(t, 2, res.exitCode, "the second run's failure is the step's")
			assert.Contains(t, res.stderr, "corpuslint: articles: the second run broke", "its messages are kept")
			assert.Empty(t, res.outputs["sarif-file"], "no SARIF file to upload from a failed run")
			assert.NoFileExists(t, filepath.Join(record, "args"), "reviewdog is not given a failed run's output")
		})
	}
	t.Run("findings in the second run are no failure", func(t *testing.T) {
		record := t.TempDir()
		r := newRunner(t, twoRunStub(t, record, 1), map[string]string{"paths": "articles", "reporter": "sarif"})
		res := r.run(t, loadAction(t, r.root))
		assert.Equal(t, "lint", res.failed, "the findings fail the step, as with annotations")
		assert.Equal(t, 1, res.exitCode)
		assert.Equal(t, filepath.Join(r.temp, "corpuslint.sarif"), res.outputs["sarif-file"])
		assert.NotContains(t, res.stderr, "broke")
	})
}

func TestActionGivesTheTokenToReviewdogOnly(t *testing.T) {
	const token = "ghs_only-for-reviewdog"
	for _, reporter := range []string{"annotations", "sarif", "pr-review"} {
		t.Run(reporter, func(t *testing.T) {
			record := t.TempDir()
			r := newRunner(t, twoRunStub(t, record, 1), map[string]string{"paths": "articles", "reporter": reporter, "github-token": token})
			reviewdogStub(r, record)
			res := r.run(t, loadAction(t, r.root))
			require.Equal(t, "lint", res.failed, res.stderr)
			env, err := os.ReadFile(filepath.Join(record, "env"))
			require.NoError(t, err, "corpuslint did not run: %s", res.stderr)
			var holding []string
			for _, kv := range strings.Split(string(env), "\n") {
				if strings.Contains(kv, token) {
					name, _, _ := strings.Cut(kv, "=")
					holding = append(holding, name)
				}
			}
			assert.Empty(t, holding, "variables of corpuslint's environment that hold the token")
			if reporter == "pr-review" {
				got, err := os.ReadFile(filepath.Join(record, "token"))
				require.NoError(t, err, "reviewdog was not called: %s", res.stderr)
				assert.Equal(t, token, string(got))
			}
		})
	}
}
