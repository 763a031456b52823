package config

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/internal/userrule"
)

// The values of default:.
const (
	DefaultRecommended = "recommended"
	DefaultAll         = "all"
	DefaultNone        = "none"
)

// Flags are the command line's settings, which win over the file's. Empty
// strings and nil lists were not given.
type Flags struct {
	Enable, Disable  []string
	FailLevel, Lang  string
	Include, Exclude []string
}

// Note is a remark about the configuration that is not an error: an ignore
// that matched nothing.
type Note struct {
	File         string
	Line, Column int
	Message      string
}

// Resolved is a configuration checked against the rules and language packs and
// merged with the command line's flags: what the engine and the CLI need.
type Resolved struct {
	// Registry holds the built-in rules, then the user's pattern rules.
	Registry []*rule.Rule
	// Packs are the language packs, with the configuration's lexicons added.
	Packs *lexicon.Set
	// FailLevel is the severity from which findings fail the run.
	FailLevel finding.Severity

	cfg       *Config
	builtin   map[*rule.Rule]bool
	flags     Flags
	dir       string // paths in the file are relative to it
	cwd       string
	fileLayer layer
	cliLayer  layer
	settings  []setting // the file's top-level rules:
	overrides []override
	ignores   []*ignore
	include   []string // the file's (nil when the flag was given)
	exclude   []string

	mu       sync.Mutex
	profiles map[string]*engine.Profile // by the indexes of the overrides that apply
}

type setting struct {
	sel      selector
	severity finding.Severity // 0: unchanged
	options  map[string]any   // checked; only for a selector by ID
}

type override struct {
	paths    []string
	lang     string
	layer    layer
	settings []setting
}

type ignore struct {
	src   Value[Ignore]
	paths []string
	rules []selector
	match *regexp.Regexp
	hits  atomic.Int64
	// checked is set once a file its paths match is checked: only then can
	// "matched no finding" be said of it (a run over a few files, as a
	// pre-commit hook's, checks none of the others).
	checked atomic.Bool
}

