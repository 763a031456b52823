// Package cli is corpuslint's command line: it parses flags, expands paths,
// runs the engine, prints findings in the chosen format and returns the exit
// code. main only wires it to the process.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/progress"
	"github.com/corpuslint/corpuslint/internal/report"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/internal/source"
)

// Exit codes, as linters use them.
const (
	ExitClean    = 0
	ExitFindings = 1
	ExitError    = 2
)

// Version is corpuslint's version, set at build time with -ldflags.
var Version = "dev"

// Env is what the command line talks to: its streams and whether standard output
// is a terminal.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Terminal reports whether Stdout is a terminal (colour in text output).
	Terminal bool
	// StderrTerminal reports whether Stderr is a terminal (progress line).
	StderrTerminal bool
	// Getenv reads the environment (GitHub Actions' variables); nil means
	// os.Getenv.
	Getenv func(string) string
	// Progress tunes the progress line (its clock, its delay); the zero
	// value takes the defaults.
	Progress progress.Options
}

// colorModes are the values of --color.
var colorModes = []string{"auto", "always", "never"}

// getenv is env.Getenv, or os.Getenv when it is nil.
func (env Env) getenv() func(string) string {
	if env.Getenv == nil {
		return os.Getenv
	}
	return env.Getenv
}

// color decides whether text output is coloured under --color mode: always;
// auto on a terminal unless NO_COLOR is set; never.
func (env Env) color(mode string) bool {
	return mode == "always" || (mode == "auto" && env.Terminal && env.getenv()("NO_COLOR") == "")
}

// listFlag is a repeatable flag whose values may also be comma-separated.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*l = append(*l, p)
		}
	}
	return nil
}

type options struct {
	format, failLevel, lang, explain string
	fix, diff, listRules, version    bool
	jobs                             int
	enable, disable                  listFlag
	include, exclude                 listFlag
	color                            string
	progress                         string
	conf                             configOptions
	// Legacy corpora: report only what is new since a revision or a baseline.
	newFromRev, baseline, writeBaseline string
	// cpuProfile names the file a CPU profile of the run goes to.
	cpuProfile string
}

func newFlagSet(o *options, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("corpuslint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(report.Formats(), "|"))
	fs.BoolVar(&o.fix, "fix", false, "apply safe fixes to the files (standard input: print the fixed text)")
	fs.BoolVar(&o.diff, "diff", false, "print an annotated unified diff of what --fix would change, without writing")
	fs.StringVar(&o.failLevel, "fail-level", "warning", "exit 1 when a finding is at or above this severity: info|warning|error")
	fs.Var(&o.enable, "enable", "enable rules or whole categories (repeatable, comma-separated)")
	fs.Var(&o.disable, "disable", "disable rules or whole categories (repeatable, comma-separated)")
	fs.StringVar(&o.lang, "lang", "auto", "article language: auto|id|en")
	fs.IntVar(&o.jobs, "jobs", runtime.NumCPU(), "files checked at once")
	fs.Var(&o.include, "include", "glob of files to take from directories (default *.txt; repeatable)")
	fs.Var(&o.exclude, "exclude", "glob of files or folders to skip (repeatable)")
	fs.BoolVar(&o.listRules, "list-rules", false, "list the rules and exit")
	fs.StringVar(&o.explain, "explain", "", "print a rule's documentation and exit")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.StringVar(&o.color, "color", "auto", "colour text output: auto|always|never")
	fs.StringVar(&o.progress, "progress", "auto", "progress line on standard error: auto (a terminal, text format, not CI)|always|never")
	fs.StringVar(&o.newFromRev, "new-from-rev", "", "report only findings on lines added or changed since this git revision")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings this baseline file does not record")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record the findings in this baseline file, report nothing and exit 0")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file (pprof format: for reporting a slow run)")
	addConfigFlags(fs, &o.conf)
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: corpuslint [flags] PATH...\n\nChecks scraped news articles (plain text, one file an article) for scraping\nartifacts, punctuation damage, duplicates, unattributed claims and encoding\nproblems. Directories are walked for *.txt; - reads standard input.\n\nExit codes: 0 clean, 1 findings at or above --fail-level, 2 usage or input error.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	return fs
}

// parse reads flags that may be mixed with paths, as users type them.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return paths, nil
		}
		// The flag package drops a "--" that ends the flags: everything after
		// it is a path, even what looks like a flag.
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(paths, rest...), nil
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
}

