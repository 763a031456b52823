package cli_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/cli"
	"github.com/corpuslint/corpuslint/internal/progress"
)

func TestProgressFlag(t *testing.T) {
	dir := corpusDir(t)
	r := run(t, "", "--progress", "sometimes", dir)
	assert.Equal(t, cli.ExitError, r.code)
	assert.Contains(t, r.stderr, "sometimes")

	// A clock that moves an hour at every reading: every file is past the
	// delay and the interval, so a meter that is on draws.
	clock := func() func() time.Time {
		now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		return func() time.Time {
			now = now.Add(time.Hour)
			return now
		}
	}
	const (
		drawn   = "\rcorpuslint: "
		cleared = "\r\x1b[K"
	)
	plain := run(t, "", dir)
	for _, tc := range []struct {
		mode     string
		terminal bool
		ci       string
		draws    bool
	}{
		{"always", false, "true", true}, // even off a terminal and in CI
		{"never", true, "", false},      // even on a terminal
		{"auto", true, "", true},
		{"auto", true, "true", false}, // CI
		{"auto", false, "", false},
	} {
		var stdout, stderr bytes.Buffer
		code := cli.Run(context.Background(), []string{"--progress", tc.mode, dir}, cli.Env{
			Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, StderrTerminal: tc.terminal,
			Getenv: func(k string) string {
				if k == "CI" {
					return tc.ci
				}
				return ""
			},
			Progress: progress.Options{Now: clock()},
		})
		require.Equal(t, plain.code, code, "%+v", tc)
		assert.Equal(t, plain.stdout, stdout.String(), "%+v: the report is the same", tc)
		if !tc.draws {
			assert.Equal(t, plain.stderr, stderr.String(), "%+v", tc)
			assert.NotContains(t, stderr.String(), "\r", "%+v", tc)
			continue
		}
		got := stderr.String()
		assert.Contains(t, got, drawn+"9/9 files", "%+v: the line reaches the last file", tc)
		last := strings.LastIndex(got, drawn)
		require.GreaterOrEqual(t, last, 0, "%+v", tc)
		// Drawn, then cleared before anything else is written: without the
		// progress lines, stderr is what a run without progress writes.
		rest := got[last+1:]
		i := strings.Index(rest, cleared)
		require.GreaterOrEqual(t, i, 0, "%+v: the last line is cleared: %q", tc, got)
		assert.NotContains(t, rest[:i], "\n", "%+v", tc)
		var kept strings.Builder
		for _, part := range strings.SplitAfter(got, cleared) {
			part = strings.TrimSuffix(part, cleared)
			if j := strings.Index(part, drawn); j >= 0 {
				part = part[:j]
			}
			kept.WriteString(part)
		}
		assert.Equal(t, plain.stderr, kept.String(), "%+v", tc)
	}
}
