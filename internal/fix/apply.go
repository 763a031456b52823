package fix

import (
	"fmt"
	"strings"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// Apply returns text with edits applied. The edits must lie within the text, be
// sorted by start and not overlap (as Plan.Edits are); otherwise Apply returns an
// error and no text. An insertion may touch a replacement: the insertion goes
// first when it sorts first.
func Apply(text string, edits []finding.Edit) (string, error) {
	if err := checkEdits(len(text), edits); err != nil {
		return "", err
	}
	size := len(text)
	for _, e := range edits {
		size += len(e.New) - e.Len()
	}
	var b strings.Builder
	b.Grow(size)
	pos := 0
	for _, e := range edits {
		b.WriteString(text[pos:e.Start])
		b.WriteString(e.New)
		pos = e.End
	}
	b.WriteString(text[pos:])
	return b.String(), nil
}

// checkEdits verifies that edits are in bounds, sorted and non-overlapping.
// Checking neighbours is enough: in a sorted list, an edit that overlaps none
// of its neighbours overlaps nothing.
func checkEdits(textLen int, edits []finding.Edit) error {
	for i, e := range edits {
		if e.Start < 0 || e.Start > e.End || e.End > textLen {
			return fmt.Errorf("edit %d (bytes %d to %d) lies outside the text (%d bytes)", i+1, e.Start, e.End, textLen)
		}
		if i == 0 {
			continue
		}
		p := edits[i-1]
		if e.Start < p.End || p.Overlaps(e.Span) {
			return fmt.Errorf("edit %d (bytes %d to %d) overlaps or precedes edit %d (bytes %d to %d); edits must be sorted and must not overlap",
				i+1, e.Start, e.End, i, p.Start, p.End)
		}
	}
	return nil
}

// NormalizeNewlines returns s with each line end ("\n" or "\r\n") written as eol,
// the line end of the file the text goes into. An empty eol means "\n". A lone
// "\r" is left as it is.
func NormalizeNewlines(s, eol string) string {
	if eol == "" {
		eol = "\n"
	}
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + strings.Count(s, "\n")*len(eol))
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		line := strings.TrimSuffix(s[:i], "\r")
		b.WriteString(line)
		b.WriteString(eol)
		s = s[i+1:]
	}
}
