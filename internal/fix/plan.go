package fix

import "github.com/corpuslint/corpuslint/internal/finding"

// Plan is the outcome of merging the safe fixes of one file's findings.
type Plan struct {
	// Edits is sorted by Start, non-overlapping and coalesced: identical edits
	// from several fixes appear once. Apply takes it as it is.
	Edits []finding.Edit
	// Applied holds, in increasing order, the indexes into the findings whose
	// safe fix is entirely in Edits.
	Applied []int
	// Skipped holds, in increasing order of Index, the findings that had a safe
	// fix which was left out, and why.
	Skipped []Skip
}

// Skip is a safe fix that Merge left out of a plan.
type Skip struct {
	// Index is the finding's index in the slice given to Merge.
	Index int
	// Reason says in words why the fix was left out.
	Reason string
	// Subsumed reports that the fix lies inside text another applied fix
	// deletes, so applying the plan resolves the finding as well.
	Subsumed bool
}
