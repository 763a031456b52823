// Package findingtext writes the text of findings that built-in rules and
// user rules share: how matched text is quoted in a message, and the fix that
// deletes a line, whose message quotes it.
package findingtext

import (
	"strings"
	"unicode"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
)

// QuoteLimit is about how many characters Quote keeps, white space included.
const QuoteLimit = 60

// Quote shows text in a message: in “…”, white space folded to single spaces,
// control characters (and zero-width space, BOM) dropped, cut with "…" after
// QuoteLimit characters, so a message stays one short line.
func Quote(s string) string {
	var b strings.Builder
	n := 0
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			n++
		}
		space = false
		if n >= QuoteLimit {
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
		n++
	}
	return "\u201c" + b.String() + "\u201d"
}

// DeleteLineFix is the safe fix that deletes line i of d (with its line end).
func DeleteLineFix(d *document.Document, i int) finding.Fix {
	return finding.Fix{Message: "delete the line " + Quote(d.LineText(i)), Edits: []finding.Edit{d.DeleteLineEdit(i)}, Safe: true}
}
