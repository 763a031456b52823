package cli_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/cli"
)

func TestProgressFlag(t *testing.T) {
	dir := corpusDir(t)
	r := run(t, "", "--progress", "sometimes", dir)
	assert.Equal(t, cli.ExitError, r.code)
	assert.Contains(t, r.stderr, "sometimes")

	// A short run shows no progress line, even when asked to and on a
	// terminal: the line appears only after two seconds.
	plain := run(t, "", dir)
	for _, mode := range []string{"auto", "always", "never"} {
		var stdout, stderr bytes.Buffer
		code := cli.Run(context.Background(), []string{"--progress", mode, dir}, cli.Env{
			Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, StderrTerminal: true,
		})
		require.Equal(t, plain.code, code, mode)
		assert.Equal(t, plain.stdout, stdout.String(), mode)
		assert.Equal(t, plain.stderr, stderr.String(), mode)
		assert.NotContains(t, stderr.String(), "\r", mode)
	}
}
