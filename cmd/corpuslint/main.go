// Command corpuslint lints corpora of scraped news articles. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/corpuslint/corpuslint/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	fi, err := os.Stdout.Stat()
	terminal := err == nil && fi.Mode()&os.ModeCharDevice != 0
	ei, err := os.Stderr.Stat()
	stderrTerminal := err == nil && ei.Mode()&os.ModeCharDevice != 0
	code := cli.Run(ctx, os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Terminal: terminal, StderrTerminal: stderrTerminal})
	stop()
	os.Exit(code)
}