// Resolve checks cfg (which may be empty, with no Path) against the built-in
// rules and the language packs, builds the user's pattern rules, loads the
// configured lexicons into packs and merges the flags. Problems in the file are
// returned as Errors; problems with flags as a plain error naming the flag.
func Resolve(cfg *Config, builtin []*rule.Rule, packs *lexicon.Set, flags Flags) (*Resolved, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	r := &Resolved{Packs: packs, cfg: cfg, flags: flags, cwd: cwd, dir: cwd, profiles: map[string]*engine.Profile{}}
	file := cfg.Path
	if file != "" {
		abs, err := filepath.Abs(file)
		if err != nil {
			return nil, err
		}
		r.dir = filepath.Dir(abs)
	} else {
		file = FileName
	}
	var errs Errors
	bad := func(line, col int, format string, a ...any) {
		errs = append(errs, &Error{File: file, Line: line, Column: col, Message: fmt.Sprintf(format, a...)})
	}

	switch cfg.Default.V {
	case "", DefaultRecommended, DefaultAll, DefaultNone:
	default:
		bad(cfg.Default.Line, cfg.Default.Column, "default: unknown value %q (want recommended, all or none)", cfg.Default.V)
	}
	r.FailLevel = finding.Warning
	if cfg.FailLevel.V != "" {
		if s, err := finding.ParseSeverity(cfg.FailLevel.V); err == nil {
			r.FailLevel = s
		} else {
			bad(cfg.FailLevel.Line, cfg.FailLevel.Column, "fail-level: %v", err)
		}
	}
	if cfg.Lexicons.V != "" {
		dir := r.abs(cfg.Lexicons.V)
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			bad(cfg.Lexicons.Line, cfg.Lexicons.Column, "lexicons: %q is not a folder (relative to the configuration file's folder)", cfg.Lexicons.V)
		} else if err := packs.Add(os.DirFS(dir)); err != nil {
			bad(cfg.Lexicons.Line, cfg.Lexicons.Column, "lexicons: %v", err)
		}
	}
	checkLang := func(v Value[string], key string) {
		if v.V != "" && v.V != "auto" && packs.Pack(v.V) == nil {
			bad(v.Line, v.Column, "%s: no language pack %q (have %s; lexicons: adds more)", key, v.V, strings.Join(packs.Languages(), ", "))
		}
	}
	checkLang(cfg.Lang, "lang")

	// The user's patterns become rules.
	r.Registry = append([]*rule.Rule{}, builtin...)
	ids := map[string]bool{}
	r.builtin = map[*rule.Rule]bool{}
	for _, rl := range builtin {
		ids[rl.ID] = true
		r.builtin[rl] = true
	}
	for _, pv := range cfg.Patterns {
		rl, err := buildPattern(pv, file)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if ids[rl.ID] {
			bad(pv.V.ID.Line, pv.V.ID.Column, "patterns: rule %s is defined twice", rl.ID)
			continue
		}
		ids[rl.ID] = true
		r.Registry = append(r.Registry, rl)
	}

	selectors := func(key string, vs []Value[string]) []selector {
		var out []selector
		for _, v := range vs {
			s, err := newSelector(v.V, r.Registry)
			if err != nil {
				bad(v.Line, v.Column, "%s: %v; corpuslint --list-rules lists them", key, err)
				continue
			}
			out = append(out, s)
		}
		return out
	}
	globs := func(key string, vs []Value[string]) []string {
		var out []string
		for _, v := range vs {
			if !doublestar.ValidatePattern(v.V) || v.V == "" {
				bad(v.Line, v.Column, "%s: bad glob %q", key, v.V)
				continue
			}
			out = append(out, v.V)
		}
		return out
	}
	r.fileLayer = layer{enable: selectors("enable", cfg.Enable), disable: selectors("disable", cfg.Disable)}
	r.settings = r.ruleSettings("rules", cfg.Rules, bad)
	r.include = globs("include", cfg.Include)
	r.exclude = globs("exclude", cfg.Exclude)
	for i, ov := range cfg.Overrides {
		key := "overrides[" + strconv.Itoa(i) + "]"
		o := override{
			paths:    globs(key+".paths", ov.V.Paths),
			lang:     ov.V.Lang.V,
			layer:    layer{enable: selectors(key+".enable", ov.V.Enable), disable: selectors(key+".disable", ov.V.Disable)},
			settings: r.ruleSettings(key+".rules", ov.V.Rules, bad),
		}
		if len(ov.V.Paths) == 0 {
			bad(ov.Line, ov.Column, "%s: paths is required (the files the override applies to)", key)
		}
		checkLang(ov.V.Lang, key+".lang")
		r.overrides = append(r.overrides, o)
	}
	for i, iv := range cfg.Ignore {
		key := "ignore[" + strconv.Itoa(i) + "]"
		ig := &ignore{src: iv, paths: globs(key+".paths", iv.V.Paths), rules: selectors(key+".rules", iv.V.Rules)}
		if strings.TrimSpace(iv.V.Reason.V) == "" {
			bad(iv.Line, iv.Column, "%s: reason is required: say why these findings are acceptable", key)
		}
		if iv.V.Match.V != "" {
			re, err := regexp.Compile(iv.V.Match.V)
			if err != nil {
				bad(iv.V.Match.Line, iv.V.Match.Column, "%s.match: not a valid regular expression (Go RE2 syntax): %s", key, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
			} else if re.MatchString("") {
				bad(iv.V.Match.Line, iv.V.Match.Column, "%s.match: %q matches the empty text, so it would match every finding", key, iv.V.Match.V)
			}
			ig.match = re
		}
		if len(iv.V.Paths) == 0 && len(iv.V.Rules) == 0 && iv.V.Match.V == "" {
			bad(iv.Line, iv.Column, "%s: give paths, rules or match: an ignore of everything is disable: [\"*\"]", key)
		}
		r.ignores = append(r.ignores, ig)
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(a, b int) bool {
			if errs[a].Line != errs[b].Line {
				return errs[a].Line < errs[b].Line
			}
			return errs[a].Column < errs[b].Column
		})
		return nil, errs
	}

	// Flags win over the file.
	if flags.FailLevel != "" {
		s, err := finding.ParseSeverity(flags.FailLevel)
		if err != nil {
			return nil, fmt.Errorf("--fail-level: %w", err)
		}
		r.FailLevel = s
	}
	if flags.Lang != "" && flags.Lang != "auto" && packs.Pack(flags.Lang) == nil {
		return nil, fmt.Errorf("--lang: unknown language %q (want auto or %s)", flags.Lang, strings.Join(packs.Languages(), ", "))
	}
	for _, f := range []struct {
		name  string
		names []string
		out   *[]selector
	}{{"enable", flags.Enable, &r.cliLayer.enable}, {"disable", flags.Disable, &r.cliLayer.disable}} {
		for _, n := range f.names {
			s, err := newSelector(n, r.Registry)
			if err != nil {
				return nil, fmt.Errorf("--%s: %v; --list-rules lists them", f.name, err)
			}
			*f.out = append(*f.out, s)
		}
	}
	if flags.Include != nil {
		r.include = nil
	}
	if flags.Exclude != nil {
		r.exclude = nil
	}
	return r, nil
}

