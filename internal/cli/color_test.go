package cli_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/corpuslint/corpuslint/internal/cli"
)

func TestColorFlag(t *testing.T) {
	path := fixturePath(t, withFindings)
	colorRun := func(terminal bool, noColor string, args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		code := cli.Run(context.Background(), append(args, path), cli.Env{
			Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Terminal: terminal,
			Getenv: func(k string) string {
				if k == "NO_COLOR" {
					return noColor
				}
				return ""
			},
		})
		return code, stdout.String(), stderr.String()
	}
	const escape = "\x1b["

	// A misspelt value is a usage error, not a silent "never".
	code, stdout, stderr := colorRun(true, "", "--color", "alwyas")
	assert.Equal(t, cli.ExitError, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, `--color: unknown value "alwyas" (want auto, always, never)`)

	for _, tc := range []struct {
		mode     string
		terminal bool
		noColor  string
		want     bool
	}{
		{"always", false, "1", true},
		{"never", true, "", false},
		{"auto", true, "", true},
		{"auto", false, "", false},
		{"auto", true, "1", false},
	} {
		code, stdout, _ := colorRun(tc.terminal, tc.noColor, "--color", tc.mode)
		assert.Equal(t, cli.ExitFindings, code, "%+v", tc)
		assert.Equal(t, tc.want, strings.Contains(stdout, escape), "%+v: %q", tc, stdout)
	}
}
