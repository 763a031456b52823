// Package fix is the fix engine: it merges the safe fixes of a file's findings
// into one plan of non-overlapping edits (Merge), applies the plan to the text
// (Apply), replaces the file on disk atomically (WriteFile) and renders the change
// as an annotated unified diff that git apply accepts (Diff).
package fix