// Run runs corpuslint with args (without the program name) and returns the exit code.
func Run(ctx context.Context, args []string, env Env) (code int) {
	var o options
	fs := newFlagSet(&o, env.Stderr)
	paths, err := parse(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return ExitClean
	}
	if err != nil {
		return ExitError
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(env.Stderr, "corpuslint: "+format+"\n", a...)
		return ExitError
	}
	if o.version {
		fmt.Fprintf(env.Stdout, "corpuslint %s\n", Version)
		return ExitClean
	}
	if o.cpuProfile != "" {
		stopProfile, err := startCPUProfile(o.cpuProfile)
		if err != nil {
			return usage("--cpuprofile: %v", err)
		}
		defer func() {
			if err := stopProfile(); err != nil {
				fmt.Fprintf(env.Stderr, "corpuslint: --cpuprofile: %v\n", err)
				code = ExitError
			}
		}()
	}
	conf, ok := setup(fs, &o, env.Stderr)
	if !ok {
		return ExitError
	}
	registry := conf.Registry
	switch {
	case o.conf.print:
		if err := conf.Print(env.Stdout); err != nil {
			return usage("%v", err)
		}
		return ExitClean
	case o.listRules:
		listRules(env.Stdout, registry, conf.Base())
		listLanguages(env.Stdout, conf)
		return ExitClean
	case o.explain != "":
		for _, r := range registry {
			if r.ID == o.explain {
				explain(env.Stdout, r)
				return ExitClean
			}
		}
		return usage("no rule %q; --list-rules lists them", o.explain)
	}
	failLevel := conf.FailLevel
	if !slices.Contains(report.Formats(), o.format) {
		return usage("--format: unknown format %q (want %s)", o.format, strings.Join(report.Formats(), ", "))
	}
	if !slices.Contains(colorModes, o.color) {
		return usage("--color: unknown value %q (want %s)", o.color, strings.Join(colorModes, ", "))
	}
	if o.fix && o.diff {
		return usage("--fix and --diff do not go together: --diff shows what --fix would write")
	}
	if o.jobs < 1 {
		return usage("--jobs must be at least 1")
	}
	if err := checkLegacyFlags(o); err != nil {
		return usage("%v", err)
	}
	if len(paths) == 0 {
		fmt.Fprintln(env.Stderr, "corpuslint: no paths given (use - for standard input)")
		fs.Usage()
		return ExitError
	}
	files, problems, err := expand(conf, paths, &o, env.Stderr)
	if err != nil {
		return usage("%v", err)
	}
	var legacy *legacyView
	if o.newFromRev != "" || o.baseline != "" || o.writeBaseline != "" {
		if legacy, err = prepareLegacy(ctx, o, files); err != nil {
			return usage("%v", err)
		}
	}
	inputs := make([]engine.Input, 0, len(files))
	var stdinData []byte
	for _, f := range files {
		in := engine.Input{Path: f}
		if f == "-" {
			data, err := io.ReadAll(env.Stdin)
			if err != nil {
				problems = append(problems, source.Problem{Path: "-", Message: "reading standard input: " + err.Error()})
				continue
			}
			if data == nil {
				data = []byte{} // non-nil: the engine takes nil Data as "read Path"
			}
			in.Data = data
			stdinData = data
		}
		inputs = append(inputs, in)
	}
	mode := engine.Report
	if o.fix {
		mode = engine.Fix
	} else if o.diff {
		mode = engine.Diff
	}
	// The engine writes standard input's fixed text only when a fix changed it;
	// --fix - is a filter, so text with nothing to fix is printed as it came.
	fixedOut := &writeWatcher{w: env.Stdout}
	// The report is written file by file unless the findings are filtered
	// afterwards (baseline, new-from-rev) or the format needs the whole run
	// (report.Streamable). Which rules the files use is known only after the
	// run, so the stream is given the whole registry: the streamable formats
	// only look a finding's rule up, and give the same report as with
	// conf.UsedRules(), which the formats printed at the end are given.
	out, err := newOutput(env, o, registry, mode, inputs, legacy == nil)
	if err != nil {
		return usage("--progress: %v", err)
	}
	res, err := engine.Run(ctx, out.engineOptions(engine.Options{
		Rules: registry, Lexicons: conf.Packs, Jobs: o.jobs, Mode: mode, Stdout: fixedOut,
		ProfileFor: conf.ProfileFor, Drop: conf.Drop,
	}), inputs)
	if ferr := out.done(); err == nil {
		err = ferr
	}
	if err != nil {
		return usage("%v", err)
	}
	if mode == engine.Fix && stdinData != nil && !fixedOut.called && !hasError(res.Errors, "-") {
		if _, err := env.Stdout.Write(stdinData); err != nil {
			res.Errors = append(res.Errors, engine.FileError{Path: "-", Message: "writing fixed text: " + err.Error()})
		}
	}
	var fileErrors []report.FileError
	for _, p := range problems {
		fileErrors = append(fileErrors, report.FileError{Path: p.Path, Message: p.Message})
	}
	for _, e := range res.Errors {
		fileErrors = append(fileErrors, report.FileError{Path: e.Path, Message: e.Message})
	}
	for _, e := range fileErrors {
		fmt.Fprintf(env.Stderr, "corpuslint: %s: %s\n", e.Path, oneLine(e.Message))
	}
	for _, n := range res.Notes {
		fmt.Fprintf(env.Stderr, "corpuslint: %s: %s\n", n.Path, oneLine(n.Message))
	}
	notes := unusedIgnores(env.Stderr, conf)
	enabled := conf.UsedRules()
	if o.writeBaseline != "" && len(fileErrors) > 0 {
		// A baseline without these files' findings would later report them
		// all as new: write none rather than an incomplete one.
		return usage("--write-baseline: %s not written: %s", o.writeBaseline, uncheckedFiles(fileErrors))
	}
	if legacy != nil {
		read := func(p string) ([]byte, error) {
			if p == "-" {
				return stdinData, nil
			}
			return os.ReadFile(p)
		}
		wrote, err := legacy.apply(o, res, read, env.Stderr)
		if err != nil {
			return usage("%v", err)
		}
		if wrote {
			return ExitClean
		}
	}

	switch mode {
	case engine.Diff:
		for _, f := range res.Fixes {
			io.WriteString(env.Stdout, f.Diff)
		}
	case engine.Fix:
		out := env
		if slices.Contains(files, "-") {
			// Standard input's fixed text went to stdout: the remaining
			// findings go to standard error so they never mix into it.
			out.Stdout = env.Stderr
		}
		if err := print(out, o, enabled, res, fileErrors, notes, stdinData); err != nil {
			return usage("%v", err)
		}
	default:
		if out.stream != nil {
			if err := out.stream.Close(fileErrors, notes); err != nil {
				return usage("%v", err)
			}
			printSummary(env, o, out.tally, res.Files)
			break
		}
		if err := print(env, o, enabled, res, fileErrors, notes, stdinData); err != nil {
			return usage("%v", err)
		}
	}
	if mode != engine.Report {
		printFixSummary(env.Stderr, res, mode == engine.Diff)
	}
	if len(fileErrors) > 0 {
		return ExitError
	}
	out.tally.add(res.Findings) // empty when they were streamed
	if out.tally.atLeast(failLevel) {
		return ExitFindings
	}
	return ExitClean
}

