package fix

import (
	"github.com/sergi/go-diff/diffmatchpatch"
)

// lineKind says whether a diff line is kept, removed or added.
type lineKind byte

// The kinds of diff line, written as the line's first byte.
const (
	keep   lineKind = ' '
	remove lineKind = '-'
	add    lineKind = '+'
)

// diffLine is one line of a line-mode diff. text includes its line end ("\n" or
// "\r\n"); only a side's last line may lack one.
type diffLine struct {
	kind lineKind
	text string
}

// diffLines compares old and new line by line. Within a run of changes, the
// removed lines come before the added ones.
func diffLines(old, new string) []diffLine {
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToChars(old, new)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines)
	var out, added []diffLine
	flush := func() {
		out = append(out, added...)
		added = added[:0]
	}
	for _, d := range diffs {
		var kind lineKind
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			flush()
			kind = keep
		case diffmatchpatch.DiffDelete:
			kind = remove
		case diffmatchpatch.DiffInsert:
			kind = add
		}
		for _, l := range splitLines(d.Text) {
			if kind == add {
				added = append(added, diffLine{kind, l})
			} else {
				out = append(out, diffLine{kind, l})
			}
		}
	}
	flush()
	return out
}

// splitLines cuts s after each "\n"; the last piece may lack one.
func splitLines(s string) []string {
	var out []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		if i < len(s) {
			i++
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out
}
