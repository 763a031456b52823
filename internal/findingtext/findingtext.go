// Package findingtext writes the text of findings that built-in rules and
// user rules share: how matched text is quoted in a message, and the fix that
// deletes a line, whose message quotes it.
package findingtext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
)

// QuoteLimit is about how many characters Quote keeps, white space included.
const QuoteLimit = 60

// Quote shows text in a message: in “…”, white space folded to single spaces,
// control characters (and zero-width space, BOM) dropped, cut with "…" after
// QuoteLimit characters, so a message stays one short line.
func Quote(s string) string {
	// Room for the quote marks, the text kept (QuoteLimit characters and a
	// space, four bytes at most each, or all of a shorter s) and "…": one
	// allocation, the string itself (only invalid UTF-8, which becomes
	// U+FFFD, can make the text longer than s).
	var b strings.Builder
	b.Grow(len("\u201c\u201d…") + min(len(s), 4*(QuoteLimit+1)))
	b.WriteString("\u201c")
	n := 0
	space := false
	for i := 0; i < len(s); {
		// What to keep next: a run of printable ASCII other than space
		// (s[i:run], copied at once), or the rune r of size bytes.
		r, size, run := rune(s[i]), 1, 0
		switch {
		case ' ' < r && r < 0x7f:
			run = i + 1
			for run < len(s) && run-i < QuoteLimit && ' ' < s[run] && s[run] < 0x7f {
				run++
			}
		case r < utf8.RuneSelf:
			// ASCII: white space is \t \n \v \f \r and space, control
			// characters are below space and DEL.
			i++
			if r == ' ' || uint32(r-'\t') <= '\r'-'\t' {
				space = true
			}
			continue
		default:
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
			if unicode.IsSpace(r) {
				space = true
				continue
			}
			if unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
				continue
			}
		}
		if space && n > 0 {
			b.WriteByte(' ')
			n++
		}
		space = false
		if n >= QuoteLimit {
			b.WriteString("…")
			break
		}
		if run == 0 {
			b.WriteRune(r)
			n++
			continue
		}
		run = min(run, i+QuoteLimit-n) // as far as the limit
		b.WriteString(s[i:run])
		n += run - i
		i = run
	}
	b.WriteString("\u201d")
	return b.String()
}

// DeleteLineFix is the safe fix that deletes line i of d (with its line end).
func DeleteLineFix(d *document.Document, i int) finding.Fix {
	return finding.Fix{Message: "delete the line " + Quote(d.LineText(i)), Edits: []finding.Edit{d.DeleteLineEdit(i)}, Safe: true}
}