func (r *Resolved) ruleSettings(key string, rs RuleSettings, bad func(int, int, string, ...any)) []setting {
	var out []setting
	for _, s := range rs {
		sel, err := newSelector(s.Rule, r.Registry)
		if err != nil {
			bad(s.Line, s.Column, "%s: %v; corpuslint --list-rules lists them", key, err)
			continue
		}
		st := setting{sel: sel}
		if s.Severity.V != "" {
			sev, err := finding.ParseSeverity(s.Severity.V)
			if err != nil {
				bad(s.Severity.Line, s.Severity.Column, "%s.%s.severity: %v", key, s.Rule, err)
			}
			st.severity = sev
		}
		if len(s.Options) > 0 {
			if sel.specificity != byID {
				bad(s.Line, s.Column, "%s.%s: options need a rule ID, not a category or glob", key, s.Rule)
				continue
			}
			rl := r.rule(s.Rule)
			st.options = map[string]any{}
			for _, o := range s.Options {
				if rl.Option(o.Name) == nil {
					bad(o.Line, o.Column, "%s.%s.options: unknown option %q of %s (%sknown: %s)", key, s.Rule, o.Name, rl.ID, didYouMean(o.Name, rl.OptionNames()), strings.Join(rl.OptionNames(), ", "))
					continue
				}
				checked, err := rl.CheckOption(o.Name, o.Value.V)
				if err != nil {
					bad(o.Value.Line, o.Value.Column, "%s.%s.options: %v", key, s.Rule, err)
					continue
				}
				st.options[o.Name] = checked
			}
		}
		out = append(out, st)
	}
	return out
}

func (r *Resolved) rule(id string) *rule.Rule {
	for _, rl := range r.Registry {
		if rl.ID == id {
			return rl
		}
	}
	return nil
}

// buildPattern turns one configured pattern into a rule, or an error at the
// offending value.
func buildPattern(pv Value[Pattern], file string) (*rule.Rule, *Error) {
	p := pv.V
	at := func(line, col int, msg string) *Error {
		return &Error{File: file, Line: line, Column: col, Message: "patterns: " + msg}
	}
	spec := userrule.Spec{ID: p.ID.V, Kind: p.Kind.V, Message: p.Message.V, MatchCase: p.MatchCase.V, Source: file}
	if p.ID.V == "" || p.Kind.V == "" {
		return nil, at(pv.Line, pv.Column, "a pattern needs an id and a kind")
	}
	if p.Severity.V != "" {
		s, err := finding.ParseSeverity(p.Severity.V)
		if err != nil {
			return nil, at(p.Severity.Line, p.Severity.Column, fmt.Sprintf("%s: %v", p.ID.V, err))
		}
		spec.Severity = s
	}
	switch p.Fix.V {
	case "", "none":
	case "delete-line":
		spec.DeleteLine = true
	default:
		return nil, at(p.Fix.Line, p.Fix.Column, fmt.Sprintf("%s: unknown fix %q (want delete-line or none)", p.ID.V, p.Fix.V))
	}
	for _, v := range p.Phrases {
		spec.Phrases = append(spec.Phrases, v.V)
	}
	for _, v := range p.Regexps {
		spec.Regexps = append(spec.Regexps, v.V)
	}
	for _, v := range p.Replace {
		spec.Replace = append(spec.Replace, userrule.Pair{Wrong: v.V.Wrong.V, Right: v.V.Right.V})
	}
	rl, err := userrule.Build(spec)
	if err == nil {
		return rl, nil
	}
	fe, ok := err.(*userrule.FieldError)
	if !ok {
		return nil, at(pv.Line, pv.Column, err.Error())
	}
	line, col := pv.Line, pv.Column
	pick := func(vs []Value[string]) {
		if fe.Index >= 0 && fe.Index < len(vs) {
			line, col = vs[fe.Index].Line, vs[fe.Index].Column
		}
	}
	switch fe.Field {
	case "id":
		line, col = p.ID.Line, p.ID.Column
	case "kind":
		line, col = p.Kind.Line, p.Kind.Column
	case "fix":
		line, col = p.Fix.Line, p.Fix.Column
	case "phrases":
		pick(p.Phrases)
	case "regexps":
		pick(p.Regexps)
	case "replace":
		if fe.Index >= 0 && fe.Index < len(p.Replace) {
			line, col = p.Replace[fe.Index].Line, p.Replace[fe.Index].Column
		}
	}
	return nil, at(line, col, fmt.Sprintf("%s: %s: %v", p.ID.V, fe.Field, fe.Err))
}

