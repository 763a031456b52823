// Package gittest builds real git repositories in temporary folders for tests
// of the features that read git (--new-from-rev, reviewdog's diff filter).
package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Repo is a git work tree in a test's temporary folder.
type Repo struct {
	t *testing.T
	// Dir is the work tree's root.
	Dir string
}

// RequireGit skips the test when git is not installed, unless the environment
// sets CORPUSLINT_REQUIRE_CLIENTS=1 (as CI does), which makes it fail.
func RequireGit(t *testing.T) {
	t.Helper()
	RequireClient(t, "git")
}

// RequireClient returns the path of a real client program (looked up on PATH,
// then in $GOPATH/bin, where go install puts it). When it is missing the test
// is skipped, or fails when CORPUSLINT_REQUIRE_CLIENTS=1.
func RequireClient(t *testing.T, name string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	for _, dir := range goBinDirs() {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
	}
	if os.Getenv("CORPUSLINT_REQUIRE_CLIENTS") == "1" {
		t.Fatalf("%s is not installed and CORPUSLINT_REQUIRE_CLIENTS=1 requires it (.ci/run installs it)", name)
	}
	t.Skipf("%s is not installed; set CORPUSLINT_REQUIRE_CLIENTS=1 to make this a failure", name)
	return ""
}

// goBinDirs are the folders go install writes to.
func goBinDirs() []string {
	var dirs []string
	if d := os.Getenv("GOBIN"); d != "" {
		dirs = append(dirs, d)
	}
	gopath := os.Getenv("GOPATH")
	if gopath == "" {
		if home, err := os.UserHomeDir(); err == nil {
			gopath = filepath.Join(home, "go")
		}
	}
	for _, p := range filepath.SplitList(gopath) {
		dirs = append(dirs, filepath.Join(p, "bin"))
	}
	return dirs
}

// New initialises an empty repository in a new temporary folder, with
// settings that make tests independent of the user's git configuration.
func New(t *testing.T) *Repo {
	t.Helper()
	return Init(t, t.TempDir())
}

// Init initialises a repository in dir, an existing folder whose files stay
// (uncommitted), with the settings of New.
func Init(t *testing.T, dir string) *Repo {
	t.Helper()
	RequireGit(t)
	r := &Repo{t: t, Dir: dir}
	r.Git("init", "--quiet")
	r.Git("config", "user.name", "corpuslint test")
	r.Git("config", "user.email", "test@example.com")
	r.Git("config", "core.autocrlf", "false")
	r.Git("config", "commit.gpgsign", "false")
	return r
}

// Git runs git in the work tree and returns its standard output; a failure
// fails the test.
func (r *Repo) Git(args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.Dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Write writes a file of the work tree (creating its folders).
func (r *Repo) Write(name, content string) string {
	r.t.Helper()
	p := filepath.Join(r.Dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
	return p
}

// Commit stages everything and commits it, returning the commit's hash.
func (r *Repo) Commit(message string) string {
	r.t.Helper()
	r.Git("add", "-A")
	r.Git("commit", "--quiet", "--allow-empty", "-m", message)
	return strings.TrimSpace(r.Git("rev-parse", "HEAD"))
}
