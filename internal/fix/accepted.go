package fix

import (
	"fmt"
	"sort"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// owned is an accepted edit and the fix that brought it into the plan.
type owned struct {
	finding.Edit
	owner *candidate
}

// acceptedSet is the edits of the fixes accepted so far, sorted by (Start, End)
// and non-overlapping, so their ends never decrease either.
type acceptedSet struct {
	edits []owned
}

// verdict is what acceptedSet.judge decided about a fix.
type verdict struct {
	// fresh are the fix's edits not already in the set.
	fresh []finding.Edit
	// blocker is the accepted fix that keeps this one out; nil when it fits.
	blocker *candidate
	// subsumed reports that the blocker deletes the text this fix edits.
	subsumed bool
}

// judge decides whether c fits with the accepted edits. An edit identical to an
// accepted one coalesces with it; an edit inside an accepted deletion makes the
// fix subsumed; any other overlap is a conflict, which outranks subsumption.
func (s *acceptedSet) judge(c *candidate) verdict {
	var v verdict
	var coveredBy *candidate
	for _, e := range c.edits {
		settled := false // e is already in the set, or its text is deleted
		// The first accepted edit that could touch e; ends never decrease.
		i := sort.Search(len(s.edits), func(i int) bool { return s.edits[i].End >= e.Start })
		for ; i < len(s.edits) && s.edits[i].Start <= e.End; i++ {
			a := s.edits[i]
			if a.Span == e.Span && a.New == e.New {
				settled = true
				break
			}
			if !a.Overlaps(e.Span) {
				continue
			}
			if a.New == "" && a.Len() > 0 && a.Contains(e.Span) {
				if coveredBy == nil {
					coveredBy = a.owner
				}
				settled = true
				continue
			}
			if a.New == "" && e.New == "" && e.Len() > 0 {
				// Two deletions that share bytes (two deleted lines claiming
				// the same blank line): both want the bytes gone, so the
				// plan deletes their union.
				continue
			}
			return verdict{blocker: a.owner}
		}
		if !settled {
			v.fresh = append(v.fresh, e)
		}
	}
	if coveredBy != nil {
		return verdict{blocker: coveredBy, subsumed: true}
	}
	return v
}

// add puts edits, which judge found free, into the set. A deletion that
// overlaps accepted deletions replaces them with their union.
func (s *acceptedSet) add(c *candidate, edits []finding.Edit) {
	for _, e := range edits {
		if e.New == "" && e.Len() > 0 {
			kept := s.edits[:0:0]
			for _, a := range s.edits {
				if a.New == "" && a.Len() > 0 && a.Overlaps(e.Span) {
					e.Start = min(e.Start, a.Start)
					e.End = max(e.End, a.End)
					continue
				}
				kept = append(kept, a)
			}
			s.edits = kept
		}
		i := sort.Search(len(s.edits), func(i int) bool { return editLess(e, s.edits[i].Edit) })
		s.edits = append(s.edits, owned{})
		copy(s.edits[i+1:], s.edits[i:])
		s.edits[i] = owned{Edit: e, owner: c}
	}
}

// plain returns the accepted edits without their owners.
func (s *acceptedSet) plain() []finding.Edit {
	out := make([]finding.Edit, len(s.edits))
	for i, o := range s.edits {
		out[i] = o.Edit
	}
	return out
}

// describe names c's fix in a reason: "the fix of RULE at line N".
func describe(c *candidate) string {
	rule := c.rule
	if rule == "" {
		rule = "another finding"
	}
	if c.line > 0 {
		return fmt.Sprintf("the fix of %s at line %d", rule, c.line)
	}
	return "the fix of " + rule
}
