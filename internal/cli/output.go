package cli

import (
	"os"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/progress"
	"github.com/corpuslint/corpuslint/internal/report"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// output takes the engine's findings file by file: in report mode and a
// format written a finding at a time it writes them at once (so memory does
// not grow with the findings of a large corpus), and on a terminal it keeps
// the progress line up to date.
type output struct {
	stream *report.Stream
	meter  *progress.Meter
	// clearFirst: the report and the progress line share a terminal.
	clearFirst bool
	tally      tally
}

func newOutput(env Env, o options, rules []*rule.Rule, mode engine.Mode, inputs []engine.Input, stream bool) (*output, error) {
	out := &output{}
	pm, err := progress.ParseMode(o.progress)
	if err != nil {
		return nil, err
	}
	if pm.Enabled(progress.Context{Terminal: env.StderrTerminal, Getenv: env.getenv(), MachineFormat: o.format != "text"}) {
		var total int64
		for _, in := range inputs {
			if in.Data != nil {
				total += int64(len(in.Data))
			} else if st, err := os.Stat(in.Path); err == nil {
				total += st.Size()
			}
		}
		out.meter = progress.New(env.Stderr, len(inputs), total, env.Progress)
		out.clearFirst = env.Terminal
	}
	if stream && mode == engine.Report && report.Streamable(o.format) {
		out.stream, err = report.NewStream(env.Stdout, o.format, report.Input{Rules: rules, Version: Version, Color: env.color(o.color)})
		if err != nil {
			return nil, err
		}
		if !env.Terminal {
			// Nobody reads a file or a pipe line by line as it is
			// written: a write per 64 KiB, not one per file.
			out.stream.Gather(64 << 10)
		}
	}
	return out, nil
}

// engineOptions hooks the output into the engine's options.
func (out *output) engineOptions(opts engine.Options) engine.Options {
	if out.stream != nil {
		// The engine renders files side by side; Emit, called in path
		// order, writes them.
		opts.Render = out.stream.Render
		opts.Emit = func(fs []finding.Finding, rendered []byte) error {
			out.tally.add(fs)
			if out.clearFirst {
				out.meter.Clear()
			}
			return out.stream.WriteRendered(rendered)
		}
	}
	if out.meter != nil {
		opts.Progress = out.meter.File
	}
	return opts
}

// done clears the progress line and writes the findings the stream still
// holds.
func (out *output) done() error {
	if out.meter != nil {
		out.meter.Clear()
	}
	if out.stream != nil {
		return out.stream.Flush()
	}
	return nil
}

// tally counts findings by severity.
type tally struct {
	total      int
	bySeverity [finding.Error + 1]int
}

func (t *tally) add(fs []finding.Finding) {
	for i := range fs {
		t.total++
		if s := fs[i].Severity; s >= 0 && int(s) < len(t.bySeverity) {
			t.bySeverity[s]++
		}
	}
}

// atLeast reports whether a finding is at or above level.
func (t *tally) atLeast(level finding.Severity) bool {
	for s := level; int(s) < len(t.bySeverity); s++ {
		if s >= 0 && t.bySeverity[s] > 0 {
			return true
		}
	}
	return false
}
