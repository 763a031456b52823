package fix

import (
	"errors"
	"fmt"
	"sort"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// candidate is one finding's safe fix, validated and ready to merge.
type candidate struct {
	// index is the finding's index in the slice given to Merge.
	index int
	// rule and line name the finding in reasons given to the fixes it blocks.
	rule string
	line int
	// edits are the fix's edits sorted by (Start, End), without no-op edits.
	edits []finding.Edit
	// covered is the number of bytes the edits replace, all together.
	covered int
}

// newCandidate validates fix, the safe fix of f (findings[index]), against a text
// of textLen bytes. The error says why the fix is malformed.
func newCandidate(textLen, index int, f *finding.Finding, fix *finding.Fix) (candidate, error) {
	c := candidate{index: index, rule: f.Rule, line: f.Range.Start.Line}
	for k, e := range fix.Edits {
		if e.Start > e.End {
			return c, fmt.Errorf("edit %d starts at byte %d, after its end at byte %d", k+1, e.Start, e.End)
		}
		if e.Start < 0 || e.End > textLen {
			return c, fmt.Errorf("edit %d covers bytes %d to %d, outside the text (%d bytes)", k+1, e.Start, e.End, textLen)
		}
		if e.Len() == 0 && e.New == "" {
			continue // changes nothing
		}
		c.edits = append(c.edits, e)
		c.covered += e.Len()
	}
	if len(c.edits) == 0 {
		return c, errors.New("it changes nothing")
	}
	sort.SliceStable(c.edits, func(a, b int) bool { return editLess(c.edits[a], c.edits[b]) })
	for k := 1; k < len(c.edits); k++ {
		p, e := c.edits[k-1], c.edits[k]
		if p.Overlaps(e.Span) {
			return c, fmt.Errorf("its edits of bytes %d to %d and %d to %d overlap", p.Start, p.End, e.Start, e.End)
		}
	}
	return c, nil
}

// editLess orders edits by start, then end: an insertion comes before a
// replacement that starts at the same offset.
func editLess(a, b finding.Edit) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	return a.End < b.End
}

// candidateLess is the order Merge considers fixes in: by the start of the first
// edit, then the fix that replaces more bytes, then rule ID, then the edits
// themselves, then the finding's index, so the plan does not depend on the order
// findings were reported in.
func candidateLess(a, b *candidate) bool {
	if a.edits[0].Start != b.edits[0].Start {
		return a.edits[0].Start < b.edits[0].Start
	}
	if a.covered != b.covered {
		return a.covered > b.covered
	}
	if a.rule != b.rule {
		return a.rule < b.rule
	}
	if c := compareEdits(a.edits, b.edits); c != 0 {
		return c < 0
	}
	return a.index < b.index
}

// compareEdits compares two sorted edit lists by span and new text, element by
// element, then by length.
func compareEdits(a, b []finding.Edit) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := a[i], b[i]
		switch {
		case x.Start != y.Start:
			return sign(x.Start - y.Start)
		case x.End != y.End:
			return sign(x.End - y.End)
		case x.New < y.New:
			return -1
		case x.New > y.New:
			return 1
		}
	}
	return sign(len(a) - len(b))
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}
