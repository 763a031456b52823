package rules

import (
	"strings"
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
// "(nds/krs)". The patterns below, here and in artifact/read-more, are built
// from it.
const editorCodeExpr = `\((?:[a-z]{2,5}/){1,3}[a-z]{2,5}\)`

// editorCodePattern matches the code closing a line, with the tag words after it.
var editorCodePattern = lazyRegexp(`\s*` + editorCodeExpr + `(?:\s+[\p{Ll}\p{N}][\p{Ll}\p{N}'-]*)*\s*$`)

// editorCodeInLine finds the code inside a flattened line.
var editorCodeInLine = lazyRegexp(editorCodeExpr)

// editorCodeWord matches the code standing as one word.
var editorCodeWord = lazyRegexp(`^` + editorCodeExpr + `$`)

// closesWithCode is a quick test the pattern's end implies: after the code's
// ")" come only lower-case words, digits, ' and - and white space. It spares
// the regular expression, which tries every position of a line, nearly
// every line.
func closesWithCode(line string) bool {
	for i := len(line); i > 0; {
		r, n := utf8.DecodeLastRuneInString(line[:i])
		switch {
		case r == ')':
			return true
		case unicode.IsLower(r) || unicode.IsNumber(r) || r == '\'' || r == '-' || r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r':
			i -= n
		default:
			return false
		}
	}
	return false
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
	if !strings.Contains(line, "/") || !strings.Contains(line, "(") || !closesWithCode(line) {
		return
	}
	m := editorCodePattern().FindStringIndex(line)
	if m == nil {
		return
	}
	s := trimSpan(d.Text, finding.Span{Start: ls.Start + m[0], End: ls.Start + m[1]})
	p.Report(s, "editor code "+quote(d.Slice(s))+" at the end of the text",
		finding.Fix{Message: "delete " + quote(d.Slice(s)), Edits: []finding.Edit{removeInlineEdit(d.Text, ls, s)}})
}
