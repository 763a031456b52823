package fix

import (
	"sort"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// Merge combines the first safe fix of each finding into one plan of edits over a
// text of textLen bytes. Findings without a safe fix are ignored. A malformed fix
// (an edit out of bounds, reversed, or overlapping another edit of the same fix)
// is skipped. Fixes are considered in a fixed order (see candidateLess); a fix
// whose edits overlap those already accepted is skipped whole, as subsumed when
// it lies inside text an accepted fix deletes and as a conflict otherwise. Edits
// identical to accepted ones coalesce, and touching edits do not conflict.
func Merge(textLen int, findings []finding.Finding) Plan {
	var plan Plan
	var cands []*candidate
	for i := range findings {
		fx := findings[i].SafeFix()
		if fx == nil {
			continue
		}
		c, err := newCandidate(textLen, i, &findings[i], fx)
		if err != nil {
			plan.Skipped = append(plan.Skipped, Skip{Index: i, Reason: "the fix is malformed: " + err.Error()})
			continue
		}
		cands = append(cands, &c)
	}
	sort.Slice(cands, func(a, b int) bool { return candidateLess(cands[a], cands[b]) })

	var set acceptedSet
	for _, c := range cands {
		v := set.judge(c)
		switch {
		case v.blocker == nil:
			set.add(c, v.fresh)
			plan.Applied = append(plan.Applied, c.index)
		case v.subsumed:
			plan.Skipped = append(plan.Skipped, Skip{Index: c.index, Subsumed: true,
				Reason: "covered by " + describe(v.blocker)})
		default:
			plan.Skipped = append(plan.Skipped, Skip{Index: c.index,
				Reason: "conflicts with " + describe(v.blocker) + "; run --fix again to apply it"})
		}
	}
	plan.Edits = set.plain()
	sort.Ints(plan.Applied)
	sort.Slice(plan.Skipped, func(a, b int) bool { return plan.Skipped[a].Index < plan.Skipped[b].Index })
	return plan
}