// abs resolves a path written in the file against the file's folder.
func (r *Resolved) abs(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(r.dir, filepath.FromSlash(p))
}

// rel is the path of a file as the configuration's globs see it: relative to
// the configuration file's folder, with forward slashes.
func (r *Resolved) rel(p string) string {
	if p == "-" {
		return p
	}
	abs := p
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(r.cwd, p)
	}
	rel, err := filepath.Rel(r.dir, abs)
	if err != nil {
		rel = abs
	}
	// Not cached: a cache of every file's path grew with the corpus (80 MB
	// on 400,000 files), and computing it is a fraction of a microsecond.
	return filepath.ToSlash(rel)
}

// matchGlobs reports whether rel matches one of globs. A glob with no slash
// matches any one part of the path, as in .gitignore: "*.txt" matches every
// text file, "drafts" every file under a folder named drafts.
func matchGlobs(globs []string, rel string) bool {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
		if !strings.Contains(g, "/") {
			for _, part := range strings.Split(rel, "/") {
				if ok, _ := doublestar.Match(g, part); ok {
					return true
				}
			}
		}
	}
	return false
}

// IncludeAll reports whether directories must be walked for every file (not
// only *.txt), because the file's include globs choose them.
func (r *Resolved) IncludeAll() bool { return len(r.include) > 0 }

// Keep reports whether a file is checked under the file's include and exclude
// globs: excluded files never are, even when named on the command line; a file
// found in a directory must match an include glob when there are any.
// Standard input always is.
func (r *Resolved) Keep(p string, named bool) bool {
	if p == "-" || len(r.exclude) == 0 && (named || len(r.include) == 0) {
		return true // no glob to match: the path need not be made relative
	}
	rel := r.rel(p)
	if matchGlobs(r.exclude, rel) {
		return false
	}
	return named || len(r.include) == 0 || matchGlobs(r.include, rel)
}

