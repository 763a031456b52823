package rules

import (
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// EditorCode finds editors' initials such as "(nds/krs)" closing an article
// (on its last non-blank line), with the tag words detik prints after them.
var EditorCode = &rule.Rule{
	ID:       "artifact/editor-code",
	Title:    "editor initials and tag words at the end",
	Severity: finding.Info,
	FixSafe:  false,
	Doc: rule.Doc{
		What: `Editors' initials in parentheses, "(nds/krs)", that close a detik article, with the lower-case tag words that follow them ("marcus rashford barcelona").`,
		Why:  "They are newsroom bookkeeping, not text; whether to strip them depends on the corpus, so no fix is applied by default.",
		Bad:  "Rashford bahagia bersama Barcelona. (nds/krs) marcus rashford barcelona\n",
		Good: "Rashford bahagia bersama Barcelona.\n",
		Lang: "id",
	},
	Run: runEditorCode,
}

// editorCodeExpr is detik's editor code: editors' initials in parentheses,
// "(nds/krs)". The patterns below are built from it; artifact/read-more tests
// it by code (editorCodeAt).
const editorCodeExpr = `\((?:[a-z]{2,5}/){1,3}[a-z]{2,5}\)`

// editorCodeInLine finds the code inside a flattened line.
var editorCodeInLine = lazyRegexp(editorCodeExpr)

// closingEditorCode returns where the editor code closing line starts, with
// the ASCII white space before it, or -1. It finds what the leftmost match of
//
//	\s*\((?:[a-z]{2,5}/){1,3}[a-z]{2,5}\)(?:\s+[\p{Ll}\p{N}][\p{Ll}\p{N}'-]*)*\s*$
//
// would (the match runs to the line's end), without trying a regular
// expression from every position of the line: after the code's ")" come only
// lower-case words, digits, ' and - and ASCII white space (\s), so the code's
// ")" is the first character from the end that is none of those, and only one
// code can close a line.
func closingEditorCode(line string) int {
	i := len(line) // line[i:] holds only the tail's characters
	for i > 0 {
		if c := line[i-1]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '\'' || c == '-' || isRegexpSpace(c) {
				i--
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRuneInString(line[:i])
		if !unicode.IsLower(r) && !unicode.IsNumber(r) {
			break
		}
		i -= n
	}
	if i == 0 || line[i-1] != ')' {
		return -1
	}
	// The tag words: white space right after the code, each word starting
	// with a lower-case letter or a digit.
	if i < len(line) && !isRegexpSpace(line[i]) {
		return -1
	}
	for k := i; k < len(line); k++ {
		if (line[k] == '\'' || line[k] == '-') && isRegexpSpace(line[k-1]) {
			return -1
		}
	}
	// The code: "(", two to four groups of two to five letters a-z
	// separated by "/", ")".
	j, groups := i-1, 0
	for {
		k := j
		for k > 0 && 'a' <= line[k-1] && line[k-1] <= 'z' {
			k--
		}
		if n := j - k; n < 2 || n > 5 || k == 0 {
			return -1
		}
		groups++
		switch {
		case line[k-1] == '/' && groups < 4:
			j = k - 1
			continue
		case line[k-1] == '(' && groups >= 2:
			start := k - 1
			for start > 0 && isRegexpSpace(line[start-1]) {
				start--
			}
			return start
		}
		return -1
	}
}

// isRegexpSpace reports whether c is white space as \s is in a regular
// expression: space, \t, \n, \f or \r (not \v).
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func runEditorCode(p *rule.Pass) {
	d := p.Doc
	// Only the article's last line: the code closes the article, and the same
	// shape mid-article is text ("jawab (ya/tidak) pada formulir").
	last := len(d.Lines) - 1
	for last >= 0 && d.IsBlankLine(last) {
		last--
	}
	if last < 0 {
		return
	}
	ls := trimmedLine(d, last)
	line := d.Slice(ls)
	start := closingEditorCode(line)
	if start < 0 {
		return
	}
	s := trimSpan(d.Text, finding.Span{Start: ls.Start + start, End: ls.End})
	p.Report(s, "editor code "+quote(d.Slice(s))+" at the end of the text",
		finding.Fix{Message: "delete " + quote(d.Slice(s)), Edits: []finding.Edit{removeInlineEdit(d.Text, ls, s)}})
}
