package report

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// ANSI escape sequences used by coloured text output.
const (
	ansiReset  = "\x1b[0m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
)

// unsafeFixNote follows the fix line of a fix that --fix leaves alone.
const unsafeFixNote = " (not applied by --fix: review it)"

// writeText renders one line per finding,
//
//	path:line:col: severity: message [rule-id]
//
// with col counted in code points, or "path: severity: message [rule-id]" for
// a finding about the whole file. A tab-indented "fix:" line describes the
// first fix and "see" lines give related locations. Files that could not be
// checked and the summary are the command line's business (on stderr).
// Control characters in paths and messages are shown escaped, so scraped text
// cannot break lines or drive the terminal.
func writeText(buf *bytes.Buffer, in *Input) error {
	for i := range in.Findings {
		f := &in.Findings[i]
		buf.WriteString(textLocation(f.Path, f.Range))
		buf.WriteString(": ")
		buf.WriteString(colorize(in.Color, severityColor(f.Severity), f.Severity.String()))
		buf.WriteString(": ")
		buf.WriteString(sanitize(f.Message))
		buf.WriteString(" ")
		buf.WriteString(colorize(in.Color, ansiDim, "["+f.Rule+"]"))
		buf.WriteByte('\n')
		if fx := firstFix(f); fx != nil {
			buf.WriteString("\tfix: ")
			buf.WriteString(sanitize(fx.Message))
			if !fx.Safe {
				buf.WriteString(unsafeFixNote)
			}
			buf.WriteByte('\n')
		}
		for j := range f.Related {
			l := &f.Related[j]
			buf.WriteString("\tsee ")
			buf.WriteString(textLocation(relatedPath(f, l), l.Range))
			if l.Message != "" {
				buf.WriteString(": ")
				buf.WriteString(sanitize(l.Message))
			}
			buf.WriteByte('\n')
		}
	}
	return nil
}

// textLocation is "path:line:col" (col in code points), or just the path for
// an unresolved range.
func textLocation(path string, r finding.Range) string {
	p := sanitize(path)
	if r.IsZero() {
		return p
	}
	return fmt.Sprintf("%s:%d:%d", p, r.Start.Line, r.Start.RuneColumn)
}

// severityColor picks the colour of a severity: red, yellow or cyan.
func severityColor(s finding.Severity) string {
	switch s {
	case finding.Error:
		return ansiRed
	case finding.Warning:
		return ansiYellow
	default:
		return ansiCyan
	}
}

// colorize wraps s in the colour code when on is set.
func colorize(on bool, code, s string) string {
	if !on {
		return s
	}
	return code + s + ansiReset
}

// sanitize shows control characters other than tab as Go escapes (\n, \x1b,
// \u0085), keeping everything else as it is.
func sanitize(s string) string {
	if strings.IndexFunc(s, isUnsafeControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !isUnsafeControl(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r)
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

// isUnsafeControl reports whether r is a control character that could break a
// line or start a terminal escape sequence.
func isUnsafeControl(r rune) bool {
	return r != '\t' && unicode.IsControl(r)
}
