// Command corpuslint lints corpora of scraped news articles. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"

	"github.com/corpuslint/corpuslint/internal/cli"
)

// memoryLimit is the soft limit on the Go heap: the collector works harder as
// the heap nears it instead of letting it double, so a corpus of a gigabyte
// (whose cross-file index is a hundred-odd megabytes) stays under 300 MB of
// RSS. A run that needs more still gets it. GOMEMLIMIT, when set, wins.
const memoryLimit = 200 << 20

// gcPercent is the collector's pace (GOGC): the heap may grow to five times
// what is live before a collection. A run's live heap is small (a window of
// articles and the corpus rules' facts, 7–15 MB on the reference corpus)
// while the rules allocate hundreds of megabytes a run, so the collector's
// work is set by how often it runs: at Go's default of 100 it ran four times
// as often as now; 200 took about a tenth off a run's CPU, and 400 another
// 4% or so (13 collections a run on the reference corpus → 6, the
// collector's own CPU 78 → 40 ms of about 1 s, by GODEBUG=gctrace=1), for a
// peak RSS of about 90 MB there instead of 70 (bench/README.md). The memory limit above
// still bounds a large corpus. GOGC, when set, wins.
const gcPercent = 400

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
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