// ProfileFor returns the rules, severities, options and language of the file
// at p, built once per distinct set of overrides that apply.
func (r *Resolved) ProfileFor(p string) *engine.Profile {
	// The path is looked at only while it can matter: an override, or an
	// ignore entry not yet seen to apply. Most runs have neither.
	needRel := len(r.overrides) > 0
	for _, ig := range r.ignores {
		needRel = needRel || !ig.checked.Load()
	}
	var idx []int
	key := "[]" // fmt.Sprint of no index
	if needRel {
		rel := r.rel(p)
		for _, ig := range r.ignores {
			if !ig.checked.Load() && (len(ig.paths) == 0 || matchGlobs(ig.paths, rel)) {
				ig.checked.Store(true)
			}
		}
		for i, o := range r.overrides {
			if matchGlobs(o.paths, rel) {
				idx = append(idx, i)
			}
		}
		key = fmt.Sprint(idx)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if pr, ok := r.profiles[key]; ok {
		return pr
	}
	pr := r.build(idx)
	r.profiles[key] = pr
	return pr
}

// Base returns the profile of a file no override applies to.
func (r *Resolved) Base() *engine.Profile { return r.build(nil) }

func (r *Resolved) build(idx []int) *engine.Profile {
	pr := &engine.Profile{Severity: map[string]finding.Severity{}, Options: map[string]map[string]any{}, Lang: "auto"}
	layers := []*layer{&r.fileLayer}
	settings := [][]setting{r.settings}
	if r.cfg.Lang.V != "" {
		pr.Lang = r.cfg.Lang.V
	}
	for _, i := range idx {
		o := &r.overrides[i]
		layers = append(layers, &o.layer)
		settings = append(settings, o.settings)
		if o.lang != "" {
			pr.Lang = o.lang
		}
	}
	layers = append(layers, &r.cliLayer)
	if r.flags.Lang != "" {
		pr.Lang = r.flags.Lang
	}
	for _, rl := range r.Registry {
		on := true // the user's patterns are on unless disabled
		if r.builtin[rl] {
			switch r.cfg.Default.V {
			case DefaultAll:
				on = true
			case DefaultNone:
				on = false
			default:
				on = !rl.Optional
			}
		}
		for _, l := range layers {
			if v, said := l.decide(rl.ID); said {
				on = v
			}
		}
		if on {
			pr.Rules = append(pr.Rules, rl)
		}
	}
	for _, ss := range settings {
		applySettings(ss, pr.Rules, pr.Severity, pr.Options)
	}
	return pr
}

// applySettings sets, in sev and opts, the severity and options each of
// settings gives the rules it matches, in order: a later setting wins.
func applySettings(settings []setting, rules []*rule.Rule, sev map[string]finding.Severity, opts map[string]map[string]any) {
	for _, s := range settings {
		for _, rl := range rules {
			if !s.sel.matches(rl.ID) {
				continue
			}
			if s.severity != 0 {
				sev[rl.ID] = s.severity
			}
			for k, v := range s.options {
				if opts[rl.ID] == nil {
					opts[rl.ID] = map[string]any{}
				}
				opts[rl.ID][k] = v
			}
		}
	}
}

// UsedRules returns, in registry order, every rule of the profiles built so
// far (the base profile's when none was).
func (r *Resolved) UsedRules() []*rule.Rule {
	r.mu.Lock()
	used := map[*rule.Rule]bool{}
	for _, pr := range r.profiles {
		for _, rl := range pr.Rules {
			used[rl] = true
		}
	}
	r.mu.Unlock()
	if len(used) == 0 {
		return r.Base().Rules
	}
	var out []*rule.Rule
	for _, rl := range r.Registry {
		if used[rl] {
			out = append(out, rl)
		}
	}
	return out
}

// Drop reports whether an ignore matches the finding, counting every ignore
// that does. text is the text the finding covers ("" when unknown).
func (r *Resolved) Drop(f *finding.Finding, text string) bool {
	if len(r.ignores) == 0 {
		return false
	}
	rel := r.rel(f.Path)
	dropped := false
	for _, ig := range r.ignores {
		if len(ig.paths) > 0 && !matchGlobs(ig.paths, rel) {
			continue
		}
		if len(ig.rules) > 0 && !slices.ContainsFunc(ig.rules, func(s selector) bool { return s.matches(f.Rule) }) {
			continue
		}
		if ig.match != nil && !ig.match.MatchString(f.Message) && !ig.match.MatchString(text) {
			continue
		}
		ig.hits.Add(1)
		dropped = true
	}
	return dropped
}

// UnusedIgnores returns a note for every ignore that matched no finding
// although its paths matched a file checked (ProfileFor was asked about it):
// an ignore of files the run did not check is not said to be unused.
func (r *Resolved) UnusedIgnores() []Note {
	var out []Note
	for i, ig := range r.ignores {
		if ig.hits.Load() > 0 || !ig.checked.Load() {
			continue
		}
		out = append(out, Note{File: r.cfg.Path, Line: ig.src.Line, Column: ig.src.Column,
			Message: fmt.Sprintf("ignore[%d] matched no finding; remove it if what it ignored is gone (reason: %s)", i, oneLine(ig.src.V.Reason.V))})
	}
	return out
}

// Languages returns the languages of the packs.
func (r *Resolved) Languages() []string { return r.Packs.Languages() }

// Dir is the folder the file's globs and lexicons are relative to.
func (r *Resolved) Dir() string { return r.dir }

func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return s[:i] + "…"
	}
	return s
}
