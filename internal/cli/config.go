package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/report"
	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/rules"
)

// configOptions are the flags about the configuration file.
type configOptions struct {
	path        string
	none, print bool
}

func addConfigFlags(fs *flag.FlagSet, o *configOptions) {
	fs.StringVar(&o.path, "config", "", "configuration file (default: "+config.FileName+" in the working directory or its nearest parent)")
	fs.BoolVar(&o.none, "no-config", false, "ignore any configuration file")
	fs.BoolVar(&o.print, "print-config", false, "print the effective configuration (YAML) and exit")
}

// setup loads the configuration (unless --no-config) and merges the flags the
// user gave into it. Errors are printed, one a line, and reported as false.
func setup(fs *flag.FlagSet, o *options, stderr io.Writer) (*config.Resolved, bool) {
	fail := func(err error) (*config.Resolved, bool) {
		var errs config.Errors
		if errors.As(err, &errs) {
			for _, e := range errs {
				fmt.Fprintf(stderr, "corpuslint: %s\n", oneLine(e.Error()))
			}
		} else {
			fmt.Fprintf(stderr, "corpuslint: %s\n", oneLine(err.Error()))
		}
		return nil, false
	}
	if o.conf.none && o.conf.path != "" {
		return fail(errors.New("--config and --no-config do not go together"))
	}
	cfg := &config.Config{}
	if !o.conf.none {
		path := o.conf.path
		if path == "" {
			found, err := config.Find(".")
			if err != nil {
				return fail(err)
			}
			path = relativeToWorkingDir(found)
		}
		if path != "" {
			c, err := config.Load(path)
			if err != nil {
				return fail(err)
			}
			cfg = c
		}
	}
	packs, err := lexicon.Embedded()
	if err != nil {
		return fail(fmt.Errorf("loading language packs: %v", err))
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	flags := config.Flags{Enable: o.enable, Disable: o.disable}
	if set["fail-level"] {
		flags.FailLevel = o.failLevel
	}
	if set["lang"] {
		flags.Lang = o.lang
	}
	if set["include"] {
		flags.Include = append([]string{}, o.include...)
	}
	if set["exclude"] {
		flags.Exclude = append([]string{}, o.exclude...)
	}
	res, err := config.Resolve(cfg, rules.All(), packs, flags)
	if err != nil {
		return fail(err)
	}
	return res, true
}

// expand lists the files to check: the paths expanded with the flags' globs,
// then filtered by the configuration's include and exclude globs. When the
// globs leave none of the files found, a note on stderr says so.
func expand(res *config.Resolved, paths []string, o *options, stderr io.Writer) ([]string, []source.Problem, error) {
	opts := source.Options{Include: o.include, Exclude: o.exclude}
	if len(o.include) == 0 && res.IncludeAll() {
		opts.Include = []string{"*"} // the configuration's globs choose
	}
	files, problems, err := source.Expand(paths, opts)
	if err != nil {
		return nil, nil, err
	}
	named := map[string]bool{}
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			named[p] = true
		}
	}
	var kept []string
	for _, f := range files {
		if res.Keep(f, named[f]) {
			kept = append(kept, f)
		}
	}
	if len(kept) == 0 && len(files) > 0 {
		fmt.Fprintf(stderr, "corpuslint: the configuration's include and exclude globs (relative to %s) leave none of the %d files found\n", res.Dir(), len(files))
	}
	return kept, problems, nil
}

// unusedIgnores reports, on standard error, the ignores that matched nothing
// (info, never an error, like staticcheck's unused directives) and returns them
// for the machine formats.
func unusedIgnores(w io.Writer, conf *config.Resolved) []report.ConfigNote {
	var out []report.ConfigNote
	for _, n := range conf.UnusedIgnores() {
		fmt.Fprintf(w, "corpuslint: %s:%d:%d: info: %s\n", n.File, n.Line, n.Column, oneLine(n.Message))
		out = append(out, report.ConfigNote{Path: n.File, Line: n.Line, Column: n.Column, Message: n.Message})
	}
	return out
}

// listLanguages prints the language packs after the rules.
func listLanguages(w io.Writer, res *config.Resolved) {
	fmt.Fprintf(w, "\nlanguages: %s\n", strings.Join(res.Languages(), ", "))
}

// relativeToWorkingDir shortens an absolute path under the working directory,
// so messages name the configuration file as the user would.
func relativeToWorkingDir(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return p
}
