// Package report renders the findings of a corpuslint run in the output formats
// the command line offers: human-readable text, a stable JSON document,
// reviewdog's rdjsonl, SARIF 2.1.0 and GitHub Actions workflow commands.
//
// Every format is written in one piece: it is rendered into memory first and
// handed to the writer with a single Write, so a failing writer yields an error
// and never half a SARIF document. Messages and paths are data everywhere: no
// format uses them as a format string, and each escapes them for its syntax.
package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// Input is everything a report needs about one run.
type Input struct {
	// Findings are already sorted (path, position, rule).
	Findings []finding.Finding
	// Rules holds the metadata of the rules that ran (SARIF lists them); a
	// superset such as the whole registry gives rdjsonl and text the same
	// report, which is what a Stream, started before the run, is given.
	Rules []*rule.Rule
	// Errors lists files that could not be checked.
	Errors []FileError
	// Files is the number of files checked.
	Files int
	// Version is corpuslint's version, as reported by the tool.
	Version string
	// Color asks for ANSI colour in text output (only set on a terminal).
	Color bool
	// Source, when set, returns the content of a checked file, so the GitHub
	// job summary can show suggested fixes as diffs. Nil: fixes in words only.
	Source func(path string) ([]byte, error)
	// ConfigNotes are remarks about the configuration file (unused ignores).
	ConfigNotes []ConfigNote

	// ruleURLs caches Rules' documentation addresses by ID for a Stream,
	// which renders once a file; nil: built from Rules when needed.
	ruleURLs map[string]string
	// rdjsonl keeps what a Stream's rdjsonl lines repeat from one file to
	// the next; nil: made for each rendering.
	rdjsonl *rdEncoder
}

// FileError is a file that could not be checked, and why.
type FileError struct {
	Path, Message string
}

// Tool facts shared by the formats that describe the tool.
const (
	toolName    = "corpuslint"
	toolURL     = "https://github.com/corpuslint/corpuslint"
	ruleDocBase = toolURL + "/blob/main/README.md"
)

// format is one output format: its name and the function that renders it.
type format struct {
	name  string
	write func(w *bytes.Buffer, in *Input) error
}

// formats lists the output formats in the order Formats reports them.
func formats() []format {
	return []format{
		{"text", writeText},
		{"json", writeJSON},
		{"rdjsonl", writeRDJSONL},
		{"sarif", writeSARIF},
		{"github", writeGitHub},
	}
}

// Formats returns the names of the output formats Write accepts: text, json,
// rdjsonl, sarif and github.
func Formats() []string {
	fs := formats()
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	return names
}

// Write renders in in the named format to w. An unknown format is an error that
// names it and lists the valid ones.
func Write(w io.Writer, format string, in *Input) error {
	if in == nil {
		return fmt.Errorf("writing %s report: no input", format)
	}
	for _, f := range formats() {
		if f.name != format {
			continue
		}
		var buf bytes.Buffer
		if err := f.write(&buf, in); err != nil {
			return fmt.Errorf("rendering %s report: %w", format, err)
		}
		if _, err := w.Write(buf.Bytes()); err != nil {
			return fmt.Errorf("writing %s report: %w", format, err)
		}
		return nil
	}
	return fmt.Errorf("unknown output format %q (valid formats: %s)", format, strings.Join(Formats(), ", "))
}

// ruleDocURL is the address of a rule's documentation: its heading in the
// README.
func ruleDocURL(id string) string {
	return ruleDocBase + "#" + ruleAnchor(id)
}

// helpURL is where a rule is documented: its own HelpURL (a user's pattern
// rule), or its section of the README.
func helpURL(r *rule.Rule) string {
	if r.HelpURL != "" {
		return r.HelpURL
	}
	return ruleDocURL(r.ID)
}

// ruleAnchor is the anchor GitHub gives a README heading that reads the rule
// ID: lower case, punctuation other than hyphens and underscores dropped,
// spaces turned into hyphens ("artifact/read-also" → "artifactread-also").
func ruleAnchor(id string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(id) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ruleName is the part of a rule ID after the slash.
func ruleName(id string) string {
	if i := strings.IndexByte(id, '/'); i >= 0 {
		return id[i+1:]
	}
	return id
}

// relatedPath is the file a related location is in: its own path, or the
// finding's when it has none.
func relatedPath(f *finding.Finding, l *finding.Location) string {
	if l.Path != "" {
		return l.Path
	}
	return f.Path
}

// firstFix returns the finding's first fix, or nil.
func firstFix(f *finding.Finding) *finding.Fix {
	if len(f.Fixes) == 0 {
		return nil
	}
	return &f.Fixes[0]
}
