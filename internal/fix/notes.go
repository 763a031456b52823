package fix

import (
	"sort"
	"strings"
)

// Note is a remark printed above the hunk that changes the line it is about, so
// that a person reading the diff sees why each change is made.
type Note struct {
	// Line is the 1-based line in the old text the note is about.
	Line int
	// Rule is the ID of the rule whose fix made the change.
	Rule string
	// Message is the finding's message.
	Message string
}

// notePrefix starts every note line. A patch reader takes a line starting with
// it for commentary, never for a header, hunk or diff line.
const notePrefix = "# "

// attachNotes gives each note to the hunk whose old lines hold its line, or to the
// nearest hunk (the earlier one on a tie). Within a hunk, notes keep the order of
// their lines, then their order in notes.
func attachNotes(hunks []hunk, notes []Note) [][]Note {
	out := make([][]Note, len(hunks))
	if len(hunks) == 0 {
		return out
	}
	sorted := append([]Note(nil), notes...)
	sort.SliceStable(sorted, func(a, b int) bool { return sorted[a].Line < sorted[b].Line })
	for _, n := range sorted {
		best, bestDist := 0, -1
		for i, h := range hunks {
			first, last := h.oldRange()
			d := 0
			if n.Line < first {
				d = first - n.Line
			} else if n.Line > last {
				d = n.Line - last
			}
			if bestDist < 0 || d < bestDist {
				best, bestDist = i, d
			}
		}
		out[best] = append(out[best], n)
	}
	return out
}

// noteLine renders a note as one commentary line, ending in "\n".
func noteLine(n Note) string {
	text := n.Message
	if n.Rule != "" {
		text = n.Rule + ": " + n.Message
	}
	return notePrefix + foldLine(text) + "\n"
}

// foldLine replaces each run of line breaks and other control characters in s
// with one space, so that s stays on one line of a patch.
func foldLine(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	inBreak := false
	for _, r := range s {
		if r < 0x20 && r != '\t' || r == 0x7f || r == '\u0085' || r == '\u2028' || r == '\u2029' {
			if !inBreak {
				b.WriteByte(' ')
			}
			inBreak = true
			continue
		}
		inBreak = false
		b.WriteRune(r)
	}
	return b.String()
}
