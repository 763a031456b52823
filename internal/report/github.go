package report

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sethvargo/go-githubactions"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// fixSeparator joins a finding's message and its fix in an annotation.
const fixSeparator = " — suggested fix: "

// annotationsPerLevel is how many annotations of one level (error, warning,
// notice) the GitHub Actions runner keeps from one step; it drops the rest.
// The runner also keeps at most 50 a job, which one step at three levels of
// ten cannot reach.
const annotationsPerLevel = 10

// annotationLevels are the workflow commands of the severities, most severe
// first.
var annotationLevels = []struct {
	severity finding.Severity
	command  string
}{
	{finding.Error, "error"},
	{finding.Warning, "warning"},
	{finding.Info, "notice"},
}

// annotation is one workflow command to print.
type annotation struct {
	command string
	fields  map[string]string
	message string
}

// writeGitHub renders GitHub Actions workflow commands: one ::error,
// ::warning or ::notice annotation per finding, with the file, the lines and,
// on a single line, the columns in code points (endColumn exclusive), titled
// with the rule ID, one ::error per file that could not be checked and one
// ::notice per note on the configuration file (an ignore that matched nothing).
//
// The runner keeps only annotationsPerLevel annotations of each level from a
// step, so the most severe are printed first (files that could not be checked
// before error findings), each level is capped, and when anything was left
// out a last ::notice gives the totals and says where the rest are.
//
// go-githubactions v1.4.0 escapes exactly as @actions/core does (data: % CR
// LF; properties also : and ,). Messages and paths are handed to it as data in
// a Command, never as a format string; before that, invalid UTF-8 becomes
// U+FFFD and control characters other than tab, CR and LF are written as Go
// escapes, so no byte of an article can end the command early, start a new
// one or drive the log viewer.
func writeGitHub(buf *bytes.Buffer, in *Input) error {
	action := githubactions.New(githubactions.WithWriter(buf))
	byLevel := map[string][]annotation{}
	for _, e := range in.Errors {
		byLevel["error"] = append(byLevel["error"], annotation{
			command: "error",
			fields:  map[string]string{"file": e.Path, "title": toolName},
			message: "could not check file: " + e.Message,
		})
	}
	// Notes on the configuration come before the info findings' notices.
	byLevel["notice"] = githubConfigAnnotations(in.ConfigNotes)
	for i := range in.Findings {
		f := &in.Findings[i]
		c := annotationCommand(f.Severity)
		byLevel[c] = append(byLevel[c], annotation{command: c, fields: githubFields(f), message: annotationMessage(f)})
	}
	shown, total := 0, len(in.Errors)+len(in.ConfigNotes)+len(in.Findings)
	for _, level := range annotationLevels {
		list := byLevel[level.command]
		limit := annotationsPerLevel
		// Notices come last: when anything is left out, keep room for the
		// totals notice.
		if level.command == "notice" && (shown < total-len(list) || len(list) > limit) {
			limit--
		}
		for i := range list[:min(len(list), limit)] {
			a := &list[i]
			fields := make(githubactions.CommandProperties, len(a.fields))
			for k, v := range a.fields {
				fields[k] = githubText(v)
			}
			action.IssueCommand(&githubactions.Command{Name: a.command, Properties: fields, Message: githubText(a.message)})
			shown++
		}
	}
	if shown < total {
		action.IssueCommand(&githubactions.Command{
			Name:       "notice",
			Properties: githubactions.CommandProperties{"title": toolName},
			Message:    truncationNotice(in, shown),
		})
	}
	return nil
}

// annotationCommand is the workflow command of a severity.
func annotationCommand(s finding.Severity) string {
	for _, l := range annotationLevels {
		if l.severity == s {
			return l.command
		}
	}
	return "notice"
}

// annotationMessage is a finding's message followed by its first fix in
// words.
func annotationMessage(f *finding.Finding) string {
	msg := f.Message
	if fx := firstFix(f); fx != nil {
		msg += fixSeparator + fx.Message
		if !fx.Safe {
			msg += unsafeFixNote
		}
	}
	return msg
}

// truncationNotice gives the totals of a run whose annotations were capped,
// and where the findings not shown can be read.
func truncationNotice(in *Input, shown int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", toolName, findingTotals(in.Findings))
	fmt.Fprintf(&b, " in %d %s", in.Files, plural(in.Files, "file", "files"))
	if n := len(in.Errors); n > 0 {
		fmt.Fprintf(&b, ", %d %s not checked", n, plural(n, "file", "files"))
	}
	fmt.Fprintf(&b, "; %d shown as annotations, the most severe first (GitHub keeps %d per level per step). ", shown, annotationsPerLevel)
	b.WriteString("The job summary of this run lists the others")
	fmt.Fprintf(&b, " (up to %d); --format sarif or --format rdjsonl gives every finding.", summaryTableRows)
	return b.String()
}

// findingTotals is "N findings (E error, W warning, I info)".
func findingTotals(fs []finding.Finding) string {
	var counts [finding.Error + 1]int
	for i := range fs {
		if s := fs[i].Severity; s >= finding.Info && s <= finding.Error {
			counts[s]++
		}
	}
	return fmt.Sprintf("%d %s (%d error, %d warning, %d info)", len(fs), plural(len(fs), "finding", "findings"),
		counts[finding.Error], counts[finding.Warning], counts[finding.Info])
}

// plural picks the form of a word for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// githubText makes article text safe to hand to a workflow command before it
// is escaped: each run of invalid UTF-8 becomes one U+FFFD, and control characters other than
// tab, CR and LF (which the escaping handles), and the Unicode line and
// paragraph separators, are written as Go escapes (\x1b, \u2028).
func githubText(s string) string {
	unsafe := func(r rune) bool {
		return r == '\u2028' || r == '\u2029' || (unicode.IsControl(r) && r != '\t' && r != '\r' && r != '\n')
	}
	if utf8.ValidString(s) && strings.IndexFunc(s, unsafe) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if !unsafe(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r)
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

// githubFields are the annotation properties of a finding. GitHub accepts
// columns only when the annotation starts and ends on the same line; a range
// that ends at the start of a line (a whole line with its line break) ends on
// the line before.
func githubFields(f *finding.Finding) map[string]string {
	fields := map[string]string{"file": f.Path, "title": f.Rule}
	r := f.Range
	if r.IsZero() {
		return fields
	}
	start, end := r.Start, r.End
	endCol := end.RuneColumn
	if end.Line > start.Line && end.Column == 1 {
		end.Line--
		endCol = 0 // the end of that line, in columns we do not know
	}
	if end.Line < start.Line {
		end.Line = start.Line
	}
	fields["line"] = strconv.Itoa(start.Line)
	fields["endLine"] = strconv.Itoa(end.Line)
	if end.Line == start.Line {
		fields["col"] = strconv.Itoa(start.RuneColumn)
		if endCol > start.RuneColumn {
			fields["endColumn"] = strconv.Itoa(endCol)
		}
	}
	return fields
}
