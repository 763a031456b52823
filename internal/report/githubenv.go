package report

import (
	"fmt"
	"strconv"

	"github.com/sethvargo/go-githubactions"
)

// Environment files of the GitHub Actions runner.
const (
	envStepSummary = "GITHUB_STEP_SUMMARY"
	envOutput      = "GITHUB_OUTPUT"
)

// WriteGitHubEnvironment appends the job summary (GitHubSummary) to the file
// named by $GITHUB_STEP_SUMMARY and sets the step outputs findings, files and
// errors (files that could not be checked) in $GITHUB_OUTPUT, reading the
// variables through getenv. A variable that is unset (outside GitHub Actions)
// is skipped: go-githubactions' helpers would panic on it. A file that cannot
// be written is an error naming it.
func WriteGitHubEnvironment(in *Input, getenv func(string) string) error {
	action := githubactions.New(githubactions.WithGetenv(getenv))
	if path := getenv(envStepSummary); path != "" {
		if err := guard(func() { action.AddStepSummary(GitHubSummary(in)) }); err != nil {
			return fmt.Errorf("writing the job summary to %s: %w", path, err)
		}
	}
	if path := getenv(envOutput); path != "" {
		outputs := []struct {
			name  string
			value int
		}{{"findings", len(in.Findings)}, {"files", in.Files}, {"errors", len(in.Errors)}}
		for _, o := range outputs {
			// Values are numbers: they cannot hold the fixed delimiter
			// go-githubactions v1.4.0 writes around them.
			if err := guard(func() { action.SetOutput(o.name, strconv.Itoa(o.value)) }); err != nil {
				return fmt.Errorf("setting output %s in %s: %w", o.name, path, err)
			}
		}
	}
	return nil
}

// guard runs f and turns the panic go-githubactions raises when it cannot
// write an environment file into an error.
func guard(f func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			if e, ok := p.(error); ok {
				err = e
			} else {
				err = fmt.Errorf("%v", p)
			}
		}
	}()
	f()
	return nil
}
