package report

import (
	"bytes"
	"strconv"

	"github.com/sethvargo/go-githubactions"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// fixSeparator joins a finding's message and its fix in an annotation.
const fixSeparator = " — suggested fix: "

// writeGitHub renders GitHub Actions workflow commands: one ::error,
// ::warning or ::notice annotation per finding, with the file, the lines and,
// on a single line, the columns in code points (endColumn exclusive), titled
// with the rule ID; then one ::error annotation per file that could not be
// checked.
//
// go-githubactions escapes exactly as @actions/core does (data: % CR LF;
// properties also : and ,), so messages and paths are handed over raw, never
// as a format string: a message or path cannot end the command early or start
// a new one.
func writeGitHub(buf *bytes.Buffer, in *Input) error {
	action := githubactions.New(githubactions.WithWriter(buf))
	for i := range in.Findings {
		f := &in.Findings[i]
		msg := f.Message
		if fx := firstFix(f); fx != nil {
			msg += fixSeparator + fx.Message
		}
		a := action.WithFieldsMap(githubFields(f))
		switch f.Severity {
		case finding.Error:
			a.Errorf("%s", msg)
		case finding.Warning:
			a.Warningf("%s", msg)
		default:
			a.Noticef("%s", msg)
		}
	}
	for _, e := range in.Errors {
		action.WithFieldsMap(map[string]string{"file": e.Path, "title": toolName}).
			Errorf("%s", "could not check file: "+e.Message)
	}
	writeGitHubConfigNotes(action, in.ConfigNotes)
	return nil
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