// print writes the report in the chosen format; under GitHub Actions, the
// github format also writes the job summary and the step outputs. stdin is
// standard input's content, for the summary's suggested-fix diffs.
func print(env Env, o options, enabled []*rule.Rule, res *engine.Result, errs []report.FileError, notes []report.ConfigNote, stdin []byte) error {
	in := &report.Input{Findings: res.Findings, Rules: enabled, Errors: errs, Files: res.Files, Version: Version, Color: env.color(o.color), ConfigNotes: notes}
	if o.format == "github" {
		in.Source = func(path string) ([]byte, error) {
			if path == "-" {
				return stdin, nil
			}
			return os.ReadFile(path)
		}
	}
	if err := report.Write(env.Stdout, o.format, in); err != nil {
		return err
	}
	if o.format == "github" {
		if err := report.WriteGitHubEnvironment(in, env.getenv()); err != nil {
			return err
		}
	}
	var t tally
	t.add(res.Findings)
	printSummary(env, o, t, res.Files)
	return nil
}

// printSummary writes the text format's closing count on standard error.
func printSummary(env Env, o options, t tally, files int) {
	if o.format == "text" && t.total > 0 {
		fmt.Fprintf(env.Stderr, "%s in %d %s\n", summary(t), files, plural(files, "file", "files"))
	}
}

func printFixSummary(w io.Writer, res *engine.Result, dryRun bool) {
	applied, skipped := 0, 0
	for _, f := range res.Fixes {
		applied += f.Applied
		for _, s := range f.Skipped {
			skipped++
			fmt.Fprintf(w, "corpuslint: %s:%d: fix of %s not applied: %s\n", f.Path, s.Finding.Range.Start.Line, s.Finding.Rule, oneLine(s.Reason))
		}
	}
	if applied > 0 || skipped > 0 {
		verb := "applied"
		if dryRun {
			verb = "would be applied"
		}
		fmt.Fprintf(w, "corpuslint: %d %s %s, %d skipped\n", applied, plural(applied, "fix", "fixes"), verb, skipped)
	}
}

func summary(t tally) string {
	e, w := t.bySeverity[finding.Error], t.bySeverity[finding.Warning]
	i := t.total - e - w
	return fmt.Sprintf("%d %s (%d error, %d warning, %d info)", t.total, plural(t.total, "finding", "findings"), e, w, i)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func oneLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// writeWatcher passes writes through to w and records that one was made.
type writeWatcher struct {
	w      io.Writer
	called bool
}

func (ww *writeWatcher) Write(p []byte) (int, error) {
	ww.called = true
	return ww.w.Write(p)
}

// uncheckedFiles says which files could not be checked, naming a few.
func uncheckedFiles(errs []report.FileError) string {
	const shown = 5
	var names []string
	for i, e := range errs {
		if i == shown {
			names = append(names, fmt.Sprintf("and %d more", len(errs)-shown))
			break
		}
		names = append(names, e.Path)
	}
	return fmt.Sprintf("%d %s could not be checked (%s)", len(errs), plural(len(errs), "file", "files"), strings.Join(names, ", "))
}

func hasError(errs []engine.FileError, path string) bool {
	for _, e := range errs {
		if e.Path == path {
			return true
		}
	}
	return false
}
